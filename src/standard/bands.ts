/**
 * 分档 as finance officers write them, read, shown and checked:
 *
 * - Step bands (分档得分): `≥95%:10；90%～95%:8；<90%:0` — a value interval, a colon, the points
 *   (or `100%` for a share of 分值). A bare bound (`95%:10`, `95%以上:10`) means “at least”;
 *   `=0:3` is one exact value; `a～b` includes both ends. Where two bands meet, the boundary
 *   value earns the higher of their points (`≥90%:5；80%～90%:4`: 90% earns 5).
 * - Qualitative bands (定性分档): `达成/优:80%～100%；部分达成/良:60%～80%；未达成/差:0～60%` —
 *   the 评价等次 words, then the share of 分值 the band spans.
 *
 * Levels are in the metric's unit: rates as fractions (parsed from `60%`, `0.6`, `60`), scores
 * as points (`90`, `90%`, or `0.9` where every level of the cell is within ±1). 定性分档 ends
 * may be points of 分值 (`优:9～10` of 10). Problems are sentences without a cell, one per cell
 * for the parts that cannot be read; the sheet reader adds the cell.
 */
import { Dec, ONE, ZERO, exact, fixed, percent } from "../model/decimal";
import { parseLooseNumber, toHalfWidth } from "../model/numbers";
import { normalizeName, quote } from "../model/text";
import type { GradeRange, StepBand } from "./types";

export type LevelUnit = "rate" | "score";

/**
 * A rate as users type it: `60%`, `0.6` and `60` all mean 60%. A bare number above 2 is read
 * as a percentage.
 */
export function parseRate(raw: string | number): Dec | null {
  const text = toHalfWidth(String(raw)).trim();
  const isPercent = /%$/.test(text);
  const value = parseLooseNumber(isPercent ? text.slice(0, -1) : text);
  if (value === null) return null;
  if (isPercent || value.abs().greaterThan(2)) return value.dividedBy(100);
  return value;
}

/** A level in a metric's unit: a rate (`60%`) or a score (`85`; `85%` is 85 of 100 too). */
export function parseLevel(raw: string | number, unit: LevelUnit): Dec | null {
  if (unit === "rate") return parseRate(raw);
  return parseLooseNumber(toHalfWidth(String(raw)).trim().replace(/%$/, ""));
}

/**
 * Whether a cell's levels of a 0–100 score are written as shares of 100 (`0.9` for 90): no `%`
 * in the cell and every level within ±1 — no 0–100 score has its lines all below 1 point.
 */
export function scoreAsShares(raw: string, levels: readonly Dec[]): boolean {
  return !/[%％]/.test(raw) && levels.every((v) => v.abs().lessThanOrEqualTo(ONE));
}

/** A score level typed as a share of 100 (`0.9`) as the score it means (90). */
export const hundredfold = (v: Dec) => v.times(100);

export function formatLevel(value: Dec, unit: LevelUnit): string {
  return unit === "rate" ? percent(value) : exact(value);
}

const SEPARATORS = /[;；\n]+/;
const RANGE = /^(.+?)(?:～|~|〜|至|到|—|–|-(?=[\d.]))(.+)$/;

type Bound = Omit<StepBand, "points" | "share">;

/** A bound with its `（含）` / `（不含）` note: `80%（不含）` → 80%, exclusive. */
function end(text: string, unit: LevelUnit): { value: Dec; inclusive: boolean } | null {
  const m = /^(.*?)(?:\((不)?含\))?$/.exec(text);
  const value = m ? parseLevel(m[1], unit) : null;
  return value === null ? null : { value, inclusive: !m?.[2] };
}

/**
 * `≥95%`, `>90%`, `≤0`, `<60%`, `=0`, `95%以上`, `80%～90%`, `80%（不含）～90%` → an interval.
 * A range includes both ends unless one says （不含）.
 */
