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
import { type Operator, splitOperator } from "./targets";
import type { LevelBound, ParamKey, RuleParams, WeightBasis } from "./types";

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

/** A level of a metric's unit as typed (`60%`, `0.6`, `60`; a score's `0.9` is 90), or why not. */
function parseLevelParam(text: string, unit: LevelUnit, header: string): Parsed<Dec> {
  const read = parseLevel(text, unit);
  const value =
    read !== null && unit === "score" && scoreAsShares(text, [read]) ? hundredfold(read) : read;
  return value === null
    ? { value: null, problems: [`${header}“${text}”不是${unit === "rate" ? "百分比" : "数字"}`] }
    : { value, problems: [] };
}

/** Why a 目标值's comparison goes against its rule's (`≤100%` for a level to reach), or null. */
function againstBound(operator: Operator, bound: LevelBound, header: string, text: string) {
  if (operator === "=") return null;
  const atMost = operator === "≤" || operator === "<";
  if (bound === "atLeast" && atMost)
    return `${header}“${text}”是上限，而该计分方法的${header}是应达到的值（越低越好的指标请选“按反向比例得分”或“超过上限按百分点扣分”）`;
  if (bound === "atMost" && !atMost)
    return `${header}“${text}”是下限，而该计分方法的${header}是不应超过的值（越高越好的指标请选“按完成比例得分”或“低于目标按百分点扣分”）`;
  return null;
}

/**
 * A 目标值: a level, which a rule with a bound (`bound`) lets be written with its comparison —
 * `≥95%`, `95%以上`, `不低于95%` for a level to reach; `≤100%`, `100%以内`, `不超过100%` for a
 * ceiling. A comparison the other way round is refused: the rule would score the opposite.
 */
function parseTarget(text: string, unit: LevelUnit, header: string, bound?: LevelBound) {
  const { operator, level } = bound ? splitOperator(text) : { operator: null, level: text };
  if (operator === null || level === "") return parseLevelParam(text, unit, header);
  const against = againstBound(operator, bound as LevelBound, header, text);
  if (against) return { value: null, problems: [against] };
  const read = parseLevelParam(level, unit, header);
  return read.value === null ? parseLevelParam(text, unit, header) : read;
}

/**
 * A 零分线 or 满分线, which may be written with its comparison as a 目标值 may — `<60%`,
 * `60%以下` (0 below it), `≥100%`, `不低于100%` (full marks from it): the number is the line.
 * A strict 满分线 (`>100%`) is refused: whether the line itself earns full marks is not said.
 */
function parseLine(key: "floor" | "full", text: string, unit: LevelUnit, header: string) {
  const { operator, level } = splitOperator(text);
  if (operator === null || level === "") return parseLevelParam(text, unit, header);
  if (key === "full" && (operator === ">" || operator === "<"))
    return {
      value: null,
      problems: [
        `${header}“${text}”没有说明恰为 ${level} 时是否得满分，请写作“${operator === ">" ? "≥" : "≤"}${level}”或只写数值`,
      ],
    };
  const read = parseLevelParam(level, unit, header);
  return read.value === null ? parseLevelParam(text, unit, header) : read;
}

/**
 * A 零分线 and 满分线 whose comparisons go against their lines — `≥60%` (0 from 60% up) under a
 * 满分线 of 100% (full marks from 100% up) — as one sentence, at the cell to change; or null.
 */
export function lineDirectionProblem(
  floorText: string,
  fullText: string,
  floor: Dec,
  full: Dec
): ParamProblemText | null {
  const rising = full.greaterThan(floor);
  const below = (op: Operator | null) => op === "≤" || op === "<";
  const above = (op: Operator | null) => op === "≥" || op === ">";
  const f = splitOperator(floorText);
  const t = splitOperator(fullText);
  const way = rising ? "满分线高于零分线（越高越好）" : "满分线低于零分线（越低越好）";
  const [floorWrong, fullWrong] = rising
    ? [above(f.operator), below(t.operator)]
    : [below(f.operator), above(t.operator)];
  if (!floorWrong && !fullWrong) return null;
  const [key, line, op] = floorWrong
    ? (["floor", f.level, rising ? "≤" : "≥"] as const)
    : (["full", t.level, rising ? "≥" : "≤"] as const);
  const what = key === "floor" ? "零分线" : "满分线";
  return {
    param: key,
    text: `零分线“${floorText}”与满分线“${fullText}”的写法相反：${way}时，${what}应写作“${op}${line}”（或只写数值）`,
  };
}

/** A sentence about a parameter, and which parameter's cell it is told at. */
export interface ParamProblemText {
  param: "floor" | "full";
  text: string;
}

/** `>` or `<` when a 目标值 whose rule has a bound is written strictly (`>95%`, `小于100%`). */
export function strictTarget(raw: string | number, bound?: LevelBound): ">" | "<" | undefined {
  if (!bound) return undefined;
  const { operator } = splitOperator(toHalfWidth(String(raw)));
  return operator === ">" || operator === "<" ? operator : undefined;
}

/**
 * Reads one parameter as typed in its cell. Problems are sentences without the cell. `bound`:
 * the comparison the rule's 目标值 stands for, which it may then be written with.
 */
export function parseParam(
  key: ParamKey,
  raw: string | number,
  unit: LevelUnit,
  header: string,
  max?: Dec,
  bound?: LevelBound
): Parsed<RuleParams[ParamKey]> {
  const text = toHalfWidth(String(raw)).trim();
  switch (key) {
    case "target":
      return parseTarget(text, unit, header, bound);
    case "floor":
    case "full":
      return parseLine(key, text, unit, header);
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
      return params.target === undefined
        ? ""
        : `${params.targetStrict ?? ""}${formatLevel(params.target, unit)}`;
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
