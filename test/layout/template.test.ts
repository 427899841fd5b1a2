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
