/* global TextEncoder */
/**
 * A SheetLayout as SpreadsheetML: the worksheet part and the cell formats it needs, written
 * straight from the layout for the package writer (packageWriter.ts), which adds them to an
 * existing .xlsx package. What a user sees is what writeLayout.ts renders through ExcelJS
 * (the same fonts, fills, borders, alignment, number formats, merges, widths, heights,
 * validation and print setup; a test compares the two cell by cell), without building an
 * ExcelJS workbook and zipping it only to take it apart again.
 *
 * Text is written as inline strings, so the package's shared-string table is not touched.
 * Style indexes are local to the sheet (`StyleParts`); the caller merges them into the
 * package's styles part and passes the final index of each local cell format.
 */
import type {
  CellStyle,
  DataValidation,
  LayoutCell,
  LayoutValue,
  MergeRange,
  RowBlock,
  SheetLayout,
} from "../../layout/sheetLayout";
import { cellAddress, columnLetters, rangeAddress } from "../snapshot";
import { type CompressedPart, PartCompressor } from "./zipPackage";
import { DEFAULT_ROW_HEIGHT } from "../../layout/pagination";

/** The formats a sheet needs, with indexes local to it; fragments carry no namespace prefix. */
export interface StyleParts {
  /** Custom number formats (ids from 164 up, local to the sheet). */
  numFmts: { id: number; code: string }[];
  fonts: string[];
  fills: string[];
  borders: string[];
  /** `<xf …>` elements whose numFmtId, fontId, fillId and borderId are local. */
  cellXfs: string[];
}

export interface SheetStyles {
  parts: StyleParts;
  /** The local cell format of a layout style (undefined: the sheet's plain text). */
  xfOf(style: CellStyle | undefined): number;
}

/** First id of a custom number format (below are Excel's built-in formats). */
export const FIRST_CUSTOM_NUMFMT = 164;

/** Built-in number formats (ECMA-376 §18.8.30) that need no <numFmt> of their own. */
const BUILT_IN_NUMFMTS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "@": 49,
};

const XML_SPECIAL = /[&<>"']/;
const XML_ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

export function escapeXml(text: string): string {
  return XML_SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => XML_ENTITIES[c] as string) : text;
}

/** Characters XML 1.0 cannot hold, and surrogates (checked one by one below). */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;

/**
 * Text as an XML attribute value: as `xmlText`, and with tabs and line breaks as character
 * references (a parser turns literal ones into spaces).
 */
export function xmlAttr(text: string): string {
  return xmlText(text).replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Text as XML character data: escaped, and without the characters XML 1.0 cannot hold (control
 * characters other than tab and line breaks, lone surrogates), which a cell copied from another
 * system may carry and which would make the whole package unreadable.
 */
export function xmlText(text: string): string {
  if (!NOT_XML.test(text)) return escapeXml(text);
  let kept = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) kept += text[i] + text[++i];
      continue;
    }
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code >= 0xfffe)
      continue;
    kept += text[i];
  }
  return escapeXml(kept);
}

/** What makes two styles render alike, as one string (every field a writer reads). */
function styleKey(style: CellStyle | undefined): string {
  if (!style) return "";
  const flag = (b: boolean | undefined) => (b ? "1" : "0");
  return (
    flag(style.bold) +
    flag(style.italic) +
    flag(style.border) +
    flag(style.borderBottomThick) +
    flag(style.wrap) +
    `|${style.fontSize ?? ""}|${style.fontColor ?? ""}|${style.fill ?? ""}` +
    `|${style.horizontal ?? ""}|${style.vertical ?? ""}|${style.numberFormat ?? ""}`
  );
}

/**
 * Each style object's key, made once: layouts share their styles (module constants), so a
 * folder run of 200 workbooks keys each style once, not once per workbook.
 */
const KEYS = new WeakMap<CellStyle, string>();
function keyOf(style: CellStyle | undefined): string {
  if (!style) return "";
  let key = KEYS.get(style);
  if (key === undefined) KEYS.set(style, (key = styleKey(style)));
  return key;
}

