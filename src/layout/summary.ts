/**
 * 绩效自评汇总: the page the department signs — title, 单位, 部门预算支出明细表, the indicator table
 * (一级 / 二级 / 三级, 分值, 自评得分, 得分说明), 总分 and 等级, 存在问题 and 改进措施, and the signature
 * block — on A4 portrait at full size (columns chosen to fit, text wrapped, nothing under 10 pt),
 * the indicator table's header repeated on every page. Nothing about the tool prints here: that
 * is the 核对清单 (checklist.ts). Pure; every writer renders it.
 */
import { yearly } from "../model/year";
import type { Dec } from "../model/decimal";
import type { Evaluation, IndicatorResult } from "../evaluate/result";
import { departmentProblems, ordinal } from "../submission/problems";
import { capNote, gradeFootnote, rescaleNote, scoreNote } from "../submission/wording";
import type { CellStyle, LayoutValue, PrintSetup, SheetLayout } from "./sheetLayout";
import {
  DEFAULT_ROW_HEIGHT,
  type RowSpan,
  keepSpansOnPages,
  pagesOfRows,
  rowHeight,
  titlesOnlyWhereNeeded,
} from "./pagination";
import { SheetBuilder } from "./sheetBuilder";
import { amountFormat } from "./displayFormat";
import { ASSISTANT_SIGNATURE, formats, styles, titleHeight } from "./style";

export const SUMMARY_SHEET = "绩效自评汇总";
/** 一级 · 二级 · 三级 · 分值 · 自评得分 · 得分说明 (three columns): 86 characters, A4 at 100%. */
const WIDTHS = [8, 10, 15, 7, 8, 13, 13, 12];
const COLUMNS = WIDTHS.length;
/** Body text; notes are never smaller than 10 pt on this page. */
const BODY = 10.5;

export interface SummaryOptions {
  /** Sheet name to use (when 绩效自评汇总 is taken by a sheet we did not create). */
  sheetName?: string;
  /** 部门负责人 and 填报人 as the workbook states them, printed in the signature block. */
  signatories?: { leader?: string; preparer?: string };
}

const text: CellStyle = { ...styles.cell, wrap: true };
const look = {
  text,
  centered: { ...text, horizontal: "center" } as CellStyle,
  score: { ...styles.cell, numberFormat: formats.score, horizontal: "right" } as CellStyle,
  amount: { ...styles.cell, numberFormat: formats.amount, horizontal: "right" } as CellStyle,
  rate: { ...styles.cell, numberFormat: formats.rate, horizontal: "right" } as CellStyle,
  total: { ...styles.total, wrap: true } as CellStyle,
  totalScore: { ...styles.total, numberFormat: formats.score, horizontal: "right" } as CellStyle,
  totalAmount: { ...styles.total, numberFormat: formats.amount, horizontal: "right" } as CellStyle,
  totalRate: { ...styles.total, numberFormat: formats.rate, horizontal: "right" } as CellStyle,
  note: { fontSize: 10, wrap: true, vertical: "top" } as CellStyle,
  item: { fontSize: BODY, wrap: true, vertical: "top" } as CellStyle,
};

const num = (value: Dec | null): LayoutValue => (value === null ? null : value.toNumber());
const span = (from: number, to: number) => WIDTHS.slice(from, to + 1).reduce((a, b) => a + b, 0);

/**
 * A budget column's looks, plain and on the 合计 row: as many decimals as its figures have
 * (`amountFormat`), so that what prints is what was typed and the parts add up on the page.
 */
function amountLooks(values: (Dec | null)[]): { plain: CellStyle; total: CellStyle } {
  const numberFormat = amountFormat(values);
  return { plain: { ...look.amount, numberFormat }, total: { ...look.totalAmount, numberFormat } };
}

