/**
 * Step 2 of scoring: match the department's indicator rows to the standard's indicators and
 * score each one by its rule — entered, computed and counted score, and how it was computed.
 */
import { Dec, ZERO, clamp, excelRound, score, sum } from "../model/decimal";
import type { DepartmentInput, IndicatorEntry, ScoreSource, UnexplainedRow } from "../model/input";
import { bareLevel, indicatorKey, quote } from "../model/text";
import type { MetricId } from "../standard/metrics";
import {
  type NotComputable,
  RULE_KINDS,
  type RuleOutcome,
  scoredMetric,
} from "../standard/ruleKinds";
import type { Standard, StandardIndicator } from "../standard/types";
import { unitOf } from "../standard/validate";
import { gapsOf } from "./gaps";
import { type Placement, inPlaceOf, nearMatches, placeholderMatches } from "./nearNames";
import { reasonMismatch, scoreClaims } from "./reasonClaims";
import type { Gap, IndicatorResult, MetricValue } from "./result";

export type Book = (id: MetricId, basis?: "budget" | "spending") => MetricValue;

interface Matching {
  matched: Map<string, IndicatorEntry>;
  extra: IndicatorEntry[];
  duplicates: { definition: StandardIndicator; entry: IndicatorEntry; first: IndicatorEntry }[];
  /** Rows matched by a near name (预算绩效管理 for 预算绩效管理情况), also in `matched`. */
  near: Placement[];
  /** Rows the standard does not list that take a placeholder's place, also in `matched`. */
  placed: Placement[];
}

function nameIndex(definitions: readonly StandardIndicator[]): Map<string, StandardIndicator[]> {
  const index = new Map<string, StandardIndicator[]>();
  for (const d of definitions) {
    for (const name of new Set([d.name, ...(d.aliases ?? [])].map(indicatorKey))) {
      index.set(name, [...(index.get(name) ?? []), d]);
    }
  }
  return index;
}

/** Among indicators of the same name, the one under the entry's 二级 / 一级. */
function byPath(candidates: StandardIndicator[] | undefined, entry: IndicatorEntry) {
  if (!candidates || candidates.length <= 1) return candidates?.[0];
  const l2 = bareLevel(entry.level2);
  const l1 = bareLevel(entry.level1);
  return (
    candidates.find((d) => l2 && bareLevel(d.level2) === l2) ??
    candidates.find((d) => l1 && bareLevel(d.level1) === l1) ??
    candidates[0]
  );
}

/** Points a 三级 row lost, when its 分值 and score are both given (null: none or unknown). */
function rowLost(row: IndicatorEntry): Dec | null {
  if (row.max == null || row.entered === null || !row.entered.lessThan(row.max)) return null;
  return row.max.minus(row.entered);
}

/**
 * Rows that share one reason: a 得分说明 merged over them gives each the same cell (parse), and
 * is said once for all of them (`资金使用合规性、会计核算规范性扣 3 分：…`).
 */
function sharingReason(rows: IndicatorEntry[]): IndicatorEntry[][] {
  const runs: IndicatorEntry[][] = [];
  for (const row of rows) {
    const last = runs[runs.length - 1];
    const cell = row.cells?.explanation;
    const shared = last && row.explanation && cell && last[0]?.cells?.explanation === cell;
    if (shared) last.push(row);
    else runs.push([row]);
  }
  return runs;
}

/**
 * The 三级 rows' own reasons — `资金使用合规性扣 1 分：…` for a row that lost points, the name
 * and reason for one whose 分值 is not given — and the rows that lost points with none.
 */
function rowReasons(rows: IndicatorEntry[]): { said: string[]; unexplained: UnexplainedRow[] } {
  const said: string[] = [];
  const unexplained: UnexplainedRow[] = [];
  for (const run of sharingReason(rows)) {
    const first = run[0] as IndicatorEntry;
    const losses = run.map(rowLost).filter((l): l is Dec => l !== null);
    const lost = losses.length > 0 ? sum(losses) : null;
    const reason = first.explanation?.trim().replace(/[。．.；;，,]+$/, "");
    // A reason that says its own deduction (`…，扣 1 分`) is not told it twice.
    const told = !lost || scoreClaims(reason ?? "").length > 0;
    const names = run.map((r) => r.name).join("、");
    if (reason && (lost || run.some((r) => r.max == null)))
      said.push(`${names}${told ? "" : `扣 ${lost.toDecimalPlaces(2).toString()} 分`}：${reason}`);
    else if (lost)
      unexplained.push({
        name: first.name,
        lost,
        cell: first.cells?.explanation ?? first.cells?.entered,
      });
  }
  return { said, unexplained };
}

