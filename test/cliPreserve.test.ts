/**
 * Nothing is lost silently. Real .xlsx files are crafted from the sample (charts, a pivot
 * table, VBA, …) and scored. The CLI adds the summary to the original package, so a workbook
 * with charts and a pivot table keeps every other part byte for byte, gets no warning, and can
 * be scored --in-place. What only ExcelJS can write (a macro-enabled workbook, or a package the
 * package writer refuses) goes through the ExcelJS fallback: what ExcelJS keeps and loses is
 * measured on a round trip through FileWorkbook, --in-place refuses such a file and leaves its
 * bytes alone, and the copy comes with a warning. Writes are atomic (no half file, no
 * temporary left).
 */
import { zipEntries } from "./hosts/packageTools";
import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import JSZip from "jszip";
import { createHash } from "node:crypto";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { temporaryName, writeFileAtomic } from "../src/cli/atomicWrite";
import type { CliIo } from "../src/cli/io";
import { isCalendarDate, main } from "../src/cli/main";
import { MACRO_IN_PLACE, REWRITE_IN_PLACE, STRUCTURE_PROTECTED } from "../src/cli/scoreFile";
import { FileWorkbook } from "../src/hosts/file/fileWorkbook";
import * as packageWriter from "../src/hosts/file/packageWriter";
import { PackageWriteError } from "../src/hosts/file/packageWriter";
import { describeLost, scanWorkbookZip } from "../src/hosts/file/preservation";
import { recalculate } from "../src/pipeline/recalculate";
import { SAMPLE_PATH } from "./parse/sampleSnapshot";

/** The module object itself (an `import *` namespace cannot be spied on). */
const fsPromises: typeof import("node:fs/promises") = jest.requireActual("node:fs/promises");

const DATE = "2026-11-27";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const CT = "[Content_Types].xml";
const XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
const XLSM_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
const XLTX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml";
const EMPTY_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
/** A 1×1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64"
);

async function run(argv: string[], tty?: CliIo["tty"]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), tty });
  return { code, out: out.join("\n"), err: err.join("\n"), errLines: err };
}

/** What `miscellany` holds that ExcelJS drops, as the CLI names it. */
const MISCELLANY_LOST =
  "对话式批注 2 条、VBA 宏、外部工作簿链接 1 个、自定义文档属性 1 项、形状或文本框等图形 1 个、" +
  "跨工作表的下拉列表等数据验证 1 处、迷你图 1 组、其他本工具不支持的部件 1 个（xl/foo/bar.bin）";

const sha = (p: string) => createHash("sha256").update(readFileSync(p)).digest("hex");
const tempFiles = (dir: string) => readdirSync(dir).filter((n) => n.includes("jixiao-tmp"));

async function parts(path: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  return Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => f.name)
    .sort();
}

async function partText(path: string, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  return (await zip.file(name)?.async("string")) ?? "";
}

// ---- Crafting workbooks: the sample, unzipped, with parts added the way Excel writes them ----

class Package {
  constructor(readonly zip: JSZip) {}

  static async sample(): Promise<Package> {
    return new Package(await JSZip.loadAsync(readFileSync(SAMPLE_PATH)));
  }

  async text(name: string): Promise<string> {
    return (await this.zip.file(name)?.async("string")) ?? "";
  }

  async edit(name: string, change: (xml: string) => string, initial = ""): Promise<void> {
    this.zip.file(name, change((await this.text(name)) || initial));
  }

  async override(part: string, type: string): Promise<void> {
    await this.edit(CT, (xml) =>
      xml.replace(
        "</Types>",
        `<Override PartName="/${part}" ContentType="application/vnd.${type}"/></Types>`
      )
    );
  }

  async relate(rels: string, id: string, type: string, target: string): Promise<void> {
    const full = type.startsWith("http") ? type : `${R}/${type}`;
    await this.edit(
      rels,
      (xml) =>
        xml.replace(
          "</Relationships>",
          `<Relationship Id="${id}" Type="${full}" Target="${target}"/></Relationships>`
        ),
      EMPTY_RELS
    );
  }

  /** Adds `<element/>` at the end of a worksheet (sheetN in the sample's order). */
  async appendToSheet(sheet: number, element: string): Promise<void> {
    await this.edit(`xl/worksheets/sheet${sheet}.xml`, (xml) =>
      xml.replace("</worksheet>", `${element}</worksheet>`)
    );
  }

  /** A drawing on `sheet` holding `anchors`, with relationships `rels` ([id, type, target]). */
  async drawing(sheet: number, anchors: string[], rels: [string, string, string][]) {
    const n = sheet;
    this.zip.file(
      `xl/drawings/drawing${n}.xml`,
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ' +
        `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}">` +
        anchors.join("") +
        "</xdr:wsDr>"
    );
    for (const [id, type, target] of rels)
      await this.relate(`xl/drawings/_rels/drawing${n}.xml.rels`, id, type, target);
    await this.override(`xl/drawings/drawing${n}.xml`, "openxmlformats-officedocument.drawing+xml");
    await this.relate(
      `xl/worksheets/_rels/sheet${n}.xml.rels`,
      "rIdDrawing",
      "drawing",
      `../drawings/drawing${n}.xml`
    );
    await this.appendToSheet(n, '<drawing r:id="rIdDrawing"/>');
  }

  async save(path: string): Promise<string> {
    writeFileSync(
      path,
      await this.zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" })
    );
    return path;
  }
}

const cellAnchor = (col: number, body: string) =>
  `<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff>` +
  `<xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>${col + 6}</xdr:col>` +
  `<xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${body}` +
  "<xdr:clientData/></xdr:twoCellAnchor>";

const chartFrame = (id: number, rid: string) =>
  `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="图表 ${id}"/>` +
  '<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/>' +
  '</xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
  `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${rid}"/>` +
  "</a:graphicData></a:graphic></xdr:graphicFrame>";

const picture = (id: number, rid: string) =>
  `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="${id}" name="图片 ${id}"/><xdr:cNvPicPr>` +
  '<a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill>' +
  `<a:blip r:embed="${rid}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr>` +
  '<a:xfrm><a:off x="0" y="0"/><a:ext cx="100" cy="100"/></a:xfrm><a:prstGeom prst="rect">' +
  "<a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>";

