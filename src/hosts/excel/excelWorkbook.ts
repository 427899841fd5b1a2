/**
 * The Excel JS API host: the only module that calls `Excel.run`. Components and hooks get a
 * WorkbookPort and never see the `Excel` global.
 */
import type { SheetLayout } from "../../layout/sheetLayout";
import type { InsertResult, WorkbookPort } from "../port";
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

  constructor(
    private readonly run: ExcelRun,
    private readonly capabilities: ExcelCapabilities
  ) {}

  read(): Promise<WorkbookSnapshot> {
    return this.run({ delayForCellEdit: true }, async (context) => {
      const { snapshot, sheetNames } = await readSnapshot(context, this.knownSheets);
      this.knownSheets = sheetNames;
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
}
