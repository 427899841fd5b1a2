/** The ExcelJS host: an .xlsx workbook in memory, for the command line and the playground. */
import ExcelJS from "exceljs";
import type { SheetLayout } from "../../layout/sheetLayout";
import { OWNER_NAME, planSummaryWrite, referenceTo, sheetFromReference } from "../ownership";
import type { InsertResult, WorkbookPort, WriteResult } from "../port";
import type { WorkbookSnapshot } from "../snapshot";
import { readWorkbook } from "./readWorkbook";
import { writeLayout } from "./writeLayout";

interface DefinedNames {
  getRanges(name: string): { name: string; ranges: string[] };
  add(location: string, name: string): void;
  remove(location: string, name: string): void;
}

export class FileWorkbook implements WorkbookPort {
  constructor(readonly workbook: ExcelJS.Workbook) {}

  static async fromBuffer(data: ArrayBuffer | Uint8Array): Promise<FileWorkbook> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(data as ArrayBuffer);
    return new FileWorkbook(workbook);
  }

  static async fromFile(path: string): Promise<FileWorkbook> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    return new FileWorkbook(workbook);
  }

  private get names(): DefinedNames {
    return this.workbook.definedNames as unknown as DefinedNames;
  }

  /** The sheet our marker points to, if it still exists. */
  private ownedSheet(): string | null {
    for (const range of this.names.getRanges(OWNER_NAME).ranges) {
      const sheet = sheetFromReference(range);
      if (sheet && this.workbook.getWorksheet(sheet)) return sheet;
    }
    return null;
  }

  async read(): Promise<WorkbookSnapshot> {
    return { ...readWorkbook(this.workbook), ownedSheet: this.ownedSheet() };
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

  async writeOwnedSheet(layout: SheetLayout): Promise<WriteResult> {
    const existing = this.workbook.worksheets.map((w) => w.name);
    const plan = planSummaryWrite(existing, this.ownedSheet(), layout.name);
    let orderNo: number | undefined;
    if (plan.replace) {
      const old = this.workbook.getWorksheet(plan.target) as ExcelJS.Worksheet;
      orderNo = (old as unknown as { orderNo: number }).orderNo;
      this.workbook.removeWorksheet(old.id);
    }
    for (const range of this.names.getRanges(OWNER_NAME).ranges)
      this.names.remove(range, OWNER_NAME);
    const sheet = writeLayout(this.workbook, { ...layout, name: plan.target });
    // Keep the replaced sheet's place among the tabs (ExcelJS orders sheets by orderNo).
    if (orderNo !== undefined) (sheet as unknown as { orderNo: number }).orderNo = orderNo;
    this.names.add(referenceTo(plan.target), OWNER_NAME);
    return {
      sheet: plan.target,
      replaced: plan.replace,
      besideForeign: plan.besideForeign,
      skipped: [],
    };
  }

  async toBuffer(): Promise<Uint8Array> {
    return new Uint8Array(await this.workbook.xlsx.writeBuffer());
  }
}