const rgb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;
const BLACK = "FF000000";

/** `list`'s index of `fragment`, appended when new. */
function indexOf(list: string[], fragment: string): number {
  const i = list.indexOf(fragment);
  if (i >= 0) return i;
  list.push(fragment);
  return list.length - 1;
}

function fontXml(style: CellStyle | undefined, layout: SheetLayout): string {
  return (
    "<font>" +
    (style?.bold ? "<b/>" : "") +
    (style?.italic ? "<i/>" : "") +
    `<sz val="${style?.fontSize ?? layout.fontSize}"/>` +
    (style?.fontColor ? `<color rgb="${rgb(style.fontColor)}"/>` : "") +
    `<name val="${xmlAttr(layout.fontName)}"/>` +
    "</font>"
  );
}

const fillXml = (color: string) =>
  `<fill><patternFill patternType="solid"><fgColor rgb="${rgb(color)}"/></patternFill></fill>`;

const sideXml = (name: string, weight: "thin" | "medium" | null) =>
  weight ? `<${name} style="${weight}"><color rgb="${BLACK}"/></${name}>` : `<${name}/>`;

function borderXml(style: CellStyle): string {
  const edge = style.border ? "thin" : null;
  return (
    "<border>" +
    sideXml("left", edge) +
    sideXml("right", edge) +
    sideXml("top", edge) +
    sideXml("bottom", style.borderBottomThick ? "medium" : edge) +
    "<diagonal/></border>"
  );
}

function alignmentXml(style: CellStyle): string {
  if (!style.horizontal && !style.vertical && !style.wrap) return "";
  const attrs = [
    style.horizontal ? ` horizontal="${style.horizontal}"` : "",
    style.vertical ? ` vertical="${style.vertical}"` : "",
    style.wrap ? ' wrapText="1"' : "",
  ].join("");
  return `<alignment${attrs}/>`;
}

/** The number format id of `code`: built in, already added, or added now. */
function numFmtOf(parts: StyleParts, code: string | undefined): number {
  // No format, or an empty one, is General (as writeLayout and the Excel host take it).
  if (!code) return 0;
  const builtIn = BUILT_IN_NUMFMTS[code];
  if (builtIn !== undefined) return builtIn;
  const known = parts.numFmts.find((f) => f.code === code);
  if (known) return known.id;
  const id = FIRST_CUSTOM_NUMFMT + parts.numFmts.length;
  parts.numFmts.push({ id, code });
  return id;
}

/** One cell format (`<xf>`), its font, fill, border and number format added to `parts`. */
function xfXml(parts: StyleParts, style: CellStyle | undefined, layout: SheetLayout): string {
  const numFmtId = numFmtOf(parts, style?.numberFormat);
  const fontId = indexOf(parts.fonts, fontXml(style, layout));
  const fillId = style?.fill ? indexOf(parts.fills, fillXml(style.fill)) : 0;
  const bordered = style && (style.border || style.borderBottomThick);
  const borderId = bordered ? indexOf(parts.borders, borderXml(style)) : 0;
  const align = style ? alignmentXml(style) : "";
  const applies = [
    numFmtId !== 0 ? ' applyNumberFormat="1"' : "",
    ' applyFont="1"',
    fillId !== 0 ? ' applyFill="1"' : "",
    borderId !== 0 ? ' applyBorder="1"' : "",
    align ? ' applyAlignment="1"' : "",
  ].join("");
  const start = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}`;
  return align ? `${start}>${align}</xf>` : `${start}/>`;
}

/** The cell formats of a layout: one per distinct style, shared by every cell using it. */
export function sheetStyles(layout: SheetLayout): SheetStyles {
  const parts: StyleParts = {
    numFmts: [],
    // Excel's reserved first fill and border; the merge maps them onto the package's own.
    fonts: [],
    fills: [
      '<fill><patternFill patternType="none"/></fill>',
      '<fill><patternFill patternType="gray125"/></fill>',
    ],
    borders: ["<border><left/><right/><top/><bottom/><diagonal/></border>"],
    cellXfs: [],
  };
  // By style object first (layouts share them), then by content (keyed, never searched).
  const byObject = new Map<CellStyle | undefined, number>();
  const byContent = new Map<string, number>();
  const xfOf = (style: CellStyle | undefined) => {
    const known = byObject.get(style);
    if (known !== undefined) return known;
    const key = keyOf(style);
    let index = byContent.get(key);
    if (index === undefined) {
      index = indexOf(parts.cellXfs, xfXml(parts, style, layout));
      byContent.set(key, index);
    }
    byObject.set(style, index);
    return index;
  };
  // Every format the sheet uses is known before the caller merges them.
  xfOf(undefined);
  for (const c of layout.cells) xfOf(c.style);
  for (const style of layout.rowBlock?.styles ?? []) xfOf(style);
  return { parts, xfOf };
}

/** `'绩效自评汇总'!`: a sheet name as formulas and defined names quote it. */
export function sheetPrefix(name: string): string {
  return `'${name.replace(/'/g, "''")}'!`;
}

