/**
 * Opening an .xlsx for the command line, with one clear Chinese line for every way it can fail.
 * In steps, so that the caller can look at the package (is it macro-enabled? what would
 * ExcelJS lose, see preservation.ts) before ExcelJS parses it: `readFileBytes`, then
 * `checkWorkbookData`, then `openWorkbookData`.
 */
import type JSZip from "jszip";
import { constants } from "node:fs";
import { lstat, open } from "node:fs/promises";
import { getHeapStatistics } from "node:v8";
import { FileWorkbook } from "../hosts/file/fileWorkbook";
import {
  MAX_CELLS,
  type ReadLimits,
  WorkbookTooLarge,
  readPackage,
} from "../hosts/file/packageReader";
import type { WorkbookSnapshot } from "../hosts/snapshot";
import { ZipPackage, ZipRefusal, checkDeclaredSizes } from "../hosts/file/zipPackage";
import { describeError, errorCode } from "./errors";

export type Opened = { ok: true; book: FileWorkbook } | { ok: false; reason: string };

/** JSZip, loaded only for an archive our zip reader refused (it is ExcelJS's reader). */
async function loadJsZip(): Promise<typeof JSZip> {
  const m = (await import("jszip")) as unknown as { default?: typeof JSZip } & typeof JSZip;
  return m.default ?? m;
}

/** What the package says about itself, before any part is parsed. */
export interface PackageInfo {
  /**
   * The workbook is macro-enabled (.xlsm, .xltm, .xlam: its content type says so) or holds a
   * VBA project. Its copy is an .xlsx, so the macros cannot stay.
   */
  macroEnabled: boolean;
  /** The workbook part's content type is that of a plain .xlsx workbook. */
  plainWorkbook: boolean;
}

/** The file's bytes and what its package says; or why it is not an .xlsx at all. */
export type ReadFile =
  | {
      ok: true;
      data: Uint8Array;
      info: PackageInfo;
      /** The package as read, for the package writer (absent when our zip reader refused it). */
      zipPackage?: ZipPackage;
    }
  | { ok: false; reason: string };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

export const DAMAGED = "文件已损坏，无法作为 .xlsx 打开";

/** The content type of a plain .xlsx workbook part. */
export const XLSX_WORKBOOK =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

function startsWith(data: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, i) => data[i] === byte);
}

/** The largest file read (a workbook of 200,000 rows is well under 100 MB). */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;

/** What a file that is not a regular file is, in words. */
function fileKind(info: { isFIFO(): boolean; isSocket(): boolean }): string {
  if (info.isFIFO()) return "命名管道";
  if (info.isSocket()) return "套接字";
  return "设备文件";
}

/** Why `path` could not be opened, in one Chinese phrase. */
async function openFailure(path: string, error: unknown): Promise<string> {
  const code = errorCode(error);
  if (code === "ENOENT") {
    const link = await lstat(path).catch(() => null);
    return link?.isSymbolicLink() ? "符号链接指向的文件不存在" : "文件不存在";
  }
  if (code === "ELOOP") return "符号链接循环引用，找不到实际文件";
  if (code === "ENXIO") return "这不是普通文件（套接字），不能作为工作簿读取";
  if (code === "EACCES" || code === "EPERM") return "没有读取该文件的权限";
  return `无法读取文件：${describeError(error)}`;
}

/**
 * The file's bytes, or why they cannot be read. Opened without blocking and checked on the
 * open handle, so a named pipe, a device or a socket is refused, never waited on.
 */
