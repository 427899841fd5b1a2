/**
 * Workbooks scored before the 评分标准 sheet existed kept rule changes as parameter paths in
 * their 绩效自评设置 sheet (`executionRate.floor = 50%`, `checks.executionRateDenominator`,
 * `grade.优`, `totalCap`) and confirmations (已核对参数). Such a workbook keeps scoring the same:
 * those paths are applied here to the preset they were made for. 插入评分标准 folds them into the
 * sheet, after which the sheet is the one place a rule changes.
 */
import { type Dec, percent } from "../model/decimal";
import { parseLooseNumber } from "../model/numbers";
import type { EvaluationSettings } from "../model/input";
import { parseStepBands } from "./bands";
import { PARAM_COLUMNS, columnOf, parseParam, strictTarget } from "./params";
import { type RuleKind, RULE_KINDS } from "./ruleKinds";
import { SETTING_KEYS, parseSetting } from "./settings";
import type {
  CapBand,
  ParamKey,
  RuleParams,
  Standard,
  StandardIndicator,
  StandardSettings,
} from "./types";
import { unitOf } from "./validate";

export interface LegacyProblem {
  path: string;
  message: string;
}

export interface LegacyResult {
  standard: Standard;
  /** Paths changed by an override (as `listParameters` names them). */
  overridden: Set<string>;
  problems: LegacyProblem[];
  /** Whether the settings held any override or confirmation at all. */
  applied: boolean;
}

/** Old rule-parameter names → the parameter column they now live in. */
function paramKeyFor(kind: RuleKind, old: string): ParamKey | null {
  const map: Record<string, ParamKey> = {
    floor: "floor",
    full: "full",
    pointsPerPercent: "deduction",
    pointsPerPercentOver: "deduction",
    deduction: "deduction",
    weightBasis: "basis",
    basis: "basis",
    bands: "bands",
  };
  // A linear band's old `target` is its 满分线.
  const key = old === "target" ? (kind === "linearBand" ? "full" : "target") : map[old];
  return key && RULE_KINDS[kind].params.some((p) => p.key === key) ? key : null;
}

/** `checks.executionRateDenominator` and `settings.x` → a settings key. */
function settingKeyFor(path: string): keyof StandardSettings | null {
  const m = /^(?:checks|settings)\.(.+)$/.exec(path);
  if (!m) return null;
  const name = m[1] === "executionRateDenominator" ? "executionRateBase" : m[1];
  return (SETTING_KEYS as string[]).includes(name) ? (name as keyof StandardSettings) : null;
}

/** Old cap format `60%:69;70%:79` (below : at most), or none / 无 / 不设. */
function parseCaps(raw: string): CapBand[] | null {
  if (/^(none|无|不设)$/i.test(raw.trim())) return [];
  const parsed = parseStepBands(raw, "rate");
  if (!parsed.value) return null;
  const caps = parsed.value.map((b) => ({ below: b.low, cap: b.points }));
  return caps.every((c): c is CapBand => c.below !== null) ? caps : null;
}

type Raw = string | number | boolean;

function applyIndicatorOverride(
  ind: StandardIndicator,
  key: string,
  raw: Raw
): { indicator: StandardIndicator; path: string } | string {
  if (typeof raw === "boolean") return `“${String(raw)}”不是有效的值`;
  if (key === "max") {
    const value = parseLooseNumber(String(raw));
    if (value === null || value.isNegative()) return `“${String(raw)}”不是有效的分值`;
    return { indicator: { ...ind, max: value }, path: `${ind.id}.max` };
  }
  const param = paramKeyFor(ind.rule.kind, key);
  if (!param) return `没有名为“${ind.id}.${key}”的参数`;
  const header = PARAM_COLUMNS[columnOf(param)].header;
  const bound = RULE_KINDS[ind.rule.kind].params.find((p) => p.key === param)?.bound;
  const parsed = parseParam(param, raw, unitOf(ind), header, ind.max, bound);
  if (parsed.value === null) return parsed.problems.join("；");
  const params: RuleParams = { ...ind.rule.params, [param]: parsed.value };
  // `executionRate.target = >95%`: strict as in the 目标值 cell.
  const strict = param === "target" ? strictTarget(raw, bound) : undefined;
  if (param === "target") delete params.targetStrict;
  if (strict) params.targetStrict = strict;
  return { indicator: { ...ind, rule: { ...ind.rule, params } }, path: `${ind.id}.${param}` };
}

function confirm(std: Standard, paths: readonly string[]): Standard {
  const set = new Set(paths);
  const indicators = std.indicators.map((ind) => {
    if (set.has(ind.id)) return { ...ind, unconfirmed: [] };
    const open = ind.unconfirmed.filter((key) => {
      const legacy =
        key === "full"
          ? ["full", "target"]
          : key === "deduction"
            ? ["deduction", "pointsPerPercentOver", "pointsPerPercent"]
            : key === "basis"
              ? ["basis", "weightBasis"]
              : [key];
      return !legacy.some((k) => set.has(`${ind.id}.${k}`));
    });
    return { ...ind, unconfirmed: open };
  });
  const unconfirmed = std.unconfirmed.filter(
    (k) => !(k === "caps" && (set.has("totalCap") || set.has("caps")))
  );
  return { ...std, indicators, unconfirmed };
}

