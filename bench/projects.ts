/**
 * Project forms at scale: a department workbook with 500 项目支出绩效自评表 of 20 indicator rows
 * each (one sheet per form), against the same workbook with one form.
 * - Excel adapter on the test double: syncs to read (all used ranges in one batched sync, so
 *   500 forms take the syncs one form takes) and to recalculate (read + three sheets written: summary, 核对清单, 项目自评汇总).
 * - Engine: parse once, then the median time of evaluate() over 500 forms × 20 indicators.
 * - Command line as whole processes: `jixiao score` on the 500-form workbook against a bare
 *   ExcelJS process that loads and saves it.
 */
import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seedDepartment } from "../samples/seedDepartment";
import { evaluate } from "../src/evaluate/evaluate";
import { writeLayout } from "../src/hosts/file/writeLayout";
import { dec } from "../src/model/decimal";
import {
  type ProjectFormData,
  type ProjectFormRow,
  projectFormLayout,
} from "../src/layout/projectForm";
import { templateLayouts } from "../src/layout/template";
import { parseWorkbook } from "../src/parse/parseWorkbook";
import { readWorkbook } from "../src/hosts/file/readWorkbook";
import { recalculate } from "../src/pipeline/recalculate";
import { caiyuProject, foshan2022 } from "../src/standard/presets";
import { excelHost, fakeFromXlsx } from "../test/fakes/fromXlsx";

const f1 = (n: number) => n.toFixed(1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const ROOT = join(__dirname, "..");

/** 20 rows: 产出 10 × 5, 效益 6 × 5, 满意度 4 × 2.5 = 90; one target in seven missed. */
function rows(i: number): Record<string, ProjectFormRow[]> {
  const row = (level2: string, k: number, max: number): ProjectFormRow => {
    const missed = (i + k) % 7 === 0;
    return {
      level2,
      level3: `${level2.replace(/指标$/, "")}指标 ${k + 1}`,
      target: "≥95%",
      actual: missed ? "90%" : "97%",
      max,
      entered: missed ? Math.round(max * (90 / 95) * 100) / 100 : max,
      reason: missed ? "受疫情影响部分工作延后，已调整计划。" : undefined,
    };
  };
  const make = (names: string[], n: number, max: number, from: number) =>
    Array.from({ length: n }, (_, k) => row(names[k % names.length], from + k, max));
  return {
    产出指标: make(["数量指标", "质量指标", "时效指标", "成本指标"], 10, 5, 0),
    效益指标: make(["社会效益指标", "可持续影响指标"], 6, 5, 10),
    满意度指标: make(["服务对象满意度指标"], 4, 2.5, 16),
  };
}

function form(i: number): ProjectFormData {
  const budget = 100 + (i % 37) * 13;
  const spent = Math.round(budget * (0.8 + (i % 20) / 100) * 100) / 100;
  const rate = spent / budget;
  const r = rows(i);
  const entered =
    Math.round(Math.min(rate, 1) * 1000) / 100 +
    Object.values(r)
      .flat()
      .reduce((a, x) => a + (x.entered ?? 0), 0);
  return {
    name: `第 ${i + 1} 号项目`,
    year: 2022,
    department: seedDepartment.department,
    unit: seedDepartment.department,
    funds: [
      { label: "年度资金总额", initial: dec(budget), adjusted: dec(budget), spent: dec(spent) },
      { label: "其中：财政拨款", initial: dec(budget), adjusted: dec(budget), spent: dec(spent) },
      { label: "上年结转", initial: null, adjusted: null, spent: null },
      { label: "其他资金", initial: null, adjusted: null, spent: null },
    ],
    executionMax: 10,
    executionEntered: Math.round(Math.min(rate, 1) * 1000) / 100,
    executionReason: rate < 0.9 ? "部分合同按进度于次年支付。" : undefined,
    goal: { expected: "按计划完成年度任务。", actual: "基本完成。" },
    rows: r,
    grade: entered >= 90 ? "优" : "良",
  };
}

/** The sample department (template sheets) with `count` project forms, one sheet each. */
export function projectFormsWorkbook(count: number): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  for (const layout of templateLayouts(foshan2022, seedDepartment)) writeLayout(workbook, layout);
  for (let i = 0; i < count; i++)
    writeLayout(workbook, projectFormLayout(caiyuProject, form(i), `项目${i + 1}`));
  return workbook;
}

