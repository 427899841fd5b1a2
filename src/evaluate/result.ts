/** What the engine returns: every score with its reasons, the total, the grade and the gaps. */
import type { Dec } from "../model/decimal";
import type {
  AmountUnit,
  BudgetColumn,
  BudgetRow,
  CellAddress,
  Project,
  ScoreSource,
  UnexplainedRow,
} from "../model/input";
import type { MetricId } from "../standard/metrics";
import type { ParameterView } from "../standard/parameters";
import type { RuleKind } from "../standard/ruleKinds";
import type { ExecutionBase, Standard } from "../standard/types";
import type { ProjectEvaluation } from "./project";

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
  /**
   * No value because it is beyond every bound (spending over a budget of 0): a rule with a
   * ceiling (超过上限按百分点扣分, 按反向比例得分) scores 0.
   */
  unbounded?: boolean;
}

/**
 * The execution rate (财政支出执行率), computed once and carrying its own base and label:
 * the indicator that scores it, the gaps, the cap, the budget section and the summary all
 * read it from here, so what is printed is what was computed.
 */
export interface ExecutionRate extends MetricValue {
  id: "executionRate";
  /** Whose rate scores: the workbook's stated one, or the table's. */
  source: "official" | "table" | null;
  /**
   * When the stated rate and the table's differ: which one scores and where the other is
   * (`评分采用基本信息!B6 填报的执行率（预算支出明细表按决算数 ÷ 调整预算数计算为 89.12%，见预算支出!D12）`).
   */
  sourceNote?: string;
  /** The same without cell addresses, as the signed page and the report state it. */
  sourceWords?: string;
  base: ExecutionBase;
  /** The denominator in words: `调整预算数`, `年初预算数`, `调整预算数 + 上年结转`. */
  baseLabel: string;
  /** `执行率 = 决算数 ÷ 调整预算数`. */
  definition: string;
  /** The table's rate on this base (合计 row), rounded; null when it cannot be computed. */
  table: Dec | null;
  /** The rate the workbook states, rounded; null when it states none. */
  official: Dec | null;
  /** 决算数 and the base amount of the 合计 row, when both are known. */
  spent: Dec | null;
  baseAmount: Dec | null;
  /** Cells of the 合计 row's 决算数 and base amount. */
  spentCell?: CellAddress;
  baseCell?: CellAddress;
}

/** A 扣分原因 that says “扣 2.5 分” where the counted score loses 3.00 (`reasonClaims.ts`). */
export interface ReasonMismatch {
  /** The reason's words, to quote: `扣 2.5 分`, `得17.5分`. */
  said: string;
  /** 分值 − 计入得分. */
  deducted: Dec;
  /** The reason's cell. */
  cell?: CellAddress;
}

