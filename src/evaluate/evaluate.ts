/**
 * The scoring engine: one department's input + a profile → every indicator's entered,
 * computed and counted score with its explanation, subtotals, total, grade and gaps.
 * Pure: no Office, no DOM, no I/O. Never throws on odd input; problems become gaps.
 */
import { Dec, ZERO, clamp, excelRound, minDec, percent, score, sum } from "../model/decimal";
import type { DepartmentInput, IndicatorEntry, ScoreSource } from "../model/input";
import { normalizeName, quote } from "../model/text";
import { findProfile, findProfileById } from "../profiles";
import { analyseBudget } from "./budget";
import { activityGaps, budgetGaps, executionGaps, indicatorGaps } from "./gaps";
import { computeMetric, type MetricContext } from "./metrics";
import { resolveProfile } from "./parameters";
import type { IndicatorDefinition, MetricId, Profile } from "./profile";
import type {
  Evaluation,
  Gap,
  GroupResult,
  IndicatorResult,
  MetricValue,
  Severity,
} from "./result";
import { applyRule, ruleKindLabels } from "./rules";

/** The grade shown when the table is incomplete (分值 not adding to 100, no scores). */
export const UNGRADED = "无法评定";

export interface EvaluateOptions {
  /** Use this profile instead of looking one up by the input's city and year. */
  profile?: Profile;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Matches workbook rows to the profile's indicators by name or alias. */
/**
 * Matches workbook rows to the profile's indicators by name or alias. A row named like an
 * indicator is that indicator; rows whose 二级/三级 parent is an indicator (a 三级 breakdown)
 * are added up into it; a second row with the same indicator is a duplicate, not counted.
 */
function matchEntries(
  definitions: readonly IndicatorDefinition[],
  entries: readonly IndicatorEntry[]
) {
  const byName = new Map<string, IndicatorDefinition>();
  for (const d of definitions) {
    for (const name of [d.name, ...(d.aliases ?? [])]) byName.set(normalizeName(name), d);
  }
  const direct = new Map<string, IndicatorEntry>();
  const children = new Map<string, IndicatorEntry[]>();
  const duplicates: {
    definition: IndicatorDefinition;
    entry: IndicatorEntry;
    first: IndicatorEntry;
  }[] = [];
  const extra: IndicatorEntry[] = [];
  for (const entry of entries) {
    const own = byName.get(normalizeName(entry.name));
    if (own) {
      const first = direct.get(own.id);
      if (first) duplicates.push({ definition: own, entry, first });
      else direct.set(own.id, entry);
      continue;
    }
    const parent = [entry.level3, entry.level2]
      .filter((n): n is string => !!n)
      .map((n) => byName.get(normalizeName(n)))
      .find((d) => d !== undefined);
    if (parent) children.set(parent.id, [...(children.get(parent.id) ?? []), entry]);
    else extra.push(entry);
  }
  const matched = new Map<string, IndicatorEntry>(direct);
  for (const [id, rows] of children) {
    if (matched.has(id)) continue;
    const scores = rows.map((r) => r.entered).filter((v): v is Dec => v !== null);
    const maxima = rows.map((r) => r.max);
    matched.set(id, {
      level1: rows[0].level1,
      name: rows[0].level2 ?? rows[0].name,
      max: maxima.every((m) => m !== null && m !== undefined) ? sum(maxima as Dec[]) : undefined,
      entered: scores.length > 0 ? sum(scores) : null,
      explanation: `由 ${rows.length} 个下级指标汇总：${rows
        .map(
          (r) =>
            `${r.name} ${r.entered === null ? "未填" : score(r.entered)}${r.explanation ? `（${r.explanation}）` : ""}`
        )
        .join("；")}`,
      cells: rows[0].cells,
    });
  }
  return { matched, extra, duplicates };
}

function pickProfile(
  input: DepartmentInput,
  options: EvaluateOptions
): { profile: Profile; exact: boolean } {
  if (options.profile) return { profile: options.profile, exact: true };
  const id = input.settings?.profileId;
  const byId = id ? findProfileById(id) : undefined;
  if (byId) return { profile: byId, exact: true };
  return findProfile(input.city, input.year);
}

export function evaluate(input: DepartmentInput, options: EvaluateOptions = {}): Evaluation {
  const settings = input.settings ?? {};
  const scoreSource: ScoreSource = settings.scoreSource === "computed" ? "computed" : "entered";
  const picked = pickProfile(input, options);
  const resolved = resolveProfile(picked.profile, settings);
  const profile = resolved.profile;
  const checks = profile.checks;
  const budget = analyseBudget(input.budget, checks);
  const ctx: MetricContext = { input, budget, checks };

  const metrics: Partial<Record<MetricId, MetricValue>> = {};
  // Each metric is computed once per weight basis, however many indicators use it.
  const computedMetrics = new Map<string, MetricValue>();
  const metricFor = (definition: IndicatorDefinition): MetricValue | null => {
    if (definition.rule.kind === "judgment") return null;
    const basis =
      definition.rule.kind === "fundWeightedMean" ? definition.rule.weightBasis : "budget";
    const key = `${definition.rule.metric}:${basis}`;
    let value = computedMetrics.get(key);
    if (!value) {
      value = computeMetric(definition.rule.metric, ctx, basis);
      computedMetrics.set(key, value);
    }
    metrics[definition.rule.metric] = value;
    return value;
  };
  // Coverage and execution are always shown, whichever rules use them.
  metrics.executionRate = computeMetric("executionRate", ctx);
  metrics.projectEvaluationCoverage = computeMetric("projectEvaluationCoverage", ctx);
  metrics.keyTaskCompletion = computeMetric("keyTaskCompletion", ctx);
  metrics.threePublicControl = computeMetric("threePublicControl", ctx);

  const { matched, extra, duplicates } = matchEntries(profile.indicators, input.indicators);
  const gaps: Gap[] = [];
  for (const { definition, entry, first } of duplicates) {
    gaps.push({
      code: "duplicateIndicator",
      severity: "error",
      indicatorId: definition.id,
      indicator: definition.name,
      message: `${quote(definition.name)}重复填报${first.cells?.name && entry.cells?.name ? `（${first.cells.name} 与 ${entry.cells.name}）` : ""}，只计入第一次填报的得分。`,
      suggestion: "删除重复的指标行，或核对指标名称。",
      cell: entry.cells?.entered ?? entry.cells?.name,
    });
  }
  const indicators: IndicatorResult[] = [];

  const scoreIndicator = (
    definition: IndicatorDefinition,
    entry: IndicatorEntry | undefined,
    inProfile: boolean
  ) => {
    const max = definition.max;
    const entered = entry?.entered ?? null;
    const metric = metricFor(definition);
    const outcome =
      metric && metric.value !== null
        ? applyRule(definition.rule, metric.value, max, checks.scoreDecimals)
        : null;
    const computed = outcome ? outcome.score : null;

    let counted: Dec = ZERO;
    let countedFrom: ScoreSource | "none" = "none";
    if (entered !== null && (scoreSource === "entered" || computed === null)) {
      counted = excelRound(clamp(entered, ZERO, max), checks.scoreDecimals);
      countedFrom = "entered";
    } else if (computed !== null) {
      counted = computed;
      countedFrom = "computed";
    }

    const parts: string[] = [];
    if (metric) {
      parts.push(metric.value !== null ? metric.text : `无法计算：${metric.reason}`);
      if (outcome) parts.push(outcome.formula);
    } else {
      parts.push(`${ruleKindLabels.judgment}（0～${score(max)} 分）`);
    }
    // The user's explanation without its closing full stop: parts are joined with “；”.
    if (entry?.explanation?.trim())
      parts.push(`说明：${entry.explanation.trim().replace(/[。．.；;，,]+$/, "")}`);
    if (countedFrom === "entered") parts.push(`计入填报得分 ${score(counted)}`);
    else if (countedFrom === "computed") parts.push(`计入计算得分 ${score(counted)}`);
    else parts.push("未填报且无法计算，按 0 分计入");

    const result: IndicatorResult = {
      id: definition.id,
      level1: definition.level1,
      level2: definition.level2,
      name: definition.name,
      max,
      ruleKind: definition.rule.kind,
      entered,
      computed,
      counted,
      countedFrom,
      explanation: parts.join("；"),
      inputs: metric?.inputs ?? [],
      notComputableReason: metric && metric.value === null ? metric.reason : undefined,
      unconfirmed: resolved.unconfirmed.get(definition.id) ?? [],
      enteredExplanation: entry?.explanation,
      cell: entry?.cells?.entered ?? entry?.cells?.name,
      inProfile,
    };
    indicators.push(result);
    gaps.push(...indicatorGaps(result, entry?.max, entry?.cells?.max));
  };

  for (const definition of profile.indicators)
    scoreIndicator(definition, matched.get(definition.id), true);
  for (const entry of extra) {
    const max =
      entry.max !== null && entry.max !== undefined && !entry.max.isNegative() ? entry.max : ZERO;
    const definition: IndicatorDefinition = {
      id: `extra:${entry.name}`,
      level1: entry.level1 || "（未分类）",
      level2: entry.level2,
      name: entry.name,
      max,
      rule: { kind: "judgment" },
    };
    scoreIndicator(definition, entry, false);
  }

  // Groups (一级) in order of first appearance.
  const groups: GroupResult[] = [];
  for (const r of indicators) {
    let group = groups.find((g) => g.level1 === r.level1);
    if (!group) {
      group = { level1: r.level1, max: ZERO, counted: ZERO };
      groups.push(group);
    }
    group.max = group.max.plus(r.max);
    group.counted = group.counted.plus(r.counted);
  }

  const total0 = sum(indicators.map((r) => r.counted));
  const maxTotal = sum(indicators.map((r) => r.max));
  let cap: Dec | null = null;
  const rate = budget.usedExecutionRate;
  if (profile.totalCap && rate !== null) {
    const band = [...profile.totalCap]
      .sort((a, b) => a.below.comparedTo(b.below))
      .find((b) => rate.lessThan(b.below));
    if (band) cap = band.cap;
  }
  const total = cap !== null ? minDec(total0, cap) : total0;
  if (cap !== null && total0.greaterThan(cap)) {
    gaps.push({
      code: "totalCapped",
      severity: "info",
      message: `执行率 ${percent(rate as Dec)}，按评分标准总分最高 ${score(cap)} 分，总分由 ${score(total0)} 分调整为 ${score(total)} 分。`,
      suggestion: "加快预算执行进度，提高财政资金使用效率。",
    });
  }
  // A grade needs a complete table: 分值 adding to 100 and scores actually entered.
  const gradable = maxTotal.equals(100) && input.indicators.length > 0;
  const grade = !gradable
    ? UNGRADED
    : (profile.grades.find((g) => total.greaterThanOrEqualTo(g.min))?.grade ??
      profile.grades[profile.grades.length - 1]?.grade ??
      UNGRADED);

  if (input.indicators.length === 0) {
    gaps.push({
      code: "maxTotalNot100",
      severity: "error",
      message: "未读取到任何指标得分，总分仅含可按公式计算的指标，无法评定等级。",
      suggestion: "填写绩效指标表（一级指标、指标、分值、自评得分）后重新计算。",
    });
  } else if (!maxTotal.equals(100)) {
    gaps.push({
      code: "maxTotalNot100",
      severity: "error",
      message: `各指标分值合计 ${score(maxTotal)} 分，不等于 100 分，无法评定等级。`,
      suggestion:
        "核对指标表是否漏填或多填指标、分值是否正确；如评分标准不同，请在设置中选择正确的评分标准。",
    });
  }

  const stated = input.statedTotal;
  if (stated) {
    const enteredSum = sum(input.indicators.map((i) => i.entered ?? ZERO));
    const maxSum = sum(input.indicators.map((i) => i.max ?? ZERO));
    if (stated.entered != null && !stated.entered.equals(enteredSum)) {
      gaps.push({
        code: "indicatorTotalMismatch",
        severity: "error",
        message: `绩效指标表合计得分 ${score(stated.entered)} 分与各指标填报得分之和 ${score(enteredSum)} 分不一致。`,
        suggestion: "核对各指标得分与合计行，建议合计行使用求和公式。",
        cell: stated.cells?.entered,
      });
    }
    if (stated.max != null && !stated.max.equals(maxSum)) {
      gaps.push({
        code: "indicatorTotalMismatch",
        severity: "error",
        message: `绩效指标表合计分值 ${score(stated.max)} 分与各指标分值之和 ${score(maxSum)} 分不一致。`,
        suggestion: "核对各指标分值与合计行。",
        cell: stated.cells?.max,
      });
    }
  }

  const executionDefinition = profile.indicators.find(
    (d) => d.rule.kind !== "judgment" && d.rule.metric === "executionRate"
  );
  gaps.push(...budgetGaps(input, budget, checks));
  gaps.push(
    ...executionGaps(input, budget, checks, executionDefinition?.name, executionDefinition?.id)
  );
  gaps.push(...activityGaps(input, metrics));

  for (const r of indicators) {
    if (r.unconfirmed.length === 0) continue;
    const labels = resolved.parameters
      .filter((p) => p.indicatorId === r.id && p.unconfirmed)
      .map((p) => p.label.replace(`${r.name}：`, ""));
    gaps.push({
      code: "unconfirmedParameter",
      severity: "info",
      indicatorId: r.id,
      indicator: r.name,
      message: `${quote(r.name)}的${labels.join("、")}为默认值（待核对）。`,
      suggestion: "请按当年评分标准核对；核对无误后在设置中确认，或修改为正确的参数。",
    });
  }
  if (profile.unconfirmed?.includes("totalCap") && profile.totalCap) {
    gaps.push({
      code: "unconfirmedParameter",
      severity: "info",
      message: "按执行率封顶总分的分档为默认值（待核对）。",
      suggestion: "请按当地评分标准核对封顶规则。",
    });
  }
  for (const problem of resolved.problems) {
    gaps.push({
      code: "settingInvalid",
      severity: "error",
      message: `设置“${problem.path}”：${problem.message}，已按默认值计算。`,
      suggestion: "修改或删除该项设置。",
    });
  }

  const ordered = gaps
    .map((gap, index) => ({ gap, index }))
    .sort(
      (a, b) => SEVERITY_ORDER[a.gap.severity] - SEVERITY_ORDER[b.gap.severity] || a.index - b.index
    )
    .map((x) => x.gap);

  return {
    department: input.department,
    year: input.year,
    profile: {
      id: profile.id,
      name: profile.name,
      city: profile.city,
      year: profile.year,
      note: profile.note,
      exactMatch: picked.exact,
    },
    scoreSource,
    parameters: resolved.parameters,
    budget,
    metrics,
    indicators,
    groups,
    sum: total0,
    cap,
    total,
    maxTotal,
    grade,
    gaps: ordered,
  };
}
