/**
 * Reading numbers as finance staff type them: `46,665.43`, `４６６６５．４３`, `￥1,200`,
 * `(120.00)` for a negative. Returns null for anything that is not a number, never 0.
 */
import { Dec } from "./decimal";

const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
const NEEDS_HALF_WIDTH = /[\uFF01-\uFF5E\u3000]/;

/** Full-width ASCII (０-９，．％－) to half-width, and the ideographic space to a space. */
export function toHalfWidth(text: string): string {
  if (!NEEDS_HALF_WIDTH.test(text)) return text;
  return text
    .replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ");
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/** Parses a plain or formatted number (no percent sign). */
export function parseLooseNumber(raw: string): Dec | null {
  let text = toHalfWidth(raw).trim().replace(/\s+/g, "");
  if (text === "") return null;
  let negative = false;
  const paren = /^\((.*)\)$/.exec(text);
  if (paren) {
    negative = true;
    text = paren[1];
  }
  text = text.replace(/^[¥￥$]/, "").replace(/^([+-])[¥￥$]/, "$1");
  if (text.includes(",")) {
    if (!GROUPED.test(text)) return null;
    text = text.replace(/,/g, "");
  }
  if (!NUMBER.test(text)) return null;
  const value = new Dec(text);
  if (!value.isFinite()) return null;
  return negative ? value.negated() : value;
}

const CHINESE_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/**
 * A whole number from 0 to 100 in simple Chinese numerals, as a 分值 is sometimes typed: `五`,
 * `十`, `十五`, `二十`, `三十五`, `一百`. Null for anything else — longer or mixed forms
 * (`十十`, `一二`, `三点五`) are not guessed at.
 */
export function parseChineseWhole(raw: string): number | null {
  const text = raw.replace(/\s+/g, "");
  if (text === "一百" || text === "百") return 100;
  if (text.length === 1 && text in CHINESE_DIGITS) return CHINESE_DIGITS[text];
  const tens = /^([二两三四五六七八九]|一)?十([一二三四五六七八九])?$/.exec(text);
  if (!tens) return null;
  return (tens[1] ? CHINESE_DIGITS[tens[1]] : 1) * 10 + (tens[2] ? CHINESE_DIGITS[tens[2]] : 0);
}
