/**
 * Step 3 of scoring: subtotals per 一级, the total (rescaled when indicators are 不适用), the cap
 * by execution rate, the grade, and the checks on the table's own totals.
 */
import { type Dec, ZERO, excelRound, minDec, percent, score, sum } from "../model/decimal";
import type { DepartmentInput } from "../model/input";
import { quote } from "../model/text";
import type { Standard } from "../standard/types";
import type {
  Evaluation,
  Gap,
  GroupResult,
  IndicatorResult,
  MetricValue,
  ScoredTotals,
} from "./result";

/** The grade shown when the table is incomplete (分值 not adding to 100, no scores). */
export const UNGRADED = "无法评定";

export type Totals = ScoredTotals & Pick<Evaluation, "gaps">;

/** The totals an evaluation carries (its gaps go with the others, sorted). */
export function scoredTotals(t: Totals): ScoredTotals {
  const { groups, sum, uncapped, cap, total, maxTotal, grade, ungradedReason } = t;
  return {
    groups,
    sum,
    uncapped,
    cap,
    total,
    maxTotal,
    grade,
    ...(ungradedReason ? { ungradedReason } : {}),
  };
}

/**
 * Why the table cannot be graded (无法评定), as a clause, or null: a grade needs a complete
 * table, 分值 adding to 100 and scores actually read. The one owner of the reason: the gap
 * list, the report's 自评结论 and a project form's gap all say this.
 */
function ungradedReasonOf(input: TableFacts, maxTotal: Dec): string | null {
  if (input.indicators.length === 0) return "未读取到任何指标得分，总分仅含可按公式计算的指标";
  if (!maxTotal.equals(100)) return `各指标分值合计 ${score(maxTotal)} 分，不等于 100 分`;
  return null;
}

/** 一级 groups in order of first appearance. */
function groupsOf(indicators: readonly IndicatorResult[]): GroupResult[] {
  // Each group's figures gathered, then summed once (`sum`: no Decimal per addition).
  const members = new Map<string, { max: Dec[]; counted: Dec[] }>();
  for (const r of indicators) {
    let group = members.get(r.level1);
    if (!group) members.set(r.level1, (group = { max: [], counted: [] }));
    group.max.push(r.max);
    group.counted.push(r.counted);
  }
  return [...members].map(([level1, g]) => ({ level1, max: sum(g.max), counted: sum(g.counted) }));
}

/** 不适用 indicators dropped: the rest's sum scaled to the full 分值. */
function rescaled(
  indicators: readonly IndicatorResult[],
  total: Dec,
  maxTotal: Dec,
  decimals: number
) {
  const dropped = indicators.filter((i) => i.notApplicable);
  if (dropped.length === 0) return { value: total, gaps: [] as Gap[] };
  const applicable = sum(indicators.filter((i) => !i.notApplicable).map((i) => i.max));
  if (applicable.isZero()) return { value: total, gaps: [] as Gap[] };
  const value = excelRound(total.times(maxTotal).dividedBy(applicable), decimals);
  const names = dropped.map((i) => quote(i.name)).join("、");
  return {
    value,
    gaps: [
      {
        code: "notApplicable" as const,
        severity: "info" as const,
        message: `${names}不适用，已剔除；总分 = 其余指标得分 ${score(total)} × ${score(maxTotal)} ÷ 其余指标分值 ${score(applicable)} = ${score(value)} 分。`,
        suggestion: "在得分说明中写明不适用的原因。",
        cell: dropped[0].cell,
      },
    ],
  };
}

/**
 * The lowest cap whose line the rate is below: in a table in order, the row of the lowest line
 * above the rate; in one out of order (flagged when the standard is read), never the looser.
 */
function capFor(standard: Standard, rate: Dec | null): Dec | null {
  if (rate === null) return null;
  const caps = standard.caps.filter((b) => rate.lessThan(b.below)).map((b) => b.cap);
  return caps.length > 0 ? caps.reduce((a, b) => minDec(a, b)) : null;
}

/** What the totals check of the table the indicators were read from. */
export type TableFacts = Pick<
  DepartmentInput,
  "indicators" | "statedTotal" | "indicatorTableHasMax"
