/**
 * The parameter columns of the 评分标准 sheet (目标值, 零分线, 满分线, 扣分标准, 分档, 口径): how a
 * finance officer types each value, how it is shown, and what range it must lie in. Rule kinds
 * (ruleKinds.ts) say which of these they use; the sheet reader, the sheet layout, the pane and
 * the summary all read and write parameters through here.
 */
import { type Dec, exact, fixed } from "../model/decimal";
import { parseLooseNumber, toHalfWidth } from "../model/numbers";
import {
  type LevelUnit,
  type Parsed,
  formatGradeRanges,
  formatLevel,
  formatStepBands,
  hundredfold,
  gradeRangeProblems,
  parseGradeRanges,
  parseLevel,
  parseStepBands,
  scoreAsShares,
  stepBandProblems,
} from "./bands";
import type { ParamKey, RuleParams, WeightBasis } from "./types";

/** The sheet column a parameter lives in (step and qualitative bands share 分档). */
export type ParamColumn = "target" | "floor" | "full" | "deduction" | "bands" | "basis";

export const PARAM_COLUMNS: Record<ParamColumn, { header: string; hint: string }> = {
  target: { header: "目标值", hint: "如 100%、90%；扣分类规则填上限" },
  floor: { header: "零分线", hint: "达到（或低于）此值得 0 分" },
  full: { header: "满分线", hint: "达到此值得满分" },
  deduction: { header: "扣分标准", hint: "每差（或每超）1 个百分点扣的分数" },
  bands: { header: "分档", hint: "如 ≥95%:10；90%～95%:8；<90%:0" },
  basis: { header: "口径", hint: "项目预算 或 项目支出" },
};

export const PARAM_COLUMN_ORDER: ParamColumn[] = [
  "target",
  "floor",
  "full",
  "deduction",
  "bands",
  "basis",
];

export function columnOf(key: ParamKey): ParamColumn {
  return key === "grades" ? "bands" : key;
}

export const BASIS_LABELS: Record<WeightBasis, string> = {
  budget: "项目预算",
  spending: "项目支出",
};

/** The unit a level is typed in, given the indicator's metric (rates unless it scores points). */
export type { LevelUnit };

/** Reads one parameter as typed in its cell. Problems are sentences without the cell. */
export function parseParam(
  key: ParamKey,
  raw: string | number,
  unit: LevelUnit,
  header: string,
  max?: Dec
): Parsed<RuleParams[ParamKey]> {
  const text = toHalfWidth(String(raw)).trim();
  switch (key) {
    case "target":
    case "floor":
    case "full": {
      const read = parseLevel(text, unit);
      const value =
        read !== null && unit === "score" && scoreAsShares(text, [read]) ? hundredfold(read) : read;
      return value === null
        ? {
            value: null,
            problems: [`${header}“${text}”不是${unit === "rate" ? "百分比" : "数字"}`],
          }
        : { value, problems: [] };
    }
    case "deduction": {
      const value = parseLooseNumber(text.replace(/分$/, ""));
      return value === null
        ? { value: null, problems: [`${header}“${text}”不是数字（每个百分点扣的分数）`] }
        : { value, problems: [] };
    }
    case "bands":
      return parseStepBands(text, unit);
    case "grades":
      return parseGradeRanges(text, max);
    case "basis": {
      const basis = (Object.keys(BASIS_LABELS) as WeightBasis[]).find(
        (b) =>
          BASIS_LABELS[b] === text || b === text || BASIS_LABELS[b].replace("项目", "") === text
      );
      return basis
        ? { value: basis, problems: [] }
        : { value: null, problems: [`${header}“${text}”无法识别，请填写“项目预算”或“项目支出”`] };
    }
  }
}

/** A parameter as the sheet and the pane show it. */
export function formatParam(params: RuleParams, key: ParamKey, unit: LevelUnit): string {
  switch (key) {
    case "target":
    case "floor":
    case "full":
      return params[key] === undefined ? "" : formatLevel(params[key] as Dec, unit);
    case "deduction":
      return params.deduction === undefined ? "" : exact(params.deduction);
    case "bands":
      return params.bands ? formatStepBands(params.bands, unit) : "";
    case "grades":
      return params.grades ? formatGradeRanges(params.grades) : "";
    case "basis":
      return params.basis ? BASIS_LABELS[params.basis] : "";
  }
}

/**
 * Range problems of one parameter for an indicator worth `max` (levels: −100%…200% or 0…100);
 * `name`, the indicator's, heads the one sentence of its overlapping bands.
 */
export function paramRangeProblems(
  params: RuleParams,
  key: ParamKey,
  unit: LevelUnit,
  max: Dec,
  header: string,
  name?: string
): string[] {
  const value = params[key];
  if (value === undefined) return [];
  switch (key) {
    case "target":
    case "floor":
    case "full": {
      const level = value as Dec;
      const [low, high, range] = unit === "rate" ? [-1, 2, "−100%～200%"] : [0, 100, "0～100"];
      return level.lessThan(low) || level.greaterThan(high)
        ? [`${header} ${formatLevel(level, unit)} 超出 ${range} 的范围`]
        : [];
    }
    case "deduction": {
      const d = value as Dec;
      return d.isNegative() || d.greaterThan(max)
        ? [`${header} ${fixed(d, 2)} 超出 0～${fixed(max, 2)} 分（该指标分值）的范围`]
        : [];
    }
    case "bands":
      return stepBandProblems(params.bands ?? [], unit, max, name);
    case "grades":
      return gradeRangeProblems(params.grades ?? [], max, name);
    case "basis":
      return [];
  }
}
