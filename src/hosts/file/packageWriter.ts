/**
 * Writing the add-in's own sheet into an existing .xlsx package without re-serialising it.
 *
 * ExcelJS drops what it does not model (charts, pivot tables, VBA, …; see preservation.ts)
 * when it writes a whole workbook back. Here only the one sheet is written (sheetXml.ts renders
 * the layout straight to SpreadsheetML) and merged into the original zip:
 *
 * - the sheet XML becomes a new part (or replaces our earlier summary's part in place, keeping
 *   its tab position, relationship id and sheet id);
 * - its cell formats are appended to the original `styles.xml` (an identical font, fill,
 *   border, number format or cell format already there is reused; nothing there changes);
 * - its text is written as inline strings, so `sharedStrings.xml` is not touched;
 * - `workbook.xml`, `workbook.xml.rels` and `[Content_Types].xml` list the new sheet, its print
 *   area and titles, and the ownership marker.
 *
 * Every other zip entry keeps its bytes, compressed data and headers (zipPackage.ts copies them),
 * but for `docProps/app.xml`, whose list of sheet titles gains the new sheet's, and Excel's
 * calculation chain, dropped when our earlier sheet is replaced (Excel rebuilds it).
 *
 * Anything this writer does not expect (a strict-OOXML package, a missing styles part) throws a
 * `PackageWriteError` before anything is produced; the caller can then fall back to writing the
 * whole workbook with ExcelJS.
 */
import type { SheetLayout } from "../../layout/sheetLayout";
import { type WritePlan, planSummaryWrite, referenceTo, sheetFromReference } from "../ownership";
import { StructureProtectedError } from "../port";
import {
  FIRST_CUSTOM_NUMFMT,
  type StyleParts,
  printNames,
  sheetStyles,
  worksheetCompressed,
  xmlAttr,
  xmlText,
} from "./sheetXml";
import { ZipError, ZipPackage } from "./zipPackage";
import { relsPathOf, resolveTarget } from "./packagePaths";
import { decodeEntities } from "./xmlCursor";

export class PackageWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PackageWriteError";
  }
}

/** Where one layout went. */
export interface SheetWriteResult {
  /** The sheet written. */
  sheet: string;
  /** Our earlier sheet was replaced (in place). */
  replaced: boolean;
  /** A sheet we did not create holds the preferred name; we wrote beside it. */
  besideForeign?: string;
  /** Our earlier sheet, renamed by the user: left with the earlier result. */
  keptRenamed?: string;
}

export interface PackageWriteResult extends SheetWriteResult {
  /** The new package. */
  data: Uint8Array;
}

const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const REL_WORKSHEET = `${NS_REL}/worksheet`;
const NS_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const NS_CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types";
const CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const CONTENT_TYPES = "[Content_Types].xml";
/** The defined names ExcelJS writes for a sheet's print setup. */
const PRINT_NAMES = new Set(["_xlnm.Print_Area", "_xlnm.Print_Titles"]);

// ---- Small XML helpers (the parts are machine-written; no general XML parser is needed) ----

/** Attributes of a start tag's inside (`name="a" r:id="b"`), unescaped, by qualified name. */
function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out.set(m[1] as string, decodeEntities(m[2] ?? m[3] ?? ""));
  return out;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

interface Element {
  xml: string;
  attrs: string;
  body: string;
  index: number;
}

/**
 * `<p:name ...>...</p:name>` and `<p:name .../>` elements (not nested in themselves), in one
 * pass: each start tag is paired with the first end tag after it, found by a search that never
 * goes back over the text, so thousands of unclosed tags cost no more than closed ones.
 */
function elements(xml: string, qname: string): Element[] {
  const open = `<${qname}`;
  const close = `</${qname}>`;
  const out: Element[] = [];
  let closeAt = -2; // the next end tag at or after the last search; -1: none left
  let at = 0;
  for (;;) {
    const start = xml.indexOf(open, at);
    if (start < 0) break;
    const after = xml.charAt(start + open.length);
    const tagEnd = /[\s/>]/.test(after) ? xml.indexOf(">", start + open.length) : -1;
    if (tagEnd < 0) {
      if (after === "") break;
      at = start + open.length;
      continue;
    }
    const selfClosing = xml.charAt(tagEnd - 1) === "/";
    const attrs = xml.slice(start + open.length, selfClosing ? tagEnd - 1 : tagEnd);
    if (selfClosing) {
      out.push({ xml: xml.slice(start, tagEnd + 1), attrs, body: "", index: start });
      at = tagEnd + 1;
      continue;
    }
    if (closeAt !== -1 && closeAt < tagEnd) closeAt = xml.indexOf(close, tagEnd);
    if (closeAt < 0) {
      // No end tag after this one: only self-closing elements can follow.
      at = tagEnd + 1;
      continue;
    }
    const end = closeAt + close.length;
    out.push({
      xml: xml.slice(start, end),
      attrs,
      body: xml.slice(tagEnd + 1, closeAt),
      index: start,
    });
    at = end;
  }
  return out;
}

