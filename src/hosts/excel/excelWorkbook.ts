/**
 * The Excel JS API host: the only module that calls `Excel.run`. Components and hooks get a
 * WorkbookPort and never see the `Excel` global.
 */
import { type SheetLayout, materialized } from "../../layout/sheetLayout";
import {
  OWNER_NAMES,
  type SheetRole,
  type WritePlan,
  candidateNames,
  outputSheets,
  planSummaryWrite,
} from "../ownership";
import {
  type InsertResult,
  type OwnedWrite,
  StructureProtectedError,
  type WorkbookPort,
  type WriteResult,
} from "../port";
import { type WorkbookProtection, type WorkbookSnapshot, splitQualified } from "../snapshot";
import { ownedFromMarkers, queueMarkers, readSnapshot } from "./readSnapshot";
import type { ExcelCapabilities, RowBlock, StyleRun } from "./writeLayout";

type Writer = typeof import("./writeLayout");
/** Where the layout writer comes from: loaded on the first write in the add-in's bundle. */
export type WriterLoader = () => Promise<Writer>;
let loadedWriter: Writer | undefined;

/**
 * The add-in's loader: a webpack chunk, fetched on the first write (reading and scoring never
 * need it). Outside webpack (Node scripts) pass a loader that returns the module imported.
 */