/**
 * Rows under an indicator of the standard (a 三级 breakdown) add up into it. How they added up
 * is a note; the deduction is explained only by the rows' own reasons.
 */
function aggregate(rows: IndicatorEntry[]): IndicatorEntry {
  const scores = rows.map((r) => r.entered).filter((v): v is Dec => v !== null);
  const maxima = rows.map((r) => r.max);
  const { said, unexplained } = rowReasons(rows);
  return {
    level1: rows[0].level1,
    name: rows[0].level2 ?? rows[0].name,
    max: maxima.every((m) => m !== null && m !== undefined) ? sum(maxima as Dec[]) : undefined,
    entered: scores.length > 0 ? sum(scores) : null,
    fromRows: rows.length,
    explanation: said.length > 0 ? said.join("；") : undefined,
    rowsNote: `由 ${rows.length} 个下级指标汇总：${rows
      .map((r) => `${r.name} ${r.entered === null ? "未填" : score(r.entered)}`)
      .join("；")}`,
    unexplainedRows: unexplained.length > 0 ? unexplained : undefined,
    cells: rows[0].cells,
  };
}

/**
 * A row named like an indicator is that indicator; rows whose 二级/三级 parent is an indicator
 * add up into it; a second row of the same indicator is a duplicate, not counted. Of the rows
 * left, one whose name is near an indicator no row has is that indicator (`nearNames.ts`); then
 * one that fits a placeholder (an indicator whose name is 待核对) takes its place.
 */
export function matchEntries(
  definitions: readonly StandardIndicator[],
  entries: readonly IndicatorEntry[]
): Matching {
  const index = nameIndex(definitions);
  const direct = new Map<string, IndicatorEntry>();
  const children = new Map<string, IndicatorEntry[]>();
  const result: Matching = { matched: new Map(), extra: [], duplicates: [], near: [], placed: [] };
  for (const entry of entries) {
    const own = byPath(index.get(indicatorKey(entry.name)), entry);
    if (own) {
      const first = direct.get(own.id);
      if (first) result.duplicates.push({ definition: own, entry, first });
      else direct.set(own.id, entry);
      continue;
    }
    const parent = [entry.level3, entry.level2]
      .filter((n): n is string => !!n)
      .map((n) => byPath(index.get(indicatorKey(n)), entry))
      .find((d) => d !== undefined);
    if (parent) children.set(parent.id, [...(children.get(parent.id) ?? []), entry]);
    else result.extra.push(entry);
  }
  result.matched = new Map(direct);
  for (const [id, rows] of children)
    if (!result.matched.has(id)) result.matched.set(id, aggregate(rows));
  result.near = nearMatches(definitions, result.extra, new Set(result.matched.keys()));
  for (const { definition, entry } of result.near) result.matched.set(definition.id, entry);
  result.extra = result.extra.filter((e) => !result.near.some((p) => p.entry === e));
  result.placed = placeholderMatches(definitions, result.extra, new Set(result.matched.keys()));
  for (const { definition, entry } of result.placed) result.matched.set(definition.id, entry);
  result.extra = result.extra.filter((e) => !result.placed.some((p) => p.entry === e));
  return result;
}

export interface Scoring {
  book: Book;
  scoreSource: ScoreSource;
  standard: Standard;
}

/** A rule's further figures when its kind asks for none (most rows: one object for all). */
const NO_EXTRA: Partial<Record<MetricId, Dec>> = Object.freeze({});

