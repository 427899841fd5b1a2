/**
 * 存在问题 and 改进措施 as the department submits them: one numbered item per kind of problem the
 * department owns (a low execution rate, “三公” over budget, a large budget adjustment …), each
 * phrased as the seed report phrases its own, and one item per indicator that lost points with no
 * such problem behind it (its reason left for a person to write). The printed summary and the
 * report draft both list exactly these items.
 *
 * What concerns the tool or the workbook's upkeep (parameters 待核对, entered ≠ computed, 尾差,
 * blank cells) is not here: it goes to the 核对清单.
 */
import { quote } from "../model/text";
import type { Evaluation, Gap, GapCode } from "../evaluate/result";
import { deductionExplained } from "../evaluate/reasonClaims";
import { DEDUCTION_MEASURE, DEPARTMENT_PHRASES, type ProblemPhrase, toFill } from "./phrases";
import { deduction, plainScore, scoreStory } from "./wording";

export interface ProblemItem {
  /** 存在问题: one sentence or two, ending with a full stop. */
  problem: string;
  /** 改进措施 for it. */
  measure: string;
  /** The gap kind behind it, or `deduction` for an indicator that lost points. */
  kind: GapCode | "deduction";
}

/** Whether a gap is the department's problem (printed) rather than the checklist's. */
export function isDepartmentProblem(gap: Gap): boolean {
  return gap.code in DEPARTMENT_PHRASES;
}

/** Items from the department's gaps: one per kind, its messages joined. */
function gapItems(departmentGaps: readonly Gap[]): ProblemItem[] {
  const byKind = new Map<GapCode, Gap[]>();
  for (const gap of departmentGaps) {
    byKind.set(gap.code, [...(byKind.get(gap.code) ?? []), gap]);
  }
  return [...byKind.entries()].map(([kind, gaps]) => {
    const phrase = DEPARTMENT_PHRASES[kind] as ProblemPhrase;
    const worded = (g: Gap) => g.submissionFacts ?? g.message;
    const facts = gaps.map((g) => worded(g).replace(/[。．]$/, "")).join("；");
    return { kind, problem: `${phrase.lead}${facts}。`, measure: phrase.measure };
  });
}

/**
 * Indicators that lost points with no department gap naming them: the department's own
 * explanation is the problem (else a marked place, filled from the indicator table's 得分说明 at
 * the next 重新计算). Blank scores are the checklist's (未填报), not a deduction.
 */
function deductionItems(e: Evaluation, covered: ReadonlySet<string>): ProblemItem[] {
  return e.indicators.flatMap((i) => {
    // 不适用 where the standard scores it 0 loses the whole 分值, as a deduction does.
    const zeroed = i.countedFrom === "notApplicable" && !i.notApplicable && i.max.isPositive();
    const lost = zeroed ? i.max : deduction(i);
    if (!lost || covered.has(i.id)) return [];
    // An explanation that starts by saying the deduction (`扣 0.5 分：…`, `扣除…`) is not said
    // twice; one that says nothing else leaves the reason to fill in.
    const { said, computed } = scoreStory(i);
    const rest = said?.replace(/^扣(?:除|减)?\s*[\d.]+\s*分[：:，,。]?\s*/, "");
    const given = rest && !/^[。．.\s]*$/.test(rest) ? rest : "";
    // The reason given, else the computation that yields the score; a 三级 row that lost points
    // without a reason leaves one to fill in after those given (see `deductionExplained`).
    const explained = zeroed ? !!given : deductionExplained(i) && !!(given || computed);
    const why = explained
      ? given || `按照评分标准计算：${computed}`
      : `${given}${toFill(zeroed ? "不适用的原因" : "扣分原因")}`;
    return [
      {
        kind: "deduction" as const,
        problem: `${quote(i.name)}${zeroed ? "填报为不适用，按评分标准计 0 分，" : ""}扣 ${plainScore(lost)} 分：${why}`,
        measure: DEDUCTION_MEASURE(quote(i.name)),
      },
    ];
  });
}

/** The department's problems and measures, in the order the report numbers them. */
export function departmentProblems(e: Evaluation): ProblemItem[] {
  const departmentGaps = e.gaps.filter(isDepartmentProblem);
  // A gap names the indicator it explains (a low execution rate, 财政支出执行率).
  const covered = new Set(departmentGaps.flatMap((g) => (g.indicatorId ? [g.indicatorId] : [])));
  return [...gapItems(departmentGaps), ...deductionItems(e, covered)];
}

const ORDINALS = "一二三四五六七八九十";

/** 一是, 二是 … 十是, 十一是 …: how the seed numbers its problems and measures. */
export function ordinal(index: number): string {
  const n = index + 1;
  if (n <= 10) return `${ORDINALS[n - 1]}是`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens > 1 ? ORDINALS[tens - 1] : ""}十${ones ? ORDINALS[ones - 1] : ""}是`;
}
