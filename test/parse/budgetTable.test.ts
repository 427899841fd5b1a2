/** The 部门预算支出明细表 as departments lay it out beyond the template. */
import type { WorkbookSnapshot } from "../../src/hosts/snapshot";
import { scoreSnapshot } from "../../src/pipeline/scoreWorkbook";
import { foshan2022 } from "../../src/standard/presets";
import { yueyangDepartment } from "../../src/standard/presets/published";
import { removeSheet, sampleSnapshot, setCell } from "./sampleSnapshot";

const totalOf = (snapshot: WorkbookSnapshot) => {
  const { parse, evaluation } = scoreSnapshot(snapshot);
  const total = parse.input.budget.rows.find((r) => r.category === "total");
  return { parse, evaluation, total };
};

const errors = (snapshot: WorkbookSnapshot) =>
  scoreSnapshot(snapshot).parse.problems.filter((p) => p.severity === "error");

/** Moves the sample's 合计 row (row 12) down to `row`, leaving the rows between blank. */
async function totalMovedTo(row: number): Promise<WorkbookSnapshot> {
  const snapshot = await sampleSnapshot();
  const totals: [string, string | number][] = [
    ["A", "合计"],
    ["B", 40568.73],
    ["C", 52362.14],
    ["D", 46665.43],
  ];
  for (const [column] of totals) setCell(snapshot, "预算支出", `${column}12`, null);
  for (const [column, value] of totals) setCell(snapshot, "预算支出", `${column}${row}`, value);
  return snapshot;
}

describe("the 合计 row below blank rows", () => {
  it.each([13, 14, 15])("reads a 合计 row at row %i, past the blank rows above it", async (row) => {
    const { parse, evaluation, total } = totalOf(await totalMovedTo(row));
    expect(parse.problems).toEqual([]);
    expect(total?.cells?.final).toBe(`预算支出!D${row}`);
    expect(total?.adjusted?.toString()).toBe("52362.14");
    expect(evaluation.budget.execution.table?.toString()).toBe("0.8912");
    expect(parse.found.find((f) => f.kind === "budget")?.range).toBe(`A3:D${row}`);
  });

  it("does not look past four blank rows", async () => {
    expect(errors(await totalMovedTo(16)).map((p) => p.message)).toEqual([
      "预算支出：部门预算支出明细表缺少“合计”行，无法按预算表计算执行率和勾稽关系",
    ]);
  });

  it("never reads the 合计 of another table below", async () => {
    const snapshot = await totalMovedTo(15);
    // Another table's header between: its 合计 is not the budget's.
    setCell(snapshot, "预算支出", "A14", "项目名称");
    setCell(snapshot, "预算支出", "B14", "项目预算");
    setCell(snapshot, "预算支出", "C14", "实际支出");
    expect(errors(snapshot).map((p) => p.message)).toEqual([
      "预算支出：部门预算支出明细表缺少“合计”行，无法按预算表计算执行率和勾稽关系",
    ]);
  });

  it("never reads a 合计 row whose amounts are blank past blank rows", async () => {
    const snapshot = await totalMovedTo(15);
    for (const column of ["B", "C", "D"]) setCell(snapshot, "预算支出", `${column}15`, null);
    expect(errors(snapshot).map((p) => p.message)).toEqual([
      "预算支出：部门预算支出明细表缺少“合计”行，无法按预算表计算执行率和勾稽关系",
    ]);
  });
});

/** The sample's budget as 支出类别 | `header` | 决算数: no 年初预算数 column. */
async function withoutInitial(header: string): Promise<WorkbookSnapshot> {
  const snapshot = await sampleSnapshot();
  const sheet = snapshot.sheets.find((s) => s.name === "预算支出")!;
  for (const row of sheet.values.slice(2)) row.splice(1, 1);
  setCell(snapshot, "预算支出", "B3", header);
  setCell(snapshot, "基本信息", "B6", null);
  return snapshot;
}

