/**
 * Raw DEFLATE for the zip package, through Node's zlib. The 网页版 (a browser, no Node) is built
 * with deflate.browser.ts in its place (scripts/build-web.cjs): the same three functions.
 */
import { crc32 as zlibCrc32, deflateRawSync, inflateRawSync } from "node:zlib";

/** Thrown (as `code`) when inflating would give more than the limit. */
export const OUTPUT_TOO_LARGE = "ERR_BUFFER_TOO_LARGE";

/** Inflates `raw`, refusing (code OUTPUT_TOO_LARGE) to produce more than `limit` bytes. */
export function inflateRaw(raw: Uint8Array, limit: number): Uint8Array {
  return inflateRawSync(raw, { maxOutputLength: limit });
}

/** Deflates at level 1: twice as fast as the default on XML parts, about 15% larger. */
export function deflateRaw(data: Uint8Array): Uint8Array {
  return deflateRawSync(data, { level: 1 });
}

/** zlib's CRC-32 where this Node has it (20.15+), else null. */
export const nativeCrc32: ((data: Uint8Array) => number) | null =
  typeof zlibCrc32 === "function" ? (data) => zlibCrc32(data) >>> 0 : null;
