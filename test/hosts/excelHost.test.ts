/**
 * The Excel JS API adapter on the test double (Excel's load/sync semantics, syncs counted):
 * same snapshot as the ExcelJS adapter, constant syncs, writes only to its own sheet.
 */
import { foshan2022 } from "../../src/standard/presets";
import { FileWorkbook } from "../../src/hosts/file/fileWorkbook";
import type { WorkbookSnapshot } from "../../src/hosts/snapshot";
import { parseWorkbook } from "../../src/parse/parseWorkbook";
import { insertTemplate } from "../../src/pipeline/insertTemplate";
import { recalculate } from "../../src/pipeline/recalculate";
import { SAMPLE_PATH, SAMPLE_SHEETS } from "../parse/sampleSnapshot";
import { join } from "node:path";

const PROJECTS_SAMPLE = join(__dirname, "..", "..", "samples", "foshan-sbj-2022-projects.xlsx");
import { excelHost, fakeFromXlsx, runOn, settingsMemory } from "../fakes/fromXlsx";
import { type ExcelRun, ExcelWorkbook } from "../../src/hosts/excel/excelWorkbook";
import { evaluate } from "../../src/evaluate/evaluate";
import { settingsLayout } from "../../src/layout/settings";
import { seed } from "../helpers";
import { allCapabilities, excelWouldConvert, rowBlocks } from "../../src/hosts/excel/writeLayout";
import { sampleWithProjects, writeTemp } from "../../bench/workbooks";
import { type CellStyle, type SheetLayout, materialized } from "../../src/layout/sheetLayout";
import { cellAddress } from "../../src/hosts/snapshot";
import type { FakeExcel } from "../fakes/fakeExcel";

/**
 * The workbook's content: formulas recalculated in binary floating point may differ in the 16th
 * digit (Excel shows 15); protection is what Excel reports, a file has none to report.
 */
function at15(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const { protection: _protection, ...content } = snapshot;
  return JSON.parse(
    JSON.stringify(content, (_k, v) => (typeof v === "number" ? Number(v.toPrecision(15)) : v))
  );
}