function parseInterval(raw: string, unit: LevelUnit): Bound | null {
  const text = toHalfWidth(raw).replace(/\s+/g, "");
  const prefixed =
    /^(>=|≥|≧|大于等于|>|<=|≤|≦|小于等于|<|=|不低于|不少于|高于|超过|大于|不高于|不超过|低于|不足|小于)(.+)$/.exec(
      text
    );
  if (prefixed) {
    const v = end(prefixed[2], unit)?.value;
    if (v === undefined) return null;
    const op = prefixed[1];
    if (/^(>=|≥|≧|大于等于|不低于|不少于)$/.test(op))
      return { low: v, lowInclusive: true, high: null, highInclusive: false };
    if (/^(>|高于|超过|大于)$/.test(op))
      return { low: v, lowInclusive: false, high: null, highInclusive: false };
    if (/^(<=|≤|≦|小于等于|不高于|不超过)$/.test(op))
      return { low: null, lowInclusive: false, high: v, highInclusive: true };
    if (op === "=") return { low: v, lowInclusive: true, high: v, highInclusive: true };
    return { low: null, lowInclusive: false, high: v, highInclusive: false };
  }
  const suffixed = /^(.+?)(及以上|以上|及以下|以下)$/.exec(text);
  if (suffixed) {
    const e = end(suffixed[1], unit);
    if (!e) return null;
    return /上$/.test(suffixed[2])
      ? { low: e.value, lowInclusive: e.inclusive, high: null, highInclusive: false }
      : { low: null, lowInclusive: false, high: e.value, highInclusive: e.inclusive };
  }
  const range = RANGE.exec(text);
  if (range) {
    const a = end(range[1], unit);
    const b = end(range[2], unit);
    if (!a || !b) return null;
    const [lo, hi] = a.value.lessThanOrEqualTo(b.value) ? [a, b] : [b, a];
    return {
      low: lo.value,
      lowInclusive: lo.inclusive,
      high: hi.value,
      highInclusive: hi.inclusive,
    };
  }
  const e = end(text, unit);
  return e ? { low: e.value, lowInclusive: e.inclusive, high: null, highInclusive: false } : null;
}

/**
 * A grade's line as written in the 等级 block: its lowest total (`above`: the total must exceed
 * it), or only a ceiling (`60分以下`: the lowest grade, from 0).
 */
export type GradeLine = { min: Dec; above: boolean } | { ceiling: Dec };

/** A comparison read the other way round: `90≤总分` is `总分≥90`. */
const TURNED: Record<string, string> = {
  "<": ">",
  "<=": ">=",
  "≤": "≥",
  "≦": "≥",
  ">": "<",
  ">=": "<=",
  "≥": "≤",
  "≧": "≤",
};

/** The total as a line names it: `总分≥90`, `80≤得分<90`. */
const TOTAL_WORD = /(?:综合|考核|评价|自评|绩效|最终)?(?:总得分|总分|得分|评分|分数)|[xX]/g;

/**
 * `80≤V<90` (or `90>V≥80`, `V≥90`, `90≤V`, with V the total) as one interval the step bands
 * read: `80～90` with its ends' （不含）, `≥90`.
 */
function unwrapTotal(t: string): string | null {
  const op = "(<=|≤|≦|<|>=|≥|≧|>)";
  const two = new RegExp(`^([\\d.]+)${op}V${op}([\\d.]+)$`).exec(t);
  if (two) {
    const [, a, opA, opB, b] = two;
    const rising = /[<≤≦]/.test(opA);
    if (rising !== /[<≤≦]/.test(opB)) return null;
    const [low, lowOp, high, highOp] = rising ? [a, opA, b, opB] : [b, opB, a, opA];
    const open = (o: string) => (/[=≤≥≦≧]/.test(o) ? "" : "(不含)");
    return `${low}${open(lowOp)}～${high}${open(highOp)}`;
  }
  const after = /^V(?:在|为)?(.+)$/.exec(t);
  if (after) return after[1];
  const before = new RegExp(`^([\\d.]+)${op}V$`).exec(t);
  if (!before) return t.includes("V") ? null : t;
  return `${TURNED[before[2]]}${before[1]}`;
}

/** `[80,90)`, `(80,90]`: brackets as the interval's ends, （不含） where round. */
function unwrapBrackets(t: string): string {
  const m = /^([[(])([\d.]+)[,，]([\d.]+)([\])])$/.exec(t);
  if (!m) return t;
  const open = (b: string) => (b === "(" || b === ")" ? "(不含)" : "");
  return `${m[2]}${open(m[1])}～${m[3]}${open(m[4])}`;
}

/**
 * A line's text as the interval readers take it: half-width, no spaces, no `分` after a
 * number, the total named V, `（含90分）` notes folded into the bound.
 */
function lineText(raw: string): string {
  return (
    toHalfWidth(raw)
      .replace(/\s+/g, "")
      .replace(/(\d)分/g, "$1")
      .replace(/(大于|小于)或等于/g, "$1等于")
      // `90分以上（含90分）`, `60分以下（不含60分）`: the note as the bound's own.
      .replace(/(以上|以下)\((不)?含[\d.]*\)$/, (_, word: string, not?: string) =>
        not ? `(不含)${word}` : word
      )
      .replace(/\(含[\d.]*\)$/, "")
      .replace(TOTAL_WORD, "V")
  );
}

