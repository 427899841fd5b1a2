/**
 * Sentences the department's documents share (the printed summary, the report draft): the
 * 得分说明 of an indicator, the grade footnote, the headline figures. One owner each, so the
 * page and the report never word a figure differently.
 */
import { yearly } from "../model/year";
import { type Dec, amountIn, score } from "../model/decimal";
import type { Evaluation, IndicatorResult } from "../evaluate/result";
import { deductionExplained, owed } from "../evaluate/reasonClaims";
import type { GradeBand } from "../standard/types";
import { toFill } from "./phrases";

const sentence = (text: string) => text.trim().replace(/[。．.；;，,]*$/, "。");

/** 10 → `10`, 5.18 → `5.18`, 7.5 → `7.5`: how the seed writes a score in prose. */
export function plainScore(value: Dec): string {
  return value.toDecimalPlaces(2).toString();
}

/**
 * What a reader is told about one indicator's score: the department's own explanation, and the
 * computation (to check by hand) when the score counted is the computed one. Where the entered
 * score differs from the computed one, the difference is for the 核对清单. One owner for the
 * summary's 得分说明 and the report's paragraph.
 */
export function scoreStory(i: IndicatorResult): { said?: string; computed?: string } {
  const m = i.reasonMismatch;
  // A reason quoting another deduction is not repeated as if it agreed: a marked place follows.
  const check = m ? toFill(`更正扣分原因：写“${m.said}”，按得分${owed(m, plainScore)}`) : "";
  const said = i.enteredExplanation?.trim() ? sentence(i.enteredExplanation) + check : undefined;
  const agrees = i.computed !== null && i.computed.equals(i.counted);
  return { said, computed: i.basis && agrees ? sentence(i.basis) : undefined };
}

/** Points lost by a scored indicator (none when blank, 不适用 or full). */
export function deduction(i: IndicatorResult): Dec | null {
  if (i.notApplicable || i.countedFrom === "none" || i.countedFrom === "notApplicable") return null;
  return i.counted.lessThan(i.max) ? i.max.minus(i.counted) : null;
}

/**
 * Not in the department's table: its score is the tool's, not one the department entered. One
 * owner for the summary's 得分说明 and the report's paragraph.
 */
export function absentNote(i: IndicatorResult): string | undefined {
  if (!i.absent) return undefined;
  return `绩效指标表未列此指标，${i.countedFrom === "computed" ? "按评分标准计算计入" : "按 0 分计入"}。`;
}

/**
 * 得分说明 as submitted: the story above; a deduction nobody explained (no formula shows it, and
 * no reason — or a 三级 row lost points without one) gets a marked place, filled from the
 * indicator table's 得分说明 at the next 重新计算.
 */
export function scoreNote(i: IndicatorResult): string {
  if (i.notApplicable || i.countedFrom === "notApplicable")
    return i.enteredExplanation ? `不适用：${sentence(i.enteredExplanation)}` : "不适用。";
  const { said, computed } = scoreStory(i);
  const absent = absentNote(i);
  // Listed but never scored (nothing entered, nothing to compute): 0 counted, and said so.
  const unscored =
    !i.absent && i.countedFrom === "none"
      ? `未填报自评得分，按 0 分计入${said ? "。" : toFill("自评得分及得分说明")}`
      : undefined;
  const parts = [absent, unscored, said, computed && `计算：${computed}`].filter(
    (p): p is string => !!p
  );
  if (deduction(i) && !deductionExplained(i)) parts.push(toFill("扣分原因"));
  return parts.join("");
}

/** The note under 总分 when 不适用 indicators were dropped and the rest rescaled. */
export function rescaleNote(e: Evaluation): string {
  return e.uncapped.equals(e.sum)
    ? ""
    : `不适用指标剔除后，按评分标准将其余指标得分合计 ${score(e.sum)} 分折算为 ${score(e.uncapped)} 分。`;
}

/** The note when the standard's cap lowered the total (what the total was, and is). */
export function capNote(e: Evaluation): string {
  if (e.cap === null || !e.uncapped.greaterThan(e.cap)) return "";
  return `按评分标准，财政支出执行率未达要求时总分最高 ${score(e.cap)} 分，总分由 ${score(e.uncapped)} 分调整为 ${score(e.total)} 分。`;
}

/**
 * `绩效等级：总分≥90 为优，80≤总分<90 为良，60≤总分<80 为中，总分<60 为差。`; a line written
 * `>90` as `总分>90 为优，80≤总分≤90 为良`.
 */
export function gradeFootnote(grades: readonly GradeBand[]): string {
  const sorted = [...grades].sort((a, b) => b.min.comparedTo(a.min));
  const parts = sorted.map((g, index) => {
    const upper: GradeBand | undefined = sorted[index - 1];
    if (upper === undefined) return `总分${g.above ? ">" : "≥"}${score(g.min)} 为${g.grade}`;
    const low = g.min.isZero() && !g.above ? "" : `${score(g.min)}${g.above ? "<" : "≤"}`;
    return `${low}总分${upper.above ? "≤" : "<"}${score(upper.min)} 为${g.grade}`;
  });
  return `绩效等级：${parts.join("，")}。`.replace(/(\d)\.00/g, "$1");
}

/**
 * `…的绩效得分为 95.18 分，绩效等级为“优”` (the report's 自评结论); a total that cannot be
 * graded says why, as the gap list does (`绩效等级为“无法评定”（各指标分值合计 95.00 分，不等于 100 分）`).
 */
export function conclusion(e: Evaluation): string {
  const why = e.ungradedReason ? `（${e.ungradedReason}）` : "";
  return `${yearly(e.year, "年", toFill("年度"))}${e.department}部门整体支出的绩效得分为 ${score(e.total)} 分，绩效等级为“${e.grade}”${why}。`;
}

/**
 * A budget-table amount as the department kept the table: 万元, or its own unit (元) as typed,
 * with the decimals it has (two at least: 2,561.675 stays so), so the report's figures add up
 * as the signed page's do.
 */
export function budgetAmount(v: Dec, e: Evaluation): string {
  return amountIn(v, e.budget.unit);
}

/** The same with its unit: `46,665.43 万元`, `869,300.49 元`. */
const budgetMoney = (v: Dec, e: Evaluation) =>
  `${budgetAmount(v, e)} ${e.budget.unit?.label ?? "万元"}`;

/**
 * `2022 年部门整体支出 46,665.43 万元，其中：基本支出 2,908.01 万元，项目支出 43,757.42 万元。`
 * Categories other than 基本 and 项目 are named when they hold money. Null without a 合计.
 */
export function spendingSentence(e: Evaluation): string | null {
  const final = (category: string) =>
    e.budget.rows.find((r) => r.category === category)?.final ?? null;
  const total = final("total");
  if (total === null) return null;
  const parts = e.budget.rows
    .filter((r) => r.category !== "total" && r.final !== null && !r.final.isZero())
    .filter((r) => ["basic", "project", "remittance", "business", "subsidy"].includes(r.category))
    .map(
      (r) =>
        `${r.label.replace(/^[一二三四五六七八九十]+、/, "")} ${budgetMoney(r.final as Dec, e)}`
    );
  return `${yearly(e.year, "年", toFill("年度"))}部门整体支出 ${budgetMoney(total, e)}${parts.length ? `，其中：${parts.join("，")}` : ""}。`;
}
