/** Shared look of the sheets we write: fonts, colours, number formats. */
import { displayWidth } from "../model/text";
import type { CellStyle } from "./sheetLayout";

/**
 * How every sheet the assistant writes signs itself (the summary's last line). The parser
 * skips sheets that end with it, so an old summary is never read back as input.
 */
export const ASSISTANT_SIGNATURE = "本表由绩效自评助手";

/** Set explicitly so Chinese prints the same in Excel, WPS and LibreOffice. */
export const SHEET_FONT = "Noto Sans CJK SC";
export const FONT_SIZE = 10.5;

export const formats = {
  amount: "#,##0.00",
  score: "0.00",
  rate: "0.00%",
  integer: "0",
  text: "@",
};

export const styles = {
  title: { bold: true, fontSize: 16, horizontal: "center", vertical: "center" } satisfies CellStyle,
  // A title across the page that names the department wraps: a full name can be longer than
  // the page is wide (its row grows by titleHeight). Others keep one line.
  pageTitle: {
    bold: true,
    fontSize: 16,
    horizontal: "center",
    vertical: "center",
    wrap: true,
  } satisfies CellStyle,
  subtitle: { fontSize: 10, horizontal: "right", fontColor: "#404040" } satisfies CellStyle,
  header: {
    bold: true,
    fill: "#D9E2F3",
    horizontal: "center",
    vertical: "center",
    wrap: true,
    border: true,
  } satisfies CellStyle,
  label: { border: true, vertical: "center", wrap: true } satisfies CellStyle,
  input: { border: true, fill: "#FFF9E5", vertical: "center" } satisfies CellStyle,
  cell: { border: true, vertical: "center" } satisfies CellStyle,
  total: { bold: true, border: true, fill: "#F2F2F2", vertical: "center" } satisfies CellStyle,
  note: { fontSize: 9, fontColor: "#595959", wrap: true, vertical: "top" } satisfies CellStyle,
};

/** Excel's tallest row (points); a taller one is refused or cut. */
export const MAX_ROW_HEIGHT = 409;

/**
 * Row height (points) for wrapped text, since neither writer auto-fits rows: the lines the text
 * needs in a column `widthChars` characters wide (of the sheet's default font) at `fontSize`.
 */
export function rowHeightFor(text: string, widthChars: number, fontSize = FONT_SIZE): number {
  const lines = wrappedLines(text, widthChars, fontSize);
  return Math.min(MAX_ROW_HEIGHT, Math.max(18, Math.ceil(lines * fontSize * 1.45 + 4)));
}

/** The lines `text` takes wrapped in a column `widthChars` characters wide at `fontSize`. */
export function wrappedLines(text: string, widthChars: number, fontSize = FONT_SIZE): number {
  const capacity = Math.max(4, (widthChars * FONT_SIZE) / fontSize - 1);
  // Each line break starts a new line; each line wraps on its own.
  return text
    .split("\n")
    .reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / capacity)), 0);
}

/**
 * A title row's height: 30 points, or as tall as the title wrapped over `widthChars` needs. Bold
 * 16 pt CJK sets a little tighter than the body estimate assumes: LibreOffice printed the sample's
 * 56-unit title on one line of 86 units, and a 64-unit one on two.
 */
export function titleHeight(text: string, widthChars: number): number {
  return Math.max(30, rowHeightFor(text, widthChars * 1.1, 16));
}

/**
 * Text for a page header or footer: `&` starts a code there (`&P` page number, `&D` date), so a
 * literal ampersand, as in a department called “研发&创新中心”, is written `&&`.
 */
export function headerFooterText(text: string): string {
  return text.replace(/&/g, "&&");
}
