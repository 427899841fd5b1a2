/**
 * 2022 年度佛山市市级部门整体支出绩效自评表 (department level), as far as the seed report
 * (佛山市社会保险基金管理局 2022 年度部门整体支出绩效自评报告) states it.
 *
 * Stated by the seed: the indicators, their 分值, the grade bands, that 三公 within budget
 * earns full marks, that 重点工作完成率 is 已完成 ÷ 计划 and that 项目绩效目标完成率 weighs
 * project self-evaluation scores by funds. Not stated, so marked 待核对: the execution-rate
 * curve (no published rule turns 80.87% into the reported 5.18: linear from 60% to 100% gives
 * 5.22; 执行率减调整率 fits this one report exactly), the 三公 over-budget step, the weight basis,
 * and one 5-point indicator the report scores but never names (the named maxima add to 95).
 */
import { dec } from "../../model/decimal";
import { DEFAULT_SETTINGS } from "../settings";
import type { Standard } from "../types";
import { STANDARD_GRADES } from "../validate";

const SEED = "佛山市社会保险基金管理局 2022 年度部门整体支出绩效自评报告";

export const foshan2022: Standard = {
  id: "foshan-2022",
  name: "2022 年度佛山市市级部门整体支出绩效自评表",
  scope: "department",
  city: "佛山市",
  year: 2022,
  note: "依据佛山市社会保险基金管理局 2022 年度部门整体支出绩效自评报告整理；标“待核对”的参数请按当年评分标准核对。",
  source: SEED,
  indicators: [
    {
      id: "budgetPerformanceManagement",
      level1: "管理效率",
      name: "预算绩效管理情况",
      max: dec(10),
      rule: { kind: "judgment", params: {} },
      unconfirmed: [],
    },
    {
      id: "financialManagement",
      level1: "管理效率",
      name: "财务管理情况",
      max: dec(20),
      rule: { kind: "judgment", params: {} },
      unconfirmed: [],
    },
    {
      id: "projectManagement",
      level1: "管理效率",
      name: "项目管理情况",
      max: dec(12),
      rule: { kind: "judgment", params: {} },
      metric: "projectEvaluationCoverage",
      note: "报告以项目自评覆盖率说明本项；覆盖率不足 100% 列入问题清单。",
      unconfirmed: [],
    },
    {
      id: "assetManagement",
      level1: "管理效率",
      name: "资产管理情况",
      max: dec(8),
      rule: { kind: "judgment", params: {} },
      unconfirmed: [],
    },
    {
      id: "threePublicControl",
      level1: "履职效能",
      name: "“三公”经费控制情况",
      aliases: ["三公经费控制情况", "三公经费控制"],
      max: dec(3),
      rule: { kind: "deductAbove", params: { target: dec(1), deduction: dec("0.1") } },
      metric: "threePublicControl",
      note: "实际支出不超过预算得满分（报告所述）；超支每个百分点扣 0.1 分为默认值。",
      unconfirmed: ["deduction"],
    },
    {
      id: "executionRate",
      level1: "履职效能",
      name: "财政支出执行率",
      aliases: ["预算执行率", "财政支出完成率"],
      max: dec(10),
      rule: { kind: "linearBand", params: { floor: dec("0.6"), full: dec(1) } },
      metric: "executionRate",
      note: "评分曲线未公开：按 60% 得 0 分、100% 得满分线性计算（80.87% → 5.22，报告填 5.18）。可改选计分方法“执行率减调整率”：分值 × (执行率 − 预算调整率) = 10 × (80.87% − 29.07%) = 5.18，与报告一致，但仅由这一份报告拟合，待核对。",
      unconfirmed: ["rule", "floor", "full"],
    },
    {
      id: "keyTaskCompletion",
      level1: "履职效能",
      name: "重点工作完成率",
      max: dec(10),
      rule: { kind: "completionRate", params: {} },
      metric: "keyTaskCompletion",
      unconfirmed: [],
    },
    {
      id: "projectTargetCompletion",
      level1: "履职效能",
      name: "项目绩效目标完成率",
      max: dec(7),
      rule: { kind: "fundWeightedMean", params: { basis: "budget" } },
      metric: "projectFundWeightedScore",
      note: "按各项目自评得分与资金占比加权（报告“按照公式计算”）；以预算还是支出为权重待核对。",
      unconfirmed: ["basis"],
    },
    {
      id: "developmentBenefits",
      level1: "履职效能",
      name: "政治、经济、文化、社会、生态文明建设效益",
      aliases: [
        "政治建设、经济建设、文化建设、社会建设、生态文明建设效益",
        "五大建设效益",
        "政治经济文化社会生态文明建设效益",
      ],
      max: dec(10),
      rule: { kind: "judgment", params: {} },
      unconfirmed: [],
    },
    {
      id: "satisfaction",
      level1: "履职效能",
      name: "公众或服务对象满意度",
      aliases: ["满意度", "服务对象满意度", "公众满意度"],
      max: dec(5),
      rule: { kind: "judgment", params: {} },
      metric: "satisfaction",
      unconfirmed: [],
    },
    {
      id: "unnamedIndicator",
      level1: "（报告未列明）",
      name: "报告未列明的指标",
      max: dec(5),
      rule: { kind: "judgment", params: {} },
      note: "报告所列指标分值合计 95 分、得分合计 90.18 分，总分却为 95.18 分：自评表另有一项 5 分指标未在报告中列明。请按自评表补全名称。",
      source: `${SEED}（由总分推得）`,
      // 一级 and name unknown: a placeholder, whose place a department's own 5-point row takes.
      unconfirmed: ["level1", "name", "max", "rule"],
    },
  ],
  grades: STANDARD_GRADES,
  caps: [],
  settings: { ...DEFAULT_SETTINGS },
  unconfirmed: [],
};
