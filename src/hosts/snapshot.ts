import type { SheetRole } from "./ownership";

/**
 * What a host adapter reads from a workbook: each sheet's used range as plain values and
 * number formats. Both adapters (Excel JS API, ExcelJS files) produce this same shape, and
 * one parser reads it, so the add-in and the command line see a workbook identically.
 */

/**
 * An Excel error value such as `#DIV/0!`, `#REF!`, `#N/A`; or, `uncalculated`, a formula with no
 * value at all, as programs that write .xlsx without calculating it leave one (see UNCALCULATED).
 */
export interface CellError {
  error: string;
  uncalculated?: true;
}

/**
 * A formula cell the file holds no calculated value for (Excel and WPS always store one): read
 * as no text, and as a problem naming its cell wherever a number or answer is needed.
 */
export const UNCALCULATED: CellError = Object.freeze({ error: "", uncalculated: true as const });

/**
 * A cell's value as Excel holds it: number, text, boolean, error, or null when empty.
 * Formulas are represented by their last calculated value. Dates are serial numbers, as in
 * the Excel JS API's `values`; their number format tells them apart.
 */
export type CellValue = number | string | boolean | CellError | null;

/** A merged area, 0-based and inclusive, in the sheet's coordinates (not `values`'). */
export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetSnapshot {
  name: string;
  /** 0-based row and column of `values[0][0]` (the used range's top-left cell). */
  top: number;
  left: number;
  /** Rows of values; rows may be shorter than the widest row (missing cells are empty). */
  values: CellValue[][];
  /** Number formats aligned with `values` (`General`, `0.00%`, …); may be omitted. */
  numberFormats?: string[][];
  /** Set (true) when the sheet is hidden; hidden sheets are not read as input. */
  hidden?: boolean;
  /**
   * Its merged areas of more than one cell, where the host reports them (the package reader
   * does): a 得分说明 merged over 三级 rows is read as the reason of each (parse/grid.ts).
   */
  merges?: MergedArea[];
}

/** What the host reports about writing to the workbook (absent: not known, e.g. a file). */
export interface WorkbookProtection {
  /** 保护工作簿 (structure): sheets cannot be added, replaced or renamed. */
  structure: boolean;
  /** Opened read-only: what is written must be saved under another name. */
  readOnly: boolean;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  protection?: WorkbookProtection;
  /** Sheets the add-in's ownership markers point to, by role (see hosts/ownership.ts). */
  ownedSheets?: Partial<Record<SheetRole, string | null>>;
  /**
   * The file's name (`某局2022年度绩效自评.xlsx`), where the host knows it: the 年度 of last resort
   * when no cell and no title states one.
   */
  fileName?: string;
}

/**
 * Where a hidden sheet is read (A1:AD1000, 0-based inclusive): hidden sheets are never input,
 * only a 评分标准 sheet is read from one, and it fits in this many times over.
 */
export const HIDDEN_WINDOW = { top: 0, left: 0, bottom: 999, right: 29 } as const;

export function isCellError(value: CellValue): value is CellError {
  return typeof value === "object" && value !== null && "error" in value;
}

/** Column index (0-based) → letters: 0 → A, 27 → AB. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Letters → 0-based column index: A → 0, AB → 27. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0-based row/column → `C5`. */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

/** 0-based inclusive rectangle → `A1:I77`, or `C5` for one cell (both writers and the XML). */
export function rangeAddress(r: { top: number; left: number; bottom: number; right: number }) {
  const a = cellAddress(r.top, r.left);
  const b = cellAddress(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

/** Sheet-qualified address as users read it: `预算支出!C5` (no quotes, as in our messages). */
export function qualified(sheet: string, row: number, column: number): string {
  return `${sheet}!${cellAddress(row, column)}`;
}

/** Parses `A1`-style addresses (with or without `$`) → 0-based row/column. */
export function parseAddress(address: string): { row: number; column: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) return null;
  return { row: Number(m[2]) - 1, column: columnIndex(m[1]) };
}

/** `预算支出!C5` (or `'预 算'!C5`) → sheet and cell; null without a sheet. */
export function splitQualified(address: string): { sheet: string; cell: string } | null {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return null;
  const sheet = address
    .slice(0, bang)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  return { sheet, cell: address.slice(bang + 1) };
}
