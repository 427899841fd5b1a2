/**
 * A worker thread of a folder run (folderScoring.ts): scores the files it is sent, one at a
 * time or two overlapping (one scored while the other is written), and sends back what the
 * folder run needs of each. Never throws: every way a file can go
 * wrong is a result with a reason.
 */
import { parentPort } from "node:worker_threads";
import { describeInternalError } from "./errors";
import {
  type FolderResult,
  type WorkerAnswer,
  type WorkerJob,
  scoreFolderFile,
} from "./folderScoring";

// Jobs may overlap (FILES_IN_HAND): each answer carries its job's number.
parentPort?.on("message", async ({ id, job }: WorkerJob) => {
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
});
