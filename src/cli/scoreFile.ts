/**
 * Scoring one workbook file, for `jixiao score <file>` and for each file of a folder: open it
 * (one clear reason when it cannot be read), run the add-in's own 重新计算 on it, and write the
 * scored workbook. Never throws: every way a file can go wrong is an outcome with a reason.
 *
 * The summary sheet is added to the original package (packageWriter.ts): every other part
 * keeps its bytes, so nothing is lost and --in-place is safe. Only when that cannot be done
 * is the whole workbook written back by ExcelJS, which leaves out what it does not model
 * (charts, pivot tables, VBA, …; see preservation.ts): for a macro-enabled workbook (its copy
 * is an .xlsx, so the macros cannot stay) and for a package the package writer refuses. Such
 * a file is then never written over (--in-place is refused), and a copy of it carries a
 * warning naming what it lacks.
 */
import { stat } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { type Recalculation, type RecalculationPhase, recalculate } from "../pipeline/recalculate";
import { whyNothingToWrite } from "../pipeline/nothingToWrite";
import { NO_INPUT_TABLES, blankTemplateReason } from "../pipeline/writtenSheets";
import type { WorkbookPort } from "../hosts/port";
import type { WorkbookStandard } from "../model/input";
import type { SheetLayout } from "../layout/sheetLayout";
import type { SheetSnapshot, WorkbookSnapshot } from "../hosts/snapshot";
import type { SheetRole } from "../hosts/ownership";
import type { AtomicWriteOptions } from "./atomicWrite";
import { describeInternalError } from "./errors";
import {
  type Snapshot,
  checkWorkbookData,
  openWorkbookData,
  readFileBytes,
  readSnapshot,
} from "./openWorkbook";
import type { FileWorkbook } from "../hosts/file/fileWorkbook";
import { type LostContent, copyWarning } from "../hosts/file/preservation";
import {
  type OwnedLayouts,
  type ReadState,
  type RoleWrites,
  type Stage,
  type WriteRefusal,
  type WriteRequest,
  writeScoredFile,
  writeSheets,
} from "./writeScored";

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
       * `write`: the output could not be written; `in-place`: the workbook can only be written
       * by the ExcelJS fallback, and writing that over the input would lose what ExcelJS does
       * not model (or the macros of a macro-enabled workbook).
       */
      stage: Stage;
      /** Scored but not written (a protected structure): the scores, to be shown all the same. */
      result?: Recalculation;
    };

/** A workbook that has neither of the two tables a score is built from. */
export const NO_TABLES = NO_INPUT_TABLES;

/**
 * Default output name: `某局.xlsx` → `某局.已评分.xlsx`, beside the input (or in `folder`). The
 * copy is always an .xlsx (a macro-enabled workbook is copied without its macros).
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

/** The scored workbook in memory, or why there is none. */
export type ScoredData =
  | {
      ok: true;
      /** The output file's bytes. */
      data: Uint8Array;
      result: Recalculation;
      /** What the output lacks from the input (empty when nothing). */
      lost: LostContent[];
      /**
       * `package`: the summary sheet was added to the original package, everything else kept;
       * `exceljs`: the whole workbook was written by ExcelJS (the fallback).
       */
      via: "package" | "exceljs";
    }
  | { ok: false; reason: string; stage: Stage; result?: Recalculation };

export { MACRO_IN_PLACE, REWRITE_IN_PLACE, STRUCTURE_PROTECTED } from "./writeScored";

/**
 * Scores the workbook `input` (an .xlsx package's bytes) in memory: the command line's whole
 * path but for reading and writing files. With `inPlace` (the output is the input itself), a
 * workbook that only the ExcelJS fallback can write, and that would lose something, is refused
 * (stage `in-place`).
 */
export interface ScoreFileOptions {
  date?: string;
  standard?: WorkbookStandard;
  /** Sheets of other workbooks read beside this one (project forms: `--projects`). */
  extraSheets?: readonly SheetSnapshot[];
  /** Told as the run moves on (reading, scoring, writing): progress on a terminal. */
  onPhase?: (phase: RecalculationPhase) => void;
  /** How the output is written (a folder run flushes and tidies its folder once). */
  write?: AtomicWriteOptions;
  /** The part of the heap this file may take (a folder run has two or four files in hand). */
  memoryShare?: number;
  /** The file's name, the 年度 of last resort (`某局2022年度绩效自评.xlsx`). */
  fileName?: string;
}

export async function scoreWorkbookData(
  input: Uint8Array,
  options: ScoreFileOptions & { inPlace?: boolean } = {}
): Promise<ScoredData> {
  const prepared = await scoreForWriting(input, options);
  if (!prepared.ok) return prepared;
  const { request, state, result } = prepared;
  const written = await writeSheets(request, state);
  if (!written.ok) return refused(written, result);
  recordWrites(result, written.writes);
  return { ok: true, data: written.data, result, lost: written.lost, via: written.via };
}

/** A workbook read and scored, ready to be written. */
interface Prepared {
  ok: true;
  request: WriteRequest;
  state: ReadState;
  result: Recalculation;
}