const absolute = (r: MergeRange) =>
  `$${columnLetters(r.left)}$${r.top + 1}:$${columnLetters(r.right)}$${r.bottom + 1}`;

/** The sheet's print area and print titles, as defined names local to it (Excel's own names). */
export function printNames(layout: SheetLayout): { name: string; formula: string }[] {
  const print = layout.print;
  if (!print) return [];
  const prefix = sheetPrefix(layout.name);
  const names = [{ name: "_xlnm.Print_Area", formula: prefix + absolute(print.printArea) }];
  if (print.titleRows)
    names.push({
      name: "_xlnm.Print_Titles",
      formula: `${prefix}$${print.titleRows.first + 1}:$${print.titleRows.last + 1}`,
    });
  return names;
}

/** A number as xsd:double text (shortest round-trip form; never NaN or infinite here). */
function numberText(n: number): string {
  return String(n);
}

function valueXml(ref: string, s: number, value: LayoutValue, formula?: string): string {
  const f = formula ? `<f>${xmlText(formula.replace(/^=/, ""))}</f>` : "";
  if (value === null || (typeof value === "number" && !Number.isFinite(value)))
    return f ? `<c r="${ref}" s="${s}">${f}</c>` : `<c r="${ref}" s="${s}"/>`;
  if (typeof value === "number")
    return `<c r="${ref}" s="${s}">${f}<v>${numberText(value)}</v></c>`;
  if (typeof value === "boolean")
    return `<c r="${ref}" s="${s}" t="b">${f}<v>${value ? 1 : 0}</v></c>`;
  if (f) return `<c r="${ref}" s="${s}" t="str">${f}<v>${xmlText(value)}</v></c>`;
  const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}" s="${s}" t="inlineStr"><is><t${space}>${xmlText(value)}</t></is></c>`;
}

function validationXml(v: DataValidation): string {
  const common =
    ` allowBlank="1" showErrorMessage="1" errorStyle="stop" errorTitle="输入有误"` +
    ` error="${xmlAttr(v.errorMessage)}"` +
    (v.prompt ? ` showInputMessage="1" prompt="${xmlAttr(v.prompt)}"` : "") +
    ` sqref="${rangeAddress(v.range)}"`;
  const rule = v.rule;
  if (rule.kind === "list")
    return `<dataValidation type="list"${common}><formula1>${xmlText(`"${rule.choices.join(",")}"`)}</formula1></dataValidation>`;
  const type = rule.kind === "decimal" ? "decimal" : "whole";
  return (
    `<dataValidation type="${type}" operator="between"${common}>` +
    `<formula1>${numberText(rule.min)}</formula1><formula2>${numberText(rule.max)}</formula2>` +
    "</dataValidation>"
  );
}

