/**
 * “三公”经费 kept as a small table of its own (因公出国（境）费 / 公务用车购置及运行费 /
 * 公务接待费 / 合计 by 预算数 / 决算数), or as rows of the budget table, rather than as the two
 * labelled values of 基本信息: read for the 三公 indicator and the over-budget check, and where
 * two of them disagree, said with both cells.
 */
import type { CellValue, WorkbookSnapshot } from "../../src/hosts/snapshot";
import { parseWorkbook } from "../../src/parse/parseWorkbook";
import { scoreSnapshot } from "../../src/pipeline/scoreWorkbook";
import { sampleSnapshot, setCell } from "./sampleSnapshot";

/** The sample without its labelled 三公 figures (基本信息!A8:C9). */
async function withoutLabels(): Promise<WorkbookSnapshot> {
  const snapshot = await sampleSnapshot();
  for (const cell of ["A8", "B8", "C8", "A9", "B9", "C9"])
    setCell(snapshot, "基本信息", cell, null);
  return snapshot;
}

const addSheet = (snapshot: WorkbookSnapshot, name: string, values: CellValue[][]) =>
  snapshot.sheets.push({ name, top: 0, left: 0, values });

/** The sample's 13.5 / 1.88 万元 as a table of items. */
const TABLE: CellValue[][] = [
  ["“三公”经费支出情况表", null, null],
  [null, null, "单位：万元"],
  ["项目", "预算数", "决算数"],
  ["因公出国（境）费", 0, 0],
  ["公务用车购置及运行费", 10, 1.2],
  ["公务接待费", 3.5, 0.68],
  ["合计", 13.5, 1.88],
];

const gapsOf = (snapshot: WorkbookSnapshot, code: string) =>
  scoreSnapshot(snapshot)
    .evaluation.gaps.filter((g) => g.code === code)
    .map((g) => g.message);

