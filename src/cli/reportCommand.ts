/**
 * `jixiao report <file.xlsx> [--out 报告.docx]`, and `jixiao score … --report`: the 自评报告 draft
 * as a Word document, built from the same scoring the summary prints. Reading never changes the
 * workbook; the .docx is written atomically, beside the workbook unless --out says where.
 */
import { yearly } from "../model/year";
import { basename, dirname, extname, join } from "node:path";
import { stat } from "node:fs/promises";
import { score } from "../model/decimal";
import type { WorkbookStandard } from "../model/input";
import type { SheetSnapshot } from "../hosts/snapshot";
import { deferredEngine } from "../pipeline/deferredEngine";
import { scoreRead } from "../pipeline/readAndScore";
import type { WorkbookScore } from "../pipeline/scoreWorkbook";
import { noReportReason } from "../pipeline/writtenSheets";
import { reportDraft } from "../submission/reportDraft";
import type * as ReportDocx from "../submission/reportDocx";
import { writeFileAtomic } from "./atomicWrite";
import { describeInternalError, writeReason } from "./errors";
import type { CliIo } from "./io";
import { checkWorkbookData, readFileBytes, readSnapshot } from "./openWorkbook";
import { type ProjectFiles, projectFilesLine, readProjectFiles } from "./projectFiles";

/** `某局.xlsx` → `某局.自评报告.docx` (and `某局.已评分.xlsx` → `某局.自评报告.docx`), in `folder`. */
export function reportName(input: string, folder = dirname(input)): string {
  const stem = basename(input, extname(input)).replace(/\.已评分$/, "");
  return join(folder, `${stem}.自评报告.docx`);
}

/** Where the report goes: `--out` (a .docx, or a folder), else beside the workbook. */
export async function reportTarget(
  file: string,
  out: string | undefined
): Promise<{ target: string } | { problem: string }> {
  if (out === undefined) return { target: reportName(file) };
  const ext = extname(out).toLowerCase();
  const isFolder =
    /[\\/]$/.test(out) ||
    ext === "" ||
    ((await stat(out).catch(() => null))?.isDirectory() ?? false);
  if (isFolder) return { target: reportName(file, out) };
  if (ext === ".docx") return { target: out };
  return {
    problem: `--out 的文件名应以 .docx 结尾（报告草稿是 Word 文档），收到“${basename(out)}”`,
  };
}

/**
 * Reads and scores a workbook without writing anything: what the report is built from (with the
 * project forms of `--projects` beside it, as `score` reads them).
 */
async function scoreForReport(
  file: string,
  standard?: WorkbookStandard,
  extraSheets: readonly SheetSnapshot[] = []
): Promise<{ ok: true; score: WorkbookScore } | { ok: false; reason: string }> {
  const bytes = await readFileBytes(file);
  if (!bytes.ok) return bytes;
  const read = await checkWorkbookData(bytes.data);
  if (!read.ok) return read;
  const opened = await readSnapshot(read);
  if (!opened.ok) return opened;
  const own = opened.snapshot;
  const snapshot = { ...own, fileName: basename(file), sheets: [...own.sheets, ...extraSheets] };
  const result = scoreRead(snapshot, { standard }, deferredEngine);
  const refused = noReportReason(result);
  if (refused) return { ok: false, reason: refused };
  return { ok: true, score: result };
}

/** Writes the draft of a scored workbook to `target`; the reason when it cannot. */
export async function writeReport(score: WorkbookScore, target: string): Promise<string | null> {
  let bytes: Uint8Array;
  try {
    // docx (a large package) is loaded only when a report is written, not at every start. A
    // require, not import(): Node's import() would not find a TypeScript source run through tsx.
    const { reportDocx } = require("../submission/reportDocx") as typeof ReportDocx;
    bytes = await reportDocx(
      reportDraft({ evaluation: score.evaluation, input: score.parse.input })
    );
  } catch (error) {
    return `生成报告时出错：${describeInternalError(error)}`;
  }
  try {
    await writeFileAtomic(target, bytes);
    return null;
  } catch (error) {
    return `无法写入 ${target}：${writeReason(error)}`;
  }
}

/** `--projects`: the forms' sheets, their line said; null without it, false (said) when refused. */
async function projectsFor(
  path: string | undefined,
  file: string,
  io: CliIo
): Promise<ProjectFiles | null | false> {
  if (path === undefined) return null;
  const projects = await readProjectFiles(path, [file]);
  if ("error" in projects) {
    io.err(`${projects.error}。`);
    return false;
  }
  io.out(projectFilesLine(path, projects));
  for (const warning of projects.warnings) io.err(warning);
  return projects;
}

/** `jixiao report`: exit code 0 written, 1 failed, 2 usage. */
export async function reportCommand(
  file: string | undefined,
  out: string | undefined,
  io: CliIo,
  options: { standard?: WorkbookStandard; projects?: string } = {}
): Promise<number> {
  if (!file) {
    io.err("请给出一个部门工作簿（jixiao report 某局.xlsx [--out 报告.docx]）。");
    return 2;
  }
  const where = await reportTarget(file, out);
  if ("problem" in where) {
    io.err(`${where.problem}。`);
    return 2;
  }
  const projects = await projectsFor(options.projects, file, io);
  if (projects === false) return 2;
  const scored = await scoreForReport(file, options.standard, projects?.sheets);
  if (!scored.ok) {
    io.err(`无法生成 ${file} 的报告：${scored.reason}`);
    return 1;
  }
  const problems = scored.score.parse.problems;
  if (problems.length > 0)
    io.err(
      `注意：${file} 有 ${problems.length} 处输入需要修改（${problems[0].message}${problems.length > 1 ? " 等" : ""}），报告按能读取的数据起草；逐条见 jixiao score。`
    );
  const failed = await writeReport(scored.score, where.target);
  if (failed) {
    io.err(`未能保存 ${file} 的报告：${failed}`);
    return 1;
  }
  const e = scored.score.evaluation;
  io.out(
    `已生成 ${where.target}：${e.department} ${yearly(e.year)}自评报告草稿（总分 ${score(e.total)} 分，等级“${e.grade}”）；请补写标有【待填写】的段落。`
  );
  return 0;
}
