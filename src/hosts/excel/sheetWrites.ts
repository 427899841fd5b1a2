/**
 * The Excel host's writing half: our sheets added, replaced and marked, in one request or in
 * row blocks. Fetched as the `sheet-layouts` chunk on the first write (reading and scoring
 * never need it); `ExcelWorkbook` holds the session both halves share.
 */
import { type SheetLayout, materialized } from "../../layout/sheetLayout";
import {
  OWNER_NAMES,
  type SheetRole,
  type WritePlan,
  candidateNames,
  planSummaryWrite,
  writeResultOf,
} from "../ownership";
import {
  type InsertResult,
  type OwnedWrite,
  StructureProtectedError,
  type WriteResult,
} from "../port";
import type { ExcelRun } from "./excelWorkbook";
import type { ExcelSession } from "./excelSession";
import { ownedFromMarkers, queueMarkers } from "./readSnapshot";
import {
  type ExcelCapabilities,
  type RowBlock,
  type StyleRun,
  queueLayout,
  queueRows,
  queueSheetSetup,
  requestBytes,
  rowBlocks,
  styleRuns,
} from "./writeLayout";

/** How the name of a summary being built starts after the summary's own: `绩效自评汇总（生成中）`. */
export const BUILDING_MARK = "（生成中";

const MARKER_COMMENTS: Record<SheetRole, string> = {
  summary: "绩效自评助手生成的汇总表（请勿删除此名称）",
  settings: "绩效自评助手的设置表（请勿删除此名称）",
  projects: "绩效自评助手生成的项目自评汇总表（请勿删除此名称）",
  checklist: "绩效自评助手生成的核对清单（请勿删除此名称）",
  report: "绩效自评助手生成的自评报告草稿（请勿删除此名称）",
};