describe("a “三公”经费 table of its own", () => {
  it("is read for the 三公 indicator: 1.88 ÷ 13.5 = 13.93%, its cells the 合计 row's", async () => {
    const snapshot = await withoutLabels();
    addSheet(snapshot, "三公经费", TABLE);
    const { parse, evaluation } = scoreSnapshot(snapshot);
    expect(parse.input.threePublic).toMatchObject({
      cells: { budget: "三公经费!B7", actual: "三公经费!C7" },
    });
    expect(parse.input.threePublic?.budget?.toString()).toBe("13.5");
    expect(parse.input.threePublic?.actual?.toString()).toBe("1.88");
    expect(evaluation.metrics.threePublicControl?.value?.toString()).toBe("0.1393");
    expect(parse.found.find((f) => f.kind === "threePublic")?.range).toBe("A3:C7");
    expect(parse.problems).toEqual([]);
    expect(evaluation.total.toString()).toBe("95.18");
  });

  it.each(["合计数", "支出总计"])("reads a total row labelled %s as its 合计", async (label) => {
    const snapshot = await withoutLabels();
    addSheet(snapshot, "三公经费", [...TABLE.slice(0, 6), [label, 13.5, 1.88]]);
    const { parse } = scoreSnapshot(snapshot);
    expect(parse.input.threePublic).toMatchObject({
      cells: { budget: "三公经费!B7", actual: "三公经费!C7" },
    });
    expect(parse.input.threePublic?.actual?.toString()).toBe("1.88");
    expect(parse.problems).toEqual([]);
  });

  it("in 元 under a 单位：元 note, 公务用车 in two rows, 支出数 for 决算数, no 合计: the items added up", async () => {
    const snapshot = await withoutLabels();
    addSheet(snapshot, "三公经费", [
      [null, null, "单位：元"],
      ["“三公”经费", "预算数", "支出数"],
      ["1.因公出国（境）费", null, null],
      ["2.公务用车购置费", 60000, 0],
      ["3.公务用车运行费", 40000, 12000],
      ["4.公务接待费", 35000, 6800],
    ]);
    const { parse, evaluation } = scoreSnapshot(snapshot);
    const funds = parse.input.threePublic;
    expect([funds?.budget?.toString(), funds?.actual?.toString()]).toEqual(["13.5", "1.88"]);
    expect(funds?.unit?.label).toBe("元");
    expect(evaluation.metrics.threePublicControl?.value?.toString()).toBe("0.1393");
  });

  it("flags an overspend from the table, in its unit, at its 合计 决算数", async () => {
    const snapshot = await withoutLabels();
    addSheet(snapshot, "三公经费", [
      ["项目", "预算数（元）", "决算数（元）"],
      ["因公出国（境）费", 0, 0],
      ["公务用车购置及运行费", 100000, 120000],
      ["公务接待费", 35000, 32345.67],
      ["合计", 135000, 152345.67],
    ]);
    const over = scoreSnapshot(snapshot).evaluation.gaps.find((g) => g.code === "threePublicOver");
    expect(over?.message).toBe(
      "“三公”经费实际支出 152,345.67 元，超出全年预算 135,000.00 元 17,345.67 元（超出 12.85%）。"
    );
    expect(over?.cell).toBe("三公经费!C5");
  });

  it("reads a two-row header, 金额（万元） merged over 预算数 | 决算数", async () => {
    const snapshot = await withoutLabels();
    addSheet(snapshot, "三公经费", [
      ["项目", "金额（万元）", null],
      [null, "预算数", "决算数"],
      ...TABLE.slice(3),
    ]);
    const funds = parseWorkbook(snapshot).input.threePublic;
    expect([funds?.budget?.toString(), funds?.actual?.toString()]).toEqual(["13.5", "1.88"]);
  });

  it("under the budget table on its sheet, with 年初预算数 | 调整预算数 | 决算数: not taken for the budget table", async () => {
    const snapshot = await withoutLabels();
    const rows: CellValue[][] = [
      ["“三公”经费", "年初预算数", "调整预算数", "决算数"],
      ["因公出国（境）费", 0, 0, 0],
      ["公务用车购置及运行费", 10, 10, 1.2],
      ["公务接待费", 3, 3.5, 0.68],
      ["合计", 13, 13.5, 1.88],
    ];
    rows.forEach((row, r) =>
      row.forEach((v, c) => setCell(snapshot, "预算支出", `${"ABCD"[c]}${15 + r}`, v))
    );
    const { parse, evaluation } = scoreSnapshot(snapshot);
    expect(parse.found.find((f) => f.kind === "budget")?.range).toBe("A3:D12");
    expect(parse.found.find((f) => f.kind === "threePublic")?.range).toBe("A15:D19");
    const funds = parse.input.threePublic;
    expect([funds?.budget?.toString(), funds?.actual?.toString()]).toEqual(["13.5", "1.88"]);
    expect(evaluation.total.toString()).toBe("95.18");
  });

  it("adds 公务用车购置及运行费 once, not again with its 其中 rows; reads a 上年决算数 column", async () => {
    const snapshot = await withoutLabels();
    addSheet(snapshot, "三公经费", [
      ["项目", "全年预算数", "决算数", "上年决算数"],
      ["因公出国（境）费", 0, 0, 0],
      ["公务用车购置及运行费", 10, 1.2, 2],
      ["其中：公务用车购置费", 6, 0, 0],
      ["      公务用车运行费", 4, 1.2, 2],
      ["公务接待费", 3.5, 0.68, 0.5],
    ]);
    const { parse, evaluation } = scoreSnapshot(snapshot);
    const funds = parse.input.threePublic;
    expect([funds?.budget, funds?.actual, funds?.lastYear].map(String)).toEqual([
      "13.5",
      "1.88",
      "2.5",
    ]);
    expect(funds?.cells).toEqual({
      budget: "三公经费!B2:B6",
      actual: "三公经费!C2:C6",
      lastYear: "三公经费!D2:D6",
    });
    expect(parse.problems).toEqual([]);
    expect(evaluation.metrics.threePublicControl?.value?.toString()).toBe("0.1393");
  });

  it("knows its rows by shorter names: 其中：购置费 / 运行费 under 公务用车…, 接待费", async () => {
    const snapshot = await withoutLabels();
    addSheet(snapshot, "三公经费", [
      ["“三公”经费", "预算数", "决算数"],
      ["一、因公出国（境）费", 0, 0],
      ["二、公务用车购置及运行费", 10, 1.2],
      ["    其中：购置费", 6, 0],
      ["          运行维护费", 4, 1.2],
      ["三、接待费", 3.5, 0.68],
    ]);
    const { parse } = scoreSnapshot(snapshot);
    expect(parse.problems).toEqual([]);
    const funds = parse.input.threePublic;
    expect([funds?.budget?.toString(), funds?.actual?.toString()]).toEqual(["13.5", "1.88"]);
  });

  it("says which row it does not know, and leaves it out", async () => {
    const snapshot = await withoutLabels();
    const table = TABLE.map((row) => [...row]);
    table.splice(6, 0, ["会议费", 5, 4]);
    addSheet(snapshot, "三公经费", table);
    const { parse } = scoreSnapshot(snapshot);
    expect(parse.problems.map((p) => p.message)).toEqual([
      "三公经费!A7：无法识别“三公”经费项目“会议费”，该行未计入",
    ]);
    expect(parse.input.threePublic?.budget?.toString()).toBe("13.5");
  });

  it("says where its 合计 is not the sum of its items", async () => {
    const snapshot = await withoutLabels();
    const table = TABLE.map((row) => [...row]);
    table[6] = ["合计", 15, 1.88];
    addSheet(snapshot, "三公经费", table);
    expect(gapsOf(snapshot, "threePublicDiffers")).toEqual([
      "“三公”经费预算数不一致：“三公”经费表合计 15.00 万元（三公经费!B7），“三公”经费表各项之和 13.50 万元（三公经费!B4:B6），相差 1.50 万元；按“三公”经费表合计计算。",
    ]);
  });
});

