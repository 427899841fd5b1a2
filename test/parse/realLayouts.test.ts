/**
 * Layouts finance offices really use (found in review), each read to the seed's figures —
 * or, where the workbook is ambiguous, said so instead of guessing.
 */
import type { CellValue, WorkbookSnapshot } from "../../src/hosts/snapshot";
import { FileWorkbook } from "../../src/hosts/file/fileWorkbook";
import { parseWorkbook } from "../../src/parse/parseWorkbook";
import { recalculate } from "../../src/pipeline/recalculate";
import { scoreSnapshot } from "../../src/pipeline/scoreWorkbook";
import { SAMPLE_PATH, sampleSnapshot, setCell } from "./sampleSnapshot";

const sheet = (name: string, values: CellValue[][], extra: Partial<{ hidden: boolean }> = {}) => ({
  name,
  top: 0,
  left: 0,
  values,
  ...extra,
});

/** The sample with its indicator sheet replaced. */
async function withIndicators(values: CellValue[][]): Promise<WorkbookSnapshot> {
  const snapshot = await sampleSnapshot();
  snapshot.sheets = snapshot.sheets.map((s) =>
    s.name === "绩效指标" ? sheet("绩效指标", values) : s
  );
  return snapshot;
}

const seedRows: [string, string, number, number][] = [
  ["管理效率", "预算绩效管理情况", 10, 10],
  ["管理效率", "财务管理情况", 20, 20],
  ["管理效率", "项目管理情况", 12, 12],
  ["管理效率", "资产管理情况", 8, 8],
  ["履职效能", "“三公”经费控制情况", 3, 3],
  ["履职效能", "财政支出执行率", 10, 5.18],
  ["履职效能", "重点工作完成率", 10, 10],
  ["履职效能", "项目绩效目标完成率", 7, 7],
  ["履职效能", "政治、经济、文化、社会、生态文明建设效益", 10, 10],
  ["履职效能", "公众或服务对象满意度", 5, 5],
  ["（报告未列明）", "报告未列明的指标", 5, 5],
];

