/**
 * Tables of one kind whose headers share a row, side by side: the halves of one table (an
 * indicator table split in two to fit a page: no row name in both), or two tables to choose
 * between (2022's and 2023's: the same names).
 */
import type { Grid } from "./grid";
import { type FoundTable, type TableKind, dataRows } from "./tables";
import { isTotalLabel } from "./totalRows";

/** One table as read: a table, or the parts of one side by side on its header row, left first. */
export type TableParts = FoundTable[];

/** Kinds that are lists of named rows, which a sheet may split into halves side by side. */
const SPLIT_KINDS: ReadonlySet<TableKind> = new Set<TableKind>([
  "indicators",
  "projects",
  "keyTasks",
]);

/** The columns naming a table's rows, the deepest first. */
const NAME_KEYS = ["name", "level3", "level2", "level1"];

/** A total or subtotal row's name (or a spending total's, totalRows): either half may have one. */
const TOTAL_NAME = /^(合计|总计|总分|小计|得分合计)/;

/** The names of a table's rows (normalised), totals aside. */
function rowNames(grid: Grid, table: FoundTable): Set<string> {
  const key = NAME_KEYS.find((k) => k in table.columns);
  const names = new Set<string>();
  if (key === undefined) return names;
  const column = table.columns[key] as number;
  for (const row of dataRows(grid, table)) {
    const name = grid.key(row, column);
    if (name !== "" && !TOTAL_NAME.test(name) && !isTotalLabel(name)) names.add(name);
  }
  return names;
}

/**
 * The tables of one kind, in the order found, as tables: one found on the header row of the one
 * before, right of it, with no row name in common with it, is its next part.
 */
export function asTables(
  tables: readonly FoundTable[],
  gridOf: (table: FoundTable) => Grid
): TableParts[] {
  const out: TableParts[] = [];
  const names = new Map<FoundTable, Set<string>>();
  const namesOf = (t: FoundTable) => {
    let known = names.get(t);
    if (!known) names.set(t, (known = rowNames(gridOf(t), t)));
    return known;
  };
  for (const table of tables) {
    const parts = out[out.length - 1];
    const before = parts?.[parts.length - 1];
    const split =
      parts !== undefined &&
      before !== undefined &&
      SPLIT_KINDS.has(table.kind) &&
      before.sheet === table.sheet &&
      before.headerRow === table.headerRow &&
      parts.every((p) => [...namesOf(table)].every((n) => !namesOf(p).has(n)));
    if (split) parts.push(table);
    else out.push([table]);
  }
  return out;
}