describe("a “三公”经费表 laid out across, as the 部门决算 prints it", () => {
  it("reads 预算数 and 决算数 each merged over the items: 合计 | 因公出国（境）费 | … ", async () => {
    const snapshot = await withoutLabels();
    const items = ["合计", "因公出国（境）费", "公务用车购置及运行费", "公务接待费"];
    addSheet(snapshot, "三公经费", [
      ["财政拨款“三公”经费支出决算表"],
      [null, null, null, null, null, null, null, null, "单位：万元"],
      ["预算数", null, null, null, null, "决算数", null, null, null],
      [...items, null, ...items],
      [13.5, 0, 10, 3.5, null, 1.88, 0, 1.2, 0.68],
    ]);
    const { parse, evaluation } = scoreSnapshot(snapshot);
    const funds = parse.input.threePublic;
    expect([funds?.budget?.toString(), funds?.actual?.toString()]).toEqual(["13.5", "1.88"]);
    expect(funds?.cells).toMatchObject({ budget: "三公经费!A5", actual: "三公经费!F5" });
    expect(parse.found.find((f) => f.kind === "threePublic")?.range).toBe("A3:I5");
    expect(evaluation.metrics.threePublicControl?.value?.toString()).toBe("0.1393");
    expect(evaluation.gaps.filter((g) => g.code === "threePublicDiffers")).toEqual([]);
  });

  it("in 元, 公务用车购置及运行费 over 小计 | 购置费 | 运行费: counted once, its 合计 checked", async () => {
    const snapshot = await withoutLabels();
    const upper = ["合计", "因公出国（境）费", "公务用车购置及运行费", null, null, "公务接待费"];
    const lower = [null, null, "小计", "公务用车购置费", "公务用车运行费", null];
    addSheet(snapshot, "三公经费", [
      ["单位：元"],
      ["预算数", null, null, null, null, null, "决算数", null, null, null, null, null],
      [...upper, ...upper],
      [...lower, ...lower],
      [140000, 0, 100000, 60000, 40000, 35000, 18800, 0, 12000, 0, 12000, 6800],
    ]);
    const { parse, evaluation } = scoreSnapshot(snapshot);
    const funds = parse.input.threePublic;
    expect([funds?.budget?.toString(), funds?.actual?.toString()]).toEqual(["14", "1.88"]);
    expect(funds?.unit?.label).toBe("元");
    expect(
      evaluation.gaps.filter((g) => g.code === "threePublicDiffers").map((g) => g.message)
    ).toEqual([
      "“三公”经费预算数不一致：“三公”经费表合计 140,000.00 元（三公经费!A5），“三公”经费表各项之和 135,000.00 元（三公经费!B5:F5），相差 5,000.00 元；按“三公”经费表合计计算。",
    ]);
  });
});

