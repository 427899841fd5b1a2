/**
 * Whether a read workbook gives anything to score or write: no input table, a template not
 * filled in, project forms alone. Plain decisions on the parse, apart from the engine, so the
 * task pane has them before the deferred engine (which scores) has arrived.
 */
import type { ProjectsOnly } from "../evaluate/result";
import type { WorkbookScore } from "./scoreCore";

/** Whether neither input table (预算支出明细表, 绩效指标表) was found: nothing to score. */
export function hasNoInputs(score: Pick<WorkbookScore, "parse">): boolean {
  return !score.parse.found.some((f) => f.kind === "budget" || f.kind === "indicators");
}

/**
 * Whether the department's input tables are there but hold no figure yet (a template just
 * inserted): no budget amount and no entered score.
 */
function departmentBlank(score: Pick<WorkbookScore, "parse">): boolean {
  const { input, found } = score.parse;
  const blank = (row: { initial: unknown; adjusted: unknown; final: unknown }) =>
    row.initial === null && row.adjusted === null && row.final === null;
  return (
    found.some((f) => f.kind === "budget") &&
    (input.budget?.rows ?? []).every(blank) &&
    input.indicators.every((i) => i.entered === null)
  );
}

/**
 * A template just inserted and not filled in: blank department tables and no project form.
 * Guidance to fill in, not a grade.
 */
function isBlankTemplate(score: Pick<WorkbookScore, "parse">): boolean {
  return departmentBlank(score) && !hasProjectForms(score);
}

/** Why a 重新计算 writes nothing: no table to score, or input tables with no figure yet. */
export type NothingToWrite = "noInputs" | "blankTemplate";

/**
 * The one decision every host follows: whether a 重新计算 writes (null) or not, and why — a
 * summary of zeros would look like a result. Project forms alone are scored and written.
 */
export function whyNothingToWrite(
  score: Pick<WorkbookScore, "parse" | "evaluation">
): NothingToWrite | null {
  if (hasNoInputs(score) && !hasProjectForms(score)) return "noInputs";
  if (isBlankTemplate(score)) return "blankTemplate";
  return null;
}

/**
 * Whether the workbook holds project forms and no department table, or department tables with
 * no figure yet (a template with forms pasted in), and which: only the forms are scored (the
 * evaluation says `projectsOnly`) and only 项目自评汇总 is written — no 绩效自评汇总 or 核对清单 of
 * zeros, no department total.
 */
export function projectsOnly(score: Pick<WorkbookScore, "parse">): ProjectsOnly | undefined {
  if (!hasProjectForms(score)) return undefined;
  if (hasNoInputs(score)) return "noDepartmentTables";
  return departmentBlank(score) ? "departmentBlank" : undefined;
}

function hasProjectForms(score: Pick<WorkbookScore, "parse">): boolean {
  return score.parse.found.some((f) => f.kind === "projectForm");
}
