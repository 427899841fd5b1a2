/**
 * Reading one cell as the type a column needs, the way finance staff type values: numbers,
 * numbers stored as text, thousands separators, full-width digits, percentages in any form,
 * and “—” / “-” / “/” for nothing. A value that cannot be read is a message naming the cell,
 * never a silent 0.
 */
import { Dec, compact, excelRound, fromNumber, toCent } from "../model/decimal";
import { parseLooseNumber, toHalfWidth } from "../model/numbers";
import { UNIT_WORDS, unitFactor } from "../model/units";
import { type CellError, isCellError } from "../hosts/snapshot";
import type { Grid } from "./grid";
import { type InputProblem, cellProblem } from "./problems";

/** Result of reading a cell: a value (null when empty) or the problem to report. */
export type Read<T> = { value: T | null; problem?: InputProblem };

const EMPTY_MARKERS = new Set([
  "",
  "-",
  "—",
  "——",
  "–",
  "－",
  "/",
  "／",
  "\\",
  "无",
  "不适用",
  "n/a",
  "N/A",
  "NA",
]);

export function isEmptyMarker(text: string): boolean {
  return EMPTY_MARKERS.has(toHalfWidth(text).trim());
}

/** Shown in messages: the cell's text, shortened. */
function shown(text: string): string {
  const t = text.trim();
  return t.length > 30 ? `${t.slice(0, 30)}…` : t;
}

function isDateFormat(format: string): boolean {
  if (!format || /^general$/i.test(format)) return false;
  let known = dateFormats.get(format);
  if (known === undefined) {
    const bare = format.replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "");
    known = /[ymd]/i.test(bare) && !/[#0]/.test(bare.replace(/[ymd]/gi, ""));
    if (dateFormats.size >= 1_000) dateFormats.clear();
    dateFormats.set(format, known);
  }
  return known;
}

/** Number formats told apart already: a workbook uses a handful, on every numeric cell. */
const dateFormats = new Map<string, boolean>();

export interface Cell {
  grid: Grid;
  row: number;
  column: number;
}

function problem(c: Cell, text: string): InputProblem {
  return cellProblem(c.grid.name, c.grid.address(c.row, c.column), text);
}

/** The problem of an error value, or of a formula the file holds no value for. */
function errorProblem(c: Cell, v: CellError): InputProblem {
  return problem(
    c,
    v.uncalculated
      ? "单元格的公式没有计算结果（文件保存时未经计算），请在 Excel 或 WPS 中打开并保存后再评分"
      : `单元格是错误值 ${v.error}，请修正公式或数据`
  );
}

/** Common path: null for empty, a Decimal for numeric content, or a problem. */
function readNumeric(c: Cell, what: string): Read<Dec> & { percent?: boolean } {
  const v = c.grid.value(c.row, c.column);
  if (v === null) return { value: null };
  if (isCellError(v)) return { value: null, problem: errorProblem(c, v) };
  if (typeof v === "boolean")
    return { value: null, problem: problem(c, `“${v ? "TRUE" : "FALSE"}”不是${what}`) };
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { value: null, problem: problem(c, `“${v}”不是${what}`) };
    if (isDateFormat(c.grid.numberFormat(c.row, c.column))) {
      return { value: null, problem: problem(c, `单元格格式为日期，不是${what}`) };
    }
    return { value: fromNumber(v), percent: /%/.test(c.grid.numberFormat(c.row, c.column)) };
  }
  const text = v;
  if (isEmptyMarker(text)) return { value: null };
  const errorText = text.trim();
  if (/^#[A-Z/0!?]+/.test(errorText))
    return { value: null, problem: problem(c, `单元格是错误值 ${errorText}，请修正公式或数据`) };
  const half = toHalfWidth(text).trim();
  const isPercent = /[%％]$/.test(half);
  const parsed = parseLooseNumber(isPercent ? half.slice(0, -1) : half);
  if (parsed === null) return { value: null, problem: problem(c, `“${shown(text)}”不是${what}`) };
  return { value: isPercent ? parsed.dividedBy(100) : parsed, percent: isPercent };
}

