/**
 * 保护工作簿 and 只读 on the Excel host: found in the first read (no extra sync), a write the
 * protection would refuse is not tried, and the user is told why in Chinese. Hidden sheets:
 * read only within a window (they are never input; a hidden 评分标准 sheet still counts).
 */
import { describeError } from "../../src/hosts/excel/errors";
import { recalculate } from "../../src/pipeline/recalculate";
import { layOut } from "../../src/pipeline/layOut";
import { scoreSnapshot } from "../../src/pipeline/scoreWorkbook";
import { insertStandard, insertTemplate } from "../../src/pipeline/insertTemplate";
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
    const write = await host.writeOwnedSheet(layOut(scoreSnapshot(score), "2026-11-29").summary!);
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

describe("Excel host: hidden sheets", () => {
  /** The sample plus a hidden sheet of `rows` × 10 numbers. */
  async function withHiddenData(rows: number) {
    const fake = await fakeFromXlsx(SAMPLE_PATH);
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add("底稿");
      ws.getRange(`A1:J${rows}`).values = Array.from({ length: rows }, (_, r) =>
        Array.from({ length: 10 }, (_, c) => r * 10 + c)
      );
      ws.visibility = "Hidden";
      await ctx.sync();
    });
    return fake;
  }

  it("reads a hidden sheet only within its window, and scores as before", async () => {
    const fake = await withHiddenData(5000);
    const host = excelHost(fake);
    const first = await host.read();
    const hidden = first.sheets.find((s) => s.name === "底稿");
    expect(hidden?.hidden).toBe(true);
    expect(hidden?.values.length).toBe(1000); // rows 1–1000 of 5,000
    // The next read (one sync) keeps to the window too.
    fake.syncCount = 0;
    await host.read();
    expect(fake.syncCount).toBe(1);
    const withWindow = fake.lastSyncPayloadBytes;
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("底稿").visibility = "Visible";
      await ctx.sync();
    });
    const shown = await host.read();
    // Shown again: read whole, in one more sync.
    expect(shown.sheets.find((s) => s.name === "底稿")?.values.length).toBe(5000);
    expect(withWindow).toBeLessThan(fake.lastSyncPayloadBytes);
    const score = await recalculate(excelHost(await withHiddenData(5000)), { date: "2026-11-29" });
    expect(score.evaluation.total.toFixed(2)).toBe("95.18");
  });

  it("still finds a 评分标准 sheet the finance office hid", async () => {
    const fake = await fakeFromXlsx(SAMPLE_PATH);
    const host = excelHost(fake);
    await insertStandard(host, foshan2022);
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("评分标准");
      ws.getRange("C28").values = [[96]]; // the 优 line raised: 95.18 becomes 良
      ws.visibility = "Hidden";
      await ctx.sync();
    });
    const result = await recalculate(host, { date: "2026-11-29" });
    expect(result.evaluation.standard.source).toBe("sheet");
    expect(result.evaluation.grade).toBe("良");
  });
});
