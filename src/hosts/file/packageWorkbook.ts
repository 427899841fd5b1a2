/**
 * A workbook held as its .xlsx package in memory, read and edited the way the command line
 * edits files: the package reader for the snapshot, the package writer for our sheets — every
 * other part keeps its bytes. No ExcelJS and no Node: the 网页版 runs on this (with the
 * browser's DEFLATE, deflate.browser.ts).
 */
import type { SheetLayout } from "../../layout/sheetLayout";
import { OWNER_NAMES, type SheetRole } from "../ownership";
import type { InsertResult, WorkbookPort, WriteResult } from "../port";
import type { WorkbookSnapshot } from "../snapshot";
import { readPackage } from "./packageReader";
import { PackageWriteError, writeOwnedSheetIntoPackage } from "./packageWriter";
import { ZipPackage } from "./zipPackage";

/** A package this tool cannot edit safely: said in Chinese, nothing is changed. */
export class PackageRefusal extends Error {
  readonly code = "PackageRefusal";
}

export class PackageWorkbook implements WorkbookPort {
  private data: Uint8Array;
  private zip: ZipPackage;

  /** Throws a ZipError (in Chinese) when the bytes are not a readable zip package. */
  constructor(data: Uint8Array) {
    this.data = data;
    this.zip = ZipPackage.read(data);
  }

  async read(): Promise<WorkbookSnapshot> {
    return readPackage(this.zip);
  }

  /** The package as it now is: the original bytes until a sheet is written. */
  async toBuffer(): Promise<Uint8Array> {
    return this.data;
  }

  /** Adds each sheet whose name is free (as the user's own, unmarked); never touches others. */
  async insertSheets(layouts: readonly SheetLayout[]): Promise<InsertResult> {
    const result: InsertResult = { added: [], clashes: [], skipped: [] };
    const names = (await this.read()).sheets.map((s) => s.name);
    for (const layout of layouts) {
      if (names.includes(layout.name)) {
        result.clashes.push(layout.name);
        continue;
      }
      await this.write(layout, null);
      names.push(layout.name);
      result.added.push(layout.name);
    }
    return result;
  }

  /** A file has no selection: the playground's port marks the cell in its preview instead. */
  async selectCell(): Promise<boolean> {
    return false;
  }

  async writeOwnedSheet(layout: SheetLayout, role: SheetRole = "summary"): Promise<WriteResult> {
    return this.write(layout, OWNER_NAMES[role]);
  }

  private async write(layout: SheetLayout, markerName: string | null): Promise<WriteResult> {
    try {
      const written = await writeOwnedSheetIntoPackage(this.zip, layout, {
        markerName,
        preferredName: layout.name,
      });
      this.data = written.data;
      this.zip = ZipPackage.read(written.data);
      return {
        sheet: written.sheet,
        replaced: written.replaced,
        besideForeign: written.besideForeign,
        keptRenamed: written.keptRenamed,
        skipped: [],
      };
    } catch (error) {
      // The package was edited in place up to the failure: start again from the last good bytes.
      this.zip = ZipPackage.read(this.data);
      if (error instanceof PackageWriteError)
        throw new PackageRefusal(`无法把“${layout.name}”写入这个工作簿（${error.message}）`);
      throw error;
    }
  }
}
