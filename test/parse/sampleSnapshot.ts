/** The bundled sample workbook as a snapshot (read once through ExcelJS), and ways to break it. */
import ExcelJS from "exceljs";
import { join } from "node:path";
import { readWorkbook } from "../../src/hosts/file/readWorkbook";
import {
  type CellValue,
  type SheetSnapshot,
  type WorkbookSnapshot,
  columnLetters,
  parseAddress,
} from "../../src/hosts/snapshot";

export const SAMPLE_PATH = join(__dirname, "..", "..", "samples", "foshan-sbj-2022.xlsx");

/** The sample's sheets, in order (also the template's, as 插入模板 adds them). */
export const SAMPLE_SHEETS = ["基本信息", "预算支出", "绩效指标", "项目清单", "重点工作"];

let cached: WorkbookSnapshot | undefined;

export async function sampleSnapshot(): Promise<WorkbookSnapshot> {
  if (!cached) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(SAMPLE_PATH);
    cached = readWorkbook(workbook);
  }
  return structuredClone(cached);
}

/** Sets one cell (A1 address) of a snapshot, growing the sheet's arrays as needed. */
/** Writes rows of values into a sheet from a top-left cell (0-based column, 1-based row). */
export function putRows(
  snapshot: WorkbookSnapshot,
  sheet: string,
  column: number,
  row: number,
  rows: CellValue[][]
): void {
  rows.forEach((values, r) =>
    values.forEach((v, c) => setCell(snapshot, sheet, `${columnLetters(column + c)}${row + r}`, v))
  );
}

export function setCell(
  snapshot: WorkbookSnapshot,
  sheetName: string,
  address: string,
  value: CellValue,
  numberFormat?: string
): void {
  const sheet = snapshot.sheets.find((s) => s.name === sheetName) as SheetSnapshot;
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const at = parseAddress(address);
  if (!at) throw new Error(`bad address ${address}`);
  const r = at.row - sheet.top;
  const c = at.column - sheet.left;
  if (r < 0 || c < 0) throw new Error("cell above/left of the snapshot");
  sheet.numberFormats ??= sheet.values.map((row) => row.map(() => "General"));
  while (sheet.values.length <= r) sheet.values.push([]);
  while (sheet.numberFormats.length <= r) sheet.numberFormats.push([]);
  sheet.values[r][c] = value;
  // Rows of formats are shared between rows (and frozen): this row gets its own copy.
  const formats = [...sheet.numberFormats[r]];
  formats[c] = numberFormat ?? formats[c] ?? "General";
  sheet.numberFormats[r] = formats;
}

export function removeSheet(snapshot: WorkbookSnapshot, name: string): void {
  snapshot.sheets = snapshot.sheets.filter((s) => s.name !== name);
}
