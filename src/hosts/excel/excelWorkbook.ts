/**
 * The Excel JS API host: the only module that calls `Excel.run`. Components and hooks get a
 * WorkbookPort and never see the `Excel` global.
 */
import type { SheetLayout } from "../../layout/sheetLayout";
import { type SheetRole, outputSheets } from "../ownership";
import type { InsertResult, OwnedWrite, WorkbookPort, WriteResult } from "../port";
import { type WorkbookSnapshot, splitQualified } from "../snapshot";
import { type ExcelSession, newSession } from "./excelSession";
import { readSnapshot } from "./readSnapshot";
import type { SheetWrites } from "./sheetWrites";
import type { ExcelCapabilities } from "./writeLayout";

type Writer = typeof import("./sheetWrites");
/** Where the writing half comes from: loaded on the first write in the add-in's bundle. */
export type WriterLoader = () => Promise<Writer>;
let loadedWriter: Writer | undefined;

/**
 * The add-in's loader: a webpack chunk, fetched on the first write (reading and scoring never
 * need it). Outside webpack (Node scripts) pass a loader that returns the module imported.
 */
export const lazyWriter: WriterLoader = async () => {
  loadedWriter ??= await import(/* webpackChunkName: "sheet-layouts" */ "./sheetWrites");
  return loadedWriter;
};

/** `Excel.run` with the options we use, injectable so tests can pass the test double. */
export type ExcelRun = <T>(
  options: Excel.RunOptions,
  batch: (context: Excel.RequestContext) => Promise<T>
) => Promise<T>;

/**
 * The workbook's sheet names as the add-in saw them in an earlier session, kept in the
 * document (its add-in settings): the first read of a session then takes one sync instead of
 * two (sheet list, then ranges). A name that has gone since only costs the usual second look.
 */
export interface SheetListMemory {
  recall(): readonly string[];
  /** Called after our own write (the document is being changed anyway). */
  remember(names: readonly string[]): void;
}

const NO_MEMORY: SheetListMemory = { recall: () => [], remember: () => undefined };

/**
 * Estimated bytes per write request. Excel on the web refuses requests over 5 MB; the estimate
 * counts values, formats and operations, so a margin is left for what it does not see.
 */
export const WRITE_BUDGET_BYTES = 3_000_000;

/** Milliseconds after our own write during which change events are ours, not the user's. */
const OWN_WRITE_QUIET_MS = 1500;

/** The remembered names, or none when the memory cannot be read. */
function recalled(memory: SheetListMemory): readonly string[] {
  try {
    const names = memory.recall();
    return Array.isArray(names) && names.every((n) => typeof n === "string") ? names : [];
  } catch {
    return [];
  }
}

export class ExcelWorkbook implements WorkbookPort {
  /** What the last read and write learnt of the workbook; shared with the writing half. */
  private readonly s: ExcelSession = newSession();
  private writes: SheetWrites | undefined;

  constructor(
    private readonly run: ExcelRun,
    private readonly capabilities: ExcelCapabilities,
    private readonly writeBudgetBytes = WRITE_BUDGET_BYTES,
    private readonly writer: WriterLoader = lazyWriter,
    private readonly memory: SheetListMemory = NO_MEMORY,
    /** The workbook's file name (`documentFileName` in the add-in), "" when it has none. */
    private readonly fileName: () => string = () => ""
  ) {}

  read(): Promise<WorkbookSnapshot> {
    return this.run({ delayForCellEdit: true }, async (context) => {
      const known = this.s.knownSheets.length > 0 ? this.s.knownSheets : recalled(this.memory);
      const ours = outputSheets(this.s.owned);
      const { snapshot, sheetNames, hiddenNames, sheetIds } = await readSnapshot(context, {
        known,
        hidden: this.s.hiddenSheets,
        own: ours,
        withReadOnly: this.capabilities.dataValidation,
        withMerges: this.capabilities.mergedAreas === true,
      });
      this.s.protection = snapshot.protection;
      this.s.knownSheets = sheetNames;
      this.s.hiddenSheets = hiddenNames;
      this.s.ids = sheetIds;
      this.s.owned = { ...(snapshot.ownedSheets ?? {}) };
      this.s.haveRead = true;
      // Asked at each read: a new workbook may have been saved under a name since.
      const fileName = this.currentFileName();
      return fileName ? { ...snapshot, fileName } : snapshot;
    });
  }

