/**
 * Exact arithmetic for money (万元), rates and scores.
 *
 * Every amount in the engine is a `Decimal` (decimal.js), never a binary float, so
 * 2908.01 + 43757.42 is exactly 46665.43. Rounding follows Excel's ROUND: half away from
 * zero (ROUND(2.675, 2) = 2.68, ROUND(-2.5, 0) = -3).
 */
import Decimal from "decimal.js";

/** A private Decimal constructor so the global decimal.js settings are never changed. */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

export const ZERO: Dec = new Dec(0);
export const ONE: Dec = new Dec(1);
export const HUNDRED: Dec = new Dec(100);

/**
 * Converts a number as Excel stores it (an IEEE double) to a Decimal the way Excel
 * shows it: at most 15 significant digits. So 0.1 + 0.2 (0.30000000000000004) becomes 0.3.
 */
export function fromNumber(value: number): Dec {
  if (!Number.isFinite(value)) {
    throw new RangeError(`不是有限数值：${value}`);
  }
  return compact(new Dec(Number(value.toPrecision(15)).toString()));
}

/**
 * A Decimal read from text keeps its digits (`d`, documented as read-only) in an array grown by
 * push, with room for 17; an exact copy holds the same digits in a tenth of the memory, which
 * counts when a workbook has 200,000 project rows of three amounts each.
 */
export function compact(value: Dec): Dec {
  const digits = (value as unknown as { d: number[] | null }).d;
  if (digits) (value as unknown as { d: number[] }).d = digits.slice();
  return value;
}

/** The decimals of a 分 (0.01 元) in 万元. */
export const CENT_DECIMALS = 6;

/**
 * An amount in 万元 to the 分 (0.000001 万元): the money a cell states. Finer digits are no
 * money but the float noise of a formula's cached result that 15 significant digits keep where
 * a subtraction cancels (146,665.43 − 143,757.42 is cached as 2,908.00999999998), and would
 * show as a 尾差 of 0.000000.
 */
export function toCent(amount: Dec): Dec {
  return excelRound(amount, CENT_DECIMALS);
}

/** Shorthand for literals in profiles and tests: `dec("46665.43")`, `dec(10)`. */
export function dec(value: string | number | Dec): Dec {
  if (value instanceof Dec) return value;
  if (typeof value === "number") return fromNumber(value);
  return new Dec(value);
}

/** Excel ROUND(value, digits): half away from zero. */
export function excelRound(value: Dec, digits = 2): Dec {
  // Most figures already have no more decimals than asked (Decimals are immutable).
  if (value.decimalPlaces() <= digits) return value;
  return value.toDecimalPlaces(digits, Dec.ROUND_HALF_UP);
}

/** Sum of a list; an empty list sums to 0. */
export function sum(values: readonly Dec[]): Dec {
  const scale = commonScale(values);
  if (scale >= 0) {
    let total = 0;
    for (const value of values) {
      const term = scaledWhole(value, scale);
      total += term;
      if (!Number.isSafeInteger(term) || !Number.isSafeInteger(total)) return slowSum(values);
    }
    return fromScaled(total, scale);
  }
  return slowSum(values);
}

function slowSum(values: readonly Dec[]): Dec {
  return values.reduce<Dec>((acc, v) => acc.plus(v), ZERO);
}

/** Σ aᵢ × bᵢ over two lists of the same length, exactly. */
export function sumOfProducts(a: readonly Dec[], b: readonly Dec[]): Dec {
  const scaleA = commonScale(a);
  const scaleB = commonScale(b);
  if (scaleA >= 0 && scaleB >= 0 && scaleA + scaleB <= MAX_SCALE) {
    let total = 0;
    for (let i = 0; i < a.length; i++) {
      const product = scaledWhole(a[i], scaleA) * scaledWhole(b[i], scaleB);
      total += product;
      if (!Number.isSafeInteger(product) || !Number.isSafeInteger(total)) return slowProducts(a, b);
    }
    return fromScaled(total, scaleA + scaleB);
  }
  return slowProducts(a, b);
}

function slowProducts(a: readonly Dec[], b: readonly Dec[]): Dec {
  return a.reduce<Dec>((acc, v, i) => acc.plus(v.times(b[i])), ZERO);
}

