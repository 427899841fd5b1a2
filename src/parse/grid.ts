/**
 * A read-only view of one sheet snapshot in absolute coordinates, with the text helpers the
 * table finder needs (normalised header text, blank tests).
 */
import { toHalfWidth } from "../model/numbers";
import {
  type CellValue,
  type MergedArea,
  type SheetSnapshot,
  cellAddress,
  isCellError,
} from "../hosts/snapshot";
import type { RowMemo } from "./tables";

export class Grid {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  readonly hidden: boolean;
  /** What the table finder worked out about the rows, kept as long as the grid (tables.ts). */
  finderMemo?: RowMemo;

  constructor(private readonly sheet: SheetSnapshot) {
    this.name = sheet.name;
    this.hidden = sheet.hidden === true;
    this.top = sheet.top;
    this.left = sheet.left;
    this.bottom = sheet.top + sheet.values.length - 1;
    const width = sheet.values.reduce((w, row) => Math.max(w, row.length), 0);
    this.right = sheet.left + width - 1;
  }

  value(row: number, column: number): CellValue {
    const r = this.sheet.values[row - this.top];
    if (!r) return null;
    const v = r[column - this.left];
    return v === undefined || v === "" ? null : v;
  }

  numberFormat(row: number, column: number): string {
    return this.sheet.numberFormats?.[row - this.top]?.[column - this.left] ?? "General";
  }

  /** The cell's text as shown, trimmed; "" for empty. Errors show as their code. */
  text(row: number, column: number): string {
    const v = this.value(row, column);
    if (v === null) return "";
    if (isCellError(v)) return v.error;
    return String(v).trim();
  }

  /** Normalised text for matching headers and labels: half-width, no spaces or quotes. */
  key(row: number, column: number): string {
    return normalizeLabel(this.text(row, column));
  }

  isBlankRow(row: number, columns?: readonly number[]): boolean {
    if (!columns) return this.filledIn(row) === 0;
    return columns.every((c) => this.value(row, c) === null);
  }

  /** How many of the row's cells hold a value (0 outside the sheet). */
  filledIn(row: number): number {
    return this.counts().filled[row - this.top] ?? 0;
  }

  /** How many of the row's cells hold a number (0 outside the sheet). */
  numbersIn(row: number): number {
    return this.counts().numbers[row - this.top] ?? 0;
  }

  /** Filled and numeric cells per row, counted once: the table finder asks for every row often. */
  private rowCounts?: { filled: number[]; numbers: number[] };
  private counts(): { filled: number[]; numbers: number[] } {
    if (this.rowCounts) return this.rowCounts;
    const filled: number[] = [];
    const numbers: number[] = [];
    // `for … of` reads a missing row or cell as undefined, as `value` does (empty).
    for (const row of this.sheet.values) {
      let f = 0;
      let n = 0;
      for (const v of row ?? []) {
        if (v === undefined || v === null || v === "") continue;
        f++;
        if (typeof v === "number") n++;
      }
      filled.push(f);
      numbers.push(n);
    }
    this.rowCounts = { filled, numbers };
    return this.rowCounts;
  }

  address(row: number, column: number): string {
    return cellAddress(row, column);
  }

  /**
   * The first cell of the merged area that covers this one from above (a 得分说明 merged over
   * 三级 rows), none for a cell merged with none above it or where the host reports no merges.
   */
  mergedFrom(row: number, column: number): { row: number; column: number } | null {
    const areas = this.mergesByColumn().get(column);
    if (!areas) return null;
    // Areas never overlap: the last one starting at or above the row is the only candidate.
    let low = 0;
    let high = areas.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((areas[mid] as MergedArea).top <= row) low = mid;
      else high = mid - 1;
    }
    const area = areas[low] as MergedArea;
    if (area.top >= row || area.bottom < row) return null;
    return { row: area.top, column: area.left };
  }

  /** Merged areas over more than one row, by each column they cover, top first. */
  private byColumn?: Map<number, MergedArea[]>;
  private mergesByColumn(): Map<number, MergedArea[]> {
    if (this.byColumn) return this.byColumn;
    const byColumn = new Map<number, MergedArea[]>();
    for (const area of this.sheet.merges ?? []) {
      if (area.bottom <= area.top) continue;
      const last = Math.min(area.right, this.right);
      for (let c = Math.max(area.left, this.left); c <= last; c++) {
        const areas = byColumn.get(c);
        if (areas) areas.push(area);
        else byColumn.set(c, [area]);
      }
    }
    for (const areas of byColumn.values()) areas.sort((a, b) => a.top - b.top);
    this.byColumn = byColumn;
    return byColumn;
  }
}

export function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

/** For headers and labels: half-width, no whitespace, no quotes, no trailing colon. */
export function normalizeLabel(text: string): string {
  // Numbers and other plain ASCII (most cells of a large sheet) are their own label.
  if (ALREADY_LABEL.test(text)) return text;
  let label = labels.get(text);
  if (label === undefined) {
    if (labels.size >= 50_000) labels.clear();
    label = toHalfWidth(text.normalize("NFKC"))
      .replace(/[\s"'“”‘’「」]/g, "")
      .replace(/[:：]$/, "");
    labels.set(text, label);
  }
  return label;
}

/** Printable ASCII without spaces or quotes, not ending in a colon: unchanged by normalising. */
const ALREADY_LABEL = /^[!#-&(-~]*[!#-&(-9;-~]$/;

/** Labels already normalised: a workbook repeats the same few hundred (每张项目表的表头). */
const labels = new Map<string, string>();
