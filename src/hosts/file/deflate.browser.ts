/**
 * Raw DEFLATE for the zip package in a browser (the 网页版), through fflate: the same functions
 * as deflate.ts, which the 网页版 build replaces with this file.
 */
import { Deflate, Inflate, deflateSync } from "fflate";

/** Thrown (as `code`) when inflating would give more than the limit. */
export const OUTPUT_TOO_LARGE = "ERR_BUFFER_TOO_LARGE";

/** Inflates `raw`, refusing (code OUTPUT_TOO_LARGE) to produce more than `limit` bytes. */
export function inflateRaw(raw: Uint8Array, limit: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) throw Object.assign(new Error("too large"), { code: OUTPUT_TOO_LARGE });
    chunks.push(chunk);
  });
  // In slices: fflate inflates all it is given before handing anything over, so a bomb pushed
  // whole would fill memory before the limit is seen.
  const SLICE = 16 * 1024;
  for (let at = 0; at < raw.length; at += SLICE)
    inflater.push(raw.subarray(at, at + SLICE), at + SLICE >= raw.length);
  if (raw.length === 0) inflater.push(raw, true);
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Deflates at level 1, as the Node build does. */
export function deflateRaw(data: Uint8Array): Uint8Array {
  return deflateSync(data, { level: 1 });
}

/** A deflater fed piece by piece, as deflate.ts's: fflate's stream, flushed after each piece. */
export function chunkDeflater(): (data: Uint8Array, final: boolean) => Uint8Array[] {
  const out: Uint8Array[] = [];
  const deflater = new Deflate({ level: 1 }, (chunk) => out.push(chunk));
  return (data, final) => {
    deflater.push(data, final);
    if (!final) deflater.flush();
    return out.splice(0);
  };
}

/** No native CRC-32 in a browser: the table one is used. */
export const nativeCrc32: ((data: Uint8Array, previous?: number) => number) | null = null;
