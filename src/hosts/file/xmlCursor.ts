/**
 * A small pull tokenizer for the machine-written XML parts of an .xlsx package: start tags,
 * end tags and text, in one forward pass (linear in the part's length, whatever it holds).
 * Comments and processing instructions are skipped; CDATA is text; a document type
 * declaration is refused — entities are never defined, so none can be expanded (no XXE, no
 * billion laughs). Element names are local (`x:c` → `c`).
 */

export class XmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XmlError";
  }
}

export const OPEN = 1;
export const CLOSE = 2;
export const TEXT = 3;

const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function entity(_: string, e: string): string {
  if (e.charCodeAt(0) !== 35) return NAMED[e] as string;
  const code = e.charCodeAt(1) === 120 ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
}

/**
 * Character and predefined entity references resolved (`&amp;`, `&#13;`); a reference to no
 * character at all is dropped, never thrown on. The one decoder of package XML.
 */
export function decodeEntities(text: string): string {
  return text.indexOf("&") < 0 ? text : text.replace(ENTITY, entity);
}

/**
 * Text as XML means it: literal line ends as `\n` (before references are resolved, so an
 * escaped `&#13;` stays a carriage return), then references resolved.
 */
export function xmlText(raw: string): string {
  return decodeEntities(raw.indexOf("\r") < 0 ? raw : raw.replace(/\r\n?/g, "\n"));
}

/** The attributes of a start tag's inside, by qualified name, values unescaped. */
export function attributesOf(inside: string): Record<string, string> {
  const out: Record<string, string> = {};
  let at = 0;
  for (;;) {
    const eq = inside.indexOf("=", at);
    if (eq < 0) return out;
    const name = inside.slice(at, eq).trim();
    let q = eq + 1;
    while (q < inside.length && inside.charCodeAt(q) <= 32) q++;
    const quote = inside.charAt(q);
    if (quote !== '"' && quote !== "'") return out;
    const end = inside.indexOf(quote, q + 1);
    if (end < 0) return out;
    out[name] = xmlText(inside.slice(q + 1, end));
    at = end + 1;
  }
}

export class XmlCursor {
  /** OPEN, CLOSE or TEXT. */
  kind = 0;
  /** The element's local name (OPEN, CLOSE). */
  name = "";
  /** The start tag's inside after the name (OPEN). */
  attrs = "";
  selfClosing = false;
  /** TEXT: raw text (decode with xmlText unless `cdata`). */
  text = "";
  cdata = false;
  private at = 0;

  constructor(
    private readonly xml: string,
    private readonly part: string
  ) {}

  /** Moves to the next token; false at the end. */
  next(): boolean {
    const xml = this.xml;
    for (;;) {
      const at = this.at;
      if (at >= xml.length) return false;
      const lt = xml.indexOf("<", at);
      if (lt !== at) {
        const end = lt < 0 ? xml.length : lt;
        this.kind = TEXT;
        this.text = xml.slice(at, end);
        this.cdata = false;
        this.at = end;
        return true;
      }
      const c = xml.charCodeAt(lt + 1);
      if (c === 33 /* ! */) {
        if (xml.startsWith("<!--", lt)) {
          this.at = this.skipPast("-->", lt + 4);
          continue;
        }
        if (xml.startsWith("<![CDATA[", lt)) {
          const end = this.find("]]>", lt + 9);
          this.kind = TEXT;
          this.text = xml.slice(lt + 9, end);
          this.cdata = true;
          this.at = end + 3;
          return true;
        }
        throw new XmlError(`${this.part} 中有文档类型声明（DOCTYPE）`);
      }
      if (c === 63 /* ? */) {
        this.at = this.skipPast("?>", lt + 2);
        continue;
      }
      if (c === 47 /* / */) {
        const gt = this.find(">", lt + 2);
        this.kind = CLOSE;
        this.name = localName(xml.slice(lt + 2, gt).trim());
        this.at = gt + 1;
        return true;
      }
      return this.startTag(lt);
    }
  }

  private startTag(lt: number): boolean {
    const xml = this.xml;
    const gt = tagEnd(xml, lt + 1);
    if (gt < 0) throw new XmlError(`${this.part} 中有未结束的标签`);
    this.selfClosing = xml.charCodeAt(gt - 1) === 47;
    const inside = xml.slice(lt + 1, this.selfClosing ? gt - 1 : gt);
    let n = 0;
    while (n < inside.length && inside.charCodeAt(n) > 32 && inside.charCodeAt(n) !== 47) n++;
    this.kind = OPEN;
    this.name = localName(inside.slice(0, n));
    this.attrs = inside.slice(n);
    this.at = gt + 1;
    return true;
  }

  /** The text up to the end tag of the element just opened (its text children only). */
  textUntilClose(): string {
    if (this.selfClosing) return "";
    let out = "";
    while (this.next()) {
      if (this.kind === TEXT) out += this.cdata ? this.text : xmlText(this.text);
      else if (this.kind === CLOSE) return out;
      else if (!this.selfClosing) this.skipElement();
    }
    return out;
  }

  /** Skips the rest of the element just opened (with all it holds). */
  skipElement(): void {
    if (this.selfClosing) return;
    let depth = 1;
    while (depth > 0 && this.next()) {
      if (this.kind === OPEN && !this.selfClosing) depth++;
      else if (this.kind === CLOSE) depth--;
    }
  }

  private find(token: string, from: number): number {
    const at = this.xml.indexOf(token, from);
    if (at < 0) throw new XmlError(`${this.part} 不完整`);
    return at;
  }

  private skipPast(token: string, from: number): number {
    return this.find(token, from) + token.length;
  }
}

/** `x:c` → `c`. */
function localName(qname: string): string {
  const colon = qname.indexOf(":");
  return colon < 0 ? qname : qname.slice(colon + 1);
}

/** The `>` that ends a start tag (not one inside a quoted attribute value), or -1. */
function tagEnd(xml: string, from: number): number {
  let quote = 0;
  for (let i = from; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
    else if (c === 60) return -1;
  }
  return -1;
}
