/**
 * Headers as other departments and cities write them: score columns named 评价得分 or under a
 * 自评情况 heading, 评分标准 headings such as 指标分值 / 计分办法, a department table with a
 * 评分方法 column of prose, and sheets that look like a standard but cannot be scored by.
 */
import type { CellValue, WorkbookSnapshot } from "../../src/hosts/snapshot";
import { parseWorkbook } from "../../src/parse/parseWorkbook";
import { scoreSnapshot } from "../../src/pipeline/scoreWorkbook";
import { removeSheet, sampleSnapshot, setCell } from "./sampleSnapshot";

const addSheet = (snapshot: WorkbookSnapshot, name: string, values: CellValue[][]) =>
  snapshot.sheets.push({ name, top: 0, left: 0, values });
/** “三公”经费预算数 and 实际支出数 in 基本信息's rows 8 and 9, their labels ending `unit`. */
const threePublicAt = (
  snapshot: WorkbookSnapshot,
  unit: string,
  budget: CellValue,
  actual: CellValue
) => {
  setCell(snapshot, "基本信息", "A8", `“三公”经费预算数${unit}`);
  setCell(snapshot, "基本信息", "B8", budget);
  setCell(snapshot, "基本信息", "A9", `“三公”经费实际支出数${unit}`);
  setCell(snapshot, "基本信息", "B9", actual);
};
const totalOf = (snapshot: WorkbookSnapshot) => scoreSnapshot(snapshot).evaluation.total.toFixed(2);

describe("the 绩效指标表's score column under other names", () => {
  it.each(["评价得分", "考评得分", "指标得分", "得分情况"])(
    "reads scores headed “%s” (the sample's 95.18)",
    async (header) => {
      const snapshot = await sampleSnapshot();
      setCell(snapshot, "绩效指标", "D3", header);
      expect(totalOf(snapshot)).toBe("95.18");
    }
  );

  it("reads 得分 and 扣分原因 under a 自评情况 heading (a two-row header)", async () => {
    const snapshot = await sampleSnapshot();
    const upper = ["一级指标", "指标", "分值", "自评情况", null];
    const lower = [null, null, null, "得分", "扣分原因"];
    upper.forEach((v, i) => setCell(snapshot, "绩效指标", `${"ABCDE"[i]}2`, v));
    lower.forEach((v, i) => setCell(snapshot, "绩效指标", `${"ABCDE"[i]}3`, v));
    const { evaluation } = scoreSnapshot(snapshot);
    expect(evaluation.total.toFixed(2)).toBe("95.18");
    const projects = evaluation.indicators.find((i) => i.name === "项目管理情况");
    expect(projects?.explanation).toContain("本部门项目共 53 个");
  });

  it("keeps a department table with a 评分方法 column of prose as the department's", async () => {
    const snapshot = await sampleSnapshot();
    setCell(snapshot, "绩效指标", "F3", "评分方法");
    setCell(snapshot, "绩效指标", "F4", "制度健全、执行到位得满分，否则酌情扣分");
    const parsed = parseWorkbook(snapshot);
    expect(parsed.input.standard).toBeUndefined();
    expect(totalOf(snapshot)).toBe("95.18");
  });
});