/** The first `qname` element, or null. */
function element(xml: string, qname: string): Element | null {
  return elements(xml, qname)[0] ?? null;
}

/** The prefix (with its colon, or "") the root element uses for `namespace`. */
function rootPrefix(xml: string, rootName: string, namespace: string): string {
  const root = new RegExp(`<(?:([\\w.-]+):)?${rootName}[\\s>]`).exec(xml);
  if (!root) throw new PackageWriteError(`找不到 <${rootName}> 元素`);
  const prefix = root[1];
  const declared = prefix
    ? new RegExp(`xmlns:${escapeRegExp(prefix)}="${escapeRegExp(namespace)}"`).test(xml)
    : new RegExp(`xmlns="${escapeRegExp(namespace)}"`).test(xml);
  if (!declared) {
    if (xml.includes(NS_STRICT)) throw new PackageWriteError("不支持 Strict Open XML 格式");
    throw new PackageWriteError(`<${rootName}> 的命名空间不是 ${namespace}`);
  }
  return prefix ? `${prefix}:` : "";
}

/** Adds `prefix` to every element name of an unprefixed fragment. */
function withPrefix(fragment: string, prefix: string): string {
  return prefix ? fragment.replace(/<(\/?)(?=[A-Za-z_])/g, `<$1${prefix}`) : fragment;
}

/** Replaces or adds `count="…"` in a start tag's attributes. */
function withCount(attrs: string, count: number): string {
  return /\scount\s*=\s*["'][^"']*["']/.test(attrs)
    ? attrs.replace(/(\scount\s*=\s*)["'][^"']*["']/, `$1"${count}"`)
    : `${attrs} count="${count}"`;
}

const attrPatterns = new Map<string, RegExp>();

