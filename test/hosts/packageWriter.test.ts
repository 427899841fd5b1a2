/**
 * Writing the summary sheet into the .xlsx package itself: only the new sheet's part and the
 * package files that list it change; every other zip entry (charts included) keeps its bytes.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FileWorkbook } from "../../src/hosts/file/fileWorkbook";
import {
  withSheetTitle,
  writeOwnedSheetIntoPackage,
  writeOwnedSheetsIntoPackage,
} from "../../src/hosts/file/packageWriter";
import { writeLayout } from "../../src/hosts/file/writeLayout";
import { OWNER_NAME, OWNER_NAMES } from "../../src/hosts/ownership";
import type { SheetLayout } from "../../src/layout/sheetLayout";
import { SAMPLE_PATH } from "../parse/sampleSnapshot";
import { asExcelJSRenders, fingerprint } from "./fingerprint";
import { summaryOf, withPrintTitles, zipEntries } from "./packageTools";
import { toPdf } from "../../e2e/tools";

const DATE = "2026-11-27";
const SUMMARY = "绩效自评汇总";
const TITLE = "佛山市社会保险基金管理局 2022 年度部门整体支出绩效自评表";
const OPTIONS = { markerName: OWNER_NAME, preferredName: SUMMARY };
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/** The package files that list the new sheet (and the styles it brings). */
const LISTING = [
  "docProps/app.xml",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "[Content_Types].xml",
  "xl/styles.xml",
];

const sample = () => new Uint8Array(readFileSync(SAMPLE_PATH));

/** The current way: the whole workbook through ExcelJS. */
/** The summary alone, written through ExcelJS (the fallback's way). */
async function writtenTheOldWay(data: Uint8Array): Promise<Uint8Array> {
  const book = await FileWorkbook.fromBuffer(data);
  await book.writeOwnedSheet(await summaryOf(data, DATE));
  return book.toBuffer();
}

const entries = zipEntries;

const text = async (data: Uint8Array, part: string) =>
  (await JSZip.loadAsync(data)).file(part)!.async("string");

async function open(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

/** The sample with a bar chart on 预算支出 (sheet2): chart, drawing, their rels and types. */
async function sampleWithChart(): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(readFileSync(SAMPLE_PATH));
  zip.file(
    "xl/charts/chart1.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ' +
      `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}"><c:chart>` +
      '<c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>' +
      '<c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>预算支出!$C$4:$C$6</c:f>' +
      '</c:numRef></c:val></c:ser><c:axId val="11"/><c:axId val="12"/></c:barChart>' +
      '<c:catAx><c:axId val="11"/><c:scaling><c:orientation val="minMax"/></c:scaling>' +
      '<c:axPos val="b"/><c:crossAx val="12"/></c:catAx><c:valAx><c:axId val="12"/>' +
      '<c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/>' +
      '<c:crossAx val="11"/></c:valAx></c:plotArea></c:chart></c:chartSpace>'
  );
  zip.file(
    "xl/drawings/drawing1.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ' +
      `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}">` +
      '<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff>' +
      "<xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>12</xdr:col>" +
      "<xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>" +
      '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/>' +
      '<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/>' +
      '<a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData ' +
      'uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
      '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rIdChart1"/>' +
      "</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>" +
      "</xdr:wsDr>"
  );
  const rels = (body: string) =>
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `${body}</Relationships>`;
  zip.file(
    "xl/drawings/_rels/drawing1.xml.rels",
    rels(`<Relationship Id="rIdChart1" Type="${R}/chart" Target="../charts/chart1.xml"/>`)
  );
  zip.file(
    "xl/worksheets/_rels/sheet2.xml.rels",
    rels(`<Relationship Id="rIdDrawing" Type="${R}/drawing" Target="../drawings/drawing1.xml"/>`)
  );
  const sheet2 = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
  zip.file(
    "xl/worksheets/sheet2.xml",
    sheet2.replace("</worksheet>", '<drawing r:id="rIdDrawing"/></worksheet>')
  );
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      '<Override PartName="/xl/charts/chart1.xml" ' +
        'ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
        '<Override PartName="/xl/drawings/drawing1.xml" ' +
        'ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>'
    )
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const CHART_PARTS = [
  "xl/charts/chart1.xml",
  "xl/drawings/drawing1.xml",
  "xl/drawings/_rels/drawing1.xml.rels",
  "xl/worksheets/_rels/sheet2.xml.rels",
];