const textBox = (id: number) =>
  `<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="${id}" name="文本框 ${id}"/>` +
  '<xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>' +
  "</xdr:spPr><xdr:txBody><a:bodyPr/><a:p><a:r><a:t>说明</a:t></a:r></a:p></xdr:txBody></xdr:sp>";

/** A clustered column chart over 预算支出!C4:C6 (LibreOffice reads it as a chart). */
const chartXml = (n: number) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ' +
  `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}"><c:chart>` +
  '<c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>' +
  '<c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>预算支出!$C$4:$C$6</c:f>' +
  `</c:numRef></c:val></c:ser><c:axId val="${n}1"/><c:axId val="${n}2"/></c:barChart>` +
  `<c:catAx><c:axId val="${n}1"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
  `<c:axPos val="b"/><c:crossAx val="${n}2"/></c:catAx><c:valAx><c:axId val="${n}2"/>` +
  '<c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/>' +
  `<c:crossAx val="${n}1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;

/** The sample with `count` charts on 预算支出 (sheet2). */
async function addCharts(p: Package, count: number): Promise<void> {
  const anchors: string[] = [];
  const rels: [string, string, string][] = [];
  for (let i = 1; i <= count; i++) {
    p.zip.file(`xl/charts/chart${i}.xml`, chartXml(i));
    await p.override(
      `xl/charts/chart${i}.xml`,
      "openxmlformats-officedocument.drawingml.chart+xml"
    );
    anchors.push(cellAnchor(6 + 8 * (i - 1), chartFrame(i + 1, `rIdChart${i}`)));
    rels.push([`rIdChart${i}`, "chart", `../charts/chart${i}.xml`]);
  }
  await p.drawing(2, anchors, rels);
}

/** A pivot table on 项目清单 (sheet4) over 预算支出!A3:C6, with its cache. */
async function addPivot(p: Package): Promise<void> {
  p.zip.file(
    "xl/pivotCache/pivotCacheDefinition1.xml",
    `<pivotCacheDefinition xmlns="${S}" xmlns:r="${R}" r:id="rId1" refreshOnLoad="1" recordCount="0">` +
      '<cacheSource type="worksheet"><worksheetSource ref="A3:C6" sheet="预算支出"/></cacheSource>' +
      '<cacheFields count="1"><cacheField name="项目" numFmtId="0"><sharedItems/></cacheField>' +
      "</cacheFields></pivotCacheDefinition>"
  );
  p.zip.file("xl/pivotCache/pivotCacheRecords1.xml", `<pivotCacheRecords xmlns="${S}" count="0"/>`);
  await p.relate(
    "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels",
    "rId1",
    "pivotCacheRecords",
    "pivotCacheRecords1.xml"
  );
  p.zip.file(
    "xl/pivotTables/pivotTable1.xml",
    `<pivotTableDefinition xmlns="${S}" name="数据透视表1" cacheId="1" dataCaption="值">` +
      '<location ref="H3:H4" firstHeaderRow="1" firstDataRow="1" firstDataCol="0"/>' +
      '<pivotFields count="1"><pivotField axis="axisRow" showAll="0"><items count="1">' +
      '<item t="default"/></items></pivotField></pivotFields><rowFields count="1"><field x="0"/>' +
      "</rowFields></pivotTableDefinition>"
  );
  await p.relate(
    "xl/pivotTables/_rels/pivotTable1.xml.rels",
    "rId1",
    "pivotCacheDefinition",
    "../pivotCache/pivotCacheDefinition1.xml"
  );
  const sheetml = "openxmlformats-officedocument.spreadsheetml";
  await p.override(
    "xl/pivotCache/pivotCacheDefinition1.xml",
    `${sheetml}.pivotCacheDefinition+xml`
  );
  await p.override("xl/pivotCache/pivotCacheRecords1.xml", `${sheetml}.pivotCacheRecords+xml`);
  await p.override("xl/pivotTables/pivotTable1.xml", `${sheetml}.pivotTable+xml`);
  await p.relate(
    "xl/_rels/workbook.xml.rels",
    "rIdPivotCache",
    "pivotCacheDefinition",
    "pivotCache/pivotCacheDefinition1.xml"
  );
  await p.edit("xl/workbook.xml", (xml) =>
    xml.replace(
      "</workbook>",
      '<pivotCaches><pivotCache cacheId="1" r:id="rIdPivotCache"/></pivotCaches></workbook>'
    )
  );
  await p.relate(
    "xl/worksheets/_rels/sheet4.xml.rels",
    "rIdPivot",
    "pivotTable",
    "../pivotTables/pivotTable1.xml"
  );
}

/** The sample with two charts and a pivot table: the brief's 某局.xlsx. */
async function chartsAndPivot(path: string): Promise<string> {
  const p = await Package.sample();
  await addCharts(p, 2);
  await addPivot(p);
  return p.save(path);
}

