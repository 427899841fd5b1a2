/**
 * 核对清单: everything the finance office checks before signing, and nothing it signs — where
 * each input was read, budget execution and the table's ties, every indicator's entered,
 * computed and counted score with how it was computed and its marks, the scoring parameters in
 * force (待核对 ones flagged), the full gap list with source cells, and the projects. It prints
 * on its own (A4 landscape); the submission is the 绩效自评汇总 (summary.ts).
 */
import { yearly } from "../model/year";
import { type Dec, percent, score, toDouble } from "../model/decimal";
import type { Evaluation, Gap, GapCode, IndicatorResult } from "../evaluate/result";
import { severityLabels } from "../evaluate/result";
import { tieVerdict } from "../evaluate/budget";
import type {
  CellStyle,
  LayoutCell,
  LayoutValue,
  PrintSetup,
  RowBlock,
  SheetLayout,
} from "./sheetLayout";
import { rowHeight, titlesOnlyWhereNeeded } from "./pagination";
import { PROJECT_SUMMARY_SHEET, formsWhere } from "./projectSummary";
import { SheetBuilder } from "./sheetBuilder";
import { amountFormat } from "./displayFormat";
import { ASSISTANT_SIGNATURE, formats, headerFooterText, styles, titleHeight } from "./style";

export const CHECKLIST_SHEET = "核对清单";
const COLUMNS = 9;
// Amounts up to 9,999,999.99 万元 and a bold 100.00% print without ###.
const WIDTHS = [11, 24, 13, 13, 13, 10, 10, 32, 13];
/** Light fill for flagged cells; with the text marks it stays visible in black-and-white print. */
const FLAG_FILL = "#FCE4D6";

export interface ChecklistOptions {
  /** 填报日期 / generation date shown on the sheet, `YYYY-MM-DD`. */
  date: string;
  /** Where the inputs were found, for the 数据来源 line. */
  sources?: { title: string; sheet: string; range: string }[];
  /** Sheet name to use (when 核对清单 is taken by a sheet we did not create). */
  sheetName?: string;
}

/** Indicator marks for the 标记 column: text, so they survive black-and-white printing. */
const MARKS: Partial<Record<GapCode, string>> = {
  scoreOutOfRange: "✖超出分值",
  missingScore: "✖未填报",
  indicatorNotInTable: "▲表中未列",
  enteredDiffersFromComputed: "▲与计算不一致",
  deductionWithoutExplanation: "◆扣分未说明",
  reasonContradictsScore: "▲扣分原因不符",
  maxMismatch: "▲分值不符",
  unknownIndicator: "▲不在标准中",
  placeholderFilled: "▲名称待核对",
  notComputable: "○无法复核",
  unconfirmedParameter: "●待核对",
};

const headerStyle = styles.header;
const numberCell = (
  format: string,
  extra: CellStyle = {},
  base: CellStyle = styles.cell
): CellStyle => ({
  ...base,
  numberFormat: format,
  horizontal: "right",
  ...extra,
});

/** The looks of a budget-table or score-table row, on the plain or the total row's base. */
function rowLooks(base: CellStyle) {
  return {
    text: { ...base, wrap: true } as CellStyle,
    centered: { ...base, horizontal: "center" } as CellStyle,
    amount: numberCell(formats.amount, {}, base),
    flaggedAmount: numberCell(formats.amount, { fill: FLAG_FILL, bold: true }, base),
    rate: numberCell(formats.rate, {}, base),
    score: numberCell(formats.score, {}, base),
  };
}
const plainRow = rowLooks(styles.cell);
const totalRow = rowLooks(styles.total);
const textCell = plainRow.text;

/**
 * The styles rows repeat, made once: a summary of hundreds of rows shares a handful of style
 * objects (less memory, and each writer looks each one up once).
 */