export interface IndicatorResult {
  id: string;
  level1: string;
  level2?: string;
  level3?: string;
  name: string;
  /** 分值 */
  max: Dec;
  ruleKind: RuleKind;
  /** The figure the indicator scores or refers to (考核内容). */
  metric?: MetricId;
  /** 填报得分 */
  entered: Dec | null;
  /** 计算得分: null for 主观评分 and when the inputs are missing. */
  computed: Dec | null;
  /** For 定性分档: the scores the 评价等次 allows; an entered score inside agrees. */
  computedRange?: { low: Dec; high: Dec };
  /** 计入得分: always within 0..分值 (0 when 不适用). */
  counted: Dec;
  countedFrom: ScoreSource | "none" | "notApplicable";
  /** 计算依据, in Chinese, with inputs and formula. */
  explanation: string;
  /** The computation alone (`实际支出 1.88 ÷ 预算 13.50 = 13.93%；…得满分 3.00`), when computed. */
  basis?: string;
  inputs: InputView[];
  /** 无法计算的原因, when a rule lacked inputs. */
  notComputableReason?: string;
  /** The cell the reason lies in (an 实际完成值 in words, a 评价等次), when not the score's. */
  notComputableCell?: CellAddress;
  /** Parameters of this indicator that are still 待核对. */
  unconfirmed: string[];
  /** Entered explanation (得分说明); for one added up from 三级 rows, their reasons. */
  enteredExplanation?: string;
  /** 三级 rows it was added up from that lost points with no reason (see `reasonGiven`). */
  unexplainedRows?: UnexplainedRow[];
  /** Cell of the entered score, for linking back. */
  cell?: CellAddress;
  /**
   * The standard's name of the placeholder (an indicator whose name is 待核对) this row took the
   * place of; `name` is then the row's.
   */
  placeholder?: string;
  /** Whether the standard defines it (false: an extra row of the workbook). */
  inStandard: boolean;
  /**
   * The standard's indicator that the department's 绩效指标表 leaves out: scored from the
   * workbook's figures where its rule can be, never as entered.
   */
  absent?: boolean;
  /** Marked 不适用 and dropped (its 分值 left out of the rescaled total). */
  notApplicable: boolean;
  /** Marked 不适用, yet its rule computes a score from the workbook: that score and its basis. */
  applicable?: { score: Dec; basis: string };
  /** The figure fell in none of the standard's bands (scored 0): the figure as shown. */
  uncoveredValue?: string;
  /** Its 扣分原因 quotes a deduction or score the counted score does not give. */
  reasonMismatch?: ReasonMismatch;
  /** 年度指标值 and 实际完成值 of a row scored against its own target (项目支出绩效自评表). */
  target?: string;
  actual?: string;
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
  | "budgetTieUnchecked"
  | "budgetSubColumns"
  | "budgetBasicDerived"
  | "notApplicableComputable"
  | "bandUncovered"
  | "threePublicScale"
  | "threePublicDiffers"
  | "budgetScale"
  | "standardOfEarlierYear"
  | "standardOfEarlierYearMisfit"
  | "standardOfOtherYear"
  | "standardOfOtherYearMisfit"
  | "executionBelowTarget"
  | "spentOverBudget"
  | "officialRateDiffers"
  | "enteredDiffersFromComputed"
  | "threePublicOver"
  | "keyTasksIncomplete"
  | "projectCoverageBelowFull"
  | "deductionWithoutExplanation"
  | "reasonContradictsScore"
  | "scoreOutOfRange"
  | "largeAdjustment"
  | "unconfirmedParameter"
  | "missingScore"
  | "notComputable"
  | "maxMismatch"
  | "maxFromStandard"
  | "unknownIndicator"
  | "maxTotalNot100"
  | "totalCapped"
  | "notApplicable"
  | "settingInvalid"
  | "standardInvalid"
  | "indicatorTotalMismatch"
  | "tableTotalDiffers"
  | "indicatorNotInTable"
  | "duplicateIndicator"
  | "indicatorNameMatched"
  | "placeholderFilled"
  | "deviationWithoutReason"
  | "fundsNotTying"
  | "gradeDiffers"
  | "projectNotListed"
  | "projectFormMissing"
  | "projectScoreDiffers"
  | "projectDuplicated"
  | "projectAmountInYuan"
  | "projectListedTwice"
  | "projectOtherYear"
  | "projectUngraded"
  | "projectProblems"
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
  /**
   * The facts as the signed page and the report state them, where `message` (the gap list's,
   * the 核对清单's) names cells a submission does not print.
   */
  submissionFacts?: string;
  /** For a low execution rate: 万元 still to spend to reach the target. */
  amount?: Dec;
}

export interface BudgetRowResult extends BudgetRow {
  /** 决算 ÷ the execution rate's base amount of the row. */
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
  /** Equal within the standard's 尾差 tolerance. */
  withinTolerance: boolean;
  cell?: CellAddress;
  formula: string;
}

/** A sum left unchecked in one column, for want of a part's figure. */
export interface UncheckedTie {
  column: BudgetColumn;
  check: "basic" | "total";
  /** `基本支出 2,908.01`. */
  parent: string;
  /** The part without a figure: `人员经费`. */
  part: string;
  cell?: CellAddress;
}

export interface BudgetResult {
  rows: BudgetRowResult[];
  ties: TieCheck[];
  /** Every tie check passed within the 尾差 tolerance (and there was something to check). */
  tiesOk: boolean;
  /** Sums that could not be checked: a part blank (or unreadable) where the others are filled. */
  unchecked: UncheckedTie[];
  /** The execution rate: the one value every reader of a rate uses. */
  execution: ExecutionRate;
  /** The unit the table was kept in when not 万元 (its rows are 万元 all the same). */
  unit?: AmountUnit;
  /**
   * What the table's columns came to, where it is not the template's three, for every page
   * that shows its figures: `预算支出明细表未列年初预算数，年初预算数一栏空缺，预算调整率无法计算。`
   */
  columnNote?: string;
}

