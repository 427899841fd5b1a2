/**
 * The 评分标准 (scoring standard) as data: the city's indicator tree with each indicator's 分值,
 * 计分方法 (rule kind) and parameters, the grade bands, the caps on the total and the 口径
 * settings. A finance officer reads and edits it as the 评分标准 sheet (parse/standardSheet.ts,
 * layout/standardSheet.ts); the presets shipped with the add-in (standard/presets/) are the same
 * data. Code knows rule kinds and metrics, never a city's indicators.
 */
import type { Dec } from "../model/decimal";
import type { MetricId } from "./metrics";
import type { RuleKind } from "./ruleKinds";

/** One band of a 分档 rule: a value interval and the points it earns. */
export interface StepBand {
  /** Lower bound; null for no lower bound (`<60%`). */
  low: Dec | null;
  lowInclusive: boolean;
  /** Upper bound; null for no upper bound (`≥90%`). */
  high: Dec | null;
  highInclusive: boolean;
  /** Points, or a share of 分值 when `share` (`100%`). */
  points: Dec;
  share: boolean;
}

/** One band of a 定性分档 rule: the 评价等次 words it answers to and its share of 分值. */
export interface GradeRange {
  /** `达成`, `优`, `好` …: any of these in the 评价等次 cell selects the band. */
  names: string[];
  /** Share of 分值, as fractions: 0.8 to 1 for 100–80%. */
  low: Dec;
  high: Dec;
}

/** Which amount weighs each project in a fund-weighted mean. */
export type WeightBasis = "budget" | "spending";

/**
 * A rule's parameters, each one column of the 评分标准 sheet (目标值, 零分线, 满分线, 扣分标准,
 * 分档, 口径). Levels are in the metric's unit: rates as fractions (0.6 = 60%), scores as points.
 */
export interface RuleParams {
  /** 目标值 (or 上限 for a deduction above a ceiling). */
  target?: Dec;
  /**
   * The 目标值 written strictly — `>95%` (大于) or `<100%` (小于): the level itself misses it
   * (scored below full marks), where `≥95%` is met at 95%.
   */
  targetStrict?: ">" | "<";
  /** 零分线: the level that earns 0 points. */
  floor?: Dec;
  /** 满分线: the level that earns full marks. */
  full?: Dec;
  /** 扣分标准: points deducted per percentage point. */
  deduction?: Dec;
  /** 分档 of a step rule. */
  bands?: StepBand[];
  /** 分档 of a qualitative rule (评价等次 → share of 分值). */
  grades?: GradeRange[];
  /** 口径 of a fund-weighted mean. */
  basis?: WeightBasis;
}

/** The parameters with a column of their own (`targetStrict` is written in the 目标值's). */
export type ParamKey = Exclude<keyof RuleParams, "targetStrict">;

/** The comparison a rule's 目标值 stands for: a level to reach (`≥95%`) or a ceiling (`≤100%`). */
export type LevelBound = "atLeast" | "atMost";

export interface Rule {
  kind: RuleKind;
  params: RuleParams;
}

/** Where a value of the standard sits in its sheet, for cell-addressed messages and links. */
export type StandardCells = Partial<Record<string, string>>;

export interface StandardIndicator {
  /** Stable key: a preset's English id, or derived from the sheet row. */
  id: string;
  /** 一级指标 */
  level1: string;
  /** 二级指标, where the tree has one. */
  level2?: string;
  /** 三级指标, where the tree has one. */
  level3?: string;
  /** The indicator's own name: its deepest level. */
  name: string;
  /** Other spellings recognised in departments' tables (其他名称). */
  aliases?: string[];
  /** 分值 */
  max: Dec;
  rule: Rule;
  /**
   * 考核内容: the figure the rule scores (执行率, 三公 …). A 主观评分 indicator may name one too:
   * the figure is then shown beside it, and gaps about that figure point to it.
   */
  metric?: MetricId;
  /** 说明 */
  note?: string;
  /** 来源: the public document the row is built from. */
  source?: string;
  /**
   * 待核对: what is not confirmed against the year's official standard — `max`, `rule`, or a
   * parameter key (`floor`, `target`, …).
   */
  unconfirmed: string[];
  /** Cells of the row in the 评分标准 sheet, by column key (`max`, `rule`, `floor`, …). */
  cells?: StandardCells;
}

/** 等级: from `min` (inclusive) upward, listed from the highest. */
export interface GradeBand {
  grade: string;
  min: Dec;
  /**
   * The total must exceed `min`, not just reach it: a line written `总分>90` or `80<总分≤90`
   * (90 itself is then the grade below).
   */
  above?: boolean;
}

/** 总分封顶: an execution rate below `below` caps the total at `cap`. */
export interface CapBand {
  below: Dec;
  cap: Dec;
  /** 来源 of the cap. */
  source?: string;
}

/** Base of the execution rate (执行率口径). */
export type ExecutionBase = "adjusted" | "initial" | "adjustedWithCarryOver";

/** 口径与核对设置: how rates are computed, what is checked, how scores are rounded. */
export interface StandardSettings {
  /** 执行率口径: 决算数 ÷ 调整预算数, ÷ 年初预算数, or ÷ (调整预算数 + 上年结转). */
  executionRateBase: ExecutionBase;
  /** 计分执行率: the rate the workbook states (填报) when there is one, or the table's. */
  executionRateSource: "official" | "table";
  /** 执行率目标: below it the gap list says execution fell short, and by how much. */
  executionRateTarget: Dec;
  /** Difference between the stated and the table's rate that is flagged (0.005 = 0.5 points). */
  rateDifferenceTolerance: Dec;
  /** 尾差 (万元): a tie difference up to this is a rounding note, not an error. */
  tieTolerance: Dec;
  /** |调整 − 年初| ÷ 年初 above this is a large adjustment. */
  largeAdjustment: Dec;
  /** Rates are rounded to this many decimals of the fraction before scoring: 4 → 80.87%. */
  rateDecimals: number;
  /** Scores are rounded (Excel ROUND) to this many decimals. */
  scoreDecimals: number;
  /** 不适用指标: dropped and the rest rescaled to the full 100, or scored 0. */
  notApplicable: "rescale" | "zero";
}

/** Whom a standard scores: the department as a whole, or one project's form. */
export type StandardScope = "department" | "project";

export interface Standard {
  /** A preset's id (`foshan-2022`); a sheet's 标准编号, or `sheet` when it has none. */
  id: string;
  /** 标准名称, e.g. `2022 年度佛山市市级部门整体支出绩效自评表`. */
  name: string;
  scope: StandardScope;
  city?: string;
  year?: number;
  /** What the standard is built from, shown with it. */
  note?: string;
  /** 来源 of the standard as a whole. */
  source?: string;
  indicators: StandardIndicator[];
  grades: GradeBand[];
  caps: CapBand[];
  settings: StandardSettings;
  /**
   * 待核对 at the standard's level: `grades`, `caps`, or `settings.<key>` — parts not
   * confirmed against an official source.
   */
  unconfirmed: string[];
  /** Cells in the sheet: `grades`, `caps`, `settings.<key>`, `grade.<等级>`, `cap.<n>`, `name`. */
  cells?: StandardCells;
}
