/**
 * The package writer renders a SheetLayout straight to SpreadsheetML (sheetXml.ts). Whatever a
 * user sees must be what ExcelJS's writeLayout renders for the same layout: every layout the
 * add-in writes (summary, settings, template sheets, ranking) and an odd one are written both
 * ways and compared through ExcelJS, cell by cell, with validation, views and print setup.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import { evaluate } from "../../src/evaluate/evaluate";
import { writeOwnedSheetIntoPackage } from "../../src/hosts/file/packageWriter";
import { sheetStyles, worksheetXml, xmlText } from "../../src/hosts/file/sheetXml";
import { writeLayout } from "../../src/hosts/file/writeLayout";
import { rankingLayout, rankingEntry } from "../../src/layout/ranking";
import { settingsLayout } from "../../src/layout/settings";
import { type SheetLayout, materialized } from "../../src/layout/sheetLayout";
import { checklistLayout } from "../../src/layout/checklist";
import { projectLines } from "../../bench/workbooks";
import { templateLayouts } from "../../src/layout/template";
import { foshan2022, genericPreset } from "../../src/standard/presets";
import { standardLayout } from "../../src/layout/standardSheet";
import { seed } from "../helpers";
import { SAMPLE_PATH } from "../parse/sampleSnapshot";
import { asExcelJSRenders, fingerprint } from "./fingerprint";
import { summaryOf } from "./packageTools";

const summaryOfSample = () => summaryOf(new Uint8Array(readFileSync(SAMPLE_PATH)));

/** A layout with what the add-in's own layouts use rarely or never. */
const ODD: SheetLayout = {
  name: "杂项 A&B",
  fontName: "宋体",
  fontSize: 10,
  cells: [
    { row: 0, column: 0, value: '标题 <1> & "2"', style: { bold: true, fontSize: 14 } },
    { row: 1, column: 0, value: true },
    { row: 1, column: 1, value: false, style: { italic: true, fontColor: "#c00000" } },
    { row: 2, column: 0, value: 1.5, style: { numberFormat: '0.0 "分"', border: true } },
    { row: 2, column: 1, value: 2.25, style: { numberFormat: "0.000" } },
    { row: 2, column: 2, value: 3.75, formula: "=A3+B3", style: { numberFormat: "0.00" } },
    { row: 3, column: 2, value: "是", formula: '=IF(A2,"是","否")' },
    { row: 4, column: 0, value: "  前后空格  ", style: { wrap: true, vertical: "top" } },
    { row: 4, column: 1, value: "第一行\n第二行", style: { wrap: true, horizontal: "right" } },
    { row: 5, column: 0, value: -0.000001 },
    { row: 5, column: 1, value: 123456789012.34 },
    { row: 6, column: 0, value: null, style: { fill: "#FFF2CC", borderBottomThick: true } },
    { row: 6, column: 1, value: "x", style: { border: true, borderBottomThick: true } },
    // The same cell twice: the later one wins, as in ExcelJS.
    { row: 7, column: 0, value: "先" },
    { row: 7, column: 0, value: "后" },
    { row: 9, column: 1, value: "合并", style: { fill: "#DDEBF7", border: true } },
  ],
  merges: [
    { top: 0, left: 0, bottom: 0, right: 3 },
    { top: 9, left: 1, bottom: 10, right: 2 },
  ],
  columnWidths: [12, 9, 20, 9.5],
  rowHeights: { 0: 28, 8: 40 },
  validations: [
    {
      range: { top: 2, left: 0, bottom: 4, right: 1 },
      rule: { kind: "decimal", min: 0, max: 100 },
      errorMessage: "请输入 0～100 的数 & 不要留空",
      prompt: "得分",
    },
    {
      range: { top: 5, left: 2, bottom: 5, right: 2 },
      rule: { kind: "list", choices: ["是", "否"] },
      errorMessage: "请选择",
    },
    {
      range: { top: 6, left: 2, bottom: 6, right: 2 },
      rule: { kind: "wholeNumber", min: 1, max: 9 },
      errorMessage: "整数",
    },
  ],
  frozenRows: 2,
  showGridlines: false,
  tabColor: "#107C10",
  print: {
    paper: "A4",
    orientation: "landscape",
    fitToPagesWide: 1,
    titleRows: { first: 0, last: 1 },
    printArea: { top: 0, left: 0, bottom: 10, right: 3 },
    centerHeader: "页眉 & 标题",
    leftFooter: "左",
    centerFooter: "第 &P 页 共 &N 页",
    rightFooter: "右",
    centerHorizontally: false,
    printGridlines: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.2, footer: 0.2 },
  },
};