/** How the standard in force was chosen. */
export type StandardSourceKind =
  | "given" // passed in (jixiao score --standard)
  | "sheet" // the workbook's own 评分标准 sheet
  | "settings" // the preset chosen in 绩效自评设置
  | "cityYear" // the preset of the workbook's city and year
  | "earlierYear" // the city's preset of an earlier year
  | "city" // the city's preset without a year
  | "laterYear" // the city's preset of the nearest later year (the year is before all of them)
  | "yearUnknown" // the city's latest preset (the workbook's year was not found)
  | "fallback"; // the generic preset

export interface StandardInForce {
  id: string;
  name: string;
  city?: string;
  year?: number;
  note?: string;
  source: StandardSourceKind;
  /** Where it came from, in a sentence: `本工作簿的“评分标准”表`. */
  sourceText: string;
  /** The workbook's sheet it was read from (source `sheet`), for the pane's link. */
  sheet?: string;
  /** The other workbook it was read from (source `given`: `--standard 市标准.xlsx`). */
  file?: string;
  /** The standard as applied (after old settings and repairs), for 插入评分标准 and 插入模板. */
  definition: Standard;
}

/** The department's project forms, each scored by the project standard. */
export interface ProjectsResult {
  standard: StandardInForce;
  parameters: ParameterView[];
  /** Every form's evaluation, in the workbook's order (duplicates included). */
  results: ProjectEvaluation[];
  /**
   * The projects the department's indicators read: the 项目清单's, each with its form's score
   * and amounts (a listed project without a form is not evaluated), then forms of unlisted
   * projects. What 项目自评汇总's 合计 and the 核对清单's project lines add up.
   */
  projects: Project[];
  /** Each project's form (null for a listed project without one), by index of `projects`. */
  forms: (ProjectEvaluation | null)[];
  /** Forms not counted: a second form of a project already scored, or a form of another year. */
  duplicates: DuplicateForm[];
  /** The year the forms are counted for: the department's, else the one all forms state (0: none). */
  year: number;
  /** The department's name, else the one all forms name (主管部门, else 实施单位); "" when none. */
  department: string;
}

/** A 项目支出绩效自评表 shown, not counted: a second form of one project, or one of another year. */
export interface DuplicateForm {
  form: ProjectEvaluation;
  /** The cell of the form counted for the project instead (a second form). */
  counted?: string;
  /** Why that one counts, when it was read after this one: `与项目清单金额一致`, `注明 2022 年度`. */
  why?: string;
  /** The year the form states, when it is not the one evaluated. */
  year?: number;
}

/** A table's scores added up: the department's, or one project form's. */
export interface ScoredTotals {
  groups: GroupResult[];
  /** Sum of counted scores. */
  sum: Dec;
  /** 总分 before a cap: the sum, or rescaled to 100 when indicators are 不适用. */
  uncapped: Dec;
  /** Cap applied by execution rate, if any. */
  cap: Dec | null;
  /** 总分 = min(uncapped, cap). */
  total: Dec;
  /** Σ分值 of every indicator (不适用 included). */
  maxTotal: Dec;
  grade: string;
  /**
   * Why the grade is 无法评定, as a clause (`各指标分值合计 95.00 分，不等于 100 分`); absent
   * when graded.
   */
  ungradedReason?: string;
}

/** Why only the project forms are scored: no department table, or none filled in yet. */
export type ProjectsOnly = "noDepartmentTables" | "departmentBlank";

export interface Evaluation extends ScoredTotals {
  department: string;
  year: number;
  standard: StandardInForce;
  /** Present when the workbook holds project forms. */
  projects?: ProjectsResult;
  /**
   * Only the project forms were scored (the workbook holds no department table, or none filled
   * in yet — `departmentBlank`): the department's total, grade and indicators are no result, and nothing shows or writes them.
   */
  projectsOnly?: true;
  /** With `projectsOnly`: the department's tables are there but hold no figure yet. */
  departmentBlank?: true;
  scoreSource: ScoreSource;
  parameters: ParameterView[];
  budget: BudgetResult;
  metrics: Partial<Record<MetricId, MetricValue>>;
  indicators: IndicatorResult[];
  gaps: Gap[];
}