describe("评分标准 sheets as other cities head them", () => {
  const rows: CellValue[][] = [
    ["一级指标", "二级指标", "指标分值", "计分办法", "考核内容", "上限"],
    ["投入", "预算执行率", 10, "按完成比例得分", "财政支出执行率", "100%"],
    ["产出", "重点工作", 90, "主观评分", null, null],
  ];

  it("reads 指标分值 and 计分办法 as 分值 and 计分方法", async () => {
    const snapshot = await sampleSnapshot();
    addSheet(snapshot, "评分标准", rows);
    const standard = parseWorkbook(snapshot).input.standard?.standard;
    expect(standard?.indicators.map((i) => [i.name, i.max.toString(), i.rule.kind])).toEqual([
      ["预算执行率", "10", "ratioCapped"],
      ["重点工作", "90", "judgment"],
    ]);
  });

  it("sets aside a 评分细则 sheet of prose rules, says so, and scores by the preset", async () => {
    const snapshot = await sampleSnapshot();
    addSheet(snapshot, "评分细则", [
      ["一级指标", "二级指标", "分值", "评分方法"],
      ["管理效率", "财务管理情况", 20, "财务制度健全得满分，每发现一项问题扣 2 分"],
      ["履职效能", "财政支出执行率", 10, "执行率达到 100% 得满分"],
    ]);
    const { evaluation, parse } = scoreSnapshot(snapshot);
    expect(evaluation.standard.source).toBe("cityYear");
    expect(evaluation.total.toFixed(2)).toBe("95.18");
    expect(parse.problems.map((p) => p.message)).toContain(
      "“评分细则”表的计分方法列（D1 以下）没有可识别的计分方法，只作参考，未作为评分标准使用"
    );
  });

  it("never reads a 评分标准 sheet it cannot use as the department's figures, and says why", async () => {
    const snapshot = await sampleSnapshot();
    addSheet(snapshot, "评分标准", [
      ["一级指标", "二级指标", "分值", "评分标准", "考核内容"],
      ["履职效能", "财政支出执行率", 10, "线性区间得分", "财政支出执行率"],
    ]);
    const { evaluation, parse } = scoreSnapshot(snapshot);
    // The sample's own 财政支出执行率 80.87%, not the 分值 10 beside the label in 评分标准!C2.
    expect(parse.input.budget.officialExecutionRate?.toString()).toBe("0.8087");
    expect(evaluation.total.toFixed(2)).toBe("95.18");
    const problem = parse.problems.find((p) => p.sheet === "评分标准");
    expect(problem?.severity).toBe("error");
    expect(problem?.message).toMatch(
      /^“评分标准”表未能识别为评分标准（表头须含.*“计分方法”），未使用/
    );
  });
});

describe("a 项目清单 kept by category", () => {
  it("counts projects only: not a category's heading, its 小计, or a 合计 above the projects", async () => {
    const snapshot = await sampleSnapshot();
    const rows: CellValue[][] = [
      ["合计", 250, 230, null, null],
      ["一、基本建设类", null, null, null, null],
      ["社保卡发行项目", 120, 110, "是", 95],
      ["档案数字化项目", 80, 70, "否", null],
      ["小计", 200, 180, null, null],
      ["（二）信息化类", null, null, null, null],
      ["一、二期系统运维", 50, 50, "是", 90],
      ["信息化类小计", 50, 50, null, null],
      ["合计", 250, 230, null, null],
      ["不是项目", 1, 1, "是", 80],
    ];
    rows.forEach((r, i) =>
      r.forEach((v, c) => setCell(snapshot, "项目清单", `${"ABCDE"[c]}${4 + i}`, v))
    );
    const { evaluation, parse } = scoreSnapshot(snapshot);
    expect(parse.input.projects.map((p) => p.name)).toEqual([
      "社保卡发行项目",
      "档案数字化项目",
      "一、二期系统运维",
    ]);
    // 2 of 3 self-evaluated.
    expect(evaluation.metrics.projectEvaluationCoverage?.value?.toFixed(4)).toBe("0.6667");
  });
});

describe("a 项目清单 whose total row is worded as in a 部门决算", () => {
  it.each(["支出总计", "合计数"])(
    "passes over a %s above the projects and ends at one below",
    async (label) => {
      const snapshot = await sampleSnapshot();
      const rows: CellValue[][] = [
        [label, 200, 180, null, null],
        ["社保卡发行项目", 120, 110, "是", 95],
        ["档案数字化项目", 80, 70, "否", null],
        [label, 200, 180, null, null],
        ["不是项目", 1, 1, "是", 80],
      ];
      rows.forEach((r, i) =>
        r.forEach((v, c) => setCell(snapshot, "项目清单", `${"ABCDE"[c]}${4 + i}`, v))
      );
      const { parse } = scoreSnapshot(snapshot);
      expect(parse.input.projects.map((p) => p.name)).toEqual(["社保卡发行项目", "档案数字化项目"]);
    }
  );
});