/** The sample with most other things ExcelJS drops, and a picture and a note it keeps. */
async function miscellany(path: string): Promise<string> {
  const p = await Package.sample();
  // A picture (kept) and a text box (lost) in one drawing on 基本信息.
  p.zip.file("xl/media/image1.png", PNG);
  await p.edit(CT, (xml) =>
    xml.replace(
      "<Default Extension=",
      '<Default Extension="png" ContentType="image/png"/><Default Extension='
    )
  );
  await p.drawing(
    1,
    [cellAnchor(6, picture(2, "rIdImage")), cellAnchor(14, textBox(3))],
    [["rIdImage", "image", "../media/image1.png"]]
  );
  // VBA
  p.zip.file("xl/vbaProject.bin", Buffer.alloc(512, 1));
  await p.relate(
    "xl/_rels/workbook.xml.rels",
    "rIdVba",
    "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
    "vbaProject.bin"
  );
  // A link to another workbook.
  p.zip.file(
    "xl/externalLinks/externalLink1.xml",
    `<externalLink xmlns="${S}"><externalBook xmlns:r="${R}" r:id="rId1"><sheetNames>` +
      '<sheetName val="Sheet1"/></sheetNames></externalBook></externalLink>'
  );
  await p.relate(
    "xl/_rels/workbook.xml.rels",
    "rIdLink",
    "externalLink",
    "externalLinks/externalLink1.xml"
  );
  // Threaded comments (and their people).
  p.zip.file(
    "xl/threadedComments/threadedComment1.xml",
    '<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">' +
      '<threadedComment ref="A1" personId="{1}" id="{2}"><text>请核对</text></threadedComment>' +
      '<threadedComment ref="A1" personId="{1}" id="{3}" parentId="{2}"><text>已核对</text></threadedComment>' +
      "</ThreadedComments>"
  );
  p.zip.file("xl/persons/person.xml", "<personList/>");
  // Custom properties: one of the user's, and WPS's bookkeeping (not counted).
  p.zip.file(
    "docProps/custom.xml",
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
      'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
      '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="审核人"><vt:lpwstr>张三</vt:lpwstr></property>' +
      '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="KSOProductBuildVer"><vt:lpwstr>2052-11.1</vt:lpwstr></property>' +
      '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="4" name="ICV"><vt:lpwstr>ABC</vt:lpwstr></property>' +
      "</Properties>"
  );
  // A drop-down list over another sheet and a sparkline: Excel keeps both in the sheet's extLst.
  await p.appendToSheet(
    3,
    '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
      '<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">' +
      '<x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>基本信息!$A$1:$A$3</xm:f></x14:formula1>' +
      "<xm:sqref>E4:E9</xm:sqref></x14:dataValidation></x14:dataValidations></ext>" +
      '<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
      '<x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup>' +
      "<x14:sparklines><x14:sparkline><xm:f>绩效指标!C4:D4</xm:f><xm:sqref>F4</xm:sqref></x14:sparkline>" +
      "</x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>"
  );
  // Parts nobody reads back: printer settings are harmless, an unknown part is not.
  p.zip.file("xl/printerSettings/printerSettings1.bin", Buffer.alloc(64));
  p.zip.file("xl/calcChain.xml", `<calcChain xmlns="${S}"/>`);
  p.zip.file("xl/foo/bar.bin", Buffer.alloc(16));
  return p.save(path);
}

/** The sample with what ExcelJS does keep: pictures (its own and Excel's) and notes. */
async function keepable(path: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(SAMPLE_PATH);
  const image = book.addImage({
    buffer: PNG as unknown as ExcelJS.Buffer,
    extension: "png",
  });
  book.getWorksheet("基本信息")?.addImage(image, "F2:H8");
  const note = book.getWorksheet("绩效指标")?.getCell("A1");
  if (note) note.note = "请核对";
  const p = new Package(await JSZip.loadAsync(await book.xlsx.writeBuffer()));
  return p.save(path);
}

/** The ExcelJS fallback's own writes (what `jixiao score` does when it cannot keep the package). */
async function throughExcelJS(input: string, output: string): Promise<string> {
  const book = await FileWorkbook.fromFile(input);
  await recalculate(book, { date: DATE });
  writeFileSync(output, await book.toBuffer());
  return output;
}

/** Every entry of a package, uncompressed, by name. */
const entries = (path: string) => zipEntries(readFileSync(path));

/** The package files that list the added summary sheet (and the styles it brings). */
const LISTING = [
  "[Content_Types].xml",
  "docProps/app.xml",
  "xl/_rels/workbook.xml.rels",
  "xl/styles.xml",
  "xl/workbook.xml",
];

/** The charts and the pivot table of `chartsAndPivot`, with what ties them to their sheets. */
const CHART_AND_PIVOT_PARTS = [
  "xl/charts/chart1.xml",
  "xl/charts/chart2.xml",
  "xl/drawings/_rels/drawing2.xml.rels",
  "xl/drawings/drawing2.xml",
  "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels",
  "xl/pivotCache/pivotCacheDefinition1.xml",
  "xl/pivotCache/pivotCacheRecords1.xml",
  "xl/pivotTables/_rels/pivotTable1.xml.rels",
  "xl/pivotTables/pivotTable1.xml",
  "xl/worksheets/_rels/sheet2.xml.rels",
  "xl/worksheets/_rels/sheet4.xml.rels",
];

/**
 * `after` holds every entry of `before` byte for byte, but for the package files that list the
 * summary and those named in `changed`; returns the entries added.
 */
function expectKept(
  before: Map<string, Buffer>,
  after: Map<string, Buffer>,
  changed: string[] = []
): string[] {
  for (const [name, bytes] of before) {
    expect(after.has(name)).toBe(true);
    if (!LISTING.includes(name) && !changed.includes(name))
      expect({ name, same: after.get(name)?.equals(bytes) }).toEqual({
        name,
        same: true,
      });
  }
  return [...after.keys()].filter((n) => !before.has(n));
}

/** The summary sheet a scored file holds, read back by ExcelJS: its total score's row. */
async function summaryTotal(path: string): Promise<string | undefined> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const sheet = book.getWorksheet("绩效自评汇总");
  let found: string | undefined;
  sheet?.eachRow((row) =>
    row.eachCell((cell) => {
      if (found === undefined && String(cell.value).includes("95.18")) found = String(cell.value);
    })
  );
  return found ?? (sheet ? "sheet" : undefined);
}

describe("what ExcelJS keeps and loses (the fallback, measured on a round trip through FileWorkbook)", () => {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-keep-"));

  it("charts and the pivot table are not in ExcelJS's copy; the rest of the workbook is", async () => {
    const input = await chartsAndPivot(join(dir, "某局.xlsx"));
    const output = await throughExcelJS(input, join(dir, "某局.exceljs.xlsx"));
    const before = await parts(input);
    const after = await parts(output);
    expect(before.filter((n) => !after.includes(n))).toEqual(CHART_AND_PIVOT_PARTS);
    // What the scan finds is exactly what went, and the copy has nothing more to lose.
    const scan = await scanWorkbookZip(readFileSync(input));
    expect(describeLost(scan.lost)).toBe("图表 2 个、数据透视表 1 个");
    expect((await scanWorkbookZip(readFileSync(output))).lost).toEqual([]);
  });

  it("pictures and notes survive, so the scan finds nothing to lose in such a workbook", async () => {
    const input = await keepable(join(dir, "图片.xlsx"));
    expect((await scanWorkbookZip(readFileSync(input))).lost).toEqual([]);
    const output = await throughExcelJS(input, join(dir, "图片.exceljs.xlsx"));
    const after = await parts(output);
    expect(after).toEqual(expect.arrayContaining(["xl/media/image1.png", "xl/comments3.xml"]));
    const drawing = after.find((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n)) as string;
    expect(await partText(output, drawing)).toContain("<xdr:pic>");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(output);
    expect(book.getWorksheet("基本信息")?.getImages()).toHaveLength(1);
    expect(book.getWorksheet("绩效指标")?.getCell("A1").note).toBe("请核对");
  });

  it("everything else that is dropped is named; Excel's own picture is kept, its text box is not", async () => {
    const input = await miscellany(join(dir, "杂项.xlsx"));
    const scan = await scanWorkbookZip(readFileSync(input));
    expect(describeLost(scan.lost)).toBe(MISCELLANY_LOST);
    const output = await throughExcelJS(input, join(dir, "杂项.exceljs.xlsx"));
    const after = await parts(output);
    for (const lost of [
      "xl/vbaProject.bin",
      "xl/externalLinks/externalLink1.xml",
      "xl/threadedComments/threadedComment1.xml",
      "docProps/custom.xml",
      "xl/foo/bar.bin",
    ])
      expect(after).not.toContain(lost);
    expect(after).toContain("xl/media/image1.png");
    const drawing = await partText(output, "xl/drawings/drawing1.xml");
    expect(drawing).toContain("<xdr:pic>");
    expect(drawing).not.toContain("<xdr:sp ");
    expect(drawing).not.toContain("文本框");
    const sheet = await partText(output, "xl/worksheets/sheet3.xml");
    expect(sheet).not.toContain("x14:dataValidation");
    expect(sheet).not.toContain("sparkline");
    expect((await scanWorkbookZip(readFileSync(output))).lost).toEqual([]);
  });
});

