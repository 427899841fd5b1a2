/**
 * `jixiao report` and `jixiao score --report`: the Word draft beside the workbook (or where
 * --out says), the workbook itself unchanged; bad input and bad options get one Chinese line.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
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
import { templateLayouts } from "../src/layout/template";
import { caiyuProject, foshan2022 } from "../src/standard/presets";
import { SAMPLE_PATH } from "./parse/sampleSnapshot";
import { projectFormLayout } from "../src/layout/projectForm";
import { dec } from "../src/model/decimal";

import { goodForm } from "./fixtures/projectForm";

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const dir = mkdtempSync(join(tmpdir(), "jixiao-report-"));
const hash = (p: string) => createHash("sha256").update(readFileSync(p)).digest("hex");

async function documentText(docx: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(docx));
  const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
}

describe("jixiao report", () => {
  it("writes 某局.自评报告.docx beside the workbook and leaves the workbook as it was", async () => {
    const input = join(dir, "某局.xlsx");
    copyFileSync(SAMPLE_PATH, input);
    const before = hash(input);
    const { code, out, err } = await run(["report", input]);
    expect({ code, err }).toEqual({ code: 0, err: "" });
    const docx = join(dir, "某局.自评报告.docx");
    expect(out).toBe(
      `已生成 ${docx}：佛山市社会保险基金管理局 2022 年度自评报告草稿（总分 95.18 分，等级“优”）；请补写标有【待填写】的段落。`
    );
    expect(hash(input)).toBe(before);
    const text = await documentText(docx);
    expect(text).toContain("佛山市社会保险基金管理局 2022 年度部门整体支出绩效自评报告");
    expect(text).toContain("绩效得分为 95.18 分，绩效等级为“优”");
    // Nothing in English where a finance officer looks: the document's properties too.
    const core = await (
      await JSZip.loadAsync(readFileSync(docx))
    )
      .file("docProps/core.xml")!
      .async("string");
    expect(core).toContain("<cp:lastModifiedBy>绩效自评助手</cp:lastModifiedBy>");
    expect(text).not.toMatch(/min\(|Un-named|undefined|NaN/);
  });

  it("writes where --out says: a .docx, or into a folder", async () => {
    const named = join(dir, "报告.docx");
    expect((await run(["report", SAMPLE_PATH, "--out", named])).code).toBe(0);
    expect(existsSync(named)).toBe(true);
    const folder = join(dir, "报告文件夹");
    mkdirSync(folder);
    expect((await run(["report", SAMPLE_PATH, `--out=${folder}`])).code).toBe(0);
    expect(existsSync(join(folder, "foshan-sbj-2022.自评报告.docx"))).toBe(true);
  });

  it("refuses an --out that is not a .docx, and a missing file, in one Chinese line", async () => {
    const wrong = await run(["report", SAMPLE_PATH, "--out", join(dir, "报告.xlsx")]);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toBe(
      "--out 的文件名应以 .docx 结尾（报告草稿是 Word 文档），收到“报告.xlsx”。"
    );
    const missing = await run(["report", join(dir, "没有这个文件.xlsx")]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^无法生成 .*没有这个文件\.xlsx 的报告：/);
    expect(missing.err).not.toMatch(/Error|at /);
    const notBook = join(dir, "坏.xlsx");
    writeFileSync(notBook, "这不是工作簿");
    const bad = await run(["report", notBook]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^无法生成 .*坏\.xlsx 的报告：.*[\u4e00-\u9fff]/);
    expect(existsSync(join(dir, "坏.自评报告.docx"))).toBe(false);
    const none = await run(["report"]);
    expect(none.code).toBe(2);
    const flags = await run(["report", SAMPLE_PATH, "--json", "--in-place"]);
    expect(flags.code).toBe(2);
    expect(flags.err).toBe(
      "jixiao report 不支持 --json、--in-place（它只生成 Word 报告草稿，不改动工作簿；要评分副本或 JSON 结果，请用 jixiao score 某局.xlsx --report 或 --json）。"
    );
  });

  it("reads the project forms of --projects as score --report does, and drafts the same report", async () => {
    const forms = join(dir, "项目自评表");
    mkdirSync(forms);
    for (const [name, spent] of [
      ["社保卡发行项目", 110],
      ["档案数字化项目", 60],
    ] as const) {
      const wb = new ExcelJS.Workbook();
      const data = goodForm(name);
      data.funds = data.funds?.map((f, i) => (i === 0 ? { ...f, spent: dec(spent) } : f));
      writeLayout(wb, projectFormLayout(caiyuProject, data, "自评表"));
      await wb.xlsx.writeFile(join(forms, `${name}.xlsx`));
    }
    const input = join(dir, "丁局.xlsx");
    copyFileSync(SAMPLE_PATH, input);
    const report = await run([
      "report",
      input,
      "--projects",
      forms,
      "--out",
      join(dir, "丁局报告.docx"),
    ]);
    expect(report.code).toBe(0);
    expect(report.out.split("\n")[0]).toBe(
      `从 ${forms} 读取项目工作簿 2 个：2 个含项目支出绩效自评表，共 2 张。`
    );
    const scored = await run([
      "score",
      input,
      "--report",
      "--projects",
      forms,
      "--date",
      "2026-12-01",
    ]);
    expect(scored.code).toBe(0);
    const drafted = await documentText(join(dir, "丁局报告.docx"));
    expect(drafted).toBe(await documentText(join(dir, "丁局.自评报告.docx")));
    const without = await run(["report", input, "--out", join(dir, "丁局无项目.docx")]);
    expect(without.code).toBe(0);
    expect(drafted).not.toBe(await documentText(join(dir, "丁局无项目.docx")));
    const missing = await run(["report", input, "--projects", join(dir, "没有这个文件夹")]);
    expect(missing).toMatchObject({
      code: 2,
      err: `--projects：找不到 ${join(dir, "没有这个文件夹")}。`,
    });
  });

  it("says so when the workbook has cells to fix, and still drafts from what it could read", async () => {
    const broken = join(__dirname, "..", "samples", "broken", "text-in-number.xlsx");
    const out = join(dir, "有误.docx");
    const r = await run(["report", broken, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(
      /^注意：.*text-in-number\.xlsx 有 1 处输入需要修改（预算支出!C5：“二千”不是数字），报告按能读取的数据起草；逐条见 jixiao score。$/
    );
    expect(existsSync(out)).toBe(true);
  });

  it("score --report writes the scored copy and the draft; a folder with --report is refused", async () => {
    const input = join(dir, "乙局.xlsx");
    copyFileSync(SAMPLE_PATH, input);
    const { code, out } = await run(["score", input, "--report", "--date", "2026-11-30"]);
    expect(code).toBe(0);
    const docx = join(dir, "乙局.自评报告.docx");
    expect(out).toContain(`已生成自评报告草稿 ${docx}（请补写标有【待填写】的段落）。`);
    expect(existsSync(join(dir, "乙局.已评分.xlsx"))).toBe(true);
    expect(await documentText(docx)).toContain("该指标分值 10 分，自评得分 5.18 分。");
    const folder = await run(["score", dir, "--report"]);
    expect(folder.code).toBe(2);
    expect(folder.err).toBe("--report 只能用于单个部门工作簿；文件夹请逐个运行 jixiao report。");
  });

  it("drafts no report of zeros from a blank template: says what to fill in, exits 1", async () => {
    const input = join(dir, "丙局模板.xlsx");
    const template = new ExcelJS.Workbook();
    for (const layout of templateLayouts(foshan2022)) writeLayout(template, layout);
    await template.xlsx.writeFile(input);
    const fillIn = "输入表尚未填写数据：请在“预算支出”、“绩效指标”表中填写预算数和自评得分后再";
    const report = await run(["report", input]);
    expect(report).toEqual({
      code: 1,
      out: "",
      err: `无法生成 ${input} 的报告：${fillIn}生成报告`,
    });
    expect(existsSync(join(dir, "丙局模板.自评报告.docx"))).toBe(false);
    const scored = await run(["score", input, "--report"]);
    expect(scored).toEqual({ code: 1, out: "", err: `无法评分 ${input}：${fillIn}评分` });
    expect(existsSync(join(dir, "丙局模板.已评分.xlsx"))).toBe(false);
    expect(existsSync(join(dir, "丙局模板.自评报告.docx"))).toBe(false);
  });
});
