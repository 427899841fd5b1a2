/**
 * The 评分标准 sheet: every preset written as the sheet reads back as the same standard; edits in
 * the sheet change the score; a sheet typed wrong gets one Chinese message per mistake, naming
 * its cell, and scoring goes on with what is valid.
 */
import type { Dec } from "../../src/model/decimal";
import type { CellValue, WorkbookSnapshot } from "../../src/hosts/snapshot";
import { standardLayout } from "../../src/layout/standardSheet";
import { parseWorkbook } from "../../src/parse/parseWorkbook";
import { scoreSnapshot } from "../../src/pipeline/scoreWorkbook";
import { foshan2022, presets } from "../../src/standard/presets";
import type { Standard } from "../../src/standard/types";
import { gradeFootnote } from "../../src/submission/wording";
import { layoutSnapshot } from "../fixtures/layoutSnapshot";
import { sampleSnapshot, setCell } from "./sampleSnapshot";

/** A standard as plain data: decimals as strings, without the cells it was read from. */
function plain(std: Standard): unknown {
  std = { ...std, caps: [...std.caps].sort((a, b) => a.below.comparedTo(b.below)) };
  return JSON.parse(
    JSON.stringify(
      {
        ...std,
        cells: undefined,
        indicators: std.indicators.map((i) => ({ ...i, cells: undefined })),
      },
      (_, v) =>
        v && typeof v === "object" && typeof (v as Dec).toFixed === "function" && "d" in v
          ? (v as Dec).toString()
          : v
    )
  );
}

/** The sample workbook with the standard's sheet added, changed by `edits` (cell → value). */
async function sampleWith(
  std: Standard,
  edits: Record<string, CellValue> = {}
): Promise<WorkbookSnapshot> {
  const snapshot = await sampleSnapshot();
  snapshot.sheets.push(layoutSnapshot(standardLayout(std)));
  for (const [cell, value] of Object.entries(edits)) setCell(snapshot, "评分标准", cell, value);
  return snapshot;
}