const look = {
  small: { ...textCell, fontSize: 9 } as CellStyle,
  smaller: { ...textCell, fontSize: 8 } as CellStyle,
  smallCentered: { ...textCell, fontSize: 9, horizontal: "center" } as CellStyle,
  smallCenteredFlag: {
    ...textCell,
    fontSize: 9,
    horizontal: "center",
    bold: true,
    fill: FLAG_FILL,
  } as CellStyle,
  smallFlag: { ...textCell, fontSize: 9, bold: true, fill: FLAG_FILL } as CellStyle,
  groupLabel: { ...textCell, vertical: "center", horizontal: "center" } as CellStyle,
  groupLabelAgain: {
    ...textCell,
    vertical: "center",
    horizontal: "center",
    // The notes' grey: lighter than the text, still 7:1 on white (#808080 is under 4.5:1).
    fontColor: "#595959",
  } as CellStyle,
  score: plainRow.score,
  rate: plainRow.rate,
  amount: plainRow.amount,
  centered: plainRow.centered,
  centeredFlag: { ...plainRow.centered, bold: true, fill: FLAG_FILL } as CellStyle,
  counted: numberCell(formats.score, { bold: true }),
  countedFlag: numberCell(formats.score, { bold: true, fill: FLAG_FILL }),
  severity: { ...textCell, horizontal: "center", bold: false } as CellStyle,
  severityError: { ...textCell, horizontal: "center", bold: true, fill: FLAG_FILL } as CellStyle,
};

function dec(value: Dec | null): LayoutValue {
  return value === null ? null : toDouble(value);
}

function marksFor(indicator: IndicatorResult, gaps: readonly Gap[]): string[] {
  const marks = new Set<string>();
  for (const gap of gaps) {
    if (gap.indicatorId !== indicator.id) continue;
    const mark = MARKS[gap.code];
    if (mark) marks.add(mark);
  }
  return [...marks];
}

const AMOUNT_COLUMNS = ["initial", "adjusted", "final"] as const;

/** A style with another number format (the same object when it has that one already). */
function formatted(style: CellStyle, numberFormat: string): CellStyle {
  return style.numberFormat === numberFormat ? style : { ...style, numberFormat };
}

/**
 * An amount column's looks on plain and total rows, flagged or not: as many decimals as its
 * figures have (`amountFormat`: a table kept in 元 is 1.005 万元 here), so each figure prints
 * exactly and the ties can be checked on the page.
 */
function amountLooks(values: (Dec | null)[]) {
  const format = amountFormat(values);
  const of = (looks: typeof plainRow) => ({
    amount: formatted(looks.amount, format),
    flagged: formatted(looks.flaggedAmount, format),
  });
  return { plain: of(plainRow), total: of(totalRow) };
}

function budgetSection(b: SheetBuilder, e: Evaluation): void {
  b.section("一、预算执行与勾稽");
  const header = b.row++;
  b.put(header, 0, "支出类别", headerStyle, 2);
  ["年初预算数", "调整预算数", "决算数", "执行率", "调整率"].forEach((h, i) =>
    b.put(header, 2 + i, h, headerStyle)
  );
  b.put(header, 7, "说明", headerStyle, 2);
  if (e.budget.rows.length === 0) {
    b.line("未读取到部门预算支出明细表。", textCell);
    return;
  }
  const failing = new Set(e.budget.ties.filter((t) => !t.withinTolerance).map((t) => t.cell));
  const amounts = AMOUNT_COLUMNS.map((col) => amountLooks(e.budget.rows.map((r) => r[col])));
  for (const r of e.budget.rows) {
    const row = b.row++;
    const isTotal = r.category === "total";
    const looks = isTotal ? totalRow : plainRow;
    b.put(row, 0, r.label, looks.text, 2);
    AMOUNT_COLUMNS.forEach((col, i) => {
      const flagged = failing.has(r.cells?.[col]);
      const shown = amounts[i][isTotal ? "total" : "plain"];
      b.put(row, 2 + i, dec(r[col]), flagged ? shown.flagged : shown.amount);
    });
    b.put(row, 5, dec(r.executionRate), looks.rate);
    b.put(row, 6, dec(r.adjustmentRate), looks.rate);
    const notes: string[] = [];
    if (isTotal && e.budget.execution.official !== null)
      notes.push(`填报执行率 ${percent(e.budget.execution.official)}`);
    if ([r.cells?.initial, r.cells?.adjusted, r.cells?.final].some((c) => failing.has(c)))
      notes.push("✖表内不平");
    b.put(row, 7, notes.join("；") || null, looks.text, 2);
  }
  const x = e.budget.execution;
  const source = x.source === "official" ? "填报执行率" : "预算表执行率";
  b.line(
    `${x.definition}；调整率 = （调整预算数 − 年初预算数）÷ 年初预算数。${e.budget.columnNote ?? ""}预算表合计执行率 ${x.table === null ? "—" : percent(x.table)}` +
      (x.official !== null ? `，填报执行率 ${percent(x.official)}` : "") +
      (x.value !== null ? `，计分采用${source}。` : "。") +
      tieNote(e.budget),
    styles.note
  );
}

