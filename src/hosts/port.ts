/**
 * The one narrow port between the pipeline and a host workbook. The Excel JS API adapter
 * (task pane, ribbon) and the ExcelJS adapter (command line, playground) both implement it.
 */
import type { SheetLayout } from "../layout/sheetLayout";
import type { SheetRole } from "./ownership";
import type { WorkbookSnapshot } from "./snapshot";

/**
 * The workbook's structure is protected (保护工作簿): adding or replacing a sheet would be
 * refused, so a host does not try. `describeError` words it for the user.
 */
export class StructureProtectedError extends Error {
  readonly code = "WorkbookStructureProtected";
  constructor() {
    super("工作簿结构受保护，不能添加或替换工作表");
  }
}

export interface InsertResult {
  /** Sheets added. */
  added: string[];
  /** Sheets not added because a sheet of that name exists (never overwritten). */
  clashes: string[];
  /** Features left out because the host lacks them (e.g. 数据验证 before ExcelApi 1.8). */
  skipped: string[];
}

export interface WriteResult {
  /** The sheet written. */
  sheet: string;
  /** An earlier summary of ours was replaced. */
  replaced: boolean;
  /** A sheet we did not create holds the preferred name; we wrote beside it. */
  besideForeign?: string;
  /** Our earlier sheet, renamed by the user: left with the earlier result (ownership.ts). */
  keptRenamed?: string;
  /** Features left out because the host lacks them. */
  skipped: string[];
}

/** One of our sheets to write, with the role that owns it. */
export interface OwnedWrite {
  layout: SheetLayout;
  role: SheetRole;
}

export interface WorkbookPort {
  /** Reads every sheet's used range. */
  read(): Promise<WorkbookSnapshot>;
  /** Adds sheets laid out as data; existing sheets are never touched. */
  insertSheets(layouts: readonly SheetLayout[]): Promise<InsertResult>;
  /**
   * Writes the add-in's own sheet (the summary): replaces our earlier one, never a sheet we
   * did not create (then it writes beside it under another name), changes nothing else.
   */
  writeOwnedSheet(layout: SheetLayout, role?: SheetRole): Promise<WriteResult>;
  /**
   * Several of our sheets at once, results in the same order; a host that pays per round trip
   * (Excel) writes them in one request. Absent: the pipeline writes them one by one.
   */
  writeOwnedSheets?(writes: readonly OwnedWrite[]): Promise<WriteResult[]>;
  /** Selects a cell (`预算支出!C5`) for the user, activating its sheet. False if the host cannot. */
  selectCell(address: string): Promise<boolean>;
  /**
   * Calls `onChange` when the user edits the workbook (not when the add-in writes). Returns
   * an unsubscribe function, or null when the host cannot report edits.
   */
  subscribeToEdits?(onChange: () => void): Promise<(() => Promise<void>) | null>;
}
