/**
 * Scoring one workbook file, for `jixiao score <file>` and for each file of a folder: open it
 * (one clear reason when it cannot be read), run the add-in's own 重新计算 on it, and write the
 * scored workbook. Never throws: every way a file can go wrong is an outcome with a reason.
 */
import { mkdir } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import { type Recalculation, recalculate } from "../pipeline/recalculate";
import { openWorkbook } from "./openWorkbook";

export type FileOutcome =
  | { status: "scored"; file: string; output: string; result: Recalculation }
  | {
      status: "failed";
      file: string;
      reason: string;
      /** `read`: the file could not be opened as a workbook; `score`: opened, not scorable. */
      stage: "read" | "score" | "write";
    };

/** A workbook that has neither of the two tables a score is built from. */
export const NO_TABLES = "未找到预算支出明细表和绩效指标表";

/** Default output name: `某局.xlsx` → `某局.已评分.xlsx`, beside the input (or in `folder`). */
export function scoredName(input: string, folder = dirname(input)): string {
  const ext = extname(input) || ".xlsx";
  return join(folder, `${basename(input, ext)}.已评分${ext}`);
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Scores `file` and writes the result to `output` (which may be `file` itself for
 * --in-place; the caller decides). Nothing is written when the file fails.
 */
export async function scoreWorkbookFile(
  file: string,
  output: string,
  options: { date?: string } = {}
): Promise<FileOutcome> {
  const opened = await openWorkbook(file);
  if (!opened.ok) return { status: "failed", file, reason: opened.reason, stage: "read" };
  let result: Recalculation;
  try {
    result = await recalculate(opened.book, { date: options.date });
  } catch (error) {
    return { status: "failed", file, reason: `评分时出错：${message(error)}`, stage: "score" };
  }
  const kinds = new Set(result.parse.found.map((f) => f.kind));
  if (!kinds.has("budget") && !kinds.has("indicators"))
    return { status: "failed", file, reason: NO_TABLES, stage: "score" };
  try {
    await mkdir(dirname(output), { recursive: true });
    await opened.book.workbook.xlsx.writeFile(output);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why =
      code === "EACCES" || code === "EPERM"
        ? "没有写入权限"
        : code === "EBUSY"
          ? "文件正被其他程序占用（请在 Excel 中关闭它）"
          : message(error);
    return { status: "failed", file, reason: `无法写入 ${output}：${why}`, stage: "write" };
  }
  return { status: "scored", file, output, result };
}

/** The one line a failed file gets: `无法读取 某局.xlsx：文件为空`. */
export function failureLine(name: string, outcome: { reason: string; stage: string }): string {
  if (outcome.stage === "read") return `无法读取 ${name}：${outcome.reason}`;
  if (outcome.stage === "write") return `未能保存 ${name} 的评分结果：${outcome.reason}`;
  return `无法评分 ${name}：${outcome.reason}`;
}
