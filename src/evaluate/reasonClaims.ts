/**
 * A 扣分原因 that quotes its own deduction or score (“扣 2.5 分”, “得17.5分”, “扣除3分”), checked
 * against the score that counts: a reason that says otherwise must not be repeated as if it
 * agreed. Only a number of 分 right after 扣 / 扣除 / 扣减 / 得 is read — never “完成率95%” or
 * “扣减经费2万元” — and a rate per item (“每少一项扣1分”) is a rule, not the deduction.
 */
import { type Dec, dec, sum } from "../model/decimal";
import type { IndicatorEntry } from "../model/input";
import { toHalfWidth } from "../model/numbers";
import type { IndicatorResult, ReasonMismatch } from "./result";

/** 扣 N 分 / 扣除 N 分 / 扣减 N 分 / 扣分 N 分; 得 N 分 / 得分为 N 分 (not 少得 / 多得). */
const CLAIM = /(扣除|扣减|扣|(?<![少多])得)(?:分[为是]?)?[:：]?\s*(\d+(?:\.\d+)?)\s*分/g;
/** The clause before a claim opens with 每: a rate per item. */
const PER_ITEM = /每[^，,。；;]*$/;

export interface ScoreClaim {
  /** The words as typed (half-width), to quote: `扣 2.5 分`. */
  said: string;
  /** What the number is: the points lost, or the score. */
  kind: "deducted" | "scored";
  value: Dec;
}

/** The deductions and scores a reason states, in order. */
export function scoreClaims(text: string): ScoreClaim[] {
  const plain = toHalfWidth(text);
  return [...plain.matchAll(CLAIM)]
    .filter((m) => !PER_ITEM.test(plain.slice(0, m.index)))
    .map((m) => ({
      said: m[0],
      kind: m[1] === "得" ? ("scored" as const) : ("deducted" as const),
      value: dec(m[2] as string),
    }));
}

/**
 * The reason's last claim when none of its claims agrees with the score counted (compared
 * exactly: 扣2.5分 agrees with 2.50 lost), nor do its deductions added up (an itemised reason:
 * “绩效目标不细化扣0.5分；运行监控不及时扣0.5分” for 1 分 lost); none for a blank, 不适用 or
 * summed-up indicator.
 */
export function reasonMismatch(
  entry: IndicatorEntry | undefined,
  result: Pick<IndicatorResult, "counted" | "countedFrom" | "max">
): ReasonMismatch | undefined {
  if (!entry?.explanation || entry.fromRows || result.countedFrom === "none") return undefined;
  const claims = scoreClaims(entry.explanation);
  const last = claims[claims.length - 1];
  if (!last) return undefined;
  const deducted = result.max.minus(result.counted);
  const agrees = (c: ScoreClaim) => c.value.equals(c.kind === "scored" ? result.counted : deducted);
  if (claims.some(agrees)) return undefined;
  const items = claims.filter((c) => c.kind === "deducted").map((c) => c.value);
  if (items.length > 1 && sum(items).equals(deducted)) return undefined;
  return { said: last.said, deducted, cell: entry.cells?.explanation ?? entry.cells?.entered };
}

/** `应扣 3.00 分`, or `未扣分`: what the counted score deducts, in the caller's number format. */
export function owed(m: ReasonMismatch, shown: (value: Dec) => string): string {
  return m.deducted.isZero() ? "未扣分" : `应扣 ${shown(m.deducted)} 分`;
}

/**
 * Whether the department said why the indicator lost points: its own 得分说明, or — added up from
 * 三级 rows — every row that lost points gave its own reason (how the rows added up is no
 * reason). One owner for the 扣分未说明 gap, the summary's 得分说明 and the report's 存在问题.
 */
export function reasonGiven(
  i: Pick<IndicatorResult, "enteredExplanation" | "unexplainedRows">
): boolean {
  return !!i.enteredExplanation?.trim() && !i.unexplainedRows?.length;
}

/** The rule's computation shows the deduction: it computed the very score that counts. */
export function computationShown(
  i: Pick<IndicatorResult, "computed" | "counted" | "basis">
): boolean {
  return i.computed !== null && i.computed.equals(i.counted) && !!i.basis?.trim();
}

/**
 * Whether a deduction needs no more words: the department's reason (see `reasonGiven`) or the
 * computation that yields the score counted. One owner for the 扣分未说明 gap, the summary's
 * 得分说明, the report's paragraph and its 存在问题 — a marked place in one is a gap in the others.
 */
export function deductionExplained(
  i: Pick<
    IndicatorResult,
    "enteredExplanation" | "unexplainedRows" | "computed" | "counted" | "basis"
  >
): boolean {
  return reasonGiven(i) || computationShown(i);
}
