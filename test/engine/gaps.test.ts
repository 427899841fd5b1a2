/** Each kind of gap, triggered by changing one thing in the seed department. */
import { dec } from "../../src/model/decimal";
import { evaluate } from "../../src/evaluate/evaluate";
import { tieVerdict } from "../../src/evaluate/budget";
import type { GapCode } from "../../src/evaluate/result";
import { cappedSeed, seed, withIndicator } from "../helpers";
import { foshan2022, genericPreset } from "../../src/standard/presets";
import { parseStepBands } from "../../src/standard/bands";
import { checklistLayout } from "../../src/layout/checklist";
import { scoreSnapshot } from "../../src/pipeline/scoreWorkbook";
import { formWorkbook } from "../fixtures/projectForm";

const codes = (input = seed()) => evaluate(input).gaps.map((g) => g.code);
const gap = (input: ReturnType<typeof seed>, code: GapCode) =>
  evaluate(input).gaps.find((g) => g.code === code);

describe("gap list", () => {
  it("flags a table that does not tie beyond the 尾差 tolerance, naming the cell", () => {
    const input = seed();
    const total = input.budget.rows.find((r) => r.category === "total")!;
    total.final = dec("46675.43");
    total.cells = { final: "预算支出!D11" };
    const g = gap(input, "budgetNotTying");
    expect(g?.severity).toBe("error");
    expect(g?.cell).toBe("预算支出!D11");
    expect(g?.message).toContain("相差 10.00 万元");
    expect(evaluate(input).budget.tiesOk).toBe(false);
  });

  it("flags 其中基本建设类项目 above 项目支出", () => {
    const input = seed();
    input.budget.rows.find((r) => r.category === "capitalConstruction")!.final = dec("50000");
    expect(gap(input, "budgetNotTying")?.message).toContain("其中基本建设类项目超过项目支出");
  });

  it("flags 三公 over budget with the amount over", () => {
    const input = seed();
    input.threePublic = {
      budget: dec("13.5"),
      actual: dec("14.85"),
      cells: { actual: "三公经费!C3" },
    };
    const g = gap(input, "threePublicOver");
    expect(g?.message).toContain("超出全年预算 13.50 万元 1.35 万元（超出 10.00%）");
    expect(g?.cell).toBe("三公经费!C3");
    const indicator = evaluate(input).indicators.find((i) => i.id === "threePublicControl");
    expect(indicator?.computed?.toString()).toBe("2"); // 3 − 0.1 × 10
  });

  it("states amounts with the decimals they were typed with: never “0.00 万元” for a real difference", () => {
    const input = seed();
    input.threePublic = { budget: dec("13.5"), actual: dec("13.504") };
    expect(gap(input, "threePublicOver")?.message).toContain(
      "实际支出 13.504 万元，超出全年预算 13.50 万元 0.004 万元（超出 0.03%）"
    );
    const tied = seed();
    const personnel = tied.budget.rows.find((r) => r.category === "personnel")!;
    personnel.final = personnel.final!.plus("0.001");
    const g = gap(tied, "budgetRoundingDifference");
    // The seed's 2,908.01 against 2,561.68 + 346.32 is 0.01 apart; 0.001 more closes it to 0.009.
    expect(g?.message).toContain(
      "存在 0.009 万元尾差（决算数：基本支出 2,908.01 ≠ 人员经费 2,561.681 + 日常公用经费 346.32）"
    );
  });

  it("says a sum could not be checked when a part is blank (“—”), never that the table ties", () => {
    const input = seed();
    const personnel = input.budget.rows.find((r) => r.category === "personnel")!;
    personnel.final = null;
    personnel.cells = { ...personnel.cells, final: "预算支出!D5" };
    const result = evaluate(input);
    const g = result.gaps.find((x) => x.code === "budgetTieUnchecked");
    expect(g?.message).toBe(
      "预算支出明细表决算数人员经费缺数，未能核对基本支出 2,908.01 是否等于人员经费与日常公用经费之和。"
    );
    expect(g?.cell).toBe("预算支出!D5");
    expect(result.gaps.some((x) => x.code === "budgetNotTying")).toBe(false);
    const note = checklistLayout(result, { date: "2026-11-29", sources: [] }).cells.find(
      (c) => typeof c.value === "string" && c.value.startsWith("执行率 =")
    );
    expect(note?.value).toContain("部分栏目缺数，未能核对");
  });

  it("says the 合计 could not be checked when the 合计 itself has no figure (a formula never calculated)", () => {
    const input = seed();
    const total = input.budget.rows.find((r) => r.category === "total")!;
    total.final = null;
    total.cells = { ...total.cells, final: "预算支出!D12" };
    const result = evaluate(input);
    const g = result.gaps.find((x) => x.code === "budgetTieUnchecked");
    expect(g?.message).toBe("预算支出明细表决算数合计缺数，未能核对合计是否等于各类支出之和。");
    expect(g?.cell).toBe("预算支出!D12");
    expect(result.budget.unchecked.map((u) => u.column)).toEqual(["final"]);
  });

  it("says nothing could be checked, never 不平, when no sum has its figures", () => {
    const input = seed();
    for (const row of input.budget.rows)
      if (row.category === "total" || row.category === "basic")
        row.final = row.initial = row.adjusted = null;
    const result = evaluate(input);
    expect(result.budget.ties).toEqual([]);
    expect(tieVerdict(result.budget)).toBe("未能核对");
    const note = checklistLayout(result, { date: "2026-11-30", sources: [] }).cells.find(
      (c) => typeof c.value === "string" && c.value.startsWith("执行率 =")
    );
    expect(note?.value).toContain("表内各栏缺数，未能核对勾稽");
  });

  it("says an indicator marked 不适用 could be scored from the workbook's own figures", () => {
    const input = withIndicator(seed(), "财政支出执行率", { entered: null, notApplicable: true });
    const g = evaluate(input).gaps.find((x) => x.code === "notApplicableComputable");
    // The seed's 80.87%: 10 × (80.87% − 60%) ÷ (100% − 60%) = 5.2175 → 5.22.
    expect(g?.severity).toBe("warning");
    expect(g?.message).toMatch(
      /^“财政支出执行率”填报为不适用，已剔除；但按评分规则可以计算（.*80\.87%.*），计入应得 5\.22 分。$/
    );
  });

  it("says a figure no 分档 covers, which the rule scores 0", () => {
    const bands = parseStepBands("≥95%:10；90%～95%:8", "rate").value!;
    const standard = {
      ...foshan2022,
      indicators: foshan2022.indicators.map((i) =>
        i.id === "executionRate"
          ? { ...i, rule: { kind: "stepBands" as const, params: { bands } } }
          : i
      ),
    };
    const result = evaluate(seed(), { standard: { standard, problems: [], sheet: "评分标准" } });
    const g = result.gaps.find((x) => x.code === "bandUncovered");
    expect(g?.message).toBe(
      "“财政支出执行率”的 80.87% 不在评分标准的任何一档内，按评分规则计 0 分。"
    );
    expect(result.indicators.find((i) => i.id === "executionRate")?.computed?.toString()).toBe("0");
  });

  it("takes every point of a deduction above a limit when 三公 is spent against a budget of 0", () => {
    const input = seed();
    input.threePublic = { budget: dec(0), actual: dec("1.88") };
    const result = evaluate(input);
    const indicator = result.indicators.find((i) => i.id === "threePublicControl");
    expect(indicator?.computed?.toString()).toBe("0");
    expect(indicator?.basis).toBe(
      "“三公”经费预算为 0 而有实际支出，无法计算支出比例；超出上限，扣完为止，得 0 分"
    );
    // The entered 3 still counts (the workbook's score), and is flagged against the computed 0.
    expect(gap(input, "enteredDiffersFromComputed")?.message).toContain("按评分规则计算的 0.00");
  });

  it("scores 0 by 按反向比例得分 when 三公 is spent against a budget of 0, as the deduction does", () => {
    const standard = {
      ...foshan2022,
      indicators: foshan2022.indicators.map((i) =>
        i.id === "threePublicControl"
          ? { ...i, rule: { kind: "ratioInverse" as const, params: { target: dec(1) } } }
          : i
      ),
    };
    const input = seed();
    input.threePublic = { budget: dec(0), actual: dec(5) };
    const options = { standard: { standard, problems: [], sheet: "评分标准" } };
    const result = evaluate(input, options);
    const indicator = result.indicators.find((i) => i.id === "threePublicControl");
    // Spending with no budget is over any share of it: nothing of the 3 分.
    expect(indicator?.computed?.toString()).toBe("0");
    expect(indicator?.basis).toContain("得 0 分");
    expect(indicator?.notComputableReason).toBeUndefined();
    const differs = result.gaps.find(
      (g) => g.code === "enteredDiffersFromComputed" && g.indicatorId === "threePublicControl"
    );
    expect(differs?.severity).toBe("warning");
    expect(differs?.message).toContain("按评分规则计算的 0.00");
    expect(result.gaps.some((g) => g.code === "threePublicOver")).toBe(true);
    // Nothing spent against no budget is within it: full marks.
    input.threePublic = { budget: dec(0), actual: dec(0) };
    const within = evaluate(input, options).indicators.find((i) => i.id === "threePublicControl");
    expect(within?.computed?.toString()).toBe("3");
  });

  it("applies the tighter cap when a standard lists its caps out of order", () => {
    const input = cappedSeed(); // 执行率 75%, scores 98
    const standard = {
      ...genericPreset,
      caps: [
        { below: dec("0.7"), cap: dec(89) },
        { below: dec("0.8"), cap: dec(85) },
      ],
    };
    input.standard = { standard, problems: [], sheet: "评分标准" };
    expect(evaluate(input).total.toString()).toBe("85");
    input.budget.officialExecutionRate = dec("0.65"); // below both lines: the tighter, 85, not 89
    expect(evaluate(input).total.toString()).toBe("85");
  });

  it("states a shortfall of 4 元 under 比率保留小数位 6 as it is, not as 100.00% below 100.00%", () => {
    const input = seed();
    input.settings = { overrides: { "checks.rateDecimals": 6 } };
    input.budget.officialExecutionRate = null;
    const total = input.budget.rows.find((r) => r.category === "total")!;
    total.adjusted = dec(100);
    total.final = dec("99.9996");
    const g = gap(input, "executionBelowTarget");
    expect(g?.message).toContain("财政支出执行率 99.9996%，低于目标 100.00%");
    expect(g?.message).toContain("达到目标尚需支出 0.0004 万元");
  });

  it("flags unfinished key tasks by name", () => {
    const input = seed();
    input.keyTasks[2].done = false;
    const result = evaluate(input);
    expect(result.gaps.find((g) => g.code === "keyTasksIncomplete")?.message).toContain(
      "未完成：推进“快办行动”"
    );
    expect(result.indicators.find((i) => i.id === "keyTaskCompletion")?.computed?.toString()).toBe(
      "8"
    );
    // entered 10 now differs from computed 8
    expect(
      result.gaps.some(
        (g) => g.code === "enteredDiffersFromComputed" && g.indicatorId === "keyTaskCompletion"
      )
    ).toBe(true);
  });

  it("flags project self-evaluation coverage below 100%", () => {
    const input = seed();
    input.projectCounts = { total: 53, evaluated: 50 };
    expect(gap(input, "projectCoverageBelowFull")?.message).toContain("94.34%");
  });

  it("flags a deducted judgment score with no explanation, not one with an explanation", () => {
    const input = withIndicator(seed(), "资产管理情况", {
      entered: dec(6),
      cells: { entered: "指标!E5" },
    });
    const g = gap(input, "deductionWithoutExplanation");
    expect(g?.message).toBe("“资产管理情况”扣 2.00 分，但未说明扣分原因。");
    expect(g?.cell).toBe("指标!E5");
    const explained = withIndicator(seed(), "资产管理情况", {
      entered: dec(6),
      explanation: "固定资产账实不符",
    });
    expect(codes(explained)).not.toContain("deductionWithoutExplanation");
  });

  it("checks an entered score as it counts, rounded to the standard's decimals", () => {
    // 2.995 counts 3.00, as the rule computes: no difference; 7.995 of 8 deducts nothing.
    const about = (input: ReturnType<typeof seed>, name: string) =>
      evaluate(input)
        .gaps.filter((g) => g.indicator === name && g.code !== "unconfirmedParameter")
        .map((g) => g.code);
    const agreeing = withIndicator(seed(), "“三公”经费控制情况", { entered: dec("2.995") });
    expect(about(agreeing, "“三公”经费控制情况")).toEqual([]);
    const full = withIndicator(seed(), "资产管理情况", { entered: dec("7.995") });
    expect(about(full, "资产管理情况")).toEqual([]);
    expect(evaluate(full).total.toString()).toBe("95.18");
    // 2.955 counts 2.96: 0.04 short of the computed 3.00 (not 0.045 → 0.05), typed value shown.
    const short = withIndicator(seed(), "“三公”经费控制情况", { entered: dec("2.955") });
    expect(gap(short, "enteredDiffersFromComputed")?.message).toBe(
      "“‘三公’经费控制情况”填报得分 2.955（计 2.96）与按评分规则计算的 3.00 不一致（相差 0.04 分）。"
    );
  });

  it("flags a score above its 分值 or below 0 and counts it clamped", () => {
    const over = withIndicator(seed(), "财务管理情况", { entered: dec(25) });
    expect(gap(over, "scoreOutOfRange")?.message).toContain("已按 20.00 分计入");
    expect(evaluate(over).total.toString()).toBe("95.18");
    const negative = withIndicator(seed(), "财务管理情况", { entered: dec(-1) });
    expect(
      evaluate(negative)
        .indicators.find((i) => i.id === "financialManagement")
        ?.counted.toString()
    ).toBe("0");
  });

  it("flags a missing score that cannot be computed, and counts 0", () => {
    const input = withIndicator(seed(), "财务管理情况", { entered: null });
    const result = evaluate(input);
    expect(result.gaps.find((g) => g.code === "missingScore")?.severity).toBe("error");
    expect(result.total.toString()).toBe("75.18");
    expect(result.grade).toBe("中");
  });

  it("fills a blank score with the computed one", () => {
    const input = withIndicator(seed(), "重点工作完成率", { entered: null });
    const row = evaluate(input).indicators.find((i) => i.id === "keyTaskCompletion");
    expect(row?.countedFrom).toBe("computed");
    expect(row?.counted.toString()).toBe("10");
  });

  it("counts computed scores when the workbook says so", () => {
    const input = seed();
    input.settings = { scoreSource: "computed" };
    const result = evaluate(input);
    expect(result.indicators.find((i) => i.id === "executionRate")?.counted.toString()).toBe(
      "5.22"
    );
    expect(result.total.toString()).toBe("95.22");
  });

  it("flags a 分值 in the workbook that differs from the profile", () => {
    const input = withIndicator(seed(), "财务管理情况", {
      max: dec(15),
      cells: { max: "指标!D3" },
    });
    const g = gap(input, "maxMismatch");
    expect(g?.message).toBe("“财务管理情况”分值填报为 15.00，评分标准为 20.00。");
    expect(g?.cell).toBe("指标!D3");
  });

  it("scores a workbook indicator missing from the profile as entered, and flags it", () => {
    const input = seed();
    input.indicators.push({
      level1: "履职效能",
      name: "创新工作",
      max: dec(2),
      entered: dec(1),
      explanation: "有创新",
    });
    const result = evaluate(input);
    expect(result.indicators.find((i) => i.name === "创新工作")?.counted.toString()).toBe("1");
    expect(result.gaps.find((g) => g.code === "unknownIndicator")?.message).toContain("创新工作");
    expect(result.gaps.some((g) => g.code === "maxTotalNot100")).toBe(true);
    expect(result.total.toString()).toBe("96.18");
  });

  it("matches indicator names whatever the quotes and spaces", () => {
    const input = seed();
    input.indicators[4].name = " 三公经费控制情况 ";
    input.indicators[8].name = "政治建设、经济建设、文化建设、社会建设、生态文明建设效益";
    const result = evaluate(input);
    expect(result.indicators.filter((i) => !i.inStandard)).toEqual([]);
    expect(result.total.toString()).toBe("95.18");
  });

  it("does not flag the execution rate when it reaches the target", () => {
    const input = seed();
    input.budget.officialExecutionRate = dec(1);
    expect(codes(input)).not.toContain("executionBelowTarget");
  });

  it("uses the table rate when the workbook gives no official rate, and says so", () => {
    const input = seed();
    input.budget.officialExecutionRate = null;
    const result = evaluate(input);
    expect(result.budget.execution.source).toBe("table");
    const row = result.indicators.find((i) => i.id === "executionRate");
    expect(row?.explanation).toContain("决算数 46,665.43 ÷ 调整预算数 52,362.14 = 89.12%");
    expect(row?.computed?.toString()).toBe("7.28"); // 10 × 0.2912 ÷ 0.4
    expect(result.gaps.some((g) => g.code === "officialRateDiffers")).toBe(false);
  });

  it("writes an amount with more than two decimals as read, so its formula is seen to hold", () => {
    const input = seed();
    input.budget.officialExecutionRate = null;
    const total = input.budget.rows.find((r) => r.category === "total");
    if (!total) throw new Error("seed has no 合计");
    total.final = dec("46665.4349");
    const result = evaluate(input);
    expect(result.budget.execution.text).toBe("决算数 46,665.4349 ÷ 调整预算数 52,362.14 = 89.12%");
  });

  it("says 无法计算 with the reason when the budget table is missing", () => {
    const input = seed();
    input.budget = { rows: [] };
    input.budget.officialExecutionRate = null;
    const result = evaluate(input);
    expect(result.gaps.find((g) => g.code === "budgetMissing")?.severity).toBe("error");
    const row = result.indicators.find((i) => i.id === "executionRate");
    expect(row?.computed).toBeNull();
    expect(row?.notComputableReason).toBe("预算支出明细表没有合计行，且未填报财政支出执行率");
    expect(row?.counted.toString()).toBe("5.18");
  });

  it("weighs project self-evaluation scores by funds", () => {
    const input = seed();
    input.projects = [
      { name: "A", budget: dec(300), spending: dec(100), selfScore: dec(90), evaluated: true },
      { name: "B", budget: dec(100), spending: dec(300), selfScore: dec(70), evaluated: true },
      { name: "C", budget: null, spending: dec(5), selfScore: dec(10), evaluated: false },
    ];
    const row = evaluate(input).indicators.find((i) => i.id === "projectTargetCompletion");
    // (90×300 + 70×100) ÷ 400 = 85 → 7 × 0.85 = 5.95
    expect(row?.computed?.toString()).toBe("5.95");
    expect(row?.explanation).toContain("2 个项目，1 个缺少得分或资金未计入");
    input.settings = { overrides: { "projectTargetCompletion.weightBasis": "spending" } };
    // (90×100 + 70×300 + 10×5) ÷ 405 = 74.20 → 7 × 0.7420 = 5.19
    expect(
      evaluate(input)
        .indicators.find((i) => i.id === "projectTargetCompletion")
        ?.computed?.toString()
    ).toBe("5.19");
    expect(
      evaluate(input).gaps.find((g) => g.code === "projectCoverageBelowFull")?.message
    ).toContain("未自评：C");
  });
});

