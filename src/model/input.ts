/**
 * The typed input of one department's self-evaluation (部门整体支出绩效自评), as the parser
 * produces it from a workbook and as the engine consumes it. Amounts are in 万元.
 *
 * Every field that came from a cell may carry its address (`预算支出!C5`) so that gaps and
 * explanations can point the user back to the cell.
 */
import type { Dec } from "./decimal";
import type { MetricId } from "../standard/metrics";
import type { Standard } from "../standard/types";
import type { StandardProblem } from "../standard/validate";

/** A cell address with its sheet, as Excel writes it: `预算支出!C5`. */
export type CellAddress = string;

/** The categories of the 部门预算支出明细表, in the order the table lists them. */
export type BudgetCategory =
  | "basic" // 一、基本支出
  | "personnel" // 人员经费 (part of 基本支出)
  | "publicOperating" // 日常公用经费 (part of 基本支出)
  | "project" // 二、项目支出
  | "capitalConstruction" // 其中：基本建设类项目 (part of 项目支出)
  | "remittance" // 三、上缴上级支出
  | "business" // 四、经营支出
  | "subsidy" // 五、对附属单位补助支出
  | "total"; // 合计

/** Every budget category, in the order of the 部门预算支出明细表. */
export const BUDGET_CATEGORIES: readonly BudgetCategory[] = [
  "basic",
  "personnel",
  "publicOperating",
  "project",
  "capitalConstruction",
  "remittance",
  "business",
  "subsidy",
  "total",
];

/** The three amount columns of the budget table. */
export type BudgetColumn = "initial" | "adjusted" | "final";

export interface BudgetRow {
  category: BudgetCategory;
  /** The label as the sheet shows it, e.g. `一、基本支出`. */
  label: string;
  /** 年初预算数 */
  initial: Dec | null;
  /** 调整预算数 (全年预算数) */
  adjusted: Dec | null;
  /** 决算数 (执行数) */
  final: Dec | null;
  /** 上年结转, when the table has that column (for the 执行率口径 that adds it). */
  carryOver?: Dec | null;
  /**
   * 预算调整数, when the table lists the change instead of 调整预算数: `adjusted` is then
   * 年初预算数 + 预算调整数, exactly (see `BudgetTable.adjustedFrom`).
   */
  adjustment?: Dec | null;
  cells?: Partial<Record<BudgetColumn | "label" | "carryOver" | "adjustment", CellAddress>>;
  /**
   * Not in the table: 基本支出 worked out as 人员经费 + 日常公用经费 where the table lists those
   * but no 基本支出 row; the label cells of the rows it was added up from (none where the rows
   * came without cells, as from JSON).
   */
  derivedFrom?: CellAddress[];
}

/**
 * The unit a table was kept in, when it is not 万元 (`元`, `千元`): its amounts were converted to
 * 万元 exactly (× factor), and its ties are checked and stated in its own unit.
 */
export interface AmountUnit {
  label: string;
  /** 万元 per unit: 0.0001 for 元, 0.1 for 千元. */
  factor: Dec;
}

export interface BudgetTable {
  rows: BudgetRow[];
  /**
   * The execution rate the finance bureau reports (财政支出执行率), as a fraction (0.8087),
   * when the workbook states it. Its base often differs from the table (e.g. it includes
   * 上年结转 or counts 财政拨款 only), so the engine shows both and flags a difference.
   */
  officialExecutionRate?: Dec | null;
  /** What the official rate is computed on, in the user's words (e.g. `财政拨款`). */
  officialRateBase?: string;
  /** The table's unit when it is not 万元. */
  unit?: AmountUnit;
  /**
   * The header of the change column (`预算调整数`, `调整数`, `调整金额`) when the table has
   * it instead of 调整预算数: each row's 调整预算数 is its 年初预算数 plus it.
   */
  adjustedFrom?: string;
  /**
   * Which columns were read where an amount's header heads sub-columns (年初预算数 over 基本支出 |
   * 项目支出 | 合计): `年初预算数取 D 列（合计），…`, and the first such header's cell.
   */
  columnsRead?: { text: string; cell: CellAddress };
  /** Amount columns the table does not have (a table of 全年预算数 and 决算数 alone: 年初预算数). */
  missingColumns?: BudgetColumn[];
  /** 上年结转 of the whole department, when stated as a single value (基本信息). */
  carryOver?: Dec | null;
  cells?: { officialExecutionRate?: CellAddress; carryOver?: CellAddress };
}

