/**
 * `jixiao score 某局.xlsx --projects 项目自评表/`: project forms kept in their own workbooks are
 * read beside the department's, named `[文件.xlsx]表名`, scored and rolled up; those files are
 * never written; a file that cannot be read or holds no form is one line, not a failure.
 */
import ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../src/cli/main";
import { writeLayout } from "../src/hosts/file/writeLayout";
import { projectFormLayout } from "../src/layout/projectForm";
import { templateLayouts } from "../src/layout/template";
import { caiyuProject, foshan2022 } from "../src/standard/presets";
import { goodForm } from "./fixtures/projectForm";
import { SAMPLE_PATH } from "./parse/sampleSnapshot";

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const dir = mkdtempSync(join(tmpdir(), "jixiao-projects-"));
const forms = join(dir, "项目自评表");
const hash = (p: string) => createHash("sha256").update(readFileSync(p)).digest("hex");

beforeAll(async () => {
  mkdirSync(forms);
  for (const name of ["社保卡发行项目", "档案数字化项目"]) {
    const wb = new ExcelJS.Workbook();
    writeLayout(wb, projectFormLayout(caiyuProject, goodForm(name), "自评表"));
    await wb.xlsx.writeFile(join(forms, `${name}.xlsx`));
  }
  const other = new ExcelJS.Workbook();
  other.addWorksheet("说明").getCell("A1").value = "请各项目单位于 3 月前报送";
  await other.xlsx.writeFile(join(forms, "填报说明.xlsx"));
  writeFileSync(join(forms, "损坏.xlsx"), "not a workbook");
  writeFileSync(join(forms, "~$社保卡发行项目.xlsx"), "Office lock file");
});

