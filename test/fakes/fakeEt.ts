/**
 * A test double of the WPS 表格 (ET) object model subset the WPS host uses, with ET's documented
 * semantics: synchronous calls, 1-based collections (`Sheets.Item(1)`; a bad index or name
 * throws), `Value2` as an array of rows (a single cell as a plain value, an error as its COM
 * error number with the error's text in `Text`), `NumberFormat` null when a range is mixed,
 * `Names.Item` throwing for a missing name, sheet structure changes refused (and counted) while
 * the workbook structure is protected. Every call through a range is counted (`calls`).
 */
import type {
  EtApplication,
  EtBorder,
  EtFont,
  EtName,
  EtNames,
  EtPageSetup,
  EtRange,
  EtSheets,
  EtWorkbook,
  EtWorksheet,
} from "../../src/hosts/wps/et";
import { ERROR_VALUES } from "../../src/hosts/wps/et";
import type { CellValue, WorkbookSnapshot } from "../../src/hosts/snapshot";
import { cellAddress, columnIndex } from "../../src/hosts/snapshot";

interface Cell {
  value: unknown;
  formula?: string;
  format?: string;
  font: Partial<EtFont>;
  fill?: number;
  merged?: boolean;
}

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Excel's error numbers (CVErr): COM hands them as −2146826288 + (number − 2000). */
const ERROR_NUMBERS: Record<string, number> = {
  "#NULL!": 2000,
  "#DIV/0!": 2007,
  "#VALUE!": 2015,
  "#REF!": 2023,
  "#NAME?": 2029,
  "#NUM!": 2036,
  "#N/A": 2042,
  "#GETTING_DATA": 2043,
  "#SPILL!": 2045,
  "#CALC!": 2050,
};
const ERROR_CODES = Object.fromEntries(
  Object.entries(ERROR_NUMBERS).map(([text, n]) => [text, -2146826288 + (n - 2000)])
);
// The host's table of the classic ones must agree with these.
for (const [code, text] of Object.entries(ERROR_VALUES))
  if (ERROR_CODES[text] !== Number(code)) throw new Error(`FakeEt: ${text} ≠ ${code}`);

/** `A1`, `B2:D9`, `$A$1:$B$2` → 0-based rectangle. */
function parseAddress(address: string): Rect {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(address.toUpperCase());
  if (!m) throw new Error(`FakeEt: 无效的引用 ${address}`);
  const top = Number(m[2]) - 1;
  const left = columnIndex(m[1]);
  return {
    top,
    left,
    bottom: m[4] ? Number(m[4]) - 1 : top,
    right: m[3] ? columnIndex(m[3]) : left,
  };
}

