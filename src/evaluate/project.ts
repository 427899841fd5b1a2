/**
 * One project form (项目支出绩效自评表) scored by a project standard: the execution rate from its
 * funds, each indicator row against its own 年度指标值 under its class's rule (产出 / 效益 /
 * 满意度), subtotals, total, cap and grade, and the form's own gaps — 偏差原因 missing, a target
 * no actual can be compared with, funds that do not tie, 分值 not adding to 100.
 */
import {
  Dec,
  ZERO,
  amountIn,
  compare,
  formulaAmount,
  excelRound,
  moneyIn,
  percent,
  score,
  sum,
  toleranceIn,
} from "../model/decimal";
import type {
  CellAddress,
  IndicatorEntry,
  ProjectForm,
  ProjectFundsRow,
  ScoreSource,
} from "../model/input";
import { bareLevel, quote } from "../model/text";
import { RULE_KINDS } from "../standard/ruleKinds";
import { targetMet } from "../standard/targets";
import type { Standard, StandardIndicator } from "../standard/types";
import type { Gap, IndicatorResult, MetricValue, ScoredTotals } from "./result";
import { type Book, type Scoring, scoreOne } from "./scoreIndicators";
import { gapsOf, projectOverspendGaps } from "./gaps";
import { type TableFacts, UNGRADED, scoredTotals, totalUp } from "./totals";

export interface ProjectEvaluation extends ScoredTotals {
  name: string;
  /** 主管部门, 实施单位 and the year, as the form states them. */
  department?: string;
  unit?: string;
  year?: ProjectForm["year"];
  sheet: string;
  /** The cell of the project's name. */
  cell: string;
  /** 全年预算数, 全年执行数 and 年初预算数 of the 年度资金总额 row. */
  budget: Dec | null;
  spending: Dec | null;
  initial: Dec | null;
  /** The cells of 全年预算数 and 全年执行数 on the 年度资金总额 row. */
  amountCells: { budget?: CellAddress; spending?: CellAddress };
  execution: MetricValue;
  indicators: IndicatorResult[];
  gaps: Gap[];
}

/** 全年执行数 ÷ 全年预算数 (or 年初, as the standard's 执行率口径 says) of the 年度资金总额 row. */
export function projectExecution(form: ProjectForm, standard: Standard): MetricValue {
  const id = "projectExecutionRate" as const;
  const total = form.funds.total;
  const initial = standard.settings.executionRateBase === "initial";
  const base = initial ? total?.initial : total?.adjusted;
  const baseLabel = initial ? "年初预算数" : "全年预算数";
  const reason = (text: string): MetricValue => ({
    id,
    value: null,
    text,
    reason: text,
    inputs: [],
  });
  if (!total) return reason("项目自评表缺少“年度资金总额”行");
  if (total.spent == null || base == null)
    return reason(`年度资金总额缺少全年执行数或${baseLabel}`);
  if (base.isZero()) return reason(`年度资金总额的${baseLabel}为 0，无法计算执行率`);
  const value = excelRound(total.spent.dividedBy(base), standard.settings.rateDecimals);
  return {
    id,
    value,
    text: `全年执行数 ${formulaAmount(total.spent, form.funds.unit)} ÷ ${baseLabel} ${formulaAmount(base, form.funds.unit)} = ${percent(value)}`,
    inputs: [
      {
        label: "全年执行数",
        value: formulaAmount(total.spent, form.funds.unit),
        cell: total.cells?.spent,
      },
      {
        label: baseLabel,
        value: formulaAmount(base, form.funds.unit),
        cell: initial ? total.cells?.initial : total.cells?.adjusted,
      },
    ],
    cell: total.cells?.spent,
  };
}

function bookFor(execution: MetricValue): Book {
  return (id) =>
    id === "projectExecutionRate"
      ? execution
      : {
          id,
          value: null,
          text: "项目自评表中没有该数据",
          reason: "项目自评表中没有该数据",
          inputs: [],
        };
}