describe("a budget table without 年初预算数", () => {
  it.each(["全年预算数", "预算数", "调整预算数", "预算数（调整后）"])(
    "reads 支出类别 | %s | 决算数 and rates the 决算数 by it",
    async (header) => {
      const { parse, evaluation, total } = totalOf(await withoutInitial(header));
      expect(parse.problems).toEqual([]);
      expect(total?.initial).toBeNull();
      expect(total?.adjusted?.toString()).toBe("52362.14");
      expect(total?.cells).toEqual({
        label: "预算支出!A12",
        adjusted: "预算支出!B12",
        final: "预算支出!C12",
      });
      expect(parse.input.budget.missingColumns).toEqual(["initial"]);
      expect(evaluation.budget.execution.value?.toString()).toBe("0.8912");
      expect(evaluation.budget.columnNote).toBe(
        "预算支出明细表未列年初预算数，年初预算数一栏空缺，预算调整率无法计算。"
      );
    }
  );

  it("says the 预算调整率 needs the 年初预算数 the table does not have", async () => {
    const standard = { standard: yueyangDepartment, problems: [], sheet: "评分标准" };
    const { evaluation } = scoreSnapshot(await withoutInitial("全年预算数"), { standard });
    expect(evaluation.metrics.budgetAdjustmentRate?.reason).toBe(
      "预算支出明细表没有年初预算数列，无法计算预算调整率"
    );
  });

  it("says a 执行率口径 on 年初预算数 cannot be computed from it", async () => {
    const initialBase = {
      ...foshan2022,
      settings: { ...foshan2022.settings, executionRateBase: "initial" as const },
    };
    const standard = { standard: initialBase, problems: [], sheet: "评分标准" };
    const { evaluation } = scoreSnapshot(await withoutInitial("全年预算数"), { standard });
    expect(evaluation.budget.execution.value).toBeNull();
    expect(evaluation.budget.execution.reason).toBe(
      "评分标准的执行率口径为决算数 ÷ 年初预算数，但预算支出明细表没有年初预算数列，且未填报财政支出执行率"
    );
  });

  it("never takes a project list (项目 | 预算数 | 实际支出) for the budget table", async () => {
    const snapshot = await sampleSnapshot();
    removeSheet(snapshot, "预算支出");
    setCell(snapshot, "项目清单", "A3", "项目");
    setCell(snapshot, "项目清单", "B3", "预算数");
    const project: [string, string | number][] = [
      ["A", "社保信息系统运维"],
      ["B", 120],
      ["C", 110.5],
      ["D", "是"],
      ["E", 92],
    ];
    for (const [column, value] of project) setCell(snapshot, "项目清单", `${column}4`, value);
    const { parse } = scoreSnapshot(snapshot);
    expect(parse.problems.map((p) => p.message)).toEqual([
      "未找到部门预算支出明细表：请放置表头包含“支出类别”、“年初预算数”、“调整预算数”、“决算数”的表格（也可写作：全年预算数、调整后预算数、执行数、实际支出）",
    ]);
    expect(parse.input.projects.map((p) => p.name)).toEqual(["社保信息系统运维"]);
  });
});

/** The sample's 调整预算数 column (C) replaced by the change, 调整预算数 − 年初预算数, under `header`. */
async function withAdjustment(header: string): Promise<WorkbookSnapshot> {
  const snapshot = await sampleSnapshot();
  const changes: [number, number][] = [
    [4, 27.24],
    [5, 51.52],
    [6, -24.28],
    [7, 11766.17],
    [12, 11793.41],
  ];
  setCell(snapshot, "预算支出", "C3", header);
  for (const [row, change] of changes) setCell(snapshot, "预算支出", `C${row}`, change);
  return snapshot;
}

