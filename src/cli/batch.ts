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
 * would share a name (乙.xlsx, 乙.XLSX, 乙.xlsm) are ordered .xlsx, .xls, .xlsm, then by name,
 * the same on every run: the first gets the default name, the others `乙 (2).已评分.xlsx`, ….
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
    group.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
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
  if (/\.xlsx$/i.test(outDir)) {
    io.err(`评分文件夹时，--out 应为输出文件夹，而不是 .xlsx 文件：${outDir}`);
    return 2;
  }
  const existing = await stat(outDir).catch(() => null);
  if (existing && !existing.isDirectory()) {
    io.err(`输出位置 ${outDir} 是一个文件，应为文件夹（可用 --out 指定其他文件夹）`);
    return 2;
  }
  let names: string[];
  try {
    names = await workbookNames(folder);
  } catch (error) {
    io.err(`无法读取文件夹 ${folder}：${describeError(error)}`);
    return 1;
  }
  const date = options.date ?? today();
  const totals: FolderTotals = {
    files: names.length,
    scored: 0,
    failed: 0,
    skipped: 0,
    output: outDir,
    ranking: null,
  };
  const entries: RankingEntry[] = [];
  const failures: RankingFailure[] = [];
  const progress = new Progress(io, names.length);
  const sameFolder = resolve(outDir) === resolve(folder);
  const outputs = options.inPlace ? null : outputNames(names, outDir);

  // Every file's job starts now (several at a time in worker threads where they can run);
  // results are used in the folder's order, so the lines and the JSON keep that order.
  const skips = new Map(names.map((name) => [name, skipFor(name, options.inPlace)]));
  const jobs: FolderJob[] = names
    .filter((name) => skips.get(name) === null)
    .map((name) => ({
      file: join(folder, name),
      name,
      output: outputs?.get(name) ?? join(folder, name),
      date,
    }));
  const folders = [...new Set(jobs.map((job) => dirname(job.output)))];
  for (const f of folders) await removeLeftoversIn(f);
  const threads = workerCount(jobs.length, options.standard);
  const scoring = scoreAll(jobs, threads, options.standard);
  const pending = new Map(jobs.map((job, i) => [job.name, scoring.results[i]]));
  try {
    for (const [index, name] of names.entries()) {
      progress.start(index, name);
      const file = join(folder, name);
      const skip = skips.get(name);
      if (skip) {
        totals.skipped++;
        progress.done(index, `跳过 ${name}：${skip}`, true);
        if (options.json) io.out(JSON.stringify({ file, status: "skipped", reason: skip }));
        continue;
      }
      const output = outputs?.get(name) ?? file;
      const renamed = output !== file && output !== scoredName(name, outDir);
      const outcome = await (pending.get(name) as Promise<FolderResult>);
      if (outcome.status === "failed") {
        totals.failed++;
        failures.push({ file: name, reason: outcome.reason });
        progress.done(index, failureLine(name, outcome), true);
        // This file's copy from an earlier run is still there: say it is not this run's result.
        if (outputs && (await stat(output).catch(() => null))?.isFile())
          progress.note(`注意：${output} 是之前的评分结果，本次未更新。`);
        if (options.json)
          io.out(
            JSON.stringify({ file, status: "failed", stage: outcome.stage, reason: outcome.reason })
          );
        continue;
      }
      totals.scored++;
      entries.push(rankingOf(outcome));
      progress.done(index, `已评分 ${name}：${outcome.summary}`, false);
      if (renamed)
        progress.note(
          `注意：${name} 的副本另存为 ${output}（默认文件名已被同名的另一个文件使用）。`
        );
      for (const warning of outcome.warnings) progress.note(warning);
      if (options.json)
        io.out(
          JSON.stringify({
            file,
            status: "scored",
            output,
            sheet: outcome.sheet,
            warnings: outcome.warnings,
            ...outcome.json,
          })
        );
    }
  } finally {
    await scoring.close();
    for (const f of folders) await syncFolder(f);
  }
  progress.finish();

  if (entries.length + failures.length > 0) {
    // Written by the package writer into a new workbook: no ExcelJS to load at the end of a run.
    const ranking = join(outDir, RANKING_FILE);
    let data: Uint8Array | null = null;
    try {
      data = await workbookOfSheet(rankingLayout(entries, failures, { date }));
    } catch (error) {
      io.err(`无法生成 ${ranking}：${describeInternalError(error)}`);
    }
    if (data)
      try {
        await writeFileAtomic(ranking, data);
        totals.ranking = ranking;
      } catch (error) {
        io.err(`无法写入 ${ranking}：${writeReason(error)}`);
      }
  }

  if (threads > 0) io.err(`（${threads} 个线程并行评分）`);
  if (options.json) {
    io.out(JSON.stringify(totals));
    io.err(totalsLine(totals));
  } else {
    if (entries.length > 0) {
      io.out(
        renderTable(
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
        )
      );
      io.out("");
    }
    for (const warning of rankingWarnings(entries)) io.out(`注意：${warning}`);
    if (totals.ranking) {
      const copies =
        totals.scored === 0
          ? "没有评分成功的文件"
          : options.inPlace
            ? "评分结果已写入各输入文件"
            : `各部门的评分副本（*.已评分.xlsx）在 ${outDir}${sameFolder ? "（即输入文件夹）" : ""}`;
      io.out(`已写入 ${totals.ranking}；${copies}。`);
    }
    io.out(totalsLine(totals));
  }
  if (totals.scored === 0 && totals.failed === 0)
    io.err(`文件夹 ${folder} 中没有可评分的 .xlsx 文件。`);
  const rankingMissing = entries.length + failures.length > 0 && totals.ranking === null;
  return totals.failed > 0 || totals.scored === 0 || rankingMissing ? 1 : 0;
}