function setAttr(tag: string, name: string, value: string | number): string {
  let re = attrPatterns.get(name);
  if (!re) {
    re = new RegExp(`(\\s${escapeRegExp(name)}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
    attrPatterns.set(name, re);
  }
  return re.test(tag) ? tag.replace(re, `$1"${value}"`) : tag;
}

// ---- Package paths ----

/** `xl/worksheets/sheet6.xml` relative to `xl/workbook.xml` → `worksheets/sheet6.xml`. */
function relativeTarget(fromPart: string, toPart: string): string {
  const dir = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let i = 0;
  while (i < dir.length && i < to.length - 1 && dir[i] === to[i]) i++;
  return [...dir.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

function relationships(xml: string): Relationship[] {
  return elements(xml, "Relationship").map((e) => {
    const a = attributes(e.attrs);
    return {
      id: a.get("Id") ?? "",
      type: a.get("Type") ?? "",
      target: a.get("Target") ?? "",
      external: a.get("TargetMode") === "External",
    };
  });
}

/** The part's text, ready to edit; a PackageWriteError when the package lacks it. */
function required(zip: ZipPackage, part: string): string {
  const text = zip.text(part);
  if (text === null) throw new PackageWriteError(`缺少 ${part}`);
  return editable(text, part);
}

/** Removes every `open … close` span (comments, processing instructions) in one pass. */
function without(xml: string, open: string, close: string, keepFirstAt = -1): string {
  let out = "";
  let at = 0;
  for (;;) {
    const start = xml.indexOf(open, at);
    if (start < 0) return out + xml.slice(at);
    const end = xml.indexOf(close, start + open.length);
    if (end < 0) throw new PackageWriteError("XML 中有未结束的注释或处理指令");
    out += xml.slice(at, start === keepFirstAt ? end + close.length : start);
    at = end + close.length;
  }
}

/**
 * A part as this writer edits it: comments and processing instructions (but the XML
 * declaration) removed — Excel ignores them, and a tag inside a comment must never be taken for
 * a real one (`<!-- <sheets></sheets> -->`); CDATA, which Excel does not write in these parts,
 * is refused.
 */
function editable(xml: string, part: string): string {
  if (xml.includes("<![CDATA[")) throw new PackageWriteError(`${part} 中有 CDATA 段`);
  if (!xml.includes("<!--") && !xml.includes("<?")) return xml;
  const declaration = /^\uFEFF?\s*<\?xml[\s?]/.test(xml) ? xml.indexOf("<?") : -1;
  return without(without(xml, "<!--", "-->"), "<?", "?>", declaration);
}

// ---- Styles ----

interface Section {
  /** The whole element, or null when the styles part lacks it. */
  element: Element | null;
  children: string[];
}

function section(xml: string, prefix: string, name: string, child: string): Section {
  const el = element(xml, `${prefix}${name}`);
  return {
    element: el,
    children: el ? elements(el.body, `${prefix}${child}`).map((c) => c.xml) : [],
  };
}

/** Drops the namespace prefix of a fragment so that fragments compare across parts. */
function withoutPrefix(fragment: string, prefix: string): string {
  return prefix ? fragment.split(`<${prefix}`).join("<").split(`</${prefix}`).join("</") : fragment;
}

/**
 * Where each fragment (unprefixed) of the original styles' sections is, and what the sheet adds
 * after them: a fragment already there is reused, a new one appended once.
 */
class StyleIndex {
  readonly additions = new Map<string, string[]>();
  private readonly known = new Map<Section, Map<string, number>>();
  constructor(private readonly prefix: string) {}

  /** Index of `fragment` among `sec`'s children (`name`: the section), appending it if new. */
  indexIn(name: string, sec: Section, fragment: string): number {
    const existing = this.childrenOf(sec).get(fragment);
    if (existing !== undefined) return existing;
    const added = this.additions.get(name) ?? [];
    const again = added.indexOf(fragment);
    if (again >= 0) return sec.children.length + again;
    added.push(fragment);
    this.additions.set(name, added);
    return sec.children.length + added.length - 1;
  }

  /** The section's children, unprefixed, by text (the first of equal ones): looked up, not searched. */
  private childrenOf(sec: Section): Map<string, number> {
    let children = this.known.get(sec);
    if (children) return children;
    children = new Map();
    for (const [i, c] of sec.children.entries()) {
      const key = withoutPrefix(c, this.prefix);
      if (!children.has(key)) children.set(key, i);
    }
    this.known.set(sec, children);
    return children;
  }
}

/** The first number-format id free after every id the styles use (conditional formats too). */
function numFmtIds(original: string, p: string, numFmts: Section) {
  const codeToId = new Map<string, number>();
  let nextId = FIRST_CUSTOM_NUMFMT;
  for (const f of numFmts.children) {
    const a = attributes(f);
    const id = Number(a.get("numFmtId"));
    if (!codeToId.has(a.get("formatCode") ?? "")) codeToId.set(a.get("formatCode") ?? "", id);
    nextId = Math.max(nextId, id + 1);
  }
  // Conditional formats (<dxfs>) carry number formats of their own; their ids are taken too.
  for (const dxf of section(original, p, "dxfs", "dxf").children)
    for (const f of elements(dxf, `${p}numFmt`)) {
      const id = Number(attributes(f.attrs).get("numFmtId"));
      if (Number.isFinite(id)) nextId = Math.max(nextId, id + 1);
    }
  return { codeToId, nextId };
}

/** The sheet's number formats as the merged styles number them: the same code reused, else a fresh id. */
function mergeNumFmts(original: string, p: string, numFmts: Section, parts: StyleParts) {
  const { codeToId, nextId: first } = numFmtIds(original, p, numFmts);
  let nextId = first;
  const numFmtMap = new Map<number, number>();
  const newNumFmts: string[] = [];
  for (const { id, code } of parts.numFmts) {
    let mapped = codeToId.get(code);
    if (mapped === undefined) {
      mapped = nextId++;
      codeToId.set(code, mapped);
      newNumFmts.push(`<numFmt numFmtId="${mapped}" formatCode="${xmlAttr(code)}"/>`);
    }
    numFmtMap.set(id, mapped);
  }
  return { numFmtMap, newNumFmts };
}

type StyleSections = Record<"fonts" | "fills" | "borders" | "cellXfs", Section>;

function styleSections(original: string, p: string): StyleSections {
  const sections = {
    fonts: section(original, p, "fonts", "font"),
    fills: section(original, p, "fills", "fill"),
    borders: section(original, p, "borders", "border"),
    cellXfs: section(original, p, "cellXfs", "xf"),
  };
  for (const [name, sec] of Object.entries(sections))
    if (!sec.element) throw new PackageWriteError(`styles.xml 缺少 <${name}>`);
  return sections;
}

/**
 * Each of the sheet's cell formats as a merged one: its font, fill, border and number format
 * ids mapped (sheetXml writes them as `fontId="3"`, rewritten in one pass over the tag). The cell
 * style (xfId) stays 0: Normal, which every styles part has.
 */
function mergeCellXfs(
  parts: StyleParts,
  sections: StyleSections,
  index: StyleIndex,
  numFmtMap: Map<number, number>
): number[] {
  const map = (name: "fonts" | "fills" | "borders"): number[] =>
    parts[name].map((fragment) => index.indexIn(name, sections[name], fragment));
  const [fontMap, fillMap, borderMap] = [map("fonts"), map("fills"), map("borders")];
  const remaps: Record<string, (n: number) => number | undefined> = {
    numFmtId: (n) => (n < FIRST_CUSTOM_NUMFMT ? n : numFmtMap.get(n)),
    fontId: (n) => fontMap[n],
    fillId: (n) => fillMap[n],
    borderId: (n) => borderMap[n],
  };
  return parts.cellXfs.map((xf) => {
    const tag = xf.replace(/\b(numFmtId|fontId|fillId|borderId)="(\d+)"/g, (_, attr: string, v) => {
      const mapped = (remaps[attr] as (n: number) => number | undefined)(Number(v));
      if (mapped === undefined) throw new PackageWriteError(`无法对应样式 ${attr}=${v}`);
      return `${attr}="${mapped}"`;
    });
    return index.indexIn("cellXfs", sections.cellXfs, tag);
  });
}

type StyleEdit = { at: number; length: number; text: string };

/** A section rewritten with `added` after its children (its count updated). */
function appended(sec: Section, added: string[], p: string): StyleEdit[] {
  const el = sec.element as Element;
  if (added.length === 0) return [];
  const name = /^<([\w.:-]+)/.exec(el.xml)?.[1] as string;
  const start = `<${name}${withCount(el.attrs, sec.children.length + added.length)}>`;
  const text = `${start}${el.body}${withPrefix(added.join(""), p)}</${name}>`;
  return [{ at: el.index, length: el.xml.length, text }];
}

/** New number formats: into <numFmts>, or a new <numFmts> first in the styleSheet. */
function numFmtEdits(original: string, p: string, numFmts: Section, added: string[]): StyleEdit[] {
  if (added.length === 0) return [];
  if (numFmts.element) return appended(numFmts, added, p);
  const root = /<(?:[\w.-]+:)?styleSheet\b[^>]*>/.exec(original) as RegExpExecArray;
  const text = withPrefix(`<numFmts count="${added.length}">${added.join("")}</numFmts>`, p);
  return [{ at: root.index + root[0].length, length: 0, text }];
}

/**
 * Appends the sheet's formats to the original styles; returns the new styles XML and the map
 * from the sheet's local cell formats to the merged ones.
 */
function mergeStyles(
  original: string,
  parts: StyleParts
): { xml: string; xfMap: number[]; changed: boolean } {
  const p = rootPrefix(original, "styleSheet", NS_MAIN);
  const numFmts = section(original, p, "numFmts", "numFmt");
  const { numFmtMap, newNumFmts } = mergeNumFmts(original, p, numFmts, parts);
  const sections = styleSections(original, p);
  const index = new StyleIndex(p);
  const xfMap = mergeCellXfs(parts, sections, index, numFmtMap);
  // Write the additions, from the last section in the file to the first (indexes stay valid).
  const edits = [
    ...(["fonts", "fills", "borders", "cellXfs"] as const).flatMap((name) =>
      appended(sections[name], index.additions.get(name) ?? [], p)
    ),
    ...numFmtEdits(original, p, numFmts, newNumFmts),
  ].sort((a, b) => b.at - a.at);
  let xml = original;
  for (const e of edits) xml = xml.slice(0, e.at) + e.text + xml.slice(e.at + e.length);
  return { xml, xfMap, changed: edits.length > 0 };
}

// ---- The workbook ----

interface SheetEntry {
  name: string;
  sheetId: number;
  rid: string;
  element: Element;
}

interface DefinedName {
  name: string;
  localSheetId?: number;
  text: string;
  element: Element;
}

export interface PackageWriteOptions {
  /**
   * The defined name marking the sheet as ours (see ownership.ts); null for a sheet that is
   * the user's once added (a template sheet): no marker, and the caller has checked the name
   * is free.
   */
  markerName: string | null;
  preferredName: string;
}

/**
 * Adds or replaces the sheet `layout` (named by the ownership rules of ownership.ts) in the
 * package `data` (its bytes, or the ZipPackage the caller already read, which this edits);
 * every other entry keeps its bytes. Throws a PackageWriteError for a package it cannot safely
 * edit (nothing is written then).
 */
export async function writeOwnedSheetIntoPackage(
  data: Uint8Array | ZipPackage,
  layout: SheetLayout,
  options: PackageWriteOptions
): Promise<PackageWriteResult> {
  const written = await writeOwnedSheetsIntoPackage(data, [{ layout, options }]);
  return { data: written.data, ...(written.sheets[0] as SheetWriteResult) };
}

/**
 * Several sheets (the summary and the 核对清单) in one pass: each edits the package in memory in
 * turn, then the package is compressed and verified once. All or nothing for the bytes: a
 * PackageWriteError for any sheet, and none are returned — but a ZipPackage passed in keeps the
 * edits made before the failure (start again from the original bytes, as the callers do).
 */
export async function writeOwnedSheetsIntoPackage(
  data: Uint8Array | ZipPackage,
  writes: readonly { layout: SheetLayout; options: PackageWriteOptions }[]
): Promise<{ data: Uint8Array; sheets: SheetWriteResult[] }> {
  try {
    const zip = data instanceof ZipPackage ? data : ZipPackage.read(data);
    const edits = writes.map((w) => editPackage(zip, w.layout, w.options));
    const out = zip.toBytes();
    verifyWritten(out, edits);
    return { data: out, sheets: edits.map((e) => e.result) };
  } catch (error) {
    if (error instanceof ZipError) throw new PackageWriteError(error.message);
    throw error;
  }
}

interface SheetEdit {
  result: SheetWriteResult;
  workbookPart: string;
}

/** The workbook part as read for one edit: its XML and relationships, held as they change. */
interface WorkbookParts {
  rootRels: Relationship[];
  part: string;
  xml: string;
  /** The workbook element's namespace prefix (`x:` or ``). */
  wp: string;
  relsPart: string;
  relsXml: string;
  rels: Relationship[];
  relPrefix: string | undefined;
  sheetsEl: Element;
  sheets: SheetEntry[];
  names: DefinedName[];
}

function readWorkbookParts(zip: ZipPackage): WorkbookParts {
  const rootRels = relationships(required(zip, "_rels/.rels"));
  const officeDocument = rootRels.find((r) => r.type.endsWith("/officeDocument") && !r.external);
  if (!officeDocument) throw new PackageWriteError("找不到工作簿部件");
  const part = resolveTarget("", officeDocument.target);
  const xml = required(zip, part);
  const wp = rootPrefix(xml, "workbook", NS_MAIN);
  const relsPart = relsPathOf(part);
  const relsXml = required(zip, relsPart);
  const relPrefix =
    /xmlns:([\w.-]+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(
      xml
    )?.[1];
  const sheetsEl = element(xml, `${wp}sheets`);
  if (!sheetsEl) throw new PackageWriteError("workbook.xml 缺少 <sheets>");
  const sheets: SheetEntry[] = elements(sheetsEl.body, `${wp}sheet`).map((e) => {
    const a = attributes(e.attrs);
    const rid = [...a.entries()].find(([k]) => k === `${relPrefix}:id`)?.[1] ?? "";
    return { name: a.get("name") ?? "", sheetId: Number(a.get("sheetId")), rid, element: e };
  });
  const names = parseDefinedNames(xml, wp);
  const rels = relationships(relsXml);
  return { rootRels, part, xml, wp, relsPart, relsXml, rels, relPrefix, sheetsEl, sheets, names };
}

/** Which sheet to write, by the same rules as every other host; refused under 保护工作簿. */
function planFor(book: WorkbookParts, options: PackageWriteOptions): WritePlan {
  const sheetNames = book.sheets.map((s) => s.name);
  const marked =
    book.names
      .filter((n) => isMarker(n, options))
      .map((n) => sheetFromReference(n.text))
      .find((s) => s !== null && sheetNames.includes(s)) ?? null;
  const plan = planSummaryWrite(sheetNames, marked, options.preferredName);
  // 保护工作簿 forbids adding a sheet (replacing one's contents in place it allows), as in Excel.
  if (!plan.replace && structureLocked(book.xml, book.wp)) throw new StructureProtectedError();
  return plan;
}

/** The workbook-wide defined name marking the sheet as ours. */
const isMarker = (n: DefinedName, options: PackageWriteOptions) =>
  options.markerName !== null && n.name === options.markerName && n.localSheetId === undefined;

/** The sheet's XML, its formats merged into the package's styles (written later if changed). */
function sheetWithStyles(zip: ZipPackage, book: WorkbookParts, target: SheetLayout) {
  const local = sheetStyles(target);
  const stylesRel = book.rels.find((r) => r.type.endsWith("/styles") && !r.external);
  if (!stylesRel) throw new PackageWriteError("工作簿没有样式部件");
  const stylesPart = resolveTarget(book.part, stylesRel.target);
  const styles = mergeStyles(required(zip, stylesPart), local.parts);
  const sheetXml = worksheetCompressed(target, local, (i) => {
    const merged = styles.xfMap[i];
    if (merged === undefined) throw new PackageWriteError(`汇总表引用了不存在的样式 ${i}`);
    return merged;
  });
  return { sheetXml, stylesPart, styles };
}

/** Our earlier sheet's part given the new XML; returns the sheet's index. */
function replaceSheet(
  zip: ZipPackage,
  book: WorkbookParts,
  name: string,
  sheetXml: ReturnType<typeof worksheetCompressed>
): number {
  const sheetIndex = book.sheets.findIndex((s) => s.name === name);
  const old = book.sheets[sheetIndex] as SheetEntry;
  const rel = book.rels.find((r) => r.id === old.rid);
  if (!rel || rel.external || !rel.type.endsWith("/worksheet"))
    throw new PackageWriteError(`找不到工作表“${name}”的部件`);
  const part = resolveTarget(book.part, rel.target);
  zip.write(part, sheetXml);
  // The new sheet refers to no other part; the old one's relationships go with it.
  zip.remove(relsPathOf(part));
  dropCalcChain(zip, book);
  return sheetIndex;
}

/**
 * Excel's calculation chain may list formulas of the old sheet that the new one lacks, which
 * Excel would report as damage; it is a cache that Excel rebuilds when it is absent.
 */
function dropCalcChain(zip: ZipPackage, book: WorkbookParts): void {
  const calcChain = book.rels.find((r) => r.type.endsWith("/calcChain") && !r.external);
  if (!calcChain) return;
  const chainPart = resolveTarget(book.part, calcChain.target);
  zip.remove(chainPart);
  const rp = rootPrefix(book.relsXml, "Relationships", NS_PACKAGE_RELS);
  const relEl = elements(book.relsXml, `${rp}Relationship`).find(
    (e) => attributes(e.attrs).get("Id") === calcChain.id
  );
  if (relEl)
    book.relsXml =
      book.relsXml.slice(0, relEl.index) + book.relsXml.slice(relEl.index + relEl.xml.length);
  zip.write(book.relsPart, book.relsXml);
  const types = required(zip, CONTENT_TYPES);
  const tp = rootPrefix(types, "Types", NS_CONTENT_TYPES);
  const override = elements(types, `${tp}Override`).find(
    (e) => attributes(e.attrs).get("PartName")?.toLowerCase() === `/${chainPart}`.toLowerCase()
  );
  if (override)
    zip.write(
      CONTENT_TYPES,
      types.slice(0, override.index) + types.slice(override.index + override.xml.length)
    );
}

/** A new sheet part, listed in the workbook, its relationships and the content types. */
function addSheet(
  zip: ZipPackage,
  book: WorkbookParts,
  name: string,
  sheetXml: ReturnType<typeof worksheetCompressed>
): number {
  const { sheets, rels, wp, relPrefix } = book;
  const sheetId = Math.max(0, ...sheets.map((s) => s.sheetId || 0)) + 1;
  const usedIds = new Set(rels.map((r) => r.id));
  let n = rels.length + 1;
  while (usedIds.has(`rId${n}`)) n++;
  const rid = `rId${n}`;
  let k = sheets.length + 1;
  const dir = book.part.split("/").slice(0, -1).concat("worksheets").join("/");
  while (zip.name(`${dir}/sheet${k}.xml`)) k++;
  const part = `${dir}/sheet${k}.xml`;
  zip.write(part, sheetXml);
  const ridAttr = relPrefix ? `${relPrefix}:id="${rid}"` : `r:id="${rid}" xmlns:r="${NS_REL}"`;
  const sheetTag = `<${wp}sheet name="${xmlAttr(name)}" sheetId="${sheetId}" ${ridAttr}/>`;
  book.xml = insertBefore(book.xml, book.sheetsEl, `</${wp}sheets>`, sheetTag);
  book.relsXml = beforeRootEnd(
    book.relsXml,
    "Relationships",
    (rp) =>
      `<${rp}Relationship Id="${rid}" Type="${REL_WORKSHEET}" Target="${xmlAttr(
        relativeTarget(book.part, part)
      )}"/>`
  );
  zip.write(book.relsPart, book.relsXml);
  zip.write(
    CONTENT_TYPES,
    beforeRootEnd(
      required(zip, CONTENT_TYPES),
      "Types",
      (tp) => `<${tp}Override PartName="/${xmlAttr(part)}" ContentType="${CT_WORKSHEET}"/>`
    )
  );
  return sheets.length;
}

