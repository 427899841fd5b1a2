/**
 * 重新计算: the one flow every host runs — read the workbook, score it, lay out the summary,
 * write the summary sheet. Data flows one way; the port is the only thing that touches a host.
 */
import type { OwnedWrite, WorkbookPort, WriteResult } from "../hosts/port";
import { layOut, ownedLayouts } from "./layOut";
import { type RecalculationPhase, type ScoreOptions, readAndScore } from "./readAndScore";
import { whyNothingToWrite } from "./nothingToWrite";
import type { WorkbookScore } from "./scoreWorkbook";

export type { RecalculationPhase };

export interface RecalculateOptions extends ScoreOptions {
  /** Date printed on the summary (`YYYY-MM-DD`); default today. */
  date?: string;
  /** Score only; do not write the summary sheet. */
  dryRun?: boolean;
}

export interface Recalculation extends WorkbookScore {
  write: WriteResult | null;
  /** The 核对清单 sheet, written with the summary. */
  checklistWrite?: WriteResult | null;
  /** The 项目自评汇总 sheet, written when the workbook holds project forms. */
  projectsWrite?: WriteResult | null;
}

export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

async function writeOneByOne(port: WorkbookPort, owned: OwnedWrite[]): Promise<WriteResult[]> {
  const results: WriteResult[] = [];
  for (const { layout, role } of owned) results.push(await port.writeOwnedSheet(layout, role));
  return results;
}

export async function recalculate(
  port: WorkbookPort,
  options: RecalculateOptions = {}
): Promise<Recalculation> {
  const score = await readAndScore(port, options);
  if (options.dryRun || whyNothingToWrite(score)) return { ...score, write: null };
  const layouts = layOut(score, options.date ?? today());
  options.onPhase?.("writing");
  const owned = ownedLayouts(layouts).map(([role, layout]) => ({ role, layout }));
  const results = port.writeOwnedSheets
    ? await port.writeOwnedSheets(owned)
    : await writeOneByOne(port, owned);
  const writes: Partial<Record<string, WriteResult>> = {};
  owned.forEach(({ role }, i) => (writes[role] = results[i]));
  return {
    ...score,
    write: writes.summary ?? null,
    checklistWrite: writes.checklist ?? null,
    projectsWrite: writes.projects ?? null,
  };
}
