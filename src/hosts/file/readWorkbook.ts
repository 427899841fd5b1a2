/**
 * ExcelJS adapter, read side: an .xlsx workbook → the same snapshot the Excel JS API adapter
 * produces (used range of values, formulas as their cached results, dates as serials).
 */
import type ExcelJS from "exceljs";
import {
  type CellValue,
  type MergedArea,
  type SheetSnapshot,
  UNCALCULATED,
  type WorkbookSnapshot,
} from "../snapshot";
import { normalizeSheet } from "../normalize";

/** Excel's serial date: days since 1899-12-30 (with Excel's 1900 leap-year bug baked in). */
export function dateToSerial(date: Date): number {
  const ms = date.getTime() - Date.UTC(1899, 11, 30);
  return ms / 86_400_000;
}

type ExcelJsValue = ExcelJS.CellValue | undefined;

/** An ExcelJS cell value → our cell value. */
export function toCellValue(value: ExcelJsValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  if (value instanceof Date) return dateToSerial(value);
  if (typeof value === "object") {
    if ("error" in value && typeof value.error === "string") return { error: value.error };
    if ("richText" in value && Array.isArray(value.richText))
      return value.richText.map((r) => r.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: ExcelJsValue }).result;
      return result === undefined ? UNCALCULATED : toCellValue(result);
    }
    if ("hyperlink" in value && "text" in value)
      return toCellValue((value as { text: ExcelJsValue }).text);
    if ("text" in value) return toCellValue((value as { text: ExcelJsValue }).text);
  }
  return null;
}

/**
 * A cell's value: for a formula, from its model — ExcelJS's `cell.value` copies only the truthy
 * fields of a formula, so a result of 0, FALSE or "" would read as no result at all.
 */
function valueOf(cell: ExcelJS.Cell): ExcelJsValue {
  const { formula, sharedFormula, result } = cell.model as {
    formula?: string;
    sharedFormula?: string;
    result?: ExcelJS.CellFormulaValue["result"];
  };
  if (formula === undefined && sharedFormula === undefined) return cell.value;
  return { formula: formula ?? sharedFormula ?? "", result } as ExcelJS.CellFormulaValue;
}

/** A merged area grown to cover one more of its cells (ExcelJS knows each cell's master). */
function coverMerged(areas: Map<string, MergedArea>, cell: ExcelJS.Cell): void {
  const master = cell.master;
  const row = Number(cell.row) - 1;
  const column = Number(cell.col) - 1;
  const area = areas.get(master.address);
  if (area) {
    area.bottom = Math.max(area.bottom, row);
    area.right = Math.max(area.right, column);
  } else {
    const top = Number(master.row) - 1;
    const left = Number(master.col) - 1;
    areas.set(master.address, { top, left, bottom: row, right: column });
  }
}

export function readSheet(worksheet: ExcelJS.Worksheet): SheetSnapshot {
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  const merges = new Map<string, MergedArea>();
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const rowValues: CellValue[] = [];
    const rowFormats: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // Merged cells repeat the master's value in ExcelJS; Excel shows it only in the master.
      if (cell.isMerged && cell.master !== cell) return coverMerged(merges, cell);
      rowValues[colNumber - 1] = toCellValue(valueOf(cell));
      rowFormats[colNumber - 1] = cell.numFmt || "General";
    });
    values[rowNumber - 1] = rowValues;
    numberFormats[rowNumber - 1] = rowFormats;
  });
  const sheet = normalizeSheet(worksheet.name, 0, 0, values, numberFormats);
  if (merges.size > 0 && sheet.values.length > 0) sheet.merges = [...merges.values()];
  return worksheet.state && worksheet.state !== "visible" ? { ...sheet, hidden: true } : sheet;
}

export function readWorkbook(workbook: ExcelJS.Workbook): WorkbookSnapshot {
  return { sheets: workbook.worksheets.map(readSheet) };
}
