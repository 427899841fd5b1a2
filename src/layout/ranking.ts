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
import { SheetBuilder } from "./sheetBuilder";
import type { CellStyle, SheetLayout } from "./sheetLayout";
import { FONT_SIZE, formats, rowHeightFor, styles, titleHeight } from "./style";

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
  /** Workbooks of project forms alone: scored, but no department to rank (named in the note). */
  formsOnly?: readonly string[];
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

/** The sheet's columns: fixed ones, the 一级 found in the workbooks, 问题数 by severity, 源文件. */
function columnsFor(level1: readonly string[]): Column[] {
  return [
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
}

/** Row 0 the title, row 1 the counts and date; the title. */
function titleRows(
  s: SheetBuilder,
  ranked: readonly RankedEntry[],
  failures: number,
  date: string
): string {
  const years = [...new Set(ranked.map((e) => e.year))];
  const title = `${years.length === 1 ? `${years[0]} 年度` : ""}部门整体支出绩效自评汇总排名`;
  const span = s.widths.length;
  s.put(0, 0, title, styles.pageTitle, span);
  s.heights[0] = titleHeight(title, s.totalWidth);
  const failed = failures > 0 ? `，未能评分的文件 ${failures} 个` : "";
  const subtitle = `部门 ${ranked.length} 个${failed}\u3000\u3000得分单位：分\u3000\u3000生成日期：${date}`;
  s.put(1, 0, subtitle, { ...styles.subtitle, horizontal: "left" }, span);
  s.row = 2;
  return title;
}

/** Two header rows: groups (一级指标得分, 问题数) over their columns; other headers span both. */
function headerRows(s: SheetBuilder, columns: readonly Column[]): void {
  const top = s.row;
  for (let c = 0; c < columns.length; c++) {
    const group = columns[c].group;
    if (!group) {
      s.put(top, c, columns[c].header, styles.header);
      s.put(top + 1, c, null, styles.header);
      s.down(c, top, top + 1);
      continue;
    }
    let span = 1;
    while (columns[c + span]?.group === group) span++;
    s.put(top, c, group, styles.header, span);
    for (let i = 0; i < span; i++) s.put(top + 1, c + i, columns[c + i].header, styles.header);
    c += span - 1;
  }
  s.heights[top] = 20;
  s.heights[top + 1] = Math.max(
    20,
    ...columns.map((col) => (col.group ? rowHeightFor(col.header, col.width) : 0))
  );
  s.row = top + 2;
}

const numberStyle = (format: string, extra: CellStyle = {}): CellStyle => ({
  ...styles.cell,
  numberFormat: format,
  horizontal: "right",
  ...extra,
});
const CENTER: CellStyle = { ...styles.cell, horizontal: "center" };
const TEXT: CellStyle = { ...styles.cell, wrap: true };

/** One department's row: rank, figures, counted score per 一级, 问题数, 源文件. */
function entryRow(s: SheetBuilder, e: RankedEntry, level1: readonly string[]): void {
  const row = s.row++;
  const last = s.widths.length - 1;
  const counted = new Map(e.groups.map((g) => [g.level1, g.counted]));
  s.put(row, 0, e.rank ?? "—", CENTER);
  s.put(row, 1, e.department || NO_NAME, TEXT);
  s.put(row, 2, e.year || null, CENTER);
  s.put(row, 3, e.total.toNumber(), numberStyle(formats.score, { bold: true }));
  s.put(row, 4, e.grade, CENTER);
  const rate = e.executionRate === null ? null : e.executionRate.toNumber();
  s.put(row, 5, rate, numberStyle(formats.rate));
  level1.forEach((name, i) => {
    const value = counted.get(name);
    s.put(row, 6 + i, value === undefined ? null : value.toNumber(), numberStyle(formats.score));
  });
  SEVERITIES.forEach((severity, i) => {
    const n = e.gaps[severity];
    const flag = severity === "error" && n > 0 ? { bold: true, fill: "#FCE4D6" } : {};
    s.put(row, 6 + level1.length + i, n, numberStyle(formats.integer, flag));
  });
  s.put(row, last, e.file, { ...TEXT, fontSize: 9 });
  s.fit(row, e.department || NO_NAME, s.widths[1]);
  s.fit(row, e.file, s.widths[last], 9);
}

/**
 * The workbooks whose project forms alone were scored (no department table, or none filled in),
 * not ranked: one sentence naming them.
 */
export function formsOnlyNote(files: readonly string[]): string {
  return `另有 ${files.length} 个工作簿只评分了项目支出绩效自评表（部门的预算支出明细表和绩效指标表未找到或尚未填写数据），未列入排名：${files.join("、")}。`;
}

/** The note under the table: statistics, how to read it, warnings. */
function noteRow(
  s: SheetBuilder,
  ranked: RankedEntry[],
  entries: readonly RankingEntry[],
  formsOnly: readonly string[] = []
): void {
  const forms = formsOnly.length > 0 ? `\n${formsOnlyNote(formsOnly)}` : "";
  const note =
    `${statistics(ranked)}总分相同者名次并列，按部门名称排列。财政支出执行率为计分所用的执行率；` +
    `一级指标得分为计入得分小计，空白表示该工作簿没有此一级指标；问题数为各部门问题清单的条数。` +
    forms +
    rankingWarnings(entries)
      .map((w) => `\n注意：${w}`)
      .join("");
  const row = s.row++;
  s.put(row, 0, note, styles.note, s.widths.length);
  s.fit(row, note, s.totalWidth, 9);
}

/** 未能评分的文件: a heading, then 序号 · 文件 · 原因 per file. */
function failureRows(s: SheetBuilder, failures: readonly RankingFailure[]): void {
  if (failures.length === 0) return;
  s.row++;
  const heading = { bold: true, fontSize: 12, borderBottomThick: true };
  s.put(s.row++, 0, `未能评分的文件（${failures.length} 个）`, heading, s.widths.length);
  const fileSpan = 2;
  const reasonSpan = s.widths.length - 1 - fileSpan;
  const widthOf = (from: number, span: number) =>
    s.widths.slice(from, from + span).reduce((a, b) => a + b, 0);
  const header = s.row++;
  s.put(header, 0, "序号", styles.header);
  s.put(header, 1, "文件", styles.header, fileSpan);
  s.put(header, 1 + fileSpan, "原因", styles.header, reasonSpan);
  failures.forEach((f, i) => {
    const row = s.row++;
    s.put(row, 0, i + 1, CENTER);
    s.put(row, 1, f.file, TEXT, fileSpan);
    s.put(row, 1 + fileSpan, f.reason, TEXT, reasonSpan);
    s.fit(row, f.file, widthOf(1, fileSpan));
    s.fit(row, f.reason, widthOf(1 + fileSpan, reasonSpan));
  });
}

/** The 汇总排名 sheet. Pure: same entries, failures and options, same layout. */
export function rankingLayout(
  entries: readonly RankingEntry[],
  failures: readonly RankingFailure[],
  options: RankingOptions
): SheetLayout {
  const ranked = rankEntries(entries);
  const level1 = level1Columns(entries);
  const columns = columnsFor(level1);
  const s = new SheetBuilder(
    columns.map((c) => c.width),
    FONT_SIZE
  );
  const title = titleRows(s, ranked, failures.length, options.date);
  const headerTop = s.row;
  headerRows(s, columns);
  for (const e of ranked) entryRow(s, e, level1);
  noteRow(s, ranked, entries, options.formsOnly);
  failureRows(s, failures);
  return s.toLayout(RANKING_SHEET, {
    frozenRows: headerTop + 2,
    tabColor: "#0F6CBD",
    print: {
      paper: "A4",
      // About 130 characters wide with two 一级 columns: more than A4 portrait holds (≈ 95).
      orientation: "landscape",
      fitToPagesWide: 1,
      titleRows: { first: 0, last: headerTop + 1 },
      printArea: { top: 0, left: 0, bottom: s.row - 1, right: columns.length - 1 },
      centerHeader: title,
      centerFooter: "第 &P 页 共 &N 页",
      leftFooter: `生成日期：${options.date}`,
      centerHorizontally: true,
      printGridlines: false,
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
  });
}
