/**
 * WPS host, write side: a SheetLayout onto a worksheet through ET — the values as one `Value2`
 * array (text a spreadsheet would convert kept as text by an `@` format), formulas per cell,
 * styles per run of equal cells (the runs the Excel host uses), merges, widths, heights, data
 * validation where ET takes it, and page setup. Synchronous, like ET itself.
 */
import type { CellStyle, SheetLayout } from "../../layout/sheetLayout";
import {
  excelWouldConvert,
  extent,
  marginsInPoints,
  styleRuns,
  titleRowsAddress,
} from "../layoutRuns";
import { cellAddress, rangeAddress } from "../snapshot";
import { type EtRange, type EtWorksheet, XL, bgr } from "./et";

const H_ALIGN = { left: XL.left, center: XL.center, right: XL.right } as const;
const V_ALIGN = { top: XL.top, center: XL.center, bottom: XL.bottom } as const;
/** Excel's Validation.Add types: whole number 1, decimal 2, list 3; alert stop 1; between 1. */
const VALIDATION_TYPE = { wholeNumber: 1, decimal: 2, list: 3 } as const;

function applyStyle(range: EtRange, style: CellStyle, layout: SheetLayout, overlay = false): void {
  if (!overlay) {
    range.Font.Name = layout.fontName;
    range.Font.Size = style.fontSize ?? layout.fontSize;
  }
  if (style.bold !== undefined) range.Font.Bold = style.bold;
  if (style.italic !== undefined) range.Font.Italic = style.italic;
  if (style.fontColor) range.Font.Color = bgr(style.fontColor);
  if (style.fill) range.Interior.Color = bgr(style.fill);
  if (style.horizontal) range.HorizontalAlignment = H_ALIGN[style.horizontal];
  if (style.vertical) range.VerticalAlignment = V_ALIGN[style.vertical];
  if (style.wrap !== undefined) range.WrapText = style.wrap;
  if (style.numberFormat) range.NumberFormat = style.numberFormat;
  if (style.border) {
    range.Borders.LineStyle = XL.continuous;
    range.Borders.Weight = XL.thin;
  }
  if (style.borderBottomThick) {
    const bottom = range.Borders.Item(XL.edgeBottom);
    bottom.LineStyle = XL.continuous;
    bottom.Weight = XL.medium;
  }
}

/** Values as one array; text that would turn into a number or formula made text first. */
function writeValues(ws: EtWorksheet, layout: SheetLayout): void {
  const { rows, columns } = extent(layout);
  const values: unknown[][] = Array.from({ length: rows }, () => Array(columns).fill(null));
  const asText: string[] = [];
  for (const c of layout.cells) {
    if (c.formula) continue;
    values[c.row][c.column] = c.value;
    if (typeof c.value === "string" && !c.style?.numberFormat && excelWouldConvert(c.value))
      asText.push(cellAddress(c.row, c.column));
  }
  for (const address of asText) ws.Range(address).NumberFormat = "@";
  ws.Range(rangeAddress({ top: 0, left: 0, bottom: rows - 1, right: columns - 1 })).Value2 = values;
  for (const c of layout.cells)
    if (c.formula)
      ws.Range(cellAddress(c.row, c.column)).Formula = `=${c.formula.replace(/^=/, "")}`;
}

/** Data validation through `Validation.Add`; left out (and named) where ET refuses it. */
function writeValidations(ws: EtWorksheet, layout: SheetLayout): string[] {
  try {
    for (const v of layout.validations ?? []) {
      const range = ws.Range(rangeAddress(v.range)) as EtRange & {
        Validation: {
          Delete(): void;
          Add(type: number, alert: number, operator: number, f1: string, f2?: string): void;
          ErrorMessage: string;
        };
      };
      range.Validation.Delete();
      const rule = v.rule;
      if (rule.kind === "list")
        range.Validation.Add(VALIDATION_TYPE.list, 1, 1, rule.choices.join(","));
      else
        range.Validation.Add(VALIDATION_TYPE[rule.kind], 1, 1, String(rule.min), String(rule.max));
      range.Validation.ErrorMessage = v.errorMessage;
    }
    return [];
  } catch {
    return ["数据验证（WPS 未接受，可在“数据 → 有效性”中手动设置）"];
  }
}

function writePrint(ws: EtWorksheet, layout: SheetLayout): string[] {
  const print = layout.print;
  if (!print) return [];
  try {
    const page = ws.PageSetup;
    page.PaperSize = XL.paperA4;
    page.Orientation = print.orientation === "portrait" ? XL.portrait : XL.landscape;
    if (print.scale) page.Zoom = print.scale;
    else {
      page.Zoom = false;
      page.FitToPagesWide = print.fitToPagesWide;
      page.FitToPagesTall = false;
    }
    page.PrintArea = rangeAddress(print.printArea);
    if (print.titleRows) page.PrintTitleRows = titleRowsAddress(print.titleRows);
    for (const row of print.rowBreaks ?? [])
      if (row > 0) ws.HPageBreaks.Add(ws.Range(`A${row + 1}`));
    page.CenterHorizontally = print.centerHorizontally ?? true;
    page.PrintGridlines = print.printGridlines ?? false;
    if (print.centerHeader) page.CenterHeader = print.centerHeader;
    if (print.centerFooter) page.CenterFooter = print.centerFooter;
    if (print.leftFooter) page.LeftFooter = print.leftFooter;
    if (print.rightFooter) page.RightFooter = print.rightFooter;
    if (print.margins) {
      const m = marginsInPoints(print.margins);
      page.LeftMargin = m.left;
      page.RightMargin = m.right;
      page.TopMargin = m.top;
      page.BottomMargin = m.bottom;
      page.HeaderMargin = m.header;
      page.FooterMargin = m.footer;
    }
    return [];
  } catch {
    return ["打印设置（WPS 未接受）：请在“页面布局”中手动设置"];
  }
}

/** Writes the layout onto `ws` (new, or cleared by the caller); returns what was left out. */
export function writeLayoutEt(ws: EtWorksheet, layout: SheetLayout): string[] {
  const { rows, columns } = extent(layout);
  const whole = ws.Range(rangeAddress({ top: 0, left: 0, bottom: rows - 1, right: columns - 1 }));
  whole.Font.Name = layout.fontName;
  whole.Font.Size = layout.fontSize;
  layout.columnWidths.forEach((width, i) => (ws.Range(cellAddress(0, i)).ColumnWidth = width));
  for (const [row, height] of Object.entries(layout.rowHeights ?? {}))
    ws.Range(cellAddress(Number(row), 0)).RowHeight = height;
  writeValues(ws, layout);
  for (const run of styleRuns(layout.cells))
    applyStyle(ws.Range(rangeAddress(run.range)), run.style, layout, run.overlay);
  for (const m of layout.merges) ws.Range(rangeAddress(m)).Merge(false);
  const skipped = [...writeValidations(ws, layout), ...writePrint(ws, layout)];
  if (layout.frozenRows)
    skipped.push("冻结窗格（WPS 加载项中未设置，可在“视图 → 冻结窗格”中设置）");
  return skipped;
}
