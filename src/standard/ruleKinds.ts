/**
 * The rule kinds (计分方法), one entry each: the label a finance officer picks in the 评分标准
 * sheet, the formula in words, the figure it scores, its parameters, and the function that
 * scores. The engine, the sheet reader, the sheet layout, the pane and the summary all read
 * this table, so a new rule kind is one new entry.
 *
 * Every `apply` shows its working (`10 × (80.87% − 60.00%) ÷ (100.00% − 60.00%) = 5.22`) so the
 * score can be redone by hand, and keeps the score within 0…分值, rounded as Excel's ROUND.
 */
import {
  Dec,
  HUNDRED,
  ONE,
  ZERO,
  clamp,
  compare,
  exact,
  excelRound,
  fixed,
  minDec,
  percent,
  score,
} from "../model/decimal";
import {
  type LevelUnit,
  bandPoints,
  formatLevel,
  formatStepBand,
  pickGradeRange,
  pickStepBand,
  share,
} from "./bands";
import type { MetricId } from "./metrics";
import { DEFAULT_GRADE_RANGES } from "./bands";
import {
  type Operator,
  actualInTargetUnit,
  meets,
  parseActual,
  parseTarget,
  sameUnit,
} from "./targets";
import type { LevelBound, ParamKey, RuleParams } from "./types";

export type RuleKind =
  | "judgment"
  | "ratioCapped"
  | "ratioInverse"
  | "completionRate"
  | "linearBand"
  | "deductBelow"
  | "deductAbove"
  | "stepBands"
  | "qualitative"
  | "fundWeightedMean"
  | "executionMinusAdjustment"
  | "compareToTarget";

/** How a ratio is capped at 1 in a formula, in words (the submission is read in Chinese). */
const AT_MOST_ONE = "（比值超过 1 按 1 计）";

/** Why a rule cannot score a row, and which of the row's cells that lies in (else its score). */
export interface NotComputable {
  reason: string;
  at?: "actual" | "grade";
}

export interface RuleOutcome {
  /** Within 0…分值, rounded to the standard's score decimals. */
  score: Dec;
  /** How the score follows from the inputs. */
  formula: string;
  /** For a band of acceptable scores (定性分档): an entered score inside it agrees. */
  range?: { low: Dec; high: Dec };
  /** The figure as shown, when it lies in none of the bands (分档得分 then scores 0). */
  uncovered?: string;
}

export interface RuleInput {
  params: RuleParams;
  /** The value of the indicator's 考核内容 (null for rules that score none). */
  value: Dec | null;
  unit: LevelUnit;
  /** Further figures the kind asked for (`extraMetrics`). */
  extra: Partial<Record<MetricId, Dec>>;
  /** 评价等次 as entered, for qualitative rules. */
  grade: string | null;
  /** The row's own 年度指标值 and 实际完成值, for rules that compare them (项目支出绩效自评表). */
  row?: { target: string; actual: string };
  /** 分值 */
  max: Dec;
  decimals: number;
}

export interface ParamUse {
  key: ParamKey;
  /** The parameter's name for this kind when it differs from the column's (扣分类: 上限). */
  label?: string;
  required: boolean;
  /**
   * Which comparison a 目标值 may be written with: `atLeast` a level to reach (`≥95%`),
   * `atMost` a ceiling (`≤100%`); without one, none.
   */
  bound?: LevelBound;
}

/** A problem with a rule's parameters, and the parameter whose cell it is told at. */
export interface ParamProblem {
  text: string;
  param: ParamKey;
}

export interface RuleKindSpec {
  /** 计分方法 as listed in the sheet's drop-down. */
  label: string;
  /** Older or other labels accepted in the sheet; with the params they imply. */
  synonyms?: { label: string; implies?: RuleParams }[];
  /** The formula in words, for the sheet's notes and the docs. */
  formula: string;
  /**
   * What it scores: `none` (主观评分, 定性), `chosen` (the row's 考核内容, which must be given), or
   * one fixed figure.
   */
  metric: "none" | "chosen" | MetricId;
  extraMetrics?: MetricId[];
  /** Reads the row's 评价等次. */
  usesGrade?: boolean;
  params: ParamUse[];
  /** Problems between parameters (零分线 equal to 满分线, …), each at a parameter's cell. */
  check?(params: RuleParams, unit: LevelUnit): ParamProblem[];
  /** Reads the row's own 年度指标值 and 实际完成值. */
  perRow?: boolean;
  /**
   * For a rule with a ceiling (上限): the formula when the figure is beyond every bound (“三公”
   * spent against a budget of 0), which scores 0.
   */
  beyondBound?: string;
  /** Null: nothing to compute (主观评分); `reason`: the inputs do not allow it, and why. */
  apply(input: RuleInput): RuleOutcome | NotComputable | null;
}

