/**
 * Both adapters pass what they read through here, so their snapshots are identical: the
 * bounding box of non-empty cells, every row the same width, empty cells as null.
 */
import type { CellValue, SheetSnapshot } from "./snapshot";

function isEmpty(v: CellValue | undefined): boolean {
  return v === null || v === undefined || v === "";
}

/**
 * `values[r][c]` is the cell at (top + r, left + c); rows and cells may be missing (sparse).
 * Returns the snapshot trimmed to the non-empty bounding box.
 */
export function normalizeSheet(
  name: string,
  top: number,
  left: number,
  values: (CellValue | undefined)[][],
  numberFormats?: (string | undefined)[][]
): SheetSnapshot {
  let minRow = Infinity;
  let maxRow = -1;
  let minCol = Infinity;
  let maxCol = -1;
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      if (isEmpty(row[c])) continue;
      if (r < minRow) minRow = r;
      if (r > maxRow) maxRow = r;
      if (c < minCol) minCol = c;
      if (c > maxCol) maxCol = c;
    }
  }
  if (maxRow < 0) return { name, top: 0, left: 0, values: [], numberFormats: [] };
  // Rows of exactly the sheet's width (an array grown by push keeps room for more).
  const width = maxCol - minCol + 1;
  const outValues: CellValue[][] = new Array(maxRow - minRow + 1);
  const outFormats: string[][] = new Array(maxRow - minRow + 1);
  for (let r = minRow; r <= maxRow; r++) {
    const rowValues: CellValue[] = new Array(width);
    const rowFormats: string[] = new Array(width);
    for (let c = minCol; c <= maxCol; c++) {
      const v = values[r]?.[c];
      rowValues[c - minCol] = isEmpty(v) ? null : (v as CellValue);
      rowFormats[c - minCol] = numberFormats?.[r]?.[c] || "General";
    }
    outValues[r - minRow] = rowValues;
    outFormats[r - minRow] = rowFormats;
  }
  return {
    name,
    top: top + minRow,
    left: left + minCol,
    values: outValues,
    numberFormats: outFormats,
  };
}
