/** Everything a user could see of a sheet (through ExcelJS), for before/after comparisons. */
import type ExcelJS from "exceljs";

export function fingerprint(ws: ExcelJS.Worksheet): unknown {
  const cells: unknown[] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      cells.push([
        r,
        c,
        cell.value,
        cell.formula ?? null,
        cell.numFmt ?? null,
        cell.font ?? null,
        cell.fill ?? null,
        cell.border ?? null,
        cell.alignment ?? null,
      ]);
    });
  });
  const widths = Array.from(
    { length: ws.columnCount },
    (_, i) => ws.getColumn(i + 1).width ?? null
  );
  const heights: unknown[] = [];
  ws.eachRow((row, r) => heights.push([r, row.height ?? null]));
  return {
    name: ws.name,
    cells,
    // In address order: the order of <mergeCell> elements means nothing to a user.
    merges: [...((ws.model as { merges?: string[] }).merges ?? [])].sort(),
    widths,
    heights,
  };
}

/**
 * The fingerprint of a sheet written from a SheetLayout by the package writer, as ExcelJS's
 * writeLayout renders the same layout: identical but for column widths of 9, which ExcelJS
 * takes for its default and leaves out (Excel then shows 8.43); the package writer keeps them.
 */
export function asExcelJSRenders(ws: ExcelJS.Worksheet, layoutWidths: readonly number[]): unknown {
  const print = fingerprint(ws) as { widths: (number | null)[] };
  return {
    ...print,
    widths: print.widths.map((w, i) => (w === 9 && layoutWidths[i] === 9 ? null : w)),
  };
}
