/**
 * Writing the add-in's own sheet into an existing .xlsx package without re-serialising it.
 *
 * ExcelJS drops what it does not model (charts, pivot tables, VBA, …; see preservation.ts)
 * when it writes a whole workbook back. Here only the one sheet is rendered by ExcelJS, in a
 * workbook of its own, and its parts are merged into the original zip:
 *
 * - the sheet XML becomes a new part (or replaces our earlier summary's part in place, keeping
 *   its tab position, relationship id and sheet id);
 * - its cell formats are appended to the original `styles.xml` (an identical font, fill,
 *   border, number format or cell format already there is reused; nothing there changes), and
 *   the sheet's `s="N"` indexes are rewritten to match;
 * - its shared strings become inline strings, so `sharedStrings.xml` is not touched;
 * - `workbook.xml`, `workbook.xml.rels` and `[Content_Types].xml` list the new sheet, its print
 *   area and titles, and the ownership marker.
 *
 * Every other zip entry keeps its bytes (and its compressed data: JSZip passes it through).
 * `docProps/app.xml` is left as it was: its list of sheet titles may then be stale, which Excel
 * and LibreOffice ignore (Excel rewrites it on the next save).
 *
 * Anything this writer does not expect (a strict-OOXML package, a sheet rendered with parts of
 * its own, a missing styles part) throws a `PackageWriteError` before anything is produced; the
 * caller can then fall back to writing the whole workbook with ExcelJS.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { SheetLayout } from "../../layout/sheetLayout";
import { planSummaryWrite, referenceTo, sheetFromReference } from "../ownership";
import { writeLayout } from "./writeLayout";

export class PackageWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PackageWriteError";
  }
}

export interface PackageWriteResult {
  /** The new package. */
  data: Uint8Array;
  /** The sheet written. */
  sheet: string;
  /** Our earlier sheet was replaced (in place). */
  replaced: boolean;
  /** A sheet we did not create holds the preferred name; we wrote beside it. */
  besideForeign?: string;
}

const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const REL_WORKSHEET = `${NS_REL}/worksheet`;
const CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const CONTENT_TYPES = "[Content_Types].xml";
/** The defined names ExcelJS writes for a sheet's print setup. */
const PRINT_NAMES = new Set(["_xlnm.Print_Area", "_xlnm.Print_Titles"]);
/** First id of a custom number format (below are Excel's built-in formats). */
const FIRST_CUSTOM_NUMFMT = 164;

// ---- Small XML helpers (the parts are machine-written; no general XML parser is needed) ----

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e[0] === "#")
      return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1)));
    return { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }[e] as string;
  });
}

/** Attributes of a start tag's inside (`name="a" r:id="b"`), unescaped, by qualified name. */
function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out.set(m[1] as string, unescapeXml(m[2] ?? m[3] ?? ""));
  return out;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `<p:name ...>...</p:name>` and `<p:name .../>` elements (not nested in themselves). */
function elementPattern(qname: string): RegExp {
  const n = escapeRegExp(qname);
  return new RegExp(`<${n}(?=[\\s/>])([^>]*?)(?:/>|>([\\s\\S]*?)</${n}>)`, "g");
}

interface Element {
  xml: string;
  attrs: string;
  body: string;
  index: number;
}

