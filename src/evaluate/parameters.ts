/**
 * Resolves the profile for one workbook: applies the workbook's overrides and confirmations
 * and lists every parameter with its value, so nothing about the scoring is hidden.
 *
 * Parameter paths: `<indicatorId>.max`, `<indicatorId>.<ruleParam>` (e.g. `executionRate.floor`),
 * `<indicatorId>.rule` (confirm only), `checks.<key>`, `grade.<等级>`, `totalCap`.
 */
import { Dec, fixed, percent } from "../model/decimal";
import type { EvaluationSettings } from "../model/input";
import { parseLooseNumber } from "../model/numbers";
import type {
  IndicatorDefinition,
  Profile,
  ProfileChecks,
  Rule,
  StepBand,
  TotalCapBand,
} from "./profile";
import { ruleKindLabels, ruleParams, type ParamSpec } from "./rules";

export interface ParameterView {
  path: string;
  /** Chinese label, e.g. `财政支出执行率：零分线`. */
  label: string;
  /** Display value, e.g. `60.00%`. */
  value: string;
  /** Still 待核对: not confirmed against the year's official standard. */
  unconfirmed: boolean;
  /** Changed by this workbook's settings. */
  overridden: boolean;
  indicatorId?: string;
  note?: string;
}

export interface SettingProblem {
  path: string;
  message: string;
}

export interface ResolvedProfile {
  profile: Profile;
  parameters: ParameterView[];
  /** Unconfirmed parameter keys per indicator id, after confirmations and overrides. */
  unconfirmed: Map<string, string[]>;
  problems: SettingProblem[];
}

type CheckKey = keyof ProfileChecks;

const checkSpecs: Record<
  CheckKey,
  { label: string; type: "rate" | "choice" | "integer" | "amount"; choices?: string[] }
> = {
  executionRateSource: {
    label: "执行率口径（填报执行率 / 按预算表计算）",
    type: "choice",
    choices: ["official", "table"],
  },
  executionRateDenominator: {
    label: "执行率分母（调整预算数 / 年初预算数）",
    type: "choice",
    choices: ["adjusted", "initial"],
  },
  executionRateTarget: { label: "执行率目标（低于即列为问题）", type: "rate" },
  rateDifferenceTolerance: { label: "填报执行率与预算表执行率允许差异", type: "rate" },
  tieTolerance: { label: "预算表尾差容许（万元）", type: "amount" },
  largeAdjustment: { label: "预算调整幅度提示线", type: "rate" },
  rateDecimals: { label: "比率保留小数位（小数形式）", type: "integer" },
  scoreDecimals: { label: "得分保留小数位", type: "integer" },
};

const choiceLabels: Record<string, string> = {
  official: "填报执行率",
  table: "按预算表计算",
  adjusted: "调整预算数",
  initial: "年初预算数",
  below: "低于目标扣分",
  above: "高于目标扣分",
  budget: "项目预算",
  spending: "项目支出",
};

/**
 * Parses a rate as users type it: `60%`, `0.6` and `60` all mean 60%.
 * A bare number above 2 is read as a percentage.
 */
export function parseRate(raw: string | number): Dec | null {
  const text = String(raw).trim();
  const isPercent = /[%％]$/.test(text);
  const value = parseLooseNumber(isPercent ? text.replace(/[%％]$/, "") : text);
  if (value === null) return null;
  if (isPercent || value.abs().greaterThan(2)) return value.dividedBy(100);
  return value;
}

function parsePoints(raw: string | number): Dec | null {
  const value = parseLooseNumber(String(raw));
  return value === null || value.isNegative() ? null : value;
}

