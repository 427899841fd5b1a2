/**
 * A department's indicator names as they are really written: near the standard's (预算绩效管理
 * for 预算绩效管理情况). Figures are the sample's, changed by hand.
 */
import type { CellValue, WorkbookSnapshot } from "../../src/hosts/snapshot";
import { dec } from "../../src/model/decimal";
import type { IndicatorEntry } from "../../src/model/input";
import { scoreSnapshot } from "../../src/pipeline/scoreWorkbook";
import { matchEntries } from "../../src/evaluate/scoreIndicators";
import type { StandardIndicator } from "../../src/standard/types";
import { sampleSnapshot, setCell } from "../parse/sampleSnapshot";

/** The sample's 绩效指标 sheet (A 一级, B 指标, C 分值, D 自评得分, E 得分说明) with `edits`. */
async function sampleWith(
  edits: Record<string, CellValue>,
  more: (s: WorkbookSnapshot) => void = () => {}
): Promise<WorkbookSnapshot> {
  const snapshot = await sampleSnapshot();
  for (const [cell, value] of Object.entries(edits)) setCell(snapshot, "绩效指标", cell, value);
  more(snapshot);
  return snapshot;
}

/** The probe's names (v08-names-differ), rows 4–13. */
const NEAR_NAMES: Record<string, string> = {
  B4: "预算绩效管理",
  B5: "财务管理",
  B6: "项目管理",
  B7: "资产管理",
  B8: "三公经费控制率",
  B9: "预算执行率",
  B10: "重点工作任务完成情况",
  B11: "项目绩效目标完成情况",
  B12: "五大建设效益",
  B13: "服务对象满意度",
};

const nearGaps = (gaps: { code: string; message: string }[]) =>
  gaps.filter((g) => g.code === "indicatorNameMatched").map((g) => g.message);

describe("names near the standard's", () => {
  it("score as the standard's indicator, once: 95.18 优, with one note per renamed row", async () => {
    const { evaluation } = scoreSnapshot(await sampleWith(NEAR_NAMES));
    // Every score is the sample's: 10 + 20 + 12 + 8 + 3 + 5.18 + 10 + 7 + 10 + 5 + 5.
    expect(evaluation.total.toString()).toBe("95.18");
    expect(evaluation.maxTotal.toString()).toBe("100");
    expect(evaluation.grade).toBe("优");
    expect(evaluation.indicators).toHaveLength(11);
    expect(evaluation.indicators.every((i) => i.inStandard)).toBe(true);
    expect(evaluation.gaps.filter((g) => g.code === "unknownIndicator")).toEqual([]);
    expect(evaluation.gaps.filter((g) => g.code === "missingScore")).toEqual([]);
    // 预算执行率, 五大建设效益 and 服务对象满意度 are the standard's 其他名称: no note.
    expect(nearGaps(evaluation.gaps)).toEqual([
      "绩效指标!B4 “预算绩效管理”按评分标准的“预算绩效管理情况”计分。",
      "绩效指标!B5 “财务管理”按评分标准的“财务管理情况”计分。",
      "绩效指标!B6 “项目管理”按评分标准的“项目管理情况”计分。",
      "绩效指标!B7 “资产管理”按评分标准的“资产管理情况”计分。",
      "绩效指标!B8 “三公经费控制率”按评分标准的“‘三公’经费控制情况”计分。",
      "绩效指标!B10 “重点工作任务完成情况”按评分标准的“重点工作完成率”计分。",
      "绩效指标!B11 “项目绩效目标完成情况”按评分标准的“项目绩效目标完成率”计分。",
    ]);
    const near = evaluation.gaps.find((g) => g.code === "indicatorNameMatched");
    expect(near).toMatchObject({ severity: "info", cell: "绩效指标!B4" });
    const sanGong = evaluation.indicators.find((i) => i.id === "threePublicControl");
    expect(sanGong).toMatchObject({ name: "“三公”经费控制情况", cell: "绩效指标!D8" });
    expect(sanGong?.counted.toString()).toBe("3");
    expect(sanGong?.entered?.toString()).toBe("3");
  });
});

// ---- conservative: never two indicators for one row, never a guess -----------------------

const judgment = { kind: "judgment" as const, params: {} };
const def = (id: string, level1: string, name: string, extra: Partial<StandardIndicator> = {}) =>
  ({
    id,
    level1,
    name,
    max: dec(10),
    rule: judgment,
    unconfirmed: [],
    ...extra,
  }) as StandardIndicator;
const row = (level1: string, name: string, max = 10): IndicatorEntry => ({
  level1,
  name,
  max: dec(max),
  entered: dec(max),
});

describe("matchEntries with near names", () => {
  it("matches the longest shared stem: 重点工作任务完成情况 is 重点工作完成率, not 重点任务完成率", () => {
    const m = matchEntries(
      [def("work", "履职效能", "重点工作完成率"), def("task", "履职效能", "重点任务完成率")],
      [row("履职效能", "重点工作任务完成情况")]
    );
    expect([...m.matched.keys()]).toEqual(["work"]);
    expect(m.near.map((n) => [n.definition.id, n.entry.name])).toEqual([
      ["work", "重点工作任务完成情况"],
    ]);
  });

  it("does not guess between two indicators that share the row's stem alike", () => {
    const m = matchEntries(
      [def("work", "履职效能", "重点工作完成率"), def("task", "履职效能", "重点任务完成率")],
      [row("履职效能", "重点完成情况")]
    );
    expect(m.matched.size).toBe(0);
    expect(m.extra.map((e) => e.name)).toEqual(["重点完成情况"]);
  });

  it("does not match across 一级, nor two rows to one indicator, nor one already matched", () => {
    const defs = [def("a", "管理效率", "资产管理情况"), def("b", "管理效率", "财务管理情况")];
    expect(matchEntries(defs, [row("履职效能", "资产管理")]).matched.size).toBe(0);
    const two = matchEntries(defs, [row("管理效率", "资产管理"), row("管理效率", "资产管理工作")]);
    expect(two.matched.size).toBe(0);
    expect(two.extra).toHaveLength(2);
    const taken = matchEntries(defs, [
      row("管理效率", "财务管理情况"),
      row("管理效率", "财务管理"),
    ]);
    expect([...taken.matched.keys()]).toEqual(["b"]);
    expect(taken.extra.map((e) => e.name)).toEqual(["财务管理"]);
  });
});
