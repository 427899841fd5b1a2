/**
 * A cell's value as a spreadsheet shows it under its number format, for previews (the
 * playground, the 网页版): General, fixed decimals (`0`, `0.00`), thousands (`#,##0.00`),
 * percentages (`0.00%`) and text (`@`) — the formats the layouts and finance workbooks use.
 * Rounded half away from zero on the value's 15 significant digits, as Excel displays.
 */
import Decimal from "decimal.js";

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