export async function readFileBytes(
  path: string
): Promise<{ ok: true; data: Uint8Array } | { ok: false; reason: string }> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { ok: false, reason: await openFailure(path, error) };
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) return { ok: false, reason: "这是一个文件夹，不是 .xlsx 文件" };
    if (!info.isFile())
      return { ok: false, reason: `这不是普通文件（${fileKind(info)}），不能作为工作簿读取` };
    if (info.size > MAX_FILE_BYTES)
      return {
        ok: false,
        reason: `文件大小超过 ${MAX_FILE_BYTES / 1024 / 1024} MB，可能不是正常的工作簿`,
      };
    return { ok: true, data: await handle.readFile() };
  } catch (error) {
    const code = errorCode(error);
    if (code === "EISDIR") return { ok: false, reason: "这是一个文件夹，不是 .xlsx 文件" };
    return { ok: false, reason: `无法读取文件：${describeError(error)}` };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Whether `data` is an .xlsx package, and what it says about itself. */
export async function checkWorkbookData(data: Uint8Array): Promise<ReadFile> {
  if (data.length === 0) return { ok: false, reason: "文件为空" };
  if (startsWith(data, OLE)) {
    return {
      ok: false,
      reason: "文件已设置打开密码，或是旧版 .xls 格式：请在 Excel 中取消密码或另存为 .xlsx 后再试",
    };
  }
  if (!startsWith(data, ZIP))
    return { ok: false, reason: "不是 .xlsx 文件（请在 Excel 中另存为 .xlsx 格式）" };
  // The package is read once, by the zip reader the package writer edits it with; an archive
  // that reader refuses (it refuses more than it must) is left to JSZip, as ExcelJS reads it.
  let names: string[];
  let types = "";
  let zipPackage: ZipPackage | undefined;
  try {
    zipPackage = ZipPackage.read(data);
    names = zipPackage.names().filter((name) => !name.endsWith("/"));
    try {
      types = zipPackage.text("[Content_Types].xml") ?? "";
    } catch {
      // Unreadable content types: ExcelJS decides below whether the file opens at all.
    }
  } catch (error) {
    // Two parts of one name, or sizes no workbook has: no other reader gets to try.
    if (error instanceof ZipRefusal) return { ok: false, reason: error.message };
    let zip: JSZip;
    try {
      zip = await (await loadJsZip()).loadAsync(data);
    } catch {
      return { ok: false, reason: DAMAGED };
    }
    const refusal = declaredSizesRefusal(zip);
    if (refusal) return { ok: false, reason: refusal };
    names = Object.values(zip.files)
      .filter((entry) => !entry.dir)
      .map((entry) => entry.name);
    try {
      types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
    } catch {
      // As above.
    }
  }
  names = names.map((name) => name.replace(/^\//, ""));
  if (!names.includes("xl/workbook.xml"))
    return { ok: false, reason: "不是 Excel 工作簿（压缩包中没有 xl/workbook.xml）" };
  const type = workbookContentType(types);
  return {
    ok: true,
    data,
    info: {
      macroEnabled:
        /macroEnabled/i.test(type ?? "") || names.some((n) => /^xl\/vbaProject\.bin$/i.test(n)),
      plainWorkbook: type === XLSX_WORKBOOK,
    },
    zipPackage,
  };
}

/** Why JSZip's reading of the directory is too large to inflate (ExcelJS inflates it all). */
function declaredSizesRefusal(zip: JSZip): string | null {
  const entries = Object.values(zip.files).map((f) => {
    const data = (
      f as unknown as { _data?: { uncompressedSize?: number; compressedSize?: number } }
    )._data;
    return {
      name: f.name,
      size: data?.uncompressedSize ?? 0,
      compressedSize: data?.compressedSize ?? 0,
    };
  });
  try {
    checkDeclaredSizes(entries);
    return null;
  } catch (error) {
    return error instanceof ZipRefusal ? error.message : DAMAGED;
  }
}

/** The content type `[Content_Types].xml` gives `/xl/workbook.xml` (null when none). */
function workbookContentType(types: string): string | null {
  const attr = (tag: string, name: string) =>
    new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`).exec(tag)?.[1] ?? null;
  for (const m of types.matchAll(/<(?:[\w.-]+:)?Override\b[^>]*>/g))
    if (attr(m[0], "PartName")?.toLowerCase() === "/xl/workbook.xml")
      return attr(m[0], "ContentType");
  for (const m of types.matchAll(/<(?:[\w.-]+:)?Default\b[^>]*>/g))
    if (attr(m[0], "Extension")?.toLowerCase() === "xml") return attr(m[0], "ContentType");
  return null;
}

/** Opens checked .xlsx bytes with ExcelJS (for reading, and for the fallback writer). */
export async function openWorkbookData(data: Uint8Array): Promise<Opened> {
  try {
    const book = await FileWorkbook.fromBuffer(data);
    if (book.workbook.worksheets.length === 0) return { ok: false, reason: "工作簿中没有工作表" };
    return { ok: true, book };
  } catch {
    return { ok: false, reason: DAMAGED };
  }
}

/**
 * Memory a scoring takes, as measured (docs/benchmarks.md): 200,000 project rows (a million
 * non-empty cells) are scored under a heap limit of 258 MB (--max-old-space-size=210), not under
 * 248 MB. About 195 bytes a cell above the 64 MB, counted here as 300 (a sheet holding a
 * comment is read as one string, and real workbooks differ), so that a file this process
 * cannot hold is refused in one sentence while reading, never by V8's “heap out of memory”
 * half-way through.
 */
export const MEMORY_PER_CELL = 300;
export const MEMORY_BASE = 64 * 1024 * 1024;

/**
 * The cells a file may hold: MAX_CELLS, or fewer under a small heap (--max-old-space-size), or
 * when the file shares the heap with others (`share`: a folder run has two or four files in hand).
 */
export function readLimits(share = 1, heapLimit = getHeapStatistics().heap_size_limit): ReadLimits {
  heapLimit *= share;
  const fits = Math.floor((heapLimit - MEMORY_BASE) / MEMORY_PER_CELL);
  if (fits >= MAX_CELLS) return { maxCells: MAX_CELLS };
  return { maxCells: Math.max(0, fits), memoryMb: Math.round(heapLimit / 1024 / 1024) };
}

/** A workbook's snapshot, and the ExcelJS workbook when it had to be opened to read it. */
export type Snapshot =
  { ok: true; snapshot: WorkbookSnapshot; book?: FileWorkbook } | { ok: false; reason: string };

/**
 * Reads checked .xlsx bytes: straight from the package (packageReader.ts: only the parts
 * scoring needs, never media or drawings), or through ExcelJS when our zip reader refused the
 * archive or a part is not written as Excel writes it. A package too large or holding a part
 * twice is refused, not handed on.
 */
export async function readSnapshot(
  read: ReadFile & { ok: true },
  memoryShare = 1
): Promise<Snapshot> {
  if (read.zipPackage) {
    try {
      const snapshot = readPackage(read.zipPackage, readLimits(memoryShare));
      if (snapshot.sheets.length === 0) return { ok: false, reason: "工作簿中没有工作表" };
      return { ok: true, snapshot };
    } catch (error) {
      if (error instanceof ZipRefusal || error instanceof WorkbookTooLarge)
        return { ok: false, reason: error.message };
      // Anything else: ExcelJS decides below whether the file opens at all.
    }
  }
  const opened = await openWorkbookData(read.data);
  if (!opened.ok) return opened;
  return { ok: true, snapshot: await opened.book.read(), book: opened.book };
}
