/**
 * The whole pure pipeline for one workbook (snapshot → parse → evaluate) as the command line and
 * the tests use it: scoreCore.ts with the deferred engine imported.
 */
import type { EvaluateOptions } from "../evaluate/department";
import { deferredEngine } from "./deferredEngine";
import type { WorkbookSnapshot } from "../hosts/snapshot";
import { type WorkbookScore, scoreSnapshotWith } from "./scoreCore";

export * from "./scoreCore";

export function scoreSnapshot(
  snapshot: WorkbookSnapshot,
  options: EvaluateOptions = {}
): WorkbookScore {
  return scoreSnapshotWith(snapshot, options, deferredEngine);
}