/** Does a row's 一级 name this class (`产出`, `产出指标`, `（一）产出指标`)? */
const classKeys = new Map<string, string>();
/** `一、产出指标` → `产出`: the same for every spelling of a class; remembered (forms repeat them). */
function classKey(name: string | undefined): string {
  const raw = name ?? "";
  let key = classKeys.get(raw);
  if (key === undefined) {
    if (classKeys.size > 10_000) classKeys.clear();
    key = bareLevel(raw).replace(/指标$/, "");
    classKeys.set(raw, key);
  }
  return key;
}
const classKeysOf = new WeakMap<StandardIndicator, Set<string>>();

/** Whether a row's 一级指标 names this class (its name, level or an alias). */
function inClass(rowKey: string, cls: StandardIndicator): boolean {
  let keys = classKeysOf.get(cls);
  if (!keys) {
    keys = new Set([cls.level1, cls.name, ...(cls.aliases ?? [])].map(classKey));
    classKeysOf.set(cls, keys);
  }
  return keys.has(rowKey);
}

/**
 * A class's 分值 shared among its `n` rows when the form has no 分值 column: each the class's
 * 分值 ÷ n rounded to the standard's score decimals, the last taking what is left, so they add
 * up to the class exactly (50 over 3 rows: 16.67, 16.67, 16.66).
 */
function evenShares(max: Dec, n: number, decimals: number): Dec[] {
  if (n === 0) return [];
  const share = excelRound(max.dividedBy(n), decimals);
  return Array.from({ length: n }, (_, i) => (i < n - 1 ? share : max.minus(share.times(n - 1))));
}

/** A row of a class as an indicator of the standard: the class's rule, the row's own 分值. */
function rowDefinition(cls: StandardIndicator, row: IndicatorEntry, i: number): StandardIndicator {
  // One literal shape for every row (no spread): thousands of forms are scored at once.
  return {
    id: `${cls.id}#${i + 1}`,
    level1: cls.name,
    level2: row.level2,
    level3: cls.level3,
    name: row.name,
    aliases: cls.aliases,
    max: row.max ?? ZERO,
    rule: cls.rule,
    metric: cls.metric,
    note: cls.note,
    source: cls.source,
    unconfirmed: cls.unconfirmed,
    cells: cls.cells,
  };
}

/** The funds block as the entry of the class scored from it (预算执行率). */
function fundsEntry(form: ProjectForm, cls: StandardIndicator): IndicatorEntry {
  const f = form.funds;
  return {
    level1: cls.level1,
    name: cls.name,
    max: f.max,
    entered: f.entered,
    explanation: f.reason,
    cells: {
      name: form.funds.total?.cells?.label,
      max: f.cells?.max,
      entered: f.cells?.entered,
      explanation: f.cells?.reason,
    },
  };
}

/** What a form's rows come to: each row's result, the gaps, the classes whose 分值 were shared. */
interface ClassScoring {
  indicators: IndicatorResult[];
  gaps: Gap[];
  shared: string[];
}

/**
 * A class's rows scored by its rule, with each row's own 分值 (or a share of the class's). A row
 * whose 分值 is unknown (`unknown`, said once for the form) gets no gap of its own.
 */
function scoreClass(
  cls: StandardIndicator,
  listed: IndicatorEntry[],
  form: ProjectForm,
  ctx: Scoring,
  unknown: ReadonlySet<IndicatorEntry>,
  out: ClassScoring
): void {
  const decimals = ctx.standard.settings.scoreDecimals;
  // No 分值 column: the class's 分值 from the standard, shared among its rows.
  const shares = form.hasMax ? null : evenShares(cls.max, listed.length, decimals);
  const rows = shares ? listed.map((r, i) => ({ ...r, max: shares[i] as Dec })) : listed;
  if (shares && rows.length > 0)
    out.shared.push(`${cls.name} ${score(cls.max)} 分分给 ${rows.length} 行`);
  rows.forEach((row, i) => {
    const result = scoreOne(rowDefinition(cls, row, i), row, true, ctx);
    out.indicators.push(result);
    if (!unknown.has(row))
      out.gaps.push(...gapsOf(result, row, decimals), ...deviationGaps(result, row));
  });
  const rowsMax = sum(rows.map((r) => r.max ?? ZERO));
  if (rows.length > 0 && !rowsMax.equals(cls.max) && !rows.some((r) => unknown.has(r)))
    out.gaps.push({
      code: "maxMismatch",
      severity: "warning",
      indicator: cls.name,
      message: `${quote(cls.name)}各行分值合计 ${score(rowsMax)} 分，评分标准为 ${score(cls.max)} 分。`,
      suggestion: "核对该类指标的分值分配。",
      cell: rows[0].cells?.max,
    });
}