/** Two halves of a line (`≥80且<90`, `80分以上90分以下`) as one interval; null if they clash. */
function joined(halves: readonly Bound[]): Bound | null {
  if (halves.length !== 2) return halves.length === 1 ? halves[0] : null;
  const [a, b] = halves;
  if ((a.low !== null) === (b.low !== null)) return null;
  const [low, high] = a.low !== null ? [a, b] : [b, a];
  if (high.high === null || low.high !== null) return null;
  return { ...low, high: high.high, highInclusive: high.highInclusive };
}

/**
 * A grade's line as cities write it: `90`, `≥90`, `总分≥90`, `90分及以上`, `80≤总分<90`,
 * `80-90`, `60～79分`, `[80,90)`, `≥80且<90`, `总分>90`, `大于等于90`, `60分以下`, `<60`,
 * `低于60分`; null when it cannot be read. A range's lower end is the line (`80-90`: 80).
 */
export function parseGradeLine(raw: string): GradeLine | null {
  const halves = unwrapBrackets(lineText(raw))
    .split(/且|并且|而且|、|,|;|(?<=以上)(?=.)/)
    .filter(Boolean)
    .map((half) => {
      const written = unwrapTotal(half);
      return written === null ? null : parseInterval(written, "score");
    });
  const read = halves.filter((h): h is Bound => h !== null);
  const interval = read.length === halves.length ? joined(read) : null;
  if (!interval) return null;
  if (interval.low !== null) return { min: interval.low, above: !interval.lowInclusive };
  return interval.high === null ? null : { ceiling: interval.high };
}

/** `10` points or `100%` of 分值. */
function parsePoints(raw: string): { points: Dec; share: boolean } | null {
  const text = toHalfWidth(raw).replace(/\s+/g, "").replace(/分$/, "");
  const isShare = /%$/.test(text);
  const value = parseLooseNumber(isShare ? text.slice(0, -1) : text);
  if (value === null) return null;
  return isShare ? { points: value.dividedBy(100), share: true } : { points: value, share: false };
}

/** The parts of a cell that cannot be read, in one sentence: `分档“a”、“b”无法识别，应写作…`. */
function notRead(what: string, parts: readonly string[], form: string): string[] {
  if (parts.length === 0) return [];
  return [`${what}${parts.map((t) => `“${t}”`).join("、")}无法识别，应写作${form}`];
}

export type Parsed<T> = { value: T; problems: string[] } | { value: null; problems: string[] };

/** Reads step bands; every part that cannot be read is named. */
export function parseStepBands(raw: string, unit: LevelUnit): Parsed<StepBand[]> {
  const parts = String(raw)
    .split(SEPARATORS)
    .map((p) => p.trim())
    .filter(Boolean);
  const bands: StepBand[] = [];
  const unread: string[] = [];
  for (const part of parts) {
    const colon = part.split(/[:：]/);
    const interval = colon.length === 2 ? parseInterval(colon[0], unit) : null;
    const points = colon.length === 2 ? parsePoints(colon[1]) : null;
    if (interval && points) bands.push({ ...interval, ...points });
    else unread.push(part);
  }
  const p = unit === "rate" ? "%" : "";
  const problems = notRead("分档", unread, `“≥95${p}:10”或“80${p}～90${p}:6”`);
  if (parts.length === 0) problems.push("分档为空");
  if (problems.length > 0) return { value: null, problems };
  return { value: unit === "score" ? scoreBands(String(raw), bands) : bands, problems };
}

/** A score's bands whose lines are written as shares of 100 (`≥0.9:10`), read as scores (`≥90`). */
function scoreBands(raw: string, bands: StepBand[]): StepBand[] {
  const levels = bands.flatMap((b) => [b.low, b.high]).filter((v): v is Dec => v !== null);
  if (!scoreAsShares(raw, levels)) return bands;
  const scale = (v: Dec | null) => (v === null ? null : hundredfold(v));
  return bands.map((b) => ({ ...b, low: scale(b.low), high: scale(b.high) }));
}

/** One 定性分档 part as written: its names and the two ends of its range, unread. */
interface GradePart {
  names: string[];
  ends: [string, string];
}

