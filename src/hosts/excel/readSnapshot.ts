/**
 * Excel JS API adapter, read side. Reads every sheet's used range (values, number formats,
 * value types) in one batch and one `context.sync()`, whatever the row count. Sheets not
 * known from the previous read cost one more sync (the first read of a session). Only when
 * Excel on the web refuses a response over its 5 MB limit does it fall back to row blocks.
 * Our own summaries are not read, hidden sheets only within HIDDEN_WINDOW.
 */
import { normalizeSheet } from "../normalize";
import { OWNER_NAMES, ROLES, type SheetRole, outputSheets, sheetFromReference } from "../ownership";
import {
  type CellValue,
  HIDDEN_WINDOW,
  type MergedArea,
  type SheetSnapshot,
  type WorkbookProtection,
  type WorkbookSnapshot,
  columnIndex,
  rangeAddress,
} from "../snapshot";

/** Rows per block when a sheet is too large for one response … */
export const BLOCK_ROWS = 5000;
/** … and cells per block (Excel refuses a range of over 5,000,000: `RangeExceedsLimit`). */
export const BLOCK_CELLS = 1_000_000;

interface UsedRead {
  name: string;
  range: Excel.Range;
  /** Its merged areas (ExcelApi 1.13), where asked for. */
  merged?: Excel.RangeAreas;
}

function isPayloadError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return (
    code === "ResponsePayloadSizeLimitExceeded" ||
    code === "RequestPayloadSizeLimitExceeded" ||
    code === "PayloadTooLarge" ||
    code === "RangeExceedsLimit"
  );
}

function isMissingItem(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === "ItemNotFound" || code === "InvalidReference";
}

function toCell(value: unknown, type: string | undefined): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (type === "Error") return { error: String(value) };
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  return String(value);
}

/**
 * `Sheet1!A1:B4, Sheet1!D1:D4` (RangeAreas.address) → the areas; the part after the last `!` of
 * each never holds a comma, whatever the sheet's name.
 */
export function mergedAreasOf(address: string): MergedArea[] {
  const areas: MergedArea[] = [];
  for (const m of address.matchAll(/!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/g)) {
    const [, c1, r1, c2, r2] = m as unknown as [string, string, string, string?, string?];
    const top = Number(r1) - 1;
    const left = columnIndex(c1);
    const area = {
      top,
      left,
      bottom: r2 ? Number(r2) - 1 : top,
      right: c2 ? columnIndex(c2) : left,
    };
    if (area.bottom > area.top || area.right > area.left) areas.push(area);
  }
  return areas;
}

/** The merged areas read with a range, on the snapshot as the package reader gives them. */
function withMerges(sheet: SheetSnapshot, merged: Excel.RangeAreas | undefined): SheetSnapshot {
  if (!merged || merged.isNullObject || sheet.values.length === 0) return sheet;
  const merges = mergedAreasOf(merged.address);
  return merges.length > 0 ? { ...sheet, merges } : sheet;
}

function toSheet({ name, range, merged }: UsedRead): SheetSnapshot {
  if (range.isNullObject) return { name, top: 0, left: 0, values: [], numberFormats: [] };
  const values = range.values.map((row, r) =>
    row.map((v, c) => toCell(v, range.valueTypes[r]?.[c]))
  );
  const sheet = normalizeSheet(
    name,
    range.rowIndex,
    range.columnIndex,
    values,
    range.numberFormat as string[][]
  );
  return withMerges(sheet, merged);
}

/** Where a hidden sheet is read (see HIDDEN_WINDOW in snapshot.ts). */
export const HIDDEN_RANGE = rangeAddress(HIDDEN_WINDOW);

/**
 * Queues a load of a sheet's used range — of a hidden one only within HIDDEN_WINDOW. `orNull`
 * for a name remembered from the last read, which may have gone.
 */
function queueUsedRange(
  context: Excel.RequestContext,
  name: string,
  hidden: boolean,
  { orNull = false, merges = false }: { orNull?: boolean; merges?: boolean } = {}
): UsedRead {
  const sheets = context.workbook.worksheets;
  const sheet = orNull ? sheets.getItemOrNullObject(name) : sheets.getItem(name);
  const range = hidden
    ? sheet.getRange(HIDDEN_RANGE).getUsedRangeOrNullObject(true)
    : sheet.getUsedRangeOrNullObject(true);
  range.load("values, numberFormat, valueTypes, rowIndex, columnIndex");
  // Hidden sheets are never input tables: their merges are not needed.
  return { name, range, merged: merges && !hidden ? queueMerges(range) : undefined };
}

/** Queues a load of the merged areas whose first cell lies in the range (ExcelApi 1.13). */
function queueMerges(range: Excel.Range): Excel.RangeAreas {
  const merged = range.getMergedAreasOrNullObject();
  merged.load("address");
  return merged;
}