/** Defined names: the marker and the target's print names dropped, the new ones added. */
function renameDefined(
  book: WorkbookParts,
  target: SheetLayout,
  plan: WritePlan,
  sheetIndex: number,
  options: PackageWriteOptions
): void {
  const { wp } = book;
  const localNames = printNames(target);
  const newLocalNames = new Set(localNames.map((n) => n.name));
  const drop = (n: DefinedName) =>
    isMarker(n, options) ||
    (plan.replace &&
      n.localSheetId === sheetIndex &&
      (PRINT_NAMES.has(n.name) || newLocalNames.has(n.name)));
  const added =
    localNames
      .map(
        (n) =>
          `<${wp}definedName name="${n.name}" localSheetId="${sheetIndex}">${xmlText(n.formula)}</${wp}definedName>`
      )
      .join("") +
    (options.markerName === null
      ? ""
      : `<${wp}definedName name="${xmlAttr(options.markerName)}">${xmlText(
          referenceTo(plan.target)
        )}</${wp}definedName>`);
  book.xml = rewriteDefinedNames(book.xml, wp, drop, added);
}

/** The sheet titles of the document properties (Explorer's details), when they can be kept true. */
function listSheetTitle(zip: ZipPackage, book: WorkbookParts, name: string): void {
  const appRel = book.rootRels.find((r) => r.type.endsWith("/extended-properties") && !r.external);
  const appPart = appRel ? resolveTarget("", appRel.target) : null;
  const appText = appPart ? zip.text(appPart) : null;
  const appXml = appText === null ? null : editable(appText, appPart as string);
  const sheetNames = book.sheets.map((s) => s.name);
  const listed = appXml === null ? null : withSheetTitle(appXml, sheetNames, name);
  if (appPart && listed !== null) zip.write(appPart, listed);
}

