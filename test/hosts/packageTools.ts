/** Helpers for tests of the package writer: the summary a workbook would get, and zip entries. */
import JSZip from "jszip";
import { FileWorkbook } from "../../src/hosts/file/fileWorkbook";
import type { WorkbookPort } from "../../src/hosts/port";
import type { SheetLayout } from "../../src/layout/sheetLayout";
import { recalculate } from "../../src/pipeline/recalculate";

/** Runs the pipeline on the workbook `data` and returns the summary layout it would write. */
export async function summaryOf(data: Uint8Array, date = "2026-11-27"): Promise<SheetLayout> {
  const book = await FileWorkbook.fromBuffer(data);
  let layout: SheetLayout | undefined;
  const port: WorkbookPort = {
    read: () => book.read(),
    insertSheets: (l) => book.insertSheets(l),
    selectCell: async () => false,
    writeOwnedSheet: async (l, role = "summary") => {
      if (role === "summary") layout = l;
      return { sheet: l.name, replaced: false, skipped: [] };
    },
  };
  await recalculate(port, { date });
  if (!layout) throw new Error("no summary layout");
  return layout;
}

/** Every file entry's uncompressed bytes, in zip order. */
export async function zipEntries(data: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(data);
  const out = new Map<string, Buffer>();
  for (const f of Object.values(zip.files))
    if (!f.dir) out.set(f.name, await f.async("nodebuffer"));
  return out;
}

/**
 * The layout with print title rows at its indicator header (得分说明's row), as a summary whose
 * indicator table runs onto a second page has them: the writers' tests need titles to write.
 */
export function withPrintTitles(layout: SheetLayout): SheetLayout {
  const header = layout.cells.find((c) => c.value === "得分说明")?.row;
  if (header === undefined || !layout.print) throw new Error("no indicator header");
  return { ...layout, print: { ...layout.print, titleRows: { first: header, last: header } } };
}