const AMOUNT_WITH_UNIT = new RegExp(`^(.*\\d)\\s*(${UNIT_WORDS})$`);

/**
 * An amount in the table's unit, converted to 万元 (`factor` = 1 for 万元, 0.0001 for 元); one
 * typed with its unit (`13.50万元`, `135,000元`) in that unit, whatever the table's.
 */
export function readAmount(c: Cell, factor: Dec): Read<Dec> {
  const v = c.grid.value(c.row, c.column);
  const withUnit = typeof v === "string" ? AMOUNT_WITH_UNIT.exec(toHalfWidth(v).trim()) : null;
  const typed = withUnit ? parseLooseNumber(withUnit[1] as string) : null;
  if (typed !== null) return { value: toCent(compact(typed.times(unitFactor(withUnit?.[2])))) };
  const r = readNumeric(c, "数字");
  if (r.value === null || r.problem) return r;
  if (r.percent)
    return {
      value: null,
      problem: problem(c, `“${c.grid.text(c.row, c.column)}”是百分比，不是金额`),
    };
  // Most tables are in 万元 (factor 1): the value as read. A product is compacted as it is kept.
  return { value: toCent(factor.eq(1) ? r.value : compact(r.value.times(factor))) };
}

/** A score (分值, 得分): a plain number. */
export function readScore(c: Cell): Read<Dec> {
  // `18分`, `5.00 分`: a score with its unit written after it.
  const v = c.grid.value(c.row, c.column);
  const withUnit = typeof v === "string" ? /^(.*\d)\s*分$/.exec(toHalfWidth(v).trim()) : null;
  const points = withUnit ? parseLooseNumber(withUnit[1] as string) : null;
  if (points !== null) return { value: points };
  const r = readNumeric(c, "数字");
  if (r.value === null || r.problem) return r;
  if (r.percent)
    return {
      value: null,
      problem: problem(c, `“${c.grid.text(c.row, c.column)}”是百分比，不是分数`),
    };
  return { value: typeof v === "number" ? excelRound(r.value, SCORE_DECIMALS) : r.value };
}

/**
 * Decimals a score is read to from a number cell: no standard scores finer, and a formula's cached
 * result can carry float noise in its last digits (`=100-95.1` is cached as 4.90000000000001).
 */
const SCORE_DECIMALS = 10;

/**
 * A rate as a fraction: `0.8087`, `80.87%` (number formatted as % or text) and `80.87` all
 * give 0.8087. A bare number above 2 is taken as a percentage. Outside 0–200% is refused.
 */
export function readRate(c: Cell): Read<Dec> {
  const r = readNumeric(c, "比率");
  if (r.value === null || r.problem) return r;
  const value = !r.percent && r.value.abs().greaterThan(2) ? r.value.dividedBy(100) : r.value;
  if (value.isNegative() || value.greaterThan(2)) {
    return {
      value: null,
      problem: problem(c, `比率“${c.grid.text(c.row, c.column)}”超出 0～200% 的范围`),
    };
  }
  return { value };
}

/** The one percentage a sentence states (`满意度调查结果为 96.5%。`), or null. */
function percentInSentence(text: string): Dec | null {
  const found = toHalfWidth(text).match(/\d+(?:\.\d+)?\s*[%％]/g);
  if (found?.length !== 1) return null;
  return parseLooseNumber(found[0].replace(/\s*[%％]$/, ""))?.dividedBy(100) ?? null;
}

/**
 * A share that cannot pass 100% (满意度): a rate as `readRate` reads it, 0–100%, or the one
 * percentage of a sentence written where the figure goes (`满意度调查结果为 96.5%`).
 */
export function readShare(c: Cell): Read<Dec> {
  let r = readRate(c);
  const stated = r.problem ? percentInSentence(c.grid.text(c.row, c.column)) : null;
  if (stated !== null) r = { value: stated };
  if (r.value === null || r.problem || r.value.lessThanOrEqualTo(1)) return r;
  return {
    value: null,
    problem: problem(c, `“${c.grid.text(c.row, c.column)}”超过 100%，不是有效的满意度`),
  };
}

