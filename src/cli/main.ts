/**
 * Command line (`jixiao`):
 *   jixiao score <file.xlsx> [--out <file.xlsx or folder>] [--in-place] [--json] [--date YYYY-MM-DD] [--standard <id|file>] [--projects <folder|file.xlsx>]
 *   jixiao score <folder> [--out <folder>] [--in-place] [--json] [--date YYYY-MM-DD] [--standard <id|file>]
 *   jixiao report <file.xlsx> [--out <报告.docx>] [--standard <id|file>] [--projects <folder|file.xlsx>]
 *   jixiao standards [--json] · jixiao standard <id> [--out <file.xlsx>]
 *   jixiao demo [--json]
 * `score` reads a department's workbook, scores it, writes a copy with the 绩效自评汇总 sheet
 * (never over the input unless --in-place) and prints the score table and the gaps. Given a
 * folder, it does so for every workbook in it and writes 汇总排名.xlsx (see batch.ts).
 */
import { stat } from "node:fs/promises";
import { basename, extname } from "node:path";
import { evaluate } from "../evaluate/evaluate";
import { evaluationToJson } from "../evaluate/json";
import { seedDepartment } from "../../samples/seedDepartment";
import { scoreFolder } from "./batch";
import type { WorkbookStandard } from "../model/input";
import { exportStandard, listStandards, loadStandard } from "./standards";
import { type ProjectFiles, projectFilesLine, readProjectFiles } from "./projectFiles";
import { describeError, describeInternalError, errorCode } from "./errors";
import { type CliIo, stdio } from "./io";
import { PhaseLine } from "./progress";
import { renderEvaluation } from "./report";
import { reportCommand, reportName, writeReport } from "./reportCommand";
import { noReportReason, writtenSheets } from "../pipeline/writtenSheets";
import {
  type FileOutcome,
  failureLine,
  sameFile,
  scoreWorkbookFile,
  scoredName,
} from "./scoreFile";
import type { Recalculation } from "../pipeline/recalculate";

export type { CliIo };
export { scoredName };

const USAGE = `用法 / Usage:
  jixiao score <文件.xlsx> [--out|-o <输出.xlsx 或文件夹>] [--in-place] [--json] [--date YYYY-MM-DD]
      为部门工作簿评分，写入“绩效自评汇总”表到副本（默认 <文件名>.已评分.xlsx），打印得分与问题清单
      (score a workbook, write a copy with the summary sheet, print scores and gaps)
  jixiao score <文件夹> [--out <输出文件夹>] [--in-place] [--json] [--date YYYY-MM-DD]
      为文件夹中每个 .xlsx 评分，副本与“汇总排名.xlsx”写入输出文件夹（默认 <文件夹>/已评分/）
      (score every workbook in a folder, write the copies and a ranking of all departments)
      --standard <编号|标准.xlsx>  按预设或另一工作簿中的“评分标准”表评分（优先于工作簿自带的）
      (score by a preset, or by the 评分标准 sheet of another workbook)
      --projects <文件夹|项目表.xlsx>  一并读取另存的项目支出绩效自评表（仅单个部门工作簿）
      (also read project forms kept in other workbooks; one department workbook only)
      --report  同时生成自评报告草稿 <文件名>.自评报告.docx（仅单个工作簿）
      (also write the 自评报告 draft as a Word document; one workbook only)
  jixiao report <文件.xlsx> [--out <报告.docx 或文件夹>] [--standard <编号|标准.xlsx>] [--projects <文件夹|项目表.xlsx>]
      按评分结果生成自评报告草稿（Word），不改动工作簿；需人工补写处标为【待填写：…】
      (draft the 自评报告 as .docx from the scores; the workbook is not changed)
  jixiao standards [--json]  列出评分标准预设 (list the scoring-standard presets)
  jixiao standard <编号> [--out <评分标准.xlsx>]
      把预设导出为带“评分标准”表的工作簿，可修改后分发给各部门
      (write a preset as a workbook with its 评分标准 sheet)
  jixiao demo [--json]     为示例部门（内置数据）评分 (score the bundled seed department data)
  jixiao help              显示本帮助`;

