/**
 * The sheets a 重新计算 wrote, in the order it wrote them (绩效自评汇总, 核对清单, 项目自评汇总): the
 * one list every host's 已写入… sentence names; and what a host without the pane says when it
 * wrote nothing. Type-only import of the recalculation, so the pane's first download does not
 * take the recalculation chunk with it.
 */
import type { Evaluation } from "../evaluate/result";
import type { Recalculation } from "./recalculate";
import { whyNothingToWrite } from "./nothingToWrite";
import type { WorkbookScore } from "./scoreCore";

export function writtenSheets(
  r: Pick<Recalculation, "write" | "checklistWrite" | "projectsWrite">
): string[] {
  return [r.write, r.checklistWrite, r.projectsWrite].flatMap((w) => (w ? [w.sheet] : []));
}

/** What a ribbon's 重新计算 says when the workbook has no input table (nothing is written). */
export const NOTHING_WRITTEN =
  "未找到预算支出明细表和绩效指标表，未写入汇总表：请打开助手，点“插入模板”添加输入表。";

/** The sheets a blank template's figures go in: `“预算支出”、“绩效指标”`. */
export function inputSheets(score: Pick<WorkbookScore, "parse">): string {
  const tables = score.parse.found.filter((f) => f.kind === "budget" || f.kind === "indicators");
  return [...new Set(tables.map((f) => `“${f.sheet}”`))].join("、");
}

/**
 * Why a blank template is not scored (or its report not drafted): what to fill in, and where —
 * `…后再评分`, or `…后再生成报告` with `then`.
 */
export function blankTemplateReason(score: Pick<WorkbookScore, "parse">, then = "评分"): string {
  return `输入表尚未填写数据：${fillIn(score)}${then}`;
}

/** What to fill in, and where, up to what to do then: `请在“预算支出”、…表中填写…后再`. */
function fillIn(score: Pick<WorkbookScore, "parse">): string {
  return `请在${inputSheets(score)}表中填写预算数和自评得分后再`;
}

/** Why only a workbook's project forms were scored, as a clause: no department table, or blank. */
export function projectsOnlyCause(e: Pick<Evaluation, "departmentBlank">): string {
  return e.departmentBlank
    ? "部门的预算支出明细表和绩效指标表尚未填写数据"
    : "未找到部门的预算支出明细表和绩效指标表";
}

/** The note a workbook of project forms alone gets, in every host (only the forms are scored). */
export const ONLY_PROJECT_FORMS = `${projectsOnlyCause({})}，只评分了项目支出绩效自评表。`;

/** The same for a template whose department tables are blank and whose forms are filled in. */
export const ONLY_PROJECT_FORMS_BLANK_DEPARTMENT = `${projectsOnlyCause({ departmentBlank: true })}，只评分了项目支出绩效自评表；填写预算数和自评得分后再评分部门整体。`;

/** The note of a workbook whose project forms alone were scored, whichever the cause. */
export function projectsOnlyNote(e: Pick<Evaluation, "departmentBlank">): string {
  return e.departmentBlank ? ONLY_PROJECT_FORMS_BLANK_DEPARTMENT : ONLY_PROJECT_FORMS;
}

/** A workbook with neither of the department's two input tables. */
export const NO_INPUT_TABLES = "未找到预算支出明细表和绩效指标表";

/**
 * Why no 自评报告 is drafted (no sentence ending), or null when one is: the one decision
 * `jixiao report`, `jixiao score --report` and the 网页版 follow — whyNothingToWrite's, and a
 * workbook of project forms alone has no department to report on either.
 */
export function noReportReason(score: Pick<WorkbookScore, "parse" | "evaluation">): string | null {
  const nothing = whyNothingToWrite(score);
  if (nothing === "blankTemplate" || score.evaluation.departmentBlank)
    return blankTemplateReason(score, "生成报告");
  if (nothing === "noInputs" || score.evaluation.projectsOnly) return NO_INPUT_TABLES;
  return null;
}

/** What a ribbon's 重新计算 says when it wrote nothing: no input table, or none filled in. */
export function nothingWritten(score: Pick<WorkbookScore, "parse" | "evaluation">): string {
  if (whyNothingToWrite(score) !== "blankTemplate") return NOTHING_WRITTEN;
  return `输入表尚未填写数据，未写入汇总表：${fillIn(score)}点“重新计算”。`;
}