/** A whole count (项目个数). */
export function readCount(c: Cell): Read<number> {
  const r = readNumeric(c, "数字");
  if (r.value === null || r.problem) return { value: null, problem: r.problem };
  if (!r.value.isInteger() || r.value.isNegative()) {
    return { value: null, problem: problem(c, `“${c.grid.text(c.row, c.column)}”不是非负整数`) };
  }
  return { value: r.value.toNumber() };
}

const CHINESE_DIGITS = "〇一二三四五六七八九";
const WHOLE_YEAR = /^(\d{4}|[〇一二三四五六七八九]{4})\s*(年度?)?$/;
const YEAR_IN_TEXT = /(\d{4}|[〇一二三四五六七八九]{4})\s*年(?!\s*\d{1,2}\s*月)/;

/**
 * The year a text writes — `2022`, `２０２２`, `二〇二二` (or 二零二二, 二○二二), alone or before
 * 年 / 年度 — or null: the whole text (a 年度 cell), or else the first year before 年 in it (a
 * sheet title: `二〇二二年度部门整体支出绩效自评表`). Only 1990–2100.
 */
export function yearInText(text: string, whole = true): number | null {
  const plain = toHalfWidth(text).trim().replace(/[零○]/g, "〇");
  const m = (whole ? WHOLE_YEAR : YEAR_IN_TEXT).exec(plain);
  if (!m) return null;
  const digits = [...m[1]].map((d) => (CHINESE_DIGITS.includes(d) ? CHINESE_DIGITS.indexOf(d) : d));
  const year = Number(digits.join(""));
  return year >= 1990 && year <= 2100 ? year : null;
}

/** A date's year from its Excel serial (days since 1899-12-30). */
function yearOfSerial(serial: number): number {
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000).getUTCFullYear();
}

/** A year: 2022, "2022", "2022年", "2022 年度", "二〇二二年", or a date (`2022年` as its format shows). */
export function readYear(c: Cell): Read<number> {
  const value = c.grid.value(c.row, c.column);
  if (typeof value === "number" && isDateFormat(c.grid.numberFormat(c.row, c.column)))
    return { value: yearOfSerial(value) };
  const text = c.grid.text(c.row, c.column);
  if (text.trim() === "") return { value: null };
  const year = yearInText(text);
  if (year === null)
    return { value: null, problem: problem(c, `年度“${shown(toHalfWidth(text))}”不是有效年份`) };
  return { value: year };
}

const YES =
  /^(是|已自评|已开展|已|有|y|yes|true|√|✓|✔|1|(已经?)?(全面|全部|圆满|按期|如期|按时|超额|顺利)?完成)$/i;
const NO =
  /^(否|(尚未|暂未|没有|未按期|未全部|未全面|未)完成|未自评|未开展|未|无|n|no|false|×|✗|✘|0|部分完成|正在(进行|推进|实施)|(进行|推进|实施)中|在建)$/i;

/** Yes/no as typed: 是/否, 已完成/未完成, √/×, TRUE/FALSE, 1/0. */
export function readYesNo(c: Cell, what: string): Read<boolean> {
  const v = c.grid.value(c.row, c.column);
  if (v === null) return { value: null };
  if (typeof v === "boolean") return { value: v };
  if (isCellError(v)) return { value: null, problem: errorProblem(c, v) };
  const text = toHalfWidth(String(v))
    .trim()
    .replace(/[。.]$/, "");
  if (isEmptyMarker(text) && text !== "无") return { value: null };
  if (YES.test(text)) return { value: true };
  if (NO.test(text)) return { value: false };
  return {
    value: null,
    problem: problem(c, `“${shown(String(v))}”无法识别为${what}，请填写“是”或“否”`),
  };
}

/** Plain text; numbers are shown as typed. */
export function readText(c: Cell): string {
  const text = c.grid.text(c.row, c.column);
  return isEmptyMarker(text) && text !== "无" ? "" : text;
}