async function blankWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("数据").getCell("A1").value = "原有内容";
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function open(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

/** What ExcelJS reads of a sheet besides its cells. */
function setup(ws: ExcelJS.Worksheet): unknown {
  const view = ws.views[0] as Partial<ExcelJS.WorksheetView> & { ySplit?: number };
  return {
    validations: (ws as unknown as { dataValidations: { model: unknown } }).dataValidations.model,
    view: { state: view.state ?? "normal", ySplit: view.ySplit ?? 0, grid: view.showGridLines },
    tabColor: ws.properties.tabColor ?? null,
    // Unset attributes as Excel reads them (ECMA-376 defaults: portrait, fit 1 × 1).
    page: {
      paperSize: ws.pageSetup.paperSize,
      orientation: ws.pageSetup.orientation ?? "portrait",
      fitToPage: ws.pageSetup.fitToPage,
      fitToWidth: ws.pageSetup.fitToWidth ?? 1,
      fitToHeight: ws.pageSetup.fitToHeight ?? 1,
      horizontalCentered: ws.pageSetup.horizontalCentered ?? false,
      showGridLines: ws.pageSetup.showGridLines ?? false,
      printTitlesRow: ws.pageSetup.printTitlesRow ?? null,
      // ExcelJS writes `$A1:$I77`; the package writer `$A$1:$I$77`.
      printArea: ws.pageSetup.printArea?.replace(/\$/g, "") ?? null,
      margins: ws.pageSetup.margins ?? null,
    },
    header: ws.headerFooter?.oddHeader ?? null,
    footer: ws.headerFooter?.oddFooter ?? null,
  };
}

async function bothWays(layout: SheetLayout) {
  const injected = await writeOwnedSheetIntoPackage(await blankWorkbook(), layout, {
    markerName: "JixiaoTest",
    preferredName: layout.name,
  });
  const mine = (await open(injected.data)).getWorksheet(layout.name)!;
  const alone = new ExcelJS.Workbook();
  writeLayout(alone, layout);
  const theirs = (await open(new Uint8Array(await alone.xlsx.writeBuffer()))).getWorksheet(
    layout.name
  )!;
  return { mine, theirs, data: injected.data };
}

describe("a layout written as SpreadsheetML reads back as ExcelJS renders it", () => {
  const cases: [string, () => Promise<SheetLayout> | SheetLayout][] = [
    ["the summary of the sample", summaryOfSample],
    [
      "the settings sheet",
      () => {
        const e = evaluate(seed());
        return settingsLayout({ presetId: "foshan-2022" }, e.standard);
      },
    ],
    ["the 评分标准 sheet of Foshan 2022", () => standardLayout(foshan2022)],
    ["the 评分标准 sheet of the generic preset (caps)", () => standardLayout(genericPreset)],
    ...templateLayouts(foshan2022, seed()).map(
      (l) => [`the template sheet ${l.name}`, () => l] as [string, () => SheetLayout]
    ),
    [
      "the ranking",
      () =>
        rankingLayout(
          [rankingEntry(evaluate(seed()), "甲.xlsx"), rankingEntry(evaluate(seed()), "乙.xlsx")],
          [{ file: "坏.xlsx", reason: "文件已损坏" }],
          { date: "2026-11-27" }
        ),
    ],
    ["an odd layout (booleans, formulas, frozen rows, validations, footers)", () => ODD],
    [
      "the 核对清单 with 40 project lines (a row block, streamed by the package writer)",
      () => checklistLayout(evaluate(seed()), { date: "2026-11-27" }, projectLines(40)),
    ],
  ];

  it.each(cases)("%s", async (_, make) => {
    const layout = await make();
    const { mine, theirs } = await bothWays(layout);
    expect(asExcelJSRenders(mine, layout.columnWidths)).toEqual(fingerprint(theirs));
    expect(setup(mine)).toEqual(setup(theirs));
    // Every cell the layout holds is there (not only what ExcelJS happens to read the same).
    const cells = (fingerprint(mine) as { cells: unknown[] }).cells.length;
    expect(cells).toBeGreaterThanOrEqual(
      new Set(materialized(layout).cells.map((c) => `${c.row},${c.column}`)).size
    );
  });

  it("keeps the odd layout's values, formulas and widths as written", async () => {
    const { mine } = await bothWays(ODD);
    expect(mine.getCell("A1").value).toBe('标题 <1> & "2"');
    expect(mine.getCell("A2").value).toBe(true);
    expect(mine.getCell("B2").value).toBe(false);
    expect(mine.getCell("C3").value).toEqual({ formula: "A3+B3", result: 3.75 });
    expect(mine.getCell("C4").value).toEqual({ formula: 'IF(A2,"是","否")', result: "是" });
    expect(mine.getCell("A5").value).toBe("  前后空格  ");
    expect(mine.getCell("B5").value).toBe("第一行\n第二行");
    expect(mine.getCell("A6").value).toBe(-0.000001);
    expect(mine.getCell("B6").value).toBe(123456789012.34);
    expect(mine.getCell("A8").value).toBe("后");
    // Cells of a merge take the top-left cell's format: the title's bold 14 pt across A1:D1.
    expect(mine.getCell("D1").font).toMatchObject({ bold: true, size: 14 });
    expect([1, 2, 3, 4].map((c) => mine.getColumn(c).width)).toEqual([12, 9, 20, 9.5]);
    expect(mine.getRow(1).height).toBe(28);
    expect(mine.getRow(9).height).toBe(40);
  });

  it("writes cells given out of order in sheet order, the later of two at one address winning", async () => {
    const shuffled: SheetLayout = {
      ...ODD,
      // The 合并 cell first, the rest reversed, but 先 still before 后.
      cells: [ODD.cells[ODD.cells.length - 1]!, ...ODD.cells.slice(0, -1).reverse()].map((c) =>
        c.value === "先" ? { ...c, value: "后" } : c.value === "后" ? { ...c, value: "先" } : c
      ),
    };
    const inOrder = await bothWays(ODD);
    const outOfOrder = await bothWays(shuffled);
    expect(fingerprint(outOfOrder.mine)).toEqual(fingerprint(inOrder.mine));
    expect(outOfOrder.mine.getCell("A8").value).toBe("后");
    const xml = await (
      await JSZip.loadAsync(outOfOrder.data)
    )
      .file("xl/worksheets/sheet2.xml")!
      .async("string");
    const rows = [...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1]));
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(new Set(rows).size).toBe(rows.length);
  });

  it("keeps the value of a cell two merges start from, and gives covered cells its format", () => {
    const layout: SheetLayout = {
      ...ODD,
      name: "两次合并",
      cells: [{ row: 0, column: 5, value: "保留", style: { bold: true } }],
      merges: [
        { top: 0, left: 5, bottom: 0, right: 6 },
        { top: 0, left: 5, bottom: 1, right: 5 },
      ],
      validations: [],
      print: undefined,
    };
    // Overlapping merges are no valid sheet (ExcelJS will not open one): the XML alone.
    const xml = worksheetXml(layout, sheetStyles(layout), (i) => i);
    const f1 = [...xml.matchAll(/<c r="F1"[^>]*?(?:\/>|>.*?<\/c>)/g)].map((m) => m[0]);
    expect(f1).toHaveLength(1);
    expect(f1[0]).toContain("保留");
    const style = (ref: string) => new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(xml)?.[1];
    expect(style("G1")).toBe(style("F1"));
    expect(style("F2")).toBe(style("F1"));
  });

  it("names the print area of a sheet whose name needs quoting (ExcelJS gets it wrong)", async () => {
    const layout = { ...ODD, name: "杂项 'A&B' 表" };
    const { mine, data } = await bothWays(layout);
    expect(mine.pageSetup.printArea?.replace(/\$/g, "")).toBe("A1:D11");
    expect(mine.pageSetup.printTitlesRow).toBe("1:2");
    const workbookXml = await (
      await JSZip.loadAsync(data)
    )
      .file("xl/workbook.xml")!
      .async("string");
    expect(workbookXml).toContain(
      `<definedName name="_xlnm.Print_Area" localSheetId="1">&apos;杂项 &apos;&apos;A&amp;B&apos;&apos; 表&apos;!$A$1:$D$11</definedName>`
    );
  });

  it("gives the cells of a merge without a top-left layout cell the sheet's font", async () => {
    const layout: SheetLayout = {
      ...ODD,
      name: "合并",
      cells: [],
      merges: [{ top: 1, left: 1, bottom: 2, right: 2 }],
      validations: [],
      print: undefined,
    };
    const { mine } = await bothWays(layout);
    for (const address of ["B2", "C2", "B3", "C3"])
      expect(mine.getCell(address).font).toEqual({ name: "宋体", size: 10 });
    expect((mine.model as { merges: string[] }).merges).toEqual(["B2:C3"]);
  });

  it("drops characters XML cannot hold instead of writing an unreadable package", async () => {
    const layout: SheetLayout = {
      name: "控制字符",
      fontName: "宋体",
      fontSize: 11,
      cells: [
        { row: 0, column: 0, value: "甲\u0001乙\u0008丙\u001F丁\tA\r\nB" },
        { row: 1, column: 0, value: "孤\uD800立\uDC00代理\uD83D\uDE00对" },
        { row: 2, column: 0, value: "\uFFFE\uFFFF完" },
      ],
      merges: [],
      columnWidths: [30],
    };
    const injected = await writeOwnedSheetIntoPackage(await blankWorkbook(), layout, {
      markerName: "JixiaoTest",
      preferredName: layout.name,
    });
    const ws = (await open(injected.data)).getWorksheet("控制字符")!;
    expect(ws.getCell("A1").value).toBe("甲乙丙丁\tA\nB");
    expect(ws.getCell("A2").value).toBe("孤立代理\uD83D\uDE00对");
    expect(ws.getCell("A3").value).toBe("完");
    expect(xmlText("a<b>&'\"")).toBe("a&lt;b&gt;&amp;&apos;&quot;");
  });

  it("writes one format per distinct style, and one <col> per run of equal widths", async () => {
    const layout = await summaryOfSample();
    const styles = sheetStyles(layout);
    const distinct = new Set(layout.cells.map((c) => JSON.stringify(c.style ?? {})));
    expect(styles.parts.cellXfs.length).toBeLessThanOrEqual(distinct.size + 1);
    expect(new Set(styles.parts.cellXfs).size).toBe(styles.parts.cellXfs.length);
    const xml = worksheetXml(layout, styles, (i) => i);
    // The summary's widths [8, 10, 15, 7, 8, 13, 13, 12]: F:G share one element.
    expect(xml).toContain('<col min="6" max="7" width="13" customWidth="1"/>');
    expect(xml.match(/<col /g)).toHaveLength(7);
    // Inline strings only: the package's shared-string table is not needed.
    expect(xml).not.toMatch(/t="s"/);
  });

  it("leaves the workbook's other sheet and its shared strings alone", async () => {
    const blank = await blankWorkbook();
    const { data } = await bothWays(ODD);
    const before = await JSZip.loadAsync(blank);
    const after = await JSZip.loadAsync(data);
    for (const part of ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"]) {
      const a = await before.file(part)?.async("string");
      expect(a).toBeDefined();
      expect(await after.file(part)?.async("string")).toBe(a);
    }
    expect((await open(data)).getWorksheet("数据")!.getCell("A1").value).toBe("原有内容");
  });
});