describe("writing the summary into the package (packageWriter)", () => {
  let input: Uint8Array;
  let layout: SheetLayout;
  let output: Uint8Array;

  beforeAll(async () => {
    input = await sampleWithChart();
    layout = withPrintTitles(await summaryOf(input));
    const result = await writeOwnedSheetIntoPackage(input, layout, OPTIONS);
    expect(result).toMatchObject({ sheet: SUMMARY, replaced: false, besideForeign: undefined });
    output = result.data;
  });

  it("changes no entry but the new sheet and the files that list it; the chart stays", async () => {
    const before = await entries(input);
    const after = await entries(output);
    expect(CHART_PARTS.every((p) => before.has(p))).toBe(true);
    const added = [...after.keys()].filter((n) => !before.has(n));
    expect(added).toEqual(["xl/worksheets/sheet6.xml"]);
    // Nothing removed, and the zip order kept (the new sheet last).
    expect([...after.keys()]).toEqual([...before.keys(), ...added]);
    const changed = [...before.keys()].filter((n) => !before.get(n)!.equals(after.get(n)!));
    expect(changed.sort()).toEqual([...LISTING].sort());
    for (const p of CHART_PARTS) expect(after.get(p)!.equals(before.get(p)!)).toBe(true);
    // The shared strings are untouched: the sheet carries its text inline.
    const sheetXml = after.get("xl/worksheets/sheet6.xml")!.toString("utf8");
    expect(sheetXml).not.toMatch(/t="s"/);
    expect(sheetXml).toContain(`<is><t>${TITLE}</t></is>`);
  });

  it("lists the sheet in the workbook, its relationships and content types", async () => {
    const wbXml = await text(output, "xl/workbook.xml");
    expect(wbXml).toContain(`<sheet name="${SUMMARY}" sheetId="6" r:id="rId9"/></sheets>`);
    expect(wbXml).toContain(
      `<definedName name="JixiaoSummary">&apos;${SUMMARY}&apos;!$A$1</definedName>`
    );
    expect(wbXml).toMatch(/<definedName name="_xlnm.Print_Area" localSheetId="5">/);
    expect(wbXml).toMatch(/<definedName name="_xlnm.Print_Titles" localSheetId="5">/);
    expect(await text(output, "xl/_rels/workbook.xml.rels")).toContain(
      `<Relationship Id="rId9" Type="${R}/worksheet" Target="worksheets/sheet6.xml"/>`
    );
    expect(await text(output, "[Content_Types].xml")).toContain(
      '<Override PartName="/xl/worksheets/sheet6.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    );
    // The original styles are a prefix of the merged ones, section by section.
    const origStyles = await text(input, "xl/styles.xml");
    const styles = await text(output, "xl/styles.xml");
    for (const name of ["fonts", "fills", "borders", "cellXfs"]) {
      const body = (xml: string) =>
        new RegExp(`<${name}[^>]*>([\\s\\S]*?)</${name}>`).exec(xml)![1]!;
      expect(body(styles).startsWith(body(origStyles))).toBe(true);
    }
  });

  it("reads back in ExcelJS as the old way wrote it, other sheets unchanged", async () => {
    const mine = await open(output);
    const old = await open(await writtenTheOldWay(input));
    const orig = await open(input);
    expect(mine.worksheets.map((w) => w.name)).toEqual(old.worksheets.map((w) => w.name));
    const summary = mine.getWorksheet(SUMMARY)!;
    expect(summary.getCell("A1").value).toBe(TITLE);
    expect(asExcelJSRenders(summary, layout.columnWidths)).toEqual(
      fingerprint(old.getWorksheet(SUMMARY)!)
    );
    // Every column keeps the layout's width (ExcelJS leaves out a width of 9, its default).
    expect((fingerprint(summary) as { widths: number[] }).widths).toEqual(layout.columnWidths);
    expect(summary.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printArea: old.getWorksheet(SUMMARY)!.pageSetup.printArea,
      printTitlesRow: `${layout.print!.titleRows!.first + 1}:${layout.print!.titleRows!.first + 1}`,
    });
    expect(summary.pageSetup.printArea).toMatch(/^\$?A\$?1:\$?H\$?\d+$/);
    expect(summary.headerFooter.oddFooter).toBe("&C第 &P 页 共 &N 页");
    expect(summary.views[0]).toMatchObject({ showGridLines: false });
    expect(mine.worksheets.filter((w) => w.name !== SUMMARY).map(fingerprint)).toEqual(
      orig.worksheets.map(fingerprint)
    );
  });

  it("lists the new sheet's title in the document properties, after the others", async () => {
    const app = await text(output, "docProps/app.xml");
    expect(app).toContain(
      "<vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>6</vt:i4>"
    );
    expect(app).toContain(
      '<TitlesOfParts><vt:vector size="6" baseType="lpstr"><vt:lpstr>基本信息</vt:lpstr><vt:lpstr>预算支出</vt:lpstr><vt:lpstr>绩效指标</vt:lpstr><vt:lpstr>项目清单</vt:lpstr><vt:lpstr>重点工作</vt:lpstr><vt:lpstr>绩效自评汇总</vt:lpstr></vt:vector></TitlesOfParts>'
    );
    // Replacing our sheet keeps the name: the part is not touched again.
    const again = await writeOwnedSheetIntoPackage(output, layout, OPTIONS);
    expect(await text(again.data, "docProps/app.xml")).toBe(app);
  });

  it("puts the title among the worksheets, before named ranges, as Excel lists them", () => {
    const vt = 'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"';
    const app =
      `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ${vt}>` +
      '<HeadingPairs><vt:vector size="4" baseType="variant">' +
      "<vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>2</vt:i4></vt:variant>" +
      "<vt:variant><vt:lpstr>命名范围</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant>" +
      '</vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="3" baseType="lpstr">' +
      "<vt:lpstr>预算支出</vt:lpstr><vt:lpstr>A&amp;B</vt:lpstr><vt:lpstr>预算支出!Print_Area</vt:lpstr>" +
      "</vt:vector></TitlesOfParts></Properties>";
    const listed = withSheetTitle(app, ["预算支出", "A&B"], "绩效自评汇总");
    expect(listed).toContain(
      "<vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>3</vt:i4></vt:variant>" +
        "<vt:variant><vt:lpstr>命名范围</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4>"
    );
    expect(listed).toContain(
      '<vt:vector size="4" baseType="lpstr"><vt:lpstr>预算支出</vt:lpstr><vt:lpstr>A&amp;B</vt:lpstr>' +
        "<vt:lpstr>绩效自评汇总</vt:lpstr><vt:lpstr>预算支出!Print_Area</vt:lpstr></vt:vector>"
    );
    // A list that is not the workbook's sheets is left alone.
    expect(withSheetTitle(app, ["预算支出"], "绩效自评汇总")).toBeNull();
    expect(
      withSheetTitle("<Properties><Application>LibreOffice</Application></Properties>", [], "x")
    ).toBeNull();
  });

  it("leaves the ownership marker that FileWorkbook finds", async () => {
    const book = await FileWorkbook.fromBuffer(output);
    expect((await book.read()).ownedSheets?.summary).toBe(SUMMARY);
  });

  it("writes two sheets in one pass exactly as one after the other (one compression, one check)", async () => {
    const checklist: SheetLayout = { ...layout, name: "核对清单" };
    const checklistOptions = { markerName: OWNER_NAMES.checklist, preferredName: "核对清单" };
    const both = await writeOwnedSheetsIntoPackage(input, [
      { layout, options: OPTIONS },
      { layout: checklist, options: checklistOptions },
    ]);
    expect(both.sheets.map((s) => s.sheet)).toEqual([SUMMARY, "核对清单"]);
    const first = await writeOwnedSheetIntoPackage(input, layout, OPTIONS);
    const second = await writeOwnedSheetIntoPackage(first.data, checklist, checklistOptions);
    const oneByOne = await entries(second.data);
    const onePass = await entries(both.data);
    expect([...onePass.keys()]).toEqual([...oneByOne.keys()]);
    for (const [name, bytes] of oneByOne)
      expect([name, onePass.get(name)!.equals(bytes)]).toEqual([name, true]);
    const read = await (await FileWorkbook.fromBuffer(both.data)).read();
    expect(read.ownedSheets).toMatchObject({ summary: SUMMARY, checklist: "核对清单" });
  });

  it("re-injecting replaces the summary in place: the same package for the same input", async () => {
    const again = await writeOwnedSheetIntoPackage(output, layout, OPTIONS);
    expect(again).toMatchObject({ sheet: SUMMARY, replaced: true, besideForeign: undefined });
    const first = await entries(output);
    const second = await entries(again.data);
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [name, bytes] of first)
      expect([name, second.get(name)!.equals(bytes)]).toEqual([name, true]);
  });

  it("re-injecting a changed summary rewrites only its part, keeping rId, sheetId and names", async () => {
    const changed: SheetLayout = {
      ...layout,
      cells: layout.cells.map((c) =>
        c.row === 1 && c.column === 0 ? { ...c, value: "部门名称（公章）：更名后的局" } : c
      ),
    };
    const again = await writeOwnedSheetIntoPackage(output, changed, OPTIONS);
    expect(again.replaced).toBe(true);
    const first = await entries(output);
    const second = await entries(again.data);
    const diff = [...first.keys()].filter((n) => !first.get(n)!.equals(second.get(n)!));
    expect(diff).toEqual(["xl/worksheets/sheet6.xml"]);
    expect(second.get("xl/worksheets/sheet6.xml")!.toString()).toContain("更名后的局");
  });

  it("replaces a summary written the old way (by ExcelJS) in place", async () => {
    const old = await writtenTheOldWay(sample());
    const oldWb = await open(old);
    const result = await writeOwnedSheetIntoPackage(old, layout, OPTIONS);
    expect(result).toMatchObject({ sheet: SUMMARY, replaced: true });
    const wb = await open(result.data);
    expect(wb.worksheets.map((w) => w.name)).toEqual(oldWb.worksheets.map((w) => w.name));
    expect(asExcelJSRenders(wb.getWorksheet(SUMMARY)!, layout.columnWidths)).toEqual(
      fingerprint(oldWb.getWorksheet(SUMMARY)!)
    );
    const wbXml = await text(result.data, "xl/workbook.xml");
    // One print area for the summary (the sample's own sheets have theirs).
    expect(wbXml.match(/_xlnm.Print_Area"[^>]*>[^<]*绩效自评汇总/g)).toHaveLength(1);
    expect(wbXml.match(/JixiaoSummary/g)).toHaveLength(1);
  });

  it("keeps a summary that is not the last sheet in its place, with its own localSheetId", async () => {
    // Our summary moved to the front (as a user might drag it): names point at index 0.
    const zip = await JSZip.loadAsync(output);
    let wbXml = await zip.file("xl/workbook.xml")!.async("string");
    const tag = /<sheet name="绩效自评汇总"[^>]*\/>/.exec(wbXml)![0];
    wbXml = wbXml.replace(tag, "").replace("<sheets>", `<sheets>${tag}`);
    // Sheet indexes shift as they would: the summary (index 5) becomes 0, sheets 0–4 move up.
    wbXml = wbXml.replace(/localSheetId="(\d+)"/g, (_, n) =>
      Number(n) === 5
        ? 'localSheetId="0"'
        : Number(n) < 5
          ? `localSheetId="${Number(n) + 1}"`
          : `localSheetId="${n}"`
    );
    zip.file("xl/workbook.xml", wbXml);
    const moved = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const result = await writeOwnedSheetIntoPackage(moved, layout, OPTIONS);
    expect(result.replaced).toBe(true);
    const after = await text(result.data, "xl/workbook.xml");
    // The summary's print area and titles point at index 0; no other sheet's name does.
    const summaryNames = [
      ...after.matchAll(/<definedName [^>]*localSheetId="(\d+)"[^>]*>([^<]*)</g),
    ]
      .filter((m) => m[2].includes("绩效自评汇总"))
      .map((m) => m[1]);
    expect(summaryNames).toEqual(["0", "0"]);
    expect(after.match(/localSheetId="0"/g)).toHaveLength(2);
    const wb = await open(result.data);
    expect(wb.worksheets[0]!.name).toBe(SUMMARY);
    const header = layout.print!.titleRows!.first + 1;
    expect(wb.worksheets[0]!.pageSetup.printTitlesRow).toBe(`${header}:${header}`);
  });

  it("writes beside a foreign sheet named 绩效自评汇总, leaving its part byte-identical", async () => {
    const wb = await open(sample());
    const theirs = wb.addWorksheet(SUMMARY);
    theirs.getCell("A1").value = "我自己的汇总";
    const foreign = new Uint8Array(await wb.xlsx.writeBuffer());
    const result = await writeOwnedSheetIntoPackage(foreign, layout, OPTIONS);
    expect(result).toMatchObject({
      sheet: `${SUMMARY}（助手）`,
      replaced: false,
      besideForeign: SUMMARY,
    });
    const before = await entries(foreign);
    const after = await entries(result.data);
    for (const [name, bytes] of before)
      if (!LISTING.includes(name))
        expect([name, after.get(name)!.equals(bytes)]).toEqual([name, true]);
    const back = await open(result.data);
    expect(back.getWorksheet(SUMMARY)!.getCell("A1").value).toBe("我自己的汇总");
    expect(back.getWorksheet(`${SUMMARY}（助手）`)!.getCell("A1").value).toBe(TITLE);
    const book = await FileWorkbook.fromBuffer(result.data);
    expect((await book.read()).ownedSheets?.summary).toBe(`${SUMMARY}（助手）`);
    // The next run replaces only our own sheet, again beside theirs.
    const again = await writeOwnedSheetIntoPackage(result.data, layout, OPTIONS);
    expect(again).toMatchObject({ sheet: `${SUMMARY}（助手）`, replaced: true });
  });

  it("escapes text, keeps Chinese, and renumbers a custom number format that clashes", async () => {
    // An original whose custom format 164 is something else.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("数据");
    ws.getCell("A1").value = 1.5;
    ws.getCell("A1").numFmt = '0.000 "元"';
    const original = new Uint8Array(await wb.xlsx.writeBuffer());
    const odd: SheetLayout = {
      name: "汇总",
      fontName: "宋体",
      fontSize: 11,
      cells: [
        { row: 0, column: 0, value: `A & B <c> "引号" '单' 中文` },
        { row: 1, column: 0, value: 0.25, style: { numberFormat: '0.0 "分"', bold: true } },
        { row: 2, column: 0, value: "  前后空格  " },
      ],
      merges: [],
      columnWidths: [20],
    };
    const result = await writeOwnedSheetIntoPackage(original, odd, {
      markerName: OWNER_NAME,
      preferredName: "汇总",
    });
    const back = await open(result.data);
    expect(back.getWorksheet("数据")!.getCell("A1").numFmt).toBe('0.000 "元"');
    const sheet = back.getWorksheet("汇总")!;
    expect(sheet.getCell("A1").value).toBe(`A & B <c> "引号" '单' 中文`);
    expect(sheet.getCell("A2").numFmt).toBe('0.0 "分"');
    expect(sheet.getCell("A2").font).toMatchObject({ bold: true, name: "宋体" });
    expect(sheet.getCell("A3").value).toBe("  前后空格  ");
    const styles = await text(result.data, "xl/styles.xml");
    expect(styles).toMatch(/<numFmt numFmtId="164" formatCode="0.000 &quot;元&quot;"\/>/);
    expect(styles).toMatch(/<numFmt numFmtId="165" formatCode="0.0 &quot;分&quot;"\/>/);
    expect(styles).toMatch(/<numFmts count="2">/);
    // The same as writeLayout renders it alone.
    const alone = new ExcelJS.Workbook();
    writeLayout(alone, odd);
    const aloneBack = await open(new Uint8Array(await alone.xlsx.writeBuffer()));
    expect(asExcelJSRenders(sheet, odd.columnWidths)).toEqual(
      fingerprint(aloneBack.getWorksheet("汇总")!)
    );
  });

  it("adds its relationship and content type even when a comment follows the root (the comment is dropped, as Excel drops it)", async () => {
    const zip = await JSZip.loadAsync(sample());
    for (const part of ["xl/_rels/workbook.xml.rels", "[Content_Types].xml"]) {
      const xml = await zip.file(part)!.async("string");
      zip.file(part, `${xml}<!-- generated by some tool --></x>`.replace("</x>", "\n"));
    }
    const input = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const result = await writeOwnedSheetIntoPackage(input, layout, OPTIONS);
    const rels = await text(result.data, "xl/_rels/workbook.xml.rels");
    expect(rels).toMatch(/Target="worksheets\/sheet6.xml"\/><\/Relationships>\s*$/);
    expect(rels).not.toContain("<!--");
    expect(await text(result.data, "[Content_Types].xml")).toContain(
      '<Override PartName="/xl/worksheets/sheet6.xml"'
    );
    expect((await open(result.data)).getWorksheet(SUMMARY)!.getCell("A1").value).toBe(TITLE);
  });

  it("drops Excel's calculation chain when it replaces its sheet (Excel rebuilds it)", async () => {
    const zip = await JSZip.loadAsync(output);
    zip.file(
      "xl/calcChain.xml",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        '<c r="C9" i="6"/><c r="B4" i="2"/></calcChain>'
    );
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    zip.file(
      "xl/_rels/workbook.xml.rels",
      rels.replace(
        "</Relationships>",
        `<Relationship Id="rIdChain" Type="${R}/calcChain" Target="calcChain.xml"/></Relationships>`
      )
    );
    const types = await zip.file("[Content_Types].xml")!.async("string");
    zip.file(
      "[Content_Types].xml",
      types.replace(
        "</Types>",
        '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>'
      )
    );
    const withChain = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const result = await writeOwnedSheetIntoPackage(withChain, layout, OPTIONS);
    expect(result.replaced).toBe(true);
    const after = await entries(result.data);
    expect(after.has("xl/calcChain.xml")).toBe(false);
    expect(after.get("xl/_rels/workbook.xml.rels")!.toString()).not.toContain("calcChain");
    expect(after.get("[Content_Types].xml")!.toString()).not.toContain("calcChain");
    expect(after.get("xl/_rels/workbook.xml.rels")!.toString()).toContain('Id="rId9"');
    expect((await open(result.data)).getWorksheet(SUMMARY)!.getCell("A1").value).toBe(TITLE);
  });

  it("numbers a new format after those conditional formats use", async () => {
    const zip = await JSZip.loadAsync(sample());
    const styles = await zip.file("xl/styles.xml")!.async("string");
    expect(styles).toContain('<dxfs count="0"/>');
    zip.file(
      "xl/styles.xml",
      styles.replace(
        '<dxfs count="0"/>',
        '<dxfs count="1"><dxf><numFmt numFmtId="170" formatCode="0.0%"/></dxf></dxfs>'
      )
    );
    const input = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const odd: SheetLayout = {
      name: "汇总",
      fontName: "宋体",
      fontSize: 11,
      cells: [
        { row: 0, column: 0, value: 2, style: { numberFormat: '0.0 "分"' } },
        { row: 1, column: 0, value: 3, style: { numberFormat: "" } },
      ],
      merges: [],
      columnWidths: [20],
    };
    const result = await writeOwnedSheetIntoPackage(input, odd, {
      markerName: OWNER_NAME,
      preferredName: "汇总",
    });
    const merged = await text(result.data, "xl/styles.xml");
    expect(merged).toContain('<dxf><numFmt numFmtId="170" formatCode="0.0%"/></dxf>');
    expect(merged).toMatch(/<numFmt numFmtId="(\d+)" formatCode="0.0 &quot;分&quot;"\/>/);
    const id = Number(/<numFmt numFmtId="(\d+)" formatCode="0.0 &quot;分&quot;"/.exec(merged)![1]);
    expect(id).toBeGreaterThan(170);
    // An empty format is General, as the other writers take it.
    expect(merged).not.toContain('formatCode=""');
    const ws = (await open(result.data)).getWorksheet("汇总")!;
    expect(ws.getCell("A1").numFmt).toBe('0.0 "分"');
    expect(ws.getCell("A2").numFmt ?? "General").toBe("General");
  });

  it("writes control characters and line breaks in attributes so the package stays readable", async () => {
    const odd: SheetLayout = {
      name: "校验",
      fontName: "宋体\u0001",
      fontSize: 11,
      cells: [{ row: 0, column: 0, value: 1 }],
      merges: [],
      columnWidths: [20],
      validations: [
        {
          range: { top: 0, left: 0, bottom: 0, right: 0 },
          rule: { kind: "decimal", min: 0, max: 10 },
          errorMessage: "错误\u0002信息\n第二行",
          prompt: "提示\t制表",
        },
      ],
    };
    const result = await writeOwnedSheetIntoPackage(sample(), odd, {
      markerName: OWNER_NAME,
      preferredName: "校验",
    });
    const sheetXml = await text(result.data, "xl/worksheets/sheet6.xml");
    expect(sheetXml).toContain('error="错误信息&#10;第二行"');
    expect(sheetXml).toContain('prompt="提示&#9;制表"');
    const ws = (await open(result.data)).getWorksheet("校验")!;
    expect(ws.getCell("A1").font.name).toBe("宋体");
    expect(ws.getCell("A1").dataValidation).toMatchObject({
      error: "错误信息\n第二行",
      prompt: "提示\t制表",
    });
  });

  const hasSoffice = (() => {
    try {
      execFileSync("which", ["soffice"], { stdio: "pipe" });
      execFileSync("which", ["pdftotext"], { stdio: "pipe" });
      return true;
    } catch {
      return false;
    }
  })();

  (hasSoffice ? it : it.skip)(
    "LibreOffice opens the result and prints the summary",
    () => {
      const dir = mkdtempSync(join(tmpdir(), "jixiao-pkg-"));
      const xlsx = join(dir, "injected.xlsx");
      writeFileSync(xlsx, output);
      const pdf = toPdf(xlsx, dir);
      const pdfText = execFileSync("pdftotext", [pdf, "-"], {
        encoding: "utf8",
      });
      expect(pdfText).toContain(TITLE);
      expect(pdfText).toContain("基本信息");
    },
    180_000
  );
});
