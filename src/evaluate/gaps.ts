/**
 * The gap list (问题清单): each problem phrased the way a finance office writes its
 * 存在问题, with a suggested 改进措施 and the cell it comes from.
 */
import {
  Dec,
  HUNDRED,
  ONE,
  compare,
  formulaAmount,
  excelRound,
  fixed,
  money,
  moneyIn,
  percent,
  score,
  toleranceIn,
} from "../model/decimal";
import type {
  AmountUnit,
  DepartmentInput,
  IndicatorEntry,
  ThreePublicReading,
} from "../model/input";
import { quote } from "../model/text";
import type { MetricId } from "../standard/metrics";
import type { ParameterView } from "../standard/parameters";
import type { StandardSettings } from "../standard/types";
import { budgetColumnLabels } from "./budget";
import { deductionExplained, owed } from "./reasonClaims";
import type {
  BudgetResult,
  ExecutionRate,
  Gap,
  GapCode,
  IndicatorResult,
  MetricValue,
  Severity,
} from "./result";
import { INSERT_STANDARD_WAYS } from "./suggestions";

/** The indicator a figure belongs to (the first that scores or refers to it), for a gap's mark. */
export type IndicatorLink = (metric: MetricId) => { indicatorId?: string; indicator?: string };

export function linkByMetric(indicators: readonly IndicatorResult[]): IndicatorLink {
  return (metric) => {
    const found = indicators.find((i) => i.inStandard && i.metric === metric);
    return found ? { indicatorId: found.id, indicator: found.name } : {};
  };
}

/** No table at all, and which of its split columns were read (基本支出 | 项目支出 | 合计). */
function budgetReadGaps(input: DepartmentInput): Gap[] {
  const gaps: Gap[] = [];
  if (input.budget.rows.length === 0)
    gaps.push({
      code: "budgetMissing",
      severity: "error",
      message: "未读取到部门预算支出明细表，无法核对预算执行情况。",
      suggestion: "按模板填写预算支出明细表（年初预算数、调整预算数、决算数）。",
    });
  const read = input.budget.columnsRead;
  if (read)
    gaps.push({
      code: "budgetSubColumns",
      severity: "info",
      message: `预算支出明细表的金额分列填列，${read.text}。`,
      suggestion: "核对所取的列是否为各栏的合计数。",
      cell: read.cell,
    });
  return gaps;
}

/**
 * 基本支出 added up from 人员经费 and 日常公用经费, the table having no row of it; from one part
 * alone, the other may be missing, not nil: a warning that says so (the 合计 tie tells which).
 */
function derivedBasicGap(budget: BudgetResult): Gap[] {
  const basic = budget.rows.find((r) => r.category === "basic");
  if (!basic?.derivedFrom) return [];
  const names = budget.rows
    .filter((r) => r.category === "personnel" || r.category === "publicOperating")
    .map((r) => (r.category === "personnel" ? "人员经费" : "日常公用经费"));
  const cells = basic.derivedFrom.length > 0 ? `（${basic.derivedFrom.join("、")}）` : "";
  if (names.length > 1)
    return [
      {
        code: "budgetBasicDerived",
        severity: "info",
        message: `预算支出明细表没有“基本支出”行，基本支出按${names.join("与")}之和计算${cells}，据此核对合计。`,
        suggestion: "如部门决算报表列有基本支出，请在预算支出明细表补列该行。",
        cell: basic.derivedFrom[0],
      },
    ];
  const missing = names[0] === "人员经费" ? "日常公用经费" : "人员经费";
  return [
    {
      code: "budgetBasicDerived",
      severity: "warning",
      message: `预算支出明细表没有“基本支出”行，也未列${missing}，基本支出仅按${names[0]}计算${cells}；如有${missing}，基本支出少计。`,
      suggestion: `在预算支出明细表补列基本支出或${missing}行后重新计算。`,
      cell: basic.derivedFrom[0],
    },
  ];
}

const TIE_WORDS = {
  basic: "基本支出不等于人员经费与日常公用经费之和",
  total: "合计不等于各类支出之和",
  capital: "其中基本建设类项目超过项目支出",
} as const;