/** Columns of equal width side by side share one `<col>` element. */
function colsXml(widths: number[]): string {
  const cols: string[] = [];
  for (let i = 0; i < widths.length;) {
    const w = widths[i];
    let j = i;
    while (j + 1 < widths.length && widths[j + 1] === w) j++;
    if (w !== undefined && w !== null)
      cols.push(`<col min="${i + 1}" max="${j + 1}" width="${w}" customWidth="1"/>`);
    i = j + 1;
  }
  return cols.length > 0 ? `<cols>${cols.join("")}</cols>` : "";
}

const DEFAULT_MARGINS = {
  left: 0.7,
  right: 0.7,
  top: 0.75,
  bottom: 0.75,
  header: 0.3,
  footer: 0.3,
};

/** An empty cell a merge covers: written with a format only, as Excel keeps them. */
interface CoveredCell {
  row: number;
  column: number;
  style: CellStyle | undefined;
  covered: true;
}

/** The cells of a layout, then the cells its merges cover, by number. */
interface PlacedCells {
  at(i: number): LayoutCell | CoveredCell;
  /** The numbers in sheet order (row, then column; equal addresses in the order given). */
  order: Int32Array;
}

/**
 * The cells of a layout in sheet order, as numbers: 4 bytes a cell, not an object per row.
 * Layouts are built row by row, so usually nothing is sorted.
 */
function placedCells(layout: SheetLayout): PlacedCells {
  const covered = coveredCells(layout);
  const n = layout.cells.length;
  const at = (i: number): LayoutCell | CoveredCell =>
    i < n ? (layout.cells[i] as LayoutCell) : (covered[i - n] as CoveredCell);
  const order = new Int32Array(n + covered.length);
  // Each cell's place as one number (a sheet has at most 16,384 columns), compared cheaply.
  const place = new Float64Array(order.length);
  let sorted = true;
  for (let i = 0; i < order.length; i++) {
    order[i] = i;
    const c = at(i);
    place[i] = c.row * 16384 + c.column;
    if (i > 0 && place[i] < (place[i - 1] as number)) sorted = false;
  }
  if (!sorted) order.sort((x, y) => (place[x] as number) - (place[y] as number) || x - y);
  return { at, order };
}

/**
 * The empty cells merges cover, with their top-left cell's format; an empty top-left cell where
 * neither the layout nor an earlier merge has one. (Two merges from one cell keep its value.)
 */
function coveredCells(layout: SheetLayout): CoveredCell[] {
  if (layout.merges.length === 0) return [];
  // Addresses as numbers (a sheet has at most 16,384 columns): no string made per cell.
  const key = (row: number, column: number) => row * 16384 + column;
  const tops = new Set(layout.merges.map((m) => key(m.top, m.left)));
  const topCell = new Map<number, LayoutCell>();
  for (const c of layout.cells) {
    const k = key(c.row, c.column);
    if (tops.has(k)) topCell.set(k, c);
  }
  const placed = new Set<number>();
  const out: CoveredCell[] = [];
  const cover = (row: number, column: number, style: CellStyle | undefined) => {
    out.push({ row, column, style, covered: true });
    placed.add(key(row, column));
  };
  for (const m of layout.merges) {
    const top = topCell.get(key(m.top, m.left));
    if (!top && !placed.has(key(m.top, m.left))) cover(m.top, m.left, undefined);
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++)
        if (r !== m.top || c !== m.left) cover(r, c, top?.style);
  }
  return out;
}

/** Manual page breaks above 0-based rows: `<brk id>` is the 1-based row the break follows. */
function rowBreaksXml(rows: readonly number[]): string {
  const breaks = [...new Set(rows)].filter((r) => r > 0).sort((a, b) => a - b);
  if (breaks.length === 0) return "";
  const brk = breaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join("");
  return `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${brk}</rowBreaks>`;
}

/**
 * The worksheet part for `layout`; `styleIndex` gives the package's cell format for each
 * local one of `styles`. Cells inside a merge take the style of its top-left cell (so that
 * borders and fills cover the whole merged area) and hold no value, as Excel keeps them.
 */
