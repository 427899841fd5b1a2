/**
 * A city's preset of an earlier year scores a later year's department only while it fits the
 * department's own 绩效指标表: when the table lists other indicators or other 分值, the table
 * scores it (as for a city with no standard), and the gap list says which rows and why.
 */
import { dec } from "../../src/model/decimal";
import type { IndicatorEntry } from "../../src/model/input";
import { evaluate } from "../../src/evaluate/evaluate";
import { presetMisfit } from "../../src/evaluate/presetFit";
import { foshan2022 } from "../../src/standard/presets";
import { seed } from "../helpers";

const row = (level1: string, name: string, max: number, entered: number): IndicatorEntry => ({
  level1,
  name,
  max: dec(max),
  entered: dec(entered),
});

/** 佛山 2023: another indicator tree, its 分值 adding up to 100, scored 96 by the department. */
function foshan2023(): ReturnType<typeof seed> {
  const input = seed();
  input.year = 2023;
  input.indicators = [
    row("部门决策", "目标设定", 5, 5),
    row("部门决策", "决策过程", 5, 5),
    row("部门管理", "预算绩效管理情况", 10, 10),
    row("部门管理", "财务管理情况", 15, 15),
    row("部门管理", "资产管理情况", 5, 5),
    row("部门管理", "财政支出执行率", 10, 8),
    row("部门管理", "“三公”经费控制情况", 5, 5),
    row("部门产出", "重点工作完成率", 15, 15),
    row("部门产出", "产出质量", 10, 9),
    row("部门效益", "社会效益", 10, 10),
    row("部门效益", "公众或服务对象满意度", 10, 9),
  ];
  input.statedTotal = undefined;
  return input;
}

describe("an earlier year's preset", () => {
  it("gives way to the department's own table when it clearly does not fit, saying which rows and why", () => {
    const input = foshan2023();
    const result = evaluate(input);
    expect(result.standard).toMatchObject({ id: "ownTable", source: "fallback" });
    expect(result.standard.sourceText).toBe(
      "本部门绩效指标表的指标和分值（未找到佛山市 2023 年度的评分标准，2022 年度的与本表不符，等级按通用预设，总分不封顶）"
    );
    // Its rows, its 分值 and its scores: 96 of 100, not 2022's tree (85, 分值 130, 无法评定).
    expect(result.indicators.map((i) => i.name)).toEqual(input.indicators.map((e) => e.name));
    expect([result.maxTotal.toString(), result.total.toFixed(2), result.grade]).toEqual([
      "100",
      "96.00",
      "优",
    ]);
    expect(result.gaps.some((g) => g.code === "standardOfEarlierYear")).toBe(false);
    expect(result.gaps.some((g) => g.code === "maxMismatch")).toBe(false);
    expect(result.gaps.find((g) => g.code === "standardOfEarlierYearMisfit")).toMatchObject({
      severity: "warning",
      message:
        "未找到佛山市 2023 年度的评分标准，而 2022 年度的“2022 年度佛山市市级部门整体支出绩效自评表”与本部门绩效指标表明显不符：" +
        "本表的“目标设定”“决策过程”“产出质量”等 4 项指标不在其中；" +
        "“财务管理情况”“资产管理情况”“‘三公’经费控制情况”等 5 项指标分值不同，如“财务管理情况”本表 15.00 分、该标准 20.00 分；" +
        "该标准的“项目管理情况”“项目绩效目标完成率”“政治、经济、文化、社会、生态文明建设效益”等 4 项指标本表没有。" +
        "已按本部门绩效指标表的指标和分值评分，等级按通用预设，总分不封顶。",
      suggestion: "取得 2023 年度的评分标准后，插入评分标准表并按其修改，重新计算。",
    });
  });

  it("is kept, with its warning, while the table fits it: one 分值 mistyped is said at its cell", () => {
    const input = seed();
    input.year = 2023;
    const typo = input.indicators.find((e) => e.name === "财务管理情况") as IndicatorEntry;
    typo.max = dec(15);
    const result = evaluate(input);
    expect(result.standard).toMatchObject({ id: "foshan-2022", source: "earlierYear" });
    expect(result.gaps.some((g) => g.code === "standardOfEarlierYear")).toBe(true);
    expect(result.gaps.some((g) => g.code === "standardOfEarlierYearMisfit")).toBe(false);
    expect(result.gaps.find((g) => g.code === "maxMismatch")?.message).toBe(
      "“财务管理情况”分值填报为 15.00，评分标准为 20.00。"
    );
  });

  it("is kept when the table states no 分值: there is no tree of its own to score by", () => {
    const input = foshan2023();
    for (const e of input.indicators) e.max = null;
    const result = evaluate(input);
    expect(result.standard).toMatchObject({ id: "foshan-2022", source: "earlierYear" });
  });

  it("never gives way in its own year: the same year's standard is the rule the table must follow", () => {
    const input = foshan2023();
    input.year = 2022;
    expect(evaluate(input).standard).toMatchObject({ id: "foshan-2022", source: "cityYear" });
  });
});

describe("presetMisfit", () => {
  it("matches the rows as scoring does: a near name and a placeholder's place fit", () => {
    const input = seed();
    const renamed = input.indicators.find((e) => e.name === "预算绩效管理情况") as IndicatorEntry;
    renamed.name = "预算绩效管理";
    const placed = input.indicators.find((e) => e.name === "报告未列明的指标") as IndicatorEntry;
    placed.name = "信息公开情况";
    expect(presetMisfit(foshan2022, input.indicators)).toBeNull();
  });

  it("counts rows not listed, 分值 not the preset's and indicators left out: two make a misfit", () => {
    const input = seed();
    input.indicators.find((e) => e.name === "资产管理情况")!.name = "资产管理";
    const one = presetMisfit(foshan2022, input.indicators);
    expect(one).toBeNull(); // a near name: fits
    input.indicators.find((e) => e.name === "财务管理情况")!.max = dec(18);
    expect(presetMisfit(foshan2022, input.indicators)).toBeNull(); // one row apart of eleven
    input.indicators = input.indicators.filter((e) => e.name !== "项目管理情况");
    const two = presetMisfit(foshan2022, input.indicators);
    expect(two?.otherMax.map((o) => [o.entry.name, o.max.toString()])).toEqual([
      ["财务管理情况", "20"],
    ]);
    expect(two?.missing).toEqual(["项目管理情况"]);
    expect(two?.unlisted).toEqual([]);
  });

  it("counts a row renamed beyond matching once, not as one unlisted and one left out", () => {
    const input = seed();
    input.indicators.find((e) => e.name === "资产管理情况")!.name = "国有资源管理工作";
    expect(presetMisfit(foshan2022, input.indicators)).toBeNull();
  });
});