/** Reads and scores the workbook `input`; what is to be written, or why nothing is. */
async function scoreForWriting(
  input: Uint8Array,
  options: ScoreFileOptions & { inPlace?: boolean }
): Promise<Prepared | (ScoredData & { ok: false })> {
  const read = await checkWorkbookData(input);
  if (!read.ok) return { ok: false, reason: read.reason, stage: "read" };
  options.onPhase?.("reading");
  const opened = await readSnapshot(read, options.memoryShare);
  if (!opened.ok) return { ok: false, reason: opened.reason, stage: "read" };
  const scored = await scoreOpened(read.data, opened, options);
  if (!scored.ok) return scored;
  const { macroEnabled, plainWorkbook } = read.info;
  const request = { input: read.data, owned: scored.owned, macroEnabled, plainWorkbook };
  return {
    ok: true,
    request: { ...request, inPlace: options.inPlace ?? false },
    state: { zipPackage: read.zipPackage, openBook: scored.openBook },
    result: scored.result,
  };
}

/** A write refused: its reason, with the scores where they stand (a protected structure). */
function refused(refusal: WriteRefusal, result: Recalculation): ScoredData & { ok: false } {
  const { reason, stage, scoresStand } = refusal;
  return { ok: false, reason, stage, ...(scoresStand ? { result } : {}) };
}

/** A scored workbook before it is written: the layouts kept, ExcelJS opened only if needed. */
interface Scored {
  ok: true;
  result: Recalculation;
  owned: OwnedLayouts;
  openBook: () => Promise<FileWorkbook>;
}

/** Reads and scores the opened workbook; the pipeline writes nothing, its layouts are kept. */
async function scoreOpened(
  data: Uint8Array,
  opened: Snapshot & { ok: true },
  options: ScoreFileOptions
): Promise<Scored | (ScoredData & { ok: false })> {
  // ExcelJS only when the package reader could not read the file, or to write it (fallback).
  let book = opened.book;
  const openBook = async () => {
    if (book) return book;
    const reopened = await openWorkbookData(data);
    if (!reopened.ok) throw new Error(reopened.reason);
    return (book = reopened.book);
  };
  const layouts = new Map<SheetRole, SheetLayout>();
  const extra = options.extraSheets ?? [];
  // Handed over once: the snapshot is not kept beside what is parsed from it.
  let own: WorkbookSnapshot | null = opened.snapshot;
  opened.snapshot = { sheets: [] };
  const port: WorkbookPort = {
    read: async () => {
      const taken = own ?? (await (await openBook()).read());
      own = null;
      const named = options.fileName ? { ...taken, fileName: options.fileName } : taken;
      return extra.length > 0 ? { ...named, sheets: [...named.sheets, ...extra] } : named;
    },
    insertSheets: async (l) => (await openBook()).insertSheets(l),
    selectCell: async () => false,
    writeOwnedSheet: async (l, role = "summary") => {
      layouts.set(role, l);
      return { sheet: l.name, replaced: false, skipped: [] };
    },
  };
  let result: Recalculation;
  try {
    const { date, standard, onPhase } = options;
    result = await recalculate(port, { date, standard, onPhase });
  } catch (error) {
    return { ok: false, reason: `评分时出错：${describeInternalError(error)}`, stage: "score" };
  }
  const nothing = whyNothingToWrite(result);
  if (nothing) {
    const reason = nothing === "noInputs" ? NO_TABLES : blankTemplateReason(result);
    return { ok: false, reason, stage: "score" };
  }
  if (layouts.size === 0) return { ok: false, reason: "评分时出错：未生成汇总表", stage: "score" };
  return { ok: true, result, owned: [...layouts.entries()], openBook };
}

/** Which sheet each role's layout went to, as the recalculation reports it. */
function recordWrites(result: Recalculation, writes: RoleWrites): void {
  for (const [role, write] of writes) {
    if (role === "summary") result.write = write;
    else if (role === "checklist") result.checklistWrite = write;
    else if (role === "projects") result.projectsWrite = write;
  }
}

/**
 * Scores `file` and writes the result to `output` (which may be `file` itself for
 * --in-place; the caller decides). Nothing is written when the file fails.
 */
export async function scoreWorkbookFile(
  file: string,
  output: string,
  options: ScoreFileOptions = {}
): Promise<FileOutcome> {
  const read = await readFileBytes(file);
  if (!read.ok) return { status: "failed", file, reason: read.reason, stage: "read" };
  const inPlace = await sameFile(file, output);
  const prepared = await scoreForWriting(read.data, {
    ...options,
    inPlace,
    fileName: options.fileName ?? basename(file),
  });
  if (!prepared.ok) {
    const { reason, stage, result } = prepared;
    return { status: "failed", file, reason, stage, ...(result ? { result } : {}) };
  }
  const { result } = prepared;
  const written = await writeScoredFile(prepared.request, output, options.write, prepared.state);
  if (!written.ok) {
    const { reason, stage, scoresStand } = written;
    return { status: "failed", file, reason, stage, ...(scoresStand ? { result } : {}) };
  }
  recordWrites(result, written.writes);
  const lost = written.lost;
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
