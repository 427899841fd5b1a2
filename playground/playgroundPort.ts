/**
 * The playground's (and 网页版's) workbook: an .xlsx held in the browser as its package and
 * edited as the command line edits files (PackageWorkbook: our sheets added, every other part
 * kept byte for byte). Selecting a cell highlights it in the preview instead of Excel.
 */
import type { SheetLayout } from "../src/layout/sheetLayout";
import type { SheetRole } from "../src/hosts/ownership";
import type { PackageWorkbook } from "../src/hosts/file/packageWorkbook";
import type { InsertResult, WorkbookPort, WriteResult } from "../src/hosts/port";
import { type WorkbookSnapshot, splitQualified } from "../src/hosts/snapshot";

export interface Selection {
  sheet: string;
  cell: string;
}

export class PlaygroundPort implements WorkbookPort {
  /** The layouts of the sheets this page wrote, by sheet name: previewed as they print. */
  readonly written = new Map<string, SheetLayout>();

  constructor(
    readonly book: PackageWorkbook,
    private readonly onChange: () => void,
    private readonly onSelect: (selection: Selection) => void
  ) {}

  read(): Promise<WorkbookSnapshot> {
    return this.book.read();
  }

  async insertSheets(layouts: readonly SheetLayout[]): Promise<InsertResult> {
    const result = await this.book.insertSheets(layouts);
    for (const layout of layouts)
      if (result.added.includes(layout.name)) this.written.set(layout.name, layout);
    this.onChange();
    return result;
  }

  async writeOwnedSheet(layout: SheetLayout, role?: SheetRole): Promise<WriteResult> {
    const result = await this.book.writeOwnedSheet(layout, role);
    this.written.set(result.sheet, { ...layout, name: result.sheet });
    this.onChange();
    return result;
  }

  async selectCell(address: string): Promise<boolean> {
    const target = splitQualified(address);
    if (!target) return false;
    this.onSelect(target);
    return true;
  }
}
