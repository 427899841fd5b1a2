/**
 * The indicator table (绩效自评表): 一级 / 二级 / 三级 / 指标, 分值, 自评得分, 说明, 评价等次. Merged
 * group cells carry down; group rows — a heading (`一、管理效率 | | 50 | 50`) or a subtotal — are
 * never scored, whether the cells beneath are blank, merged or filled on every row; a 合计 row
 * is kept to check the sum; `不适用` in a score cell marks the indicator as not applicable.
 */
import type { Dec } from "../model/decimal";
import type { DepartmentInput, IndicatorEntry } from "../model/input";
import { toHalfWidth } from "../model/numbers";
import { bareLevel } from "../model/text";
import { isEmptyMarker, readScore, readText } from "./cells";
import { type Grid, normalizeLabel } from "./grid";
import { type FoundTable, dataRows, headerExtent } from "./tables";
import { type FoundInput, type Reader, tableFound } from "./reader";

const TOTAL = /^(合计|总计|总分|得分合计|合计得分|分值合计)/;
const SUBTOTAL = /小计|合计$/;
const NOT_APPLICABLE = /^(不适用|不涉及)$/;

interface TableView {
  grid: Grid;
  cols: Record<string, number>;
  rows: number[];
  /** The name columns present, shallowest first: 一级, 二级, 三级, 指标. */
  levels: string[];
  /** The deepest name column present: 指标, else 三级, else 二级, else 一级. */
  deepest: string;
  shallower: string[];
  /** Where a 总分 left of the table stands: the sheet's first column, or the part's own. */
  lead: number;
}

/** The table's rows, down to `last` when given (a page of a table printed over several). */
function view(grid: Grid, table: FoundTable, lead = grid.left, last = Infinity): TableView {
  const cols = table.columns;
  const levels = (["level1", "level2", "level3", "name"] as const).filter((k) => k in cols);
  const deepest = levels[levels.length - 1] as string;
  const shallower = levels.filter((k) => k !== deepest && k !== "name");
  const rows = [...dataRows(grid, table)].filter((r) => r <= last);
  return { grid, cols, rows, levels, deepest, shallower, lead };
}

function text(v: TableView, row: number, key: string): string {
  return key in v.cols ? readText({ grid: v.grid, row, column: v.cols[key] }) : "";
}

/**
 * The row's 得分说明 and its cell: its own, or — the cell merged with one above it in the table
 * (one reason over several 三级 rows) — the merged cell's, which every row it covers shares.
 */
function explanationOf(v: TableView, row: number): { text?: string; cell?: string } {
  const own = text(v, row, "explanation");
  const cell = cellOf(v, row, "explanation");
  if (own || !("explanation" in v.cols)) return { text: own || undefined, cell };
  const from = v.grid.mergedFrom(row, v.cols.explanation);
  if (!from || from.column !== v.cols.explanation || from.row < (v.rows[0] ?? row)) return { cell };
  const shared = readText({ grid: v.grid, row: from.row, column: from.column });
  if (!shared) return { cell };
  return { text: shared, cell: `${v.grid.name}!${v.grid.address(from.row, from.column)}` };
}

function rawText(v: TableView, row: number, key: string): string {
  return key in v.cols ? toHalfWidth(v.grid.text(row, v.cols[key])).replace(/\s+/g, "") : "";
}

/** How deep a row's name goes: the index in `levels` of its deepest filled name column (−1: none). */
function depthOf(v: TableView, row: number): number {
  for (let i = v.levels.length - 1; i >= 0; i--)
    if (text(v, row, v.levels[i] as string) !== "") return i;
  return -1;
}

/**
 * A heading: the row after it is its child — its name goes deeper (a 二级 under a 一级, a 三级
 * under a 二级, whichever name columns the table has and fills), within the same group.
 */
function hasChildren(v: TableView, index: number): boolean {
  const row = v.rows[index];
  const next = v.rows[index + 1];
  if (next === undefined || depthOf(v, next) <= depthOf(v, row)) return false;
  return v.shallower.every((k) => {
    const mine = text(v, row, k);
    const theirs = text(v, next, k);
    return mine === "" || theirs === "" || bareLevel(mine) === bareLevel(theirs);
  });
}

interface Group {
  level1: string;
  level2: string;
  /** Σ分值 of the indicators read since the group began, to tell a subtotal row. */
  maxSum: Dec | null;
  count: number;
}