interface Flags {
  positional: string[];
  json: boolean;
  inPlace: boolean;
  /** `score --report`: the report draft too, beside the scored copy. */
  report: boolean;
  out?: string;
  date?: string;
  standard?: string;
  /** A folder (or one workbook) of project forms read beside the department's workbook. */
  projects?: string;
}

/** `2024-02-29` yes, `2023-02-29` and `2023-13-45` no (the format is checked before). */
export function isCalendarDate(text: string): boolean {
  const [year, month, day] = text.split("-").map(Number);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // not Date.UTC: it reads years 0–99 as 1900–1999
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/**
 * Where one scored file goes: the input itself (--in-place), `--out` — into that folder with the
 * default name when it is an existing folder, ends in a path separator or has no extension —
 * or beside the input. Or why `--out` cannot name it: the copy is an .xlsx, and a name with
 * another extension (.xls, .csv) would give Excel a file whose content and name disagree.
 */
async function outputFor(
  file: string,
  flags: Flags
): Promise<{ target: string } | { problem: string }> {
  if (flags.inPlace) return { target: file };
  const out = flags.out;
  if (out === undefined) return { target: scoredName(file) };
  const ext = extname(out);
  const isFolder =
    /[\\/]$/.test(out) ||
    ext === "" ||
    ((await stat(out).catch(() => null))?.isDirectory() ?? false);
  if (isFolder) return { target: scoredName(file, out) };
  if (ext.toLowerCase() === ".xlsx") return { target: out };
  return {
    problem: `--out 的文件名应以 .xlsx 结尾（评分副本总是 .xlsx 工作簿），收到“${basename(out)}”`,
  };
}

function parseFlags(args: string[]): Flags | string {
  const flags: Flags = { positional: [], json: false, inPlace: false, report: false };
  // `--out=评分/` as well as `--out 评分/`; `-o` is `--out`, as in most command lines.
  args = args.flatMap((a) => {
    const m = /^(--out|--date|--standard|--projects)=(.*)$/.exec(a);
    return m ? [m[1], m[2]] : [a === "-o" ? "--out" : a];
  });
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--json") flags.json = true;
    else if (a === "--in-place") flags.inPlace = true;
    else if (a === "--report") flags.report = true;
    else if (a === "--out" || a === "--date" || a === "--standard" || a === "--projects") {
      const v = args[++i];
      if (!v) return `${a} 后需要一个值`;
      if (a === "--out") flags.out = v;
      else if (a === "--standard") flags.standard = v;
      else if (a === "--projects") flags.projects = v;
      else if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return `--date 的格式应为 YYYY-MM-DD，收到“${v}”`;
      else if (!isCalendarDate(v)) return `--date 不是有效日期：“${v}”`;
      else flags.date = v;
    } else if (a.startsWith("--")) return `未知选项“${a}”`;
    else flags.positional.push(a);
  }
  if (flags.inPlace && flags.out !== undefined)
    return "--in-place 与 --out 不能同时使用（就地写入输入文件，或另存到 --out）";
  return flags;
}

/** Where a file's copy goes, refused (with the sentence said) when it would be the input itself. */
async function targetFor(file: string, flags: Flags, io: CliIo): Promise<string | null> {
  const output = await outputFor(file, flags);
  if ("problem" in output) {
    io.err(`${output.problem}。`);
    return null;
  }
  if (!flags.inPlace && (await sameFile(output.target, file))) {
    io.err(`不会覆盖输入文件 ${file}：请用 --out 指定其他文件，或加 --in-place`);
    return null;
  }
  return output.target;
}

/** A file not scored or not written: the scores if there are any (保护工作簿), and why. */
function reportFailure(
  file: string,
  outcome: Extract<FileOutcome, { status: "failed" }>,
  flags: Flags,
  io: CliIo
): number {
  const scores = outcome.result?.evaluation;
  // With --json, the failure is an object too (as each file of a folder run is).
  if (flags.json) {
    const { stage, reason } = outcome;
    const json = {
      file,
      status: "failed",
      stage,
      reason,
      ...(scores ? evaluationToJson(scores) : {}),
    };
    io.out(JSON.stringify(json, null, 2));
  } else if (scores) io.out(renderEvaluation(scores));
  io.err(failureLine(file, outcome));
  return 1;
}

