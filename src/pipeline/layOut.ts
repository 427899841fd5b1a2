/**
 * Laying out a scored workbook: the 绩效自评汇总 (what the department signs), the 核对清单 (what
 * the finance office checks) and, when the workbook holds project forms, the 项目自评汇总. Pure,
 * so every host (Excel, WPS, the command line, the 网页版) writes the same layouts.
 */
import type { SheetLayout } from "../layout/sheetLayout";
import { checklistLayout } from "../layout/checklist";
import { projectSummaryLayout, rolledProjects } from "../layout/projectSummary";
import { summaryLayout } from "../layout/summary";
import { withStandardDecimals } from "../layout/standardDecimals";
import { withNumbersFitting } from "../layout/numberWidths";
import type { SheetRole } from "../hosts/ownership";
import type { WorkbookScore } from "./scoreWorkbook";

export interface Layouts {
  /** null when only project forms were scored (no department table): no summary of zeros. */
  summary: SheetLayout | null;
  /** 核对清单: sources, parameters, 待核对, entered ≠ computed, data notes, projects. */
  checklist: SheetLayout | null;
  /** 项目自评汇总, when the workbook holds project forms. */
  projects: SheetLayout | null;
}

/** The sheets a scored workbook gets: pure, so every host writes the same layouts. */
export function layOut(score: WorkbookScore, date: string): Layouts {
  const e = score.evaluation;
  const decimals = e.standard.definition.settings;
  // The standard's decimals, then columns wide enough for the numbers as those decimals show them.
  const finish = (layout: SheetLayout, d = decimals) =>
    withNumbersFitting(withStandardDecimals(layout, d));
  const department = e.projectsOnly ? null : departmentLayouts(score, date);
  return {
    summary: department && finish(department.summary),
    checklist: department && finish(department.checklist),
    projects: e.projects
      ? finish(projectSummaryLayout(e, date), e.projects.standard.definition.settings)
      : null,
  };
}

/** The department's 绩效自评汇总 and 核对清单, as laid out before the decimals are applied. */
function departmentLayouts(score: WorkbookScore, date: string) {
  const e = score.evaluation;
  const input = score.parse.input;
  // With forms, the projects the roll-up counts (a form's cell where it was scored from one).
  const projects = e.projects
    ? rolledProjects(e.projects).map(({ project, form }) => ({
        ...project,
        cells: { name: form?.cell ?? project.cells?.name },
      }))
    : input.projects; // as they are (no copy of 200,000 rows): the line reads `cells.name`
  const summary = summaryLayout(e, {
    signatories: { leader: input.narrative?.leader, preparer: input.narrative?.preparer },
  });
  const checklist = checklistLayout(
    e,
    {
      date,
      sources: score.parse.found.filter((f) => f.kind !== "info" && f.kind !== "projectForm"),
    },
    projects
  );
  return { summary, checklist };
}

/** The layouts in the order they are written, each with the role that owns its sheet. */
export function ownedLayouts(layouts: Layouts): [SheetRole, SheetLayout][] {
  const list: [SheetRole, SheetLayout][] = [];
  if (layouts.summary) list.push(["summary", layouts.summary]);
  if (layouts.checklist) list.push(["checklist", layouts.checklist]);
  if (layouts.projects) list.push(["projects", layouts.projects]);
  return list;
}
