/**
 * The zip container edited in place (zipPackage.ts): untouched entries keep their exact bytes,
 * written ones are valid deflated entries, zip64 archives are read, and what cannot be edited
 * safely is refused with a ZipError (the package writer then falls back to ExcelJS).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";
import { writeOwnedSheetIntoPackage } from "../../src/hosts/file/packageWriter";
import {
  ZIP_LIMITS,
  ZipError,
  ZipPackage,
  PartCompressor,
  ZipRefusal,
  tableCrc32,
} from "../../src/hosts/file/zipPackage";
import { zipOf } from "../../e2e/hostileFiles";
import { OWNER_NAME } from "../../src/hosts/ownership";
import type { SheetLayout } from "../../src/layout/sheetLayout";
import { SAMPLE_PATH } from "../parse/sampleSnapshot";

const sample = () => new Uint8Array(readFileSync(SAMPLE_PATH));
const bytesOf = (text: string) => new TextEncoder().encode(text);

async function jszip(
  files: Record<string, string>,
  options: { streamFiles?: boolean; comment?: string } = {}
): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", ...options });
}

/** Every entry's name and text, through JSZip (with its CRC check). */
async function contents(data: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(data, { checkCRC32: true });
  const out: Record<string, string> = {};
  for (const f of Object.values(zip.files)) if (!f.dir) out[f.name] = await f.async("string");
  return out;
}

/**
 * A zip64 archive as .NET's System.IO.Packaging writes them: every size and offset in the
 * zip64 extra field, and zip64 end-of-directory records.
 */
function zip64(files: Record<string, Uint8Array>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const n = Buffer.from(name);
    const data = deflateRawSync(content);
    const crc = crc32(content) >>> 0;
    const local = Buffer.alloc(30 + n.length + 20);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(45, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(0xffffffff, 18);
    local.writeUInt32LE(0xffffffff, 22);
    local.writeUInt16LE(n.length, 26);
    local.writeUInt16LE(20, 28);
    n.copy(local, 30);
    local.writeUInt16LE(1, 30 + n.length);
    local.writeUInt16LE(16, 32 + n.length);
    local.writeBigUInt64LE(BigInt(content.length), 34 + n.length);
    local.writeBigUInt64LE(BigInt(data.length), 42 + n.length);
    const central = Buffer.alloc(46 + n.length + 28);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(45, 4);
    central.writeUInt16LE(45, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(0xffffffff, 20);
    central.writeUInt32LE(0xffffffff, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt16LE(28, 30);
    central.writeUInt32LE(0xffffffff, 42);
    n.copy(central, 46);
    central.writeUInt16LE(1, 46 + n.length);
    central.writeUInt16LE(24, 48 + n.length);
    central.writeBigUInt64LE(BigInt(content.length), 50 + n.length);
    central.writeBigUInt64LE(BigInt(data.length), 58 + n.length);
    central.writeBigUInt64LE(BigInt(offset), 66 + n.length);
    locals.push(local, data);
    centrals.push(central);
    offset += local.length + data.length;
  }
  const cdSize = centrals.reduce((s, c) => s + c.length, 0);
  const count = Object.keys(files).length;
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(cdSize), 40);
  record.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + cdSize), 8);
  locator.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return new Uint8Array(Buffer.concat([...locals, ...centrals, record, locator, end]));
}

