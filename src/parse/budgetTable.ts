/**
 * The 部门预算支出明细表: rows recognised by their category label, in any order, across a
 * blank row, amounts converted to 万元.
 */
import type { BudgetCategory, BudgetRow } from "../model/input";
import { readAmount, readText } from "./cells";
import { type Grid, normalizeLabel } from "./grid";
import { cellProblem } from "./problems";
import type { FoundTable } from "./tables";
import { type FoundInput, type Reader, tableFound } from "./reader";

const CATEGORY_PATTERNS: [BudgetCategory, RegExp][] = [
  ["total", /^(合计|总计|支出合计|本年支出合计|部门支出合计)$/],
  ["capitalConstruction", /基本建设/],
  ["personnel", /人员(经费|支出)|工资福利/],
  ["publicOperating", /公用(经费|支出)/],
  ["basic", /基本支出/],
  ["project", /项目支出/],
  ["remittance", /上缴上级/],
  ["business", /经营支出/],
  ["subsidy", /附属单位补助/],
];

function categoryOf(label: string): BudgetCategory | null {
  const key = normalizeLabel(label).replace(
    /^[一二三四五六七八九十]+[、.．]|^\d+[、.．]|^其中[:：]?/,
    ""
  );
  for (const [category, pattern] of CATEGORY_PATTERNS) if (pattern.test(key)) return category;
  return null;
}

export function readBudgetTable(
  grid: Grid,
  budgetTable: FoundTable,
  { keep, problems }: Reader
): { rows: BudgetRow[]; found: FoundInput } {
  const budgetRows: BudgetRow[] = [];
  const cols = budgetTable.columns;
  const seen = new Set<BudgetCategory>();
  const labelAt = (row: number) => readText({ grid, row, column: cols.label });
  /** A row below that is still part of the table: a category not read yet. */
  const continues = (row: number) => {
    const category = row <= grid.bottom ? categoryOf(labelAt(row)) : null;
    return category !== null && !seen.has(category);
  };
  let last = budgetTable.headerRow + budgetTable.headerDepth - 1;
  for (let row = last + 1; row <= grid.bottom; row++) {
    // A blank row inside the table (between 基本支出 and 项目支出, say) does not end it.
    if (grid.isBlankRow(row, Object.values(cols))) {
      if (continues(row + 1)) continue;
      break;
    }
    last = row;
    const label = labelAt(row);
    const category = categoryOf(label);
    if (!category) {
      problems.push(
        cellProblem(
          grid.name,
          grid.address(row, cols.label),
          label ? `无法识别支出类别“${label}”，该行未计入` : "缺少支出类别，该行未计入",
          "warning"
        )
      );
      continue;
    }
    if (seen.has(category)) {
      problems.push(
        cellProblem(
          grid.name,
          grid.address(row, cols.label),
          `支出类别“${label}”重复出现，该行未计入`,
          "warning"
        )
      );
      continue;
    }
    seen.add(category);
    const amount = (key: "initial" | "adjusted" | "final" | "carryOver") =>
      keep(readAmount({ grid, row, column: cols[key] }, budgetTable.unitFactor));
    const at = (key: string) => `${grid.name}!${grid.address(row, cols[key])}`;
    budgetRows.push({
      category,
      label,
      initial: amount("initial"),
      adjusted: amount("adjusted"),
      final: amount("final"),
      ...("carryOver" in cols
        ? {
            carryOver: keep(
              readAmount({ grid, row, column: cols.carryOver }, budgetTable.unitFactor)
            ),
          }
        : {}),
      cells: {
        label: at("label"),
        initial: at("initial"),
        adjusted: at("adjusted"),
        final: at("final"),
        ...("carryOver" in cols ? { carryOver: at("carryOver") } : {}),
      },
    });
    // 合计 usually closes the table, unless categories follow it (合计 written first).
    if (category === "total" && !continues(row + 1)) break;
  }
  if (budgetRows.length > 0 && !seen.has("total")) {
    problems.push({
      severity: "error",
      sheet: grid.name,
      message: `${grid.name}：部门预算支出明细表缺少“合计”行，无法按预算表计算执行率和勾稽关系`,
    });
  }
  return { rows: budgetRows, found: tableFound(budgetTable, grid, last) };
}