describe("jixiao score on a workbook with charts and a pivot table: the package is kept", () => {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-preserve-"));

  it("the copy holds the summary and every other part of the input byte for byte; no warning", async () => {
    const input = await chartsAndPivot(join(dir, "某局.xlsx"));
    const before = sha(input);
    const { code, out, err } = await run(["score", input, "--date", DATE]);
    expect(code).toBe(0);
    const output = join(dir, "某局.已评分.xlsx");
    expect(out).toContain(`已写入 ${output} 的“绩效自评汇总”、“核对清单”工作表。`);
    expect(err).toBe("");
    expect(sha(input)).toBe(before);
    expect(tempFiles(dir)).toEqual([]);
    const inputEntries = await entries(input);
    const outputEntries = await entries(output);
    expect(expectKept(inputEntries, outputEntries)).toEqual([
      "xl/worksheets/sheet6.xml",
      "xl/worksheets/sheet7.xml",
    ]);
    for (const name of CHART_AND_PIVOT_PARTS)
      expect(outputEntries.get(name)?.equals(inputEntries.get(name) as Buffer)).toBe(true);
    expect(describeLost((await scanWorkbookZip(readFileSync(output))).lost)).toBe(
      "图表 2 个、数据透视表 1 个"
    );
    expect(await summaryTotal(output)).toContain("95.18");
  });

  it("--in-place writes the summary into the input and keeps its charts and pivot table", async () => {
    const input = join(dir, "某局.xlsx");
    const beforeEntries = await entries(input);
    const { code, out, err } = await run(["score", input, "--in-place", "--date", DATE]);
    expect(code).toBe(0);
    expect(err).toBe("");
    expect(out).toContain(`已写入 ${input} 的“绩效自评汇总”、“核对清单”工作表。`);
    const afterEntries = await entries(input);
    expect(expectKept(beforeEntries, afterEntries)).toEqual([
      "xl/worksheets/sheet6.xml",
      "xl/worksheets/sheet7.xml",
    ]);
    expect(await summaryTotal(input)).toContain("95.18");
    expect(readdirSync(dir).sort()).toEqual(["某局.xlsx", "某局.已评分.xlsx"]);

    // Again: our sheets are replaced in place (the dated one is the 核对清单), nothing else moves.
    const again = await run(["score", input, "--in-place", "--date", "2026-12-01"]);
    expect(again.code).toBe(0);
    const thirdEntries = await entries(input);
    expect(
      expectKept(afterEntries, thirdEntries, [
        "xl/worksheets/sheet6.xml",
        "xl/worksheets/sheet7.xml",
      ])
    ).toEqual([]);
    expect(thirdEntries.get("xl/worksheets/sheet7.xml")?.toString()).toContain("2026-12-01");
    expect(tempFiles(dir)).toEqual([]);
  });

  it("--json: no warnings", async () => {
    const input = join(dir, "某局.xlsx");
    const output = join(dir, "j.xlsx");
    const { code, out } = await run(["score", input, "--out", output, "--json", "--date", DATE]);
    expect(code).toBe(0);
    expect(JSON.parse(out).warnings).toEqual([]);
    expect(JSON.parse(out).sheet).toBe("绩效自评汇总");
  });

  it("a folder with --in-place: every file is scored in place, charts kept", async () => {
    const folder = mkdtempSync(join(tmpdir(), "jixiao-preserve-folder-"));
    const charts = await chartsAndPivot(join(folder, "a 图表.xlsx"));
    copyFileSync(SAMPLE_PATH, join(folder, "b 普通.xlsx"));
    const before = await entries(charts);
    const { code, errLines } = await run(["score", folder, "--in-place", "--date", DATE]);
    expect(code).toBe(0);
    expect(errLines).toEqual([
      "[1/2] 已评分 a 图表.xlsx：95.18 分，优",
      "[2/2] 已评分 b 普通.xlsx：95.18 分，优",
    ]);
    expect(expectKept(before, await entries(charts))).toEqual([
      "xl/worksheets/sheet6.xml",
      "xl/worksheets/sheet7.xml",
    ]);
    expect(existsSync(join(folder, "已评分", "汇总排名.xlsx"))).toBe(true);
    expect(tempFiles(folder)).toEqual([]);
  });

  it("a folder without --in-place: the copies are written, no warning in the text or the JSON", async () => {
    const folder = mkdtempSync(join(tmpdir(), "jixiao-preserve-folder-"));
    const charts = await chartsAndPivot(join(folder, "a 图表.xlsx"));
    copyFileSync(SAMPLE_PATH, join(folder, "b 普通.xlsx"));
    const output = join(folder, "已评分", "a 图表.已评分.xlsx");

    const text = await run(["score", folder, "--date", DATE]);
    expect(text.code).toBe(0);
    expect(text.errLines).toEqual([
      "[1/2] 已评分 a 图表.xlsx：95.18 分，优",
      "[2/2] 已评分 b 普通.xlsx：95.18 分，优",
    ]);
    expect(expectKept(await entries(charts), await entries(output))).toEqual([
      "xl/worksheets/sheet6.xml",
      "xl/worksheets/sheet7.xml",
    ]);

    const json = await run(["score", folder, "--json", "--date", DATE]);
    const lines = json.out.split("\n").map((l) => JSON.parse(l));
    expect(lines[0].warnings).toEqual([]);
    expect(lines[1].warnings).toEqual([]);
    expect(tempFiles(join(folder, "已评分"))).toEqual([]);
  });

  it("when the package writer cannot write the package, ExcelJS writes the copy: warning, no --in-place", async () => {
    const input = await chartsAndPivot(join(dir, "退回.xlsx"));
    const before = sha(input);
    const refuse = jest
      .spyOn(packageWriter, "writeOwnedSheetsIntoPackage")
      .mockRejectedValue(new PackageWriteError("不支持 Strict Open XML 格式"));
    try {
      const inPlace = await run(["score", input, "--in-place", "--date", DATE]);
      expect(inPlace.code).toBe(1);
      expect(inPlace.err).toBe(
        `不能就地写入 ${input}：工作簿含有图表 2 个、数据透视表 1 个，本工具写出时会丢失这些对象；` +
          "请去掉 --in-place（将另存副本）或在 Excel 中使用加载项"
      );
      expect(sha(input)).toBe(before);
      const copy = await run(["score", input, "--date", DATE]);
      expect(copy.code).toBe(0);
      const output = join(dir, "退回.已评分.xlsx");
      expect(copy.errLines).toEqual([
        `注意：${output} 中不含原文件的图表 2 个、数据透视表 1 个；原文件未改动。`,
      ]);
      expect(await parts(output)).not.toContain("xl/charts/chart1.xml");
      expect(await summaryTotal(output)).toContain("95.18");
    } finally {
      refuse.mockRestore();
    }
    expect(sha(input)).toBe(before);
  });

  it("any other error of the package writer fails the file (nothing written), it is not hidden", async () => {
    const input = join(dir, "某局.xlsx");
    const before = sha(input);
    const output = join(dir, "坏.xlsx");
    const broken = jest
      .spyOn(packageWriter, "writeOwnedSheetsIntoPackage")
      .mockRejectedValue(new Error("boom"));
    try {
      const { code, err } = await run(["score", input, "--out", output, "--date", DATE]);
      expect(code).toBe(1);
      expect(err).toMatch(new RegExp(`^未能保存 ${input} 的评分结果：生成工作簿时出错：`));
    } finally {
      broken.mockRestore();
    }
    expect(existsSync(output)).toBe(false);
    expect(sha(input)).toBe(before);
  });
});

