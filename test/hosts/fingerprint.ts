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
    merges: (ws.model as { merges?: string[] }).merges ?? [],
    widths,
    heights,
  };
}
