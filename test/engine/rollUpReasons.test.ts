/**
 * An indicator added up from its 三级 rows (财务管理情况 split into 资金使用合规性 and 会计核算规范性):
 * how the rows added up is a note, never the reason for the points lost; only the rows' own
 * reasons explain the deduction, and a row that lost points without one is named.
 */
import { dec } from "../../src/model/decimal";
import type { DepartmentInput, IndicatorEntry } from "../../src/model/input";
import { evaluate } from "../../src/evaluate/evaluate";
import { summaryLayout } from "../../src/layout/summary";
import { checklistLayout } from "../../src/layout/checklist";
import { departmentProblems } from "../../src/submission/problems";
import { reportDraft } from "../../src/submission/reportDraft";
import { seed } from "../helpers";

/** The seed with 财务管理情况 (20 分) kept as two 三级 rows of 10 分, scored 9 and 8. */
function splitFinance(reasons: [string?, string?]): DepartmentInput {
  const input = seed();
  const at = input.indicators.findIndex((i) => i.name === "财务管理情况");
  const row = (name: string, entered: number, line: number, reason?: string): IndicatorEntry => ({
    level1: "管理效率",
    level2: "财务管理情况",
    name,
    max: dec(10),
    entered: dec(entered),
    explanation: reason,
    cells: { entered: `绩效指标!E${line}`, explanation: `绩效指标!F${line}` },
  });
  input.indicators.splice(
    at,
    1,
    row("资金使用合规性", 9, 3, reasons[0]),
    row("会计核算规范性", 8, 4, reasons[1])
  );
  return input;
}

const finance = (input: DepartmentInput) => {
  const e = evaluate(input);
  return {
    e,
    gap: e.gaps.find(
      (g) => g.code === "deductionWithoutExplanation" && g.indicatorId === "financialManagement"
    ),
    result: e.indicators.find((i) => i.id === "financialManagement"),
    summaryTexts: summaryLayout(e).cells.map((c) => String(c.value ?? "")),
    problem: departmentProblems(e).find((p) => p.problem.includes("财务管理情况"))?.problem,
  };
};

describe("a deduction on 三级 rows", () => {
  it("is unexplained when no row says why, naming each row and its cell", () => {
    const { e, gap, result, summaryTexts, problem } = finance(splitFinance([]));
    expect(result?.counted.toString()).toBe("17");
    expect(gap?.message).toBe(
      "“财务管理情况”扣 3.00 分，其中“资金使用合规性”（绩效指标!F3）扣 1.00 分、“会计核算规范性”（绩效指标!F4）扣 2.00 分未说明扣分原因。"
    );
    expect(gap?.cell).toBe("绩效指标!F3");
    // The summary's 得分说明 and the report's 存在问题 leave the reason to fill in.
    const note = summaryTexts.find((t) => t.includes("【待填写：扣分原因】"));
    expect(note).toBeDefined();
    expect(summaryTexts.some((t) => t.startsWith("由 2 个下级指标汇总"))).toBe(false);
    expect(problem).toBe("“财务管理情况”扣 3 分：【待填写：扣分原因】");
    // The 核对清单 marks it ◆; the engine's explanation still says how the rows added up.
    const checklist = checklistLayout(e, { date: "2026-12-01", sources: [] });
    const row = checklist.cells.find((c) => c.value === "财务管理情况")?.row;
    const marks = checklist.cells.filter((c) => c.row === row).map((c) => String(c.value ?? ""));
    expect(marks.some((m) => m.includes("◆扣分未说明"))).toBe(true);
    expect(result?.explanation).toContain(
      "由 2 个下级指标汇总：资金使用合规性 9.00；会计核算规范性 8.00"
    );
  });

  it("is explained by the rows' own reasons, which the summary and report show", () => {
    const { gap, summaryTexts, problem } = finance(
      splitFinance(["一笔支出凭证不全", "两张记账凭证摘要不规范"])
    );
    expect(gap).toBeUndefined();
    const said =
      "资金使用合规性扣 1 分：一笔支出凭证不全；会计核算规范性扣 2 分：两张记账凭证摘要不规范";
    expect(summaryTexts).toContain(`${said}。`);
    expect(problem).toBe(`“财务管理情况”扣 3 分：${said}。`);
  });

  it("names the one row still without a reason, and keeps the reason given", () => {
    const { gap, summaryTexts, problem } = finance(
      splitFinance(["发现一笔支出凭证不全，扣 1 分。", undefined])
    );
    expect(gap?.message).toBe(
      "“财务管理情况”扣 3.00 分，其中“会计核算规范性”（绩效指标!F4）扣 2.00 分未说明扣分原因。"
    );
    expect(gap?.cell).toBe("绩效指标!F4");
    // A reason that says its own deduction is not told it twice.
    const said = "资金使用合规性：发现一笔支出凭证不全，扣 1 分。【待填写：扣分原因】";
    expect(summaryTexts).toContain(said);
    expect(problem).toBe(`“财务管理情况”扣 3 分：${said}`);
    // The report's paragraph on the indicator, too.
    const input = splitFinance(["发现一笔支出凭证不全，扣 1 分。", undefined]);
    const draft = JSON.stringify(reportDraft({ evaluation: evaluate(input), input }));
    expect(draft).toContain(`${said}该指标分值 20 分，自评得分 17 分。`);
  });

  it("needs no reason where the rows lost nothing", () => {
    const input = splitFinance([]);
    for (const row of input.indicators.filter((i) => i.level2 === "财务管理情况"))
      row.entered = dec(10);
    const { gap, problem } = finance(input);
    expect(gap).toBeUndefined();
    expect(problem).toBeUndefined();
  });
});
