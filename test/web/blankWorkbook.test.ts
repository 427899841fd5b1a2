/**
 * A new workbook from nothing (the 网页版's 汇总排名.xlsx): the package writer adds the ranking
 * as its only sheet, and both our reader and ExcelJS open the result.
 */
import ExcelJS from "exceljs";
import { blankWorkbook } from "../../src/hosts/file/blankWorkbook";
import { writeOwnedSheetIntoPackage } from "../../src/hosts/file/packageWriter";
import { readPackage } from "../../src/hosts/file/packageReader";
import { ZipPackage } from "../../src/hosts/file/zipPackage";
import { rankingEntry, rankingLayout } from "../../src/layout/ranking";
import { evaluate } from "../../src/evaluate/evaluate";
import { seed } from "../helpers";

describe("blankWorkbook", () => {
  it("takes the ranking as its only sheet; our reader and ExcelJS open it", async () => {
    const layout = rankingLayout([rankingEntry(evaluate(seed()), "某局.xlsx")], [], {
      date: "2026-11-29",
    });
    const written = await writeOwnedSheetIntoPackage(blankWorkbook(), layout, {
      markerName: null,
      preferredName: layout.name,
    });
    const snapshot = readPackage(ZipPackage.read(written.data));
    expect(snapshot.sheets.map((s) => s.name)).toEqual([layout.name]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(written.data as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([layout.name]);
    const text = JSON.stringify(snapshot.sheets[0].values);
    expect(text).toContain("佛山市社会保险基金管理局");
    expect(text).toContain("95.18");
  });
});
