/**
 * The 部门预算支出明细表: execution and adjustment rate per row, and whether the table ties
 * (基本 = 人员 + 公用, 合计 = 基本 + 项目 + 上缴 + 经营 + 补助, 其中基建 ≤ 项目) in every column.
 */
import { Dec, ZERO, amountIn, excelRound, sum, toleranceIn } from "../model/decimal";
import type { BudgetCategory, BudgetColumn, BudgetRow, BudgetTable } from "../model/input";
import type { StandardSettings } from "../standard/types";
import { baseAmount, executionRate } from "./executionRate";
import type { BudgetResult, TieCheck, UncheckedTie } from "./result";

export const budgetColumnLabels: Record<BudgetColumn, string> = {
  initial: "年初预算数",
  adjusted: "调整预算数",
  final: "决算数",
};

export const budgetCategoryLabels: Record<BudgetCategory, string> = {
  basic: "一、基本支出",
  personnel: "人员经费",
  publicOperating: "日常公用经费",
  project: "二、项目支出",
  capitalConstruction: "其中：基本建设类项目",
  remittance: "三、上缴上级支出",
  business: "四、经营支出",
  subsidy: "五、对附属单位补助支出",
  total: "合计",
};

const TOTAL_PARTS: BudgetCategory[] = ["basic", "project", "remittance", "business", "subsidy"];
const COLUMNS: BudgetColumn[] = ["initial", "adjusted", "final"];

function ratio(numerator: Dec | null, denominator: Dec | null, decimals: number): Dec | null {
  if (numerator === null || denominator === null || denominator.isZero()) return null;
  return excelRound(numerator.dividedBy(denominator), decimals);
}

export function findRow(table: BudgetTable, category: BudgetCategory): BudgetRow | undefined {
  return table.rows.find((r) => r.category === category);
}

function short(category: BudgetCategory): string {
  return budgetCategoryLabels[category].replace(/^[一二三四五]、/, "").replace(/^其中：/, "");
}

/** What a 基本支出 worked out from its parts is called wherever it is shown. */
export const DERIVED_BASIC_LABEL = "基本支出（人员经费与日常公用经费之和）";

/** One column of 人员经费 + 日常公用经费: unknown when a listed part has no figure in it. */
function partsSum(parts: BudgetRow[], column: BudgetColumn | "carryOver"): Dec | null {
  const values = parts.map((p) => p[column] ?? null);
  return values.some((v) => v === null) ? null : sum(values as Dec[]);
}

/**
 * The table with its 基本支出, where it lists 人员经费 and/or 日常公用经费 but no 基本支出 row:
 * their sum in each column, set before the first of them (so 合计 ties to 基本 + 项目 + …).
 * The one place a missing 基本支出 is made up; every page reads it from here.
 */
export function withDerivedBasic(table: BudgetTable): BudgetTable {
  if (findRow(table, "basic")) return table;
  const parts = table.rows.filter(
    (r) => r.category === "personnel" || r.category === "publicOperating"
  );
  if (parts.length === 0) return table;
  const cells: NonNullable<BudgetRow["cells"]> = {};
  for (const column of COLUMNS) {
    const cell = parts.find((p) => p[column] === null)?.cells?.[column] ?? parts[0].cells?.[column];
    if (cell) cells[column] = cell;
  }
  const basic: BudgetRow = {
    category: "basic",
    label: parts.length > 1 ? DERIVED_BASIC_LABEL : `基本支出（即${short(parts[0].category)}）`,
    initial: partsSum(parts, "initial"),
    adjusted: partsSum(parts, "adjusted"),
    final: partsSum(parts, "final"),
    ...(parts.some((p) => p.carryOver !== undefined)
      ? { carryOver: partsSum(parts, "carryOver") }
      : {}),
    cells,
    derivedFrom: parts.flatMap((p) => (p.cells?.label ? [p.cells.label] : [])),
  };
  const at = table.rows.indexOf(parts[0]);
  return { ...table, rows: [...table.rows.slice(0, at), basic, ...table.rows.slice(at)] };
}

/** Each row with its 执行率 and 预算调整率 (预算调整数 ÷ 年初预算数, 调整数 = 调整预算数 − 年初预算数). */
function rowRates(table: BudgetTable, checks: StandardSettings) {
  return table.rows.map((row) => ({
    ...row,
    executionRate: ratio(
      row.final,
      baseAmount(row, checks.executionRateBase, table).amount,
      checks.rateDecimals
    ),
    adjustmentRate: ratio(
      row.adjusted === null || row.initial === null ? null : row.adjusted.minus(row.initial),
      row.initial,
      checks.rateDecimals
    ),
  }));
}

/** What the ties of one table are checked with, and what they collect. */
interface TieContext {
  table: BudgetTable;
  /** An amount as the table states it (a table kept in 元 or 千元 is rounded in that unit). */
  amount: (v: Dec) => string;
  tolerance: Dec;
  ties: TieCheck[];
  unchecked: UncheckedTie[];
}

