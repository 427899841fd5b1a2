/**
 * Writing the summary through the ExcelJS host: only the add-in's own sheet changes, checked
 * cell by cell (values, formulas, styles) on every other sheet; re-running is idempotent.
 */
import { FileWorkbook } from "../../src/hosts/file/fileWorkbook";
import { recalculate } from "../../src/pipeline/recalculate";
import { SAMPLE_PATH, SAMPLE_SHEETS } from "../parse/sampleSnapshot";
import { fingerprint } from "./fingerprint";

async function roundTrip(book: FileWorkbook): Promise<FileWorkbook> {
  return FileWorkbook.fromBuffer(await book.toBuffer());
}

describe("writing the summary sheet (ExcelJS host)", () => {
  it("adds 绩效自评汇总 and leaves every other sheet as it was", async () => {
    const before = await FileWorkbook.fromFile(SAMPLE_PATH);
    const fingerprints = before.workbook.worksheets.map(fingerprint);
    const book = await FileWorkbook.fromFile(SAMPLE_PATH);
    const result = await recalculate(book, { date: "2026-11-27" });
    expect(result.write).toEqual({
      sheet: "绩效自评汇总",
      replaced: false,
      besideForeign: undefined,
      skipped: [],
    });
    const after = await roundTrip(book);
    const names = after.workbook.worksheets.map((w) => w.name);
    expect(names).toEqual([...SAMPLE_SHEETS, "绩效自评汇总", "核对清单"]);
    expect(
      after.workbook.worksheets
        .filter((w) => w.name !== "绩效自评汇总" && w.name !== "核对清单")
        .map(fingerprint)
    ).toEqual(fingerprints);
    const summary = after.workbook.getWorksheet("绩效自评汇总")!;
    expect(summary.getCell("A1").value).toBe(
      "佛山市社会保险基金管理局 2022 年度部门整体支出绩效自评表"
    );
    expect(summary.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    // Its indicator table ends on page 1: no title rows repeated over 总分. The 核对清单's runs
    // onto a second page, which repeats its header (一级指标 … 标记).
    expect(summary.pageSetup.printTitlesRow).toBeUndefined();
    const checklist = after.workbook.getWorksheet("核对清单")!;
    const header = checklist.getColumn(1).values.indexOf("一级指标");
    expect(checklist.getCell(header, 9).value).toBe("标记");
    expect(checklist.pageSetup.printTitlesRow).toBe(`${header}:${header}`);
    expect(summary.headerFooter.oddFooter).toBe("&C第 &P 页 共 &N 页");
  });

  it("re-running replaces only its own sheet, in place, with an identical sheet", async () => {
    const book = await FileWorkbook.fromFile(SAMPLE_PATH);
    await recalculate(book, { date: "2026-11-27" });
    const once = await roundTrip(book);
    const first = once.workbook.worksheets.map(fingerprint);
    const second = await recalculate(once, { date: "2026-11-27" });
    expect(second.write?.replaced).toBe(true);
    const twice = await roundTrip(once);
    expect(twice.workbook.worksheets.map(fingerprint)).toEqual(first);
    expect(second.evaluation.total.toString()).toBe("95.18");
  });

  it("never overwrites a same-named sheet it did not create: writes beside it and says so", async () => {
    const book = await FileWorkbook.fromFile(SAMPLE_PATH);
    const mine = book.workbook.addWorksheet("绩效自评汇总");
    mine.getCell("A1").value = "我自己的汇总";
    mine.getCell("B3").value = { formula: "1+1", result: 2 };
    const before = fingerprint(mine);
    const result = await recalculate(book, { date: "2026-11-27" });
    expect(result.write).toMatchObject({
      sheet: "绩效自评汇总（助手）",
      replaced: false,
      besideForeign: "绩效自评汇总",
    });
    const after = await roundTrip(book);
    expect(fingerprint(after.workbook.getWorksheet("绩效自评汇总")!)).toEqual(before);
    // The next run replaces only our own sheet, again beside the user's.
    const again = await recalculate(after, { date: "2026-11-27" });
    expect(again.write).toMatchObject({ sheet: "绩效自评汇总（助手）", replaced: true });
    expect(again.evaluation.total.toString()).toBe("95.18");
  });
});
