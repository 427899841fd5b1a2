/**
 * Host-neutral helpers for writing a SheetLayout through an object model (Excel JS API, WPS
 * ET): cells sharing a style as few rectangles as possible, the layout's extent, which text
 * a spreadsheet would turn into something else when written as a value, and the print setup's
 * figures as both object models take them.
 */
import type {
  CellStyle,
  LayoutCell,
  MergeRange,
  PrintSetup,
  SheetLayout,
} from "../layout/sheetLayout";

/** Points per inch: both object models take margins in points, the layout states inches. */
const POINTS_PER_INCH = 72;

type Margins = NonNullable<PrintSetup["margins"]>;

/** The layout's margins (inches) in points, as Excel's pageLayout and WPS's PageSetup take them. */
export function marginsInPoints(margins: Margins): Margins {
  const points = (inches: number) => inches * POINTS_PER_INCH;
  return {
    left: points(margins.left),
    right: points(margins.right),
    top: points(margins.top),
    bottom: points(margins.bottom),
    header: points(margins.header),
    footer: points(margins.footer),
  };
}

/** The rows repeated on every printed page, as both object models take them: `$1:$3`. */
export function titleRowsAddress(rows: NonNullable<PrintSetup["titleRows"]>): string {
  return `$${rows.first + 1}:$${rows.last + 1}`;
}

function styleKey(style: CellStyle | undefined): string {
  return JSON.stringify(style ?? {});
}

/** A rectangle painted with one style; an overlay sets only its own properties. */
export interface StyleRun {
  range: MergeRange;
  style: CellStyle;
  /** Only fill, bold, italic and font colour, painted over the base runs. */
  overlay?: boolean;
}

/**
 * Splits a style into its base and its overlay: the marks a new sheet does not have (a fill,
 * bold, italic, a font colour). Flagged cells (the light fill and bold of 未开展自评) then share
 * the base run of their column, and only the marks are painted on them afterwards.
 */
function splitStyle(style: CellStyle): { base: CellStyle; overlay: CellStyle | null } {
  const { fill, bold, italic, fontColor, ...rest } = style;
  // An explicit `false` stays in the base (a workbook's Normal style may be bold).
  const base: CellStyle = {
    ...rest,
    ...(bold === false ? { bold } : {}),
    ...(italic === false ? { italic } : {}),
  };
  const overlay: CellStyle = {
    ...(fill ? { fill } : {}),
    ...(bold ? { bold } : {}),
    ...(italic ? { italic } : {}),
    ...(fontColor ? { fontColor } : {}),
  };
  return { base, overlay: Object.keys(overlay).length > 0 ? overlay : null };
}

/**
 * Cells sharing a style as few rectangles as possible: runs of adjacent cells in a row, then
 * identical runs stacked on consecutive rows.
 */
function stackRuns(cells: { row: number; column: number; style: CellStyle }[]): StyleRun[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.column - b.column);
  const rowRuns: { range: MergeRange; style: CellStyle; key: string }[] = [];
  for (const cell of sorted) {
    const key = styleKey(cell.style);
    const last = rowRuns[rowRuns.length - 1];
    if (
      last &&
      last.key === key &&
      last.range.top === cell.row &&
      last.range.right === cell.column - 1
    ) {
      last.range.right = cell.column;
    } else {
      rowRuns.push({
        range: { top: cell.row, bottom: cell.row, left: cell.column, right: cell.column },
        style: cell.style,
        key,
      });
    }
  }
  // Stack identical runs of consecutive rows.
  const open = new Map<string, { range: MergeRange; style: CellStyle; key: string }>();
  const blocks: { range: MergeRange; style: CellStyle; key: string }[] = [];
  for (const run of rowRuns) {
    const id = `${run.range.left}:${run.range.right}:${run.key}`;
    const block = open.get(id);
    if (block && block.range.bottom === run.range.top - 1) {
      block.range.bottom = run.range.top;
    } else {
      const fresh = { ...run, range: { ...run.range } };
      open.set(id, fresh);
      blocks.push(fresh);
    }
  }
  return blocks.map(({ range, style }) => ({ range, style }));
}

/**
 * The layout's styles as few operations as possible: base runs (a 10,000-row project list
 * becomes a handful of ranges, not 90,000), then the overlay runs of the marked cells. Valid
 * on a new sheet, where no cell has a fill, bold, italic or colour to clear.
 */
export function styleRuns(cells: readonly LayoutCell[]): StyleRun[] {
  const bases: { row: number; column: number; style: CellStyle }[] = [];
  const overlays: { row: number; column: number; style: CellStyle }[] = [];
  for (const c of cells) {
    if (!c.style) continue;
    const { base, overlay } = splitStyle(c.style);
    bases.push({ row: c.row, column: c.column, style: base });
    if (overlay) overlays.push({ row: c.row, column: c.column, style: overlay });
  }
  return [...stackRuns(bases), ...stackRuns(overlays).map((run) => ({ ...run, overlay: true }))];
}

/**
 * Rows and columns the layout spans (at least 1 × 1). A loop, not `Math.max(...cells)`: a
 * large summary has more cells than a call can take arguments.
 */
export function extent(layout: SheetLayout): { rows: number; columns: number } {
  let rows = 1;
  let columns = Math.max(1, layout.columnWidths.length);
  for (const c of layout.cells) {
    if (c.row + 1 > rows) rows = c.row + 1;
    if (c.column + 1 > columns) columns = c.column + 1;
  }
  // Merges and row heights may reach below the last cell (an empty signature row).
  for (const m of layout.merges) {
    if (m.bottom + 1 > rows) rows = m.bottom + 1;
    if (m.right + 1 > columns) columns = m.right + 1;
  }
  for (const row of Object.keys(layout.rowHeights ?? {}))
    if (Number(row) + 1 > rows) rows = Number(row) + 1;
  return { rows, columns };
}

/**
 * Whether Excel would read `text`, written as a cell's value, as something other than text: a
 * formula (`=`, `+`, `-`, `@` first), a number (`0.10`, `007`, `1,000`, `(5)`, `50%`, `¥3`), a
 * date or time (`2022-11-27`, `11/27`, `2022年11月27日`, `9:30`) or a logical value. Such
 * text is written into a text-formatted (`@`) cell, so that a parameter shown as `0.10` or a
 * project numbered `007` reads as the layout says, as it does in the .xlsx the CLI writes.
 */
export function excelWouldConvert(text: string): boolean {
  const t = text.trim();
  if (t === "") return false;
  if (/^[=+\-@]/.test(t)) return true;
  if (/^(true|false)$/i.test(t)) return true;
  return /\d/.test(t) && /^[\d\s.,:/%()¥$€£+\-eE年月日时分秒]+$/.test(t);
}
