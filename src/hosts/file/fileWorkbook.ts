/** The ExcelJS host: an .xlsx workbook in memory, for the command line and the playground. */
import ExcelJS from "exceljs";
import type { SheetLayout } from "../../layout/sheetLayout";
import type { InsertResult, WorkbookPort } from "../port";
import type { WorkbookSnapshot } from "../snapshot";
import { readWorkbook } from "./readWorkbook";
import { writeLayout } from "./writeLayout";

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

  async read(): Promise<WorkbookSnapshot> {
    return readWorkbook(this.workbook);
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

  async toBuffer(): Promise<Uint8Array> {
    return new Uint8Array(await this.workbook.xlsx.writeBuffer());
  }
}