/** 尾差 within tolerance, sums that do not tie, and sums that could not be checked. */
function tieGaps(budget: BudgetResult, unit: AmountUnit | undefined): Gap[] {
  // Differences in the table's own unit (a table kept in 元 is rounded in 元, not 万元).
  const rounding = budget.ties
    .filter((t) => !t.ok && t.withinTolerance)
    .map((tie): Gap => ({
      code: "budgetRoundingDifference",
      severity: "info",
      message: `预算支出明细表${budgetColumnLabels[tie.column]}存在 ${moneyIn(tie.actual.minus(tie.expected).abs(), unit)}尾差（${tie.formula}），多为按${unit?.label ?? "万元"}取整所致。`,
      suggestion: "核对部门决算报表原始数据（元），确认差异仅为四舍五入尾差。",
      cell: tie.cell,
    }));
  const broken = budget.ties
    .filter((t) => !t.withinTolerance)
    .map((tie): Gap => {
      const diff =
        tie.check === "capital" ? "" : `，相差 ${moneyIn(tie.actual.minus(tie.expected), unit)}`;
      return {
        code: "budgetNotTying",
        severity: "error",
        message: `预算支出明细表不平：${budgetColumnLabels[tie.column]}${TIE_WORDS[tie.check]}（${tie.formula}${diff}）。`,
        suggestion: "核对预算支出明细表与部门决算报表，修正后重新计算。",
        cell: tie.cell,
      };
    });
  const unchecked = budget.unchecked.map((u): Gap => ({
    code: "budgetTieUnchecked",
    severity: "warning",
    message: `预算支出明细表${budgetColumnLabels[u.column]}${u.part}缺数，未能核对${u.parent}${u.parent === u.part ? "" : " "}是否等于${u.check === "basic" ? "人员经费与日常公用经费" : "各类支出"}之和。`,
    suggestion: "填写该栏（无支出填 0）。",
    cell: u.cell,
  }));
  return [...rounding, ...broken, ...unchecked];
}

/** Rows (not 人员经费 / 日常公用经费) whose 调整预算数 moved beyond the standard's line. */
function adjustmentGaps(
  budget: BudgetResult,
  checks: StandardSettings,
  unit: AmountUnit | undefined
): Gap[] {
  return budget.rows.flatMap((row): Gap[] => {
    const change = row.adjustmentRate;
    if (change === null || row.category === "personnel" || row.category === "publicOperating")
      return [];
    if (!change.abs().greaterThan(checks.largeAdjustment)) return [];
    const word = change.isNegative() ? "减少" : "增加";
    const what = row.category === "total" ? "预算合计" : row.label.replace(/^[一二三四五]、/, "");
    return [
      {
        code: "largeAdjustment",
        severity: "info",
        message: `${what}调整预算数 ${moneyIn(row.adjusted as Dec, unit)}较年初预算数 ${moneyIn(row.initial as Dec, unit)}${word} ${percent(change.abs())}，调整幅度较大。`,
        suggestion:
          "夯实预算编制基础工作，做细做实事前需求调查，提高预算编制的科学性和精细化程度。",
        cell: row.cells?.adjusted,
      },
    ];
  });
}

export function budgetGaps(
  input: DepartmentInput,
  budget: BudgetResult,
  checks: StandardSettings
): Gap[] {
  return [
    ...budgetReadGaps(input),
    ...derivedBasicGap(budget),
    ...tieGaps(budget, input.budget.unit),
    ...adjustmentGaps(budget, checks, input.budget.unit),
  ];
}

export function executionGaps(
  execution: ExecutionRate,
  checks: StandardSettings,
  link: IndicatorLink,
  /** The budget table's unit when not 万元: its amounts are said in it. */
  unit?: AmountUnit
): Gap[] {
  const target = link("executionRate");
  return [
    ...rateDifferenceGaps(execution, checks, target, unit),
    ...overspendGaps(execution, target, unit),
    ...belowTargetGaps(execution, checks, target, unit),
  ];
}

type Linked = ReturnType<IndicatorLink>;

