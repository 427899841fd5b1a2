/**
 * Sentences the department's documents share (the printed summary, the report draft): the
 * 得分说明 of an indicator, the grade footnote, the headline figures. One owner each, so the
 * page and the report never word a figure differently.
 */
import { type Dec, money, score } from "../model/decimal";
import type { Evaluation, IndicatorResult } from "../evaluate/result";
import type { GradeBand } from "../standard/types";
import { toFill } from "./phrases";

const sentence = (text: string) => text.trim().replace(/[。．.；;，,]*$/, "。");

/**
 * 得分说明 as submitted: the department's own explanation, then the computation a reader can
 * check by hand when the score counted is the computed one. Where the entered score differs
 * from the computed one the difference is for the 核对清单, not for this page. A deduction with
 * no explanation gets a marked place for one.
 */
export function scoreNote(i: IndicatorResult): string {
  if (i.notApplicable || i.countedFrom === "notApplicable")
    return i.enteredExplanation ? `不适用：${sentence(i.enteredExplanation)}` : "不适用。";
  const parts: string[] = [];
  if (i.enteredExplanation?.trim()) parts.push(sentence(i.enteredExplanation));
  const agrees = i.computed !== null && i.computed.equals(i.counted);
  if (i.basis && agrees) parts.push(`计算：${sentence(i.basis)}`);
  if (parts.length === 0 && i.counted.lessThan(i.max)) parts.push(toFill("扣分原因"));
  return parts.join("");
}

/** `绩效等级：总分≥90 为优，80≤总分<90 为良，60≤总分<80 为中，总分<60 为差。` */
export function gradeFootnote(grades: readonly GradeBand[]): string {
  const sorted = [...grades].sort((a, b) => b.min.comparedTo(a.min));
  const parts = sorted.map((g, index) => {
    const upper: Dec | undefined = sorted[index - 1]?.min;
    if (upper === undefined) return `总分≥${score(g.min)} 为${g.grade}`;
    if (g.min.isZero() || index === sorted.length - 1)
      return `${g.min.isZero() ? "" : `${score(g.min)}≤`}总分<${score(upper)} 为${g.grade}`;
    return `${score(g.min)}≤总分<${score(upper)} 为${g.grade}`;
  });
  return `绩效等级：${parts.join("，")}。`.replace(/(\d)\.00/g, "$1");
}

/** `…的绩效得分为 95.18 分，绩效等级为“优”` (the report's 自评结论). */
export function conclusion(e: Evaluation): string {
  return `${e.year} 年${e.department}部门整体支出的绩效得分为 ${score(e.total)} 分，绩效等级为“${e.grade}”。`;
}

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
      (r) => `${r.label.replace(/^[一二三四五六七八九十]+、/, "")} ${money(r.final as Dec)} 万元`
    );
  return `${e.year} 年部门整体支出 ${money(total)} 万元${parts.length ? `，其中：${parts.join("，")}` : ""}。`;
}
