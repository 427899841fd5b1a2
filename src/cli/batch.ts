/**
 * `jixiao score <文件夹>`: scores every workbook in a folder (not its subfolders) with the same
 * per-file path as `jixiao score <文件>`, writes each scored copy and 汇总排名.xlsx into the
 * output folder, and reports progress on stderr. One bad file never stops the run.
 */
import { readdir, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { workbookOfSheet } from "../hosts/file/blankWorkbook";
import {
  NO_NAME,
  RANKING_FILE,
  type RankingEntry,
  type RankingFailure,
  formsOnlyNote,
  rankEntries,
  rankingLayout,
  rankingWarnings,
} from "../layout/ranking";
import { percent, score } from "../model/decimal";
import { today } from "../pipeline/recalculate";
import { removeLeftoversIn, syncFolder, writeFileAtomic } from "./atomicWrite";
import { describeError, describeInternalError, writeReason } from "./errors";
import type { CliIo } from "./io";
import type { WorkbookStandard } from "../model/input";
import { Progress } from "./progress";
import {
  type FolderJob,
  type FolderResult,
  rankingOf,
  scoreAll,
  workerCount,
} from "./folderScoring";
import { failureLine, scoredName } from "./scoreFile";
import { renderTable } from "./textTable";

export interface FolderOptions {
  /** Output folder; default `<folder>/已评分`. */
  out?: string;
  inPlace: boolean;
  json: boolean;
  date?: string;
  /** Score every file by this standard (--standard), whatever the files hold. */
  standard?: WorkbookStandard;
}

/** Default output folder inside the input folder (never read back: the run is not recursive). */
export const OUTPUT_FOLDER = "已评分";

/**
 * Files a folder run considers: workbooks by extension (others are not counted). A
 * macro-enabled .xlsm is scored as one file is: its copy is an .xlsx, with a warning.
 */
const WORKBOOK = /\.(xlsx|xlsm|xls)$/i;

/** Why a file of a folder run is not scored (its name, or --in-place on a macro workbook). */
function skipFor(name: string, inPlace: boolean): string | null {
  return (
    skipReason(name) ??
    (inPlace && /\.xlsm$/i.test(name)
      ? "启用宏的工作簿不能就地写入（去掉 --in-place 可另存为 .xlsx 副本）"
      : null)
  );
}

/** Why a workbook-named file is not scored, or null to score it. */
export function skipReason(name: string): string | null {
  if (name.startsWith("~$")) return "Excel 临时锁定文件（该工作簿正在 Excel 中打开）";
  if (name.startsWith("._")) return "macOS 生成的隐藏附属文件";
  if (/\.已评分\.xlsx$/i.test(name)) return "本工具生成的评分副本";
  if (name === RANKING_FILE) return "本工具生成的汇总排名";
  return null;
}

export interface FolderTotals {
  files: number;
  scored: number;
  failed: number;
  skipped: number;
  /** Output folder. */
  output: string;
  /** 汇总排名.xlsx, or null when there was nothing to rank. */
  ranking: string | null;
}

const collator = new Intl.Collator("zh-Hans-CN", { numeric: true });

/**
 * The workbook-named entries of `folder` but folders: regular files, links (also a dangling
 * one or a loop) and special files, so that each one that cannot be read is counted and gets
 * its line (readFileBytes refuses a named pipe without waiting on it).
 */
async function workbookNames(folder: string): Promise<string[]> {
  const names: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (!WORKBOOK.test(entry.name) || entry.isDirectory()) continue;
    if (entry.isSymbolicLink()) {
      const target = await stat(join(folder, entry.name)).catch(() => null);
      if (target?.isDirectory()) continue;
    }
    names.push(entry.name);
  }
  return names.sort(collator.compare);
}

