/**
 * The 网页版's DEFLATE (fflate, deflate.browser.ts) in place of Node's zlib: the package reader
 * and writer give the same snapshot and a package that reads back, and a part that inflates
 * past what the zip directory states is refused as in Node.
 */
jest.mock("../../src/hosts/file/deflate", () =>
  jest.requireActual("../../src/hosts/file/deflate.browser")
);

import { readFileSync } from "node:fs";
import { createDeflateRaw, deflateRawSync, inflateRawSync } from "node:zlib";
import { OWNER_NAMES } from "../../src/hosts/ownership";
import { readPackage } from "../../src/hosts/file/packageReader";
import { writeOwnedSheetIntoPackage } from "../../src/hosts/file/packageWriter";
import { ZipPackage } from "../../src/hosts/file/zipPackage";
import { chunkDeflater, deflateRaw, inflateRaw, nativeCrc32 } from "../../src/hosts/file/deflate";
import { layOut } from "../../src/pipeline/layOut";
import { scoreSnapshot } from "../../src/pipeline/scoreWorkbook";
import { SAMPLE_PATH } from "../parse/sampleSnapshot";

describe("DEFLATE in the browser build (fflate)", () => {
  it("is the browser module here, and agrees with zlib both ways", () => {
    expect(nativeCrc32).toBeNull();
    const text = new TextEncoder().encode(
      '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'.repeat(500)
    );
    expect(Buffer.from(inflateRawSync(deflateRaw(text)))).toEqual(Buffer.from(text));
    expect(Buffer.from(inflateRaw(deflateRawSync(text), text.length))).toEqual(Buffer.from(text));
    expect(() => inflateRaw(deflateRawSync(text), text.length - 1)).toThrow(
      expect.objectContaining({ code: "ERR_BUFFER_TOO_LARGE" })
    );
  });

  it("compresses a part piece by piece into one stream zlib inflates", () => {
    const deflate = chunkDeflater();
    const pieces = Array.from({ length: 30 }, (_, i) =>
      new TextEncoder().encode(
        `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`.repeat(300)
      )
    );
    const out = pieces.flatMap((p) => deflate(p, false));
    out.push(...deflate(new Uint8Array(0), true));
    expect(inflateRawSync(Buffer.concat(out)).equals(Buffer.concat(pieces))).toBe(true);
  });

  it("stops a bomb at the limit without inflating it whole", async () => {
    // 300 MB of zeros as raw DEFLATE (about 300 KB), made without holding the 300 MB.
    const bomb = await new Promise<Uint8Array>((resolve) => {
      const chunks: Buffer[] = [];
      const deflater = createDeflateRaw();
      deflater.on("data", (c: Buffer) => chunks.push(c));
      deflater.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
      const zeros = Buffer.alloc(1024 * 1024);
      for (let i = 0; i < 300; i++) deflater.write(zeros);
      deflater.end();
    });
    const before = process.memoryUsage().arrayBuffers;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().arrayBuffers)), 1);
    expect(() => inflateRaw(bomb, 1024 * 1024)).toThrow(
      expect.objectContaining({ code: "ERR_BUFFER_TOO_LARGE" })
    );
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().arrayBuffers);
    expect(peak - before).toBeLessThan(100 * 1024 * 1024);
  });

  it("reads the sample and writes its summary into the package as the command line does", async () => {
    const bytes = new Uint8Array(readFileSync(SAMPLE_PATH));
    const snapshot = readPackage(ZipPackage.read(bytes));
    const score = scoreSnapshot(snapshot);
    expect(score.evaluation.total.toFixed(2)).toBe("95.18");
    const written = await writeOwnedSheetIntoPackage(bytes, layOut(score, "2026-11-29").summary!, {
      markerName: OWNER_NAMES.summary,
      preferredName: "绩效自评汇总",
    });
    const again = readPackage(ZipPackage.read(written.data));
    expect(again.ownedSheets?.summary).toBe("绩效自评汇总");
    expect(again.sheets.map((s) => s.name)).toEqual([
      ...snapshot.sheets.map((s) => s.name),
      "绩效自评汇总",
    ]);
  });

  it("refuses a part that inflates past its stated size", () => {
    const bytes = new Uint8Array(readFileSync(SAMPLE_PATH));
    const zip = ZipPackage.read(bytes);
    // Patch the directory's stated size of the first deflated part down by one byte.
    const data = new Uint8Array(bytes);
    const view = new DataView(data.buffer);
    let at = data.length - 22;
    const directory = view.getUint32(at + 16, true);
    at = directory;
    const name = new TextDecoder().decode(
      data.subarray(at + 46, at + 46 + view.getUint16(at + 28, true))
    );
    view.setUint32(at + 24, view.getUint32(at + 24, true) - 1, true);
    expect(zip.bytes(name)).not.toBeNull();
    expect(() => ZipPackage.read(data).bytes(name)).toThrow(/解压后大于压缩包目录所记/);
  });
});
