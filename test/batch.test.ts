/**
 * `jixiao score <folder>`: every workbook scored through the same pipeline, a ranking read back
 * from 汇总排名.xlsx cell by cell, one exact line per bad file, inputs never touched.
 */
import ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { outputNames } from "../src/cli/batch";
import { main } from "../src/cli/main";
import type { CliIo } from "../src/cli/io";
import { FileWorkbook } from "../src/hosts/file/fileWorkbook";
import { departmentWorkbook } from "../bench/workbooks";
import { SAMPLE_PATH } from "./parse/sampleSnapshot";

const BROKEN = join(__dirname, "..", "samples", "broken");
const DATE = "2026-11-27";

async function run(argv: string[], tty?: CliIo["tty"]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), tty });
  return { code, out, err };
}

const sha = (p: string) => createHash("sha256").update(readFileSync(p)).digest("hex");

/** Hashes of every file directly in `dir`. */
function hashes(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const e of readdirSync(dir, { withFileTypes: true }))
    if (e.isFile()) result[e.name] = sha(join(dir, e.name));
  return result;
}

async function save(workbook: ExcelJS.Workbook, path: string): Promise<void> {
  await workbook.xlsx.writeFile(path);
}

/** Good departments: names, scores and rates chosen so that the ranking has ties. */
async function goodDepartments(dir: string): Promise<void> {
  // 95.18 − 2 = 93.18
  await save(
    departmentWorkbook({ department: "佛山市财政局", scores: { 财务管理情况: 18 } }),
    join(dir, "01 财政局.xlsx")
  );
  // 95.18 − 8 − 6 = 81.18 (良); another execution rate
  await save(
    departmentWorkbook({
      department: "佛山市教育局",
      scores: { 财务管理情况: 12, 项目管理情况: 6 },
      executionRate: 0.9531,
    }),
    join(dir, "02 教育局.xlsx")
  );
  // 95.18 − 2 = 93.18: ties with 财政局, ranked after it by name (cái before wèi)
  await save(
    departmentWorkbook({ department: "佛山市卫生健康局", scores: { 资产管理情况: 6 } }),
    join(dir, "03 卫生健康局.xlsx")
  );
  copyFileSync(SAMPLE_PATH, join(dir, "04 社保局.xlsx")); // 95.18
}

const OLE = Buffer.concat([
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  Buffer.alloc(504),
]);
const CORRUPT = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);

/** The big folder: good, broken, bad, skipped and ignored files. */
async function mixedFolder(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-batch-"));
  await goodDepartments(dir);
  // Scored with errors: the indicator table is there, the budget table is not.
  copyFileSync(join(BROKEN, "no-budget-table.xlsx"), join(dir, "05 无预算表.xlsx"));
  writeFileSync(join(dir, "06 文本.xlsx"), "部门,得分\n某局,95\n");
  writeFileSync(join(dir, "07 加密.xlsx"), OLE);
  writeFileSync(join(dir, "08 损坏.xlsx"), CORRUPT);
  const emptySheet = new ExcelJS.Workbook();
  emptySheet.addWorksheet("Sheet1");
  await save(emptySheet, join(dir, "09 空工作簿.xlsx"));
  await save(new ExcelJS.Workbook(), join(dir, "10 无工作表.xlsx"));
  writeFileSync(join(dir, "11 空文件.xlsx"), "");
  copyFileSync(SAMPLE_PATH, join(dir, "~$01 财政局.xlsx"));
  copyFileSync(SAMPLE_PATH, join(dir, "旧.已评分.xlsx"));
  copyFileSync(SAMPLE_PATH, join(dir, "汇总排名.xlsx"));
  writeFileSync(join(dir, "说明.txt"), "不是工作簿，不计入");
  mkdirSync(join(dir, "子文件夹"));
  copyFileSync(SAMPLE_PATH, join(dir, "子文件夹", "下级单位.xlsx"));
  return dir;
}