/** What the ties came to, in a sentence: 平衡, 平衡 with 尾差, 不平, or some unchecked. */
function tieNote(budget: Evaluation["budget"]): string {
  const verdict = tieVerdict(budget);
  if (verdict === "未能核对") return "表内各栏缺数，未能核对勾稽，见问题清单。";
  if (verdict === "不平") return "表内不平，见问题清单。";
  const balanced = verdict === "平衡" ? "勾稽平衡" : "勾稽平衡（含尾差，见问题清单）";
  return budget.unchecked.length > 0
    ? `已核对的栏目${balanced}；部分栏目缺数，未能核对，见问题清单。`
    : `表内各栏${balanced}。`;
}

/** Counted ÷ 分值 as a fraction for a 0.00% cell, or null when 分值 is 0. */
function rateOf(counted: Dec, max: Dec): number | null {
  return max.isZero() ? null : counted.dividedBy(max).toDecimalPlaces(4).toNumber();
}

/** A 小计 / 合计 row of the indicator table: label, 分值, 计入得分, 得分率, note. */
function scoreTotalRow(
  b: SheetBuilder,
  label: string,
  max: Dec,
  counted: Dec,
  rate: number | null,
  note: string | null
): void {
  const row = b.row++;
  b.put(row, 0, label, totalRow.centered, 2);
  b.put(row, 2, max.toNumber(), totalRow.score);
  b.put(row, 3, null, styles.total, 2);
  b.put(row, 5, counted.toNumber(), totalRow.score);
  b.put(row, 6, rate, totalRow.rate);
  b.put(row, 7, note, styles.total, 2);
}

/** A table's header row and last row. */
interface Table {
  header: number;
  last: number;
}

const INDICATOR_HEADERS = [
  "一级指标",
  "指标",
  "分值",
  "填报得分",
  "计算得分",
  "计入得分",
  "得分率",
  "计算依据",
  "标记",
];

/** The indicator table; returns its header and last row (合计). */
function indicatorSection(b: SheetBuilder, e: Evaluation): Table {
  b.section("二、指标得分复核");
  const header = b.row++;
  INDICATOR_HEADERS.forEach((h, i) => b.put(header, i, h, headerStyle));
  for (const group of e.groups) {
    const first = b.row;
    for (const ind of e.indicators.filter((i) => i.level1 === group.level1))
      indicatorRow(b, ind, e.gaps, b.row === first);
    const rate = rateOf(group.counted, group.max);
    scoreTotalRow(b, `${group.level1} 小计`, group.max, group.counted, rate, null);
  }
  scoreTotalRow(b, "合计", e.maxTotal, e.sum, null, totalNote(e));
  const last = b.row - 1;
  b.line(
    `标记：✖ 数据错误  ▲ 需核对差异  ◆ 扣分未说明  ○ 无法按公式复核  ● 评分参数待核对。计入得分：${e.scoreSource === "entered" ? "以填报得分为准（空白时取计算得分）" : "以计算得分为准"}。`,
    styles.note
  );
  return { header, last };
}

/** One indicator's row of the table; `first` of its 一级 group. */
function indicatorRow(
  b: SheetBuilder,
  ind: Evaluation["indicators"][number],
  gaps: Evaluation["gaps"],
  first: boolean
): void {
  const row = b.row++;
  const marks = marksFor(ind, gaps);
  const flagged = marks.some((m) => !m.startsWith("●") && !m.startsWith("○"));
  // The 一级 on every row, never merged down: a merge a page break splits prints its name
  // above the next page's title rows (LibreOffice), and this sheet is fit to the page's
  // width, where the page breaks cannot be known to keep a merge whole. Grey after the first.
  b.put(row, 0, ind.level1, first ? look.groupLabel : look.groupLabelAgain);
  b.put(row, 1, ind.name, textCell);
  b.put(row, 2, ind.max.toNumber(), look.score);
  b.put(row, 3, dec(ind.entered), look.score);
  b.put(row, 4, dec(ind.computed), look.score);
  b.put(row, 5, ind.counted.toNumber(), flagged ? look.countedFlag : look.counted);
  b.put(row, 6, rateOf(ind.counted, ind.max), look.rate);
  b.put(row, 7, ind.explanation, look.small);
  b.put(row, 8, marks.join(" ") || null, flagged ? look.smallFlag : look.small);
  b.fit(row, ind.explanation, WIDTHS[7], 9);
  b.fit(row, ind.name, WIDTHS[1]);
}

