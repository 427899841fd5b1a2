/**
 * What every table reader shares: the problem list it adds to, `keep` (a value, or its
 * problem recorded), and where a table was found.
 */
import type { Read } from "./cells";
import type { Grid } from "./grid";
import type { InputProblem } from "./problems";
import { type FoundTable, type TableKind, tableColumns, tableSpecs } from "./tables";

/** Where an input was found, for the task pane's “数据来源” list. */
export interface FoundInput {
  kind: TableKind | "info" | "projectForm";
  title: string;
  sheet: string;
  /** A1 range of the table or the label cell. */
  range: string;
}

export interface Reader {
  problems: InputProblem[];
  /** The value read, recording its problem if it has one. */
  keep<T>(read: Read<T>): T | null;
}

export function newReader(): Reader {
  const problems: InputProblem[] = [];
  return {
    problems,
    keep<T>(read: Read<T>): T | null {
      if (read.problem) problems.push(read.problem);
      return read.value;
    },
  };
}

export function tableFound(table: FoundTable, grid: Grid, lastRow: number): FoundInput {
  const cols = tableColumns(table);
  const left = Math.min(...cols);
  const right = Math.max(...cols);
  return {
    kind: table.kind,
    title: tableSpecs[table.kind].title,
    sheet: table.sheet,
    range: `${grid.address(table.headerRow, left)}:${grid.address(Math.max(lastRow, table.headerRow), right)}`,
  };
}
