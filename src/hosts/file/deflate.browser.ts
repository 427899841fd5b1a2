/**
 * Raw DEFLATE for the zip package in a browser (the 网页版), through fflate: the same functions
 * as deflate.ts, which the 网页版 build replaces with this file.
 */
import { Deflate, Inflate, deflateSync } from "fflate";
import { OUTPUT_TOO_LARGE, inflateSlices, joined } from "./inflateSlices";

export { OUTPUT_TOO_LARGE };

/** Inflates `raw`, refusing (code OUTPUT_TOO_LARGE) to produce more than `limit` bytes. */
export function inflateRaw(raw: Uint8Array, limit: number): Uint8Array {
  return joined(inflateSlices(Inflate, raw, limit));
}

/** `raw` inflated piece by piece, as `inflateRaw` refuses more than `limit` bytes. */
export function inflatePieces(raw: Uint8Array, limit: number): Iterable<Uint8Array> {
  return inflateSlices(Inflate, raw, limit);
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