/** A row of no class of the standard: scored as entered (主观评分), with its own 分值. */
function scoreExtra(
  row: IndicatorEntry,
  ctx: Scoring,
  unknown: ReadonlySet<IndicatorEntry>,
  out: ClassScoring
): void {
  const definition: StandardIndicator = {
    id: `extra:${row.name}`,
    level1: row.level1 || "（未分类）",
    level2: row.level2,
    name: row.name,
    max: row.max ?? ZERO,
    rule: { kind: "judgment", params: {} },
    unconfirmed: [],
  };
  const result = scoreOne(definition, row, false, ctx);
  out.indicators.push(result);
  if (!unknown.has(row)) out.gaps.push(...gapsOf(result, row, ctx.standard.settings.scoreDecimals));
}

/** Each class's rows scored by the class's rule, with the row's own 分值. */
function scoreClasses(
  form: ProjectForm,
  standard: Standard,
  ctx: Scoring,
  unknown: ReadonlySet<IndicatorEntry>
) {
  const out: ClassScoring = { indicators: [], gaps: [], shared: [] };
  const used = new Set<IndicatorEntry>();
  const rowKeys = form.indicators.map((r) => classKey(r.level1));
  for (const cls of standard.indicators) {
    if (!RULE_KINDS[cls.rule.kind].perRow) {
      const entry = fundsEntry(form, cls);
      const result = scoreOne(cls, entry, true, ctx);
      out.indicators.push(result);
      out.gaps.push(...gapsOf(result, entry, standard.settings.scoreDecimals));
      continue;
    }
    const listed = form.indicators.filter((r, k) => !used.has(r) && inClass(rowKeys[k], cls));
    for (const row of listed) used.add(row);
    scoreClass(cls, listed, form, ctx, unknown, out);
  }
  for (const row of form.indicators.filter((r) => !used.has(r))) scoreExtra(row, ctx, unknown, out);
  if (out.shared.length > 0)
    out.gaps.push({
      code: "maxFromStandard",
      severity: "info",
      message: `绩效指标表没有分值列，各类指标的分值取自评分标准${quote(standard.name)}，在该类各行间平均分配（末行取余数）：${out.shared.join("，")}。`,
      suggestion: "如各行分值不同，请在绩效指标表中增加“分值”列并填写。",
      cell: form.cell,
    });
  return { indicators: out.indicators, gaps: out.gaps };
}

/** What a 分值 left blank on a form's rows comes to (a form with a 分值 column). */
interface BlankMax {
  /** The form, the one blank 分值 worked out from the 总分 row where it can be. */
  form: ProjectForm;
  /** The rows whose 分值 stays unknown: counted out of 0, the form not graded. */
  unknown: Set<IndicatorEntry>;
  gap: Gap;
  /** Why the form cannot be graded, as a clause; absent when the 分值 was worked out. */
  ungraded?: string;
}

/**
 * Rows whose 分值 is left blank, in a form that has a 分值 column — never a silent 0. When the
 * 总分 row's 分值 is 100 and one row alone is blank, its 分值 is what the others leave (100 −
 * their sum, the funds row's 分值 among them), said at its cell; otherwise the form cannot be
 * graded, said once, and the rows' scores are left out of the total.
 */