>;

/** What the evaluation counts against the table's 合计 row. */
interface Evaluated {
  indicators: readonly IndicatorResult[];
  maxTotal: Dec;
  countedSum: Dec;
  rescaledTotal: Dec | null;
}

/**
 * The table's own 合计 row against its rows. With rows marked 不适用 a filler may
 * write either the plain sum or the rescaled total; both are accepted. Then, where it adds up
 * its rows, against what was evaluated.
 */
function tableTotalGaps(input: TableFacts, e: Evaluated): Gap[] {
  const stated = input.statedTotal;
  if (!stated) return [];
  const { rescaledTotal, countedSum } = e;
  const gaps: Gap[] = [];
  const flagged = new Set<"max" | "entered">();
  // With a score left blank, the rows add up to what is counted for it (its computed score).
  const blanks = input.indicators.some((i) => i.entered == null);
  const rowsSum = blanks ? countedSum : sum(input.indicators.map((i) => i.entered ?? ZERO));
  const agrees = (v: Dec) => v.equals(rowsSum) || (rescaledTotal?.equals(v) ?? false);
  const what = blanks ? "计入得分之和（未填报的按计算得分）" : "填报得分之和";
  if (stated.entered != null && !agrees(stated.entered)) {
    flagged.add("entered");
    gaps.push({
      code: "indicatorTotalMismatch",
      severity: "error",
      message: `绩效指标表合计得分 ${score(stated.entered)} 分与各指标${what} ${score(rowsSum)} 分不一致。`,
      suggestion: "核对各指标得分与合计行，建议合计行使用求和公式。",
      cell: stated.cells?.entered,
    });
  }
  const maxSum = stated.max != null ? sum(input.indicators.map((i) => i.max ?? ZERO)) : null;
  if (
    stated.max != null &&
    maxSum !== null &&
    !stated.max.equals(maxSum) &&
    input.indicators.some((i) => i.max != null)
  ) {
    flagged.add("max");
    gaps.push({
      code: "indicatorTotalMismatch",
      severity: "error",
      message: `绩效指标表合计分值 ${score(stated.max)} 分与各指标分值之和 ${score(maxSum)} 分不一致。`,
      suggestion: "核对各指标分值与合计行。",
      cell: stated.cells?.max,
    });
  }
  return [...gaps, ...evaluatedTotalGaps(input, e, flagged)];
}

/**
 * The table's 合计 row, where it adds up its own rows, against what was evaluated when the
 * table leaves out indicators of the standard: its 合计 is then not the total printed. (Other
 * differences — a 分值 not the standard's, a score out of range — are said at their rows.) A
 * figure whose rows do not add up to it is said by `tableTotalGaps` instead.
 */
function evaluatedTotalGaps(
  input: TableFacts,
  e: Evaluated,
  flagged: ReadonlySet<"max" | "entered">
): Gap[] {
  const stated = input.statedTotal;
  const absent = e.indicators.filter((i) => i.absent).map((i) => quote(i.name));
  if (!stated || absent.length === 0) return [];
  const evaluatedSum = e.rescaledTotal ?? e.countedSum;
  const maxDiffers = stated.max != null && !flagged.has("max") && !stated.max.equals(e.maxTotal);
  const scoreDiffers =
    stated.entered != null &&
    !flagged.has("entered") &&
    !stated.entered.equals(e.countedSum) &&
    !stated.entered.equals(evaluatedSum);
  if (!maxDiffers && !scoreDiffers) return [];
  const own = [
    stated.max != null ? `分值 ${score(stated.max)} 分` : "",
    stated.entered != null ? `自评得分 ${score(stated.entered)} 分` : "",
  ].filter((p) => p);
  return [
    {
      code: "tableTotalDiffers",
      severity: "warning",
      message: `绩效指标表合计行的${own.join("、")}，与按评分标准评价的分值合计 ${score(e.maxTotal)} 分、得分合计 ${score(evaluatedSum)} 分不一致：本表未列${absent.join("、")}。`,
      suggestion: "在绩效指标表中补列评分标准的全部指标，并更正合计行。",
      cell: (maxDiffers ? stated.cells?.max : undefined) ?? stated.cells?.entered,
    },
  ];
}