function budgetTable(b: SheetBuilder, e: Evaluation): void {
  b.section("一、部门预算支出明细表");
  const header = b.row++;
  b.put(header, 0, "支出类别", styles.header, 3);
  b.put(header, 3, "年初预算数", styles.header, 2);
  b.put(header, 5, "调整预算数", styles.header);
  b.put(header, 6, "决算数", styles.header);
  b.put(header, 7, "执行率", styles.header);
  if (e.budget.rows.length === 0) {
    b.line("未读取到部门预算支出明细表。", look.text);
    return;
  }
  // In the unit the department kept the table in (元 as typed: its parts add up on the page).
  const unit = e.budget.unit;
  const inUnit = (v: Dec | null) => (v === null || !unit ? v : v.dividedBy(unit.factor));
  const columns = (["initial", "adjusted", "final"] as const).map((key, i) => ({
    key,
    at: [3, 5, 6][i] as number,
    looks: amountLooks(e.budget.rows.map((r) => inUnit(r[key]))),
  }));
  for (const r of e.budget.rows) {
    const row = b.row++;
    const total = r.category === "total";
    b.put(row, 0, r.label, total ? look.total : look.text, 3);
    for (const c of columns)
      b.put(
        row,
        c.at,
        num(inUnit(r[c.key])),
        c.looks[total ? "total" : "plain"],
        c.at === 3 ? 2 : 1
      );
    b.put(row, 7, num(r.executionRate), total ? look.totalRate : look.rate);
  }
  b.line(
    `单位：${unit?.label ?? "万元"}。${e.budget.execution.definition}。${e.budget.columnNote ?? ""}`,
    look.note
  );
}

/** 一级 · 二级 · 三级 as the standard names them; the deepest given is the indicator's name. */
function levels(i: IndicatorResult): [string, string | null] {
  if (i.level3) return [i.level2 ?? "", i.level3];
  if (i.level2 && i.level2 !== i.name) return [i.level2, i.name];
  return [i.name, null];
}

function indicatorRow(b: SheetBuilder, i: IndicatorResult, first: boolean): void {
  const row = b.row++;
  const [second, third] = levels(i);
  const note = scoreNote(i);
  b.put(row, 0, first ? i.level1 : null, look.centered);
  if (third === null) b.put(row, 1, second, look.text, 2);
  else {
    b.put(row, 1, second, look.text);
    b.put(row, 2, third, look.text);
  }
  b.put(row, 3, i.max.toNumber(), look.score);
  b.put(row, 4, i.notApplicable ? "不适用" : i.counted.toNumber(), look.score);
  b.put(row, 5, note || null, look.text, 3);
  b.fit(row, note, span(5, 7), BODY);
  b.fit(row, third ?? second, third === null ? span(1, 2) : WIDTHS[2], BODY);
}

/** A 一级 group's rows in the indicator table, its name in a cell merged down over them. */
interface Group extends RowSpan {
  name: string;
}

/**
 * The indicator table; returns its header row (repeated on every printed page) and its 一级
 * groups, merged once the page breaks are known (`groupsOnPages`).
 */
function indicatorTable(b: SheetBuilder, e: Evaluation): { header: number; groups: Group[] } {
  b.section("二、绩效指标自评情况");
  const header = b.row++;
  ["一级指标", "二级指标", "三级指标", "分值", "自评得分"].forEach((h, i) =>
    b.put(header, i, h, styles.header)
  );
  b.put(header, 5, "得分说明", styles.header, 3);
  const groups: Group[] = [];
  for (const group of e.groups) {
    const top = b.row;
    e.indicators
      .filter((i) => i.level1 === group.level1)
      .forEach((i, index) => indicatorRow(b, i, index === 0));
    // The first group moves to a new page with the section's heading and the table's header.
    const from = groups.length === 0 ? header - 2 : top;
    if (b.row > top) groups.push({ name: group.level1, top, bottom: b.row - 1, from });
  }
  const row = b.row++;
  b.put(row, 0, "合计", { ...look.total, horizontal: "center" }, 3);
  b.put(row, 3, e.maxTotal.toNumber(), look.totalScore);
  b.put(row, 4, e.sum.toNumber(), look.totalScore);
  b.put(row, 5, null, look.total, 3);
  return { header, groups };
}

/** The 一级 name heading a group's rows on a later page. */
const continued = (name: string) => `${name}（续）`;

/**
 * Merges each 一级 group's name down over its rows so that no merge crosses a page: a group that
 * would cross starts a page when it fits on one, a longer one is merged page by page, its name
 * repeated as “管理效率（续）” on each later page (the row made tall enough for it, and the pages
 * counted again). Returns the page breaks this needs. `layout` holds the builder's row heights.
 */
