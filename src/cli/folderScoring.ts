/**
 * Scoring the files of a folder run, several at a time. Each file is scored by the same
 * `scoreWorkbookFile` as a single run; what a folder run needs of it (the outcome line, the
 * ranking entry, the JSON) travels back as plain data, so the work can run in worker threads
 * (folderWorker.ts) — from three cores, one per core but one, up to four — while results are
 * used in the folder's order. On two cores, files are scored in this thread and written by one
 * writer thread (the sheets into the package, compressed, flushed to disk) while the next file
 * is scored. Without workers (one core, TypeScript run through tsx, JIXIAO_WORKERS=0), files are
 * scored and written in this thread, through the very same functions. Every thread has two
 * files in hand (FILES_IN_HAND).
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { type EvaluationJson, evaluationToJson } from "../evaluate/json";
import { rankingEntry, type RankingEntry } from "../layout/ranking";
import { dec, score } from "../model/decimal";
import type { WorkbookStandard } from "../model/input";
import { errorMessage } from "./errors";
import { scoreWorkbookFile } from "./scoreFile";
import type { AtomicWriteOptions } from "./atomicWrite";
import type { FileWrite, WriteRequest } from "./writeScored";
import { type WireRequest, toWire } from "./writeWire";

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
  writer?: WriterThread
): Promise<FolderResult> {
  // The folder run tidies and flushes its output folder once, not once per file.
  const outcome = await scoreWorkbookFile(job.file, job.output, {
    date: job.date,
    standard,
    write: { tidy: false, syncFolder: false },
    // Two files in hand share the thread's heap: each may take half of it.
    memoryShare: 1 / FILES_IN_HAND,
    ...(writer ? { writer: (...args) => writer.write(...args) } : {}),
  });
  if (outcome.status === "failed")
    return { status: "failed", reason: outcome.reason, stage: outcome.stage };
  const e = outcome.result.evaluation;
  return {
    status: "scored",
    sheet: outcome.result.write?.sheet ?? outcome.result.projectsWrite?.sheet,
    warnings: outcome.warnings,
    summary: e.projectsOnly
      ? `只评分了项目支出绩效自评表 ${e.projects?.results.length ?? 0} 张（未找到部门的预算支出明细表和绩效指标表）`
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
 * How a folder run uses threads: `scoring` worker threads that each score whole files (0: score
 * in this thread), and whether a writer thread writes the workbooks this thread scores.
 */
export interface ThreadPlan {
  scoring: number;
  writer: boolean;
}

/**
 * The threads for `files` files. By default, from three cores, one scoring thread per core but
 * one (the main thread reads, writes and reports; V8 collects garbage beside them), up to four;
 * on two cores, or with a --standard (which stays in this thread), a writer thread: two whole
 * scoring threads each warm up the whole engine and were no faster there than one thread alone
 * (docs/benchmarks.md). JIXIAO_WORKERS=N asks for N scoring threads (at most two a core; with a
 * --standard, the writer thread), 0 for none at all.
 */
export function threadPlan(files: number, standard?: WorkbookStandard): ThreadPlan {
  const none = { scoring: 0, writer: false };
  if (files < 8 || !workerScript()) return none;
  const asked = process.env.JIXIAO_WORKERS;
  const cores = availableParallelism();
  if (asked !== undefined && /^\d+$/.test(asked)) {
    const threads = Math.min(Number(asked), 2 * cores);
    if (threads === 0) return none;
    return standard ? { scoring: 0, writer: true } : { scoring: threads, writer: false };
  }
  const threads = Math.min(4, cores - 1, Math.ceil(files / 4));
  if (!standard && threads >= 2) return { scoring: threads, writer: false };
  return { scoring: 0, writer: cores >= 2 };
}

/**
 * Files each thread has in hand at once: while one file's copy is flushed to disk (an fsync,
 * milliseconds in which the thread would wait), the next file is already being scored.
 */
export const FILES_IN_HAND = 2;

/**
 * Starts every job at once, `workers` at a time (0: in this thread), each thread with up to
 * FILES_IN_HAND files in hand, and returns their results as promises in the jobs' order.
 */
export function scoreAll(
  jobs: FolderJob[],
  plan: ThreadPlan,
  standard?: WorkbookStandard
): { results: Promise<FolderResult>[]; close: () => Promise<void> } {
  if (plan.scoring > 0) {
    const pool = new Pool(workerScript() as string, plan.scoring);
    return { results: jobs.map((job) => pool.run(job)), close: () => pool.close() };
  }
  const writer = plan.writer ? new WriterThread(workerScript() as string) : undefined;
  // Two chains taking turns: the file ahead is written while the next one is scored.
  const chains: Promise<unknown>[] = Array.from({ length: FILES_IN_HAND }, () => Promise.resolve());
  const results = jobs.map((job, i) => {
    const k = i % FILES_IN_HAND;
    const run = (chains[k] as Promise<unknown>).then(() => scoreFolderFile(job, standard, writer));
    chains[k] = run.catch(() => undefined);
    return run;
  });
  return { results, close: async () => writer?.close() };
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

/** What the writer thread is sent (a workbook scored here, to write), and what it answers. */
export interface WriterJob {
  id: number;
  write: { request: WireRequest; output: string; options: AtomicWriteOptions };
}
export interface WriterAnswer {
  id: number;
  written: FileWrite;
}

/**
 * The writer thread: writes the workbooks this thread scored, in the order sent. When it dies,
 * every write it had in hand, and every later one, answers null: the caller writes the workbook
 * itself (a write done twice writes the same bytes; each is atomic).
 */
export class WriterThread {
  private worker: Worker | null;
  private readonly inHand = new Map<number, (written: FileWrite | null) => void>();
  private nextId = 0;

  constructor(script: string) {
    const worker = new Worker(script);
    worker.unref();
    worker.on("message", ({ id, written }: WriterAnswer) => {
      this.inHand.get(id)?.(written);
      this.inHand.delete(id);
      if (this.inHand.size === 0) worker.unref();
    });
    worker.on("error", () => this.lost());
    worker.on("exit", () => this.lost());
    this.worker = worker;
  }

  write(request: WriteRequest, output: string, options: AtomicWriteOptions) {
    const worker = this.worker;
    if (!worker) return Promise.resolve(null);
    return new Promise<FileWrite | null>((resolve) => {
      const id = this.nextId++;
      this.inHand.set(id, resolve);
      worker.ref();
      try {
        const write = { request: toWire(request), output, options };
        worker.postMessage({ id, write } satisfies WriterJob);
      } catch {
        // Something in the request that cannot be copied: written here instead.
        this.inHand.delete(id);
        resolve(null);
      }
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private lost(): void {
    this.worker = null;
    for (const answer of this.inHand.values()) answer(null);
    this.inHand.clear();
  }
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