function gradePart(part: string): GradePart | null {
  const m = /^(.+?)[:：](.+)$/.exec(part);
  const names = m
    ? m[1]
        .split(/[/／、,，|]/)
        .map((n) => n.trim())
        .filter(Boolean)
    : [];
  const range = m ? RANGE.exec(toHalfWidth(m[2]).replace(/\s+/g, "")) : null;
  return names.length > 0 && range ? { names, ends: [range[1], range[2]] } : null;
}

/**
 * How the ends of a cell's 定性分档 are read: as points of 分值 when no `%` is written and the
 * top end is 分值 itself (above 2, where a share would be written 1 or 100); else as shares.
 */
function gradeEndReader(raw: string, parts: readonly GradePart[], max?: Dec) {
  const ends = parts.flatMap((p) => p.ends.map((e) => parseLooseNumber(e)));
  const read = ends.length > 0 && ends.every((e) => e !== null);
  const top = read ? Dec.max(...(ends as Dec[])) : null;
  const points = max && top && !/[%％]/.test(raw) && top.equals(max) && top.greaterThan(2);
  return points ? (e: string) => parseLooseNumber(e)?.dividedBy(max) ?? null : parseRate;
}

/** `达成/优:80%～100%` (or `优:9～10` of 分值 10) → names and a share range of 分值. */
export function parseGradeRanges(raw: string, max?: Dec): Parsed<GradeRange[]> {
  const texts = String(raw)
    .split(SEPARATORS)
    .map((p) => p.trim())
    .filter(Boolean);
  const parts = texts.map(gradePart);
  const read = gradeEndReader(
    String(raw),
    parts.filter((p): p is GradePart => p !== null),
    max
  );
  const grades: GradeRange[] = [];
  const unread: string[] = [];
  parts.forEach((p, i) => {
    const [low, high] = p ? p.ends.map(read) : [null, null];
    if (p && low !== null && high !== null)
      grades.push({ names: p.names, low: Dec.min(low, high), high: Dec.max(low, high) });
    else unread.push(texts[i]);
  });
  const problems = notRead("定性分档", unread, "“达成/优:80%～100%”");
  if (texts.length === 0) problems.push("定性分档为空");
  return problems.length > 0 ? { value: null, problems } : { value: grades, problems };
}

function boundText(b: Bound, unit: LevelUnit): string {
  const f = (v: Dec) => formatLevel(v, unit);
  const open = (inclusive: boolean) => (inclusive ? "" : "（不含）");
  if (b.low !== null && b.high !== null)
    return b.low.equals(b.high)
      ? `=${f(b.low)}`
      : `${f(b.low)}${open(b.lowInclusive)}～${f(b.high)}${open(b.highInclusive)}`;
  if (b.low !== null) return `${b.lowInclusive ? "≥" : ">"}${f(b.low)}`;
  if (b.high !== null) return `${b.highInclusive ? "≤" : "<"}${f(b.high)}`;
  return "任意值";
}

function pointsText(band: StepBand): string {
  return band.share ? percent(band.points) : exact(band.points);
}

export function formatStepBands(bands: readonly StepBand[], unit: LevelUnit): string {
  return bands.map((b) => `${boundText(b, unit)}:${pointsText(b)}`).join("；");
}

export function formatStepBand(band: StepBand, unit: LevelUnit): string {
  return boundText(band, unit);
}

/** A share of 分值 as written: `80%`, `62.5%`. */
export const share = (v: Dec) => `${exact(v.times(100), 0)}%`;

export function formatGradeRanges(grades: readonly GradeRange[]): string {
  return grades.map((g) => `${g.names.join("/")}:${share(g.low)}～${share(g.high)}`).join("；");
}

function contains(b: Bound, value: Dec): boolean {
  const aboveLow =
    b.low === null ||
    (b.lowInclusive ? value.greaterThanOrEqualTo(b.low) : value.greaterThan(b.low));
  const belowHigh =
    b.high === null || (b.highInclusive ? value.lessThanOrEqualTo(b.high) : value.lessThan(b.high));
  return aboveLow && belowHigh;
}

/** The points of a band for an indicator worth `max`. */
export function bandPoints(band: StepBand, max: Dec): Dec {
  return band.share ? band.points.times(max) : band.points;
}

/** The band a value falls in; where two meet, the one with more points. */
export function pickStepBand(
  bands: readonly StepBand[],
  value: Dec,
  max: Dec
): StepBand | undefined {
  return bands
    .filter((b) => contains(b, value))
    .sort((a, b) => bandPoints(b, max).comparedTo(bandPoints(a, max)))[0];
}

