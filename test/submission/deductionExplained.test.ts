/**
 * Whether a deduction is explained has one owner (`deductionExplained`): the gap list's
 * 扣分未说明, the summary's 得分说明, the report's paragraph and its 存在问题 agree on every
 * indicator — a marked place in one is a gap in the others.
 */
import { evaluate } from "../../src/evaluate/evaluate";
import type { Evaluation, IndicatorResult } from "../../src/evaluate/result";
import { dec } from "../../src/model/decimal";
import type { DepartmentInput } from "../../src/model/input";
import { departmentProblems } from "../../src/submission/problems";
import { reportDraft } from "../../src/submission/reportDraft";
import { reportText } from "../../src/submission/reportText";
import { scoreNote } from "../../src/submission/wording";
import { seed, withIndicator } from "../helpers";

const REASON_OWED = "【待填写：扣分原因】";

function outputs(input: DepartmentInput, id: string) {
  const e: Evaluation = evaluate(input);
  const i = e.indicators.find((x) => x.id === id) as IndicatorResult;
  const problem = departmentProblems(e).find((p) => p.problem.startsWith(`“${i.name}”`));
  return {
    i,
    // The reason is asked for by 扣分未说明, or — a score the rule computes otherwise — by the
    // gap that says so (its suggestion: 写明填报得分的依据).
    gap: e.gaps.some((g) => g.code === "deductionWithoutExplanation" && g.indicatorId === id),
    differs: e.gaps.some((g) => g.code === "enteredDiffersFromComputed" && g.indicatorId === id),
    note: scoreNote(i),
    problem: problem?.problem,
    report: reportText(reportDraft({ evaluation: e, input })),
  };
}

describe("a deduction explained, one answer everywhere", () => {
  it("an entered score the rule disagrees with, and no reason: flagged once, and marked in the summary", () => {
    // 财政支出执行率 entered 5.18 while the rule computes 5.22; the reason removed.
    const input = withIndicator(seed(), "财政支出执行率", { explanation: undefined });
    const o = outputs(input, "executionRate");
    expect(o.i.computed?.toString()).toBe("5.22");
    expect(o.i.counted.toString()).toBe("5.18");
    expect([o.gap, o.differs]).toEqual([false, true]);
    expect(o.note).toContain(REASON_OWED);
    // One gap for it, not two: the difference asks for the 依据.
    const e = evaluate(input);
    expect(
      e.gaps.filter((g) => g.indicatorId === "executionRate").map((g) => g.code)
    ).not.toContain("deductionWithoutExplanation");
  });

  it("a score the rule computes, nothing entered: the computation explains it everywhere", () => {
    const input = withIndicator(seed(), "财政支出执行率", {
      entered: null,
      explanation: undefined,
    });
    const o = outputs(input, "executionRate");
    expect(o.i.counted.toString()).toBe("5.22");
    expect(o.gap).toBe(false);
    expect(o.note).not.toContain("待填写");
    expect(o.note).toContain("计算：");
    expect(o.report).not.toContain(REASON_OWED);
  });

  it("the 存在问题 item of a computed deduction no gap covers quotes the computation", () => {
    // A rule-computed 8 of 8 would be full; the department's own rule computes 6 and says how.
    const e = evaluate(withIndicator(seed(), "资产管理情况", { entered: null }));
    const i = e.indicators.find((x) => x.id === "assetManagement") as IndicatorResult;
    Object.assign(i, {
      computed: dec(6),
      counted: dec(6),
      countedFrom: "computed",
      basis: "账实相符率 75%，按比例得分 8×75%=6",
    });
    e.gaps = e.gaps.filter((g) => g.indicatorId !== "assetManagement");
    const item = departmentProblems(e).find((p) => p.problem.startsWith("“资产管理情况”"));
    expect(item?.problem).toBe(
      "“资产管理情况”扣 2 分：按照评分标准计算：账实相符率 75%，按比例得分 8×75%=6。"
    );
    expect(scoreNote(i)).not.toContain("待填写");
  });

  it("a judgment deduction with no reason is owed in the gap list, the summary, the report and 存在问题", () => {
    const input = withIndicator(seed(), "资产管理情况", { entered: dec(6) });
    const o = outputs(input, "assetManagement");
    expect(o.gap).toBe(true);
    expect(o.note).toContain(REASON_OWED);
    expect(o.problem).toContain(REASON_OWED);
    expect(o.report).toContain(REASON_OWED);
  });

  it.each([
    ["财政支出执行率", "executionRate"],
    ["重点工作完成率", "keyTaskCompletion"],
    ["资产管理情况", "assetManagement"],
    ["“三公”经费控制情况", "threePublicControl"],
  ])("%s: the gap and the summary's marked place agree in every case", (name, id) => {
    const cases: Partial<DepartmentInput["indicators"][number]>[] = [
      { explanation: undefined },
      { entered: null, explanation: undefined },
      { entered: dec(1), explanation: undefined },
      { entered: dec(1), explanation: "台账不全" },
      { entered: null, explanation: "按公式计算" },
    ];
    for (const change of cases) {
      const input = withIndicator(seed(), name, change);
      input.keyTasks[2].done = false;
      const o = outputs(input, id);
      const owed = o.note.includes(REASON_OWED);
      // Owed in the summary: asked for in the gap list, by 扣分未说明 or by the difference.
      const lost = o.i.counted.lessThan(o.i.max);
      const asked = o.gap || (o.differs && lost && !o.i.enteredExplanation);
      expect({ change, owed }).toEqual({ change, owed: asked });
      if (o.problem !== undefined)
        expect({ change, owedInProblem: o.problem.includes("待填写") }).toEqual({
          change,
          owedInProblem: owed,
        });
    }
  });
});
