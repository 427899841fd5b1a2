/**
 * Scoring profiles: the city's 自评表 as data. A profile lists each indicator with its 分值
 * and rule; rules are plain objects of a few kinds, so a new city or year is a new data
 * file, not new code.
 */
import type { Dec } from "../model/decimal";

/** Figures computed from the input that quantitative rules score. */
export type MetricId =
  | "executionRate" // 财政支出执行率 (official, or 决算 ÷ 调整预算)
  | "keyTaskCompletion" // 重点工作完成率 = 已完成 ÷ 计划
  | "projectEvaluationCoverage" // 项目自评覆盖率 = 已自评 ÷ 项目数
  | "threePublicControl" // “三公”经费 实际 ÷ 预算
  | "projectFundWeightedScore" // Σ(项目自评得分 × 资金) ÷ Σ资金 (0–100)
  | "satisfaction"; // 满意度

/** A score band: from `min` (inclusive) upward, `points` points. */
export interface StepBand {
  min: Dec;
  points: Dec;
}

/** The rule kinds. Rates and targets are fractions (1 = 100%). */
export type Rule =
  /** 主观评分: the entered score counts (0..分值); a deduction needs an explanation. */
  | { kind: "judgment" }
  /** 按完成比例计算得分，满分为止: 分值 × min(value ÷ target, 1). */
  | { kind: "ratioCapped"; metric: MetricId; target: Dec }
  /** Linear band: 0 at `floor`, full marks at `target`, clamped in between. */
  | { kind: "linearBand"; metric: MetricId; floor: Dec; target: Dec }
  /** 分值 − pointsPerPercent × (percentage points short of `target`), not below 0. */
  | {
      kind: "deductPerPoint";
      metric: MetricId;
      target: Dec;
      pointsPerPercent: Dec;
      direction: "below" | "above";
    }
  /** Step bands: the highest band whose `min` the value reaches; below every band, 0. */
  | { kind: "stepBands"; metric: MetricId; bands: StepBand[] }
  /** 三公 control: actual ≤ budget earns full marks; over budget loses pointsPerPercentOver per point over. */
  | { kind: "controlRate"; metric: MetricId; pointsPerPercentOver: Dec }
  /** 完成率: 分值 × done ÷ planned. */
  | { kind: "completionRate"; metric: MetricId }
  /** 资金加权: 分值 × Σ(自评得分ᵢ × 资金ᵢ) ÷ Σ资金ᵢ ÷ 100; weight on budget or spending. */
  | { kind: "fundWeightedMean"; metric: MetricId; weightBasis: "budget" | "spending" };

export type RuleKind = Rule["kind"];

export interface IndicatorDefinition {
  /** Stable id in plain English, e.g. `executionRate`. */
  id: string;
  /** 一级指标 */
  level1: string;
  /** 二级指标, where the table has one. */
  level2?: string;
  /** 指标 name as the city's table spells it. */
  name: string;
  /** Other spellings recognised in workbooks and reports. */
  aliases?: string[];
  /** 分值 */
  max: Dec;
  rule: Rule;
  /**
   * Parameter keys not confirmed against the year's official scoring standard (待核对):
   * `max` for the 分值, a rule parameter name, or `rule` for the rule as a whole.
   */
  unconfirmed?: string[];
  /** Why it is unconfirmed or how it was derived, shown beside the parameter. */
  note?: string;
}

/** An optional cap on the total by execution rate: below `below`, at most `cap` points. */
export interface TotalCapBand {
  below: Dec;
  cap: Dec;
}

/** Grade band: from `min` (inclusive) upward. Listed from the highest. */
export interface GradeBand {
  min: Dec;
  grade: string;
}

/** Profile-wide settings for checks and for how rates are computed. */
export interface ProfileChecks {
  /** Which execution rate scores: the official one when the workbook gives it, or the table's. */
  executionRateSource: "official" | "table";
  /** Denominator of the table's execution rate: 调整预算数 or 年初预算数. */
  executionRateDenominator: "adjusted" | "initial";
  /** Rate below which the gap list says execution fell short, and how much was unspent. */
  executionRateTarget: Dec;
  /** Difference between the official and the table rate that is flagged (fraction, 0.005 = 0.5 points). */
  rateDifferenceTolerance: Dec;
  /**
   * 尾差: a tie difference up to this amount (万元) is a rounding difference from converting
   * 元 to 万元 row by row, reported as a note, not as an error.
   */
  tieTolerance: Dec;
  /** |调整预算 ÷ 年初预算 − 1| above this is a large adjustment. */
  largeAdjustment: Dec;
  /** Rates are rounded to this many decimals (of the fraction) before scoring: 4 → 80.87%. */
  rateDecimals: number;
  /** Scores are rounded (Excel ROUND) to this many decimals. */
  scoreDecimals: number;
}

export interface Profile {
  id: string;
  /** Title as users know it, e.g. `2022 年度佛山市市级部门整体支出绩效自评表`. */
  name: string;
  city?: string;
  year?: number;
  /** Short note shown with the profile (sources, what is derived). */
  note?: string;
  indicators: IndicatorDefinition[];
  grades: GradeBand[];
  totalCap?: TotalCapBand[];
  checks: ProfileChecks;
  /** Profile-level parameter keys that are 待核对 (e.g. `totalCap`). */
  unconfirmed?: string[];
}