/** The stated rate against the table's, beyond the standard's tolerance. */
function rateDifferenceGaps(
  execution: ExecutionRate,
  checks: StandardSettings,
  target: Linked,
  unit?: AmountUnit
): Gap[] {
  const { official, table, spent, baseAmount, baseLabel } = execution;
  if (
    official === null ||
    table === null ||
    !official.minus(table).abs().greaterThan(checks.rateDifferenceTolerance)
  )
    return [];
  const diff = official.minus(table).abs().times(HUNDRED);
  return [
    {
      code: "officialRateDiffers",
      severity: "warning",
      ...target,
      message: `填报的财政支出执行率 ${percent(official)} 与预算支出明细表计算的 ${percent(table)}（决算数 ${formulaAmount(spent as Dec, unit)} ÷ ${baseLabel} ${formulaAmount(baseAmount as Dec, unit)}）相差 ${fixed(diff, 2)} 个百分点。`,
      suggestion: "核对执行率口径（是否含上年结转、是否仅含财政拨款），在得分说明中注明计算口径。",
      cell: execution.source === "official" ? execution.cell : execution.spentCell,
    },
  ];
}

/**
 * A rate over 100%: the table's 决算数 above its base, or — with no such table figure — a stated
 * rate over 100%. The score stops at the indicator's 分值; the overspend (or a figure in the
 * wrong column) is still said, naming its cells.
 */
function overspendGaps(execution: ExecutionRate, target: Linked, unit?: AmountUnit): Gap[] {
  const { official, table, spent, baseAmount, baseLabel } = execution;
  if (spent !== null && baseAmount !== null && table !== null && spent.greaterThan(baseAmount))
    return [
      {
        code: "spentOverBudget",
        severity: "warning",
        ...target,
        message: `预算支出明细表合计行决算数 ${moneyIn(spent, unit)}超过${baseLabel} ${moneyIn(baseAmount, unit)}，执行率 ${percent(table)}${cellsNamed(
          [
            ["决算数", execution.spentCell],
            [baseLabel, execution.baseCell],
          ]
        )}：或为超预算支出，或决算数、${baseLabel}取错了列（如把预算调整数当作调整预算数）；该指标得分以分值为限。`,
        suggestion: `核对决算数和${baseLabel}是否取自部门决算报表的对应栏目；确属超预算支出的，在得分说明中写明原因。`,
        cell: execution.spentCell,
      },
    ];
  // A table's rate under 100% against a stated one over it: officialRateDiffers says so.
  if (official === null || table !== null || !official.greaterThan(ONE)) return [];
  // The stated rate is the first of the rate's inputs (rateInputs).
  const cell = execution.inputs[0]?.cell;
  return [
    {
      code: "spentOverBudget",
      severity: "warning",
      ...target,
      message: `填报的财政支出执行率 ${percent(official)}${cell ? `（${cell}）` : ""}超过 100%，预算支出明细表无法核对：或为超预算支出，或执行率填报有误；该指标得分以分值为限。`,
      suggestion: "核对执行率的计算口径与数据来源；确属超预算支出的，在得分说明中写明原因。",
      cell,
    },
  ];
}

/** `（决算数见 预算支出!D12，调整预算数见 预算支出!C12）`: the cells known, or nothing. */
function cellsNamed(cells: [string, string | undefined][]): string {
  const known = cells.filter(([, cell]) => cell).map(([what, cell]) => `${what}见 ${cell}`);
  return known.length > 0 ? `（${known.join("，")}）` : "";
}

/** The rate that scores below the standard's target, with what spending would reach it. */
function belowTargetGaps(
  execution: ExecutionRate,
  checks: StandardSettings,
  target: Linked,
  unit?: AmountUnit
): Gap[] {
  const { spent, baseAmount, baseLabel } = execution;
  const used = execution.value;
  if (used === null || !used.lessThan(checks.executionRateTarget)) return [];
  let amountText = "";
  let amount: Dec | undefined;
  if (spent !== null && baseAmount !== null) {
    const needed = checks.executionRateTarget.times(baseAmount).minus(spent);
    if (needed.greaterThan(0)) {
      // Exact: 4 元 short of 100% is 0.0004 万元, never “尚需支出 0.00 万元”.
      amount = needed.toDecimalPlaces(6, Dec.ROUND_HALF_UP);
      amountText = `；按预算表口径（决算数 ÷ ${baseLabel}），达到目标尚需支出 ${moneyIn(amount, unit)}`;
    }
  }
  const below = `财政支出执行率 ${percent(used)}，低于目标 ${percent(checks.executionRateTarget)}`;
  const note = (words?: string) => (words ? `，${words}` : "");
  return [
    {
      code: "executionBelowTarget",
      severity: "warning",
      ...target,
      message: `${below}${note(execution.sourceNote)}${amountText}。`,
      submissionFacts: `${below}${note(execution.sourceWords)}。`,
      suggestion: "督促项目各牵头科室按预算规定加快支出进度，提高资金使用效益。",
      cell: execution.cell,
      amount,
    },
  ];
}