/** The rule's outcome, or why it cannot be computed (null, null: nothing to compute). */
function computeRule(
  definition: StandardIndicator,
  entry: IndicatorEntry | undefined,
  ctx: Scoring
): {
  outcome: RuleOutcome | null;
  metric: MetricValue | null;
  reason?: string;
  at?: NotComputable["at"];
} {
  const spec = RULE_KINDS[definition.rule.kind];
  const metricId = scoredMetric(definition.rule.kind, definition.metric);
  const metric = metricId ? ctx.book(metricId, definition.rule.params.basis) : null;
  // Over a limit of 0 (三公 spent against no budget): beyond any ceiling, nothing of the 分值.
  if (metric?.unbounded && spec.beyondBound)
    return { outcome: { score: ZERO, formula: spec.beyondBound }, metric };
  if (metric && metric.value === null) return { outcome: null, metric, reason: metric.reason };
  const extra: Partial<Record<MetricId, Dec>> = spec.extraMetrics ? {} : NO_EXTRA;
  for (const id of spec.extraMetrics ?? []) {
    const value = ctx.book(id);
    if (value.value === null) return { outcome: null, metric, reason: value.reason };
    extra[id] = value.value;
  }
  const grade = entry?.grade?.trim() || null;
  if (spec.usesGrade && !grade) return { outcome: null, metric, reason: "未填写评价等次" };
  if (spec.perRow && entry?.target === undefined)
    return { outcome: null, metric, reason: "指标表没有年度指标值和实际完成值" };
  const result = spec.apply({
    params: definition.rule.params,
    value: metric?.value ?? null,
    unit: unitOf(definition),
    extra,
    grade,
    row: spec.perRow ? { target: entry?.target ?? "", actual: entry?.actual ?? "" } : undefined,
    max: definition.max,
    decimals: ctx.standard.settings.scoreDecimals,
  });
  if (result && "reason" in result)
    return { outcome: null, metric, reason: result.reason, at: result.at };
  if (spec.usesGrade && !result) {
    const names = (definition.rule.params.grades ?? []).map((g) => g.names[0]).join("、");
    return {
      outcome: null,
      metric,
      reason: `评价等次${quote(grade ?? "")}不在定性分档中（可填：${names}）`,
    };
  }
  return { outcome: result, metric };
}

function counting(
  entered: Dec | null,
  outcome: RuleOutcome | null,
  max: Dec,
  ctx: Scoring
): { counted: Dec; from: ScoreSource | "none" } {
  const decimals = ctx.standard.settings.scoreDecimals;
  if (entered !== null && (ctx.scoreSource === "entered" || !outcome))
    return { counted: excelRound(clamp(entered, ZERO, max), decimals), from: "entered" };
  if (outcome) return { counted: outcome.score, from: "computed" };
  return { counted: ZERO, from: "none" };
}

function explain(
  definition: StandardIndicator,
  entry: IndicatorEntry | undefined,
  computed: ReturnType<typeof computeRule>,
  counted: { counted: Dec; from: string },
  ctx: Scoring
): string {
  const parts: string[] = [];
  if (definition.rule.kind === "judgment") {
    parts.push(`${RULE_KINDS.judgment.label}（0～${score(definition.max)} 分）`);
    if (definition.metric) parts.push(`参考：${ctx.book(definition.metric).text}`);
  } else {
    const metric = computed.metric;
    if (metric)
      parts.push(
        metric.value !== null || metric.unbounded ? metric.text : `无法计算：${metric.reason}`
      );
    if (computed.outcome) parts.push(computed.outcome.formula);
    else if (computed.reason && !(metric && metric.value === null))
      parts.push(`无法计算：${computed.reason}`);
  }
  if (entry?.rowsNote) parts.push(entry.rowsNote);
  // The user's explanation without its closing full stop: parts are joined with “；”.
  if (entry?.explanation?.trim())
    parts.push(`说明：${entry.explanation.trim().replace(/[。．.；;，,]+$/, "")}`);
  if (counted.from === "entered") parts.push(`计入填报得分 ${score(counted.counted)}`);
  else if (counted.from === "computed") parts.push(`计入计算得分 ${score(counted.counted)}`);
  else parts.push("未填报且无法计算，按 0 分计入");
  return parts.join("；");
}

/** The computation alone, for a reader to check by hand (the submission's 得分说明). */
function basisOf(computed: ReturnType<typeof computeRule>): string | undefined {
  if (!computed.outcome) return undefined;
  const metric = computed.metric;
  if (!metric) return computed.outcome.formula;
  return [
    metric && (metric.value !== null || metric.unbounded) ? metric.text : null,
    computed.outcome.formula,
  ]
    .filter((part): part is string => !!part)
    .join("；");
}

/** What scoring found for an indicator: everything of its result but who it is. */
type Scored = Pick<
  IndicatorResult,
  | "entered"
  | "computed"
  | "computedRange"
  | "counted"
  | "countedFrom"
  | "explanation"
  | "basis"
  | "inputs"
  | "notComputableReason"
  | "notComputableCell"
  | "notApplicable"
  | "applicable"
  | "uncoveredValue"
  | "reasonMismatch"
>;

/**
 * An indicator's result: who it is and where it was entered, and what scoring found. One
 * literal of every field (absent ones undefined), so all results share one shape: a workbook
 * of 500 project forms makes 10,000 of them, read again by the gaps, totals and layouts.
 */