/**
 * A row names an indicator of its own when a name column below the 一级 says something other
 * than the group's names: `效益 | 可持续影响 | （三级空）` is an indicator, even when its 分值 equals
 * the rows above; only a row repeating the 一级 (or the 二级 it is under) can be a subtotal.
 */
function hasOwnName(v: TableView, row: number, group: Group): boolean {
  return v.levels.some((k) => {
    const said = k === "level1" ? "" : text(v, row, k);
    if (said === "") return false;
    return k !== "level2" || bareLevel(said) !== bareLevel(group.level2);
  });
}

/**
 * A row whose name stops short of the deepest column: a heading or a subtotal, unless it is a
 * leaf indicator (a 二级 with no 三级 beneath it, in a table whose 三级 column is blank there).
 */
function isGroupRow(v: TableView, index: number, group: Group, max: Dec | null): boolean {
  const row = v.rows[index];
  if (v.levels.length < 2 || text(v, row, v.deepest) !== "") return false;
  const blankScores = ["max", "entered"].every(
    (k) => !(k in v.cols) || v.grid.value(row, v.cols[k]) === null
  );
  if (blankScores || hasChildren(v, index)) return true;
  // A row with its own 年度指标值 or 实际完成值 is an indicator, whatever its 分值 adds up to.
  const measured = ["target", "actual"].some((k) => {
    const said = k in v.cols ? v.grid.text(row, v.cols[k] as number).trim() : "";
    return said !== "" && !isEmptyMarker(said); // a 小计 may carry — or / there
  });
  if (measured || hasOwnName(v, row, group)) return false;
  const l1 = text(v, row, "level1");
  const sameGroup = !l1 || bareLevel(l1) === bareLevel(group.level1);
  return (
    sameGroup &&
    group.count > 0 &&
    max !== null &&
    group.maxSum !== null &&
    max.equals(group.maxSum)
  );
}

/** A cell's address on its sheet, `绩效自评表!E7`; none when the table has no such column. */
function cellOf(v: TableView, row: number, k: string): string | undefined {
  return k in v.cols ? `${v.grid.name}!${v.grid.address(row, v.cols[k])}` : undefined;
}

/** A score cell read, its problem kept; null when the table has no such column. */
function scoreOf(v: TableView, keep: Reader["keep"], row: number, k: string): Dec | null {
  return k in v.cols ? keep(readScore({ grid: v.grid, row, column: v.cols[k] })) : null;
}

/** The 合计 row's 分值 and 自评得分, kept to check the sum. */
function statedTotalOf(
  v: TableView,
  keep: Reader["keep"],
  row: number
): DepartmentInput["statedTotal"] {
  return {
    max: scoreOf(v, keep, row, "max"),
    entered: scoreOf(v, keep, row, "entered"),
    cells: { max: cellOf(v, row, "max"), entered: cellOf(v, row, "entered") },
  };
}

/** A row's 一级 and 二级 carried into the group: a new 一级 starts a new group (Σ分值 anew). */
function enterGroup(group: Group, l1: string, l2: string, grouping: boolean): void {
  if (l1 && bareLevel(l1) !== bareLevel(group.level1))
    Object.assign(group, { level1: l1, level2: "", maxSum: null, count: 0 });
  else if (l1 && !grouping) group.level1 = l1;
  if (l2) group.level2 = l2;
}

/** An indicator counted in its group, its 分值 added to the group's Σ (null once one is blank). */
function countInGroup(group: Group, max: Dec | null): void {
  group.count += 1;
  group.maxSum = max === null ? null : group.count === 1 ? max : (group.maxSum?.plus(max) ?? null);
}

/** One indicator row as read: its names under the group's, its scores, texts and cells. */
function indicatorEntry(
  v: TableView,
  keep: Reader["keep"],
  row: number,
  group: Group,
  name: string,
  l3: string,
  max: Dec | null,
  notApplicable: boolean
): IndicatorEntry {
  const explanation = explanationOf(v, row);
  return {
    level1: group.level1 || name,
    level2: group.level2 && group.level2 !== name ? group.level2 : undefined,
    level3: l3 && l3 !== name ? l3 : undefined,
    name,
    max,
    entered: notApplicable ? null : scoreOf(v, keep, row, "entered"),
    explanation: explanation.text,
    grade: text(v, row, "grade") || undefined,
    ...("target" in v.cols
      ? { target: v.grid.text(row, v.cols.target), actual: v.grid.text(row, v.cols.actual ?? -1) }
      : {}),
    notApplicable: notApplicable || undefined,
    cells: {
      name: cellOf(v, row, v.deepest) ?? cellOf(v, row, "name"),
      max: cellOf(v, row, "max"),
      entered: cellOf(v, row, "entered"),
      explanation: explanation.cell,
      grade: cellOf(v, row, "grade"),
      target: cellOf(v, row, "target"),
      actual: cellOf(v, row, "actual"),
    },
  };
}

