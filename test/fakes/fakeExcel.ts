/**
 * FakeExcel — an in-memory test double of the part of the Excel JavaScript API our adapter uses,
 * keeping Excel's proxy / load / sync semantics as Microsoft documents them (office-addin-mock
 * does not); where the double could guess, test/fakes/officeJs.ts checks against office.js.
 *
 * Semantics kept:
 * - Proxies only queue work. Nothing reaches the workbook until `context.sync()`. Reading a
 *   property that was neither loaded+synced nor set on that proxy throws `PropertyNotLoaded`
 *   (office.js caches a value you set on a proxy, so reading it back works, as in Excel).
 * - A sync runs its queue in order — writes, method calls and loads interleaved, as Excel executes
 *   a batch — so a load sees the writes queued before it. The first failing operation rejects the
 *   sync with a `RichApi.Error`; operations before it stay applied, the rest are dropped, and no
 *   loaded value of that sync is delivered. Excel errors surface at sync, never at call time;
 *   things the fake does not model (unknown load property, whole-column address) throw a plain Error.
 * - Loaded values are snapshots; later writes do not change them until loaded again.
 * - `*OrNullObject` proxies load `isNullObject` implicitly at the next sync; methods and writes on a
 *   null object are silent no-ops (Excel's `getItemOrNullObject(x).delete()` idiom).
 * - `syncCount` counts round trips: syncs with something queued (an empty sync sends nothing).
 * - Used range = bounding box of cells with a value or formula, plus (valuesOnly=false) cells with
 *   cell-level formats; whole-row formats and column widths don't count. Empty → `getUsedRange`
 *   gives A1, `getUsedRangeOrNullObject` a null object (for either valuesOnly).
 *
 * Pure TypeScript, no imports, no Node/DOM APIs, no `Excel`/`Office` globals: it runs under jest
 * and can be bundled (esbuild) into a browser init script. `fake.install(globalThis)` wires up
 * `Excel.run`, `Office` and `OfficeExtension` for code that uses the globals.
 */

// ─── Errors ─────────────────────────────────────────────────────────────────────────────────

/** Shape of `OfficeExtension.Error` as the runtime throws it (`name` is "RichApi.Error"). */
export class FakeExcelError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation: string };
  readonly traceMessages: string[] = [];
  readonly innerError: Error | null = null;
  constructor(code: string, message: string, errorLocation = "") {
    super(message);
    Object.setPrototypeOf(this, FakeExcelError.prototype);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

/** Excel's messages for the codes the fake raises (docs: excel-add-ins-error-handling). */
const MESSAGES: Record<string, string> = {
  ItemNotFound: "The requested resource doesn't exist.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  ItemAlreadyExists: "The resource being created already exists.",
  InvalidOperation: "The operation attempted is invalid on the object.",
  ApiNotFound:
    "The API you are trying to use could not be found. It may be available in a newer version of Excel.",
  InvalidOperationInCellEditMode:
    "The operation isn't available while Excel is in Edit cell mode. Exit Edit mode by using the Enter or Tab keys, or by selecting another cell, and then try again.",
  InvalidReference: "This reference isn't valid for the current operation.",
  RequestPayloadSizeLimitExceeded: "The request payload size has exceeded the limit.",
  ResponsePayloadSizeLimitExceeded: "The response payload size has exceeded the limit.",
  RangeExceedsLimit: "The cell count in the range has exceeded the maximum supported number.",
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation.',
};

function fail(code: string, detail = "", location = ""): FakeExcelError {
  return new FakeExcelError(
    code,
    detail ? `${MESSAGES[code]} ${detail}` : MESSAGES[code],
    location
  );
}

function notLoaded(prop: string, type: string): FakeExcelError {
  const message = `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`;
  return new FakeExcelError("PropertyNotLoaded", message, `${type}.${prop}`);
}

// ─── Addresses ──────────────────────────────────────────────────────────────────────────────

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

/** 0-based rectangle on a sheet. */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export function columnLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** `A1`, `A1:D10`, or `1:3` for whole rows (no sheet, no `$`), as Excel prints addresses. */
export function rectA1(r: Rect): string {
  if (r.col === 0 && r.cols === MAX_COLS) return `${r.row + 1}:${r.row + r.rows}`;
  const tl = columnLetters(r.col) + (r.row + 1);
  if (r.rows === 1 && r.cols === 1) return tl;
  return `${tl}:${columnLetters(r.col + r.cols - 1)}${r.row + r.rows}`;
}

const PLAIN_SHEET_NAME = new RegExp("^[\\p{L}_][\\p{L}\\p{N}_.]*$", "u");
/** Excel quotes sheet names that aren't plain identifiers or that look like cell references. */
export function quoteSheetName(name: string): string {
  const plain =
    PLAIN_SHEET_NAME.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^(R\d*C\d*|R\d*|C\d*)$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Splits `Sheet!A1` / `'My sheet'!A1` into sheet name (or null) and the reference. */
function splitSheet(address: string): { sheet: string | null; ref: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(address.trim());
  if (!m) return { sheet: null, ref: address.trim() };
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], ref: m[3] };
}

/** Parses `A1`, `A1:D10` (any corner order, `$` allowed) or whole rows `1:3`. */
export function parseRef(ref: string): Rect {
  const s = ref.replace(/\$/g, "").trim().toUpperCase();
  let m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(s);
  if (m) {
    const r1 = Number(m[2]) - 1;
    const c1 = columnNumber(m[1]);
    const r2 = m[3] ? Number(m[4]) - 1 : r1;
    const c2 = m[3] ? columnNumber(m[3]) : c1;
    const ok = [r1, r2].every((r) => r >= 0 && r < MAX_ROWS) && Math.max(c1, c2) < MAX_COLS;
    if (ok) {
      const [row, col] = [Math.min(r1, r2), Math.min(c1, c2)];
      return { row, col, rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
    }
  }
  m = /^(\d+):(\d+)$/.exec(s);
  if (m && Number(m[1]) >= 1 && Number(m[2]) >= 1 && Math.max(+m[1], +m[2]) <= MAX_ROWS) {
    const [a, b] = [Number(m[1]) - 1, Number(m[2]) - 1];
    return { row: Math.min(a, b), col: 0, rows: Math.abs(b - a) + 1, cols: MAX_COLS };
  }
  if (/^[A-Z]{1,3}:[A-Z]{1,3}$/.test(s)) {
    throw new Error(`FakeExcel: whole-column addresses ('${ref}') are not supported`);
  }
  throw fail("InvalidArgument", `(address '${ref}')`);
}

/** A rectangle from 0-based indexes, checked against the sheet's size. */
function indexRect(row: number, col: number, rows: number, cols: number): Rect {
  const ok = row >= 0 && col >= 0 && rows >= 1 && cols >= 1;
  if (!ok || row + rows > MAX_ROWS || col + cols > MAX_COLS) {
    throw fail("InvalidArgument", `(indexes ${row}, ${col}, ${rows}, ${cols})`);
  }
  return { row, col, rows, cols };
}

function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.rows <= outer.row + outer.rows &&
    inner.col + inner.cols <= outer.col + outer.cols
  );
}

function intersects(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.col < b.col + b.cols &&
    b.col < a.col + a.cols
  );
}

// ─── Small helpers ──────────────────────────────────────────────────────────────────────────

/** Deep copy of plain data (objects, arrays, scalars). */
function clone<T>(v: T): T {
  if (Array.isArray(v)) return v.map(clone) as unknown as T;
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = clone(x);
    return out as T;
  }
  return v;
}

/** UTF-8 byte length of the value's JSON (what travels over the wire). */
function jsonBytes(v: unknown): number {
  const s = JSON.stringify(v) ?? "";
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) ((n += 4), i++);
    else n += 3;
  }
  return n;
}

