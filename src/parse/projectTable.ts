/** The project list (项目清单): name, funds, spending, self-evaluated or not, self-evaluation score. */
import type { Project } from "../model/input";
import { readAmount, readScore, readText, readYesNo } from "./cells";
import { type Grid, normalizeLabel } from "./grid";
import { cellAddress } from "../hosts/snapshot";
import { type FoundTable, dataRows } from "./tables";
import { type FoundInput, type Reader, tableFound } from "./reader";
import { isTotalLabel } from "./totalRows";

export function readProjectTable(
  grid: Grid,
  projectTable: FoundTable,
  { keep }: Reader
): { projects: Project[]; found: FoundInput } {
  const projects: Project[] = [];
  const cols = projectTable.columns;
  const cellsOf = rowCells(grid.name, cols);
  let last = projectTable.headerRow + projectTable.headerDepth - 1;
  for (const row of dataRows(grid, projectTable)) {
    last = row;
    const name = readText({ grid, row, column: cols.name });
    // A 合计 closes the list (one above the projects, as some lists put it, does not).
    if (isTotal(name) && projects.length > 0) break;
    if (isTotal(name) || notAProject(grid, row, name, cols)) continue;
    const at = (k: string) => ({ grid, row, column: cols[k] });
    const has = (k: string) => k in cols;
    const selfScore = has("selfScore") ? keep(readScore(at("selfScore"))) : null;
    const evaluatedRead = has("evaluated")
      ? keep(readYesNo(at("evaluated"), "是否开展自评"))
      : null;
    projects.push({
      name: name || `（第 ${row + 1} 行项目）`,
      budget: has("budget") ? keep(readAmount(at("budget"), projectTable.unitFactor)) : null,
      spending: has("spending") ? keep(readAmount(at("spending"), projectTable.unitFactor)) : null,
      selfScore,
      evaluated: evaluatedRead ?? selfScore !== null,
      cells: cellsOf(row),
    });
  }
  return { projects, found: tableFound(projectTable, grid, last) };
}

/** A category's 小计, or its heading (`一、基本建设类`, `（二）信息化项目`) with no figures. */
function notAProject(grid: Grid, row: number, name: string, cols: Record<string, number>): boolean {
  if (name.includes("小计")) return true;
  if (!/^([一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）])/.test(name))
    return false;
  return Object.entries(cols).every(([key, c]) => key === "name" || grid.value(row, c) === null);
}

/**
 * The total row (合计 / 总计 …, see totalRows), however spaced or written. Only a text holding 计 can be (no other character
 * normalises to it), so 100,000 project names are not each normalised (0.3 s).
 */
function isTotal(name: string): boolean {
  return name.includes("计") && isTotalLabel(normalizeLabel(name));
}

/**
 * The cell addresses of a 项目清单's rows (`项目清单!B4` …), made when read: each row's `cells`
 * holds only its row, the getters are the table's (one prototype for all its rows) — 200,000
 * rows hold about 40 MB less than five strings a row. Read by key (`cells.name`), as every
 * reader of project cells does.
 */
function rowCells(sheet: string, columns: Record<string, number>) {
  const table = {};
  for (const [key, column] of Object.entries(columns))
    Object.defineProperty(table, key, {
      get(this: { row: number }) {
        return `${sheet}!${cellAddress(this.row, column)}`;
      },
    });
  return (row: number): Project["cells"] => {
    const cells = Object.create(table) as { row: number };
    cells.row = row;
    return cells as Project["cells"];
  };
}