describe("indicator tables as they are kept", () => {
  it("adds 三级 rows up into their 二级 indicator (一级 / 二级 / 三级 columns)", async () => {
    const rows: CellValue[][] = [["一级指标", "二级指标", "三级指标", "分值", "自评得分"]];
    for (const [l1, name, max, got] of seedRows) {
      if (name === "财务管理情况") {
        rows.push([l1, name, null, null, null]);
        rows.push(
          [null, null, "资金管理", 8, 8],
          [null, null, "会计核算", 6, 6],
          [null, null, "内部控制", 6, 6]
        );
      } else rows.push([l1, name, null, max, got]);
    }
    const { evaluation } = scoreSnapshot(await withIndicators(rows));
    expect(evaluation.total.toString()).toBe("95.18");
    expect(evaluation.maxTotal.toString()).toBe("100");
    const finance = evaluation.indicators.find((i) => i.id === "financialManagement");
    expect(finance?.entered?.toString()).toBe("20");
    expect(finance?.explanation).toContain("由 3 个下级指标汇总");
    expect(evaluation.gaps.filter((g) => g.severity === "error")).toEqual([]);
  });

  it("skips group rows such as “一、管理效率 | | 50 | 50”", async () => {
    const rows: CellValue[][] = [["一级指标", "指标", "分值", "自评得分"]];
    let group = "";
    for (const [l1, name, max, got] of seedRows) {
      if (l1 !== group) {
        group = l1;
        rows.push([l1, null, null, null]);
      }
      rows.push([null, name, max, got]);
    }
    rows.splice(1, 1, ["一、管理效率", null, 50, 50]);
    const { evaluation } = scoreSnapshot(await withIndicators(rows));
    expect(evaluation.total.toString()).toBe("95.18");
    expect(evaluation.grade).toBe("优");
  });

  it("skips a heading row whose 一级 is filled on every row beneath it, numbered or not", async () => {
    const rows: CellValue[][] = [["一级指标", "指标", "分值", "自评得分"]];
    let group = "";
    for (const [l1, name, max, got] of seedRows) {
      if (l1 !== group) {
        group = l1;
        rows.push([
          l1 === "管理效率" ? "一、管理效率" : l1 === "履职效能" ? "二、履职效能" : l1,
          null,
          l1 === "管理效率" ? 50 : l1 === "履职效能" ? 45 : 5,
          l1 === "管理效率" ? 50 : l1 === "履职效能" ? 40.18 : 5,
        ]);
      }
      rows.push([l1, name, max, got]);
    }
    const { evaluation, parse } = scoreSnapshot(await withIndicators(rows));
    expect(parse.input.indicators).toHaveLength(11);
    expect(evaluation.total.toString()).toBe("95.18");
    expect(evaluation.gaps.filter((g) => g.code === "unknownIndicator")).toEqual([]);
  });

  /** The seed's rows under 一级 headings (`一、管理效率 | | | 50 | 50`), in 一级 / 二级 / 三级 columns. */
  const headedRows = (threeLevels: (name: string) => CellValue[][] | null): CellValue[][] => {
    const rows: CellValue[][] = [["一级指标", "二级指标", "三级指标", "分值", "自评得分"]];
    const headings: Record<string, CellValue[]> = {
      管理效率: ["一、管理效率", null, null, 50, 50],
      履职效能: ["二、履职效能", null, null, 45, 40.18],
    };
    let group = "";
    for (const [l1, name, max, got] of seedRows) {
      if (l1 !== group && headings[l1]) rows.push(headings[l1] as CellValue[]);
      group = l1;
      const beneath = threeLevels(name);
      if (beneath) rows.push([null, name, null, null, null], ...beneath);
      else rows.push([headings[l1] ? null : l1, name, null, max, got]);
    }
    return rows;
  };

  it("skips 一级 headings when the table's 三级 column is there but blank", async () => {
    const { evaluation, parse } = scoreSnapshot(await withIndicators(headedRows(() => null)));
    expect(parse.input.indicators.map((i) => i.name)).toEqual(seedRows.map((r) => r[1]));
    expect(evaluation.maxTotal.toString()).toBe("100");
    expect(evaluation.total.toString()).toBe("95.18");
    expect(evaluation.grade).toBe("优");
  });

  it("skips 一级 headings above 二级 rows, some of them with 三级 rows of their own", async () => {
    const rows = headedRows((name) =>
      name === "财务管理情况"
        ? [
            [null, null, "资金管理", 8, 8],
            [null, null, "会计核算", 12, 12],
          ]
        : null
    );
    const { evaluation, parse } = scoreSnapshot(await withIndicators(rows));
    expect(parse.input.indicators.map((i) => i.name)).toEqual(
      seedRows.flatMap((r) => (r[1] === "财务管理情况" ? ["资金管理", "会计核算"] : [r[1]]))
    );
    expect(parse.input.indicators[1]).toMatchObject({
      level1: "一、管理效率",
      level2: "财务管理情况",
    });
    expect(evaluation.total.toString()).toBe("95.18");
    const finance = evaluation.indicators.find((i) => i.id === "financialManagement");
    expect(finance?.entered?.toString()).toBe("20");
  });

  it("skips 一级 subtotal rows after their indicators (named, or only repeating the 一级)", async () => {
    const rows: CellValue[][] = [["一级指标", "指标", "分值", "自评得分"]];
    for (const [l1, name, max, got] of seedRows) rows.push([l1, name, max, got]);
    rows.splice(5, 0, ["管理效率", null, 50, 50]);
    rows.splice(12, 0, ["履职效能小计", null, 45, 40.18]);
    const { evaluation, parse } = scoreSnapshot(await withIndicators(rows));
    expect(parse.input.indicators.map((i) => i.name)).toEqual(seedRows.map((r) => r[1]));
    expect(evaluation.total.toString()).toBe("95.18");
  });

  /**
   * A department's own table in 一级 / 二级 / 三级 columns, the 三级 blank: under 效益, 可持续影响's
   * 分值 10 equals 社会效益's above it. `repeat` fills the 一级 on every row instead of once.
   */
  const ownTable = (repeat: boolean, extra: CellValue[][] = []): WorkbookSnapshot => {
    const rows: [string, string, number, number][] = [
      ["投入", "预算编制", 20, 18],
      ["过程", "财务管理", 20, 19],
      ["过程", "资产管理", 10, 10],
      ["产出", "产出数量", 20, 20],
      ["效益", "社会效益", 10, 9],
      ["效益", "可持续影响", 10, 8],
      ["满意度", "服务对象满意度", 10, 9.25],
    ];
    const values: CellValue[][] = [
      ["一级指标", "二级指标", "三级指标", "分值", "得分", "扣分原因"],
    ];
    rows.forEach(([l1, l2, max, got], i) => {
      const first = i === 0 || rows[i - 1]?.[0] !== l1;
      values.push([repeat || first ? l1 : null, l2, null, max, got, null]);
      if (l2 === "可持续影响") values.push(...extra);
    });
    values.push(["合计", null, null, 100, 93.25, null]);
    return { sheets: [sheet("自评", values)] };
  };

  it.each([
    ["merged (written once)", false],
    ["repeated on every row", true],
  ])(
    "keeps a 二级 row whose 分值 equals the rows above it in a table with a 三级 column (一级 %s)",
    (_, repeat) => {
      const { evaluation, parse } = scoreSnapshot(ownTable(repeat));
      expect(parse.input.indicators.map((i) => [i.level1, i.name, String(i.max)])).toContainEqual([
        "效益",
        "可持续影响",
        "10",
      ]);
      expect(parse.input.indicators).toHaveLength(7);
      expect(evaluation.maxTotal.toString()).toBe("100");
      expect(evaluation.total.toString()).toBe("93.25");
      expect(evaluation.grade).toBe("优");
    }
  );

  it("still skips a subtotal that only repeats the 一级 in a table with a 三级 column", () => {
    const { evaluation, parse } = scoreSnapshot(
      ownTable(true, [["效益", null, null, 20, 17, null]])
    );
    expect(parse.input.indicators.map((i) => i.name)).not.toContain("效益");
    expect(parse.input.indicators).toHaveLength(7);
    expect(evaluation.total.toString()).toBe("93.25");
    expect(evaluation.grade).toBe("优");
  });

  it("scores a 一级 that has no 二级 beneath it as an indicator of its own", async () => {
    const rows: CellValue[][] = [
      ["一级指标", "指标", "分值", "自评得分"],
      ["产出", "产出指标", 50, 48],
      ["满意度", null, 10, 9],
    ];
    const { parse } = scoreSnapshot(await withIndicators(rows));
    expect(
      parse.input.indicators.map((i) => [i.name, i.max?.toString(), i.entered?.toString()])
    ).toEqual([
      ["产出指标", "50", "48"],
      ["满意度", "10", "9"],
    ]);
  });

  it("drops an indicator marked 不适用 and rescales the rest to 100", async () => {
    const rows: CellValue[][] = [["一级指标", "指标", "分值", "自评得分", "得分说明"]];
    for (const [l1, name, max, got] of seedRows)
      rows.push([
        l1,
        name,
        max,
        name === "项目绩效目标完成率" ? "不适用" : got,
        name === "项目绩效目标完成率" ? "本年无项目支出" : null,
      ]);
    const { evaluation } = scoreSnapshot(await withIndicators(rows));
    const row = evaluation.indicators.find((i) => i.name === "项目绩效目标完成率");
    expect(row).toMatchObject({ notApplicable: true, countedFrom: "notApplicable" });
    expect(row?.explanation).toBe(
      "不适用，已剔除（分值 7.00 不计入，总分按其余指标折算）；说明：本年无项目支出"
    );
    // (95.18 − 7) × 100 ÷ 93 = 94.817… → 94.82
    expect(evaluation.sum.toString()).toBe("88.18");
    expect(evaluation.total.toString()).toBe("94.82");
    expect(evaluation.grade).toBe("优");
    expect(evaluation.gaps.find((g) => g.code === "notApplicable")?.message).toBe(
      "“项目绩效目标完成率”不适用，已剔除；总分 = 其余指标得分 88.18 × 100.00 ÷ 其余指标分值 93.00 = 94.82 分。"
    );
    expect(evaluation.gaps.some((g) => g.code === "missingScore")).toBe(false);
  });

  it("takes 分值 from the standard when the table has no 分值 column, and says so", async () => {
    const rows: CellValue[][] = [["一级指标", "指标", "自评得分"]];
    for (const [l1, name, , got] of seedRows) rows.push([l1, name, got]);
    const { evaluation } = scoreSnapshot(await withIndicators(rows));
    expect(evaluation.total.toString()).toBe("95.18");
    expect(evaluation.maxTotal.toString()).toBe("100");
    expect(evaluation.gaps.find((g) => g.code === "maxFromStandard")?.message).toBe(
      "绩效指标表没有分值列，分值取自评分标准“2022 年度佛山市市级部门整体支出绩效自评表”。"
    );
    expect(evaluation.gaps.some((g) => g.code === "maxMismatch")).toBe(false);
  });

  it("reads on past a 合计 row in the middle", async () => {
    const rows: CellValue[][] = [
      ["一级指标", "指标", "分值", "自评得分"],
      ...seedRows.slice(0, 4).map((r) => [r[0], r[1], r[2], r[3]]),
    ];
    rows.push(["合计", null, 50, 50], ...seedRows.slice(4).map((r) => [r[0], r[1], r[2], r[3]]));
    const { evaluation } = scoreSnapshot(await withIndicators(rows));
    expect(evaluation.total.toString()).toBe("95.18");
    expect(evaluation.gaps.some((g) => g.code === "missingScore")).toBe(false);
  });

  it("flags an indicator listed twice and counts it once", async () => {
    const rows: CellValue[][] = [
      ["一级指标", "指标", "分值", "自评得分"],
      ...seedRows.map((r) => [r[0], r[1], r[2], r[3]]),
    ];
    rows.push(["管理效率", "财务管理情况", 20, 18]);
    const { evaluation } = scoreSnapshot(await withIndicators(rows));
    expect(evaluation.total.toString()).toBe("95.18");
    const gap = evaluation.gaps.find((g) => g.code === "duplicateIndicator");
    expect(gap?.message).toBe(
      "“财务管理情况”重复填报（绩效指标!B3 与 绩效指标!B13），只计入第一次填报的得分。"
    );
  });

  it("reads headers with a unit in brackets: 分值（分）, 得分（分）", async () => {
    const rows: CellValue[][] = [
      ["一级指标", "指标", "分值（分）", "得分（分）"],
      ...seedRows.map((r) => [r[0], r[1], r[2], r[3]]),
    ];
    const { evaluation } = scoreSnapshot(await withIndicators(rows));
    expect(evaluation.total.toString()).toBe("95.18");
  });
});

