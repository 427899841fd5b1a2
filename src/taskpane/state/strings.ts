/**
 * Task-pane text: Simplified Chinese first, English second. Scores, gap messages and the
 * summary sheet stay in Chinese (they are the report's language); the pane's own chrome
 * follows the chosen language.
 */
export type Locale = "zh-CN" | "en-US";

const zh = {
  appTitle: "绩效自评助手",
  appSubtitle: "部门整体支出绩效自评",
  switchLanguage: "English",
  switchLanguageLabel: "切换为英文界面",
  recalculate: "重新计算",
  recalculateHint: "读取本工作簿的数据，评分并写入“绩效自评汇总”表",
  insertTemplate: "插入模板",
  insertTemplateHint:
    "添加基本信息、预算支出、绩效指标、项目清单、重点工作五张输入表（已有同名表不会被改动）",
  autoRecalculate: "编辑后自动重新计算",
  phaseReading: "正在读取工作簿…",
  phaseScoring: "正在评分…",
  phaseWriting: "正在写入汇总表…",
  phaseInserting: "正在插入模板…",
  phaseSaving: "正在保存设置…",
  total: "总分",
  grade: "等级",
  points: "分",
  lastRun: "计算时间",
  notWritten: "尚未写入汇总表：点击“重新计算”生成。",
  writtenTo: (sheet: string) => `已写入“${sheet}”工作表。`,
  besideForeign: (name: string) =>
    `工作簿中已有非本助手生成的“${name}”表，未改动它，汇总写在旁边。`,
  sourcesTitle: "数据来源",
  sourceMissing: "未找到",
  indicatorsTitle: "指标得分",
  maxShort: "分值",
  enteredShort: "填报",
  computedShort: "计算",
  countedShort: "计入",
  unconfirmed: "待核对",
  gapsTitle: (n: number) => `问题清单（${n}）`,
  noGaps: "未发现问题。",
  goToCell: (cell: string) => `定位到 ${cell}`,
  inputsWithErrors: (n: number) => `有 ${n} 处输入需要修改`,
  inputsWithErrorsBody: "以下单元格无法读取，相关指标已标为“无法计算”，其余照常评分：",
  noInputsTitle: "未找到输入表",
  noInputsBody:
    "没有找到预算支出明细表和绩效指标表。可以点击“插入模板”添加输入表，或按使用说明（docs/sheet-contract.md）的表头约定整理现有表格。",
  errorTitle: "出错了",
  dismiss: "关闭",
  settingsTitle: "评分标准与设置",
  standardInForce: "评分标准",
  standardSource: (text: string) => `来源：${text}`,
  settingsPreset: "预设评分标准",
  settingsPresetHint: "工作簿中没有“评分标准”表时按此预设评分",
  insertStandard: "插入评分标准",
  insertStandardHint:
    "把所选评分标准写入本工作簿的“评分标准”表：可在表中修改分值、计分方法和参数，重新计算时以表为准。",
  editInSheet: (sheet: string) => `评分规则在“${sheet}”表中修改，重新计算后生效。`,
  goToStandard: (sheet: string) => `打开“${sheet}”表`,
  settingsScoreSource: "计入得分",
  settingsEntered: "以填报得分为准（空白时取计算得分）",
  settingsComputed: "以计算得分为准",
  settingsParameters: "评分参数",
  settingsSave: "保存到工作簿并重新计算",
  settingsSaved: (sheet: string) => `设置已保存到“${sheet}”工作表。`,
  settingsReset: "撤销修改",
  notesTitle: "提示",
  severity: { error: "严重", warning: "警告", info: "提示" } as Record<
    "error" | "warning" | "info",
    string
  >,
  autoUnsupported:
    "当前 Excel 版本不支持自动重新计算（需要 ExcelApi 1.9，即 Excel 2021 或 Microsoft 365）。",
  cellNotSelectable: (cell: string) => `请手动定位到 ${cell}。`,
};

export type Strings = typeof zh;

const en: Strings = {
  appTitle: "Self-Evaluation Assistant",
  appSubtitle: "Departmental performance self-evaluation",
  switchLanguage: "中文",
  switchLanguageLabel: "Switch to Chinese",
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
  phaseSaving: "Saving settings…",
  total: "Total",
  grade: "Grade",
  points: "pts",
  lastRun: "Calculated",
  notWritten: "Summary not written yet: click Recalculate.",
  writtenTo: (sheet: string) => `Written to sheet “${sheet}”.`,
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
  goToCell: (cell: string) => `Go to ${cell}`,
  inputsWithErrors: (n: number) => `${n} input cell(s) to fix`,
  inputsWithErrorsBody:
    "These cells could not be read; indicators needing them are marked 无法计算, the rest is scored:",
  noInputsTitle: "No input tables found",
  noInputsBody:
    "Neither the budget table nor the indicator table was found. Insert the template, or arrange your tables with the headers described in docs/sheet-contract.md.",
  errorTitle: "Something went wrong",
  dismiss: "Dismiss",
  settingsTitle: "Scoring standard and settings",
  standardInForce: "Scoring standard",
  standardSource: (text: string) => `Source: ${text}`,
  settingsPreset: "Preset standard",
  settingsPresetHint: "Used when the workbook has no 评分标准 sheet",
  insertStandard: "Insert scoring standard",
  insertStandardHint:
    "Write the chosen standard into this workbook as the 评分标准 sheet: edit points, rules and parameters there; recalculation follows the sheet.",
  editInSheet: (sheet: string) => `Rules are edited in the sheet “${sheet}”; recalculate to apply.`,
  goToStandard: (sheet: string) => `Open sheet “${sheet}”`,
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
};

export const strings: Record<Locale, Strings> = { "zh-CN": zh, "en-US": en };
