/**
 * The package host's read side for the command line: an .xlsx package → the same snapshot
 * readWorkbook.ts builds through ExcelJS, read straight from the few parts scoring needs
 * (workbook, its relationships, shared strings, cell formats, each worksheet's cells and
 * merges). Drawings, media, charts and every other part are never inflated. One forward pass
 * per part (xmlCursor.ts), one small array per row: a 200,000-row workbook stays well under
 * the memory ExcelJS's cell objects take.
 */
import { OWNER_NAMES, ROLES, outputSheets, sheetFromReference } from "../ownership";
import { normalizeSheet } from "../normalize";
import {
  type CellValue,
  type MergedArea,
  type SheetSnapshot,
  UNCALCULATED,
  type WorkbookSnapshot,
} from "../snapshot";
import { relsPathOf, resolveTarget } from "./packagePaths";
import { CLOSE, OPEN, XmlCursor, XmlError, attributesOf } from "./xmlCursor";
import type { ZipPackage } from "./zipPackage";

/** Excel's built-in number formats (ECMA-376 §18.8.30), by id, as ExcelJS names them. */
const BUILT_IN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/**
 * The most non-empty cells read from one workbook. 200,000 project rows (about a million
 * cells) score in under 1 GB; a file beyond this is refused before memory runs out.
 */
export const MAX_CELLS = 2_000_000;

/**
 * How many cells a read may hold: MAX_CELLS, or fewer when the process has less memory
 * (`memoryMb`: the heap a command-line process may use, which cells are measured against).
 */
export interface ReadLimits {
  maxCells: number;
  memoryMb?: number;
}

/** A workbook with more cells than this tool reads (MAX_CELLS), or than memory allows. */
export class WorkbookTooLarge extends Error {
  constructor(cells: number, limits: ReadLimits = { maxCells: MAX_CELLS }) {
    const read = `（已读到 ${cells.toLocaleString("en-US")} 个）`;
    super(
      limits.maxCells >= MAX_CELLS || limits.memoryMb === undefined
        ? `工作簿中的非空单元格超过 ${(MAX_CELLS / 10_000).toLocaleString("en-US")} 万个${read}，超出本工具可处理的范围；请删去与评分无关的工作表后再试`
        : `工作簿中的非空单元格超过 ${limits.maxCells.toLocaleString("en-US")} 个${read}，本进程可用的内存（${limits.memoryMb.toLocaleString("en-US")} MB）不够评分；请删去与评分无关的工作表，或给 Node 更多内存（--max-old-space-size）后再试`
    );
    this.name = "WorkbookTooLarge";
  }
}

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

interface Relationship {
  type: string;
  target: string;
}

/** A part's relationships by id (an empty map when it has none). */
function relationshipsOf(zip: ZipPackage, part: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  const xml = zip.text(relsPathOf(part));
  if (xml === null) return out;
  const cursor = new XmlCursor(xml, relsPathOf(part));
  while (cursor.next()) {
    if (cursor.kind !== OPEN || cursor.name !== "Relationship") continue;
    const a = attributesOf(cursor.attrs);
    if (a.TargetMode === "External" || !a.Id || !a.Target) continue;
    out.set(a.Id, { type: a.Type ?? "", target: resolveTarget(part, a.Target) });
  }
  return out;
}

const ofType = (rels: Map<string, Relationship>, type: string) =>
  [...rels.values()].find((r) => r.type.endsWith(`/${type}`))?.target ?? null;

interface SheetEntry {
  name: string;
  part: string | null;
  hidden: boolean;
}

/** The workbook's sheets in tab order, and its defined names' texts by name. */
function workbookParts(xml: string, part: string, rels: Map<string, Relationship>) {
  const sheets: SheetEntry[] = [];
  const names = new Map<string, string[]>();
  const cursor = new XmlCursor(xml, part);
  while (cursor.next()) {
    if (cursor.kind !== OPEN) continue;
    if (cursor.name === "sheet") {
      const a = attributesOf(cursor.attrs);
      const id = Object.entries(a).find(([k]) => /(^|:)id$/.test(k))?.[1] ?? "";
      const rel = rels.get(id);
      sheets.push({
        name: a.name ?? "",
        part: rel && rel.type.endsWith("/worksheet") ? rel.target : null,
        hidden: a.state !== undefined && a.state !== "visible",
      });
    } else if (cursor.name === "definedName") {
      const name = attributesOf(cursor.attrs).name ?? "";
      const text = cursor.textUntilClose();
      names.set(name, [...(names.get(name) ?? []), text]);
    }
  }
  return { sheets, names };
}