function versionAtLeast(have: string, need: string): boolean {
  const a = have.split(".").map(Number);
  const b = need.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

function oneOf(allowed: string[]): (v: unknown) => string {
  return (v) => {
    if (typeof v !== "string" || !allowed.includes(v)) {
      throw fail("InvalidArgument", `('${String(v)}' is not one of ${allowed.join(", ")})`);
    }
    return v;
  };
}
function isStr(v: unknown): string {
  if (typeof v !== "string") throw fail("InvalidArgument", `(expected a string, got ${typeof v})`);
  return v;
}
function isBool(v: unknown): boolean {
  if (typeof v !== "boolean")
    throw fail("InvalidArgument", `(expected a boolean, got ${typeof v})`);
  return v;
}
function isNum(v: unknown): number {
  if (typeof v !== "number" || !(v >= 0))
    throw fail("InvalidArgument", `(bad number ${String(v)})`);
  return v;
}

// ─── Workbook state ─────────────────────────────────────────────────────────────────────────

type XlError = { error: string };
type CellValue = string | number | boolean | XlError | null;

const ERROR_LITERALS = new Set(
  "#DIV/0! #N/A #NAME? #NULL! #NUM! #REF! #VALUE! #SPILL! #CALC! #GETTING_DATA #FIELD! #BUSY! #BLOCKED! #CONNECT! #UNKNOWN!".split(
    " "
  )
);

interface CellState {
  value: CellValue;
  formula?: string;
  /** Flat format keys (`font.bold`, `fill.color`, `border.top.style`, `numberFormat` …). */
  format?: Record<string, unknown>;
}

const SIDES = ["top", "bottom", "left", "right"] as const;
const EDGES = "EdgeTop EdgeBottom EdgeLeft EdgeRight InsideHorizontal InsideVertical".split(" ");
const LINE_STYLES = "None Continuous Dash DashDot DashDotDot Dot Double SlantDashDot".split(" ");
const WEIGHTS = ["Hairline", "Thin", "Medium", "Thick"];
const H_ALIGN = "General Left Center Right Fill Justify CenterAcrossSelection Distributed".split(
  " "
);
const V_ALIGN = ["Top", "Center", "Bottom", "Justify", "Distributed"];
const VISIBILITY = ["Visible", "Hidden", "VeryHidden"];
const ORIENTATIONS = ["Portrait", "Landscape"];
const CLEAR = ["All", "Formats", "Contents"];

/** Effective defaults of a fresh Excel cell (en-US Excel; Chinese Excel's default font is 等线). */
const FORMAT_DEFAULTS: Record<string, unknown> = {
  numberFormat: "General",
  "font.bold": false,
  "font.italic": false,
  "font.size": 11,
  "font.name": "Calibri",
  "font.color": "#000000",
  "fill.color": "#FFFFFF",
  horizontalAlignment: "General",
  verticalAlignment: "Bottom",
  wrapText: false,
};
for (const s of SIDES) {
  FORMAT_DEFAULTS[`border.${s}.style`] = "None";
  FORMAT_DEFAULTS[`border.${s}.weight`] = "Thin";
  FORMAT_DEFAULTS[`border.${s}.color`] = "#000000";
}
const DEFAULT_COLUMN_WIDTH = 48; // points (8.43 characters)
const DEFAULT_ROW_HEIGHT = 15; // points

export interface FakeHeaderFooterState {
  leftHeader: string;
  centerHeader: string;
  rightHeader: string;
  leftFooter: string;
  centerFooter: string;
  rightFooter: string;
}

export interface FakePageLayoutState {
  orientation: string;
  paperSize: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  centerHorizontally: boolean;
  centerVertically: boolean;
  printGridlines: boolean;
  printHeadings: boolean;
  blackAndWhite: boolean;
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  /** Normalised (`A1:E20`, `1:3`), or null when unset. */
  printArea: string | null;
  printTitleRows: string | null;
  /** 1-based rows a manual page break is above (horizontalPageBreaks.add). */
  rowBreaks: number[];
  headersFooters: { defaultForAllPages: FakeHeaderFooterState };
}

interface ValidationState {
  rect: Rect;
  rule?: unknown;
  errorAlert?: unknown;
  prompt?: unknown;
  ignoreBlanks?: boolean;
}

interface SheetState {
  id: number;
  name: string;
  visibility: string;
  tabColor: string;
  showGridlines: boolean;
  frozenRows: number;
  cells: Map<number, CellState>; // key: row * MAX_COLS + col
  rowFormats: Map<number, Record<string, unknown>>; // formats written to whole rows
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  merges: Rect[];
  validations: ValidationState[];
  pageLayout: FakePageLayoutState;
  deleted: boolean;
}

/** What a proxy points at once resolved: a sheet, optionally a range of it, optionally a border edge. */
interface Target {
  sheet: SheetState;
  rect?: Rect;
  edge?: string;
  /** Named items point at a workbook-level name (their `sheet` is WORKBOOK). */
  item?: NameState;
}

const key = (row: number, col: number): number => row * MAX_COLS + col;

function blankSheet(id: number, name: string): SheetState {
  return {
    id,
    name,
    visibility: "Visible",
    tabColor: "",
    showGridlines: true,
    frozenRows: 0,
    cells: new Map(),
    rowFormats: new Map(),
    columnWidths: new Map(),
    rowHeights: new Map(),
    merges: [],
    validations: [],
    pageLayout: newPageLayout(),
    deleted: false,
  };
}

/** A workbook-level defined name (`workbook.names`); it follows its sheet through renames. */
interface NameState {
  name: string;
  /** The referenced sheet and cells, or null for a reference that could not be parsed. */
  sheet: SheetState | null;
  rect: Rect | null;
  /** The formula as seeded, when it is not a plain `=Sheet!$A$1` reference. */
  raw: string;
  comment: string;
}

/** `=汇总!$A$1`; `=#REF!$A$1` once the sheet is deleted, as in Excel. */
function nameFormula(n: NameState): string {
  if (!n.sheet || !n.rect) return n.raw;
  const abs = rectA1(n.rect)
    .replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")
    .replace(/(^|:)(\d+)(?=:|$)/g, "$1$$$2");
  return `=${n.sheet.deleted ? "#REF" : quoteSheetName(n.sheet.name)}!${abs}`;
}

function newPageLayout(): FakePageLayoutState {
  const hf: FakeHeaderFooterState = {
    leftHeader: "",
    centerHeader: "",
    rightHeader: "",
    leftFooter: "",
    centerFooter: "",
    rightFooter: "",
  };
  return {
    orientation: "Portrait",
    paperSize: "Letter",
    zoom: { scale: 100 },
    centerHorizontally: false,
    centerVertically: false,
    printGridlines: false,
    printHeadings: false,
    blackAndWhite: false,
    leftMargin: 50.4, // 0.7 in
    rightMargin: 50.4,
    topMargin: 54, // 0.75 in
    bottomMargin: 54,
    headerMargin: 21.6, // 0.3 in
    footerMargin: 21.6,
    printArea: null,
    printTitleRows: null,
    rowBreaks: [],
    headersFooters: { defaultForAllPages: hf },
  };
}

/** What `values` shows: errors as their text, empty as "". */
function outward(v: CellValue): string | number | boolean {
  if (v === null) return "";
  return typeof v === "object" ? v.error : v;
}

function valueType(v: CellValue): string {
  if (v === null) return "Empty";
  if (typeof v === "object") return "Error";
  return typeof v === "number" ? "Double" : typeof v === "string" ? "String" : "Boolean";
}

/** `Range.text` for the handful of number formats the add-in uses; anything else → String(v). */
function formatText(v: CellValue, fmt: string): string {
  if (v === null) return "";
  if (typeof v === "object") return v.error;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  const m = /^(?:\[\$([^\]-]*)(?:-[0-9A-Fa-f]+)?\])?(#,##0|0)(?:\.(0+))?(%?)$/.exec(fmt);
  if (m) {
    const n = m[4] ? v * 100 : v;
    let s = Math.abs(n).toFixed((m[3] ?? "").length);
    if (m[2] === "#,##0") s = s.replace(/^\d+/, (d) => d.replace(/\B(?=(\d{3})+$)/g, ","));
    return `${n < 0 && Number(s.replace(/,/g, "")) !== 0 ? "-" : ""}${m[1] ?? ""}${s}${m[4]}`;
  }
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(10)));
}

// ─── The fake host ──────────────────────────────────────────────────────────────────────────

export interface FakeSheetSeed {
  name: string;
  /** Values from A1 down; strings starting with "=" are formulas, error literals ("#DIV/0!") errors. */
  rows?: unknown[][];
  /** Single cells by address, same conventions as `rows`. */
  cells?: Record<string, unknown>;
  /** Number formats by cell or range address (`"B2"`, `"B2:B20"`). */
  numberFormats?: Record<string, string>;
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  /** Merged areas (`"F3:F5"`): the value stays in the first cell, as Excel keeps it. */
  merges?: string[];
}

export interface FakeExcelOptions {
  /** Default: one empty sheet "Sheet1". */
  sheets?: FakeSheetSeed[];
  /** Default: the first sheet. */
  activeSheet?: string;
  /** Highest ExcelApi requirement set the host supports. Default "1.13". */
  apiVersion?: string;
  /** Default 5,000,000 (Excel on the web). */
  payloadLimitBytes?: number;
  /** Cells one range may load (Excel: 5,000,000, `RangeExceedsLimit` beyond). */
  cellReadLimit?: number;
  /** Workbook-level defined names: name → formula, e.g. `{ JixiaoSummary: "='汇总'!$A$1" }`. */
  names?: Record<string, string>;
}

export interface FakeRunOptions {
  delayForCellEdit?: boolean;
  /**
   * As office.js: a request context (or an object of one) from an earlier run, whose queue this
   * run continues — the way to reach what was queued on it, such as a handler's removal.
   */
  previousObjects?: unknown;
}

/**
 * `worksheets.onChanged.add(handler)`'s result, as office.js keeps it: the registration is
 * sent with the context it was added with, and `remove()` queues the removal on that same
 * context — a sync of any other context does not carry it.
 */
export class FakeEventHandlerResult {
  constructor(
    readonly context: FakeRequestContext,
    /** @internal */ readonly _handler: (args: { worksheetId?: string }) => Promise<unknown>
  ) {}

  remove(): void {
    const fx = this.context._fake;
    this.context._enqueue({
      loc: "EventHandlerResult.remove",
      run: () => void fx._changeHandlers.delete(this),
    });
  }
}

export interface WriteLogEntry {
  /** The sheet's name when the write happened. */
  sheet: string;
  /** Unqualified range address (`A1:D3`), or "" for sheet-level writes. */
  address: string;
  /** `values`, `format.font.bold`, `merge`, `add`, `delete`, `pageLayout.orientation` … */
  kind: string;
}

export interface FakeCellFormat {
  font: { bold: boolean; italic: boolean; size: number; name: string; color: string };
  fill: { color: string };
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  borders: Record<
    "top" | "bottom" | "left" | "right",
    { style: string; weight: string; color: string }
  >;
}

export interface FakeCellInfo {
  /** As `Range.values` shows it: "" when empty, error text such as "#DIV/0!". */
  value: string | number | boolean;
  valueType: string;
  formula: string | null;
  numberFormat: string;
  format: FakeCellFormat;
}

export interface FakeSheetInfo {
  name: string;
  position: number;
  visibility: string;
  tabColor: string;
  showGridlines: boolean;
  frozenRows: number;
  /** Only columns/rows whose size was set, by letter / 1-based row number. */
  columnWidths: Record<string, number>;
  rowHeights: Record<string, number>;
}

export interface FakeSheetSnapshot extends FakeSheetInfo {
  /** Raw cell state by address; errors are `{ error: "#DIV/0!" }`, formats are flat keys. */
  cells: Record<string, { value: CellValue; formula?: string; format?: Record<string, unknown> }>;
  rowFormats: Record<string, Record<string, unknown>>;
  merges: string[];
  dataValidations: Array<{ address: string } & Omit<ValidationState, "rect">>;
  pageLayout: FakePageLayoutState;
}

export interface FakeWorkbookSnapshot {
  activeSheet: string;
  selection: { sheet: string; address: string } | null;
  sheetOrder: string[];
  sheets: Record<string, FakeSheetSnapshot>;
  names: Record<string, { formula: string; comment: string }>;
}

export interface FakeInstallOptions {
  platform?: string;
  officeTheme?: Partial<Record<string, unknown>>;
  displayLanguage?: string;
  /** Other requirement sets to report as supported, e.g. `{ DialogApi: "1.2" }`. */
  otherRequirementSets?: Record<string, string>;
  /**
   * `Office.context.document.url`: a path or URL as Office gives it (`C:\…\某局.xlsx`,
   * `https://…/Shared%20Documents/…xlsx`); "" (a new workbook never saved) when not given.
   */
  documentUrl?: string;
}

export class FakeExcel {
  apiVersion: string;
  payloadLimitBytes: number;
  cellReadLimit: number;
  /** Round trips: syncs that had something queued. Assign 0 to reset. */
  syncCount = 0;
  /** UTF-8 JSON bytes loaded by the last sync (response) and written by it (request). */
  lastSyncPayloadBytes = 0;
  lastSyncRequestBytes = 0;
  /** When true, syncs fail with InvalidOperationInCellEditMode unless run with delayForCellEdit. */
  userIsEditingCell = false;
  /**
   * When set, every sync fails with this error code — the workbook closed under the add-in
   * (`InactiveWorkbook`), Excel out of memory (`MemoryLimitReached`).
   */
  failSyncsWith: string | null = null;
  /**
   * 保护工作簿 (structure): `workbook.protection.protected` (ExcelApi 1.7) is true, and adding,
   * deleting, renaming or moving sheets fails with AccessDenied, as in Excel.
   */
  structureProtected = false;
  /** `workbook.readOnly` (ExcelApi 1.8): opened read-only. Cells can still be written. */
  readOnly = false;
  /** Every applied write, in order. */
  writeLog: WriteLogEntry[] = [];
  /** Set by `Range.select()`. */
  selection: { sheet: string; address: string } | null = null;

  /** @internal */ _sheets: SheetState[] = [];
  /** @internal */ _names: NameState[] = [];
  /** @internal Handlers of `worksheets.onChanged` registered (synced) and not removed. */
  _changeHandlers = new Set<FakeEventHandlerResult>();
  /** @internal */ _active: SheetState;
  private _nextId = 1;

  constructor(options: FakeExcelOptions = {}) {
    this.apiVersion = options.apiVersion ?? "1.13";
    this.payloadLimitBytes = options.payloadLimitBytes ?? 5_000_000;
    this.cellReadLimit = options.cellReadLimit ?? 5_000_000;
    for (const seed of options.sheets ?? [{ name: "Sheet1" }]) {
      const sheet = this._newSheet(this._checkName(seed.name));
      sheet.visibility = seed.visibility ?? "Visible";
      (seed.rows ?? []).forEach((row, r) => row.forEach((v, c) => this._seed(sheet, r, c, v)));
      for (const [a1, v] of Object.entries(seed.cells ?? {})) {
        const rect = parseRef(a1);
        this._seed(sheet, rect.row, rect.col, v);
      }
      for (const [a1, fmt] of Object.entries(seed.numberFormats ?? {})) {
        this._writeFormat({ sheet, rect: parseRef(a1) }, "numberFormat", fmt);
      }
      for (const a1 of seed.merges ?? []) sheet.merges.push(parseRef(a1));
    }
    for (const [name, formula] of Object.entries(options.names ?? {})) {
      const ref = this._reference(formula, false);
      this._names.push({ name, ...ref, raw: formula, comment: "" });
    }
    const active = options.activeSheet ?? this._sheets[0]?.name;
    const found = active === undefined ? undefined : this._find(active);
    if (!found) throw new Error(`FakeExcel: no sheet '${String(active)}' to activate`);
    this._active = found;
  }