describe("jixiao score on a workbook with VBA and more: the ExcelJS fallback", () => {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-fallback-"));
  const REFUSAL =
    `工作簿含有${MISCELLANY_LOST}，本工具写出时会丢失这些对象；` +
    "请去掉 --in-place（将另存副本）或在 Excel 中使用加载项";

  it("--in-place is refused: exit 1, one line naming what would be lost, the input byte for byte", async () => {
    const input = await miscellany(join(dir, "杂项.xlsx"));
    const before = sha(input);
    const { code, out, err } = await run(["score", input, "--in-place", "--date", DATE]);
    expect(code).toBe(1);
    expect(err).toBe(`不能就地写入 ${input}：${REFUSAL}`);
    expect(out).toBe("");
    expect(sha(input)).toBe(before);
    expect(readdirSync(dir)).toEqual(["杂项.xlsx"]);
  });

  it("without --in-place: the copy is written by ExcelJS, with a warning on stderr; exit 0", async () => {
    const input = join(dir, "杂项.xlsx");
    const before = sha(input);
    const { code, out, errLines } = await run(["score", input, "--date", DATE]);
    expect(code).toBe(0);
    const output = join(dir, "杂项.已评分.xlsx");
    expect(out).toContain(`已写入 ${output} 的“绩效自评汇总”、“核对清单”工作表。`);
    expect(errLines).toEqual([`注意：${output} 中不含原文件的${MISCELLANY_LOST}；原文件未改动。`]);
    expect(sha(input)).toBe(before);
    expect(await parts(output)).not.toContain("xl/vbaProject.bin");
    expect(await summaryTotal(output)).toContain("95.18");
    expect(tempFiles(dir)).toEqual([]);
  });

  it("--json carries the warnings (an empty list when there are none)", async () => {
    const input = join(dir, "杂项.xlsx");
    const output = join(dir, "j.xlsx");
    const withVba = await run(["score", input, "--out", output, "--json", "--date", DATE]);
    expect(withVba.code).toBe(0);
    expect(JSON.parse(withVba.out).warnings).toEqual([
      `注意：${output} 中不含原文件的${MISCELLANY_LOST}；原文件未改动。`,
    ]);
    const plain = await run(["score", SAMPLE_PATH, "--out", join(dir, "p.xlsx"), "--json"]);
    expect(JSON.parse(plain.out).warnings).toEqual([]);
  });

  it("a folder: with --in-place such a file fails with the reason, the others are scored in place", async () => {
    const folder = mkdtempSync(join(tmpdir(), "jixiao-fallback-folder-"));
    await miscellany(join(folder, "a 杂项.xlsx"));
    copyFileSync(SAMPLE_PATH, join(folder, "b 普通.xlsx"));
    const before = sha(join(folder, "a 杂项.xlsx"));
    const { code, errLines } = await run(["score", folder, "--in-place", "--date", DATE]);
    expect(code).toBe(1);
    expect(errLines).toContain(`[1/2] 不能就地写入 a 杂项.xlsx：${REFUSAL}`);
    expect(errLines).toContain("[2/2] 已评分 b 普通.xlsx：95.18 分，优");
    expect(sha(join(folder, "a 杂项.xlsx"))).toBe(before);
    const ranking = new ExcelJS.Workbook();
    await ranking.xlsx.readFile(join(folder, "已评分", "汇总排名.xlsx"));
    const values: unknown[] = [];
    ranking.getWorksheet("汇总排名")?.eachRow((row) => values.push(...(row.values as unknown[])));
    expect(values).toContain(REFUSAL);
    expect(tempFiles(folder)).toEqual([]);
  });

  it("a folder without --in-place: the copy is written, the warning printed and in the JSON line", async () => {
    const folder = mkdtempSync(join(tmpdir(), "jixiao-fallback-folder-"));
    await miscellany(join(folder, "a 杂项.xlsx"));
    copyFileSync(SAMPLE_PATH, join(folder, "b 普通.xlsx"));
    const output = join(folder, "已评分", "a 杂项.已评分.xlsx");
    const warning = `注意：${output} 中不含原文件的${MISCELLANY_LOST}；原文件未改动。`;

    const text = await run(["score", folder, "--date", DATE]);
    expect(text.code).toBe(0);
    expect(text.errLines).toEqual([
      "[1/2] 已评分 a 杂项.xlsx：95.18 分，优",
      warning,
      "[2/2] 已评分 b 普通.xlsx：95.18 分，优",
    ]);
    expect(existsSync(output)).toBe(true);

    const json = await run(["score", folder, "--json", "--date", DATE]);
    const lines = json.out.split("\n").map((l) => JSON.parse(l));
    expect(lines[0].warnings).toEqual([warning]);
    expect(lines[1].warnings).toEqual([]);
    expect(tempFiles(join(folder, "已评分"))).toEqual([]);
  });

  it("on a terminal the warning is printed above the bar", async () => {
    const folder = mkdtempSync(join(tmpdir(), "jixiao-fallback-tty-"));
    await miscellany(join(folder, "a.xlsx"));
    const raw: string[] = [];
    const { errLines } = await run(["score", folder, "--date", DATE], {
      write: (t) => raw.push(t),
      columns: 80,
    });
    expect(errLines).toEqual([
      `注意：${join(folder, "已评分", "a.已评分.xlsx")} 中不含原文件的${MISCELLANY_LOST}；原文件未改动。`,
    ]);
    expect(raw[raw.length - 1]).toBe("\r\x1b[K");
  });
});