/** Adds or replaces one sheet in the package (in memory; nothing is compressed yet). */
function editPackage(
  zip: ZipPackage,
  layout: SheetLayout,
  options: PackageWriteOptions
): SheetEdit {
  const book = readWorkbookParts(zip);
  const plan = planFor(book, options);
  const target: SheetLayout = { ...layout, name: plan.target };
  const { sheetXml, stylesPart, styles } = sheetWithStyles(zip, book, target);
  const sheetIndex = plan.replace
    ? replaceSheet(zip, book, plan.target, sheetXml)
    : addSheet(zip, book, plan.target, sheetXml);
  renameDefined(book, target, plan, sheetIndex, options);
  zip.write(book.part, book.xml);
  if (!plan.replace) listSheetTitle(zip, book, plan.target);
  if (styles.changed) zip.write(stylesPart, styles.xml);
  const { replace: replaced, besideForeign, keptRenamed } = plan;
  return {
    result: { sheet: plan.target, replaced, besideForeign, keptRenamed },
    workbookPart: book.part,
  };
}

/**
 * Reads the written package back: its workbook must list every sheet written, by a relationship
 * to a part the package holds. Never “已写入” for a write that did not happen.
 */
function verifyWritten(bytes: Uint8Array, edits: readonly SheetEdit[]): void {
  const zip = ZipPackage.read(bytes);
  for (const { workbookPart, result } of edits) {
    const workbook = required(zip, workbookPart);
    const wp = rootPrefix(workbook, "workbook", NS_MAIN);
    const listed = elements(element(workbook, `${wp}sheets`)?.body ?? "", `${wp}sheet`)
      .map((e) => attributes(e.attrs))
      .find((a) => a.get("name") === result.sheet);
    const rid = [...(listed?.entries() ?? [])].find(([k]) => /(^|:)id$/.test(k))?.[1];
    const rel = relationships(required(zip, relsPathOf(workbookPart))).find((r) => r.id === rid);
    if (!rel || !zip.name(resolveTarget(workbookPart, rel.target)))
      throw new PackageWriteError(`写入后核对未通过：工作簿中找不到“${result.sheet}”表`);
  }
}