/** The 合计 row's note: the cap, or the rescaling after 不适用 indicators, or nothing. */
function totalNote(e: Evaluation): string | null {
  if (e.cap !== null && e.uncapped.greaterThan(e.cap)) return `按执行率封顶为 ${score(e.cap)} 分`;
  return e.uncapped.equals(e.sum) ? null : `不适用指标剔除后折算为 ${score(e.uncapped)} 分`;
}

function totalSection(b: SheetBuilder, e: Evaluation): void {
  b.section("三、总分、等级与评分参数");
  const row = b.row++;
  const big: CellStyle = {
    bold: true,
    fontSize: 14,
    border: true,
    horizontal: "center",
    vertical: "center",
  };
  b.put(row, 0, "总分", { ...big, fill: "#D9E2F3" }, 2);
  b.put(row, 2, e.total.toNumber(), { ...big, numberFormat: formats.score }, 2);
  b.put(row, 4, "绩效等级", { ...big, fill: "#D9E2F3" }, 2);
  b.put(row, 6, e.grade, big, 3);
  b.heights[row] = 26;
  b.line(
    `等级标准：${e.standard.definition.grades.map((g) => `${g.grade} ${g.above ? ">" : "≥"} ${score(g.min)}`).join("；")}。`,
    styles.note
  );
  b.line(
    `评分标准：${e.standard.name}（来源：${e.standard.sourceText}）。${e.standard.note ?? ""}`,
    styles.note
  );

  const header = b.row++;
  b.put(header, 0, "评分参数", headerStyle, 2);
  b.put(header, 2, "取值", headerStyle, 4);
  b.put(header, 6, "说明", headerStyle, 2);
  b.put(header, 8, "状态", headerStyle);
  const shown = e.parameters.filter((p) => {
    if (p.unconfirmed || p.overridden) return true;
    if (p.path.endsWith(".max") || p.path.endsWith(".metric") || p.path.startsWith("grade."))
      return false;
    if (p.path.endsWith(".rule")) return p.value !== "主观评分";
    return true;
  });
  for (const p of shown) {
    const row = b.row++;
    const status = p.unconfirmed ? "●待核对" : p.overridden ? "已修改" : "—";
    b.put(row, 0, p.label, look.small, 2);
    b.put(row, 2, p.value, look.small, 4);
    b.put(row, 6, p.note ?? null, look.smaller, 2);
    b.put(row, 8, status, p.unconfirmed ? look.smallCenteredFlag : look.smallCentered);
    b.fit(row, p.label, WIDTHS[0] + WIDTHS[1], 9);
    b.fit(row, p.value, WIDTHS[2] + WIDTHS[3] + WIDTHS[4] + WIDTHS[5], 9);
    b.fit(row, p.note ?? "", WIDTHS[6] + WIDTHS[7], 8);
  }
}

function gapSection(b: SheetBuilder, e: Evaluation): void {
  b.section("四、问题清单");
  const header = b.row++;
  b.put(header, 0, "程度", headerStyle);
  b.put(header, 1, "指标", headerStyle);
  b.put(header, 2, "存在问题", headerStyle, 5);
  b.put(header, 7, "改进措施", headerStyle);
  b.put(header, 8, "来源单元格", headerStyle);
  if (e.gaps.length === 0) {
    b.line("未发现问题。", textCell);
    return;
  }
  for (const gap of e.gaps) {
    const row = b.row++;
    const strong = gap.severity === "error";
    b.put(row, 0, severityLabels[gap.severity], strong ? look.severityError : look.severity);
    b.put(row, 1, gap.indicator ?? "—", look.small);
    b.put(row, 2, gap.message, look.small, 5);
    b.put(row, 7, gap.suggestion, look.small);
    b.put(row, 8, gap.cell ?? "—", look.smaller);
    b.fit(row, gap.message, WIDTHS[2] * 3 + WIDTHS[5] + WIDTHS[6], 9);
    b.fit(row, gap.suggestion, WIDTHS[7], 9);
    b.fit(row, gap.indicator ?? "—", WIDTHS[1], 9);
    b.fit(row, gap.cell ?? "—", WIDTHS[8], 8);
  }
}

