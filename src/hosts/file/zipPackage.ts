/* global TextDecoder, TextEncoder */
/**
 * The zip container of an .xlsx package, edited in place: parts can be read, replaced, added
 * and removed; every other entry is copied as the exact bytes it had (local header, compressed
 * data, data descriptor, central-directory record), so what this writer does not touch cannot
 * change. New and replaced parts are deflated by Node's zlib.
 *
 * Reads the zip64 records some generators always write (.NET's System.IO.Packaging among
 * them). Refuses, with a `ZipError`, what it cannot edit safely: a multi-disk or damaged
 * archive, duplicate names, an encrypted or unknown compression method in a part it must read.
 */
import {
  OUTPUT_TOO_LARGE,
  chunkDeflater,
  deflateRaw,
  inflatePieces,
  inflateRaw,
  nativeCrc32,
} from "./deflate";
import { joined } from "./inflateSlices";

export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipError";
  }
}

/**
 * A package no reader should open: a name twice (which copy is the part?), or a size that no
 * real workbook has (a zip bomb). Unlike other ZipErrors, never handed to another zip reader.
 */
export class ZipRefusal extends ZipError {
  constructor(message: string) {
    super(message);
    this.name = "ZipRefusal";
  }
}

const MB = 1024 * 1024;

/**
 * What a package may hold, uncompressed. The largest real workbooks seen (200,000 project
 * rows) are a few hundred MB; a zero-filled entry deflates about 1,000 to 1.
 */
export const ZIP_LIMITS = {
  /** All entries together, as the central directory states their sizes. */
  totalBytes: 1024 * MB,
  /** One entry larger than this … */
  largeEntryBytes: 32 * MB,
  /** … may not be more than this many times its compressed size. */
  largeEntryRatio: 200,
  /** The largest part read as text (a worksheet of several hundred thousand rows). */
  textBytes: 256 * MB,
};

const megabytes = (bytes: number) => Math.ceil(bytes / MB).toLocaleString("en-US");

/**
 * The refusal for a package whose entries, as the directory states them, are too large (also for
 * callers that read the directory with another zip reader).
 */