/** The ranking sheet's data rows as [排名, 部门, 年度, 总分, 等级, 执行率, …一级, 严重, 警告, 提示, 源文件]. */
function dataRows(ws: ExcelJS.Worksheet, count: number): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = 5; r < 5 + count; r++) {
    const row: unknown[] = [];
    for (let c = 1; c <= ws.columnCount; c++) row.push(ws.getCell(r, c).value);
    rows.push(row);
  }
  return rows;
}

async function readRanking(path: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.getWorksheet("汇总排名") as ExcelJS.Worksheet;
}

describe("jixiao score <folder>", () => {
  let dir: string;
  let before: Record<string, string>;
  let result: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    dir = await mixedFolder();
    before = hashes(dir);
    result = await run(["score", dir, "--date", DATE]);
  }, 60_000);

  it("exits 1 because files failed, after processing all of them", () => {
    expect(result.code).toBe(1);
    expect(result.out[result.out.length - 1]).toBe("共 14 个文件：评分 5，失败 6，跳过 3。");
  });

  it("prints one plain progress line per file (not a terminal), numbered in order", () => {
    expect(result.err).toHaveLength(14);
    result.err.forEach((line, i) => expect(line.startsWith(`[${i + 1}/14] `)).toBe(true));
    const lines = result.err.map((l) => l.replace(/^\[\d+\/14\] /, ""));
    expect(lines).toEqual(
      expect.arrayContaining([
        "已评分 01 财政局.xlsx：93.18 分，优",
        "已评分 02 教育局.xlsx：81.18 分，良",
        "已评分 05 无预算表.xlsx：95.18 分，优",
        "无法读取 06 文本.xlsx：不是 .xlsx 文件（请在 Excel 中另存为 .xlsx 格式）",
        "无法读取 07 加密.xlsx：文件已设置打开密码，或是旧版 .xls 格式：请在 Excel 中取消密码或另存为 .xlsx 后再试",
        "无法读取 08 损坏.xlsx：文件已损坏，无法作为 .xlsx 打开",
        "无法评分 09 空工作簿.xlsx：未找到预算支出明细表和绩效指标表",
        "无法读取 10 无工作表.xlsx：工作簿中没有工作表",
        "无法读取 11 空文件.xlsx：文件为空",
        "跳过 ~$01 财政局.xlsx：Excel 临时锁定文件（该工作簿正在 Excel 中打开）",
        "跳过 旧.已评分.xlsx：本工具生成的评分副本",
        "跳过 汇总排名.xlsx：本工具生成的汇总排名",
      ])
    );
    expect(result.err.join("\n")).not.toContain("说明.txt");
    expect(result.err.join("\n")).not.toContain("下级单位");
  });

  it("never changes an input", () => {
    expect(hashes(dir)).toEqual(before);
  });

  it("writes a scored copy of each scored file, and none for failed ones", async () => {
    const out = join(dir, "已评分");
    expect(readdirSync(out).sort()).toEqual(
      [
        "01 财政局.已评分.xlsx",
        "02 教育局.已评分.xlsx",
        "03 卫生健康局.已评分.xlsx",
        "04 社保局.已评分.xlsx",
        "05 无预算表.已评分.xlsx",
        "汇总排名.xlsx",
      ].sort()
    );
    const copy = await FileWorkbook.fromFile(join(out, "02 教育局.已评分.xlsx"));
    expect(copy.workbook.getWorksheet("绩效自评汇总")?.getCell("A1").value).toBe(
      "佛山市教育局 2022 年度部门整体支出绩效自评表"
    );
  });

  it("ranks by 总分, ties by 部门 then file, with shared ranks and every figure", async () => {
    const ws = await readRanking(join(dir, "已评分", "汇总排名.xlsx"));
    expect(ws.getCell("A1").value).toBe("2022 年度部门整体支出绩效自评汇总排名");
    const header = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13].map(
      (c) => ws.getCell(4, c).value ?? ws.getCell(3, c).value
    );
    expect(header).toEqual([
      "排名",
      "部门",
      "年度",
      "总分",
      "等级",
      "财政支出执行率",
      "管理效率",
      "履职效能",
      "（报告未列明）",
      "严重",
      "警告",
      "提示",
      "源文件",
    ]);
    expect(ws.getCell("G3").value).toBe("一级指标得分");
    expect(ws.getCell("J3").value).toBe("问题数");
    const rows = dataRows(ws, 5).map((r) => [...r.slice(0, 9), r[12]]);
    expect(rows).toEqual([
      [1, "佛山市社会保险基金管理局", 2022, 95.18, "优", 0.8087, 50, 40.18, 5, "04 社保局.xlsx"],
      [1, "佛山市社会保险基金管理局", 2022, 95.18, "优", 0.8087, 50, 40.18, 5, "05 无预算表.xlsx"],
      [3, "佛山市财政局", 2022, 93.18, "优", 0.8087, 48, 40.18, 5, "01 财政局.xlsx"],
      [3, "佛山市卫生健康局", 2022, 93.18, "优", 0.8087, 48, 40.18, 5, "03 卫生健康局.xlsx"],
      [5, "佛山市教育局", 2022, 81.18, "良", 0.9531, 36, 40.18, 5, "02 教育局.xlsx"],
    ]);
    expect(ws.getCell("F5").numFmt).toBe("0.00%");
    expect(ws.getCell("D5").numFmt).toBe("0.00");
    // The workbook without a budget table has errors; the sample has none.
    expect(ws.getCell("J6").value).toBeGreaterThan(0);
    expect(ws.getCell("J5").value).toBe(0);
    expect(ws.getCell("A10").value).toMatch(/^共 5 个部门：优 4 个，良 1 个；平均分 91\.58 分/);
  });

  it("lists the failed files with their reasons in a second section", async () => {
    const ws = await readRanking(join(dir, "已评分", "汇总排名.xlsx"));
    let heading = 0;
    ws.eachRow((row, r) => {
      if (row.getCell(1).value === "未能评分的文件（6 个）") heading = r;
    });
    expect(heading).toBeGreaterThan(0);
    expect([1, 2, 4].map((c) => ws.getCell(heading + 1, c).value)).toEqual([
      "序号",
      "文件",
      "原因",
    ]);
    const listed = [0, 1, 2, 3, 4, 5].map((i) =>
      [1, 2, 4].map((c) => ws.getCell(heading + 2 + i, c).value)
    );
    expect(listed).toEqual([
      [1, "06 文本.xlsx", "不是 .xlsx 文件（请在 Excel 中另存为 .xlsx 格式）"],
      [
        2,
        "07 加密.xlsx",
        "文件已设置打开密码，或是旧版 .xls 格式：请在 Excel 中取消密码或另存为 .xlsx 后再试",
      ],
      [3, "08 损坏.xlsx", "文件已损坏，无法作为 .xlsx 打开"],
      [4, "09 空工作簿.xlsx", "未找到预算支出明细表和绩效指标表"],
      [5, "10 无工作表.xlsx", "工作簿中没有工作表"],
      [6, "11 空文件.xlsx", "文件为空"],
    ]);
  });

  it("is print-ready: A4 landscape, one page wide, title rows repeated, page numbers, CJK font", async () => {
    const ws = await readRanking(join(dir, "已评分", "汇总排名.xlsx"));
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "1:4",
      horizontalCentered: true,
    });
    expect(ws.pageSetup.printArea).toMatch(/^A1:M\d+$/);
    expect(ws.headerFooter.oddFooter).toContain("第 &P 页 共 &N 页");
    expect(ws.headerFooter.oddHeader).toBe("&C2022 年度部门整体支出绩效自评汇总排名");
    expect(ws.getCell("A1").font?.name).toBe("Noto Sans CJK SC");
    expect(ws.getCell("B5").font?.name).toBe("Noto Sans CJK SC");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 4, showGridLines: false });
  });

  it("prints the ranking on stdout", () => {
    const table = result.out.join("\n");
    expect(table).toMatch(/^\s+1\s+佛山市社会保险基金管理局\s+2022\s+95\.18\s+优\s+80\.87%/m);
    expect(table).toMatch(/^\s+5\s+佛山市教育局\s+2022\s+81\.18\s+良\s+95\.31%/m);
    expect(table).toContain(`已写入 ${join(dir, "已评分", "汇总排名.xlsx")}；`);
  });
});