/**
 * A project form's 全年执行数 above its 执行率 base (a rate over 100%), naming both cells: the
 * 预算执行率 scores its 分值 at most (capped), but an overspend — or a figure in the wrong column
 * — is worth saying. A form that states a 原因 on the funds row has said it: a 提示 then.
 */
export function projectOverspendGaps(execution: MetricValue, stated?: string): Gap[] {
  const rate = execution.value;
  if (rate === null || !rate.greaterThan(ONE)) return [];
  const where = cellsNamed(execution.inputs.map((i) => [i.label, i.cell]));
  const reason = stated ? `；原因填报为“${stated}”` : "";
  return [
    {
      code: "spentOverBudget",
      severity: stated ? "info" : "warning",
      indicator: "预算执行率",
      message: `项目预算执行率 ${percent(rate)}（${execution.text}），超过 100%${where}：或为超预算支出，或金额填错了栏目；预算执行率得分以分值为限${reason}。`,
      suggestion:
        "核对全年执行数和全年预算数是否取自项目资金的对应栏目；确属超预算支出的，在偏差原因中写明原因和资金来源。",
      cell: execution.cell,
    },
  ];
}

/**
 * “三公” figures larger than the department's whole budget: kept in 元 under a label that does
 * not say so (135,000 read as 万元). Said, never corrected: the unit is the workbook's to state.
 */
export function threePublicScaleGaps(input: DepartmentInput): Gap[] {
  const funds = input.threePublic;
  const total = input.budget.rows.find((r) => r.category === "total");
  const whole = total?.adjusted ?? total?.initial ?? null;
  const largest = [funds?.budget, funds?.actual].filter((v): v is Dec => v != null);
  if (!funds || whole === null || !whole.isPositive() || largest.length === 0) return [];
  const top = largest.reduce((a, b) => (b.greaterThan(a) ? b : a));
  if (!top.greaterThan(whole)) return [];
  return [
    {
      code: "threePublicScale",
      severity: "error",
      message: `“三公”经费 ${moneyIn(top, funds.unit)}，大于部门预算合计 ${moneyIn(whole, input.budget.unit)}，可能是以元填列而未注明单位。`,
      suggestion: "在标签后注明单位（如“三公”经费预算数（元）），或改填万元。",
      cell: top === funds.actual ? funds.cells?.actual : funds.cells?.budget,
    },
  ];
}

/** The “三公” figures by name, as a message says them. */
const THREE_PUBLIC_FIGURES = { budget: "预算数", actual: "实际支出数" } as const;

/** Where a reading states a figure: `基本信息!B9 填报 1.88 万元`, `“三公”经费表合计 2.08 万元（三公经费!C7）`. */
function statedAt(reading: ThreePublicReading, key: "budget" | "actual"): string {
  const amount = moneyIn(reading[key] as Dec, reading.unit);
  const cell = reading.cells?.[key] ?? "";
  return reading.source ? `${reading.source} ${amount}（${cell}）` : `${cell} 填报 ${amount}`;
}

/**
 * “三公” figures stated in two places that differ (基本信息 and a “三公”经费表, the budget
 * table's “三公” row), or a 合计 that is not its items' sum, beyond the 尾差 tolerance of the
 * coarser unit: said with both cells, and — where one of them is scored — which.
 */
export function threePublicSourceGaps(input: DepartmentInput, tieTolerance: Dec): Gap[] {
  const funds = input.threePublic;
  if (!funds) return [];
  // Each pair checked, and whether its first holds the figures scored.
  const pairs = [
    { a: funds, b: funds.itemsSum, scored: true },
    ...(funds.otherReadings ?? []).flatMap((other) => [
      { a: funds, b: other, scored: true },
      { a: other, b: other.itemsSum, scored: false },
    ]),
  ];
  return pairs.flatMap(({ a, b, scored }) =>
    b
      ? (["budget", "actual"] as const).flatMap((key) => differs(a, b, key, scored, tieTolerance))
      : []
  );
}

