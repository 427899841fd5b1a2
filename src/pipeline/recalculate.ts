/**
 * 重新计算: the one flow every host runs — read the workbook, score it, lay out the summary,
 * write the summary sheet. Data flows one way; the port is the only thing that touches a host.
 */
import type { EvaluateOptions } from "../evaluate/evaluate";
import type { WorkbookPort, WriteResult } from "../hosts/port";
import { SUMMARY_SHEET, summaryLayout } from "../layout/summary";
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
    sheets: snapshot.sheets.filter((s) => s.name !== snapshot.ownedSheets?.summary),
  };
  const score = scoreSnapshot(inputs, options);
  if (options.dryRun) return { ...score, write: null };
  const layout = summaryLayout(
    score.evaluation,
    {
      date: options.date ?? today(),
      sources: score.parse.found.filter((f) => f.kind !== "info"),
      sheetName: SUMMARY_SHEET,
    },
    score.parse.input.projects.map((p) => ({ ...p, cell: p.cells?.name }))
  );
  options.onPhase?.("writing");
  const write = await port.writeOwnedSheet(layout);
  return { ...score, write };
}
