/**
 * WPS host, read side: every sheet's used range through ET's `Value2` (one call per sheet),
 * number formats by range where they are uniform (else by column, else by cell), error values
 * confirmed by the cell's text. Our own summaries are not read; hidden sheets only within the
 * same window as in Excel (they are never input; a hidden 评分标准 sheet still counts).
 */
import { normalizeSheet } from "../normalize";
import { OWNER_NAMES, ROLES, type SheetRole, outputSheets, sheetFromReference } from "../ownership";
import {
  type CellValue,
  HIDDEN_WINDOW,
  type SheetSnapshot,
  type WorkbookSnapshot,
  cellAddress,
  rangeAddress,
} from "../snapshot";
import {
  ERROR_VALUES,
  type EtRange,
  type EtWorkbook,
  type EtWorksheet,
  isErrorNumber,
  isHiddenSheet,
  rowsOf,
} from "./et";

/** The workbook's worksheets in order, 1-based as ET counts them (chart sheets have no cells). */
export function sheetsOf(wb: EtWorkbook): EtWorksheet[] {
  const out: EtWorksheet[] = [];
  for (let i = 1; i <= wb.Worksheets.Count; i++) out.push(wb.Worksheets.Item(i));
  return out;
}

/** Every sheet's name, chart sheets included (a new sheet's name must differ from them too). */
export function allSheetNames(wb: EtWorkbook): string[] {
  const names: string[] = [];
  for (let i = 1; i <= wb.Sheets.Count; i++) names.push(wb.Sheets.Item(i).Name);
  return names;
}

/** The sheet each ownership marker points to, if that sheet exists. */
export function ownedSheets(
  wb: EtWorkbook,
  names: readonly string[]
): Record<SheetRole, string | null> {
  const owned = {} as Record<SheetRole, string | null>;
  for (const role of ROLES) {
    let marked: string | null = null;
    try {
      marked = sheetFromReference(wb.Names.Item(OWNER_NAMES[role]).RefersTo);
    } catch {
      marked = null; // No such name: ET throws, as Excel's Names.Item does.
    }
    owned[role] = marked !== null && names.includes(marked) ? marked : null;
  }
  return owned;
}

function toCell(value: unknown, text: () => unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "number" && isErrorNumber(value)) {
    const shown = String(text() ?? "");
    if (shown.startsWith("#")) return { error: ERROR_VALUES[value] ?? shown };
  }
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  return String(value);
}

/** Number formats: one for the range if uniform (ET gives null when mixed), else by column or cell. */
function formatsOf(ws: EtWorksheet, range: EtRange, values: CellValue[][]): string[][] {
  const rows = values.length;
  const columns = values[0]?.length ?? 0;
  // A mixed range gives null (some builds may give ""): then by column, else by cell.
  const uniform = (format: unknown): format is string =>
    typeof format === "string" && format !== "";
  const whole = range.NumberFormat;
  if (uniform(whole)) return values.map((row) => row.map(() => whole));
  const out = values.map((row) => row.map(() => "General"));
  for (let c = 0; c < columns; c++) {
    const column = ws.Range(
      rangeAddress({
        top: range.Row - 1,
        bottom: range.Row - 2 + rows,
        left: range.Column - 1 + c,
        right: range.Column - 1 + c,
      })
    ).NumberFormat;
    for (let r = 0; r < rows; r++) {
      if (uniform(column)) out[r][c] = column;
      else if (typeof values[r][c] === "number")
        out[r][c] = String(
          ws.Range(cellAddress(range.Row - 1 + r, range.Column - 1 + c)).NumberFormat
        );
    }
  }
  return out;
}

function readSheet(ws: EtWorksheet, hidden: boolean): SheetSnapshot {
  const used = ws.UsedRange;
  const top = used.Row - 1;
  const left = used.Column - 1;
  const bottom = Math.min(top + used.Rows.Count - 1, hidden ? HIDDEN_WINDOW.bottom : Infinity);
  const right = Math.min(left + used.Columns.Count - 1, hidden ? HIDDEN_WINDOW.right : Infinity);
  if (bottom < top || right < left) return normalizeSheet(ws.Name, 0, 0, [], []);
  const range = hidden ? ws.Range(rangeAddress({ top, left, bottom, right })) : used;
  const values = rowsOf(range.Value2).map((row, r) =>
    row.map((v, c) => toCell(v, () => ws.Range(cellAddress(top + r, left + c)).Text))
  );
  return normalizeSheet(ws.Name, top, left, values, formatsOf(ws, range, values));
}

/** The whole snapshot, with the protection the pane reports before any write. */
export function readWorkbookEt(wb: EtWorkbook): WorkbookSnapshot {
  const sheets = sheetsOf(wb);
  const names = sheets.map((s) => s.Name);
  const owned = ownedSheets(wb, names);
  const ours = outputSheets(owned);
  return {
    sheets: sheets.map((ws) => {
      if (ours.includes(ws.Name)) return normalizeSheet(ws.Name, 0, 0, [], []);
      const hidden = isHiddenSheet(ws.Visible);
      const sheet = readSheet(ws, hidden);
      return hidden ? { ...sheet, hidden: true } : sheet;
    }),
    ownedSheets: owned,
    protection: { structure: wb.ProtectStructure === true, readOnly: wb.ReadOnly === true },
    ...(typeof wb.Name === "string" && wb.Name !== "" ? { fileName: wb.Name } : {}),
  };
}