function completenessGaps(
  input: TableFacts,
  maxTotal: Dec,
  standard: Standard,
  ungraded: string | null
): Gap[] {
  if (input.indicators.length === 0)
    return [
      {
        code: "maxTotalNot100",
        severity: "error",
        message: `${ungraded}，无法评定等级。`,
        suggestion: "填写绩效指标表（一级指标、指标、分值、自评得分）后重新计算。",
      },
    ];
  const gaps: Gap[] = [];
  // A standard whose own 分值 do not add up to 100 is said once, at its cell (validate.ts).
  const standardTotal = sum(standard.indicators.map((i) => i.max));
  const standardsOwn =
    standard.id !== "ownTable" && !standardTotal.equals(100) && maxTotal.equals(standardTotal);
  if (ungraded && !standardsOwn)
    gaps.push({
      code: "maxTotalNot100",
      severity: "error",
      message: `${ungraded}，无法评定等级。`,
      suggestion:
        "核对指标表是否漏填或多填指标、分值是否正确；如评分标准不同，请插入或修改评分标准表。",
      // The table's 合计 分值 where it has one, else its first 分值: somewhere to start looking.
      cell:
        input.statedTotal?.cells?.max ??
        input.indicators.find((i) => i.cells?.max)?.cells?.max ??
        input.statedTotal?.cells?.entered,
    });
  if (input.indicatorTableHasMax === false)
    gaps.push({
      code: "maxFromStandard",
      severity: "info",
      message: `绩效指标表没有分值列，分值取自评分标准${quote(standard.name)}。`,
      suggestion: "如需核对分值，可在绩效指标表中增加“分值”列。",
    });
  return gaps;
}

/** The grade of a total, or 无法评定 with why. */
function gradeOf(
  standard: Standard,
  total: Dec,
  ungraded: string | null
): Pick<ScoredTotals, "grade" | "ungradedReason"> {
  if (ungraded) return { grade: UNGRADED, ungradedReason: ungraded };
  const band = standard.grades.find((g) =>
    // A line written `总分>90` leaves 90 itself to the grade below.
    g.above ? total.greaterThan(g.min) : total.greaterThanOrEqualTo(g.min)
  );
  return band
    ? { grade: band.grade }
    : { grade: UNGRADED, ungradedReason: `总分 ${score(total)} 分不在任何等级的分数范围内` };
}

export function totalUp(
  indicators: readonly IndicatorResult[],
  standard: Standard,
  execution: Pick<MetricValue, "value" | "cell">,
  input: TableFacts
): Totals {
  const decimals = standard.settings.scoreDecimals;
  // Totals from the groups' subtotals: the same exact sums, a few additions instead of one per row.
  const groups = groupsOf(indicators);
  const total0 = sum(groups.map((g) => g.counted));
  const maxTotal = sum(groups.map((g) => g.max));
  const scaled = rescaled(indicators, total0, maxTotal, decimals);
  const gaps: Gap[] = [...scaled.gaps];
  const cap = capFor(standard, execution.value);
  const total = cap !== null ? minDec(scaled.value, cap) : scaled.value;
  if (cap !== null && scaled.value.greaterThan(cap))
    gaps.push({
      code: "totalCapped",
      severity: "info",
      message: `执行率 ${percent(execution.value as Dec)}，按评分标准总分最高 ${score(cap)} 分，总分由 ${score(scaled.value)} 分调整为 ${score(total)} 分。`,
      suggestion: "加快预算执行进度，提高财政资金使用效率。",
      cell: execution.cell,
    });
  const ungraded = ungradedReasonOf(input, maxTotal);
  const grading = gradeOf(standard, total, ungraded);
  gaps.push(
    ...completenessGaps(input, maxTotal, standard, ungraded),
    ...tableTotalGaps(input, {
      indicators,
      maxTotal,
      countedSum: total0,
      rescaledTotal: scaled.gaps.length > 0 ? scaled.value : null,
    })
  );
  return {
    groups,
    sum: total0,
    uncapped: scaled.value,
    cap,
    total,
    maxTotal,
    ...grading,
    gaps,
  };
}
