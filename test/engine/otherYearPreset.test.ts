/**
 * A workbook of a year before every preset its city has (佛山 2019, the city's only preset being
 * 2022's), or of a year not found at all (0): the city's own nearest preset scores it, said in
 * the gap list, and gives way to the department's own table where it clearly does not fit — never
 * the generic preset, as if the city had no standard.
 */
import { evaluate } from "../../src/evaluate/evaluate";
import type { IndicatorEntry } from "../../src/model/input";
import { dec } from "../../src/model/decimal";
import { findPreset, foshan2022 } from "../../src/standard/presets";
import { seed } from "../helpers";

const FOSHAN_2022 = "“2022 年度佛山市市级部门整体支出绩效自评表”";

describe("a city's preset of another year", () => {
  it("is the city's earliest for a year before all of them, and its latest for no year", () => {
    expect(findPreset("佛山市", 2019)).toEqual({ standard: foshan2022, match: "laterYear" });
    expect(findPreset("佛山市", 0)).toEqual({ standard: foshan2022, match: "yearUnknown" });
    // A city's yearless preset applies to any year, before a dated one.
    expect(findPreset("岳阳市", 0).match).toBe("city");
    // A city with no preset, with or without a year: the generic one.
    expect(findPreset("广州市", 0).match).toBe("fallback");
    expect(findPreset("广州市", 2019).match).toBe("fallback");
  });

  it("scores a 2019 workbook of 佛山 by 佛山's 2022 preset, saying which year's and why", () => {
    const input = seed();
    input.year = 2019;
    const result = evaluate(input);
    expect(result.standard).toMatchObject({ id: "foshan-2022", source: "laterYear" });
    expect(result.standard.sourceText).toBe(
      "预设（未找到佛山市 2019 年度及更早年度的评分标准，采用该市 2022 年度的）"
    );
    expect(result.gaps.find((g) => g.code === "standardOfOtherYear")).toMatchObject({
      severity: "warning",
      message: `未找到佛山市 2019 年度及更早年度的评分标准，按该市最早的 2022 年度的${FOSHAN_2022}评分。`,
    });
    // The seed is 佛山's own table: its 2022 score, not the generic preset's.
    expect(result.total.toString()).toBe("95.18");
  });

  it("scores a workbook whose year was not found by the city's latest preset, saying the year was not found", () => {
    const input = seed();
    input.year = 0;
    const result = evaluate(input);
    expect(result.standard).toMatchObject({ id: "foshan-2022", source: "yearUnknown" });
    expect(result.standard.sourceText).toBe("预设（未找到年度，采用佛山市最新的 2022 年度的）");
    const gap = result.gaps.find((g) => g.code === "standardOfOtherYear");
    expect(gap?.message).toBe(`未找到年度，按佛山市最新的 2022 年度的${FOSHAN_2022}评分。`);
    expect(gap?.suggestion).toContain("填写“年度”");
  });

  it("gives way to the department's own table when it clearly does not fit, as an earlier year's does", () => {
    const row = (name: string, max: number, entered: number): IndicatorEntry => ({
      level1: "部门管理",
      name,
      max: dec(max),
      entered: dec(entered),
    });
    const input = seed();
    input.year = 2019;
    input.statedTotal = undefined;
    input.indicators = [row("目标设定", 30, 30), row("决策过程", 30, 28), row("产出质量", 40, 38)];
    const result = evaluate(input);
    expect(result.standard).toMatchObject({ id: "ownTable", source: "fallback" });
    expect(result.standard.sourceText).toBe(
      "本部门绩效指标表的指标和分值（未找到佛山市 2019 年度的评分标准，2022 年度的与本表不符，等级按通用预设，总分不封顶）"
    );
    expect(result.total.toFixed(2)).toBe("96.00");
    const misfit = result.gaps.find((g) => g.code === "standardOfOtherYearMisfit");
    expect(misfit?.message).toMatch(
      new RegExp(
        `^未找到佛山市 2019 年度的评分标准，而 2022 年度的${FOSHAN_2022}与本部门绩效指标表明显不符：`
      )
    );
    expect(result.gaps.some((g) => g.code === "standardOfOtherYear")).toBe(false);

    input.year = 0;
    const unknown = evaluate(input);
    expect(unknown.standard.id).toBe("ownTable");
    expect(unknown.gaps.find((g) => g.code === "standardOfOtherYearMisfit")?.message).toMatch(
      /^未找到年度，而 2022 年度的/
    );
  });
});
