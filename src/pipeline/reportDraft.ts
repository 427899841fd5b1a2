/**
 * The report draft of a scored workbook, for the hosts that cannot hand out a Word file: the
 * 自评报告草稿 sheet written through the port (role `report`, replaced on each 生成), and the
 * draft as text for the clipboard. Loaded by the pane only when asked for (its own chunk).
 */
import type { WorkbookPort, WriteResult } from "../hosts/port";
import { reportSheetLayout } from "../layout/reportSheet";
import { type ReportDraft, reportDraft } from "../submission/reportDraft";
import { reportText } from "../submission/reportText";
import type { WorkbookScore } from "./scoreWorkbook";

export function draftOf(score: WorkbookScore): ReportDraft {
  return reportDraft({ evaluation: score.evaluation, input: score.parse.input });
}

/** Writes (or replaces) the 自评报告草稿 sheet. */
export function writeReportSheet(port: WorkbookPort, score: WorkbookScore): Promise<WriteResult> {
  return port.writeOwnedSheet(reportSheetLayout(draftOf(score)), "report");
}

/** The whole draft as text (headings, paragraphs, tab-separated tables, notes). */
export function reportTextOf(score: WorkbookScore): string {
  return reportText(draftOf(score));
}