/** One figure of two readings, if they differ beyond the tolerance of the coarser unit. */
function differs(
  a: ThreePublicReading,
  b: ThreePublicReading,
  key: "budget" | "actual",
  scored: boolean,
  tieTolerance: Dec
): Gap[] {
  const [mine, theirs] = [a[key], b[key]];
  if (mine === null || theirs === null) return [];
  const tolerance = Dec.max(toleranceIn(tieTolerance, a.unit), toleranceIn(tieTolerance, b.unit));
  const diff = mine.minus(theirs).abs();
  if (diff.lessThanOrEqualTo(tolerance)) return [];
  const unit = a.unit?.label === b.unit?.label ? a.unit : undefined;
  const basis = scored ? `；按${a.source ?? `${a.cells?.[key] ?? ""} 的填报数`}计算` : "";
  return [
    {
      code: "threePublicDiffers",
      severity: "warning",
      message: `“三公”经费${THREE_PUBLIC_FIGURES[key]}不一致：${statedAt(a, key)}，${statedAt(b, key)}，相差 ${moneyIn(diff, unit)}${basis}。`,
      suggestion: "核对“三公”经费各处填列的数字（含各项之和），改为一致后重新计算。",
      cell: b.cells?.[key],
    },
  ];
}

/** 人员经费 per person above this (万元) is no department's: the table is in 元 unsaid. */
const PERSONNEL_PER_HEAD_LIMIT = new Dec(200);

/**
 * A budget table read as 万元 whose 人员经费 per 在职人员 is beyond any department's (a table
 * typed in 元 with no unit said prints 146 亿 under 金额单位：万元): one 严重 gap.
 */
export function budgetScaleGaps(input: DepartmentInput): Gap[] {
  const staff = input.staffing?.actual ?? null;
  const personnel = input.budget.rows.find((r) => r.category === "personnel");
  const amount = personnel?.final ?? personnel?.adjusted ?? null;
  if (input.budget.unit || staff === null || !staff.isPositive() || amount === null) return [];
  const perHead = amount.dividedBy(staff);
  if (!perHead.greaterThan(PERSONNEL_PER_HEAD_LIMIT)) return [];
  const column = personnel?.final != null ? "final" : "adjusted";
  return [
    {
      code: "budgetScale",
      severity: "error",
      message: `人员经费${budgetColumnLabels[column]} ${money(amount)} 万元、在职人数 ${staff.toString()} 人，人均 ${money(perHead)} 万元，远超常见水平，预算表可能是以元填列而未注明单位。`,
      suggestion:
        "如预算表以元填列，请在表头注明单位（如“年初预算数（元）”，或在表上方写“单位：元”），或改填万元。",
      cell: personnel?.cells?.[column] ?? personnel?.cells?.label,
    },
  ];
}

export function activityGaps(
  input: DepartmentInput,
  coverage: MetricValue,
  link: IndicatorLink
): Gap[] {
  const gaps: Gap[] = [];
  const funds = input.threePublic;
  if (
    funds &&
    funds.budget !== null &&
    funds.actual !== null &&
    !funds.budget.isNegative() &&
    funds.actual.greaterThan(funds.budget)
  ) {
    const over = funds.actual.minus(funds.budget);
    const share = funds.budget.isZero()
      ? ""
      : `（超出 ${percent(over.dividedBy(funds.budget), 2)}）`;
    gaps.push({
      code: "threePublicOver",
      severity: "warning",
      ...link("threePublicControl"),
      message: `“三公”经费实际支出 ${moneyIn(funds.actual, funds.unit)}，超出全年预算 ${moneyIn(funds.budget, funds.unit)} ${moneyIn(over, funds.unit)}${share}。`,
      suggestion: "严格执行“三公”经费预算，从严控制公务接待、公务用车和因公出国（境）支出。",
      cell: funds.cells?.actual,
    });
  }
  const notDone = input.keyTasks.filter((t) => t.done === false);
  if (notDone.length > 0) {
    gaps.push({
      code: "keyTasksIncomplete",
      severity: "warning",
      ...link("keyTaskCompletion"),
      message: `重点工作任务共 ${input.keyTasks.length} 项，已完成 ${input.keyTasks.filter((t) => t.done === true).length} 项，未完成：${notDone.map((t) => t.name).join("、")}。`,
      suggestion: "对未完成的重点工作逐项分析原因，明确责任科室和完成时限。",
      cell: notDone[0].cells?.done ?? notDone[0].cells?.name,
    });
  }
  if (coverage.value !== null && coverage.value.lessThan(ONE)) {
    const missing = input.projects.filter((p) => !p.evaluated);
    const names =
      missing.length > 0
        ? `，未自评：${missing
            .slice(0, 5)
            .map((p) => p.name)
            .join("、")}${missing.length > 5 ? ` 等 ${missing.length} 个` : ""}`
        : "";
    gaps.push({
      code: "projectCoverageBelowFull",
      severity: "warning",
      ...link("projectEvaluationCoverage"),
      message: `项目自评覆盖率 ${percent(coverage.value)}（${coverage.text}），未达 100%${names}。`,
      suggestion: "按市级财政支出绩效自评工作要求，对全部项目开展绩效自评。",
      cell: missing[0]?.cells?.evaluated ?? input.projectCounts?.cells?.evaluated,
    });
  }
  return gaps;
}

