/**
 * The Excel JS API host: the only module that calls `Excel.run`. Components and hooks get a
 * WorkbookPort and never see the `Excel` global.
 */
import type { SheetLayout } from "../../layout/sheetLayout";
import { OWNER_NAME, planSummaryWrite, sheetFromReference } from "../ownership";
import type { InsertResult, WorkbookPort, WriteResult } from "../port";
import type { WorkbookSnapshot } from "../snapshot";
import { readSnapshot } from "./readSnapshot";
import { type ExcelCapabilities, queueLayout } from "./writeLayout";

/** `Excel.run` with the options we use, injectable so tests can pass the test double. */
export type ExcelRun = <T>(
  options: Excel.RunOptions,
  batch: (context: Excel.RequestContext) => Promise<T>
) => Promise<T>;

export class ExcelWorkbook implements WorkbookPort {
  /** Sheet names seen in the last read: lets the next read take one sync. */
  private knownSheets: string[] = [];
  /** The sheet our marker pointed to at the last read. */
  private ownedSheet: string | null = null;
  /** Whether `knownSheets` and `ownedSheet` are from a read (else the write must look). */
  private haveRead = false;

  constructor(
    private readonly run: ExcelRun,
    private readonly capabilities: ExcelCapabilities
  ) {}

  read(): Promise<WorkbookSnapshot> {
    return this.run({ delayForCellEdit: true }, async (context) => {
      const { snapshot, sheetNames } = await readSnapshot(context, this.knownSheets);
      this.knownSheets = sheetNames;
      this.ownedSheet = snapshot.ownedSheet ?? null;
      this.haveRead = true;
      return snapshot;
    });
  }

  insertSheets(layouts: readonly SheetLayout[]): Promise<InsertResult> {
    return this.run({ delayForCellEdit: true }, async (context) => {
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
        for (const note of queueLayout(sheet, layout, this.capabilities))
          if (!result.skipped.includes(note)) result.skipped.push(note);
        result.added.push(layout.name);
      }
      await context.sync();
      return result;
    });
  }

  /**
   * One sync when the sheet list and marker are known from the read just before (the
   * recalculation path); the ownership check then costs nothing extra. If the workbook
   * changed in between (a sheet of that name appeared), it looks again and retries once.
   */
  writeOwnedSheet(layout: SheetLayout): Promise<WriteResult> {
    return this.run({ delayForCellEdit: true }, async (context) => {
      if (!this.haveRead) await this.refreshNames(context);
      try {
        return await this.queueOwnedWrite(context, layout);
      } catch (error) {
        if ((error as { code?: string }).code !== "ItemAlreadyExists") throw error;
        await this.refreshNames(context);
        return this.queueOwnedWrite(context, layout);
      }
    });
  }

  private async refreshNames(context: Excel.RequestContext): Promise<void> {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    const marker = context.workbook.names.getItemOrNullObject(OWNER_NAME);
    marker.load("formula");
    await context.sync();
    this.knownSheets = sheets.items.map((s) => s.name);
    const marked = marker.isNullObject ? null : sheetFromReference(marker.formula);
    this.ownedSheet = marked !== null && this.knownSheets.includes(marked) ? marked : null;
    this.haveRead = true;
  }

  private async queueOwnedWrite(
    context: Excel.RequestContext,
    layout: SheetLayout
  ): Promise<WriteResult> {
    const plan = planSummaryWrite(this.knownSheets, this.ownedSheet, layout.name);
    const sheets = context.workbook.worksheets;
    const names = context.workbook.names;
    names.getItemOrNullObject(OWNER_NAME).delete();
    if (plan.replace) sheets.getItem(plan.target).delete();
    const sheet = sheets.add(plan.target);
    const skipped = queueLayout(sheet, { ...layout, name: plan.target }, this.capabilities);
    names.add(OWNER_NAME, sheet.getRange("A1"), "绩效自评助手生成的汇总表（请勿删除此名称）");
    sheet.activate();
    await context.sync();
    if (!plan.replace) this.knownSheets = [...this.knownSheets, plan.target];
    this.ownedSheet = plan.target;
    return {
      sheet: plan.target,
      replaced: plan.replace,
      besideForeign: plan.besideForeign,
      skipped,
    };
  }
}