function bounded(raw: Dec, max: Dec, decimals: number): Dec {
  return excelRound(clamp(raw, ZERO, max), decimals);
}

/**
 * A raw figure's score (within 0…分值, rounded as ROUND to the standard's score decimals) and
 * how its formula ends: `= 8.8`; `= -2.00，按 0 分计` when the figure lies outside 0…分值.
 */
function pointsOf(raw: Dec, max: Dec, decimals: number): { score: Dec; ends: string } {
  const points = bounded(raw, max, decimals);
  const rounded = excelRound(raw, decimals);
  const ends =
    compare(rounded, points) === 0
      ? `= ${fixed(points, decimals)}`
      : `= ${fixed(rounded, decimals)}，按 ${fixed(points, decimals)} 分计`;
  return { score: points, ends };
}

/** “个百分点” for rates, “分” for scores. */
function pointsWord(unit: LevelUnit): string {
  return unit === "rate" ? "个百分点" : "分";
}

/** A difference of levels in points: percentage points for rates. */
function difference(a: Dec, b: Dec, unit: LevelUnit): Dec {
  return unit === "rate" ? a.minus(b).times(HUNDRED) : a.minus(b);
}

const full = (max: Dec, decimals: number) => excelRound(max, decimals);

/** A missed target's best score: one unit of the last kept decimal below full marks (9.99 of 10). */
function belowFull(max: Dec, decimals: number): Dec {
  return Dec.max(full(max, decimals).minus(new Dec(10).pow(-decimals)), ZERO);
}

/**
 * A strict 目标值 (`>95%`, `<100%`) that the value only reaches: the target is missed, so the
 * score is below full marks — where the ratio or the deduction would give them in full. Null
 * when the value is not at a strict target's line.
 */
function atStrictLine(input: RuleInput): RuleOutcome | null {
  const { params, unit, max, decimals } = input;
  const { target, targetStrict: strict } = params;
  if (!strict || !target || input.value === null || !input.value.equals(target)) return null;
  const below = belowFull(max, decimals);
  return {
    score: below,
    formula: `${formatLevel(input.value, unit)} 恰为目标值，未达到目标 ${strict}${formatLevel(target, unit)}，不得满分，计 ${fixed(below, decimals)}`,
  };
}

function deduct(input: RuleInput, direction: "below" | "above"): RuleOutcome {
  const strict = atStrictLine(input);
  if (strict) return strict;
  const { params, unit, max, decimals } = input;
  const value = input.value as Dec;
  const target = params.target as Dec;
  const perPoint = params.deduction as Dec;
  const m = score(max);
  const v = formatLevel(value, unit);
  const t = formatLevel(target, unit);
  const short =
    direction === "below" ? difference(target, value, unit) : difference(value, target, unit);
  if (short.lessThanOrEqualTo(0)) {
    const word = direction === "below" ? `≥ 目标 ${t}` : `≤ 上限 ${t}`;
    return { score: full(max, decimals), formula: `${v} ${word}，得满分 ${m}` };
  }
  const points = pointsOf(max.minus(perPoint.times(short)), max, decimals);
  const word = direction === "below" ? `低于目标 ${t}` : `超过上限 ${t}`;
  return {
    score: points.score,
    formula: `${v} ${word} ${exact(short)} ${pointsWord(unit)}；${m} − ${exact(perPoint)} × ${exact(short)} ${points.ends}`,
  };
}

const notEqual = (a: ParamKey, b: ParamKey, what: string) =>
  function check(params: RuleParams, unit: LevelUnit): ParamProblem[] {
    const x = params[a] as Dec | undefined;
    const y = params[b] as Dec | undefined;
    return x !== undefined && y !== undefined && x.equals(y)
      ? [{ text: `${what}不能相同（均为 ${formatLevel(x, unit)}）`, param: a }]
      : [];
  };

const positiveTarget = (params: RuleParams, unit: LevelUnit): ParamProblem[] =>
  params.target !== undefined && !params.target.greaterThan(0)
    ? [{ text: `目标值 ${formatLevel(params.target, unit)} 应大于 0`, param: "target" }]
    : [];