/** `已写入 … 的“绩效自评汇总”、“核对清单”工作表`, with what was left beside them. */
function writtenLine(target: string, result: Recalculation): string {
  const write = result.write;
  const beside =
    (write?.besideForeign
      ? `（工作簿中已有非本工具生成的“${write.besideForeign}”，未改动它）`
      : "") +
    (write?.keptRenamed ? `（改名保留的“${write.keptRenamed}”是上次的评分结果，未更新）` : "");
  const sheets = writtenSheets(result).map((s) => `“${s}”`);
  return `已写入 ${target} 的${sheets.join("、")}工作表${beside}。`;
}

/** A scored and written file: its JSON, or the projects read, the scores and where they went. */
function reportScored(
  file: string,
  target: string,
  outcome: Extract<FileOutcome, { status: "scored" }>,
  context: { flags: Flags; io: CliIo; projects: ProjectFiles | null }
): void {
  const { flags, io, projects } = context;
  const result = outcome.result;
  if (flags.json) {
    const { warnings } = outcome;
    const sheet = result.write?.sheet ?? result.projectsWrite?.sheet;
    const json = { file, output: target, sheet, warnings };
    io.out(JSON.stringify({ ...json, ...evaluationToJson(result.evaluation) }, null, 2));
    return;
  }
  if (projects) io.out(projectFilesLine(flags.projects as string, projects));
  io.out(renderEvaluation(result.evaluation));
  io.out("");
  io.out(writtenLine(target, result));
}

/** --report: the 自评报告草稿 beside the copy; 1 when it could not be saved. */
async function reportDraftFor(
  file: string,
  target: string,
  result: Recalculation,
  flags: Flags,
  io: CliIo
) {
  // No draft of zeros: project forms alone have no department to report on.
  const refused = noReportReason(result);
  if (refused) {
    io.err(`无法生成 ${file} 的报告：${refused}`);
    return 1;
  }
  const docx = reportName(target);
  const failed = await writeReport(result, docx);
  if (failed) {
    io.err(`未能保存 ${file} 的报告：${failed}`);
    return 1;
  }
  if (!flags.json) io.out(`已生成自评报告草稿 ${docx}（请补写标有【待填写】的段落）。`);
  return 0;
}

async function scoreFile(
  file: string,
  flags: Flags,
  io: CliIo,
  standard?: WorkbookStandard
): Promise<number> {
  const target = await targetFor(file, flags, io);
  if (target === null) return 2;
  const projects = flags.projects ? await readProjectFiles(flags.projects, [file, target]) : null;
  if (projects && "error" in projects) {
    io.err(`${projects.error}。`);
    return 2;
  }
  const phases = new PhaseLine(io, basename(file), io.progressAfterMs);
  const outcome = await scoreWorkbookFile(file, target, {
    date: flags.date,
    standard,
    extraSheets: projects?.sheets,
    onPhase: phases.onPhase,
  }).finally(() => phases.finish());
  for (const warning of projects?.warnings ?? []) io.err(warning);
  if (outcome.status === "failed") return reportFailure(file, outcome, flags, io);
  reportScored(file, target, outcome, { flags, io, projects });
  if (flags.report && (await reportDraftFor(file, target, outcome.result, flags, io)) !== 0)
    return 1;
  for (const warning of outcome.warnings) io.err(warning);
  return 0;
}

/** The options `jixiao report` does not take, named as typed; null when none was given. */
function reportRefuses(flags: Flags): string | null {
  const given = [
    flags.json && "--json",
    flags.inPlace && "--in-place",
    flags.report && "--report",
    flags.date !== undefined && "--date",
  ].filter((f): f is string => !!f);
  return given.length > 0 ? given.join("、") : null;
}

/** The standard `--standard` names; false (told) when it cannot be loaded. */
async function standardOf(flags: Flags, io: CliIo): Promise<WorkbookStandard | undefined | false> {
  if (flags.standard === undefined) return undefined;
  const loaded = await loadStandard(flags.standard);
  if (loaded.ok) return loaded.standard;
  io.err(`--standard：${loaded.reason}。`);
  return false;
}

