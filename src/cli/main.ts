/**
 * Command line: `jixiao demo [--json]` scores the seed department (the bundled data of the
 * 佛山市社会保险基金管理局 2022 report) and prints the score table and the gap list.
 */
import { evaluate } from "../evaluate/evaluate";
import { evaluationToJson } from "../evaluate/json";
import { seedDepartment } from "../../samples/seedDepartment";
import { renderEvaluation } from "./report";

const USAGE = `用法 / Usage:
  jixiao demo [--json]     为示例部门评分并打印结果 (score the bundled seed department)
  jixiao help              显示本帮助`;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const stdio: CliIo = {
  out: (text) => process.stdout.write(text + "\n"),
  err: (text) => process.stderr.write(text + "\n"),
};

/** Runs the command line; returns the exit code. Never throws. */
export async function main(argv: string[], io: CliIo = stdio): Promise<number> {
  const [command = "help", ...rest] = argv;
  const json = rest.includes("--json");
  try {
    switch (command) {
      case "demo": {
        const result = evaluate(seedDepartment);
        io.out(json ? JSON.stringify(evaluationToJson(result), null, 2) : renderEvaluation(result));
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