/** One row of the indicator table (绩效自评表): 一级 / 二级 / 三级 指标, 分值, 自评得分, 说明. */
/** A 三级 row that lost points and gave no reason: its name, the points, its cell. */
export interface UnexplainedRow {
  name: string;
  lost: Dec;
  cell?: CellAddress;
}

export interface IndicatorEntry {
  level1: string;
  level2?: string;
  level3?: string;
  /** The indicator's own name (the deepest level given). */
  name: string;
  /** 分值 as written in the workbook, if it is. */
  max?: Dec | null;
  /** 自评得分 as entered; null when blank. */
  entered: Dec | null;
  /** 得分说明 / 扣分原因 */
  explanation?: string;
  /** 评价等次 (达成 / 部分达成 / 未达成, 优 / 良 …), for qualitative rules. */
  grade?: string;
  /** Marked 不适用 in its score (or 分值) cell: dropped, the rest rescaled (per the standard). */
  notApplicable?: boolean;
  /**
   * Added up from this many rows under it (三级 under a 二级 of the standard): its 说明 is the
   * reasons of the rows that lost points (`资金使用合规性扣 1 分：…`), none when no row gave one.
   */
  fromRows?: number;
  /** How the rows added up (`由 2 个下级指标汇总：资金使用合规性 9.00；…`): a note, not a reason. */
  rowsNote?: string;
  /** Rows under it that lost points with no reason of their own. */
  unexplainedRows?: UnexplainedRow[];
  /** 年度指标值 as written (`≥95%`, `≤30 天`), where the table has one (项目支出绩效自评表). */
  target?: string;
  /** 实际完成值 as written. */
  actual?: string;
  cells?: Partial<
    Record<"name" | "max" | "entered" | "explanation" | "grade" | "target" | "actual", CellAddress>
  >;
}

/** A project (项目) with its funds and its own self-evaluation. */
export interface Project {
  name: string;
  /** 项目预算 (资金), 万元 */
  budget: Dec | null;
  /** 项目支出 (实际支出), 万元 */
  spending: Dec | null;
  /** 项目自评得分 (0–100) */
  selfScore: Dec | null;
  /** Whether the project was self-evaluated (开展自评). */
  evaluated: boolean;
  /** Why it has no score to weigh, when its form says (`自评表无法评定等级（…）`, `没有项目自评表`). */
  unscored?: string;
  /** Known from its form alone: no 项目清单 lists it. */
  fromForm?: boolean;
  cells?: Partial<Record<"name" | "budget" | "spending" | "selfScore" | "evaluated", CellAddress>>;
}

/**
 * Project counts when the workbook gives only totals (the seed states "53 projects,
 * 53 self-evaluated" without listing them). A project list, when present, wins.
 */
export interface ProjectCounts {
  total: number;
  /** 已自评项目个数; null when the workbook states 项目个数 alone (not filled in is not 0). */
  evaluated: number | null;
  cells?: Partial<Record<"total" | "evaluated", CellAddress>>;
}

/** A key task (重点工作任务). */
export interface KeyTask {
  name: string;
  /** 是否完成; null when the workbook does not say (never read as “not done”). */
  done: boolean | null;
  /** 是否完成 as typed (`是`, `否`, `部分完成`), when the table has that column. */
  doneText?: string;
  /** 完成情况, in the user's words. */
  note?: string;
  cells?: Partial<Record<"name" | "done", CellAddress>>;
}