/** Why `jixiao score` cannot take these files (one sentence); null when it can. */
function positionalRefusal(given: string[]): string | null {
  if (given.length === 0 || !given[0]) return `请给出一个 .xlsx 文件或一个文件夹。\n${USAGE}`;
  if (given.length > 1)
    return `一次只能评分一个文件或一个文件夹，收到 ${given.length} 个（${given.join("、")}）；要评分多个文件，请把它们放进一个文件夹。\n${USAGE}`;
  return null;
}

/** The options a folder run does not take, said; null when none was given. */
function folderRefusal(flags: Flags): string | null {
  if (flags.projects !== undefined)
    return "--projects 只能与单个部门工作簿一起使用（jixiao score 某局.xlsx --projects 项目自评表/）。";
  if (flags.report) return "--report 只能用于单个部门工作簿；文件夹请逐个运行 jixiao report。";
  return null;
}

/** `jixiao score <file|folder>`. */
async function scoreCommand(flags: Flags, io: CliIo): Promise<number> {
  const refusal = positionalRefusal(flags.positional);
  if (refusal) {
    io.err(refusal);
    return 2;
  }
  const file = flags.positional[0] as string;
  const standard = await standardOf(flags, io);
  if (standard === false) return 2;
  if (!((await stat(file).catch(() => null))?.isDirectory() ?? false))
    return await scoreFile(file, flags, io, standard);
  const refused = folderRefusal(flags);
  if (refused) {
    io.err(refused);
    return 2;
  }
  return await scoreFolder(file, { ...flags, standard }, io);
}

/** `jixiao report <file>`: reads only (the forms of --projects too), so the writing options are refused. */
async function reportCommandOf(flags: Flags, io: CliIo): Promise<number> {
  const unsupported = reportRefuses(flags);
  if (unsupported) {
    io.err(
      `jixiao report 不支持 ${unsupported}（它只生成 Word 报告草稿，不改动工作簿；要评分副本或 JSON 结果，请用 jixiao score 某局.xlsx --report 或 --json）。`
    );
    return 2;
  }
  const standard = await standardOf(flags, io);
  if (standard === false) return 2;
  return await reportCommand(flags.positional[0], flags.out, io, {
    standard,
    projects: flags.projects,
  });
}

/** Each command's runner. */
const COMMANDS: Record<string, (flags: Flags, io: CliIo) => Promise<number> | number> = {
  score: scoreCommand,
  report: reportCommandOf,
  standards: (flags, io) => listStandards(io, flags.json),
  standard: (flags, io) => exportStandard(flags.positional[0], flags.out, io),
  demo: (flags, io) => {
    const result = evaluate(seedDepartment);
    io.out(
      flags.json ? JSON.stringify(evaluationToJson(result), null, 2) : renderEvaluation(result)
    );
    return 0;
  },
  help: (_, io) => {
    io.out(USAGE);
    return 0;
  },
};
COMMANDS["--help"] = COMMANDS["-h"] = COMMANDS.help;

/** Runs the command line; returns the exit code. Never throws. */
export async function main(argv: string[], io: CliIo = stdio): Promise<number> {
  if (argv.length === 0) {
    io.err(`请给出命令。\n${USAGE}`);
    return 2;
  }
  const [command, ...rest] = argv;
  const flags = parseFlags(rest);
  if (typeof flags === "string") {
    io.err(`${flags}。\n${USAGE}`);
    return 2;
  }
  const run = Object.prototype.hasOwnProperty.call(COMMANDS, command)
    ? COMMANDS[command]
    : undefined;
  if (!run) {
    io.err(`未知命令“${command}”。\n${USAGE}`);
    return 2;
  }
  try {
    return await run(flags, io);
  } catch (error) {
    // Every expected failure is reported where it happens; this is the last resort.
    const what = command === "score" && flags.positional[0] ? `处理 ${flags.positional[0]} 时` : "";
    const why = errorCode(error) ? describeError(error) : describeInternalError(error);
    io.err(`${what}出错了：${why}`);
    return 1;
  }
}