  /** The file's name, or "" when the host cannot tell it (never a failed read for that). */
  private currentFileName(): string {
    try {
      return this.fileName();
    } catch {
      return "";
    }
  }

  /** The writing half, fetched on the first write; it shares this host's session. */
  private async sheetWrites(): Promise<SheetWrites> {
    const { SheetWrites } = await this.writer();
    this.writes ??= new SheetWrites(
      this.s,
      this.run,
      this.capabilities,
      this.writeBudgetBytes,
      () => this.rememberSheets()
    );
    return this.writes;
  }

  async insertSheets(layouts: readonly SheetLayout[]): Promise<InsertResult> {
    return (await this.sheetWrites()).insertSheets(layouts);
  }

  /**
   * One sync when the sheet list and markers are known from the read just before (the
   * recalculation path); a summary too large for one request is written in row blocks.
   */
  async writeOwnedSheet(layout: SheetLayout, role?: SheetRole): Promise<WriteResult> {
    return (await this.sheetWrites()).writeOwnedSheet(layout, role);
  }

  /** Several of our sheets in one request when together they fit the request budget. */
  async writeOwnedSheets(writes: readonly OwnedWrite[]): Promise<WriteResult[]> {
    return (await this.sheetWrites()).writeOwnedSheets(writes);
  }

  /** Keeps the sheet list in the document for the next session's first read (when changed). */
  private rememberSheets(): void {
    const recall = recalled(this.memory);
    if (recall.join("\u0000") !== this.s.knownSheets.join("\u0000"))
      this.memory.remember(this.s.knownSheets);
  }

  /** One sync: a missing sheet fails the batch (ItemNotFound), which means “cannot select”. */
  async selectCell(address: string): Promise<boolean> {
    const target = splitQualified(address);
    if (!target) return false;
    try {
      return await this.run({ delayForCellEdit: true }, async (context) => {
        context.workbook.worksheets.getItem(target.sheet).getRange(target.cell).select();
        await context.sync();
        return true;
      });
    } catch (error) {
      if ((error as { code?: string }).code === "ItemNotFound") return false;
      throw error;
    }
  }

  /**
   * Whether a change event on the sheet `worksheetId` can be the user's. Our writes touch only
   * sheets we created, so an edit of any other sheet the last read knew is the user's, even in
   * the middle of a long write; events on our own sheets are ours. A sheet we do not know yet
   * (a new one) counts as ours for a moment after a write, and as the user's after it.
   */
  private isUserEdit(worksheetId: string | undefined): boolean {
    if (worksheetId && this.s.writtenIds.has(worksheetId)) return false;
    const known = worksheetId !== undefined && Object.values(this.s.ids).includes(worksheetId);
    if (known) return true;
    // A sheet not known yet: ours while we write (its id is learnt only after the sync).
    return !this.s.writing && Date.now() - this.s.lastWriteAt >= OWN_WRITE_QUIET_MS;
  }

  /**
   * Registers `worksheets.onChanged` (ExcelApi 1.9). Events on the sheets we write are ignored
   * (see isUserEdit); the handler only says "something changed": the caller re-reads.
   */
  async subscribeToEdits(onChange: () => void): Promise<(() => Promise<void>) | null> {
    if (!this.capabilities.pageLayout) return null; // same 1.9 floor as WorksheetCollection.onChanged
    let handler: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null = null;
    // Once switched off, an event still in flight (or a handler Excel failed to remove) is ignored.
    let active = true;
    await this.run({ delayForCellEdit: true }, async (context) => {
      // Older hosts (and test doubles) without the event: no auto-recalculation.
      if (!context.workbook.worksheets.onChanged) return;
      handler = context.workbook.worksheets.onChanged.add(async (event) => {
        if (active && this.isUserEdit(event?.worksheetId)) onChange();
      });
      await context.sync();
    });
    if (!handler) return null;
    const added = handler as OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>;
    return async () => {
      if (!active) return;
      active = false;
      // A handler is removed through the context it was added with (office.js sends the removal
      // with that context's session; a new context's sync would not carry it).
      await this.run(
        { delayForCellEdit: true, previousObjects: added.context },
        async (context) => {
          added.remove();
          await context.sync();
        }
      );
    };
  }
}
