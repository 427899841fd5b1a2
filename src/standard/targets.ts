/**
 * 年度指标值 and 实际完成值 of a project form, as finance staff write them: `≥95%`, `≤30 天`,
 * `=100 人次`, `≥ 1,200 万元`, `100%`, `达成`. A target is an operator, a number and a unit, or a
 * word (a qualitative target such as `有效提升`); an actual is a number and a unit, or a word.
 */
import { type Dec, compare } from "../model/decimal";
import { parseLooseNumber, toHalfWidth } from "../model/numbers";

export type Operator = "≥" | ">" | "≤" | "<" | "=";

export interface Quantity {
  value: Dec;
  /** As written, normalised: `%`, `天`, `人次`, `万元`, or "" when none. */
  unit: string;
}

export type Target =
  ({ kind: "number"; operator: Operator } & Quantity) | { kind: "words"; text: string };

export type Actual = ({ kind: "number" } & Quantity) | { kind: "words"; text: string };

const OPERATORS: [RegExp, Operator][] = [
  [/^(>=|≥|≧|不低于|不少于|大于等于|达到|至少)/, "≥"],
  [/^(<=|≤|≦|不高于|不超过|不多于|小于等于|至多)/, "≤"],
  [/^(>|大于|高于|超过)/, ">"],
  [/^(<|小于|低于|少于)/, "<"],
  [/^(=|==|等于)/, "="],
];

/** `1,200 万元` → 1200 and `万元`; `95%` → 95 and `%`; null for words. */
export function parseQuantity(raw: string): Quantity | null {
  const text = toHalfWidth(raw).trim().replace(/\s+/g, "");
  const m = /^([+-]?[\d,]*\.?\d+(?:[eE][+-]?\d+)?)(.*)$/.exec(text);
  if (!m) return null;
  const value = parseLooseNumber(m[1]);
  if (value === null) return null;
  const unit = m[2].replace(/^[(（]|[)）]$/g, "").replace(/^以上$|^以下$|^及以上$|^及以下$/, "");
  if (unit.length > 6 || /\d/.test(unit)) return null;
  return { value, unit };
}

/**
 * Parsed targets and actuals by their text: forms repeat the same few (`≥95%`, `100%`, `达成`),
 * and a department's 500 forms are parsed at each recalculation. Results are never mutated.
 */
const MEMO_LIMIT = 20_000;
const targets = new Map<string, Target>();
const actuals = new Map<string, Actual>();
function remembered<T>(memo: Map<string, T>, raw: string, parse: (raw: string) => T): T {
  let value = memo.get(raw);
  if (value === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    value = parse(raw);
    memo.set(raw, value);
  }
  return value;
}

export function parseTarget(raw: string): Target {
  return remembered(targets, raw, readTarget);
}

export function parseActual(raw: string): Actual {
  return remembered(actuals, raw, readActual);
}

/**
 * A level's comparison, written before it (`≥95%`, `<= 100%`, `不超过100%`) or after it
 * (`95%以上`, `30天以内`), and the level without it (half-width, no spaces); null when none.
 */
export function splitOperator(raw: string): { operator: Operator | null; level: string } {
  let text = toHalfWidth(raw).trim().replace(/\s+/g, "");
  let operator: Operator | null = null;
  for (const [pattern, op] of OPERATORS) {
    if (pattern.test(text)) {
      operator = op;
      text = text.replace(pattern, "");
      break;
    }
  }
  // `95%以上` / `30天以内` put the operator after the number.
  if (!operator && /(及以上|以上)$/.test(text)) operator = "≥";
  if (!operator && /(及以下|以下|以内)$/.test(text)) operator = "≤";
  return { operator, level: text.replace(/(及以上|以上|及以下|以下|以内)$/, "") };
}

function readTarget(raw: string): Target {
  const { operator, level: text } = splitOperator(raw);
  const q = parseQuantity(text);
  if (!q) return { kind: "words", text: raw.trim() };
  // A bare number is a level to reach (`100%`: reach 100%); a bare 0 (`0件`, `0起` of accidents
  // or complaints) is a ceiling, as “reach 0” would be met by anything.
  return { kind: "number", operator: operator ?? (q.value.isZero() ? "≤" : "≥"), ...q };
}

function readActual(raw: string): Actual {
  const q = parseQuantity(raw);
  return q ? { kind: "number", ...q } : { kind: "words", text: raw.trim() };
}

/** Units are the same when written the same, or when one side leaves it out. */
export function sameUnit(a: string, b: string): boolean {
  if (a === b) return true;
  const norm = (u: string) => u.replace(/^个$/, "").toLowerCase();
  return a === "" || b === "" || norm(a) === norm(b);
}

/**
 * The actual in the target's unit: a percentage target with a bare fraction (`0.97` against
 * `≥95%`) reads the fraction as 97%.
 */
export function actualInTargetUnit(target: Quantity, actual: Quantity): Dec {
  if (
    target.unit === "%" &&
    actual.unit === "" &&
    actual.value.abs().lessThanOrEqualTo(2) &&
    target.value.greaterThan(2)
  )
    return actual.value.times(100);
  return actual.value;
}

/**
 * Whether the actual meets a numeric target (`≥100个` against `140个`: true); null when they
 * cannot be compared (words, different units).
 */
export function targetMet(targetText: string, actualText: string): boolean | null {
  const target = parseTarget(targetText);
  const actual = parseActual(actualText);
  if (target.kind !== "number" || actual.kind !== "number") return null;
  if (!sameUnit(target.unit, actual.unit)) return null;
  return meets(target.operator, actualInTargetUnit(target, actual), target.value);
}

/** Whether `actual` meets `target` under the operator (`≥`: at least, `=`: exactly …). */
export function meets(operator: Operator, actual: Dec, target: Dec): boolean {
  const sign = compare(actual, target);
  switch (operator) {
    case "≥":
      return sign >= 0;
    case ">":
      return sign > 0;
    case "≤":
      return sign <= 0;
    case "<":
      return sign < 0;
    default:
      return sign === 0;
  }
}

export function formatQuantity(q: Quantity): string {
  return `${q.value.toString()}${q.unit}`;
}
