/**
 * Benchmarks (`npm run bench`): prints figures, never fails on timing.
 * - Excel adapter on the test double: syncs and time to read, and to recalculate (read +
 *   write), at 10 and 10,000 project rows, against a bare one-sync load of the same ranges.
 * - Engine: time to evaluate 1 and 10,000 projects with 200 indicators.
 * - Command line: scoring the sample file against a bare ExcelJS read-and-write of it.
 * - Task-pane bundle size (from dist/, after `npm run build`).
 */
import ExcelJS from "exceljs";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { dec } from "../src/model/decimal";
import type { DepartmentInput } from "../src/model/input";
import { evaluate } from "../src/evaluate/evaluate";
import type { Profile } from "../src/evaluate/profile";
import { genericPreset } from "../src/profiles";
import { FileWorkbook } from "../src/hosts/file/fileWorkbook";
import { recalculate } from "../src/pipeline/recalculate";
import { summaryLayout } from "../src/layout/summary";
import { seedDepartment } from "../samples/seedDepartment";
import { excelHost, fakeFromXlsx } from "../test/fakes/fromXlsx";
import { sampleWithProjects, writeTemp } from "./workbooks";

const SAMPLE = join(__dirname, "..", "samples", "foshan-sbj-2022.xlsx");

async function time<T>(fn: () => Promise<T> | T, repeat = 1): Promise<{ ms: number; result: T }> {
  let result = undefined as T;
  const start = process.hrtime.bigint();
  for (let i = 0; i < repeat; i++) result = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6 / repeat, result };
}

const f1 = (n: number) => n.toFixed(1);

const writeSyncs: string[] = [];

async function excelAdapter(): Promise<void> {
  console.log("\n## Excel JS API adapter on the test double (syncs counted)");
  console.log(
    "rows    | first read       | steady read      | bare load (baseline) | recalculation (read+write) | first recalculation"
  );
  for (const rows of [10, 10_000]) {
    const path = await writeTemp(sampleWithProjects(rows), `bench-${rows}.xlsx`);
    const fake = await fakeFromXlsx(path);
    const host = excelHost(fake);

    fake.resetCounters();
    const first = await time(() => host.read());
    const firstSyncs = fake.syncCount;
    fake.resetCounters();
    const steady = await time(() => host.read(), 5);
    const steadySyncs = fake.syncCount / 5;

    // Baseline: one sync that loads every sheet's used values, no parsing or normalising.
    fake.resetCounters();
    const bare = await time(
      () =>
        fake.run(async (ctx) => {
          const ranges = fake.sheetNames().map((n) => {
            const r = ctx.workbook.worksheets.getItem(n).getUsedRangeOrNullObject(true);
            r.load("values, numberFormat, valueTypes, rowIndex, columnIndex");
            return r;
          });
          await ctx.sync();
          return ranges.length;
        }),
      5
    );

    const freshFake = await fakeFromXlsx(path);
    const freshHost = excelHost(freshFake);
    freshFake.resetCounters();
    const firstRecalc = await time(() => recalculate(freshHost, { date: "2026-11-27" }));
    const firstRecalcSyncs = freshFake.syncCount;
    freshFake.resetCounters();
    const recalc = await time(() => recalculate(freshHost, { date: "2026-11-27" }), 3);
    const recalcSyncs = freshFake.syncCount / 3;
    // The write alone: summary values, formats, styles and page layout.
    freshFake.resetCounters();
    const projects = recalc.result.parse.input.projects;
    await freshHost.writeOwnedSheet(
      summaryLayout(recalc.result.evaluation, { date: "2026-11-27" }, projects)
    );
    writeSyncs.push(
      `${rows} rows: ${freshFake.syncCount} sync, request ${(freshFake.lastSyncRequestBytes / 1e6).toFixed(2)} MB`
    );
    console.log(
      `${String(rows).padEnd(7)} | ${firstSyncs} syncs ${f1(first.ms).padStart(7)} ms | ${steadySyncs} sync ${f1(steady.ms).padStart(8)} ms | ${f1(bare.ms).padStart(8)} ms (×${f1(steady.ms / bare.ms)})    | ${recalcSyncs} syncs ${f1(recalc.ms).padStart(8)} ms        | ${firstRecalcSyncs} syncs ${f1(firstRecalc.ms)} ms`
    );
    if (first.result.sheets.length === 0) throw new Error("nothing read");
  }
  console.log(`summary write (values + formats + styles + page layout): ${writeSyncs.join("; ")}`);
  console.log(
    "first read/recalculation of a session: +1 sync to list the sheets; the pane's opening read takes it."
  );
}

