/** Property tests: for any input the engine keeps its invariants and never throws. */
import fc from "fast-check";
import { Dec, dec, sum } from "../../src/model/decimal";
import {
  BUDGET_CATEGORIES,
  type DepartmentInput,
  type EvaluationSettings,
} from "../../src/model/input";
import { evaluate } from "../../src/evaluate/evaluate";
import { foshan2022, genericPreset } from "../../src/standard/presets";

const amount = fc.option(
  fc.integer({ min: -1_000_000, max: 10_000_000 }).map((cents) => new Dec(cents).dividedBy(100)),
  { nil: null }
);
const rate = fc.option(
  fc.integer({ min: -5000, max: 25000 }).map((bp) => new Dec(bp).dividedBy(10000)),
  { nil: null }
);
const scoreValue = fc.option(
  fc.integer({ min: -2000, max: 4000 }).map((x) => new Dec(x).dividedBy(100)),
  { nil: null }
);
const categories = BUDGET_CATEGORIES;
const knownNames = [...foshan2022.indicators, ...genericPreset.indicators].flatMap((i) => [
  i.name,
  ...(i.aliases ?? []),
]);

const settingsArb: fc.Arbitrary<EvaluationSettings | undefined> = fc.option(
  fc.record(
    {
      presetId: fc.constantFrom("foshan-2022", "generic", "nope"),
      scoreSource: fc.constantFrom("entered" as const, "computed" as const),
      overrides: fc.dictionary(
        fc.constantFrom(
          "executionRate.floor",
          "executionRate.target",
          "threePublicControl.pointsPerPercentOver",
          "grade.优",
          "totalCap",
          "checks.executionRateSource",
          "satisfaction.target",
          "x.y"
        ),
        fc.oneof(
          fc.string(),
          fc.double({ noNaN: false }),
          fc.boolean(),
          fc.constantFrom("60%", "0.9", "95%:10;90%:8", "none", "table")
        )
      ),
      confirmed: fc.array(fc.constantFrom("executionRate", "totalCap", "unnamedIndicator.max")),
    },
    { requiredKeys: [] }
  ),
  { nil: undefined }
);

const inputArb: fc.Arbitrary<DepartmentInput> = fc.record({
  department: fc.string(),
  year: fc.integer({ min: 2000, max: 2100 }),
  city: fc.option(fc.constantFrom("佛山市", "佛山", "广州市"), { nil: undefined }),
  budget: fc.record({
    rows: fc.array(
      fc.record({
        category: fc.constantFrom(...categories),
        label: fc.string(),
        initial: amount,
        adjusted: amount,
        final: amount,
      }),
      { maxLength: 12 }
    ),
    officialExecutionRate: rate,
  }),
  indicators: fc.array(
    fc.record({
      level1: fc.string(),
      name: fc.oneof(fc.constantFrom(...knownNames), fc.string()),
      max: fc.option(scoreValue, { nil: undefined }),
      entered: scoreValue,
      explanation: fc.option(fc.string(), { nil: undefined }),
    }),
    { maxLength: 16 }
  ),
  projects: fc.array(
    fc.record({
      name: fc.string(),
      budget: amount,
      spending: amount,
      selfScore: scoreValue,
      evaluated: fc.boolean(),
    }),
    { maxLength: 8 }
  ),
  projectCounts: fc.option(fc.record({ total: fc.nat(100), evaluated: fc.nat(120) }), {
    nil: undefined,
  }),
  keyTasks: fc.array(fc.record({ name: fc.string(), done: fc.boolean() }), { maxLength: 6 }),
  threePublic: fc.option(fc.record({ budget: amount, actual: amount }), { nil: undefined }),
  satisfaction: fc.option(fc.record({ rate }), { nil: undefined }),
  settings: settingsArb,
});

describe("engine invariants over random inputs (presets)", () => {
  it("never throws; 0 ≤ counted ≤ 分值; total = min(Σ counted, cap); grade matches total", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = evaluate(input);
        for (const r of result.indicators) {
          expect(r.counted.greaterThanOrEqualTo(0)).toBe(true);
          expect(r.counted.lessThanOrEqualTo(r.max)).toBe(true);
          if (r.computed !== null) {
            expect(r.computed.greaterThanOrEqualTo(0)).toBe(true);
            expect(r.computed.lessThanOrEqualTo(r.max)).toBe(true);
          }
        }
        const total = sum(result.indicators.map((r) => r.counted));
        expect(result.sum.equals(total)).toBe(true);
        expect(result.uncapped.equals(total)).toBe(true); // nothing is 不适用 here
        const expected = result.cap !== null && result.cap.lessThan(total) ? result.cap : total;
        expect(result.total.equals(expected)).toBe(true);
        // grade: the highest band the total reaches — only for a complete table (分值 = 100)
        const band = result.total.greaterThanOrEqualTo(90)
          ? "优"
          : result.total.greaterThanOrEqualTo(80)
            ? "良"
            : result.total.greaterThanOrEqualTo(60)
              ? "中"
              : "差";
        const gradable = result.maxTotal.equals(100) && input.indicators.length > 0;
        const gradeOverridden = input.settings?.overrides && "grade.优" in input.settings.overrides;
        if (!gradable) expect(result.grade).toBe("无法评定");
        else if (!gradeOverridden) expect(result.grade).toBe(band);
        expect(["优", "良", "中", "差", "无法评定"]).toContain(result.grade);
        // group subtotals add up to the sum
        expect(sum(result.groups.map((g) => g.counted)).equals(result.sum)).toBe(true);
        for (const gap of result.gaps) expect(gap.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 }
    );
  });

  it("is deterministic: the same input gives the same result", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(JSON.stringify(evaluate(input))).toBe(JSON.stringify(evaluate(input)));
      }),
      { numRuns: 50 }
    );
  });

  it("scores every entered score within range as entered when the entered score counts", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (hundredths) => {
        const entered = new Dec(hundredths).dividedBy(100);
        const input: DepartmentInput = {
          department: "测试",
          year: 2022,
          city: "佛山市",
          budget: { rows: [] },
          indicators: [{ level1: "管理效率", name: "预算绩效管理情况", entered }],
          projects: [],
          keyTasks: [],
        };
        const row = evaluate(input).indicators.find((i) => i.id === "budgetPerformanceManagement");
        expect(row?.counted.equals(entered)).toBe(true);
        expect(dec(10).equals(row?.max ?? 0)).toBe(true);
      })
    );
  });
});
