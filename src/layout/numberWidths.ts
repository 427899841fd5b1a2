/**
 * Columns wide enough for their numbers. Excel, WPS and LibreOffice print `###` for a number
 * wider than its column; the layouts' widths suit a department in 万元, not one whose tables
 * are in 元 (1,234,567,890.00) or a 合计 of ten million 万元. Each column that holds a number
 * in a cell of its own is widened to the widest one's text, as its format shows it.
 */
import type { CellStyle, LayoutCell, SheetLayout } from "./sheetLayout";

/** The characters `value` shows under `format` (`#,##0.00`, `0.00%`, `0`), as Excel writes them. */
export function formattedNumber(value: number, format = "General"): string {
  if (format === "General") return String(value);
  const { decimals, grouped, percent } = shapeOf(format);
  const fixed = (percent ? value * 100 : value).toFixed(decimals);
  const [whole = "", fraction] = fixed.split(".");
  const digits = grouped ? whole.replace(/\B(?=(\d{3})+$)/g, ",") : whole;
  const shown = fraction === undefined ? digits : `${digits}.${fraction}`;
  return percent ? `${shown}%` : shown;
}

/**
 * Width in characters of the sheet's `0` that `text` takes at `fontSize` (the sheet's own size
 * `base`): digits, signs and `%` one each, the point and separators half, bold a tenth more,
 * plus three quarters of one for the cell's margins (about 5 pixels).
 */
export function numberWidth(text: string, fontSize: number, base: number, bold = false): number {
  let units = 0;
  for (const ch of text) units += ch === "," || ch === "." ? 0.5 : 1;
  return (units * fontSize * (bold ? 1.1 : 1)) / base + 0.75;
}

/** What a format shows besides the integer digits: decimals, grouping, a percent sign. */
interface FormatShape {
  decimals: number;
  grouped: boolean;
  percent: boolean;
}
const shapes = new Map<string, FormatShape>();
function shapeOf(format: string): FormatShape {
  let shape = shapes.get(format);
  if (!shape)
    shapes.set(
      format,
      (shape = {
        decimals: /\.(0+)/.exec(format)?.[1]?.length ?? 0,
        grouped: format.includes(","),
        percent: format.includes("%"),
      })
    );
  return shape;
}

/**
 * A width no number of `value`'s size can exceed under `format` (one integer digit more than it
 * has, for rounding up to 10.00): when even that fits the column, nothing is formatted.
 */
function widthBound(value: number, format: string, scale: number): number {
  const shape = shapeOf(format);
  const size = Math.abs(shape.percent ? value * 100 : value);
  const digits = size < 1 ? 2 : Math.floor(Math.log10(size)) + 2;
  const units =
    digits +
    shape.decimals +
    (shape.decimals > 0 ? 0.5 : 0) +
    (shape.grouped ? Math.floor((digits - 1) / 3) * 0.5 : 0) +
    (value < 0 ? 1 : 0) +
    (shape.percent ? 1 : 0);
  return units * scale + 0.75;
}

/** What a number cell needs where it could outgrow `width` (a merged cell: its merge's), else 0. */
function needed(cell: LayoutCell, width: number, base: number): number {
  const v = cell.value;
  if (typeof v !== "number" || !Number.isFinite(v)) return 0;
  const style: CellStyle = cell.style ?? {};
  const fontSize = style.fontSize ?? base;
  const scale = (fontSize * (style.bold ? 1.1 : 1)) / base;
  const format = style.numberFormat ?? "General";
  if (format !== "General" && widthBound(v, format, scale) <= width) return 0;
  return numberWidth(formattedNumber(v, format), fontSize, base, style.bold === true);
}

/** The columns a cell spans: its merge's, across columns, else its own. */
function spansOf(layout: SheetLayout): (cell: LayoutCell) => { left: number; right: number } {
  const spans = new Map<string, number>();
  for (const m of layout.merges)
    if (m.right > m.left)
      for (let r = m.top; r <= m.bottom; r++) spans.set(`${r}:${m.left}`, m.right);
  if (spans.size === 0) return (cell) => ({ left: cell.column, right: cell.column });
  return (cell) => ({
    left: cell.column,
    right: spans.get(`${cell.row}:${cell.column}`) ?? cell.column,
  });
}

/**
 * The layout with each column at least as wide as its widest number needs; a number merged
 * across columns (the summary's 年初预算数 over two) widens the merge's last column by what the
 * merge lacks.
 */
export function withNumbersFitting(layout: SheetLayout): SheetLayout {
  const base = layout.fontSize;
  const spanOf = spansOf(layout);
  const widths = [...layout.columnWidths];
  // By column: the style last measured and the size below which its numbers need no look (the
  // lines of a row block share their styles, so most are passed over here).
  const lastStyle: (CellStyle | undefined)[] = [];
  const below: number[] = [];
  let changed = false;
  const take = (cell: LayoutCell) => {
    const v = cell.value;
    if (typeof v !== "number") return;
    const c = cell.column;
    if (v >= 0 && v < (below[c] ?? 0) && cell.style === lastStyle[c]) return;
    if (v >= 0) {
      lastStyle[c] = cell.style;
      below[c] = 0.9 * 10 ** Math.max(1, Math.floor(Math.log10(v)) + 1);
    }
    const { left, right } = spanOf(cell);
    let width = 0;
    for (let k = left; k <= right; k++) width += widths[k] ?? 0;
    const need = needed(cell, width, base);
    if (need > width) {
      widths[right] = Math.ceil(((widths[right] ?? 0) + need - width) * 2) / 2;
      changed = true;
    }
  };
  layout.cells.forEach(take);
  const block = layout.rowBlock;
  if (block) {
    // The columns of one shape that hold numbers: those the first line formats as numbers.
    const numeric = Array.from({ length: block.width }, (_, c) => c).filter((c) => {
      const format = block.count > 0 ? block.cell(0, c).style?.numberFormat : undefined;
      return format !== undefined && format !== "@";
    });
    for (let line = 0; line < block.count; line++)
      for (const column of numeric) take(block.cell(line, column));
  }
  return changed ? { ...layout, columnWidths: widths } : layout;
}