export function checkDeclaredSizes(
  entries: { name: string; size: number; compressedSize: number }[]
): void {
  const total = entries.reduce((n, e) => n + e.size, 0);
  if (total > ZIP_LIMITS.totalBytes)
    throw new ZipRefusal(
      `文件解压后超过 ${megabytes(ZIP_LIMITS.totalBytes)} MB（约 ${megabytes(total)} MB），可能不是正常的工作簿`
    );
  for (const e of entries)
    if (
      e.size > ZIP_LIMITS.largeEntryBytes &&
      e.size > ZIP_LIMITS.largeEntryRatio * Math.max(1, e.compressedSize)
    )
      throw new ZipRefusal(
        `文件中的 ${e.name} 解压后约 ${megabytes(e.size)} MB，压缩比超过 ${ZIP_LIMITS.largeEntryRatio}:1，可能不是正常的工作簿`
      );
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const MAX32 = 0xffffffff;
const MAX16 = 0xffff;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_UTF8 = 0x0800;

/** An entry copied from the original archive: where its bytes are, and what they say. */
interface Original {
  kind: "original";
  name: string;
  /** Local header, data and any data descriptor, exactly as in the archive. */
  local: Uint8Array;
  /** The central-directory record, exactly as in the archive (its offset is patched). */
  central: Uint8Array;
  /** Where, inside `central`, the local-header offset is kept (fixed field or zip64 extra). */
  offsetAt: { at: number; wide: boolean };
  method: number;
  flags: number;
  compressedSize: number;
  /** The uncompressed size the directory states (inflating never yields more). */
  size: number;
}

/** A part written by us. */
interface Written {
  kind: "written";
  name: string;
  content: Uint8Array;
}

/** A part written by us and compressed as it was produced (a large sheet). */
interface Compressed {
  kind: "compressed";
  name: string;
  part: CompressedPart;
}

/** A part's raw DEFLATE stream in pieces, with the size and CRC-32 of what it holds. */
export interface CompressedPart {
  chunks: Uint8Array[];
  compressedSize: number;
  size: number;
  crc: number;
}

type Entry = Original | Written | Compressed;

/**
 * Compresses a part as it is produced, piece by piece: only the compressed bytes are kept, so a
 * sheet of 200,000 rows never exists whole as XML text or bytes.
 */
export class PartCompressor {
  /** Raw bytes gathered before a piece is compressed: a small sheet is one piece, one call. */
  static readonly PIECE_BYTES = 1 << 20;
  private readonly deflate = chunkDeflater();
  private readonly part: CompressedPart = { chunks: [], compressedSize: 0, size: 0, crc: 0 };
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;

  push(data: Uint8Array): void {
    if (data.length === 0) return;
    this.part.crc = crc32(data, this.part.crc);
    this.part.size += data.length;
    this.pending.push(data);
    this.pendingBytes += data.length;
    if (this.pendingBytes >= PartCompressor.PIECE_BYTES) this.compress(false);
  }

  finish(): CompressedPart {
    this.compress(true);
    return this.part;
  }

  private compress(final: boolean): void {
    const piece =
      this.pending.length === 1 ? (this.pending[0] as Uint8Array) : joined(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    this.keep(this.deflate(piece, final));
  }

  private keep(chunks: Uint8Array[]): void {
    for (const c of chunks) {
      this.part.chunks.push(c);
      this.part.compressedSize += c.length;
    }
  }
}

const utf8 = new TextDecoder("utf-8");
const encoder = new TextEncoder();

/**
 * Bytes arriving in pieces, decoded as text in pieces cut as `textPieces` says: after `after`
 * once `size` bytes are gathered, until any of `unless` is seen after the XML declaration (from
 * the last cut before it, the rest is then one piece). About a piece's bytes are held while
 * cutting; once no more cuts are made, the rest is decoded as it arrives and its bytes let go.
 */
function* streamedPieces(
  arriving: Iterable<Uint8Array>,
  cut: { after: string; unless: readonly string[] },
  size: number
): Generator<string> {
  const decoder = new TextDecoder("utf-8");
  let gathered: Uint8Array[] = [];
  let bytes = 0;
  let first = true;
  let rest: string[] | null = null; // an `unless` seen: the rest of the text, decoded
  let check = size; // gathered bytes at which to look for cuts (doubling while none is found)
  for (const piece of arriving) {
    if (rest) {
      rest.push(decoder.decode(piece, { stream: true }));
      continue;
    }
    gathered.push(piece);
    bytes += piece.length;
    if (bytes < check) continue;
    const buffer = joined(gathered);
    gathered = [];
    const body = first ? declarationEnd(buffer) : 0;
    if (cut.unless.some((u) => indexOfAscii(buffer, u, body) >= 0)) {
      rest = [decoder.decode(buffer, { stream: true })];
      continue;
    }
    let start = 0;
    for (
      let at = indexOfAscii(buffer, cut.after, size);
      at >= 0;
      at = indexOfAscii(buffer, cut.after, start + size)
    ) {
      const end = at + cut.after.length;
      yield decoder.decode(buffer.subarray(start, end), { stream: true });
      start = end;
      first = false;
    }
    // The uncut end is copied, so the buffer it came from is not kept with it.
    if (start < buffer.length) gathered.push(start === 0 ? buffer : buffer.slice(start));
    bytes = buffer.length - start;
    check = Math.max(size, 2 * bytes);
  }
  // One join: a `+` after it would make V8 copy the whole text once more when it is read.
  const parts = rest ?? [];
  parts.push(decoder.decode(joined(gathered)));
  const last = parts.length === 1 ? (parts[0] as string) : parts.join("");
  if (first || last.length > 0) yield last;
}

/**
 * The encoding of a part written in UTF-16 (OPC allows it; some .NET and Java writers use it),
 * told by its byte-order mark or by its first character `<`; null for UTF-8.
 */
function utf16Of(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const [a, b] = [bytes[0], bytes[1]];
  if ((a === 0xff && b === 0xfe) || (a === 0x3c && b === 0x00)) return "utf-16le";
  if ((a === 0xfe && b === 0xff) || (a === 0x00 && b === 0x3c)) return "utf-16be";
  return null;
}

/** A part's bytes as UTF-8 (a UTF-16 part re-encoded, its declaration saying so). */
function asUtf8(bytes: Uint8Array): Uint8Array {
  const encoding = utf16Of(bytes);
  if (!encoding) return bytes;
  const text = new TextDecoder(encoding).decode(bytes);
  return encoder.encode(
    text.replace(/^(<\?xml[^>]*encoding\s*=\s*)(["'])utf-16(?:le|be)?\2/i, "$1$2UTF-8$2")
  );
}

/** Inflated pieces as UTF-8: a UTF-16 part (rare) is gathered and re-encoded whole. */
function* utf8Pieces(pieces: Iterable<Uint8Array>): Generator<Uint8Array> {
  const iterator = pieces[Symbol.iterator]();
  const first = iterator.next();
  if (first.done) return;
  if (!utf16Of(first.value)) {
    yield first.value;
    for (let next = iterator.next(); !next.done; next = iterator.next()) yield next.value;
    return;
  }
  const all = [first.value];
  for (let next = iterator.next(); !next.done; next = iterator.next()) all.push(next.value);
  yield asUtf8(joined(all));
}

/** Where an XML text's declaration (`<?xml … ?>`, after a byte-order mark) ends; else 0. */
function declarationEnd(bytes: Uint8Array): number {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (indexOfAscii(bytes, "<?xml", start) !== start) return 0;
  const end = indexOfAscii(bytes, "?>", start);
  return end < 0 ? 0 : end + 2;
}

const MARKUP = '<>/="';

/** Where the ASCII text `what` first occurs in `bytes` at or after `from`; -1 when nowhere. */
export function indexOfAscii(bytes: Uint8Array, what: string, from: number): number {
  // Found by its first character that is not markup (`<`, `>`, `/`, …, every few bytes in XML).
  const k = Math.max(
    0,
    [...what].findIndex((c) => !MARKUP.includes(c))
  );
  const anchor = what.charCodeAt(k);
  for (let at = bytes.indexOf(anchor, from + k); at >= 0; at = bytes.indexOf(anchor, at + 1)) {
    const start = at - k;
    let i = 0;
    while (i < what.length && bytes[start + i] === what.charCodeAt(i)) i++;
    if (i === what.length) return start;
  }
  return -1;
}

/** CRC-32 (zlib's, when this Node has it; else a table); `previous` continues a running one. */
const crc32: (data: Uint8Array, previous?: number) => number = nativeCrc32 ?? tableCrc32;

let CRC_TABLE: Uint32Array | null = null;
/** CRC-32 by table, for a Node without zlib.crc32 (before 20.15). */
export function tableCrc32(data: Uint8Array, previous = 0): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let crc = (previous ^ MAX32) >>> 0;
  for (let i = 0; i < data.length; i++)
    crc = (CRC_TABLE[(crc ^ (data[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ MAX32) >>> 0;
}

/** MS-DOS date and time of `d` (local time, two-second steps), as zip headers keep them. */
function dosDateTime(d: Date): { date: number; time: number } {
  const year = Math.max(1980, d.getFullYear());
  return {
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
  };
}

/** Little-endian reads of an archive's bytes, each checked to lie inside it. */
class ArchiveBytes {
  private readonly view: DataView;
  constructor(readonly data: Uint8Array) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }
  u16 = (at: number) => this.view.getUint16(at, true);
  u32 = (at: number) => this.view.getUint32(at, true);
  u64 = (at: number) => {
    const value = this.view.getBigUint64(at, true);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipError("压缩包过大");
    return Number(value);
  };
  inside(at: number, length: number): void {
    if (at < 0 || length < 0 || at + length > this.data.length) throw new ZipError("压缩包已损坏");
  }
}

/** Where the central directory is, how many entries it lists, and the archive's comment. */
interface Directory {
  count: number;
  cdSize: number;
  cdOffset: number;
  /** Where the directory's end records start (the last entry's bytes stop before). */
  cdEnd: number;
  comment: Uint8Array;
}

/**
 * End of central directory: the last signature whose comment ends the file exactly (a comment
 * may itself hold the signature); failing that, one followed by trailing bytes.
 */
function endRecord(b: ArchiveBytes): number {
  const length = b.data.length;
  const find = (exact: boolean) => {
    for (let i = length - 22; i >= Math.max(0, length - 22 - MAX16); i--) {
      if (b.u32(i) !== SIG_EOCD) continue;
      const end = i + 22 + b.u16(i + 20);
      if (exact ? end === length : end <= length) return i;
    }
    return -1;
  };
  let eocd = find(true);
  if (eocd < 0) eocd = find(false);
  if (eocd < 0) throw new ZipError("找不到压缩包目录");
  return eocd;
}

function centralDirectory(b: ArchiveBytes): Directory {
  const eocd = endRecord(b);
  const zip64 = eocd >= 20 && b.u32(eocd - 20) === SIG_ZIP64_LOCATOR;
  // Disk numbers: 0, or 0xFFFF in a zip64 archive (the zip64 record then says).
  const diskOk = (n: number) => n === 0 || (zip64 && n === MAX16);
  if (!diskOk(b.u16(eocd + 4)) || !diskOk(b.u16(eocd + 6))) throw new ZipError("不支持分卷压缩包");
  // A copy (a Node Buffer's slice would share, and patching it would write into the input).
  const comment = new Uint8Array(b.data.subarray(eocd + 22, eocd + 22 + b.u16(eocd + 20)));
  let dir: Directory = {
    count: b.u16(eocd + 10),
    cdSize: b.u32(eocd + 12),
    cdOffset: b.u32(eocd + 16),
    cdEnd: eocd,
    comment,
  };
  if (zip64) {
    const at = b.u64(eocd - 12);
    b.inside(at, 56);
    if (b.u32(at) !== SIG_ZIP64_EOCD) throw new ZipError("压缩包已损坏");
    if (b.u32(at + 16) !== 0 || b.u32(at + 20) !== 0) throw new ZipError("不支持分卷压缩包");
    dir = {
      count: b.u64(at + 32),
      cdSize: b.u64(at + 40),
      cdOffset: b.u64(at + 48),
      cdEnd: at,
      comment,
    };
  }
  b.inside(dir.cdOffset, dir.cdSize);
  return dir;
}

/** One central-directory entry as read. */
interface Parsed {
  name: string;
  central: Uint8Array;
  offsetAt: { at: number; wide: boolean };
  localOffset: number;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
}

/** Zip64 extra field: the 8-byte values of the fixed fields that hold 0xFFFFFFFF. */
function zip64Values(b: ArchiveBytes, at: number, entry: Parsed, nameLength: number): void {
  let e = at + 46 + nameLength;
  const extraEnd = e + b.u16(at + 30);
  while (e + 4 <= extraEnd) {
    if (b.u16(e) !== 0x0001) {
      e += 4 + b.u16(e + 2);
      continue;
    }
    let p = e + 4;
    if (entry.size === MAX32) {
      entry.size = b.u64(p);
      p += 8;
    }
    if (entry.compressedSize === MAX32) {
      entry.compressedSize = b.u64(p);
      p += 8;
    }
    if (entry.localOffset === MAX32) {
      entry.localOffset = b.u64(p);
      entry.offsetAt = { at: p - at, wide: true };
    }
    return;
  }
  throw new ZipError("压缩包目录已损坏");
}

/** The entry whose central record starts at `at`, and the record's length. */
function centralEntry(b: ArchiveBytes, at: number): { entry: Parsed; length: number } {
  b.inside(at, 46);
  if (b.u32(at) !== SIG_CENTRAL) throw new ZipError("压缩包目录已损坏");
  const nameLength = b.u16(at + 28);
  const length = 46 + nameLength + b.u16(at + 30) + b.u16(at + 32);
  b.inside(at, length);
  const entry: Parsed = {
    name: utf8.decode(b.data.subarray(at + 46, at + 46 + nameLength)),
    central: new Uint8Array(b.data.subarray(at, at + length)),
    offsetAt: { at: 42, wide: false },
    localOffset: b.u32(at + 42),
    method: b.u16(at + 10),
    flags: b.u16(at + 8),
    compressedSize: b.u32(at + 20),
    size: b.u32(at + 24),
  };
  const { compressedSize, size, localOffset } = entry;
  if (compressedSize === MAX32 || size === MAX32 || localOffset === MAX32)
    zip64Values(b, at, entry, nameLength);
  return { entry, length };
}

function centralEntries(b: ArchiveBytes, dir: Directory): Parsed[] {
  const parsed: Parsed[] = [];
  let at = dir.cdOffset;
  for (let n = 0; n < dir.count; n++) {
    const { entry, length } = centralEntry(b, at);
    parsed.push(entry);
    at += length;
  }
  return parsed;
}

/** Two entries of one name (case aside): which one a reader takes is anybody's guess. */
function refuseDuplicateNames(parsed: readonly Parsed[]): void {
  const seen = new Set<string>();
  for (const p of parsed) {
    const lower = p.name.toLowerCase();
    if (seen.has(lower)) throw new ZipRefusal(`文件中有重名的部件（${p.name}），可能已损坏`);
    seen.add(lower);
  }
}

/** Each entry's bytes run from its local header to the next entry's (or the directory). */
function originalEntries(b: ArchiveBytes, parsed: readonly Parsed[], dir: Directory): Entry[] {
  const byOffset = [...parsed].sort((x, y) => x.localOffset - y.localOffset);
  const ends = new Map<Parsed, number>();
  byOffset.forEach((p, i) =>
    ends.set(p, byOffset[i + 1]?.localOffset ?? Math.min(dir.cdOffset, dir.cdEnd))
  );
  return parsed.map((p): Entry => {
    const end = ends.get(p) as number;
    b.inside(p.localOffset, 30);
    if (b.u32(p.localOffset) !== SIG_LOCAL) throw new ZipError("压缩包已损坏");
    const dataStart = p.localOffset + 30 + b.u16(p.localOffset + 26) + b.u16(p.localOffset + 28);
    if (dataStart + p.compressedSize > end) throw new ZipError("压缩包已损坏");
    const { name, central, offsetAt, method, flags, compressedSize, size } = p;
    const local = b.data.subarray(p.localOffset, end);
    return {
      kind: "original",
      name,
      local,
      central,
      offsetAt,
      method,
      flags,
      compressedSize,
      size,
    };
  });
}

/** Parts up to this size are inflated once per package (the reader and the writer both read them). */
const KEEP_INFLATED_BYTES = 4 * MB;

export class ZipPackage {
  private readonly entries: Entry[];
  /** Inflated small parts, by entry (a replaced entry is a new object, so never stale). */
  private readonly inflated = new WeakMap<Original, Uint8Array>();
  private readonly comment: Uint8Array;

  private constructor(entries: Entry[], comment: Uint8Array) {
    this.entries = entries;
    this.comment = comment;
  }

  /** An archive with no entry yet (a new workbook's parts are written into it). */
  static empty(): ZipPackage {
    return new ZipPackage([], new Uint8Array(0));
  }

  /** Parses the archive's central directory (no part is inflated until it is read). */
  static read(data: Uint8Array): ZipPackage {
    const bytes = new ArchiveBytes(data);
    const directory = centralDirectory(bytes);
    const parsed = centralEntries(bytes, directory);
    refuseDuplicateNames(parsed);
    checkDeclaredSizes(parsed);
    return new ZipPackage(originalEntries(bytes, parsed, directory), directory.comment);
  }

  private find(part: string): Entry | undefined {
    const lower = part.replace(/^\//, "").toLowerCase();
    return this.entries.find((e) => e.name.toLowerCase() === lower);
  }

  /** The entry's real name (part names are case-insensitive), or null. */
  name(part: string): string | null {
    return this.find(part)?.name ?? null;
  }

  /** Every entry's name, in archive order. */
  names(): string[] {
    return this.entries.map((e) => e.name);
  }

  /** The part's bytes, inflated; null when there is no such part. */
  bytes(part: string): Uint8Array | null {
    const entry = this.find(part);
    if (!entry) return null;
    if (entry.kind === "written") return entry.content;
    if (entry.kind === "compressed")
      return entry.part.size === 0
        ? new Uint8Array(0)
        : inflateRaw(joined(entry.part.chunks), entry.part.size);
    const kept = this.inflated.get(entry);
    if (kept) return kept;
    const bytes = this.inflate(entry);
    if (bytes.length <= KEEP_INFLATED_BYTES) this.inflated.set(entry, bytes);
    return bytes;
  }

  private inflate(entry: Original): Uint8Array {
    const raw = this.raw(entry);
    if (entry.method === 0) return raw;
    let inflated: Uint8Array;
    try {
      // Never more than the directory states (plus one byte, to see a lie).
      inflated = inflateRaw(raw, entry.size + 1);
    } catch (error) {
      throw this.inflateError(entry, error);
    }
    if (inflated.length > entry.size) throw this.inflateError(entry, { code: OUTPUT_TOO_LARGE });
    return inflated;
  }

  /** An original entry's stored bytes (deflated or not); refused when it cannot be inflated. */
  private raw(entry: Original): Uint8Array {
    if (entry.flags & FLAG_ENCRYPTED) throw new ZipError(`部件 ${entry.name} 已加密`);
    if (entry.method !== 0 && entry.method !== 8)
      throw new ZipError(`部件 ${entry.name} 的压缩方式（${entry.method}）不受支持`);
    const local = entry.local;
    const view = new DataView(local.buffer, local.byteOffset, local.byteLength);
    const start = 30 + view.getUint16(26, true) + view.getUint16(28, true);
    return local.subarray(start, start + entry.compressedSize);
  }

  /** Why a part could not be inflated: larger than the directory said, or damaged. */
  private inflateError(entry: Original, error: unknown): ZipError {
    return (error as { code?: string }).code === OUTPUT_TOO_LARGE
      ? new ZipRefusal(`文件中的 ${entry.name} 解压后大于压缩包目录所记，文件已损坏`)
      : new ZipError(`部件 ${entry.name} 已损坏`);
  }

  /** The part as UTF-8 text (a byte-order mark dropped); null when there is no such part. */
  text(part: string): string | null {
    const bytes = this.textBytes(part);
    return bytes === null ? null : utf8.decode(bytes);
  }

  /**
   * The part as UTF-8 text in pieces of about `size` bytes, each ending just after an occurrence
   * of `after` (ASCII, so never inside a character): a sheet of 100,000 rows is never one string
   * of 40 MB. Once any of `unless` is seen after the XML declaration, no more cuts are made:
   * from the last cut before it, the rest of the text is one piece (a part of up to eight pieces
   * is looked at whole, so it is then one piece). A larger part is inflated as it is cut, so its
   * bytes are never held whole. Null when there is no such part.
   */
  textPieces(
    part: string,
    cut: { after: string; unless: readonly string[] },
    size = 1 << 20
  ): Iterable<string> | null {
    const entry = this.find(part);
    if (entry?.kind === "original" && entry.method === 8 && entry.size > 8 * size) {
      this.checkTextSize(entry);
      return streamedPieces(utf8Pieces(this.inflatedPieces(entry)), cut, size);
    }
    const bytes = this.textBytes(part);
    if (bytes === null) return null;
    return streamedPieces([bytes], cut, size);
  }

  private textBytes(part: string): Uint8Array | null {
    const entry = this.find(part);
    if (entry?.kind === "original") this.checkTextSize(entry);
    const bytes = this.bytes(part);
    return bytes === null ? null : asUtf8(bytes);
  }

  private checkTextSize(entry: Original): void {
    if (entry.size > ZIP_LIMITS.textBytes)
      throw new ZipRefusal(
        `文件中的 ${entry.name} 解压后约 ${megabytes(entry.size)} MB，超过本工具可读的 ${megabytes(ZIP_LIMITS.textBytes)} MB`
      );
  }

  /** A deflated original part's bytes in pieces, never more than the directory states. */
  private *inflatedPieces(entry: Original): Generator<Uint8Array> {
    const raw = this.raw(entry); // refused as it is (encrypted, another method) before the try
    try {
      yield* inflatePieces(raw, entry.size);
    } catch (error) {
      throw this.inflateError(entry, error);
    }
  }

  /** Replaces the part (keeping its place and name) or adds it at the end. */
  write(part: string, content: string | Uint8Array | CompressedPart): void {
    const entry = this.find(part);
    const name = entry?.name ?? part.replace(/^\//, "");
    const written: Written | Compressed =
      typeof content === "string" || content instanceof Uint8Array
        ? {
            kind: "written",
            name,
            content: typeof content === "string" ? encoder.encode(content) : content,
          }
        : { kind: "compressed", name, part: content };
    if (entry) this.entries[this.entries.indexOf(entry)] = written;
    else this.entries.push(written);
  }

  remove(part: string): void {
    const entry = this.find(part);
    if (entry) this.entries.splice(this.entries.indexOf(entry), 1);
  }

  /** The archive: copied entries byte for byte, written ones deflated, a new directory. */
  toBytes(now = new Date()): Uint8Array {
    const stamp = dosDateTime(now);
    const locals: Uint8Array[] = [];
    const centrals: Uint8Array[] = [];
    let offset = 0;
    for (const entry of this.entries) {
      if (offset >= MAX32) throw new ZipError("压缩包过大");
      const out =
        entry.kind === "original" ? originalAt(entry, offset) : writtenAt(entry, offset, stamp);
      locals.push(...out.local);
      centrals.push(out.central);
      offset += out.length;
    }
    const cdSize = centrals.reduce((n, c) => n + c.length, 0);
    if (this.entries.length >= MAX16 || offset >= MAX32 || cdSize >= MAX32)
      throw new ZipError("压缩包过大");
    return joined([
      ...locals,
      ...centrals,
      endRecordOf(this.entries.length, cdSize, offset, this.comment),
    ]);
  }
}

/** An entry's bytes placed at `offset`: its local header and data, its central record. */
interface Placed {
  local: Uint8Array[];
  central: Uint8Array;
  /** Bytes of `local` in all. */
  length: number;
}

/** An original entry copied as it was, its central record pointing at its new offset. */
function originalAt(entry: Original, offset: number): Placed {
  const central = new Uint8Array(entry.central);
  const view = new DataView(central.buffer, central.byteOffset, central.byteLength);
  if (entry.offsetAt.wide) view.setBigUint64(entry.offsetAt.at, BigInt(offset), true);
  else view.setUint32(entry.offsetAt.at, offset, true);
  return { local: [entry.local], central, length: entry.local.length };
}

/** A header of `size` fixed bytes then the name, its signature set. */
function headerBytes(size: number, sig: number, name: Uint8Array) {
  const bytes = new Uint8Array(size + name.length);
  const v = new DataView(bytes.buffer);
  v.setUint32(0, sig, true);
  return { bytes, v };
}

/** What a written entry's two headers share: flags, method, time, CRC and sizes. */
interface EntryFields {
  flags: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
}

function localHeader(name: Uint8Array, f: EntryFields): Uint8Array {
  const l = headerBytes(30, SIG_LOCAL, name);
  l.v.setUint16(4, 20, true);
  l.v.setUint16(6, f.flags, true);
  l.v.setUint16(8, 8, true);
  l.v.setUint16(10, f.time, true);
  l.v.setUint16(12, f.date, true);
  l.v.setUint32(14, f.crc, true);
  l.v.setUint32(18, f.compressedSize, true);
  l.v.setUint32(22, f.size, true);
  l.v.setUint16(26, name.length, true);
  l.bytes.set(name, 30);
  return l.bytes;
}

function centralHeader(name: Uint8Array, f: EntryFields, offset: number): Uint8Array {
  const c = headerBytes(46, SIG_CENTRAL, name);
  c.v.setUint16(4, 20, true);
  c.v.setUint16(6, 20, true);
  c.v.setUint16(8, f.flags, true);
  c.v.setUint16(10, 8, true);
  c.v.setUint16(12, f.time, true);
  c.v.setUint16(14, f.date, true);
  c.v.setUint32(16, f.crc, true);
  c.v.setUint32(20, f.compressedSize, true);
  c.v.setUint32(24, f.size, true);
  c.v.setUint16(28, name.length, true);
  c.v.setUint32(42, offset, true);
  c.bytes.set(name, 46);
  return c.bytes;
}

/** A written (or inflated and changed) entry, deflated, with headers made here. */
function writtenAt(
  entry: Written | Compressed,
  offset: number,
  stamp: { date: number; time: number }
): Placed {
  const name = encoder.encode(entry.name);
  const { compressed, compressedSize, size, crc } = compressedEntry(entry);
  // Sizes and offsets at or above 0xFFFFFFFF would need zip64 records.
  if (size >= MAX32) throw new ZipError("压缩包过大");
  const flags = name.length === entry.name.length ? 0 : FLAG_UTF8;
  const fields: EntryFields = { flags, ...stamp, crc, compressedSize, size };
  const local = localHeader(name, fields);
  return {
    local: [local, ...compressed],
    central: centralHeader(name, fields, offset),
    length: local.length + compressedSize,
  };
}

/** The end of central directory record. */
function endRecordOf(count: number, cdSize: number, cdOffset: number, comment: Uint8Array) {
  const end = new Uint8Array(22 + comment.length);
  const v = new DataView(end.buffer);
  v.setUint32(0, SIG_EOCD, true);
  v.setUint16(8, count, true);
  v.setUint16(10, count, true);
  v.setUint32(12, cdSize, true);
  v.setUint32(16, cdOffset, true);
  v.setUint16(20, comment.length, true);
  end.set(comment, 22);
  return end;
}

/** A written entry's compressed bytes (in pieces), their size, its size and CRC-32. */
function compressedEntry(
  entry: Written | Compressed
): CompressedPart & { compressed: Uint8Array[] } {
  if (entry.kind === "compressed") return { ...entry.part, compressed: entry.part.chunks };
  const compressed = deflateRaw(entry.content);
  return {
    chunks: [compressed],
    compressed: [compressed],
    compressedSize: compressed.length,
    size: entry.content.length,
    crc: crc32(entry.content),
  };
}
