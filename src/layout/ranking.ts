/**
 * 汇总排名: the consolidation sheet of a folder of departments — one row per scored workbook
 * (部门, 年度, 总分, 等级, the execution rate that scored, the counted score per 一级指标, 问题数 by
 * severity, 源文件), ranked by 总分, and the files that could not be scored with the reason.
 * Pure data (a SheetLayout), print-ready like the summary sheet; the ExcelJS writer renders it.
 */
import { UNGRADED } from "../evaluate/totals";
import { type Dec, ZERO, excelRound, score } from "../model/decimal";
import type { Evaluation, Severity } from "../evaluate/result";
import { severityLabels } from "../evaluate/result";
import type { CellStyle, LayoutCell, LayoutValue, MergeRange, SheetLayout } from "./sheetLayout";
import { FONT_SIZE, SHEET_FONT, formats, rowHeightFor, styles, titleHeight } from "./style";

export const RANKING_SHEET = "汇总排名";
/** The file the command line writes into the output folder (and skips when it reads one). */
export const RANKING_FILE = "汇总排名.xlsx";

/** What the ranking needs of one scored workbook. */
export interface RankingEntry {
  department: string;
  year: number;
  total: Dec;
  grade: string;
  /** The execution rate used for scoring (official or table), as a fraction. */
  executionRate: Dec | null;
  /** Counted score per 一级指标, in the workbook's order. */
  groups: { level1: string; counted: Dec }[];
  /** Number of gaps (问题清单 rows) by severity. */
  gaps: Record<Severity, number>;
  /** Source file name. */
  file: string;
}

export interface RankedEntry extends RankingEntry {
  /**
   * 1-based; equal totals share a rank (1, 2, 2, 4). Null for a workbook whose grade could not
   * be determined (无法评定: the indicators' maxima do not add to 100): its total is not
   * comparable, so it is listed after the ranked ones, unranked.
   */
  rank: number | null;
}

/** A file that could not be scored, for the second section. */
export interface RankingFailure {
  file: string;
  reason: string;
}

export interface RankingOptions {
  /** Generation date shown on the sheet, `YYYY-MM-DD`. */
  date: string;
}

const SEVERITIES: Severity[] = ["error", "warning", "info"];
/** Shown for a workbook whose 部门名称 could not be read. */
export const NO_NAME = "（未填部门名称）";
const collator = new Intl.Collator("zh-Hans-CN", { numeric: true });

export function rankingEntry(e: Evaluation, file: string): RankingEntry {
  const gaps: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const gap of e.gaps) gaps[gap.severity]++;
  return {
    department: e.department,
    year: e.year,
    total: e.total,
    grade: e.grade,
    executionRate: e.budget.execution.value,
    groups: e.groups.map((g) => ({ level1: g.level1, counted: g.counted })),
    gaps,
    file,
  };
}

/**
 * Sorted by 总分 (descending), then 部门 (拼音 order), then file; equal totals share a rank.
 * Workbooks graded 无法评定 follow, unranked, by 部门 and file.
 */
export function rankEntries(entries: readonly RankingEntry[]): RankedEntry[] {
  const byName = (a: RankingEntry, b: RankingEntry) =>
    collator.compare(a.department || NO_NAME, b.department || NO_NAME) ||
    collator.compare(a.file, b.file);
  const graded = entries
    .filter((e) => e.grade !== UNGRADED)
    .sort((a, b) => b.total.comparedTo(a.total) || byName(a, b));
  const ranked: RankedEntry[] = [];
  graded.forEach((entry, i) => {
    const previous = ranked[i - 1];
    const rank = previous && previous.total.equals(entry.total) ? previous.rank : i + 1;
    ranked.push({ ...entry, rank });
  });
  for (const entry of entries.filter((e) => e.grade === UNGRADED).sort(byName))
    ranked.push({ ...entry, rank: null });
  return ranked;
}

/**
 * What a reader of the ranking should check before trusting it: a department submitted more
 * than once, or workbooks of different years ranked together. Empty when nothing is odd.
 */