function blankMaxOf(form: ProjectForm, standard: Standard): BlankMax | null {
  const blanks = form.hasMax
    ? form.indicators.filter((r) => r.max == null && !r.notApplicable)
    : [];
  const first = blanks[0];
  if (!first) return null;
  const stated = form.statedTotal?.max;
  const others = sum([
    ...standard.indicators.filter((c) => !RULE_KINDS[c.rule.kind].perRow).map((c) => c.max),
    ...form.indicators.map((r) => r.max ?? ZERO),
  ]);
  const names = blanks.map((r) => quote(r.name)).join("");
  const gap = (severity: Gap["severity"], message: string): Gap => ({
    code: "maxMismatch",
    severity,
    indicator: first.name,
    message,
    suggestion: "在绩效指标表中填写该指标的分值后重新计算。",
    cell: first.cells?.max,
  });
  const because = whyNotWorkedOut(blanks.length, stated, others);
  if (because === null && stated) {
    const left = stated.minus(others);
    const indicators = form.indicators.map((r) => (r === first ? { ...r, max: left } : r));
    const message = `${names}未填写分值，按总分行分值 ${score(stated)} 分减去其余各项分值之和 ${score(others)} 分，计为 ${score(left)} 分。`;
    return { form: { ...form, indicators }, unknown: new Set(), gap: gap("warning", message) };
  }
  const cells = blanks.length > 1 ? `（${blanks.map((r) => r.cells?.max).join("、")}）` : "";
  const message = `${names}未填写分值${cells}，${because}，无法推算其分值；总分未计入其得分，无法评定等级。`;
  return {
    form,
    unknown: new Set(blanks),
    gap: gap("error", message),
    ungraded: `${names}未填写分值`,
  };
}

/** Why a blank 分值 cannot be what the 总分 row's 100 leaves of the others, or null when it can. */
function whyNotWorkedOut(blanks: number, stated: Dec | undefined, others: Dec): string | null {
  if (blanks > 1) return "未填写的不止一项";
  if (!stated) return "总分行未写明分值合计";
  if (!stated.equals(100)) return `总分行分值 ${score(stated)} 分不是 100 分`;
  if (!stated.greaterThan(others)) return `其余各项分值之和已有 ${score(others)} 分`;
  return null;
}

/**
 * A row that lost points against its target, without 偏差原因分析: it missed the target, or —
 * met, yet deducted (超额, a standard's “目标设置偏低”) — went far beyond it.
 */
function deviationGaps(result: IndicatorResult, row: IndicatorEntry): Gap[] {
  if (result.computed === null || compare(result.computed, result.max) >= 0) return [];
  if ((row.explanation ?? "").trim()) return [];
  const figures = `（目标 ${row.target ?? "—"}，实际 ${row.actual || "—"}）`;
  const beyond = targetMet(row.target ?? "", row.actual ?? "") === true;
  return [
    {
      code: "deviationWithoutReason",
      severity: "warning",
      indicatorId: result.id,
      indicator: result.name,
      message: beyond
        ? `${quote(result.name)}大幅超过年度指标值${figures}，按评分标准扣分（目标设置偏低），未填写偏差原因分析。`
        : `${quote(result.name)}未达到年度指标值${figures}，未填写偏差原因分析及改进措施。`,
      suggestion: beyond
        ? "在“偏差原因分析及改进措施”中说明超额完成的原因，并据实设定下年度指标值。"
        : "在“偏差原因分析及改进措施”中写明未完成的原因和改进措施。",
      cell: row.cells?.explanation ?? row.cells?.actual,
    },
  ];
}

/** 年度资金总额 = Σ 其中 in every column where all are given. */
function fundGaps(form: ProjectForm, tolerance: Dec): Gap[] {
  const { total, parts, unit } = form.funds;
  if (!total || parts.length === 0) return [];
  // In the block's own unit, as budget.ts does the department's table.
  const amount = (v: Dec) => amountIn(v, unit);
  const within = toleranceIn(tolerance, unit);
  const gaps: Gap[] = [];
  const columns: [keyof Pick<ProjectFundsRow, "initial" | "adjusted" | "spent">, string][] = [
    ["initial", "年初预算数"],
    ["adjusted", "全年预算数"],
    ["spent", "全年执行数"],
  ];
  for (const [key, label] of columns) {
    const whole = total[key];
    const values = parts.map((p) => p[key]);
    if (whole == null || values.every((v) => v == null)) continue;
    const partsSum = sum(values.map((v) => v ?? ZERO));
    if (partsSum.minus(whole).abs().lessThanOrEqualTo(within)) continue;
    gaps.push({
      code: "fundsNotTying",
      severity: "error",
      message: `${label}：年度资金总额 ${amount(whole)} ≠ ${parts.map((p) => `${p.label} ${p[key] == null ? "—" : amount(p[key] as Dec)}`).join(" + ")}（相差 ${moneyIn(whole.minus(partsSum), unit)}）。`,
      suggestion: "核对项目资金来源的各项金额与年度资金总额。",
      cell: total.cells?.[key],
    });
  }
  return gaps;
}

