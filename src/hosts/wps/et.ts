/**
 * The subset of WPS 表格's ET object model (JS API of WPS 加载项) the WPS host uses. It is
 * synchronous and VBA-like: 1-based collections (`Sheets.Item(1)`), `Range.Value2` as an array
 * of rows (a single cell as a plain value), colours as BGR numbers, Excel's constants.
 * Failures are thrown as ordinary exceptions.
 */
export interface EtFont {
  Name: string;
  Size: number;
  Bold: boolean;
  Italic: boolean;
  /** BGR: r + g·256 + b·65536. */
  Color: number;
}

export interface EtBorder {
  LineStyle: number;
  Weight: number;
}

export interface EtRange {
  /** 1-based. */
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  Value2: unknown;
  /** What the cell shows (an error's text, e.g. `#DIV/0!`). */
  readonly Text: unknown;
  Formula: unknown;
  NumberFormat: unknown;
  readonly Font: EtFont;
  readonly Interior: { Color: number };
  readonly Borders: EtBorder & { Item(index: number): EtBorder };
  HorizontalAlignment: number;
  VerticalAlignment: number;
  WrapText: boolean;
  ColumnWidth: number;
  RowHeight: number;
  Merge(across?: boolean): void;
  UnMerge(): void;
  Clear(): void;
  Select(): void;
}

export interface EtPageSetup {
  PaperSize: number;
  Orientation: number;
  Zoom: number | boolean;
  FitToPagesWide: number | boolean;
  FitToPagesTall: number | boolean;
  PrintArea: string;
  PrintTitleRows: string;
  CenterHeader: string;
  CenterFooter: string;
  LeftFooter: string;
  RightFooter: string;
  CenterHorizontally: boolean;
  PrintGridlines: boolean;
  LeftMargin: number;
  RightMargin: number;
  TopMargin: number;
  BottomMargin: number;
  HeaderMargin: number;
  FooterMargin: number;
}

export interface EtWorksheet {
  Name: string;
  /** xlSheetVisible −1, hidden 0, very hidden 2 (some builds may say true / false). */
  Visible: number | boolean;
  /** The sheet's own protection (保护工作表). */
  readonly ProtectContents: boolean;
  readonly UsedRange: EtRange;
  readonly Cells: EtRange;
  readonly PageSetup: EtPageSetup;
  /** Manual page breaks: `Add(range)` breaks above the range's first row. */
  readonly HPageBreaks: { readonly Count: number; Add(before: EtRange): unknown };
  Range(address: string): EtRange;
  Activate(): void;
  Delete(): void;
}

export interface EtSheets {
  readonly Count: number;
  Item(index: number | string): EtWorksheet;
  /** Before, After, Count, Type — pass null for the ones not given. */
  Add(before?: EtWorksheet | null, after?: EtWorksheet | null): EtWorksheet;
}

export interface EtName {
  readonly Name: string;
  readonly RefersTo: string;
  Delete(): void;
}

export interface EtNames {
  readonly Count: number;
  Item(index: number | string): EtName;
  Add(name: string, refersTo: string): EtName;
}

export interface EtWorkbook {
  /** Every sheet, chart sheets included. */
  readonly Sheets: EtSheets;
  /** Worksheets only (chart sheets have no cells). */
  readonly Worksheets: EtSheets;
  readonly Names: EtNames;
  /** 保护工作簿 (structure). */
  readonly ProtectStructure: boolean;
  readonly ReadOnly: boolean;
  /** The file's name (`某局2022年度绩效自评.xlsx`; `工作簿1` before it is saved). */
  readonly Name?: string;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  DisplayAlerts: boolean;
}

/** Excel's constants as ET takes them (WPS's Application.Enum may be missing). */
export const XL = {
  visible: -1,
  left: -4131,
  center: -4108,
  right: -4152,
  top: -4160,
  bottom: -4107,
  continuous: 1,
  thin: 2,
  medium: -4138,
  edgeBottom: 9,
  portrait: 1,
  landscape: 2,
  paperA4: 9,
} as const;

/** `#RRGGBB` → ET's BGR number. */
export function bgr(hex: string): number {
  const n = Number.parseInt(hex.replace(/^#/, ""), 16);
  return ((n >> 16) & 0xff) + ((n >> 8) & 0xff) * 256 + (n & 0xff) * 65536;
}

/** Value2 of any range as rows: a single cell comes back as a plain value. */
export function rowsOf(value: unknown): unknown[][] {
  if (!Array.isArray(value)) return [[value]];
  return value.map((row) => (Array.isArray(row) ? row : [row]));
}

/** Whether a sheet's Visible value means hidden (0, 2, or false). */
export function isHiddenSheet(visible: number | boolean): boolean {
  return visible === 0 || visible === 2 || visible === false;
}

/** COM's error values (CVErr) lie just above −2146826300: newer ones (#SPILL!, #CALC!) too. */
export function isErrorNumber(value: number): boolean {
  return Number.isInteger(value) && value >= -2146826300 && value <= -2146826200;
}

/**
 * ET's error values as COM hands them (CVErr: 0x800A07D0 + code, as negative numbers), to the
 * text Excel shows. A number equal to one of these in a cell whose Text is the error's is an error.
 */
export const ERROR_VALUES: Record<number, string> = {
  [-2146826288]: "#NULL!",
  [-2146826281]: "#DIV/0!",
  [-2146826273]: "#VALUE!",
  [-2146826265]: "#REF!",
  [-2146826259]: "#NAME?",
  [-2146826252]: "#NUM!",
  [-2146826246]: "#N/A",
};
