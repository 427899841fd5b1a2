/**
 * Which standard scores a workbook, and how gaps find their indicator under any standard.
 * Precedence: a standard passed in (--standard) > the workbook's 评分标准 sheet > the preset
 * chosen in 绩效自评设置 > the preset of the city and year > the generic preset.
 */
import { dec, sum } from "../../src/model/decimal";
import { evaluate } from "../../src/evaluate/evaluate";
import { findPreset, findPresetById, foshan2022, genericPreset } from "../../src/standard/presets";
import type { Standard } from "../../src/standard/types";
import { seed } from "../helpers";

const sheet = (standard: Standard, name = "评分标准") => ({ standard, problems: [], sheet: name });
const yueyang = findPresetById("yueyang-department") as Standard;

describe("the standard in force", () => {
  it("is the workbook's sheet over the preset chosen in settings", () => {
    const input = seed();
    input.settings = { presetId: "generic" };
    input.standard = sheet(yueyang);
    const result = evaluate(input);
    expect(result.standard).toMatchObject({
      id: "yueyang-department",
      source: "sheet",
      sheet: "评分标准",
    });
    expect(result.standard.sourceText).toBe("本工作簿的“评分标准”表");
  });

  it("is the preset chosen in settings over the city's", () => {
    const input = seed();
    input.settings = { presetId: "generic" };
    expect(evaluate(input).standard).toMatchObject({
      id: "generic",
      source: "settings",
      sourceText: "绩效自评设置中选择的预设",
    });
  });

  it("is matched by city and year, an earlier year of the city, a city's yearless preset, or the generic one", () => {
    expect(findPreset("佛山市", 2022)).toEqual({ standard: foshan2022, match: "cityYear" });
    expect(findPreset("佛山", 2023)).toEqual({ standard: foshan2022, match: "earlierYear" });
    expect(findPreset("佛山市", 2021)).toEqual({ standard: foshan2022, match: "laterYear" });
    expect(findPreset("岳阳市", 2024).match).toBe("city");
    expect(findPreset("大英县", 2020).standard.id).toBe("daying-2020");
    expect(findPreset("广州市", 2022).standard.id).toBe("generic");
    expect(findPreset(undefined, 2022).standard.id).toBe("generic");
    const input = seed();
    input.year = 2023;
    const later = evaluate(input);
    expect(later.standard.sourceText).toBe(
      "预设（未找到佛山市 2023 年度的评分标准，采用该市较早年度的）"
    );
    // Said in the gap list too, not only in the standard's line.
    expect(later.gaps.find((g) => g.code === "standardOfEarlierYear")?.message).toBe(
      "未找到佛山市 2023 年度的评分标准，按 2022 年度的“2022 年度佛山市市级部门整体支出绩效自评表”评分。"
    );
  });

  it("is the department's own table where its city has no standard: its rows and 分值, never the generic tree", () => {
    const input = seed();
    input.city = "广州市";
    input.department = "广州市社会保险基金管理局";
    const result = evaluate(input);
    expect(result.standard).toMatchObject({
      id: "ownTable",
      name: "本部门绩效指标表",
      source: "fallback",
    });
    expect(result.standard.sourceText).toBe(
      "本部门绩效指标表的指标和分值（未找到广州市的评分标准，等级按通用预设，总分不封顶）"
    );
    // The generic preset's caps (the province's project rule, 待核对) do not lower the total
    // the department signs: 78.50% would cap 95.18 at 89 under the generic preset.
    const low = seed();
    low.city = "广州市";
    low.budget.officialExecutionRate = dec("0.785");
    const uncapped = evaluate(low);
    expect(uncapped.cap).toBeNull();
    expect(uncapped.gaps.some((g) => g.code === "totalCapped")).toBe(false);
    // Its rows as entered, in its order, with its 分值: 95.18 of 100, 优 (the generic grades).
    expect(result.indicators.map((i) => i.name)).toEqual(input.indicators.map((e) => e.name));
    expect(result.indicators.some((i) => i.name === "产出指标")).toBe(false);
    expect([result.maxTotal.toString(), result.total.toFixed(2), result.grade]).toEqual([
      "100",
      "95.18",
      "优",
    ]);
    // Without 分值 in the table there is nothing to build a tree from: the generic preset.
    const bare = seed();
    bare.city = "广州市";
    for (const e of bare.indicators) e.max = null;
    expect(evaluate(bare).standard.id).toBe("generic");
  });

  it("keeps the department's own table when one 分值 is blank: that row out of 0, said at its cell", () => {
    const input = seed();
    input.city = "广州市";
    const blank = input.indicators[1];
    blank.max = null;
    blank.cells = { ...blank.cells, max: "绩效指标!C5" };
    const result = evaluate(input);
    expect(result.standard.id).toBe("ownTable");
    expect(
      result.gaps.find((g) => g.code === "maxMismatch" && g.cell === "绩效指标!C5")
    ).toMatchObject({
      severity: "error",
      message: `“${blank.name}”未填写分值，按 0 分值计入（总分只含其余指标）。`,
    });
    const row = result.indicators.find((i) => i.name === blank.name);
    expect(row?.max.toString()).toBe("0");
    expect(result.indicators.map((i) => i.name)).toEqual(input.indicators.map((e) => e.name));
    const others = input.indicators.filter((e) => e !== blank).map((e) => e.max!.toString());
    expect(result.maxTotal.toString()).toBe(sum(others.map((m) => dec(m))).toString());
  });

  it("says once that a city-less department's own 分值 do not add up to 100", () => {
    const input = seed();
    input.city = "广州市";
    input.indicators[0].max = input.indicators[0].max!.minus(5);
    const result = evaluate(input);
    expect(result.standard.id).toBe("ownTable");
    const said = result.gaps.filter((g) => g.message.includes("分值合计"));
    expect(said.map((g) => g.message)).toEqual([
      "各指标分值合计 95.00 分，不等于 100 分，无法评定等级。",
    ]);
  });

  it("is the one passed in (the command line's --standard) over the workbook's sheet", () => {
    const input = seed();
    input.standard = sheet(yueyang);
    const result = evaluate(input, { standard: { ...sheet(foshan2022), file: "标准.xlsx" } });
    expect(result.standard).toMatchObject({
      id: "foshan-2022",
      source: "given",
      sourceText: "标准.xlsx 的“评分标准”表",
    });
    expect(result.standard.sheet).toBeUndefined();
  });

  it("leaves old settings overrides unused when the workbook has its own sheet, and says so", () => {
    const input = seed();
    input.settings = { overrides: { "executionRate.floor": "50%" } };
    input.standard = sheet(foshan2022);
    const result = evaluate(input);
    expect(result.indicators.find((i) => i.name === "财政支出执行率")?.computed?.toString()).toBe(
      "5.22"
    );
    expect(result.gaps.find((g) => g.code === "settingInvalid")).toMatchObject({
      severity: "info",
      message: "绩效自评设置中的参数改动与已核对参数未采用：评分以本工作簿的“评分标准”表为准。",
    });
  });

  it("checks a preset like any sheet: all shipped presets add up to 100 and have no problem", () => {
    for (const id of [
      "foshan-2022",
      "generic",
      "yueyang-department",
      "dazhou-department",
      "daying-2020",
    ]) {
      const input = seed();
      input.standard = sheet(findPresetById(id) as Standard);
      const result = evaluate(input);
      expect(result.gaps.filter((g) => g.code === "standardInvalid")).toEqual([]);
      expect(
        result.standard.definition.indicators.reduce((a, i) => a.plus(i.max), dec(0)).toString()
      ).toBe("100");
    }
  });
});