describe("jixiao score --projects", () => {
  it("reads the forms of a folder of workbooks, scores and rolls them up, writes none of them", async () => {
    const before = hash(join(forms, "社保卡发行项目.xlsx"));
    const output = join(dir, "某局.xlsx");
    const { code, out, err } = await run([
      "score",
      SAMPLE_PATH,
      "--out",
      output,
      "--projects",
      forms,
      "--json",
    ]);
    expect(code).toBe(0);
    expect(err.split("\n")).toEqual([
      "无法读取 损坏.xlsx：不是 .xlsx 文件（请在 Excel 中另存为 .xlsx 格式），未计入项目自评。",
      "填报说明.xlsx 中没有项目支出绩效自评表，未计入项目自评。",
    ]);
    const json = JSON.parse(out) as {
      projects: { name: string; sheet: string; cell: string; score: number }[];
    };
    expect(json.projects.map((p) => [p.name, p.sheet, p.cell, p.score])).toEqual([
      ["档案数字化项目", "[档案数字化项目.xlsx]自评表", "[档案数字化项目.xlsx]自评表!B3", 99.17],
      ["社保卡发行项目", "[社保卡发行项目.xlsx]自评表", "[社保卡发行项目.xlsx]自评表!B3", 99.17],
    ]);
    expect(hash(join(forms, "社保卡发行项目.xlsx"))).toBe(before);
    const scored = new ExcelJS.Workbook();
    await scored.xlsx.readFile(output);
    expect(scored.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(["绩效自评汇总", "项目自评汇总"])
    );
    // The forms' sheets are read, not copied into the department's workbook.
    expect(scored.worksheets.some((w) => w.name.includes("自评表"))).toBe(false);
    // …and the sheets say where the forms came from: not “本工作簿”.
    const texts = (name: string) => {
      const all: string[] = [];
      scored.getWorksheet(name)!.eachRow((row) =>
        row.eachCell((c) => {
          const v = c.value as string | { result?: unknown } | null;
          if (typeof v === "string") all.push(v);
          else if (v && typeof v.result === "string") all.push(v.result); // a HYPERLINK formula
        })
      );
      return all.join("\n");
    };
    expect(texts("核对清单")).toContain("各项目得分取自另存的项目工作簿 2 张项目支出绩效自评表");
    expect(texts("项目自评汇总")).toContain("根据另存的项目工作簿各项目支出绩效自评表生成");
  });

  it("says how many workbooks and forms it read", async () => {
    const { code, out } = await run([
      "score",
      SAMPLE_PATH,
      "--out",
      join(dir, "文本.xlsx"),
      `--projects=${forms}`,
    ]);
    expect(code).toBe(0);
    expect(out).toContain(`从 ${forms} 读取项目工作簿 4 个：2 个含项目支出绩效自评表，共 2 张。`);
    expect(out).toContain("项目自评（2 张项目支出绩效自评表");
  });

  it("takes one workbook of forms as well", async () => {
    const { code, out } = await run([
      "score",
      SAMPLE_PATH,
      "--out",
      join(dir, "单个.xlsx"),
      "--projects",
      join(forms, "档案数字化项目.xlsx"),
      "--json",
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(out).projects).toHaveLength(1);
  });

  it.each([
    [
      ["--projects", join(dir, "没有这个文件夹")],
      `--projects：找不到 ${join(dir, "没有这个文件夹")}。`,
    ],
    [["--projects", join(__dirname, "cliProjects.test.ts")], "不是 .xlsx 工作簿或文件夹"],
  ])("refuses %j with one line, exit 2", async (extra, message) => {
    const { code, err } = await run(["score", SAMPLE_PATH, "--out", join(dir, "x.xlsx"), ...extra]);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });

  it("is for one department's workbook, not a folder of departments", async () => {
    const { code, err } = await run(["score", dir, "--projects", forms]);
    expect(code).toBe(2);
    expect(err).toContain("--projects 只能与单个部门工作簿一起使用");
  });
});

describe("jixiao score on a workbook of project forms alone", () => {
  const input = join(dir, "项目表.xlsx");
  const note = "未找到部门的预算支出明细表和绩效指标表，只评分了项目支出绩效自评表。";

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    for (const name of ["社保卡发行项目", "档案数字化项目"])
      writeLayout(wb, projectFormLayout(caiyuProject, goodForm(name), name));
    await wb.xlsx.writeFile(input);
  });

  it("scores the forms, writes 项目自评汇总 alone: no department total, no gaps of missing tables", async () => {
    const output = join(dir, "项目表.已评分.xlsx");
    const { code, out, err } = await run(["score", input, "--out", output]);
    expect({ code, err }).toEqual({ code: 0, err: "" });
    const lines = out.split("\n");
    expect(lines[0]).toBe(note);
    expect(out).toContain("项目自评（2 张项目支出绩效自评表");
    expect(out).not.toMatch(/总分 0\.00|无法评定|部门整体支出绩效自评|\[严重\]/);
    expect(out).not.toContain("未找到部门预算支出明细表");
    expect(lines[lines.length - 1]).toBe(`已写入 ${output} 的“项目自评汇总”工作表。`);
    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(output);
    expect(written.worksheets.map((s) => s.name)).toEqual([
      "社保卡发行项目",
      "档案数字化项目",
      "项目自评汇总",
    ]);
    const json = JSON.parse(
      (await run(["score", input, "--out", join(dir, "项目表.json.xlsx"), "--json"])).out
    );
    expect(json.projectsOnly).toBe(true);
    expect(json.sheet).toBe("项目自评汇总");
    expect(json.gaps.filter((g: { severity: string }) => g.severity === "error")).toEqual([]);
  });

  it("drafts no department report of zeros, with score --report or jixiao report", async () => {
    const reason = "未找到预算支出明细表和绩效指标表";
    const scored = await run(["score", input, "--out", join(dir, "项目表.报告.xlsx"), "--report"]);
    expect(scored.code).toBe(1);
    expect(scored.err).toBe(`无法生成 ${input} 的报告：${reason}`);
    expect(existsSync(join(dir, "项目表.报告.自评报告.docx"))).toBe(false);
    const report = await run(["report", input]);
    expect(report).toEqual({ code: 1, out: "", err: `无法生成 ${input} 的报告：${reason}` });
  });
});