/** Gaps about one indicator's scores. */
/** One gap about an indicator's result (defined once: this runs for every row of every form). */
function push(
  gaps: Gap[],
  result: IndicatorResult,
  code: GapCode,
  severity: Severity,
  message: string,
  suggestion: string,
  cell = result.cell
): void {
  gaps.push({
    code,
    severity,
    indicatorId: result.id,
    indicator: result.name,
    message,
    suggestion,
    cell,
  });
}

/** `2.955（计 2.96）` when the typed score rounds to another, else `3.00 ` (the word follows). */
function shownScore(typed: Dec | null, d: Dec): string {
  return typed && compare(typed, d) !== 0 ? `${score(typed)}（计 ${score(d)}）` : `${score(d)} `;
}

/** 分值 as typed against the standard's, and a score outside 0～分值. */
function rangeGaps(
  gaps: Gap[],
  result: IndicatorResult,
  entered: Dec | null,
  entryMax: Dec | null | undefined,
  maxCell: string | undefined
): void {
  const { max, name } = result;
  if (entryMax != null && compare(entryMax, max) !== 0 && result.inStandard)
    push(
      ...([gaps, result, "maxMismatch", "warning"] as const),
      `${quote(name)}分值填报为 ${score(entryMax)}，评分标准为 ${score(max)}。`,
      "按当年自评表核对分值；如评分标准已调整，请在评分标准表中修改该指标分值。",
      maxCell
    );
  if (entered !== null && (compare(entered, max) > 0 || entered.isNegative()))
    push(
      ...([gaps, result, "scoreOutOfRange", "error"] as const),
      `${quote(name)}自评得分 ${score(result.entered as Dec)} 超出 0～${score(max)} 分的范围，已按 ${score(result.counted)} 分计入。`,
      "修正自评得分，使其不超过该指标分值且不小于 0。"
    );
}

/** The entered score against the computed one (or the 评价等次's range of points). */
function comparisonGaps(gaps: Gap[], result: IndicatorResult, entered: Dec | null): void {
  const { computed, computedRange: range, name } = result;
  if (entered === null || computed === null) return;
  // Made only for a gap: most rows agree.
  const shown = () => shownScore(result.entered, entered);
  if (range && (compare(entered, range.low) < 0 || compare(entered, range.high) > 0))
    push(
      ...([gaps, result, "enteredDiffersFromComputed", "warning"] as const),
      `${quote(name)}填报得分 ${shown()}不在评价等次对应的 ${score(range.low)}～${score(range.high)} 分之间。`,
      "核对评价等次与自评得分，使得分落在该等次的分值区间内。"
    );
  else if (!range && compare(entered, computed) !== 0)
    push(
      ...([gaps, result, "enteredDiffersFromComputed", "warning"] as const),
      `${quote(name)}填报得分 ${shown()}与按评分规则计算的 ${score(computed)} 不一致（相差 ${score(entered.minus(computed).abs())} 分）。`,
      "核对评分标准和计算口径，在得分说明中写明填报得分的依据。"
    );
}

