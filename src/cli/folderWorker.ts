/**
 * A worker thread of a folder run (folderScoring.ts): scores the files it is sent, one at a
 * time, and sends back what the folder run needs of each. Never throws: every way a file can go
 * wrong is a result with a reason.
 */
import { parentPort } from "node:worker_threads";
import { describeInternalError } from "./errors";
import { type FolderJob, type FolderResult, scoreFolderFile } from "./folderScoring";

parentPort?.on("message", async (job: FolderJob) => {
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
  parentPort?.postMessage(result);
});
