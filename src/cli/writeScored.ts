/**
 * Writing a scored workbook: our sheets (their layouts, by role) into the original package,
 * or — when the package writer cannot edit it safely — the whole workbook through ExcelJS, then
 * the file: the second half of scoring a file (scoreFile.ts reads and scores, then hands over
 * the input's bytes and the layouts as a `WriteRequest`). Never throws: every way a write can go
 * wrong is an answer with a reason.
 */
import type { FileWorkbook } from "../hosts/file/fileWorkbook";
import {
  PackageWriteError,
  type SheetWriteResult,
  writeOwnedSheetsIntoPackage,
} from "../hosts/file/packageWriter";
import { type LostContent, inPlaceRefusal, scanWorkbookZip } from "../hosts/file/preservation";
import type { ZipPackage } from "../hosts/file/zipPackage";
import { OWNER_NAMES, type SheetRole } from "../hosts/ownership";
import { StructureProtectedError, type WriteResult } from "../hosts/port";
import type { SheetLayout } from "../layout/sheetLayout";
import { type AtomicWriteOptions, writeFileAtomic } from "./atomicWrite";
import { describeInternalError, writeReason } from "./errors";

/** The --in-place refusal for a macro-enabled workbook that holds no VBA project. */
export const MACRO_IN_PLACE =
  "启用宏的工作簿只能另存为 .xlsx 副本（不含宏）；请去掉 --in-place（将另存副本）或在 Excel 中使用加载项";

export const STRUCTURE_PROTECTED =
  "工作簿设置了“保护工作簿”（审阅 → 保护工作簿），不能添加汇总表；请撤销工作簿保护后再评分";

export const REWRITE_IN_PLACE =
  "此文件（模板、严格 Open XML 等）无法只加入汇总表，须整本重写，会改变原文件的格式；请去掉 --in-place（将另存副本）或在 Excel 中使用加载项";

/**
 * `read`: the file could not be opened as a workbook; `score`: opened, not scorable; `write`:
 * the output could not be written; `in-place`: the workbook can only be written by the ExcelJS
 * fallback, and writing that over the input would lose what ExcelJS does not model (or the
 * macros of a macro-enabled workbook).
 */
export type Stage = "read" | "score" | "write" | "in-place";

/** Our sheets of one workbook, by role, as the pipeline laid them out. */
export type OwnedLayouts = [SheetRole, SheetLayout][];

/** Which sheet each role's layout went to. */
export type RoleWrites = [SheetRole, WriteResult][];

/** What writing a scored workbook needs. */
export interface WriteRequest {
  /** The input workbook's bytes. */
  input: Uint8Array;
  owned: OwnedLayouts;
  macroEnabled: boolean;
  /** A plain workbook package (not a template, not Strict Open XML…): the package writer may edit it. */
  plainWorkbook: boolean;
  /** The output is the input itself (--in-place). */
  inPlace: boolean;
}

/** What reading the workbook left for its writing: the package as read, and ExcelJS when needed. */
export interface ReadState {
  /** The package as read (its parts already inflated; absent when our zip reader refused it). */
  zipPackage?: ZipPackage;
  /** The workbook through ExcelJS: the one read, or opened now (the fallback writer needs it). */
  openBook: () => Promise<FileWorkbook>;
}

/** The written workbook in memory, or why there is none. */
export type Written =
  | {
      ok: true;
      /** The output file's bytes. */
      data: Uint8Array;
      writes: RoleWrites;
      /** What the output lacks from the input (empty when nothing). */
      lost: LostContent[];
      /**
       * `package`: the sheets were added to the original package, everything else kept;
       * `exceljs`: the whole workbook was written by ExcelJS (the fallback).
       */
      via: "package" | "exceljs";
    }
  | WriteRefusal;

export interface WriteRefusal {
  ok: false;
  reason: string;
  stage: Stage;
  /** Scored but not written (a protected structure): the scores are still shown. */
  scoresStand?: boolean;
}

/**
 * The scored workbook's bytes: the sheets into the original package, one after the other
 * (nothing else changes); else, where that cannot be done, the whole workbook through ExcelJS.
 */
export async function writeSheets(request: WriteRequest, state: ReadState): Promise<Written> {
  if (!request.macroEnabled && request.plainWorkbook) {
    const written = await writeIntoPackage(state.zipPackage ?? request.input, request.owned);
    if (written) return written;
  }
  return writeThroughExcelJs(request, state.openBook);
}

/** Our sheets into the original package; null when the package writer cannot edit it safely. */
async function writeIntoPackage(
  data: Uint8Array | ZipPackage,
  owned: OwnedLayouts
): Promise<Written | null> {
  try {
    const written = await writeOwnedSheetsIntoPackage(
      data,
      owned.map(([role, layout]) => ({
        layout,
        options: { markerName: OWNER_NAMES[role], preferredName: layout.name },
      }))
    );
    const writes: RoleWrites = owned.map(([role], i) => [
      role,
      { ...(written.sheets[i] as SheetWriteResult), skipped: [] },
    ]);
    return { ok: true, data: written.data, writes, lost: [], via: "package" };
  } catch (error) {
    if (error instanceof StructureProtectedError)
      return { ok: false, reason: STRUCTURE_PROTECTED, stage: "write", scoresStand: true };
    if (error instanceof PackageWriteError) return null;
    return {
      ok: false,
      reason: `生成工作簿时出错：${describeInternalError(error)}`,
      stage: "write",
    };
  }
}

/** The fallback: the whole workbook through ExcelJS, which drops what it does not model. */
async function writeThroughExcelJs(
  { input, owned, macroEnabled, inPlace }: WriteRequest,
  openBook: () => Promise<FileWorkbook>
): Promise<Written> {
  const lost = (await scanWorkbookZip(input)).lost;
  if (inPlace && lost.length > 0)
    return { ok: false, reason: inPlaceRefusal(lost), stage: "in-place" };
  if (inPlace && macroEnabled) return { ok: false, reason: MACRO_IN_PLACE, stage: "in-place" };
  // Even with nothing lost, ExcelJS rewrites every part (a template becomes a workbook, Strict
  // namespaces become transitional): never over the user's file.
  if (inPlace) return { ok: false, reason: REWRITE_IN_PLACE, stage: "in-place" };
  try {
    const book = await openBook();
    const writes: RoleWrites = [];
    for (const [role, layout] of owned)
      writes.push([role, await book.writeOwnedSheet(layout, role)]);
    return { ok: true, data: await book.toBuffer(), writes, lost, via: "exceljs" };
  } catch (error) {
    return {
      ok: false,
      reason: `生成工作簿时出错：${describeInternalError(error)}`,
      stage: "write",
    };
  }
}

/** A file written, or why not. */
export type FileWrite = { ok: true; writes: RoleWrites; lost: LostContent[] } | WriteRefusal;

/** Writes the scored workbook to `output` (atomically: all of it or nothing). */
export async function writeScoredFile(
  request: WriteRequest,
  output: string,
  options: AtomicWriteOptions = {},
  state: ReadState
): Promise<FileWrite> {
  const written = await writeSheets(request, state);
  if (!written.ok) return written;
  try {
    await writeFileAtomic(output, written.data, options);
  } catch (error) {
    return { ok: false, reason: `无法写入 ${output}：${writeReason(error)}`, stage: "write" };
  }
  return { ok: true, writes: written.writes, lost: written.lost };
}
