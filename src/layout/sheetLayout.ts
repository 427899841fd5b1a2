/**
 * A sheet described as data: cells with values and styles, merges, column widths, data
 * validation and print setup. Layout functions (template, summary) produce it; the two
 * writers (Excel JS API, ExcelJS) render it. Nothing here touches a host.
 */

export type HorizontalAlign = "left" | "center" | "right";
export type VerticalAlign = "top" | "center" | "bottom";

/**
 * How a cell looks. A value: never changed once made — layouts share style objects (module
 * constants), and writers remember what each object renders to (sheetXml.ts keys each once).
 */
export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Points. */
  readonly fontSize?: number;
  /** Font colour as `#RRGGBB`. */
  readonly fontColor?: string;
  /** Fill colour as `#RRGGBB`. */
  readonly fill?: string;
  readonly horizontal?: HorizontalAlign;
  readonly vertical?: VerticalAlign;
  readonly wrap?: boolean;
  /** Excel number format, e.g. `#,##0.00`, `0.00%`, `@`. */
  readonly numberFormat?: string;
  /** Thin borders on all four sides. */
  readonly border?: boolean;
  /** A thick bottom border (section headings). */
  readonly borderBottomThick?: boolean;
}

export type LayoutValue = string | number | boolean | null;

export interface LayoutCell {
  /** 0-based row and column. */
  row: number;
  column: number;
  value: LayoutValue;
  /** A formula such as `=SUM(C5:C9)`; `value` is then its expected result. */
  formula?: string;
  style?: CellStyle;
}

export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Whole-number or decimal validation between bounds; or a list of choices. */
export type ValidationRule =
  | { kind: "decimal"; min: number; max: number }
  | { kind: "wholeNumber"; min: number; max: number }
  | { kind: "list"; choices: string[] };

export interface DataValidation {
  range: MergeRange;
  rule: ValidationRule;
  /** Chinese message shown when the input is refused. */
  errorMessage: string;
  prompt?: string;
}

export interface PrintSetup {
  paper: "A4";
  orientation: "portrait" | "landscape";
  /** Fit to this many pages wide (height unlimited). */
  fitToPagesWide: number;
  /**
   * Print at this fixed percentage instead of fitting (Excel ignores manual page breaks on a
   * sheet set to fit to pages): set with `rowBreaks`, on a sheet designed to fit at that size.
   */
  scale?: number;
  /** 0-based inclusive rows repeated on every page. */
  titleRows?: { first: number; last: number };
  /** 0-based rows that start a new printed page (manual page breaks above them). */
  rowBreaks?: number[];
  printArea: MergeRange;
  /** Header text with Excel codes (`&P`, `&N`). */
  centerHeader?: string;
  centerFooter?: string;
  leftFooter?: string;
  rightFooter?: string;
  centerHorizontally?: boolean;
  printGridlines?: boolean;
  /** Margins in inches. */
  margins?: {
    left: number;
    right: number;
    top: number;
    bottom: number;
    header: number;
    footer: number;
  };
}

export interface SheetLayout {
  name: string;
  /** Font for the whole sheet (set explicitly so CJK text prints everywhere). */
  fontName: string;
  /** Default font size in points. */
  fontSize: number;
  cells: LayoutCell[];
  merges: MergeRange[];
  /** Column widths in characters, by 0-based column. */
  columnWidths: number[];
  /** Row heights in points, by 0-based row, where not default. */
  rowHeights?: Record<number, number>;
  validations?: DataValidation[];
  /** Rows frozen at the top. */
  frozenRows?: number;
  showGridlines?: boolean;
  tabColor?: string;
  print?: PrintSetup;
  /**
   * Rows of one shape laid out on demand (a workbook's 200,000 projects in the 核对清单): not
   * cells held in `cells`. The package writer streams them; every other writer takes the layout
   * through `materialized`. No cell of `cells` or merge falls in these rows; `rowHeights` may
   * size them (the lines whose text wraps).
   */
  rowBlock?: RowBlock;
}

/** Rows top … top + count − 1, each of `width` cells: line i's cell c is `cell(i, c)`. */
export interface RowBlock {
  top: number;
  count: number;
  width: number;
  cell(line: number, column: number): LayoutCell;
  /** Every style a cell of the block takes (the writer's cell formats are made before it). */
  styles: readonly CellStyle[];
}

/** The layout with its row block's cells made and put in `cells` (for writers that need all). */
export function materialized(layout: SheetLayout): SheetLayout {
  const block = layout.rowBlock;
  if (!block) return layout;
  const cells = layout.cells.slice();
  for (let line = 0; line < block.count; line++)
    for (let column = 0; column < block.width; column++) cells.push(block.cell(line, column));
  return { ...layout, cells, rowBlock: undefined };
}
