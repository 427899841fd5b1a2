/**
 * Presets built from published county and municipal department tables whose whole tree is not
 * public: the rows that are published carry their rules; the rest of each tree is one 主观评分
 * row per 一级, its 分值 and contents 待核对. A department of that city replaces those rows with
 * its own table's rows in the 评分标准 sheet.
 */
import { dec } from "../../model/decimal";
import { DEFAULT_SETTINGS } from "../settings";
import { parseStepBands } from "../bands";
import type { Standard, StandardIndicator, StepBand } from "../types";

/** Bands as the 评分标准 sheet writes them (a preset is the same data as a sheet). */
function bands(text: string): StepBand[] {
  return parseStepBands(text, "rate").value ?? [];
}
import { STANDARD_GRADES } from "../validate";

const YUEYANG = "岳阳市市直单位部门整体支出绩效评价指标体系（公开的评分细则）";

function placeholder(id: string, level1: string, name: string, max: number): StandardIndicator {
  return {
    id,
    level1,
    name,
    max: dec(max),
    rule: { kind: "judgment", params: {} },
    note: "原表该部分细目未公开：请按本地评分表拆分为具体指标。",
    unconfirmed: ["max", "rule"],
  };
}

/** 岳阳 (municipal, 部门整体): 投入 15 / 过程 40 / 产出与效益 45, with the published rules. */
export const yueyangDepartment: Standard = {
  id: "yueyang-department",
  name: "岳阳市部门整体支出绩效评价（公开评分细则）",
  scope: "department",
  city: "岳阳市",
  note: "在职人员控制率、“三公”经费变动率与控制率、预算调整率、重点支出安排率按公开细则计分；其余部分分值待核对。",
  source: YUEYANG,
  indicators: [
    {
      id: "staffControl",
      level1: "投入",
      name: "在职人员控制率",
      max: dec(5),
      rule: { kind: "deductAbove", params: { target: dec(1), deduction: dec("0.5") } },
      metric: "staffControl",
      note: "在职人数不超过编制得满分，每超 1 个百分点扣 0.5 分。",
      unconfirmed: [],
    },
    {
      id: "threePublicChange",
      level1: "投入",
      name: "“三公”经费变动率",
      max: dec(5),
      rule: { kind: "deductAbove", params: { target: dec(0), deduction: dec("0.5") } },
      metric: "threePublicChange",
      note: "“三公”经费较上年不增长得满分，每增长 1 个百分点扣 0.5 分。",
      unconfirmed: [],
    },
    {
      id: "budgetAdjustment",
      level1: "投入",
      name: "预算调整率",
      max: dec(3),
      rule: {
        kind: "stepBands",
        params: {
          bands: bands("=0:3；0～10%:2；10%～20%:1；20%～30%:0.5；>30%:0"),
        },
      },
      metric: "budgetAdjustmentRate",
      note: "未调整得 3 分，调整幅度 10% 以内 2 分、10%～20% 1 分、20%～30% 0.5 分、30% 以上 0 分。",
      unconfirmed: [],
    },
    placeholder("inputOther", "投入", "投入其他指标", 2),
    {
      id: "threePublicControl",
      level1: "过程",
      name: "“三公”经费控制率",
      max: dec(6),
      rule: { kind: "deductAbove", params: { target: dec(1), deduction: dec(1) } },
      metric: "threePublicControl",
      note: "实际支出不超过预算得满分，每超 1 个百分点扣 1 分。",
      unconfirmed: [],
    },
    {
      id: "keyExpenditureShare",
      level1: "过程",
      name: "重点支出安排率",
      max: dec(5),
      rule: {
        kind: "stepBands",
        params: {
          bands: bands("≥90%:5；80%～90%:4；70%～80%:3；60%～70%:2；<60%:0"),
        },
      },
      metric: "keyExpenditureShare",
      unconfirmed: [],
    },
    placeholder("processOther", "过程", "过程其他指标", 29),
    placeholder("outputsBenefits", "产出与效益", "产出与效益指标", 45),
  ],
  grades: STANDARD_GRADES,
  caps: [],
  settings: { ...DEFAULT_SETTINGS },
  unconfirmed: ["grades"],
};

const DAYING = "大英县部门整体支出绩效评价指标（2020 年度）";

/** 大英县 (county, 部门整体, FY2020): 编制准确 = (1 − 10 × 调剂额 ÷ 年初预算) × 分值. */
export const dayingDepartment: Standard = {
  id: "daying-2020",
  name: "大英县 2020 年度部门整体支出绩效评价（公开评分细则）",
  scope: "department",
  city: "大英县",
  year: 2020,
  note: "预算编制准确按公开公式计分（以预算调整率代替调剂率，待核对）；其余部分分值待核对。",
  source: DAYING,
  indicators: [
    {
      id: "budgetAccuracy",
      level1: "投入",
      name: "预算编制准确",
      max: dec(5),
      rule: { kind: "linearBand", params: { floor: dec("0.1"), full: dec(0) } },
      metric: "budgetAdjustmentRate",
      note: "（1 − 10 × 调剂额 ÷ 年初预算）× 分值，比例超过 10% 得 0 分；此处以预算调整率计，分值待核对。",
      unconfirmed: ["max", "metric"],
    },
    placeholder("inputOther", "投入", "投入其他指标", 15),
    placeholder("process", "过程", "过程指标", 40),
    placeholder("outputsBenefits", "产出与效益", "产出与效益指标", 40),
  ],
  grades: STANDARD_GRADES,
  caps: [],
  settings: { ...DEFAULT_SETTINGS },
  unconfirmed: ["grades"],
};

const DAZHOU = "达州市市级部门整体支出绩效评价指标体系";

function judged(
  id: string,
  level1: string,
  name: string,
  max: number,
  extra: Partial<StandardIndicator> = {}
): StandardIndicator {
  return {
    id,
    level1,
    name,
    max: dec(max),
    rule: { kind: "judgment", params: {} },
    unconfirmed: [],
    ...extra,
  };
}

/** 达州 (municipal, 部门整体): 部门决策 25 / 综合管理 30 / 部门绩效 45. */
export const dazhouDepartment: Standard = {
  id: "dazhou-department",
  name: "达州市市级部门整体支出绩效评价（公开指标体系）",
  scope: "department",
  city: "达州市",
  note: "指标体系按公开文件整理，评分细则未公开，均为主观评分；“部门决策”细目与“综合管理”其余分值待核对。",
  source: DAZHOU,
  indicators: [
    placeholder("decision", "部门决策", "部门决策", 25),
    judged("executionMonitoring", "综合管理", "预算执行进度监控", 2, { metric: "executionRate" }),
    judged("targetMonitoring", "综合管理", "绩效目标动态监控", 3),
    judged("assets", "综合管理", "资产管理", 6),
    judged("disclosure", "综合管理", "信息公开", 6),
    placeholder("managementOther", "综合管理", "综合管理其他指标", 13),
    judged("results", "部门绩效", "履职成效", 20),
    judged("sustainability", "部门绩效", "可持续发展", 15),
    judged("satisfaction", "部门绩效", "满意度", 10, { metric: "satisfaction" }),
  ],
  grades: STANDARD_GRADES,
  caps: [],
  settings: { ...DEFAULT_SETTINGS },
  unconfirmed: ["grades"],
};