describe("atomic writes", () => {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-atomic-"));

  it("--in-place replaces the file in one step: permissions kept, no temporary file left", async () => {
    const input = join(dir, "就地.xlsx");
    copyFileSync(SAMPLE_PATH, input);
    chmodSync(input, 0o640);
    const { code } = await run(["score", input, "--in-place", "--date", DATE]);
    expect(code).toBe(0);
    expect(statSync(input).mode & 0o777).toBe(0o640);
    expect(sha(input)).not.toBe(sha(SAMPLE_PATH));
    expect(tempFiles(dir)).toEqual([]);
  });

  it("--in-place: until the new file is complete the input is untouched, then it is swapped in", async () => {
    const input = join(dir, "中断.xlsx");
    copyFileSync(SAMPLE_PATH, input);
    const before = sha(input);
    const inode = statSync(input).ino;
    // The process dies (here: the disk fills) after the data is written, before the swap.
    const rename = jest
      .spyOn(fsPromises, "rename")
      .mockRejectedValueOnce(Object.assign(new Error("no space"), { code: "ENOSPC" }));
    try {
      const { code, err } = await run(["score", input, "--in-place", "--date", DATE]);
      expect(code).toBe(1);
      expect(err).toBe(`未能保存 ${input} 的评分结果：无法写入 ${input}：磁盘空间不足`);
    } finally {
      rename.mockRestore();
    }
    expect(sha(input)).toBe(before);
    expect(tempFiles(dir)).toEqual([]);
    // The real run: a new file takes the old one's place (a write in place would keep the inode).
    expect((await run(["score", input, "--in-place", "--date", DATE])).code).toBe(0);
    expect(statSync(input).ino).not.toBe(inode);
    expect(sha(input)).not.toBe(before);
  });

  it("--in-place through a symbolic link writes the file it points to and keeps the link", async () => {
    const target = join(dir, "目标.xlsx");
    copyFileSync(SAMPLE_PATH, target);
    const link = join(dir, "链接.xlsx");
    symlinkSync(target, link);
    const { code } = await run(["score", link, "--in-place", "--date", DATE]);
    expect(code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(sha(target)).not.toBe(sha(SAMPLE_PATH));
  });

  it("--out through a link to the input is the input: refused without --in-place", async () => {
    const input = join(dir, "原件.xlsx");
    copyFileSync(SAMPLE_PATH, input);
    const link = join(dir, "原件链接.xlsx");
    symlinkSync(input, link);
    const { code, err } = await run(["score", input, "--out", link]);
    expect(code).toBe(2);
    expect(err).toContain(`不会覆盖输入文件 ${input}`);
    expect(sha(input)).toBe(sha(SAMPLE_PATH));
  });

  it("a write that fails leaves the target as it was and no temporary file", async () => {
    const target = join(dir, "占用");
    mkdirSync(join(target, "内容"), { recursive: true });
    await expect(writeFileAtomic(target, new Uint8Array([1, 2, 3]))).rejects.toThrow();
    expect(readdirSync(target)).toEqual(["内容"]);
    expect(tempFiles(dir)).toEqual([]);
  });

  it("the data reaches the file only whole: the temporary name is beside it, hidden, unpredictable", async () => {
    const target = join(dir, "某局.xlsx");
    expect(temporaryName(target, 42, "0a1b")).toBe(join(dir, ".某局.xlsx.jixiao-tmp-42-0a1b"));
    expect(temporaryName(target)).not.toBe(temporaryName(target));
    await writeFileAtomic(target, new Uint8Array([7, 8, 9]));
    expect([...readFileSync(target)]).toEqual([7, 8, 9]);
    expect(tempFiles(dir)).toEqual([]);
  });

  it("a link planted where a temporary file might go is never followed: the file it points to is untouched", async () => {
    const folder = mkdtempSync(join(tmpdir(), "jixiao-planted-"));
    const outside = join(mkdtempSync(join(tmpdir(), "jixiao-victim-")), "重要.txt");
    writeFileSync(outside, "不能被改写");
    const target = join(folder, "某局.xlsx");
    // The names an attacker could guess: the old fixed pattern, and ours with a known pid.
    symlinkSync(outside, join(folder, `.某局.xlsx.jixiao-tmp-${process.pid}`));
    symlinkSync(outside, join(folder, ".某局.xlsx.jixiao-tmp-1-000000000000"));
    await writeFileAtomic(target, new Uint8Array([1, 2, 3]));
    expect(readFileSync(outside, "utf8")).toBe("不能被改写");
    expect([...readFileSync(target)]).toEqual([1, 2, 3]);
    // Links are not ours to remove either.
    expect(tempFiles(folder).sort()).toEqual(
      [`.某局.xlsx.jixiao-tmp-${process.pid}`, ".某局.xlsx.jixiao-tmp-1-000000000000"].sort()
    );
  });

  it("a folder run removes what killed runs left in its output folder, once, and only ours", async () => {
    const folder = mkdtempSync(join(tmpdir(), "jixiao-leftover-folder-"));
    writeFileSync(join(folder, "甲局.xlsx"), readFileSync(SAMPLE_PATH));
    const out = join(folder, "已评分");
    mkdirSync(out);
    const dead = spawnSync(process.execPath, ["-e", "process.pid"]).pid as number;
    const left = temporaryName(join(out, "乙局.已评分.xlsx"), dead, "abc123");
    const live = temporaryName(join(out, "丙局.已评分.xlsx"), process.ppid, "def456");
    const foreign = join(out, ".notes.txt");
    for (const f of [left, live, foreign]) writeFileSync(f, "半截");
    const { code } = await run(["score", folder, "--date", "2026-11-27"]);
    expect(code).toBe(0);
    expect(existsSync(left)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(foreign)).toBe(true);
    expect(existsSync(join(out, "甲局.已评分.xlsx"))).toBe(true);
  });

  it("removes the temporary files a killed run left, and only those", async () => {
    const folder = mkdtempSync(join(tmpdir(), "jixiao-leftover-"));
    const target = join(folder, "某局.xlsx");
    const dead = spawnSync(process.execPath, ["-e", "process.pid"]).pid as number;
    const left = temporaryName(target, dead, "abc123");
    const live = temporaryName(target, process.ppid, "def456");
    const other = join(folder, ".别的.xlsx.jixiao-tmp-" + dead + "-abc123");
    for (const f of [left, live, other]) writeFileSync(f, "半截");
    await writeFileAtomic(target, new Uint8Array([4]));
    expect(existsSync(left)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(other)).toBe(true);
  });

  it("a folder run whose copy cannot be written: the file fails with a Chinese reason, no temporary", async () => {
    const folder = mkdtempSync(join(tmpdir(), "jixiao-atomic-folder-"));
    copyFileSync(SAMPLE_PATH, join(folder, "a.xlsx"));
    mkdirSync(join(folder, "已评分", "a.已评分.xlsx", "挡路"), { recursive: true });
    const { code, errLines } = await run(["score", folder, "--date", DATE]);
    expect(code).toBe(1);
    expect(errLines[0]).toMatch(
      new RegExp(
        `^\\[1/1\\] 未能保存 a\\.xlsx 的评分结果：无法写入 .*a\\.已评分\\.xlsx：[^A-Za-z]+$`
      )
    );
    expect(tempFiles(join(folder, "已评分"))).toEqual([]);
  });
});

describe("options", () => {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-options-"));

  it.each(["2023-13-45", "2023-02-29", "2023-04-31", "2023-00-10"])(
    "--date %s is not a date: exit 2",
    async (date) => {
      const out = join(dir, "d.xlsx");
      const { code, err } = await run(["score", SAMPLE_PATH, "--out", out, "--date", date]);
      expect(code).toBe(2);
      expect(err.split("\n")[0]).toBe(`--date 不是有效日期：“${date}”。`);
      expect(existsSync(out)).toBe(false);
    }
  );

  it("real dates pass, leap days included", () => {
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2000-02-29")).toBe(true);
    expect(isCalendarDate("1900-02-29")).toBe(false);
    expect(isCalendarDate("0099-12-31")).toBe(true);
  });

  it("--out naming an existing folder writes the default name into it", async () => {
    const input = join(dir, "某局.xlsx");
    copyFileSync(SAMPLE_PATH, input);
    const folder = join(dir, "结果");
    mkdirSync(folder);
    const { code, out } = await run(["score", input, "--out", folder, "--date", DATE]);
    expect(code).toBe(0);
    expect(out).toContain(
      `已写入 ${join(folder, "某局.已评分.xlsx")} 的“绩效自评汇总”、“核对清单”工作表。`
    );
    expect(readdirSync(folder)).toEqual(["某局.已评分.xlsx"]);
  });

  it("--out ending in a separator is a folder, created when missing", async () => {
    const input = join(dir, "某局.xlsx");
    const { code } = await run(["score", input, "--out", join(dir, "新建") + "/", "--date", DATE]);
    expect(code).toBe(0);
    expect(readdirSync(join(dir, "新建"))).toEqual(["某局.已评分.xlsx"]);
  });

  it("--out under a file: exit 1, a Chinese reason naming the file", async () => {
    const input = join(dir, "某局.xlsx");
    const out = join(input, "a.xlsx");
    const { code, err } = await run(["score", input, "--out", out]);
    expect(code).toBe(1);
    expect(err).toBe(
      `未能保存 ${input} 的评分结果：无法写入 ${out}：路径中有一部分是文件而不是文件夹`
    );
  });

  it("an .xlsm is copied as .xlsx (the copy has no macros, a warning says so); --in-place is refused", async () => {
    const input = join(dir, "宏.xlsm");
    const p = await Package.sample();
    p.zip.file("xl/vbaProject.bin", Buffer.alloc(64, 1));
    await p.edit(CT, (xml) => xml.replace(XLSX_MAIN, XLSM_MAIN));
    await p.save(input);
    const before = sha(input);
    const inPlace = await run(["score", input, "--in-place", "--date", DATE]);
    expect(inPlace.code).toBe(1);
    expect(inPlace.err).toBe(
      `不能就地写入 ${input}：工作簿含有 VBA 宏，本工具写出时会丢失这些对象；` +
        "请去掉 --in-place（将另存副本）或在 Excel 中使用加载项"
    );
    expect(sha(input)).toBe(before);
    const { code, errLines } = await run(["score", input, "--date", DATE]);
    expect(code).toBe(0);
    const output = join(dir, "宏.已评分.xlsx");
    expect(existsSync(output)).toBe(true);
    expect(errLines).toEqual([`注意：${output} 中不含原文件的 VBA 宏；原文件未改动。`]);
    const types = await partText(output, CT);
    expect(types).toContain(XLSX_MAIN);
    expect(types).not.toContain("macroEnabled");
    expect(await parts(output)).not.toContain("xl/vbaProject.bin");
  });

  it("a summary the user renamed to keep is left as it was, and the run says so", async () => {
    const scored = join(dir, "改名.xlsx");
    await run(["score", SAMPLE_PATH, "--out", scored, "--date", DATE]);
    const p = new Package(await JSZip.loadAsync(readFileSync(scored)));
    await p.edit("xl/workbook.xml", (xml) =>
      xml
        .replace('name="绩效自评汇总"', 'name="我的汇总"')
        .replace(/&apos;绩效自评汇总&apos;!/g, "&apos;我的汇总&apos;!")
    );
    await p.save(scored);
    const again = await run(["score", scored, "--in-place", "--date", DATE]);
    expect(again.code).toBe(0);
    expect(again.out).toContain("（改名保留的“我的汇总”是上次的评分结果，未更新）");
    const names = [
      ...(await partText(scored, "xl/workbook.xml")).matchAll(/<sheet [^>]*name="([^"]+)"/g),
    ].map((m) => m[1]);
    expect(names).toEqual(expect.arrayContaining(["我的汇总", "绩效自评汇总"]));
  });

  it("保护工作簿: no sheet is added (the scores are shown, the input is untouched); an own sheet is still replaced in place", async () => {
    const input = join(dir, "保护.xlsx");
    const p = await Package.sample();
    const lock = '<workbookProtection lockStructure="1" workbookPassword="CC3D"/>';
    await p.edit("xl/workbook.xml", (xml) => xml.replace(/(<workbookPr\b[^>]*\/>)/, `$1${lock}`));
    await p.save(input);
    const before = sha(input);
    const locked = await run(["score", input, "--in-place", "--date", DATE]);
    expect(locked.code).toBe(1);
    expect(locked.out).toContain("总分 95.18 分");
    expect(locked.err).toBe(`未能保存 ${input} 的评分结果：${STRUCTURE_PROTECTED}`);
    expect(sha(input)).toBe(before);
    // Scored once before it was locked: its sheets are replaced, none added.
    const scored = join(dir, "保护前.xlsx");
    await run(["score", SAMPLE_PATH, "--out", scored, "--date", DATE]);
    const relocked = new Package(await JSZip.loadAsync(readFileSync(scored)));
    await relocked.edit("xl/workbook.xml", (xml) =>
      xml.replace(/(<workbookPr\b[^>]*\/>)/, `$1${lock}`)
    );
    await relocked.save(scored);
    const sheetsBefore = (await partText(scored, "xl/workbook.xml")).match(/<sheet /g)?.length;
    expect((await run(["score", scored, "--in-place", "--date", DATE])).code).toBe(0);
    expect((await partText(scored, "xl/workbook.xml")).match(/<sheet /g)?.length).toBe(
      sheetsBefore
    );
  });

  it("the fallback names what it changes in workbook.xml and the sheets, and keeps a hidden 核对清单 hidden", async () => {
    const scored = join(dir, "回写前.xlsx");
    await run(["score", SAMPLE_PATH, "--out", scored, "--date", DATE]);
    const p = new Package(await JSZip.loadAsync(readFileSync(scored)));
    await p.edit(CT, (xml) => xml.replace(XLSX_MAIN, XLSM_MAIN));
    await p.edit("xl/workbook.xml", (xml) =>
      xml
        .replace(/(<workbookPr\b[^>]*\/>)/, '$1<workbookProtection lockStructure="1"/>')
        .replace(/<sheet ([^>]*name="核对清单")/, '<sheet state="hidden" $1')
        .replace(
          "</definedNames>",
          '<definedName name="区域" localSheetId="1">预算支出!$B$4:$D$12</definedName>' +
            "<definedName name=\"旧区\">'O''Neil'!$A$1</definedName></definedNames>"
        )
    );
    await p.edit("xl/worksheets/sheet1.xml", (xml) =>
      xml.replace("<pageMargins", '<sheetProtection password="CC3D" sheet="1"/><pageMargins')
    );
    const input = join(dir, "回写.xlsm");
    await p.save(input);
    const { code, errLines } = await run(["score", input, "--date", DATE]);
    expect(code).toBe(0);
    const output = join(dir, "回写.已评分.xlsx");
    expect(errLines).toEqual([
      `注意：${output} 中不含原文件的工作表保护密码 1 个、工作簿保护（保护工作簿）、工作表级名称（将变为工作簿级） 1 个、引用含单引号工作表名的打印区域等名称 1 个；原文件未改动。`,
    ]);
    expect(await partText(output, "xl/workbook.xml")).toMatch(
      /<sheet [^>]*name="核对清单"[^>]*state="hidden"|<sheet [^>]*state="hidden"[^>]*name="核对清单"/
    );
  });

  it("a template (the fallback rewrites every part, losing nothing): --in-place is refused, the copy is an .xlsx", async () => {
    const input = join(dir, "模板.xltx");
    const p = await Package.sample();
    await p.edit(CT, (xml) => xml.replace(XLSX_MAIN, XLTX_MAIN));
    await p.save(input);
    const before = sha(input);
    const inPlace = await run(["score", input, "--in-place", "--date", DATE]);
    expect(inPlace.code).toBe(1);
    expect(inPlace.err).toBe(`不能就地写入 ${input}：${REWRITE_IN_PLACE}`);
    expect(sha(input)).toBe(before);
    const { code } = await run(["score", input, "--date", DATE]);
    expect(code).toBe(0);
    expect(await partText(join(dir, "模板.已评分.xlsx"), CT)).toContain(XLSX_MAIN);
  });

  it("a macro-enabled workbook without macros: copied as .xlsx without a warning; --in-place is refused", async () => {
    const input = join(dir, "无宏.xlsm");
    const p = await Package.sample();
    await p.edit(CT, (xml) => xml.replace(XLSX_MAIN, XLSM_MAIN));
    await p.save(input);
    const before = sha(input);
    const inPlace = await run(["score", input, "--in-place", "--date", DATE]);
    expect(inPlace.code).toBe(1);
    expect(inPlace.err).toBe(`不能就地写入 ${input}：${MACRO_IN_PLACE}`);
    expect(sha(input)).toBe(before);
    const { code, err } = await run(["score", input, "--date", DATE]);
    expect(code).toBe(0);
    expect(err).toBe("");
    const types = await partText(join(dir, "无宏.已评分.xlsx"), CT);
    expect(types).toContain(XLSX_MAIN);
    expect(types).not.toContain("macroEnabled");
  });
});