/** A qualitative band for a grade word: the band's share of 分值, its top counted. */
function gradeBand(input: RuleInput, word: string | null): RuleOutcome | null {
  const band = word ? pickGradeRange(input.params.grades ?? DEFAULT_GRADE_RANGES, word) : undefined;
  if (!band) return null;
  const { max, decimals } = input;
  const low = excelRound(max.times(band.low), decimals);
  const high = excelRound(max.times(band.high), decimals);
  return {
    score: high,
    range: { low, high },
    formula: `评价等次“${word}”：分值 ${score(max)} × ${share(band.low)}～${share(band.high)} = ${score(low)}～${score(high)} 分，计算得分取上限 ${score(high)}`,
  };
}

/** 超额: beyond the limit above target (e.g. 30%), the row loses the 超额扣分 points. */
function overAchievement(input: RuleInput, ratio: Dec, base: Dec): { score: Dec; note: string } {
  const { target: limit, deduction } = input.params;
  if (!limit || !deduction || !ratio.minus(ONE).greaterThanOrEqualTo(limit))
    return { score: base, note: "" };
  const cut = pointsOf(base.minus(deduction), input.max, input.decimals);
  return {
    score: cut.score,
    note: `；超出目标 ${percent(ratio.minus(ONE), 2)} ≥ ${percent(limit)}（目标设置偏低），扣 ${exact(deduction)} 分 ${cut.ends}`,
  };
}

const withUnit = (v: Dec, unit: string) => `${v.toString()}${unit}`;

/** A words target (有效提升) scored by its 评价等次, or the actual's word, in the 定性分档. */
function compareWords(input: RuleInput, text: string): RuleOutcome | NotComputable {
  const word = input.grade ?? (input.row?.actual.trim() || null);
  const names = (input.params.grades ?? DEFAULT_GRADE_RANGES).map((g) => g.names[0]).join("、");
  if (!word) return { reason: `定性指标“${text}”需填写评价等次（如 ${names}）`, at: "grade" };
  return (
    gradeBand(input, word) ?? {
      reason: `评价等次“${word}”不在定性分档中（可填：${names}）`,
      at: input.grade ? "grade" : "actual",
    }
  );
}

/** One comparison: actual `a` against target `t`, both in the target's unit. */
interface Comparison {
  input: RuleInput;
  operator: Operator;
  a: Dec;
  t: Dec;
  unit: string;
}

/** “=”: full marks when met, else 0. */
function compareEqual({ input, a, t, unit }: Comparison): RuleOutcome {
  const met = meets("=", a, t);
  return {
    score: met ? full(input.max, input.decimals) : ZERO,
    formula: `${withUnit(a, unit)} ${met ? "=" : "≠"} 目标 ${withUnit(t, unit)}，${met ? `得满分 ${score(input.max)}` : "得 0 分"}`,
  };
}

/** “≥” / “>”: in proportion below the target (capped at 1), 超额 beyond it. */
function compareAtLeast(c: Comparison): RuleOutcome {
  const { input, operator, a, t, unit } = c;
  const { max, decimals } = input;
  const met = meets(operator, a, t);
  if (compare(t, ZERO) <= 0)
    return {
      score: met ? full(max, decimals) : ZERO,
      formula: `${withUnit(a, unit)} ${met ? "达到" : "未达到"}目标 ${operator}${withUnit(t, unit)}`,
    };
  // A met target scores full marks; the ratio is needed only below it, or to test 超额.
  const needsRatio = !met || (input.params.target && input.params.deduction);
  const ratio = needsRatio ? a.dividedBy(t) : ONE;
  if (!met) return missed(input, pointsOf(max.times(minDec(ratio, ONE)), max, decimals), c);
  const base = pointsOf(max, max, decimals);
  const over = needsRatio
    ? overAchievement(input, ratio, base.score)
    : { score: base.score, note: "" };
  return {
    score: over.score,
    formula: `${score(max)} × ${withUnit(a, unit)} ÷ ${withUnit(t, unit)}${AT_MOST_ONE} ${base.ends}${over.note}`,
  };
}

/**
 * A missed target scored in proportion (“≥”: 实际 ÷ 目标; “≤”: 目标 ÷ 实际). A missed target is
 * never full marks: where the ratio rounds to full (`>90%` against 90%, `≥95%` against
 * 94.99%), the score is one unit of the last kept decimal below (9.99 of 10), and said.
 */
