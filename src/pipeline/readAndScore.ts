/**
 * The first half of 重新计算: read the workbook through the port and score it. Pure apart from
 * the port; the pane's first view runs only this (the layouts load on the first write). The
 * deferred engine (the parser and the engine, 评分标准 sheets, project forms) is fetched as its
 * own chunk while the workbook is read (once; then cached).
 */
import type { EvaluateOptions } from "../evaluate/department";
import type { DeferredEngine } from "./deferredEngine";
import { outputSheets } from "../hosts/ownership";
import type { WorkbookPort } from "../hosts/port";
import type { WorkbookSnapshot } from "../hosts/snapshot";
import type { WorkbookScore } from "./scoreCore";

const loadDeferredEngine = async (): Promise<DeferredEngine> =>
  (await import(/* webpackChunkName: "deferred-engine" */ "./deferredEngine")).deferredEngine;

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
  const [snapshot, engine] = await Promise.all([port.read(), loadDeferredEngine()]);
  options.onPhase?.("scoring");
  return scoreRead(snapshot, options, engine);
}

/** Scores what a host read: our own sheets are output, never input (settings are read). */
export function scoreRead(
  snapshot: WorkbookSnapshot,
  options: EvaluateOptions,
  engine: DeferredEngine
): WorkbookScore {
  const ours = new Set(outputSheets(snapshot.ownedSheets));
  const inputs = { ...snapshot, sheets: snapshot.sheets.filter((s) => !ours.has(s.name)) };
  const summary = snapshot.ownedSheets?.summary;
  const summarySheet =
    summary && snapshot.sheets.some((s) => s.name === summary) ? summary : undefined;
  return {
    ...engine.score(inputs, options, engine),
    protection: snapshot.protection,
    ...(summarySheet ? { summarySheet } : {}),
  };
}