/** Every shared string, rich text as its runs' text (phonetic runs left out, as Excel shows). */
function sharedStrings(zip: ZipPackage, part: string | null): string[] {
  const xml = part ? zip.text(part) : null;
  if (xml === null || part === null) return [];
  const out: string[] = [];
  const cursor = new XmlCursor(xml, part);
  while (cursor.next())
    if (cursor.kind === OPEN && cursor.name === "si") out.push(detached(runText(cursor, "si")));
  return out;
}

/** The text of the `t` elements inside the element just opened (`si`, `is`), but in `rPh`. */
function runText(cursor: XmlCursor, element: string): string {
  if (cursor.selfClosing) return "";
  let out = "";
  while (cursor.next()) {
    if (cursor.kind === CLOSE && cursor.name === element) break;
    if (cursor.kind !== OPEN) continue;
    if (cursor.name === "t") out += excelEscapes(cursor.textUntilClose());
    else if (cursor.name === "rPh") cursor.skipElement();
  }
  return out;
}

/** Excel writes characters XML cannot hold as `_x000D_`. */
function excelEscapes(text: string): string {
  return text.indexOf("_x") < 0
    ? text
    : text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
        String.fromCharCode(parseInt(hex, 16))
      );
}

/** Each cell format's number format code, by the cell's `s` index. */
function cellFormats(zip: ZipPackage, part: string | null): string[] {
  const xml = part ? zip.text(part) : null;
  if (xml === null || part === null) return [];
  const custom = new Map<number, string>();
  const out: string[] = [];
  let inCellXfs = false;
  const cursor = new XmlCursor(xml, part);
  while (cursor.next()) {
    if (cursor.kind === CLOSE && cursor.name === "cellXfs") inCellXfs = false;
    if (cursor.kind !== OPEN) continue;
    if (cursor.name === "numFmt") {
      const a = attributesOf(cursor.attrs);
      custom.set(Number(a.numFmtId), a.formatCode ?? "General");
    } else if (cursor.name === "cellXfs") inCellXfs = !cursor.selfClosing;
    else if (cursor.name === "xf" && inCellXfs) {
      const id = Number(attributesOf(cursor.attrs).numFmtId ?? 0);
      out.push((id !== 0 && (custom.get(id) ?? BUILT_IN_FORMATS[id])) || "General");
    }
  }
  return out;
}

/** The number format a `t="d"` cell is given, so that it is told apart as a date. */
const DATE_CELL_FORMAT = "yyyy-mm-dd";