function missed(
  input: RuleInput,
  points: { score: Dec; ends: string },
  { operator, a, t, unit }: Comparison
): RuleOutcome {
  const { max, decimals } = input;
  const [top, bottom] = operator === "≥" || operator === ">" ? [a, t] : [t, a];
  const formula = `${score(max)} × ${withUnit(top, unit)} ÷ ${withUnit(bottom, unit)}${AT_MOST_ONE} ${points.ends}`;
  const fullMarks = full(max, decimals);
  if (compare(points.score, fullMarks) < 0) return { score: points.score, formula };
  const below = belowFull(max, decimals);
  return {
    score: below,
    formula: `${formula}；未达到目标 ${operator}${withUnit(t, unit)}，不得满分，计 ${fixed(below, decimals)}`,
  };
}

/** “≤” / “<”: full marks when met, else target ÷ actual in proportion. */
function compareAtMost(c: Comparison): RuleOutcome {
  const { input, operator, a, t, unit } = c;
  const { max, decimals } = input;
  if (meets(operator, a, t))
    return {
      score: full(max, decimals),
      formula: `${withUnit(a, unit)} ${operator} 目标 ${withUnit(t, unit)}，得满分 ${score(max)}`,
    };
  if (!a.greaterThan(0) || !t.greaterThan(0))
    return {
      score: ZERO,
      formula: `${withUnit(a, unit)} 未达到目标 ${operator}${withUnit(t, unit)}，得 0 分`,
    };
  return missed(input, pointsOf(max.times(minDec(t.dividedBy(a), ONE)), max, decimals), c);
}

/** “≥”, “≤”, “=” targets against the actual; words by their 评价等次 (or the actual's word). */
function compareToTarget(input: RuleInput): RuleOutcome | NotComputable | null {
  if (!input.row) return { reason: "缺少年度指标值和实际完成值" };
  const target = parseTarget(input.row.target);
  if (target.kind === "words") return compareWords(input, target.text);
  const actual = parseActual(input.row.actual);
  if (actual.kind === "words")
    return {
      reason: `实际完成值“${actual.text || "（空）"}”不是数值，无法与指标值“${input.row.target}”比较`,
      at: "actual",
    };
  if (!sameUnit(target.unit, actual.unit))
    return {
      reason: `实际完成值的单位“${actual.unit}”与指标值的单位“${target.unit}”不一致`,
      at: "actual",
    };
  const a = actualInTargetUnit(target, actual);
  const c: Comparison = { input, operator: target.operator, a, t: target.value, unit: target.unit };
  if (target.operator === "=") return compareEqual(c);
  if (target.operator === "≥" || target.operator === ">") return compareAtLeast(c);
  return compareAtMost(c);
}