/** One page of an indicator table printed over several: its header, and its last row (none: its end). */
export interface IndicatorPage {
  table: FoundTable;
  last?: number;
}

/**
 * An indicator table (a project form's), on one page or printed over several — its header
 * repeated on each — read as one, page after page: a group (一级 merged over rows) goes on into
 * the next page.
 */
export function readIndicatorPages(
  grid: Grid,
  pages: readonly IndicatorPage[],
  { keep }: Reader
): { indicators: IndicatorEntry[]; statedTotal: DepartmentInput["statedTotal"] } {
  const indicators: IndicatorEntry[] = [];
  let statedTotal: DepartmentInput["statedTotal"];
  const group: Group = { level1: "", level2: "", maxSum: null, count: 0 };
  for (const { table, last } of pages) {
    const v = view(grid, table, grid.left, last);
    statedTotal = readRows(v, keep, group, indicators) ?? statedTotal;
  }
  return { indicators, statedTotal };
}

/** Whether a row of the table is its 合计 / 总分 row (the label in a name column or the first). */
export function isTotalRow(grid: Grid, table: FoundTable, row: number): boolean {
  const columns = ["level1", "level2", "level3", "name"]
    .filter((k) => k in table.columns)
    .map((k) => table.columns[k] as number);
  return [grid.left, ...columns].some((c) => TOTAL.test(normalizeLabel(grid.text(row, c))));
}

/**
 * An indicator table in parts side by side (a table split in two halves to fit a page), read
 * as one, left part first: a group (一级 merged over rows) goes on into the next part.
 */
export function readIndicatorParts(
  parts: readonly FoundTable[],
  gridOf: (table: FoundTable) => Grid,
  { keep }: Reader
): {
  indicators: IndicatorEntry[];
  statedTotal: DepartmentInput["statedTotal"];
  found: FoundInput[];
} {
  const indicators: IndicatorEntry[] = [];
  const found: FoundInput[] = [];
  let statedTotal: DepartmentInput["statedTotal"];
  const group: Group = { level1: "", level2: "", maxSum: null, count: 0 };
  for (const [i, table] of parts.entries()) {
    // A part beside another: its 总分 is in its own columns, never its neighbour's.
    const grid = gridOf(table);
    const v = view(grid, table, i === 0 ? grid.left : headerExtent(grid, table).left);
    statedTotal = readRows(v, keep, group, indicators) ?? statedTotal;
    const last = v.rows.length > 0 ? v.rows[v.rows.length - 1] : table.headerRow;
    found.push(tableFound(table, v.grid, last));
  }
  return { indicators, statedTotal, found };
}

/** A table's rows read into `indicators`, in `group`; its 合计 row's figures, if it has one. */
function readRows(
  v: TableView,
  keep: Reader["keep"],
  group: Group,
  indicators: IndicatorEntry[]
): DepartmentInput["statedTotal"] {
  let statedTotal: DepartmentInput["statedTotal"];
  v.rows.forEach((row, index) => {
    const [l1, l2, l3, own] = ["level1", "level2", "level3", "name"].map((k) => text(v, row, k));
    const name = own || l3 || l2 || l1;
    const key = normalizeLabel(name);
    // 总分 may stand left of the table (a form's label column, merged across).
    const lead = normalizeLabel(v.grid.text(row, v.lead));
    if (TOTAL.test(key) || (!name && TOTAL.test(lead))) {
      statedTotal = statedTotalOf(v, keep, row);
      return;
    }
    if (!name || SUBTOTAL.test(key) || SUBTOTAL.test(normalizeLabel(l1))) return;
    const notApplicable =
      NOT_APPLICABLE.test(rawText(v, row, "entered")) ||
      NOT_APPLICABLE.test(rawText(v, row, "max"));
    const max = NOT_APPLICABLE.test(rawText(v, row, "max")) ? null : scoreOf(v, keep, row, "max");
    const grouping = isGroupRow(v, index, group, max);
    enterGroup(group, l1, l2, grouping);
    if (grouping) return;
    countInGroup(group, max);
    indicators.push(indicatorEntry(v, keep, row, group, name, l3, max, notApplicable));
  });
  return statedTotal;
}
