/**
 * Property tests over random standards (trees, rule kinds, parameters, bands, grades, caps) and
 * random departments: no exception escapes, 0 ≤ score ≤ 分值, caps hold; and any valid standard
 * written as the 评分标准 sheet reads back as itself.
 */
import fc from "fast-check";
import { Dec, dec } from "../../src/model/decimal";
import type { DepartmentInput } from "../../src/model/input";
import { evaluate } from "../../src/evaluate/evaluate";
import { UNGRADED } from "../../src/evaluate/totals";
import { standardLayout } from "../../src/layout/standardSheet";
import { parseWorkbook } from "../../src/parse/parseWorkbook";
import { DEFAULT_GRADE_RANGES } from "../../src/standard/bands";
import { METRIC_IDS, METRICS, type MetricId } from "../../src/standard/metrics";
import { RULE_KINDS, RULE_KIND_IDS, type RuleKind } from "../../src/standard/ruleKinds";
import type { Rule, Standard, StandardIndicator, StepBand } from "../../src/standard/types";
import { DEFAULT_SETTINGS } from "../../src/standard/settings";
import { checkStandard, ruleProblems } from "../../src/standard/validate";
import { layoutSnapshot } from "../fixtures/layoutSnapshot";

/** A decimal with `places` decimals between min and max (given in units of 10^-places). */
const decimal = (min: number, max: number, places: number) =>
  fc.integer({ min, max }).map((n) => new Dec(n).dividedBy(10 ** places));
const rate = decimal(-15000, 25000, 4); // −150% … 250%, as 80.87% is typed
const points = decimal(-100, 2000, 2);
const LEVEL1 = ["投入", "过程", "产出", "效益", "满意度", "管理效率"];
/** 定性分档 at shares a city may write with a half percent (62.5%), kept as written. */
const HALF_PERCENT_GRADES = [
  { names: ["好"], low: dec("0.875"), high: dec(1) },
  { names: ["较好"], low: dec("0.625"), high: dec("0.875") },
  { names: ["一般"], low: dec(0), high: dec("0.625") },
];

// ---- any standard, valid or not ---------------------------------------------------------

const anyBand: fc.Arbitrary<StepBand> = fc.record({
  low: fc.option(rate, { nil: null }),
  lowInclusive: fc.boolean(),
  high: fc.option(rate, { nil: null }),
  highInclusive: fc.boolean(),
  points,
  share: fc.boolean(),
});

const anyRule: fc.Arbitrary<Rule> = fc.record({
  kind: fc.constantFrom(...RULE_KIND_IDS),
  params: fc.record(
    {
      target: rate,
      floor: rate,
      full: rate,
      deduction: points,
      bands: fc.array(anyBand, { maxLength: 5 }),
      grades: fc.constant(DEFAULT_GRADE_RANGES),
      basis: fc.constantFrom("budget" as const, "spending" as const),
    },
    { requiredKeys: [] }
  ),
});

function anyIndicator(i: number): fc.Arbitrary<StandardIndicator> {
  return fc.record({
    id: fc.constant(`i${i}`),
    level1: fc.constantFrom(...LEVEL1),
    name: fc.constant(`指标${i}`),
    max: decimal(-200, 4000, 2),
    rule: anyRule,
    metric: fc.option(fc.constantFrom(...METRIC_IDS), { nil: undefined }),
    unconfirmed: fc.constant([]),
  });
}

const anyStandard: fc.Arbitrary<Standard> = fc.integer({ min: 0, max: 12 }).chain((n) =>
  fc.record({
    id: fc.constant("random"),
    name: fc.constant("随机评分标准"),
    scope: fc.constant("department" as const),
    indicators: fc.tuple(...Array.from({ length: n }, (_, i) => anyIndicator(i))),
    grades: fc.array(
      fc.record({ grade: fc.constantFrom("优", "良", "中", "差", "A"), min: points }),
      { maxLength: 5 }
    ),
    caps: fc.array(fc.record({ below: rate, cap: decimal(-1000, 15000, 2) }), { maxLength: 4 }),
    settings: fc.record({
      ...Object.fromEntries(Object.entries(DEFAULT_SETTINGS).map(([k, v]) => [k, fc.constant(v)])),
      executionRateBase: fc.constantFrom(
        "adjusted" as const,
        "initial" as const,
        "adjustedWithCarryOver" as const
      ),
      executionRateSource: fc.constantFrom("official" as const, "table" as const),
      notApplicable: fc.constantFrom("rescale" as const, "zero" as const),
    }) as fc.Arbitrary<Standard["settings"]>,
    unconfirmed: fc.constant([]),
  })
);

const amount = fc.option(decimal(-100000, 10000000, 2), { nil: null });