describe("Excel JS API adapter (on the test double)", () => {
  it("reads the sample into the same snapshot and the same input as the ExcelJS adapter", async () => {
    const fake = await fakeFromXlsx(SAMPLE_PATH);
    const fromExcel = await excelHost(fake).read();
    const fromFile = await (await FileWorkbook.fromFile(SAMPLE_PATH)).read();
    expect(at15(fromExcel)).toEqual(at15(fromFile));
    expect(JSON.stringify(parseWorkbook(fromExcel))).toBe(JSON.stringify(parseWorkbook(fromFile)));
  });

  it("scores the sample 95.18 / 优 through the Excel host", async () => {
    const fake = await fakeFromXlsx(SAMPLE_PATH);
    const result = await recalculate(excelHost(fake), { date: "2026-11-27" });
    expect(result.evaluation.total.toString()).toBe("95.18");
    expect(result.evaluation.grade).toBe("优");
  });

  it("reads in one sync once the sheets are known (two on the first read)", async () => {
    const fake = await fakeFromXlsx(SAMPLE_PATH);
    const host = excelHost(fake);
    fake.resetCounters();
    await host.read();
    expect(fake.syncCount).toBe(2);
    fake.resetCounters();
    await host.read();
    expect(fake.syncCount).toBe(1);
  });

  it("a later session starts from the sheet list kept in the document: first read 1 sync, first 重新计算 1 + 1", async () => {
    const fake = await fakeFromXlsx(SAMPLE_PATH);
    const memory = settingsMemory();
    // The first session ever: the list is read first, and kept after the write.
    fake.resetCounters();
    await recalculate(excelHost(fake, allCapabilities, memory), { date: "2026-11-27" });
    expect(fake.syncCount).toBe(3);
    expect(memory.recall()).toEqual([...SAMPLE_SHEETS, "绩效自评汇总", "核对清单"]);
    // The next session (a new host, the same document).
    const next = excelHost(fake, allCapabilities, memory);
    fake.resetCounters();
    const snapshot = await next.read();
    expect(fake.syncCount).toBe(1);
    expect(snapshot.sheets.map((s) => s.name)).toEqual([
      ...SAMPLE_SHEETS,
      "绩效自评汇总",
      "核对清单",
    ]);
    fake.resetCounters();
    const r = await recalculate(excelHost(fake, allCapabilities, memory), { date: "2026-11-27" });
    expect(fake.syncCount).toBe(2);
    expect(r.evaluation.total.toString()).toBe("95.18");
    // Unchanged list: not saved again (saving marks the document changed).
    expect(memory.saved).toBe(1);
  });

  it("a kept sheet deleted since costs the usual second look, never a wrong read", async () => {
    const fake = await fakeFromXlsx(SAMPLE_PATH);
    const memory = settingsMemory();
    memory.remember([...SAMPLE_SHEETS, "已删除的表"]);
    const snapshot = await excelHost(fake, allCapabilities, memory).read();
    expect(snapshot.sheets.map((s) => s.name)).toEqual([...SAMPLE_SHEETS]);
    expect(JSON.stringify(parseWorkbook(snapshot).input)).toBe(
      JSON.stringify(parseWorkbook(await excelHost(fake).read()).input)
    );
  });

  it("switching auto-recalculation off removes its handler (through the context that added it); on again adds one, never two", async () => {
    const fake = await fakeFromXlsx(SAMPLE_PATH);
    const host = excelHost(fake);
    await host.read();
    const budget = await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("预算支出");
      ws.load("id");
      await context.sync();
      return ws.id as string;
    });
    let edits = 0;
    const stop = await host.subscribeToEdits(() => edits++);
    expect(stop).not.toBeNull();
    expect(fake.changeHandlerCount).toBe(1);
    await fake.emitWorksheetChanged(budget);
    expect(edits).toBe(1);
    const [registered] = [...fake._changeHandlers];
    await stop!();
    expect(fake.changeHandlerCount).toBe(0);
    await fake.emitWorksheetChanged(budget);
    // An event already on its way when switched off is ignored too.
    await registered._handler({ worksheetId: budget });
    expect(edits).toBe(1);
    await stop!();
    const again = await host.subscribeToEdits(() => edits++);
    expect(fake.changeHandlerCount).toBe(1);
    await fake.emitWorksheetChanged(budget);
    expect(edits).toBe(2);
    await again!();
    expect(fake.changeHandlerCount).toBe(0);
  });

  it("says it cannot follow edits where Excel has no change event (ExcelApi 1.7)", async () => {
    const fake = await fakeFromXlsx(SAMPLE_PATH, { apiVersion: "1.7" });
    const host = excelHost(fake, { dataValidation: false, pageLayout: false });
    expect(await host.subscribeToEdits(() => undefined)).toBeNull();
    expect(fake.changeHandlerCount).toBe(0);
  });

  it("does not read the summaries it wrote (their cells are never input): smaller reads, same score", async () => {
    const fake = await fakeFromXlsx(SAMPLE_PATH);
    const host = excelHost(fake);
    await recalculate(host, { date: "2026-11-27" });
    fake.resetCounters();
    const snapshot = await host.read();
    expect(fake.syncCount).toBe(1);
    const lean = fake.lastSyncPayloadBytes;
    expect(snapshot.ownedSheets?.summary).toBe("绩效自评汇总");
    expect(snapshot.sheets.find((s) => s.name === "绩效自评汇总")?.values).toEqual([]);
    // A new session (nothing known): the markers say which sheet is ours before ranges are read.
    const fresh = await excelHost(fake).read();
    expect(fresh.sheets.find((s) => s.name === "绩效自评汇总")?.values).toEqual([]);
    // What reading it would have cost: its used range alone.
    fake.resetCounters();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("绩效自评汇总").getUsedRange(true);
      range.load("values, numberFormat, valueTypes, rowIndex, columnIndex");
      await context.sync();
    });
    expect(fake.lastSyncPayloadBytes).toBeGreaterThan(lean / 2);
    const again = await recalculate(host, { date: "2026-11-27" });
    expect(again.evaluation.total.toString()).toBe("95.18");
  });

  it("recalculates in two syncs (one read, one write of the summary and 核对清单), however many times", async () => {
    const fake = await fakeFromXlsx(SAMPLE_PATH);
    const host = excelHost(fake);
    await recalculate(host, { date: "2026-11-27" });
    for (let i = 0; i < 3; i++) {
      fake.resetCounters();
      const r = await recalculate(host, { date: "2026-11-27" });
      expect(r.write?.replaced).toBe(true);
      expect(fake.syncCount).toBe(2);
    }
  });

  it("writes the summary and a 3,000-project 核对清单 in one request, when together they fit", async () => {
    const path = await writeTemp(sampleWithProjects(3000), "三千项目.xlsx");
    const fake = await fakeFromXlsx(path);
    const host = excelHost(fake);
    await recalculate(host, { date: "2026-11-27" });
    fake.resetCounters();
    const r = await recalculate(host, { date: "2026-11-27" });
    expect(r.checklistWrite?.replaced).toBe(true);
    expect(fake.syncCount).toBe(2);
    // Against a budget the two do not fit together: one after the other (the 核对清单 in
    // blocks), the same sheets.
    const tight = new ExcelWorkbook(runOn(fake), allCapabilities, 400_000);
    await tight.read();
    fake.resetCounters();
    await recalculate(tight, { date: "2026-11-27" });
    expect(fake.syncCount).toBeGreaterThan(2);
    expect(fake.sheetNames().filter((n) => n === "核对清单" || n === "绩效自评汇总")).toHaveLength(
      2
    );
  }, 60_000);

  it("writes only its own sheets and their marker names; every other sheet is untouched", async () => {
    const fake = await fakeFromXlsx(SAMPLE_PATH);
    const before = fake.snapshot();
    fake.resetCounters();
    await recalculate(excelHost(fake), { date: "2026-11-27" });
    const touched = new Set(fake.writeLog.map((w) => w.sheet));
    expect([...touched].sort()).toEqual(["", "核对清单", "绩效自评汇总"]);
    expect(fake.writeLog.filter((w) => w.sheet === "").map((w) => w.kind)).toEqual(
      expect.arrayContaining(["names.add"])
    );
    const after = fake.snapshot();
    expect(Object.keys(before.sheets)).toHaveLength(5);
    for (const [name, sheet] of Object.entries(before.sheets))
      expect(after.sheets[name]).toEqual(sheet);
    expect(fake.cell("绩效自评汇总", "A1").value).toBe(
      "佛山市社会保险基金管理局 2022 年度部门整体支出绩效自评表"
    );
    // The seed's indicator table ends on page 1: no print titles over 总分; the 核对清单's runs
    // onto a second page, which repeats its header.
    expect(fake.pageLayout("绩效自评汇总")).toMatchObject({
      orientation: "Portrait",
      paperSize: "A4",
    });
    expect(fake.pageLayout("绩效自评汇总").printTitleRows ?? null).toBeNull();
    // The summary's margins (0.5 / 0.75 / 0.3 inch) reach Excel in points.
    expect(fake.pageLayout("绩效自评汇总")).toMatchObject({
      leftMargin: 36,
      rightMargin: 36,
      topMargin: 54,
      bottomMargin: 54,
    });
    expect(fake.pageLayout("绩效自评汇总").headerMargin).toBeCloseTo(21.6, 9);
    expect(fake.pageLayout("绩效自评汇总").footerMargin).toBeCloseTo(21.6, 9);
    const header = Array.from({ length: 60 }, (_, r) => r + 1).find(
      (r) => fake.cell("核对清单", `A${r}`).value === "一级指标"
    );
    expect(fake.cell("核对清单", `D${header}`).value).toBe("填报得分");
    expect(fake.pageLayout("核对清单")).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      printTitleRows: `${header}:${header}`,
    });
    expect(fake.activeSheet()).toBe("绩效自评汇总");
  });

  it("makes the 核对清单's project lines as tall as their wrapped 来源, its header repeated", async () => {
    const fake = await fakeFromXlsx(PROJECTS_SAMPLE);
    await recalculate(excelHost(fake), { date: "2026-11-27" });
    const sheet = fake.snapshot().sheets["核对清单"];
    const header = Array.from({ length: 200 }, (_, r) => r + 1).find(
      (r) => fake.cell("核对清单", `A${r}`).value === "序号"
    ) as number;
    expect(fake.pageLayout("核对清单").printTitleRows).toBe(`${header}:${header}`);
    // “社会保险经办服务外包项目!B3” prints in 8 pt on two lines of a column 13 wide.
    expect(fake.cell("核对清单", `I${header + 1}`).value).toBe("社会保险经办服务外包项目!B3");
    expect(sheet.rowHeights[String(header + 1)]).toBeGreaterThanOrEqual(2 * 8 * 1.2);
  }, 60_000);

  it("re-running yields an identical summary sheet", async () => {
    const fake = await fakeFromXlsx(SAMPLE_PATH);
    const host = excelHost(fake);
    await recalculate(host, { date: "2026-11-27" });
    const first = JSON.stringify(fake.snapshot().sheets["绩效自评汇总"]);
    await recalculate(host, { date: "2026-11-27" });
    const second = JSON.stringify(fake.snapshot().sheets["绩效自评汇总"]);
    expect(first.length).toBeGreaterThan(1000);
    expect(second.replace(/"id":\d+/g, "")).toBe(first.replace(/"id":\d+/g, ""));
    expect(fake.sheetNames()).toEqual([...SAMPLE_SHEETS, "绩效自评汇总", "核对清单"]);
  });

  it("never overwrites a same-named sheet it did not create", async () => {
    const fake = await fakeFromXlsx(SAMPLE_PATH);
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add("绩效自评汇总");
      ws.getRange("A1").values = [["我的汇总"]];
    });
    fake.resetCounters();
    const r = await recalculate(excelHost(fake), { date: "2026-11-27" });
    expect(r.write).toMatchObject({ sheet: "绩效自评汇总（助手）", besideForeign: "绩效自评汇总" });
    expect(fake.cell("绩效自评汇总", "A1").value).toBe("我的汇总");
    expect(fake.writeLog.some((w) => w.sheet === "绩效自评汇总")).toBe(false);
  });

  it("skips page layout and validation on ExcelApi 1.7 and says what was skipped", async () => {
    const fake = await fakeFromXlsx(SAMPLE_PATH, { apiVersion: "1.7" });
    const r = await recalculate(excelHost(fake, { dataValidation: false, pageLayout: false }), {
      date: "2026-11-27",
    });
    expect(r.write?.skipped.join("")).toContain("打印设置");
    expect(fake.pageLayout("绩效自评汇总")).toMatchObject({ paperSize: "Letter" });
    expect(r.evaluation.total.toString()).toBe("95.18");
  });

  it("waits for a cell edit instead of failing (delayForCellEdit)", async () => {
    const fake = await fakeFromXlsx(SAMPLE_PATH);
    fake.userIsEditingCell = true;
    const r = await recalculate(excelHost(fake), { date: "2026-11-27" });
    expect(r.evaluation.total.toString()).toBe("95.18");
  });

  it("falls back to row blocks when a response would pass the 5 MB limit", async () => {
    const fake = await fakeFromXlsx(SAMPLE_PATH, { payloadLimitBytes: 3000 });
    const snapshot = await excelHost(fake).read();
    const fromFile = await (await FileWorkbook.fromFile(SAMPLE_PATH)).read();
    expect(at15(snapshot)).toEqual(at15(fromFile));
  });

  it("reads a range over Excel's cell limit (RangeExceedsLimit) in blocks sized by cells", async () => {
    const fake = await fakeFromXlsx(SAMPLE_PATH, { cellReadLimit: 40 });
    const snapshot = await excelHost(fake).read();
    const fromFile = await (await FileWorkbook.fromFile(SAMPLE_PATH)).read();
    expect(at15(snapshot)).toEqual(at15(fromFile));
  });

  it("writes a 核对清单 too large for one request in row blocks, each within the limit", async () => {
    // 1,500 projects: a 核对清单 request of about 0.25 MB, here against a 120 KB request limit.
    const path = await writeTemp(sampleWithProjects(1500), "大部门.xlsx");
    const limited = await fakeFromXlsx(path, { payloadLimitBytes: 120_000 });
    // Without blocks the write is refused, as Excel on the web refuses it.
    await expect(
      recalculate(new ExcelWorkbook(runOn(limited), allCapabilities, Infinity), {
        date: "2026-11-27",
      })
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });

    const fake = await fakeFromXlsx(path, { payloadLimitBytes: 120_000 });
    const host = new ExcelWorkbook(runOn(fake), allCapabilities, 60_000);
    // The 1,500-row project sheet is read in halved blocks until each response fits.
    const read = await host.read();
    const fromFile = await (await FileWorkbook.fromFile(path)).read();
    expect(at15(read)).toEqual(at15(fromFile));
    fake.resetCounters();
    const r = await recalculate(host, { date: "2026-11-27" });
    expect(r.write?.sheet).toBe("绩效自评汇总");
    expect(r.checklistWrite?.sheet).toBe("核对清单");
    // One read, then one write per block (the fake refuses any request over its limit).
    expect(fake.syncCount).toBeGreaterThanOrEqual(4);
    const reference = await fakeFromXlsx(path);
    await recalculate(excelHost(reference), { date: "2026-11-27" });
    const summary = (f: typeof fake) => {
      const sheet = f.snapshot().sheets["核对清单"];
      return { ...sheet, cells: Object.keys(sheet.cells).length, all: sheet.cells };
    };
    const blocked = summary(fake);
    expect(blocked.cells).toBeGreaterThan(1500 * 9);
    expect(blocked).toEqual(summary(reference));
    // Built hidden under a name of its own, then put in place, shown and activated.
    expect(fake.sheetNames().some((n) => n.includes("生成中"))).toBe(false);
    expect(fake.snapshot().activeSheet).toBe("绩效自评汇总");
    expect(blocked.visibility).toBe("Visible");
    expect(fake.cell("核对清单", "A1").value).toContain("2022 年度绩效自评核对清单");
  }, 60_000);

  it("gives every cell of the summary its layout's format (300 projects, some not self-evaluated)", async () => {
    const path = await writeTemp(sampleWithProjects(300), "格式.xlsx");
    const fake = await fakeFromXlsx(path);
    let layout: SheetLayout | undefined;
    const host = excelHost(fake);
    await recalculate(
      {
        read: () => host.read(),
        insertSheets: (l) => host.insertSheets(l),
        selectCell: (a) => host.selectCell(a),
        writeOwnedSheet: (l, role) => {
          layout = materialized(l); // the 核对清单's project lines made, as the host makes them
          return host.writeOwnedSheet(l, role);
        },
      },
      { date: "2026-11-27" }
    );
    expect(layout!.cells.some((c) => c.style?.fill && c.row > 100)).toBe(true);
    const mismatches = formatMismatches(fake, layout!);
    expect(mismatches.slice(0, 5)).toEqual([]);
  }, 60_000);

  it("keeps the earlier 核对清单 when a block of a large write fails, and leaves nothing behind", async () => {
    const path = await writeTemp(sampleWithProjects(1500), "大部门.xlsx");
    const fake = await fakeFromXlsx(path);
    // Once the new summary is being built (its hidden sheet exists), requests with a payload
    // fail, as if the connection dropped; the clean-up (a sheet deletion) still goes through.
    let armed = false;
    const run: ExcelRun = (options, batch) =>
      fake.run((context) => {
        const c = context as unknown as Excel.RequestContext;
        const sync = c.sync.bind(c);
        c.sync = async () => {
          if (armed && fake.sheetNames().some((n) => n.includes("生成中")))
            fake.payloadLimitBytes = 10;
          return sync();
        };
        return batch(c);
      }, options);
    const host = new ExcelWorkbook(run, allCapabilities, 60_000);
    await recalculate(host, { date: "2026-11-27" });
    const before = fake.snapshot();
    expect(before.sheets["核对清单"]).toBeDefined();

    armed = true;
    await expect(recalculate(host, { date: "2026-12-01" })).rejects.toMatchObject({
      code: "RequestPayloadSizeLimitExceeded",
    });
    fake.payloadLimitBytes = 5_000_000;
    const after = fake.snapshot();
    expect(fake.sheetNames()).toEqual(before.sheetOrder);
    expect(after.sheets["核对清单"]).toEqual(before.sheets["核对清单"]);
    expect(after.names).toEqual(before.names);
    expect(fake.cell("核对清单", "A2").value).toContain("2026-11-27");
    // And the next recalculation replaces it as usual.
    armed = false;
    const r = await recalculate(host, { date: "2026-12-01" });
    expect(r.checklistWrite).toMatchObject({ sheet: "核对清单", replaced: true });
    expect(fake.cell("核对清单", "A2").value).toContain("2026-12-01");
    expect(fake.sheetNames().filter((n) => n.startsWith("核对清单"))).toEqual(["核对清单"]);
  }, 60_000);

  it("writes merges and row heights below the last cell (in one request or in blocks)", async () => {
    const layout: SheetLayout = {
      name: "绩效自评汇总",
      fontName: "宋体",
      fontSize: 11,
      columnWidths: [10, 10, 10],
      cells: Array.from({ length: 30 }, (_, i) => ({ row: i, column: 0, value: `第 ${i + 1} 行` })),
      merges: [
        { top: 10, left: 0, bottom: 14, right: 1 },
        { top: 40, left: 0, bottom: 41, right: 2 },
      ],
      rowHeights: { 45: 50 },
    };
    for (const budget of [Infinity, 400]) {
      const fake = await fakeFromXlsx(SAMPLE_PATH);
      const host = new ExcelWorkbook(runOn(fake), allCapabilities, budget);
      await host.read();
      await host.writeOwnedSheet(layout);
      const sheet = fake.snapshot().sheets["绩效自评汇总"];
      expect([budget, sheet.merges]).toEqual([budget, ["A11:B15", "A41:C42"]]);
      expect(sheet.rowHeights["46"]).toBe(50);
    }
    // No block starts inside a merge that spans rows.
    for (const b of rowBlocks(layout, 400)) expect(b.first <= 10 || b.first > 14).toBe(true);
    expect(rowBlocks(layout, 400).length).toBeGreaterThan(2);
  });

  it("writes text that looks like a number, date or formula as text", async () => {
    const texts = ["=收入-支出", "+5%", "-运维", "007", "0.10", "2022-11-27", "TRUE", "普通文字"];
    const fake = await fakeFromXlsx(SAMPLE_PATH);
    const host = excelHost(fake);
    await host.read();
    await host.writeOwnedSheet({
      name: "绩效自评汇总",
      fontName: "宋体",
      fontSize: 11,
      columnWidths: [20],
      merges: [],
      cells: [
        ...texts.map((value, row) => ({ row, column: 0, value })),
        { row: 8, column: 0, value: 0.1, style: { numberFormat: "0.00" } },
      ],
    });
    expect(texts.map((_, row) => fake.cell("绩效自评汇总", `A${row + 1}`).value)).toEqual(texts);
    expect(fake.cell("绩效自评汇总", "A9")).toMatchObject({ value: 0.1, numberFormat: "0.00" });
    expect(fake.cell("绩效自评汇总", "A8").numberFormat).toBe("General");
  });

  it("counts an edit of the user's sheets as an edit even right after its own write", async () => {
    const fake = await fakeFromXlsx(SAMPLE_PATH);
    // The test double has no change events: the host gets one registration point here.
    let handler: ((event: { worksheetId?: string }) => Promise<void>) | null = null;
    // Called as each run's first sync completes, before the host's code goes on.
    let afterFirstSync: ((run: number) => void) | null = null;
    let runs = 0;
    const run: ExcelRun = (options, batch) =>
      fake.run((context) => {
        const c = context as unknown as Excel.RequestContext;
        const runNumber = ++runs;
        const sync = c.sync.bind(c);
        let first = true;
        c.sync = (async () => {
          const result = await sync();
          if (first) afterFirstSync?.(runNumber);
          first = false;
          return result;
        }) as typeof c.sync;
        (c.workbook.worksheets as unknown as { onChanged: unknown }).onChanged = {
          add: (h: typeof handler) => {
            handler = h;
            return { remove: () => undefined };
          },
        };
        return batch(c);
      }, options);
    const host = new ExcelWorkbook(run, allCapabilities);
    let edits = 0;
    await host.subscribeToEdits(() => edits++);
    await recalculate(host, { date: "2026-11-27" });
    const idOf = (name: string) =>
      fake.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(name);
        ws.load("id");
        await context.sync();
        return ws.id as string;
      });
    const budget = await idOf("预算支出");
    const summary = await idOf("绩效自评汇总");
    await handler!({ worksheetId: budget });
    expect(edits).toBe(1);
    // Changes to the sheet it wrote are its own; so is an unknown sheet just after a write.
    await handler!({ worksheetId: summary });
    await handler!({ worksheetId: "{new-sheet}" });
    expect(edits).toBe(1);
    const later = Date.now() + 2000;
    const now = jest.spyOn(Date, "now").mockReturnValue(later);
    await handler!({ worksheetId: "{new-sheet}" });
    await handler!({ worksheetId: summary });
    expect(edits).toBe(2);

    // The settings sheet is the user's to edit (its 值 column): its changes count.
    const e = evaluate(seed());
    await host.writeOwnedSheet(settingsLayout({}, e.standard), "settings");
    await handler!({ worksheetId: await idOf("绩效自评设置") });
    expect(edits).toBe(3);

    // While a write runs, an unknown sheet's event (the new summary's, before its id is
    // known) is ours, however long ago the last write was.
    const writeRun = runs + 2; // the recalculation's read, then its write
    let fired = false;
    afterFirstSync = (runNumber) => {
      if (runNumber !== writeRun) return;
      now.mockReturnValue(later + 100_000);
      void handler!({ worksheetId: "{being-written}" });
      fired = true;
    };
    await recalculate(host, { date: "2026-11-28" });
    expect(fired).toBe(true);
    afterFirstSync = null;
    now.mockRestore();
    expect(edits).toBe(3);
  });

  it("removes a hidden summary a cut-short block write left behind", async () => {
    const fake = await fakeFromXlsx(SAMPLE_PATH);
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.add("绩效自评汇总（生成中）");
      ws.getRange("A1").values = [["半成品"]];
      ws.visibility = "Hidden";
      await context.sync();
    });
    const host = excelHost(fake);
    await recalculate(host, { date: "2026-11-27" });
    expect(fake.sheetNames().filter((n) => n.startsWith("绩效自评汇总"))).toEqual(["绩效自评汇总"]);
  });

  it("knows which text Excel would turn into a number, date, logical value or formula", () => {
    for (const t of [
      "0.10",
      "007",
      "1,000",
      "(5)",
      "50%",
      "¥3",
      "2022-11-27",
      "11/27",
      "2022年11月27日",
      "9:30",
      "TRUE",
      "false",
      "=A1",
      "+5",
      "-运维",
      "@x",
      " 12 ",
    ])
      expect([t, excelWouldConvert(t)]).toEqual([t, true]);
    for (const t of [
      "项目 3000",
      "第 1 页",
      "财政支出执行率",
      "—",
      "80.87%（报告）",
      "A1",
      "e",
      "",
    ])
      expect([t, excelWouldConvert(t)]).toEqual([t, false]);
  });

  it("plans one block for a usual summary, and blocks that cover every row once", () => {
    const layout = {
      name: "x",
      fontName: "宋体",
      fontSize: 11,
      columnWidths: [10, 10],
      merges: [],
      cells: Array.from({ length: 1000 }, (_, i) => ({
        row: i,
        column: i % 2,
        value: `第 ${i} 行的文字`,
      })),
    };
    expect(rowBlocks(layout, 3_000_000)).toEqual([{ first: 0, last: 999 }]);
    const blocks = rowBlocks(layout, 10_000);
    expect(blocks.length).toBeGreaterThan(2);
    expect(blocks[0].first).toBe(0);
    expect(blocks[blocks.length - 1].last).toBe(999);
    blocks.slice(1).forEach((b, i) => expect(b.first).toBe(blocks[i].last + 1));
    // A row larger than the budget still gets a block of its own.
    expect(rowBlocks(layout, 1)).toHaveLength(1000);
  });

  it("reads afresh when a sheet known from the last read was deleted", async () => {
    const fake = await fakeFromXlsx(SAMPLE_PATH);
    const host = excelHost(fake);
    await host.read();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("项目清单").delete();
    });
    const snapshot = await host.read();
    expect(snapshot.sheets.map((s) => s.name)).not.toContain("项目清单");
  });

  it("inserts the template without touching existing sheets, reporting clashes", async () => {
    const fake = await fakeFromXlsx(SAMPLE_PATH);
    fake.resetCounters();
    const outcome = await insertTemplate(excelHost(fake), foshan2022);
    expect(outcome.added).toEqual([]);
    expect(outcome.clashes).toEqual(["基本信息", "预算支出", "绩效指标", "项目清单", "重点工作"]);
    expect(fake.writeLog).toEqual([]);
    const empty = new (await import("../fakes/fakeExcel")).FakeExcel({
      sheets: [{ name: "Sheet1" }],
    });
    const added = await insertTemplate(excelHost(empty), foshan2022);
    expect(added.added).toHaveLength(5);
    expect(empty.cell("绩效指标", "B4").value).toBe("预算绩效管理情况");
    expect(empty.dataValidations("绩效指标").length).toBeGreaterThan(0);
  });
});