describe("key tasks", () => {
  it("is not fooled by 重点工作完成情况 in an indicator's explanation", async () => {
    const snapshot = await sampleSnapshot();
    setCell(snapshot, "绩效指标", "E10", "2022 年度重点工作完成情况见下表");
    const { parse, evaluation } = scoreSnapshot(snapshot);
    expect(parse.input.keyTasks.map((t) => t.name)).toEqual([
      "依托省服务平台提升网办服务水平",
      "搭建社保中台增强经办服务支撑能力",
      "推进“快办行动”",
      "加快建设“社银双系统”和“24小时社银服务区”",
      "加快建设“湾区社保服务通”",
    ]);
    expect(
      evaluation.indicators.find((i) => i.id === "keyTaskCompletion")?.computed?.toString()
    ).toBe("10");
  });

  it("does not read an unknown completion as “not done” (the seed's 完成情况-only table)", async () => {
    const snapshot = await sampleSnapshot();
    snapshot.sheets = snapshot.sheets.map((s) =>
      s.name === "重点工作"
        ? sheet("重点工作", [
            ["序号", "工作任务", "完成情况"],
            [1, "依托省服务平台提升网办服务水平", "共 190 项社保业务实现网办"],
            [2, "搭建社保中台增强经办服务支撑能力", "41 个高频事项“全城通办”"],
          ])
        : s
    );
    const { evaluation } = scoreSnapshot(snapshot);
    const tasks = evaluation.indicators.find((i) => i.id === "keyTaskCompletion");
    expect(tasks?.computed).toBeNull();
    expect(tasks?.notComputableReason).toBe("2 项重点工作未填写是否完成");
    expect(evaluation.gaps.some((g) => g.code === "keyTasksIncomplete")).toBe(false);
    expect(tasks?.counted.toString()).toBe("10");
  });
});