export function worksheetXml(
  layout: SheetLayout,
  styles: SheetStyles,
  styleIndex: (local: number) => number
): string {
  const parts: string[] = [];
  emitWorksheetXml(layout, styles, styleIndex, (text) => parts.push(text));
  return parts.join("");
}

/**
 * The worksheet part compressed as it is written (what the package writer stores): encoded and
 * compressed piece by piece, so a sheet of 200,000 rows never exists whole as XML text or bytes.
 */
export function worksheetCompressed(
  layout: SheetLayout,
  styles: SheetStyles,
  styleIndex: (local: number) => number
): CompressedPart {
  const compressor = new PartCompressor();
  const encoder = new TextEncoder();
  let pending = ""; // about 64 K characters at a time, as UTF-8
  emitWorksheetXml(layout, styles, styleIndex, (text) => {
    pending += text;
    if (pending.length < 1 << 16) return;
    compressor.push(encoder.encode(pending));
    pending = "";
  });
  compressor.push(encoder.encode(pending));
  return compressor.finish();
}

/** The worksheet part, piece by piece (rows one at a time) to `emit`. */
function emitWorksheetXml(
  layout: SheetLayout,
  styles: SheetStyles,
  styleIndex: (local: number) => number,
  emit: (text: string) => void
): void {
  const { at, order } = placedCells(layout);
  const heights = layout.rowHeights ?? {};
  const heightRows = Object.keys(heights)
    .map(Number)
    .sort((a, b) => a - b);
  // The row block's rows are written as they come, each cell made when written.
  const block = layout.rowBlock && layout.rowBlock.count > 0 ? layout.rowBlock : null;
  let b = 0; // next line of the block
  const anyRow = order.length > 0 || heightRows.length > 0 || block !== null;
  const { maxRow, maxColumn } = extent({ at, order }, heightRows, block);
  emit(worksheetHead(layout, maxRow, maxColumn));
  emit(anyRow ? "<sheetData>" : "<sheetData/>");
  const rowXml = (r: number, cells: string) => {
    const height = heights[r];
    const ht = height !== undefined ? ` ht="${height}" customHeight="1"` : "";
    return cells ? `<row r="${r + 1}"${ht}>${cells}</row>` : `<row r="${r + 1}"${ht}/>`;
  };
  const cellXml = (cell: LayoutCell | CoveredCell, r: number) => {
    const s = styleIndex(styles.xfOf(cell.style));
    const ref = cellAddress(r, cell.column);
    return "covered" in cell
      ? `<c r="${ref}" s="${s}"/>`
      : valueXml(ref, s, cell.value, cell.formula);
  };
  let k = 0; // next in `order`
  let h = 0; // next in `heightRows`
  while (k < order.length || h < heightRows.length || (block && b < block.count)) {
    const r = Math.min(
      k < order.length ? at(order[k] as number).row : Infinity,
      heightRows[h] ?? Infinity,
      block && b < block.count ? block.top + b : Infinity
    );
    if (heightRows[h] === r) h++;
    let cells = "";
    if (block && b < block.count && block.top + b === r) {
      for (let column = 0; column < block.width; column++)
        cells += cellXml(block.cell(b, column), r);
      b++;
    }
    while (k < order.length && at(order[k] as number).row === r) {
      // The last of the cells at one address wins.
      let i = order[k++] as number;
      while (k < order.length) {
        const next = at(order[k] as number);
        if (next.row !== r || next.column !== at(i).column) break;
        i = order[k++] as number;
      }
      cells += cellXml(at(i), r);
    }
    emit(rowXml(r, cells));
  }
  if (anyRow) emit("</sheetData>");
  emit(worksheetTail(layout));
}

