/**
 * Scoring the files of a folder run, several at a time. Each file is scored by the same
 * `scoreWorkbookFile` as a single run; what a folder run needs of it (the outcome line, the
 * ranking entry, the JSON) travels back as plain data, so the work can run in worker threads
 * (folderWorker.ts) — from three cores, one per core but one, up to four — while results are
 * used in the folder's order. Without workers (two cores, TypeScript run through tsx,
 * JIXIAO_WORKERS=0, a --standard), files are scored in this thread, through the very same
 * function. Every thread has files in hand — a worker two (FILES_IN_HAND), this thread two or
 * four (filesInHand) — so that while one is flushed to disk, the next is scored.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { getHeapStatistics } from "node:v8";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { type EvaluationJson, evaluationToJson } from "../evaluate/json";
import { rankingEntry, type RankingEntry } from "../layout/ranking";
import { dec, score } from "../model/decimal";
import type { WorkbookStandard } from "../model/input";
import { projectsOnlyCause } from "../pipeline/writtenSheets";
import { errorMessage } from "./errors";
import { scoreWorkbookFile } from "./scoreFile";
import { readLimits } from "./openWorkbook";
import { MAX_CELLS } from "../hosts/file/packageReader";

/** One file's job. */
export interface FolderJob {
  file: string;
  name: string;
  output: string;
  date: string;
  /** The run prints JSON (--json): each result carries its evaluation as JSON. */
  json?: boolean;
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
      /** Null for a workbook of project forms alone (no department to rank). */
      entry: WireEntry | null;
      /** With --json only. */
      json?: EvaluationJson;
    };

/** Scores one file of a folder (in this thread or a worker's). */
export async function scoreFolderFile(
  job: FolderJob,
  standard?: WorkbookStandard,
  inHand = FILES_IN_HAND
): Promise<FolderResult> {
  // The folder run tidies and flushes its output folder once, not once per file.
  const outcome = await scoreWorkbookFile(job.file, job.output, {
    date: job.date,
    standard,
    write: { tidy: false, syncFolder: false },
    // The files in hand share the thread's heap: each may take its part of it.
    memoryShare: 1 / inHand,
  });
  if (outcome.status === "failed")
    return { status: "failed", reason: outcome.reason, stage: outcome.stage };
  const e = outcome.result.evaluation;
  return {
    status: "scored",
    sheet: outcome.result.write?.sheet ?? outcome.result.projectsWrite?.sheet,
    warnings: outcome.warnings,
    summary: e.projectsOnly
      ? `只评分了项目支出绩效自评表 ${e.projects?.results.length ?? 0} 张（${projectsOnlyCause(e)}）`
      : `${score(e.total)} 分，${e.grade}`,
    entry: e.projectsOnly ? null : wireEntry(rankingEntry(e, job.name)),
    ...(job.json ? { json: evaluationToJson(e) } : {}),
  };
}

/** A ranking entry with its decimals as text. */
function wireEntry(entry: RankingEntry): WireEntry {
  return {
    ...entry,
    total: entry.total.toString(),
    executionRate: entry.executionRate?.toString() ?? null,
    groups: entry.groups.map((g) => ({ level1: g.level1, counted: g.counted.toString() })),
  };
}

