/** What the engine returns: every score with its reasons, the total, the grade and the gaps. */
import type { Dec } from "../model/decimal";
import type { BudgetColumn, BudgetRow, CellAddress, ScoreSource } from "../model/input";
import type { ParameterView } from "./parameters";
import type { MetricId, RuleKind } from "./profile";

/** One figure that went into a score, for the 计算依据 column. */
export interface InputView {
  label: string;
  value: string;
  cell?: CellAddress;
}

export interface MetricValue {
  id: MetricId;
  /** Null when it cannot be computed; `reason` says why. */
  value: Dec | null;
  /** E.g. `决算数 46,665.43 ÷ 调整预算数 52,362.14 = 89.12%`. */
  text: string;
  reason?: string;
  inputs: InputView[];
  /** Where the value came from when it was read from one cell. */
  cell?: CellAddress;
}

export interface IndicatorResult {
  id: string;
  level1: string;
  level2?: string;
  name: string;
  /** 分值 */
  max: Dec;
  ruleKind: RuleKind;
  /** 填报得分 */
  entered: Dec | null;
  /** 计算得分: null for judgment rules and when the inputs are missing. */
  computed: Dec | null;
  /** 计入得分: always within 0..分值. */
  counted: Dec;
  countedFrom: ScoreSource | "none";
  /** 计算依据, in Chinese, with inputs and formula. */
  explanation: string;
  inputs: InputView[];
  /** 无法计算的原因, when a quantitative rule lacked inputs. */
  notComputableReason?: string;
  /** Parameters of this indicator that are still 待核对. */
  unconfirmed: string[];
  /** Entered explanation (得分说明). */
  enteredExplanation?: string;
  /** Cell of the entered score, for linking back. */
  cell?: CellAddress;
  /** Whether the profile defines it (false: an extra row of the workbook). */
  inProfile: boolean;
}

export interface GroupResult {
  level1: string;
  max: Dec;
  counted: Dec;
}

export type Severity = "error" | "warning" | "info";

export const severityLabels: Record<Severity, string> = {
  error: "严重",
  warning: "警告",
  info: "提示",
};

export type GapCode =
  | "budgetNotTying"
  | "budgetMissing"
  | "budgetRoundingDifference"
  | "executionBelowTarget"
  | "officialRateDiffers"
  | "enteredDiffersFromComputed"
  | "threePublicOver"
  | "keyTasksIncomplete"
  | "projectCoverageBelowFull"
  | "deductionWithoutExplanation"
  | "scoreOutOfRange"
  | "largeAdjustment"
  | "unconfirmedParameter"
  | "missingScore"
  | "notComputable"
  | "maxMismatch"
  | "unknownIndicator"
  | "maxTotalNot100"
  | "totalCapped"
  | "settingInvalid"
  | "indicatorTotalMismatch"
  | "duplicateIndicator"
  | "inputError";

export interface Gap {
  code: GapCode;
  severity: Severity;
  /** Indicator id and name the gap concerns, if any. */
  indicatorId?: string;
  indicator?: string;
  /** The problem, phrased like a report's 存在问题. */
  message: string;
  /** Suggested action, phrased like 改进措施. */
  suggestion: string;
  /** The cell the gap comes from. */
  cell?: CellAddress;
  /** For a low execution rate: 万元 still to spend to reach the target. */
  amount?: Dec;
}

export interface BudgetRowResult extends BudgetRow {
  /** 决算 ÷ 调整预算 (or 年初, per profile) */
  executionRate: Dec | null;
  /** 预算调整率: (调整预算 − 年初预算) ÷ 年初预算; +31.30% when the budget grew by that much. */
  adjustmentRate: Dec | null;
}

export interface TieCheck {
  column: BudgetColumn;
  /** `basic` = 基本 = 人员 + 公用; `total` = 合计 = sum of the categories; `capital` = 其中 ≤ 项目. */
  check: "basic" | "total" | "capital";
  expected: Dec;
  actual: Dec;
  /** Exactly equal (or, for `capital`, within the parent). */
  ok: boolean;
  /** Equal within the profile's 尾差 tolerance. */
  withinTolerance: boolean;
  cell?: CellAddress;
  formula: string;
}

export interface BudgetResult {
  rows: BudgetRowResult[];
  ties: TieCheck[];
  /** Every tie check passed within the 尾差 tolerance (and there was something to check). */
  tiesOk: boolean;
  /** Table's execution rate (total row), rounded to the profile's rate decimals. */
  tableExecutionRate: Dec | null;
  officialExecutionRate: Dec | null;
  /** The rate that scores (official or table, per profile). */
  usedExecutionRate: Dec | null;
  usedExecutionRateSource: "official" | "table" | null;
}

export interface Evaluation {
  department: string;
  year: number;
  profile: {
    id: string;
    name: string;
    city?: string;
    year?: number;
    note?: string;
    exactMatch: boolean;
  };
  scoreSource: ScoreSource;
  parameters: ParameterView[];
  budget: BudgetResult;
  metrics: Partial<Record<MetricId, MetricValue>>;
  indicators: IndicatorResult[];
  groups: GroupResult[];
  /** Sum of counted scores. */
  sum: Dec;
  /** Cap applied by execution rate, if any. */
  cap: Dec | null;
  /** 总分 = min(sum, cap). */
  total: Dec;
  maxTotal: Dec;
  grade: string;
  gaps: Gap[];
}
