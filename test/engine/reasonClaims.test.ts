/**
 * A 扣分原因 that quotes a deduction or a score is checked against the score counted: the sample's
 * 财务管理情况 (分值 20, 绩效指标!D5 / E5) and a project form's rows, broken one cell at a time.
 */
import type { CellValue } from "../../src/hosts/snapshot";
import { scoreSnapshot } from "../../src/pipeline/scoreWorkbook";
import { scoreClaims } from "../../src/evaluate/reasonClaims";
import { reportDraft } from "../../src/submission/reportDraft";
import { reportText } from "../../src/submission/reportText";
import { sampleSnapshot, setCell } from "../parse/sampleSnapshot";
import { formWorkbook } from "../fixtures/projectForm";

/** The sample scored with 财务管理情况's 自评得分 and 得分说明 set. */
async function finance(entered: CellValue, reason: string) {
  const snapshot = await sampleSnapshot();
  setCell(snapshot, "绩效指标", "D5", entered);
  setCell(snapshot, "绩效指标", "E5", reason);
  return scoreSnapshot(snapshot);
}

const contradictions = (score: ReturnType<typeof scoreSnapshot>) =>
  score.evaluation.gaps.filter((g) => g.code === "reasonContradictsScore");

describe("a 扣分原因 that contradicts the counted score", () => {
  it("is a warning naming the reason's cell, with the deduction the score gives", async () => {
    const score = await finance(17, "扣 2.5 分");
    expect(contradictions(score)).toEqual([
      {
        code: "reasonContradictsScore",
        severity: "warning",
        indicatorId: "financialManagement",
        indicator: "财务管理情况",
        message:
          "指标“财务管理情况”的扣分原因写“扣 2.5 分”，按得分 17.00（分值 20.00）应扣 3.00 分。",
        suggestion: "更正扣分原因中的分数，或核对自评得分，使二者一致。",
        cell: "绩效指标!E5",
      },
    ]);
  });

  it("adds up an itemised reason: 扣0.5分 twice is 1 分, not 0.5 against 3", async () => {
    expect(
      contradictions(await finance(17, "绩效目标不细化扣0.5分；运行监控不及时扣0.5分")).map(
        (g) => g.message
      )
    ).toEqual([
      "指标“财务管理情况”的扣分原因写“扣0.5分”，按得分 17.00（分值 20.00）应扣 3.00 分。",
    ]);
  });

  it("quotes a stated score (得17.5分) and a full score's stray deduction alike", async () => {
    expect(contradictions(await finance(17, "得17.5分")).map((g) => g.message)).toEqual([
      "指标“财务管理情况”的扣分原因写“得17.5分”，按得分 17.00（分值 20.00）应扣 3.00 分。",
    ]);
    expect(contradictions(await finance(20, "扣除1分")).map((g) => g.message)).toEqual([
      "指标“财务管理情况”的扣分原因写“扣除1分”，按得分 20.00（分值 20.00）未扣分。",
    ]);
  });

  it.each<[CellValue, string]>([
    [17.5, "扣2.5分"],
    [17.5, "扣 2.50 分，原因是个别凭证不规范"],
    [17.5, "得17.5分"],
    [17, "扣除3分"],
    [17, "扣减 3 分"],
    [17, "每少一项扣1分，共扣3分"],
    [17, "完成率95%，扣减经费2万元"],
    [17, "绩效目标不细化扣0.5分；运行监控不及时扣0.5分；资产管理扣2分"],
    [17, "个别凭证不规范"],
  ])("is no gap when they agree or the reason states no deduction: %s with “%s”", async (e, r) => {
    expect(contradictions(await finance(e, r))).toEqual([]);
  });

  it("reads only N 分 after 扣 / 扣除 / 扣减 / 得, as typed", () => {
    const claims = (text: string) =>
      scoreClaims(text).map((c) => [c.said, c.kind, c.value.toString()]);
    expect(claims("扣 2.5 分；扣除３分；扣减1分；得分为 17 分")).toEqual([
      ["扣 2.5 分", "deducted", "2.5"],
      ["扣除3分", "deducted", "3"],
      ["扣减1分", "deducted", "1"],
      ["得分为 17 分", "scored", "17"],
    ]);
    expect(claims("完成率95%，扣减经费2万元，得分率90%，少得2分，每项扣0.5分")).toEqual([]);
  });

  it("marks the report's paragraph instead of repeating the reason as if it agreed", async () => {
    const score = await finance(17, "扣 2.5 分");
    const text = reportText(
      reportDraft({ evaluation: score.evaluation, input: score.parse.input })
    );
    expect(text).toContain(
      "扣 2.5 分。【待填写：更正扣分原因：写“扣 2.5 分”，按得分应扣 3 分】该指标分值 20 分，自评得分 17 分。"
    );
  });

  it("checks a project form's rows and its funds row the same way", () => {
    // 发卡数量: 分值 30 (G13), 得分 H13, 偏差原因 I13; 年度资金总额: 分值 10, 得分 H6, 原因 I6.
    const { evaluation } = scoreSnapshot(
      formWorkbook({ H13: 28, I13: "扣1分", H6: 8.5, I6: "执行进度偏慢，扣 1 分" })
    );
    const gaps = evaluation.projects?.results[0].gaps ?? [];
    expect(
      gaps.filter((g) => g.code === "reasonContradictsScore").map((g) => [g.cell, g.message])
    ).toEqual([
      [
        "项目自评表!I6",
        "指标“预算执行率”的扣分原因写“扣 1 分”，按得分 8.50（分值 10.00）应扣 1.50 分。",
      ],
      [
        "项目自评表!I13",
        "指标“发卡数量”的扣分原因写“扣1分”，按得分 28.00（分值 30.00）应扣 2.00 分。",
      ],
    ]);
  });
});