describe("a 项目清单 whose category headings stand in the 序号 column", () => {
  it("reads the projects under every heading, and stops at the note below the list", async () => {
    const snapshot = await sampleSnapshot();
    const sheet = snapshot.sheets.find((s) => s.name === "项目清单")!;
    sheet.values = [
      ["项目清单", null, null, null, null, null],
      ["序号", "项目名称", "项目预算", "实际支出", "是否开展自评", "自评得分"],
      ["一、信息化类", null, null, null, null, null],
      [1, "社保卡发行项目", 120, 110, "是", 95],
      [2, "档案数字化项目", 80, 70, "否", null],
      ["二、其他类", null, null, null, null, null],
      [3, "宣传项目", 50, 50, "是", 90],
      [null, null, null, null, null, null],
      ["注：自评得分为项目支出绩效自评表的总分。", null, null, null, null, null],
      [null, "工作任务", "是否完成", null, null, null],
    ];
    delete sheet.numberFormats;
    const { evaluation, parse } = scoreSnapshot(snapshot);
    expect(parse.input.projects.map((p) => p.name)).toEqual([
      "社保卡发行项目",
      "档案数字化项目",
      "宣传项目",
    ]);
    expect(evaluation.metrics.projectEvaluationCoverage?.value?.toFixed(4)).toBe("0.6667");
  });
});

describe("key tasks' completion in the words departments use", () => {
  it.each([
    ["全面完成", true],
    ["已全面完成", true],
    ["按期完成", true],
    ["已完成。", true],
    ["尚未完成", false],
    ["未按期完成", false],
    ["正在推进", false],
    ["部分完成", false],
  ])("“%s” is done: %s", async (word, done) => {
    const snapshot = await sampleSnapshot();
    setCell(snapshot, "重点工作", "C3", word);
    const { parse } = scoreSnapshot(snapshot);
    expect(parse.input.keyTasks?.[0]?.done).toBe(done);
    expect(parse.problems.filter((p) => p.sheet === "重点工作")).toEqual([]);
  });
});

describe("“三公”经费 kept in 元", () => {
  const threePublic = (snapshot: WorkbookSnapshot) =>
    scoreSnapshot(snapshot).parse.input.threePublic;

  it("reads a label ending （单位：元） as its unit, not as `label：value`", async () => {
    const snapshot = await sampleSnapshot();
    threePublicAt(snapshot, "（单位：元）", 135000, 18800);
    const read = threePublic(snapshot);
    expect([read?.budget?.toString(), read?.actual?.toString()]).toEqual(["13.5", "1.88"]);
  });

  it("takes the unit from a 单位：元 note just above the labels or a 金额（元） header over the values", async () => {
    for (const [cell, note] of [
      ["C7", "单位：元"],
      ["B2", "金额（元）"],
    ]) {
      const snapshot = await sampleSnapshot();
      setCell(snapshot, "基本信息", cell, note);
      threePublicAt(snapshot, "", 135000, 18800);
      const read = threePublic(snapshot);
      expect([note, read?.budget?.toString(), read?.actual?.toString()]).toEqual([
        note,
        "13.5",
        "1.88",
      ]);
    }
  });
});

describe("amounts typed with their unit", () => {
  it("reads 13.50万元 and 18,800元 in their own units, whatever the label says", async () => {
    for (const unit of ["", "（万元）", "（元）"]) {
      const snapshot = await sampleSnapshot();
      threePublicAt(snapshot, unit, "13.50万元", "18,800元");
      const { parse } = scoreSnapshot(snapshot);
      const read = parse.input.threePublic;
      expect([unit, read?.budget?.toString(), read?.actual?.toString()]).toEqual([
        unit,
        "13.5",
        "1.88",
      ]);
      expect(
        parse.problems.filter((p) => p.cell?.startsWith("B8") || p.cell?.startsWith("B9"))
      ).toEqual([]);
    }
  });

  it("reads a budget table's amount typed with its unit in that unit", async () => {
    const snapshot = await sampleSnapshot();
    setCell(snapshot, "预算支出", "D12", "466,654,300元"); // the 合计 决算数, 46,665.43 万元
    const { parse, evaluation } = scoreSnapshot(snapshot);
    const total = parse.input.budget.rows.find((r) => r.category === "total");
    expect(total?.final?.toString()).toBe("46665.43");
    expect(evaluation.total.toString()).toBe("95.18");
  });
});