describe("a preset written as the 评分标准 sheet", () => {
  it.each(presets.map((p) => [p.id, p] as const))(
    "%s reads back as the same standard, without a problem",
    (_, preset) => {
      const snapshot = { sheets: [layoutSnapshot(standardLayout(preset))] };
      const { input, problems } = parseWorkbook(snapshot);
      const read = preset.scope === "project" ? input.projectStandard : input.standard;
      expect(read?.problems).toEqual([]);
      expect(plain(read!.standard)).toEqual(plain(preset));
      expect(problems.filter((p) => p.message.includes("评分标准"))).toEqual([]);
    }
  );

  it("skips 一级 heading rows that carry their group's 分值 (as department tables write them)", () => {
    const sheet = layoutSnapshot(standardLayout(foshan2022));
    const header = sheet.values.findIndex((r) => r.includes("一级指标") && r.includes("计分方法"));
    const [l1, max, rule] = ["一级指标", "分值", "计分方法"].map((h) =>
      sheet.values[header].indexOf(h)
    );
    const groups = new Map<string, number>();
    for (const i of foshan2022.indicators)
      groups.set(i.level1, (groups.get(i.level1) ?? 0) + i.max.toNumber());
    // Above each group's first row: `管理效率 | … | 50 | (no 计分方法)`.
    for (let r = sheet.values.length - 1; r > header; r--) {
      const name = sheet.values[r][l1];
      if (typeof name !== "string" || !groups.has(name) || sheet.values[r][rule] === null) continue;
      const heading: CellValue[] = sheet.values[r].map(() => null);
      [heading[l1], heading[max]] = [name, groups.get(name) as number];
      sheet.values.splice(r, 0, heading);
    }
    const read = parseWorkbook({ sheets: [sheet] }).input.standard;
    expect(read?.problems).toEqual([]);
    expect(read?.standard.indicators.map((i) => i.name)).toEqual(
      foshan2022.indicators.map((i) => i.name)
    );
  });

  it.each([
    ["a blank row between its groups", false],
    ["a blank row between its groups and no 合计 row", true],
  ])("with %s reads back as the same standard, without a problem", (_, dropTotal) => {
    const sheet = layoutSnapshot(standardLayout(foshan2022));
    const l1 = sheet.values.findIndex((r) => r.includes("一级指标") && r.includes("计分方法"));
    const total = sheet.values.findIndex((r) => r[0] === "合计");
    if (dropTotal) sheet.values.splice(total, 1);
    // Before the first row of the second group (履职效能).
    const second = sheet.values.findIndex((r, i) => i > l1 + 1 && r[0] !== sheet.values[l1 + 1][0]);
    sheet.values.splice(
      second,
      0,
      sheet.values[0].map(() => null)
    );
    const read = parseWorkbook({ sheets: [sheet] }).input.standard;
    expect(read?.problems).toEqual([]);
    expect(plain(read!.standard)).toEqual(plain(foshan2022));
  });

  it("calls a parameter the sheet marks 待核对 marked, not a default", async () => {
    const { evaluation } = scoreSnapshot(await sampleWith(foshan2022));
    const marked = evaluation.gaps.filter((g) => g.code === "unconfirmedParameter");
    expect(marked.length).toBeGreaterThan(0);
    for (const g of marked) {
      expect(g.message).toContain("在评分标准表中标为待核对");
      expect(g.message).not.toContain("默认值");
    }
  });

  it("gives a project standard with no 执行率目标 row the project default, 90%", () => {
    const project = presets.find((p) => p.id === "caiyu-2020-project") as Standard;
    const sheet = layoutSnapshot(standardLayout(project));
    const row = sheet.values.findIndex((r) => r.some((v) => v === "执行率目标"));
    expect(row).toBeGreaterThan(0);
    sheet.values.splice(row, 1);
    const read = parseWorkbook({ sheets: [sheet] }).input.projectStandard;
    expect(read?.standard.scope).toBe("project");
    expect(read?.standard.settings.executionRateTarget.toString()).toBe("0.9");
  });

  it("is not read as the department's indicator table, and names its sheet as a source", async () => {
    const { parse, evaluation } = scoreSnapshot(await sampleWith(foshan2022));
    expect(parse.found.find((f) => f.kind === "indicators")?.sheet).toBe("绩效指标");
    expect(parse.found.find((f) => f.kind === "standard")).toMatchObject({
      sheet: "评分标准",
      title: "评分标准",
    });
    expect(evaluation.standard).toMatchObject({
      source: "sheet",
      sheet: "评分标准",
      sourceText: "本工作簿的“评分标准”表",
    });
    expect(evaluation.total.toString()).toBe("95.18");
    expect(evaluation.grade).toBe("优");
    // Parameters now point to their cells in the sheet.
    expect(evaluation.parameters.find((p) => p.path === "executionRate.floor")).toMatchObject({
      value: "60.00%",
      unconfirmed: true,
      cell: "评分标准!H18",
    });
  });
});

describe("a 评分标准 sheet whose 分值 column is headed 分数", () => {
  it("is the standard, not the department's table (分数 is no 自评得分 there)", async () => {
    const snapshot = await sampleWith(foshan2022);
    const sheet = snapshot.sheets.find((s) => s.name === "评分标准")!;
    const renamed = sheet.values.flatMap((row, r) =>
      row.flatMap((v, c) => (v === "分值" ? [[r, c] as const] : []))
    );
    expect(renamed.length).toBeGreaterThan(0);
    for (const [r, c] of renamed) sheet.values[r][c] = "分数";
    const { parse, evaluation } = scoreSnapshot(snapshot);
    expect(parse.found.filter((f) => f.kind === "indicators").map((f) => f.sheet)).toEqual([
      "绩效指标",
    ]);
    expect(evaluation.standard).toMatchObject({ source: "sheet", sheet: "评分标准" });
    expect(evaluation.total.toString()).toBe("95.18");
    expect(evaluation.grade).toBe("优");
  });
});