describe("a budget table typed in 元 with no unit said", () => {
  /** The seed with `staff` 在职人员 and its 人员经费 决算数 as `personnel` (万元 as read). */
  const withStaff = (staff: number, personnel: string) => {
    const input = seed();
    input.staffing = { actual: dec(staff), quota: null };
    const row = input.budget.rows.find((r) => r.category === "personnel")!;
    row.final = dec(personnel);
    row.cells = { final: "预算支出!D6" };
    return input;
  };

  it("is 严重 when 人员经费 per person is beyond any department's (869,300 元 read as 万元 for 3 people)", () => {
    // 869,300 ÷ 3 = 289,766.666… → 289,766.67 万元 a person.
    expect(gap(withStaff(3, "869300"), "budgetScale")).toEqual({
      code: "budgetScale",
      severity: "error",
      message:
        "人员经费决算数 869,300.00 万元、在职人数 3 人，人均 289,766.67 万元，远超常见水平，预算表可能是以元填列而未注明单位。",
      suggestion:
        "如预算表以元填列，请在表头注明单位（如“年初预算数（元）”，或在表上方写“单位：元”），或改填万元。",
      cell: "预算支出!D6",
    });
  });

  it("is nothing for a department's usual figures (2,594.87 万元 for 120 people) or a table said in 元", () => {
    expect(codes(withStaff(120, "2594.87"))).not.toContain("budgetScale");
    const said = withStaff(3, "86.93");
    said.budget.unit = { label: "元", factor: dec("0.0001") };
    expect(codes(said)).not.toContain("budgetScale");
    expect(codes(seed())).not.toContain("budgetScale");
  });
});