function bigProfile(indicators: number): Profile {
  return {
    ...genericPreset,
    id: "bench-200",
    indicators: Array.from({ length: indicators }, (_, i) => ({
      id: `ind${i}`,
      level1: `一级${i % 10}`,
      name: `指标${i}`,
      max: dec("0.5"),
      rule:
        i % 4 === 0
          ? {
              kind: "fundWeightedMean" as const,
              metric: "projectFundWeightedScore" as const,
              weightBasis: "budget" as const,
            }
          : i % 4 === 1
            ? {
                kind: "linearBand" as const,
                metric: "executionRate" as const,
                floor: dec("0.6"),
                target: dec(1),
              }
            : { kind: "judgment" as const },
    })),
  };
}

async function engine(): Promise<void> {
  console.log("\n## Engine (200 indicators)");
  const profile = bigProfile(200);
  for (const projects of [1, 10_000]) {
    const input: DepartmentInput = {
      ...seedDepartment,
      indicators: profile.indicators.map((d) => ({
        level1: d.level1,
        name: d.name,
        entered: dec("0.4"),
      })),
      projects: Array.from({ length: projects }, (_, i) => ({
        name: `项目${i}`,
        budget: dec(100 + (i % 50)),
        spending: dec(90 + (i % 40)),
        selfScore: dec(70 + (i % 30)),
        evaluated: i % 13 !== 0,
      })),
    };
    evaluate(input, { profile }); // warm-up
    const t = await time(() => evaluate(input, { profile }), 5);
    console.log(
      `${String(projects).padEnd(6)} projects: ${f1(t.ms)} ms per evaluation (total ${t.result.total.toString()})`
    );
  }
}

async function commandLine(): Promise<void> {
  console.log(
    "\n## Command line path: sample workbook, score + write vs bare ExcelJS read + write"
  );
  const data = readFileSync(SAMPLE);
  const bare = await time(async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    return wb.xlsx.writeBuffer();
  }, 10);
  const scored = await time(async () => {
    const book = await FileWorkbook.fromBuffer(data);
    await recalculate(book, { date: "2026-11-27" });
    return book.toBuffer();
  }, 10);
  console.log(
    `bare ExcelJS round trip: ${f1(bare.ms)} ms; scored: ${f1(scored.ms)} ms; ratio ×${(scored.ms / bare.ms).toFixed(2)}`
  );
}

function bundle(): void {
  console.log("\n## Task-pane bundle (dist/)");
  const dist = join(__dirname, "..", "dist");
  if (!existsSync(dist)) {
    console.log("dist/ not found: run `npm run build` first");
    return;
  }
  let raw = 0;
  let gz = 0;
  for (const file of readdirSync(dist).filter((f) => f.endsWith(".js"))) {
    const content = readFileSync(join(dist, file));
    const size = statSync(join(dist, file)).size;
    const g = gzipSync(content, { level: 9 }).length;
    raw += size;
    gz += g;
    console.log(`${file}: ${size} B minified, ${g} B gzip`);
  }
  console.log(
    `total: ${raw} B minified (${f1(raw / 1024)} KiB), ${gz} B gzip (${f1(gz / 1024)} KiB)`
  );
}

export async function main(): Promise<void> {
  console.log(`# 绩效自评助手 benchmarks (Node ${process.version})`);
  await excelAdapter();
  await engine();
  await commandLine();
  bundle();
}