describe("the 绩效指标表 with a gap in it and notes under it", () => {
  it("reads on across a blank row between groups", async () => {
    const snapshot = await sampleSnapshot();
    for (const c of "ABCDE") setCell(snapshot, "绩效指标", `${c}7`, null);
    const { evaluation, parse } = scoreSnapshot(snapshot);
    const rate = parse.input.indicators.find((i) => i.name === "财政支出执行率");
    expect(rate?.entered?.toString()).toBe("5.18");
    expect(rate?.cells?.entered).toBe("绩效指标!D9");
    // 95.18 less the 8 points of 资产管理情况, the row left blank (未填报: 0 分).
    expect(evaluation.total.toFixed(2)).toBe("87.18");
  });

  it("never reads a notes block's definitions as the department's figures", async () => {
    const snapshot = await sampleSnapshot();
    setCell(snapshot, "绩效指标", "A17", "附：指标计算口径");
    setCell(snapshot, "绩效指标", "B18", "财政支出执行率");
    setCell(snapshot, "绩效指标", "C18", "决算数÷调整预算数");
    setCell(snapshot, "绩效指标", "B19", "满意度");
    setCell(snapshot, "绩效指标", "C19", "第三方机构问卷调查结果");
    const { evaluation, parse } = scoreSnapshot(snapshot);
    expect(parse.problems.filter((p) => p.sheet === "绩效指标")).toEqual([]);
    expect(parse.input.budget.officialExecutionRate?.toString()).toBe("0.8087");
    expect(evaluation.total.toFixed(2)).toBe("95.18");
  });
});

describe("a labelled amount below a table kept in another unit", () => {
  it("never takes the unit of a table's header above it (the table's unit is its own)", async () => {
    const snapshot = await sampleSnapshot();
    setCell(snapshot, "预算支出", "B3", "年初预算数（元）");
    setCell(snapshot, "基本信息", "A8", null);
    setCell(snapshot, "基本信息", "A9", null);
    setCell(snapshot, "预算支出", "A18", "“三公”经费预算数");
    setCell(snapshot, "预算支出", "B18", 13.5);
    setCell(snapshot, "预算支出", "A19", "“三公”经费实际支出数");
    setCell(snapshot, "预算支出", "B19", 1.88);
    const read = scoreSnapshot(snapshot).parse.input.threePublic;
    expect([read?.budget?.toString(), read?.actual?.toString()]).toEqual(["13.5", "1.88"]);
  });
});

describe("amounts kept in 元 are said in 元", () => {
  it("says a “三公” overrun in 元, as the sheet keeps it (never 15.234567 万元)", async () => {
    const snapshot = await sampleSnapshot();
    threePublicAt(snapshot, "（元）", 135000, 152345.67);
    const { evaluation } = scoreSnapshot(snapshot);
    // 17,345.67 ÷ 135,000.00 = 12.85%.
    expect(evaluation.gaps.find((g) => g.code === "threePublicOver")?.message).toBe(
      "“三公”经费实际支出 152,345.67 元，超出全年预算 135,000.00 元 17,345.67 元（超出 12.85%）。"
    );
    expect(evaluation.metrics.threePublicControl?.text).toMatch(
      /^实际支出 152,345\.67 元 ÷ 预算 135,000\.00 元 = 112\.85%/
    );
  });

  it("says what is still to spend in the budget table's 元", async () => {
    const snapshot = await sampleSnapshot();
    setCell(snapshot, "预算支出", "D2", "单位：元");
    for (const [cell, v] of [
      ["C12", 523621446.9],
      ["D12", 466654343.32],
    ] as const)
      setCell(snapshot, "预算支出", cell, v);
    const { evaluation } = scoreSnapshot(snapshot);
    const below = evaluation.gaps.find((g) => g.code === "executionBelowTarget")?.message;
    // 523,621,446.90 − 466,654,343.32 = 56,967,103.58 元.
    expect(below).toContain("达到目标尚需支出 56,967,103.58 元");
  });
});

describe("“三公” figures too large to be 万元", () => {
  it("says they are larger than the whole budget, as if typed in 元 under a label without a unit", async () => {
    const snapshot = await sampleSnapshot();
    threePublicAt(snapshot, "", 135000, 18800);
    const g = scoreSnapshot(snapshot).evaluation.gaps.find((x) => x.code === "threePublicScale");
    expect(g?.message).toBe(
      "“三公”经费 135,000.00 万元，大于部门预算合计 52,362.14 万元，可能是以元填列而未注明单位。"
    );
    expect(g?.cell).toBe("基本信息!B8");
  });
});