function elements(xml: string, qname: string): Element[] {
  return [...xml.matchAll(elementPattern(qname))].map((m) => ({
    xml: m[0],
    attrs: m[1] ?? "",
    body: m[2] ?? "",
    index: m.index ?? 0,
  }));
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

function setAttr(tag: string, name: string, value: string | number): string {
  const re = new RegExp(`(\\s${escapeRegExp(name)}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  return re.test(tag) ? tag.replace(re, `$1"${value}"`) : tag;
}

// ---- Package paths ----

/** A relationship target, as a zip entry name (`worksheets/sheet1.xml` from `xl/…`). */
function resolveTarget(sourcePart: string, target: string): string {
  const base = target.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const seg of target.replace(/^\//, "").split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== "." && seg !== "") base.push(seg);
  }
  return base.join("/");
}

/** `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
function relsPathOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

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

class Zip {
  private readonly byLowerName: Map<string, string>;

  constructor(readonly zip: JSZip) {
    this.byLowerName = new Map(Object.keys(zip.files).map((n) => [n.toLowerCase(), n]));
  }

  /** The entry's real name (zip part names are case-insensitive). */
  name(part: string): string | null {
    return this.byLowerName.get(part.toLowerCase()) ?? null;
  }

  async text(part: string): Promise<string | null> {
    const name = this.name(part);
    const file = name ? this.zip.file(name) : null;
    return file ? file.async("string") : null;
  }

  async required(part: string): Promise<string> {
    const text = await this.text(part);
    if (text === null) throw new PackageWriteError(`缺少 ${part}`);
    return text;
  }

  write(part: string, content: string): void {
    const name = this.name(part) ?? part;
    this.zip.file(name, content);
    this.byLowerName.set(name.toLowerCase(), name);
  }

  remove(part: string): void {
    const name = this.name(part);
    if (!name) return;
    this.zip.remove(name);
    this.byLowerName.delete(name.toLowerCase());
  }
}

// ---- The sheet rendered alone ----

interface Rendered {
  sheetXml: string;
  stylesXml: string;
  sharedStrings: string[];
  /** Local defined names of the sheet (`<definedName …>…</definedName>`, localSheetId 0). */
  localNames: { name: string; xml: string }[];
}

async function renderAlone(layout: SheetLayout): Promise<Rendered> {
  const workbook = new ExcelJS.Workbook();
  writeLayout(workbook, layout);
  // Uncompressed: the small package is unzipped right away (deflating it would double the cost).
  const buffer = await workbook.xlsx.writeBuffer({
    zip: { compression: "STORE" },
  } as ExcelJS.XlsxWriteOptions);
  const small = new Zip(await JSZip.loadAsync(buffer));
  const sheetXml = await small.required("xl/worksheets/sheet1.xml");
  if (small.name("xl/worksheets/_rels/sheet1.xml.rels"))
    throw new PackageWriteError("汇总表含有关联部件（超链接、图片或批注），不能单独写入");
  if (/\sdxfId\s*=/.test(sheetXml)) throw new PackageWriteError("汇总表含有条件格式，不能单独写入");
  const sst = await small.text("xl/sharedStrings.xml");
  const sharedStrings = sst ? elements(sst, "si").map((si) => si.body) : [];
  const workbookXml = await small.required("xl/workbook.xml");
  const localNames = elements(workbookXml, "definedName")
    .filter((d) => attributes(d.attrs).get("localSheetId") === "0")
    .map((d) => ({ name: attributes(d.attrs).get("name") ?? "", xml: d.xml }));
  return {
    sheetXml,
    stylesXml: await small.required("xl/styles.xml"),
    sharedStrings,
    localNames,
  };
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
 * Appends the small package's formats to the original styles; returns the new styles XML and
 * the map from the small package's cellXfs indexes to the merged ones.
 */
function mergeStyles(
  original: string,
  small: string
): { xml: string; xfMap: Map<number, number>; changed: boolean } {
  const p = rootPrefix(original, "styleSheet", NS_MAIN);
  const sp = rootPrefix(small, "styleSheet", NS_MAIN);
  const additions = new Map<string, string[]>();

  /** Index of `fragment` (unprefixed) among `section`'s children, appending it if new. */
  const indexIn = (name: string, sec: Section, fragment: string): number => {
    const existing = sec.children.findIndex((c) => withoutPrefix(c, p) === fragment);
    if (existing >= 0) return existing;
    const added = additions.get(name) ?? [];
    const again = added.indexOf(fragment);
    if (again >= 0) return sec.children.length + again;
    added.push(fragment);
    additions.set(name, added);
    return sec.children.length + added.length - 1;
  };

  // Number formats: reuse the same format code, else a fresh id after every id in use.
  const origNumFmts = section(original, p, "numFmts", "numFmt");
  const codeToId = new Map<string, number>();
  let nextId = FIRST_CUSTOM_NUMFMT;
  for (const f of origNumFmts.children) {
    const a = attributes(f);
    const id = Number(a.get("numFmtId"));
    if (!codeToId.has(a.get("formatCode") ?? "")) codeToId.set(a.get("formatCode") ?? "", id);
    nextId = Math.max(nextId, id + 1);
  }
  const numFmtMap = new Map<number, number>();
  const newNumFmts: string[] = [];
  for (const f of section(small, sp, "numFmts", "numFmt").children) {
    const a = attributes(f);
    const id = Number(a.get("numFmtId"));
    const code = a.get("formatCode") ?? "";
    let mapped = codeToId.get(code);
    if (mapped === undefined) {
      mapped = nextId++;
      codeToId.set(code, mapped);
      newNumFmts.push(`<numFmt numFmtId="${mapped}" formatCode="${escapeXml(code)}"/>`);
    }
    numFmtMap.set(id, mapped);
  }

  const sections = {
    fonts: section(original, p, "fonts", "font"),
    fills: section(original, p, "fills", "fill"),
    borders: section(original, p, "borders", "border"),
    cellXfs: section(original, p, "cellXfs", "xf"),
  };
  for (const [name, sec] of Object.entries(sections))
    if (!sec.element) throw new PackageWriteError(`styles.xml 缺少 <${name}>`);
  const map = (name: "fonts" | "fills" | "borders", child: string): number[] =>
    section(small, sp, name, child).children.map((c) =>
      indexIn(name, sections[name], withoutPrefix(c, sp))
    );
  const fontMap = map("fonts", "font");
  const fillMap = map("fills", "fill");
  const borderMap = map("borders", "border");

  const xfMap = new Map<number, number>();
  section(small, sp, "cellXfs", "xf").children.forEach((xf, i) => {
    let tag = withoutPrefix(xf, sp);
    const a = attributes(/^<xf\b[^>]*>/.exec(tag)?.[0] ?? "");
    const remap = (attr: string, m: (n: number) => number | undefined) => {
      const v = a.get(attr);
      if (v === undefined) return;
      const mapped = m(Number(v));
      if (mapped === undefined) throw new PackageWriteError(`无法对应样式 ${attr}=${v}`);
      tag = tag.replace(/^<xf\b[^>]*>/, (start) => setAttr(start, attr, mapped));
    };
    remap("numFmtId", (n) => (n < FIRST_CUSTOM_NUMFMT ? n : numFmtMap.get(n)));
    remap("fontId", (n) => fontMap[n]);
    remap("fillId", (n) => fillMap[n]);
    remap("borderId", (n) => borderMap[n]);
    // The cell style (xfId) stays 0: Normal, which every styles part has.
    remap("xfId", () => 0);
    xfMap.set(i, indexIn("cellXfs", sections.cellXfs, tag));
  });

  // Write the additions, from the last section in the file to the first (indexes stay valid).
  type Edit = { at: number; length: number; text: string };
  const edits: Edit[] = [];
  const append = (sec: Section, added: string[]) => {
    const el = sec.element as Element;
    if (added.length === 0) return;
    const name = /^<([\w.:-]+)/.exec(el.xml)?.[1] as string;
    const start = `<${name}${withCount(el.attrs, sec.children.length + added.length)}>`;
    const text = `${start}${el.body}${withPrefix(added.join(""), p)}</${name}>`;
    edits.push({ at: el.index, length: el.xml.length, text });
  };
  for (const name of ["fonts", "fills", "borders", "cellXfs"] as const)
    append(sections[name], additions.get(name) ?? []);
  if (newNumFmts.length > 0) {
    if (origNumFmts.element) append(origNumFmts, newNumFmts);
    else {
      // numFmts comes first in a styleSheet.
      const root = /<(?:[\w.-]+:)?styleSheet\b[^>]*>/.exec(original) as RegExpExecArray;
      const text = withPrefix(
        `<numFmts count="${newNumFmts.length}">${newNumFmts.join("")}</numFmts>`,
        p
      );
      edits.push({ at: root.index + root[0].length, length: 0, text });
    }
  }
  edits.sort((a, b) => b.at - a.at);
  let xml = original;
  for (const e of edits) xml = xml.slice(0, e.at) + e.text + xml.slice(e.at + e.length);
  return { xml, xfMap, changed: edits.length > 0 };
}

// ---- The sheet XML ----

/** Rewrites style indexes and turns shared strings into inline strings. */
function adaptSheet(sheetXml: string, xfMap: Map<number, number>, strings: string[]): string {
  const style = (v: string) => {
    const mapped = xfMap.get(Number(v));
    if (mapped === undefined) throw new PackageWriteError(`汇总表引用了不存在的样式 ${v}`);
    return String(mapped);
  };
  const restyle = (start: string, attr: string) =>
    start.replace(new RegExp(`(\\s${attr}=")(\\d+)(")`), (_, a, v, b) => `${a}${style(v)}${b}`);
  return sheetXml
    .replace(/<row\b[^>]*>/g, (tag) => restyle(tag, "s"))
    .replace(/<col\b[^>]*>/g, (tag) => restyle(tag, "style"))
    .replace(/<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g, (whole, attrs: string, _end, body) => {
      const tagAttrs = restyle(attrs, "s");
      if (!/\st="s"/.test(tagAttrs)) return `<c${tagAttrs}${whole.slice(2 + attrs.length)}`;
      const index = /<v>(\d+)<\/v>/.exec(body ?? "")?.[1];
      const text = index === undefined ? undefined : strings[Number(index)];
      if (text === undefined) throw new PackageWriteError("汇总表引用了不存在的共享字符串");
      return `<c${tagAttrs.replace(/\st="s"/, ' t="inlineStr"')}><is>${text}</is></c>`;
    });
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

/**
 * Adds or replaces the sheet `layout` (named by the ownership rules of ownership.ts) in the
 * package `data`; every other entry keeps its bytes. Throws a PackageWriteError for a package
 * it cannot safely edit (nothing is written then).
 */
export async function writeOwnedSheetIntoPackage(
  data: Uint8Array,
  layout: SheetLayout,
  options: { markerName: string; preferredName: string }
): Promise<PackageWriteResult> {
  const zip = new Zip(await JSZip.loadAsync(data));

  // The workbook part and its relationships.
  const rootRels = relationships(await zip.required("_rels/.rels"));
  const officeDocument = rootRels.find((r) => r.type.endsWith("/officeDocument") && !r.external);
  if (!officeDocument) throw new PackageWriteError("找不到工作簿部件");
  const workbookPart = resolveTarget("", officeDocument.target);
  let workbookXml = await zip.required(workbookPart);
  const wp = rootPrefix(workbookXml, "workbook", NS_MAIN);
  const workbookRelsPart = relsPathOf(workbookPart);
  let workbookRels = await zip.required(workbookRelsPart);
  const rels = relationships(workbookRels);
  const relPrefix =
    /xmlns:([\w.-]+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(
      workbookXml
    )?.[1];

  const sheetsEl = element(workbookXml, `${wp}sheets`);
  if (!sheetsEl) throw new PackageWriteError("workbook.xml 缺少 <sheets>");
  const sheets: SheetEntry[] = elements(sheetsEl.body, `${wp}sheet`).map((e) => {
    const a = attributes(e.attrs);
    const rid = [...a.entries()].find(([k]) => k === `${relPrefix}:id`)?.[1] ?? "";
    return { name: a.get("name") ?? "", sheetId: Number(a.get("sheetId")), rid, element: e };
  });
  const names = parseDefinedNames(workbookXml, wp);

  // Which sheet to write: the same rules as every other host.
  const sheetNames = sheets.map((s) => s.name);
  const marked =
    names
      .filter((n) => n.name === options.markerName && n.localSheetId === undefined)
      .map((n) => sheetFromReference(n.text))
      .find((s) => s !== null && sheetNames.includes(s)) ?? null;
  const plan = planSummaryWrite(sheetNames, marked, options.preferredName);

  // Render the sheet alone, and merge its styles.
  const rendered = await renderAlone({ ...layout, name: plan.target });
  const stylesRel = rels.find((r) => r.type.endsWith("/styles") && !r.external);
  if (!stylesRel) throw new PackageWriteError("工作簿没有样式部件");
  const stylesPart = resolveTarget(workbookPart, stylesRel.target);
  const styles = mergeStyles(await zip.required(stylesPart), rendered.stylesXml);
  const sheetXml = adaptSheet(rendered.sheetXml, styles.xfMap, rendered.sharedStrings);

  let sheetIndex: number;
  if (plan.replace) {
    sheetIndex = sheetNames.indexOf(plan.target);
    const old = sheets[sheetIndex] as SheetEntry;
    const rel = rels.find((r) => r.id === old.rid);
    if (!rel || rel.external || !rel.type.endsWith("/worksheet"))
      throw new PackageWriteError(`找不到工作表“${plan.target}”的部件`);
    const part = resolveTarget(workbookPart, rel.target);
    zip.write(part, sheetXml);
    // The new sheet refers to no other part; the old one's relationships go with it.
    zip.remove(relsPathOf(part));
  } else {
    sheetIndex = sheets.length;
    const sheetId = Math.max(0, ...sheets.map((s) => s.sheetId || 0)) + 1;
    const usedIds = new Set(rels.map((r) => r.id));
    let n = rels.length + 1;
    while (usedIds.has(`rId${n}`)) n++;
    const rid = `rId${n}`;
    let k = sheets.length + 1;
    const dir = workbookPart.split("/").slice(0, -1).concat("worksheets").join("/");
    while (zip.name(`${dir}/sheet${k}.xml`)) k++;
    const part = `${dir}/sheet${k}.xml`;
    zip.write(part, sheetXml);
    const ridAttr = relPrefix ? `${relPrefix}:id="${rid}"` : `r:id="${rid}" xmlns:r="${NS_REL}"`;
    const sheetTag = `<${wp}sheet name="${escapeXml(plan.target)}" sheetId="${sheetId}" ${ridAttr}/>`;
    workbookXml = insertBefore(workbookXml, sheetsEl, `</${wp}sheets>`, sheetTag);
    workbookRels = workbookRels.replace(
      /<\/((?:[\w.-]+:)?)Relationships>\s*$/,
      (end, rp: string) =>
        `<${rp}Relationship Id="${rid}" Type="${REL_WORKSHEET}" Target="${escapeXml(
          relativeTarget(workbookPart, part)
        )}"/>${end}`
    );
    zip.write(workbookRelsPart, workbookRels);
    const types = await zip.required(CONTENT_TYPES);
    zip.write(
      CONTENT_TYPES,
      types.replace(
        /<\/((?:[\w.-]+:)?)Types>\s*$/,
        (end, tp: string) =>
          `<${tp}Override PartName="/${escapeXml(part)}" ContentType="${CT_WORKSHEET}"/>${end}`
      )
    );
  }

  // Defined names: drop the marker and the target's print names, add the new ones.
  const newLocalNames = new Set(rendered.localNames.map((n) => n.name));
  const drop = (n: DefinedName) =>
    (n.name === options.markerName && n.localSheetId === undefined) ||
    (plan.replace &&
      n.localSheetId === sheetIndex &&
      (PRINT_NAMES.has(n.name) || newLocalNames.has(n.name)));
  const added =
    rendered.localNames
      .map((n) => withPrefix(setAttr(n.xml, "localSheetId", sheetIndex), wp))
      .join("") +
    `<${wp}definedName name="${escapeXml(options.markerName)}">${escapeXml(
      referenceTo(plan.target)
    )}</${wp}definedName>`;
  workbookXml = rewriteDefinedNames(workbookXml, wp, drop, added);
  zip.write(workbookPart, workbookXml);
  if (styles.changed) zip.write(stylesPart, styles.xml);

  const out = await zip.zip.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
  });
  return {
    data: out,
    sheet: plan.target,
    replaced: plan.replace,
    besideForeign: plan.besideForeign,
  };
}

/** Inserts `text` before the closing tag `end` of `el` (which lies in `xml`). */
function insertBefore(xml: string, el: Element, end: string, text: string): string {
  const at = el.index + el.xml.lastIndexOf(end);
  if (!el.xml.endsWith(end)) throw new PackageWriteError(`找不到 ${end}`);
  return xml.slice(0, at) + text + xml.slice(at);
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
      text: unescapeXml(e.body),
      element: e,
    };
  });
}