function executionGap(form: ProjectForm, execution: MetricValue, target: Dec): Gap[] {
  if (execution.value === null || !execution.value.lessThan(target) || form.funds.reason) return [];
  return [
    {
      code: "executionBelowTarget",
      severity: "warning",
      indicator: "预算执行率",
      message: `项目预算执行率 ${percent(execution.value)}（${execution.text}），低于 ${percent(target)}，未说明原因。`,
      suggestion: "说明执行率偏低的原因，督促加快项目实施和资金支付进度。",
      cell: execution.cell,
    },
  ];
}

function gradeGap(form: ProjectForm, grade: string): Gap[] {
  const stated = form.statedGrade;
  if (!stated || !stated.text || stated.text === grade || grade === "无法评定") return [];
  return [
    {
      code: "gradeDiffers",
      severity: "warning",
      message: `自评等级填报为“${stated.text}”，按总分应为“${grade}”。`,
      suggestion: "核对总分与自评等级。",
      cell: stated.cell,
    },
  ];
}

/** The form's table as the totals check it: the funds row first, then the indicator rows. */
function tableFacts(form: ProjectForm, standard: Standard): TableFacts {
  const fundsClass = standard.indicators.find((c) => !RULE_KINDS[c.rule.kind].perRow);
  return {
    indicators: fundsClass ? [fundsEntry(form, fundsClass), ...form.indicators] : form.indicators,
    statedTotal: form.statedTotal
      ? {
          max: null,
          entered: form.statedTotal.entered,
          // 分值 not adding to 100 points at the 总分 row's 分值, not the funds row's.
          cells: { entered: form.statedTotal.cell, max: form.statedTotal.maxCell },
        }
      : undefined,
    // Without a 分值 column the classes' 分值 are shared out, and said so, above.
    indicatorTableHasMax: undefined,
  };
}

const NO_INDICATORS: Omit<Gap, "cell"> = {
  code: "missingScore",
  severity: "error",
  message: "项目自评表尚未填写绩效指标（三级指标、年度指标值、实际完成值），无法评定等级。",
  suggestion: "填写产出、效益、满意度指标及其年度指标值、实际完成值、分值和得分。",
};

export function evaluateProject(
  stated: ProjectForm,
  standard: Standard,
  scoreSource: ScoreSource
): ProjectEvaluation {
  const blank = blankMaxOf(stated, standard);
  const form = blank?.form ?? stated;
  const execution = projectExecution(form, standard);
  const ctx: Scoring = { book: bookFor(execution), scoreSource, standard };
  const scored = scoreClasses(form, standard, ctx, blank?.unknown ?? new Set());
  const totals = totalUp(scored.indicators, standard, execution, tableFacts(form, standard));
  // A 分值 that stays unknown is the one reason the form is not graded: said once (`blank.gap`).
  const ungraded = blank?.ungraded;
  const grading = ungraded ? { grade: UNGRADED, ungradedReason: ungraded } : {};
  const empty = form.indicators.length === 0;
  const gaps = [
    ...(empty ? [{ ...NO_INDICATORS, cell: form.cell }] : []),
    ...(blank ? [blank.gap] : []),
    ...scored.gaps,
    ...totals.gaps.filter((g) => !((empty || ungraded) && g.code === "maxTotalNot100")),
    ...fundGaps(form, standard.settings.tieTolerance),
    ...executionGap(form, execution, standard.settings.executionRateTarget),
    ...projectOverspendGaps(execution, form.funds.reason),
    ...gradeGap(form, ungraded ? UNGRADED : totals.grade),
  ];
  const total = form.funds.total;
  return {
    name: form.name,
    ...(form.department ? { department: form.department } : {}),
    ...(form.unit ? { unit: form.unit } : {}),
    ...(form.year ? { year: form.year } : {}),
    sheet: form.sheet,
    cell: form.cell,
    budget: total?.adjusted ?? null,
    spending: total?.spent ?? null,
    initial: total?.initial ?? null,
    amountCells: { budget: total?.cells?.adjusted, spending: total?.cells?.spent },
    execution,
    indicators: scored.indicators,
    ...scoredTotals(totals),
    ...grading,
    gaps,
  };
}