function department(std: Standard): fc.Arbitrary<DepartmentInput> {
  const names = std.indicators.map((i) => i.name);
  return fc.record({
    department: fc.constant("随机局"),
    year: fc.constant(2023),
    budget: fc.record({
      rows: fc
        .constant([{ category: "total" as const, label: "合计" }])
        .chain(() =>
          fc
            .tuple(amount, amount, amount, amount)
            .map(([initial, adjusted, final, carryOver]) => [
              { category: "total" as const, label: "合计", initial, adjusted, final, carryOver },
            ])
        ),
      officialExecutionRate: fc.option(rate, { nil: null }),
    }),
    indicators: fc.array(
      fc.record({
        level1: fc.constantFrom(...LEVEL1),
        name:
          names.length > 0
            ? fc.oneof(fc.constantFrom(...names), fc.constant("额外指标"))
            : fc.constant("额外指标"),
        max: fc.option(points, { nil: undefined }),
        entered: fc.option(points, { nil: null }),
        grade: fc.option(fc.constantFrom("达成", "部分达成", "未达成", "一般"), { nil: undefined }),
        notApplicable: fc.option(fc.boolean(), { nil: undefined }),
      }),
      { maxLength: 14 }
    ),
    projects: fc.array(
      fc.record({
        name: fc.constant("项目"),
        budget: amount,
        spending: amount,
        selfScore: fc.option(points, { nil: null }),
        evaluated: fc.boolean(),
      }),
      { maxLength: 4 }
    ),
    keyTasks: fc.array(
      fc.record({ name: fc.constant("任务"), done: fc.option(fc.boolean(), { nil: null }) }),
      { maxLength: 4 }
    ),
    threePublic: fc.option(fc.record({ budget: amount, actual: amount, lastYear: amount }), {
      nil: undefined,
    }),
    satisfaction: fc.option(fc.record({ rate: fc.option(rate, { nil: null }) }), {
      nil: undefined,
    }),
    staffing: fc.option(fc.record({ actual: amount, quota: amount }), { nil: undefined }),
  });
}

describe("the engine over random standards and departments", () => {
  it("never throws; 0 ≤ score ≤ 分值; total = min(uncapped, cap) ≤ cap; the grade is one of the standard's", () => {
    fc.assert(
      fc.property(
        anyStandard.chain((std) => fc.tuple(fc.constant(std), department(std))),
        ([std, input]) => {
          const result = evaluate(input, {
            standard: { standard: std, problems: [], sheet: "随机" },
          });
          for (const r of result.indicators) {
            expect(r.counted.greaterThanOrEqualTo(0) && r.counted.lessThanOrEqualTo(r.max)).toBe(
              true
            );
            if (r.computed !== null)
              expect(
                r.computed.greaterThanOrEqualTo(0) && r.computed.lessThanOrEqualTo(r.max)
              ).toBe(true);
          }
          if (result.cap !== null) expect(result.total.lessThanOrEqualTo(result.cap)).toBe(true);
          const expected =
            result.cap !== null && result.cap.lessThan(result.uncapped)
              ? result.cap
              : result.uncapped;
          expect(result.total.equals(expected)).toBe(true);
          expect(result.uncapped.greaterThanOrEqualTo(0)).toBe(true);
          if (result.maxTotal.greaterThan(0))
            expect(result.uncapped.lessThanOrEqualTo(result.maxTotal)).toBe(true);
          const grades = result.standard.definition.grades.map((g) => g.grade);
          expect([...grades, UNGRADED]).toContain(result.grade);
          // What was repaired is usable: no rule in force has a problem left.
          for (const ind of result.standard.definition.indicators)
            expect(ruleProblems(ind)).toEqual([]);
          for (const gap of result.gaps) expect(gap.message).toMatch(/[\u4e00-\u9fff]/);
        }
      ),
      { numRuns: 400 }
    );
  });
});

// ---- valid standards round-trip through the sheet ---------------------------------------

const SAFE_TEXT: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(..."预算执行率重点工作满意度资金管理说明来源ABC12"), {
    minLength: 2,
    maxLength: 12,
  })
  .map((chars) => chars.join(""));
const pct = (min: number, max: number) => decimal(min, max, 4); // whole hundredths of a percent

function validBands(max: Dec): fc.Arbitrary<StepBand[]> {
  return fc
    .uniqueArray(fc.integer({ min: 1, max: 199 }), { minLength: 1, maxLength: 4 })
    .chain((cuts) => {
      const c = [...cuts].sort((a, b) => a - b).map((x) => new Dec(x).dividedBy(100));
      const n = c.length + 1;
      return fc
        .array(fc.integer({ min: 0, max: Math.floor(max.toNumber() * 100) }), {
          minLength: n,
          maxLength: n,
        })
        .map((pts) =>
          pts.map((p, i): StepBand => ({
            low: i === 0 ? null : c[i - 1],
            lowInclusive: i > 0,
            high: i === n - 1 ? null : c[i],
            highInclusive: false,
            points: new Dec(p).dividedBy(100),
            share: false,
          }))
        );
    });
}