describe("budget tables", () => {
  const header = ["支出类别", "年初预算数", "调整预算数", "决算数"];
  const seedBudget: CellValue[][] = [
    ["一、基本支出", 2978.23, 3005.47, 2908.01],
    ["人员经费", 2594.87, 2646.39, 2561.68],
    ["日常公用经费", 383.36, 359.08, 346.32],
    ["二、项目支出", 37590.5, 49356.67, 43757.42],
    ["合计", 40568.73, 52362.14, 46665.43],
  ];
  async function withBudget(values: CellValue[][]) {
    const snapshot = await sampleSnapshot();
    snapshot.sheets = snapshot.sheets.map((s) =>
      s.name === "预算支出" ? sheet("预算支出", values) : s
    );
    return scoreSnapshot(snapshot);
  }

  it("reads a 合计 row written first", async () => {
    const { evaluation } = await withBudget([header, seedBudget[4], ...seedBudget.slice(0, 4)]);
    expect(evaluation.budget.rows).toHaveLength(5);
    expect(evaluation.budget.tiesOk).toBe(true);
    expect(evaluation.budget.execution.table?.toString()).toBe("0.8912");
  });

  it("reads a 合计 row written first with a blank row after it, and every category below", async () => {
    const blank = [null, null, null, null];
    const { evaluation } = await withBudget([
      header,
      seedBudget[4],
      blank,
      ...seedBudget.slice(0, 4),
    ]);
    expect(evaluation.budget.rows.map((r) => r.category)).toEqual([
      "total",
      "basic",
      "personnel",
      "publicOperating",
      "project",
    ]);
    expect(evaluation.budget.tiesOk).toBe(true);
    expect(evaluation.budget.execution.table?.toString()).toBe("0.8912");
  });

  it("reads across a blank row inside the table", async () => {
    const { evaluation } = await withBudget([
      header,
      ...seedBudget.slice(0, 3),
      [null, null, null, null],
      ...seedBudget.slice(3),
    ]);
    expect(evaluation.budget.rows.map((r) => r.category)).toEqual([
      "basic",
      "personnel",
      "publicOperating",
      "project",
      "total",
    ]);
  });

  it.each(["支出总计", "合计数", "本年支出总计", "合　计", "总 计", "支出合计"])(
    "reads a total row labelled %s as the 合计",
    async (label) => {
      const { evaluation, parse } = await withBudget([
        header,
        ...seedBudget.slice(0, 4),
        [label, ...seedBudget[4].slice(1)],
      ]);
      expect(evaluation.budget.rows.map((r) => r.category)).toContain("total");
      expect(evaluation.budget.tiesOk).toBe(true);
      expect(evaluation.budget.execution.table?.toString()).toBe("0.8912");
      expect(parse.problems).toEqual([]);
    }
  );

  it.each(["收入总计", "收支总计"])(
    "never takes %s (an income or balance total) for the spending 合计",
    async (label) => {
      const { evaluation, parse } = await withBudget([
        header,
        ...seedBudget.slice(0, 4),
        [label, ...seedBudget[4].slice(1)],
      ]);
      expect(evaluation.budget.rows.map((r) => r.category)).not.toContain("total");
      expect(parse.problems.map((p) => p.message)).toContain(
        "预算支出：部门预算支出明细表缺少“合计”行，无法按预算表计算执行率和勾稽关系"
      );
    }
  );

  it("says so when the 合计 row is missing", async () => {
    const { parse } = await withBudget([header, ...seedBudget.slice(0, 4)]);
    expect(parse.problems.map((p) => p.message)).toContain(
      "预算支出：部门预算支出明细表缺少“合计”行，无法按预算表计算执行率和勾稽关系"
    );
  });

  it("reads 单位：人民币元 as 元", async () => {
    const inYuan = seedBudget.map((r) =>
      r.map((v) => (typeof v === "number" ? Math.round(v * 10000) : v))
    );
    const { evaluation } = await withBudget([
      [null, null, null, "单位：人民币元"],
      header,
      ...inYuan,
    ]);
    expect(evaluation.budget.rows.find((r) => r.category === "total")?.final?.toString()).toBe(
      "46665.43"
    );
  });

  /** The seed's table in 元, its 基本支出 决算数 (and 合计) `extra` 元 above its parts. */
  const inYuanWith = (extra: number): CellValue[][] => [
    [null, null, null, "单位：元"],
    header,
    ["一、基本支出", 29782300, 30054700, 29080000 + extra],
    ["人员经费", 25948700, 26463900, 25616800],
    ["日常公用经费", 3833600, 3590800, 3463200],
    ["二、项目支出", 375905000, 493566700, 437574200],
    ["合计", 405687300, 523621400, 466654200 + extra],
  ];

  it("checks a table kept in 元 to the cent, and states the difference in 元", async () => {
    const { evaluation } = await withBudget(inYuanWith(12.34));
    const messages = evaluation.gaps.filter((g) => g.code === "budgetNotTying");
    expect(messages.map((g) => [g.message, g.cell])).toEqual([
      [
        "预算支出明细表不平：决算数基本支出不等于人员经费与日常公用经费之和（决算数：基本支出 29,080,012.34 ≠ 人员经费 25,616,800.00 + 日常公用经费 3,463,200.00，相差 12.34 元）。",
        "预算支出!D3",
      ],
    ]);
    expect(evaluation.budget.tiesOk).toBe(false);
  });

  it("writes the execution rate of a table kept in 元 in 元, exactly as the sheet shows it", async () => {
    const { evaluation } = await withBudget(inYuanWith(0));
    expect(evaluation.budget.execution.text).toContain(
      "决算数 466,654,200.00 元 ÷ 调整预算数 523,621,400.00 元 = 89.12%"
    );
  });

  it("calls a difference of 0.01 元 in a table kept in 元 a 尾差 in 元", async () => {
    const { evaluation } = await withBudget(inYuanWith(0.01));
    expect(evaluation.gaps.filter((g) => g.code === "budgetNotTying")).toEqual([]);
    expect(
      evaluation.gaps.filter((g) => g.code === "budgetRoundingDifference").map((g) => g.message)
    ).toEqual([
      "预算支出明细表决算数存在 0.01 元尾差（决算数：基本支出 29,080,000.01 ≠ 人员经费 25,616,800.00 + 日常公用经费 3,463,200.00），多为按元取整所致。",
    ]);
    expect(evaluation.budget.tiesOk).toBe(true);
  });
});

