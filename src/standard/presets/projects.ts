/**
 * Standards for project forms (项目支出绩效自评表). A project's own indicators differ from project
 * to project, so a project standard lists classes: 预算执行率 scored from the form's funds, and
 * 产出 / 效益 / 满意度 whose rows are each scored against their own 年度指标值 (按指标值比较得分).
 */
import { dec } from "../../model/decimal";
import { DEFAULT_GRADE_RANGES } from "../bands";
import { defaultSettings } from "../settings";
import type { Standard, StandardIndicator } from "../types";
import { STANDARD_GRADES } from "../validate";

const CAIYU = "财预〔2020〕10号《项目支出绩效评价管理办法》附件：项目支出绩效自评表";
const PROVINCE = "省级预算管理一体化系统项目自评模块（执行率封顶、目标设置偏低扣分）";

function classRow(
  id: string,
  name: string,
  max: number,
  over?: { limit: string; cut: number }
): StandardIndicator {
  return {
    id,
    level1: name,
    name,
    aliases: [name.replace(/指标$/, "")],
    max: dec(max),
    rule: {
      kind: "compareToTarget",
      params: {
        grades: DEFAULT_GRADE_RANGES,
        ...(over ? { target: dec(over.limit), deduction: dec(over.cut) } : {}),
      },
    },
    note: "逐行比较年度指标值与实际完成值；定性指标按评价等次在 100%～80%、80%～60%、60%～0 三档内评分。",
    unconfirmed: over ? ["target", "deduction"] : [],
  };
}

const execution: StandardIndicator = {
  id: "executionRate",
  level1: "预算执行率",
  name: "预算执行率",
  aliases: ["资金执行率", "执行率"],
  max: dec(10),
  rule: { kind: "ratioCapped", params: { target: dec(1) } },
  metric: "projectExecutionRate",
  note: "全年执行数 ÷ 全年预算数 × 分值，满分为止；低于 90% 须说明原因。",
  unconfirmed: [],
};

/** The national project form: 预算执行率 10, 产出 50, 效益 30, 满意度 10. */
export const caiyuProject: Standard = {
  id: "caiyu-2020-project",
  name: "项目支出绩效自评（财预〔2020〕10号）",
  scope: "project",
  note: "预算执行率 10 分、产出 50 分、效益 30 分、满意度 10 分；定量指标达成得满分、未达成按比例，定性指标分三档。",
  source: CAIYU,
  indicators: [
    execution,
    classRow("outputs", "产出指标", 50),
    classRow("benefits", "效益指标", 30),
    classRow("satisfaction", "满意度指标", 10),
  ],
  grades: STANDARD_GRADES,
  caps: [],
  settings: defaultSettings("project"),
  unconfirmed: ["settings.executionRateTarget"],
};

/** The provincial 一体化 module: the national form, the total capped by 执行率, −2 for a target ≥ 30% too low. */
export const provinceProject: Standard = {
  ...caiyuProject,
  id: "province-project",
  name: "项目支出绩效自评（省级一体化系统口径）",
  note: "在财预〔2020〕10号基础上：执行率 70%～80% 总分最高 89、60%～70% 最高 79、50%～60% 最高 69、低于 50% 最高 59；实际值超出目标 30% 及以上的指标扣 2 分（目标设置偏低）。",
  source: PROVINCE,
  indicators: [
    execution,
    classRow("outputs", "产出指标", 50, { limit: "0.3", cut: 2 }),
    classRow("benefits", "效益指标", 30, { limit: "0.3", cut: 2 }),
    classRow("satisfaction", "满意度指标", 10, { limit: "0.3", cut: 2 }),
  ],
  caps: [
    { below: dec("0.5"), cap: dec(59) },
    { below: dec("0.6"), cap: dec(69) },
    { below: dec("0.7"), cap: dec(79) },
    { below: dec("0.8"), cap: dec(89) },
  ],
  unconfirmed: ["caps", "settings.executionRateTarget"],
};