  // ── Running batches ──

  /** Like `Excel.run`: batch, then a final implicit sync; resolves to the batch's result. */
  async run<T>(
    batch: (context: FakeRequestContext) => Promise<T>,
    options: FakeRunOptions = {}
  ): Promise<T> {
    const previous = options.previousObjects;
    const earlier =
      previous instanceof FakeRequestContext
        ? previous
        : (previous as { context?: unknown } | undefined)?.context;
    const context = earlier instanceof FakeRequestContext ? earlier : this.newContext(options);
    const pending: unknown = batch(context);
    if (!pending || typeof (pending as { then?: unknown }).then !== "function") {
      throw fail("RunMustReturnPromise");
    }
    const result = await (pending as Promise<T>);
    await context.sync();
    return result;
  }

  /** A bare request context (no implicit final sync), for functions that take a context. */
  newContext(options: FakeRunOptions = {}): FakeRequestContext {
    return new FakeRequestContext(this, options.delayForCellEdit === true);
  }

  /** An edit of the sheet `worksheetId`, as Excel reports it to every registered handler. */
  async emitWorksheetChanged(worksheetId: string): Promise<void> {
    for (const h of [...this._changeHandlers]) await h._handler({ worksheetId });
  }

  /** How many `worksheets.onChanged` handlers are registered. */
  get changeHandlerCount(): number {
    return this._changeHandlers.size;
  }

  resetCounters(): void {
    this.syncCount = 0;
    this.lastSyncPayloadBytes = 0;
    this.lastSyncRequestBytes = 0;
    this.writeLog = [];
  }

  /** @internal */ _supports(api: string | undefined): boolean {
    return api === undefined || versionAtLeast(this.apiVersion, api);
  }

  // ── Inspection (bypasses proxies; for assertions) ──

  sheetNames(): string[] {
    return this._sheets.map((s) => s.name);
  }

  activeSheet(): string {
    return this._active.name;
  }

  cell(sheetName: string, a1: string): FakeCellInfo {
    const sheet = this._sheetOrThrow(sheetName);
    const { row, col } = parseRef(a1);
    const v = this._value(sheet, row, col);
    // Nest the flat format keys: "font.bold" → format.font.bold, "border.top.style" → format.borders.top.style.
    const format: Record<string, unknown> = {};
    for (const k of Object.keys(FORMAT_DEFAULTS).filter((x) => x !== "numberFormat")) {
      const path = k.replace(/^border\./, "borders.").split(".");
      let node = format;
      for (const p of path.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
      node[path[path.length - 1]] = this._format(sheet, row, col, k);
    }
    return {
      value: outward(v),
      valueType: valueType(v),
      formula: sheet.cells.get(key(row, col))?.formula ?? null,
      numberFormat: String(this._format(sheet, row, col, "numberFormat")),
      format: format as unknown as FakeCellFormat,
    };
  }

  /** Address of the used range (values only by default), or null for an empty sheet. */
  usedRange(sheetName: string, valuesOnly = true): string | null {
    const rect = this._usedRect(this._sheetOrThrow(sheetName), valuesOnly);
    return rect ? rectA1(rect) : null;
  }

  /** `values` of the used range (values only; the bounding box, not anchored at A1); [] if empty. */
  usedValues(sheetName: string): Array<Array<string | number | boolean>> {
    const sheet = this._sheetOrThrow(sheetName);
    const rect = this._usedRect(sheet, true);
    return rect ? this._grid(rect, (r, c) => outward(this._value(sheet, r, c))) : [];
  }

  /** Workbook-level defined names → formula (`=汇总!$A$1`, `=#REF!$A$1` after a delete). */
  names(): Record<string, string> {
    return Object.fromEntries(this._names.map((n) => [n.name, nameFormula(n)]));
  }

  merges(sheetName: string): string[] {
    return this._sheetOrThrow(sheetName).merges.map(rectA1);
  }

  pageLayout(sheetName: string): FakePageLayoutState {
    return clone(this._sheetOrThrow(sheetName).pageLayout);
  }

  dataValidations(sheetName: string): FakeSheetSnapshot["dataValidations"] {
    return this._sheetOrThrow(sheetName).validations.map(({ rect, ...rest }) => ({
      address: rectA1(rect),
      ...clone(rest),
    }));
  }

  sheetInfo(sheetName: string): FakeSheetInfo {
    const s = this._sheetOrThrow(sheetName);
    const columnWidths: Record<string, number> = {};
    for (const [c, w] of s.columnWidths) columnWidths[columnLetters(c)] = w;
    const rowHeights: Record<string, number> = {};
    for (const [r, h] of s.rowHeights) rowHeights[String(r + 1)] = h;
    const { name, visibility, tabColor, showGridlines, frozenRows } = s;
    const position = this._sheets.indexOf(s);
    return {
      name,
      position,
      visibility,
      tabColor,
      showGridlines,
      frozenRows,
      columnWidths,
      rowHeights,
    };
  }

  /** Deep copy of the whole workbook, JSON-compatible, for before/after `toEqual` comparisons. */
  snapshot(): FakeWorkbookSnapshot {
    const sheets: Record<string, FakeSheetSnapshot> = {};
    for (const s of this._sheets) {
      const cells: FakeSheetSnapshot["cells"] = {};
      for (const [k, cell] of s.cells) {
        cells[rectA1({ row: Math.floor(k / MAX_COLS), col: k % MAX_COLS, rows: 1, cols: 1 })] =
          clone(cell);
      }
      const rowFormats: Record<string, Record<string, unknown>> = {};
      for (const [r, f] of s.rowFormats) rowFormats[String(r + 1)] = clone(f);
      sheets[s.name] = {
        ...this.sheetInfo(s.name),
        cells,
        rowFormats,
        merges: this.merges(s.name),
        dataValidations: this.dataValidations(s.name),
        pageLayout: this.pageLayout(s.name),
      };
    }
    return {
      activeSheet: this._active.name,
      selection: clone(this.selection),
      sheetOrder: this.sheetNames(),
      sheets,
      names: Object.fromEntries(
        this._names.map((n) => [n.name, { formula: nameFormula(n), comment: n.comment }])
      ),
    };
  }

  // ── Globals for code that calls Excel.run / Office.* directly ──

  /**
   * Installs `Excel` (run, RequestContext, enums, ErrorCodes), `OfficeExtension` (Error) and a
   * minimal `Office` (onReady, context.requirements.isSetSupported driven by `apiVersion`,
   * officeTheme, document.url, HostType, PlatformType) on `globalObject`. Returns a function that restores it.
   */
  install(globalObject: object, options: FakeInstallOptions = {}): () => void {
    const g = globalObject as Record<string, unknown>;
    const names = ["Excel", "Office", "OfficeExtension"];
    const previous = names.map((n) => [n, n in g, g[n]] as const);
    const platform = options.platform ?? "OfficeOnline";
    const info = { host: "Excel", platform };
    const otherSets = options.otherRequirementSets ?? {};
    const fake = this;
    g.Excel = {
      ...EXCEL_ENUMS,
      run: (a: unknown, b?: unknown) =>
        typeof a === "function"
          ? this.run(a as (c: FakeRequestContext) => Promise<unknown>)
          : this.run(b as (c: FakeRequestContext) => Promise<unknown>, a as FakeRunOptions),
      RequestContext: function RequestContext() {
        return fake.newContext();
      },
    };
    g.OfficeExtension = { Error: FakeExcelError, ErrorCodes: EXCEL_ENUMS.ErrorCodes };
    g.Office = {
      // Office's common enums use PascalCase keys (Office.HostType.Excel === "Excel"),
      // unlike Excel's own enums.
      HostType: sameKeys([
        "Excel",
        "Word",
        "PowerPoint",
        "Outlook",
        "OneNote",
        "Project",
        "Access",
      ]),
      PlatformType: sameKeys(["PC", "OfficeOnline", "Mac", "iOS", "Android", "Universal"]),
      context: {
        host: "Excel",
        platform,
        displayLanguage: options.displayLanguage ?? "zh-CN",
        contentLanguage: options.displayLanguage ?? "zh-CN",
        diagnostics: { host: "Excel", platform, version: "16.0.0.0" },
        document: { url: options.documentUrl ?? "" },
        officeTheme: {
          bodyBackgroundColor: "#FFFFFF",
          bodyForegroundColor: "#000000",
          controlBackgroundColor: "#FFFFFF",
          controlForegroundColor: "#000000",
          isDarkTheme: false,
          ...options.officeTheme,
        },
        requirements: {
          isSetSupported: (name: string, version?: string): boolean => {
            if (name.toLowerCase() === "excelapi") return this._supports(version ?? "1.1");
            const have = Object.entries(otherSets).find(
              ([n]) => n.toLowerCase() === name.toLowerCase()
            );
            return have !== undefined && versionAtLeast(have[1], version ?? "1.1");
          },
        },
      },
      onReady: (callback?: (i: typeof info) => void) =>
        Promise.resolve().then(() => {
          callback?.(info);
          return info;
        }),
    };
    return () => {
      for (const [n, had, value] of previous) {
        if (had) g[n] = value;
        else delete g[n];
      }
    };
  }

  // ── Internals: sheets ──

  private _newSheet(name: string): SheetState {
    const sheet = blankSheet(this._nextId++, name);
    this._sheets.push(sheet);
    return sheet;
  }

  /** @internal Sheet names are case-insensitive in Excel. */
  /** By name (case-insensitive) or by id, as Excel's `getItem(key)` accepts either. */
  _find(name: string): SheetState | undefined {
    return (
      this._sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) ??
      this._sheets.find((s) => sheetId(s) === name)
    );
  }

  private _sheetOrThrow(name: string): SheetState {
    const s = this._find(name);
    if (!s) throw new Error(`FakeExcel: no sheet '${name}'`);
    return s;
  }

  private _checkName(name: unknown, except?: SheetState): string {
    if (
      typeof name !== "string" ||
      name.length === 0 ||
      name.length > 31 ||
      /[:\\/?*[\]]/.test(name) ||
      /^'|'$/.test(name) ||
      name.toLowerCase() === "history"
    ) {
      throw fail("InvalidArgument", `(sheet name '${String(name)}')`);
    }
    const other = this._find(name);
    if (other && other !== except) throw fail("ItemAlreadyExists", `(sheet '${name}')`);
    return name;
  }

  /** @internal Sheet structure changes are refused while the structure is protected. */
  _checkStructure(): void {
    if (this.structureProtected)
      throw fail("AccessDenied", "(the workbook structure is protected)");
  }

  /** @internal */ _addSheet(name: unknown): SheetState {
    this._checkStructure();
    let n = 1;
    while (name === undefined && this._find(`Sheet${n}`)) n++;
    return this._newSheet(this._checkName(name ?? `Sheet${n}`));
  }

  /** @internal */ _rename(sheet: SheetState, name: unknown): void {
    if (name !== sheet.name) this._checkStructure();
    sheet.name = this._checkName(name, sheet);
  }

  /** @internal */ _move(sheet: SheetState, position: unknown): void {
    this._checkStructure();
    if (typeof position !== "number" || !(position >= 0 && position < this._sheets.length)) {
      throw fail("InvalidArgument", `(position ${String(position)})`);
    }
    this._sheets.splice(this._sheets.indexOf(sheet), 1);
    this._sheets.splice(position, 0, sheet);
  }

  private _visibleOthers(sheet: SheetState): SheetState[] {
    return this._sheets.filter((s) => s !== sheet && s.visibility === "Visible");
  }

