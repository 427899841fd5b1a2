/**
 * The WPS 表格 host on the ET test double: it reads what the package reader reads and scores
 * the sample 95.18 / 优; writes the summary by the ownership rules (added after the last sheet,
 * marked, replaced on the next run, written beside a sheet of the user's of that name); refuses
 * a protected structure before trying; reads hidden sheets only within their window and error
 * values as errors; selects cells; inserts the template.
 */
import { readFileSync } from "node:fs";
import { describeError } from "../../src/hosts/excel/errors";
import { readPackage } from "../../src/hosts/file/packageReader";
import { ZipPackage } from "../../src/hosts/file/zipPackage";
import { OWNER_NAMES } from "../../src/hosts/ownership";
import { WpsWorkbook } from "../../src/hosts/wps/wpsWorkbook";
import { rowsOf } from "../../src/hosts/wps/et";
import { parseWorkbook } from "../../src/parse/parseWorkbook";
import { insertTemplate } from "../../src/pipeline/insertTemplate";
import { recalculate } from "../../src/pipeline/recalculate";
import { foshan2022 } from "../../src/standard/presets";
import { FakeEt, type FakeEtWorkbook } from "../fakes/fakeEt";
import { SAMPLE_PATH, SAMPLE_SHEETS } from "../parse/sampleSnapshot";

const sampleSnapshot = () =>
  readPackage(ZipPackage.read(new Uint8Array(readFileSync(SAMPLE_PATH))));
const sampleEt = () => FakeEt.fromSnapshot(sampleSnapshot());
const book = (et: FakeEt) => et.ActiveWorkbook as FakeEtWorkbook;

