import { parseSetting } from "../../src/standard/settings";

const value = (key: Parameters<typeof parseSetting>[0], raw: string) => {
  const result = parseSetting(key, raw);
  return "value" in result ? result.value : result.problem;
};

describe("a choice typed the way a finance officer types it", () => {
  it.each([
    ["按 0 分计", "zero"],
    ["按0分计", "zero"],
    ["  按０分计 ", "zero"],
    ["计0分", "zero"],
    ["剔除后按比例折算", "rescale"],
    ["按比例折算", "rescale"],
    ["zero", "zero"],
  ])("不适用指标 “%s” is %s", (raw, code) => {
    expect(value("notApplicable", raw)).toBe(code);
  });

  it.each([
    ["调整预算数", "adjusted"],
    ["调整预算数 加上年结转", "adjustedWithCarryOver"],
    ["调整预算数（含上年结转）", "adjustedWithCarryOver"],
    ["调整预算数+上年结转", "adjustedWithCarryOver"],
    ["年初预算数", "initial"],
  ])("执行率口径 “%s” is %s", (raw, code) => {
    expect(value("executionRateBase", raw)).toBe(code);
  });

  it("a word that names no choice is refused with the choices listed", () => {
    expect(value("notApplicable", "按5分计")).toBe(
      "不适用指标“按5分计”无法识别，可选：剔除后按比例折算、按 0 分计"
    );
    expect(value("executionRateBase", "决算数")).toMatch(
      /^执行率口径“决算数”无法识别，可选：调整预算数、/
    );
  });
});
