/** Loads an .xlsx (through ExcelJS, cell by cell) into the Excel test double, and wires it to our port. */
import ExcelJS from "exceljs";
import {
  ExcelWorkbook,
  type ExcelRun,
  WRITE_BUDGET_BYTES,
  type SheetListMemory,
} from "../../src/hosts/excel/excelWorkbook";
import * as sheetWritesModule from "../../src/hosts/excel/sheetWrites";
import { allCapabilities, type ExcelCapabilities } from "../../src/hosts/excel/writeLayout";
import { dateToSerial } from "../../src/hosts/file/readWorkbook";
import { FakeExcel, type FakeExcelOptions, type FakeSheetSeed } from "./fakeExcel";

function seedValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return dateToSerial(value);
  if (typeof value === "object") {
    if ("formula" in value && value.formula) return `=${value.formula}`;
    if ("sharedFormula" in value) return (value as { result?: unknown }).result;
    if ("error" in value) return value.error;
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value) return (value as { text: unknown }).text;
  }
  return value;
}

/** The seeds (plain JSON) for the double, e.g. to pass into a browser page. */
export async function seedsFromXlsx(path: string): Promise<FakeSheetSeed[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook.worksheets.map((ws) => {
    const cells: Record<string, unknown> = {};
    const numberFormats: Record<string, string> = {};
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        const v = seedValue(cell.value);
        if (v !== undefined && v !== "") cells[cell.address] = v;
        if (cell.numFmt) numberFormats[cell.address] = cell.numFmt;
      });
    });
    const merges = (ws.model as { merges?: string[] }).merges ?? [];
    return { name: ws.name, cells, numberFormats, ...(merges.length > 0 ? { merges } : {}) };
  });
}

export async function fakeFromXlsx(
  path: string,
  options: Omit<FakeExcelOptions, "sheets"> = {}
): Promise<FakeExcel> {
  return new FakeExcel({ ...options, sheets: await seedsFromXlsx(path) });
}

/** `Excel.run(options, batch)` over the double (its own `run` takes the batch first). */
export function runOn(fake: FakeExcel): ExcelRun {
  return (options, batch) =>
    fake.run((context) => batch(context as unknown as Excel.RequestContext), options);
}

export function excelHost(
  fake: FakeExcel,
  capabilities: ExcelCapabilities = allCapabilities,
  memory?: SheetListMemory
): ExcelWorkbook {
  // The writer imported here, not loaded as a chunk: this also runs under plain Node (bench/).
  return new ExcelWorkbook(
    runOn(fake),
    capabilities,
    WRITE_BUDGET_BYTES,
    async () => Promise.resolve(sheetWritesModule),
    memory
  );
}

/** A document's add-in settings as the test double of the sheet list kept between sessions. */
export function settingsMemory(): SheetListMemory & { saved: number } {
  let kept: readonly string[] = [];
  const memory = {
    saved: 0,
    recall: () => kept,
    remember: (names: readonly string[]) => {
      kept = [...names];
      memory.saved++;
    },
  };
  return memory;
}