describe("“三公” figures under other labels", () => {
  it.each([
    ["“三公”经费年初预算数", "“三公”经费决算数"],
    ["三公经费年度预算数", "“三公”经费支出决算数"],
    ["“三公”经费预算金额", "三公经费决算支出数"],
  ])("reads %s and %s (15.2 spent of 13.5: 112.59%%)", async (budgetLabel, actualLabel) => {
    const snapshot = await sampleSnapshot();
    setCell(snapshot, "基本信息", "A8", budgetLabel);
    setCell(snapshot, "基本信息", "B8", 13.5);
    setCell(snapshot, "基本信息", "A9", actualLabel);
    setCell(snapshot, "基本信息", "B9", 15.2);
    const { evaluation } = scoreSnapshot(snapshot);
    // 15.2 ÷ 13.5 = 1.125925… → 112.59%.
    expect(evaluation.metrics.threePublicControl?.value?.toString()).toBe("1.1259");
    expect(evaluation.gaps.some((g) => g.code === "threePublicOver")).toBe(true);
  });

  it("says which “三公” figure is missing when only one was read", async () => {
    const snapshot = await sampleSnapshot();
    setCell(snapshot, "基本信息", "A8", "“三公”经费预算");
    setCell(snapshot, "基本信息", "B8", 13.5);
    setCell(snapshot, "基本信息", "A9", "三公支出情况说明");
    setCell(snapshot, "基本信息", "B9", "略");
    const { evaluation } = scoreSnapshot(snapshot);
    expect(evaluation.metrics.threePublicControl?.reason).toBe("未填报“三公”经费实际支出数");
  });
});

describe("“三公” figures written as 无", () => {
  it("takes 无 as none (0): 无 budgeted and 0 spent is full marks, as 0 and 0 are", async () => {
    const snapshot = await sampleSnapshot();
    setCell(snapshot, "基本信息", "A8", "“三公”经费预算数");
    setCell(snapshot, "基本信息", "B8", "无");
    setCell(snapshot, "基本信息", "A9", "“三公”经费实际支出数");
    setCell(snapshot, "基本信息", "B9", 0);
    const { evaluation, parse } = scoreSnapshot(snapshot);
    expect(parse.input.threePublic?.budget?.toString()).toBe("0");
    expect(evaluation.metrics.threePublicControl?.text).toBe("“三公”经费预算与实际支出均为 0");
  });
});

describe("the year as departments write it", () => {
  it.each<[CellValue, string | undefined]>([
    ["二〇二二", undefined],
    ["二〇二二年", undefined],
    ["二零二二年度", undefined],
    ["２０２２", undefined],
    ["2022 年度", undefined],
    [44562, 'yyyy"年"'], // 2022-01-01, a date shown as 2022年
  ])("reads 年度 %j (format %s) as 2022", async (value, format) => {
    const snapshot = await sampleSnapshot();
    setCell(snapshot, "基本信息", "B4", value, format);
    const { input, problems } = parseWorkbook(snapshot);
    expect(problems).toEqual([]);
    expect(input.year).toBe(2022);
  });

  it.each([
    "二〇二二年度部门预算支出明细表",
    "２０２２年度部门预算支出明细表",
    "二零二二年部门决算表",
  ])("without a 年度 cell, reads the year of a title: %s", async (title) => {
    const snapshot = await sampleSnapshot();
    setCell(snapshot, "基本信息", "B4", null);
    setCell(snapshot, "绩效指标", "A1", "部门整体支出绩效自评表"); // the sample's title has 2022
    setCell(snapshot, "预算支出", "A1", title);
    const { input, problems } = parseWorkbook(snapshot);
    expect(problems.filter((p) => p.message.includes("年度"))).toEqual([]);
    expect(input.year).toBe(2022);
  });
});

describe("single values below the top rows of a sheet", () => {
  it("reads the 三公 figures and the stated rate from rows far below the tables", async () => {
    const snapshot = await sampleSnapshot();
    const info = snapshot.sheets.find((s) => s.name === "基本信息")!;
    // Rows 6–9 (the stated rate and the 三公 block) moved 60 rows down, below the top 40.
    const moved = info.values.slice(5, 9);
    for (let r = 5; r < 9; r++) info.values[r] = [null, null, null];
    while (info.values.length < 65) info.values.push([null, null, null]);
    info.values.push(...moved);
    delete info.numberFormats;
    const { parse, evaluation } = scoreSnapshot(snapshot);
    const sample = scoreSnapshot(await sampleSnapshot());
    expect(parse.input.threePublic).toEqual({
      ...sample.parse.input.threePublic,
      cells: { budget: "基本信息!B68", actual: "基本信息!B69", lastYear: undefined },
    });
    expect(parse.input.threePublic?.budget?.toString()).toBe("13.5");
    expect(parse.input.budget.officialExecutionRate?.toString()).toBe("0.8087");
    expect(evaluation.total.toString()).toBe(sample.evaluation.total.toString());
  });

  it("takes a label in the top rows before the same label further down", async () => {
    const snapshot = await sampleSnapshot();
    setCell(snapshot, "基本信息", "A70", "“三公”经费预算数（万元）");
    setCell(snapshot, "基本信息", "B70", 99);
    const { parse } = scoreSnapshot(snapshot);
    expect(parse.input.threePublic?.budget?.toString()).toBe("13.5");
  });
});