/**
 * Reads large sheets in row blocks: one sync for their sizes, then one per block of up to
 * BLOCK_ROWS rows (fewer when a block's response would still be too large).
 */
async function readInBlocks(
  context: Excel.RequestContext,
  names: readonly string[],
  merges: boolean
): Promise<SheetSnapshot[]> {
  const sizes = names.map((name) => {
    const range = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
    range.load("rowIndex, columnIndex, rowCount, columnCount");
    return { name, range, merged: merges ? queueMerges(range) : undefined };
  });
  await context.sync();
  const sheets: SheetSnapshot[] = [];
  for (const { name, range, merged } of sizes) {
    if (range.isNullObject) {
      sheets.push({ name, top: 0, left: 0, values: [], numberFormats: [] });
      continue;
    }
    const sheet = context.workbook.worksheets.getItem(name);
    const values: CellValue[][] = [];
    const formats: string[][] = [];
    // One sync per block, each block queued just before its sync (a load queued earlier would
    // ride along in the first response); a block still too large is halved and read again.
    // A wide sheet gets fewer rows per block: blocks are sized by cells, not rows alone.
    let rows = Math.max(1, Math.min(BLOCK_ROWS, Math.floor(BLOCK_CELLS / range.columnCount)));
    for (let start = 0; start < range.rowCount;) {
      const count = Math.min(rows, range.rowCount - start);
      const block = sheet.getRangeByIndexes(
        range.rowIndex + start,
        range.columnIndex,
        count,
        range.columnCount
      );
      block.load("values, numberFormat, valueTypes");
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- each block must be its own response
        await context.sync();
      } catch (error) {
        if (!isPayloadError(error) || count === 1) throw error;
        rows = Math.ceil(count / 2);
        continue;
      }
      const types = block.valueTypes;
      block.values.forEach((row, r) => values.push(row.map((v, c) => toCell(v, types[r]?.[c]))));
      formats.push(...(block.numberFormat as string[][]));
      start += count;
    }
    const read = normalizeSheet(name, range.rowIndex, range.columnIndex, values, formats);
    sheets.push(withMerges(read, merged));
  }
  return sheets;
}

export type MarkerReads = { role: SheetRole; item: Excel.NamedItem }[];

/** Queues a load of the ownership markers (resolved after the next sync). */
export function queueMarkers(context: Excel.RequestContext): MarkerReads {
  return ROLES.map((role) => {
    const item = context.workbook.names.getItemOrNullObject(OWNER_NAMES[role]);
    item.load("formula");
    return { role, item };
  });
}

/** After the sync: the sheet each marker points to, if that sheet still exists. */
export function ownedFromMarkers(
  markers: MarkerReads,
  sheetNames: readonly string[]
): Record<SheetRole, string | null> {
  const owned = {} as Record<SheetRole, string | null>;
  for (const { role, item } of markers) {
    const marked = item.isNullObject ? null : sheetFromReference(item.formula);
    owned[role] = marked !== null && sheetNames.includes(marked) ? marked : null;
  }
  return owned;
}

/**
 * Queues the workbook's protection (ExcelApi 1.7) and, where the host has it (ExcelApi 1.8),
 * its read-only flag; read after the next sync.
 */
function queueProtection(
  context: Excel.RequestContext,
  withReadOnly: boolean
): () => WorkbookProtection {
  const protection = context.workbook.protection;
  protection.load("protected");
  if (withReadOnly) context.workbook.load("readOnly");
  return () => ({
    structure: protection.protected === true,
    readOnly: withReadOnly && context.workbook.readOnly === true,
  });
}

/** Our own sheets' snapshot: their cells are never input, so they are not read. */
const unread = (name: string): SheetSnapshot => ({
  name,
  top: 0,
  left: 0,
  values: [],
  numberFormats: [],
});

/** Enters the summaries this tool wrote as unread (see `unread`); returns their names. */
function enterUnread(
  owned: Record<SheetRole, string | null>,
  byName: Map<string, SheetSnapshot>
): string[] {
  const ours = outputSheets(owned);
  for (const name of ours) byName.set(name, unread(name));
  return ours;
}

/** What the previous read learnt, so that this one takes a single sync. */
export interface ReadPlan {
  /** Sheet names from the previous read: their ranges are read with the sheet list. */
  known?: readonly string[];
  /** Those of them that were hidden. */
  hidden?: readonly string[];
  /** The summaries this tool wrote, as the last read found them: not read. */
  own?: readonly string[];
  /** The host has `workbook.readOnly` (ExcelApi 1.8). */
  withReadOnly?: boolean;
  /** The host has `Range.getMergedAreasOrNullObject` (ExcelApi 1.13): merges are read. */
  withMerges?: boolean;
}

export interface ReadOutcome {
  snapshot: WorkbookSnapshot;
  sheetNames: string[];
  hiddenNames: string[];
  sheetIds: Record<string, string>;
}

