/**
 * A department's indicator names as they are really written: near the standard's (预算绩效管理
 * for 预算绩效管理情况), and a real indicator where the standard only holds a placeholder whose
 * name is 待核对 (foshan-2022's 报告未列明的指标). Figures are the sample's, changed by hand.
 */
import type { CellValue, WorkbookSnapshot } from "../../src/hosts/snapshot";
import { dec } from "../../src/model/decimal";
import type { IndicatorEntry } from "../../src/model/input";
import { scoreSnapshot } from "../../src/pipeline/scoreWorkbook";
import { matchEntries } from "../../src/evaluate/scoreIndicators";
import { standardLayout } from "../../src/layout/standardSheet";
import { foshan2022 } from "../../src/standard/presets";
import type { StandardIndicator } from "../../src/standard/types";
import { layoutSnapshot } from "../fixtures/layoutSnapshot";
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

/** Row 14: another Foshan department's real fifth 履职效能 indicator (v08b). */
const REAL_FIFTH: Record<string, CellValue> = {
  A14: "履职效能",
  B14: "信息公开情况",
  D14: 4,
  E14: "部门决算公开不及时，扣1分",
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
      "“预算绩效管理”按评分标准的“预算绩效管理情况”计分。",
      "“财务管理”按评分标准的“财务管理情况”计分。",
      "“项目管理”按评分标准的“项目管理情况”计分。",
      "“资产管理”按评分标准的“资产管理情况”计分。",
      "“三公经费控制率”按评分标准的“‘三公’经费控制情况”计分。",
      "“重点工作任务完成情况”按评分标准的“重点工作完成率”计分。",
      "“项目绩效目标完成情况”按评分标准的“项目绩效目标完成率”计分。",
    ]);
    const near = evaluation.gaps.find((g) => g.code === "indicatorNameMatched");
    expect(near).toMatchObject({ severity: "info", cell: "绩效指标!B4" });
    const sanGong = evaluation.indicators.find((i) => i.id === "threePublicControl");
    expect(sanGong).toMatchObject({ name: "“三公”经费控制情况", cell: "绩效指标!D8" });
    expect(sanGong?.counted.toString()).toBe("3");
    expect(sanGong?.entered?.toString()).toBe("3");
  });

  it("the probe's table (v08): near names, the real fifth indicator, 执行率 from the table: 96.28 优", async () => {
    const snapshot = await sampleWith(
      { ...NEAR_NAMES, ...REAL_FIFTH, D9: 7.28, E9: "执行率 89.12%", D15: 96.28 },
      (s) => setCell(s, "基本信息", "B6", null)
    );
    const { evaluation } = scoreSnapshot(snapshot);
    // 10 + 20 + 12 + 8 + 3 + 7.28 (10 × (89.12% − 60%) ÷ 40%) + 10 + 7 + 10 + 5 + 4 (信息公开情况).
    expect(evaluation.total.toString()).toBe("96.28");
    expect(evaluation.maxTotal.toString()).toBe("100");
    expect(evaluation.grade).toBe("优");
    expect(
      evaluation.indicators.map((i) => [i.name, i.max.toNumber(), i.counted.toNumber()])
    ).toEqual([
      ["预算绩效管理情况", 10, 10],
      ["财务管理情况", 20, 20],
      ["项目管理情况", 12, 12],
      ["资产管理情况", 8, 8],
      ["“三公”经费控制情况", 3, 3],
      ["财政支出执行率", 10, 7.28],
      ["重点工作完成率", 10, 10],
      ["项目绩效目标完成率", 7, 7],
      ["政治、经济、文化、社会、生态文明建设效益", 10, 10],
      ["公众或服务对象满意度", 5, 5],
      ["信息公开情况", 5, 4],
    ]);
    expect(evaluation.gaps.filter((g) => g.severity === "error")).toEqual([]);
    expect(nearGaps(evaluation.gaps)).toHaveLength(7);
    expect(evaluation.gaps.filter((g) => g.code === "placeholderFilled")).toHaveLength(1);
  });
});