describe("a workbook kept on one long sheet", () => {
  it("finds a table whose header lies below the top 40 rows, outside the tables above it", async () => {
    const snapshot = await sampleSnapshot();
    const sample = scoreSnapshot(await sampleSnapshot());
    const indicators = snapshot.sheets.find((s) => s.name === "绩效指标")!;
    const tasks = snapshot.sheets.find((s) => s.name === "重点工作")!;
    const width = indicators.values[0].length;
    const pad = (row: CellValue[]) => [
      ...row,
      ...Array(Math.max(0, width - row.length)).fill(null),
    ];
    while (indicators.values.length < 50) indicators.values.push(Array(width).fill(null));
    indicators.values.push(...tasks.values.map(pad));
    delete indicators.numberFormats;
    removeSheet(snapshot, "重点工作");
    const { parse, evaluation } = scoreSnapshot(snapshot);
    const header = parse.found.find((f) => f.kind === "keyTasks");
    expect(header?.sheet).toBe("绩效指标");
    expect(Number(/^[A-Z]+(\d+)/.exec(header?.range ?? "")?.[1])).toBeGreaterThan(40);
    expect(parse.input.keyTasks.map((t) => t.name)).toEqual(
      sample.parse.input.keyTasks.map((t) => t.name)
    );
    expect(parse.input.keyTasks.length).toBeGreaterThan(0);
    expect(evaluation.total.toString()).toBe(sample.evaluation.total.toString());
  });
});

describe("tables side by side on one sheet", () => {
  it.each([2, 4])(
    "finds the key tasks beside the budget table (header on row %i + 1)",
    async (top) => {
      const snapshot = await sampleSnapshot();
      const sample = scoreSnapshot(await sampleSnapshot());
      const tasks = snapshot.sheets.find((s) => s.name === "重点工作")!;
      tasks.values.forEach((row, r) =>
        row.forEach((v, c) => setCell(snapshot, "预算支出", `${"GHIJ"[c]}${top + r}`, v))
      );
      removeSheet(snapshot, "重点工作");
      const { parse, evaluation } = scoreSnapshot(snapshot);
      expect(parse.found.find((f) => f.kind === "keyTasks")?.range).toMatch(
        new RegExp(`^H${top + 1}:`) // 工作任务 in H (序号 in G is not read)
      );
      expect(parse.input.keyTasks.map((t) => t.name)).toEqual(
        sample.parse.input.keyTasks.map((t) => t.name)
      );
      expect(parse.input.budget.rows.map((r) => r.final?.toString())).toEqual(
        sample.parse.input.budget.rows.map((r) => r.final?.toString())
      );
      expect(evaluation.total.toString()).toBe(sample.evaluation.total.toString());
    }
  );
});

describe("项目个数 stated without 已自评项目个数", () => {
  it("leaves the coverage uncomputed, never 0.00% of the projects", async () => {
    const snapshot = await sampleSnapshot();
    removeSheet(snapshot, "项目清单");
    setCell(snapshot, "基本信息", "B12", null);
    const { parse, evaluation } = scoreSnapshot(snapshot);
    expect(parse.input.projectCounts).toMatchObject({ total: 53, evaluated: null });
    const coverage = evaluation.metrics.projectEvaluationCoverage;
    expect(coverage?.value).toBeNull();
    expect(coverage?.reason).toBe("填报了项目个数，未填报已自评项目个数");
    expect(evaluation.gaps.map((g) => g.message).join("\n")).not.toContain("0.00%（已自评 0 个");
  });
});