export const lazyWriter: WriterLoader = async () => {
  loadedWriter ??= await import(/* webpackChunkName: "sheet-layouts" */ "./writeLayout");
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

/** How the name of a summary being built starts after the summary's own: `绩效自评汇总（生成中）`. */
const BUILDING_MARK = "（生成中";

/** Milliseconds after our own write during which change events are ours, not the user's. */
const OWN_WRITE_QUIET_MS = 1500;

const MARKER_COMMENTS: Record<SheetRole, string> = {
  summary: "绩效自评助手生成的汇总表（请勿删除此名称）",
  settings: "绩效自评助手的设置表（请勿删除此名称）",
  projects: "绩效自评助手生成的项目自评汇总表（请勿删除此名称）",
  checklist: "绩效自评助手生成的核对清单（请勿删除此名称）",
  report: "绩效自评助手生成的自评报告草稿（请勿删除此名称）",
};

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
  /** Sheet names seen in the last read: lets the next read take one sync. */
  private knownSheets: string[] = [];
  /** Of those, the hidden ones (read only within their window). */
  private hiddenSheets: string[] = [];
  /** The sheets our markers pointed to at the last read. */
  private owned: Partial<Record<SheetRole, string | null>> = {};
  /**
   * Worksheet ids by name at the last read. Our own sheet is deleted by id, so a sheet the
   * user put in its place since (same name, new id) can never be deleted by mistake.
   */
  private ids: Record<string, string> = {};
  /** Whether `knownSheets` and `owned` are from a read (else a write must look first). */
  private haveRead = false;
  /** When our last write finished, to tell our own change events from the user's. */
  private lastWriteAt = 0;
  /**
   * Ids of the summary sheets we created (and of one being built), whose change events are our
   * own. Not the settings sheet: the user edits its 值 column, which must recalculate.
   */
  private readonly writtenIds = new Set<string>();
  /** A write is in progress (its new sheet's events may come before its id is known). */
  private writing = false;
  /** 保护工作簿 / 只读 as the last read found them. */
  private protection: WorkbookProtection | undefined;

  constructor(
    private readonly run: ExcelRun,
    private readonly capabilities: ExcelCapabilities,
    private readonly writeBudgetBytes = WRITE_BUDGET_BYTES,
    private readonly writer: WriterLoader = lazyWriter,
    private readonly memory: SheetListMemory = NO_MEMORY
  ) {}

  read(): Promise<WorkbookSnapshot> {
    return this.run({ delayForCellEdit: true }, async (context) => {
      const known = this.knownSheets.length > 0 ? this.knownSheets : recalled(this.memory);
      const ours = outputSheets(this.owned);
      const { snapshot, sheetNames, hiddenNames, sheetIds } = await readSnapshot(context, {
        known,
        hidden: this.hiddenSheets,
        own: ours,
        withReadOnly: this.capabilities.dataValidation,
      });
      this.protection = snapshot.protection;
      this.knownSheets = sheetNames;
      this.hiddenSheets = hiddenNames;
      this.ids = sheetIds;
      this.owned = { ...(snapshot.ownedSheets ?? {}) };
      this.haveRead = true;
      return snapshot;
    });
  }

  async insertSheets(layouts: readonly SheetLayout[]): Promise<InsertResult> {
    const w = await this.writer();
    return this.run({ delayForCellEdit: true }, async (context) => {
      await this.refuseIfProtected(context);
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const existing = new Set(sheets.items.map((s) => s.name));
      const result: InsertResult = { added: [], clashes: [], skipped: [] };
      for (const layout of layouts) {
        if (existing.has(layout.name)) {
          result.clashes.push(layout.name);
          continue;
        }
        const sheet = sheets.add(layout.name);
        for (const note of w.queueLayout(sheet, layout, this.capabilities)) {
          if (!result.skipped.includes(note)) result.skipped.push(note);
        }
        result.added.push(layout.name);
      }
      await context.sync();
      this.knownSheets = [...this.knownSheets, ...result.added];
      this.lastWriteAt = Date.now();
      return result;
    });
  }

  /**
   * One sync when the sheet list and markers are known from the read just before (the
   * recalculation path); the ownership check then costs nothing extra. If the workbook
   * changed in between (a sheet of that name appeared), it looks again and retries once.
   * A summary too large for one request (over about 3 MB: some 20,000 project rows) is
   * written in row blocks, one more sync per block.
   */
  async writeOwnedSheet(given: SheetLayout, role: SheetRole = "summary"): Promise<WriteResult> {
    const layout = materialized(given);
    const w = await this.writer();
    const result = await this.run({ delayForCellEdit: true }, async (context) => {
      if (!this.haveRead) await this.refreshNames(context);
      await this.refuseIfProtected(context);
      try {
        return await this.queueOwnedWrite(context, layout, role, w);
      } catch (error) {
        // The workbook changed since we looked (a sheet of that name appeared, or ours was
        // deleted or replaced): look again, and plan again.
        const code = (error as { code?: string }).code;
        if (code !== "ItemAlreadyExists" && code !== "ItemNotFound") throw error;
        await this.refreshNames(context);
        return this.queueOwnedWrite(context, layout, role, w);
      }
    });
    this.rememberSheets();
    return result;
  }

  /** Keeps the sheet list in the document for the next session's first read (when changed). */
  private rememberSheets(): void {
    const recall = recalled(this.memory);
    if (recall.join("\u0000") !== this.knownSheets.join("\u0000"))
      this.memory.remember(this.knownSheets);
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
    if (worksheetId && this.writtenIds.has(worksheetId)) return false;
    const known = worksheetId !== undefined && Object.values(this.ids).includes(worksheetId);
    if (known) return true;
    // A sheet not known yet: ours while we write (its id is learnt only after the sync).
    return !this.writing && Date.now() - this.lastWriteAt >= OWN_WRITE_QUIET_MS;
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

  /**
   * Every write adds or replaces a sheet: with the structure protected, none is tried. Costs
   * nothing when the last look found it unprotected; else one sync to see whether it still is
   * (the user may have lifted the protection since).
   */
  private async refuseIfProtected(context: Excel.RequestContext): Promise<void> {
    if (!this.protection?.structure) return;
    const protection = context.workbook.protection;
    protection.load("protected");
    await context.sync();
    this.protection = { ...this.protection, structure: protection.protected === true };
    if (this.protection.structure) throw new StructureProtectedError();
  }

  private async refreshNames(context: Excel.RequestContext): Promise<void> {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name, items/id");
    const markers = queueMarkers(context);
    const protection = context.workbook.protection;
    protection.load("protected");
    await context.sync();
    this.protection = { structure: protection.protected === true, readOnly: false };
    this.knownSheets = sheets.items.map((s) => s.name);
    this.ids = Object.fromEntries(sheets.items.map((s) => [s.name, s.id]));
    this.owned = ownedFromMarkers(markers, this.knownSheets);
    this.haveRead = true;
  }

  private async queueOwnedWrite(
    context: Excel.RequestContext,
    layout: SheetLayout,
    role: SheetRole,
    w: Writer
  ): Promise<WriteResult> {
    const plan = planSummaryWrite(this.knownSheets, this.owned[role], layout.name);
    const target = { ...layout, name: plan.target };
    // The style runs once: they size the blocks and are then queued.
    const runs = w.styleRuns(target.cells);
    const blocks = w.rowBlocks(target, this.writeBudgetBytes, runs);
    this.queueLeftoverRemoval(context, target.name);
    this.writing = true;
    let skipped: string[];
    try {
      skipped =
        blocks.length === 1
          ? await this.writeInOneRequest(context, target, plan.replace, role, runs, w)
          : await this.writeInBlocks(context, target, plan.replace, role, blocks, runs, w);
    } finally {
      this.writing = false;
      this.lastWriteAt = Date.now();
    }
    return this.written(plan, role, skipped);
  }

  /** After a write: the sheet is known and ours for its role; what the caller is told. */
  private written(plan: WritePlan, role: SheetRole, skipped: string[]): WriteResult {
    if (!plan.replace) this.knownSheets = [...this.knownSheets, plan.target];
    this.owned[role] = plan.target;
    return {
      sheet: plan.target,
      replaced: plan.replace,
      besideForeign: plan.besideForeign,
      keptRenamed: plan.keptRenamed,
      skipped,
    };
  }

  /**
   * Queues the removal of hidden sheets a block write left behind when it was cut short (the
   * pane closed half-way): `绩效自评汇总（生成中）`, ….
   */
  private queueLeftoverRemoval(context: Excel.RequestContext, name: string): void {
    const leftovers = this.knownSheets.filter((n) => n.startsWith(`${name}${BUILDING_MARK}`));
    for (const n of leftovers) context.workbook.worksheets.getItem(this.ids[n] ?? n).delete();
    if (leftovers.length > 0)
      this.knownSheets = this.knownSheets.filter((n) => !leftovers.includes(n));
  }

  /** Queues the removal of our earlier sheet (first in a batch: it fails if the sheet is gone). */
  private queueRemoval(
    context: Excel.RequestContext,
    name: string,
    replace: boolean,
    role: SheetRole
  ) {
    if (replace) context.workbook.worksheets.getItem(this.ids[name] ?? name).delete();
    context.workbook.names.getItemOrNullObject(OWNER_NAMES[role]).delete();
  }

  /** Marks `sheet` as ours and shows it. */
  private queueMarking(context: Excel.RequestContext, sheet: Excel.Worksheet, role: SheetRole) {
    context.workbook.names.add(OWNER_NAMES[role], sheet.getRange("A1"), MARKER_COMMENTS[role]);
    if (role === "summary") sheet.activate();
  }

  /** The usual write: the old sheet replaced by the new one in one request. */
  private async writeInOneRequest(
    context: Excel.RequestContext,
    layout: SheetLayout,
    replace: boolean,
    role: SheetRole,
    runs: readonly StyleRun[],
    w: Writer
  ): Promise<string[]> {
    const queued = this.queueReplacement(context, layout, replace, role, runs, w);
    await context.sync();
    this.learnId(layout.name, role, queued.sheet);
    return queued.skipped;
  }

  /** Queues the old sheet's removal and the new one's writing and marking; no sync. */
  private queueReplacement(
    context: Excel.RequestContext,
    layout: SheetLayout,
    replace: boolean,
    role: SheetRole,
    runs: readonly StyleRun[],
    w: Writer
  ): { sheet: Excel.Worksheet; skipped: string[] } {
    this.queueRemoval(context, layout.name, replace, role);
    const sheet = context.workbook.worksheets.add(layout.name);
    sheet.load("id");
    const skipped = w.queueLayout(sheet, layout, this.capabilities, runs);
    this.queueMarking(context, sheet, role);
    return { sheet, skipped };
  }

  /** After the sync: the new sheet's id, and (but for settings) its events are ours. */
  private learnId(name: string, role: SheetRole, sheet: Excel.Worksheet): void {
    this.ids[name] = sheet.id;
    if (role !== "settings") this.writtenIds.add(sheet.id);
  }

  /**
   * Several of our sheets in one request (a 重新计算's summary and 核对清单), when together they
   * fit the request budget: the recalculation stays one read and one write. Larger ones, or a
   * workbook changed since the read, are written one after the other.
   */
  async writeOwnedSheets(given: readonly OwnedWrite[]): Promise<WriteResult[]> {
    const writes = given.map((x) => ({ ...x, layout: materialized(x.layout) }));
    const w = await this.writer();
    // The style runs once: they size the request and are then queued.
    const runs = writes.map((x) => w.styleRuns(x.layout.cells));
    const bytes = writes.reduce((sum, x, i) => sum + w.requestBytes(x.layout, runs[i]), 0);
    const together = writes.length > 1 && bytes <= this.writeBudgetBytes;
    const results = together
      ? await this.run({ delayForCellEdit: true }, async (context) => {
          if (!this.haveRead) await this.refreshNames(context);
          await this.refuseIfProtected(context);
          try {
            return await this.writeTogether(context, writes, runs, w);
          } catch (error) {
            // A batch is not atomic: part of it may have landed. Look again, whatever happened.
            await this.refreshNames(context).catch(() => undefined);
            const code = (error as { code?: string }).code;
            if (code !== "ItemAlreadyExists" && code !== "ItemNotFound") throw error;
            return null;
          }
        })
      : null;
    if (results) {
      this.rememberSheets();
      return results;
    }
    const one: WriteResult[] = [];
    for (const x of writes) one.push(await this.writeOwnedSheet(x.layout, x.role));
    return one;
  }

  private async writeTogether(
    context: Excel.RequestContext,
    writes: readonly OwnedWrite[],
    runs: readonly (readonly StyleRun[])[],
    w: Writer
  ): Promise<WriteResult[]> {
    const queued = writes.map(({ layout, role }, i) => {
      const plan = planSummaryWrite(this.knownSheets, this.owned[role], layout.name);
      const target = { ...layout, name: plan.target };
      this.queueLeftoverRemoval(context, target.name);
      const queued = this.queueReplacement(context, target, plan.replace, role, runs[i], w);
      return { plan, role, ...queued };
    });
    this.writing = true;
    try {
      await context.sync();
    } finally {
      this.writing = false;
      this.lastWriteAt = Date.now();
    }
    return queued.map(({ plan, role, sheet, skipped }) => {
      this.learnId(plan.target, role, sheet);
      return this.written(plan, role, skipped);
    });
  }

  /**
   * A sheet too large for one request: built hidden under a name of its own, one request per
   * row block, and only then put in the old one's place (delete, rename, mark, show) in a last
   * request. If any request fails, the unfinished sheet is removed and the earlier summary is
   * still there, untouched.
   */
  private async writeInBlocks(
    context: Excel.RequestContext,
    layout: SheetLayout,
    replace: boolean,
    role: SheetRole,
    [first, ...rest]: RowBlock[],
    runs: readonly StyleRun[],
    w: Writer
  ): Promise<string[]> {
    const building =
      candidateNames(`${layout.name}${BUILDING_MARK}）`).find(
        (n) => !this.knownSheets.includes(n)
      ) ?? `${layout.name}${BUILDING_MARK}${Date.now() % 100000}）`;
    const sheet = context.workbook.worksheets.add(building);
    sheet.visibility = "Hidden";
    sheet.load("id");
    const skipped = w.queueSheetSetup(sheet, layout, this.capabilities);
    w.queueRows(sheet, layout, first, runs);
    await context.sync();
    this.writtenIds.add(sheet.id);
    try {
      for (const block of rest) {
        w.queueRows(sheet, layout, block, runs);
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- each block must be its own request
        await context.sync();
        this.lastWriteAt = Date.now();
      }
      this.queueRemoval(context, layout.name, replace, role);
      sheet.name = layout.name;
      sheet.visibility = "Visible";
      this.queueMarking(context, sheet, role);
      await context.sync();
    } catch (error) {
      try {
        sheet.delete();
        await context.sync();
      } catch {
        // Already gone: nothing of ours is left behind.
      }
      throw error;
    }
    this.ids[layout.name] = sheet.id;
    return skipped;
  }
}
