/**
 * The workbook's own 评分标准 sheets, found by their header and read: the first for the
 * department and the first for project forms (适用对象：项目支出); other standard-like sheets are
 * named and set aside, never read as department figures. Part of the deferred engine (the task
 * pane fetches it while it reads the workbook).
 */
import type { WorkbookStandard } from "../model/input";
import type { Grid } from "./grid";
import type { FoundInput, Reader } from "./reader";
import { findStandardSheets, readStandardSheet } from "./standardSheet";

/**
 * The first 评分标准 sheet for the department and the first for project forms (适用对象：项目支出),
 * read; others are named and not used.
 */
export function readWorkbookStandards(
  grids: readonly Grid[],
  reader: Reader,
  found: FoundInput[]
): { department?: WorkbookStandard; project?: WorkbookStandard; sheets: Set<string> } {
  const { standards: sheets, setAside } = findStandardSheets(grids);
  for (const { grid, why, severity } of setAside)
    reader.problems.push({ severity, sheet: grid.name, message: why });
  const out: { department?: WorkbookStandard; project?: WorkbookStandard } = {};
  for (const { grid, table } of sheets) {
    const read = readStandardSheet(grid, table);
    const scope = read.standard.scope;
    const taken = out[scope];
    if (taken) {
      const what = scope === "project" ? "项目" : "部门";
      reader.problems.push({
        severity: "warning",
        sheet: grid.name,
        message: `工作簿中有多张${what}评分标准表：采用“${taken.sheet}”，未采用“${grid.name}”`,
      });
      continue;
    }
    found.push(read.found);
    out[scope] = { standard: read.standard, problems: read.problems, sheet: read.sheet };
  }
  return { ...out, sheets: new Set([...sheets, ...setAside].map((s) => s.grid.name)) };
}
