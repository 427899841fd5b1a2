/** Comparing names as users spell them: spaces, quotes and punctuation do not matter. */
import { toHalfWidth } from "./numbers";

const NOISE = /[\s"'“”‘’「」『』《》〈〉、，,。.．:：;；!！?？()（）[\]【】\-—–_/\\·•]/g;

export function normalizeName(name: string): string {
  return toHalfWidth(name.normalize("NFKC")).replace(NOISE, "").toLowerCase();
}

/** Wraps a name in Chinese quotes; quotes inside become single quotes: “‘三公’经费控制情况”. */
export function quote(name: string): string {
  return `“${name.replace(/“/g, "‘").replace(/”/g, "’")}”`;
}

/** Columns a string takes in a terminal: CJK and full-width characters take two (curly quotes one). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6);
    width += wide ? 2 : 1;
  }
  return width;
}

/** `一、管理效率`, `（一）产出指标`, `1. 数量` → the words alone, for matching levels. */
export function bareLevel(text: string | undefined): string {
  return normalizeName(
    (text ?? "").replace(
      /^\s*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．])\s*/,
      ""
    )
  );
}
