/**
 * Command line (`jixiao`):
 *   jixiao score <file.xlsx> [--out <file.xlsx>] [--in-place] [--json] [--date YYYY-MM-DD]
 *   jixiao demo [--json]
 * `score` reads a department's workbook, scores it, writes a copy with the 绩效自评汇总 sheet
 * (never over the input unless --in-place) and prints the score table and the gaps.
 */
import { mkdir } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import { evaluate } from "../evaluate/evaluate";
import { evaluationToJson } from "../evaluate/json";
import { recalculate } from "../pipeline/recalculate";
import { seedDepartment } from "../../samples/seedDepartment";
import { openWorkbook } from "./openWorkbook";
import { renderEvaluation } from "./report";

const USAGE = `用法 / Usage:
  jixiao score <文件.xlsx> [--out <输出.xlsx>] [--in-place] [--json] [--date YYYY-MM-DD]
      为部门工作簿评分，写入“绩效自评汇总”表到副本（默认 <文件名>.已评分.xlsx），打印得分与问题清单
      (score a workbook, write a copy with the summary sheet, print scores and gaps)
  jixiao demo [--json]     为示例部门（内置数据）评分 (score the bundled seed department data)
  jixiao help              显示本帮助`;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const stdio: CliIo = {
  out: (text) => process.stdout.write(text + "\n"),
  err: (text) => process.stderr.write(text + "\n"),
};

interface Flags {
  positional: string[];
  json: boolean;
  inPlace: boolean;
  out?: string;
  date?: string;
}

function parseFlags(args: string[]): Flags | string {
  const flags: Flags = { positional: [], json: false, inPlace: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--json") flags.json = true;
    else if (a === "--in-place") flags.inPlace = true;
    else if (a === "--out" || a === "--date") {
      const v = args[++i];
      if (!v) return `${a} 后需要一个值`;
      if (a === "--out") flags.out = v;
      else if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return `--date 的格式应为 YYYY-MM-DD，收到“${v}”`;
      else flags.date = v;
    } else if (a.startsWith("--")) return `未知选项“${a}”`;
    else flags.positional.push(a);
  }
  return flags;
}

/** Default output name: `某局.xlsx` → `某局.已评分.xlsx`, beside the input. */
export function scoredName(input: string): string {
  const ext = extname(input) || ".xlsx";
  return join(dirname(input), `${basename(input, ext)}.已评分${ext}`);
}

async function scoreFile(file: string, flags: Flags, io: CliIo): Promise<number> {
  const opened = await openWorkbook(file);
  if (!opened.ok) {
    io.err(`无法读取 ${file}：${opened.reason}`);
    return 1;
  }
  const result = await recalculate(opened.book, { date: flags.date });
  const target = flags.inPlace ? file : (flags.out ?? scoredName(file));
  if (!flags.inPlace && target === file) {
    io.err(`不会覆盖输入文件 ${file}：请用 --out 指定其他文件，或加 --in-place`);
    return 2;
  }
  await mkdir(dirname(target), { recursive: true });
  await opened.book.workbook.xlsx.writeFile(target);
  if (flags.json) {
    io.out(
      JSON.stringify(
        {
          file,
          output: target,
          sheet: result.write?.sheet,
          ...evaluationToJson(result.evaluation),
        },
        null,
        2
      )
    );
  } else {
    io.out(renderEvaluation(result.evaluation));
    io.out("");
    const beside = result.write?.besideForeign
      ? `（工作簿中已有非本工具生成的“${result.write.besideForeign}”，未改动它）`
      : "";
    io.out(`已写入 ${target} 的“${result.write?.sheet}”工作表${beside}。`);
  }
  return 0;
}

/** Runs the command line; returns the exit code. Never throws. */
export async function main(argv: string[], io: CliIo = stdio): Promise<number> {
  const [command = "help", ...rest] = argv;
  const flags = parseFlags(rest);
  if (typeof flags === "string") {
    io.err(`${flags}。\n${USAGE}`);
    return 2;
  }
  try {
    switch (command) {
      case "score": {
        const [file] = flags.positional;
        if (!file || flags.positional.length > 1) {
          io.err(`请给出一个 .xlsx 文件。\n${USAGE}`);
          return 2;
        }
        return await scoreFile(file, flags, io);
      }
      case "demo": {
        const result = evaluate(seedDepartment);
        io.out(
          flags.json ? JSON.stringify(evaluationToJson(result), null, 2) : renderEvaluation(result)
        );
        return 0;
      }
      case "help":
      case "--help":
      case "-h":
        io.out(USAGE);
        return 0;
      default:
        io.err(`未知命令“${command}”。\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    io.err(`出错了：${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
