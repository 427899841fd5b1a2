/** The 汇总排名 sheet as data: order and shared ranks, columns per 一级, figures, print setup. */
import { evaluate } from "../../src/evaluate/evaluate";
import {
  type RankingEntry,
  level1Columns,
  rankEntries,
  rankingEntry,
  rankingLayout,
  rankingWarnings,
} from "../../src/layout/ranking";
import type { SheetLayout } from "../../src/layout/sheetLayout";
import { dec } from "../../src/model/decimal";
import { seed } from "../helpers";

function entry(department: string, total: string, more: Partial<RankingEntry> = {}): RankingEntry {
  return {
    department,
    year: 2022,
    total: dec(total),
    grade: Number(total) >= 90 ? "优" : "良",
    executionRate: dec("0.8087"),
    groups: [
      { level1: "管理效率", counted: dec(50) },
      { level1: "履职效能", counted: dec(total).minus(50) },
    ],
    gaps: { error: 0, warning: 1, info: 2 },
    file: `${department}.xlsx`,
    ...more,
  };
}

const at = (l: SheetLayout, row: number, column: number) =>
  l.cells.find((c) => c.row === row && c.column === column);
const rowValues = (l: SheetLayout, row: number) =>
  l.cells
    .filter((c) => c.row === row)
    .sort((a, b) => a.column - b.column)
    .map((c) => c.value);

describe("ranking order", () => {
  it("sorts by 总分 descending; equal totals share a rank and go by 部门 in 拼音 order, then file", () => {
    const ranked = rankEntries([
      entry("佛山市卫生健康局", "93.18"),
      entry("佛山市教育局", "81.18"),
      entry("佛山市财政局", "93.18"),
      entry("佛山市社会保险基金管理局", "95.18", { file: "b.xlsx" }),
      entry("佛山市社会保险基金管理局", "95.18", { file: "a.xlsx" }),
    ]);
    expect(ranked.map((e) => [e.rank, e.department, e.file])).toEqual([
      [1, "佛山市社会保险基金管理局", "a.xlsx"],
      [1, "佛山市社会保险基金管理局", "b.xlsx"],
      [3, "佛山市财政局", "佛山市财政局.xlsx"],
      [3, "佛山市卫生健康局", "佛山市卫生健康局.xlsx"],
      [5, "佛山市教育局", "佛山市教育局.xlsx"],
    ]);
  });

  it("compares totals as decimals: 90.10 and 90.1 tie, 90.01 is below", () => {
    const ranked = rankEntries([entry("乙", "90.01"), entry("甲", "90.10"), entry("丙", "90.1")]);
    expect(ranked.map((e) => [e.rank, e.department])).toEqual([
      [1, "丙"],
      [1, "甲"],
      [3, "乙"],
    ]);
  });
});

describe("rankingEntry", () => {
  it("takes total, grade, the scoring execution rate, counted 一级 subtotals and gap counts", () => {
    const e = evaluate(seed());
    const r = rankingEntry(e, "社保局.xlsx");
    expect(r).toMatchObject({
      department: "佛山市社会保险基金管理局",
      year: 2022,
      grade: "优",
      file: "社保局.xlsx",
    });
    expect(r.total.toString()).toBe("95.18");
    expect(r.executionRate?.toString()).toBe(e.budget.execution.value?.toString());
    expect(r.groups.map((g) => [g.level1, g.counted.toString()])).toEqual(
      e.groups.map((g) => [g.level1, g.counted.toString()])
    );
    const count = (s: string) => e.gaps.filter((g) => g.severity === s).length;
    expect(r.gaps).toEqual({
      error: count("error"),
      warning: count("warning"),
      info: count("info"),
    });
  });
});