/** “三公”经费 (official receptions, vehicles, overseas travel): budget and actual, 万元. */
export interface ThreePublicFunds {
  budget: Dec | null;
  actual: Dec | null;
  /** 上年“三公”经费实际支出数, for the 变动率. */
  lastYear?: Dec | null;
  /** The unit the workbook keeps them in when not 万元 (the figures are 万元 all the same). */
  unit?: AmountUnit;
  cells?: Partial<Record<"budget" | "actual" | "lastYear", CellAddress>>;
  /**
   * Where the figures were read, in words, when not from the labelled values (基本信息):
   * `“三公”经费表合计`, `预算支出明细表“三公”经费行`.
   */
  source?: string;
  /** Under a 合计 row, its items added up, to check it by. */
  itemsSum?: ThreePublicReading;
  /**
   * The same figures as read elsewhere in the workbook (a “三公”经费表, the budget table's
   * “三公” rows): checked against these, each difference said.
   */
  otherReadings?: ThreePublicReading[];
}

/** “三公”经费 as one place in the workbook states them (万元). */
export interface ThreePublicReading {
  /** Where, in words: `“三公”经费表合计`; none for the labelled figures (their cells say it). */
  source?: string;
  budget: Dec | null;
  actual: Dec | null;
  unit?: AmountUnit;
  /** A cell, or the range of the items added up (`三公经费!B4:B6`). */
  cells?: Partial<Record<"budget" | "actual", CellAddress>>;
  /** Under a 合计 row, its items (因公出国（境）费, 公务用车…, 公务接待费) added up, to check it by. */
  itemsSum?: ThreePublicReading;
}

/** 在职人数 and 编制人数, for the 在职人员控制率. */
export interface Staffing {
  actual: Dec | null;
  quota: Dec | null;
  cells?: Partial<Record<"actual" | "quota", CellAddress>>;
}

/** A figure the workbook states directly (`在职人员控制率 98%` in 基本信息). */
export interface StatedMetric {
  value: Dec;
  cell?: CellAddress;
}

/** 公众或服务对象满意度, as a fraction (0.95), when a survey gives one. */
export interface Satisfaction {
  rate: Dec | null;
  cells?: { rate?: CellAddress };
}

/** 部门职能, 机构设置, 年度总体工作和重点工作任务, 部门负责人, 填报人: as the workbook words them. */
export interface Narrative {
  functions?: string;
  organization?: string;
  work?: string;
  leader?: string;
  preparer?: string;
}

/** Which score counts when both an entered and a computed score exist. */
export type ScoreSource = "entered" | "computed";

/** Per-workbook settings (saved in the workbook so they travel with the file). */
export interface EvaluationSettings {
  /** Preset id chosen in the settings; when absent the preset is chosen by city and year. */
  presetId?: string;
  /** Default `entered`: the entered score counts and is cross-checked against the computed. */
  scoreSource?: ScoreSource;
  /**
   * Old parameter overrides by path, e.g. `{ "executionRate.floor": "0.6", "grade.优": "90" }`,
   * from workbooks scored before the 评分标准 sheet: applied to the chosen preset so they keep
   * scoring the same (standard/legacy.ts); 插入评分标准 folds them into the sheet.
   */
  overrides?: Record<string, string | number | boolean>;
  /** Parameter paths the user confirmed as correct for the year (clears 待核对). */
  confirmed?: string[];
}