/** A deduction with no 扣分原因 (where no formula shows it); 三级 rows without one, by name. */
function deductionGaps(gaps: Gap[], result: IndicatorResult, entered: Dec | null): void {
  const deducted = entered !== null && compare(entered, result.max) < 0 && !entered.isNegative();
  // A score the rule computes otherwise has its own gap, which asks for the 依据 (comparisonGaps).
  if (!deducted || deductionExplained(result) || result.computed !== null) return;
  const rows = result.unexplainedRows ?? [];
  const named = rows.map(
    (r) => `${quote(r.name)}${r.cell ? `（${r.cell}）` : ""}扣 ${score(r.lost)} 分`
  );
  push(
    ...([gaps, result, "deductionWithoutExplanation", "warning"] as const),
    rows.length > 0
      ? `${quote(result.name)}扣 ${score(result.max.minus(entered as Dec))} 分，其中${named.join("、")}未说明扣分原因。`
      : `${quote(result.name)}扣 ${score(result.max.minus(entered as Dec))} 分，但未说明扣分原因。`,
    rows.length > 0
      ? "在这些下级指标的得分说明中写明扣分原因及依据。"
      : "在得分说明中写明扣分原因及依据。",
    rows[0]?.cell
  );
}

/** No score at all (0 counted), or a score the formula could not check. */
function missingGaps(gaps: Gap[], result: IndicatorResult, entered: Dec | null): void {
  const reason = result.notComputableReason;
  const cell = result.notComputableCell ?? result.cell;
  if (entered === null && result.computed === null)
    push(
      ...([gaps, result, "missingScore", "error"] as const),
      `${quote(result.name)}未填报自评得分${reason ? `，且无法按公式计算（${reason}）` : ""}，按 0 分计入。`,
      "填写该指标的自评得分及得分说明。",
      cell
    );
  else if (reason && result.ruleKind !== "judgment")
    push(
      ...([gaps, result, "notComputable", "info"] as const),
      `${quote(result.name)}无法按公式复核：${reason}；按填报得分 ${score(result.counted)} 计入。`,
      "补充计算所需数据，以便复核填报得分。",
      cell
    );
}

export function indicatorGaps(
  result: IndicatorResult,
  entryMax: Dec | null | undefined,
  maxCell: string | undefined,
  decimals: number
): Gap[] {
  const gaps: Gap[] = [];
  // The entered score as it counts (得分保留小数位): 2.995 is 3.00, which a computed 3.00 agrees
  // with and which deducts nothing from 3 分.
  const entered = result.entered === null ? null : excelRound(result.entered, decimals);
  rangeGaps(gaps, result, entered, entryMax, maxCell);
  comparisonGaps(gaps, result, entered);
  deductionGaps(gaps, result, entered);
  gaps.push(...reasonGap(result));
  missingGaps(gaps, result, entered);
  if (!result.inStandard)
    push(
      ...([gaps, result, "unknownIndicator", "warning"] as const),
      `${quote(result.name)}不在评分标准（${result.level1}）中，按填报的分值 ${score(result.max)}、得分计入。`,
      "核对指标名称是否与评分标准一致；如为新增指标，请在评分标准表中补充。"
    );
  return gaps;
}

/** A 扣分原因 quoting a deduction or score the counted score does not give. */
function reasonGap(result: IndicatorResult): Gap[] {
  const m = result.reasonMismatch;
  if (!m) return [];
  const gaps: Gap[] = [];
  push(
    gaps,
    result,
    "reasonContradictsScore",
    "warning",
    `指标${quote(result.name)}的扣分原因写“${m.said}”，按得分 ${score(result.counted)}（分值 ${score(result.max)}）${owed(m, score)}。`,
    "更正扣分原因中的分数，或核对自评得分，使二者一致。",
    m.cell ?? result.cell
  );
  return gaps;
}

/** The gaps of one scored entry: its scores', or that it was marked 不适用 where that scores 0. */
export function gapsOf(
  result: IndicatorResult,
  entry: IndicatorEntry | undefined,
  decimals: number
): Gap[] {
  if (result.countedFrom !== "notApplicable")
    return [
      ...indicatorGaps(result, entry?.max, entry?.cells?.max, decimals),
      ...uncoveredGap(result),
    ];
  if (result.notApplicable) return applicableGap(result);
  return [
    {
      code: "notApplicable",
      severity: "warning",
      indicatorId: result.id,
      indicator: result.name,
      message: `${quote(result.name)}填报为不适用，评分标准规定不适用指标按 0 分计。`,
      suggestion: "核对该指标是否确实不适用；如适用，请填写自评得分。",
      cell: result.cell,
    },
  ];
}