/**
 * The copy of each file in `outDir`: `某局.已评分.xlsx`, always an .xlsx. Files whose copies
 * would share a name (乙.xlsx, 乙.XLSX, 乙.xlsm) are ordered .xlsx, .xls, .xlsm, and within a
 * kind as the run lists them (乙.xlsx before 乙.XLSX), the same on every run: the first gets the
 * default name, the others `乙 (2).已评分.xlsx`, ….
 */
export function outputNames(names: readonly string[], outDir: string): Map<string, string> {
  const rank = (name: string) => (/\.xlsx$/i.test(name) ? 0 : /\.xls$/i.test(name) ? 1 : 2);
  const groups = new Map<string, string[]>();
  for (const name of names) {
    const key = scoredName(name, outDir).toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), name]);
  }
  const taken = new Set(groups.keys());
  const out = new Map<string, string>();
  for (const group of groups.values()) {
    // Within a kind, in the order the run lists them (乙.xlsx before 乙.XLSX).
    group.sort((a, b) => rank(a) - rank(b) || collator.compare(a, b) || (a < b ? -1 : 1));
    group.forEach((name, i) => {
      let output = scoredName(name, outDir);
      for (let n = 2; i > 0 && taken.has(output.toLowerCase()); n++)
        output = scoredName(name.replace(/(\.[^.]+)$/, ` (${n})$1`), outDir);
      taken.add(output.toLowerCase());
      out.set(name, output);
    });
  }
  return out;
}

/** `共 52 个文件：评分 50，失败 1，跳过 1。` */
export function totalsLine(t: Pick<FolderTotals, "files" | "scored" | "failed" | "skipped">) {
  return `共 ${t.files} 个文件：评分 ${t.scored}，失败 ${t.failed}，跳过 ${t.skipped}。`;
}

/** Why `outDir` cannot take the copies (a .xlsx name, an existing file); null when it can. */
async function outDirProblem(outDir: string): Promise<string | null> {
  if (/\.xlsx$/i.test(outDir))
    return `评分文件夹时，--out 应为输出文件夹，而不是 .xlsx 文件：${outDir}`;
  const existing = await stat(outDir).catch(() => null);
  if (existing && !existing.isDirectory())
    return `输出位置 ${outDir} 是一个文件，应为文件夹（可用 --out 指定其他文件夹）`;
  return null;
}

/** What one run of a folder has and collects as it goes, file by file. */
interface FolderRun {
  folder: string;
  outDir: string;
  options: FolderOptions;
  io: CliIo;
  /** 生成日期 of the copies and the ranking. */
  date: string;
  progress: Progress;
  /** Each name's copy (null with --in-place: the file itself). */
  outputs: Map<string, string> | null;
  totals: FolderTotals;
  entries: RankingEntry[];
  failures: RankingFailure[];
  /** Workbooks of project forms alone: scored, not ranked (no department). */
  formsOnly: string[];
}

/** A file not scored (its kind or name says so): one line, one JSON record. */
function reportSkipped(run: FolderRun, index: number, name: string, reason: string): void {
  run.totals.skipped++;
  run.progress.done(index, `跳过 ${name}：${reason}`, true);
  const file = join(run.folder, name);
  if (run.options.json) run.io.out(JSON.stringify({ file, status: "skipped", reason }));
}

/** A file that could not be scored: its line, and a word when an older copy is still there. */
async function reportFailed(
  run: FolderRun,
  index: number,
  name: string,
  outcome: Extract<FolderResult, { status: "failed" }>
): Promise<void> {
  const file = join(run.folder, name);
  run.totals.failed++;
  run.failures.push({ file: name, reason: outcome.reason });
  run.progress.done(index, failureLine(name, outcome), true);
  // This file's copy from an earlier run is still there: say it is not this run's result.
  const output = run.outputs?.get(name);
  if (output && (await stat(output).catch(() => null))?.isFile())
    run.progress.note(`注意：${output} 是之前的评分结果，本次未更新。`);
  const { stage, reason } = outcome;
  if (run.options.json) run.io.out(JSON.stringify({ file, status: "failed", stage, reason }));
}