  /** @internal */ _setVisibility(sheet: SheetState, v: unknown): void {
    const visibility = oneOf(VISIBILITY)(v);
    if (visibility !== "Visible") {
      const others = this._visibleOthers(sheet);
      if (others.length === 0) throw fail("InvalidOperation", "(a workbook needs a visible sheet)");
      if (this._active === sheet) this._active = others[0];
    }
    sheet.visibility = visibility;
  }

  /** @internal */ _deleteSheet(sheet: SheetState): void {
    this._checkStructure();
    const others = this._visibleOthers(sheet);
    if (others.length === 0)
      throw fail("InvalidOperation", "(cannot delete the last visible sheet)");
    if (this._active === sheet) this._active = others[0];
    this._sheets.splice(this._sheets.indexOf(sheet), 1);
    sheet.deleted = true;
  }

  /** @internal */ _activate(sheet: SheetState): void {
    if (sheet.visibility !== "Visible") throw fail("InvalidOperation", "(sheet is hidden)");
    this._active = sheet;
  }

  /** @internal Parses `=Sheet!$A$1` (or a Range-free string address) for a defined name. */
  _reference(formula: string, strict: boolean): { sheet: SheetState | null; rect: Rect | null } {
    const { sheet: name, ref } = splitSheet(formula.replace(/^=/, ""));
    const sheet = name === null ? undefined : this._find(name);
    try {
      if (sheet) return { sheet, rect: parseRef(ref) };
    } catch (e) {
      if (strict) throw e;
    }
    if (strict) throw fail("InvalidArgument", `(reference '${formula}')`);
    return { sheet: null, rect: null };
  }

  /** @internal Defined names are case-insensitive. */
  _findName(name: string): NameState | undefined {
    return this._names.find((n) => n.name.toLowerCase() === name.toLowerCase());
  }

  /** @internal */ _addName(
    name: string,
    sheet: SheetState,
    rect: Rect,
    comment: string
  ): NameState {
    const ok =
      new RegExp("^[\\p{L}_\\\\][\\p{L}\\p{N}_.\\\\]{0,254}$", "u").test(name) &&
      !/^[A-Za-z]{1,3}\d+$/.test(name) &&
      !/^(R\d*C\d*|R|C)$/i.test(name);
    if (!ok) throw fail("InvalidArgument", `(name '${name}')`);
    if (this._findName(name)) throw fail("ItemAlreadyExists", `(name '${name}')`);
    const item: NameState = { name, sheet, rect, raw: "", comment };
    this._names.push(item);
    return item;
  }

  // ── Internals: cells ──

