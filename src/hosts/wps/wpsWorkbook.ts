/**
 * The WPS 表格 host: the same WorkbookPort as Excel's, over ET's synchronous object model
 * (`window.Application` in a WPS 加载项). Reads every sheet's used range, writes our own sheets
 * by the ownership rules every host follows (replace our earlier sheet, never one we did not
 * create), refuses before trying when the structure is protected.
 */
import { type SheetLayout, materialized } from "../../layout/sheetLayout";
import {
  OWNER_NAMES,
  type SheetRole,
  planSummaryWrite,
  referenceTo,
  writeResultOf,
} from "../ownership";
import {
  type InsertResult,
  StructureProtectedError,
  type WorkbookPort,
  type WriteResult,
} from "../port";
import { type WorkbookSnapshot, splitQualified } from "../snapshot";
import type { EtApplication, EtWorkbook, EtWorksheet } from "./et";
import { allSheetNames, ownedSheets, readWorkbookEt, sheetsOf } from "./readEt";
import { writeLayoutEt } from "./writeEt";

/** A WPS refusal in Chinese, with a code `describeError` knows. */
export class WpsError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message);
  }
}

const NO_WORKBOOK = "没有打开的工作簿：请先打开要评分的工作簿，再点“重新计算”。";

export class WpsWorkbook implements WorkbookPort {
  constructor(private readonly app: EtApplication) {}

  private book(): EtWorkbook {
    const wb = this.app.ActiveWorkbook;
    if (!wb) throw new WpsError("NoWorkbook", NO_WORKBOOK);
    return wb;
  }

  private writable(): EtWorkbook {
    const wb = this.book();
    if (wb.ProtectStructure) throw new StructureProtectedError();
    return wb;
  }

  async read(): Promise<WorkbookSnapshot> {
    return readWorkbookEt(this.book());
  }

  async insertSheets(layouts: readonly SheetLayout[]): Promise<InsertResult> {
    const wb = this.writable();
    const result: InsertResult = { added: [], clashes: [], skipped: [] };
    for (const layout of layouts) {
      if (allSheetNames(wb).includes(layout.name)) {
        result.clashes.push(layout.name);
        continue;
      }
      const ws = this.addSheet(wb, layout.name);
      for (const note of writeLayoutEt(ws, layout))
        if (!result.skipped.includes(note)) result.skipped.push(note);
      result.added.push(layout.name);
    }
    return result;
  }

  async writeOwnedSheet(given: SheetLayout, role: SheetRole = "summary"): Promise<WriteResult> {
    const layout = materialized(given);
    const wb = this.writable();
    const worksheets = sheetsOf(wb).map((s) => s.Name);
    const marked = ownedSheets(wb, worksheets)[role];
    const plan = planSummaryWrite(allSheetNames(wb), marked, layout.name);
    let ws: EtWorksheet;
    if (plan.replace) {
      ws = wb.Worksheets.Item(plan.target);
      if (ws.ProtectContents)
        throw new WpsError("AccessDenied", `“${plan.target}”表受保护，无法更新`);
      ws.Cells.UnMerge();
      ws.Cells.Clear();
    } else {
      ws = this.addSheet(wb, plan.target);
    }
    // Marked before it is filled: a write cut short leaves a sheet the next run replaces,
    // never one that looks like the user's.
    this.mark(wb, OWNER_NAMES[role], plan.target);
    const skipped = writeLayoutEt(ws, { ...layout, name: plan.target });
    return writeResultOf(plan, skipped);
  }

  async selectCell(address: string): Promise<boolean> {
    const target = splitQualified(address);
    if (!target) return false;
    try {
      const ws = this.book().Worksheets.Item(target.sheet);
      ws.Activate();
      ws.Range(target.cell).Select();
      return true;
    } catch {
      return false;
    }
  }

  /** A new worksheet after the last one. */
  private addSheet(wb: EtWorkbook, name: string): EtWorksheet {
    const ws = wb.Worksheets.Add(null, wb.Worksheets.Item(wb.Worksheets.Count));
    ws.Name = name;
    return ws;
  }

  /** The ownership marker: a workbook-level name pointing at the sheet's A1. */
  private mark(wb: EtWorkbook, marker: string, sheet: string): void {
    try {
      wb.Names.Item(marker).Delete();
    } catch {
      // Not there yet.
    }
    wb.Names.Add(marker, `=${referenceTo(sheet)}`);
  }
}
