/**
 * Hostile and huge workbooks for the catalogue test (hostileCatalogue.test.ts) and the bench:
 * each built from the sample the way an attacker or an enormous real file would look.
 */
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import { constants, createDeflateRaw, crc32 } from "node:zlib";
import { SAMPLE_PATH } from "../test/parse/sampleSnapshot";

export const sample = () => readFileSync(SAMPLE_PATH);

/** The sample with parts replaced or added (`null` removes one). */
export async function sampleWith(
  parts: Record<string, string | Uint8Array | null>,
  edit?: (name: string, xml: string) => string
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(sample());
  if (edit)
    for (const f of Object.values(zip.files))
      if (!f.dir && f.name.endsWith(".xml"))
        zip.file(f.name, edit(f.name, await f.async("string")));
  for (const [name, content] of Object.entries(parts))
    if (content === null) zip.remove(name);
    else zip.file(name, content);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/**
 * The 项目清单 sheet part of the sample, and the rows after its header (row 4 on), named as
 * projects are (over 13 characters: long enough for V8 to slice them out of the sheet's text).
 */
export async function sampleWithProjectRows(rows: number): Promise<Uint8Array> {
  const part = "xl/worksheets/sheet4.xml";
  const zip = await JSZip.loadAsync(sample());
  const xml = await zip.file(part)!.async("string");
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    const r = i + 4;
    lines.push(
      `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>社会保险经办服务能力提升项目 ${i + 1}</t></is></c>` +
        `<c r="B${r}"><v>${100 + (i % 50)}</v></c><c r="C${r}"><v>${90 + (i % 40)}</v></c>` +
        `<c r="D${r}" t="inlineStr"><is><t>${i % 13 === 0 ? "否" : "是"}</t></is></c>` +
        `<c r="E${r}"><v>${70 + (i % 30)}</v></c></row>`
    );
  }
  zip.file(part, xml.replace("</sheetData>", `${lines.join("")}</sheetData>`));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** `size` bytes of `fill` deflated in a stream (never held inflated), with their CRC-32. */
export async function deflatedFill(size: number, fill: number, head = "", tail = "") {
  const chunk = Buffer.alloc(1 << 20, fill);
  const stream = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION });
  const out: Buffer[] = [];
  stream.on("data", (d: Buffer) => out.push(d));
  const done = new Promise((resolve) => stream.on("end", resolve));
  let crc = 0;
  const write = (b: Buffer) => {
    crc = crc32(b, crc);
    return stream.write(b) ? null : new Promise((r) => stream.once("drain", r));
  };
  await write(Buffer.from(head));
  const body = size - Buffer.byteLength(head) - Buffer.byteLength(tail);
  for (let left = body; left > 0; left -= chunk.length)
    await write(left >= chunk.length ? chunk : chunk.subarray(0, left));
  await write(Buffer.from(tail));
  stream.end();
  await done;
  return { compressed: Buffer.concat(out), crc: crc >>> 0, size };
}

export interface RawEntry {
  name: string;
  /** Deflated bytes, CRC-32 and size of the content. */
  compressed: Uint8Array;
  crc: number;
  size: number;
  /** The size the directory states (default: the real size). */
  statedSize?: number;
}

/** A zip archive of the entries as they are given (duplicates and lies included). */
export function zipOf(entries: RawEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const stated = e.statedSize ?? e.size;
    const l = Buffer.alloc(30);
    l.writeUInt32LE(0x04034b50, 0);
    l.writeUInt16LE(20, 4);
    l.writeUInt16LE(0x0800, 6);
    l.writeUInt16LE(8, 8);
    l.writeUInt32LE(e.crc, 14);
    l.writeUInt32LE(e.compressed.length, 18);
    l.writeUInt32LE(stated, 22);
    l.writeUInt16LE(name.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(e.crc, 16);
    c.writeUInt32LE(e.compressed.length, 20);
    c.writeUInt32LE(stated, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    locals.push(l, name, Buffer.from(e.compressed));
    centrals.push(c, name);
    offset += 30 + name.length + e.compressed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** The sample's entries, each deflated as it is. */
export async function sampleEntries(data: Uint8Array = sample()): Promise<RawEntry[]> {
  const zip = await JSZip.loadAsync(data);
  const out: RawEntry[] = [];
  for (const f of Object.values(zip.files)) {
    if (f.dir) continue;
    const content = await f.async("nodebuffer");
    const { deflateRawSync } = await import("node:zlib");
    out.push({
      name: f.name,
      compressed: deflateRawSync(content),
      crc: crc32(content) >>> 0,
      size: content.length,
    });
  }
  return out;
}