function groupsOnPages(b: SheetBuilder, layout: SheetLayout, groups: readonly Group[]): number[] {
  for (;;) {
    const { breaks, parts } = keepSpansOnPages(layout, groups);
    const later = parts.flatMap((p, g) =>
      p.slice(1).map((part) => ({ ...part, name: continued(groups[g].name) }))
    );
    const grown = later.filter((part) => {
      const before = b.heights[part.top];
      b.fit(part.top, part.name, WIDTHS[0], BODY);
      return b.heights[part.top] !== before;
    });
    if (grown.length > 0) continue;
    for (const part of later) {
      const cell = b.cells.find((c) => c.row === part.top && c.column === 0);
      if (cell) cell.value = part.name;
    }
    for (const part of parts.flat()) b.down(0, part.top, part.bottom);
    return breaks;
  }
}

function totalAndGrade(b: SheetBuilder, e: Evaluation): void {
  const row = b.row++;
  const big: CellStyle = { ...styles.header, fontSize: 13 };
  b.put(row, 0, "总分", big, 2);
  b.put(row, 2, e.total.toNumber(), { ...big, fill: undefined, numberFormat: formats.score }, 2);
  b.put(row, 4, "绩效等级", big, 2);
  b.put(row, 6, e.grade, { ...big, fill: undefined }, 2);
  b.heights[row] = 26;
  b.line(`${gradeFootnote(e.standard.definition.grades)}${rescaleNote(e)}${capNote(e)}`, look.note);
}

/** 存在问题 and 改进措施; returns the 改进措施 heading's row and its last item's. */
function problemsAndMeasures(b: SheetBuilder, e: Evaluation): { heading: number; last: number } {
  const items = departmentProblems(e);
  b.section("三、存在问题");
  if (items.length === 0) b.line("无。", look.item);
  items.forEach((item, i) => b.line(`${ordinal(i)}${item.problem}`, look.item));
  b.section("四、改进措施");
  const heading = b.row - 1;
  if (items.length === 0) b.line("无。", look.item);
  items.forEach((item, i) => b.line(`${ordinal(i)}${item.measure}`, look.item));
  return { heading, last: b.row - 1 };
}

/** Printed content (points) a page must hold besides the signature block. */
const WITH_SIGNATURE = 40;
/** Room (points) kept at a page's foot: a signature ending closer could be pushed over. */
const FOOT_ROOM = 24;

/**
 * The layout's page breaks, and one that keeps the signature block from printing alone (or
 * nearly so, or so close to the foot that a slightly taller row would push it over): before the
 * 改进措施 heading when that section and the signature fit on one page, else before as many of its
 * last items as make WITH_SIGNATURE points of company.
 */
function keepSignatureCompany(
  layout: SheetLayout & { print: PrintSetup },
  measures: { heading: number; last: number },
  signature: number
): number[] {
  const pages = pagesOfRows(layout);
  const page = pages[signature];
  // What else prints on the signature's page (the blank row above it aside).
  const before = pages
    .map((p, row) => (p === page && row < signature - 1 ? rowHeight(layout, row) : 0))
    .reduce((a, b) => a + b, 0);
  const last = layout.print.printArea.bottom;
  const spills = pages[last] !== page || nearFoot(layout, pages, last);
  const own = layout.print.rowBreaks ?? [];
  if (before >= WITH_SIGNATURE && !spills) return own;
  const heading = [...own, measures.heading];
  const fits = pagesOfRows({ ...layout, print: { ...layout.print, rowBreaks: heading } });
  // Before the blank row above the heading, so no page is left holding only that blank row.
  if (fits[measures.heading] === fits[last]) return [...own, measures.heading - 1];
  // The whole section is too long to move: move its last items, enough to keep company.
  let at = measures.last;
  let carried = rowHeight(layout, at);
  while (carried < WITH_SIGNATURE && at > measures.heading) carried += rowHeight(layout, --at);
  return [...own, at];
}

/** Whether `row` ends within FOOT_ROOM of its page's foot. */
function nearFoot(layout: SheetLayout, pages: number[], row: number): boolean {
  const next = {
    ...layout,
    rowHeights: { ...layout.rowHeights, [row]: rowHeight(layout, row) + FOOT_ROOM },
  };
  return pagesOfRows(next)[row] !== pages[row];
}

