/** `jixiao score <file>`: scores a copy, never touches the input, one clear line for a bad file. */
import ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../src/cli/main";
import { FileWorkbook } from "../src/hosts/file/fileWorkbook";
import { writeLayout } from "../src/hosts/file/writeLayout";
import { templateLayouts } from "../src/layout/template";
import { foshan2022 } from "../src/standard/presets";
import { SAMPLE_PATH } from "./parse/sampleSnapshot";

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const dir = mkdtempSync(join(tmpdir(), "jixiao-cli-"));
const hash = (p: string) => createHash("sha256").update(readFileSync(p)).digest("hex");

describe("jixiao score", () => {
  it("scores a copy with the summary sheet, prints the table, leaves the input untouched", async () => {
    const input = join(dir, "某局.xlsx");
    copyFileSync(SAMPLE_PATH, input);
    const before = hash(input);
    const { code, out } = await run(["score", input, "--date", "2026-11-27"]);
    expect(code).toBe(0);
    expect(out).toContain("总分 95.18 分，绩效等级“优”");
    const output = join(dir, "某局.已评分.xlsx");
    expect(out).toContain(`已写入 ${output} 的“绩效自评汇总”、“核对清单”工作表。`);
    expect(hash(input)).toBe(before);
    const scored = await FileWorkbook.fromFile(output);
    expect(scored.workbook.getWorksheet("绩效自评汇总")?.getCell("A1").value).toBe(
      "佛山市社会保险基金管理局 2022 年度部门整体支出绩效自评表"
    );
  });

  it("takes -o for --out", async () => {
    const output = join(dir, "短选项.xlsx");
    const { code, out } = await run(["score", SAMPLE_PATH, "-o", output]);
    expect(code).toBe(0);
    expect(out).toContain(`已写入 ${output} 的“绩效自评汇总”、“核对清单”工作表。`);
    expect(existsSync(output)).toBe(true);
  });

  it("--json prints the documented shape", async () => {
    const { code, out } = await run(["score", SAMPLE_PATH, "--out", join(dir, "j.xlsx"), "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining([
        "department",
        "year",
        "total",
        "grade",
        "profile",
        "indicators",
        "gaps",
      ])
    );
    expect(json.total).toBe(95.18);
    expect(json.indicators[0]).toEqual(
      expect.objectContaining({
        level1: "管理效率",
        name: "预算绩效管理情况",
        max: 10,
        entered: 10,
        computed: null,
        counted: 10,
      })
    );
    expect(json.gaps[0]).toEqual(
      expect.objectContaining({
        severity: "warning",
        indicator: "财政支出执行率",
        cell: "绩效指标!D9",
      })
    );
  });

  it("refuses conflicting or unusable options with exit 2 and a reason", async () => {
    const input = join(dir, "选项.xlsx");
    copyFileSync(SAMPLE_PATH, input);
    const before = hash(input);
    const both = await run(["score", input, "--in-place", "--out", join(dir, "x.xlsx")]);
    expect(both.code).toBe(2);
    expect(both.err).toContain("--in-place 与 --out 不能同时使用");
    for (const name of ["副本.xls", "副本.csv"]) {
      const r = await run(["score", input, "--out", join(dir, name)]);
      expect([name, r.code]).toEqual([name, 2]);
      expect(r.err).toContain(
        `--out 的文件名应以 .xlsx 结尾（评分副本总是 .xlsx 工作簿），收到“${name}”`
      );
      expect(existsSync(join(dir, name))).toBe(false);
    }
    const two = await run(["score", input, SAMPLE_PATH]);
    expect(two.code).toBe(2);
    expect(two.err).toContain("一次只能评分一个文件或一个文件夹，收到 2 个");
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.err).toContain("用法 / Usage");
    for (const files of [[], [""]]) {
      const empty = await run(["score", ...files]);
      expect([files, empty.code]).toEqual([files, 2]);
      expect(empty.err).toContain("请给出一个 .xlsx 文件或一个文件夹。");
    }
    expect(hash(input)).toBe(before);
  });

  it("--out without an extension is a folder; --out=… works as --out …", async () => {
    const input = join(dir, "无扩展名.xlsx");
    copyFileSync(SAMPLE_PATH, input);
    const r = await run(["score", input, "--out", join(dir, "评分结果"), "--date", "2026-11-27"]);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, "评分结果", "无扩展名.已评分.xlsx"))).toBe(true);
    const eq = await run(["score", input, `--out=${join(dir, "等号.xlsx")}`]);
    expect(eq.code).toBe(0);
    expect(existsSync(join(dir, "等号.xlsx"))).toBe(true);
  });

  it("--out naming an existing folder with a dot in its name writes into it", async () => {
    const { mkdirSync } = await import("node:fs");
    const folder = join(dir, "输出.2022");
    mkdirSync(folder, { recursive: true });
    const r = await run(["score", SAMPLE_PATH, "--out", folder, "--date", "2026-11-27"]);
    expect(r.code).toBe(0);
    expect(existsSync(join(folder, "foshan-sbj-2022.已评分.xlsx"))).toBe(true);
  });

  it("--json says a failure as a JSON object too", async () => {
    const empty = join(dir, "空文件.xlsx");
    writeFileSync(empty, "");
    const { code, out, err } = await run(["score", empty, "--json"]);
    expect(code).toBe(1);
    expect(JSON.parse(out)).toEqual({
      file: empty,
      status: "failed",
      stage: "read",
      reason: "文件为空",
    });
    expect(err).toBe(`无法读取 ${empty}：文件为空`);
  });

  (process.getuid?.() === 0 ? it.skip : it)(
    "does not replace a file the user may not write (the folder being writable is not enough)",
    async () => {
      const { chmodSync } = await import("node:fs");
      const input = join(dir, "只读目标.xlsx");
      copyFileSync(SAMPLE_PATH, input);
      const target = join(dir, "只读副本.xlsx");
      writeFileSync(target, "别人的文件");
      chmodSync(target, 0o444);
      const r = await run(["score", input, "--out", target]);
      expect(r.code).toBe(1);
      expect(r.err).toContain("没有写入权限");
      expect(readFileSync(target, "utf8")).toBe("别人的文件");
    }
  );

  it("--in-place writes into the input", async () => {
    const input = join(dir, "inplace.xlsx");
    copyFileSync(SAMPLE_PATH, input);
    const { code } = await run(["score", input, "--in-place"]);
    expect(code).toBe(0);
    expect(
      (await FileWorkbook.fromFile(input)).workbook.getWorksheet("绩效自评汇总")
    ).toBeDefined();
  });

  it("refuses --out equal to the input without --in-place", async () => {
    const input = join(dir, "same.xlsx");
    copyFileSync(SAMPLE_PATH, input);
    const { code, err } = await run(["score", input, "--out", input]);
    expect(code).toBe(2);
    expect(err).toContain("不会覆盖输入文件");
  });

  const bad: [string, (p: string) => void, string][] = [
    ["missing", () => undefined, "文件不存在"],
    [
      "not-xlsx.xlsx",
      (p) => writeFileSync(p, "部门,得分\n某局,95\n"),
      "不是 .xlsx 文件（请在 Excel 中另存为 .xlsx 格式）",
    ],
    [
      "corrupt.xlsx",
      (p) =>
        writeFileSync(
          p,
          Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)])
        ),
      "文件已损坏，无法作为 .xlsx 打开",
    ],
    [
      "locked.xlsx",
      (p) =>
        writeFileSync(
          p,
          Buffer.concat([
            Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
            Buffer.alloc(504),
          ])
        ),
      "文件已设置打开密码，或是旧版 .xls 格式：请在 Excel 中取消密码或另存为 .xlsx 后再试",
    ],
    ["empty.xlsx", (p) => writeFileSync(p, ""), "文件为空"],
  ];
  it.each(bad)("%s: exits 1 with one clear line", async (name, make, reason) => {
    const path = join(dir, name);
    make(path);
    const { code, err, out } = await run(["score", path]);
    expect(code).toBe(1);
    expect(err).toBe(`无法读取 ${path}：${reason}`);
    expect(out).toBe("");
    expect(existsSync(join(dir, name.replace(/\.xlsx$/, "") + ".已评分.xlsx"))).toBe(false);
  });

  it("a workbook with neither the budget nor the indicator table: exits 1, writes nothing", async () => {
    const path = join(dir, "blank.xlsx");
    const blank = new ExcelJS.Workbook();
    blank.addWorksheet("Sheet1").getCell("A1").value = "备忘";
    await blank.xlsx.writeFile(path);
    const { code, err, out } = await run(["score", path]);
    expect(code).toBe(1);
    expect(err).toBe(`无法评分 ${path}：未找到预算支出明细表和绩效指标表`);
    expect(out).toBe("");
    expect(existsSync(join(dir, "blank.已评分.xlsx"))).toBe(false);
  });

  it("a blank template: exits 1 saying what to fill in and where, writes nothing", async () => {
    const path = join(dir, "模板.xlsx");
    const template = new ExcelJS.Workbook();
    for (const layout of templateLayouts(foshan2022)) writeLayout(template, layout);
    await template.xlsx.writeFile(path);
    const { code, err, out } = await run(["score", path]);
    expect(code).toBe(1);
    expect(err).toBe(
      `无法评分 ${path}：输入表尚未填写数据：请在“预算支出”、“绩效指标”表中填写预算数和自评得分后再评分`
    );
    expect(out).toBe("");
    expect(existsSync(join(dir, "模板.已评分.xlsx"))).toBe(false);
  });

  it("scores a broken sample and names the cell to fix", async () => {
    const { code, out } = await run([
      "score",
      join(__dirname, "..", "samples", "broken", "text-in-number.xlsx"),
      "--out",
      join(dir, "broken.xlsx"),
    ]);
    expect(code).toBe(0);
    expect(out).toContain("预算支出!C5：“二千”不是数字");
  });
  it("takes the 年度 from the file's name when no cell or title states it, and says so", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(SAMPLE_PATH);
    const info = book.getWorksheet("基本信息") as ExcelJS.Worksheet;
    for (const column of ["A", "B", "C"]) info.getCell(`${column}4`).value = null;
    (book.getWorksheet("绩效指标") as ExcelJS.Worksheet).getCell("A1").value =
      "部门整体支出绩效自评表";
    const path = join(dir, "某局2022年度绩效自评.xlsx");
    await book.xlsx.writeFile(path);
    const { code, out } = await run(["score", path, "--out", join(dir, "named.xlsx"), "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.year).toBe(2022);
    expect(json.standard.sourceKind).toBe("cityYear");
    expect(json.gaps).toContainEqual(
      expect.objectContaining({
        severity: "warning",
        message:
          "年度 2022 取自文件名“某局2022年度绩效自评.xlsx”：工作簿中未写明年度，请在“基本信息”表中填写“年度”。",
      })
    );
  });
});
