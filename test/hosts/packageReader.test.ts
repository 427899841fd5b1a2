/**
 * The command line reads workbooks straight from the package (packageReader.ts). It must see
 * exactly what ExcelJS (and so the playground) sees, for workbooks as Excel, WPS and .NET
 * generators write them: shared and inline strings, rich text with phonetic runs, Excel's
 * `_x000D_` escapes, booleans, errors, formula results, built-in and custom formats, merged
 * cells, hidden sheets, chart sheets, prefixed element names.
 */
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import * as v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { basename, join } from "node:path";
import { FileWorkbook } from "../../src/hosts/file/fileWorkbook";
import { MAX_CELLS, WorkbookTooLarge, readPackage } from "../../src/hosts/file/packageReader";
import { MEMORY_BASE, MEMORY_PER_CELL, readLimits } from "../../src/cli/openWorkbook";
import { scoreWorkbookData } from "../../src/cli/scoreFile";
import { XmlError, decodeEntities, xmlText } from "../../src/hosts/file/xmlCursor";
import { ZipPackage } from "../../src/hosts/file/zipPackage";
import { OWNER_NAMES } from "../../src/hosts/ownership";
import { UNCALCULATED } from "../../src/hosts/snapshot";
import { SAMPLE_PATH } from "../parse/sampleSnapshot";

const throughExcelJs = async (data: Uint8Array) =>
  JSON.parse(JSON.stringify(await (await FileWorkbook.fromBuffer(data)).read()));
const straight = (data: Uint8Array) =>
  JSON.parse(JSON.stringify(readPackage(ZipPackage.read(data))));

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";

/** Adds `x:` before every element name of `xml` (as .NET's Open XML SDK writes). */
const prefixed = (xml: string) =>
  xml
    .replace(/<(\/?)(?=[A-Za-z])/g, "<$1x:")
    .replace(/xmlns="([^"]+)"/, 'xmlns:x="$1"')
    .replace(/<(\/?)x:(Relationships?|Types|Default|Override)\b/g, "<$1$2");