export class FakeEtSheet implements EtWorksheet {
  Visible: number | boolean = -1;
  ProtectContents = false;
  readonly cells = new Map<string, Cell>();
  readonly merges: Rect[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly PageSetup = {} as EtPageSetup;
  /** Rows (1-based) a manual page break is above, as HPageBreaks.Add placed them. */
  readonly pageBreaks: number[] = [];
  readonly HPageBreaks = {
    get Count(): number {
      return this.owner.pageBreaks.length;
    },
    owner: this as FakeEtSheet,
    Add: (before: EtRange): unknown => {
      const row = (before as FakeEtRange).rect.top + 1;
      if (row < 2) throw new Error("FakeEt: 不能在第 1 行上方分页");
      this.pageBreaks.push(row);
      return { Location: before };
    },
  };
  constructor(
    private readonly book: FakeEtWorkbook,
    private name: string
  ) {}

  get Name(): string {
    return this.name;
  }
  set Name(name: string) {
    if (name === this.name) return;
    this.book.checkStructure();
    if (!name || name.length > 31 || /[\\/?*[\]:]/.test(name))
      throw new Error(`FakeEt: 工作表名称无效 ${name}`);
    if (this.book.sheets.some((s) => s !== this && s.Name === name))
      throw new Error(`FakeEt: 工作表名称已存在 ${name}`);
    this.name = name;
  }

  cell(row: number, column: number, create = false): Cell | undefined {
    const key = `${row},${column}`;
    let cell = this.cells.get(key);
    if (!cell && create) {
      cell = { value: null, font: {} };
      this.cells.set(key, cell);
    }
    return cell;
  }

  get UsedRange(): EtRange {
    const used = [...this.cells.entries()].filter(([, c]) => c.value !== null || c.formula);
    if (used.length === 0) return new FakeEtRange(this, { top: 0, left: 0, bottom: 0, right: 0 });
    const at = used.map(([k]) => k.split(",").map(Number));
    return new FakeEtRange(this, {
      top: Math.min(...at.map(([r]) => r)),
      left: Math.min(...at.map(([, c]) => c)),
      bottom: Math.max(...at.map(([r]) => r)),
      right: Math.max(...at.map(([, c]) => c)),
    });
  }
  get Cells(): EtRange {
    return new FakeEtRange(this, { top: 0, left: 0, bottom: 1048575, right: 16383 });
  }
  Range(address: string): EtRange {
    return new FakeEtRange(this, parseAddress(address));
  }
  Activate(): void {
    this.book.app.activeSheet = this.name;
  }
  Delete(): void {
    this.book.checkStructure();
    this.book.sheets.splice(this.book.sheets.indexOf(this), 1);
  }
}

export class FakeEtRange implements EtRange {
  constructor(
    private readonly sheet: FakeEtSheet,
    readonly rect: Rect
  ) {
    const app = sheet["book"].app;
    app.calls++;
    if (app.failOnSheet === sheet.Name) throw new Error("FakeEt: 远程过程调用失败");
  }

  get Row(): number {
    return this.rect.top + 1;
  }
  get Column(): number {
    return this.rect.left + 1;
  }
  get Rows() {
    return { Count: this.rect.bottom - this.rect.top + 1 };
  }
  get Columns() {
    return { Count: this.rect.right - this.rect.left + 1 };
  }

  /** Cells with content or format in the range (never the whole sheet's emptiness). */
  private *each(create: boolean): Generator<[number, number, Cell | undefined]> {
    const { top, left, bottom, right } = this.rect;
    if (create || (bottom - top + 1) * (right - left + 1) <= 200_000) {
      for (let r = top; r <= bottom; r++)
        for (let c = left; c <= right; c++) yield [r, c, this.sheet.cell(r, c, create)];
      return;
    }
    for (const [key, cell] of this.sheet.cells) {
      const [r, c] = key.split(",").map(Number);
      if (r >= top && r <= bottom && c >= left && c <= right) yield [r, c, cell];
    }
  }

  private grid<T>(read: (cell: Cell | undefined) => T): T[][] {
    const rows: T[][] = [];
    for (let r = this.rect.top; r <= this.rect.bottom; r++) {
      const row: T[] = [];
      for (let c = this.rect.left; c <= this.rect.right; c++) row.push(read(this.sheet.cell(r, c)));
      rows.push(row);
    }
    return rows;
  }

  private single(): boolean {
    return this.rect.top === this.rect.bottom && this.rect.left === this.rect.right;
  }