/** The project list as a row block, and its header and last row. */
function projectSection(
  b: SheetBuilder,
  e: Evaluation,
  projects: ProjectLine[]
): { block: RowBlock; table: Table } | undefined {
  if (projects.length === 0) return undefined;
  b.section("五、项目自评情况");
  if (e.projects) linkToProjectSummary(b, e.projects.results);
  const header = b.row++;
  [
    "序号",
    "项目名称",
    "项目预算",
    "实际支出",
    "执行率",
    "是否自评",
    "自评得分",
    "说明",
    "来源",
  ].forEach((h, i) => b.put(header, i, h, headerStyle));
  const amount = (key: "budget" | "spending") =>
    formatted(look.amount, amountFormat(projects.map((p) => p[key])));
  const block = projectBlock(projects, b.row, projectColumns(amount("budget"), amount("spending")));
  // A line whose 项目名称 or 来源 (`[某项目.xlsx]自评表!B3`) wraps is made as tall as it needs
  // (no writer fits rows); the others keep the default height.
  projects.forEach((p, line) => {
    b.fitWrapped(block.top + line, p.name, WIDTHS[1]);
    b.fitWrapped(block.top + line, p.cells?.name ?? "", WIDTHS[8], 8);
  });
  b.row += projects.length;
  return { block, table: { header, last: b.row - 1 } };
}

/** What a column of the project lines shows, and how (in one of `styles`). */
interface ProjectColumn {
  value: (p: ProjectLine, index: number) => LayoutValue;
  style: (p: ProjectLine) => CellStyle;
  styles: CellStyle[];
}

/** The project lines' columns, 项目预算 and 实际支出 in the looks given (their decimals). */
const projectColumns = (budget: CellStyle, spending: CellStyle): ProjectColumn[] => [
  { value: (_, i) => i + 1, style: () => look.centered, styles: [look.centered] },
  { value: (p) => p.name, style: () => textCell, styles: [textCell] },
  { value: (p) => dec(p.budget), style: () => budget, styles: [budget] },
  { value: (p) => dec(p.spending), style: () => spending, styles: [spending] },
  {
    value: (p) =>
      p.budget !== null && p.spending !== null && !p.budget.isZero()
        ? toDouble(p.spending.dividedBy(p.budget).toDecimalPlaces(4))
        : null,
    style: () => look.rate,
    styles: [look.rate],
  },
  {
    value: (p) => (p.evaluated ? "是" : "否"),
    style: (p) => (p.evaluated ? look.centered : look.centeredFlag),
    styles: [look.centered, look.centeredFlag],
  },
  { value: (p) => dec(p.selfScore), style: () => look.score, styles: [look.score] },
  {
    value: (p) => (p.evaluated ? null : "✖未开展自评"),
    style: () => look.small,
    styles: [look.small],
  },
  { value: (p) => p.cells?.name ?? null, style: () => look.smaller, styles: [look.smaller] },
];

/**
 * The project lines from row `top` as a row block: each cell made when a writer reads it, from
 * the projects as parsed (never changed after). A workbook may list 200,000 projects; nine cells
 * of their own a line were 0.6 KB of it, and the package writer streams the block.
 */
function projectBlock(
  projects: readonly ProjectLine[],
  top: number,
  columns: readonly ProjectColumn[]
): RowBlock {
  return {
    top,
    count: projects.length,
    width: columns.length,
    styles: columns.flatMap((c) => c.styles),
    cell(line, column) {
      const p = projects[line] as ProjectLine;
      const shows = columns[column] as ProjectColumn;
      return { row: top + line, column, value: shows.value(p, line), style: shows.style(p) };
    },
  };
}

/** With project forms, the department's page points to 项目自评汇总 (a link in the workbook). */
function linkToProjectSummary(b: SheetBuilder, forms: readonly { sheet: string }[]): void {
  const text = `各项目得分取自${formsWhere(forms)} ${forms.length} 张项目支出绩效自评表，明细与问题见“${PROJECT_SUMMARY_SHEET}”表（点击跳转）。`;
  const row = b.line(text, { ...styles.note, fontColor: "#0F6CBD" });
  const cell = b.cells.find((c) => c.row === row && c.column === 0) as LayoutCell;
  cell.formula = `=HYPERLINK("#'${PROJECT_SUMMARY_SHEET}'!A1","${text}")`;
}