describe("sheets that are not input", () => {
  it("ignores hidden sheets", async () => {
    const snapshot = await sampleSnapshot();
    const old = structuredClone(snapshot.sheets.find((s) => s.name === "预算支出")!);
    old.name = "旧表";
    old.hidden = true;
    old.values = old.values.map((r) => r.map((v) => (typeof v === "number" ? v * 2 : v)));
    snapshot.sheets.unshift(old);
    const { parse } = scoreSnapshot(snapshot);
    expect(parse.found.find((f) => f.kind === "budget")?.sheet).toBe("预算支出");
  });

  it("never reads an old summary it wrote, even renamed and unmarked", async () => {
    const book = await FileWorkbook.fromFile(SAMPLE_PATH);
    const info = book.workbook.getWorksheet("基本信息")!;
    info.getCell("A6").value = null;
    info.getCell("B6").value = null;
    await recalculate(book, { date: "2026-11-27" });
    const snapshot = await book.read();
    const summary = snapshot.sheets.find((s) => s.name === "绩效自评汇总")!;
    summary.name = "汇总-定稿";
    delete snapshot.ownedSheets;
    const { input } = parseWorkbook(snapshot);
    expect(input.budget.officialExecutionRate ?? null).toBeNull();
    expect(input.indicators).toHaveLength(11);
  });
});