/** A scored file: its line, a renamed copy said, its warnings, its JSON record. */
function reportScored(
  run: FolderRun,
  index: number,
  name: string,
  outcome: Extract<FolderResult, { status: "scored" }>
): void {
  const file = join(run.folder, name);
  const output = run.outputs?.get(name) ?? file;
  run.totals.scored++;
  if (outcome.entry) run.entries.push(rankingOf(outcome.entry));
  else run.formsOnly.push(name);
  run.progress.done(index, `已评分 ${name}：${outcome.summary}`, false);
  if (output !== file && output !== scoredName(name, run.outDir))
    run.progress.note(
      `注意：${name} 的副本另存为 ${output}（默认文件名已被同名的另一个文件使用）。`
    );
  for (const warning of outcome.warnings) run.progress.note(warning);
  if (run.options.json) {
    const { sheet, warnings, json } = outcome;
    run.io.out(JSON.stringify({ file, status: "scored", output, sheet, warnings, ...json }));
  }
}

/** 汇总排名.xlsx, by the package writer into a new workbook (no ExcelJS at the end of a run). */
async function writeRanking(run: FolderRun): Promise<void> {
  if (run.entries.length + run.failures.length + run.formsOnly.length === 0) return;
  const ranking = join(run.outDir, RANKING_FILE);
  let data: Uint8Array | null = null;
  try {
    const options = { date: run.date, formsOnly: run.formsOnly };
    data = await workbookOfSheet(rankingLayout(run.entries, run.failures, options));
  } catch (error) {
    run.io.err(`无法生成 ${ranking}：${describeInternalError(error)}`);
    return;
  }
  try {
    await writeFileAtomic(ranking, data);
    run.totals.ranking = ranking;
  } catch (error) {
    run.io.err(`无法写入 ${ranking}：${writeReason(error)}`);
  }
}

/** The ranking as a text table on the terminal. */
function rankingTable(entries: readonly RankingEntry[]): string {
  return renderTable(
    ["排名", "部门", "年度", "总分", "等级", "执行率", "严重", "警告", "提示", "源文件"],
    rankEntries(entries).map((e) => [
      e.rank === null ? "—" : String(e.rank),
      e.department || NO_NAME,
      String(e.year || "—"),
      score(e.total),
      e.grade,
      e.executionRate === null ? "—" : percent(e.executionRate),
      String(e.gaps.error),
      String(e.gaps.warning),
      String(e.gaps.info),
      e.file,
    ]),
    ["right", "left", "left", "right", "left", "right", "right", "right", "right", "left"]
  );
}

/** The end of a run: the table, warnings, where the results are, the totals line. */
function printOutcome(run: FolderRun): void {
  const { io, totals, entries, options } = run;
  if (options.json) {
    io.out(JSON.stringify(totals));
    io.err(totalsLine(totals));
    return;
  }
  if (entries.length > 0) {
    io.out(rankingTable(entries));
    io.out("");
  }
  for (const warning of rankingWarnings(entries)) io.out(`注意：${warning}`);
  if (run.formsOnly.length > 0) io.out(formsOnlyNote(run.formsOnly));
  if (totals.ranking) {
    const same = resolve(run.outDir) === resolve(run.folder) ? "（即输入文件夹）" : "";
    const copies =
      totals.scored === 0
        ? "没有评分成功的文件"
        : options.inPlace
          ? "评分结果已写入各输入文件"
          : `各部门的评分副本（*.已评分.xlsx）在 ${run.outDir}${same}`;
    io.out(`已写入 ${totals.ranking}；${copies}。`);
  }
  io.out(totalsLine(totals));
}

/**
 * Every file's job, started now (several at a time in worker threads where they can run), with
 * the folders its copies go to cleared of a killed run's temporary files.
 */
