/**
 * 项目自评汇总: every project form's result on one print-ready sheet (A4 landscape) — 项目名称,
 * 全年预算数, 全年执行数, 执行率, 总分, 等级, 问题数 and the largest deviation, sorted by score —
 * then the roll-up into the department's indicators (项目绩效目标完成率, 项目自评覆盖率) with
 * their formulas, and each project's problems with their cells.
 */
import { yearly } from "../model/year";
import { type Dec, ZERO, score, sum, toDouble } from "../model/decimal";
import type { DuplicateForm, Evaluation, Gap, ProjectsResult } from "../evaluate/result";
import type { Project } from "../model/input";
import { quote } from "../model/text";
import { severityLabels } from "../evaluate/result";
import type { ProjectEvaluation } from "../evaluate/project";
import type { CellStyle, LayoutValue, SheetLayout } from "./sheetLayout";
import { SheetBuilder } from "./sheetBuilder";
import { amountFormat } from "./displayFormat";
import { titlesOnlyWhereNeeded } from "./pagination";
import {
  ASSISTANT_SIGNATURE,
  FONT_SIZE,
  SHEET_FONT,
  formats,
  headerFooterText,
  styles,
  titleHeight,
} from "./style";

export const PROJECT_SUMMARY_SHEET = "项目自评汇总";

/**
 * Where the forms were read: this workbook, the project workbooks beside it (`jixiao score
 * --projects`, their sheets named `[文件名.xlsx]表名`), or both.
 */
export function formsWhere(forms: readonly { sheet: string }[]): string {
  const elsewhere = forms.filter((f) => f.sheet.startsWith("[")).length;
  if (elsewhere === 0) return "本工作簿";
  return elsewhere === forms.length ? "另存的项目工作簿" : "本工作簿和另存的项目工作簿";
}
/**
 * 序号 · 项目名称 · 所在工作表 · 全年预算数 · 全年执行数 · 执行率 · 总分 · 等级 · 问题数 · 主要偏差. 等级 is
 * centred with room beside 无法评定 (8 units): right-aligned 107.50 ran into it in print; 问题数 is
 * centred, away from the text of 主要偏差 beside it.
 */
const WIDTHS = [6, 26, 16, 13, 13, 9, 9, 11, 8, 37];
const COLUMNS = WIDTHS.length;
const FLAG_FILL = "#FCE4D6";

class Sheet extends SheetBuilder {
  /**
   * 9 pt text, sized as if it fitted no more than 11 pt text does: LibreOffice wrapped a
   * 97-unit message over 74 units of width onto two lines, where a 9-pt estimate saw one.
   * A row a little too tall prints; a row too short cuts its text off.
   */
  fitSmall(row: number, text: string, width: number): void {
    this.fit(row, text, width * (9 / FONT_SIZE), 9);
  }
}

const text: CellStyle = { ...styles.cell, wrap: true };
const number = (format: string, extra: CellStyle = {}): CellStyle => ({
  ...styles.cell,
  numberFormat: format,
  horizontal: "right",
  ...extra,
});
const dec = (v: Dec | null): LayoutValue => (v === null ? null : toDouble(v));

/** The row that lost the most points, as a finance officer would say it. */
export function largestDeviation(p: ProjectEvaluation): string {
  const worst = [...p.indicators]
    .filter((i) => i.counted.lessThan(i.max) && !i.notApplicable)
    .sort((a, b) => b.max.minus(b.counted).comparedTo(a.max.minus(a.counted)))[0];
  if (!worst) return "—";
  const lost = score(worst.max.minus(worst.counted));
  const detail =
    worst.target !== undefined ? `（目标 ${worst.target}，实际 ${worst.actual || "—"}）` : "";
  return `${worst.name}${detail} 扣 ${lost} 分`;
}

/** Weakest first or best first: by total, then by name. */
export function byScore(
  results: readonly ProjectEvaluation[],
  order: "desc" | "asc" = "desc"
): ProjectEvaluation[] {
  const sign = order === "desc" ? -1 : 1;
  return [...results].sort(
    (a, b) => sign * a.total.comparedTo(b.total) || a.name.localeCompare(b.name, "zh-Hans-CN")
  );
}

/** A project the department's indicators read, with the form it was scored from (if any). */
export interface RolledProject {
  project: Project;
  form: ProjectEvaluation | null;
}

