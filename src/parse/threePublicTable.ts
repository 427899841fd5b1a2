/**
 * “三公”经费 kept as rows — a small table of its own (因公出国（境）费 / 公务用车购置及运行费 /
 * 公务接待费 / 合计 by 预算数 / 决算数), or rows of the budget table (其中：“三公”经费): each a
 * reading of the 三公 figures, the 合计 row's and the items' sum.
 */
import { type Dec, sum } from "../model/decimal";
import type { ThreePublicReading } from "../model/input";
import { type Read, readAmount, readText } from "./cells";
import { type Grid, normalizeLabel } from "./grid";
import { cellProblem } from "./problems";
import { type FoundInput, type Reader, tableFound } from "./reader";
import { type FoundTable, dataRows, unitOf } from "./tables";
import { isTotalLabel } from "./totalRows";

/** A row of 三公 figures: the whole (`total`) or one of its items. */
export type ThreePublicItem =
  "total" | "abroad" | "vehicle" | "vehiclePurchase" | "vehicleRunning" | "reception";

/** Labels normalised (half-width brackets, no quotes), numbering and 其中 set aside. */
const ITEM_PATTERNS: [ThreePublicItem, RegExp][] = [
  ["total", /^三公经费(支出)?(合计|小计)?$/],
  ["abroad", /^因公出国(\(境\)|境)?经?费用?$/],
  ["vehicle", /^公务用车(购置[及和与]运行(维护)?)?经?费用?$/],
  ["vehiclePurchase", /^公务用车购置(经?费用?)?$/],
  ["vehicleRunning", /^公务用车运行(维护)?(经?费用?)?$/],
  ["reception", /^公务接待(经?费用?)?$/],
];

/** A row label's numbering (`1.`, `（一）`, `其中：`) set aside. */
const NUMBERING = /^([一二三四五六七八九十]+[、.]|\d+[、.]|\([一二三四五六七八九十\d]+\))/;

/** A label normalised (half-width brackets, no quotes or spaces), numbering and 其中 set aside. */
function bare(label: string): string {
  return normalizeLabel(label)
    .replace(NUMBERING, "")
    .replace(/^其中:?/, "");
}

/** The 三公 row a label names (`其中：“三公”经费`, `1.因公出国（境）费`), or null. */
export function threePublicItemOf(label: string): ThreePublicItem | null {
  const key = bare(label);
  if (!key.includes("三公") && !key.startsWith("公务") && !key.startsWith("因公")) return null;
  return ITEM_PATTERNS.find(([, p]) => p.test(key))?.[0] ?? null;
}

/** Shorter names the rows of a “三公”经费表 may go by (其中：购置费 under 公务用车…, 接待费). */
const SHORT_PATTERNS: [ThreePublicItem, RegExp][] = [
  ["abroad", /^出国(\(境\)|境)?经?费用?$/],
  ["vehiclePurchase", /^(车辆)?购置经?费用?$/],
  ["vehicleRunning", /^(车辆)?运行(维护)?经?费用?$/],
  ["reception", /^接待经?费用?$/],
];

/**
 * The item a row of a “三公”经费表 names (or a column of one laid out across): as any 三公 row,
 * or by a shorter name within the table, 合计 / 总计 being the whole.
 */
export function tableItemOf(label: string): ThreePublicItem | null {
  const item = threePublicItemOf(label);
  if (item) return item;
  const key = bare(label);
  if (isTotalLabel(key)) return "total";
  return SHORT_PATTERNS.find(([, p]) => p.test(key))?.[0] ?? null;
}

type Figure = "budget" | "actual" | "lastYear";

/** One row of 三公 figures as read (万元), with its cells. */
export interface ThreePublicRow {
  item: ThreePublicItem;
  budget: Dec | null;
  actual: Dec | null;
  lastYear?: Dec | null;
  /** The figures that could not be read (their problem said): no sum is made with them. */
  unreadable: Figure[];
  cells: { budget?: string; actual?: string; lastYear?: string };
}

const ITEMS: readonly ThreePublicItem[] = ["abroad", "vehicle", "reception"];
const WITH_VEHICLE_PARTS: readonly ThreePublicItem[] = [
  "abroad",
  "vehiclePurchase",
  "vehicleRunning",
  "reception",
];

/** The items that make the whole, in their order: 公务用车 in one row, or in its 购置 and 运行 rows. */
function itemsOf(rows: readonly ThreePublicRow[]): ThreePublicRow[] {
  const items = rows.some((r) => r.item === "vehicle") ? ITEMS : WITH_VEHICLE_PARTS;
  return rows.filter((r) => items.includes(r.item));
}

/**
 * The items added up, column by column: a blank item is none (no travel abroad), an unreadable
 * one leaves the sum unknown, and a column no item fills has no sum.
 */
function itemsSum(items: readonly ThreePublicRow[], key: Figure): Dec | null {
  if (items.some((r) => r.unreadable.includes(key))) return null;
  const values = items.map((r) => r[key] ?? null).filter((v): v is Dec => v !== null);
  return values.length === 0 ? null : sum(values);
}

/** The range of the items' cells in a column (`三公经费!B4:B6`), or the one cell. */
function rangeOf(items: readonly ThreePublicRow[], key: Figure): string | undefined {
  const cells = items.map((r) => r.cells[key]).filter((c): c is string => c !== undefined);
  if (cells.length <= 1) return cells[0];
  const [first, last] = [cells[0] as string, cells[cells.length - 1] as string];
  return `${first}:${last.slice(last.lastIndexOf("!") + 1)}`;
}