  get Value2(): unknown {
    const toValue = (cell: Cell | undefined) => {
      const v = cell?.value ?? null;
      if (v && typeof v === "object" && "error" in v)
        return ERROR_CODES[(v as { error: string }).error];
      return v ?? undefined;
    };
    const rows = this.grid(toValue);
    return this.single() ? rows[0][0] : rows;
  }
  set Value2(value: unknown) {
    const rows = Array.isArray(value) ? (value as unknown[][]) : null;
    if (
      rows &&
      (rows.length !== this.Rows.Count || rows.some((r) => r.length !== this.Columns.Count))
    )
      throw new Error("FakeEt: Value2 数组大小与区域不符");
    for (const [r, c, cell] of this.each(true)) {
      const v = rows ? rows[r - this.rect.top][c - this.rect.left] : value;
      (cell as Cell).value = v === undefined || v === "" ? null : v;
      delete (cell as Cell).formula;
    }
  }
  get Text(): unknown {
    const text = (cell: Cell | undefined) => {
      const v = cell?.value;
      if (v && typeof v === "object" && "error" in v) return (v as { error: string }).error;
      return v === null || v === undefined ? "" : String(v);
    };
    return this.single() ? text(this.sheet.cell(this.rect.top, this.rect.left)) : null;
  }
  get Formula(): unknown {
    return this.single() ? (this.sheet.cell(this.rect.top, this.rect.left)?.formula ?? "") : null;
  }
  set Formula(formula: unknown) {
    for (const [, , cell] of this.each(true)) {
      (cell as Cell).formula = String(formula);
      (cell as Cell).value = null; // ET would calculate it; the double does not.
    }
  }
  get NumberFormat(): unknown {
    const formats = new Set(this.grid((cell) => cell?.format ?? "General").flat());
    return formats.size === 1 ? [...formats][0] : null;
  }
  set NumberFormat(format: unknown) {
    for (const [, , cell] of this.each(true)) (cell as Cell).format = String(format);
  }

  get Font(): EtFont {
    const set = (key: keyof EtFont) => (v: unknown) => {
      for (const [, , cell] of this.each(true))
        ((cell as Cell).font as Record<string, unknown>)[key] = v;
    };
    const get = (key: keyof EtFont) => () =>
      this.sheet.cell(this.rect.top, this.rect.left)?.font[key];
    const font = {} as EtFont;
    for (const key of ["Name", "Size", "Bold", "Italic", "Color"] as const)
      Object.defineProperty(font, key, { get: get(key), set: set(key) });
    return font;
  }
  get Interior(): { Color: number } {
    const range = this;
    return {
      get Color() {
        return range.sheet.cell(range.rect.top, range.rect.left)?.fill ?? 16777215;
      },
      set Color(v: number) {
        for (const [, , cell] of range.each(true)) (cell as Cell).fill = v;
      },
    };
  }
  get Borders(): EtBorder & { Item(index: number): EtBorder } {
    const border = { LineStyle: 0, Weight: 0 };
    return { ...border, Item: () => ({ ...border }) };
  }
  HorizontalAlignment = 1;
  VerticalAlignment = -4107;
  WrapText = false;
  get ColumnWidth(): number {
    return this.sheet.columnWidths.get(this.rect.left) ?? 8.38;
  }
  set ColumnWidth(width: number) {
    for (let c = this.rect.left; c <= this.rect.right; c++) this.sheet.columnWidths.set(c, width);
  }
  get RowHeight(): number {
    return this.sheet.rowHeights.get(this.rect.top) ?? 13.5;
  }
  set RowHeight(height: number) {
    for (let r = this.rect.top; r <= this.rect.bottom; r++) this.sheet.rowHeights.set(r, height);
  }
  Merge(): void {
    this.sheet.merges.push({ ...this.rect });
  }
  UnMerge(): void {
    const { top, left, bottom, right } = this.rect;
    const inside = (m: Rect) =>
      m.top >= top && m.bottom <= bottom && m.left >= left && m.right <= right;
    for (let i = this.sheet.merges.length - 1; i >= 0; i--)
      if (inside(this.sheet.merges[i])) this.sheet.merges.splice(i, 1);
  }
  Clear(): void {
    for (const [r, c] of this.each(false)) this.sheet.cells.delete(`${r},${c}`);
    this.UnMerge();
  }
  Select(): void {
    this.sheet["book"].app.selection = {
      sheet: this.sheet.Name,
      address: cellAddress(this.rect.top, this.rect.left),
    };
  }
}

class FakeEtNames implements EtNames {
  readonly items = new Map<string, string>();
  get Count(): number {
    return this.items.size;
  }
  Item(index: number | string): EtName {
    const name = typeof index === "number" ? [...this.items.keys()][index - 1] : index;
    const refersTo = name === undefined ? undefined : this.items.get(name);
    if (name === undefined || refersTo === undefined)
      throw new Error(`FakeEt: 找不到名称 ${index}`);
    return { Name: name, RefersTo: refersTo, Delete: () => void this.items.delete(name) };
  }
  Add(name: string, refersTo: string): EtName {
    this.items.set(name, refersTo);
    return this.Item(name);
  }
}

export class FakeEtWorkbook implements EtWorkbook {
  readonly sheets: FakeEtSheet[] = [];
  /** Chart sheets: in `Sheets`, not in `Worksheets`; they have no cells (UsedRange throws). */
  readonly chartSheets: { Name: string; Visible: number }[] = [];
  readonly Names = new FakeEtNames();
  ProtectStructure = false;
  ReadOnly = false;
  /** The file's name; none until a test gives one. */
  Name?: string;
  constructor(readonly app: FakeEt) {}