export class SheetWrites {
  constructor(
    private readonly s: ExcelSession,
    private readonly run: ExcelRun,
    private readonly capabilities: ExcelCapabilities,
    private readonly writeBudgetBytes: number,
    /** Called after each write that landed (the sheet list is kept for the next session). */
    private readonly afterWrite: () => void
  ) {}
  async insertSheets(layouts: readonly SheetLayout[]): Promise<InsertResult> {
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
        for (const note of queueLayout(sheet, layout, this.capabilities)) {
          if (!result.skipped.includes(note)) result.skipped.push(note);
        }
        result.added.push(layout.name);
      }
      await context.sync();
      this.s.knownSheets = [...this.s.knownSheets, ...result.added];
      this.s.lastWriteAt = Date.now();
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
    const result = await this.run({ delayForCellEdit: true }, async (context) => {
      if (!this.s.haveRead) await this.refreshNames(context);
      await this.refuseIfProtected(context);
      try {
        return await this.queueOwnedWrite(context, layout, role);
      } catch (error) {
        // The workbook changed since we looked (a sheet of that name appeared, or ours was
        // deleted or replaced): look again, and plan again.
        const code = (error as { code?: string }).code;
        if (code !== "ItemAlreadyExists" && code !== "ItemNotFound") throw error;
        await this.refreshNames(context);
        return this.queueOwnedWrite(context, layout, role);
      }
    });
    this.afterWrite();
    return result;
  }

  /**
   * Every write adds or replaces a sheet: with the structure protected, none is tried. Costs
   * nothing when the last look found it unprotected; else one sync to see whether it still is
   * (the user may have lifted the protection since).
   */
  private async refuseIfProtected(context: Excel.RequestContext): Promise<void> {
    if (!this.s.protection?.structure) return;
    const protection = context.workbook.protection;
    protection.load("protected");
    await context.sync();
    this.s.protection = { ...this.s.protection, structure: protection.protected === true };
    if (this.s.protection.structure) throw new StructureProtectedError();
  }

  private async refreshNames(context: Excel.RequestContext): Promise<void> {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name, items/id");
    const markers = queueMarkers(context);
    const protection = context.workbook.protection;
    protection.load("protected");
    await context.sync();
    this.s.protection = { structure: protection.protected === true, readOnly: false };
    this.s.knownSheets = sheets.items.map((s) => s.name);
    this.s.ids = Object.fromEntries(sheets.items.map((s) => [s.name, s.id]));
    this.s.owned = ownedFromMarkers(markers, this.s.knownSheets);
    this.s.haveRead = true;
  }

  private async queueOwnedWrite(
    context: Excel.RequestContext,
    layout: SheetLayout,
    role: SheetRole
  ): Promise<WriteResult> {
    const plan = planSummaryWrite(this.s.knownSheets, this.s.owned[role], layout.name);
    const target = { ...layout, name: plan.target };
    // The style runs once: they size the blocks and are then queued.
    const runs = styleRuns(target.cells);
    const blocks = rowBlocks(target, this.writeBudgetBytes, runs);
    this.queueLeftoverRemoval(context, target.name);
    this.s.writing = true;
    let skipped: string[];
    try {
      skipped =
        blocks.length === 1
          ? await this.writeInOneRequest(context, target, plan.replace, role, runs)
          : await this.writeInBlocks(context, target, plan.replace, role, blocks, runs);
    } finally {
      this.s.writing = false;
      this.s.lastWriteAt = Date.now();
    }
    return this.written(plan, role, skipped);
  }

  /** After a write: the sheet is known and ours for its role; what the caller is told. */
  private written(plan: WritePlan, role: SheetRole, skipped: string[]): WriteResult {
    if (!plan.replace) this.s.knownSheets = [...this.s.knownSheets, plan.target];
    this.s.owned[role] = plan.target;
    return writeResultOf(plan, skipped);
  }

  /**
   * Queues the removal of hidden sheets a block write left behind when it was cut short (the
   * pane closed half-way): `绩效自评汇总（生成中）`, ….
   */
  private queueLeftoverRemoval(context: Excel.RequestContext, name: string): void {
    const leftovers = this.s.knownSheets.filter((n) => n.startsWith(`${name}${BUILDING_MARK}`));
    for (const n of leftovers) context.workbook.worksheets.getItem(this.s.ids[n] ?? n).delete();
    if (leftovers.length > 0)
      this.s.knownSheets = this.s.knownSheets.filter((n) => !leftovers.includes(n));
  }

  /** Queues the removal of our earlier sheet (first in a batch: it fails if the sheet is gone). */
  private queueRemoval(
    context: Excel.RequestContext,
    name: string,
    replace: boolean,
    role: SheetRole
  ) {
    if (replace) context.workbook.worksheets.getItem(this.s.ids[name] ?? name).delete();
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
    runs: readonly StyleRun[]
  ): Promise<string[]> {
    const queued = this.queueReplacement(context, layout, replace, role, runs);
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
    runs: readonly StyleRun[]
  ): { sheet: Excel.Worksheet; skipped: string[] } {
    this.queueRemoval(context, layout.name, replace, role);
    const sheet = context.workbook.worksheets.add(layout.name);
    sheet.load("id");
    const skipped = queueLayout(sheet, layout, this.capabilities, runs);
    this.queueMarking(context, sheet, role);
    return { sheet, skipped };
  }

  /** After the sync: the new sheet's id, and (but for settings) its events are ours. */
  private learnId(name: string, role: SheetRole, sheet: Excel.Worksheet): void {
    this.s.ids[name] = sheet.id;
    if (role !== "settings") this.s.writtenIds.add(sheet.id);
  }

  /**
   * Several of our sheets in one request (a 重新计算's summary and 核对清单), when together they
   * fit the request budget: the recalculation stays one read and one write. Larger ones, or a
   * workbook changed since the read, are written one after the other.
   */
  async writeOwnedSheets(given: readonly OwnedWrite[]): Promise<WriteResult[]> {
    const writes = given.map((x) => ({ ...x, layout: materialized(x.layout) }));
    // The style runs once: they size the request and are then queued.
    const runs = writes.map((x) => styleRuns(x.layout.cells));
    const bytes = writes.reduce((sum, x, i) => sum + requestBytes(x.layout, runs[i]), 0);
    const together = writes.length > 1 && bytes <= this.writeBudgetBytes;
    const results = together
      ? await this.run({ delayForCellEdit: true }, async (context) => {
          if (!this.s.haveRead) await this.refreshNames(context);
          await this.refuseIfProtected(context);
          try {
            return await this.writeTogether(context, writes, runs);
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
      this.afterWrite();
      return results;
    }
    const one: WriteResult[] = [];
    for (const x of writes) one.push(await this.writeOwnedSheet(x.layout, x.role));
    return one;
  }

  private async writeTogether(
    context: Excel.RequestContext,
    writes: readonly OwnedWrite[],
    runs: readonly (readonly StyleRun[])[]
  ): Promise<WriteResult[]> {
    const queued = writes.map(({ layout, role }, i) => {
      const plan = planSummaryWrite(this.s.knownSheets, this.s.owned[role], layout.name);
      const target = { ...layout, name: plan.target };
      this.queueLeftoverRemoval(context, target.name);
      const queued = this.queueReplacement(context, target, plan.replace, role, runs[i]);
      return { plan, role, ...queued };
    });
    this.s.writing = true;
    try {
      await context.sync();
    } finally {
      this.s.writing = false;
      this.s.lastWriteAt = Date.now();
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
    runs: readonly StyleRun[]
  ): Promise<string[]> {
    const building =
      candidateNames(`${layout.name}${BUILDING_MARK}）`).find(
        (n) => !this.s.knownSheets.includes(n)
      ) ?? `${layout.name}${BUILDING_MARK}${Date.now() % 100000}）`;
    const sheet = context.workbook.worksheets.add(building);
    sheet.visibility = "Hidden";
    sheet.load("id");
    const skipped = queueSheetSetup(sheet, layout, this.capabilities);
    queueRows(sheet, layout, first, runs);
    await context.sync();
    this.s.writtenIds.add(sheet.id);
    try {
      for (const block of rest) {
        queueRows(sheet, layout, block, runs);
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- each block must be its own request
        await context.sync();
        this.s.lastWriteAt = Date.now();
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
    this.s.ids[layout.name] = sheet.id;
    return skipped;
  }
}
