/** Comparing names as users spell them: spaces, quotes and punctuation do not matter. */
import { toHalfWidth } from "./numbers";

const NOISE = /[\s"'“”‘’「」『』《》〈〉、，,。.．:：;；!！?？()（）[\]【】\-—–_/\\·•]/g;

export function normalizeName(name: string): string {
  return toHalfWidth(name.normalize("NFKC")).replace(NOISE, "").toLowerCase();
}

/** The words of a seal's place (`（公章）`): in a label (`部门名称（盖章）`) or after a name. */
export const SEAL_WORDS = "公章|盖章|签章|印章|章";

const SEAL = new RegExp(`\\s*[(（]\\s*(?:${SEAL_WORDS})\\s*[)）]`, "g");

/**
 * A unit's name without the place left for its seal: `佛山市某某局（公章）`, `…(盖章)`,
 * `…（签章）` are 佛山市某某局. The one reader of every department and unit name.
 */
export function withoutSeal(name: string): string {
  return name.replace(SEAL, "").trim();
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

/**
 * A heading's or row's number before its words: `一、` `（一）` `(1)` `1.` `1、` `1)` `1 `; never
 * the digits of a name or figure (`1.5倍`, `12345热线`).
 */
const ORDINAL =
  /^\s*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}(?:[、.．)）](?!\d)|\s+))\s*/;

/** `一、管理效率`, `（一）产出指标`, `1. 数量` → the words alone, for matching levels. */
export function bareLevel(text: string | undefined): string {
  return normalizeName((text ?? "").replace(ORDINAL, ""));
}

/**
 * An indicator's name as matched against the standard's: normalised, its row number set aside
 * (`1.预算绩效管理情况`, `（2）财务管理情况` are the standard's 预算绩效管理情况, 财务管理情况).
 */
export function indicatorKey(name: string): string {
  return normalizeName(name.replace(ORDINAL, "")) || normalizeName(name);
}

/** Words that end an indicator's name without changing what it measures: 情况, 完成率, 工作 … */
const FILLER_ENDINGS = ["完成情况", "完成率", "完成度", "完成", "情况", "工作", "任务", "率"];

/**
 * A name and what is left of it as its filler endings come off one by one, each at least two
 * characters, normalised (quotes, spaces, brackets dropped) after a trailing note in brackets
 * is: `重点工作任务完成情况（10分）` → 重点工作任务完成情况, 重点工作任务, 重点工作, 重点.
 */
export function nameStems(name: string): string[] {
  const bare = name.replace(ORDINAL, "").replace(/\s*[（(【[][^（）()【】[\]]*[）)】\]]\s*$/, "");
  let stem = normalizeName(bare) || normalizeName(name);
  const stems = [stem];
  for (;;) {
    const ending = FILLER_ENDINGS.find((f) => stem.endsWith(f) && stem.length - f.length >= 2);
    if (!ending) return stems;
    stem = stem.slice(0, -ending.length);
    stems.push(stem);
  }
}