/** Marked 不适用 though its rule scores it from the workbook's own figures: dropped, and said. */
function applicableGap(result: IndicatorResult): Gap[] {
  if (!result.applicable) return [];
  return [
    {
      code: "notApplicableComputable",
      severity: "warning",
      indicatorId: result.id,
      indicator: result.name,
      message: `${quote(result.name)}填报为不适用，已剔除；但按评分规则可以计算（${result.applicable.basis}），计入应得 ${score(result.applicable.score)} 分。`,
      suggestion: "核对该指标是否确实不适用；如适用，请填写自评得分。",
      cell: result.cell,
    },
  ];
}

/** A figure the standard's 分档 leave uncovered: scored 0 by the rule, and said. */
function uncoveredGap(result: IndicatorResult): Gap[] {
  if (!result.uncoveredValue) return [];
  return [
    {
      code: "bandUncovered",
      severity: "warning",
      indicatorId: result.id,
      indicator: result.name,
      message: `${quote(result.name)}的 ${result.uncoveredValue} 不在评分标准的任何一档内，按评分规则计 0 分。`,
      suggestion: "核对实际值，或在评分标准的分档中补上这一区间（如最低一档写作“<90%:0”）。",
      cell: result.cell,
    },
  ];
}

/** 待核对 parameters per indicator, and of the standard as a whole. */
export function unconfirmedGaps(
  indicators: readonly IndicatorResult[],
  parameters: readonly ParameterView[],
  /** The 评分标准 sheet the standard was read from, in words (`评分标准表`); null: a preset. */
  sheet: string | null
): Gap[] {
  const gaps: Gap[] = [];
  const fromSheet = sheet !== null;
  const confirm = fromSheet
    ? `核对无误后清空${sheet}中该行的“待核对”，或修改为正确的参数。`
    : `需要修改或确认时，先插入评分标准表${INSERT_STANDARD_WAYS}，再在表中修改。`;
  // A preset's parameters are its defaults; a sheet's are what the officer typed and marked.
  const state = fromSheet ? `在${sheet}中标为待核对` : "为默认值（待核对）";
  const open = new Map<string, ParameterView[]>();
  for (const p of parameters)
    if (p.indicatorId && p.unconfirmed)
      open.set(p.indicatorId, [...(open.get(p.indicatorId) ?? []), p]);
  for (const r of indicators) {
    const params = open.get(r.id) ?? [];
    // Labelled by the standard's name; a placeholder's gap is worded under the row's.
    const labels = params.map((p) => p.label.replace(`${r.placeholder ?? r.name}：`, ""));
    if (labels.length === 0) continue;
    gaps.push({
      code: "unconfirmedParameter",
      severity: "info",
      indicatorId: r.id,
      indicator: r.name,
      message: `${quote(r.name)}的${labels.join("、")}${state}。`,
      suggestion: `请按当年评分标准核对；${confirm}`,
      cell: params[0].cell,
    });
  }
  const whole = parameters.filter((p) => !p.indicatorId && p.unconfirmed);
  if (whole.some((p) => p.path === "caps"))
    gaps.push({
      code: "unconfirmedParameter",
      severity: "info",
      message: `按执行率封顶总分的分档${state}。`,
      suggestion: "请按当地评分标准核对封顶规则。",
      cell: whole.find((p) => p.path === "caps")?.cell,
    });
  const grades = whole.filter((p) => p.path.startsWith("grade."));
  if (grades.length > 0)
    gaps.push({
      code: "unconfirmedParameter",
      severity: "info",
      message: fromSheet
        ? `等级分数线${state}。`
        : "等级分数线为常见做法（优 ≥ 90、良 ≥ 80、中 ≥ 60），待核对。",
      suggestion: "请按当地评分标准核对等级分数线。",
      cell: grades[0].cell,
    });
  const settings = whole.filter((p) => p.path.startsWith("settings."));
  if (settings.length > 0)
    gaps.push({
      code: "unconfirmedParameter",
      severity: "info",
      message: `评分标准的${settings.map((p) => p.label).join("、")}${state}。`,
      suggestion: "请按当地评分标准核对。",
      cell: settings[0].cell,
    });
  return gaps;
}