describe("ranking layout", () => {
  const entries = [
    entry("佛山市教育局", "81.18"),
    entry("佛山市财政局", "93.18", {
      groups: [
        { level1: "管理效率", counted: dec(48) },
        { level1: "履职效能", counted: dec("40.18") },
        { level1: "产出", counted: dec(5) },
      ],
      gaps: { error: 2, warning: 0, info: 1 },
    }),
  ];
  const failures = [{ file: "坏.xlsx", reason: "文件已损坏，无法作为 .xlsx 打开" }];
  const layout = rankingLayout(entries, failures, { date: "2026-11-27" });

  it("has a title with the common year, a count and date line, and two header rows", () => {
    expect(at(layout, 0, 0)?.value).toBe("2022 年度部门整体支出绩效自评汇总排名");
    expect(at(layout, 1, 0)?.value).toBe(
      "部门 2 个，未能评分的文件 1 个　　得分单位：分　　生成日期：2026-11-27"
    );
    expect(rowValues(layout, 2)).toEqual([
      "排名",
      "部门",
      "年度",
      "总分",
      "等级",
      "财政支出执行率",
      "一级指标得分",
      null,
      null,
      "问题数",
      null,
      null,
      "源文件",
    ]);
    expect(rowValues(layout, 3).slice(6, 12)).toEqual([
      "管理效率",
      "履职效能",
      "产出",
      "严重",
      "警告",
      "提示",
    ]);
    expect(layout.merges).toEqual(
      expect.arrayContaining([
        { top: 0, left: 0, bottom: 0, right: 12 },
        { top: 2, left: 0, bottom: 3, right: 0 },
        { top: 2, left: 6, bottom: 2, right: 8 },
        { top: 2, left: 9, bottom: 2, right: 11 },
        { top: 2, left: 12, bottom: 3, right: 12 },
      ])
    );
  });

  it("writes one row per department in rank order, blank where a 一级 is missing", () => {
    expect(rowValues(layout, 4)).toEqual([
      1,
      "佛山市财政局",
      2022,
      93.18,
      "优",
      0.8087,
      48,
      40.18,
      5,
      2,
      0,
      1,
      "佛山市财政局.xlsx",
    ]);
    expect(rowValues(layout, 5)).toEqual([
      2,
      "佛山市教育局",
      2022,
      81.18,
      "良",
      0.8087,
      50,
      31.18,
      null,
      0,
      1,
      2,
      "佛山市教育局.xlsx",
    ]);
    expect(at(layout, 4, 3)?.style?.numberFormat).toBe("0.00");
    expect(at(layout, 4, 5)?.style?.numberFormat).toBe("0.00%");
    expect(at(layout, 4, 9)?.style?.fill).toBeDefined(); // errors stand out
    expect(at(layout, 5, 9)?.style?.fill).toBeUndefined();
  });

  it("states the grade counts and the mean under the table, decimal-exact", () => {
    expect(String(at(layout, 6, 0)?.value)).toMatch(
      /^共 2 个部门：优 1 个，良 1 个；平均分 87\.18 分，最高 93\.18 分，最低 81\.18 分。/
    );
    // (1.00 + 1.01) ÷ 2 = 1.005 → 1.01 (a binary float would give 1.00)
    const half = rankingLayout([entry("甲", "1.00"), entry("乙", "1.01")], [], { date: "x" });
    expect(String(at(half, 6, 0)?.value)).toContain("平均分 1.01 分");
  });

  it("lists failed files with their reasons in a second section", () => {
    const heading = layout.cells.find((c) => c.value === "未能评分的文件（1 个）");
    expect(heading?.row).toBe(8);
    expect(rowValues(layout, 9).filter((v) => v !== null)).toEqual(["序号", "文件", "原因"]);
    expect(rowValues(layout, 10).filter((v) => v !== null)).toEqual([
      1,
      "坏.xlsx",
      "文件已损坏，无法作为 .xlsx 打开",
    ]);
    expect(layout.merges).toContainEqual({ top: 10, left: 3, bottom: 10, right: 12 });
    const clean = rankingLayout(entries, [], { date: "2026-11-27" });
    expect(clean.cells.some((c) => String(c.value).startsWith("未能评分的文件"))).toBe(false);
  });

  it("prints on A4 landscape, one page wide, header rows repeated, numbered pages, CJK font", () => {
    expect(layout.fontName).toBe("Noto Sans CJK SC");
    expect(layout.frozenRows).toBe(4);
    expect(layout.showGridlines).toBe(false);
    expect(layout.print).toMatchObject({
      paper: "A4",
      orientation: "landscape",
      fitToPagesWide: 1,
      titleRows: { first: 0, last: 3 },
      printArea: { top: 0, left: 0, bottom: 10, right: 12 },
      centerHeader: "2022 年度部门整体支出绩效自评汇总排名",
      centerFooter: "第 &P 页 共 &N 页",
    });
  });

  it("leaves the year out of the title when departments differ in year, and names a blank 部门", () => {
    const mixed = rankingLayout(
      [entry("", "90", { year: 2021 }), entry("佛山市财政局", "91")],
      [],
      { date: "2026-11-27" }
    );
    expect(at(mixed, 0, 0)?.value).toBe("部门整体支出绩效自评汇总排名");
    expect(at(mixed, 5, 1)?.value).toBe("（未填部门名称）");
  });

  it("columns: every 一级 across the entries, in order of first appearance", () => {
    expect(level1Columns(entries)).toEqual(["管理效率", "履职效能", "产出"]);
  });
});

describe("ranking: what could mislead a reader", () => {
  it("lists a workbook graded 无法评定 after the ranked ones, without a rank", () => {
    const ranked = rankEntries([
      entry("甲局", "92.00"),
      entry("乙局", "99.00", { grade: "无法评定", year: 2021 }),
      entry("丙局", "88.00"),
    ]);
    expect(ranked.map((e) => [e.department, e.rank])).toEqual([
      ["甲局", 1],
      ["丙局", 2],
      ["乙局", null],
    ]);
    const layout = rankingLayout(ranked, [], { date: "2026-11-27" });
    const rankCells = layout.cells.filter(
      (c) => c.column === 0 && (c.value === "—" || typeof c.value === "number")
    );
    expect(rankCells.map((c) => c.value)).toEqual([1, 2, "—"]);
  });

  it("warns of a department submitted twice, of mixed years, and of unranked workbooks", () => {
    const entries = [
      entry("甲局", "92.00", { file: "甲局.xlsx" }),
      entry("甲局", "91.00", { file: "甲局（修改）.xlsx" }),
      entry("乙局", "80.00", { year: 2021 }),
      entry("丙局", "70.00", { grade: "无法评定" }),
    ];
    expect(rankingWarnings(entries)).toEqual([
      "“甲局”出现 2 次（甲局.xlsx、甲局（修改）.xlsx），请核对是否重复提交。",
      "包含不同年度（2021、2022）的自评表，名次按总分排在一起，请分年度比较。",
      "1 个工作簿无法评定等级（指标分值合计不为 100），列在最后，不参与排名。",
    ]);
    expect(rankingWarnings([entry("甲局", "92.00"), entry("乙局", "91.00")])).toEqual([]);
    // The notes go under the table of the sheet too.
    const layout = rankingLayout(entries, [], { date: "2026-11-27" });
    const note = layout.cells.find(
      (c) => typeof c.value === "string" && c.value.includes("注意：“甲局”出现 2 次")
    );
    expect(note?.value).toContain("\n注意：包含不同年度（2021、2022）的自评表");
  });
});
