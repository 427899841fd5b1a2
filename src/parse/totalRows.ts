/**
 * The label of a spending table's total row — the 部门预算支出明细表's, a 项目清单's, a “三公”经费表's
 * — in one place: 合计 / 总计, also 合计数, 支出合计 / 支出总计 (the 部门决算's wording), 本年支出合计,
 * 部门支出总计 …, however spaced (`总 计`, or a full-width space). Never an income or balance total
 * (收入总计, 收支总计): a table of income is no spending table.
 */
const TOTAL_ROW = /^((本年度?|部门)?支出)?(合计|总计)数?$/;

/** Whether a label, normalised (normalizeLabel), numbering set aside, names the total row. */
export function isTotalLabel(key: string): boolean {
  return TOTAL_ROW.test(key);
}
