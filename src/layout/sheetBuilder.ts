/**
 * Building a SheetLayout row by row: cells (with merged spans), row heights for wrapped text
 * (writers do not auto-fit rows), full-width lines and section headings, data validation. Every
 * printed sheet (summary, 项目自评汇总, 评分标准, project form) is laid out with it.
 */
import type {
  CellStyle,
  DataValidation,
  LayoutCell,
  LayoutValue,
  MergeRange,
  SheetLayout,
} from "./sheetLayout";
import { FONT_SIZE, SHEET_FONT, rowHeightFor, wrappedLines } from "./style";

export class SheetBuilder {
  readonly cells: LayoutCell[] = [];
  readonly merges: MergeRange[] = [];
  readonly heights: Record<number, number> = {};
  readonly validations: DataValidation[] = [];
  /** The next free row (0-based). */
  row = 0;

  /**
   * `widths`: the sheet's column widths, in characters (a line spans them all); `fontSize`: the
   * sheet's body font, for row heights.
   */
  constructor(
    readonly widths: readonly number[],
    readonly fontSize = FONT_SIZE
  ) {}

  get totalWidth(): number {
    return this.widths.reduce((a, b) => a + b, 0);
  }

  /** One cell, spanning `span` columns (merged) when more than one. */
  put(
    row: number,
    column: number,
    value: LayoutValue,
    style?: CellStyle,
    span = 1,
    formula?: string
  ): void {
    const cell: LayoutCell = { row, column, value, style };
    if (formula) cell.formula = formula;
    this.cells.push(cell);
    for (let c = column + 1; c < column + span; c++)
      this.cells.push({ row, column: c, value: null, style });
    if (span > 1)
      this.merges.push({ top: row, left: column, bottom: row, right: column + span - 1 });
  }

  /** Merges a column down over rows top..bottom (a section or group label). */
  down(column: number, top: number, bottom: number): void {
    if (bottom > top) this.merges.push({ top, left: column, bottom, right: column });
  }

  /** A full-width line of text on the next row, as tall as its wrapped text; its row. */
  line(text: string, style?: CellStyle): number {
    const row = this.row++;
    this.put(row, 0, text, style, this.widths.length);
    this.fit(row, text, this.totalWidth, style?.fontSize);
    return row;
  }

  /** A heading: a blank row, then the title in bold over a thick rule. */
  section(title: string, fontSize = 12): void {
    this.row++;
    this.line(title, { bold: true, fontSize, borderBottomThick: true });
  }

  /**
   * The sheet built so far as a layout named `name`: the sheet font, this builder's cells,
   * merges, widths and heights, gridlines off, plus `rest` (tab colour, print setup …).
   */
  toLayout<T extends Partial<SheetLayout>>(name: string, rest: T): SheetLayout & T {
    return {
      name,
      fontName: SHEET_FONT,
      fontSize: this.fontSize,
      cells: this.cells,
      merges: this.merges,
      columnWidths: [...this.widths],
      rowHeights: this.heights,
      showGridlines: false,
      ...rest,
    };
  }

  /** Makes `row` tall enough for `text` wrapped in `widthChars` (never lower than it is). */
  fit(row: number, text: string, widthChars: number, fontSize = this.fontSize): void {
    this.heights[row] = Math.max(this.heights[row] ?? 0, rowHeightFor(text, widthChars, fontSize));
  }

  /**
   * As `fit`, where `text` wraps onto a second line; a row of one-line text keeps the sheet's
   * default height (a list of thousands of lines sizes only the rows that wrap).
   */
  fitWrapped(row: number, text: string, widthChars: number, fontSize = this.fontSize): void {
    if (wrappedLines(text, widthChars, fontSize) > 1) this.fit(row, text, widthChars, fontSize);
  }
}
