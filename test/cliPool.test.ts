/**
 * The worker pool of folder runs (folderScoring.ts `Pool`) with small worker scripts: answers
 * come back to their jobs with two in hand, and a worker that dies — by an error or by exiting —
 * costs no job but the one that kills it (its neighbour is handed to a new worker once).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type FolderJob, Pool, filesInHand } from "../src/cli/folderScoring";
import { readLimits } from "../src/cli/openWorkbook";
import { MAX_CELLS } from "../src/hosts/file/packageReader";

const dir = mkdtempSync(join(tmpdir(), "jixiao-pool-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A worker script: answers each job with its name, after `delay` ms; `die(name)` decides. */
function script(name: string, die: string): string {
  const path = join(dir, `${name}.cjs`);
  writeFileSync(
    path,
    `const { parentPort } = require("node:worker_threads");
     parentPort.on("message", ({ id, job }) => {
       ${die}
       setTimeout(() => parentPort.postMessage({ id, result: { status: "failed", reason: job.name, stage: "score" } }), 5);
     });`
  );
  return path;
}

const jobs = (n: number): FolderJob[] =>
  Array.from({ length: n }, (_, i) => ({ file: `f${i}`, name: `文件${i}`, output: "", date: "" }));

async function runAll(path: string, n: number, size: number) {
  const pool = new Pool(path, size);
  try {
    return await Promise.all(jobs(n).map((j) => pool.run(j)));
  } finally {
    await pool.close();
  }
}

/**
 * The reason job `culprit` of `count` failed with, having checked that every other job got its
 * own answer (the echo worker answers each with the file's name).
 */
function onlyFailed(results: Awaited<ReturnType<typeof runAll>>, culprit: number, count: number) {
  const reasons = results.map((r) => (r.status === "failed" ? r.reason : ""));
  expect(reasons.filter((_, i) => i !== culprit)).toEqual(
    jobs(count)
      .filter((_, i) => i !== culprit)
      .map((j) => j.name)
  );
  return reasons[culprit];
}

describe("the folder run's worker pool", () => {
  it("gives every job its own answer, in the jobs' order", async () => {
    const results = await runAll(script("echo", ""), 9, 2);
    expect(results.map((r) => (r.status === "failed" ? r.reason : ""))).toEqual(
      jobs(9).map((j) => j.name)
    );
  });

  it("a worker that throws on one file fails that file only; the file beside it is scored", async () => {
    const path = script("throws", `if (job.name === "文件3") throw new Error("坏文件");`);
    const results = await runAll(path, 8, 2);
    expect(onlyFailed(results, 3, 8)).toBe("评分时出错：坏文件");
  });

  it("a worker that exits without a word fails its file with a reason, and the run goes on", async () => {
    const path = script("exits", `if (job.name === "文件5") process.exit(7);`);
    const results = await runAll(path, 10, 2);
    expect(onlyFailed(results, 5, 10)).toBe("评分时出错：工作线程意外退出（7）");
  });
});

describe("the files a folder run has in hand in its own thread", () => {
  const MB = 1024 * 1024;
  it("are four where a quarter of the heap holds the largest workbook, else two", () => {
    expect(filesInHand(4096 * MB)).toBe(4);
    expect(readLimits(1 / 4, 4096 * MB).maxCells).toBe(MAX_CELLS);
    // Under --max-old-space-size=1024 a file keeps half of the heap, as before.
    expect(filesInHand(1024 * MB)).toBe(2);
    expect(readLimits(1 / 4, 1024 * MB).maxCells).toBeLessThan(MAX_CELLS);
  });
});