/*
 * The fast path of sums. Amounts have a few decimals, so a list of them is a list of whole
 * numbers once scaled by 10^(most decimals): those add exactly as doubles while every term and
 * every partial sum stays below 2^53 (Number.isSafeInteger), and the total is scaled back once.
 * Anything larger, finer or not finite takes decimal.js's own arithmetic, so the result is the
 * same exact Decimal either way (decimal.test.ts compares the two on random lists).
 */
const MAX_SCALE = 15;
const POWERS = Array.from({ length: 23 }, (_, k) => 10 ** k); // exact doubles up to 10^22
// Not "1e-0": its exponent would be -0, and one Decimal whose exponent is not a small integer
// makes V8 box the exponent of every Decimal after it (16 bytes each).
const SHIFTS = Array.from({ length: MAX_SCALE + 1 }, (_, k) =>
  k === 0 ? ONE : new Dec(`1e-${k}`)
);
/** decimal.js keeps digits in words of seven, aligned on the decimal point (`d`, `e`, `s`). */
const WORD = 7;

/** The most decimals in the list, or -1 when over MAX_SCALE or a value is not finite. */
function commonScale(values: readonly Dec[]): number {
  let scale = 0;
  for (const value of values) {
    const places = value.decimalPlaces();
    if (!(places <= MAX_SCALE)) return -1;
    if (places > scale) scale = places;
  }
  return scale;
}

/**
 * value × 10^scale as a double, for a scale of at least the value's decimals: exact when below
 * 2^53, else at least 2^53 (every word is a whole number of the same sign), which callers refuse.
 */
function scaledWhole(value: Dec, scale: number): number {
  const { d, e, s } = value as unknown as { d: number[]; e: number; s: number };
  let power = WORD * Math.floor(e / WORD) + scale; // the power of ten of d[0]
  if (power > 22) return Number.POSITIVE_INFINITY;
  let whole = 0;
  for (let i = 0; i < d.length; i++, power -= WORD)
    whole += power >= 0 ? d[i] * POWERS[power] : d[i] / POWERS[-power];
  return s < 0 ? -whole : whole;
}

/**
 * The value as a double, as `toNumber()` gives it, without making its digits into text (a
 * 核对清单 of 100,000 projects turns 300,000 amounts into numbers). A value of at most 15
 * decimals that is a whole number below 2^53 once scaled is that number ÷ 10^decimals: both
 * exact doubles, so the division rounds the exact value once, to nearest, as reading its digits
 * does. Anything else goes through decimal.js (decimal.test.ts compares the two).
 */
export function toDouble(value: Dec): number {
  const places = value.decimalPlaces();
  if (places <= MAX_SCALE) {
    const whole = scaledWhole(value, places);
    if (Number.isSafeInteger(whole)) return whole / (POWERS[places] as number);
  }
  return value.toNumber();
}

function fromScaled(total: number, scale: number): Dec {
  if (total === 0) return ZERO;
  return scale === 0 ? new Dec(total) : new Dec(total).times(SHIFTS[scale]);
}

/**
 * The sign of a − b (−1, 0 or 1), as `a.comparedTo(b)` gives it, without the copy of `b`
 * decimal.js makes for every comparison (an object and its digits: a dozen comparisons a row
 * of 10,000 scored rows). Same algorithm on the same fields: signs, then exponents, then the
 * words of digits, which the same exponent aligns. Not finite: decimal.js's own.
 */
export function compare(a: Dec, b: Dec): number {
  const x = a as unknown as { d: number[] | null; e: number; s: number };
  const y = b as unknown as { d: number[] | null; e: number; s: number };
  const xd = x.d;
  const yd = y.d;
  if (!xd || !yd) return a.comparedTo(b);
  if (!xd[0] || !yd[0]) return xd[0] ? x.s : yd[0] ? -y.s : 0; // a zero (of either sign)
  if (x.s !== y.s) return x.s;
  const flip = x.s < 0 ? -1 : 1;
  if (x.e !== y.e) return x.e > y.e ? flip : -flip;
  const n = Math.min(xd.length, yd.length);
  for (let i = 0; i < n; i++) if (xd[i] !== yd[i]) return xd[i] > yd[i] ? flip : -flip;
  return xd.length === yd.length ? 0 : xd.length > yd.length ? flip : -flip;
}

export function clamp(value: Dec, min: Dec, max: Dec): Dec {
  if (compare(value, min) < 0) return min;
  if (compare(value, max) > 0) return max;
  return value;
}