  checkStructure(): void {
    if (this.ProtectStructure) throw new Error("FakeEt: 工作簿受保护，不能更改结构");
  }

  /** Every sheet, chart sheets after the worksheets. */
  get Sheets(): EtSheets {
    return this.collection(() => [
      ...this.sheets,
      ...this.chartSheets.map(
        (chart) =>
          ({
            ...chart,
            get UsedRange(): never {
              throw new Error("FakeEt: 图表工作表没有单元格");
            },
          }) as unknown as EtWorksheet
      ),
    ]);
  }

  get Worksheets(): EtSheets {
    return this.collection(() => this.sheets);
  }

  private collection(items: () => EtWorksheet[]): EtSheets {
    const book = this;
    return {
      get Count() {
        return items().length;
      },
      Item(index: number | string): EtWorksheet {
        const list = items();
        const sheet =
          typeof index === "number" ? list[index - 1] : list.find((s) => s.Name === index);
        if (!sheet) throw new Error(`FakeEt: 下标越界 ${index}`);
        return sheet;
      },
      Add(before?: EtWorksheet | null, after?: EtWorksheet | null): EtWorksheet {
        book.checkStructure();
        let n = book.sheets.length + 1;
        while (book.sheets.some((s) => s.Name === `Sheet${n}`)) n++;
        const sheet = new FakeEtSheet(book, `Sheet${n}`);
        const at = after
          ? book.sheets.indexOf(after as FakeEtSheet) + 1
          : before
            ? book.sheets.indexOf(before as FakeEtSheet)
            : 0;
        book.sheets.splice(at, 0, sheet);
        return sheet;
      },
    };
  }
}

export class FakeEt implements EtApplication {
  ActiveWorkbook: FakeEtWorkbook | null;
  DisplayAlerts = true;
  /** Ranges made (each is a call into ET). */
  calls = 0;
  /** When set, every range on this sheet fails (WPS failing in the middle of a write). */
  failOnSheet: string | null = null;
  activeSheet: string | null = null;
  selection: { sheet: string; address: string } | null = null;

  constructor() {
    this.ActiveWorkbook = new FakeEtWorkbook(this);
  }

  /** A workbook holding what the snapshot holds: values (errors as errors) and number formats. */
  static fromSnapshot(snapshot: WorkbookSnapshot): FakeEt {
    const et = new FakeEt();
    const book = et.ActiveWorkbook as FakeEtWorkbook;
    for (const s of snapshot.sheets) {
      const sheet = new FakeEtSheet(book, s.name);
      if (s.hidden) sheet.Visible = 0;
      s.values.forEach((row, r) =>
        row.forEach((v: CellValue, c) => {
          const format = s.numberFormats?.[r]?.[c];
          if (v === null && !format) return;
          const cell = sheet.cell(s.top + r, s.left + c, true) as Cell;
          cell.value = v;
          if (format) cell.format = format;
        })
      );
      book.sheets.push(sheet);
    }
    return et;
  }

  sheet(name: string): FakeEtSheet {
    return (this.ActiveWorkbook as FakeEtWorkbook).Worksheets.Item(name) as unknown as FakeEtSheet;
  }
}