function indicatorResult(
  definition: StandardIndicator,
  entry: IndicatorEntry | undefined,
  inStandard: boolean,
  s: Scored
): IndicatorResult {
  return {
    id: definition.id,
    level1: definition.level1,
    level2: definition.level2,
    level3: definition.level3,
    name: definition.name,
    max: definition.max,
    ruleKind: definition.rule.kind,
    metric: scoredMetric(definition.rule.kind, definition.metric) ?? definition.metric,
    entered: s.entered,
    computed: s.computed,
    computedRange: s.computedRange,
    counted: s.counted,
    countedFrom: s.countedFrom,
    explanation: s.explanation,
    basis: s.basis,
    inputs: s.inputs,
    notComputableReason: s.notComputableReason,
    notComputableCell: s.notComputableCell,
    unconfirmed: definition.unconfirmed,
    enteredExplanation: entry?.explanation,
    unexplainedRows: entry?.unexplainedRows,
    cell: entry?.cells?.entered ?? entry?.cells?.name,
    placeholder: undefined,
    inStandard,
    absent: false,
    notApplicable: s.notApplicable,
    applicable: s.applicable,
    uncoveredValue: s.uncoveredValue,
    reasonMismatch: s.reasonMismatch,
    target: entry?.target,
    actual: entry?.actual,
  };
}

function notApplicableResult(
  definition: StandardIndicator,
  entry: IndicatorEntry,
  inStandard: boolean,
  ctx: Scoring
): IndicatorResult {
  const rescale = ctx.standard.settings.notApplicable === "rescale";
  const note = entry.explanation ? `；说明：${entry.explanation}` : "";
  // What the rule would score from a figure of the workbook (执行率, “三公”…): a figure the
  // workbook holds is no ground for 不适用. Not from the row's own words (评价等次, 实际完成值).
  const would = computeRule(definition, { ...entry, notApplicable: false }, ctx);
  const basis = basisOf(would);
  const applicable =
    would.outcome && would.metric?.value != null && basis !== undefined
      ? { score: would.outcome.score, basis }
      : undefined;
  return indicatorResult(definition, entry, inStandard, {
    applicable,
    entered: null,
    computed: null,
    counted: ZERO,
    countedFrom: "notApplicable",
    inputs: [],
    notApplicable: rescale,
    explanation: rescale
      ? `不适用，已剔除（分值 ${score(definition.max)} 不计入，总分按其余指标折算）${note}`
      : "不适用：评分标准规定按 0 分计",
  });
}

export function scoreOne(
  definition: StandardIndicator,
  entry: IndicatorEntry | undefined,
  inStandard: boolean,
  ctx: Scoring
): IndicatorResult {
  if (entry?.notApplicable) return notApplicableResult(definition, entry, inStandard, ctx);
  const entered = entry?.entered ?? null;
  const computed = computeRule(definition, entry, ctx);
  const counted = counting(entered, computed.outcome, definition.max, ctx);
  return indicatorResult(definition, entry, inStandard, {
    entered,
    computed: computed.outcome?.score ?? null,
    computedRange: computed.outcome?.range,
    counted: counted.counted,
    countedFrom: counted.from,
    explanation: explain(definition, entry, computed, counted, ctx),
    basis: basisOf(computed),
    inputs: computed.metric?.inputs ?? [],
    notComputableReason: computed.outcome ? undefined : computed.reason,
    notComputableCell: computed.at ? entry?.cells?.[computed.at] : undefined,
    notApplicable: false,
    applicable: undefined,
    uncoveredValue: computed.outcome?.uncovered || undefined,
    reasonMismatch: reasonMismatch(entry, {
      counted: counted.counted,
      countedFrom: counted.from,
      max: definition.max,
    }),
  });
}

function duplicateGap(d: Matching["duplicates"][number]): Gap {
  const cells =
    d.first.cells?.name && d.entry.cells?.name
      ? `（${d.first.cells.name} 与 ${d.entry.cells.name}）`
      : "";
  return {
    code: "duplicateIndicator",
    severity: "error",
    indicatorId: d.definition.id,
    indicator: d.definition.name,
    message: `${quote(d.definition.name)}重复填报${cells}，只计入第一次填报的得分。`,
    suggestion: "删除重复的指标行，或核对指标名称。",
    cell: d.entry.cells?.entered ?? d.entry.cells?.name,
  };
}

function nearGap({ definition, entry }: Placement): Gap {
  return {
    code: "indicatorNameMatched",
    severity: "info",
    indicatorId: definition.id,
    indicator: definition.name,
    message: `${quote(entry.name)}按评分标准的${quote(definition.name)}计分。`,
    suggestion: `核对是否同一指标；是的，可把${quote(entry.name)}写入评分标准表该行的“其他名称”。`,
    cell: entry.cells?.name,
  };
}