describe("a 预算调整数 column: the change, not the adjusted budget", () => {
  it.each(["预算调整数", "调整数", "调整金额"])(
    "adds %s to 年初预算数 for 调整预算数, and says so",
    async (header) => {
      const { parse, evaluation, total } = totalOf(await withAdjustment(header));
      expect(parse.problems).toEqual([]);
      expect(total?.adjusted?.toString()).toBe("52362.14");
      expect(total?.adjustment?.toString()).toBe("11793.41");
      expect(total?.cells?.adjusted).toBe("预算支出!C12");
      const rows = parse.input.budget.rows.map((r) => r.adjusted?.toString() ?? null);
      expect(rows).toEqual([
        "3005.47",
        "2646.39",
        "359.08",
        "49356.67",
        null,
        null,
        null,
        null,
        "52362.14",
      ]);
      expect(parse.input.budget.adjustedFrom).toBe(header);
      const { execution, columnNote } = evaluation.budget;
      expect(execution.table?.toString()).toBe("0.8912");
      expect(execution.text).toBe(
        `填报财政支出执行率 80.87%（按预算表：决算数 46,665.43 ÷ 调整预算数 52,362.14（年初预算数 40,568.73 + ${header} 11,793.41） = 89.12%）`
      );
      expect(columnNote).toBe(
        `调整预算数 = 年初预算数 + ${header}（预算支出明细表列的是${header}，不是调整后的预算数）。`
      );
    }
  );

  it.each(["调整预算数", "调整后预算数", "全年预算数", "预算数（调整后）"])(
    "keeps %s as the adjusted budget",
    async (header) => {
      const snapshot = await sampleSnapshot();
      setCell(snapshot, "预算支出", "C3", header);
      const { parse, evaluation, total } = totalOf(snapshot);
      expect(parse.problems).toEqual([]);
      expect(total?.adjusted?.toString()).toBe("52362.14");
      expect(parse.input.budget.adjustedFrom).toBeUndefined();
      expect(evaluation.budget.columnNote).toBeUndefined();
      expect(evaluation.budget.execution.table?.toString()).toBe("0.8912");
    }
  );

  it("says a change with no 年初预算数 to add it to gives no 调整预算数", async () => {
    const { parse, total } = totalOf(await withoutInitial("预算调整数"));
    expect(parse.problems.map((p) => p.message)).toEqual([
      "预算支出!B3：表中列的是“预算调整数”而没有年初预算数列，无法得出调整预算数，执行率未按预算表计算",
    ]);
    expect(total?.adjusted).toBeNull();
  });

  it("warns of a 合计 决算数 above its budget (执行率 over 100%), naming the cell", async () => {
    const snapshot = await sampleSnapshot();
    setCell(snapshot, "预算支出", "D7", 50091.99);
    setCell(snapshot, "预算支出", "D12", 53000);
    const { evaluation } = scoreSnapshot(snapshot);
    const over = evaluation.gaps.filter((g) => g.code === "spentOverBudget");
    expect(over).toEqual([
      {
        code: "spentOverBudget",
        severity: "warning",
        indicatorId: "executionRate",
        indicator: "财政支出执行率",
        message:
          "预算支出明细表合计行决算数 53,000.00 万元超过调整预算数 52,362.14 万元，执行率 101.22%（决算数见 预算支出!D12，调整预算数见 预算支出!C12）：或为超预算支出，或决算数、调整预算数取错了列（如把预算调整数当作调整预算数）；该指标得分以分值为限。",
        suggestion:
          "核对决算数和调整预算数是否取自部门决算报表的对应栏目；确属超预算支出的，在得分说明中写明原因。",
        cell: "预算支出!D12",
      },
    ]);
    expect(evaluation.budget.tiesOk).toBe(true);
  });

  it("raises no such warning for the sample (89.12%)", async () => {
    const { evaluation } = scoreSnapshot(await sampleSnapshot());
    expect(evaluation.gaps.filter((g) => g.code === "spentOverBudget")).toEqual([]);
  });
});

type Row = (string | number | null)[];

/** The sample with its budget replaced by a sheet 预算支出情况 of these rows (A1 first). */
async function withBudgetSheet(rows: Row[]): Promise<WorkbookSnapshot> {
  const snapshot = await sampleSnapshot();
  const at = snapshot.sheets.findIndex((s) => s.name === "预算支出");
  snapshot.sheets.splice(at, 1, { name: "预算支出情况", top: 0, left: 0, values: rows });
  return snapshot;
}

const SUB = ["基本支出", "项目支出", "合计"];

/** The probe's layout: 年初 / 调整 / 决算 over 基本支出 | 项目支出 | 合计, rows by source of funds. */
const splitBySource: Row[] = [
  ["部门预算支出明细表"],
  [null, null, null, null, null, null, null, null, null, "单位：万元"],
  ["支出类别", "年初预算数", null, null, "调整预算数", null, null, "决算数", null, null],
  [null, ...SUB, ...SUB, ...SUB],
  [
    "一般公共预算财政拨款",
    2978.23,
    30590.5,
    33568.73,
    3005.47,
    42356.67,
    45362.14,
    2908.01,
    37757.42,
    40665.43,
  ],
  ["其他资金", 0, 7000, 7000, 0, 7000, 7000, 0, 6000, 6000],
  ["合计", 2978.23, 37590.5, 40568.73, 3005.47, 49356.67, 52362.14, 2908.01, 43757.42, 46665.43],
];

