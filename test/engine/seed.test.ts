/**
 * The seed department (佛山市社会保险基金管理局 2022) scores as its report states:
 * figures below are copied from the report, not from the engine.
 */
import { evaluate } from "../../src/evaluate/evaluate";
import { evaluationToJson } from "../../src/evaluate/json";
import { seed } from "../helpers";

const result = evaluate(seed());
const json = evaluationToJson(result);

describe("seed department, Foshan 2022 standard", () => {
  it("uses the Foshan 2022 preset found by city and year, and says so", () => {
    expect(result.standard.id).toBe("foshan-2022");
    expect(result.standard.source).toBe("cityYear");
    expect(result.standard.sourceText).toBe("预设（按佛山市 2022 年度匹配）");
    expect(json.standard).toEqual({
      id: "foshan-2022",
      name: "2022 年度佛山市市级部门整体支出绩效自评表",
      source: "预设（按佛山市 2022 年度匹配）",
      sourceKind: "cityYear",
    });
  });

  it("totals 95.18 points, grade 优", () => {
    expect(result.total.toString()).toBe("95.18");
    expect(result.grade).toBe("优");
    expect(result.maxTotal.toString()).toBe("100");
  });

  // 分值 / 自评得分 as the report states them.
  const stated: [string, number, number][] = [
    ["预算绩效管理情况", 10, 10],
    ["财务管理情况", 20, 20],
    ["项目管理情况", 12, 12],
    ["资产管理情况", 8, 8],
    ["“三公”经费控制情况", 3, 3],
    ["财政支出执行率", 10, 5.18],
    ["重点工作完成率", 10, 10],
    ["项目绩效目标完成率", 7, 7],
    ["政治、经济、文化、社会、生态文明建设效益", 10, 10],
    ["公众或服务对象满意度", 5, 5],
    ["报告未列明的指标", 5, 5],
  ];
  it.each(stated)("%s: 分值 %d, 得分 %d", (name, max, counted) => {
    const row = json.indicators.find((i) => i.name === name);
    expect(row).toBeDefined();
    expect(row?.max).toBe(max);
    expect(row?.counted).toBe(counted);
    expect(row?.entered).toBe(counted);
  });

  it("subtotals per 一级: 管理效率 50/50, 履职效能 45/40.18, unnamed 5/5", () => {
    expect(json.groups).toEqual([
      { level1: "管理效率", max: 50, counted: 50 },
      { level1: "履职效能", max: 45, counted: 40.18 },
      { level1: "（报告未列明）", max: 5, counted: 5 },
    ]);
  });

  it("computes the execution rate from the table as 46665.43 / 52362.14 = 89.12% and uses the official 80.87%", () => {
    expect(json.executionRate).toEqual({
      official: 80.87,
      table: 89.12,
      used: 80.87,
      definition: "执行率 = 决算数 ÷ 调整预算数",
    });
  });

  it("computes 5.22 for the execution rate under the default linear rule and keeps the entered 5.18", () => {
    const row = result.indicators.find((i) => i.id === "executionRate");
    expect(row?.computed?.toString()).toBe("5.22");
    expect(row?.counted.toString()).toBe("5.18");
    expect(row?.explanation).toContain("10.00 × (80.87% − 60.00%) ÷ (100.00% − 60.00%) = 5.22");
    expect(row?.unconfirmed).toEqual(expect.arrayContaining(["rule", "floor", "full"]));
  });

  it("computes key tasks 5/5 = 10 and 三公 1.88/13.5 = 13.93% → 3", () => {
    const tasks = result.indicators.find((i) => i.id === "keyTaskCompletion");
    expect(tasks?.computed?.toString()).toBe("10");
    expect(tasks?.explanation).toContain("已完成 5 项 ÷ 计划 5 项 = 100.00%");
    const threePublic = result.indicators.find((i) => i.id === "threePublicControl");
    expect(threePublic?.computed?.toString()).toBe("3");
    expect(threePublic?.explanation).toContain("实际支出 1.88 ÷ 预算 13.50 = 13.93%");
    expect(result.metrics.projectEvaluationCoverage?.value?.toString()).toBe("1");
  });

  it("cannot compute the fund-weighted project score without a project list, and says why", () => {
    const row = result.indicators.find((i) => i.id === "projectTargetCompletion");
    expect(row?.computed).toBeNull();
    expect(row?.notComputableReason).toContain("未提供项目清单");
    expect(row?.counted.toString()).toBe("7");
  });

  it("ties the budget table: every column, 基本 = 人员 + 公用 and 合计 = 基本 + 项目", () => {
    expect(result.budget.tiesOk).toBe(true);
    expect(result.budget.ties).toHaveLength(6);
    // 合计 ties exactly in all three columns.
    for (const tie of result.budget.ties.filter((t) => t.check === "total"))
      expect(tie.ok).toBe(true);
    // 基本 ties exactly in 年初 and 调整; in 决算 the report's 2908.01 is 0.01 above 2561.68 + 346.32 = 2908.00.
    const basic = result.budget.ties.filter((t) => t.check === "basic");
    expect(basic.map((t) => [t.column, t.ok])).toEqual([
      ["initial", true],
      ["adjusted", true],
      ["final", false],
    ]);
    expect(basic[2].expected.toString()).toBe("2908");
    expect(basic[2].actual.toString()).toBe("2908.01");
    expect(result.gaps.some((g) => g.code === "budgetNotTying")).toBe(false);
    expect(result.gaps.find((g) => g.code === "budgetRoundingDifference")?.message).toContain(
      "0.01 万元尾差"
    );
  });

  it("flags the execution rate below target with the amount that would have reached it", () => {
    const gap = result.gaps.find((g) => g.code === "executionBelowTarget");
    expect(gap?.severity).toBe("warning");
    // 52362.14 × 100% − 46665.43 = 5696.71
    expect(gap?.amount?.toString()).toBe("5696.71");
    expect(gap?.message).toContain("80.87%");
    expect(gap?.message).toContain("5,696.71 万元");
  });

  it("flags the reported 80.87% against the table's 89.12%", () => {
    const gap = result.gaps.find((g) => g.code === "officialRateDiffers");
    expect(gap?.message).toContain("80.87%");
    expect(gap?.message).toContain("89.12%");
    expect(gap?.message).toContain("8.25 个百分点");
  });

  it("flags the entered 5.18 against the computed 5.22", () => {
    const gap = result.gaps.find((g) => g.code === "enteredDiffersFromComputed");
    expect(gap?.indicatorId).toBe("executionRate");
    expect(gap?.message).toContain("5.18");
    expect(gap?.message).toContain("5.22");
    expect(gap?.message).toContain("0.04");
  });

  it("flags the large budget adjustments of 项目支出 (+31.30%) and 合计 (+29.07%) only", () => {
    const adjustments = result.gaps
      .filter((g) => g.code === "largeAdjustment")
      .map((g) => g.message);
    expect(adjustments).toHaveLength(2);
    expect(adjustments[0]).toContain("31.30%");
    expect(adjustments[1]).toContain("29.07%");
  });

  it("marks the unconfirmed defaults 待核对, including the unnamed 5-point row", () => {
    const unconfirmed = result.gaps
      .filter((g) => g.code === "unconfirmedParameter")
      .map((g) => g.indicatorId);
    expect(unconfirmed).toEqual(expect.arrayContaining(["executionRate", "unnamedIndicator"]));
    const params = result.parameters.filter((p) => p.unconfirmed).map((p) => p.path);
    expect(params).toEqual(
      expect.arrayContaining(["executionRate.rule", "executionRate.floor", "unnamedIndicator.max"])
    );
  });

  it("raises no error-level gap for the seed", () => {
    expect(result.gaps.filter((g) => g.severity === "error")).toEqual([]);
  });

  it("orders gaps by severity", () => {
    const order = { error: 0, warning: 1, info: 2 };
    const ranks = result.gaps.map((g) => order[g.severity]);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });
});