/** Whether workbook.xml's <workbookProtection> locks the structure (lockStructure 1 or true). */
function structureLocked(workbookXml: string, wp: string): boolean {
  const protection = element(workbookXml, `${wp}workbookProtection`);
  const lock = protection ? attributes(protection.attrs).get("lockStructure") : undefined;
  return lock === "1" || lock === "true";
}

/** Inserts `text` before the closing tag `end` of `el` (which lies in `xml`). */
function insertBefore(xml: string, el: Element, end: string, text: string): string {
  const at = el.index + el.xml.lastIndexOf(end);
  if (!el.xml.endsWith(end)) throw new PackageWriteError(`找不到 ${end}`);
  return xml.slice(0, at) + text + xml.slice(at);
}

/** Where an element's body starts within its XML (the body ends at its closing tag). */
function bodyStart(el: Element): number {
  return el.xml.lastIndexOf("</") - el.body.length;
}

/** The parts of app.xml's two lists that a new sheet's title changes. */
interface AppLists {
  vt: string;
  headings: Element;
  headingVector: Element;
  titles: Element;
  titleVector: Element;
}

/**
 * app.xml with `title` inserted at `at` in the titles' vector, that vector's size one more, and
 * the worksheets' count (`countEl` inside `variant`, now `count`) one more; null when the
 * titles come before the headings (Excel writes HeadingPairs first).
 */