describe("jixiao score <folder> --json", () => {
  it("prints JSON Lines: one object per file, then the totals; figures match the ranking", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-batch-json-"));
    await goodDepartments(dir);
    writeFileSync(join(dir, "坏.xlsx"), CORRUPT);
    copyFileSync(SAMPLE_PATH, join(dir, "~$锁.xlsx"));
    const out = join(dir, "..", `${dir.split("/").pop()}-out`);
    const {
      code,
      out: stdout,
      err,
    } = await run(["score", dir, "--out", out, "--json", "--date", DATE]);
    expect(code).toBe(1);
    const lines = stdout.map((l) => JSON.parse(l));
    expect(lines).toHaveLength(7);
    const totals = lines[lines.length - 1];
    expect(totals).toEqual({
      files: 6,
      scored: 4,
      failed: 1,
      skipped: 1,
      output: out,
      ranking: join(out, "汇总排名.xlsx"),
    });
    const perFile = lines.slice(0, -1);
    expect(perFile.map((l) => l.status).sort()).toEqual(
      ["failed", "scored", "scored", "scored", "scored", "skipped"].sort()
    );
    // The same shape as a failing single file's --json object.
    expect(perFile.find((l) => l.status === "failed")).toEqual({
      file: join(dir, "坏.xlsx"),
      status: "failed",
      stage: "read",
      reason: "文件已损坏，无法作为 .xlsx 打开",
    });
    // Progress and the counts line go to stderr, so stdout stays JSON.
    expect(err[err.length - 1]).toBe("共 6 个文件：评分 4，失败 1，跳过 1。");

    const ws = await readRanking(join(out, "汇总排名.xlsx"));
    const rows = dataRows(ws, 4);
    for (const line of perFile.filter((l) => l.status === "scored")) {
      const row = rows.find((r) => r[12] === line.file.split("/").pop());
      expect(row).toBeDefined();
      const count = (s: string) =>
        line.gaps.filter((g: { severity: string }) => g.severity === s).length;
      expect([row?.[1], row?.[3], row?.[4], row?.[9], row?.[10], row?.[11]]).toEqual([
        line.department,
        line.total,
        line.grade,
        count("error"),
        count("warning"),
        count("info"),
      ]);
      expect(row?.[5]).toBeCloseTo(line.executionRate.used / 100, 10);
      expect(line.output).toBe(
        join(
          out,
          line.file
            .split("/")
            .pop()
            .replace(/\.xlsx$/, ".已评分.xlsx")
        )
      );
    }
  }, 60_000);
});