export const RULE_KINDS: Record<RuleKind, RuleKindSpec> = {
  judgment: {
    label: "主观评分",
    synonyms: [{ label: "定性评分" }, { label: "评审打分" }],
    formula: "按评分标准的评分要点酌情打分（0～分值），扣分须写明原因",
    metric: "none",
    params: [],
    apply: () => null,
  },
  ratioCapped: {
    label: "按完成比例得分",
    synonyms: [{ label: "按完成比例得分（满分为止）" }, { label: "按完成比例计算得分，满分为止" }],
    formula: `分值 × 实际值 ÷ 目标值${AT_MOST_ONE}`,
    metric: "chosen",
    params: [{ key: "target", required: true, bound: "atLeast" }],
    check: positiveTarget,
    apply(input) {
      const { params, value, unit, max, decimals } = input;
      const strict = atStrictLine(input);
      if (strict) return strict;
      const target = params.target as Dec;
      const v = value as Dec;
      const points = pointsOf(max.times(minDec(v.dividedBy(target), ONE)), max, decimals);
      return {
        score: points.score,
        formula: `${score(max)} × ${formatLevel(v, unit)} ÷ ${formatLevel(target, unit)}${AT_MOST_ONE} ${points.ends}`,
      };
    },
  },
  ratioInverse: {
    label: "按反向比例得分",
    synonyms: [{ label: "按反向比例得分（满分为止）" }, { label: "越低越好按比例得分" }],
    formula: `分值 × 目标值 ÷ 实际值${AT_MOST_ONE}：实际值不超过目标值得满分`,
    metric: "chosen",
    params: [{ key: "target", required: true, bound: "atMost" }],
    check: positiveTarget,
    // 目标值 ÷ an unbounded 实际值 is 0.
    beyondBound: "超出目标，目标值 ÷ 实际值按 0 计，得 0 分",
    apply(input) {
      const { params, value, unit, max, decimals } = input;
      const strict = atStrictLine(input);
      if (strict) return strict;
      const target = params.target as Dec;
      const v = value as Dec;
      const vt = formatLevel(v, unit);
      const tt = formatLevel(target, unit);
      if (v.lessThanOrEqualTo(target))
        return { score: full(max, decimals), formula: `${vt} ≤ 目标 ${tt}，得满分 ${score(max)}` };
      const points = pointsOf(max.times(minDec(target.dividedBy(v), ONE)), max, decimals);
      return {
        score: points.score,
        formula: `${score(max)} × min(${tt} ÷ ${vt}, 1) ${points.ends}`,
      };
    },
  },
  completionRate: {
    label: "按完成率得分",
    formula: "分值 × 完成率（满分为止）",
    metric: "chosen",
    params: [],
    apply({ value, max, decimals }) {
      const v = value as Dec;
      const points = pointsOf(max.times(minDec(v, ONE)), max, decimals);
      return { score: points.score, formula: `${score(max)} × ${percent(v)} ${points.ends}` };
    },
  },
  linearBand: {
    label: "线性区间得分",
    synonyms: [{ label: "线性得分" }, { label: "区间线性得分" }],
    formula: "零分线得 0 分、满分线得满分，其间按比例；零分线高于满分线时越低越好",
    metric: "chosen",
    params: [
      { key: "floor", required: true },
      { key: "full", required: true },
    ],
    check: notEqual("floor", "full", "零分线与满分线"),
    apply({ params, value, unit, max, decimals }) {
      const floor = params.floor as Dec;
      const top = params.full as Dec;
      const v = value as Dec;
      const [f, t, vt, m] = [
        formatLevel(floor, unit),
        formatLevel(top, unit),
        formatLevel(v, unit),
        score(max),
      ];
      const rising = top.greaterThan(floor);
      if (rising ? v.greaterThanOrEqualTo(top) : v.lessThanOrEqualTo(top))
        return {
          score: full(max, decimals),
          formula: `${vt} ${rising ? "≥" : "≤"} 满分线 ${t}，得满分 ${m}`,
        };
      if (rising ? v.lessThanOrEqualTo(floor) : v.greaterThanOrEqualTo(floor))
        return { score: ZERO, formula: `${vt} ${rising ? "≤" : "≥"} 零分线 ${f}，得 0 分` };
      const raw = max.times(v.minus(floor)).dividedBy(top.minus(floor));
      const points = pointsOf(raw, max, decimals);
      const formula = rising
        ? `${m} × (${vt} − ${f}) ÷ (${t} − ${f}) ${points.ends}`
        : `${m} × (${f} − ${vt}) ÷ (${f} − ${t}) ${points.ends}`;
      return { score: points.score, formula };
    },
  },
  deductBelow: {
    label: "低于目标按百分点扣分",
    synonyms: [{ label: "按百分点扣分" }],
    formula: "达到目标值得满分；每低 1 个百分点扣“扣分标准”分，扣完为止",
    metric: "chosen",
    params: [
      { key: "target", required: true, bound: "atLeast" },
      { key: "deduction", required: true },
    ],
    apply: (input) => deduct(input, "below"),
  },
  deductAbove: {
    label: "超过上限按百分点扣分",
    synonyms: [
      { label: "不超预算得满分，超支扣分", implies: { target: ONE } },
      { label: "超支扣分", implies: { target: ONE } },
    ],
    formula: "不超过上限得满分；每超 1 个百分点扣“扣分标准”分，扣完为止",
    metric: "chosen",
    params: [
      { key: "target", label: "上限", required: true, bound: "atMost" },
      { key: "deduction", required: true },
    ],
    beyondBound: "超出上限，扣完为止，得 0 分",
    apply: (input) => deduct(input, "above"),
  },
  stepBands: {
    label: "分档得分",
    synonyms: [{ label: "分档计分" }, { label: "区间分档得分" }],
    formula: "按实际值所在的档次得分（分档列写明各档及得分）",
    metric: "chosen",
    params: [{ key: "bands", required: true }],
    apply({ params, value, unit, max, decimals }) {
      const v = value as Dec;
      const band = pickStepBand(params.bands ?? [], v, max);
      const vt = formatLevel(v, unit);
      if (!band) return { score: ZERO, formula: `${vt} 不属于任何一档，得 0 分`, uncovered: vt };
      const result = bounded(bandPoints(band, max), max, decimals);
      return {
        score: result,
        formula: `${vt} 属于“${formatStepBand(band, unit)}”档，得 ${fixed(result, decimals)} 分`,
      };
    },
  },
  qualitative: {
    label: "定性分档",
    synonyms: [{ label: "定性指标分档" }, { label: "按评价等次得分" }],
    formula:
      "按评价等次所在档次，在分值的相应区间内评分（默认 达成 100%～80%、部分达成 80%～60%、未达成 60%～0）",
    metric: "none",
    usesGrade: true,
    // Left blank: the default bands the formula names.
    params: [{ key: "grades", required: false }],
    apply: (input) => gradeBand(input, input.grade),
  },
  fundWeightedMean: {
    label: "按项目资金加权平均得分",
    synonyms: [{ label: "资金加权平均得分" }],
    formula: "分值 × Σ(项目自评得分 × 项目资金) ÷ Σ项目资金 ÷ 100",
    metric: "projectFundWeightedScore",
    params: [{ key: "basis", required: true }],
    apply({ value, max, decimals }) {
      const v = value as Dec;
      const points = pointsOf(max.times(v).dividedBy(HUNDRED), max, decimals);
      return {
        score: points.score,
        formula: `${score(max)} × ${exact(v)} ÷ 100 ${points.ends}`,
      };
    },
  },
  compareToTarget: {
    label: "按指标值比较得分",
    synonyms: [{ label: "按指标完成情况得分" }, { label: "按年度指标值完成情况得分" }],
    formula:
      "逐行比较年度指标值与实际完成值：“≥”按 实际 ÷ 目标、“≤”按 目标 ÷ 实际 乘分值，“=”相符得满分，均满分为止；定性指标按评价等次分档；可设超额界限与超额扣分",
    metric: "none",
    perRow: true,
    params: [
      { key: "grades", required: false },
      { key: "target", label: "超额界限", required: false },
      { key: "deduction", label: "超额扣分", required: false },
    ],
    apply: compareToTarget,
  },
  executionMinusAdjustment: {
    label: "执行率减调整率",
    formula: "分值 × (财政支出执行率 − 预算调整率)，在 0～分值之间",
    metric: "executionRate",
    extraMetrics: ["budgetAdjustmentRate"],
    params: [],
    apply({ value, extra, max, decimals }) {
      const rate = value as Dec;
      const adjustment = extra.budgetAdjustmentRate as Dec;
      const points = pointsOf(max.times(rate.minus(adjustment)), max, decimals);
      return {
        score: points.score,
        formula: `${score(max)} × (执行率 ${percent(rate)} − 预算调整率 ${percent(adjustment)}) ${points.ends}`,
      };
    },
  },
};

export const RULE_KIND_IDS = Object.keys(RULE_KINDS) as RuleKind[];

/** The kind a 计分方法 cell names (its label or a synonym), with what a synonym implies. */
export function kindFromLabel(
  text: string,
  normalize: (s: string) => string
): { kind: RuleKind; implies?: RuleParams } | null {
  const key = normalize(text);
  for (const kind of RULE_KIND_IDS) {
    const spec = RULE_KINDS[kind];
    if (normalize(spec.label) === key || kind.toLowerCase() === key) return { kind };
    const synonym = spec.synonyms?.find((s) => normalize(s.label) === key);
    if (synonym) return { kind, implies: synonym.implies };
  }
  return null;
}

/** The metric a kind scores for an indicator: its fixed one, or the row's 考核内容. */
export function scoredMetric(kind: RuleKind, chosen: MetricId | undefined): MetricId | undefined {
  const m = RULE_KINDS[kind].metric;
  if (m === "none") return undefined;
  if (m === "chosen") return chosen;
  return m;
}

/** A parameter's name for a kind: `上限` for a ceiling, else the column's header. */
export function paramLabel(kind: RuleKind, key: ParamKey, header: string): string {
  return RULE_KINDS[kind].params.find((p) => p.key === key)?.label ?? header;
}
