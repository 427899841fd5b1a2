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