describe("基本支出 / 项目支出 in columns under each amount", () => {
  it("takes each group's 合计 sub-column, and says which columns were read", async () => {
    const { parse, evaluation, total } = totalOf(await withBudgetSheet(splitBySource));
    expect(total).toMatchObject({
      cells: { initial: "预算支出情况!D7", adjusted: "预算支出情况!G7", final: "预算支出情况!J7" },
    });
    expect([total?.initial, total?.adjusted, total?.final].map(String)).toEqual([
      "40568.73",
      "52362.14",
      "46665.43",
    ]);
    expect(evaluation.budget.execution.table?.toString()).toBe("0.8912");
    expect(parse.problems).toEqual([
      {
        severity: "warning",
        sheet: "预算支出情况",
        cell: "A5",
        message: "预算支出情况!A5：无法识别支出类别“一般公共预算财政拨款”，该行未计入",
      },
      {
        severity: "warning",
        sheet: "预算支出情况",
        cell: "A6",
        message: "预算支出情况!A6：无法识别支出类别“其他资金”，该行未计入",
      },
    ]);
    expect(evaluation.gaps.filter((g) => g.code === "budgetSubColumns")).toEqual([
      {
        code: "budgetSubColumns",
        severity: "info",
        message:
          "预算支出明细表的金额分列填列，年初预算数取 D 列（合计），调整预算数取 G 列（合计），决算数取 J 列（合计）。",
        suggestion: "核对所取的列是否为各栏的合计数。",
        cell: "预算支出情况!B3",
      },
    ]);
    expect(parse.found.find((f) => f.kind === "budget")?.range).toBe("A3:J7");
  });

  it("adds 基本支出 + 项目支出 where there is no 合计 sub-column", async () => {
    const sub = ["基本支出", "项目支出"];
    const { parse, evaluation, total } = totalOf(
      await withBudgetSheet([
        ["支出类别", "年初预算数", null, "调整预算数", null, "决算数", null],
        [null, ...sub, ...sub, ...sub],
        ["一、基本支出", 2978.23, null, 3005.47, null, 2908.01, null],
        ["人员经费", 2594.87, null, 2646.39, null, 2561.68, null],
        ["日常公用经费", 383.36, null, 359.08, null, 346.32, null],
        ["二、项目支出", null, 37590.5, null, 49356.67, null, 43757.42],
        ["合计", 2978.23, 37590.5, 3005.47, 49356.67, 2908.01, 43757.42],
      ])
    );
    expect(parse.problems).toEqual([]);
    expect([total?.initial, total?.adjusted, total?.final].map(String)).toEqual([
      "40568.73",
      "52362.14",
      "46665.43",
    ]);
    const basic = parse.input.budget.rows.find((r) => r.category === "basic");
    expect(basic?.adjusted?.toString()).toBe("3005.47");
    expect(evaluation.budget.tiesOk).toBe(true);
    expect(evaluation.budget.execution.table?.toString()).toBe("0.8912");
    expect(evaluation.gaps.find((g) => g.code === "budgetSubColumns")?.message).toBe(
      "预算支出明细表的金额分列填列，年初预算数取 B 列 + C 列（基本支出 + 项目支出），调整预算数取 D 列 + E 列（基本支出 + 项目支出），决算数取 F 列 + G 列（基本支出 + 项目支出）。"
    );
  });

  it("refuses sub-columns it cannot add up, naming the header cell", async () => {
    const sub = ["财政拨款", "其他资金"];
    const { parse } = totalOf(
      await withBudgetSheet([
        ["支出类别", "年初预算数", null, "调整预算数", null, "决算数", null],
        [null, ...sub, ...sub, ...sub],
        ["一、基本支出", 2978.23, 0, 3005.47, 0, 2908.01, 0],
        ["合计", 33568.73, 7000, 45362.14, 7000, 40665.43, 6000],
      ])
    );
    expect(parse.problems.map((p) => p.message)).toEqual([
      "预算支出情况!B1：“年初预算数”下分“财政拨款”“其他资金”两列而没有“合计”列，无法确定取哪一列，部门预算支出明细表未读取，请增加“合计”列或合并为一列后重新计算。",
    ]);
    expect(parse.input.budget.rows).toEqual([]);
  });
});

describe("a budget table keyed by 科目编码 and 科目名称", () => {
  it("reads the categories from 科目名称, not from the codes beside them", async () => {
    const snapshot = await sampleSnapshot();
    const sheet = snapshot.sheets.find((s) => s.name === "预算支出")!;
    const codes: Record<string, string> = { 人员经费: "301", 日常公用经费: "302" };
    for (const row of sheet.values) row.unshift(codes[String(row[0])] ?? null);
    sheet.values[2][0] = "科目编码";
    sheet.values[2][1] = "科目名称";
    const { parse, evaluation, total } = totalOf(snapshot);
    expect(parse.problems).toEqual([]);
    expect(total?.cells?.label).toBe("预算支出!B12");
    expect(total?.final?.toString()).toBe("46665.43");
    const sample = totalOf(await sampleSnapshot()).evaluation;
    expect(evaluation.budget.execution.value?.toString()).toBe("0.8087");
    expect(evaluation.total.toString()).toBe(sample.total.toString());
    const staff = parse.input.budget.rows.find((r) => r.label === "人员经费");
    expect(staff?.adjusted?.toString()).toBe("2646.39");
  });
});