  private _seed(sheet: SheetState, row: number, col: number, v: unknown): void {
    if (v === null || v === undefined || v === "") return;
    if (typeof v === "string" && v.startsWith("=")) {
      sheet.cells.set(key(row, col), { value: null, formula: v });
    } else if (typeof v === "string" && ERROR_LITERALS.has(v)) {
      sheet.cells.set(key(row, col), { value: { error: v } });
    } else if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") {
      sheet.cells.set(key(row, col), { value: v });
    } else {
      throw new Error(`FakeExcel: cannot seed ${JSON.stringify(v)}`);
    }
  }

  /** @internal A cell's value; formulas are evaluated (only SUM over ranges; others → null). */
  _value(sheet: SheetState, row: number, col: number, depth = 0): CellValue {
    const cell = sheet.cells.get(key(row, col));
    if (!cell) return null;
    return cell.formula === undefined ? cell.value : this._evaluate(sheet, cell.formula, depth);
  }

  private _evaluate(sheet: SheetState, formula: string, depth: number): CellValue {
    const m = /^=\s*SUM\((.+)\)\s*$/i.exec(formula);
    if (!m || depth > 64) return null;
    let total = 0;
    for (const part of m[1].split(",")) {
      const { sheet: name, ref } = splitSheet(part);
      const target = name === null ? sheet : this._find(name);
      if (!target) return { error: "#REF!" };
      let rect: Rect;
      try {
        rect = parseRef(ref);
      } catch {
        return null;
      }
      for (const [r, c] of this._cellsIn(target, rect)) {
        const v = this._value(target, r, c, depth + 1);
        if (typeof v === "number") total += v;
        else if (v !== null && typeof v === "object") return v;
      }
    }
    return total;
  }

  /** @internal Effective flat format key of one cell: cell ← whole-row format ← default. */
  _format(sheet: SheetState, row: number, col: number, k: string): unknown {
    return (
      sheet.cells.get(key(row, col))?.format?.[k] ??
      sheet.rowFormats.get(row)?.[k] ??
      FORMAT_DEFAULTS[k]
    );
  }

  /** @internal */ _grid<T>(rect: Rect, f: (row: number, col: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = rect.row; r < rect.row + rect.rows; r++) {
      const line: T[] = new Array(rect.cols);
      for (let c = 0; c < rect.cols; c++) line[c] = f(r, rect.col + c);
      out.push(line);
    }
    return out;
  }

  /** Existing cells inside `rect` as [row, col, cell], scanning whichever is smaller. */
  private _cellsIn(sheet: SheetState, rect: Rect): Array<[number, number, CellState]> {
    const out: Array<[number, number, CellState]> = [];
    if (rect.rows * rect.cols <= sheet.cells.size) {
      for (let r = rect.row; r < rect.row + rect.rows; r++) {
        for (let c = rect.col; c < rect.col + rect.cols; c++) {
          const cell = sheet.cells.get(key(r, c));
          if (cell) out.push([r, c, cell]);
        }
      }
    } else {
      for (const [k, cell] of sheet.cells) {
        const [r, c] = [Math.floor(k / MAX_COLS), k % MAX_COLS];
        if (contains(rect, { row: r, col: c, rows: 1, cols: 1 })) out.push([r, c, cell]);
      }
    }
    return out;
  }

  private _cell(sheet: SheetState, row: number, col: number): CellState {
    let cell = sheet.cells.get(key(row, col));
    if (!cell) sheet.cells.set(key(row, col), (cell = { value: null }));
    return cell;
  }

  private _prune(sheet: SheetState, row: number, col: number): void {
    const cell = sheet.cells.get(key(row, col));
    const formatted = cell?.format && Object.keys(cell.format).length > 0;
    if (cell && cell.value === null && cell.formula === undefined && !formatted) {
      sheet.cells.delete(key(row, col));
    }
  }

  /**
   * @internal Writes `values` / `formulas` / `numberFormat`. A 2-D array must match the range's
   * shape (a 1×1 array on a larger range is rejected); a non-array value is applied to every cell.
   */
  _writeCells(t: Target, prop: "values" | "formulas" | "numberFormat", input: unknown): void {
    const rect = t.rect as Rect;
    if (!Array.isArray(input)) {
      if (prop === "numberFormat")
        return this._writeFormat(t, "numberFormat", input === null ? input : isStr(input));
      input = this._grid(rect, () => input);
    }
    const grid = input as unknown[];
    if (
      grid.length !== rect.rows ||
      !grid.every((l) => Array.isArray(l) && l.length === rect.cols)
    ) {
      const got = `${grid.length}×${Array.isArray(grid[0]) ? grid[0].length : "?"}`;
      throw fail(
        "InvalidArgument",
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range. (${prop}: ${got} given, range ${rectA1(rect)} is ${rect.rows}×${rect.cols})`
      );
    }
    for (const line of grid as unknown[][]) {
      for (const x of line) {
        const ok =
          prop === "numberFormat"
            ? typeof x === "string"
            : ["string", "number", "boolean"].includes(typeof x);
        if (!ok && x !== null && x !== undefined)
          throw fail("InvalidArgument", `(${prop} cell ${JSON.stringify(x)})`);
      }
    }
    (grid as unknown[][]).forEach((line, i) =>
      line.forEach((x, j) => {
        // null leaves a cell unchanged; so do NaN/±Infinity, which JSON turns into null on the wire.
        if (x === null || x === undefined || (typeof x === "number" && !Number.isFinite(x))) return;
        const [row, col] = [rect.row + i, rect.col + j];
        if (prop === "numberFormat") this._setCellFormat(t.sheet, row, col, "numberFormat", x);
        else this._input(t.sheet, row, col, x as string | number | boolean);
      })
    );
  }

  /**
   * A value typed into a cell: "" clears; "=…" is a formula and other text is parsed, unless the
   * cell is formatted as text ("@"), where Excel keeps what is typed as text.
   */
  private _input(sheet: SheetState, row: number, col: number, x: string | number | boolean): void {
    const cell = this._cell(sheet, row, col);
    delete cell.formula;
    cell.value = x === "" ? null : x;
    if (typeof x === "string" && x !== "") {
      const asText = this._format(sheet, row, col, "numberFormat") === "@";
      if (!asText && x.startsWith("=")) {
        cell.formula = x;
        cell.value = null;
      } else if (!asText && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(x.trim())) {
        cell.value = Number(x);
      } else if (!asText && /^(true|false)$/i.test(x)) {
        cell.value = x.toLowerCase() === "true";
      } else if (!asText && ERROR_LITERALS.has(x)) {
        cell.value = { error: x };
      } else if (!asText && /^[+-]./.test(x)) {
        // Excel reads a leading + or - as the start of a formula (Range.values docs).
        cell.formula = `=${x}`;
        cell.value = null;
      }
    }
    this._prune(sheet, row, col);
  }

  private _setCellFormat(sheet: SheetState, row: number, col: number, k: string, v: unknown): void {
    const cell = this._cell(sheet, row, col);
    (cell.format ??= {})[k] = v;
  }

  /** @internal Writes one flat format key to a range; whole rows are stored as row formats. */
  _writeFormat(t: Target, k: string, v: unknown): void {
    if (v === null || v === undefined) return;
    const rect = t.rect as Rect;
    if (rect.col === 0 && rect.cols === MAX_COLS) {
      for (let r = rect.row; r < rect.row + rect.rows; r++) {
        const rf = t.sheet.rowFormats.get(r) ?? {};
        rf[k] = v;
        t.sheet.rowFormats.set(r, rf);
      }
      // Later row formatting overrides what cells in the row had, as in Excel.
      for (const [, , cell] of this._cellsIn(t.sheet, rect)) if (cell.format) cell.format[k] = v;
      return;
    }
    for (let r = rect.row; r < rect.row + rect.rows; r++) {
      for (let c = rect.col; c < rect.col + rect.cols; c++)
        this._setCellFormat(t.sheet, r, c, k, v);
    }
  }

  /** @internal Excel returns a format property's value if all cells agree, otherwise null. */
  _commonFormat(t: Target, k: string): unknown {
    return common(this._grid(t.rect as Rect, (r, c) => this._format(t.sheet, r, c, k)).flat());
  }

  /** @internal Calls `f(row, col, side)` for the cell sides that make up a border edge of `rect`. */
  _forEdge(rect: Rect, edge: string, f: (row: number, col: number, side: string) => void): void {
    const [top, left] = [rect.row, rect.col];
    const [bottom, right] = [top + rect.rows - 1, left + rect.cols - 1];
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) {
        if (edge === "EdgeTop" && r === top) f(r, c, "top");
        else if (edge === "EdgeBottom" && r === bottom) f(r, c, "bottom");
        else if (edge === "EdgeLeft" && c === left) f(r, c, "left");
        else if (edge === "EdgeRight" && c === right) f(r, c, "right");
        else if (edge === "InsideHorizontal") {
          if (r > top) f(r, c, "top");
          if (r < bottom) f(r, c, "bottom");
        } else if (edge === "InsideVertical") {
          if (c > left) f(r, c, "left");
          if (c < right) f(r, c, "right");
        } else if (!EDGES.includes(edge)) {
          throw fail("InvalidArgument", `(border index '${edge}')`);
        }
      }
    }
  }

  /** @internal */ _border(t: Target, prop: string, v?: unknown): unknown {
    const seen: unknown[] = [];
    this._forEdge(t.rect as Rect, t.edge as string, (r, c, side) => {
      if (v === undefined) seen.push(this._format(t.sheet, r, c, `border.${side}.${prop}`));
      else this._setCellFormat(t.sheet, r, c, `border.${side}.${prop}`, v);
    });
    return seen.length ? common(seen) : FORMAT_DEFAULTS[`border.top.${prop}`];
  }

  /** @internal Bounding box of cells with values/formulas (and, unless valuesOnly, formats). */
  _usedRect(sheet: SheetState, valuesOnly: boolean, within?: Rect): Rect | null {
    let [r1, c1, r2, c2] = [Infinity, Infinity, -1, -1];
    for (const [k, cell] of sheet.cells) {
      if (valuesOnly && cell.value === null && cell.formula === undefined) continue;
      const [r, c] = [Math.floor(k / MAX_COLS), k % MAX_COLS];
      if (within && !(r >= within.row && r < within.row + within.rows)) continue;
      if (within && !(c >= within.col && c < within.col + within.cols)) continue;
      [r1, c1, r2, c2] = [Math.min(r1, r), Math.min(c1, c), Math.max(r2, r), Math.max(c2, c)];
    }
    return r2 < 0 ? null : { row: r1, col: c1, rows: r2 - r1 + 1, cols: c2 - c1 + 1 };
  }

  /** @internal Merging keeps only the top-left value, as Excel does; overlapping merges are replaced. */
  _merge(sheet: SheetState, rect: Rect, across: boolean): void {
    const parts = across
      ? Array.from({ length: rect.rows }, (_, i) => ({ ...rect, row: rect.row + i, rows: 1 }))
      : [rect];
    for (const p of parts.filter((x) => x.rows * x.cols > 1)) {
      sheet.merges = sheet.merges.filter((m) => !intersects(m, p)).concat([p]);
      for (const [r, c, cell] of this._cellsIn(sheet, p)) {
        if (r === p.row && c === p.col) continue;
        cell.value = null;
        delete cell.formula;
        this._prune(sheet, r, c);
      }
    }
  }

  /** @internal `Range.clear(applyTo)`: All | Formats | Contents. Formats also unmerges. */
  _clear(sheet: SheetState, rect: Rect, applyTo: unknown): void {
    const what = oneOf(CLEAR)(applyTo);
    for (const [r, c, cell] of this._cellsIn(sheet, rect)) {
      if (what !== "Formats") ((cell.value = null), delete cell.formula);
      if (what !== "Contents") delete cell.format;
      this._prune(sheet, r, c);
    }
    if (what !== "Contents") {
      sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
      if (rect.cols === MAX_COLS)
        for (let r = rect.row; r < rect.row + rect.rows; r++) sheet.rowFormats.delete(r);
    }
  }
}

function common(values: unknown[]): unknown {
  const first = JSON.stringify(values[0]);
  return values.every((v) => JSON.stringify(v) === first) ? clone(values[0]) : null;
}

// ─── Request context and batching ──────────────────────────────────────────────────────────

interface Tx {
  /** Response bytes loaded so far in this sync. */
  bytes: number;
  /** Applied to proxies only if the whole sync succeeds. */
  commits: Array<() => void>;
}

interface Op {
  /** `Type.member`, reported as `debugInfo.errorLocation`. */
  loc: string;
  /** ExcelApi requirement set needed. */
  api?: string;
  run(tx: Tx): void;
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  readonly trackedObjects = {
    add: (_o: unknown): void => undefined,
    remove: (_o: unknown): void => undefined,
  };
  private _ops: Op[] = [];
  private _requestBytes = 0;

  constructor(
    /** @internal */ readonly _fake: FakeExcel,
    private readonly _delayForCellEdit: boolean
  ) {
    this.workbook = new FakeWorkbook(this);
  }

  /** @internal */ _enqueue(op: Op, requestBytes = 0): void {
    this._ops.push(op);
    this._requestBytes += requestBytes;
  }

  /** Sends the queue: ops run in order; the first failure rejects; loads land only on success. */
  async sync(): Promise<void> {
    const ops = this._ops.splice(0); // captured at call time, like office.js
    const requestBytes = this._requestBytes;
    this._requestBytes = 0;
    await Promise.resolve();
    if (ops.length === 0) return;
    const fx = this._fake;
    fx.syncCount++;
    fx.lastSyncRequestBytes = requestBytes;
    fx.lastSyncPayloadBytes = 0;
    if (fx.failSyncsWith) throw fail(fx.failSyncsWith);
    if (fx.userIsEditingCell && !this._delayForCellEdit)
      throw fail("InvalidOperationInCellEditMode");
    if (requestBytes > fx.payloadLimitBytes) {
      throw fail(
        "RequestPayloadSizeLimitExceeded",
        `(${requestBytes} > ${fx.payloadLimitBytes} bytes)`
      );
    }
    const tx: Tx = { bytes: 0, commits: [] };
    for (const op of ops) {
      try {
        if (!fx._supports(op.api)) {
          throw fail(
            "ApiNotFound",
            `(needs ExcelApi ${op.api}; fake.apiVersion is ${fx.apiVersion})`
          );
        }
        op.run(tx);
      } catch (e) {
        if (e instanceof FakeExcelError && !e.debugInfo.errorLocation)
          e.debugInfo.errorLocation = op.loc;
        throw e;
      }
    }
    fx.lastSyncPayloadBytes = tx.bytes;
    if (tx.bytes > fx.payloadLimitBytes) {
      throw fail(
        "ResponsePayloadSizeLimitExceeded",
        `(${tx.bytes} > ${fx.payloadLimitBytes} bytes)`
      );
    }
    for (const commit of tx.commits) commit();
  }
}

/** `"a, b"`, `["a","b"]`, `"items/name"`, `{ a: true, format: { font: { bold: true } } }`, `{ select, expand }`. */
export type LoadSpec = string | string[] | Record<string, unknown>;

/** Normalises a load argument to slash paths; null means "all scalar properties". */
function loadPaths(spec: LoadSpec | undefined): string[] | null {
  if (spec === undefined || spec === null) return null;
  if (typeof spec === "string" || Array.isArray(spec)) {
    const paths = (typeof spec === "string" ? spec.split(",") : spec)
      .map((p) => p.trim())
      .filter(Boolean);
    return paths.length ? paths : null;
  }
  if (typeof spec.select === "string" || typeof spec.expand === "string") {
    const list = (x: unknown) =>
      typeof x === "string"
        ? x
            .split(",")
            .map((p) => p.trim())
            .filter(Boolean)
        : [];
    return [...list(spec.select), ...list(spec.expand)];
  }
  if (spec.$all === true) return null;
  const out: string[] = [];
  for (const [k, v] of Object.entries(spec)) {
    if (v === true) out.push(k);
    else if (v && typeof v === "object")
      out.push(...(loadPaths(v as LoadSpec) ?? [""]).map((p) => (p ? `${k}/${p}` : k)));
  }
  return out;
}

// ─── Proxy objects ──────────────────────────────────────────────────────────────────────────

interface Spec {
  read: (t: Target, fx: FakeExcel) => unknown;
  write?: (t: Target, v: unknown, fx: FakeExcel) => void;
  /** ExcelApi set needed (default: the object's). */
  api?: string;
}

/** Base of every entity proxy: resolution, load/sync bookkeeping, queued writes and methods. */
export abstract class FakeProxy {
  declare readonly _specs: Record<string, Spec>;
  declare readonly _type: string;
  /** Requirement set of the whole object (pageLayout 1.9, dataValidation 1.8). */
  declare readonly _api: string | undefined;
  declare readonly _navs: string[];
  /** @internal Loaded (or locally set) property values. */
  readonly _values = new Map<string, unknown>();
  /** @internal Known after the first sync that touched this proxy. */
  _isNull: boolean | undefined = undefined;
  private _target: Target | null | undefined = undefined;
  private readonly _children = new Map<string, FakeProxy>();

  constructor(
    readonly context: FakeRequestContext,
    private readonly _locate: () => Target | null,
    /** Write-log prefix, e.g. "format.font.". */
    protected readonly _kind = "",
    orNull = false
  ) {
    if (orNull) this._queueLoad(new Set()); // isNullObject is loaded implicitly at the next sync
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw notLoaded("isNullObject", this._type);
    return this._isNull;
  }

  /** Queues a load; see `LoadSpec`. Navigation paths (`format/font/bold`) load child proxies. */
  load(spec?: LoadSpec): this {
    for (const [proxy, props] of this._planFor(loadPaths(spec))) proxy._queueLoad(props);
    return this;
  }

  /** @internal Which proxies load which properties (null: all scalars) for the given paths. */
  _planFor(paths: string[] | null): Map<FakeProxy, Set<string> | null> {
    const plan = new Map<FakeProxy, Set<string> | null>();
    for (const path of paths ?? [""]) this._plan(path.split("/").filter(Boolean), plan);
    return plan;
  }

  /** Loaded properties and loaded children, like office.js (for JSON.stringify / logging). */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of this._values) out[k] = v;
    for (const [k, child] of this._children) {
      const json = child.toJSON();
      if (Object.keys(json).length) out[k] = json;
    }
    return out;
  }

  /** @internal Navigation child by name, for load paths (`format/font/bold`). */
  _nav(name: string): FakeProxy | undefined {
    return this._navs.includes(name)
      ? (this as unknown as Record<string, FakeProxy>)[name]
      : undefined;
  }

  /** @internal */ _resolve(): Target | null {
    if (this._target === undefined) this._target = this._locate();
    if (this._target?.sheet.deleted) throw fail("ItemNotFound", "(the worksheet was deleted)");
    return this._target;
  }

  protected _child<T extends FakeProxy>(name: string, make: () => T): T {
    let child = this._children.get(name);
    if (!child) this._children.set(name, (child = make()));
    return child as T;
  }

  private _plan(segs: string[], plan: Map<FakeProxy, Set<string> | null>): void {
    const [head, ...rest] = segs;
    if (head === undefined) return void plan.set(this, null);
    if (head === "isNullObject" && rest.length === 0) {
      if (!plan.has(this)) plan.set(this, new Set());
      return;
    }
    if (rest.length === 0 && Object.prototype.hasOwnProperty.call(this._specs, head)) {
      const props = plan.get(this);
      if (props === undefined) plan.set(this, new Set([head]));
      else props?.add(head);
      return;
    }
    const child = this._nav(head);
    if (!child) throw new Error(`FakeExcel: ${this._type} has no loadable property '${head}'`);
    child._plan(rest, plan);
  }

  /** @internal Queues a load of `props` (null: all scalar properties the api version has). */
  _queueLoad(props: Set<string> | null): void {
    this.context._enqueue({ loc: `${this._type}.load`, run: (tx) => this._snapshot(props, tx) });
  }

  /** @internal Reads the properties now; they reach the proxy when the whole sync succeeds. */
  _snapshot(props: Set<string> | null, tx: Tx): void {
    const fx = this.context._fake;
    const t = this._resolve();
    if (t === null) return void tx.commits.push(() => (this._isNull = true));
    if ((props === null || props.size > 0) && !fx._supports(this._api)) {
      throw fail(
        "ApiNotFound",
        `(${this._type} needs ExcelApi ${this._api})`,
        `${this._type}.load`
      );
    }
    const names = props
      ? [...props]
      : Object.keys(this._specs).filter((n) => fx._supports(this._specs[n].api));
    const snap: Array<[string, unknown]> = [];
    for (const name of names) {
      const spec = this._specs[name];
      if (!fx._supports(spec.api))
        throw fail("ApiNotFound", `(needs ExcelApi ${spec.api})`, `${this._type}.${name}`);
      const v = spec.read(t, fx);
      if (Array.isArray(v) && Array.isArray(v[0]) && v.length * v[0].length > fx.cellReadLimit)
        throw fail(
          "RangeExceedsLimit",
          `(${v.length * v[0].length} cells > ${fx.cellReadLimit})`,
          `${this._type}.${name}`
        );
      tx.bytes += jsonBytes(v);
      snap.push([name, v]);
    }
    tx.commits.push(() => {
      this._isNull = false;
      for (const [name, v] of snap) this._values.set(name, v);
    });
  }

  /** @internal Property getter installed by `defineProps`. */
  _get(name: string): unknown {
    if (this._isNull === true) {
      throw new FakeExcelError(
        "PropertyNotLoaded",
        `The property '${name}' is not available: this is a null object (isNullObject is true). (FakeExcel throws here; office.js returns undefined.)`,
        `${this._type}.${name}`
      );
    }
    if (!this._values.has(name)) throw notLoaded(name, this._type);
    return this._values.get(name);
  }

  /** @internal Property setter installed by `defineProps`: office.js keeps the value locally and queues the write. */
  _set(name: string, value: unknown): void {
    const spec = this._specs[name];
    const copy = clone(value);
    this._values.set(name, value);
    const fx = this.context._fake;
    this.context._enqueue(
      {
        loc: `${this._type}.${name}`,
        api: spec.api ?? this._api,
        run: () => this._apply(this._kind + name, (t) => spec.write?.(t, copy, fx)),
      },
      jsonBytes(copy)
    );
  }

  /** Queues a method call; `kind` (if any) is recorded in the write log. */
  protected _method(
    name: string,
    kind: string | null,
    f: (t: Target, fx: FakeExcel) => void,
    api?: string
  ): void {
    this.context._enqueue({
      loc: `${this._type}.${name}`,
      api: api ?? this._api,
      run: () => this._apply(kind, (t) => f(t, this.context._fake)),
    });
  }

  private _apply(kind: string | null, f: (t: Target) => void): void {
    const t = this._resolve();
    if (t === null) return; // null object: Excel ignores the call
    const address = t.rect ? rectA1(t.rect) : (t.item?.name ?? "");
    const entry = { sheet: t.sheet.name, address, kind: kind ?? "" };
    f(t);
    if (kind) this.context._fake.writeLog.push(entry);
  }
}

/**
 * Installs accessors for `specs` on a proxy class (read-only specs get no setter). `api` is the
 * requirement set of the whole object; `nav` names its navigation getters (loadable by path).
 */
function defineProps(
  cls: { prototype: FakeProxy },
  type: string,
  specs: Record<string, Spec>,
  { api, nav = [] }: { api?: string; nav?: string[] } = {}
): void {
  Object.defineProperty(cls.prototype, "_specs", { value: specs });
  Object.defineProperty(cls.prototype, "_type", { value: type });
  Object.defineProperty(cls.prototype, "_api", { value: api });
  Object.defineProperty(cls.prototype, "_navs", { value: nav });
  for (const [name, spec] of Object.entries(specs)) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      get(this: FakeProxy) {
        return this._get(name);
      },
      set: spec.write
        ? function (this: FakeProxy, v: unknown) {
            this._set(name, v);
          }
        : undefined,
    });
  }
}

/** Base of collections: `items` after a load; `items/name` or plain `name` load item properties. */
abstract class FakeCollection<P extends FakeProxy> {
  private _items: P[] | undefined;
  constructor(
    readonly context: FakeRequestContext,
    private readonly _type: string
  ) {}

  /** What the items point at, at sync time. */
  protected abstract _targets(): Target[];
  protected abstract _item(locate: () => Target | null): P;

  get items(): P[] {
    if (!this._items) throw notLoaded("items", this._type);
    return this._items;
  }

  load(spec?: LoadSpec): this {
    const raw = loadPaths(spec)?.map((p) => p.replace(/^items(\/|$)/, "")) ?? null;
    const paths = raw && raw.every(Boolean) ? raw : null; // bare "items" loads everything
    this._item(() => null)._planFor(paths); // unknown names fail now, not at sync
    this.context._enqueue({
      loc: `${this._type}.load`,
      run: (tx) => {
        const items = this._targets().map((t) => this._item(() => t));
        for (const item of items) {
          for (const [proxy, props] of item._planFor(paths)) proxy._snapshot(props, tx);
        }
        tx.commits.push(() => (this._items = items));
      },
    });
    return this;
  }

  toJSON(): { items: Array<Record<string, unknown>> } {
    return { items: (this._items ?? []).map((i) => i.toJSON()) };
  }
}

export class FakeWorksheetCollection extends FakeCollection<FakeWorksheet> {
  /** ExcelApi 1.9: registered when this context syncs; see FakeEventHandlerResult. */
  onChanged = {
    add: (handler: (args: { worksheetId?: string }) => Promise<unknown>) => {
      const result = new FakeEventHandlerResult(this.context, handler);
      const fx = this.context._fake;
      this.context._enqueue({
        loc: "WorksheetCollection.onChanged.add",
        api: "1.9",
        run: () => void fx._changeHandlers.add(result),
      });
      return result;
    },
  };

  constructor(context: FakeRequestContext) {
    super(context, "WorksheetCollection");
  }
  protected _targets(): Target[] {
    return this.context._fake._sheets.map((sheet) => ({ sheet }));
  }
  protected _item(locate: () => Target | null): FakeWorksheet {
    return new FakeWorksheet(this.context, locate);
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const sheet = this.context._fake._find(name);
      if (!sheet)
        throw fail("ItemNotFound", `(worksheet '${name}')`, "WorksheetCollection.getItem");
      return { sheet };
    });
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    const fx = this.context._fake;
    return new FakeWorksheet(
      this.context,
      () => {
        if (!fx._supports("1.4"))
          throw fail("ApiNotFound", "", "WorksheetCollection.getItemOrNullObject");
        const sheet = fx._find(name);
        return sheet ? { sheet } : null;
      },
      "",
      true
    );
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => ({ sheet: this.context._fake._active }));
  }

  /** Adds at the end without activating (as Excel does); name checks happen at sync. */
  add(name?: string): FakeWorksheet {
    let added: SheetState | undefined;
    this.context._enqueue({
      loc: "WorksheetCollection.add",
      run: () => {
        added = this.context._fake._addSheet(name);
        this.context._fake.writeLog.push({ sheet: added.name, address: "", kind: "add" });
      },
    });
    return new FakeWorksheet(this.context, () => {
      if (!added) throw fail("ItemNotFound", "(worksheet not added yet)");
      return { sheet: added };
    });
  }
}

export class FakeWorksheet extends FakeProxy {
  declare readonly id: string;
  declare name: string;
  declare position: number;
  declare visibility: string;
  declare tabColor: string;
  declare showGridlines: boolean;

  get freezePanes(): FakeWorksheetFreezePanes {
    return this._child(
      "freezePanes",
      () => new FakeWorksheetFreezePanes(this.context, () => this._resolve())
    );
  }
  get pageLayout(): FakePageLayout {
    return this._child(
      "pageLayout",
      () => new FakePageLayout(this.context, () => this._resolve(), "pageLayout.")
    );
  }

  /** Manual page breaks (ExcelApi 1.9). */
  get horizontalPageBreaks(): FakePageBreakCollection {
    return this._child(
      "horizontalPageBreaks",
      () => new FakePageBreakCollection(this.context, () => this._resolve())
    );
  }

  /** `A1`, `A1:D10`, `$A$1:$D$10`, whole rows `1:3` (whole columns are not supported). */
  getRange(address: string): FakeRange {
    return this._range((sheet) => {
      const { sheet: name, ref } = splitSheet(address);
      if (name !== null && name.toLowerCase() !== sheet.name.toLowerCase()) {
        throw fail("InvalidArgument", `(address '${address}' is not on sheet '${sheet.name}')`);
      }
      return parseRef(ref);
    }, "getRange");
  }

  getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number): FakeRange {
    return this._range((_s, fx) => {
      if (!fx._supports("1.7")) throw fail("ApiNotFound", "", "Worksheet.getRangeByIndexes");
      return indexRect(row, column, rowCount, columnCount);
    }, "getRangeByIndexes");
  }

  getCell(row: number, column: number): FakeRange {
    return this._range(() => indexRect(row, column, 1, 1), "getCell");
  }

  /** An empty sheet's used range is A1 (Excel does not throw). */
  getUsedRange(valuesOnly = false): FakeRange {
    return this._range(
      (s, fx) => fx._usedRect(s, valuesOnly) ?? { row: 0, col: 0, rows: 1, cols: 1 },
      "getUsedRange"
    );
  }

  /** Null object when nothing counts as used (with valuesOnly=false, format-only cells count). */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return this._range(
      (s, fx) => {
        if (!fx._supports("1.4"))
          throw fail("ApiNotFound", "", "Worksheet.getUsedRangeOrNullObject");
        return fx._usedRect(s, valuesOnly);
      },
      "getUsedRangeOrNullObject",
      true
    );
  }

  delete(): void {
    this._method("delete", "delete", (t, fx) => fx._deleteSheet(t.sheet));
  }

  activate(): void {
    this._method("activate", null, (t, fx) => fx._activate(t.sheet));
  }

  private _range(
    rectOf: (sheet: SheetState, fx: FakeExcel) => Rect | null,
    method: string,
    orNull = false
  ): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this._resolve();
        if (!t) return null;
        try {
          const rect = rectOf(t.sheet, this.context._fake);
          return rect ? { sheet: t.sheet, rect } : null;
        } catch (e) {
          if (e instanceof FakeExcelError && !e.debugInfo.errorLocation)
            e.debugInfo.errorLocation = `Worksheet.${method}`;
          throw e;
        }
      },
      "",
      orNull
    );
  }
}

defineProps(
  FakeWorksheet,
  "Worksheet",
  {
    id: { read: (t) => sheetId(t.sheet) },
    name: { read: (t) => t.sheet.name, write: (t, v, fx) => fx._rename(t.sheet, v) },
    position: {
      read: (t, fx) => fx._sheets.indexOf(t.sheet),
      write: (t, v, fx) => fx._move(t.sheet, v),
    },
    visibility: {
      read: (t) => t.sheet.visibility,
      write: (t, v, fx) => fx._setVisibility(t.sheet, v),
    },
    tabColor: {
      api: "1.7",
      read: (t) => t.sheet.tabColor,
      write: (t, v) => void (t.sheet.tabColor = isStr(v)),
    },
    showGridlines: {
      api: "1.8",
      read: (t) => t.sheet.showGridlines,
      write: (t, v) => void (t.sheet.showGridlines = isBool(v)),
    },
  },
  { nav: ["pageLayout", "freezePanes"] }
);

export class FakeWorksheetFreezePanes extends FakeProxy {
  freezeRows(count = 1): void {
    this._method(
      "freezeRows",
      "freezePanes.freezeRows",
      (t) => void (t.sheet.frozenRows = isNum(count))
    );
  }
}
defineProps(FakeWorksheetFreezePanes, "WorksheetFreezePanes", {}, { api: "1.7" });

export class FakeRange extends FakeProxy {
  declare readonly address: string;
  declare values: unknown[][];
  declare formulas: unknown[][];
  declare numberFormat: unknown[][];
  declare readonly text: string[][];
  declare readonly valueTypes: string[][];
  declare readonly rowIndex: number;
  declare readonly columnIndex: number;
  declare readonly rowCount: number;
  declare readonly columnCount: number;

  get format(): FakeRangeFormat {
    return this._child(
      "format",
      () => new FakeRangeFormat(this.context, () => this._resolve(), "format.")
    );
  }
  get dataValidation(): FakeDataValidation {
    return this._child(
      "dataValidation",
      () => new FakeDataValidation(this.context, () => this._resolve(), "dataValidation.")
    );
  }

  /**
   * ExcelApi 1.4: the bounding box of the used cells within this range, a null object when
   * none of them is used.
   */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this._resolve();
        if (!t) return null;
        const fx = this.context._fake;
        if (!fx._supports("1.4")) throw fail("ApiNotFound", "", "Range.getUsedRangeOrNullObject");
        const used = fx._usedRect(t.sheet, valuesOnly, rectOf(t));
        return used ? { sheet: t.sheet, rect: used } : null;
      },
      "",
      true
    );
  }

  /**
   * ExcelApi 1.13: the merged areas whose first cell lies in this range (as Excel: an area
   * that only overlaps it is not listed), a null object when there are none.
   */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(
      this.context,
      () => {
        const t = this._resolve();
        if (!t) return null;
        if (!this.context._fake._supports("1.13"))
          throw fail("ApiNotFound", "", "Range.getMergedAreasOrNullObject");
        return t.sheet.merges.some(startsIn(rectOf(t))) ? t : null;
      },
      "",
      true
    );
  }

  /** Cell relative to this range's top-left (may lie outside the range, as in Excel). */
  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this._resolve();
      if (!t) return null;
      const { row: top, col: left } = rectOf(t);
      return { sheet: t.sheet, rect: indexRect(top + row, left + column, 1, 1) };
    });
  }

  merge(across = false): void {
    this._method("merge", "merge", (t, fx) => fx._merge(t.sheet, t.rect as Rect, across), "1.2");
  }
  unmerge(): void {
    this._method(
      "unmerge",
      "unmerge",
      (t) => {
        t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, t.rect as Rect));
      },
      "1.2"
    );
  }
  clear(applyTo: string = "All"): void {
    this._method("clear", "clear", (t, fx) => fx._clear(t.sheet, t.rect as Rect, applyTo));
  }
  /** Records `fake.selection` and activates the sheet. */
  select(): void {
    this._method("select", null, (t, fx) => {
      fx._activate(t.sheet);
      fx.selection = { sheet: t.sheet.name, address: rectA1(t.rect as Rect) };
    });
  }
  untrack(): this {
    return this;
  }
}

const rectOf = (t: Target): Rect => t.rect as Rect;
defineProps(
  FakeRange,
  "Range",
  {
    address: { read: (t) => `${quoteSheetName(t.sheet.name)}!${rectA1(rectOf(t))}` },
    values: {
      read: (t, fx) => fx._grid(rectOf(t), (r, c) => outward(fx._value(t.sheet, r, c))),
      write: (t, v, fx) => fx._writeCells(t, "values", v),
    },
    formulas: {
      read: (t, fx) =>
        fx._grid(
          rectOf(t),
          (r, c) => t.sheet.cells.get(key(r, c))?.formula ?? outward(fx._value(t.sheet, r, c))
        ),
      write: (t, v, fx) => fx._writeCells(t, "formulas", v),
    },
    numberFormat: {
      read: (t, fx) => fx._grid(rectOf(t), (r, c) => fx._format(t.sheet, r, c, "numberFormat")),
      write: (t, v, fx) => fx._writeCells(t, "numberFormat", v),
    },
    text: {
      read: (t, fx) =>
        fx._grid(rectOf(t), (r, c) =>
          formatText(fx._value(t.sheet, r, c), String(fx._format(t.sheet, r, c, "numberFormat")))
        ),
    },
    valueTypes: {
      read: (t, fx) => fx._grid(rectOf(t), (r, c) => valueType(fx._value(t.sheet, r, c))),
    },
    rowIndex: { read: (t) => rectOf(t).row },
    columnIndex: { read: (t) => rectOf(t).col },
    rowCount: { read: (t) => rectOf(t).rows },
    columnCount: { read: (t) => rectOf(t).cols },
  },
  { nav: ["format", "dataValidation"] }
);

/** `Range.getMergedAreasOrNullObject()`'s result: only its `address` is modelled. */
export class FakeRangeAreas extends FakeProxy {
  declare readonly address: string;
  declare readonly areaCount: number;
}
const startsIn = (r: Rect) => (m: Rect) =>
  m.row >= r.row && m.row < r.row + r.rows && m.col >= r.col && m.col < r.col + r.cols;
defineProps(
  FakeRangeAreas,
  "RangeAreas",
  {
    address: {
      read: (t) =>
        t.sheet.merges
          .filter(startsIn(rectOf(t)))
          .map((m) => `${quoteSheetName(t.sheet.name)}!${rectA1(m)}`)
          .join(", "),
    },
    areaCount: { read: (t) => t.sheet.merges.filter(startsIn(rectOf(t))).length },
  },
  { api: "1.9" }
);

/** Spec for a flat cell-format key: common value on read (null if mixed), every cell on write. */
function fmt(k: string, check: (v: unknown) => unknown): Spec {
  return {
    read: (t, fx) => fx._commonFormat(t, k),
    write: (t, v, fx) => fx._writeFormat(t, k, check(v)),
  };
}

/** Spec for column widths / row heights (stored per sheet, not per cell). */
function size(which: "columnWidths" | "rowHeights"): Spec {
  const cols = which === "columnWidths";
  const span = (r: Rect) => (cols ? { from: r.col, n: r.cols } : { from: r.row, n: r.rows });
  const fallback = cols ? DEFAULT_COLUMN_WIDTH : DEFAULT_ROW_HEIGHT;
  return {
    api: "1.2",
    read: (t) => {
      const { from, n } = span(rectOf(t));
      return common(Array.from({ length: n }, (_, i) => t.sheet[which].get(from + i) ?? fallback));
    },
    write: (t, v) => {
      const { from, n } = span(rectOf(t));
      for (let i = 0; i < n; i++) t.sheet[which].set(from + i, isNum(v));
    },
  };
}

export class FakeRangeFormat extends FakeProxy {
  declare horizontalAlignment: string;
  declare verticalAlignment: string;
  declare wrapText: boolean;
  declare columnWidth: number;
  declare rowHeight: number;

  get font(): FakeRangeFont {
    return this._child(
      "font",
      () => new FakeRangeFont(this.context, () => this._resolve(), "format.font.")
    );
  }
  get fill(): FakeRangeFill {
    return this._child(
      "fill",
      () => new FakeRangeFill(this.context, () => this._resolve(), "format.fill.")
    );
  }
  get borders(): FakeRangeBorderCollection {
    return this._child(
      "borders",
      () => new FakeRangeBorderCollection(this.context, () => this._resolve())
    );
  }
}
defineProps(
  FakeRangeFormat,
  "RangeFormat",
  {
    horizontalAlignment: fmt("horizontalAlignment", oneOf(H_ALIGN)),
    verticalAlignment: fmt("verticalAlignment", oneOf(V_ALIGN)),
    wrapText: fmt("wrapText", isBool),
    columnWidth: size("columnWidths"),
    rowHeight: size("rowHeights"),
  },
  { nav: ["font", "fill", "borders"] }
);

export class FakeRangeFont extends FakeProxy {
  declare bold: boolean;
  declare italic: boolean;
  declare size: number;
  declare name: string;
  declare color: string;
}
defineProps(FakeRangeFont, "RangeFont", {
  bold: fmt("font.bold", isBool),
  italic: fmt("font.italic", isBool),
  size: fmt("font.size", isNum),
  name: fmt("font.name", isStr),
  color: fmt("font.color", isStr),
});

export class FakeRangeFill extends FakeProxy {
  declare color: string;
}
defineProps(FakeRangeFill, "RangeFill", { color: fmt("fill.color", isStr) });

export class FakeRangeBorderCollection extends FakeProxy {
  /** `EdgeTop`, `EdgeBottom`, `EdgeLeft`, `EdgeRight`, `InsideHorizontal`, `InsideVertical`. */
  getItem(index: string): FakeRangeBorder {
    return this._child(
      `item:${index}`,
      () =>
        new FakeRangeBorder(
          this.context,
          () => {
            const t = this._resolve();
            return t && { ...t, edge: index };
          },
          `format.borders.${index}.`
        )
    );
  }
}
defineProps(FakeRangeBorderCollection, "RangeBorderCollection", {});

export class FakeRangeBorder extends FakeProxy {
  declare style: string;
  declare weight: string;
  declare color: string;
}
const border = (prop: string, check: (v: unknown) => unknown): Spec => ({
  read: (t, fx) => fx._border(t, prop),
  write: (t, v, fx) => void fx._border(t, prop, check(v)),
});
defineProps(FakeRangeBorder, "RangeBorder", {
  style: border("style", oneOf(LINE_STYLES)),
  weight: border("weight", oneOf(WEIGHTS)),
  color: border("color", isStr),
});

const RULE_TYPES: Record<string, string> = {
  wholeNumber: "WholeNumber",
  decimal: "Decimal",
  textLength: "TextLength",
  date: "Date",
  time: "Time",
  list: "List",
  custom: "Custom",
};

/** Validation entry covering the range (the last one added wins), optionally created for writes. */
function validation(t: Target, create: boolean): ValidationState | undefined {
  const rect = rectOf(t);
  const all = t.sheet.validations;
  const found = [...all]
    .reverse()
    .find((v) => (create ? rectA1(v.rect) === rectA1(rect) : contains(v.rect, rect)));
  if (found || !create) return found;
  const made: ValidationState = { rect };
  all.push(made);
  return made;
}

export class FakeDataValidation extends FakeProxy {
  declare rule: Record<string, unknown>;
  declare errorAlert: Record<string, unknown>;
  declare prompt: Record<string, unknown>;
  declare ignoreBlanks: boolean;
  declare readonly type: string;
  clear(): void {
    this._method("clear", "dataValidation.clear", (t) => {
      t.sheet.validations = t.sheet.validations.filter((v) => !intersects(v.rect, rectOf(t)));
    });
  }
}
const dv = (
  prop: "rule" | "errorAlert" | "prompt" | "ignoreBlanks",
  check: (v: unknown) => unknown
): Spec => ({
  read: (t) => clone(validation(t, false)?.[prop] ?? (prop === "ignoreBlanks" ? true : null)),
  write: (t, v) => void ((validation(t, true) as ValidationState)[prop] = check(v) as never),
});
const isObject = (v: unknown) => {
  if (!v || typeof v !== "object" || Array.isArray(v))
    throw fail("InvalidArgument", "(expected an object)");
  return v;
};
defineProps(
  FakeDataValidation,
  "DataValidation",
  {
    type: {
      read: (t) => {
        const rule = validation(t, false)?.rule as Record<string, unknown> | undefined;
        return rule ? RULE_TYPES[Object.keys(rule)[0]] : "None";
      },
    },
    rule: dv("rule", (v) => {
      const keys = Object.keys(isObject(v));
      if (keys.length !== 1 || !RULE_TYPES[keys[0]]) {
        throw fail(
          "InvalidArgument",
          `(a DataValidationRule needs exactly one of ${Object.keys(RULE_TYPES).join(", ")})`
        );
      }
      return v;
    }),
    errorAlert: dv("errorAlert", isObject),
    prompt: dv("prompt", isObject),
    ignoreBlanks: dv("ignoreBlanks", isBool),
  },
  { api: "1.8" }
);

export class FakePageLayout extends FakeProxy {
  declare orientation: string;
  declare paperSize: string;
  declare zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  declare centerHorizontally: boolean;
  declare centerVertically: boolean;
  declare printGridlines: boolean;
  declare printHeadings: boolean;
  declare blackAndWhite: boolean;
  declare leftMargin: number;
  declare rightMargin: number;
  declare topMargin: number;
  declare bottomMargin: number;
  declare headerMargin: number;
  declare footerMargin: number;

  get headersFooters(): FakeHeaderFooterGroup {
    return this._child(
      "headersFooters",
      () => new FakeHeaderFooterGroup(this.context, () => this._resolve())
    );
  }
  /** Address string (`A1:E20`, `$A$1:$E$20`) or a Range; stored normalised. */
  setPrintArea(area: string | FakeRange): void {
    this._method("setPrintArea", "pageLayout.printArea", (t) => {
      t.sheet.pageLayout.printArea = rectA1(printRect(area, t.sheet));
    });
  }
  /** Whole rows (`$1:$3`) or a Range; stored normalised (`1:3`). */
  setPrintTitleRows(rows: string | FakeRange): void {
    this._method("setPrintTitleRows", "pageLayout.printTitleRows", (t) => {
      const rect = printRect(rows, t.sheet);
      t.sheet.pageLayout.printTitleRows = rectA1({
        row: rect.row,
        rows: rect.rows,
        col: 0,
        cols: MAX_COLS,
      });
    });
  }
}

function printRect(area: string | FakeRange, sheet: SheetState): Rect {
  if (typeof area !== "string") {
    const t = area._resolve();
    if (!t || t.sheet !== sheet) throw fail("InvalidArgument", "(range is not on this sheet)");
    return rectOf(t);
  }
  const { sheet: name, ref } = splitSheet(area);
  if (name !== null && name.toLowerCase() !== sheet.name.toLowerCase())
    throw fail("InvalidArgument", `('${area}')`);
  return parseRef(ref);
}

const page = <K extends keyof FakePageLayoutState>(k: K, check: (v: unknown) => unknown): Spec => ({
  read: (t) => clone(t.sheet.pageLayout[k]),
  write: (t, v) => void (t.sheet.pageLayout[k] = check(v) as FakePageLayoutState[K]),
});
const zoomCheck = (v: unknown): unknown => {
  const z = isObject(v) as Record<string, unknown>;
  const keys = Object.keys(z);
  const ok =
    keys.length > 0 &&
    keys.every((k) => ["scale", "horizontalFitToPages", "verticalFitToPages"].includes(k)) &&
    (z.scale === undefined || (typeof z.scale === "number" && z.scale >= 10 && z.scale <= 400)) &&
    ["horizontalFitToPages", "verticalFitToPages"].every(
      (k) => z[k] === undefined || (Number.isInteger(z[k]) && (z[k] as number) >= 0)
    );
  if (!ok) throw fail("InvalidArgument", `(zoom ${JSON.stringify(v)})`);
  return v;
};
defineProps(
  FakePageLayout,
  "PageLayout",
  {
    orientation: page("orientation", oneOf(ORIENTATIONS)),
    paperSize: page("paperSize", isStr),
    zoom: page("zoom", zoomCheck),
    centerHorizontally: page("centerHorizontally", isBool),
    centerVertically: page("centerVertically", isBool),
    printGridlines: page("printGridlines", isBool),
    printHeadings: page("printHeadings", isBool),
    blackAndWhite: page("blackAndWhite", isBool),
    leftMargin: page("leftMargin", isNum),
    rightMargin: page("rightMargin", isNum),
    topMargin: page("topMargin", isNum),
    bottomMargin: page("bottomMargin", isNum),
    headerMargin: page("headerMargin", isNum),
    footerMargin: page("footerMargin", isNum),
  },
  { api: "1.9", nav: ["headersFooters"] }
);

/** `add(range)` puts a manual page break above the range's first row (not above row 1). */
export class FakePageBreakCollection extends FakeProxy {
  add(pageBreakRange: string | FakeRange): void {
    this._method("add", "horizontalPageBreaks.add", (t) => {
      const rect = printRect(pageBreakRange, t.sheet);
      if (rect.row === 0) throw fail("InvalidArgument", "(a page break cannot be above row 1)");
      const breaks = t.sheet.pageLayout.rowBreaks;
      if (!breaks.includes(rect.row + 1)) breaks.push(rect.row + 1);
    });
  }
}
defineProps(FakePageBreakCollection, "PageBreakCollection", {}, { api: "1.9" });

export class FakeHeaderFooterGroup extends FakeProxy {
  get defaultForAllPages(): FakeHeaderFooter {
    return this._child(
      "defaultForAllPages",
      () =>
        new FakeHeaderFooter(
          this.context,
          () => this._resolve(),
          "pageLayout.headersFooters.defaultForAllPages."
        )
    );
  }
}
defineProps(
  FakeHeaderFooterGroup,
  "HeaderFooterGroup",
  {},
  {
    api: "1.9",
    nav: ["defaultForAllPages"],
  }
);

export class FakeHeaderFooter extends FakeProxy {
  declare leftHeader: string;
  declare centerHeader: string;
  declare rightHeader: string;
  declare leftFooter: string;
  declare centerFooter: string;
  declare rightFooter: string;
}
const hf = (k: keyof FakeHeaderFooterState): Spec => ({
  read: (t) => t.sheet.pageLayout.headersFooters.defaultForAllPages[k],
  write: (t, v) => void (t.sheet.pageLayout.headersFooters.defaultForAllPages[k] = isStr(v)),
});
defineProps(
  FakeHeaderFooter,
  "HeaderFooter",
  {
    leftHeader: hf("leftHeader"),
    centerHeader: hf("centerHeader"),
    rightHeader: hf("rightHeader"),
    leftFooter: hf("leftFooter"),
    centerFooter: hf("centerFooter"),
    rightFooter: hf("rightFooter"),
  },
  { api: "1.9" }
);

// ─── Defined names (workbook.names) ─────────────────────────────────────────────────────────

/** Stands in for "the workbook" as the target sheet of workbook-level objects (never deleted). */
const WORKBOOK = blankSheet(0, "");
const nameTarget = (item: NameState): Target => ({ sheet: WORKBOOK, item });

export class FakeNamedItemCollection extends FakeCollection<FakeNamedItem> {
  constructor(context: FakeRequestContext) {
    super(context, "NamedItemCollection");
  }
  protected _targets(): Target[] {
    return this.context._fake._names.map(nameTarget);
  }
  protected _item(locate: () => Target | null, orNull = false): FakeNamedItem {
    return new FakeNamedItem(this.context, locate, "", orNull);
  }

  getItem(name: string): FakeNamedItem {
    return this._item(() => {
      const item = this.context._fake._findName(name);
      if (!item) throw fail("ItemNotFound", `(name '${name}')`, "NamedItemCollection.getItem");
      return nameTarget(item);
    });
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    const fx = this.context._fake;
    return this._item(() => {
      if (!fx._supports("1.4"))
        throw fail("ApiNotFound", "", "NamedItemCollection.getItemOrNullObject");
      const item = fx._findName(name);
      return item ? nameTarget(item) : null;
    }, true);
  }

  /** `reference`: a Range, or a string such as `=汇总!$A$1`. Logged as `names.add` (sheet ""). */
  add(name: string, reference: FakeRange | string, comment = ""): FakeNamedItem {
    let added: NameState | undefined;
    const fx = this.context._fake;
    this.context._enqueue({
      loc: "NamedItemCollection.add",
      api: "1.4",
      run: () => {
        const ref =
          typeof reference === "string" ? fx._reference(reference, true) : reference._resolve();
        if (!ref?.sheet || !ref.rect) throw fail("InvalidArgument", "(reference)");
        added = fx._addName(name, ref.sheet, ref.rect, comment);
        fx.writeLog.push({ sheet: "", address: name, kind: "names.add" });
      },
    });
    return this._item(() => {
      if (!added) throw fail("ItemNotFound", "(name not added yet)");
      return nameTarget(added);
    });
  }
}

export class FakeNamedItem extends FakeProxy {
  declare readonly name: string;
  declare readonly formula: string;
  declare readonly comment: string;
  declare readonly type: string;
  declare readonly value: string;
  declare readonly visible: boolean;

  /** Logged as `names.delete` with sheet "" and the name as address. */
  delete(): void {
    this._method("delete", "names.delete", (t, fx) => {
      fx._names = fx._names.filter((n) => n !== t.item);
    });
  }

  getRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const item = this._resolve()?.item;
      if (!item) return null;
      if (!item.sheet || !item.rect || item.sheet.deleted) {
        throw fail("InvalidReference", `(name '${item.name}')`, "NamedItem.getRange");
      }
      return { sheet: item.sheet, rect: item.rect };
    });
  }
}
const named = (t: Target): NameState => t.item as NameState;
const isRange = (n: NameState): boolean => n.sheet !== null && !n.sheet.deleted;
export class FakeWorkbook extends FakeProxy {
  declare readonly readOnly: boolean;
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly protection: FakeWorkbookProtection;
  constructor(context: FakeRequestContext) {
    super(context, () => ({ sheet: WORKBOOK }));
    this.worksheets = new FakeWorksheetCollection(context);
    this.names = new FakeNamedItemCollection(context);
    this.protection = new FakeWorkbookProtection(context, () => ({ sheet: WORKBOOK }));
  }
}

/** `workbook.protection` (ExcelApi 1.7): whether the structure is protected. */
export class FakeWorkbookProtection extends FakeProxy {
  declare readonly protected: boolean;

  protect(): void {
    this._method("protect", null, (_, fx) => void (fx.structureProtected = true));
  }

  unprotect(): void {
    this._method("unprotect", null, (_, fx) => void (fx.structureProtected = false));
  }
}

defineProps(FakeWorkbook, "Workbook", {
  readOnly: { api: "1.8", read: (_, fx) => fx.readOnly },
});
defineProps(
  FakeWorkbookProtection,
  "WorkbookProtection",
  { protected: { read: (_, fx) => fx.structureProtected } },
  { api: "1.7" }
);

defineProps(FakeNamedItem, "NamedItem", {
  name: { read: (t) => named(t).name },
  formula: { api: "1.7", read: (t) => nameFormula(named(t)) },
  comment: { api: "1.4", read: (t) => named(t).comment },
  type: { read: (t) => (isRange(named(t)) ? "Range" : "Error") },
  value: { read: (t) => nameFormula(named(t)).replace(/^=/, "") },
  visible: { read: () => true },
});

// ─── Enums installed on the `Excel` global ──────────────────────────────────────────────────

/** A worksheet's id as Excel shows it: a GUID in braces. */
const sheetId = (sheet: { id: number }): string =>
  `{00000000-0001-0000-0000-${String(sheet.id).padStart(12, "0")}}`;

/** `sameKeys(["Excel"])` → `{ Excel: "Excel" }`, the shape of Office's common enums. */
const sameKeys = (values: string[]): Record<string, string> =>
  Object.fromEntries(values.map((v) => [v, v]));

/** `enumOf("Portrait Landscape")` → `{ portrait: "Portrait", landscape: "Landscape" }`, Excel's enum shape. */
const enumOf = (values: string[]): Record<string, string> =>
  Object.fromEntries(values.map((v) => [v.charAt(0).toLowerCase() + v.slice(1), v]));

const EXCEL_ENUMS = {
  PageOrientation: enumOf(ORIENTATIONS),
  PaperType: enumOf(["Letter", "Legal", "A3", "A4", "A5", "B4", "B5"]),
  BorderIndex: enumOf(EDGES),
  BorderLineStyle: enumOf(LINE_STYLES),
  BorderWeight: enumOf(WEIGHTS),
  HorizontalAlignment: enumOf(H_ALIGN),
  VerticalAlignment: enumOf(V_ALIGN),
  SheetVisibility: enumOf(VISIBILITY),
  ClearApplyTo: enumOf(CLEAR),
  RangeValueType: enumOf(["Empty", "String", "Double", "Boolean", "Error"]),
  DataValidationType: enumOf(["None", ...Object.values(RULE_TYPES)]),
  DataValidationOperator: enumOf(
    "Between NotBetween EqualTo NotEqualTo GreaterThan LessThan GreaterThanOrEqualTo LessThanOrEqualTo".split(
      " "
    )
  ),
  DataValidationAlertStyle: enumOf(["Stop", "Warning", "Information"]),
  ErrorCodes: enumOf([...Object.keys(MESSAGES), "PropertyNotLoaded", "GeneralException"]),
};