describe("indicator names numbered as departments number them", () => {
  it("matches 1.、（2）、3、、4 and 5) names to the standard's: the sample's 95.18 优", async () => {
    const snapshot = await sampleSnapshot();
    const sheet = snapshot.sheets.find((s) => s.name === "绩效指标")!;
    const numbers = ["1.", "（2）", "3、", "4 ", "5)", "6．", "(7)", "8、"];
    numbers.forEach((n, i) => (sheet.values[3 + i][1] = `${n}${sheet.values[3 + i][1]}`));
    const { evaluation } = scoreSnapshot(snapshot);
    expect(evaluation.gaps.filter((g) => g.code === "unknownIndicator")).toEqual([]);
    expect(evaluation.gaps.filter((g) => g.code === "missingScore")).toEqual([]);
    expect([evaluation.total.toString(), evaluation.grade]).toEqual(["95.18", "优"]);
  });

  it("keeps the digits of a name that are no row number (12345热线, 1.5倍)", async () => {
    const { indicatorKey } = await import("../../src/model/text");
    expect(
      ["12345热线满意度", "1.5倍以上", "2022年度任务", "10万张发卡"].map(indicatorKey)
    ).toEqual(["12345热线满意度", "15倍以上", "2022年度任务", "10万张发卡"]);
    expect(["1.预算", "（12）预算", "二、预算", "3) 预算"].map(indicatorKey)).toEqual([
      "预算",
      "预算",
      "预算",
      "预算",
    ]);
  });
});

describe("the department's name with where its seal goes", () => {
  it.each(["（公章）", "（盖章）", " (盖章)", "（章）", "（签章）", "(印章)"])(
    "sets %s aside",
    async (seal) => {
      const snapshot = await sampleSnapshot();
      setCell(snapshot, "基本信息", "B3", `佛山市社会保险基金管理局${seal}`);
      expect(parseWorkbook(snapshot).input.department).toBe("佛山市社会保险基金管理局");
    }
  );
});

describe("labels side by side as a header row, their values below", () => {
  it("reads 编制人数 | 在职人数 over 100 | 95, not the label beside as a value", async () => {
    const snapshot = await sampleSnapshot();
    setCell(snapshot, "基本信息", "A20", "编制人数");
    setCell(snapshot, "基本信息", "B20", "在职人数");
    setCell(snapshot, "基本信息", "A21", 100);
    setCell(snapshot, "基本信息", "B21", 95);
    const { input, problems } = parseWorkbook(snapshot);
    expect(problems).toEqual([]);
    expect([input.staffing?.quota?.toString(), input.staffing?.actual?.toString()]).toEqual([
      "100",
      "95",
    ]);
    expect(input.staffing?.cells).toEqual({ quota: "基本信息!A21", actual: "基本信息!B21" });
  });

  it("takes a `label：value` cell beside a label for a pair, not a header row", async () => {
    const snapshot = await sampleSnapshot();
    setCell(snapshot, "基本信息", "B4", null);
    setCell(snapshot, "基本信息", "A4", null);
    setCell(snapshot, "基本信息", "D3", "年度");
    setCell(snapshot, "基本信息", "E3", 2022);
    setCell(snapshot, "基本信息", "D4", 1999);
    setCell(snapshot, "基本信息", "C3", "部门名称：佛山市社会保险基金管理局");
    const { input } = parseWorkbook(snapshot);
    expect(input.year).toBe(2022);
  });
});

describe("满意度 written as a sentence", () => {
  it.each(["满意度调查结果为 96.5%。", "经第三方调查，服务对象满意度为96.5％"])(
    "reads %s as 96.5%",
    async (text) => {
      const snapshot = await sampleSnapshot();
      setCell(snapshot, "基本信息", "B10", text);
      const { input, problems } = parseWorkbook(snapshot);
      expect(problems).toEqual([]);
      expect(input.satisfaction?.rate?.toString()).toBe("0.965");
    }
  );

  it("still refuses a sentence with no percentage, or two", async () => {
    for (const text of ["群众普遍满意", "2021 年 95%，2022 年 96.5%"]) {
      const snapshot = await sampleSnapshot();
      setCell(snapshot, "基本信息", "B10", text);
      const { problems } = parseWorkbook(snapshot);
      expect(problems.map((p) => p.message)).toEqual([`基本信息!B10：“${text}”不是比率`]);
    }
  });
});
