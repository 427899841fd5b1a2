/**
 * What the Excel host knows of the open workbook between calls: the sheets the last read saw,
 * ours among them, and our last write. Shared by the reading half (in the pane's bundle) and
 * the writing half (`sheetWrites.ts`, fetched on the first write).
 */
import type { SheetRole } from "../ownership";
import type { WorkbookProtection } from "../snapshot";

export interface ExcelSession {
  /** Sheet names seen in the last read: lets the next read take one sync. */
  knownSheets: string[];
  /** Of those, the hidden ones (read only within their window). */
  hiddenSheets: string[];
  /** The sheets our markers pointed to at the last read. */
  owned: Partial<Record<SheetRole, string | null>>;
  /**
   * Worksheet ids by name at the last read. Our own sheet is deleted by id, so a sheet the
   * user put in its place since (same name, new id) can never be deleted by mistake.
   */
  ids: Record<string, string>;
  /** Whether `knownSheets` and `owned` are from a read (else a write must look first). */
  haveRead: boolean;
  /** When our last write finished, to tell our own change events from the user's. */
  lastWriteAt: number;
  /**
   * Ids of the summary sheets we created (and of one being built), whose change events are our
   * own. Not the settings sheet: the user edits its 值 column, which must recalculate.
   */
  writtenIds: Set<string>;
  /** A write is in progress (its new sheet's events may come before its id is known). */
  writing: boolean;
  /** 保护工作簿 / 只读 as the last read found them. */
  protection: WorkbookProtection | undefined;
}

export function newSession(): ExcelSession {
  return {
    knownSheets: [],
    hiddenSheets: [],
    owned: {},
    ids: {},
    haveRead: false,
    lastWriteAt: 0,
    writtenIds: new Set(),
    writing: false,
    protection: undefined,
  };
}
