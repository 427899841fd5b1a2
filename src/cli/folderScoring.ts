/**
 * Scoring the files of a folder run, several at a time. Each file is scored by the same
 * `scoreWorkbookFile` as a single run; what a folder run needs of it (the outcome line, the
 * ranking entry, the JSON) travels back as plain data, so the work can run in worker threads
 * (folderWorker.ts) — one per core, up to four — while results are used in the folder's order.
 * Where no worker can start (TypeScript run through tsx, JIXIAO_WORKERS=0, a --standard), files
 * are scored one after another in this thread, through the very same function.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { type EvaluationJson, evaluationToJson } from "../evaluate/json";
import { rankingEntry, type RankingEntry } from "../layout/ranking";
import { dec, score } from "../model/decimal";
import type { WorkbookStandard } from "../model/input";
import { scoreWorkbookFile } from "./scoreFile";

/** One file's job. */
export interface FolderJob {
  file: string;
  name: string;
  output: string;
  date: string;
}

/** A ranking entry with its decimals as text (what survives a thread boundary). */
type WireEntry = Omit<RankingEntry, "total" | "executionRate" | "groups"> & {
  total: string;
  executionRate: string | null;
  groups: { level1: string; counted: string }[];
};

/** What a folder run needs of one scored (or failed) file. */
export type FolderResult =
  | { status: "failed"; reason: string; stage: string }
  | {
      status: "scored";
      sheet?: string;
      warnings: string[];
      /** `95.18 分，优`. */
      summary: string;
      entry: WireEntry;
      json: EvaluationJson;
    };

/** Scores one file of a folder (in this thread or a worker's). */
export async function scoreFolderFile(
  job: FolderJob,
  standard?: WorkbookStandard
): Promise<FolderResult> {
  // The folder run tidies and flushes its output folder once, not once per file.
  const outcome = await scoreWorkbookFile(job.file, job.output, {
    date: job.date,
    standard,
    write: { tidy: false, syncFolder: false },
  });
  if (outcome.status === "failed")
    return { status: "failed", reason: outcome.reason, stage: outcome.stage };
  const e = outcome.result.evaluation;
  const entry = rankingEntry(e, job.name);
  return {
    status: "scored",
    sheet: outcome.result.write?.sheet,
    warnings: outcome.warnings,
    summary: `${score(e.total)} 分，${e.grade}`,
    entry: {
      ...entry,
      total: entry.total.toString(),
      executionRate: entry.executionRate?.toString() ?? null,
      groups: entry.groups.map((g) => ({ level1: g.level1, counted: g.counted.toString() })),
    },
    json: evaluationToJson(e),
  };
}

/** The ranking entry of a scored file, decimals restored. */
export function rankingOf(result: FolderResult & { status: "scored" }): RankingEntry {
  const w = result.entry;
  return {
    ...w,
    total: dec(w.total),
    executionRate: w.executionRate === null ? null : dec(w.executionRate),
    groups: w.groups.map((g) => ({ level1: g.level1, counted: dec(g.counted) })),
  };
}

/** The worker script beside this bundle, when the command line runs from its bundle. */
function workerScript(): string | null {
  const script = join(__dirname, "folderWorker.cjs");
  return __filename.endsWith(".cjs") && existsSync(script) ? script : null;
}

/** How many worker threads to use for `files` files (0: score in this thread). */
export function workerCount(files: number, standard?: WorkbookStandard): number {
  const asked = process.env.JIXIAO_WORKERS;
  const limit = asked !== undefined && /^\d+$/.test(asked) ? Number(asked) : 4;
  if (standard || files < 8 || !workerScript()) return 0;
  return Math.max(0, Math.min(limit, availableParallelism(), Math.ceil(files / 4)));
}

/**
 * Starts every job at once, `workers` at a time (0: in this thread, one after another), and
 * returns their results as promises in the jobs' order.
 */
export function scoreAll(
  jobs: FolderJob[],
  workers: number,
  standard?: WorkbookStandard
): { results: Promise<FolderResult>[]; close: () => Promise<void> } {
  if (workers === 0) {
    let chain: Promise<unknown> = Promise.resolve();
    const results = jobs.map((job) => {
      const run = chain.then(() => scoreFolderFile(job, standard));
      chain = run.catch(() => undefined);
      return run;
    });
    return { results, close: async () => undefined };
  }
  const pool = new Pool(workerScript() as string, workers);
  return { results: jobs.map((job) => pool.run(job)), close: () => pool.close() };
}

interface Pending {
  job: FolderJob;
  resolve: (r: FolderResult) => void;
}

/** Worker threads taking jobs from one queue; a worker that dies fails only its job. */
class Pool {
  private readonly queue: Pending[] = [];
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly busy = new Map<Worker, Pending>();

  constructor(
    private readonly script: string,
    size: number
  ) {
    for (let i = 0; i < size; i++) this.start();
  }

  run(job: FolderJob): Promise<FolderResult> {
    return new Promise((resolve) => {
      this.queue.push({ job, resolve });
      this.next();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => w.terminate()));
  }

  private start(): void {
    const worker = new Worker(this.script);
    worker.unref();
    worker.on("message", (result: FolderResult) => {
      this.busy.get(worker)?.resolve(result);
      this.busy.delete(worker);
      this.idle.push(worker);
      this.next();
    });
    worker.on("error", (error) => this.lost(worker, error));
    this.all.push(worker);
    this.idle.push(worker);
  }

  /** A worker that failed: its job fails with the reason; a new worker takes its place. */
  private lost(worker: Worker, error: unknown): void {
    const pending = this.busy.get(worker);
    this.busy.delete(worker);
    this.all.splice(this.all.indexOf(worker), 1);
    const message = error instanceof Error ? error.message : String(error);
    pending?.resolve({ status: "failed", reason: `评分时出错：${message}`, stage: "score" });
    this.start();
    this.next();
  }

  private next(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop() as Worker;
      const pending = this.queue.shift() as Pending;
      this.busy.set(worker, pending);
      worker.ref();
      worker.postMessage(pending.job);
    }
    for (const w of this.idle) w.unref();
  }
}
