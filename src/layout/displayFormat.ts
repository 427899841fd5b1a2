/**
 * How the sheets show their figures: the number format of a column of amounts, chosen from the
 * figures it holds (`amountFormat`), and a cell's value as a spreadsheet shows it under its
 * number format, for previews (the playground, the 网页版): General, fixed decimals (`0`,
 * `0.00`), thousands (`#,##0.00`), percentages (`0.00%`) and text (`@`) — the formats the
 * layouts and finance workbooks use. Rounded half away from zero on the value's 15 significant
 * digits, as Excel displays.
 */
import Decimal from "decimal.js";
import { formats } from "./style";

/** The decimals an amount shows: at least two (分 of 元, 0.01 万元), at most six (分 in 万元). */
const AMOUNT_DECIMALS = { least: 2, most: 6 };

/**
 * The number format of a column of amounts: `#,##0.00`, or with as many decimals as its most
 * precise figure has (up to six: a 分 in 万元), so that every figure prints as it is and a 合计
 * of the rows adds up on the page — three forms of 10,050 元 are 1.005 万元 each and 3.015
 * together, never 1.01 three times over 3.02. One format for the whole column, so its figures
 * line up on the decimal point. Blanks are passed over.
 */
export function amountFormat(values: Iterable<{ decimalPlaces(): number } | null>): string {
  let decimals = AMOUNT_DECIMALS.least;
  for (const value of values)
    if (value !== null) decimals = Math.max(decimals, value.decimalPlaces());
  decimals = Math.min(decimals, AMOUNT_DECIMALS.most);
  return decimals === AMOUNT_DECIMALS.least ? formats.amount : `#,##0.${"0".repeat(decimals)}`;
}

const ROUND = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

function decimalsOf(section: string): number {
  return /\.(0+)/.exec(section)?.[1].length ?? 0;
}

/** The section a positive number uses, without colours, conditions, quotes and escapes. */
function firstSection(format: string): string {
  return format
    .split(";")[0]
    .replace(/\[[^\]]*\]/g, "")
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "");
}

function grouped(fixed: string): string {
  const [whole, fraction] = fixed.split(".");
  const sign = whole.startsWith("-") ? "-" : "";
  const digits = whole.replace("-", "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return sign + digits + (fraction !== undefined ? `.${fraction}` : "");
}

export function displayValue(value: unknown, format?: string): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "object" && "error" in (value as object))
    return String((value as { error: unknown }).error);
  if (typeof value !== "number" || !Number.isFinite(value)) return String(value);
  const section = firstSection(format ?? "General");
  if (section.trim() === "@") return String(value);
  if (!/[0#]/.test(section)) return String(Number(value.toPrecision(10)));
  const percent = section.includes("%");
  let n = new ROUND(value.toPrecision(15));
  if (percent) n = n.times(100);
  const fixed = n.toFixed(decimalsOf(section));
  const shown = section.includes(",") ? grouped(fixed) : fixed;
  return percent ? `${shown}%` : shown;
}