const valueOf = (table: BudgetTable, category: BudgetCategory, column: BudgetColumn) =>
  findRow(table, category)?.[column] ?? null;

/**
 * A part with figures in other columns but none in `column` (blank, “—”, unreadable): the sum
 * without it would invent a difference.
 */
function missingPart(table: BudgetTable, parts: BudgetCategory[], column: BudgetColumn) {
  return parts
    .map((c) => findRow(table, c))
    .find((p) => p !== undefined && p[column] === null && COLUMNS.some((k) => p[k] !== null));
}

/** parent = Σ parts in one column, when the parent and any part are filled in. */
function sumTie(
  ctx: TieContext,
  check: "basic" | "total",
  [parent, parts]: [BudgetCategory, BudgetCategory[]],
  column: BudgetColumn
): void {
  const { table, amount } = ctx;
  const row = findRow(table, parent);
  const partValues = parts.map((c) => valueOf(table, c, column));
  if (!row || partValues.every((v) => v === null)) return;
  const actual = row[column];
  // The sum itself without a figure (blank, a formula never calculated): nothing to check it by.
  if (actual === null) {
    const part = short(parent);
    ctx.unchecked.push({ column, check, parent: part, part, cell: row.cells?.[column] });
    return;
  }
  const missing = missingPart(table, parts, column);
  if (missing) {
    ctx.unchecked.push({
      column,
      check,
      parent: `${short(parent)} ${amount(actual)}`,
      part: short(missing.category),
      cell: missing.cells?.[column] ?? missing.cells?.label,
    });
    return;
  }
  const expected = sum(partValues.map((v) => v ?? ZERO));
  const terms = parts
    .filter((_, i) => partValues[i] !== null)
    .map((c) => `${short(c)} ${amount(valueOf(table, c, column) as Dec)}`)
    .join(" + ");
  const ok = expected.equals(actual);
  ctx.ties.push({
    column,
    check,
    expected,
    actual,
    ok,
    withinTolerance: expected.minus(actual).abs().lessThanOrEqualTo(ctx.tolerance),
    cell: row.cells?.[column],
    formula: `${budgetColumnLabels[column]}：${short(parent)} ${amount(actual)} ${ok ? "=" : "≠"} ${terms}`,
  });
}

/** 其中基本建设类项目 ≤ 项目支出, in one column. */
function capitalTie(ctx: TieContext, column: BudgetColumn): void {
  const capital = valueOf(ctx.table, "capitalConstruction", column);
  const project = valueOf(ctx.table, "project", column);
  if (capital === null || project === null) return;
  const ok = capital.lessThanOrEqualTo(project);
  ctx.ties.push({
    column,
    check: "capital",
    expected: project,
    actual: capital,
    ok,
    withinTolerance: ok,
    cell: findRow(ctx.table, "capitalConstruction")?.cells?.[column],
    formula: `${budgetColumnLabels[column]}：其中基本建设类项目 ${ctx.amount(capital)} ${ok ? "≤" : ">"} 项目支出 ${ctx.amount(project)}`,
  });
}

export function analyseBudget(stated: BudgetTable, checks: StandardSettings): BudgetResult {
  const table = withDerivedBasic(stated);
  // A 基本支出 added up from its parts equals them by construction: only 合计 is checked.
  const basicStated = findRow(table, "basic")?.derivedFrom === undefined;
  const ctx: TieContext = {
    table,
    amount: (v) => amountIn(v, table.unit),
    tolerance: toleranceIn(checks.tieTolerance, table.unit),
    ties: [],
    unchecked: [],
  };
  for (const column of COLUMNS) {
    if (basicStated) sumTie(ctx, "basic", ["basic", ["personnel", "publicOperating"]], column);
    sumTie(ctx, "total", ["total", TOTAL_PARTS], column);
    capitalTie(ctx, column);
  }
  const { ties, unchecked } = ctx;
  const columnNote = columnNoteOf(table);
  return {
    rows: rowRates(table, checks),
    ties,
    tiesOk: ties.length > 0 && ties.every((t) => t.withinTolerance),
    unchecked,
    execution: executionRate(table, checks),
    ...(table.unit ? { unit: table.unit } : {}),
    ...(columnNote ? { columnNote } : {}),
  };
}

/** The table's columns in a sentence, where they are not the template's three. */
function columnNoteOf(table: BudgetTable): string | undefined {
  if (table.missingColumns?.includes("initial"))
    return "预算支出明细表未列年初预算数，年初预算数一栏空缺，预算调整率无法计算。";
  const change = table.adjustedFrom;
  if (change)
    return `调整预算数 = 年初预算数 + ${change}（预算支出明细表列的是${change}，不是调整后的预算数）。`;
  return undefined;
}

/** The tables' ties in a word: 平衡, 平衡（有尾差）, 不平, or 未能核对 when nothing could be checked. */
export function tieVerdict(budget: BudgetResult): string {
  if (budget.ties.length === 0) return "未能核对";
  if (!budget.tiesOk) return "不平";
  return budget.ties.every((t) => t.ok) ? "平衡" : "平衡（有尾差）";
}
