/**
 * Excel JS API adapter, write side: queues a SheetLayout onto a new worksheet — values and
 * number formats as whole 2-D arrays, styles per run of equal cells, merges, widths,
 * validation and print setup — without syncing. The caller syncs once for all sheets.
 * Features the host lacks are skipped and named, never attempted.
 */
import type { CellStyle, LayoutCell, MergeRange, SheetLayout } from "../../layout/sheetLayout";
import { cellAddress } from "../snapshot";

/** What the host supports, from `Office.context.requirements.isSetSupported("ExcelApi", …)`. */
export interface ExcelCapabilities {
  /** ExcelApi 1.8: data validation, showGridlines. */
  dataValidation: boolean;
  /** ExcelApi 1.9: page layout (print setup). */
  pageLayout: boolean;
}

export const allCapabilities: ExcelCapabilities = { dataValidation: true, pageLayout: true };

function address(r: MergeRange): string {
  return r.top === r.bottom && r.left === r.right
    ? cellAddress(r.top, r.left)
    : `${cellAddress(r.top, r.left)}:${cellAddress(r.bottom, r.right)}`;
}

/** Excel's columnWidth is in points; our layouts say characters of the default font. */
export const pointsPerCharacter = 6;

function styleKey(style: CellStyle | undefined): string {
  return JSON.stringify(style ?? {});
}

/**
 * The layout's styled cells as few rectangles as possible: runs of adjacent cells in a row
 * that share a style, then runs stacked on consecutive rows with the same columns and style
 * (a 10,000-row project list becomes a handful of ranges, not 90,000).
 */
export function styleRuns(cells: readonly LayoutCell[]): { range: MergeRange; style: CellStyle }[] {
  const sorted = [...cells]
    .filter((c) => c.style)
    .sort((a, b) => a.row - b.row || a.column - b.column);
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
        style: cell.style as CellStyle,
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

function applyStyle(range: Excel.Range, style: CellStyle, layout: SheetLayout): void {
  const font = range.format.font;
  font.name = layout.fontName;
  font.size = style.fontSize ?? layout.fontSize;
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

/**
 * Queues the layout onto `worksheet` (new and empty). Returns the features skipped for
 * lack of API support (Chinese, for the pane's note).
 */
export function queueLayout(
  worksheet: Excel.Worksheet,
  layout: SheetLayout,
  caps: ExcelCapabilities
): string[] {
  const skipped: string[] = [];
  const rows = Math.max(1, ...layout.cells.map((c) => c.row + 1));
  const columns = Math.max(1, layout.columnWidths.length, ...layout.cells.map((c) => c.column + 1));
  const values: (string | number | boolean | null)[][] = Array.from({ length: rows }, () =>
    Array<string | number | boolean | null>(columns).fill(null)
  );
  const formats: (string | null)[][] = Array.from({ length: rows }, () =>
    Array<string | null>(columns).fill(null)
  );
  for (const c of layout.cells) {
    values[c.row][c.column] = c.formula ? `=${c.formula.replace(/^=/, "")}` : c.value;
    if (c.style?.numberFormat) formats[c.row][c.column] = c.style.numberFormat;
  }
  const whole = worksheet.getRangeByIndexes(0, 0, rows, columns);
  // Whole-sheet font first, so every cell prints in the CJK font.
  whole.format.font.name = layout.fontName;
  whole.format.font.size = layout.fontSize;
  whole.numberFormat = formats as unknown as string[][];
  whole.values = values as unknown as string[][];

  for (const run of styleRuns(layout.cells))
    applyStyle(worksheet.getRange(address(run.range)), run.style, layout);
  for (const m of layout.merges) worksheet.getRange(address(m)).merge(false);
  layout.columnWidths.forEach((w, i) => {
    worksheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = w * pointsPerCharacter;
  });
  for (const [row, height] of Object.entries(layout.rowHeights ?? {})) {
    worksheet.getRangeByIndexes(Number(row), 0, 1, 1).format.rowHeight = height;
  }
  if (layout.frozenRows) worksheet.freezePanes.freezeRows(layout.frozenRows);
  if (layout.tabColor) worksheet.tabColor = layout.tabColor;

  if (caps.dataValidation) {
    if (layout.showGridlines === false) worksheet.showGridlines = false;
    for (const v of layout.validations ?? []) {
      const dv = worksheet.getRange(address(v.range)).dataValidation;
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
  } else if ((layout.validations?.length ?? 0) > 0 || layout.showGridlines === false) {
    skipped.push("数据验证和隐藏网格线（需要 Excel 2021 / ExcelApi 1.8）");
  }

  const print = layout.print;
  if (print && caps.pageLayout) {
    const page = worksheet.pageLayout;
    page.orientation = print.orientation === "portrait" ? "Portrait" : "Landscape";
    page.paperSize = "A4";
    page.zoom = { horizontalFitToPages: print.fitToPagesWide, verticalFitToPages: 0 };
    page.centerHorizontally = print.centerHorizontally ?? true;
    page.printGridlines = print.printGridlines ?? false;
    page.setPrintArea(address(print.printArea));
    if (print.titleRows)
      page.setPrintTitleRows(`$${print.titleRows.first + 1}:$${print.titleRows.last + 1}`);
    if (print.margins) {
      page.leftMargin = print.margins.left * 72;
      page.rightMargin = print.margins.right * 72;
      page.topMargin = print.margins.top * 72;
      page.bottomMargin = print.margins.bottom * 72;
      page.headerMargin = print.margins.header * 72;
      page.footerMargin = print.margins.footer * 72;
    }
    const hf = page.headersFooters.defaultForAllPages;
    if (print.centerHeader) hf.centerHeader = print.centerHeader;
    if (print.centerFooter) hf.centerFooter = print.centerFooter;
    if (print.leftFooter) hf.leftFooter = print.leftFooter;
    if (print.rightFooter) hf.rightFooter = print.rightFooter;
  } else if (print) {
    skipped.push(
      "打印设置（纸张、缩放、页眉页脚，需要 Excel 2021 / ExcelApi 1.9）：请在“页面布局”中手动设置"
    );
  }
  return skipped;
}