export function rankingWarnings(entries: readonly RankingEntry[]): string[] {
  const warnings: string[] = [];
  const byDepartment = new Map<string, string[]>();
  for (const e of entries)
    if (e.department)
      byDepartment.set(e.department, [...(byDepartment.get(e.department) ?? []), e.file]);
  for (const [department, files] of byDepartment)
    if (files.length > 1)
      warnings.push(
        `“${department}”出现 ${files.length} 次（${files.join("、")}），请核对是否重复提交。`
      );
  const years = [...new Set(entries.map((e) => e.year).filter((y) => y > 0))].sort();
  if (years.length > 1)
    warnings.push(
      `包含不同年度（${years.join("、")}）的自评表，名次按总分排在一起，请分年度比较。`
    );
  const ungraded = entries.filter((e) => e.grade === UNGRADED).length;
  if (ungraded > 0)
    warnings.push(
      `${ungraded} 个工作簿无法评定等级（指标分值合计不为 100），列在最后，不参与排名。`
    );
  return warnings;
}

/** Every 一级指标 across the entries, in order of first appearance. */
export function level1Columns(entries: readonly RankingEntry[]): string[] {
  const seen = new Set<string>();
  for (const e of entries) for (const g of e.groups) seen.add(g.level1);
  return [...seen];
}

/** `优 3 个，良 1 个；平均分 90.12 分` for the note under the table (ranked entries only). */
function statistics(all: readonly RankedEntry[]): string {
  const ranked = all.filter((e) => e.rank !== null);
  if (ranked.length === 0) return "没有可排名的部门。";
  const grades = new Map<string, number>();
  for (const e of ranked) grades.set(e.grade, (grades.get(e.grade) ?? 0) + 1);
  const sum = ranked.reduce<Dec>((acc, e) => acc.plus(e.total), ZERO);
  const mean = excelRound(sum.dividedBy(ranked.length), 2);
  return (
    `共 ${ranked.length} 个部门：${[...grades].map(([g, n]) => `${g} ${n} 个`).join("，")}；` +
    `平均分 ${score(mean)} 分，最高 ${score(ranked[0].total)} 分，最低 ${score(ranked[ranked.length - 1].total)} 分。`
  );
}

interface Column {
  header: string;
  /** Group header above (merged across its columns), if any. */
  group?: string;
  width: number;
}