/** The signature block; returns the row of 部门负责人 / 填报人 / 填报日期. */
function signatureBlock(b: SheetBuilder, options: SummaryOptions): number {
  b.row++;
  const row = b.row++;
  const sig: CellStyle = { vertical: "bottom", fontSize: BODY };
  const who = options.signatories ?? {};
  b.put(row, 0, `部门负责人（签名）：${who.leader ?? ""}`, sig, 3);
  b.put(row, 3, `填报人：${who.preparer ?? ""}`, sig, 3);
  b.put(row, 6, "填报日期：\u3000\u3000年\u3000月\u3000日", sig, 2);
  b.heights[row] = 32;
  const seal = b.row++;
  b.put(seal, 5, "（部门公章）", { ...sig, horizontal: "center" }, 3);
  b.heights[seal] = 40;
  return row;
}

/** The form's title, and the department (for its seal) beside the amounts' unit. */
function titleRows(b: SheetBuilder, e: Evaluation): void {
  const title = `${e.department} ${yearly(e.year)}部门整体支出绩效自评表`;
  b.put(0, 0, title, styles.pageTitle, COLUMNS);
  b.heights[0] = titleHeight(title, b.totalWidth);
  const sealed = `部门名称（公章）：${e.department}`;
  b.put(1, 0, sealed, { fontSize: BODY, wrap: true, vertical: "center" }, 5);
  b.fit(
    1,
    sealed,
    WIDTHS.slice(0, 5).reduce((a, w) => a + w, 0),
    BODY
  );
  const unit = e.budget.unit?.label ?? "万元";
  b.put(1, 5, `金额单位：${unit}`, { fontSize: BODY, horizontal: "right" }, 3);
  b.row = 2;
}

/** The summary for one evaluation. Pure: same evaluation and options, same layout. */
export function summaryLayout(e: Evaluation, options: SummaryOptions = {}): SheetLayout {
  const b = new SheetBuilder(WIDTHS, BODY);
  titleRows(b, e);
  budgetTable(b, e);
  const { header, groups } = indicatorTable(b, e);
  const tableLast = b.row - 1;
  totalAndGrade(b, e);
  const measures = problemsAndMeasures(b, e);
  const signature = signatureBlock(b, options);
  const lastPrinted = b.row - 1;
  // Outside the print area: tells the parser this sheet is output, never input.
  b.line(`${ASSISTANT_SIGNATURE}根据本工作簿数据生成，重新计算时整表替换。`, {
    ...styles.note,
    fontColor: "#7F7F7F",
  });
  const built: SheetLayout & { print: PrintSetup } = b.toLayout(
    options.sheetName ?? SUMMARY_SHEET,
    {
      frozenRows: 0,
      tabColor: "#0F6CBD",
      print: {
        paper: "A4",
        orientation: "portrait",
        fitToPagesWide: 1,
        titleRows: { first: header, last: header },
        printArea: { top: 0, left: 0, bottom: lastPrinted, right: COLUMNS - 1 },
        centerFooter: "第 &P 页 共 &N 页",
        centerHorizontally: true,
        printGridlines: false,
        margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      },
    }
  );
  // Every printed row sized here, so every writer prints the heights the pages were counted with.
  for (let row = 0; row <= lastPrinted; row++) b.heights[row] ??= DEFAULT_ROW_HEIGHT;
  const kept = groupsOnPages(b, built, groups);
  // The indicator header repeats only if the indicator table runs onto a second page (as it
  // does when a group had to be kept from crossing one).
  const layout =
    kept.length > 0
      ? { ...built, print: { ...built.print, rowBreaks: kept } }
      : (titlesOnlyWhereNeeded(built, tableLast) as SheetLayout & { print: PrintSetup });
  const breaks = keepSignatureCompany(layout, measures, signature);
  // A manual break holds only at a fixed scale (Excel ignores it on a sheet fit to pages); the
  // columns are chosen to fit A4 at 100%.
  if (breaks.length > 0) layout.print = { ...layout.print, rowBreaks: breaks, scale: 100 };
  return layout;
}