/** The 评价等次 band a grade word selects: an exact name, else the longest name in the text. */
export function pickGradeRange(
  grades: readonly GradeRange[],
  text: string
): GradeRange | undefined {
  const key = normalizeName(text);
  if (!key) return undefined;
  const exact = grades.find((g) => g.names.some((n) => normalizeName(n) === key));
  if (exact) return exact;
  let best: { grade: GradeRange; length: number; at: number } | undefined;
  for (const grade of grades) {
    for (const name of grade.names) {
      const n = normalizeName(name);
      const at = n ? key.indexOf(n) : -1;
      if (at >= 0 && (!best || n.length > best.length)) best = { grade, length: n.length, at };
    }
  }
  if (!best) return undefined;
  // `部分完成`, `基本达成`, `未全部完成` say less than the name they hold (the band of 部分…, if
  // any); `未按期完成`, `不达成`, `没有达成` the opposite (the lowest band) — but not `不低于目标
  // 完成`, `无偏差完成`, `非常满意`.
  const before = key.slice(0, best.at);
  if (/部分|基本|未完全|未全部/.test(before))
    return grades.find((g) => g.names.some((n) => /^(部分|基本)/.test(n))) ?? best.grade;
  const negated =
    /^(未|没|不|无法)/.test(before) && !/^(不低于|不少于|不超过|不折不扣)/.test(before);
  // `延期完成`, `逾期完成`, `滞后完成`: done, but not as the target said (按期) — the lowest band too.
  if (negated || /延期|逾期|滞后|推迟|拖期|超期/.test(before))
    return [...grades].sort((a, b) => a.low.comparedTo(b.low))[0];
  return best.grade;
}

const compareLow = (a: Bound, b: Bound) =>
  a.low === null ? (b.low === null ? 0 : -1) : b.low === null ? 1 : a.low.comparedTo(b.low);

/** Whether two intervals share more than one point (a shared boundary is allowed). */
function overlap(a: Bound, b: Bound): boolean {
  const low = a.low === null ? b.low : b.low === null ? a.low : Dec.max(a.low, b.low);
  const high = a.high === null ? b.high : b.high === null ? a.high : Dec.min(a.high, b.high);
  return low === null || high === null || low.lessThan(high);
}

/** The inner of two ends (the higher of two lows, the lower of two highs); exclusive if either is, where they are equal. */
function inner(x: Dec | null, xIn: boolean, y: Dec | null, yIn: boolean, higher: boolean) {
  if (x === null || y === null)
    return x === null ? { at: y, inclusive: yIn } : { at: x, inclusive: xIn };
  if (x.equals(y)) return { at: x, inclusive: xIn && yIn };
  return x.greaterThan(y) === higher ? { at: x, inclusive: xIn } : { at: y, inclusive: yIn };
}

/** Where two overlapping intervals meet. */
function common(a: Bound, b: Bound): Bound {
  const low = inner(a.low, a.lowInclusive, b.low, b.lowInclusive, true);
  const high = inner(a.high, a.highInclusive, b.high, b.highInclusive, false);
  return { low: low.at, lowInclusive: low.inclusive, high: high.at, highInclusive: high.inclusive };
}

/**
 * Every pair of bands, in the order the cell lists them, that shares more than a boundary point,
 * in one sentence: `“a”与“b”重叠（where），“c”与“d”重叠（where）`; empty when none does.
 */
function overlapSentence<T extends Bound>(
  bands: readonly T[],
  what: string,
  show: (band: T) => string,
  where: (common: Bound) => string
): string[] {
  const pairs: string[] = [];
  bands.forEach((a, i) => {
    for (const b of bands.slice(i + 1))
      if (overlap(a, b)) pairs.push(`“${show(a)}”与“${show(b)}”重叠（${where(common(a, b))}）`);
  });
  return pairs.length > 0 ? [`${what}${pairs.join("，")}`] : [];
}

