/**
 * A project form under the provincial 一体化 standard (`province-project`): the total capped by
 * 执行率 at the band edges, and −2 for an actual 30% or more above its target (目标设置偏低).
 */
import type { CellValue } from "../../src/hosts/snapshot";
import { scoreSnapshot } from "../../src/pipeline/scoreWorkbook";
import { provinceProject } from "../../src/standard/presets";
import { formWorkbook } from "../fixtures/projectForm";

const province = { standard: provinceProject, problems: [], sheet: "评分标准（项目）" };

/** The fixture form (120 of 全年预算) with 全年执行数 `spent`, its reason given, the total as entered. */
function scored(spent: number, edits: Record<string, CellValue> = {}) {
  const execution = Math.min(10, Math.round((spent / 120) * 1000) / 100);
  const { evaluation } = scoreSnapshot(
    formWorkbook({
      E6: spent,
      E7: spent - 10,
      H6: execution,
      I6: "部分合同次年支付。",
      H17: Math.round((execution + 90) * 100) / 100,
      ...edits,
    }),
    { projectStandard: province }
  );
  const form = evaluation.projects?.results[0];
  if (!form) throw new Error("no form scored");
  return form;
}

describe("the provincial project standard", () => {
  it.each([
    // 全年执行数, 执行率, total before the cap, total, grade
    [96, "80%", "98", "98", "优"], // at 80%: no cap
    [95.99, "79.99%", "98", "89", "良"], // just below: at most 89
    [84, "70%", "97", "89", "良"],
    [83.99, "69.99%", "97", "79", "中"],
    [60, "50%", "95", "69", "中"],
    [59.99, "49.99%", "95", "59", "差"],
  ])("spent %d of 120 (%s): %s → %s, %s", (spent, _rate, uncapped, total, grade) => {
    const form = scored(spent);
    expect([form.uncapped.toString(), form.total.toString(), form.grade]).toEqual([
      uncapped,
      total,
      grade,
    ]);
    if (total !== uncapped) expect(form.gaps.map((g) => g.code)).toContain("totalCapped");
  });

  it("takes 2 points from a target exceeded by 30% or more (目标设置偏低), and says so", () => {
    const at29 = scored(110, { F13: "12.9万张" });
    const at30 = scored(110, { F13: "13万张" });
    const row = (f: typeof at30) => f.indicators.find((i) => i.name === "发卡数量");
    expect(row(at29)?.computed?.toString()).toBe("30");
    expect(row(at30)?.computed?.toString()).toBe("28");
    expect(row(at30)?.explanation).toContain(
      "超出目标 30.00% ≥ 30.00%（目标设置偏低），扣 2.00 分"
    );
    // The entered 30 still counts (as entered scores do) and the difference is a gap.
    expect(at30.gaps.map((g) => g.message)).toContain(
      "“发卡数量”填报得分 30.00 与按评分规则计算的 28.00 不一致（相差 2.00 分）。"
    );
    // Met, yet deducted: the gap says the target was far exceeded, not missed.
    expect(at30.gaps.map((g) => g.message)).toContain(
      "“发卡数量”大幅超过年度指标值（目标 ≥10万张，实际 13万张），按评分标准扣分（目标设置偏低），未填写偏差原因分析。"
    );
    expect(at30.gaps.map((g) => g.message).join("")).not.toContain("未达到");
  });
});