describe("“三公”经费 read in two places", () => {
  it("says so when the labelled figures and the table disagree, and scores by the labelled ones", async () => {
    const snapshot = await sampleSnapshot();
    const table = TABLE.map((row) => [...row]);
    table[5] = ["公务接待费", 3.5, 0.88];
    table[6] = ["合计", 13.5, 2.08];
    addSheet(snapshot, "三公经费", table);
    const { parse } = scoreSnapshot(snapshot);
    expect(parse.input.threePublic?.actual?.toString()).toBe("1.88");
    expect(gapsOf(snapshot, "threePublicDiffers")).toEqual([
      "“三公”经费实际支出数不一致：基本信息!B9 填报 1.88 万元，“三公”经费表合计 2.08 万元（三公经费!C7），相差 0.20 万元；按基本信息!B9 的填报数计算。",
    ]);
  });

  it("says nothing when they agree, one in 万元 and one in 元", async () => {
    const snapshot = await sampleSnapshot();
    addSheet(snapshot, "三公经费", [
      [null, null, "单位：元"],
      ["项目", "预算数", "决算数"],
      ["因公出国（境）费", 0, 0],
      ["公务用车购置及运行费", 100000, 12000],
      ["公务接待费", 35000, 6800],
      ["合计", 135000, 18800],
    ]);
    expect(gapsOf(snapshot, "threePublicDiffers")).toEqual([]);
  });

  it("reads a 其中：“三公”经费 row of the budget table, and says where it and the table disagree", async () => {
    const snapshot = await withoutLabels();
    const rows: CellValue[][] = [
      ["其中：“三公”经费", 13.5, 13.5, 1.9],
      ["合计", 40568.73, 52362.14, 46665.43],
    ];
    rows.forEach((row, r) =>
      row.forEach((v, c) => setCell(snapshot, "预算支出", `${"ABCD"[c]}${12 + r}`, v))
    );
    const alone = scoreSnapshot(snapshot);
    expect(alone.parse.problems).toEqual([]);
    expect(alone.parse.input.threePublic).toMatchObject({
      cells: { budget: "预算支出!C12", actual: "预算支出!D12" },
    });
    expect(alone.parse.input.threePublic?.actual?.toString()).toBe("1.9");
    expect(alone.evaluation.total.toString()).toBe("95.18");
    addSheet(snapshot, "三公经费", TABLE);
    expect(gapsOf(snapshot, "threePublicDiffers")).toEqual([
      "“三公”经费实际支出数不一致：“三公”经费表合计 1.88 万元（三公经费!C7），预算支出明细表“三公”经费行 1.90 万元（预算支出!D12），相差 0.02 万元；按“三公”经费表合计计算。",
    ]);
  });
});

describe("a budget table written 合计 first, a blank row, then its 其中：“三公”经费 row", () => {
  it("reads the 三公 row and every category after the blank, and compares it with the 三公 table", async () => {
    const snapshot = await withoutLabels();
    const budget = snapshot.sheets.find((s) => s.name === "预算支出");
    if (!budget) throw new Error("the sample has a 预算支出 sheet");
    budget.values = [
      ["支出类别", "年初预算数", "调整预算数", "决算数"],
      ["合计", 40568.73, 52362.14, 46665.43],
      [null, null, null, null],
      ["其中：“三公”经费", 13.5, 13.5, 1.9],
      ["一、基本支出", 2978.23, 3005.47, 2908.01],
      ["人员经费", 2594.87, 2646.39, 2561.68],
      ["日常公用经费", 383.36, 359.08, 346.32],
      ["二、项目支出", 37590.5, 49356.67, 43757.42],
    ];
    const alone = scoreSnapshot(snapshot);
    expect(alone.evaluation.budget.rows).toHaveLength(5);
    expect(alone.evaluation.budget.tiesOk).toBe(true);
    expect(alone.parse.input.threePublic).toMatchObject({
      cells: { budget: "预算支出!C4", actual: "预算支出!D4" },
    });
    expect(alone.parse.input.threePublic?.actual?.toString()).toBe("1.9");
    addSheet(snapshot, "三公经费", TABLE);
    expect(gapsOf(snapshot, "threePublicDiffers")).toEqual([
      "“三公”经费实际支出数不一致：“三公”经费表合计 1.88 万元（三公经费!C7），预算支出明细表“三公”经费行 1.90 万元（预算支出!D4），相差 0.02 万元；按“三公”经费表合计计算。",
    ]);
  });
});

describe("a second budget table with a 三公 row", () => {
  it("is a budget table (two years' tables: the year chooses), never the “三公”经费表", async () => {
    const snapshot = await sampleSnapshot();
    addSheet(snapshot, "2021预算", [
      ["2021 年度部门预算支出明细表", null, null, null],
      ["支出类别", "年初预算数", "调整预算数", "决算数"],
      ["基本支出", 100, 100, 90],
      ["项目支出", 50, 50, 40],
      ["其中：“三公”经费", 5, 5, 4],
      ["合计", 150, 150, 130],
    ]);
    const { parse } = scoreSnapshot(snapshot);
    expect(parse.found.some((f) => f.kind === "threePublic")).toBe(false);
    expect(parse.found.find((f) => f.kind === "budget")?.sheet).toBe("预算支出");
    expect(parse.input.threePublic?.budget?.toString()).toBe("13.5");
  });
});
