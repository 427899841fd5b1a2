/**
 * The one owner of the execution rate (财政支出执行率): its base (执行率口径) chosen by the
 * standard, the table's rate on that base, the rate the workbook states, which one scores, and
 * the sentence that says so. Everything else reads the returned value.
 */
import { Dec, excelRound, formulaAmount, percent } from "../model/decimal";
import type { BudgetRow, BudgetTable } from "../model/input";
import type { ExecutionBase, StandardSettings } from "../standard/types";
import type { ExecutionRate, InputView } from "./result";

/** The denominator of each base, as the summary and the gap list print it. */
export const BASE_TEXT: Record<ExecutionBase, string> = {
  adjusted: "调整预算数",
  initial: "年初预算数",
  adjustedWithCarryOver: "（调整预算数 + 上年结转）",
};

export function findTotal(table: BudgetTable): BudgetRow | undefined {
  return table.rows.find((r) => r.category === "total");
}

/**
 * A row's amount on the base: its 调整 or 年初预算数, or 调整预算数 + 上年结转 (the row's own
 * 上年结转 column, else — for the 合计 row — the department's stated 上年结转).
 */
export function baseAmount(
  row: BudgetRow,
  base: ExecutionBase,
  table: BudgetTable
): { amount: Dec | null; cell?: string; missing?: string } {
  if (base === "initial") return { amount: row.initial, cell: row.cells?.initial };
  if (base === "adjusted") return { amount: row.adjusted, cell: row.cells?.adjusted };
  const carry = row.carryOver ?? (row.category === "total" ? (table.carryOver ?? null) : null);
  if (carry === null) return { amount: null, missing: "上年结转" };
  if (row.adjusted === null) return { amount: null, cell: row.cells?.adjusted };
  return { amount: row.adjusted.plus(carry), cell: row.cells?.adjusted };
}

function tableRate(
  table: BudgetTable,
  settings: StandardSettings
): { rate: Dec | null; spent: Dec | null; amount: Dec | null; cell?: string; reason?: string } {
  const total = findTotal(table);
  const label = BASE_TEXT[settings.executionRateBase];
  if (!total) return { rate: null, spent: null, amount: null, reason: "预算支出明细表没有合计行" };
  const { amount, cell, missing } = baseAmount(total, settings.executionRateBase, table);
  const spent = total.final;
  if (settings.executionRateBase === "initial" && table.missingColumns?.includes("initial"))
    return {
      rate: null,
      spent,
      amount: null,
      reason: "评分标准的执行率口径为决算数 ÷ 年初预算数，但预算支出明细表没有年初预算数列",
    };
  if (missing)
    return { rate: null, spent, amount: null, reason: `执行率口径含上年结转，但未填报${missing}` };
  if (spent === null || amount === null)
    return {
      rate: null,
      spent,
      amount,
      cell,
      reason: `预算支出明细表缺少合计行的决算数或${label}`,
    };
  if (amount.isZero())
    return { rate: null, spent, amount, cell, reason: `合计行${label}为 0，无法计算执行率` };
  return { rate: excelRound(spent.dividedBy(amount), settings.rateDecimals), spent, amount, cell };
}

/**
 * Which rate scores when the stated one and the table's differ, and where the other is: the
 * words the gap list (with `cells`) and the submission (without) print beside the rate, so no
 * reader has to guess.
 */
function sourceNote(
  source: "official" | "table",
  rates: { official: Dec | null; table: Dec | null },
  cells: { official?: string; table?: string },
  label: string
): string | undefined {
  const { official, table } = rates;
  if (official === null || table === null || official.equals(table)) return undefined;
  const computed = `预算支出明细表按决算数 ÷ ${label}计算`;
  const stated = cells.official ? `${cells.official} 填报` : "填报";
  return source === "official"
    ? `评分采用${stated}的执行率（${computed}为 ${percent(table)}${cells.table ? `，见${cells.table}` : ""}）`
    : `评分采用${computed}的执行率（${cells.table ? `见${cells.table}，` : ""}${stated}的 ${percent(official)} 未采用）`;
}

/**
 * A 调整预算数 the table does not state, added up from 年初预算数 and its change, as the
 * rate's figures show it: `（年初预算数 40,568.73 + 预算调整数 11,793.41）`.
 */
function derivation(table: BudgetTable, base: ExecutionBase): string {
  const total = findTotal(table);
  if (!table.adjustedFrom || base !== "adjusted" || !total) return "";
  if (total.initial === null || total.adjustment == null) return "";
  const amount = (v: Dec) => formulaAmount(v, table.unit);
  return `（年初预算数 ${amount(total.initial)} + ${table.adjustedFrom} ${amount(total.adjustment)}）`;
}