/**
 * The roll-up's projects in its order (the 项目清单's, then forms of unlisted projects), each
 * with the form it was scored from; a listed project without a form has none.
 */
export function rolledProjects(projects: ProjectsResult): RolledProject[] {
  return projects.projects.map((project, i) => ({ project, form: projects.forms[i] ?? null }));
}

/** Scored from a form by total (as `byScore`), then the listed ones without a form. */
function tableOrder(rows: readonly RolledProject[]): RolledProject[] {
  const scored = new Map(rows.filter((r) => r.form).map((r) => [r.form as ProjectEvaluation, r]));
  return [
    ...byScore([...scored.keys()]).map((f) => scored.get(f) as RolledProject),
    ...rows.filter((r) => !r.form),
  ];
}

const HEADERS = [
  "序号",
  "项目名称",
  "所在工作表",
  "全年预算数",
  "全年执行数",
  "执行率",
  "总分",
  "等级",
  "问题数",
  "主要偏差",
];

/** The rate a row shows: 全年执行数 ÷ 全年预算数 as counted, to four decimals. */
const rateOf = (budget: Dec | null, spent: Dec | null): LayoutValue =>
  budget === null || spent === null || budget.isZero()
    ? null
    : toDouble(spent.dividedBy(budget).toDecimalPlaces(4));

/**
 * The number formats of 全年预算数 and 全年执行数: each column with as many decimals as its
 * figures have (a form kept in 元 holds 1.005 万元), so the rows print exactly and add up to the
 * 合计 printed under them.
 */
interface AmountFormats {
  budget: string;
  spending: string;
}

function amountFormats(projects: readonly Project[]): AmountFormats {
  return {
    budget: amountFormat(projects.map((p) => p.budget)),
    spending: amountFormat(projects.map((p) => p.spending)),
  };
}

/** A project scored from its form: the amounts are the roll-up's (the form's, else the list's). */
function formRow(
  s: Sheet,
  row: number,
  { project, form }: RolledProject,
  amounts: AmountFormats
): void {
  const p = form as ProjectEvaluation;
  const errors = p.gaps.some((g) => g.severity === "error");
  s.put(row, 2, p.sheet, { ...text, fontSize: 9 });
  s.put(row, 6, p.total.toNumber(), number(formats.score, { bold: true }));
  s.put(row, 7, p.grade, { ...styles.cell, horizontal: "center" });
  const flag = errors ? { bold: true, fill: FLAG_FILL } : {};
  s.put(row, 8, p.gaps.length, number(formats.integer, { ...flag, horizontal: "center" }));
  const deviation = largestDeviation(p);
  s.put(row, 9, deviation, { ...text, fontSize: 9 });
  s.fitSmall(row, deviation, WIDTHS[9]);
  s.fitSmall(row, p.sheet, WIDTHS[2]);
  rowAmounts(s, row, project, amounts);
}

/** A listed project without a form: not evaluated; its listed score weighs if it has one. */
function listedRow(
  s: Sheet,
  row: number,
  { project }: RolledProject,
  amounts: AmountFormats
): void {
  const flag = { ...text, fontSize: 9, fill: FLAG_FILL };
  s.put(row, 2, "无自评表", flag);
  s.put(row, 6, dec(project.selfScore), number(formats.score));
  s.put(row, 7, "未自评", { ...styles.cell, horizontal: "center", fill: FLAG_FILL });
  s.put(row, 8, null, styles.cell);
  const note =
    project.selfScore !== null
      ? `项目清单 ${project.cells?.name ?? ""} 有此项目，没有自评表；按清单得分计入项目绩效目标完成率`
      : `项目清单 ${project.cells?.name ?? ""} 有此项目，没有自评表，不计入项目绩效目标完成率`;
  s.put(row, 9, note, { ...text, fontSize: 9 });
  s.fitSmall(row, note, WIDTHS[9]);
  rowAmounts(s, row, project, amounts);
}

function rowAmounts(s: Sheet, row: number, project: Project, amounts: AmountFormats): void {
  s.put(row, 3, dec(project.budget), number(amounts.budget));
  s.put(row, 4, dec(project.spending), number(amounts.spending));
  s.put(row, 5, rateOf(project.budget, project.spending), number(formats.rate));
}

