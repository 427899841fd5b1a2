/** The ExcelJS host: an .xlsx workbook in memory, for the command line and the playground. */
import type ExcelJS from "exceljs";
import type { SheetLayout } from "../../layout/sheetLayout";
import {
  OWNER_NAMES,
  ROLES,
  type SheetRole,
  planSummaryWrite,
  referenceTo,
  sheetFromReference,
  writeResultOf,
} from "../ownership";
import type { InsertResult, WorkbookPort, WriteResult } from "../port";
import type { WorkbookSnapshot } from "../snapshot";
import { readWorkbook } from "./readWorkbook";
import { writeLayout } from "./writeLayout";

let loaded: typeof ExcelJS | null = null;

/**
 * ExcelJS, loaded on first use. The command line reads and writes packages without it (its
 * ~600 modules took a third of a second to load at every start); it is needed only for the
 * fallback writer, the ranking and standard workbooks, and the playground.
 */
export function excelJs(): typeof ExcelJS {
  // eslint-disable-next-line no-undef -- webpack and Node both provide require
  loaded ??= require("exceljs") as typeof ExcelJS;
  return loaded;
}

interface DefinedNames {
  getRanges(name: string): { name: string; ranges: string[] };
  add(location: string, name: string): void;
  remove(location: string, name: string): void;
}

export class FileWorkbook implements WorkbookPort {
  constructor(readonly workbook: ExcelJS.Workbook) {}

  static async fromBuffer(data: ArrayBuffer | Uint8Array): Promise<FileWorkbook> {
    const workbook = new (excelJs().Workbook)();
    await workbook.xlsx.load(data as ArrayBuffer);
    return new FileWorkbook(workbook);
  }

  static async fromFile(path: string): Promise<FileWorkbook> {
    const workbook = new (excelJs().Workbook)();
    await workbook.xlsx.readFile(path);
    return new FileWorkbook(workbook);
  }

  private get names(): DefinedNames {
    return this.workbook.definedNames as unknown as DefinedNames;
  }

  /** The sheet our marker for `role` points to, if it still exists. */
  private ownedSheet(role: SheetRole = "summary"): string | null {
    for (const range of this.names.getRanges(OWNER_NAMES[role]).ranges) {
      const sheet = sheetFromReference(range);
      if (sheet && this.workbook.getWorksheet(sheet)) return sheet;
    }
    return null;
  }

  async read(): Promise<WorkbookSnapshot> {
    return {
      ...readWorkbook(this.workbook),
      ownedSheets: Object.fromEntries(ROLES.map((role) => [role, this.ownedSheet(role)])),
    };
  }

  async insertSheets(layouts: readonly SheetLayout[]): Promise<InsertResult> {
    const result: InsertResult = { added: [], clashes: [], skipped: [] };
    for (const layout of layouts) {
      if (this.workbook.getWorksheet(layout.name)) {
        result.clashes.push(layout.name);
        continue;
      }
      writeLayout(this.workbook, layout);
      result.added.push(layout.name);
    }
    return result;
  }

  async writeOwnedSheet(layout: SheetLayout, role: SheetRole = "summary"): Promise<WriteResult> {
    const marker = OWNER_NAMES[role];
    const existing = this.workbook.worksheets.map((w) => w.name);
    const plan = planSummaryWrite(existing, this.ownedSheet(role), layout.name);
    let orderNo: number | undefined;
    let state: ExcelJS.Worksheet["state"] | undefined;
    if (plan.replace) {
      const old = this.workbook.getWorksheet(plan.target) as ExcelJS.Worksheet;
      orderNo = (old as unknown as { orderNo: number }).orderNo;
      state = old.state;
      this.workbook.removeWorksheet(old.id);
    }
    for (const range of this.names.getRanges(marker).ranges) this.names.remove(range, marker);
    const sheet = writeLayout(this.workbook, { ...layout, name: plan.target });
    // Keep the replaced sheet's place among the tabs (ExcelJS orders sheets by orderNo).
    if (orderNo !== undefined) (sheet as unknown as { orderNo: number }).orderNo = orderNo;
    // A sheet the user hid (the 核对清单, say) stays hidden, as the package writer keeps it.
    if (state && state !== "visible") sheet.state = state;
    this.names.add(referenceTo(plan.target), marker);
    return writeResultOf(plan);
  }

  /** A file has no selection to show; the playground highlights the cell itself. */
  async selectCell(): Promise<boolean> {
    return false;
  }

  async toBuffer(): Promise<Uint8Array> {
    return new Uint8Array(await this.workbook.xlsx.writeBuffer());
  }
}