/** What a read has gathered: the sheets' names, our own sheets, and each sheet read. */
interface Gathered {
  names: string[];
  owned: Record<SheetRole, string | null>;
  byName: Map<string, SheetSnapshot>;
}

type Sheets = Excel.WorksheetCollection;

const isHiddenIn = (sheets: Sheets) => (name: string) =>
  sheets.items.find((s) => s.name === name)?.visibility !== "Visible";

/** What a synced sheet list says: names, which are hidden, our own sheets (entered unread). */
function listedSheets(sheets: Sheets, markers: MarkerReads) {
  const names = sheets.items.map((s) => s.name);
  const owned = ownedFromMarkers(markers, names);
  const byName = new Map<string, SheetSnapshot>();
  const ours = enterUnread(owned, byName);
  return { isHidden: isHiddenIn(sheets), names, owned, byName, ours };
}

/**
 * The common path: the sheet list with the ranges of the sheets known from last time in one
 * sync, then (first read of a session, or sheets added since) the others' in one more.
 */
async function readListed(
  context: Excel.RequestContext,
  markers: MarkerReads,
  { known = [], hidden = [], own = [], withMerges: merges = false }: ReadPlan
): Promise<Gathered> {
  const sheets = context.workbook.worksheets;
  const guessed = known
    .filter((name) => !own.includes(name))
    .map((name) => queueUsedRange(context, name, hidden.includes(name), { orNull: true, merges }));
  await context.sync();
  const { isHidden, names, owned, byName, ours } = listedSheets(sheets, markers);
  for (const g of guessed) {
    // A sheet shown again since the last read was read only in its window: read it whole.
    const windowOnly = hidden.includes(g.name) && !isHidden(g.name);
    if (names.includes(g.name) && !ours.includes(g.name) && !windowOnly)
      byName.set(g.name, toSheet(g));
  }
  const missing = names.filter((n) => !byName.has(n));
  if (missing.length > 0) {
    const reads = missing.map((name) => queueUsedRange(context, name, isHidden(name), { merges }));
    await context.sync();
    for (const r of reads) byName.set(r.name, toSheet(r));
  }
  return { names, owned, byName };
}

/** Excel on the web refused a response over 5 MB: the list again, visible sheets in blocks. */
async function readRefused(
  context: Excel.RequestContext,
  markers: MarkerReads,
  merges: boolean
): Promise<Gathered> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name, items/visibility, items/id");
  for (const m of markers) m.item.load("formula");
  await context.sync();
  const { isHidden, names, owned, byName, ours } = listedSheets(sheets, markers);
  const inputs = names.filter((n) => !ours.includes(n));
  const windows = inputs.filter(isHidden).map((n) => queueUsedRange(context, n, true));
  for (const sheet of await readInBlocks(
    context,
    inputs.filter((n) => !isHidden(n)),
    merges
  ))
    byName.set(sheet.name, sheet);
  for (const r of windows) byName.set(r.name, toSheet(r));
  return { names, owned, byName };
}

/**
 * Reads the workbook: every sheet's used range in the sync that lists the sheets when the
 * names are known from the previous read (else one more sync). Not read: our own summaries
 * (at 10,000 projects two thirds of what a read would carry), and hidden sheets beyond
 * HIDDEN_RANGE (they are never input; only a 评分标准 sheet is read from them).
 */
export async function readSnapshot(
  context: Excel.RequestContext,
  plan: ReadPlan = {}
): Promise<ReadOutcome> {
  const { known = [], own = [], withReadOnly = false, withMerges = false } = plan;
  const sheets = context.workbook.worksheets;
  sheets.load("items/name, items/visibility, items/id");
  // The ownership markers and the protection ride along in the same sync.
  const markers = queueMarkers(context);
  let protection = queueProtection(context, withReadOnly);
  let gathered: Gathered;
  try {
    gathered = await readListed(context, markers, plan);
  } catch (error) {
    // A sheet remembered from last time was deleted or renamed: read afresh.
    if (known.length > 0 && isMissingItem(error))
      return readSnapshot(context, { own, withReadOnly, withMerges });
    if (!isPayloadError(error)) throw error;
    protection = queueProtection(context, withReadOnly);
    gathered = await readRefused(context, markers, withMerges);
  }
  const { names, owned, byName } = gathered;
  const hiddenNames = names.filter(isHiddenIn(sheets));
  for (const name of hiddenNames) {
    const sheet = byName.get(name);
    if (sheet) byName.set(name, { ...sheet, hidden: true });
  }
  return {
    snapshot: {
      sheets: names.map((n) => byName.get(n) as SheetSnapshot),
      ownedSheets: owned,
      protection: protection(),
    },
    sheetNames: names,
    hiddenNames,
    sheetIds: Object.fromEntries(sheets.items.map((s) => [s.name, s.id])),
  };
}
