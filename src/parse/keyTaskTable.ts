/**
 * The key tasks (重点工作任务): name and whether done. Completion that the sheet does not state
 * stays unknown (null), never “not done”.
 */
import type { KeyTask } from "../model/input";
import { quote } from "../model/text";
import { readText, readYesNo } from "./cells";
import type { Grid } from "./grid";
import { cellProblem } from "./problems";
import { type FoundTable, dataRows } from "./tables";
import { type FoundInput, type Reader, tableFound } from "./reader";

export function readKeyTaskTable(
  grid: Grid,
  taskTable: FoundTable,
  { keep, problems }: Reader
): { keyTasks: KeyTask[]; found: FoundInput } {
  const keyTasks: KeyTask[] = [];
  const cols = taskTable.columns;
  let last = taskTable.headerRow + taskTable.headerDepth - 1;
  for (const row of dataRows(grid, taskTable)) {
    last = row;
    const name = readText({ grid, row, column: cols.name });
    const note = "note" in cols ? readText({ grid, row, column: cols.note }) : "";
    const doneText = "done" in cols ? readText({ grid, row, column: cols.done }) : "";
    if (!name) continue; // a continuation line of the previous task's 完成情况
    let done: boolean | null = null;
    if ("done" in cols) {
      done = keep(readYesNo({ grid, row, column: cols.done }, "是否完成"));
      if (
        done === null &&
        !problems.some((p) => p.cell === grid.address(row, cols.done) && p.sheet === grid.name)
      ) {
        problems.push(
          cellProblem(
            grid.name,
            grid.address(row, cols.done),
            `未填写${quote(name)}是否完成，重点工作完成率无法计算`,
            "warning"
          )
        );
      }
    } else {
      const read = readYesNo({ grid, row, column: cols.note }, "是否完成");
      done = read.value;
      if (done === null) {
        problems.push(
          cellProblem(
            grid.name,
            grid.address(row, cols.note),
            `无法从完成情况判断${quote(name)}是否完成，请增加“是否完成”列并填写“是”或“否”`,
            "warning"
          )
        );
      }
    }
    keyTasks.push({
      name,
      done,
      doneText: doneText || undefined,
      note: note || undefined,
      cells: {
        name: `${grid.name}!${grid.address(row, cols.name)}`,
        done: `${grid.name}!${grid.address(row, cols.done ?? cols.note)}`,
      },
    });
  }
  return { keyTasks, found: tableFound(taskTable, grid, last) };
}
