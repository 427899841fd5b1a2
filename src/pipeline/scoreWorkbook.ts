/**
 * The whole pure pipeline for one workbook (snapshot → parse → evaluate) as the command line and
 * the tests use it: scoreCore.ts with the project engine imported.
 */
import type { EvaluateOptions } from "../evaluate/department";
import { projectEngine } from "../evaluate/projectEngine";
import type { WorkbookSnapshot } from "../hosts/snapshot";
import { type WorkbookScore, scoreSnapshotWith } from "./scoreCore";

export * from "./scoreCore";

export function scoreSnapshot(
  snapshot: WorkbookSnapshot,
  options: EvaluateOptions = {}
): WorkbookScore {
  return scoreSnapshotWith(snapshot, options, projectEngine);
}