describe("gaps find their indicator by the figure it measures, under any standard", () => {
  it("project coverage: 项目管理情况 in Foshan's, the indicator scoring coverage in another, none in the generic", () => {
    const input = seed();
    input.projects = [
      { name: "甲", budget: dec(10), spending: dec(9), selfScore: dec(90), evaluated: true },
      { name: "乙", budget: dec(10), spending: dec(9), selfScore: null, evaluated: false },
    ];
    const coverage = (result: ReturnType<typeof evaluate>) =>
      result.gaps.find((g) => g.code === "projectCoverageBelowFull");
    expect(coverage(evaluate(input))).toMatchObject({
      indicatorId: "projectManagement",
      indicator: "项目管理情况",
    });

    const own: Standard = {
      ...genericPreset,
      id: "own",
      indicators: [
        ...genericPreset.indicators.slice(0, 3),
        {
          id: "coverage",
          level1: "满意度",
          name: "项目自评覆盖率",
          max: dec(10),
          rule: { kind: "ratioCapped", params: { target: dec(1) } },
          metric: "projectEvaluationCoverage",
          unconfirmed: [],
        },
      ],
    };
    input.standard = sheet(own);
    const result = evaluate(input);
    expect(coverage(result)).toMatchObject({
      indicatorId: "coverage",
      indicator: "项目自评覆盖率",
    });
    expect(result.indicators.find((i) => i.id === "coverage")?.computed?.toString()).toBe("5"); // 10 × 50%

    input.standard = sheet(genericPreset);
    expect(coverage(evaluate(input))?.indicatorId).toBeUndefined();
  });

  it("三公 over budget: “三公”经费控制率 under 岳阳's standard", () => {
    const input = seed();
    input.threePublic = { budget: dec("13.5"), actual: dec("14.85") };
    input.standard = sheet(yueyang);
    const result = evaluate(input);
    expect(result.gaps.find((g) => g.code === "threePublicOver")?.indicator).toBe(
      "“三公”经费控制率"
    );
    // 110% is 10 points over 100%: 6 − 1 × 10 → 0
    expect(result.indicators.find((i) => i.name === "“三公”经费控制率")?.computed?.toString()).toBe(
      "0"
    );
  });
});
