/**
 * “三公”经费 laid out across, as the 部门决算's 财政拨款“三公”经费支出决算表 prints it: 预算数
 * and 决算数 each merged over the items in columns (合计 | 因公出国（境）费 | 公务用车购置及运行费
 * — itself over 小计 | 公务用车购置费 | 公务用车运行费 — | 公务接待费), their figures on the row
 * below.
 */
import { Dec } from "../model/decimal";
import { unitFactor } from "../model/units";
import type { ThreePublicReading } from "../model/input";
import { readAmount } from "./cells";
import { type Grid, normalizeLabel } from "./grid";
import type { Reader } from "./reader";
import { HEADER_SEARCH_ROWS, type TableArea, inArea, unitNoteNear } from "./tables";
import {
  type ThreePublicItem,
  type ThreePublicRow,
  readingOf,
  tableItemOf,
} from "./threePublicTable";

/** Such a table found: its rows of items (the header's second row), figures and columns. */
export interface ThreePublicAcross {
  sheet: string;
  /** The row of the 预算数 / 决算数 headings, of the items, and of the figures. */
  groupRow: number;
  itemRow: number;
  dataRow: number;
  /** Each column read: the figure it holds (预算数 or 决算数) and the item. */
  columns: { column: number; figure: "budget" | "actual"; item: ThreePublicItem }[];
  area: TableArea;
}

/** The figure a heading over items names: 预算数, 决算数 / 支出数; none for 上年 or others. */
function figureOf(heading: string): "budget" | "actual" | null {
  if (heading === "" || heading.includes("上年")) return null;
  if (/预算/.test(heading)) return "budget";
  return /决算|支出|执行/.test(heading) ? "actual" : null;
}

/** The first such table on the sheets, outside the tables found, in each sheet's top rows. */
export function findThreePublicAcross(
  grids: readonly Grid[],
  areas: readonly TableArea[]
): ThreePublicAcross | null {
  for (const grid of grids) {
    const last = Math.min(grid.bottom, grid.top + HEADER_SEARCH_ROWS);
    for (let row = grid.top + 1; row <= last; row++) {
      // The items' row: headings only, two items or more, under a row of headings.
      if (grid.filledIn(row) < 3 || grid.numbersIn(row) > 0) continue;
      const found = acrossAt(grid, row, areas);
      if (found) return found;
    }
  }
  return null;
}

/** The table whose items are on `itemRow`, if it is one. */
function acrossAt(
  grid: Grid,
  itemRow: number,
  areas: readonly TableArea[]
): ThreePublicAcross | null {
  const items = (column: number) => tableItemOf(grid.text(itemRow, column));
  let named = 0;
  for (let c = grid.left; c <= grid.right; c++) {
    const item = items(c);
    if (item !== null && item !== "total" && !inArea(areas, grid.name, itemRow, c)) named++;
  }
  if (named < 2) return null;
  const subRow =
    grid.numbersIn(itemRow + 1) === 0 && grid.filledIn(itemRow + 1) > 0 ? itemRow + 1 : null;
  const dataRow = (subRow ?? itemRow) + 1;
  if (dataRow > grid.bottom || grid.numbersIn(dataRow) === 0) return null;
  const columns = acrossColumns(grid, itemRow, subRow, areas);
  if (!columns.some((c) => c.figure === "budget") || !columns.some((c) => c.figure === "actual"))
    return null;
  const used = columns.map((c) => c.column);
  const area = {
    sheet: grid.name,
    top: itemRow - 1,
    bottom: dataRow,
    left: Math.min(...used),
    right: Math.max(...used),
  };
  return { sheet: grid.name, groupRow: itemRow - 1, itemRow, dataRow, columns, area };
}

/**
 * Each column's figure (the heading above it, merged across: carried right) and item (its own,
 * or — under 公务用车购置及运行费 merged over its parts — the part below it, 小计 being the whole).
 */
function acrossColumns(
  grid: Grid,
  itemRow: number,
  subRow: number | null,
  areas: readonly TableArea[]
): ThreePublicAcross["columns"] {
  const out: ThreePublicAcross["columns"] = [];
  let heading = "";
  let item: ThreePublicItem | null = null;
  for (let c = grid.left; c <= grid.right; c++) {
    heading = grid.key(itemRow - 1, c) || heading;
    const own = grid.text(itemRow, c);
    if (own !== "") item = tableItemOf(own);
    const sub = subRow === null ? "" : normalizeLabel(grid.text(subRow, c));
    const part = sub === "" || /^(小计|合计)$/.test(sub) ? item : tableItemOf(sub);
    const figure = figureOf(heading);
    if (own === "" && sub === "") continue; // a gap between the groups, or past them
    if (figure && part && !inArea(areas, grid.name, itemRow, c))
      out.push({ column: c, figure, item: part });
  }
  return out;
}

/** The table's reading: its 合计, checked by its items added up. */
export function readThreePublicAcross(
  grid: Grid,
  table: ThreePublicAcross,
  { keep }: Reader
): ThreePublicReading | null {
  const unit = unitNoteNear(grid, table.groupRow);
  const factor = unit ? unitFactor(unit) : new Dec(1);
  const rows = new Map<ThreePublicItem, ThreePublicRow>();
  for (const { column, figure, item } of table.columns) {
    const row = rows.get(item) ?? { item, budget: null, actual: null, unreadable: [], cells: {} };
    const read = readAmount({ grid, row: table.dataRow, column }, factor);
    if (read.problem) row.unreadable.push(figure);
    row[figure] = keep(read);
    row.cells[figure] = `${grid.name}!${grid.address(table.dataRow, column)}`;
    rows.set(item, row);
  }
  const names = { total: "“三公”经费表合计", items: "“三公”经费表各项之和" };
  const inUnit = unit && unit !== "万元" ? { unit: { label: unit, factor } } : {};
  return readingOf([...rows.values()], names, inUnit);
}
