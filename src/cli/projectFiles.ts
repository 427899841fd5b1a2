/**
 * `jixiao score 某局.xlsx --projects 项目自评表/`: project forms kept in their own workbooks (one
 * per 项目单位, as they are often collected), read beside the department's workbook. Each
 * file's sheets that hold a 项目支出绩效自评表 join the department's snapshot under the name
 * `[文件名.xlsx]表名` (Excel's own way to name another workbook's sheet), so every message and
 * the 项目自评汇总 say where a form came from. Those files are only read, never written.
 */
import { readdir, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import type { SheetSnapshot } from "../hosts/snapshot";
import { parseWorkbook } from "../parse/parseWorkbook";
import { checkWorkbookData, readFileBytes, readSnapshot } from "./openWorkbook";
import { sameFile } from "./scoreFile";

export interface ProjectFiles {
  /** The sheets holding forms, renamed `[文件名.xlsx]表名`. */
  sheets: SheetSnapshot[];
  /** Workbooks found, those holding forms, and the forms in them. */
  files: number;
  withForms: number;
  forms: number;
  /** One line per file left out (unreadable, or holding no form). */
  warnings: string[];
}

const WORKBOOK = /\.(xlsx|xlsm)$/i;

/** `从 项目自评表/ 读取项目工作簿 4 个：2 个含项目支出绩效自评表，共 2 张。` (then a blank line). */
export function projectFilesLine(path: string, projects: ProjectFiles): string {
  return `从 ${path} 读取项目工作簿 ${projects.files} 个：${projects.withForms} 个含项目支出绩效自评表，共 ${projects.forms} 张。\n`;
}

/** The workbooks `path` names: itself, or those in the folder (not Office's `~$` lock files). */
async function workbooksAt(path: string): Promise<string[] | string> {
  const info = await stat(path).catch(() => null);
  if (!info) return `找不到 ${path}`;
  if (!info.isDirectory())
    return WORKBOOK.test(path) ? [path] : `${path} 不是 .xlsx 工作簿或文件夹`;
  const names = (await readdir(path))
    .filter((n) => WORKBOOK.test(n) && !n.startsWith("~$") && !n.startsWith("."))
    .sort((a, b) => a.localeCompare(b, "zh-Hans-CN"));
  if (names.length === 0) return `文件夹 ${path} 中没有 .xlsx 工作簿`;
  return names.map((n) => join(path, n));
}

/** The sheets of one file that hold forms, renamed; or why the file is left out. */
async function formSheets(
  file: string
): Promise<{ sheets: SheetSnapshot[]; forms: number } | string> {
  const name = basename(file);
  const read = await readFileBytes(file);
  if (!read.ok) return `无法读取 ${name}：${read.reason}`;
  const checked = await checkWorkbookData(read.data);
  if (!checked.ok) return `无法读取 ${name}：${checked.reason}`;
  const opened = await readSnapshot(checked);
  if (!opened.ok) return `无法读取 ${name}：${opened.reason}`;
  const snapshot = opened.snapshot;
  const forms = parseWorkbook(snapshot).input.projectForms ?? [];
  if (forms.length === 0) return `${name} 中没有项目支出绩效自评表`;
  const holding = new Set(forms.map((f) => f.sheet));
  const sheets = snapshot.sheets
    .filter((s) => holding.has(s.name))
    .map((s) => ({ ...s, name: `[${name}]${s.name}` }));
  return { sheets, forms: forms.length };
}

/**
 * Reads the project workbooks at `path` (a folder or one file), leaving out `skip` (the
 * department's own workbook and its output, should they sit in that folder).
 */
export async function readProjectFiles(
  path: string,
  skip: readonly string[]
): Promise<ProjectFiles | { error: string }> {
  const found = await workbooksAt(path);
  if (typeof found === "string") return { error: `--projects：${found}` };
  const result: ProjectFiles = { sheets: [], files: 0, withForms: 0, forms: 0, warnings: [] };
  for (const file of found) {
    const skipped = await Promise.all(skip.map((s) => sameFile(file, s)));
    if (skipped.some(Boolean)) continue;
    result.files++;
    const read = await formSheets(file);
    if (typeof read === "string") {
      result.warnings.push(`${read}，未计入项目自评。`);
      continue;
    }
    result.sheets.push(...read.sheets);
    result.withForms++;
    result.forms += read.forms;
  }
  return result;
}