/** The 汇总排名 sheet. Pure: same entries, failures and options, same layout. */
export function rankingLayout(
  entries: readonly RankingEntry[],
  failures: readonly RankingFailure[],
  options: RankingOptions
): SheetLayout {
  const ranked = rankEntries(entries);
  const level1 = level1Columns(entries);
  const columns: Column[] = [
    { header: "排名", width: 6 },
    { header: "部门", width: 30 },
    { header: "年度", width: 7 },
    { header: "总分", width: 9 },
    { header: "等级", width: 7 },
    { header: "财政支出执行率", width: 11 },
    ...level1.map((name) => ({ header: name, group: "一级指标得分", width: 11 })),
    ...SEVERITIES.map((s) => ({ header: severityLabels[s], group: "问题数", width: 6 })),
    { header: "源文件", width: 28 },
  ];
  const last = columns.length - 1;
  const widths = columns.map((c) => c.width);
  const totalWidth = widths.reduce((a, b) => a + b, 0);
  const cells: LayoutCell[] = [];
  const merges: MergeRange[] = [];
  const heights: Record<number, number> = {};
  const put = (row: number, column: number, value: LayoutValue, style?: CellStyle, span = 1) => {
    cells.push({ row, column, value, style });
    for (let c = column + 1; c < column + span; c++)
      cells.push({ row, column: c, value: null, style });
    if (span > 1) merges.push({ top: row, left: column, bottom: row, right: column + span - 1 });
  };
  const widthOf = (from: number, span: number) =>
    widths.slice(from, from + span).reduce((a, b) => a + b, 0);

  const years = [...new Set(ranked.map((e) => e.year))];
  const title = `${years.length === 1 ? `${years[0]} 年度` : ""}部门整体支出绩效自评汇总排名`;
  put(0, 0, title, styles.pageTitle, columns.length);
  heights[0] = titleHeight(title, widthOf(0, columns.length));
  put(
    1,
    0,
    `部门 ${ranked.length} 个${failures.length > 0 ? `，未能评分的文件 ${failures.length} 个` : ""}\u3000\u3000得分单位：分\u3000\u3000生成日期：${options.date}`,
    { ...styles.subtitle, horizontal: "left" },
    columns.length
  );

  // Two header rows: groups (一级指标得分, 问题数) over their columns; other headers span both.
  const top = 2;
  for (let c = 0; c < columns.length; c++) {
    const group = columns[c].group;
    if (!group) {
      put(top, c, columns[c].header, styles.header);
      put(top + 1, c, null, styles.header);
      merges.push({ top, left: c, bottom: top + 1, right: c });
      continue;
    }
    let span = 1;
    while (columns[c + span]?.group === group) span++;
    put(top, c, group, styles.header, span);
    for (let i = 0; i < span; i++) put(top + 1, c + i, columns[c + i].header, styles.header);
    c += span - 1;
  }
  heights[top] = 20;
  heights[top + 1] = Math.max(
    20,
    ...columns.map((col) => (col.group ? rowHeightFor(col.header, col.width) : 0))
  );

  const number = (format: string, extra: CellStyle = {}): CellStyle => ({
    ...styles.cell,
    numberFormat: format,
    horizontal: "right",
    ...extra,
  });
  const center: CellStyle = { ...styles.cell, horizontal: "center" };
  const text: CellStyle = { ...styles.cell, wrap: true };
  let row = top + 2;
  for (const e of ranked) {
    const counted = new Map(e.groups.map((g) => [g.level1, g.counted]));
    put(row, 0, e.rank ?? "—", center);
    put(row, 1, e.department || NO_NAME, text);
    put(row, 2, e.year || null, center);
    put(row, 3, e.total.toNumber(), number(formats.score, { bold: true }));
    put(row, 4, e.grade, center);
    put(row, 5, e.executionRate === null ? null : e.executionRate.toNumber(), number(formats.rate));
    level1.forEach((name, i) => {
      const value = counted.get(name);
      put(row, 6 + i, value === undefined ? null : value.toNumber(), number(formats.score));
    });
    SEVERITIES.forEach((s, i) => {
      const n = e.gaps[s];
      put(
        row,
        6 + level1.length + i,
        n,
        number(formats.integer, s === "error" && n > 0 ? { bold: true, fill: "#FCE4D6" } : {})
      );
    });
    put(row, last, e.file, { ...text, fontSize: 9 });
    heights[row] = Math.max(
      rowHeightFor(e.department || NO_NAME, widths[1]),
      rowHeightFor(e.file, widths[last], 9)
    );
    row++;
  }

  const note =
    `${statistics(ranked)}总分相同者名次并列，按部门名称排列。财政支出执行率为计分所用的执行率；` +
    `一级指标得分为计入得分小计，空白表示该工作簿没有此一级指标；问题数为各部门问题清单的条数。` +
    rankingWarnings(entries)
      .map((w) => `\n注意：${w}`)
      .join("");
  put(row, 0, note, styles.note, columns.length);
  heights[row] = rowHeightFor(note, totalWidth, 9);
  row++;

  if (failures.length > 0) {
    row++;
    put(
      row,
      0,
      `未能评分的文件（${failures.length} 个）`,
      {
        bold: true,
        fontSize: 12,
        borderBottomThick: true,
      },
      columns.length
    );
    row++;
    const fileSpan = 2;
    const reasonSpan = columns.length - 1 - fileSpan;
    put(row, 0, "序号", styles.header);
    put(row, 1, "文件", styles.header, fileSpan);
    put(row, 1 + fileSpan, "原因", styles.header, reasonSpan);
    row++;
    failures.forEach((f, i) => {
      put(row, 0, i + 1, center);
      put(row, 1, f.file, text, fileSpan);
      put(row, 1 + fileSpan, f.reason, text, reasonSpan);
      heights[row] = Math.max(
        rowHeightFor(f.file, widthOf(1, fileSpan)),
        rowHeightFor(f.reason, widthOf(1 + fileSpan, reasonSpan))
      );
      row++;
    });
  }

  return {
    name: RANKING_SHEET,
    fontName: SHEET_FONT,
    fontSize: FONT_SIZE,
    cells,
    merges,
    columnWidths: widths,
    rowHeights: heights,
    frozenRows: top + 2,
    showGridlines: false,
    tabColor: "#0F6CBD",
    print: {
      paper: "A4",
      // About 130 characters wide with two 一级 columns: more than A4 portrait holds (≈ 95).
      orientation: "landscape",
      fitToPagesWide: 1,
      titleRows: { first: 0, last: top + 1 },
      printArea: { top: 0, left: 0, bottom: row - 1, right: last },
      centerHeader: title,
      centerFooter: "第 &P 页 共 &N 页",
      leftFooter: `生成日期：${options.date}`,
      centerHorizontally: true,
      printGridlines: false,
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
  };
}