async function adapter(paths: Record<number, string>): Promise<void> {
  console.log(
    "forms | read: syncs, ms | recalculation (read + 3 sheets written in one request): syncs, ms"
  );
  for (const [count, path] of Object.entries(paths)) {
    const fake = await fakeFromXlsx(path);
    const host = excelHost(fake);
    await host.read(); // the pane's opening read lists the sheets (+1 sync, once a session)
    fake.resetCounters();
    const start = process.hrtime.bigint();
    const snapshot = await host.read();
    const readMs = Number(process.hrtime.bigint() - start) / 1e6;
    const readSyncs = fake.syncCount;
    fake.resetCounters();
    const t = process.hrtime.bigint();
    const result = await recalculate(host, { date: "2026-11-29" });
    const recalcMs = Number(process.hrtime.bigint() - t) / 1e6;
    const forms = result.evaluation.projects?.results.length ?? 0;
    if (forms !== Number(count) || snapshot.sheets.length < forms)
      throw new Error(`read ${forms} forms of ${count}`);
    console.log(
      `${count.padStart(5)} | ${readSyncs} sync, ${f1(readMs).padStart(7)} ms | ${fake.syncCount} syncs, ${f1(recalcMs).padStart(7)} ms`
    );
  }
}

async function engineTime(path: string, count: number): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const t0 = process.hrtime.bigint();
  const parsed = parseWorkbook(readWorkbook(workbook));
  const parseMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const samples: number[] = [];
  for (let i = 0; i < 25; i++) {
    const t = process.hrtime.bigint();
    evaluate(parsed.input);
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const ms = median(samples.slice(5));
  console.log(
    `engine, ${count} forms × 20 indicators: ${f1(ms)} ms per evaluation (median of 20 after 5 warm-up; first ${f1(samples[0])} ms); parse ${f1(parseMs)} ms；目标 < 50 ms：实测 ${f1(ms)} ms${ms < 50 ? "" : "（未达标）"}`
  );
}

/** Wall time of a whole `node …` process, median of `rounds`, the two commands alternating. */
function processes(commands: Record<string, string[]>, rounds: number): Record<string, number> {
  const times: Record<string, number[]> = {};
  for (let i = 0; i < rounds; i++)
    for (const [name, args] of Object.entries(commands)) {
      const start = process.hrtime.bigint();
      execFileSync(process.execPath, args, { cwd: ROOT, stdio: "pipe" });
      (times[name] ??= []).push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
}

/** `jixiao score <file>` against `node bare.js <file>` (ExcelJS load + save), as processes. */
export function cliAgainstBare(file: string, dir: string, rounds: number): string {
  const bare = join(dir, "bare.cjs");
  writeFileSync(
    bare,
    `const ExcelJS = require(${JSON.stringify(require.resolve("exceljs"))});
const w = new ExcelJS.Workbook();
w.xlsx.readFile(process.argv[2]).then(() => w.xlsx.writeFile(process.argv[3]));`
  );
  const m = processes(
    {
      empty: ["-e", "0"],
      bare: [bare, file, join(dir, "bare-out.xlsx")],
      cli: [
        join(ROOT, "bin", "jixiao.cjs"),
        "score",
        file,
        "--out",
        join(dir, "cli-out.xlsx"),
        "--date",
        "2026-11-29",
      ],
    },
    rounds
  );
  const how = existsSync(join(ROOT, "dist-cli", "main.cjs"))
    ? "the bundle npm ci builds, when newer than the sources"
    : "no bundle: TypeScript through tsx";
  const ratio = m.cli / m.bare;
  return (
    `node -e 0 ${f1(m.empty)} ms; bare ExcelJS process ${f1(m.bare)} ms; jixiao score process ${f1(m.cli)} ms (${how}); ` +
    `ratio ×${ratio.toFixed(2)} (median of ${rounds}, alternating); 目标 ≤ 0.6×：${ratio <= 0.6 ? "达标" : "未达标"}`
  );
}

export async function projectForms(): Promise<void> {
  console.log("\n## Project forms: 1 and 500 项目支出绩效自评表 of 20 indicators, one sheet each");
  const dir = mkdtempSync(join(tmpdir(), "jixiao-bench-projects-"));
  const paths: Record<number, string> = {};
  for (const count of [1, 500]) {
    paths[count] = join(dir, `forms-${count}.xlsx`);
    await projectFormsWorkbook(count).xlsx.writeFile(paths[count]);
  }
  await adapter(paths);
  await engineTime(paths[500], 500);
  console.log(`command line on the 500-form workbook: ${cliAgainstBare(paths[500], dir, 5)}`);
  rmSync(dir, { recursive: true, force: true });
}
