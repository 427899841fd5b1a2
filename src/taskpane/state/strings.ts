/**
 * Task-pane text: Simplified Chinese first, English second. Scores, gap messages and the
 * summary sheet stay in Chinese (they are the report's language); the pane's own chrome
 * follows the chosen language.
 */
import {
  ONLY_PROJECT_FORMS,
  ONLY_PROJECT_FORMS_BLANK_DEPARTMENT,
} from "../../pipeline/writtenSheets";

export type Locale = "zh-CN" | "en-US";

const zh = {
  appTitle: "绩效自评助手",
  appSubtitle: "部门整体支出绩效自评",
  switchLanguage: "English",
  switchLanguageLabel: "切换为英文界面",
  switchLanguageLang: "en",
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
  phaseInsertingStandard: "正在插入评分标准…",
  phaseInsertingProject: "正在插入项目自评表…",
  phaseSaving: "正在保存设置…",
  phaseReporting: "正在生成报告草稿…",
  reportTitle: "自评报告",
  reportHint: "按本次评分起草自评报告；需人工补写处标为【待填写】。",
  writeReport: "生成报告草稿表",
  copyReport: "复制报告全文",
  reportWritten: (sheet: string) => `报告草稿已写入“${sheet}”工作表。`,
  reportCopied: "报告全文已复制，可粘贴到 Word。",
  copyFailed: "无法写入剪贴板：请点“生成报告草稿表”，在表中复制。",
  total: "总分",
  grade: "等级",
  points: "分",
  lastRun: "计算时间",
  notWritten: "尚未写入汇总表：点击“重新计算”生成。",
  writtenEarlier: (sheet: string) => `“${sheet}”为此前写入：点击“重新计算”更新。`,
  writtenTo: (sheets: string[]) => `已写入${sheets.map((s) => `“${s}”`).join("、")}工作表。`,
  keptRenamed: (name: string) => `改名保留的“${name}”未更新。`,
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
  /** Before a cell link's address, for screen readers (the address itself is marked Chinese). */
  goToCell: "定位到 ",
  inputsWithErrors: (n: number) => `有 ${n} 处输入需要修改`,
  inputsWithErrorsBody: "以下单元格无法读取，相关指标已标为“无法计算”，其余照常评分：",
  inputsMissing: (n: number) => `有 ${n} 项输入未找到`,
  inputsMissingBody: "以下表格或信息未找到，需要它们的指标无法计算，其余照常评分：",
  noInputsTitle: "未找到输入表",
  noInputsBody:
    "没有找到预算支出明细表和绩效指标表。可以点击“插入模板”添加输入表，或按使用说明中的表头约定整理现有表格。",
  blankTitle: "模板尚未填写",
  blankBody:
    "输入表已就绪，还没有填写数据：请在“基本信息”中填写部门名称和年度，在“预算支出”“绩效指标”等表中填写数据，再点“重新计算”。",
  noInputsNotWritten: "未找到输入表，未写入汇总表：请先点“插入模板”添加输入表",
  blankNotWritten: (sheets: string) =>
    `模板尚未填写，未写入汇总表：请在${sheets}表中填写预算数和自评得分后再点“重新计算”`,
  onlyProjectForms: ONLY_PROJECT_FORMS,
  onlyProjectFormsBlankDepartment: ONLY_PROJECT_FORMS_BLANK_DEPARTMENT,
  errorTitle: "出错了",
  dismiss: "关闭",
  settingsTitle: "评分标准与设置",
  standardInForce: "评分标准",
  standardSource: "来源：",
  settingsPreset: "预设评分标准",
  settingsPresetHint: "工作簿中没有“评分标准”表时按此预设评分",
  insertStandard: "插入评分标准",
  insertStandardHint:
    "把所选评分标准写入本工作簿的“评分标准”表：可在表中修改分值、计分方法和参数，重新计算时以表为准。",
  editInSheet: (sheet: string) => `评分规则在“${sheet}”表中修改，重新计算后生效。`,
  goToStandard: (sheet: string) => `打开“${sheet}”表`,
  projectsTitle: (n: number) => `项目自评（${n}）`,
  projectsNone: "工作簿中没有项目支出绩效自评表。",
  projectGaps: (n: number) => `问题 ${n} 处`,
  projectWeighted: "项目绩效目标完成率：",
  projectCoverage: "项目自评覆盖率：",
  projectName: "项目名称",
  insertProjectForm: "插入项目自评表",
  insertProjectFormHint: "按项目评分标准添加一张空白的项目支出绩效自评表，表名为项目名称",
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
  toolbarLabel: "评分操作",
  structureProtected:
    "工作簿受保护（审阅 → 保护工作簿）：可以评分，但助手不能写入汇总表。要写入，请先撤销工作簿保护。",
  readOnlyWorkbook: "工作簿以只读方式打开：写入的汇总表需用“另存为”保存。",
  differs: "填报≠计算",
  differsLabel: "填报得分与计算得分不同",
  announceScored: (total: string, grade: string, written: boolean, earlier?: string) =>
    `${written ? "计算完成" : "评分完成"}：总分 ${total} 分，等级 ${grade}${written ? "" : earlier ? `（“${earlier}”为此前写入，尚未更新）` : "（尚未写入汇总表）"}`,
  announceProjects: (n: number, written: boolean) =>
    `${written ? "计算完成" : "评分完成"}：已评分项目支出绩效自评表 ${n} 张${written ? "" : "（尚未写入项目自评汇总）"}`,
  announceProblems: (n: number) => `；有 ${n} 处输入需要修改`,
  announceMissing: (n: number) => `；有 ${n} 项输入未找到`,
};

export type Strings = typeof zh;

/** Chinese, always in the pane's bundle. */
export const zhStrings: Strings = zh;

/**
 * The strings of a language: Chinese at once; English from its own chunk, fetched when first
 * chosen (most desks never need it, and the pane's first download stays under 180 KB gzip).
 */
export async function loadStrings(locale: Locale): Promise<Strings> {
  if (locale === "zh-CN") return zh;
  return (await import(/* webpackChunkName: "strings-en" */ "./stringsEn")).en;
}
