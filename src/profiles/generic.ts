/**
 * A generic preset built from rule shapes that regions publish, for departments whose city
 * has no profile yet. Modelled on the national project-level table (财预〔2020〕10号):
 * 预算执行率 10, 产出 50, 效益 30, 满意度 10, execution rate scored in proportion, quantitative
 * targets met earn full marks, and the total capped by execution rate as some provinces do
 * (70–80% → at most 89, 60–70% → 79, below 60% → 69). Every parameter is a default to check.
 */
import { dec } from "../model/decimal";
import type { Profile } from "../evaluate/profile";
import { standardChecks, standardGrades } from "./shared";

export const genericPreset: Profile = {
  id: "generic",
  name: "通用预设（参照财预〔2020〕10号评分框架）",
  note: "通用预设，各参数均为常见做法，请按本地评分标准核对后使用。",
  indicators: [
    {
      id: "executionRate",
      level1: "预算执行",
      name: "预算执行率",
      aliases: ["财政支出执行率", "财政支出完成率"],
      max: dec(10),
      rule: { kind: "ratioCapped", metric: "executionRate", target: dec(1) },
      unconfirmed: ["target"],
    },
    {
      id: "outputs",
      level1: "产出",
      name: "产出指标",
      aliases: ["产出"],
      max: dec(50),
      rule: { kind: "judgment" },
    },
    {
      id: "benefits",
      level1: "效益",
      name: "效益指标",
      aliases: ["效益"],
      max: dec(30),
      rule: { kind: "judgment" },
    },
    {
      id: "satisfaction",
      level1: "满意度",
      name: "满意度指标",
      aliases: ["满意度", "公众或服务对象满意度", "服务对象满意度"],
      max: dec(10),
      rule: { kind: "ratioCapped", metric: "satisfaction", target: dec("0.9") },
      unconfirmed: ["target"],
    },
  ],
  grades: standardGrades,
  totalCap: [
    { below: dec("0.6"), cap: dec(69) },
    { below: dec("0.7"), cap: dec(79) },
    { below: dec("0.8"), cap: dec(89) },
  ],
  unconfirmed: ["totalCap"],
  checks: { ...standardChecks },
};