/** `95%:10;90%:8;0:0` → bands. */
export function parseBands(raw: string): StepBand[] | null {
  const parts = raw
    .split(/[;；,，]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const bands: StepBand[] = [];
  for (const part of parts) {
    const [min, points] = part.split(/[:：]/);
    if (min === undefined || points === undefined) return null;
    const minRate = parseRate(min);
    const pts = parsePoints(points);
    if (minRate === null || pts === null) return null;
    bands.push({ min: minRate, points: pts });
  }
  return bands.length > 0 ? bands : null;
}

function parseCap(raw: string): TotalCapBand[] | null | "none" {
  if (/^(none|无|不设)$/i.test(raw.trim())) return "none";
  const bands = parseBands(raw);
  return bands ? bands.map((b) => ({ below: b.min, cap: b.points })) : null;
}

export function formatBands(bands: readonly StepBand[]): string {
  return bands.map((b) => `≥${percent(b.min)}:${fixed(b.points, 2)}分`).join("；");
}

function formatCap(bands: readonly TotalCapBand[] | undefined): string {
  if (!bands || bands.length === 0) return "不设";
  return bands.map((b) => `执行率<${percent(b.below)} 最高 ${fixed(b.cap, 2)} 分`).join("；");
}

function formatParam(spec: ParamSpec, value: unknown): string {
  if (spec.type === "rate") return percent(value as Dec);
  if (spec.type === "points") return fixed(value as Dec, 2);
  if (spec.type === "bands") return formatBands(value as StepBand[]);
  return choiceLabels[String(value)] ?? String(value);
}

function parseParam(spec: ParamSpec, raw: string | number | boolean): unknown {
  if (typeof raw === "boolean") return null;
  switch (spec.type) {
    case "rate":
      return parseRate(raw);
    case "points":
      return parsePoints(raw);
    case "bands":
      return parseBands(String(raw));
    case "choice": {
      const text = String(raw).trim();
      const byValue = spec.choices?.find((c) => c.value === text || c.label === text);
      return byValue ? byValue.value : null;
    }
  }
}

/** Applies settings to a profile and lists every parameter. Never throws on bad settings. */
export function resolveProfile(base: Profile, settings: EvaluationSettings = {}): ResolvedProfile {
  const overrides = settings.overrides ?? {};
  const confirmed = new Set(settings.confirmed ?? []);
  const problems: SettingProblem[] = [];
  const used = new Set<string>();
  const parameters: ParameterView[] = [];
  const unconfirmed = new Map<string, string[]>();

  const take = (path: string): string | number | boolean | undefined => {
    if (!(path in overrides)) return undefined;
    used.add(path);
    return overrides[path];
  };

  const indicators: IndicatorDefinition[] = base.indicators.map((definition) => {
    const id = definition.id;
    let max = definition.max;
    const rule = { ...definition.rule } as Rule & Record<string, unknown>;
    const open = new Set(definition.unconfirmed ?? []);
    if (confirmed.has(id)) open.clear();

    const maxRaw = take(`${id}.max`);
    let maxOverridden = false;
    if (maxRaw !== undefined) {
      const parsed = typeof maxRaw === "boolean" ? null : parsePoints(maxRaw);
      if (parsed === null)
        problems.push({ path: `${id}.max`, message: `“${String(maxRaw)}”不是有效的分值` });
      else {
        max = parsed;
        maxOverridden = true;
        open.delete("max");
      }
    }
    if (confirmed.has(`${id}.max`)) open.delete("max");
    if (confirmed.has(`${id}.rule`)) open.delete("rule");

    parameters.push({
      path: `${id}.max`,
      label: `${definition.name}：分值`,
      value: fixed(max, 2),
      unconfirmed: open.has("max"),
      overridden: maxOverridden,
      indicatorId: id,
      note: open.has("max") ? definition.note : undefined,
    });
    parameters.push({
      path: `${id}.rule`,
      label: `${definition.name}：评分方法`,
      value: ruleKindLabels[rule.kind],
      unconfirmed: open.has("rule"),
      overridden: false,
      indicatorId: id,
      note: definition.note,
    });

    for (const spec of ruleParams[rule.kind]) {
      const path = `${id}.${spec.key}`;
      const raw = take(path);
      let overridden = false;
      if (raw !== undefined) {
        const parsed = parseParam(spec, raw);
        if (parsed === null) {
          problems.push({ path, message: `“${String(raw)}”不是有效的${spec.label}` });
        } else {
          rule[spec.key] = parsed;
          overridden = true;
          open.delete(spec.key);
        }
      }
      if (confirmed.has(path)) open.delete(spec.key);
      parameters.push({
        path,
        label: `${definition.name}：${spec.label}`,
        value: formatParam(spec, rule[spec.key]),
        unconfirmed: open.has(spec.key),
        overridden,
        indicatorId: id,
      });
    }
    unconfirmed.set(id, [...open]);
    return { ...definition, max, rule: rule as Rule };
  });

  const checks: ProfileChecks = { ...base.checks };
  for (const key of Object.keys(checkSpecs) as CheckKey[]) {
    const spec = checkSpecs[key];
    const path = `checks.${key}`;
    const raw = take(path);
    let overridden = false;
    if (raw !== undefined && typeof raw !== "boolean") {
      let parsed: unknown = null;
      if (spec.type === "rate") parsed = parseRate(raw);
      else if (spec.type === "amount") parsed = parsePoints(raw);
      else if (spec.type === "integer") {
        const n = Number(raw);
        // Rates need at least 2 decimals (a whole percent); scores at most 4.
        const [min, max] = key === "rateDecimals" ? [2, 10] : [0, 4];
        parsed = Number.isInteger(n) && n >= min && n <= max ? n : null;
      } else {
        // A choice may be given by its value (`table`) or its label (`按预算表计算`).
        const text = String(raw).trim();
        const byLabel = Object.entries(choiceLabels).find(([, label]) => label === text)?.[0];
        const value = spec.choices?.includes(text) ? text : byLabel;
        parsed = value !== undefined && spec.choices?.includes(value) ? value : null;
      }
      if (parsed === null)
        problems.push({ path, message: `“${String(raw)}”不是有效的${spec.label}` });
      else {
        (checks as unknown as Record<string, unknown>)[key] = parsed;
        overridden = true;
      }
    } else if (raw !== undefined) {
      problems.push({ path, message: `“${String(raw)}”不是有效的${spec.label}` });
    }
    const value = checks[key];
    parameters.push({
      path,
      label: spec.label,
      value:
        spec.type === "rate"
          ? percent(value as Dec)
          : spec.type === "amount"
            ? fixed(value as Dec, 2)
            : spec.type === "integer"
              ? String(value)
              : (choiceLabels[String(value)] ?? String(value)),
      unconfirmed: false,
      overridden,
    });
  }

  let grades = base.grades.map((band) => {
    const path = `grade.${band.grade}`;
    const raw = take(path);
    if (raw === undefined) return band;
    const parsed = typeof raw === "boolean" ? null : parsePoints(raw);
    if (parsed === null) {
      problems.push({ path, message: `“${String(raw)}”不是有效的等级分数线` });
      return band;
    }
    return { ...band, min: parsed };
  });
  // Grades keep the profile's order (优 above 良 above 中…): each line strictly below the one before.
  if (grades.some((g, i) => i > 0 && !g.min.lessThan(grades[i - 1].min))) {
    problems.push({
      path: "grade",
      message: "各等级分数线须从高到低排列（如 优 ≥ 90 高于 良 ≥ 80）",
    });
    grades = base.grades;
  }
  grades = [...grades].sort((a, b) => b.min.comparedTo(a.min));
  for (const band of grades) {
    parameters.push({
      path: `grade.${band.grade}`,
      label: `等级“${band.grade}”分数线（≥）`,
      value: fixed(band.min, 2),
      unconfirmed: false,
      overridden: `grade.${band.grade}` in overrides,
    });
  }

  let totalCap = base.totalCap;
  const profileOpen = new Set(base.unconfirmed ?? []);
  const capRaw = take("totalCap");
  let capOverridden = false;
  if (capRaw !== undefined) {
    const parsed = typeof capRaw === "boolean" ? null : parseCap(String(capRaw));
    if (parsed === null)
      problems.push({ path: "totalCap", message: `“${String(capRaw)}”不是有效的总分封顶设置` });
    else {
      totalCap = parsed === "none" ? undefined : parsed;
      capOverridden = true;
      profileOpen.delete("totalCap");
    }
  }
  if (confirmed.has("totalCap")) profileOpen.delete("totalCap");
  parameters.push({
    path: "totalCap",
    label: "按执行率封顶总分",
    value: formatCap(totalCap),
    unconfirmed: profileOpen.has("totalCap"),
    overridden: capOverridden,
  });

  for (const path of Object.keys(overrides)) {
    if (!used.has(path)) problems.push({ path, message: `没有名为“${path}”的参数` });
  }

  // Parameters that contradict each other are reported, and the profile's values kept.
  indicators.forEach((definition, index) => {
    const rule = definition.rule;
    if (rule.kind === "linearBand" && !rule.floor.lessThan(rule.target)) {
      problems.push({
        path: `${definition.id}.floor`,
        message: `零分线 ${percent(rule.floor)} 应低于满分线 ${percent(rule.target)}`,
      });
      indicators[index] = { ...definition, rule: base.indicators[index].rule };
    }
  });

  return {
    profile: { ...base, indicators, checks, grades, totalCap, unconfirmed: [...profileOpen] },
    parameters,
    unconfirmed,
    problems,
  };
}