describe("a row that takes a placeholder's place (待核对 指标名称)", () => {
  it("信息公开情况 5 分 takes 报告未列明的指标: 94.18 优, with a warning to confirm", async () => {
    const { evaluation } = scoreSnapshot(await sampleWith({ ...REAL_FIFTH, D15: 94.18 }));
    // The sample's 95.18 with the fifth indicator's 5 replaced by 4.
    expect(evaluation.total.toString()).toBe("94.18");
    expect(evaluation.maxTotal.toString()).toBe("100");
    expect(evaluation.grade).toBe("优");
    expect(evaluation.indicators).toHaveLength(11);
    expect(evaluation.indicators.some((i) => i.name === "报告未列明的指标")).toBe(false);
    const fifth = evaluation.indicators.find((i) => i.id === "unnamedIndicator");
    expect(fifth).toMatchObject({
      name: "信息公开情况",
      level1: "履职效能",
      ruleKind: "judgment",
      inStandard: true,
      countedFrom: "entered",
      cell: "绩效指标!D14",
    });
    expect(fifth?.counted.toString()).toBe("4");
    expect(
      evaluation.groups.map((g) => [g.level1, g.max.toNumber(), g.counted.toNumber()])
    ).toEqual([
      ["管理效率", 50, 50],
      ["履职效能", 50, 44.18],
    ]);
    expect(
      evaluation.gaps.filter((g) =>
        ["unknownIndicator", "missingScore", "maxTotalNot100"].includes(g.code)
      )
    ).toEqual([]);
    const placed = evaluation.gaps.filter((g) => g.code === "placeholderFilled");
    expect(placed).toEqual([
      {
        code: "placeholderFilled",
        severity: "warning",
        indicatorId: "unnamedIndicator",
        indicator: "信息公开情况",
        message:
          "“信息公开情况”不在评分标准中，已按评分标准中名称待核对的“报告未列明的指标”（分值 5.00，主观评分）计分。",
        suggestion:
          "请插入评分标准表（“插入评分标准”，或 jixiao standard）核对：该行确是“信息公开情况”的，把一级指标改为“履职效能”、指标名称“报告未列明的指标”改为“信息公开情况”，并从“待核对”中删去“一级指标、指标名称”。",
        cell: "绩效指标!B14",
      },
    ]);
    // The placeholder's 待核对 分值 and 计分方法 are worded under the department's name.
    expect(
      evaluation.gaps.find(
        (g) => g.code === "unconfirmedParameter" && g.indicatorId === "unnamedIndicator"
      )?.message
    ).toBe("“信息公开情况”的分值、计分方法为默认值（待核对）。");
  });

  it("rests on the sheet's 待核对: “指标名称” marks the placeholder, clearing it unmarks it", async () => {
    const withSheet = (unconfirmed: CellValue) =>
      sampleWith({ ...REAL_FIFTH, D15: 94.18 }, (s) => {
        s.sheets.push(layoutSnapshot(standardLayout(foshan2022)));
        setCell(s, "评分标准", "O23", unconfirmed);
      });
    const marked = scoreSnapshot(await withSheet("一级指标、指标名称、分值、计分方法")).evaluation;
    expect(marked.total.toString()).toBe("94.18");
    expect(marked.grade).toBe("优");
    expect(marked.gaps.find((g) => g.code === "placeholderFilled")?.suggestion).toBe(
      "请在评分标准表中核对（评分标准!B23）：该行确是“信息公开情况”的，把一级指标改为“履职效能”、指标名称“报告未列明的指标”改为“信息公开情况”，并从“待核对”中删去“一级指标、指标名称”。"
    );
    // 一级 known (履职效能), the name alone 待核对: the same place, fewer edits.
    const named = scoreSnapshot(
      await sampleWith({ ...REAL_FIFTH, D15: 94.18 }, (s) => {
        s.sheets.push(layoutSnapshot(standardLayout(foshan2022)));
        setCell(s, "评分标准", "A23", "履职效能");
        setCell(s, "评分标准", "O23", "指标名称");
      })
    ).evaluation;
    expect(named.total.toString()).toBe("94.18");
    expect(named.gaps.find((g) => g.code === "placeholderFilled")?.suggestion).toBe(
      "请在评分标准表中核对（评分标准!B23）：该行确是“信息公开情况”的，把指标名称“报告未列明的指标”改为“信息公开情况”，并从“待核对”中删去“指标名称”。"
    );
    // 分值、计分方法 alone: a real indicator the department did not fill, as before.
    const unmarked = scoreSnapshot(await withSheet("分值、计分方法")).evaluation;
    expect(unmarked.maxTotal.toString()).toBe("105");
    expect(unmarked.grade).toBe("无法评定");
    expect(unmarked.gaps.find((g) => g.code === "unknownIndicator")?.message).toBe(
      "“信息公开情况”不在评分标准（履职效能）中，按填报的分值 5.00、得分计入。"
    );
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

describe("matchEntries with near names and placeholders", () => {
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

  it("fills a placeholder only with the one row of its 分值 (and 一级 unless that is 待核对 too)", () => {
    const placeholder = def("p", "（未列明）", "未列明", {
      max: dec(5),
      unconfirmed: ["level1", "name"],
    });
    const defs = [def("a", "履职效能", "满意度"), placeholder];
    const one = matchEntries(defs, [row("履职效能", "满意度"), row("履职效能", "信息公开", 5)]);
    expect(one.placed.map((p) => [p.definition.id, p.entry.name])).toEqual([["p", "信息公开"]]);
    expect(one.matched.get("p")?.name).toBe("信息公开");
    // Two rows of 5 分: which one the placeholder stands for is a guess.
    const two = matchEntries(defs, [row("履职效能", "信息公开", 5), row("履职效能", "宣传", 5)]);
    expect(two.placed).toEqual([]);
    expect(two.extra).toHaveLength(2);
    // Another 分值: not the placeholder.
    expect(matchEntries(defs, [row("履职效能", "信息公开", 4)]).placed).toEqual([]);
    // A placeholder whose 一级 is known takes rows of that 一级 only.
    const known = [def("q", "履职效能", "未列明", { max: dec(5), unconfirmed: ["name"] })];
    expect(matchEntries(known, [row("管理效率", "信息公开", 5)]).placed).toEqual([]);
    expect(matchEntries(known, [row("履职效能", "信息公开", 5)]).placed).toHaveLength(1);
    // Without 待核对 指标名称 it is an indicator like any other.
    const real = [def("r", "履职效能", "未列明", { max: dec(5), unconfirmed: ["max"] })];
    expect(matchEntries(real, [row("履职效能", "信息公开", 5)]).placed).toEqual([]);
  });
});
