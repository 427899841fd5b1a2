/**
 * Raw DEFLATE for the zip package, through Node's zlib. The 网页版 (a browser, no Node) is built
 * with deflate.browser.ts in its place (scripts/build-web.cjs): the same functions.
 */
import { constants, crc32 as zlibCrc32, deflateRawSync, inflateRawSync } from "node:zlib";
import type * as Fflate from "fflate";
import { OUTPUT_TOO_LARGE, inflateSlices } from "./inflateSlices";

/** Thrown (as `code`) when inflating would give more than the limit (zlib's own code). */
export { OUTPUT_TOO_LARGE };

/** Inflates `raw`, refusing (code OUTPUT_TOO_LARGE) to produce more than `limit` bytes. */
export function inflateRaw(raw: Uint8Array, limit: number): Uint8Array {
  return inflateRawSync(raw, { maxOutputLength: limit });
}

let fflate: typeof Fflate | null = null;

/**
 * `raw` inflated piece by piece (a sheet of 100,000 rows is never 21 MB of bytes at once), as
 * `inflateRaw` refusing more than `limit` bytes. Node's zlib has no synchronous stream, so this
 * is fflate's, loaded on first use: it takes 16 ms to load, and only a large sheet needs it.
 */
export function inflatePieces(raw: Uint8Array, limit: number): Iterable<Uint8Array> {
  // eslint-disable-next-line no-undef -- webpack and Node both provide require
  fflate ??= require("fflate") as typeof Fflate;
  return inflateSlices(fflate.Inflate, raw, limit);
}

/** Deflates at level 1: twice as fast as the default on XML parts, about 15% larger. */
export function deflateRaw(data: Uint8Array): Uint8Array {
  return deflateRawSync(data, { level: 1 });
}

/**
 * A deflater fed piece by piece (a large sheet is compressed as it is written, never held whole):
 * each call returns the compressed bytes of what it was given. Each piece ends in a sync flush
 * (a whole number of blocks, none marked last) and the final call ends the stream, so the
 * pieces one after the other are one raw DEFLATE stream.
 */
export function chunkDeflater(): (data: Uint8Array, final: boolean) => Uint8Array[] {
  return (data, final) => [
    deflateRawSync(data, {
      level: 1,
      finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
    }),
  ];
}

/** zlib's CRC-32 where this Node has it (20.15+), else null; `previous` continues a running one. */
export const nativeCrc32: ((data: Uint8Array, previous?: number) => number) | null =
  typeof zlibCrc32 === "function" ? (data, previous = 0) => zlibCrc32(data, previous) >>> 0 : null;