describe("editing the sheet changes the scoring", () => {
  it("执行率减调整率 reproduces the seed's 5.18, and the mismatch warning is gone", async () => {
    const { evaluation } = scoreSnapshot(
      await sampleWith(foshan2022, { E18: "执行率减调整率", H18: null, I18: null })
    );
    const row = evaluation.indicators.find((i) => i.name === "财政支出执行率");
    expect(row?.computed?.toString()).toBe("5.18");
    expect(row?.explanation).toContain("10.00 × (执行率 80.87% − 预算调整率 29.07%) = 5.18");
    expect(evaluation.gaps.filter((g) => g.code === "enteredDiffersFromComputed")).toEqual([]);
    expect(evaluation.total.toString()).toBe("95.18");
  });

  it("a parameter cell: 零分线 50% gives 10 × (80.87% − 50%) ÷ 50% = 6.17", async () => {
    const { evaluation } = scoreSnapshot(await sampleWith(foshan2022, { H18: "50%" }));
    expect(
      evaluation.indicators.find((i) => i.name === "财政支出执行率")?.computed?.toString()
    ).toBe("6.17");
  });

  it("a 分值: 报告未列明的指标 0 and 预算绩效管理情况 15 keep 100 and move the total", async () => {
    const { evaluation } = scoreSnapshot(await sampleWith(foshan2022, { D23: 0, D13: 15 }));
    expect(evaluation.maxTotal.toString()).toBe("100");
    expect(evaluation.gaps.find((g) => g.code === "maxMismatch")?.message).toBe(
      "“预算绩效管理情况”分值填报为 10.00，评分标准为 15.00。"
    );
  });

  it("clearing 待核对 confirms: no 待核对 gap for the row", async () => {
    const { evaluation } = scoreSnapshot(await sampleWith(foshan2022, { O18: null }));
    expect(
      evaluation.gaps.some(
        (g) => g.code === "unconfirmedParameter" && g.indicator === "财政支出执行率"
      )
    ).toBe(false);
  });

  it("the execution-rate base: 年初预算数 labels the rate so in the summary's formula and the gap", async () => {
    const { evaluation } = scoreSnapshot(
      await sampleWith(foshan2022, { C38: "年初预算数", C39: "按预算表计算" })
    );
    const x = evaluation.budget.execution;
    expect(x.definition).toBe("执行率 = 决算数 ÷ 年初预算数");
    expect(x.value?.toString()).toBe("1.1503"); // 46,665.43 ÷ 40,568.73
    expect(
      evaluation.budget.rows.find((r) => r.category === "project")?.executionRate?.toString()
    ).toBe("1.1641");
    expect(evaluation.gaps.some((g) => g.code === "executionBelowTarget")).toBe(false);
  });

  it.each([
    ["按完成比例得分", ">80.87%", "9.99", null],
    ["低于目标按百分点扣分", "大于80.87%", "9.99", 1],
    ["按反向比例得分", "<80.87%", "9.99", null],
    ["超过上限按百分点扣分", "小于80.87%", "9.99", 1],
    ["按完成比例得分", "≥80.87%", "10", null],
    ["超过上限按百分点扣分", "≤80.87%", "10", 1],
  ])(
    "%s with 目标值 %s against 80.87%: → %s (> and < exclude the line)",
    async (rule, target, expected, deduction) => {
      const { evaluation } = scoreSnapshot(
        await sampleWith(foshan2022, {
          E18: rule,
          G18: target,
          H18: null,
          I18: null,
          J18: deduction,
        })
      );
      const row = evaluation.indicators.find((i) => i.name === "财政支出执行率");
      expect(row?.computed?.toString()).toBe(expected);
      if (expected !== "10") expect(row?.explanation).toMatch(/未达到目标 [><]80.87%，不得满分/);
      expect(evaluation.gaps.filter((g) => g.code === "standardInvalid")).toEqual([]);
    }
  );

  it("writes a strict 目标值 back as it was typed (>80.87%)", async () => {
    const snapshot = await sampleWith(foshan2022, {
      E18: "按完成比例得分",
      G18: ">80.87%",
      H18: null,
      I18: null,
    });
    const read = parseWorkbook(snapshot).input.standard!.standard;
    const again = parseWorkbook({ sheets: [layoutSnapshot(standardLayout(read))] }).input.standard!;
    expect(again.problems).toEqual([]);
    expect(plain(again.standard)).toEqual(plain(read));
    expect(
      again.standard.indicators.find((i) => i.name === "财政支出执行率")?.rule.params.targetStrict
    ).toBe(">");
  });

  it.each([
    ["十分", "10"],
    ["十", "10"],
    ["十五", "15"],
    ["十五分", "15"],
    ["二十", "20"],
    ["二十五 分", "25"],
    ["五分", "5"],
  ])("a 分值 in Chinese numerals, %s, is %s", async (typed, expected) => {
    // 预算绩效管理情况 is worth 10 in foshan-2022; 15 and 20 move the sum, which is then said.
    const { evaluation } = scoreSnapshot(await sampleWith(foshan2022, { D13: typed }));
    const row = evaluation.standard.definition.indicators.find(
      (i) => i.name === "预算绩效管理情况"
    );
    expect(row?.max.toString()).toBe(expected);
    const invalid = evaluation.gaps.filter((g) => g.code === "standardInvalid");
    expect(invalid.map((g) => g.message)).toEqual(
      expected === "10"
        ? []
        : [`评分标准!D24：各指标分值合计 ${90 + Number(expected)}.00 分，应为 100 分`]
    );
  });

  it("does not guess at longer or mixed numerals: 十十, 一二, 三点五 are not numbers", async () => {
    for (const typed of ["十十", "一二", "三点五", "十分制"]) {
      const { evaluation } = scoreSnapshot(await sampleWith(foshan2022, { D13: typed }));
      expect(
        evaluation.gaps.filter((g) => g.code === "standardInvalid").map((g) => g.message)
      ).toEqual([
        `评分标准!D13：指标“预算绩效管理情况”的分值“${typed}”不是数字，应填写分数（如 10 或 十分），该行未采用`,
      ]);
    }
  });

  it.each([
    ["<60%", "≥100%", "5.22"],
    ["60%以下", "不低于100%", "5.22"],
    ["≤ 60%", "100%以上", "5.22"],
    ["低于60%", "达到100%", "5.22"],
    // 越低越好: 100% and above 0 points, 60% and below full marks; 10 × (100 − 80.87) ÷ 40.
    ["≥100%", "≤60%", "4.78"],
  ])("零分线 %s and 满分线 %s: the numbers are the lines → %s", async (floor, full, expected) => {
    const { evaluation } = scoreSnapshot(await sampleWith(foshan2022, { H18: floor, I18: full }));
    expect(evaluation.gaps.filter((g) => g.code === "standardInvalid")).toEqual([]);
    expect(
      evaluation.indicators.find((i) => i.name === "财政支出执行率")?.computed?.toString()
    ).toBe(expected);
  });

  it("a cap on the total by execution rate (80.87% < 90% → at most 85)", async () => {
    const { evaluation } = scoreSnapshot(await sampleWith(foshan2022, { A35: "90%", C35: 85 }));
    expect(evaluation.cap?.toString()).toBe("85");
    expect(evaluation.total.toString()).toBe("85");
    expect(evaluation.grade).toBe("良");
  });
});

