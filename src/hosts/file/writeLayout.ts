/**
 * ExcelJS adapter, write side: renders a SheetLayout into a worksheet of an .xlsx workbook
 * (values, formulas, styles, merges, widths, validation, freeze panes, print setup).
 */
import type ExcelJS from "exceljs";
import {
  type CellStyle,
  type LayoutCell,
  type PrintSetup,
  type SheetLayout,
  type ValidationRule,
  materialized,
} from "../../layout/sheetLayout";
import { rangeAddress } from "../snapshot";
import { DEFAULT_ROW_HEIGHT } from "../../layout/pagination";

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

/**
 * The ExcelJS style for a layout style. Built once per distinct style and shared by every cell
 * that uses it: ExcelJS then recognises the object when saving (its style cache is keyed by
 * object identity) instead of rendering and comparing the font, fill and border XML of each
 * cell again. Cells read from a file share their style objects in the same way.
 */
function excelStyle(style: CellStyle | undefined, layout: SheetLayout): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {
    font: {
      name: layout.fontName,
      size: style?.fontSize ?? layout.fontSize,
      bold: style?.bold ?? false,
      italic: style?.italic ?? false,
      ...(style?.fontColor ? { color: { argb: argb(style.fontColor) } } : {}),
    },
  };
  if (!style) return out;
  if (style.fill)
    out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.horizontal || style.vertical || style.wrap) {
    out.alignment = {
      horizontal: style.horizontal,
      vertical: style.vertical === "center" ? "middle" : style.vertical,
      wrapText: style.wrap ?? false,
    };
  }
  if (style.numberFormat) out.numFmt = style.numberFormat;
  if (style.border || style.borderBottomThick) {
    const thin = { style: "thin" as const, color: { argb: "FF000000" } };
    out.border = style.border
      ? {
          top: thin,
          left: thin,
          right: thin,
          bottom: style.borderBottomThick ? { style: "medium", color: { argb: "FF000000" } } : thin,
        }
      : { bottom: { style: "medium", color: { argb: "FF000000" } } };
  }
  return out;
}

/** Shared ExcelJS styles of one layout, by layout style object and then by content. */
class StyleCache {
  private readonly byObject = new Map<CellStyle | undefined, Partial<ExcelJS.Style>>();
  private readonly byKey = new Map<string, Partial<ExcelJS.Style>>();

  constructor(private readonly layout: SheetLayout) {}

  get(style: CellStyle | undefined): Partial<ExcelJS.Style> {
    const known = this.byObject.get(style);
    if (known) return known;
    const key = style ? JSON.stringify(style) : "";
    let shared = this.byKey.get(key);
    if (!shared) {
      shared = excelStyle(style, this.layout);
      this.byKey.set(key, shared);
    }
    this.byObject.set(style, shared);
    return shared;
  }
}

function cellValue(c: LayoutCell): ExcelJS.CellValue {
  if (c.formula)
    return {
      formula: c.formula.replace(/^=/, ""),
      result: c.value ?? undefined,
    } as ExcelJS.CellFormulaValue;
  return c.value;
}

function validation(
  rule: ValidationRule,
  errorMessage: string,
  prompt?: string
): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: "输入有误",
    error: errorMessage,
  };
  const withPrompt = prompt ? { showInputMessage: true, prompt } : {};
  if (rule.kind === "list")
    return {
      type: "list",
      formulae: [`"${rule.choices.join(",")}"`],
      ...common,
      ...withPrompt,
    } as ExcelJS.DataValidation;
  return {
    type: rule.kind === "decimal" ? "decimal" : "whole",
    operator: "between",
    formulae: [rule.min, rule.max],
    ...common,
    ...withPrompt,
  } as ExcelJS.DataValidation;
}

/** Paper, fit or scale, print area, title rows, margins, page breaks, header and footer. */
function setPrint(ws: ExcelJS.Worksheet, print: PrintSetup): void {
  ws.pageSetup = {
    paperSize: 9,
    orientation: print.orientation,
    fitToPage: !print.scale,
    ...(print.scale ? { scale: print.scale } : {}),
    fitToWidth: print.fitToPagesWide,
    fitToHeight: 0,
    printArea: rangeAddress(print.printArea),
    horizontalCentered: print.centerHorizontally ?? true,
    showGridLines: print.printGridlines ?? false,
    ...(print.titleRows
      ? { printTitlesRow: `${print.titleRows.first + 1}:${print.titleRows.last + 1}` }
      : {}),
    ...(print.margins ? { margins: print.margins } : {}),
  };
  // ExcelJS breaks after a 1-based row: the 0-based row that starts the page is its number.
  for (const row of print.rowBreaks ?? []) if (row > 0) ws.getRow(row).addPageBreak();
  ws.headerFooter = {
    oddHeader: print.centerHeader ? `&C${print.centerHeader}` : undefined,
    oddFooter:
      [
        print.leftFooter ? `&L${print.leftFooter}` : "",
        print.centerFooter ? `&C${print.centerFooter}` : "",
        print.rightFooter ? `&R${print.rightFooter}` : "",
      ].join("") || undefined,
  };
}

/** The sheet's data validations (ExcelJS has them range-wide but does not declare it). */
function addValidations(ws: ExcelJS.Worksheet, layout: SheetLayout): void {
  const validations = (
    ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  for (const v of layout.validations ?? [])
    validations.add(rangeAddress(v.range), validation(v.rule, v.errorMessage, v.prompt));
}

/** Adds a worksheet named `layout.name` (the caller checks it does not exist) and fills it. */
export function writeLayout(workbook: ExcelJS.Workbook, given: SheetLayout): ExcelJS.Worksheet {
  const layout = materialized(given);
  const ws = workbook.addWorksheet(layout.name, {
    properties: {
      defaultRowHeight: DEFAULT_ROW_HEIGHT,
      ...(layout.tabColor ? { tabColor: { argb: argb(layout.tabColor) } } : {}),
    },
    views: [
      {
        state: layout.frozenRows ? "frozen" : "normal",
        ySplit: layout.frozenRows ?? 0,
        showGridLines: layout.showGridlines ?? true,
      },
    ],
  });
  layout.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const styleOf = new StyleCache(layout);
  for (const c of layout.cells) {
    const cell = ws.getCell(c.row + 1, c.column + 1);
    cell.value = cellValue(c);
    cell.style = styleOf.get(c.style);
  }
  for (const m of layout.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  for (const [row, height] of Object.entries(layout.rowHeights ?? {}))
    ws.getRow(Number(row) + 1).height = height;
  addValidations(ws, layout);
  if (layout.print) setPrint(ws, layout.print);
  return ws;
}