function table(s: Sheet, projects: ProjectsResult): void {
  const header = s.row++;
  HEADERS.forEach((h, i) => s.put(header, i, h, styles.header));
  const rows = tableOrder(rolledProjects(projects));
  const amounts = amountFormats(rows.map((r) => r.project));
  rows.forEach((r, i) => {
    const row = s.row++;
    s.put(row, 0, i + 1, { ...styles.cell, horizontal: "center" });
    s.put(row, 1, r.project.name, text);
    s.fit(row, r.project.name, WIDTHS[1]);
    if (r.form) formRow(s, row, r, amounts);
    else listedRow(s, row, r, amounts);
  });
  totalRow(
    s,
    rows.map((r) => r.project),
    amounts
  );
  unweighedLine(s, rows);
  duplicateLines(s, projects.duplicates, projects.year);
}

/**
 * Projects in 合计 that 项目绩效目标完成率 cannot weigh, named with why: no form and no listed
 * score, or a form graded 无法评定.
 */
function unweighedLine(s: Sheet, rows: readonly RolledProject[]): void {
  const out = rows.filter((r) => r.project.selfScore === null);
  if (out.length === 0) return;
  const named = (list: RolledProject[], why: string) =>
    list.length === 0 ? [] : [`${list.map((r) => quote(r.project.name)).join("、")}${why}`];
  const reasons = [
    ...named(
      out.filter((r) => !r.form),
      "，没有自评表也没有清单得分"
    ),
    ...named(
      out.filter((r) => r.form),
      "，自评表无法评定等级"
    ),
  ];
  s.line(
    `合计含${reasons.join("；")}，不计入项目绩效目标完成率（其余 ${rows.length - out.length} 个项目按资金加权，见下）。`,
    { ...styles.note, fontColor: "#C00000" }
  );
}

/** 合计 of the rows above: the projects the roll-up counts, each once. */
function totalRow(s: Sheet, counted: readonly Project[], amounts: AmountFormats): void {
  const total = s.row++;
  const budget = sum(counted.map((p) => p.budget ?? ZERO));
  const spent = sum(counted.map((p) => p.spending ?? ZERO));
  const amount = (format: string): CellStyle => ({
    ...styles.total,
    numberFormat: format,
    horizontal: "right",
  });
  s.put(total, 0, `合计（${counted.length} 个项目）`, { ...styles.total, horizontal: "center" }, 3);
  s.put(total, 3, budget.toNumber(), amount(amounts.budget));
  s.put(total, 4, spent.toNumber(), amount(amounts.spending));
  s.put(total, 5, rateOf(budget, spent), amount(formats.rate));
  s.put(total, 6, null, styles.total, 4);
}

/**
 * Forms not counted, named under the 合计, which leaves them out: second forms of a project (and
 * which one counts), forms of another year than `year`.
 */
function duplicateLines(s: Sheet, duplicates: readonly DuplicateForm[], year: number): void {
  for (const d of duplicates) {
    const form = `${quote(d.form.name)}的`;
    const line =
      d.year !== undefined
        ? `未计入合计：${form}自评表（${d.form.cell}，总分 ${score(d.form.total)}）为 ${d.year} 年度，不是本次评价的 ${year} 年度。`
        : `未计入合计：${form}另一张自评表（${d.form.cell}，总分 ${score(d.form.total)}）与 ${d.counted ?? ""} 为同一项目，${d.why ? `只计入 ${d.counted ?? ""}（${d.why}）` : "只计入第一张"}。`;
    s.line(line, { ...styles.note, fontColor: "#C00000" });
  }
}

function rollUp(s: Sheet, e: Evaluation): void {
  s.section("二、计入部门整体指标");
  const weighted = e.metrics.projectFundWeightedScore;
  const coverage = e.metrics.projectEvaluationCoverage;
  const indicator = e.indicators.find((i) => i.metric === "projectFundWeightedScore");
  // The 完成率's formula, unless the indicator's line (what it scores) already holds it.
  const shown = weighted?.value != null && indicator?.explanation.includes(weighted.text);
  if (weighted && !shown)
    s.line(
      `项目绩效目标完成率：${weighted.value === null ? `无法计算（${weighted.reason}）` : weighted.text}`,
      styles.note
    );
  if (indicator) s.line(`${indicator.name}：${indicator.explanation}`, styles.note);
  if (coverage)
    s.line(
      `项目自评覆盖率：${coverage.value === null ? `无法计算（${coverage.reason}）` : coverage.text}`,
      styles.note
    );
}

