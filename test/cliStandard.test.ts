/**
 * The command line's 评分标准: `jixiao standards`, `jixiao standard <编号> --out`, and
 * `jixiao score … --standard <编号|标准.xlsx>`.
 */
import ExcelJS from "exceljs";
import { copyFileSync, mkdtempSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { presets } from "../src/standard/presets";
import { runCli } from "./fixtures/cli";
import { SAMPLE_PATH } from "./parse/sampleSnapshot";

const dir = mkdtempSync(join(tmpdir(), "jixiao-standard-"));

/** What a score is: everything of the JSON but where the standard came from and the file names. */
function scoring(json: Record<string, unknown>) {
  const { standard, file, output, ...rest } = json as { standard: { id: string } } & Record<
    string,
    unknown
  >;
  void file;
  void output;
  return { ...rest, standardId: standard.id };
}

describe("jixiao standards", () => {
  it("lists every preset with its id, name, city and year", async () => {
    const { code, out } = await runCli(["standards"]);
    expect(code).toBe(0);
    for (const p of presets) {
      expect(out).toContain(p.id);
      expect(out).toContain(p.name);
    }
    const json = JSON.parse((await runCli(["standards", "--json"])).out);
    expect(json.map((p: { id: string }) => p.id)).toEqual(presets.map((p) => p.id));
    expect(json[0]).toMatchObject({
      id: "foshan-2022",
      city: "佛山市",
      year: 2022,
      indicators: 11,
      unconfirmed: 4,
    });
  });
});

describe("jixiao standard <编号> and score --standard", () => {
  const exported = join(dir, "佛山2022标准.xlsx");

  it("writes a preset as a workbook whose 评分标准 sheet scores the sample exactly as the preset does", async () => {
    const written = await runCli(["standard", "foshan-2022", "--out", exported]);
    expect(written.code).toBe(0);
    expect(written.out).toContain(`已写入 ${exported}`);
    const byFile = await runCli([
      "score",
      SAMPLE_PATH,
      "--out",
      join(dir, "a.xlsx"),
      "--standard",
      exported,
      "--json",
    ]);
    const byPreset = await runCli([
      "score",
      SAMPLE_PATH,
      "--out",
      join(dir, "b.xlsx"),
      "--standard",
      "foshan-2022",
      "--json",
    ]);
    const matched = await runCli(["score", SAMPLE_PATH, "--out", join(dir, "c.xlsx"), "--json"]);
    expect([byFile.code, byPreset.code, matched.code]).toEqual([0, 0, 0]);
    const [file, preset, auto] = [byFile, byPreset, matched].map((r) => JSON.parse(r.out));
    expect(file.standard).toEqual({
      id: "foshan-2022",
      name: "2022 年度佛山市市级部门整体支出绩效自评表",
      source: "佛山2022标准.xlsx 的“评分标准”表",
      sourceKind: "given",
    });
    expect(preset.standard.source).toBe("预设 foshan-2022（--standard 指定）");
    expect(auto.standard.sourceKind).toBe("cityYear");
    // The same scores and gaps; a 待核对 is the file's mark, not a preset's default.
    const marked = "在佛山2022标准.xlsx 的评分标准表中标为待核对。";
    const asPreset = (json: { gaps: { message: string }[] }) => ({
      ...scoring(json),
      gaps: json.gaps.map((g) => ({
        ...g,
        message: g.message.replace(marked, "为默认值（待核对）。"),
      })),
    });
    expect(file.gaps.filter((g: { message: string }) => g.message.endsWith(marked))).toHaveLength(
      4
    );
    expect(asPreset(file)).toEqual(scoring(preset));
    expect(asPreset(file)).toEqual(scoring(auto));
    expect(file.total).toBe(95.18);
  });

  it("scores the project forms, not the department, by a project standard, by its id or exported", async () => {
    const projects = join(__dirname, "..", "samples", "foshan-sbj-2022-projects.xlsx");
    const exported = join(dir, "省级项目标准.xlsx");
    expect((await runCli(["standard", "province-project", "--out", exported])).code).toBe(0);
    for (const given of ["province-project", exported]) {
      const { code, out } = await runCli([
        "score",
        projects,
        "--standard",
        given,
        "--out",
        join(dir, "项目标准.xlsx"),
      ]);
      expect(code).toBe(0);
      expect(out).toContain("评分标准：2022 年度佛山市市级部门整体支出绩效自评表");
      expect(out).toContain("总分 95.18 分，绩效等级“优”");
      expect(out).toMatch(/项目自评（53 张项目支出绩效自评表，评分标准：[^）]*省级一体化系统口径/);
    }
  });

  it("scores a whole folder by the given standard", async () => {
    const folder = join(dir, "各部门");
    mkdirSync(folder);
    copyFileSync(SAMPLE_PATH, join(folder, "甲局.xlsx"));
    copyFileSync(SAMPLE_PATH, join(folder, "乙局.xlsx"));
    const { code, out } = await runCli(["score", folder, "--standard", "generic", "--json"]);
    expect(code).toBe(0);
    const lines = out.split("\n").map((l) => JSON.parse(l));
    const files = lines.filter((l) => l.status === "scored");
    expect(files).toHaveLength(2);
    for (const f of files) expect(f.standard).toMatchObject({ id: "generic", sourceKind: "given" });
  });

  it("says a standard's 分值 not adding up to 100 once, at the standard's cell, not the department's", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(exported);
    wb.getWorksheet("评分标准")!.getCell("D14").value = 25;
    const unbalanced = join(dir, "分值不平的标准.xlsx");
    await wb.xlsx.writeFile(unbalanced);
    const { out } = await runCli([
      "score",
      SAMPLE_PATH,
      "--out",
      join(dir, "e.xlsx"),
      "--standard",
      unbalanced,
      "--json",
    ]);
    const json = JSON.parse(out);
    const sums = json.gaps.filter((g: { message: string }) =>
      /分值合计 105\.00 分/.test(g.message)
    );
    expect(sums).toEqual([
      expect.objectContaining({ severity: "error", cell: "[分值不平的标准.xlsx]评分标准!D24" }),
    ]);
    expect(json.grade).toBe("无法评定");
  });

  it("names the file in each problem of the standard it was given", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(exported);
    wb.getWorksheet("评分标准")!.getCell("E18").value = "线性打分";
    const broken = join(dir, "有误的标准.xlsx");
    await wb.xlsx.writeFile(broken);
    const { code, out } = await runCli([
      "score",
      SAMPLE_PATH,
      "--out",
      join(dir, "d.xlsx"),
      "--standard",
      broken,
    ]);
    expect(code).toBe(0);
    expect(out).toContain("有误的标准.xlsx 中 评分标准!E18：计分方法“线性打分”无法识别");
    const json = await runCli([
      "score",
      SAMPLE_PATH,
      "--out",
      join(dir, "d2.xlsx"),
      "--standard",
      broken,
      "--json",
    ]);
    const gaps = (JSON.parse(json.out) as { gaps: { code: string; cell: string | null }[] }).gaps;
    // The cell as Excel names another workbook's: [有误的标准.xlsx]评分标准!E18.
    expect(gaps.filter((g) => g.code === "standardInvalid").map((g) => g.cell)).toContain(
      "[有误的标准.xlsx]评分标准!E18"
    );
  });

  it("names a standard without a 标准名称 after its file, not “本工作簿”", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(exported);
    const sheet = wb.getWorksheet("评分标准")!;
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value === "标准名称") row.getCell(Number(cell.col) + 1).value = null;
      })
    );
    const file = join(dir, "无名标准.xlsx");
    await wb.xlsx.writeFile(file);
    const args = ["score", SAMPLE_PATH, "--out", join(dir, "n.xlsx"), "--standard", file, "--json"];
    const json = JSON.parse((await runCli(args)).out) as { standard: { name: string } };
    expect(json.standard.name).toBe("无名标准.xlsx 的评分标准（评分标准）");
  });

  it("refuses a file without a 评分标准 sheet, an unknown preset, and a missing id (exit 2)", async () => {
    const plain = await runCli(["score", SAMPLE_PATH, "--standard", SAMPLE_PATH]);
    expect(plain.code).toBe(2);
    expect(plain.err).toBe(
      "--standard：foshan-sbj-2022.xlsx 中没有评分标准表：表头须含“一级指标”（或二级、三级指标）、“分值”和“计分方法”。"
    );
    const unknown = await runCli(["score", SAMPLE_PATH, "--standard", "shenzhen"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("没有编号为“shenzhen”的预设评分标准");
    const missing = await runCli(["standard"]);
    expect(missing.code).toBe(2);
    expect((await runCli(["standard", "foshan-2022", "--out", join(dir, "x.csv")])).err).toBe(
      "--out 的文件名应以 .xlsx 结尾，收到“x.csv”。"
    );
  });
});
