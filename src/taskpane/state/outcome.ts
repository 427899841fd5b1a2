/**
 * What the pane says about a result: its notes (what was left alone and why) and the one
 * sentence screen readers announce. Pure: the result and the strings in, text out.
 */
import type { Recalculation } from "../../pipeline/recalculate";
import { score } from "../../model/decimal";
import { whyNothingToWrite } from "../../pipeline/nothingToWrite";
import { inputSheets, writtenSheets } from "../../pipeline/writtenSheets";
import type { PaneAction } from "./paneState";
import type { Strings } from "./strings";

/** The result for the pane: its notes after the action's own, and the sentence to announce. */
export function resultAction(
  result: Recalculation,
  t: Strings,
  write: boolean,
  leadingNotes: string[]
): PaneAction {
  return {
    type: "result",
    result,
    notes: notesFor(result, t, leadingNotes),
    leading: leadingNotes.length,
    announcement: announce(result, t, write),
  };
}

/** The action's own notes first, then the result's: forms alone, protection, sheets kept. */
export function notesFor(result: Recalculation, t: Strings, leadingNotes: string[]): string[] {
  const notes: string[] = [...leadingNotes];
  if (result.evaluation.projectsOnly)
    notes.push(
      result.evaluation.departmentBlank ? t.onlyProjectFormsBlankDepartment : t.onlyProjectForms
    );
  if (result.protection?.structure) notes.push(t.structureProtected);
  if (result.protection?.readOnly) notes.push(t.readOnlyWorkbook);
  if (result.write?.besideForeign) notes.push(t.besideForeign(result.write.besideForeign));
  if (result.write?.keptRenamed) notes.push(t.keptRenamed(result.write.keptRenamed));
  for (const note of result.write?.skipped ?? []) notes.push(note);
  return notes;
}

/** The outcome in one sentence: total, grade, whether written, cells to fix. */
export function announce(result: Recalculation, t: Strings, write: boolean): string {
  const nothing = whyNothingToWrite(result);
  if (nothing === "noInputs") return write ? t.noInputsNotWritten : t.noInputsTitle;
  if (nothing === "blankTemplate")
    return write ? t.blankNotWritten(inputSheets(result)) : t.blankTitle;
  const { total, grade, projects, projectsOnly } = result.evaluation;
  const problems = result.parse.problems;
  const cells = problems.filter((p) => p.cell).length;
  const missing = problems.length - cells;
  // Project forms alone: no department total to announce, and its missing tables are a note.
  if (projectsOnly)
    return (
      t.announceProjects(projects?.results.length ?? 0, writtenSheets(result).length > 0) +
      (cells > 0 ? t.announceProblems(cells) : "")
    );
  return (
    t.announceScored(score(total), grade, result.write !== null, result.summarySheet) +
    (cells > 0 ? t.announceProblems(cells) : "") +
    (missing > 0 ? t.announceMissing(missing) : "")
  );
}