/** Excel's serial date of an ISO date (`t="d"` cells). */
function isoToSerial(text: string): CellValue {
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
  return Number.isNaN(ms) ? text : (ms - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/**
 * A string of its own. In V8 a substring of 13 characters or more is a slice that keeps the text
 * it was cut from alive: every inline string of a sheet would hold the whole sheet's XML (40 MB
 * at 100,000 rows), and a shared string the whole string table, for as long as the value is
 * kept — a project's name, the whole run. The copy holds only its own characters.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : (" " + text).slice(1);
}

/** A cell's value from its type and its `<v>` (or inline) text. */
function cellValue(type: string | undefined, text: string | null, strings: string[]): CellValue {
  if (text === null) return null;
  switch (type) {
    case "s":
      return strings[Number(text)] ?? null;
    case "str":
    case "inlineStr":
      return detached(text);
    case "b":
      return text.trim() === "1" || text.trim() === "true";
    case "e":
      return { error: text.trim() };
    case "d":
      return isoToSerial(text.trim());
    default: {
      const n = parseFloat(text);
      return Number.isFinite(n) ? n : null;
    }
  }
}

/** `AB12` → 0-based row and column, or null. */
function position(ref: string): { row: number; column: number } | null {
  let column = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~32;
    if (c < 65 || c > 90) break;
    column = column * 26 + (c - 64);
  }
  const row = Number(ref.slice(i));
  if (i === 0 || i > 3 || !Number.isInteger(row) || row < 1) return null;
  return { row: row - 1, column: column - 1 };
}

class SheetCells {
  values: (CellValue | undefined)[][] = [];
  formats: (string | undefined)[][] = [];
  merges: string[] = [];
  private row = -1;
  private column = -1;

  constructor(
    private readonly part: string,
    private readonly strings: string[],
    private readonly formatOf: string[],
    /** Cells read so far in the whole workbook (shared by its sheets). */
    private readonly counted: { cells: number },
    private readonly limits: ReadLimits
  ) {}

  startRow(attrs: string): void {
    const r = attributesOf(attrs).r;
    this.row = r === undefined ? this.row + 1 : Number(r) - 1;
    this.column = -1;
    this.check();
  }

  /** Reads the cell whose start tag the cursor is on. */
  cell(cursor: XmlCursor): void {
    const a = attributesOf(cursor.attrs);
    const at = a.r === undefined ? null : position(a.r);
    if (at) {
      this.row = at.row;
      this.column = at.column;
    } else this.column++;
    this.check();
    let text: string | null = null;
    let formula = false;
    if (!cursor.selfClosing)
      while (cursor.next()) {
        if (cursor.kind === CLOSE && cursor.name === "c") break;
        if (cursor.kind !== OPEN) continue;
        if (cursor.name === "v") text = cursor.textUntilClose();
        else if (cursor.name === "is") text = runText(cursor, "is");
        else {
          formula ||= cursor.name === "f";
          cursor.skipElement();
        }
      }
    const value = formula && text === null ? UNCALCULATED : cellValue(a.t, text, this.strings);
    if (value === null) return;
    if (++this.counted.cells > this.limits.maxCells)
      throw new WorkbookTooLarge(this.counted.cells, this.limits);
    (this.values[this.row] ??= [])[this.column] = value;
    const format = this.formatOf[Number(a.s ?? 0)] ?? "General";
    // A `t="d"` cell is a date whatever its style (web exports write them): it reads as one.
    (this.formats[this.row] ??= [])[this.column] =
      a.t === "d" && typeof value === "number" ? DATE_CELL_FORMAT : format;
  }

  private check(): void {
    if (
      this.row < 0 ||
      this.row >= MAX_ROWS ||
      this.column >= MAX_COLUMNS ||
      Number.isNaN(this.row)
    )
      throw new XmlError(`${this.part} 中的单元格位置超出工作表范围`);
  }

  /** The merged areas read, as the snapshot gives them (see `SheetSnapshot.merges`). */
  mergedAreas(): MergedArea[] {
    const areas: MergedArea[] = [];
    for (const ref of this.merges) {
      const [from, to] = ref.split(":").map(position);
      if (from && to && (to.row > from.row || to.column > from.column))
        areas.push({ top: from.row, left: from.column, bottom: to.row, right: to.column });
    }
    return areas;
  }

  /** Cells covered by a merge but its first: Excel shows only the first one's value. */
  clearMerged(): void {
    for (const ref of this.merges) {
      const [from, to] = ref.split(":").map(position);
      if (!from || !to) continue;
      const last = Math.min(to.row, this.values.length - 1);
      for (let r = from.row; r <= last; r++) {
        const row = this.values[r];
        if (!row) continue;
        const end = Math.min(to.column, row.length - 1);
        for (let c = from.column; c <= end; c++)
          if (r !== from.row || c !== from.column) {
            row[c] = undefined;
            (this.formats[r] as (string | undefined)[])[c] = undefined;
          }
      }
    }
  }
}

/**
 * One shared, frozen array per pattern of number formats (200,000 project rows have a handful):
 * a workbook read from its package holds a row of formats per row of cells only once.
 */
function sharedRows(rows: string[][]): string[][] {
  const patterns = new Map<string, string[]>();
  return rows.map((row) => {
    const key = row.join("\u0000");
    let shared = patterns.get(key);
    if (!shared) patterns.set(key, (shared = Object.freeze(row) as string[]));
    return shared;
  });
}

/** One worksheet part → its snapshot. */
function readSheetPart(
  pieces: Iterable<string>,
  entry: SheetEntry & { part: string },
  strings: string[],
  formats: string[],
  counted: { cells: number },
  limits: ReadLimits
): SheetSnapshot {
  const cells = new SheetCells(entry.part, strings, formats, counted, limits);
  for (const xml of pieces) {
    const cursor = new XmlCursor(xml, entry.part);
    while (cursor.next()) {
      if (cursor.kind !== OPEN) continue;
      if (cursor.name === "row") cells.startRow(cursor.attrs);
      else if (cursor.name === "c") cells.cell(cursor);
      else if (cursor.name === "mergeCell") cells.merges.push(attributesOf(cursor.attrs).ref ?? "");
    }
  }
  cells.clearMerged();
  const sheet = normalizeSheet(entry.name, 0, 0, cells.values, cells.formats);
  sheet.numberFormats = sharedRows(sheet.numberFormats ?? []);
  const merges = cells.mergedAreas();
  if (merges.length > 0 && sheet.values.length > 0) sheet.merges = merges;
  return entry.hidden ? { ...sheet, hidden: true } : sheet;
}

/** Sheet names from a defined name's text (`'绩效自评汇总'!$A$1`, several separated by commas). */
function referencedSheets(texts: string[] | undefined): string[] {
  const out: string[] = [];
  for (const text of texts ?? [])
    for (const m of text.matchAll(/(?:'(?:[^']|'')+'|[^',]+)![^,]*/g)) {
      const sheet = sheetFromReference(m[0]);
      if (sheet) out.push(sheet);
    }
  return out;
}