describe("a folder run with a workbook of project forms alone", () => {
  const folder = join(dir, "文件夹");

  beforeAll(async () => {
    mkdirSync(folder, { recursive: true });
    copyFileSync(SAMPLE_PATH, join(folder, "社保局.xlsx"));
    const wb = new ExcelJS.Workbook();
    writeLayout(wb, projectFormLayout(caiyuProject, goodForm("社保卡发行项目"), "社保卡发行项目"));
    await wb.xlsx.writeFile(join(folder, "项目表.xlsx"));
  });

  it("scores its forms and leaves it out of the ranking, saying so on the terminal and in 汇总排名", async () => {
    const { code, out, err } = await run(["score", folder, "--date", "2026-11-27"]);
    expect(code).toBe(0);
    expect(err).toContain(
      "已评分 项目表.xlsx：只评分了项目支出绩效自评表 1 张（未找到部门的预算支出明细表和绩效指标表）"
    );
    expect(err).not.toMatch(/项目表\.xlsx：0\.00|无法评定/);
    const note =
      "另有 1 个工作簿只评分了项目支出绩效自评表（部门的预算支出明细表和绩效指标表未找到或尚未填写数据），未列入排名：项目表.xlsx。";
    expect(out).toContain(note);
    expect(out).not.toMatch(/无法评定/);
    const ranking = new ExcelJS.Workbook();
    await ranking.xlsx.readFile(join(folder, "已评分", "汇总排名.xlsx"));
    const texts: string[] = [];
    ranking.worksheets[0]?.eachRow((row) =>
      row.eachCell((cell) => texts.push(String(cell.value ?? "")))
    );
    // (A merged cell's value is read once for each cell it covers.)
    expect([...new Set(texts.filter((t) => t.includes("项目表.xlsx")))]).toEqual([
      expect.stringContaining("未列入排名：项目表.xlsx。"),
    ]);
    expect(texts).toContain("社保局.xlsx");
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(join(folder, "已评分", "项目表.已评分.xlsx"));
    expect(copy.worksheets.map((s) => s.name)).toEqual(["社保卡发行项目", "项目自评汇总"]);
  });
});

describe("a template whose department tables are blank, with project forms filled in", () => {
  const input = join(dir, "模板加项目表.xlsx");
  const note =
    "部门的预算支出明细表和绩效指标表尚未填写数据，只评分了项目支出绩效自评表；填写预算数和自评得分后再评分部门整体。";

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    for (const layout of templateLayouts(foshan2022)) writeLayout(wb, layout);
    writeLayout(wb, projectFormLayout(caiyuProject, goodForm("社保卡发行项目"), "社保卡发行项目"));
    await wb.xlsx.writeFile(input);
  });

  it("scores the forms alone and says the department tables are still blank, not missing", async () => {
    const output = join(dir, "模板加项目表.已评分.xlsx");
    const { code, out, err } = await run(["score", input, "--out", output]);
    expect({ code, err }).toEqual({ code: 0, err: "" });
    expect(out.split("\n")[0]).toBe(note);
    expect(out).not.toMatch(/总分 0\.00|无法评定|未找到部门|\[严重\]/);
    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(output);
    const names = written.worksheets.map((s) => s.name);
    expect(names.slice(-2)).toEqual(["社保卡发行项目", "项目自评汇总"]);
    expect(names).not.toContain("绩效自评汇总");
    expect(names).not.toContain("核对清单");
    const json = JSON.parse(
      (await run(["score", input, "--out", join(dir, "模板加项目表.json.xlsx"), "--json"])).out
    );
    expect(json).toMatchObject({ projectsOnly: true, departmentBlank: true });
  });

  it("drafts no report: it says what to fill in first", async () => {
    const report = await run(["report", input]);
    expect(report).toEqual({
      code: 1,
      out: "",
      err: `无法生成 ${input} 的报告：输入表尚未填写数据：请在“预算支出”、“绩效指标”表中填写预算数和自评得分后再生成报告`,
    });
  });

  it("in a folder run: scored, its line gives the cause, left out of the ranking", async () => {
    const folder = join(dir, "模板文件夹");
    mkdirSync(folder);
    copyFileSync(SAMPLE_PATH, join(folder, "社保局.xlsx"));
    copyFileSync(input, join(folder, "模板.xlsx"));
    const { code, out, err } = await run(["score", folder, "--date", "2026-11-27"]);
    expect(code).toBe(0);
    expect(err).toContain(
      "已评分 模板.xlsx：只评分了项目支出绩效自评表 1 张（部门的预算支出明细表和绩效指标表尚未填写数据）"
    );
    expect(out).toContain("未列入排名：模板.xlsx。");
  });
});