export function minDec(a: Dec, b: Dec): Dec {
  return compare(a, b) < 0 ? a : b;
}

/** `46665.43` → "46665.43"; always `digits` decimals, rounded as Excel does. */
export function fixed(value: Dec, digits = 2): string {
  // Fast path (most scores and amounts): no rounding needed, pad the plain digits with zeros.
  if (value.decimalPlaces() <= digits && !value.isNegative()) {
    const plain = value.toString();
    if (!plain.includes("e")) {
      const dot = plain.indexOf(".");
      const have = dot < 0 ? 0 : plain.length - dot - 1;
      if (have === digits) return plain;
      return `${plain}${dot < 0 && digits > 0 ? "." : ""}${"0".repeat(digits - have)}`;
    }
  }
  return value.toFixed(digits, Dec.ROUND_HALF_UP);
}

/** Money for display: thousands separators and two decimals, `46,665.43`. */
export function money(value: Dec, digits = 2): string {
  const [int, frac] = fixed(value, digits).split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const digitsOnly = sign ? int.slice(1) : int;
  const grouped = digitsOnly.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return frac === undefined ? `${sign}${grouped}` : `${sign}${grouped}.${frac}`;
}

/** A table's unit other than 万元 (model/input's AmountUnit): 万元 per unit, 0.0001 for 元. */
type Unit = { label: string; factor: Dec };

/**
 * An amount in a formula, as read: two decimals, more when it has them (849.949 stays 849.949,
 * so `849.949 ÷ 1,000.00 = 84.99%` is seen to hold), at most six (a cent of 元 in 万元).
 */
export function exactMoney(value: Dec): string {
  return money(value, Math.min(6, Math.max(2, value.decimalPlaces())));
}

/**
 * An amount in a formula, as its table kept it: `exactMoney` in 万元; in a table kept in 元 (or
 * 千元), in that unit with two decimals and the unit — exact too, and as the sheet shows it.
 */
export function formulaAmount(value: Dec, unit?: Unit): string {
  return unit ? moneyIn(value, unit) : exactMoney(value);
}

/** An amount (万元) as the table kept it, in its unit (none: 万元): `10,500,012.34`. */
export function amountIn(value: Dec, unit?: Unit): string {
  return exactMoney(unit ? value.dividedBy(unit.factor) : value);
}

/** The same with its unit: `1,050.00 万元`, `10,500,012.34 元`. */
export function moneyIn(value: Dec, unit?: Unit): string {
  return `${amountIn(value, unit)} ${unit?.label ?? "万元"}`;
}

/**
 * A 尾差 tolerance (万元, as the standard states it) for a table kept in `unit`: the same number
 * of that unit, since the table was rounded in it (0.01 → 0.01 元 in a table kept in 元).
 */
export function toleranceIn(tolerance: Dec, unit?: Unit): Dec {
  return unit ? tolerance.times(unit.factor) : tolerance;
}

/** A rate (fraction) as a percentage with two decimals: 0.80870 → "80.87%". */
export function percent(rate: Dec, digits?: number): string {
  return `${fixed(rate.times(HUNDRED), digits ?? percentDigits(rate))}%`;
}

/**
 * The decimals a rate is shown with: two, or as many as it was rounded to (比率保留小数位 up to
 * 10: 0.999996 is 99.9996%, never 100.00%); a quotient left unrounded (decimal.js's 20 digits)
 * is shown with two.
 */
function percentDigits(rate: Dec): number {
  const places = rate.decimalPlaces();
  return places > 10 ? 2 : Math.min(8, Math.max(2, places - 2));
}

/**
 * A score for display: trailing zeros kept to two decimals, `5.18`, `10.00`; a score with more
 * decimals as it is (得分保留小数位 up to 4, or as typed: `2.995`), beyond four rounded to two.
 */
export function score(value: Dec): string {
  const places = value.decimalPlaces();
  return fixed(value, places > 4 ? 2 : Math.max(2, places));
}

/**
 * A figure as it is, with at least `least` decimals (`0.125`, `62.5`, `10.00`): parameters of
 * a standard, and the figures in a formula, so that the formula can be checked by hand.
 */
export function exact(value: Dec, least = 2): string {
  return fixed(value, Math.min(10, Math.max(least, value.decimalPlaces())));
}

/** Plain number for JSON output (exact to the digits already rounded). */
export function toJsonNumber(value: Dec, digits = 2): number {
  return Number(fixed(value, digits));
}
