/**
 * The rule kinds as pure functions: (rule, metric value, 分值) → score with its formula.
 * Every formula string shows the inputs, so a finance officer can redo it by hand.
 */
import {
  Dec,
  HUNDRED,
  ONE,
  ZERO,
  clamp,
  excelRound,
  fixed,
  minDec,
  percent,
  score,
} from "../model/decimal";
import type { MetricId, Rule, RuleKind, StepBand } from "./profile";

export interface RuleOutcome {
  /** Rounded to the profile's score decimals, within 0..分值. */
  score: Dec;
  /** How the score follows from the value, e.g. `10 × (80.87% − 60.00%) ÷ (100.00% − 60.00%) = 5.22`. */
  formula: string;
}

/** A rule parameter as the settings UI and the summary sheet show it. */
export interface ParamSpec {
  key: string;
  /** Chinese label. */
  label: string;
  type: "rate" | "points" | "choice" | "bands";
  choices?: { value: string; label: string }[];
}

export const ruleKindLabels: Record<RuleKind, string> = {
  judgment: "主观评分",
  ratioCapped: "按完成比例得分（满分为止）",
  linearBand: "线性区间得分",
  deductPerPoint: "按百分点扣分",
  stepBands: "分档得分",
  controlRate: "不超预算得满分，超支扣分",
  completionRate: "按完成率得分",
  fundWeightedMean: "按项目资金加权平均得分",
};

/** Which parameters each rule kind has. */
export const ruleParams: Record<RuleKind, ParamSpec[]> = {
  judgment: [],
  ratioCapped: [{ key: "target", label: "目标值（达到即满分）", type: "rate" }],
  linearBand: [
    { key: "floor", label: "零分线", type: "rate" },
    { key: "target", label: "满分线", type: "rate" },
  ],
  deductPerPoint: [
    { key: "target", label: "目标值", type: "rate" },
    { key: "pointsPerPercent", label: "每差 1 个百分点扣分", type: "points" },
    {
      key: "direction",
      label: "扣分方向",
      type: "choice",
      choices: [
        { value: "below", label: "低于目标扣分" },
        { value: "above", label: "高于目标扣分" },
      ],
    },
  ],
  stepBands: [{ key: "bands", label: "分档（下限:得分）", type: "bands" }],
  controlRate: [{ key: "pointsPerPercentOver", label: "每超支 1 个百分点扣分", type: "points" }],
  completionRate: [],
  fundWeightedMean: [
    {
      key: "weightBasis",
      label: "权重口径",
      type: "choice",
      choices: [
        { value: "budget", label: "项目预算" },
        { value: "spending", label: "项目支出" },
      ],
    },
  ],
};

/** Shows a metric value in its natural unit: rates as %, the weighted score as points. */
export function formatMetric(metric: MetricId, value: Dec): string {
  return metric === "projectFundWeightedScore" ? fixed(value, 2) : percent(value);
}

function bounded(raw: Dec, max: Dec, decimals: number): Dec {
  return excelRound(clamp(raw, ZERO, max), decimals);
}

/**
 * Scores `value` (the rule's metric) under `rule` for an indicator worth `max` points.
 * Returns null for judgment rules, which have nothing to compute.
 */
export function applyRule(rule: Rule, value: Dec, max: Dec, decimals = 2): RuleOutcome | null {
  const m = score(max);
  switch (rule.kind) {
    case "judgment":
      return null;
    case "ratioCapped": {
      if (rule.target.lessThanOrEqualTo(0)) {
        return { score: max, formula: `目标值为 ${percent(rule.target)}，得满分 ${m}` };
      }
      const result = bounded(max.times(minDec(value.dividedBy(rule.target), ONE)), max, decimals);
      return {
        score: result,
        formula: `${m} × min(${formatMetric(rule.metric, value)} ÷ ${formatMetric(rule.metric, rule.target)}, 1) = ${score(result)}`,
      };
    }
    case "linearBand": {
      const f = formatMetric(rule.metric, rule.floor);
      const t = formatMetric(rule.metric, rule.target);
      const v = formatMetric(rule.metric, value);
      if (value.greaterThanOrEqualTo(rule.target)) {
        return { score: excelRound(max, decimals), formula: `${v} ≥ 满分线 ${t}，得满分 ${m}` };
      }
      if (value.lessThanOrEqualTo(rule.floor) || rule.target.lessThanOrEqualTo(rule.floor)) {
        return { score: ZERO, formula: `${v} ≤ 零分线 ${f}，得 0 分` };
      }
      const raw = max.times(value.minus(rule.floor)).dividedBy(rule.target.minus(rule.floor));
      const result = bounded(raw, max, decimals);
      return { score: result, formula: `${m} × (${v} − ${f}) ÷ (${t} − ${f}) = ${score(result)}` };
    }
    case "deductPerPoint": {
      const shortfall =
        rule.direction === "below" ? rule.target.minus(value) : value.minus(rule.target);
      const v = formatMetric(rule.metric, value);
      const t = formatMetric(rule.metric, rule.target);
      if (shortfall.lessThanOrEqualTo(0)) {
        const word = rule.direction === "below" ? "≥" : "≤";
        return { score: excelRound(max, decimals), formula: `${v} ${word} 目标 ${t}，得满分 ${m}` };
      }
      const points = shortfall.times(HUNDRED);
      const result = bounded(max.minus(rule.pointsPerPercent.times(points)), max, decimals);
      const word = rule.direction === "below" ? "低于" : "高于";
      return {
        score: result,
        formula: `${v} ${word}目标 ${t} ${fixed(points, 2)} 个百分点；${m} − ${fixed(rule.pointsPerPercent, 2)} × ${fixed(points, 2)} = ${score(result)}`,
      };
    }
    case "stepBands": {
      const band = pickBand(rule.bands, value);
      const v = formatMetric(rule.metric, value);
      if (!band) {
        return { score: ZERO, formula: `${v} 低于最低档，得 0 分` };
      }
      const result = bounded(band.points, max, decimals);
      return {
        score: result,
        formula: `${v} ≥ ${formatMetric(rule.metric, band.min)} 档，得 ${score(result)} 分`,
      };
    }
    case "controlRate": {
      const v = percent(value);
      if (value.lessThanOrEqualTo(ONE)) {
        return { score: excelRound(max, decimals), formula: `${v} ≤ 100%，未超预算，得满分 ${m}` };
      }
      const over = value.minus(ONE).times(HUNDRED);
      const result = bounded(max.minus(rule.pointsPerPercentOver.times(over)), max, decimals);
      return {
        score: result,
        formula: `超预算 ${fixed(over, 2)} 个百分点；${m} − ${fixed(rule.pointsPerPercentOver, 2)} × ${fixed(over, 2)} = ${score(result)}`,
      };
    }
    case "completionRate": {
      const result = bounded(max.times(minDec(value, ONE)), max, decimals);
      return { score: result, formula: `${m} × ${percent(value)} = ${score(result)}` };
    }
    case "fundWeightedMean": {
      const result = bounded(max.times(value).dividedBy(HUNDRED), max, decimals);
      return { score: result, formula: `${m} × ${fixed(value, 2)} ÷ 100 = ${score(result)}` };
    }
  }
}

/** The highest band whose minimum the value reaches. */
export function pickBand(bands: readonly StepBand[], value: Dec): StepBand | undefined {
  return [...bands]
    .sort((a, b) => b.min.comparedTo(a.min))
    .find((band) => value.greaterThanOrEqualTo(band.min));
}
