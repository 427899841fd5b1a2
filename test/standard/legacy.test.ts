/**
 * Workbooks scored before the 评分标准 sheet kept rule changes as parameter paths in their
 * 绩效自评设置 sheet; they keep scoring the same.
 */
import { dec } from "../../src/model/decimal";
import { evaluate } from "../../src/evaluate/evaluate";
import { cappedSeed, seed } from "../helpers";

const computed = (result: ReturnType<typeof evaluate>, id: string) =>
  result.indicators.find((i) => i.id === id)?.computed?.toString();

describe("old parameter overrides", () => {
  it("apply to the preset and count as confirmed (floor 50%: 10 × (80.87% − 50%) ÷ 50% = 6.17)", () => {
    const input = seed();
    input.settings = { overrides: { "executionRate.floor": "50%" } };
    const result = evaluate(input);
    expect(computed(result, "executionRate")).toBe("6.17");
    const floor = result.parameters.find((p) => p.path === "executionRate.floor");
    expect(floor).toMatchObject({ value: "50.00%", unconfirmed: false, overridden: true });
    expect(result.standard.source).toBe("cityYear");
  });

  it("map old names: target of a linear band is its 满分线, pointsPerPercentOver the 扣分标准", () => {
    const input = seed();
    input.settings = {
      overrides: {
        "executionRate.target": "90%",
        "threePublicControl.pointsPerPercentOver": "0.2",
      },
    };
    input.threePublic = { budget: dec("13.5"), actual: dec("14.85") };
    const result = evaluate(input);
    expect(computed(result, "executionRate")).toBe("6.96"); // 10 × (80.87% − 60%) ÷ (90% − 60%) = 6.957
    expect(computed(result, "threePublicControl")).toBe("1"); // 3 − 0.2 × 10
  });

  it("clear 待核对 for confirmed parameters", () => {
    const input = seed();
    input.settings = {
      confirmed: ["executionRate", "unnamedIndicator.max", "unnamedIndicator.rule"],
    };
    const flagged = evaluate(input)
      .gaps.filter((g) => g.code === "unconfirmedParameter")
      .map((g) => g.indicatorId);
    expect(flagged).not.toContain("executionRate");
    expect(flagged).not.toContain("unnamedIndicator");
    expect(flagged).toContain("threePublicControl");
  });

  it("report bad entries one by one and keep the default", () => {
    const input = seed();
    input.settings = {
      overrides: { "executionRate.floor": "六成", "noSuch.param": 1, "grade.优": "85" },
    };
    const result = evaluate(input);
    expect(result.gaps.filter((g) => g.code === "settingInvalid").map((g) => g.message)).toEqual([
      "设置“executionRate.floor”：零分线“六成”不是百分比，已按默认值计算。",
      "设置“noSuch.param”：没有名为“noSuch.param”的参数，已按默认值计算。",
    ]);
    expect(computed(result, "executionRate")).toBe("5.22");
  });

  it("move grade bands", () => {
    const input = seed();
    input.settings = { overrides: { "grade.优": 96 } };
    expect(evaluate(input).grade).toBe("良");
  });

  it("cap the total by execution rate in the generic preset, or drop the cap", () => {
    const input = cappedSeed();
    const result = evaluate(input);
    expect(result.standard.source).toBe("settings");
    expect([result.sum, result.cap, result.total].map(String)).toEqual(["98", "89", "89"]);
    expect(result.grade).toBe("良");
    expect(result.gaps.find((g) => g.code === "totalCapped")?.message).toContain(
      "总分由 98.00 分调整为 89.00 分"
    );
    input.settings = { presetId: "generic", overrides: { totalCap: "none" } };
    expect(evaluate(input).total.toString()).toBe("98");
  });

  it("accept a setting's choice by its Chinese label", () => {
    const input = seed();
    input.settings = { overrides: { "checks.executionRateSource": "按预算表计算" } };
    const result = evaluate(input);
    expect(result.budget.execution.source).toBe("table");
    expect(result.budget.execution.value?.toString()).toBe("0.8912");
    expect(result.gaps.some((g) => g.code === "settingInvalid")).toBe(false);
  });

  it("take 年初预算数 as the base through the old denominator path, and label it so everywhere", () => {
    const input = seed();
    input.settings = {
      overrides: {
        "checks.executionRateDenominator": "年初预算数",
        "checks.executionRateSource": "table",
      },
    };
    const result = evaluate(input);
    // 46665.43 ÷ 40568.73 = 115.03%
    expect(result.budget.execution.value?.toString()).toBe("1.1503");
    expect(result.budget.execution.definition).toBe("执行率 = 决算数 ÷ 年初预算数");
    expect(result.indicators.find((i) => i.id === "executionRate")?.explanation).toContain(
      "决算数 46,665.43 ÷ 年初预算数 40,568.73 = 115.03%"
    );
  });
});

describe("contradictory old settings", () => {
  it("refuse a zero line above the full-marks line and keep the preset's rule", () => {
    const input = seed();
    input.settings = { overrides: { "executionRate.floor": "95%", "executionRate.target": "60%" } };
    const result = evaluate(input);
    expect(result.gaps.map((g) => g.message)).toContain(
      "设置“executionRate.floor”：零分线 95.00% 应低于满分线 60.00%，已按默认值计算。"
    );
    expect(computed(result, "executionRate")).toBe("5.22");
  });

  it("refuse grade lines out of order and grade by 优/良/中/差", () => {
    const input = seed();
    input.settings = { overrides: { "grade.良": 96 } };
    const result = evaluate(input);
    expect(result.grade).toBe("优");
    expect(result.gaps.some((g) => g.message.includes("等级须从高到低排列"))).toBe(true);
  });

  it("refuse fewer than 2 rate decimals", () => {
    const input = seed();
    input.settings = { overrides: { "checks.rateDecimals": 0 } };
    const result = evaluate(input);
    expect(result.budget.execution.official?.toString()).toBe("0.8087");
    expect(result.gaps.some((g) => g.code === "settingInvalid")).toBe(true);
  });
});

it("does not score a negative 三公 budget", () => {
  const input = seed();
  input.threePublic = { budget: dec("-13.5"), actual: dec("1.88") };
  const result = evaluate(input);
  expect(result.indicators.find((i) => i.id === "threePublicControl")?.notComputableReason).toBe(
    "“三公”经费预算数和实际支出数不能为负数"
  );
  expect(result.gaps.some((g) => g.code === "threePublicOver")).toBe(false);
});