function insertTitle(
  appXml: string,
  lists: AppLists,
  where: { variant: Element; countEl: Element; count: number; at: number },
  title: string
): string | null {
  const { vt, headings, headingVector, titles, titleVector } = lists;
  const lpstrs = elements(titleVector.body, `${vt}:lpstr`);
  const insertAt =
    where.at < lpstrs.length ? (lpstrs[where.at] as Element).index : titleVector.body.length;
  const body =
    titleVector.body.slice(0, insertAt) +
    `<${vt}:lpstr>${xmlText(title)}</${vt}:lpstr>` +
    titleVector.body.slice(insertAt);
  const open = /^<[^>]*>/.exec(titleVector.xml)?.[0] ?? "";
  const newTitleVector = `${setAttr(open, "size", lpstrs.length + 1)}${body}</${vt}:vector>`;
  // The count element's place in the whole part: heading vector → variant → i4.
  const countAt =
    headings.index +
    bodyStart(headings) +
    headingVector.index +
    bodyStart(headingVector) +
    where.variant.index +
    bodyStart(where.variant) +
    where.countEl.index;
  const titleAt = titles.index + bodyStart(titles) + titleVector.index;
  if (titleAt < countAt) return null;
  return (
    appXml.slice(0, countAt) +
    `<${vt}:i4>${where.count + 1}</${vt}:i4>` +
    appXml.slice(countAt + where.countEl.xml.length, titleAt) +
    newTitleVector +
    appXml.slice(titleAt + titleVector.xml.length)
  );
}