/** The last row and column the sheet writes: its cells, row heights and row block. */
function extent(
  { at, order }: PlacedCells,
  heightRows: readonly number[],
  block: RowBlock | null
): { maxRow: number; maxColumn: number } {
  let maxRow = heightRows[heightRows.length - 1] ?? 0;
  let maxColumn = 0;
  for (const i of order) {
    const c = at(i);
    if (c.row > maxRow) maxRow = c.row;
    if (c.column > maxColumn) maxColumn = c.column;
  }
  if (block) {
    maxRow = Math.max(maxRow, block.top + block.count - 1);
    maxColumn = Math.max(maxColumn, block.width - 1);
  }
  return { maxRow, maxColumn };
}

/** Everything before `<sheetData>`: properties, dimension, view, default row height, columns. */
function worksheetHead(layout: SheetLayout, maxRow: number, maxColumn: number): string {
  const print = layout.print;
  const sheetPr =
    layout.tabColor || print
      ? "<sheetPr>" +
        (layout.tabColor ? `<tabColor rgb="${rgb(layout.tabColor)}"/>` : "") +
        (print && !print.scale ? '<pageSetUpPr fitToPage="1"/>' : "") +
        "</sheetPr>"
      : "";
  const frozen = layout.frozenRows ?? 0;
  const gridlines = layout.showGridlines === false ? ' showGridLines="0"' : "";
  const pane =
    frozen > 0
      ? `<pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/>` +
        `<selection pane="bottomLeft" activeCell="A${frozen + 1}" sqref="A${frozen + 1}"/>`
      : "";
  const view = pane
    ? `<sheetView workbookViewId="0"${gridlines}>${pane}</sheetView>`
    : `<sheetView workbookViewId="0"${gridlines}/>`;

  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    sheetPr +
    `<dimension ref="${rangeAddress({ top: 0, left: 0, bottom: maxRow, right: maxColumn })}"/>` +
    `<sheetViews>${view}</sheetViews>` +
    `<sheetFormatPr defaultRowHeight="${DEFAULT_ROW_HEIGHT}" customHeight="1"/>` +
    colsXml(layout.columnWidths)
  );
}

/** Everything after `</sheetData>`: merges, validation, print setup. */
function worksheetTail(layout: SheetLayout): string {
  const print = layout.print;
  const merges =
    layout.merges.length > 0
      ? `<mergeCells count="${layout.merges.length}">${layout.merges
          .map((m) => `<mergeCell ref="${rangeAddress(m)}"/>`)
          .join("")}</mergeCells>`
      : "";
  const validations = layout.validations ?? [];
  const validationsXml =
    validations.length > 0
      ? `<dataValidations count="${validations.length}">${validations.map(validationXml).join("")}</dataValidations>`
      : "";

  // Excel writes the margins of every sheet; the defaults are Excel's own.
  const m = print?.margins ?? DEFAULT_MARGINS;
  let printXml = `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
  if (print) {
    const options = [
      (print.centerHorizontally ?? true) ? ' horizontalCentered="1"' : "",
      print.printGridlines ? ' gridLines="1"' : "",
    ].join("");
    const header = print.centerHeader ? `&C${print.centerHeader}` : "";
    const footer = [
      print.leftFooter ? `&L${print.leftFooter}` : "",
      print.centerFooter ? `&C${print.centerFooter}` : "",
      print.rightFooter ? `&R${print.rightFooter}` : "",
    ].join("");
    printXml =
      (options ? `<printOptions${options}/>` : "") +
      printXml +
      (print.scale
        ? `<pageSetup paperSize="9" scale="${print.scale}" orientation="${print.orientation}"/>`
        : `<pageSetup paperSize="9" orientation="${print.orientation}" fitToWidth="${print.fitToPagesWide}" fitToHeight="0"/>`) +
      (header || footer
        ? "<headerFooter>" +
          (header ? `<oddHeader>${xmlText(header)}</oddHeader>` : "") +
          (footer ? `<oddFooter>${xmlText(footer)}</oddFooter>` : "") +
          "</headerFooter>"
        : "") +
      rowBreaksXml(print.rowBreaks ?? []);
  }

  return merges + validationsXml + printXml + "</worksheet>";
}