describe("an execution rate over 100%", () => {
  it("is a warning on a project form, naming both cells; the rate's score stops at its 分值", () => {
    const { evaluation } = scoreSnapshot(formWorkbook({ E6: 130, E7: 120, H6: 10, H17: 100 }));
    const form = evaluation.projects!.results[0]!;
    expect(form.indicators.find((i) => i.name === "预算执行率")?.counted.toString()).toBe("10");
    expect(form.gaps.filter((g) => g.code === "spentOverBudget")).toEqual([
      {
        code: "spentOverBudget",
        severity: "warning",
        indicator: "预算执行率",
        message:
          "项目预算执行率 108.33%（全年执行数 130.00 ÷ 全年预算数 120.00 = 108.33%），超过 100%（全年执行数见 项目自评表!E6，全年预算数见 项目自评表!D6）：或为超预算支出，或金额填错了栏目；预算执行率得分以分值为限。",
        suggestion:
          "核对全年执行数和全年预算数是否取自项目资金的对应栏目；确属超预算支出的，在偏差原因中写明原因和资金来源。",
        cell: "项目自评表!E6",
      },
    ]);
  });

  it("is a 提示 on a form that states its reason, and nothing at 100%", () => {
    const explained = scoreSnapshot(
      formWorkbook({ E6: 130, E7: 120, H6: 10, H17: 100, I6: "追加配套资金。" })
    ).evaluation.projects!.results[0]!;
    const over = explained.gaps.find((g) => g.code === "spentOverBudget");
    expect(over?.severity).toBe("info");
    expect(over?.message).toContain("；原因填报为“追加配套资金。”。");
    const full = scoreSnapshot(formWorkbook({ E6: 120, E7: 110, H6: 10, H17: 100 })).evaluation
      .projects!.results[0]!;
    expect(full.gaps.map((g) => g.code)).not.toContain("spentOverBudget");
  });

  it("is a warning on the department's stated rate when no table can check it", () => {
    const input = seed();
    input.budget.rows = [];
    input.budget.officialExecutionRate = dec("1.05");
    input.budget.cells = { officialExecutionRate: "基本信息!B6" };
    const g = gap(input, "spentOverBudget");
    expect(g?.message).toBe(
      "填报的财政支出执行率 105.00%（基本信息!B6）超过 100%，预算支出明细表无法核对：或为超预算支出，或执行率填报有误；该指标得分以分值为限。"
    );
    expect(g?.cell).toBe("基本信息!B6");
    // Stated at 100% or under: nothing.
    input.budget.officialExecutionRate = dec("1");
    expect(codes(input)).not.toContain("spentOverBudget");
  });
});
