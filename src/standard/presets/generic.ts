/**
 * A generic department preset built from rule shapes that regions publish, for departments
 * whose city has no standard yet. Modelled on the national framework (财预〔2020〕10号):
 * 预算执行率 10, 产出 50, 效益 30, 满意度 10, execution scored in proportion, the total capped by
 * execution rate as the provincial 一体化 module does (70–80% → at most 89, 60–70% → 79,
 * < 60% → 69). Every number not stated for departments is 待核对.
 */
import { dec } from "../../model/decimal";
import { DEFAULT_SETTINGS } from "../settings";
import type { Standard } from "../types";
import { STANDARD_GRADES } from "../validate";

const CAIYU = "财预〔2020〕10号《项目支出绩效评价管理办法》附件评分框架";
const PROVINCE = "省级预算管理一体化系统项目自评模块：按执行率封顶总分";

export const genericPreset: Standard = {
  id: "generic",
  name: "通用预设（参照财预〔2020〕10号评分框架）",
  scope: "department",
  note: "通用预设，各参数均为常见做法，请按本地评分标准核对后使用。",
  source: CAIYU,
  indicators: [
    {
      id: "executionRate",
      level1: "预算执行",
      name: "预算执行率",
      aliases: ["财政支出执行率", "财政支出完成率"],
      max: dec(10),
      rule: { kind: "ratioCapped", params: { target: dec(1) } },
      metric: "executionRate",
      unconfirmed: ["target"],
    },
    {
      id: "outputs",
      level1: "产出",
      name: "产出指标",
      aliases: ["产出"],
      max: dec(50),
      rule: { kind: "judgment", params: {} },
      unconfirmed: [],
    },
    {
      id: "benefits",
      level1: "效益",
      name: "效益指标",
      aliases: ["效益"],
      max: dec(30),
      rule: { kind: "judgment", params: {} },
      unconfirmed: [],
    },
    {
      id: "satisfaction",
      level1: "满意度",
      name: "满意度指标",
      aliases: ["满意度", "公众或服务对象满意度", "服务对象满意度"],
      max: dec(10),
      rule: { kind: "ratioCapped", params: { target: dec("0.9") } },
      metric: "satisfaction",
      unconfirmed: ["target"],
    },
  ],
  grades: STANDARD_GRADES,
  caps: [
    { below: dec("0.6"), cap: dec(69), source: PROVINCE },
    { below: dec("0.7"), cap: dec(79), source: PROVINCE },
    { below: dec("0.8"), cap: dec(89), source: PROVINCE },
  ],
  settings: { ...DEFAULT_SETTINGS },
  unconfirmed: ["caps"],
};