/** Each mistake and the messages it gets: [what, edits, messages (exact), total after]. */
const BAD: [string, Record<string, CellValue>, string[], string][] = [
  [
    "an unknown 计分方法",
    { E18: "线性打分" },
    [
      "评分标准!E18：计分方法“线性打分”无法识别，可选：主观评分、按完成比例得分、按反向比例得分、按完成率得分、线性区间得分、低于目标按百分点扣分、超过上限按百分点扣分、分档得分、定性分档、按项目资金加权平均得分、按指标值比较得分、执行率减调整率；该指标暂按主观评分（以填报得分计入）",
    ],
    "95.18",
  ],
  [
    "a blank 计分方法",
    { E13: null },
    ["评分标准!E13：未填写计分方法，该指标暂按主观评分（以填报得分计入）"],
    "95.18",
  ],
  [
    "an unknown 考核内容",
    { F19: "完成比例" },
    [
      "评分标准!F19：考核内容“完成比例”无法识别，可选：财政支出执行率、预算调整率、“三公”经费控制率、“三公”经费变动率、重点工作完成率、项目自评覆盖率、项目绩效目标完成率、满意度、在职人员控制率、重点支出安排率、项目预算执行率",
      "评分标准!F19：计分方法“按完成率得分”需要在“考核内容”中选择要计分的数据（如财政支出执行率）；该指标暂按主观评分（以填报得分计入）",
    ],
    "95.18",
  ],
  [
    "a required parameter left blank",
    { H18: null },
    ["评分标准!H18：计分方法“线性区间得分”需要填写零分线；该指标暂按主观评分（以填报得分计入）"],
    "95.18",
  ],
  [
    "a 目标值 of 0 for a ratio: told at the 目标值's cell, not the 计分方法's",
    { E18: "按完成比例得分", G18: "0%", H18: null, I18: null },
    ["评分标准!G18：目标值 0.00% 应大于 0；该指标暂按主观评分（以填报得分计入）"],
    "95.18",
  ],
  [
    "a parameter that is not a rate",
    { H18: "六成" },
    ["评分标准!H18：零分线“六成”不是百分比；该指标暂按主观评分（以填报得分计入）"],
    "95.18",
  ],
  [
    "a parameter out of range",
    { I18: "300%" },
    ["评分标准!I18：满分线 300.00% 超出 −100%～200% 的范围；该指标暂按主观评分（以填报得分计入）"],
    "95.18",
  ],
  [
    "a strict 满分线: whether the line itself is full marks is not said",
    { I18: ">100%" },
    [
      "评分标准!I18：满分线“>100%”没有说明恰为 100% 时是否得满分，请写作“≥100%”或只写数值；该指标暂按主观评分（以填报得分计入）",
    ],
    "95.18",
  ],
  [
    "零分线 and 满分线 written the wrong way round",
    { H18: "≥60%", I18: "≥100%" },
    [
      "评分标准!H18：零分线“≥60%”与满分线“≥100%”的写法相反：满分线高于零分线（越高越好）时，零分线应写作“≤60%”（或只写数值）；该指标暂按主观评分（以填报得分计入）",
    ],
    "95.18",
  ],
  [
    "a 零分线 equal to the 满分线",
    { H18: "100%" },
    ["评分标准!H18：零分线与满分线不能相同（均为 100.00%）；该指标暂按主观评分（以填报得分计入）"],
    "95.18",
  ],
  [
    "a 扣分标准 above the indicator's 分值",
    { J17: 5 },
    [
      "评分标准!J17：扣分标准 5.00 超出 0～3.00 分（该指标分值）的范围；该指标暂按主观评分（以填报得分计入）",
    ],
    "95.18",
  ],
  [
    "overlapping bands",
    { E17: "分档得分", G17: null, J17: null, K17: "≥90%:3；80%～95%:2" },
    [
      "评分标准!K17：指标“‘三公’经费控制情况”的分档“≥90.00%”与“80.00%～95.00%”重叠（90.00%～95.00%）；该指标暂按主观评分（以填报得分计入）",
    ],
    "95.18",
  ],
  [
    "bands with a gap",
    { E17: "分档得分", G17: null, J17: null, K17: "≥95%:3；80%～90%:2；<80%:0" },
    [
      "评分标准!K17：分档在 90.00%～95.00% 之间有空缺：这些值不属于任何一档；该指标暂按主观评分（以填报得分计入）",
    ],
    "95.18",
  ],
  [
    "a band worth more than the 分值",
    { E17: "分档得分", G17: null, J17: null, K17: "≥95%:5；<95%:0" },
    [
      "评分标准!K17：分档“≥95.00%”的得分 5.00 超出 0～3.00 分；该指标暂按主观评分（以填报得分计入）",
    ],
    "95.18",
  ],
  [
    "bands that cannot be read",
    { E17: "分档得分", G17: null, J17: null, K17: "九成五以上得满分" },
    [
      "评分标准!K17：分档“九成五以上得满分”无法识别，应写作“≥95%:10”或“80%～90%:6”；该指标暂按主观评分（以填报得分计入）",
    ],
    "95.18",
  ],
  [
    "分值 not adding to 100",
    { D13: 12 },
    ["评分标准!D24：各指标分值合计 102.00 分，应为 100 分"],
    "95.18",
  ],
  [
    "a 分值 that is not a number: one sentence (the total without the row is no second mistake)",
    { D13: "满分" },
    [
      "评分标准!D13：指标“预算绩效管理情况”的分值“满分”不是数字，应填写分数（如 10 或 十分），该行未采用",
    ],
    "95.18",
  ],
  [
    "an indicator listed twice",
    { B14: "预算绩效管理情况" },
    [
      "评分标准!B14：指标“预算绩效管理情况”重复列出，只采用第一行",
      "评分标准!D24：各指标分值合计 80.00 分，应为 100 分",
    ],
    "95.18",
  ],
  [
    "a cap above 100",
    { A35: "80%", C35: 120 },
    ["评分标准!C35：总分封顶 120.00 分超出 0～100 分，此行不采用"],
    "95.18",
  ],
  [
    "a cap whose rate cannot be read",
    { A35: "八成", C35: 89 },
    ["评分标准!A35：“八成”不是比率，此行封顶不采用"],
    "95.18",
  ],
  [
    "caps that rise as the rate falls",
    { A35: "90%", C35: 89, A36: "80%", C36: 95 },
    [
      "评分标准!A34：总分封顶应随执行率降低而降低：执行率低于 80.00% 最高 95.00 分，却高于低于 90.00% 的 89.00 分",
    ],
    "89",
  ],
  [
    "grades out of order",
    { C29: 95 },
    [
      "评分标准!C29：等级须从高到低排列：“良”的最低分 95.00 不低于上一等级“优”；已按 优 ≥ 90、良 ≥ 80、中 ≥ 60、差 < 60 评定等级",
    ],
    "95.18",
  ],
  [
    "a lowest grade above 0",
    { C31: 10 },
    ["评分标准!C31：最低等级“差”的最低分应为 0，否则低于 10.00 分的总分没有等级；已按 0 分起算"],
    "95.18",
  ],
  [
    "a grade above the lowest without its 最低分",
    { A28: "优秀", A29: "良好", C29: null, A30: "合格", A31: "不合格" },
    ["评分标准!C29：等级“良好”未填写最低分；已按 优 ≥ 90、良 ≥ 80、中 ≥ 60、差 < 60 评定等级"],
    "95.18",
  ],
  [
    "a grade listed twice",
    { A30: "良", C30: 70 },
    ["评分标准!C30：等级“良”重复列出；已按 优 ≥ 90、良 ≥ 80、中 ≥ 60、差 < 60 评定等级"],
    "95.18",
  ],
  [
    "a setting value that is not a choice",
    { C38: "全年预算" },
    [
      "评分标准!C38：执行率口径“全年预算”无法识别，可选：调整预算数、年初预算数、调整预算数加上年结转，已按默认值计算",
    ],
    "95.18",
  ],
  [
    "a setting out of range",
    { C45: 6 },
    ["评分标准!C45：得分保留小数位“6”应为 0～4 之间的整数，已按默认值计算"],
    "95.18",
  ],
  [
    "an unknown setting",
    { A46: "四舍五入方式" },
    ["评分标准!A46：设置项“四舍五入方式”无法识别，该行未采用"],
    "95.18",
  ],
  [
    "an unknown word in 待核对",
    { O18: "曲线" },
    ["评分标准!O18：待核对“曲线”无法识别，可填“是”或列名（如 零分线、满分线）"],
    "95.18",
  ],
];

