/**
 * 重新计算: the one flow every host runs — read the workbook, score it, lay out the summary,
 * write the summary sheet. Data flows one way; the port is the only thing that touches a host.
 */
import type { EvaluateOptions } from "../evaluate/evaluate";
import type { WorkbookPort, WriteResult } from "../hosts/port";
import { type WorkbookScore, scoreSnapshot } from "./scoreWorkbook";

/** Steps of a recalculation, reported as they start (for a progress display). */
export type RecalculationPhase = "reading" | "scoring" | "writing";

export interface RecalculateOptions extends EvaluateOptions {
  /** Called as each step starts. */
  onPhase?: (phase: RecalculationPhase) => void;
  /** Date printed on the summary (`YYYY-MM-DD`); default today. */
  date?: string;
  /** Score only; do not write the summary sheet. */
  dryRun?: boolean;
}

export interface Recalculation extends WorkbookScore {
  write: WriteResult | null;
  /** The 项目自评汇总 sheet, written when the workbook holds project forms. */
  projectsWrite?: WriteResult | null;
}

export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export async function recalculate(
  port: WorkbookPort,
  options: RecalculateOptions = {}
): Promise<Recalculation> {
  options.onPhase?.("reading");
  const snapshot = await port.read();
  options.onPhase?.("scoring");
  // Our own summary is output, never input.
  const inputs = {
    ...snapshot,
    sheets: snapshot.sheets.filter(
      (s) => s.name !== snapshot.ownedSheets?.summary && s.name !== snapshot.ownedSheets?.projects
    ),
  };
  const score = scoreSnapshot(inputs, options);
  if (options.dryRun) return { ...score, write: null };
  // The layouts load on first write: the pane's first view only reads and scores.
  const { layOut } = await import(/* webpackChunkName: "sheet-layouts" */ "./layOut");
  const layouts = layOut(score, options.date ?? today());
  options.onPhase?.("writing");
  const write = await port.writeOwnedSheet(layouts.summary);
  const projectsWrite = layouts.projects
    ? await port.writeOwnedSheet(layouts.projects, "projects")
    : null;
  return { ...score, write, projectsWrite };
}
