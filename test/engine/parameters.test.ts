import { dec } from "../../src/model/decimal";
import { evaluate } from "../../src/evaluate/evaluate";
import { parseBands, parseRate, resolveProfile } from "../../src/evaluate/parameters";
import { findProfile, foshan2022, genericPreset } from "../../src/profiles";
import { seed } from "../helpers";

describe("profiles keyed by city and year", () => {
  it("finds Foshan 2022 exactly, Foshan 2023 by the latest earlier year, others generic", () => {
    expect(findProfile("佛山市", 2022)).toEqual({ profile: foshan2022, exact: true });
    expect(findProfile("佛山", 2022).profile.id).toBe("foshan-2022");
    expect(findProfile("佛山市", 2023)).toEqual({ profile: foshan2022, exact: false });
    expect(findProfile("佛山市", 2021).profile.id).toBe("generic");
    expect(findProfile("广州市", 2022).profile.id).toBe("generic");
    expect(findProfile(undefined, 2022).profile.id).toBe("generic");
  });

  it("has maxima adding to 100 in every shipped profile", () => {
    for (const profile of [foshan2022, genericPreset]) {
      const total = profile.indicators.reduce((acc, i) => acc.plus(i.max), dec(0));
      expect(total.toString()).toBe("100");
    }
  });
});

describe("parameters", () => {
  it("reads rates as users type them", () => {
    expect(parseRate("60%")?.toString()).toBe("0.6");
    expect(parseRate("６０％")?.toString()).toBe("0.6");
    expect(parseRate(0.6)?.toString()).toBe("0.6");
    expect(parseRate("60")?.toString()).toBe("0.6");
    expect(parseRate("abc")).toBeNull();
    expect(
      parseBands("95%:10;90%:8；0:0")?.map((b) => [b.min.toString(), b.points.toString()])
    ).toEqual([
      ["0.95", "10"],
      ["0.9", "8"],
      ["0", "0"],
    ]);
    expect(parseBands("95%")).toBeNull();
  });

  it("lists every parameter of the profile with its value", () => {
    const { parameters } = resolveProfile(foshan2022);
    const floor = parameters.find((p) => p.path === "executionRate.floor");
    expect(floor).toMatchObject({ value: "60.00%", unconfirmed: true, overridden: false });
    expect(parameters.find((p) => p.path === "checks.executionRateTarget")?.value).toBe("100.00%");
    expect(parameters.find((p) => p.path === "grade.优")?.value).toBe("90.00");
    expect(parameters.find((p) => p.path === "totalCap")?.value).toBe("不设");
  });

  it("applies an override, which also confirms the parameter", () => {
    const input = seed();
    input.settings = { overrides: { "executionRate.floor": "50%" } };
    const result = evaluate(input);
    // 10 × (0.8087 − 0.5) ÷ 0.5 = 6.174 → 6.17
    expect(result.indicators.find((i) => i.id === "executionRate")?.computed?.toString()).toBe(
      "6.17"
    );
    const floor = result.parameters.find((p) => p.path === "executionRate.floor");
    expect(floor).toMatchObject({ value: "50.00%", unconfirmed: false, overridden: true });
  });

  it("clears 待核对 for confirmed parameters", () => {
    const input = seed();
    input.settings = {
      confirmed: ["executionRate", "unnamedIndicator.max", "unnamedIndicator.rule"],
    };
    const result = evaluate(input);
    const flagged = result.gaps
      .filter((g) => g.code === "unconfirmedParameter")
      .map((g) => g.indicatorId);
    expect(flagged).not.toContain("executionRate");
    expect(flagged).not.toContain("unnamedIndicator");
    expect(flagged).toContain("threePublicControl");
  });

  it("reports bad settings as errors and keeps the default", () => {
    const input = seed();
    input.settings = {
      overrides: { "executionRate.floor": "六成", "noSuch.param": 1, "grade.优": "85" },
    };
    const result = evaluate(input);
    const messages = result.gaps.filter((g) => g.code === "settingInvalid").map((g) => g.message);
    expect(messages).toEqual([
      "设置“executionRate.floor”：“六成”不是有效的零分线，已按默认值计算。",
      "设置“noSuch.param”：没有名为“noSuch.param”的参数，已按默认值计算。",
    ]);
    expect(result.indicators.find((i) => i.id === "executionRate")?.computed?.toString()).toBe(
      "5.22"
    );
  });

  it("moves grade bands with overrides", () => {
    const input = seed();
    input.settings = { overrides: { "grade.优": 96 } };
    expect(evaluate(input).grade).toBe("良");
  });

  it("caps the total by execution rate in the generic preset", () => {
    const input = seed();
    input.settings = { profileId: "generic" };
    input.indicators = [
      { level1: "预算执行", name: "预算执行率", entered: dec(8) },
      { level1: "产出", name: "产出指标", entered: dec(50) },
      { level1: "效益", name: "效益指标", entered: dec(30) },
      { level1: "满意度", name: "满意度指标", entered: dec(10) },
    ];
    input.budget.officialExecutionRate = dec("0.75");
    const result = evaluate(input);
    expect(result.sum.toString()).toBe("98");
    expect(result.cap?.toString()).toBe("89");
    expect(result.total.toString()).toBe("89");
    expect(result.grade).toBe("良");
    expect(result.gaps.find((g) => g.code === "totalCapped")?.message).toContain(
      "总分由 98.00 分调整为 89.00 分"
    );
    input.settings = { profileId: "generic", overrides: { totalCap: "none" } };
    expect(evaluate(input).total.toString()).toBe("98");
  });
});

describe("choices by label", () => {
  it("accepts a check's choice by its Chinese label as shown in the parameter list", () => {
    const input = seed();
    input.settings = { overrides: { "checks.executionRateSource": "按预算表计算" } };
    const result = evaluate(input);
    expect(result.budget.usedExecutionRateSource).toBe("table");
    expect(result.gaps.some((g) => g.code === "settingInvalid")).toBe(false);
  });
});

describe("contradictory parameters", () => {
  it("refuses a zero line above the full-marks line and keeps the profile's rule", () => {
    const input = seed();
    input.settings = { overrides: { "executionRate.floor": "95%", "executionRate.target": "60%" } };
    const result = evaluate(input);
    expect(result.gaps.map((g) => g.message)).toContain(
      "设置“executionRate.floor”：零分线 95.00% 应低于满分线 60.00%，已按默认值计算。"
    );
    expect(result.indicators.find((i) => i.id === "executionRate")?.computed?.toString()).toBe(
      "5.22"
    );
  });

  it("refuses grade lines out of order", () => {
    const input = seed();
    input.settings = { overrides: { "grade.良": 96 } };
    const result = evaluate(input);
    expect(result.grade).toBe("优");
    expect(result.gaps.some((g) => g.message.includes("各等级分数线须从高到低排列"))).toBe(true);
  });

  it("refuses fewer than 2 rate decimals", () => {
    const input = seed();
    input.settings = { overrides: { "checks.rateDecimals": 0 } };
    const result = evaluate(input);
    expect(result.budget.officialExecutionRate?.toString()).toBe("0.8087");
    expect(result.gaps.some((g) => g.code === "settingInvalid")).toBe(true);
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
});