function problems(s: Sheet, results: readonly ProjectEvaluation[]): void {
  s.section("三、项目问题清单");
  const header = s.row++;
  s.put(header, 0, "程度", styles.header);
  s.put(header, 1, "项目", styles.header);
  s.put(header, 2, "存在问题", styles.header, 7);
  s.put(header, 9, "来源单元格", styles.header);
  const rows: [ProjectEvaluation, Gap][] = byScore(results, "asc").flatMap((p) =>
    p.gaps.map((g): [ProjectEvaluation, Gap] => [p, g])
  );
  if (rows.length === 0) {
    s.line("各项目自评表未发现问题。", text);
    return;
  }
  for (const [p, g] of rows) {
    const row = s.row++;
    const strong = g.severity === "error";
    s.put(row, 0, severityLabels[g.severity], {
      ...text,
      horizontal: "center",
      bold: strong,
      ...(strong ? { fill: FLAG_FILL } : {}),
    });
    s.put(row, 1, p.name, { ...text, fontSize: 9 });
    s.put(row, 2, g.message, { ...text, fontSize: 9 }, 7);
    s.put(row, 9, g.cell ?? "—", { ...text, fontSize: 9 });
    s.fitSmall(
      row,
      g.message,
      WIDTHS.slice(2, 9).reduce((a, b) => a + b, 0)
    );
    s.fitSmall(row, p.name, WIDTHS[1] as number);
    s.fitSmall(row, g.cell ?? "—", WIDTHS[9] as number);
  }
}

/**
 * `某局 2022 年度项目支出绩效自评汇总`: the department and year the roll-up counted the forms for —
 * the department's, else (a workbook of forms alone) what all its forms state.
 */
const titleOf = (projects: ProjectsResult) =>
  `${projects.department} ${yearly(projects.year)}项目支出绩效自评汇总`;

/** The 项目自评汇总 sheet of an evaluation that has project forms. */
export function projectSummaryLayout(
  e: Evaluation,
  date: string,
  sheetName = PROJECT_SUMMARY_SHEET
): SheetLayout {
  const projects = e.projects as ProjectsResult;
  const s = new Sheet(WIDTHS);
  const title = `${titleOf(projects)}表`;
  s.put(0, 0, title, styles.pageTitle, COLUMNS);
  s.heights[0] = titleHeight(title, s.totalWidth);
  const subtitle = `单位：万元\u3000\u3000评分标准：${projects.standard.name}（来源：${projects.standard.sourceText}）\u3000\u3000生成日期：${date}`;
  s.put(1, 0, subtitle, { ...styles.subtitle, horizontal: "left", wrap: true }, COLUMNS);
  s.fit(1, subtitle, s.totalWidth, styles.subtitle.fontSize);
  s.row = 2;
  s.section("一、项目自评得分（按总分从高到低）");
  const header = s.row;
  table(s, projects);
  const tableLast = s.row - 1;
  rollUp(s, e);
  problems(s, projects.results);
  s.row++;
  s.line(
    `${ASSISTANT_SIGNATURE}根据${formsWhere(projects.results)}各项目支出绩效自评表生成，重新计算时整表替换；请勿在本表录入数据。`,
    { ...styles.note, italic: true }
  );
  // The column headings repeat only if the table runs onto a second page.
  return titlesOnlyWhereNeeded(pageSetup(e, sheetName, s, header), tableLast);
}

function pageSetup(e: Evaluation, sheetName: string, s: Sheet, header: number): SheetLayout {
  return {
    name: sheetName,
    fontName: SHEET_FONT,
    fontSize: FONT_SIZE,
    cells: s.cells,
    merges: s.merges,
    columnWidths: WIDTHS,
    rowHeights: s.heights,
    showGridlines: false,
    tabColor: "#0F6CBD",
    print: {
      paper: "A4",
      orientation: "landscape",
      fitToPagesWide: 1,
      titleRows: { first: header, last: header },
      printArea: { top: 0, left: 0, bottom: s.row - 1, right: COLUMNS - 1 },
      centerHeader: headerFooterText(titleOf(e.projects as ProjectsResult)),
      centerFooter: "第 &P 页 共 &N 页",
      centerHorizontally: true,
      printGridlines: false,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  };
}
