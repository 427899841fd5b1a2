/**
 * Opening an .xlsx for the command line, with one clear Chinese line for every way it can fail.
 * In two steps, so that the caller can look at the file (what ExcelJS would lose, see
 * preservation.ts) before ExcelJS parses it: `readWorkbookFile`, then `parseWorkbook`.
 */
import { readFile } from "node:fs/promises";
import { FileWorkbook } from "../hosts/file/fileWorkbook";
import { describeError, errorCode } from "./errors";
import { type ZipScan, scanWorkbookZip } from "../hosts/file/preservation";

export type Opened = { ok: true; book: FileWorkbook } | { ok: false; reason: string };

/** The file's bytes and what its zip holds; or why it is not an .xlsx at all. */
export type ReadFile =
  { ok: true; data: Uint8Array; scan: ZipScan } | { ok: false; reason: string };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

export const DAMAGED = "文件已损坏，无法作为 .xlsx 打开";

function startsWith(data: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, i) => data[i] === byte);
}

export async function readWorkbookFile(path: string): Promise<ReadFile> {
  let data: Uint8Array;
  try {
    data = await readFile(path);
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT") return { ok: false, reason: "文件不存在" };
    if (code === "EISDIR") return { ok: false, reason: "这是一个文件夹，不是 .xlsx 文件" };
    if (code === "EACCES" || code === "EPERM") return { ok: false, reason: "没有读取该文件的权限" };
    return { ok: false, reason: `无法读取文件：${describeError(error)}` };
  }
  if (data.length === 0) return { ok: false, reason: "文件为空" };
  if (startsWith(data, OLE)) {
    return {
      ok: false,
      reason: "文件已设置打开密码，或是旧版 .xls 格式：请在 Excel 中取消密码或另存为 .xlsx 后再试",
    };
  }
  if (!startsWith(data, ZIP))
    return { ok: false, reason: "不是 .xlsx 文件（请在 Excel 中另存为 .xlsx 格式）" };
  const scan = await scanWorkbookZip(data);
  if (!scan.zip) return { ok: false, reason: DAMAGED };
  if (!scan.workbook)
    return { ok: false, reason: "不是 Excel 工作簿（压缩包中没有 xl/workbook.xml）" };
  return { ok: true, data, scan };
}

export async function parseWorkbook(data: Uint8Array): Promise<Opened> {
  try {
    const book = await FileWorkbook.fromBuffer(data);
    if (book.workbook.worksheets.length === 0) return { ok: false, reason: "工作簿中没有工作表" };
    return { ok: true, book };
  } catch {
    return { ok: false, reason: DAMAGED };
  }
}