/** Gaps of a band list (values between bands that no band covers), as sentences. */
function gapProblems(bands: readonly Bound[], unit: LevelUnit): string[] {
  const problems: string[] = [];
  const f = (v: Dec) => formatLevel(v, unit);
  const sorted = [...bands].sort(compareLow);
  // Walk up from the lowest band: `reach` is how far the bands so far cover.
  let reach = sorted.length > 0 ? { at: sorted[0].high, inclusive: sorted[0].highInclusive } : null;
  for (const next of sorted.slice(1)) {
    if (reach === null || reach.at === null) break;
    if (next.low !== null) {
      if (next.low.greaterThan(reach.at))
        problems.push(`分档在 ${f(reach.at)}～${f(next.low)} 之间有空缺：这些值不属于任何一档`);
      else if (next.low.equals(reach.at) && !reach.inclusive && !next.lowInclusive)
        problems.push(`分档在 ${f(next.low)} 处有空缺：该值不属于任何一档`);
    }
    if (next.high === null) reach = { at: null, inclusive: false };
    else if (next.high.greaterThan(reach.at) || (next.high.equals(reach.at) && next.highInclusive))
      reach = { at: next.high, inclusive: next.highInclusive };
  }
  return problems;
}

/** `指标“X”的` before a sentence about an indicator's bands, when its name is known. */
const whose = (name?: string) => (name ? `指标${quote(name)}的` : "");

/**
 * Problems of step bands for an indicator worth `max` (named `name`): points out of range, its
 * overlaps in one sentence, gaps.
 */
export function stepBandProblems(
  bands: readonly StepBand[],
  unit: LevelUnit,
  max: Dec,
  name?: string
): string[] {
  const problems: string[] = [];
  for (const band of bands) {
    const points = bandPoints(band, max);
    if (points.isNegative() || points.greaterThan(max))
      problems.push(
        `分档“${boundText(band, unit)}”的得分 ${pointsText(band)} 超出 0～${fixed(max, 2)} 分`
      );
  }
  const overlaps = overlapSentence(
    bands,
    `${whose(name)}分档`,
    (b) => boundText(b, unit),
    (c) => boundText(c, unit)
  );
  return [...problems, ...overlaps, ...gapProblems(bands, unit)];
}

/**
 * Problems of qualitative bands of an indicator worth `max` (named `name`): shares outside
 * 0–100%, a top short of 100%, repeated words, its overlaps in one sentence (in points of 分值
 * when it is known), gaps.
 */
export function gradeRangeProblems(
  grades: readonly GradeRange[],
  max?: Dec,
  name?: string
): string[] {
  const problems: string[] = [];
  const top = grades.length > 0 ? Dec.max(...grades.map((g) => g.high)) : ONE;
  if (top.lessThan(ONE))
    problems.push(
      `定性分档最高只到分值的 ${share(top)}，应到 100%${max ? `（按分写时最高一档应到分值 ${exact(max)}）` : ""}`
    );
  const seen = new Set<string>();
  for (const g of grades) {
    if (g.low.isNegative() || g.high.greaterThan(ONE))
      problems.push(`定性分档“${g.names.join("/")}”的区间应在 0～100% 之内`);
    for (const name of g.names) {
      const key = normalizeName(name);
      if (seen.has(key)) problems.push(`评价等次“${name}”在定性分档中出现了不止一次`);
      seen.add(key);
    }
  }
  const intervals = grades.map((g) => ({
    names: g.names,
    low: g.low,
    lowInclusive: true,
    high: g.high,
    highInclusive: true,
  }));
  const span = (b: Bound) => gradeSpan(b.low as Dec, b.high as Dec, max);
  const overlaps = overlapSentence(
    intervals,
    `${whose(name)}定性分档`,
    (g) => `${g.names.join("/")} ${span(g)}`,
    span
  );
  return [...problems, ...overlaps, ...gapProblems(intervals, "rate")];
}

/** A 定性分档 range as points of 分值 (`7.5～9 分`), or as shares when 分值 is not known. */
function gradeSpan(low: Dec, high: Dec, max?: Dec): string {
  if (!max) return `${share(low)}～${share(high)}`;
  const points = (v: Dec) => exact(v.times(max), 0);
  return low.equals(high) ? `${points(low)} 分` : `${points(low)}～${points(high)} 分`;
}

/** The default three bands of 财预〔2020〕10号 for qualitative indicators. */
export const DEFAULT_GRADE_RANGES: GradeRange[] = [
  // 是 / 否: the actual of a yes-or-no target (按期完成 | 是), as project forms answer it.
  { names: ["达成", "达成年度指标", "优", "好", "完成", "是"], low: new Dec("0.8"), high: ONE },
  {
    names: ["部分达成", "部分达成年度指标", "良", "较好", "中", "基本完成", "基本达成"],
    low: new Dec("0.6"),
    high: new Dec("0.8"),
  },
  {
    names: ["未达成", "未达成年度指标", "差", "较差", "未完成", "否"],
    low: ZERO,
    high: new Dec("0.6"),
  },
];