function validRule(kind: RuleKind, max: Dec): fc.Arbitrary<Rule["params"]> {
  switch (kind) {
    case "ratioCapped":
    case "ratioInverse":
      return pct(1, 20000).map((target) => ({ target }));
    case "linearBand":
      return fc
        .tuple(pct(0, 20000), pct(0, 20000))
        .filter(([a, b]) => !a.equals(b))
        .map(([floor, full]) => ({ floor, full }));
    case "deductBelow":
    case "deductAbove":
      return (
        fc
          // 扣分标准 to three decimals (0.125 分 a point is written, and read back, as such).
          .tuple(pct(-10000, 20000), fc.integer({ min: 0, max: Math.floor(max.toNumber() * 1000) }))
          .map(([target, d]) => ({ target, deduction: new Dec(d).dividedBy(1000) }))
      );
    case "stepBands":
      return validBands(max).map((bands) => ({ bands }));
    case "qualitative":
      return fc.constantFrom({ grades: DEFAULT_GRADE_RANGES }, { grades: HALF_PERCENT_GRADES });
    case "fundWeightedMean":
      return fc.constantFrom("budget" as const, "spending" as const).map((basis) => ({ basis }));
    default:
      return fc.constant({});
  }
}

function validIndicator(i: number): fc.Arbitrary<StandardIndicator> {
  return fc
    .tuple(
      fc.constantFrom(...RULE_KIND_IDS),
      fc.integer({ min: 0, max: 3000 }),
      fc.constantFrom(...LEVEL1)
    )
    .chain(([kind, hundredths, level1]) => {
      const max = new Dec(hundredths).dividedBy(100);
      const fixed = RULE_KINDS[kind].metric;
      // Score-valued figures only where the unit is points for every parameter.
      const metrics = METRIC_IDS.filter((m) => METRICS[m].unit === "rate");
      const metric: fc.Arbitrary<MetricId | undefined> =
        fixed === "chosen"
          ? fc.constantFrom(...metrics)
          : fixed === "none"
            ? fc.option(fc.constantFrom(...metrics), { nil: undefined })
            : fc.constant(fixed);
      return fc.record({
        id: fc.constant(`${level1}/指标${i}`),
        level1: fc.constant(level1),
        name: fc.constant(`指标${i}`),
        max: fc.constant(max),
        rule: validRule(kind, max).map((params) => ({ kind, params })),
        metric,
        note: fc.option(SAFE_TEXT, { nil: undefined }),
        source: fc.option(SAFE_TEXT, { nil: undefined }),
        unconfirmed: fc.constant([]),
      });
    });
}

const validStandard: fc.Arbitrary<Standard> = fc.integer({ min: 1, max: 10 }).chain((n) =>
  fc.record({
    id: fc.constant("random"),
    name: SAFE_TEXT,
    scope: fc.constant("department" as const),
    indicators: fc.tuple(...Array.from({ length: n }, (_, i) => validIndicator(i))),
    grades: fc.constant([
      { grade: "优", min: dec(90) },
      { grade: "良", min: dec(80) },
      { grade: "差", min: dec(0) },
    ]),
    caps: fc
      .uniqueArray(fc.integer({ min: 1, max: 100 }), { maxLength: 3 })
      .map((xs) =>
        [...xs]
          .sort((a, b) => a - b)
          .map((x, i) => ({ below: new Dec(x).dividedBy(100), cap: dec(60 + 10 * i) }))
      ),
    settings: fc.constant(DEFAULT_SETTINGS),
    unconfirmed: fc.constant([]),
  })
);

/** Plain data for comparison: decimals by value, no cells. */
function plain(std: Standard): unknown {
  const norm = (v: unknown): unknown =>
    v instanceof Dec
      ? v.toString()
      : Array.isArray(v)
        ? v.map(norm)
        : v && typeof v === "object"
          ? Object.fromEntries(
              Object.entries(v)
                .filter(([k, x]) => k !== "cells" && x !== undefined)
                .map(([k, x]) => [k, norm(x)])
            )
          : v;
  return norm({ ...std, caps: [...std.caps].sort((a, b) => a.below.comparedTo(b.below)) });
}

describe("a valid standard written as the 评分标准 sheet", () => {
  it("reads back as itself, with no problem", () => {
    fc.assert(
      fc.property(validStandard, (std) => {
        expect(
          checkStandard(std).problems.filter((p) => !p.message.includes("应为 100 分"))
        ).toEqual([]);
        const { input } = parseWorkbook({ sheets: [layoutSnapshot(standardLayout(std))] });
        expect(input.standard?.problems).toEqual([]);
        const back = { ...input.standard!.standard, id: std.id };
        expect(
          plain({
            ...back,
            indicators: back.indicators.map((i, k) => ({ ...i, id: std.indicators[k].id })),
          })
        ).toEqual(plain(std));
      }),
      { numRuns: 150 }
    );
  });
});
