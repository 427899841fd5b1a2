/**
 * The first half of 重新计算: read the workbook through the port and score it. Pure apart from
 * the port; the pane's first view runs only this (the layouts load on the first write).
 */
import type { EvaluateOptions } from "../evaluate/evaluate";
import { outputSheets } from "../hosts/ownership";
import type { WorkbookPort } from "../hosts/port";
import type { WorkbookSnapshot } from "../hosts/snapshot";
import { type WorkbookScore, scoreSnapshot } from "./scoreWorkbook";

/** Steps of a recalculation, reported as they start (for a progress display). */
export type RecalculationPhase = "reading" | "scoring" | "writing";

export interface ScoreOptions extends EvaluateOptions {
  /** Called as each step starts. */
  onPhase?: (phase: RecalculationPhase) => void;
}

export async function readAndScore(
  port: WorkbookPort,
  options: ScoreOptions = {}
): Promise<WorkbookScore> {
  options.onPhase?.("reading");
  const snapshot = await port.read();
  options.onPhase?.("scoring");
  return scoreRead(snapshot, options);
}

/** Scores what a host read: our own sheets are output, never input (settings are read). */
export function scoreRead(
  snapshot: WorkbookSnapshot,
  options: EvaluateOptions = {}
): WorkbookScore {
  const ours = new Set(outputSheets(snapshot.ownedSheets));
  const inputs = { ...snapshot, sheets: snapshot.sheets.filter((s) => !ours.has(s.name)) };
  return { ...scoreSnapshot(inputs, options), protection: snapshot.protection };
}