async function startJobs(run: FolderRun, names: string[], skips: Map<string, string | null>) {
  const date = run.date;
  const jobs: FolderJob[] = names
    .filter((name) => skips.get(name) === null)
    .map((name) => ({
      file: join(run.folder, name),
      name,
      output: run.outputs?.get(name) ?? join(run.folder, name),
      date,
      json: run.options.json,
    }));
  const folders = [...new Set(jobs.map((job) => dirname(job.output)))];
  for (const f of folders) await removeLeftoversIn(f);
  const threads = workerCount(jobs.length, run.options.standard);
  const scoring = scoreAll(jobs, threads, run.options.standard);
  const pending = new Map(jobs.map((job, i) => [job.name, scoring.results[i]]));
  return { folders, threads, scoring, pending };
}

/** A run of `names` just begun: nothing counted yet, each file's copy named (none in place). */
function newRun(
  folder: string,
  outDir: string,
  names: string[],
  options: FolderOptions,
  io: CliIo
): FolderRun {
  const totals: FolderTotals = {
    files: names.length,
    scored: 0,
    failed: 0,
    skipped: 0,
    output: outDir,
    ranking: null,
  };
  return {
    folder,
    outDir,
    options,
    io,
    totals,
    entries: [],
    failures: [],
    formsOnly: [],
    date: options.date ?? today(),
    progress: new Progress(io, names.length),
    outputs: options.inPlace ? null : outputNames(names, outDir),
  };
}

/**
 * Each file's line and record, in the folder's order (so the lines and the JSON keep that
 * order), each scored file's waited for as its turn comes.
 */
async function reportInOrder(
  run: FolderRun,
  names: string[],
  skips: Map<string, string | null>,
  pending: Map<string, Promise<FolderResult> | undefined>
): Promise<void> {
  for (const [index, name] of names.entries()) {
    run.progress.start(index, name);
    const skip = skips.get(name);
    if (skip) {
      reportSkipped(run, index, name, skip);
      continue;
    }
    const outcome = await (pending.get(name) as Promise<FolderResult>);
    if (outcome.status === "failed") await reportFailed(run, index, name, outcome);
    else reportScored(run, index, name, outcome);
  }
}

/** The run's exit code (see scoreFolder), once every file is reported and the ranking written. */
function exitCode(run: FolderRun): number {
  const { totals } = run;
  const listed = run.entries.length + run.failures.length + run.formsOnly.length;
  const rankingMissing = listed > 0 && totals.ranking === null;
  return totals.failed > 0 || totals.scored === 0 || rankingMissing ? 1 : 0;
}

/**
 * Exit code: 0 when every file was scored or skipped and at least one was scored; 1 when any
 * file failed (after all were processed), none could be scored, or 汇总排名.xlsx could not be
 * written; 2 for wrong usage.
 */
export async function scoreFolder(
  folder: string,
  options: FolderOptions,
  io: CliIo
): Promise<number> {
  const outDir = options.out ?? join(folder, OUTPUT_FOLDER);
  const usage = await outDirProblem(outDir);
  if (usage) {
    io.err(usage);
    return 2;
  }
  let names: string[];
  try {
    names = await workbookNames(folder);
  } catch (error) {
    io.err(`无法读取文件夹 ${folder}：${describeError(error)}`);
    return 1;
  }
  const run = newRun(folder, outDir, names, options, io);
  const skips = new Map(names.map((name) => [name, skipFor(name, options.inPlace)]));
  const { folders, threads, scoring, pending } = await startJobs(run, names, skips);
  try {
    await reportInOrder(run, names, skips, pending);
  } finally {
    await scoring.close();
    for (const f of folders) await syncFolder(f);
  }
  run.progress.finish();
  await writeRanking(run);
  if (threads > 0) io.err(`（${threads} 个线程并行评分）`);
  printOutcome(run);
  if (run.totals.scored === 0 && run.totals.failed === 0)
    io.err(`文件夹 ${folder} 中没有可评分的 .xlsx 文件。`);
  return exitCode(run);
}