describe("Excel host: a sheet the user put in place of ours", () => {
  it("is never deleted, even with a stale view of the workbook", async () => {
    const fake = await fakeFromXlsx(SAMPLE_PATH);
    const host = excelHost(fake);
    await recalculate(host, { date: "2026-11-27" });
    // Behind the pane's back: the user deletes our summary and makes their own of that name.
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("绩效自评汇总").delete();
      ctx.workbook.worksheets.add("绩效自评汇总").getRange("A1").values = [["用户自己的表"]];
    });
    // The host still believes it owns 绩效自评汇总 (no read in between).
    const layout = (await import("../../src/layout/summary")).summaryLayout(
      (await recalculate(host, { date: "2026-11-27", dryRun: true })).evaluation
    );
    const write = await host.writeOwnedSheet(layout);
    expect(fake.cell("绩效自评汇总", "A1").value).toBe("用户自己的表");
    expect(write).toMatchObject({
      sheet: "绩效自评汇总（助手）",
      replaced: false,
      besideForeign: "绩效自评汇总",
    });
  });

  it("saving settings twice replaces only its own settings sheet", async () => {
    const fake = await fakeFromXlsx(SAMPLE_PATH);
    const host = excelHost(fake);
    await host.read();
    const { settingsLayout } = await import("../../src/layout/settings");
    const layout = settingsLayout({ scoreSource: "computed" }, { id: "foshan-2022", name: "x" });
    expect((await host.writeOwnedSheet(layout, "settings")).sheet).toBe("绩效自评设置");
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("绩效自评设置").delete();
      ctx.workbook.worksheets.add("绩效自评设置").getRange("A1").values = [["我的设置"]];
    });
    const again = await host.writeOwnedSheet(layout, "settings");
    expect(again.sheet).toBe("绩效自评设置（助手）");
    expect(fake.cell("绩效自评设置", "A1").value).toBe("我的设置");
  });
});

