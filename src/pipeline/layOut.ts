/**
 * Laying out a scored workbook: the 绩效自评汇总 sheet and, when the workbook holds project forms,
 * the 项目自评汇总 sheet. Pure, so every host (Excel, the command line, the playground) writes
 * the same layouts.
 */
import type { SheetLayout } from "../layout/sheetLayout";
import { projectSummaryLayout } from "../layout/projectSummary";
import { SUMMARY_SHEET, summaryLayout } from "../layout/summary";
import type { WorkbookScore } from "./scoreWorkbook";

export interface Layouts {
  summary: SheetLayout;
  /** 项目自评汇总, when the workbook holds project forms. */
  projects: SheetLayout | null;
}

/** The sheets a scored workbook gets: pure, so every host writes the same layouts. */
export function layOut(score: WorkbookScore, date: string): Layouts {
  const e = score.evaluation;
  const projects = e.projects
    ? e.projects.results.map((r) => ({
        name: r.name,
        budget: r.budget,
        spending: r.spending,
        selfScore: r.total,
        evaluated: true,
        cell: r.cell,
      }))
    : score.parse.input.projects.map((p) => ({ ...p, cell: p.cells?.name }));
  const summary = summaryLayout(
    e,
    {
      date,
      sources: score.parse.found.filter((f) => f.kind !== "info" && f.kind !== "projectForm"),
      sheetName: SUMMARY_SHEET,
    },
    projects
  );
  return { summary, projects: e.projects ? projectSummaryLayout(e, date) : null };
}