/** A workbook written by hand as Excel writes one; `prefix`: as the Open XML SDK writes it. */
async function handWritten(prefix = false): Promise<Uint8Array> {
  const x = (xml: string) => (prefix ? prefixed(xml) : xml);
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.worksheet+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet2.xml" ContentType="${CT}.worksheet+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/></Types>`
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}">` +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}">` +
      `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/worksheet" Target="/xl/worksheets/sheet2.xml"/>` +
      `<Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
      `<Relationship Id="rId4" Type="${REL}/styles" Target="styles.xml"/></Relationships>`
  );
  zip.file(
    "xl/workbook.xml",
    x(
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
        `<sheet name="预算 &amp; 决算" sheetId="1" r:id="rId1"/>` +
        `<sheet name="旧表" sheetId="2" state="hidden" r:id="rId2"/></sheets>` +
        `<definedNames><definedName name="${OWNER_NAMES.settings}">'预算 &amp; 决算'!$A$1</definedName>` +
        `</definedNames></workbook>`
    )
  );
  zip.file(
    "xl/sharedStrings.xml",
    x(
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="4" uniqueCount="4">` +
        `<si><t>基本支出</t></si>` +
        `<si><r><rPr><b/></rPr><t>项目</t></r><r><t xml:space="preserve"> 支出</t></r>` +
        `<rPh sb="0" eb="2"><t>xiangmu</t></rPh></si>` +
        `<si><t>第一行_x000D_\r\n第二行</t></si>` +
        `<si><t/></si></sst>`
    )
  );
  zip.file(
    "xl/styles.xml",
    x(
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}">` +
        `<numFmts count="1"><numFmt numFmtId="176" formatCode="#,##0.00&quot;万元&quot;"/></numFmts>` +
        `<cellStyleXfs count="1"><xf numFmtId="10"/></cellStyleXfs>` +
        `<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="10" applyNumberFormat="1"/>` +
        `<xf numFmtId="176"><alignment wrapText="1"/></xf><xf numFmtId="14"/></cellXfs></styleSheet>`
    )
  );
  zip.file(
    "xl/worksheets/sheet1.xml",
    x(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>` +
        `<row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2" s="2"><v>2908.01</v></c>` +
        `<c s="1"><v>0.9676</v></c></row>` +
        `<row r="3"><c r="B3" t="s"><v>1</v></c><c r="C3" s="2"><f>C2*2</f><v>43757.42</v></c>` +
        `<c r="D3" t="b"><v>1</v></c><c r="E3" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>` +
        `<row r="4"><c r="B4" t="inlineStr"><is><t>内联 &lt;文字&gt;</t></is></c>` +
        `<c r="C4" t="str"><f>"合"&amp;"计"</f><v>合计</v></c><c r="D4" s="3"><v>44926</v></c>` +
        `<c r="E4" s="1"/><c r="F4"><f>G4</f></c></row>` +
        `<row r="5"><c r="B5" t="s"><v>2</v></c><c r="C5" t="s"><v>0</v></c></row>` +
        `<row r="6"><c r="B6" t="s"><v>3</v></c><c r="C6"><v></v></c><c r="D6"><f>G6*0</f><v>0</v></c></row>` +
        `</sheetData><mergeCells count="1"><mergeCell ref="B5:C5"/></mergeCells></worksheet>`
    )
  );
  zip.file(
    "xl/worksheets/sheet2.xml",
    x(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>` +
        `<row r="1"><c r="A1"><v>7</v></c></row></sheetData></worksheet>`
    )
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

describe("reading the package straight (packageReader)", () => {
  it.each(
    [
      SAMPLE_PATH,
      join(__dirname, "../../samples/foshan-sbj-2022-projects.xlsx"),
      join(__dirname, "../../samples/broken/error-value.xlsx"),
      join(__dirname, "../../samples/broken/text-in-number.xlsx"),
    ].map((path) => [basename(path), path])
  )("sees %s exactly as ExcelJS does", async (_, path) => {
    const data = new Uint8Array(readFileSync(path));
    expect(straight(data)).toEqual(await throughExcelJs(data));
  });

  it("sees a workbook written as Excel writes it exactly as ExcelJS does", async () => {
    const data = await handWritten();
    expect(straight(data)).toEqual(await throughExcelJs(data));
  });

  it("reads each kind of cell as Excel shows it", async () => {
    const book = straight(await handWritten());
    expect(book.ownedSheets).toEqual({
      settings: "预算 & 决算",
      summary: null,
      projects: null,
      checklist: null,
      report: null,
    });
    const [main, old] = book.sheets;
    expect(old).toMatchObject({ name: "旧表", hidden: true, values: [[7]] });
    expect(main).toMatchObject({ name: "预算 & 决算", top: 1, left: 1 });
    // F4 is a formula the file holds no value for: read as such, not as an empty cell; D6 is one
    // whose value is 0.
    expect(main.values).toEqual([
      ["基本支出", 2908.01, 0.9676, null, null],
      ["项目 支出", 43757.42, true, { error: "#DIV/0!" }, null],
      ["内联 <文字>", "合计", 44926, null, UNCALCULATED],
      ["第一行\r\n第二行", null, null, null, null],
      [null, null, 0, null, null],
    ]);
    expect(main.numberFormats[0]).toEqual([
      "General",
      '#,##0.00"万元"',
      "0.00%",
      "General",
      "General",
    ]);
    expect(main.numberFormats[2][2]).toBe("mm-dd-yy");
  });

  it("sees formulas as ExcelJS does: a result of 0 is 0, no result is no value", async () => {
    const data = await handWritten();
    expect(straight(data)).toEqual(await throughExcelJs(data));
  });

  it("reads element names with a prefix (the Open XML SDK's x:) as without", async () => {
    expect(straight(await handWritten(true))).toEqual(straight(await handWritten()));
  });

  it("never inflates a part scoring does not need: a damaged picture does not matter", async () => {
    const zip = await JSZip.loadAsync(readFileSync(SAMPLE_PATH));
    zip.file("xl/media/image1.png", new Uint8Array(4096).fill(7));
    const data = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const bytes = Buffer.from(data);
    // Break the picture's compressed bytes (the directory still says where it is).
    const at = bytes.indexOf(Buffer.from("xl/media/image1.png")) + 19;
    bytes.fill(0xff, at, at + 12);
    const pkg = ZipPackage.read(new Uint8Array(bytes));
    expect(() => pkg.bytes("xl/media/image1.png")).toThrow();
    expect(readPackage(pkg).sheets.map((s) => s.name)).toContain("预算支出");
  });

  it('reads a t="d" cell as a date whatever its style: an amount typed as one is named, not taken', async () => {
    // Web exports (SheetJS with cellDates) write dates as ISO text in t="d" cells.
    const zip = await JSZip.loadAsync(readFileSync(SAMPLE_PATH));
    const part = "xl/worksheets/sheet2.xml"; // 预算支出
    const xml = await zip.file(part)!.async("string");
    const dated = xml.replace(
      /<c r="D5" s="(\d+)"><v>[^<]*<\/v><\/c>/,
      '<c r="D5" s="$1" t="d"><v>2022-12-31</v></c>'
    );
    expect(dated).not.toBe(xml);
    zip.file(part, dated);
    const data = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const sheet = straight(data).sheets.find((s: { name: string }) => s.name === "预算支出");
    expect(sheet.values[4 - sheet.top][3 - sheet.left]).toBe(44926);
    expect(sheet.numberFormats[4 - sheet.top][3 - sheet.left]).toBe("yyyy-mm-dd");
    const scored = await scoreWorkbookData(data, { date: "2026-11-27" });
    if (!scored.ok) throw new Error(scored.reason);
    expect(
      scored.result.parse.problems.map((p) => `${p.sheet}!${p.cell}：${p.message}`)
    ).toContainEqual(expect.stringMatching(/^预算支出!D5：.*单元格格式为日期，不是数字/));
  });

  it("reads parts written in UTF-16 (OPC allows it) as their UTF-8 twins, and writes beside them", async () => {
    const zip = await JSZip.loadAsync(readFileSync(SAMPLE_PATH));
    const utf16 = (text: string) =>
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(text.replace(/encoding="UTF-8"/i, 'encoding="UTF-16"'), "utf16le"),
      ]);
    for (const part of ["xl/workbook.xml", "xl/styles.xml", "xl/worksheets/sheet2.xml"])
      zip.file(part, utf16(await zip.file(part)!.async("string")));
    const data = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    expect(straight(data)).toEqual(straight(new Uint8Array(readFileSync(SAMPLE_PATH))));
    const scored = await scoreWorkbookData(data, { date: "2026-11-27" });
    if (!scored.ok) throw new Error(scored.reason);
    expect(scored.result.evaluation.total.toString()).toBe("95.18");
    // The edited workbook part is written back as UTF-8, and says so.
    const written = ZipPackage.read(scored.data).text("xl/workbook.xml") ?? "";
    expect(written).toMatch(/^<\?xml[^>]*encoding="UTF-8"/);
    expect(written).toContain('name="绩效自评汇总"');
  });

  it("refuses a document type declaration: no entity is ever defined or expanded", async () => {
    const zip = await JSZip.loadAsync(await handWritten());
    const laughs = '<!DOCTYPE sst [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>';
    const sst = await zip.file("xl/sharedStrings.xml")!.async("string");
    zip.file("xl/sharedStrings.xml", sst.replace("<sst ", `${laughs}<sst `));
    const data = await zip.generateAsync({ type: "uint8array" });
    expect(() => readPackage(ZipPackage.read(data))).toThrow(XmlError);
  });

  it("refuses a cell placed outside any worksheet", async () => {
    const zip = await JSZip.loadAsync(await handWritten());
    zip.file(
      "xl/worksheets/sheet2.xml",
      `<worksheet xmlns="${MAIN}"><sheetData><row r="99999999999"><c><v>1</v></c></row></sheetData></worksheet>`
    );
    const data = await zip.generateAsync({ type: "uint8array" });
    expect(() => readPackage(ZipPackage.read(data))).toThrow(/超出工作表范围/);
  });

  it("refuses a workbook of more cells than it reads, in Chinese, before memory runs out", async () => {
    const zip = await JSZip.loadAsync(await handWritten());
    const row = "<c><v>1</v></c>".repeat(16_384);
    const rows = Math.ceil((MAX_CELLS + 1) / 16_384);
    zip.file(
      "xl/worksheets/sheet2.xml",
      `<worksheet xmlns="${MAIN}"><sheetData>${`<row>${row}</row>`.repeat(rows)}</sheetData></worksheet>`
    );
    const data = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const scored = await scoreWorkbookData(data);
    expect(scored).toMatchObject({ ok: false, stage: "read" });
    expect(scored.ok ? "" : scored.reason).toMatch(
      /^工作簿中的非空单元格超过 200 万个（已读到 2,000,001 个），超出本工具可处理的范围/
    );
  }, 60_000);

  it("counts cells against the memory a small heap holds, and says so in Chinese", () => {
    const MB = 1024 * 1024;
    // A heap of 4 GB holds the whole allowance; 1 GB (--max-old-space-size=1024) more than the
    // million cells of 200,000 project rows; 248 MB (--max-old-space-size=200) far fewer.
    expect(readLimits(1, 4096 * MB)).toEqual({ maxCells: MAX_CELLS });
    expect(readLimits(1, 1072 * MB).maxCells).toBeGreaterThan(1_500_000);
    // Two files in hand (a folder run) share the heap: each may take half.
    expect(readLimits(1 / 2, 1072 * MB)).toEqual({
      maxCells: Math.floor((536 * MB - MEMORY_BASE) / MEMORY_PER_CELL),
      memoryMb: 536,
    });
    const small = readLimits(1, 248 * MB);
    expect(small).toEqual({
      maxCells: Math.floor((248 * MB - MEMORY_BASE) / MEMORY_PER_CELL),
      memoryMb: 248,
    });
    expect(small.maxCells).toBeLessThan(1_000_000);
    expect(new WorkbookTooLarge(small.maxCells + 1, small).message).toBe(
      `工作簿中的非空单元格超过 ${small.maxCells.toLocaleString("en-US")} 个（已读到 ${(small.maxCells + 1).toLocaleString("en-US")} 个），本进程可用的内存（248 MB）不够评分；请删去与评分无关的工作表，或给 Node 更多内存（--max-old-space-size）后再试`
    );
    expect(() =>
      readPackage(ZipPackage.read(readFileSync(SAMPLE_PATH)), { maxCells: 10, memoryMb: 1 })
    ).toThrow(/非空单元格超过 10 个（已读到 11 个），本进程可用的内存（1 MB）不够评分/);
  });

  it("leaves out the cells of the summaries it wrote (scoring does), reads every other sheet", async () => {
    const scored = await scoreWorkbookData(new Uint8Array(readFileSync(SAMPLE_PATH)), {
      date: "2026-11-27",
    });
    if (!scored.ok) throw new Error(scored.reason);
    const straightRead = straight(scored.data);
    const excelJsRead = await throughExcelJs(scored.data);
    expect(straightRead.ownedSheets).toEqual(excelJsRead.ownedSheets);
    expect(straightRead.ownedSheets.summary).toBe("绩效自评汇总");
    const summary = straightRead.sheets.find((s: { name: string }) => s.name === "绩效自评汇总");
    expect(summary.values).toEqual([]);
    expect(straightRead.sheets.find((s: { name: string }) => s.name === "核对清单").values).toEqual(
      []
    );
    const others = (read: { sheets: { name: string }[] }) =>
      read.sheets.filter((s) => s.name !== "绩效自评汇总" && s.name !== "核对清单");
    expect(others(straightRead)).toEqual(others(excelJsRead));
    expect(
      excelJsRead.sheets.find((s: { name: string }) => s.name === "绩效自评汇总").values.length
    ).toBeGreaterThan(20);
  });

  it("keeps an escaped carriage return (&#13;) while literal line ends become \\n, as XML says", async () => {
    expect(xmlText("甲&#13;乙\r\n丙\r丁")).toBe("甲\r乙\n丙\n丁");
    const zip = await JSZip.loadAsync(await handWritten());
    const sst = await zip.file("xl/sharedStrings.xml")!.async("string");
    zip.file("xl/sharedStrings.xml", sst.replace("<t>基本支出</t>", "<t>基本&#13;支出</t>"));
    const data = await zip.generateAsync({ type: "uint8array" });
    const read = straight(data);
    expect(read.sheets[0].values[0][0]).toBe("基本\r支出");
    expect(read).toEqual(await throughExcelJs(data));
  });

  it("keeps no sheet's or string table's XML alive through a long text it read from it", async () => {
    // A substring would keep its whole part (a sheet of 100,000 rows is 40 MB of text) for as
    // long as the value is kept: a project name, the whole run.
    v8.setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const padding = `<!--${"填".repeat(4_000_000)}-->`; // 8 MB as a JavaScript string
    const zip = await JSZip.loadAsync(await handWritten());
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    zip.file(
      "xl/worksheets/sheet1.xml",
      sheet
        .replace("<sheetData>", `${padding}<sheetData>`)
        .replace("<t>内联 &lt;文字&gt;</t>", "<t>二〇二二年社会保险基金信息化建设项目（内联）</t>")
    );
    const sst = await zip.file("xl/sharedStrings.xml")!.async("string");
    zip.file(
      "xl/sharedStrings.xml",
      sst.replace(
        "<si><t>基本支出</t></si>",
        `<si><t>二〇二二年基本支出保障经费项目</t></si>${padding}`
      )
    );
    const data = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    gc();
    const before = process.memoryUsage().heapUsed;
    const values = readPackage(ZipPackage.read(data)).sheets[0]?.values;
    const kept = [values?.[2]?.[0], values?.[0]?.[0]]; // B4 and B2 (the sheet starts at B2)
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    expect(kept).toEqual([
      "二〇二二年社会保险基金信息化建设项目（内联）",
      "二〇二二年基本支出保障经费项目",
    ]);
    expect(grown).toBeLessThan(4 * 1024 * 1024);
  });

  it("reads a sheet of several megabytes in pieces exactly as in one text", async () => {
    const rows = Array.from(
      { length: 20_000 },
      (_, i) =>
        `<row r="${i + 10}"><c r="B${i + 10}" t="inlineStr"><is><t>社会保险经办服务能力提升项目${i}</t></is></c>` +
        `<c r="C${i + 10}" s="2"><v>${100 + (i % 50)}.25</v></c><c r="D${i + 10}" t="s"><v>${i % 2}</v></c></row>`
    ).join("");
    const zip = await JSZip.loadAsync(await handWritten());
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const big = sheet.replace("</sheetData>", `${rows}</sheetData>`);
    expect(Buffer.byteLength(big)).toBeGreaterThan(2 * 1024 * 1024); // cut into pieces of 1 MB
    zip.file("xl/worksheets/sheet1.xml", big);
    const inPieces = straight(await zip.generateAsync({ type: "uint8array" }));
    // A comment anywhere: read as one text.
    zip.file("xl/worksheets/sheet1.xml", big.replace("<sheetData>", "<!-- --><sheetData>"));
    const whole = straight(await zip.generateAsync({ type: "uint8array" }));
    expect(inPieces).toEqual(whole);
    expect(inPieces.sheets[0].values.length).toBe(20_008);
    expect(inPieces.sheets[0].values[20_007]).toEqual([
      "社会保险经办服务能力提升项目19999",
      149.25,
      "项目 支出",
      null, // rows are as wide as the sheet (B to F)
      null,
    ]);
  });

  it("drops a reference to no character instead of failing on it", () => {
    expect(decodeEntities("a&#x110000;b&#0;c&amp;&unknown;")).toBe("abc&&unknown;");
  });
});