function placedGap({ definition, entry }: Placement, as: StandardIndicator): Gap {
  const where = definition.cells?.name
    ? `请在评分标准表中核对（${definition.cells.name}）`
    : "请插入评分标准表（“插入评分标准”，或 jixiao standard）核对";
  const level1 = definition.unconfirmed.includes("level1");
  const edits = level1
    ? `把一级指标改为${quote(as.level1)}、指标名称${quote(definition.name)}改为${quote(entry.name)}，并从“待核对”中删去“一级指标、指标名称”`
    : `把指标名称${quote(definition.name)}改为${quote(entry.name)}，并从“待核对”中删去“指标名称”`;
  return {
    code: "placeholderFilled",
    severity: "warning",
    indicatorId: definition.id,
    indicator: entry.name,
    message: `${quote(entry.name)}不在评分标准中，已按评分标准中名称待核对的${quote(definition.name)}（分值 ${score(definition.max)}，${RULE_KINDS[definition.rule.kind].label}）计分。`,
    suggestion: `${where}：该行确是${quote(entry.name)}的，${edits}。`,
    cell: entry.cells?.name,
  };
}

/**
 * Where the department's 绩效指标表 is, for a gap about what it lacks: its 合计 row, else its
 * last row.
 */
function tableCell(input: DepartmentInput): string | undefined {
  const last = input.indicators[input.indicators.length - 1];
  const total = input.statedTotal?.cells;
  return total?.max ?? total?.entered ?? last?.cells?.name ?? last?.cells?.entered;
}

/** An indicator of the standard the table leaves out, counted at its computed score. */
function notInTableGap(result: IndicatorResult, input: DepartmentInput): Gap[] {
  if (result.countedFrom !== "computed") return []; // none: 未填报…按 0 分计入 (gaps.ts)
  return [
    {
      code: "indicatorNotInTable",
      severity: "warning",
      indicatorId: result.id,
      indicator: result.name,
      message: `评分标准的${quote(result.name)}（分值 ${score(result.max)}）不在绩效指标表中，已按评分规则计算得分 ${score(result.counted)} 分计入总分。`,
      suggestion: `在绩效指标表中补列${quote(result.name)}，填写分值、自评得分和得分说明。`,
      cell: tableCell(input),
    },
  ];
}

/** Every indicator of the standard, then the workbook's rows the standard does not list. */
export function scoreIndicators(
  standard: Standard,
  input: DepartmentInput,
  book: Book,
  scoreSource: ScoreSource
): { indicators: IndicatorResult[]; gaps: Gap[] } {
  const ctx: Scoring = { book, scoreSource, standard };
  const { matched, extra, duplicates, near, placed } = matchEntries(
    standard.indicators,
    input.indicators
  );
  const indicators: IndicatorResult[] = [];
  const gaps: Gap[] = [...duplicates.map(duplicateGap), ...near.map(nearGap)];
  const inPlace = new Map(
    placed.map((p) => {
      const as = inPlaceOf(p, standard.indicators);
      gaps.push(placedGap(p, as));
      return [p.definition.id, as] as const;
    })
  );
  const add = (
    definition: StandardIndicator,
    entry: IndicatorEntry | undefined,
    inStandard: boolean,
    placeholder?: string
  ) => {
    const result = scoreOne(definition, entry, inStandard, ctx);
    if (placeholder) result.placeholder = placeholder;
    indicators.push(result);
    gaps.push(...gapsOf(result, entry, standard.settings.scoreDecimals));
    // A table that lists nothing is said once (totals.ts), not once per indicator.
    if (inStandard && !entry && input.indicators.length > 0) {
      result.absent = true;
      gaps.push(...notInTableGap(result, input));
    }
  };
  for (const definition of standard.indicators) {
    const as = inPlace.get(definition.id);
    add(as ?? definition, matched.get(definition.id), true, as ? definition.name : undefined);
  }
  for (const entry of extra) {
    const max = entry.max != null && !entry.max.isNegative() ? entry.max : ZERO;
    add(
      {
        id: `extra:${entry.name}`,
        level1: entry.level1 || "（未分类）",
        level2: entry.level2,
        name: entry.name,
        max,
        rule: { kind: "judgment", params: {} },
        unconfirmed: [],
      },
      entry,
      false
    );
  }
  return { indicators, gaps };
}
