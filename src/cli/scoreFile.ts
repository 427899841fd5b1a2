/**
 * Scoring one workbook file, for `jixiao score <file>` and for each file of a folder: open it
 * (one clear reason when it cannot be read), run the add-in's own 重新计算 on it, and write the
 * scored workbook. Never throws: every way a file can go wrong is an outcome with a reason.
 *
 * The workbook is written back by ExcelJS, which leaves out what it does not model (charts,
 * pivot tables, VBA, …; see preservation.ts). Such a file is never written over (--in-place is
 * refused), and a copy of it carries a warning naming what it lacks.
 */
import { stat } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { type Recalculation, recalculate } from "../pipeline/recalculate";
import { writeFileAtomic } from "./atomicWrite";
import { describeError, describeInternalError, errorCode } from "./errors";
import { parseWorkbook, readWorkbookFile } from "./openWorkbook";
import { type LostContent, copyWarning, inPlaceRefusal } from "../hosts/file/preservation";

export type FileOutcome =
  | {
      status: "scored";
      file: string;
      output: string;
      result: Recalculation;
      /** What the written copy lacks from the input (empty when nothing). */
      lost: LostContent[];
      /** Lines for the user about the copy (`注意：… 中不含原文件的图表 2 个；原文件未改动。`). */
      warnings: string[];
    }
  | {
      status: "failed";
      file: string;
      reason: string;
      /**
       * `read`: the file could not be opened as a workbook; `score`: opened, not scorable;
       * `write`: the output could not be written; `in-place`: writing over the input would
       * lose what ExcelJS does not model.
       */
      stage: "read" | "score" | "write" | "in-place";
    };

/** A workbook that has neither of the two tables a score is built from. */
export const NO_TABLES = "未找到预算支出明细表和绩效指标表";

/**
 * Default output name: `某局.xlsx` → `某局.已评分.xlsx`, beside the input (or in `folder`). The
 * copy is always an .xlsx (ExcelJS writes no macros and no old .xls).
 */
export function scoredName(input: string, folder = dirname(input)): string {
  const ext = extname(input);
  return join(folder, `${basename(input, ext)}.已评分.xlsx`);
}

/** Whether two paths name the same file (also through a symbolic or hard link). */
export async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  const [sa, sb] = await Promise.all([stat(a).catch(() => null), stat(b).catch(() => null)]);
  return sa !== null && sb !== null && sa.dev === sb.dev && sa.ino === sb.ino;
}

function writeReason(error: unknown): string {
  const code = errorCode(error);
  if (code === "EACCES") return "没有写入权限";
  if (code === "EPERM") return "没有写入权限，或文件正被其他程序占用（请在 Excel 中关闭它）";
  return describeError(error);
}

/**
 * Scores `file` and writes the result to `output` (which may be `file` itself for
 * --in-place; the caller decides). Nothing is written when the file fails.
 */
export async function scoreWorkbookFile(
  file: string,
  output: string,
  options: { date?: string } = {}
): Promise<FileOutcome> {
  const read = await readWorkbookFile(file);
  if (!read.ok) return { status: "failed", file, reason: read.reason, stage: "read" };
  const lost = read.scan.lost;
  if (lost.length > 0 && (await sameFile(file, output)))
    return { status: "failed", file, reason: inPlaceRefusal(lost), stage: "in-place" };
  const opened = await parseWorkbook(read.data);
  if (!opened.ok) return { status: "failed", file, reason: opened.reason, stage: "read" };
  let result: Recalculation;
  try {
    result = await recalculate(opened.book, { date: options.date });
  } catch (error) {
    return {
      status: "failed",
      file,
      reason: `评分时出错：${describeInternalError(error)}`,
      stage: "score",
    };
  }
  const kinds = new Set(result.parse.found.map((f) => f.kind));
  if (!kinds.has("budget") && !kinds.has("indicators"))
    return { status: "failed", file, reason: NO_TABLES, stage: "score" };
  let data: Uint8Array;
  try {
    data = await opened.book.toBuffer();
  } catch (error) {
    return {
      status: "failed",
      file,
      reason: `生成工作簿时出错：${describeInternalError(error)}`,
      stage: "write",
    };
  }
  try {
    await writeFileAtomic(output, data);
  } catch (error) {
    return {
      status: "failed",
      file,
      reason: `无法写入 ${output}：${writeReason(error)}`,
      stage: "write",
    };
  }
  const warnings = lost.length > 0 ? [copyWarning(output, lost)] : [];
  return { status: "scored", file, output, result, lost, warnings };
}

/** The one line a failed file gets: `无法读取 某局.xlsx：文件为空`. */
export function failureLine(name: string, outcome: { reason: string; stage: string }): string {
  if (outcome.stage === "read") return `无法读取 ${name}：${outcome.reason}`;
  if (outcome.stage === "write") return `未能保存 ${name} 的评分结果：${outcome.reason}`;
  if (outcome.stage === "in-place") return `不能就地写入 ${name}：${outcome.reason}`;
  return `无法评分 ${name}：${outcome.reason}`;
}