export interface DepartmentInput {
  /** 部门名称 */
  department: string;
  /** 年度 (the year evaluated) */
  year: number;
  /** 城市, used with the year to choose a preset (e.g. 佛山市). */
  city?: string;
  budget: BudgetTable;
  indicators: IndicatorEntry[];
  /** Project list; empty when not given. */
  projects: Project[];
  projectCounts?: ProjectCounts;
  keyTasks: KeyTask[];
  threePublic?: ThreePublicFunds;
  satisfaction?: Satisfaction;
  staffing?: Staffing;
  /** 重点项目支出 (万元), for the 重点支出安排率. */
  keyExpenditure?: { amount: Dec | null; cell?: CellAddress };
  /** Text the report draft quotes and the names the signature block prints, when stated. */
  narrative?: Narrative;
  /** Figures stated directly in 基本信息, by metric, used when they cannot be computed. */
  statedMetrics?: Partial<Record<MetricId, StatedMetric>>;
  /** The workbook's own 评分标准 sheet, read (it wins over any preset). */
  standard?: WorkbookStandard;
  /** The project forms (项目支出绩效自评表) the workbook holds. */
  projectForms?: ProjectForm[];
  /** The workbook's own 评分标准 sheet for project forms (适用对象：项目支出). */
  projectStandard?: WorkbookStandard;
  /** Whether the indicator table has a 分值 column (else 分值 come from the standard). */
  indicatorTableHasMax?: boolean;
  settings?: EvaluationSettings;
  /** The indicator table's own 合计 row, when it has one: checked against the sum of rows. */
  statedTotal?: {
    max: Dec | null;
    entered: Dec | null;
    cells?: Partial<Record<"max" | "entered", CellAddress>>;
  };
}

/** One row of a project form's funds block (万元): 年初预算数 · 全年预算数 · 全年执行数. */
export interface ProjectFundsRow {
  label: string;
  initial: Dec | null;
  adjusted: Dec | null;
  spent: Dec | null;
  cells?: Partial<Record<"label" | "initial" | "adjusted" | "spent", CellAddress>>;
}

/** The funds block: 年度资金总额 and, where given, 其中 财政拨款 / 上年结转 / 其他资金. */
export interface ProjectFunds {
  total: ProjectFundsRow | null;
  /** The parts under 其中, in the order the form lists them. */
  parts: ProjectFundsRow[];
  /** The block's unit when it is not 万元. */
  unit?: AmountUnit;
  /** The execution row's 分值 and 得分 as entered, and its 原因 (偏差原因) if the form has one. */
  max: Dec | null;
  entered: Dec | null;
  reason?: string;
  cells?: Partial<Record<"max" | "entered" | "reason", CellAddress>>;
}

/** A 项目支出绩效自评表: one project's funds, goals and indicators, as one form of a workbook. */
export interface ProjectForm {
  /** 项目名称 */
  name: string;
  /** 主管部门 and 实施单位, when the form states them. */
  department?: string;
  unit?: string;
  /** The year the form states (its title, its `（2022 年度）` line or a 年度 cell), with that cell. */
  year?: { value: number; cell: CellAddress };
  sheet: string;
  /** The cell of the project's name (or the form's first cell). */
  cell: CellAddress;
  funds: ProjectFunds;
  /** 年度总体目标: 预期目标 and 实际完成情况, in the form's words. */
  goal?: { expected: string; actual: string };
  indicators: IndicatorEntry[];
  /** Whether the indicator table has a 分值 column. */
  hasMax: boolean;
  /** The form's own 总分 and 自评等级 rows: the 总分 row's 得分 (`cell`), its 分值 and that cell. */
  statedTotal?: { entered: Dec | null; cell?: CellAddress; max?: Dec; maxCell?: CellAddress };
  statedGrade?: { text: string; cell?: CellAddress };
}

/** A 评分标准 read from a sheet: the standard, what could not be read, and where it is. */
export interface WorkbookStandard {
  standard: Standard;
  problems: StandardProblem[];
  sheet: string;
  /** The file it came from, when not this workbook (`jixiao score --standard 标准.xlsx`). */
  file?: string;
  /** Where it came from in words, when it is no sheet (a preset named on the command line). */
  description?: string;
}
