/**
 * Excel JS API adapter, write side: queues a SheetLayout onto a new worksheet — values and
 * number formats as whole 2-D arrays, styles per run of equal cells, merges, widths,
 * validation and print setup — without syncing. The caller syncs once for all sheets.
 * Features the host lacks are skipped and named, never attempted.
 */
import type { CellStyle, PrintSetup, SheetLayout } from "../../layout/sheetLayout";
import {
  type StyleRun,
  excelWouldConvert,
  extent,
  marginsInPoints,
  styleRuns,
  titleRowsAddress,
} from "../layoutRuns";
import { rangeAddress } from "../snapshot";

export { type StyleRun, excelWouldConvert, styleRuns };

/** What the host supports, from `Office.context.requirements.isSetSupported("ExcelApi", …)`. */
export interface ExcelCapabilities {
  /** ExcelApi 1.8: data validation, showGridlines (and `workbook.readOnly`). */
  dataValidation: boolean;
  /** ExcelApi 1.9: page layout (print setup). */
  pageLayout: boolean;
  /** ExcelApi 1.13: `Range.getMergedAreasOrNullObject` (a 得分说明 merged over rows is read). */
  mergedAreas?: boolean;
}

export const allCapabilities: ExcelCapabilities = {
  dataValidation: true,
  pageLayout: true,
  mergedAreas: true,
};

/** Excel's columnWidth is in points; our layouts say characters of the default font. */
export const pointsPerCharacter = 6;

function applyStyle(
  range: Excel.Range,
  style: CellStyle,
  layout: SheetLayout,
  overlay = false
): void {
  const font = range.format.font;
  if (!overlay) {
    font.name = layout.fontName;
    font.size = style.fontSize ?? layout.fontSize;
  }
  if (style.bold !== undefined) font.bold = style.bold;
  if (style.italic !== undefined) font.italic = style.italic;
  if (style.fontColor) font.color = style.fontColor;
  if (style.fill) range.format.fill.color = style.fill;
  if (style.horizontal)
    range.format.horizontalAlignment =
      style.horizontal === "left" ? "Left" : style.horizontal === "center" ? "Center" : "Right";
  if (style.vertical)
    range.format.verticalAlignment =
      style.vertical === "top" ? "Top" : style.vertical === "center" ? "Center" : "Bottom";
  if (style.wrap !== undefined) range.format.wrapText = style.wrap;
  if (style.border) {
    for (const edge of [
      "EdgeTop",
      "EdgeBottom",
      "EdgeLeft",
      "EdgeRight",
      "InsideVertical",
      "InsideHorizontal",
    ] as const) {
      const border = range.format.borders.getItem(edge);
      border.style = "Continuous";
      border.weight = "Thin";
      border.color = "#000000";
    }
  }
  if (style.borderBottomThick) {
    const bottom = range.format.borders.getItem("EdgeBottom");
    bottom.style = "Continuous";
    bottom.weight = "Medium";
  }
}

/** 0-based inclusive rows of a layout written in one request. */
export interface RowBlock {
  first: number;
  last: number;
}

/** UTF-8 bytes of a value as JSON (what a request carries for it). */
function jsonBytes(value: unknown): number {
  const s = JSON.stringify(value) ?? "null";
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}

/**
 * Estimated request bytes of one queued operation: a property set or a method call with its
 * object path (office.js sends each as a JSON action of about 80–120 bytes).
 */
const OPERATION_BYTES = 120;

/** Operations applyStyle queues for a run. */
function styleOperations(run: StyleRun): number {
  const s = run.style;
  let n = 2; // the range and its format
  const fontProps =
    (run.overlay ? 0 : 2) + (s.bold !== undefined ? 1 : 0) + (s.italic !== undefined ? 1 : 0);
  if (fontProps + (s.fontColor ? 1 : 0) > 0) n += 1 + fontProps + (s.fontColor ? 1 : 0);
  if (s.fill) n += 2;
  if (s.horizontal) n += 1;
  if (s.vertical) n += 1;
  if (s.wrap !== undefined) n += 1;
  if (s.border) n += 1 + 6 * 4;
  if (s.borderBottomThick) n += 3;
  return n;
}