describe("the zip container (zipPackage)", () => {
  it("writes an unchanged archive back byte for byte", async () => {
    for (const data of [
      sample(),
      await jszip({ "a.xml": "<a/>", "b/c.xml": "<c>中文</c>" }),
      // Data descriptors after each entry's data.
      await jszip({ "a.xml": "<a/>".repeat(100), "b.xml": "<b/>" }, { streamFiles: true }),
      await jszip({ "a.xml": "<a/>" }, { comment: "说明 comment" }),
    ]) {
      const out = ZipPackage.read(data).toBytes();
      expect(Buffer.from(out).equals(Buffer.from(data))).toBe(true);
    }
  });

  it("replaces in place, adds at the end, removes, and copies the rest as it was", async () => {
    const data = await jszip(
      { "a.xml": "<a>1</a>", "b.xml": "<b>2</b>".repeat(50), "c.xml": "<c>3</c>" },
      { streamFiles: true, comment: "保留" }
    );
    const zip = ZipPackage.read(data);
    expect(zip.names()).toEqual(["a.xml", "b.xml", "c.xml"]);
    expect(zip.text("B.XML")).toBe("<b>2</b>".repeat(50));
    expect(zip.name("/C.xml")).toBe("c.xml");
    zip.write("a.xml", "<a>新</a>");
    zip.write("xl/新部件.xml", "<new/>");
    zip.remove("c.xml");
    const out = zip.toBytes(new Date(2026, 10, 27, 9, 30, 12));
    expect(await contents(out)).toEqual({
      "a.xml": "<a>新</a>",
      "b.xml": "<b>2</b>".repeat(50),
      "xl/新部件.xml": "<new/>",
    });
    const reread = await JSZip.loadAsync(out);
    expect(Object.keys(reread.files)).toEqual(["a.xml", "b.xml", "xl/新部件.xml"]);
    expect((reread as unknown as { comment: string }).comment).toBe("保留");
    expect(reread.file("xl/新部件.xml")!.date.getMinutes()).toBe(30);
    // b.xml's local header, deflated data and data descriptor are in the output verbatim.
    const original = ZipPackage.read(data);
    original.remove("a.xml");
    original.remove("c.xml");
    const bOnly = original.toBytes();
    const cd = Buffer.from(bOnly).indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    expect(Buffer.from(out).indexOf(Buffer.from(bOnly.subarray(0, cd)))).toBeGreaterThan(0);
    expect(ZipPackage.read(out).text("b.xml")).toBe("<b>2</b>".repeat(50));
  });

  it("never writes into the bytes it was read from (a Buffer shares its pool)", async () => {
    const pool = Buffer.concat([
      Buffer.alloc(100, 7),
      Buffer.from(await jszip({ "a.xml": "<a/>", "b.xml": "<b/>" })),
      Buffer.alloc(100, 9),
    ]);
    const before = Buffer.from(pool);
    const input = pool.subarray(100, pool.length - 100);
    // And a Buffer at the start of its own memory, as readFile returns them.
    const own = Buffer.from(new ArrayBuffer(input.length + 64), 0, input.length);
    own.set(input);
    const ownBefore = Buffer.from(own);
    const again = ZipPackage.read(own);
    again.write("b.xml", "<b>changed</b>");
    again.toBytes();
    expect(own.equals(ownBefore)).toBe(true);
    const zip = ZipPackage.read(input);
    zip.write("b.xml", "<b>changed</b>");
    const once = zip.toBytes();
    const twice = ZipPackage.read(Buffer.from(once));
    twice.write("c.xml", "<c/>");
    await contents(twice.toBytes());
    expect(pool.equals(before)).toBe(true);
    expect((await contents(once))["a.xml"]).toBe("<a/>");
  });

  it("reads a zip64 archive and writes a valid archive from it", async () => {
    const data = zip64({ "a.xml": bytesOf("<a>甲</a>"), "b.xml": bytesOf("<b/>") });
    expect(await contents(data)).toEqual({ "a.xml": "<a>甲</a>", "b.xml": "<b/>" });
    const zip = ZipPackage.read(data);
    expect(zip.text("a.xml")).toBe("<a>甲</a>");
    zip.write("c.xml", "<c/>");
    zip.remove("a.xml");
    const out = zip.toBytes();
    expect(await contents(out)).toEqual({ "b.xml": "<b/>", "c.xml": "<c/>" });
  });

  it("reads a zip64 archive whose end record says 0xFFFF for its disks (see the zip64 record)", async () => {
    const data = Buffer.from(zip64({ "a.xml": bytesOf("<a/>") }));
    const end = data.length - 22;
    data.writeUInt16LE(0xffff, end + 4);
    data.writeUInt16LE(0xffff, end + 6);
    expect(ZipPackage.read(data).text("a.xml")).toBe("<a/>");
    // Without zip64 records, a disk number other than 0 is a multi-disk archive.
    const plain = Buffer.from(await jszip({ "a.xml": "<a/>" }));
    plain.writeUInt16LE(1, plain.length - 22 + 4);
    expect(() => ZipPackage.read(plain)).toThrow("不支持分卷压缩包");
  });

  it("finds the real end record when the archive comment holds its signature", async () => {
    const comment = `说明 PK\u0005\u0006${"\u0000".repeat(18)} 结束`;
    const data = await jszip({ "a.xml": "<a/>" }, { comment });
    const zip = ZipPackage.read(data);
    expect(zip.names()).toEqual(["a.xml"]);
    expect(Buffer.from(zip.toBytes()).equals(Buffer.from(data))).toBe(true);
  });

  it("adds the summary to a zip64 workbook, which ExcelJS and the sheets then read", async () => {
    const zip = await JSZip.loadAsync(sample());
    const files: Record<string, Uint8Array> = {};
    for (const f of Object.values(zip.files))
      if (!f.dir) files[f.name] = await f.async("uint8array");
    const layout: SheetLayout = {
      name: "绩效自评汇总",
      fontName: "宋体",
      fontSize: 11,
      cells: [{ row: 0, column: 0, value: "总分 95.18" }],
      merges: [],
      columnWidths: [20],
    };
    const result = await writeOwnedSheetIntoPackage(zip64(files), layout, {
      markerName: OWNER_NAME,
      preferredName: layout.name,
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(result.data as unknown as ArrayBuffer);
    expect(wb.getWorksheet("绩效自评汇总")!.getCell("A1").value).toBe("总分 95.18");
    expect(wb.worksheets.map((w) => w.name)).toContain("预算支出");
  });

  it("computes CRC-32 by table as zlib does (for a Node without zlib.crc32)", () => {
    for (const text of ["", "a", "绩效自评汇总", "<x/>".repeat(1000)]) {
      const data = bytesOf(text);
      expect(tableCrc32(data)).toBe(crc32(data) >>> 0);
    }
    expect(tableCrc32(bytesOf("123456789"))).toBe(0xcbf43926);
  });

  it("continues a running CRC-32 by table as zlib does", () => {
    const [a, b] = [bytesOf('<row r="1"/>'.repeat(300)), bytesOf("绩效自评汇总")];
    expect(tableCrc32(b, tableCrc32(a))).toBe(crc32(b, crc32(a)) >>> 0);
  });

  it("stores a part compressed piece by piece as one valid entry (zlib and JSZip read it back)", async () => {
    const pieces = Array.from({ length: 40 }, (_, i) =>
      bytesOf(
        `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>项目 ${i}</t></is></c></row>`.repeat(
          1200
        )
      )
    );
    const compressor = new PartCompressor();
    for (const piece of pieces) compressor.push(piece);
    const part = compressor.finish();
    const whole = Buffer.concat(pieces);
    expect(part.size).toBe(whole.length);
    expect(part.crc).toBe(crc32(whole) >>> 0);
    // More than a piece's worth of raw bytes: compressed in several pieces, never held whole.
    expect(whole.length).toBeGreaterThan(2 * PartCompressor.PIECE_BYTES);
    expect(part.chunks.length).toBeGreaterThan(2);
    expect(inflateRawSync(Buffer.concat(part.chunks)).equals(whole)).toBe(true);
    const zip = ZipPackage.read(await jszip({ "a.xml": "<a/>" }));
    zip.write("big.xml", part);
    const written = zip.toBytes();
    expect((await contents(written))["big.xml"]).toBe(whole.toString("utf8"));
    expect(Buffer.from(ZipPackage.read(written).bytes("big.xml") as Uint8Array).equals(whole)).toBe(
      true
    );
  });

  it("reads a part as text in pieces cut after a row's end tag, or whole where it may not cut", async () => {
    const rows = Array.from(
      { length: 300 },
      (_, i) => `<row r="${i + 1}"><c t="inlineStr"><is><t>项目名称${i}号</t></is></c></row>`
    ).join("");
    const xml = `<worksheet><sheetData>${rows}</sheetData></worksheet>`;
    const withComment = xml.replace("<sheetData>", "<!-- </row> --><sheetData>");
    const withInstruction = xml.replace("<sheetData>", "<?pi </row> ?><sheetData>");
    const declared = `\uFEFF<?xml version="1.0" encoding="UTF-8"?>${xml}`;
    const zip = ZipPackage.read(
      await jszip({ "s.xml": declared, "c.xml": withComment, "p.xml": withInstruction })
    );
    const pieces = [
      ...(zip.textPieces("s.xml", { after: "</row>", unless: ["<!", "<?"] }, 1000) ?? []),
    ];
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.join("")).toBe(zip.text("s.xml"));
    // The byte-order mark dropped; the declaration's `<?` is no reason to read it whole.
    expect(pieces.join("").startsWith("<?xml")).toBe(true);
    // Every piece but the last ends with a row's end tag; none splits a character.
    for (const piece of pieces.slice(0, -1)) expect(piece.endsWith("</row>")).toBe(true);
    expect(pieces.join("")).not.toContain("\uFFFD");
    // A comment, CDATA or processing instruction could hold the tag: then the text is one piece.
    for (const part of ["c.xml", "p.xml"]) {
      const whole = [
        ...(zip.textPieces(part, { after: "</row>", unless: ["<!", "<?"] }, 1000) ?? []),
      ];
      expect(whole).toEqual([zip.text(part)]);
    }
    expect(zip.textPieces("missing.xml", { after: "</row>", unless: ["<!", "<?"] })).toBeNull();
  });

  it("inflates a large part as it cuts it, and reads on whole from a late comment", async () => {
    const cut = { after: "</row>", unless: ["<!", "<?"] };
    const rows = (from: number, to: number) =>
      Array.from(
        { length: to - from },
        (_, i) =>
          `<row r="${from + i}"><c t="inlineStr"><is><t>社会保险项目${from + i}</t></is></c></row>`
      ).join("");
    const xml = `<?xml version="1.0"?><worksheet><sheetData>${rows(1, 20_000)}</sheetData></worksheet>`;
    // A comment holding the tag two thirds of the way in: cuts stop before it. (The inflater
    // hands on what each 16 KB of compressed bytes gives, about 150 KB here.)
    const late = xml.replace('<row r="14000">', '<!-- </row> --><row r="14000">');
    const zip = ZipPackage.read(await jszip({ "s.xml": xml, "l.xml": late }));
    const streamed = [...(zip.textPieces("s.xml", cut, 1000) ?? [])];
    // Over eight pieces' worth (about 1.2 MB), so read as it is inflated.
    expect(new TextEncoder().encode(xml).length).toBeGreaterThan(8 * 1000);
    expect(streamed.join("")).toBe(xml);
    expect(streamed.length).toBeGreaterThan(500);
    for (const piece of streamed.slice(0, -1)) expect(piece.endsWith("</row>")).toBe(true);
    expect(streamed.join("")).not.toContain("\uFFFD");

    const pieces = [...(zip.textPieces("l.xml", cut, 1000) ?? [])];
    expect(pieces.join("")).toBe(late);
    const withComment = pieces.findIndex((p) => p.includes("<!--"));
    expect(withComment).toBeGreaterThan(100);
    // The piece holding the comment runs to the end of the text.
    expect(withComment).toBe(pieces.length - 1);
    expect(pieces[withComment]?.endsWith("</worksheet>")).toBe(true);
  });

  it("refuses what it cannot edit safely, with a reason", async () => {
    const refused = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        expect(error).toBeInstanceOf(ZipError);
        return (error as Error).message;
      }
      throw new Error("not refused");
    };
    expect(refused(() => ZipPackage.read(new Uint8Array(0)))).toBe("找不到压缩包目录");
    expect(refused(() => ZipPackage.read(bytesOf("这不是压缩包".repeat(10))))).toBe(
      "找不到压缩包目录"
    );
    const good = await jszip({ "a.xml": "<a/>", "b.xml": "<b/>" });
    // The directory cut short.
    const cd = Buffer.from(good).indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const cut = Buffer.concat([
      Buffer.from(good.subarray(0, cd + 10)),
      Buffer.from(good.subarray(-22)),
    ]);
    expect(refused(() => ZipPackage.read(cut))).toMatch(/损坏/);
    // Two entries of the same name.
    const twin = Buffer.from(good);
    for (let i = twin.indexOf("b.xml"); i >= 0; i = twin.indexOf("b.xml", i + 1))
      twin.write("a.xml", i);
    expect(refused(() => ZipPackage.read(twin))).toBe("文件中有重名的部件（a.xml），可能已损坏");
    // An encrypted entry, and an unknown method, fail only when that part is read.
    const odd = Buffer.from(good);
    const centralA = odd.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    odd.writeUInt16LE(odd.readUInt16LE(centralA + 8) | 1, centralA + 8);
    const centralB = odd.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), centralA + 4);
    odd.writeUInt16LE(12, centralB + 10);
    const zip = ZipPackage.read(odd);
    expect(refused(() => zip.text("a.xml"))).toBe("部件 a.xml 已加密");
    expect(refused(() => zip.text("b.xml"))).toBe("部件 b.xml 的压缩方式（12）不受支持");
    expect(Buffer.from(zip.toBytes()).equals(odd)).toBe(true);
  });

  describe("sizes no workbook has (zip bombs)", () => {
    const entry = (name: string, content: Buffer, statedSize?: number) => ({
      name,
      compressed: deflateRawSync(content),
      crc: crc32(content) >>> 0,
      size: content.length,
      statedSize,
    });
    const small = Buffer.from("<a/>");

    it("refuses, from the directory alone, entries stating more than the total limit", () => {
      const stated = ZIP_LIMITS.totalBytes / 2 + 1;
      const bombs = zipOf([entry("a.xml", small, stated), entry("b.xml", small, stated)]);
      expect(() => ZipPackage.read(bombs)).toThrow(ZipRefusal);
      expect(() => ZipPackage.read(bombs)).toThrow(/^文件解压后超过 1,024 MB（约 1,025 MB）/);
    });

    it("refuses one large entry compressed far more than any sheet is", () => {
      const stated = ZIP_LIMITS.largeEntryBytes + 1;
      expect(() => ZipPackage.read(zipOf([entry("xl/media/a.png", small, stated)]))).toThrow(
        /^文件中的 xl\/media\/a\.png 解压后约 33 MB，压缩比超过 200:1/
      );
    });

    it("stops inflating at the stated size when an entry holds more", () => {
      const zip = ZipPackage.read(zipOf([entry("a.xml", Buffer.alloc(100_000, 32), 10)]));
      expect(() => zip.text("a.xml")).toThrow(ZipRefusal);
      expect(() => zip.text("a.xml")).toThrow(
        "文件中的 a.xml 解压后大于压缩包目录所记，文件已损坏"
      );
    });

    it("stops inflating a part read in pieces at the stated size, and names a damaged one", () => {
      const cut = { after: "</row>", unless: ["<!", "<?"] };
      const lying = ZipPackage.read(zipOf([entry("a.xml", Buffer.alloc(1_000_000, 32), 20_000)]));
      const pieces = () => [...(lying.textPieces("a.xml", cut, 1000) ?? [])];
      expect(pieces).toThrow(ZipRefusal);
      expect(pieces).toThrow("文件中的 a.xml 解压后大于压缩包目录所记，文件已损坏");

      const damaged = entry("b.xml", Buffer.alloc(100_000, 32), 100_000);
      damaged.compressed = Buffer.from(damaged.compressed.map((b, i) => (i > 2 ? 0xff : b)));
      const zip = ZipPackage.read(zipOf([damaged]));
      expect(() => [...(zip.textPieces("b.xml", cut, 1000) ?? [])]).toThrow("部件 b.xml 已损坏");
    });

    it("refuses a part read in pieces as one read whole: encrypted, or no stream at all", () => {
      const cut = { after: "</row>", unless: ["<!", "<?"] };
      const data = Buffer.from(zipOf([entry("a.xml", Buffer.alloc(100_000, 32))]));
      const central = data.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      data.writeUInt16LE(data.readUInt16LE(central + 8) | 1, central + 8);
      const encrypted = ZipPackage.read(data);
      expect(() => [...(encrypted.textPieces("a.xml", cut, 1000) ?? [])]).toThrow(
        "部件 a.xml 已加密"
      );
      // Stated as 100,000 bytes, stored as none: zlib and the streamed inflate both refuse it.
      const empty = { ...entry("b.xml", Buffer.alloc(100_000, 32)), compressed: Buffer.alloc(0) };
      const zip = ZipPackage.read(zipOf([empty]));
      expect(() => zip.text("b.xml")).toThrow("部件 b.xml 已损坏");
      expect(() => [...(zip.textPieces("b.xml", cut, 1000) ?? [])]).toThrow("部件 b.xml 已损坏");
    });
  });
});
