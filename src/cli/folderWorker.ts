/**
 * A worker thread of a folder run (folderScoring.ts). As a scoring thread it scores the files it
 * is sent, one at a time or two overlapping (one scored while the other is written), and sends
 * back what the folder run needs of each; as the writer thread it writes the workbooks the main
 * thread scored (`write`). Never throws: every way a file can go wrong is an answer with a reason.
 */
import { parentPort } from "node:worker_threads";
import { describeInternalError } from "./errors";
import {
  type FolderResult,
  type WorkerAnswer,
  type WorkerJob,
  type WriterAnswer,
  type WriterJob,
  scoreFolderFile,
} from "./folderScoring";
import { type FileWrite, writeScoredFile } from "./writeScored";
import { fromWire } from "./writeWire";

// Jobs may overlap (FILES_IN_HAND): each answer carries its job's number.
parentPort?.on("message", (message: WorkerJob | WriterJob) => {
  if ("write" in message) void write(message);
  else void score(message);
});

async function score({ id, job }: WorkerJob): Promise<void> {
  let result: FolderResult;
  try {
    result = await scoreFolderFile(job);
  } catch (error) {
    result = {
      status: "failed",
      reason: `评分时出错：${describeInternalError(error)}`,
      stage: "score",
    };
  }
  parentPort?.postMessage({ id, result } satisfies WorkerAnswer);
}

async function write({ id, write: { request, output, options } }: WriterJob): Promise<void> {
  let written: FileWrite;
  try {
    written = await writeScoredFile(fromWire(request), output, options);
  } catch (error) {
    const reason = `生成工作簿时出错：${describeInternalError(error)}`;
    written = { ok: false, reason, stage: "write" };
  }
  parentPort?.postMessage({ id, written } satisfies WriterAnswer);
}