/** Estimated request bytes of each row: its values, formats, style runs, merges and height. */
function rowBytes(layout: SheetLayout, runs: readonly StyleRun[]): number[] {
  const { rows, columns } = extent(layout);
  // Every row carries its values and formats as arrays of `columns` entries ("null," where
  // empty); a cell's value and format take the place of two nulls.
  const bytes = Array<number>(rows).fill(2 * (columns * 5 + 2));
  for (const c of layout.cells)
    bytes[c.row] +=
      jsonBytes(c.formula ?? c.value) + jsonBytes(c.style?.numberFormat ?? null) - 2 * 4;
  for (const run of runs) bytes[run.range.top] += OPERATION_BYTES * styleOperations(run);
  for (const m of layout.merges) bytes[m.top] += OPERATION_BYTES * 2;
  for (const row of Object.keys(layout.rowHeights ?? {})) bytes[Number(row)] += OPERATION_BYTES * 3;
  return bytes;
}

/** The estimated size of the one request that writes the whole layout. */
export function requestBytes(
  layout: SheetLayout,
  runs: readonly StyleRun[] = styleRuns(layout.cells)
): number {
  return rowBytes(layout, runs).reduce((a, b) => a + b, 0);
}

/**
 * The layout's rows in blocks whose estimated request stays within `budgetBytes` (Excel on the
 * web refuses a request over 5 MB). One block — one request — for any sheet this add-in
 * usually writes (office.js sends 2.5 MB for a 10,000-project summary); a block never splits
 * a row. `runs` are the layout's style runs (computed once by the caller that queues them).
 */
export function rowBlocks(
  layout: SheetLayout,
  budgetBytes: number,
  runs: readonly StyleRun[] = styleRuns(layout.cells)
): RowBlock[] {
  const { rows } = extent(layout);
  const bytes = rowBytes(layout, runs);
  // A block never starts inside a merge that spans rows: a later request would write into
  // part of a merged area an earlier one made.
  const insideMerge = Array<boolean>(rows).fill(false);
  for (const m of layout.merges) for (let r = m.top + 1; r <= m.bottom; r++) insideMerge[r] = true;
  const blocks: RowBlock[] = [];
  let first = 0;
  let size = 0;
  bytes.forEach((b, row) => {
    if (row > first && !insideMerge[row] && size + b > budgetBytes) {
      blocks.push({ first, last: row - 1 });
      first = row;
      size = 0;
    }
    size += b;
  });
  blocks.push({ first, last: rows - 1 });
  return blocks;
}

/**
 * Queues the layout onto `worksheet` (new and empty) in one request. Returns the features
 * skipped for lack of API support (Chinese, for the pane's note).
 */
export function queueLayout(
  worksheet: Excel.Worksheet,
  layout: SheetLayout,
  caps: ExcelCapabilities,
  runs: readonly StyleRun[] = styleRuns(layout.cells)
): string[] {
  const skipped = queueSheetSetup(worksheet, layout, caps);
  queueRows(worksheet, layout, { first: 0, last: Number.MAX_SAFE_INTEGER }, runs);
  return skipped;
}

/**
 * Queues the rows of one block: number formats and values as 2-D arrays, the style runs,
 * merges and heights that start in it (a run may reach into a later block: it is applied once,
 * with its first row). Formats go before values, so that text typed as text (`@`) stays text.
 * `runs` are the whole layout's style runs, computed once for all blocks.
 */
export function queueRows(
  worksheet: Excel.Worksheet,
  layout: SheetLayout,
  block: RowBlock,
  runs: readonly StyleRun[] = styleRuns(layout.cells)
): void {
  const inBlock = (row: number) => row >= block.first && row <= block.last;
  const cells = layout.cells.filter((c) => inBlock(c.row));
  if (cells.length > 0) {
    let first = Number.MAX_SAFE_INTEGER;
    let last = 0;
    for (const c of cells) {
      if (c.row < first) first = c.row;
      if (c.row > last) last = c.row;
    }
    const rows = last + 1 - first;
    const { columns } = extent(layout);
    const values: (string | number | boolean | null)[][] = Array.from({ length: rows }, () =>
      Array<string | number | boolean | null>(columns).fill(null)
    );
    const formats: (string | null)[][] = Array.from({ length: rows }, () =>
      Array<string | null>(columns).fill(null)
    );
    for (const c of cells) {
      values[c.row - first][c.column] = c.formula ? `=${c.formula.replace(/^=/, "")}` : c.value;
      if (c.style?.numberFormat) formats[c.row - first][c.column] = c.style.numberFormat;
      // Text Excel would take for a number, date, logical value or formula stays text.
      else if (!c.formula && typeof c.value === "string" && excelWouldConvert(c.value))
        formats[c.row - first][c.column] = "@";
    }
    const range = worksheet.getRangeByIndexes(first, 0, rows, columns);
    range.numberFormat = formats as unknown as string[][];
    range.values = values as unknown as string[][];
  }
  for (const run of runs)
    if (inBlock(run.range.top))
      applyStyle(worksheet.getRange(rangeAddress(run.range)), run.style, layout, run.overlay);
  for (const m of layout.merges)
    if (inBlock(m.top)) worksheet.getRange(rangeAddress(m)).merge(false);
  for (const [row, height] of Object.entries(layout.rowHeights ?? {}))
    if (inBlock(Number(row)))
      worksheet.getRangeByIndexes(Number(row), 0, 1, 1).format.rowHeight = height;
}

