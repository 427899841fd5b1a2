/** The pane's English text (loaded on demand, see loadStrings). */
import type { Strings } from "./strings";

export const en: Strings = {
  appTitle: "Self-Evaluation Assistant",
  appSubtitle: "Departmental performance self-evaluation",
  switchLanguage: "中文",
  switchLanguageLabel: "Switch to Chinese",
  switchLanguageLang: "zh-CN",
  recalculate: "Recalculate",
  recalculateHint: "Read this workbook, score it and write the 绩效自评汇总 sheet",
  insertTemplate: "Insert template",
  insertTemplateHint:
    "Add the five input sheets (existing sheets of the same name are never changed)",
  autoRecalculate: "Recalculate after edits",
  phaseReading: "Reading the workbook…",
  phaseScoring: "Scoring…",
  phaseWriting: "Writing the summary sheet…",
  phaseInserting: "Inserting the template…",
  phaseInsertingStandard: "Inserting the scoring standard…",
  phaseInsertingProject: "Inserting the project form…",
  phaseSaving: "Saving settings…",
  phaseReporting: "Drafting the report…",
  reportTitle: "Self-evaluation report",
  reportHint:
    "Drafts the 自评报告 from this scoring; text a person must write is marked 【待填写】.",
  writeReport: "Write draft sheet",
  copyReport: "Copy report text",
  reportWritten: (sheet: string) => `Report draft written to sheet “${sheet}”.`,
  reportCopied: "Report text copied: paste it into Word.",
  copyFailed: "Could not use the clipboard: write the draft sheet and copy from it.",
  total: "Total",
  grade: "Grade",
  points: "pts",
  lastRun: "Calculated",
  notWritten: "Summary not written yet: click Recalculate.",
  writtenEarlier: (sheet: string) =>
    `“${sheet}” holds an earlier result: click Recalculate to update it.`,
  writtenTo: (sheets: string[]) =>
    `Written to sheet${sheets.length > 1 ? "s" : ""} ${sheets.map((s) => `“${s}”`).join(", ")}.`,
  keptRenamed: (name: string) =>
    `“${name}” (our earlier sheet, renamed) keeps the earlier result and was not updated.`,
  besideForeign: (name: string) =>
    `A sheet “${name}” not made by the assistant exists; it was left as is and the summary written beside it.`,
  sourcesTitle: "Data sources",
  sourceMissing: "not found",
  indicatorsTitle: "Indicator scores",
  maxShort: "Max",
  enteredShort: "Entered",
  computedShort: "Computed",
  countedShort: "Counted",
  unconfirmed: "to confirm",
  gapsTitle: (n: number) => `Issues (${n})`,
  noGaps: "No issues found.",
  goToCell: "Go to ",
  inputsWithErrors: (n: number) => `${n} input cell(s) to fix`,
  inputsWithErrorsBody:
    "These cells could not be read; indicators needing them are marked 无法计算, the rest is scored:",
  inputsMissing: (n: number) => `${n} input(s) not found`,
  inputsMissingBody:
    "These tables or values were not found; indicators needing them cannot be computed, the rest is scored:",
  noInputsTitle: "No input tables found",
  noInputsBody:
    "Neither the budget table nor the indicator table was found. Insert the template, or arrange your tables with the headers described in the help (使用说明).",
  blankTitle: "The template is not filled in yet",
  blankBody:
    "The input sheets are there but hold no figures: enter the department and year in 基本信息, the figures in 预算支出, 绩效指标 and the other sheets, then click Recalculate.",
  noInputsNotWritten:
    "No input tables found, nothing written: click Insert template to add the input sheets",
  blankNotWritten: (sheets: string) =>
    `The template is not filled in yet, nothing written: enter the budget figures and self-scores in ${sheets}, then click Recalculate`,
  onlyProjectForms:
    "No department budget or indicator table found: only the 项目支出绩效自评表 forms were scored.",
  onlyProjectFormsBlankDepartment:
    "The department's budget and indicator tables hold no figures yet: only the 项目支出绩效自评表 forms were scored. Enter the budget figures and self-scores to score the department as a whole.",
  errorTitle: "Something went wrong",
  dismiss: "Dismiss",
  settingsTitle: "Scoring standard and settings",
  standardInForce: "Scoring standard",
  standardSource: "Source: ",
  settingsPreset: "Preset standard",
  settingsPresetHint: "Used when the workbook has no 评分标准 sheet",
  insertStandard: "Insert scoring standard",
  insertStandardHint:
    "Write the chosen standard into this workbook as the 评分标准 sheet: edit points, rules and parameters there; recalculation follows the sheet.",
  editInSheet: (sheet: string) => `Rules are edited in the sheet “${sheet}”; recalculate to apply.`,
  goToStandard: (sheet: string) => `Open sheet “${sheet}”`,
  projectsTitle: (n: number) => `Project forms (${n})`,
  projectsNone: "This workbook holds no project forms (项目支出绩效自评表).",
  projectGaps: (n: number) => `${n} issue(s)`,
  projectWeighted: "Fund-weighted project score (项目绩效目标完成率): ",
  projectCoverage: "Projects self-evaluated (项目自评覆盖率): ",
  projectName: "Project name",
  insertProjectForm: "Insert project form",
  insertProjectFormHint:
    "Add a blank 项目支出绩效自评表 laid out by the project standard, named after the project",
  settingsScoreSource: "Score that counts",
  settingsEntered: "Entered score (computed when blank)",
  settingsComputed: "Computed score",
  settingsParameters: "Parameters",
  settingsSave: "Save to workbook and recalculate",
  settingsSaved: (sheet: string) => `Settings saved to sheet “${sheet}”.`,
  settingsReset: "Undo changes",
  notesTitle: "Notes",
  severity: { error: "Error", warning: "Warning", info: "Note" },
  autoUnsupported:
    "This Excel version cannot report edits (needs ExcelApi 1.9: Excel 2021 or Microsoft 365).",
  cellNotSelectable: (cell: string) => `Please go to ${cell} by hand.`,
  toolbarLabel: "Scoring actions",
  structureProtected:
    "The workbook structure is protected (Review → Protect Workbook): it can be scored, but the summary cannot be written until the protection is removed.",
  readOnlyWorkbook: "The workbook is open read-only: save the written summary with Save As.",
  differs: "Entered ≠ computed",
  differsLabel: "The entered score differs from the computed score",
  announceScored: (total: string, grade: string, written: boolean, earlier?: string) =>
    `${written ? "Recalculated" : "Scored"}: total ${total} points, grade ${grade}${written ? "" : earlier ? ` (“${earlier}” holds an earlier result, not updated)` : " (summary not written yet)"}`,
  announceProjects: (n: number, written: boolean) =>
    `${written ? "Recalculated" : "Scored"}: ${n} project form(s) scored${written ? "" : " (项目自评汇总 not written yet)"}`,
  announceProblems: (n: number) => `; ${n} input cell(s) to fix`,
  announceMissing: (n: number) => `; ${n} input(s) not found`,
};