/**
 * The workbook in `zip` as a snapshot; XmlError or ZipError when a part cannot be read. The
 * cells of the sheets this tool wrote (the summaries its markers point to) are not read: scoring
 * leaves them out, and a scored workbook of 200,000 projects holds as many summary rows again.
 */
export function readPackage(
  zip: ZipPackage,
  limits: ReadLimits = { maxCells: MAX_CELLS }
): WorkbookSnapshot {
  const workbookPart = ofType(relationshipsOf(zip, ""), "officeDocument") ?? "xl/workbook.xml";
  const workbookXml = zip.text(workbookPart);
  if (workbookXml === null) throw new XmlError(`缺少 ${workbookPart}`);
  const rels = relationshipsOf(zip, workbookPart);
  const { sheets, names } = workbookParts(workbookXml, workbookPart, rels);
  const present = new Set(
    sheets.filter((s) => s.part !== null && zip.name(s.part) !== null).map((s) => s.name)
  );
  const owned = Object.fromEntries(
    ROLES.map((role) => [
      role,
      referencedSheets(names.get(OWNER_NAMES[role])).find((s) => present.has(s)) ?? null,
    ])
  ) as Record<(typeof ROLES)[number], string | null>;
  const ours = new Set(outputSheets(owned));
  const strings = sharedStrings(zip, ofType(rels, "sharedStrings"));
  const formats = cellFormats(zip, ofType(rels, "styles"));
  const snapshots: SheetSnapshot[] = [];
  const counted = { cells: 0 };
  for (const entry of sheets) {
    if (entry.part === null) continue;
    if (ours.has(entry.name)) {
      snapshots.push({ name: entry.name, top: 0, left: 0, values: [], numberFormats: [] });
      continue;
    }
    // In pieces cut after a row's end tag: one cursor after the other reads them as one text.
    // Not where a comment, CDATA section or processing instruction could hold the tag (Excel
    // writes none of them; a malformed sheet may read differently in pieces than whole).
    const pieces = zip.textPieces(entry.part, { after: "</row>", unless: ["<!", "<?"] });
    if (pieces === null) continue;
    snapshots.push(
      readSheetPart(pieces, { ...entry, part: entry.part }, strings, formats, counted, limits)
    );
  }
  return { sheets: snapshots, ownedSheets: owned };
}