/** app.xml's HeadingPairs and TitlesOfParts vectors, or null when it has not both. */
function appLists(appXml: string): AppLists | null {
  const vt =
    /xmlns:([\w.-]+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/docPropsVTypes"/.exec(
      appXml
    )?.[1];
  if (!vt) return null;
  const headings = element(appXml, "HeadingPairs");
  const titles = element(appXml, "TitlesOfParts");
  if (!headings || !titles) return null;
  const headingVector = element(headings.body, `${vt}:vector`);
  const titleVector = element(titles.body, `${vt}:vector`);
  if (!headingVector || !titleVector) return null;
  return { vt, headings, headingVector, titles, titleVector };
}

/**
 * `docProps/app.xml` with `title` listed after the worksheets: its `TitlesOfParts` and the
 * worksheet count of its `HeadingPairs` (`工作表` / `Worksheets`). Null, and the part left as
 * it is, when the part does not list exactly the workbook's sheets in one heading (no list,
 * LibreOffice's way, or one this writer does not understand).
 */
export function withSheetTitle(
  appXml: string,
  sheetNames: readonly string[],
  title: string
): string | null {
  const lists = appLists(appXml);
  if (!lists) return null;
  const { vt, headingVector, titleVector } = lists;
  const variants = elements(headingVector.body, `${vt}:variant`);
  const names = elements(titleVector.body, `${vt}:lpstr`).map((e) => decodeEntities(e.body));
  if (variants.length % 2 !== 0) return null;
  // Pairs of (heading, count); the worksheets' pair lists exactly the workbook's sheets.
  let offset = 0;
  for (let i = 0; i < variants.length; i += 2) {
    const variant = variants[i + 1] as Element;
    const countEl = element(variant.body, `${vt}:i4`);
    const count = Number(countEl?.body);
    if (!countEl || !Number.isInteger(count)) return null;
    const listed = names.slice(offset, offset + count);
    const exactly = listed.length === count && listed.every((n, k) => n === sheetNames[k]);
    if (count === sheetNames.length && exactly)
      return insertTitle(appXml, lists, { variant, countEl, count, at: offset + count }, title);
    offset += count;
  }
  return null;
}

/**
 * Inserts an element before the closing tag of the part's root `rootName` (whatever prefix the
 * part gives it, and whatever comment or space follows it); `make` gets that prefix.
 */
function beforeRootEnd(xml: string, rootName: string, make: (prefix: string) => string): string {
  const closes = [...xml.matchAll(new RegExp(`</((?:[\\w.-]+:)?)${rootName}\\s*>`, "g"))];
  const end = closes[closes.length - 1];
  if (!end || end.index === undefined) throw new PackageWriteError(`找不到 </${rootName}>`);
  return xml.slice(0, end.index) + make(end[1] ?? "") + xml.slice(end.index);
}

/** Removes the names `drop` selects and appends `added` (creating <definedNames> when needed). */
function rewriteDefinedNames(
  xml: string,
  p: string,
  drop: (name: DefinedName) => boolean,
  added: string
): string {
  const container = element(xml, `${p}definedNames`);
  if (container) {
    let body = container.body;
    // From the end backwards, so that earlier indexes stay valid.
    for (const d of parseDefinedNames(body, p).reverse())
      if (drop(d))
        body = body.slice(0, d.element.index) + body.slice(d.element.index + d.element.xml.length);
    const open = container.xml.endsWith("/>")
      ? container.xml.replace(/\s*\/>$/, ">")
      : container.xml.slice(0, container.xml.indexOf(">") + 1);
    const text = `${open}${body}${added}</${p}definedNames>`;
    return xml.slice(0, container.index) + text + xml.slice(container.index + container.xml.length);
  }
  // <definedNames> follows <sheets>, <functionGroups> and <externalReferences>.
  let after = 0;
  for (const name of ["sheets", "functionGroups", "externalReferences"]) {
    const el = element(xml, `${p}${name}`);
    if (el) after = Math.max(after, el.index + el.xml.length);
  }
  if (after === 0) throw new PackageWriteError("workbook.xml 缺少 <sheets>");
  return `${xml.slice(0, after)}<${p}definedNames>${added}</${p}definedNames>${xml.slice(after)}`;
}

function parseDefinedNames(xml: string, p: string): DefinedName[] {
  return elements(xml, `${p}definedName`).map((e) => {
    const a = attributes(e.attrs);
    const local = a.get("localSheetId");
    return {
      name: a.get("name") ?? "",
      localSheetId: local === undefined ? undefined : Number(local),
      text: decodeEntities(e.body),
      element: e,
    };
  });
}
