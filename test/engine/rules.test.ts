/** Every rule kind at and around its boundaries. */
import { dec } from "../../src/model/decimal";
import type { Rule } from "../../src/evaluate/profile";
import { applyRule, pickBand } from "../../src/evaluate/rules";

const score = (rule: Rule, value: string, max = 10): string | undefined =>
  applyRule(rule, dec(value), dec(max))?.score.toString();

describe("judgment", () => {
  it("has nothing to compute", () => {
    expect(applyRule({ kind: "judgment" }, dec(1), dec(10))).toBeNull();
  });
});

describe("ratioCapped: 分值 × min(value ÷ target, 1)", () => {
  const rule: Rule = { kind: "ratioCapped", metric: "executionRate", target: dec("0.9") };
  it.each([
    ["0", "0"],
    ["0.45", "5"],
    ["0.8999", "10"], // 9.9989 → 10.00 after ROUND
    ["0.8990", "9.99"],
    ["0.9", "10"],
    ["1.2", "10"],
    ["-0.1", "0"],
  ])("%s → %s", (value, expected) => expect(score(rule, value)).toBe(expected));
  it("gives full marks when the target is 0", () => {
    expect(score({ ...rule, target: dec(0) }, "0")).toBe("10");
  });
  it("explains the formula", () => {
    expect(applyRule(rule, dec("0.45"), dec(10))?.formula).toBe(
      "10.00 × min(45.00% ÷ 90.00%, 1) = 5.00"
    );
  });
});

describe("linearBand: 0 at floor, full at target", () => {
  const rule: Rule = {
    kind: "linearBand",
    metric: "executionRate",
    floor: dec("0.6"),
    target: dec(1),
  };
  it.each([
    ["0.5", "0"],
    ["0.6", "0"],
    ["0.6001", "0"], // 0.0025 → 0.00
    ["0.6002", "0.01"], // 0.005 → 0.01 (half away from zero)
    ["0.8", "5"],
    ["0.8087", "5.22"], // the seed's rate: 5.2175 → 5.22
    ["0.9999", "10"],
    ["0.9990", "9.98"], // 9.975 → 9.98
    ["1", "10"],
    ["1.1", "10"],
  ])("%s → %s", (value, expected) => expect(score(rule, value)).toBe(expected));
  it("gives 0 when floor ≥ target and the value is below the target", () => {
    expect(score({ ...rule, floor: dec(1), target: dec("0.9") }, "0.85")).toBe("0");
  });
});

describe("deductPerPoint", () => {
  const below: Rule = {
    kind: "deductPerPoint",
    metric: "executionRate",
    target: dec("0.95"),
    pointsPerPercent: dec("0.5"),
    direction: "below",
  };
  it.each([
    ["0.95", "10"],
    ["0.96", "10"],
    ["0.949", "9.95"],
    ["0.94", "9.5"],
    ["0.85", "5"],
    ["0.75", "0"],
    ["0.5", "0"],
  ])("below target %s → %s", (value, expected) => expect(score(below, value)).toBe(expected));
  const above: Rule = { ...below, direction: "above", target: dec("0.1") };
  it.each([
    ["0.1", "10"],
    ["0.05", "10"],
    ["0.12", "9"],
  ])("above target %s → %s", (value, expected) => expect(score(above, value)).toBe(expected));
});

describe("stepBands", () => {
  const rule: Rule = {
    kind: "stepBands",
    metric: "executionRate",
    bands: [
      { min: dec("0.9"), points: dec(8) },
      { min: dec("0.95"), points: dec(10) },
      { min: dec("0.8"), points: dec(5) },
    ],
  };
  it.each([
    ["1", "10"],
    ["0.95", "10"],
    ["0.9499", "8"],
    ["0.9", "8"],
    ["0.8999", "5"],
    ["0.8", "5"],
    ["0.7999", "0"],
  ])("%s → %s", (value, expected) => expect(score(rule, value)).toBe(expected));
  it("caps a band's points at 分值", () => {
    expect(score(rule, "1", 6)).toBe("6");
  });
  it("picks the highest band reached whatever the order", () => {
    expect(
      pickBand(rule.kind === "stepBands" ? rule.bands : [], dec("0.97"))?.points.toString()
    ).toBe("10");
  });
});

describe("controlRate (三公): within budget full, over budget deduct per point", () => {
  const rule: Rule = {
    kind: "controlRate",
    metric: "threePublicControl",
    pointsPerPercentOver: dec("0.1"),
  };
  it.each([
    ["0.1393", "3"], // the seed: 1.88 / 13.5
    ["1", "3"],
    ["1.0001", "3"], // 0.01 points over → 2.999 → 3.00
    ["1.01", "2.9"],
    ["1.1", "2"],
    ["1.3", "0"],
    ["2", "0"],
  ])("%s → %s", (value, expected) => expect(score(rule, value, 3)).toBe(expected));
});

describe("completionRate: 分值 × done ÷ planned", () => {
  const rule: Rule = { kind: "completionRate", metric: "keyTaskCompletion" };
  it.each([
    ["1", "10"],
    ["0.8", "8"],
    ["0.6667", "6.67"],
    ["0", "0"],
    ["1.5", "10"],
  ])("%s → %s", (value, expected) => expect(score(rule, value)).toBe(expected));
});

describe("fundWeightedMean: 分值 × mean ÷ 100", () => {
  const rule: Rule = {
    kind: "fundWeightedMean",
    metric: "projectFundWeightedScore",
    weightBasis: "budget",
  };
  it.each([
    ["100", "7"],
    ["92.5", "6.48"], // 6.475 → 6.48
    ["0", "0"],
    ["120", "7"],
  ])("%s → %s", (value, expected) => expect(score(rule, value, 7)).toBe(expected));
});
