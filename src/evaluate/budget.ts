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

export function analyseBudget(table: BudgetTable, checks: StandardSettings): BudgetResult {
  const base = checks.executionRateBase;
  const rows = table.rows.map((row) => ({
    ...row,
    executionRate: ratio(row.final, baseAmount(row, base, table).amount, checks.rateDecimals),
    // 预算调整率 = 预算调整数 ÷ 年初预算数, the adjustment being 调整预算数 − 年初预算数.
    adjustmentRate: ratio(
      row.adjusted === null || row.initial === null ? null : row.adjusted.minus(row.initial),
      row.initial,
      checks.rateDecimals
    ),
  }));

  const ties: TieCheck[] = [];
  const unchecked: UncheckedTie[] = [];
  // A table kept in 元 (or 千元) is stated, and rounded, in that unit: so are its ties.
  const amount = (v: Dec) => amountIn(v, table.unit);
  const tolerance = toleranceIn(checks.tieTolerance, table.unit);
  const value = (category: BudgetCategory, column: BudgetColumn): Dec | null =>
    findRow(table, category)?.[column] ?? null;

  /** parent = Σ parts in one column, when the parent and any part are filled in. */
  const sumTie = (
    check: "basic" | "total",
    parent: BudgetCategory,
    parts: BudgetCategory[],
    column: BudgetColumn
  ) => {
    const row = findRow(table, parent);
    const partValues = parts.map((c) => value(c, column));
    if (!row || partValues.every((v) => v === null)) return;
    // The sum itself without a figure (blank, a formula never calculated): nothing to check it by.
    if (row[column] === null) {
      const part = short(parent);
      unchecked.push({ column, check, parent: part, part, cell: row.cells?.[column] });
      return;
    }
    // A part with figures in other columns but none here is missing (blank, “—”) or unreadable:
    // the sum without it would invent a difference, so the tie is said to be unchecked instead.
    const missing = parts
      .map((c) => findRow(table, c))
      .find((p) => p !== undefined && p[column] === null && COLUMNS.some((k) => p[k] !== null));
    if (missing) {
      unchecked.push({
        column,
        check,
        parent: `${short(parent)} ${amount(row[column] as Dec)}`,
        part: short(missing.category),
        cell: missing.cells?.[column] ?? missing.cells?.label,
      });
      return;
    }
    const expected = sum(partValues.map((v) => v ?? ZERO));
    const actual = row[column] as Dec;
    const terms = parts
      .filter((_, i) => partValues[i] !== null)
      .map((c) => `${short(c)} ${amount(value(c, column) as Dec)}`)
      .join(" + ");
    ties.push({
      column,
      check,
      expected,
      actual,
      ok: expected.equals(actual),
      withinTolerance: expected.minus(actual).abs().lessThanOrEqualTo(tolerance),
      cell: row.cells?.[column],
      formula: `${budgetColumnLabels[column]}：${short(parent)} ${amount(actual)} ${expected.equals(actual) ? "=" : "≠"} ${terms}`,
    });
  };

  for (const column of COLUMNS) {
    sumTie("basic", "basic", ["personnel", "publicOperating"], column);
    sumTie("total", "total", TOTAL_PARTS, column);

    const capital = value("capitalConstruction", column);
    const project = value("project", column);
    if (capital !== null && project !== null) {
      ties.push({
        column,
        check: "capital",
        expected: project,
        actual: capital,
        ok: capital.lessThanOrEqualTo(project),
        withinTolerance: capital.lessThanOrEqualTo(project),
        cell: findRow(table, "capitalConstruction")?.cells?.[column],
        formula: `${budgetColumnLabels[column]}：其中基本建设类项目 ${amount(capital)} ${capital.lessThanOrEqualTo(project) ? "≤" : ">"} 项目支出 ${amount(project)}`,
      });
    }
  }

  return {
    rows,
    ties,
    tiesOk: ties.length > 0 && ties.every((t) => t.withinTolerance),
    unchecked,
    execution: executionRate(table, checks),
  };
}

/** The tables' ties in a word: 平衡, 平衡（有尾差）, 不平, or 未能核对 when nothing could be checked. */
export function tieVerdict(budget: BudgetResult): string {
  if (budget.ties.length === 0) return "未能核对";
  if (!budget.tiesOk) return "不平";
  return budget.ties.every((t) => t.ok) ? "平衡" : "平衡（有尾差）";
}