describe("jixiao score <folder>: exit codes and options", () => {
  it("exits 0 when every file was scored or skipped", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-batch-ok-"));
    copyFileSync(SAMPLE_PATH, join(dir, "社保局.xlsx"));
    copyFileSync(SAMPLE_PATH, join(dir, "~$社保局.xlsx"));
    const { code, out } = await run(["score", dir, "--date", DATE]);
    expect(code).toBe(0);
    expect(out[out.length - 1]).toBe("共 2 个文件：评分 1，失败 0，跳过 1。");
    // Re-running reads the same inputs: the output folder is not read back.
    const again = await run(["score", dir, "--date", DATE]);
    expect(again.code).toBe(0);
    expect(again.out[again.out.length - 1]).toBe("共 2 个文件：评分 1，失败 0，跳过 1。");
  });

  it("--out into the input folder itself: the copies and the ranking are skipped on the next run", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-batch-same-"));
    copyFileSync(SAMPLE_PATH, join(dir, "社保局.xlsx"));
    const first = await run(["score", dir, "--out", dir, "--date", DATE]);
    expect(first.code).toBe(0);
    const again = await run(["score", dir, "--out", dir, "--date", DATE]);
    expect(again.out[again.out.length - 1]).toBe("共 3 个文件：评分 1，失败 0，跳过 2。");
    expect(sha(join(dir, "社保局.xlsx"))).toBe(sha(SAMPLE_PATH));
  });

  it("--in-place writes the summary into each input; failed files stay as they were", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-batch-inplace-"));
    copyFileSync(SAMPLE_PATH, join(dir, "社保局.xlsx"));
    writeFileSync(join(dir, "坏.xlsx"), CORRUPT);
    const badBefore = sha(join(dir, "坏.xlsx"));
    const { code } = await run(["score", dir, "--in-place", "--date", DATE]);
    expect(code).toBe(1);
    const book = await FileWorkbook.fromFile(join(dir, "社保局.xlsx"));
    expect(book.workbook.getWorksheet("绩效自评汇总")).toBeDefined();
    expect(sha(join(dir, "坏.xlsx"))).toBe(badBefore);
    expect(readdirSync(join(dir, "已评分"))).toEqual(["汇总排名.xlsx"]);
  });

  it("scores an .xlsm like one file does, gives same-named copies their own names, and warns of duplicates", async () => {
    const JSZip = (await import("jszip")).default;
    const dir = mkdtempSync(join(tmpdir(), "jixiao-batch-names-"));
    copyFileSync(SAMPLE_PATH, join(dir, "乙.xlsx"));
    copyFileSync(SAMPLE_PATH, join(dir, "乙.XLSX"));
    const zip = await JSZip.loadAsync(readFileSync(SAMPLE_PATH));
    const types = await zip.file("[Content_Types].xml")!.async("string");
    zip.file(
      "[Content_Types].xml",
      types.replace(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
      )
    );
    zip.file("xl/vbaProject.bin", Buffer.alloc(64, 1));
    writeFileSync(join(dir, "宏.xlsm"), await zip.generateAsync({ type: "nodebuffer" }));
    const { code, out, err } = await run(["score", dir, "--date", DATE]);
    expect(code).toBe(0);
    expect(out[out.length - 1]).toBe("共 3 个文件：评分 3，失败 0，跳过 0。");
    expect(readdirSync(join(dir, "已评分")).sort()).toEqual(
      ["乙 (2).已评分.xlsx", "乙.已评分.xlsx", "宏.已评分.xlsx", "汇总排名.xlsx"].sort()
    );
    expect(err.join("\n")).toContain(
      `注意：${join(dir, "已评分", "宏.已评分.xlsx")} 中不含原文件的 VBA 宏；原文件未改动。`
    );
    expect(out).toContain(
      "注意：“佛山市社会保险基金管理局”出现 3 次（宏.xlsm、乙.xlsx、乙.XLSX），请核对是否重复提交。"
    );
    expect(err).toContain(
      `注意：乙.XLSX 的副本另存为 ${join(dir, "已评分", "乙 (2).已评分.xlsx")}（默认文件名已被同名的另一个文件使用）。`
    );
    // With --in-place an .xlsm is skipped with the reason (it cannot be written in place).
    const inPlace = await run(["score", dir, "--in-place", "--date", DATE]);
    expect(inPlace.err.join("\n")).toContain(
      "跳过 宏.xlsm：启用宏的工作簿不能就地写入（去掉 --in-place 可另存为 .xlsx 副本）"
    );
  });

  it("names copies the same on every run: .xlsx first, then .xls, then .xlsm", () => {
    const out = outputNames(["乙.xlsm", "乙.xlsx", "甲.xlsx", "乙.XLS"], "/o");
    expect(Object.fromEntries(out)).toEqual({
      "乙.xlsx": "/o/乙.已评分.xlsx",
      "乙.XLS": "/o/乙 (2).已评分.xlsx",
      "乙.xlsm": "/o/乙 (3).已评分.xlsx",
      "甲.xlsx": "/o/甲.已评分.xlsx",
    });
  });

  it("gives the default name to 乙.xlsx before 乙.XLSX, as the docs say, whatever the order found", () => {
    for (const names of [
      ["乙.XLSX", "乙.xlsx", "Case.xlsx", "case.xlsx"],
      ["case.xlsx", "Case.xlsx", "乙.xlsx", "乙.XLSX"],
    ])
      expect(Object.fromEntries(outputNames(names, "/o"))).toEqual({
        "乙.xlsx": "/o/乙.已评分.xlsx",
        "乙.XLSX": "/o/乙 (2).已评分.xlsx",
        "case.xlsx": "/o/case.已评分.xlsx",
        "Case.xlsx": "/o/Case (2).已评分.xlsx",
      });
  });

  it("says when a failed file's copy in the output folder is from an earlier run", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-batch-stale-"));
    copyFileSync(SAMPLE_PATH, join(dir, "甲局.xlsx"));
    expect((await run(["score", dir, "--date", DATE])).code).toBe(0);
    writeFileSync(join(dir, "甲局.xlsx"), CORRUPT);
    const { code, out, err } = await run(["score", dir, "--date", DATE]);
    expect(code).toBe(1);
    expect(err).toContain(
      `注意：${join(dir, "已评分", "甲局.已评分.xlsx")} 是之前的评分结果，本次未更新。`
    );
    expect(out).toContain(`已写入 ${join(dir, "已评分", "汇总排名.xlsx")}；没有评分成功的文件。`);
  });

  it("a folder without workbooks: exit 1, a clear line, no ranking", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-batch-empty-"));
    writeFileSync(join(dir, "说明.txt"), "");
    const { code, out, err } = await run(["score", dir]);
    expect(code).toBe(1);
    expect(out).toEqual(["共 0 个文件：评分 0，失败 0，跳过 0。"]);
    expect(err).toEqual([`文件夹 ${dir} 中没有可评分的 .xlsx 文件。`]);
    expect(existsSync(join(dir, "已评分"))).toBe(false);
  });

  it("--out must be a folder: exit 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-batch-usage-"));
    copyFileSync(SAMPLE_PATH, join(dir, "社保局.xlsx"));
    const asXlsx = await run(["score", dir, "--out", join(dir, "汇总.xlsx")]);
    expect(asXlsx.code).toBe(2);
    expect(asXlsx.err).toEqual([
      `评分文件夹时，--out 应为输出文件夹，而不是 .xlsx 文件：${join(dir, "汇总.xlsx")}`,
    ]);
    writeFileSync(join(dir, "输出"), "");
    const asFile = await run(["score", dir, "--out", join(dir, "输出")]);
    expect(asFile.code).toBe(2);
    expect(asFile.err).toEqual([
      `输出位置 ${join(dir, "输出")} 是一个文件，应为文件夹（可用 --out 指定其他文件夹）`,
    ]);
  });

  it("on a terminal: one bar redrawn in place, bad files above it, the bar cleared at the end", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-batch-tty-"));
    copyFileSync(SAMPLE_PATH, join(dir, "a.xlsx"));
    writeFileSync(join(dir, "b.xlsx"), "");
    const raw: string[] = [];
    const { code, err } = await run(["score", dir, "--date", DATE], {
      write: (t) => raw.push(t),
      columns: 80,
    });
    expect(code).toBe(1);
    expect(err).toEqual(["[2/2] 无法读取 b.xlsx：文件为空"]);
    expect(raw).toEqual([
      `\r[${"░".repeat(20)}] 0/2 a.xlsx\x1b[K`,
      `\r[${"█".repeat(10)}${"░".repeat(10)}] 1/2 a.xlsx\x1b[K`,
      `\r[${"█".repeat(10)}${"░".repeat(10)}] 1/2 b.xlsx\x1b[K`,
      "\r\x1b[K",
      `\r[${"█".repeat(20)}] 2/2 b.xlsx\x1b[K`,
      "\r\x1b[K",
    ]);
  });
});
