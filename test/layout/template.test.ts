/** The input sheets (插入模板 and the samples) print on A4, one page wide, never on Letter. */
import ExcelJS from "exceljs";
import { templateLayouts } from "../../src/layout/template";
import { foshan2022 } from "../../src/standard/presets";
import { seed } from "../helpers";
import { SAMPLE_PATH } from "../parse/sampleSnapshot";

describe("input sheets' page setup", () => {
  it("gives every template sheet A4, one page wide, its cells as the print area", () => {
    for (const layout of templateLayouts(foshan2022, seed())) {
      const bottom = Math.max(...layout.cells.map((c) => c.row));
      expect({ sheet: layout.name, print: layout.print }).toMatchObject({
        sheet: layout.name,
        print: { paper: "A4", fitToPagesWide: 1, printArea: { top: 0, left: 0, bottom } },
      });
    }
  });

  it("the bundled sample's own sheets are set to A4 (paper size 9)", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE_PATH);
    expect(wb.worksheets.length).toBeGreaterThanOrEqual(5);
    for (const ws of wb.worksheets)
      expect({
        sheet: ws.name,
        paper: ws.pageSetup.paperSize,
        fit: ws.pageSetup.fitToWidth,
      }).toEqual({ sheet: ws.name, paper: 9, fit: 1 });
  });
});

describe("基本信息's input checks", () => {
  it("bound the 年度, 财政支出执行率 and 满意度 value cells, each in its own row", () => {
    const info = templateLayouts(foshan2022, seed()).find((l) => l.name === "基本信息");
    const labelAt = (row: number) =>
      info?.cells.find((c) => c.row === row && c.column === 0)?.value;
    const checked = (info?.validations ?? []).map((v) => ({
      label: labelAt(v.range.top),
      column: v.range.left,
      rows: v.range.bottom - v.range.top + 1,
      max: "max" in v.rule ? v.rule.max : null,
    }));
    expect(checked).toEqual([
      { label: "年度", column: 1, rows: 1, max: 2100 },
      { label: "财政支出执行率", column: 1, rows: 1, max: 2 },
      { label: "满意度", column: 1, rows: 1, max: 1 },
    ]);
  });
});
