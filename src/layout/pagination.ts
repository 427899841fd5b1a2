/**
 * Where a sheet's rows fall on printed pages, estimated from the layout alone: A4 at 100% (the
 * layouts that use it fit one page wide without shrinking), the row heights the layout sets
 * (the others at the writers' default of 16 pt), the print title rows repeated at the top of
 * every page after the one they first print on. Used to keep a signature block from printing
 * alone on a page, and a merged group from crossing one; the writers then set manual page breaks.
 */
import type { SheetLayout } from "./sheetLayout";

/** The height of a row the layout does not size: the package and ExcelJS writers set it as the sheet default. */
export const DEFAULT_ROW_HEIGHT = 16;
const A4_POINTS = { long: 841.9, short: 595.3 };

export const rowHeight = (layout: SheetLayout, row: number): number =>
  layout.rowHeights?.[row] ?? DEFAULT_ROW_HEIGHT;

/** The page (0-based) of each printed row, 0..printArea.bottom. */
export function pagesOfRows(layout: SheetLayout): number[] {
  const print = layout.print;
  if (!print) return [];
  const margins = print.margins ?? { top: 0.75, bottom: 0.75 };
  const height = print.orientation === "portrait" ? A4_POINTS.long : A4_POINTS.short;
  const usable = height - (margins.top + margins.bottom) * 72;
  const titles = print.titleRows;
  const titleHeight = titles
    ? Array.from({ length: titles.last - titles.first + 1 }, (_, i) =>
        rowHeight(layout, titles.first + i)
      ).reduce((a, b) => a + b, 0)
    : 0;
  const breaks = new Set(print.rowBreaks ?? []);
  const pages: number[] = [];
  let page = 0;
  let used = 0;
  for (let row = print.printArea.top; row <= print.printArea.bottom; row++) {
    const h = rowHeight(layout, row);
    if ((used + h > usable && used > 0) || breaks.has(row)) {
      page++;
      used = titles && row > titles.last ? titleHeight : 0;
    }
    used += h;
    pages.push(page);
  }
  return pages;
}

/**
 * How far (points) a table may seem to run past its first page and still count as ending there:
 * the estimate is within a row or two of what Excel, WPS and LibreOffice print (they fit the
 * page's width a little smaller than 100%), and a header repeated over 总分 is the worse error.
 */
const TABLE_SLACK = 48;

/**
 * The layout without its print title rows when the table they head (rows `titles.first` to
 * `tableLast`) prints on one page, or runs past it by less than TABLE_SLACK: Excel, WPS and
 * LibreOffice repeat print titles on every later page, where they would head the 总分 or a
 * problem list instead.
 */
export function titlesOnlyWhereNeeded(layout: SheetLayout, tableLast: number): SheetLayout {
  const titles = layout.print?.titleRows;
  if (!layout.print || !titles) return layout;
  const pages = pagesOfRows(layout);
  const first = pages[titles.first] as number;
  // What of the table the estimate puts on the next page.
  let spill = 0;
  for (let row = titles.last + 1; row <= tableLast; row++) {
    if (pages[row] === first + 1) spill += rowHeight(layout, row);
    else if (pages[row] !== first) return layout; // the table runs onto a third page
  }
  if (spill > TABLE_SLACK) return layout;
  const print = { ...layout.print };
  delete print.titleRows;
  return { ...layout, print };
}

/** Rows `top`..`bottom` that print together (an indicator group under its merged 一级 cell). */
export interface RowSpan {
  top: number;
  bottom: number;
  /** Where a page break moving the whole span goes (above a heading that leads it); `top` if not given. */
  from?: number;
}

const withBreaks = (layout: SheetLayout, rowBreaks: number[]): SheetLayout =>
  layout.print ? { ...layout, print: { ...layout.print, rowBreaks } } : layout;

/** The first row of top..bottom printed on a later page than `top`, or null. */
function pageTurn(pages: number[], top: number, bottom: number): number | null {
  for (let row = top + 1; row <= bottom; row++) if (pages[row] !== pages[top]) return row;
  return null;
}

/**
 * Manual page breaks that keep each span from crossing a page (a merged cell the printer splits
 * prints its text on one side only): a span that would cross starts a page (the break above its
 * `from`) when it then fits on one; a longer one is cut where the estimate turns the page, each
 * cut a break. Returns every break, the layout's own too, in order, and each span's parts.
 */
export function keepSpansOnPages(
  layout: SheetLayout,
  spans: readonly RowSpan[]
): { breaks: number[]; parts: RowSpan[][] } {
  const breaks = [...(layout.print?.rowBreaks ?? [])];
  const pages = (extra: number[] = []) => pagesOfRows(withBreaks(layout, [...breaks, ...extra]));
  const parts = spans.map((span) => {
    const from = span.from ?? span.top;
    if (pageTurn(pages(), span.top, span.bottom) === null) return [span];
    if (pageTurn(pages([from]), from, span.bottom) === null) {
      breaks.push(from);
      return [span];
    }
    const cut: RowSpan[] = [];
    let top = span.top;
    for (let turn = pageTurn(pages(), top, span.bottom); turn !== null;) {
      breaks.push(turn);
      cut.push({ top, bottom: turn - 1 });
      top = turn;
      turn = pageTurn(pages(), top, span.bottom);
    }
    return [...cut, { top, bottom: span.bottom }];
  });
  return { breaks: [...new Set(breaks)].sort((a, b) => a - b), parts };
}