describe("a 决算数 a formula left with float noise (合计 − 项目支出)", () => {
  // 146,665.43 − 143,757.42 in binary floating point: the cached value is 2,908.00999999998.
  const noisy = 146665.43 - 143757.42;

  it("reads it as the amount it is, 2,908.01, and states no 0.000000 尾差", async () => {
    const snapshot = await sampleSnapshot();
    setCell(snapshot, "预算支出", "D7", 143757.42);
    setCell(snapshot, "预算支出", "D12", 146665.43);
    setCell(snapshot, "预算支出", "D4", noisy);
    const { parse, evaluation } = scoreSnapshot(snapshot);
    const basic = parse.input.budget.rows.find((r) => r.category === "basic");
    expect(basic?.final?.toString()).toBe("2908.01");
    const rounding = evaluation.gaps.filter((g) => g.code === "budgetRoundingDifference");
    // The sample's own 0.01 (2,561.68 + 346.32 = 2,908.00), and the 合计 ties exactly.
    expect(rounding.map((g) => g.message)).toEqual([
      "预算支出明细表决算数存在 0.01 万元尾差（决算数：基本支出 2,908.01 ≠ 人员经费 2,561.68 + 日常公用经费 346.32），多为按万元取整所致。",
    ]);
    expect(JSON.stringify(evaluation.gaps)).not.toMatch(/0\.000000|2,908\.0100/);
  });

  it("keeps the cents of a table kept in 元, whose amounts have six decimals in 万元", async () => {
    const snapshot = await sampleSnapshot();
    setCell(snapshot, "预算支出", "D2", "单位：元");
    setCell(snapshot, "预算支出", "D5", 25616800.37);
    const { parse } = scoreSnapshot(snapshot);
    const personnel = parse.input.budget.rows.find((r) => r.category === "personnel");
    expect(personnel?.final?.toString()).toBe("2561.680037");
  });
});

describe("a 自评得分 a formula left with float noise (=100-95.1)", () => {
  it("is read as the score it is, 4.9, and the total and the deduction say no 0.00 difference", async () => {
    const snapshot = await sampleSnapshot();
    // 资产管理情况 (分值 8) scored by a formula: 100 − 95.1 is cached as 4.90000000000001.
    setCell(snapshot, "绩效指标", "D7", 100 - 95.1);
    const { parse, evaluation } = scoreSnapshot(snapshot);
    const row = parse.input.indicators.find((i) => i.name === "资产管理情况");
    expect(row?.entered?.toString()).toBe("4.9");
    expect(evaluation.total.toString()).toBe("92.08");
    expect(JSON.stringify(evaluation.gaps)).not.toMatch(/0\.00 分|4\.9000/);
  });
});

describe("a budget table kept in 元: the adjustment and scale messages say its amounts in 元", () => {
  it("states 调整预算数 and 年初预算数 in 元, as the table prints them", async () => {
    const snapshot = await sampleSnapshot();
    setCell(snapshot, "预算支出", "D2", "单位：元");
    const { evaluation } = scoreSnapshot(snapshot);
    const messages = evaluation.gaps
      .filter((g) => g.code === "largeAdjustment")
      .map((g) => g.message);
    expect(messages).toHaveLength(2);
    for (const message of messages) {
      expect(message).toMatch(/调整预算数 [\d,.]+ 元较年初预算数 [\d,.]+ 元/);
      expect(message).not.toContain("万元");
    }
  });
});

describe("a budget table kept in 元 beside “三公” figures in 万元", () => {
  it("names 万元 in the “三公” computation, which the summary prints under 金额单位：元", async () => {
    const snapshot = await sampleSnapshot();
    setCell(snapshot, "预算支出", "D2", "单位：元");
    const { evaluation } = scoreSnapshot(snapshot);
    const control = evaluation.indicators.find((i) => i.id === "threePublicControl");
    expect(control?.basis ?? "").toMatch(/实际支出 [\d.]+ 万元 ÷ 预算 [\d.]+ 万元/);
  });
});