describe("Excel host: selecting a cell", () => {
  it("selects in one sync, and says false for a sheet that does not exist", async () => {
    const fake = await fakeFromXlsx(SAMPLE_PATH);
    const host = excelHost(fake);
    fake.resetCounters();
    expect(await host.selectCell("绩效指标!D9")).toBe(true);
    expect(fake.syncCount).toBe(1);
    expect(fake.selection).toEqual({ sheet: "绩效指标", address: "D9" });
    expect(await host.selectCell("不存在!A1")).toBe(false);
    expect(await host.selectCell("A1")).toBe(false);
  });
});

/** Cells whose format on the test double is not what their layout style says (sheet defaults aside). */
function formatMismatches(fake: FakeExcel, layout: SheetLayout): string[] {
  const out: string[] = [];
  const align = (a: string | undefined, fallback: string) =>
    a ? a[0].toUpperCase() + a.slice(1) : fallback;
  for (const c of layout.cells) {
    const style: CellStyle = c.style ?? {};
    const address = cellAddress(c.row, c.column);
    const cell = fake.cell(layout.name, address);
    const f = cell.format;
    const expected = {
      name: layout.fontName,
      size: style.fontSize ?? layout.fontSize,
      bold: style.bold ?? false,
      italic: style.italic ?? false,
      color: (style.fontColor ?? "#000000").toUpperCase(),
      fill: (style.fill ?? "#FFFFFF").toUpperCase(),
      horizontal: align(style.horizontal, "General"),
      vertical: align(style.vertical, "Bottom"),
      wrap: style.wrap ?? false,
      numberFormat:
        style.numberFormat ??
        (typeof c.value === "string" && !c.formula && excelWouldConvert(c.value) ? "@" : "General"),
      // The value as the layout has it: text that looks like a number stays text.
      value: c.formula ? null : c.value === "" ? null : c.value,
      top: style.border ? "Continuous" : "None",
      bottom: style.border || style.borderBottomThick ? "Continuous" : "None",
      bottomWeight: style.borderBottomThick ? "Medium" : "Thin",
    };
    const actual = {
      name: f.font.name,
      size: f.font.size,
      bold: f.font.bold,
      italic: f.font.italic,
      color: String(f.font.color).toUpperCase(),
      fill: String(f.fill.color).toUpperCase(),
      horizontal: f.horizontalAlignment,
      vertical: f.verticalAlignment,
      wrap: f.wrapText,
      numberFormat: cell.numberFormat,
      value: c.formula || cell.value === "" ? null : cell.value,
      top: f.borders.top.style,
      bottom: f.borders.bottom.style,
      bottomWeight: f.borders.bottom.weight,
    };
    if (JSON.stringify(actual) !== JSON.stringify(expected))
      out.push(`${address}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
  }
  return out;
}