export interface ProjectLine {
  name: string;
  budget: Dec | null;
  spending: Dec | null;
  selfScore: Dec | null;
  evaluated: boolean;
  /** Where the line comes from: the name's cell (a 项目清单 row's, a form's). */
  cells?: { name?: string };
}

/** The 核对清单 for one evaluation. Pure: same evaluation and options, same layout. */
export function checklistLayout(
  e: Evaluation,
  options: ChecklistOptions,
  projects: ProjectLine[] = []
): SheetLayout {
  const b = new SheetBuilder(WIDTHS);
  const title = `${e.department} ${yearly(e.year)}绩效自评核对清单`;
  b.put(0, 0, title, styles.pageTitle, COLUMNS);
  b.heights[0] = titleHeight(title, b.totalWidth);
  const subtitle = `单位：万元\u3000\u3000评分标准：${e.standard.name}\u3000\u3000生成日期：${options.date}`;
  b.fit(1, subtitle, b.totalWidth, styles.subtitle.fontSize);
  b.put(1, 0, subtitle, { ...styles.subtitle, horizontal: "left", wrap: true }, COLUMNS);
  b.row = 2;
  if (options.sources && options.sources.length > 0) {
    b.line(
      `数据来源：${options.sources.map((s) => `${s.title}（${s.sheet}!${s.range}）`).join("；")}`,
      styles.note
    );
  }
  budgetSection(b, e);
  const indicators = indicatorSection(b, e);
  totalSection(b, e);
  gapSection(b, e);
  const projectList = projectSection(b, e, projects);
  const rowBlock = projectList?.block;
  b.line(
    `${ASSISTANT_SIGNATURE}根据本工作簿数据生成，供核对，不随自评表报送；重新计算时整表替换，请勿在本表录入数据。`,
    {
      ...styles.note,
      italic: true,
    }
  );
  const lastRow = b.row - 1;
  const layout = b.toLayout(options.sheetName ?? CHECKLIST_SHEET, {
    ...(rowBlock ? { rowBlock } : {}),
    frozenRows: 0,
    tabColor: "#7F7F7F",
    print: {
      paper: "A4",
      orientation: "landscape",
      fitToPagesWide: 1,
      printArea: { top: 0, left: 0, bottom: lastRow, right: COLUMNS - 1 },
      centerHeader: headerFooterText(`${e.department} ${yearly(e.year)}绩效自评核对清单（不报送）`),
      centerFooter: "第 &P 页 共 &N 页",
      centerHorizontally: true,
      printGridlines: false,
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
  });
  return withRepeatedHeader(layout, indicators, projectList?.table);
}

/** Points `table`'s rows below its header print in (the layout's heights). */
const tableHeight = (layout: SheetLayout, { header, last }: Table): number => {
  let points = 0;
  for (let row = header + 1; row <= last; row++) points += rowHeight(layout, row);
  return points;
};

/**
 * The layout with one table's header as its print title rows. Excel, WPS and LibreOffice repeat
 * one range of rows, at the top of every page after the one it first prints on, whatever table
 * that page holds — so one table's header, the one a later page most needs: the indicator table's
 * (分值, 填报得分, 计算得分, 计入得分 and 得分率 are five columns of like figures, unreadable without
 * it) or the project list's (a line a project, thousands in a large department; the sheet's last
 * table, so its header never heads another), whichever prints taller. The indicator header
 * repeats only where its table runs onto another page (below it, it heads the parameters and
 * problems too). The budget table is a few lines; the parameter and problem lists read as text.
 */
function withRepeatedHeader(layout: SheetLayout, indicators: Table, projects?: Table): SheetLayout {
  const print = layout.print as PrintSetup;
  if (projects && tableHeight(layout, projects) >= tableHeight(layout, indicators))
    return {
      ...layout,
      print: { ...print, titleRows: { first: projects.header, last: projects.header } },
    };
  const titled = { ...print, titleRows: { first: indicators.header, last: indicators.header } };
  return titlesOnlyWhereNeeded({ ...layout, print: titled }, indicators.last);
}