/**
 * Old settings knew linear bands rising only: a 零分线 set at or above the 满分线 was refused
 * and the preset's lines kept, and still is (a sheet may make a band fall on purpose).
 */
function keepRisingLines(std: Standard, base: Standard, problems: LegacyProblem[]): Standard {
  const indicators = std.indicators.map((ind, i) => {
    const { floor, full } = ind.rule.params;
    const was = base.indicators[i];
    if (ind.rule.kind !== "linearBand" || !floor || !full || floor.lessThan(full) || !was)
      return ind;
    const original = was.rule.params;
    if (original.floor && original.full && !original.floor.lessThan(original.full)) return ind;
    problems.push({
      path: `${ind.id}.floor`,
      message: `零分线 ${percent(floor)} 应低于满分线 ${percent(full)}`,
    });
    return { ...ind, rule: was.rule };
  });
  return { ...std, indicators };
}

/** `checks.x` / `settings.x`: the standard with that setting, or why the value is refused. */
function applySettingOverride(
  std: Standard,
  settingKey: keyof StandardSettings,
  raw: Raw,
  overridden: Set<string>
): Standard | string {
  const parsed = typeof raw === "boolean" ? null : parseSetting(settingKey, raw);
  if (!parsed || "problem" in parsed) return parsed ? parsed.problem : "不是有效的值";
  overridden.add(`settings.${settingKey}`);
  return { ...std, settings: { ...std.settings, [settingKey]: parsed.value } };
}

/** `grade.优`: the standard with that grade's 分数线, or why the value is refused. */
function applyGradeOverride(
  std: Standard,
  path: string,
  grade: string | undefined,
  raw: Raw,
  overridden: Set<string>
): Standard | string {
  const value = typeof raw === "boolean" ? null : parseLooseNumber(String(raw));
  if (value === null || !std.grades.some((g) => g.grade === grade))
    return `“${String(raw)}”不是有效的等级分数线`;
  overridden.add(path);
  return {
    ...std,
    grades: std.grades.map((g) => (g.grade === grade ? { grade: g.grade, min: value as Dec } : g)),
  };
}

/** `totalCap` / `caps`: the standard with those caps (confirmed), or why they are refused. */
function applyCapsOverride(std: Standard, raw: Raw, overridden: Set<string>): Standard | string {
  const caps = typeof raw === "boolean" ? null : parseCaps(String(raw));
  if (!caps) return `“${String(raw)}”不是有效的总分封顶设置`;
  overridden.add("caps");
  return { ...std, caps, unconfirmed: std.unconfirmed.filter((k) => k !== "caps") };
}

/** `<indicator id>.<parameter>`: the standard with that indicator's parameter (confirmed). */
function applyIndicatorPath(
  std: Standard,
  path: string,
  raw: Raw,
  overridden: Set<string>
): Standard | string {
  const dot = path.indexOf(".");
  const index = std.indicators.findIndex((i) => i.id === path.slice(0, dot));
  if (dot < 0 || index < 0) return `没有名为“${path}”的参数`;
  const outcome = applyIndicatorOverride(std.indicators[index], path.slice(dot + 1), raw);
  if (typeof outcome === "string") return outcome;
  const key = outcome.path.slice(outcome.path.indexOf(".") + 1);
  const changed = {
    ...outcome.indicator,
    unconfirmed: outcome.indicator.unconfirmed.filter((k) => k !== key),
  };
  overridden.add(outcome.path);
  return { ...std, indicators: std.indicators.map((ind, i) => (i === index ? changed : ind)) };
}

/**
 * One old override applied, by the kind its path names: the standard with it, or why it is
 * refused (the problem's message). What it changed is added to `overridden`.
 */
function applyOverride(
  std: Standard,
  path: string,
  raw: Raw,
  overridden: Set<string>
): Standard | string {
  const settingKey = settingKeyFor(path);
  if (settingKey) return applySettingOverride(std, settingKey, raw, overridden);
  const grade = /^grade\.(.+)$/.exec(path);
  if (grade) return applyGradeOverride(std, path, grade[1], raw, overridden);
  if (path === "totalCap" || path === "caps") return applyCapsOverride(std, raw, overridden);
  return applyIndicatorPath(std, path, raw, overridden);
}

/** Applies old overrides and confirmations; never throws, every bad entry is a problem. */
export function applyLegacySettings(
  base: Standard,
  settings: EvaluationSettings = {}
): LegacyResult {
  const overrides = settings.overrides ?? {};
  if (Object.keys(overrides).length === 0 && (settings.confirmed ?? []).length === 0)
    return { standard: base, overridden: new Set(), problems: [], applied: false };
  const problems: LegacyProblem[] = [];
  const overridden = new Set<string>();
  let std = confirm(base, settings.confirmed ?? []);
  for (const [path, raw] of Object.entries(overrides)) {
    const outcome = applyOverride(std, path, raw, overridden);
    if (typeof outcome === "string") problems.push({ path, message: outcome });
    else std = outcome;
  }
  std = keepRisingLines(std, base, problems);
  const applied = Object.keys(overrides).length > 0 || (settings.confirmed ?? []).length > 0;
  return { standard: std, overridden, problems, applied };
}
