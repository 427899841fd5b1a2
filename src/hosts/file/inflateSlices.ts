/**
 * Inflating raw DEFLATE a slice at a time through fflate's `Inflate` stream, refusing (code
 * OUTPUT_TOO_LARGE) to produce more than a limit. fflate inflates all it is given before handing
 * anything over, so a bomb pushed whole would fill memory before the limit is seen: it is given a
 * slice of the compressed bytes at a time (a slice of `slice` bytes gives at most about 1,032
 * times as many), and what each slice gave is handed on before the next.
 * Used by deflate.ts (Node, for a large sheet read in pieces) and deflate.browser.ts (the 网页版).
 */
import type { Inflate } from "fflate";

/** Thrown (as `code`) when inflating would give more than the limit. */
export const OUTPUT_TOO_LARGE = "ERR_BUFFER_TOO_LARGE";

/** `raw` inflated by a new `Inflate` of fflate's, in the pieces each slice gives. */
export function* inflateSlices(
  inflater: typeof Inflate,
  raw: Uint8Array,
  limit: number,
  slice = 16 * 1024
): Generator<Uint8Array> {
  // No bytes at all are no DEFLATE stream (zlib says so; fflate would give nothing).
  if (raw.length === 0) throw new Error("unexpected end of file");
  let given: Uint8Array[] = [];
  let total = 0;
  const stream = new inflater((chunk) => {
    total += chunk.length;
    if (total > limit) throw Object.assign(new Error("too large"), { code: OUTPUT_TOO_LARGE });
    given.push(chunk);
  });
  for (let at = 0; at < raw.length; at += slice) {
    stream.push(raw.subarray(at, at + slice), at + slice >= raw.length);
    yield* given;
    given = [];
  }
}

/** Pieces as one array (the piece itself when there is one): the package's byte joining. */
export function joined(pieces: Iterable<Uint8Array>): Uint8Array {
  const list = [...pieces];
  if (list.length === 1) return list[0] as Uint8Array;
  const out = new Uint8Array(list.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const piece of list) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}
