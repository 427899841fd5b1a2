/** The project list (项目清单): name, funds, spending, self-evaluated or not, self-evaluation score. */
import type { Project } from "../model/input";
import { readAmount, readScore, readText, readYesNo } from "./cells";
import { type Grid, normalizeLabel } from "./grid";
import { cellAddress } from "../hosts/snapshot";
import { type FoundTable, dataRows } from "./tables";
import { type FoundInput, type Reader, tableFound } from "./reader";

export function readProjectTable(
  grid: Grid,
  projectTable: FoundTable,
  { keep }: Reader
): { projects: Project[]; found: FoundInput } {
  const projects: Project[] = [];
  const cols = projectTable.columns;
  let last = projectTable.headerRow + projectTable.headerDepth - 1;
  for (const row of dataRows(grid, projectTable)) {
    last = row;
    const name = readText({ grid, row, column: cols.name });
    if (/^(合计|总计)$/.test(normalizeLabel(name))) break;
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
      cells: new RowCells(grid.name, row, cols),
    });
  }
  return { projects, found: tableFound(projectTable, grid, last) };
}

/**
 * A 项目清单 row's cell addresses (`项目清单!B4` …), made when asked for: the row keeps its sheet's
 * name, its row and the table's columns (shared) instead of five strings — 200,000 rows hold
 * about 40 MB less. Read by key (`cells.name`), as every reader of project cells does.
 */
class RowCells implements NonNullable<Project["cells"]> {
  constructor(
    private readonly sheet: string,
    private readonly row: number,
    private readonly columns: Record<string, number>
  ) {}

  private at(key: string): string | undefined {
    const column = this.columns[key];
    return column === undefined ? undefined : `${this.sheet}!${cellAddress(this.row, column)}`;
  }

  get name() {
    return this.at("name");
  }
  get budget() {
    return this.at("budget");
  }
  get spending() {
    return this.at("spending");
  }
  get selfScore() {
    return this.at("selfScore");
  }
  get evaluated() {
    return this.at("evaluated");
  }
}