/** The sheet's data validations (drop-down lists, number bounds) with their prompts. */
function queueValidations(worksheet: Excel.Worksheet, layout: SheetLayout): void {
  if (layout.showGridlines === false) worksheet.showGridlines = false;
  for (const v of layout.validations ?? []) {
    const dv = worksheet.getRange(rangeAddress(v.range)).dataValidation;
    dv.rule =
      v.rule.kind === "list"
        ? { list: { inCellDropDown: true, source: v.rule.choices.join(",") } }
        : v.rule.kind === "decimal"
          ? { decimal: { operator: "Between", formula1: v.rule.min, formula2: v.rule.max } }
          : { wholeNumber: { operator: "Between", formula1: v.rule.min, formula2: v.rule.max } };
    dv.errorAlert = {
      message: v.errorMessage,
      showAlert: true,
      style: "Stop",
      title: "输入有误",
    };
    if (v.prompt) dv.prompt = { message: v.prompt, showPrompt: true, title: "填写说明" };
  }
}

/** Paper, scale, print area, title rows, margins, page breaks, headers and footers. */
function queuePrintSetup(worksheet: Excel.Worksheet, print: PrintSetup): void {
  const page = worksheet.pageLayout;
  page.orientation = print.orientation === "portrait" ? "Portrait" : "Landscape";
  page.paperSize = "A4";
  page.zoom = print.scale
    ? { scale: print.scale }
    : { horizontalFitToPages: print.fitToPagesWide, verticalFitToPages: 0 };
  page.centerHorizontally = print.centerHorizontally ?? true;
  page.printGridlines = print.printGridlines ?? false;
  page.setPrintArea(rangeAddress(print.printArea));
  if (print.titleRows) page.setPrintTitleRows(titleRowsAddress(print.titleRows));
  if (print.margins) {
    const m = marginsInPoints(print.margins);
    page.leftMargin = m.left;
    page.rightMargin = m.right;
    page.topMargin = m.top;
    page.bottomMargin = m.bottom;
    page.headerMargin = m.header;
    page.footerMargin = m.footer;
  }
  // A manual page break above each row that starts a page (ExcelApi 1.9, as pageLayout).
  for (const row of print.rowBreaks ?? [])
    if (row > 0) worksheet.horizontalPageBreaks.add(`A${row + 1}`);
  const hf = page.headersFooters.defaultForAllPages;
  if (print.centerHeader) hf.centerHeader = print.centerHeader;
  if (print.centerFooter) hf.centerFooter = print.centerFooter;
  if (print.leftFooter) hf.leftFooter = print.leftFooter;
  if (print.rightFooter) hf.rightFooter = print.rightFooter;
}

/**
 * Queues what belongs to the whole sheet: its font (first, so that every cell prints in the
 * CJK font and the styles of the rows override it), column widths, frozen rows, tab colour,
 * validation and print setup. Returns the features skipped for lack of API support.
 */
export function queueSheetSetup(
  worksheet: Excel.Worksheet,
  layout: SheetLayout,
  caps: ExcelCapabilities
): string[] {
  const skipped: string[] = [];
  const { rows, columns } = extent(layout);
  const whole = worksheet.getRangeByIndexes(0, 0, rows, columns);
  whole.format.font.name = layout.fontName;
  whole.format.font.size = layout.fontSize;
  layout.columnWidths.forEach((w, i) => {
    worksheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = w * pointsPerCharacter;
  });
  if (layout.frozenRows) worksheet.freezePanes.freezeRows(layout.frozenRows);
  if (layout.tabColor) worksheet.tabColor = layout.tabColor;
  if (caps.dataValidation) queueValidations(worksheet, layout);
  else if ((layout.validations?.length ?? 0) > 0 || layout.showGridlines === false)
    skipped.push("数据验证和隐藏网格线（需要 Excel 2021 / ExcelApi 1.8）");
  if (layout.print && caps.pageLayout) queuePrintSetup(worksheet, layout.print);
  else if (layout.print)
    skipped.push(
      "打印设置（纸张、缩放、页眉页脚，需要 Excel 2021 / ExcelApi 1.9）：请在“页面布局”中手动设置"
    );
  return skipped;
}
