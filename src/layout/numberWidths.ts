/**
 * Columns wide enough for their numbers. Excel, WPS and LibreOffice print `###` for a number
 * wider than its column; the layouts' widths suit a department in 万元, not one whose tables
 * are in 元 (1,234,567,890.00) or a 合计 of ten million 万元. Each column that holds a number
 * in a cell of its own is widened to the widest one's text, as its format shows it.
 */
import type { CellStyle, LayoutCell, SheetLayout } from "./sheetLayout";

/** The characters `value` shows under `format` (`#,##0.00`, `0.00%`, `0`), as Excel writes them. */
export function formattedNumber(value: number, format = "General"): string {
  const percent = format.includes("%");
  const decimals = /\.(0+)/.exec(format)?.[1]?.length ?? (format === "General" ? -1 : 0);
  const scaled = percent ? value * 100 : value;
  const fixed = decimals < 0 ? String(scaled) : scaled.toFixed(decimals);
  const [whole = "", fraction] = fixed.split(".");
  const grouped = format.includes(",") ? whole.replace(/\B(?=(\d{3})+$)/g, ",") : whole;
  const shown = fraction === undefined ? grouped : `${grouped}.${fraction}`;
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

/** What a number cell needs, or 0 for a cell that is not a number or spans columns. */
function needed(cell: LayoutCell, base: number, spans: Set<string>): number {
  if (typeof cell.value !== "number" || !Number.isFinite(cell.value)) return 0;
  if (spans.has(`${cell.row}:${cell.column}`)) return 0;
  const style: CellStyle = cell.style ?? {};
  const text = formattedNumber(cell.value, style.numberFormat);
  return numberWidth(text, style.fontSize ?? base, base, style.bold === true);
}

/**
 * Below this a number shows no more integer digits than `v` (rounded to the format's decimals:
 * 9.996 shows as 10.00, hence the tenth left).
 */
const ceilingOf = (v: number) => 0.9 * 10 ** Math.max(1, Math.floor(Math.log10(Math.abs(v))) + 1);

/**
 * The layout with each column at least as wide as its widest number needs. A number with no
 * more integer digits than one already measured in its column and style needs no more room:
 * the 200,000 lines of a row block are compared, only the widest formatted.
 */
export function withNumbersFitting(layout: SheetLayout): SheetLayout {
  const base = layout.fontSize;
  const spans = new Set<string>();
  for (const m of layout.merges)
    if (m.right > m.left) for (let r = m.top; r <= m.bottom; r++) spans.add(`${r}:${m.left}`);
  const widths = [...layout.columnWidths];
  const ceilings = new Map<CellStyle | undefined, number[]>();
  let changed = false;
  const take = (cell: LayoutCell) => {
    const v = cell.value;
    if (typeof v !== "number") return;
    let seen = ceilings.get(cell.style);
    if (!seen) ceilings.set(cell.style, (seen = []));
    if (v >= 0 && v < (seen[cell.column] ?? 0)) return;
    if (v >= 0) seen[cell.column] = ceilingOf(v);
    const need = needed(cell, base, spans);
    if (need > (widths[cell.column] ?? 0)) {
      widths[cell.column] = Math.ceil(need * 2) / 2;
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
