/**
 * 保护工作簿 and 只读 on the Excel host: found in the first read (no extra sync), a write the
 * protection would refuse is not tried, and the user is told why in Chinese.
 */
import { describeError } from "../../src/hosts/excel/errors";
import { recalculate } from "../../src/pipeline/recalculate";
import { layOut } from "../../src/pipeline/layOut";
import { scoreSnapshot } from "../../src/pipeline/scoreWorkbook";
import { insertTemplate } from "../../src/pipeline/insertTemplate";
import { foshan2022 } from "../../src/standard/presets";
import { excelHost, fakeFromXlsx } from "../fakes/fromXlsx";
import { SAMPLE_PATH } from "../parse/sampleSnapshot";

describe("Excel host: a protected or read-only workbook", () => {
  it("reads the protection in the same sync as the sheets", async () => {
    const fake = await fakeFromXlsx(SAMPLE_PATH);
    fake.structureProtected = true;
    fake.syncCount = 0;
    const snapshot = await excelHost(fake).read();
    expect(snapshot.protection).toEqual({ structure: true, readOnly: false });
    expect(fake.syncCount).toBe(2); // sheet list, then ranges: as without protection
  });

  it("does not try to write into a protected structure, and says why in Chinese", async () => {
    const fake = await fakeFromXlsx(SAMPLE_PATH);
    fake.structureProtected = true;
    const host = excelHost(fake);
    const before = fake.sheetNames();
    const error = await recalculate(host, { date: "2026-11-29" }).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe("WorkbookStructureProtected");
    expect(describeError(error)).toBe(
      "工作簿受保护（审阅 → 保护工作簿），助手不能添加或替换工作表，汇总表未写入：请撤销工作簿保护后再点“重新计算”。"
    );
    expect(fake.writeLog).toEqual([]);
    expect(fake.sheetNames()).toEqual(before);
    await expect(insertTemplate(host, foshan2022)).rejects.toMatchObject({
      code: "WorkbookStructureProtected",
    });
    expect(fake.writeLog).toEqual([]);
  });

  it("writes once the protection is lifted, without a new read", async () => {
    const fake = await fakeFromXlsx(SAMPLE_PATH);
    fake.structureProtected = true;
    const host = excelHost(fake);
    const score = await host.read();
    expect(score.protection?.structure).toBe(true);
    fake.structureProtected = false;
    const write = await host.writeOwnedSheet(layOut(scoreSnapshot(score), "2026-11-29").summary);
    expect(fake.sheetNames()).toContain(write.sheet);
  });

  it("without the protection check Excel itself refuses (the double keeps that semantics)", async () => {
    const fake = await fakeFromXlsx(SAMPLE_PATH);
    fake.structureProtected = true;
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.add("新表");
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "AccessDenied" });
  });

  it("reports read-only where the host has workbook.readOnly (ExcelApi 1.8), and reads without it on 1.7", async () => {
    const fake = await fakeFromXlsx(SAMPLE_PATH);
    fake.readOnly = true;
    expect((await excelHost(fake).read()).protection).toEqual({ structure: false, readOnly: true });

    const old = await fakeFromXlsx(SAMPLE_PATH);
    old.apiVersion = "1.7";
    old.readOnly = true;
    const host = excelHost(old, { dataValidation: false, pageLayout: false });
    expect((await host.read()).protection).toEqual({ structure: false, readOnly: false });
  });
});