/** The ranking entry of a scored file, decimals restored. */
export function rankingOf(w: WireEntry): RankingEntry {
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

/**
 * How many worker threads to use for `files` files (0: score in this thread). By default one per
 * core but one (the main thread reads, writes and reports; V8 collects garbage beside them), up
 * to four: on two cores, two threads scored 200 files no faster than this thread alone with two
 * files in hand, for half as much CPU again, and a writer thread beside this one (scoring here,
 * writing there) was slower still (docs/benchmarks.md). JIXIAO_WORKERS=N asks for N (at most
 * two a core).
 */
export function workerCount(files: number, standard?: WorkbookStandard): number {
  const asked = process.env.JIXIAO_WORKERS;
  const chosen = asked !== undefined && /^\d+$/.test(asked);
  if (standard || files < 8 || !workerScript()) return 0;
  // Asked for, up to two a core (each thread has a heap of its own).
  const limit = chosen
    ? Math.min(Number(asked), 2 * availableParallelism())
    : Math.min(4, availableParallelism() - 1);
  const threads = Math.max(0, Math.min(limit, Math.ceil(files / 4)));
  return !chosen && threads < 2 ? 0 : threads;
}

/**
 * Files a worker thread has in hand at once: while one file's copy is flushed to disk (an fsync,
 * milliseconds in which the thread would wait), the next file is already being scored.
 */
export const FILES_IN_HAND = 2;

/**
 * Files this thread has in hand when it scores a folder itself: four where a quarter of the heap
 * still holds the largest workbook a file may be (the file's share is what its reading is limited
 * to, so no file is refused for it), else two. Four kept the thread busy while copies were
 * flushed: 200 files in 2.25 s against 2.41 s with two (best of six; docs/benchmarks.md).
 */
export function filesInHand(heapLimit = getHeapStatistics().heap_size_limit): number {
  return readLimits(1 / 4, heapLimit).maxCells === MAX_CELLS ? 4 : FILES_IN_HAND;
}

/**
 * Starts every job at once, `workers` at a time (0: in this thread), each thread with its files
 * in hand, and returns their results as promises in the jobs' order.
 */
export function scoreAll(
  jobs: FolderJob[],
  workers: number,
  standard?: WorkbookStandard
): { results: Promise<FolderResult>[]; close: () => Promise<void> } {
  if (workers === 0) {
    // Chains taking turns: the files ahead are written while the next one is scored.
    const inHand = filesInHand();
    const chains: Promise<unknown>[] = Array.from({ length: inHand }, () => Promise.resolve());
    const results = jobs.map((job, i) => {
      const k = i % inHand;
      const run = (chains[k] as Promise<unknown>).then(() =>
        scoreFolderFile(job, standard, inHand)
      );
      chains[k] = run.catch(() => undefined);
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
  /** Given to a fresh worker once already, after the worker that had it died. */
  retried?: boolean;
}

/** What a worker is sent, and what it answers: the job's number travels with it. */
export interface WorkerJob {
  id: number;
  job: FolderJob;
}
export interface WorkerAnswer {
  id: number;
  result: FolderResult;
}

/**
 * Worker threads taking jobs from one queue. A worker that dies (an error, or an exit with jobs
 * in hand) is replaced; its jobs go to another worker once — the file that killed it may not be
 * the one beside it — and fail with the reason the second time.
 */
export class Pool {
  private readonly queue: Pending[] = [];
  private readonly all: Worker[] = [];
  /** Each worker's jobs in hand, by number. */
  private readonly inHand = new Map<Worker, Map<number, Pending>>();
  private nextId = 0;
  private closing = false;

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
    this.closing = true;
    await Promise.all(this.all.map((w) => w.terminate()));
  }

  private start(): void {
    const worker = new Worker(this.script);
    worker.unref();
    worker.on("message", ({ id, result }: WorkerAnswer) => {
      const jobs = this.inHand.get(worker);
      jobs?.get(id)?.resolve(result);
      jobs?.delete(id);
      this.next();
    });
    worker.on("error", (error) => this.lost(worker, error));
    worker.on("exit", (code) => this.lost(worker, new Error(`工作线程意外退出（${code}）`)));
    this.all.push(worker);
    this.inHand.set(worker, new Map());
  }

  /** A worker that died: replaced; its jobs handed on once, then failed with the reason. */
  private lost(worker: Worker, error: unknown): void {
    const jobs = this.inHand.get(worker);
    if (!jobs || this.closing) return; // already handled (an error is followed by an exit)
    this.inHand.delete(worker);
    this.all.splice(this.all.indexOf(worker), 1);
    const message = errorMessage(error);
    for (const pending of [...jobs.values()].reverse()) {
      if (pending.retried)
        pending.resolve({ status: "failed", reason: `评分时出错：${message}`, stage: "score" });
      else this.queue.unshift({ ...pending, retried: true });
    }
    // A new worker for work left (one that died idle leaves none to do).
    if (jobs.size > 0 || this.queue.length > 0) this.start();
    this.next();
  }

  /**
   * Hands queued jobs to the workers with the fewest in hand; a job handed on after a death goes
   * to a worker alone (so that it dies alone, if it is the culprit); idle workers let the run end.
   */
  private next(): void {
    for (let round = 0; round < FILES_IN_HAND; round++)
      for (const worker of this.all) {
        const jobs = this.inHand.get(worker) as Map<number, Pending>;
        const head = this.queue[0];
        if (!head || jobs.size > round) continue;
        if (jobs.size > 0 && (head.retried || [...jobs.values()].some((p) => p.retried))) continue;
        const pending = this.queue.shift() as Pending;
        const id = this.nextId++;
        jobs.set(id, pending);
        worker.postMessage({ id, job: pending.job } satisfies WorkerJob);
      }
    for (const worker of this.all)
      if ((this.inHand.get(worker) as Map<number, Pending>).size > 0) worker.ref();
      else worker.unref();
  }
}