describe("a 评分标准 sheet typed wrong", () => {
  it.each(BAD)(
    "%s: one message per mistake, naming its cell; scoring goes on",
    async (_, edits, messages, total) => {
      const { evaluation } = scoreSnapshot(await sampleWith(foshan2022, edits));
      const got = evaluation.gaps.filter((g) => g.code === "standardInvalid");
      expect(got.map((g) => g.message)).toEqual(messages);
      for (const g of got) expect(g.cell).toBe(/^(评分标准![A-Z]+\d+)/.exec(g.message)?.[1]);
      expect(evaluation.total.toString()).toBe(total);
    }
  );

  it("counts at least 20 such cases", () => expect(BAD.length).toBeGreaterThanOrEqual(20));

  it("reads the 等级 rows across a blank row, to the next block's header", async () => {
    const spaced = { A28: "优秀", A29: null, C29: null, A30: "良好", C30: 80, A31: "合格" };
    const { evaluation } = scoreSnapshot(
      await sampleWith(foshan2022, { ...spaced, C31: 60, A32: "不合格", C32: 0 })
    );
    expect(evaluation.gaps.filter((g) => g.code === "standardInvalid")).toEqual([]);
    expect(
      evaluation.standard.definition.grades.map((g) => `${g.grade} ${g.min.toString()}`)
    ).toEqual(["优秀 90", "良好 80", "合格 60", "不合格 0"]);
  });

  it("starts the lowest grade at 0 when its 最低分 is left blank, without a word", async () => {
    const names = { A28: "优秀", A29: "良好", A30: "合格", A31: "不合格", C31: null };
    const { evaluation } = scoreSnapshot(await sampleWith(foshan2022, names));
    expect(evaluation.gaps.filter((g) => g.code === "standardInvalid")).toEqual([]);
    expect(
      evaluation.standard.definition.grades.map((g) => `${g.grade} ${g.min.toString()}`)
    ).toEqual(["优秀 90", "良好 80", "合格 60", "不合格 0"]);
  });

  it("keeps a city's own grade names when only its lowest grade does not start at 0", async () => {
    const names = { A28: "优秀", A29: "良好", A30: "合格", A31: "不合格", C31: 10 };
    const { evaluation } = scoreSnapshot(await sampleWith(foshan2022, names));
    expect(evaluation.standard.definition.grades.map((g) => [g.grade, g.min.toString()])).toEqual([
      ["优秀", "90"],
      ["良好", "80"],
      ["合格", "60"],
      ["不合格", "0"],
    ]);
    expect(evaluation.grade).toBe("优秀");
  });

  it("reads the 等级, 总分封顶 and 设置 blocks under the headings other cities give them", async () => {
    const headings = {
      A27: "等次",
      C27: "分数",
      A34: "预算执行率低于",
      C34: "总分上限",
      A35: "80%",
      C35: 85,
      A37: "设置",
      C37: "设置值",
      C39: "按预算表计算",
    };
    const { evaluation } = scoreSnapshot(await sampleWith(foshan2022, headings));
    const used = evaluation.standard.definition;
    expect(used.grades.map((g) => g.min.toString())).toEqual(["90", "80", "60", "0"]);
    expect(used.caps.map((c) => [c.below.toString(), c.cap.toString()])).toEqual([["0.8", "85"]]);
    // 预算表执行率 89.12% (the 设置 read) is above the 80% line: no cap; the table's rate scores.
    expect(evaluation.budget.execution.source).toBe("table");
  });

  it.each([
    [
      "总分>95.18 leaves 95.18 to 良",
      ["总分>95.18", "80<总分≤95.18", "60<总分≤80", "总分≤60"],
      "良",
      "绩效等级：总分>95.18 为优，80<总分≤95.18 为良，60<总分≤80 为中，总分≤60 为差。",
    ],
    [
      "总分≥95.18 gives 95.18 优",
      ["总分≥95.18", "80≤总分<95.18", "60≤总分<80", "总分<60"],
      "优",
      "绩效等级：总分≥95.18 为优，80≤总分<95.18 为良，60≤总分<80 为中，总分<60 为差。",
    ],
  ])("grades by lines written with 总分: %s", async (_, [C28, C29, C30, C31], grade, footnote) => {
    const { evaluation } = scoreSnapshot(await sampleWith(foshan2022, { C28, C29, C30, C31 }));
    expect(evaluation.gaps.filter((g) => g.code === "standardInvalid")).toEqual([]);
    expect(evaluation.total.toString()).toBe("95.18");
    expect(evaluation.grade).toBe(grade);
    expect(gradeFootnote(evaluation.standard.definition.grades)).toBe(footnote);
  });

  it("writes a line read as `>90` back as `>90`, and reads it again the same", () => {
    const std: Standard = {
      ...foshan2022,
      grades: foshan2022.grades.map((g) => (g.min.isZero() ? g : { ...g, above: true })),
    };
    const read = parseWorkbook({ sheets: [layoutSnapshot(standardLayout(std))] }).input.standard;
    expect(read?.problems).toEqual([]);
    expect(plain(read!.standard)).toEqual(plain(std));
  });

  it("reads grade lines as cities write them: 100～90, ≥80, 60～79, 60分以下", async () => {
    const lines = { C28: "100～90", C29: "≥80", C30: "60～79", C31: "60分以下" };
    const { evaluation } = scoreSnapshot(await sampleWith(foshan2022, lines));
    expect(evaluation.standard.definition.grades.map((g) => [g.grade, g.min.toString()])).toEqual([
      ["优", "90"],
      ["良", "80"],
      ["中", "60"],
      ["差", "0"],
    ]);
    expect(evaluation.gaps.filter((g) => g.code === "standardInvalid")).toEqual([]);
    expect(evaluation.grade).toBe("优");
  });
});