/** What a place's readings are called: its 合计 row's, and its items' sum. */
export interface ReadingNames {
  total: string;
  items: string;
}

/**
 * The reading of rows of 三公 figures: the whole's row, its items added up kept to check it by;
 * without a whole's row (or figures in it), the items' sum. None when no row has a figure.
 */
export function readingOf(
  rows: readonly ThreePublicRow[],
  names: ReadingNames,
  unit: Pick<ThreePublicReading, "unit">
): ThreePublicReading | null {
  const items = itemsOf(rows);
  const added: ThreePublicReading = {
    source: names.items,
    budget: itemsSum(items, "budget"),
    actual: itemsSum(items, "actual"),
    ...unit,
    cells: { budget: rangeOf(items, "budget"), actual: rangeOf(items, "actual") },
  };
  const summed = added.budget !== null || added.actual !== null;
  const total = rows.find((r) => r.item === "total");
  if (!total || (total.budget === null && total.actual === null)) return summed ? added : null;
  return {
    source: names.total,
    budget: total.budget,
    actual: total.actual,
    ...unit,
    cells: { budget: total.cells.budget, actual: total.cells.actual },
    ...(summed ? { itemsSum: added } : {}),
  };
}

/** The 上年 figure of rows of 三公 figures: the whole's, else the items' sum. */
function lastYearOf(rows: readonly ThreePublicRow[]): { value: Dec | null; cell?: string } {
  const total = rows.find((r) => r.item === "total");
  if (total?.lastYear != null) return { value: total.lastYear, cell: total.cells.lastYear };
  const items = itemsOf(rows);
  return { value: itemsSum(items, "lastYear"), cell: rangeOf(items, "lastYear") };
}

/** Rows of a 部门预算支出明细表 (基本支出, 人员经费 …): a table holding one is a budget table. */
const BUDGET_ROW = /基本支出|项目支出|人员(?:经费|支出)|公用(?:经费|支出)|工资福利/;

/**
 * Whether a table the finder took for a “三公”经费表 is one: a row of it names a 三公 item, and
 * none a budget category (a 部门预算支出明细表 with its `其中：“三公”经费` row is a budget table).
 */
export function isThreePublicTable(grid: Grid, table: FoundTable): boolean {
  let named = false;
  for (const row of dataRows(grid, table)) {
    const label = readText({ grid, row, column: table.columns.label });
    if (BUDGET_ROW.test(label)) return false;
    named ||= threePublicItemOf(label) !== null;
  }
  return named;
}

/** The columns of a “三公”经费表 holding each figure: 预算数, else 年初预算数. */
const TABLE_KEYS: FigureColumns = {
  budget: ["budget", "initial"],
  actual: "actual",
  lastYear: "lastYear",
};

/** A 三公 table's rows: each row's figures, or a warning for a row it does not know. */
function readRows(grid: Grid, table: FoundTable, { keep, problems }: Reader) {
  const cols = table.columns;
  const rows: ThreePublicRow[] = [];
  let last = table.headerRow + table.headerDepth - 1;
  for (const row of dataRows(grid, table)) {
    last = row;
    const label = readText({ grid, row, column: cols.label });
    const item = tableItemOf(label);
    if (!item) {
      if (label)
        problems.push(
          cellProblem(
            grid.name,
            grid.address(row, cols.label),
            `无法识别“三公”经费项目“${label}”，该行未计入`,
            "warning"
          )
        );
      continue;
    }
    rows.push(threePublicRow(grid, table, row, item, keep, TABLE_KEYS));
  }
  return { rows, last };
}

/** Which columns hold a row's figures: the budget's, the first of `budget` the table has. */
export interface FigureColumns {
  budget: string[];
  actual: string;
  lastYear?: string;
}

/** One row's figures (万元) from the table's columns `keys`, each with its cell. */
export function threePublicRow(
  grid: Grid,
  table: FoundTable,
  row: number,
  item: ThreePublicItem,
  keep: Reader["keep"],
  keys: FigureColumns
): ThreePublicRow {
  const read: ThreePublicRow = { item, budget: null, actual: null, unreadable: [], cells: {} };
  const columns: [Figure, string | undefined][] = [
    ["budget", keys.budget.find((k) => k in table.columns)],
    ["actual", keys.actual],
    ["lastYear", keys.lastYear],
  ];
  for (const [figure, key] of columns) {
    const column = key === undefined ? undefined : table.columns[key];
    if (column === undefined) continue;
    const r: Read<Dec> = readAmount({ grid, row, column }, table.unitFactor);
    if (r.problem) read.unreadable.push(figure);
    read[figure] = keep(r);
    read.cells[figure] = `${grid.name}!${grid.address(row, column)}`;
  }
  return read;
}

/** The “三公”经费表: its reading (合计, checked by 各项之和), its 上年 figure and where it was found. */
export function readThreePublicTable(
  grid: Grid,
  table: FoundTable,
  reader: Reader
): {
  reading: ThreePublicReading | null;
  lastYear?: { value: Dec | null; cell?: string };
  found: FoundInput;
} {
  const { rows, last } = readRows(grid, table, reader);
  const names = { total: "“三公”经费表合计", items: "“三公”经费表各项之和" };
  const reading = readingOf(rows, names, unitOf(table));
  const lastYear = "lastYear" in table.columns ? { lastYear: lastYearOf(rows) } : {};
  return { reading, ...lastYear, found: tableFound(table, grid, last) };
}
