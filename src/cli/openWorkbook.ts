/** Opening an .xlsx for the command line, with one clear Chinese line for every way it can fail. */
import { readFile } from "node:fs/promises";
import { FileWorkbook } from "../hosts/file/fileWorkbook";

export type Opened = { ok: true; book: FileWorkbook } | { ok: false; reason: string };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(data: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, i) => data[i] === byte);
}

export async function openWorkbook(path: string): Promise<Opened> {
  let data: Uint8Array;
  try {
    data = await readFile(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ENOENT") return { ok: false, reason: "文件不存在" };
    if (code === "EISDIR") return { ok: false, reason: "这是一个文件夹，不是 .xlsx 文件" };
    if (code === "EACCES") return { ok: false, reason: "没有读取该文件的权限" };
    return { ok: false, reason: `无法读取文件（${code ?? "未知错误"}）` };
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
  try {
    const book = await FileWorkbook.fromBuffer(data);
    if (book.workbook.worksheets.length === 0) return { ok: false, reason: "工作簿中没有工作表" };
    return { ok: true, book };
  } catch {
    return { ok: false, reason: "文件已损坏，无法作为 .xlsx 打开" };
  }
}