describe("WPS host (ET double)", () => {
  it("reads the sample as the package reader does, and scores it 95.18 / 优", async () => {
    const et = sampleEt();
    const host = new WpsWorkbook(et);
    const snapshot = await host.read();
    const expected = sampleSnapshot();
    expect(JSON.stringify(parseWorkbook(snapshot).input)).toBe(
      JSON.stringify(parseWorkbook(expected).input)
    );
    expect(snapshot.protection).toEqual({ structure: false, readOnly: false });
    const result = await recalculate(host, { date: "2026-11-29" });
    expect(result.evaluation.total.toFixed(2)).toBe("95.18");
    expect(result.evaluation.grade).toBe("优");
  });

  it("reads the file's name (the 年度 of last resort) where WPS gives one", async () => {
    const et = sampleEt();
    expect((await new WpsWorkbook(et).read()).fileName).toBeUndefined();
    book(et).Name = "某局2022年度绩效自评.xlsx";
    expect((await new WpsWorkbook(et).read()).fileName).toBe("某局2022年度绩效自评.xlsx");
  });

  it("writes the summary after the last sheet, marks it, and replaces it on the next run", async () => {
    const et = sampleEt();
    const host = new WpsWorkbook(et);
    const first = await recalculate(host, { date: "2026-11-29" });
    expect(first.write).toMatchObject({ sheet: "绩效自评汇总", replaced: false });
    const names = book(et).sheets.map((s) => s.Name);
    expect(names).toEqual([...SAMPLE_SHEETS, "绩效自评汇总", "核对清单"]);
    expect(et.sheet("绩效自评汇总").Range("A1").Value2).toBe(
      "佛山市社会保险基金管理局 2022 年度部门整体支出绩效自评表"
    );
    expect(book(et).Names.Item(OWNER_NAMES.checklist).RefersTo).toBe("='核对清单'!$A$1");
    expect(book(et).Names.Item(OWNER_NAMES.summary).RefersTo).toBe("='绩效自评汇总'!$A$1");
    expect(et.sheet("绩效自评汇总").PageSetup.PaperSize).toBe(9);
    const second = await recalculate(host, { date: "2026-11-29" });
    expect(second.write?.replaced).toBe(true);
    expect(book(et).sheets.map((s) => s.Name)).toEqual(names);
    // Our own summary is not read back as input.
    const read = await host.read();
    expect(read.sheets.find((s) => s.name === "绩效自评汇总")?.values).toEqual([]);
    expect(read.sheets.find((s) => s.name === "核对清单")?.values).toEqual([]);
  });

  it("writes beside a sheet of the user's that has the summary's name", async () => {
    const et = sampleEt();
    const theirs = book(et).Sheets.Add(null, book(et).Sheets.Item(book(et).Sheets.Count));
    theirs.Name = "绩效自评汇总";
    theirs.Range("A1").Value2 = "我的草稿";
    const result = await recalculate(new WpsWorkbook(et), { date: "2026-11-29" });
    expect(result.write?.besideForeign).toBe("绩效自评汇总");
    expect(result.write?.sheet).not.toBe("绩效自评汇总");
    expect(et.sheet("绩效自评汇总").Range("A1").Value2).toBe("我的草稿");
  });

  it("refuses a protected structure before trying, in Chinese", async () => {
    const et = sampleEt();
    book(et).ProtectStructure = true;
    const host = new WpsWorkbook(et);
    expect((await host.read()).protection?.structure).toBe(true);
    const error = await recalculate(host, { date: "2026-11-29" }).catch((e: unknown) => e);
    expect(describeError(error)).toContain("请撤销工作簿保护后再点“重新计算”");
    expect(book(et).sheets).toHaveLength(SAMPLE_SHEETS.length);
    // ET itself would refuse too (the double keeps that).
    expect(() => book(et).Sheets.Add()).toThrow();
  });

  it("reads error values as errors, a one-cell sheet, and a hidden sheet only in its window", async () => {
    const et = sampleEt();
    // ET hands an error as its COM number, with the error in Text.
    (et.sheet("预算支出").cell(4, 2, true) as { value: unknown }).value = { error: "#DIV/0!" };
    const one = book(et).Sheets.Add(null, book(et).Sheets.Item(1));
    one.Name = "备注";
    one.Range("A1").Value2 = "只有一格";
    expect(rowsOf(one.Range("A1").Value2)).toEqual([["只有一格"]]);
    const hidden = book(et).Sheets.Add(null, book(et).Sheets.Item(book(et).Sheets.Count));
    hidden.Name = "底稿";
    hidden.Range("A1:B3000").Value2 = Array.from({ length: 3000 }, (_, r) => [r, r * 2]);
    hidden.Visible = 0;
    const snapshot = await new WpsWorkbook(et).read();
    const budget = snapshot.sheets.find((s) => s.name === "预算支出");
    expect(budget?.values[4 - (budget?.top ?? 0)][2 - (budget?.left ?? 0)]).toEqual({
      error: "#DIV/0!",
    });
    expect(snapshot.sheets.find((s) => s.name === "备注")?.values).toEqual([["只有一格"]]);
    const dump = snapshot.sheets.find((s) => s.name === "底稿");
    expect(dump?.hidden).toBe(true);
    expect(dump?.values).toHaveLength(1000);
  });

  it("selects a cell (activating its sheet); a sheet that is not there is false", async () => {
    const et = sampleEt();
    const host = new WpsWorkbook(et);
    expect(await host.selectCell("绩效指标!D9")).toBe(true);
    expect(et.activeSheet).toBe("绩效指标");
    expect(et.selection).toEqual({ sheet: "绩效指标", address: "D9" });
    expect(await host.selectCell("没有这张表!A1")).toBe(false);
  });

  it("inserts the template into an empty workbook, and never over an existing sheet", async () => {
    const et = new FakeEt();
    book(et).Sheets.Add();
    const host = new WpsWorkbook(et);
    const outcome = await insertTemplate(host, foshan2022);
    expect(outcome.added).toEqual(SAMPLE_SHEETS);
    const again = await insertTemplate(host, foshan2022);
    expect(again.added).toEqual([]);
    expect(again.clashes).toEqual(SAMPLE_SHEETS);
  });

  it("skips chart sheets when reading, and never names a new sheet after one", async () => {
    const et = sampleEt();
    book(et).chartSheets.push({ Name: "绩效自评汇总", Visible: -1 });
    const result = await recalculate(new WpsWorkbook(et), { date: "2026-11-29" });
    expect(result.evaluation.total.toFixed(2)).toBe("95.18");
    expect(result.write?.sheet).not.toBe("绩效自评汇总");
    expect(result.write?.besideForeign).toBe("绩效自评汇总");
  });

  it("reads newer error values (#SPILL!) as errors, and Visible true as visible", async () => {
    const et = sampleEt();
    (et.sheet("预算支出").cell(4, 2, true) as { value: unknown }).value = { error: "#SPILL!" };
    et.sheet("绩效指标").Visible = true;
    const snapshot = await new WpsWorkbook(et).read();
    const budget = snapshot.sheets.find((s) => s.name === "预算支出");
    expect(budget?.values[4 - (budget?.top ?? 0)][2 - (budget?.left ?? 0)]).toEqual({
      error: "#SPILL!",
    });
    expect(snapshot.sheets.find((s) => s.name === "绩效指标")?.hidden).toBeUndefined();
  });

  it("a write cut short leaves a marked sheet the next run replaces, not a sheet of the user's", async () => {
    const et = sampleEt();
    const host = new WpsWorkbook(et);
    et.failOnSheet = "绩效自评汇总";
    await expect(recalculate(host, { date: "2026-11-29" })).rejects.toThrow();
    expect(book(et).sheets.map((s) => s.Name)).toContain("绩效自评汇总");
    et.failOnSheet = null;
    const again = await recalculate(host, { date: "2026-11-29" });
    expect(again.write).toMatchObject({ sheet: "绩效自评汇总", replaced: true });
    expect(again.write?.besideForeign).toBeUndefined();
  });

  it("says the summary sheet is protected instead of failing halfway", async () => {
    const et = sampleEt();
    const host = new WpsWorkbook(et);
    await recalculate(host, { date: "2026-11-29" });
    et.sheet("绩效自评汇总").ProtectContents = true;
    const error = await recalculate(host, { date: "2026-11-29" }).catch((e: unknown) => e);
    expect(describeError(error)).toBe("工作表受保护或只读，无法写入汇总表：请取消保护后重试。");
  });

  it("says in Chinese that no workbook is open", async () => {
    const et = new FakeEt();
    et.ActiveWorkbook = null;
    const error = await new WpsWorkbook(et).read().catch((e: unknown) => e);
    expect(describeError(error)).toContain("没有打开的工作簿");
  });
});
