/**
 * A manual page break in a layout (print.rowBreaks: the 0-based rows that start a page) reaches
 * the page setup through every writer: the package writer's XML, ExcelJS, the Excel JS API
 * (horizontalPageBreaks, on the double) and WPS's ET (HPageBreaks, on its double).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import { readPackage } from "../../src/hosts/file/packageReader";
import { writeOwnedSheetIntoPackage } from "../../src/hosts/file/packageWriter";
import { sheetStyles, worksheetXml } from "../../src/hosts/file/sheetXml";
import { writeLayout } from "../../src/hosts/file/writeLayout";
import { ZipPackage } from "../../src/hosts/file/zipPackage";
import { OWNER_NAMES } from "../../src/hosts/ownership";
import { WpsWorkbook } from "../../src/hosts/wps/wpsWorkbook";
import type { SheetLayout } from "../../src/layout/sheetLayout";
import { FakeEt } from "../fakes/fakeEt";
import { excelHost, fakeFromXlsx } from "../fakes/fromXlsx";
import { SAMPLE_PATH } from "../parse/sampleSnapshot";

const layout: SheetLayout = {
  name: "分页",
  fontName: "Noto Sans CJK SC",
  fontSize: 10.5,
  columnWidths: [20, 20],
  merges: [],
  cells: Array.from({ length: 40 }, (_, i) => ({ row: i, column: 0, value: `第 ${i + 1} 行` })),
  print: {
    paper: "A4",
    orientation: "portrait",
    fitToPagesWide: 1,
    printArea: { top: 0, left: 0, bottom: 39, right: 1 },
    rowBreaks: [25],
  },
};

/** The XML of the worksheet part named `sheet` in a package. */
async function sheetPart(data: Uint8Array, sheet: string): Promise<string> {
  const zip = await JSZip.loadAsync(data);
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rid = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const target = new RegExp(
    `Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`
  ).exec(rels)!;
  const path = (target[1] ?? target[2]).replace(/^\/?(xl\/)?/, "xl/");
  return zip.file(path)!.async("string");
}

describe("manual page breaks", () => {
  it("the package writer: <rowBreaks> with the row the break follows, in the written package", async () => {
    const xml = worksheetXml(layout, sheetStyles(layout), (i) => i);
    expect(xml).toContain(
      '<rowBreaks count="1" manualBreakCount="1"><brk id="25" max="16383" man="1"/></rowBreaks>'
    );
    // After the page setup, before the end, as the schema orders a worksheet's parts.
    expect(xml.indexOf("<rowBreaks")).toBeGreaterThan(xml.indexOf("<pageSetup"));
    const sample = new Uint8Array(readFileSync(SAMPLE_PATH));
    const written = await writeOwnedSheetIntoPackage(sample, layout, {
      markerName: OWNER_NAMES.summary,
      preferredName: layout.name,
    });
    expect(await sheetPart(written.data, "分页")).toMatch(
      /<rowBreaks[^>]*><brk id="25"[^>]*\/><\/rowBreaks>/
    );
  });

  it("ExcelJS (the command line's fallback): the same break", async () => {
    const wb = new ExcelJS.Workbook();
    writeLayout(wb, layout);
    const data = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(await sheetPart(data, "分页")).toMatch(
      /<rowBreaks[^>]*><brk id="25"[^>]*\/><\/rowBreaks>/
    );
  });

  it("the Excel JS API: horizontalPageBreaks.add above row 26", async () => {
    const fake = await fakeFromXlsx(SAMPLE_PATH);
    await excelHost(fake).writeOwnedSheet(layout);
    expect(fake.pageLayout("分页").rowBreaks).toEqual([26]);
  });

  it("WPS: HPageBreaks.Add above row 26", async () => {
    const et = FakeEt.fromSnapshot(
      readPackage(ZipPackage.read(new Uint8Array(readFileSync(SAMPLE_PATH))))
    );
    await new WpsWorkbook(et).writeOwnedSheet(layout);
    expect(et.sheet("分页").pageBreaks).toEqual([26]);
  });
});