/** The table's rate on the base, with its figures, or why it cannot be computed. */
type TableRate = ReturnType<typeof tableRate>;

/** What every execution rate carries, whichever rate scores: the base, both rates, the figures. */
type RateCommon = Omit<ExecutionRate, "value" | "source" | "sourceNote" | "sourceWords" | "text">;

export function executionRate(table: BudgetTable, settings: StandardSettings): ExecutionRate {
  const base = settings.executionRateBase;
  const label = BASE_TEXT[base];
  const computed = tableRate(table, settings);
  const total = findTotal(table);
  const official = statedRate(table, settings);
  const common: RateCommon = {
    id: "executionRate" as const,
    base,
    baseLabel: label,
    definition: `执行率 = 决算数 ÷ ${label}`,
    table: computed.rate,
    official,
    spent: computed.spent,
    baseAmount: computed.amount,
    spentCell: total?.cells?.final,
    baseCell: computed.cell,
    inputs: rateInputs(table, computed, official, total?.cells?.final, label),
  };
  return chosenRate(common, table, settings, computed);
}

/** The rate the workbook states (填报财政支出执行率), rounded as the standard rounds rates. */
function statedRate(table: BudgetTable, settings: StandardSettings): Dec | null {
  return table.officialExecutionRate === undefined || table.officialExecutionRate === null
    ? null
    : excelRound(table.officialExecutionRate, settings.rateDecimals);
}

/** The figures the rate is read from, each with its cell: the stated rate, 决算数, the base. */
function rateInputs(
  table: BudgetTable,
  computed: TableRate,
  official: Dec | null,
  spentCell: string | undefined,
  label: string
): InputView[] {
  const inputs: InputView[] = [];
  if (official !== null)
    inputs.push({
      label: "填报财政支出执行率",
      value: percent(official),
      cell: table.cells?.officialExecutionRate,
    });
  if (computed.spent !== null)
    inputs.push({
      label: "决算数（合计）",
      value: formulaAmount(computed.spent, table.unit),
      cell: spentCell,
    });
  if (computed.amount !== null)
    inputs.push({
      label: `${label}（合计）`,
      value: formulaAmount(computed.amount, table.unit),
      cell: computed.cell,
    });
  return inputs;
}

/** The table's rate as a formula with its figures, `决算数 … ÷ 调整预算数 … = 89.12%`. */
function tableRateText(
  table: BudgetTable,
  computed: TableRate,
  base: ExecutionBase,
  label: string
): string | null {
  return computed.rate !== null && computed.spent !== null && computed.amount !== null
    ? `决算数 ${formulaAmount(computed.spent, table.unit)} ÷ ${label} ${formulaAmount(computed.amount, table.unit)}${derivation(table, base)} = ${percent(computed.rate)}`
    : null;
}

/**
 * The rate that scores: the stated one when the standard says so and the workbook states one,
 * else the table's; when neither is there, none, with the reason.
 */
function chosenRate(
  common: RateCommon,
  table: BudgetTable,
  settings: StandardSettings,
  computed: TableRate
): ExecutionRate {
  const { official, baseLabel: label } = common;
  const useOfficial = settings.executionRateSource === "official" && official !== null;
  const tableText = tableRateText(table, computed, common.base, label);
  const officialCell = table.cells?.officialExecutionRate;
  const rates = { official, table: computed.rate };
  const cells = { official: officialCell, table: common.spentCell };
  if (useOfficial)
    return {
      ...common,
      value: official,
      source: "official",
      sourceNote: sourceNote("official", rates, cells, label),
      sourceWords: sourceNote("official", rates, {}, label),
      text: `填报财政支出执行率 ${percent(official)}${tableText ? `（按预算表：${tableText}）` : ""}`,
      cell: officialCell,
    };
  if (computed.rate !== null)
    return {
      ...common,
      value: computed.rate,
      source: "table",
      sourceNote: sourceNote("table", rates, cells, label),
      sourceWords: sourceNote("table", rates, {}, label),
      text: tableText as string,
      cell: common.spentCell,
    };
  const reason =
    official === null
      ? `${computed.reason}，且未填报财政支出执行率`
      : `${computed.reason}（评分标准规定按预算表计算，未采用填报执行率 ${percent(official)}）`;
  return { ...common, value: null, source: null, text: reason, reason };
}
