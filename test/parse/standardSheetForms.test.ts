/**
 * 评分标准 sheets as finance officers write them beyond the preset's layout: levels of a 0–100
 * score written as percentages or decimals, 定性分档 in points, two-row headers, 小计 rows,
 * half-filled caps. Each figure below is worked out by hand from the rows in the test.
 */
import { dec } from "../../src/model/decimal";
import type { CellValue } from "../../src/hosts/snapshot";
import { parseWorkbook } from "../../src/parse/parseWorkbook";
import { RULE_KINDS } from "../../src/standard/ruleKinds";
import type { StandardIndicator } from "../../src/standard/types";
import { checkStandard, unitOf } from "../../src/standard/validate";

type Row = CellValue[];

/** The sheet (under a 标准名称 line: data from row 3) read and checked: the standard in force and every message, in order. */
function read(rows: Row[]) {
  const values = [["标准名称", "测试标准"], ...rows];
  const { input } = parseWorkbook({ sheets: [{ name: "评分标准", top: 0, left: 0, values }] });
  const found = input.standard!;
  const checked = checkStandard(found.standard);
  return {
    standard: checked.standard,
    messages: [...found.problems, ...checked.problems].map((p) => p.message),
  };
}

/** An indicator's computed score for a figure (or a 评价等次). */
function scoreOf(indicator: StandardIndicator, value: string | null, grade: string | null = null) {
  const result = RULE_KINDS[indicator.rule.kind].apply({
    params: indicator.rule.params,
    value: value === null ? null : dec(value),
    unit: unitOf(indicator),
    extra: {},
    grade,
    max: indicator.max,
    decimals: 2,
  });
  return result && "score" in result ? result.score.toString() : null;
}

const named = (rows: Row[], name: string) =>
  read(rows).standard.indicators.find((i) => i.name === name)!;

const HEADER: Row = ["一级指标", "二级指标", "分值", "计分方法", "考核内容", "目标值", "分档"];

describe("levels of 项目绩效目标完成率 (a 0–100 score) written as 90%, 0.9 or 90", () => {
  const PROJECT = "项目绩效目标完成率";
  const rows: Row[] = [
    HEADER,
    ["产出", "分档（小数）", 10, "分档得分", PROJECT, null, "≥0.9:10；0.8～0.9:8；<0.8:5"],
    ["产出", "分档（百分数）", 10, "分档得分", PROJECT, null, "≥90%:10；80%～90%:8；<80%:5"],
    ["产出", "分档（分）", 10, "分档得分", PROJECT, null, "≥90:10；80～90:8；<80:5"],
    ["产出", "目标（百分数）", 10, "按完成比例得分", PROJECT, "90%", null],
    ["产出", "目标（小数）", 10, "按完成比例得分", PROJECT, 0.9, null],
    ["其他", "其他工作", 50, "主观评分"],
  ];

  it("are read without a problem", () => expect(read(rows).messages).toEqual([]));

  it.each(["分档（小数）", "分档（百分数）", "分档（分）"])(
    "%s: 84.55 lies in 80～90 and earns 8, 90 in ≥90 and earns 10",
    (name) => {
      expect(scoreOf(named(rows, name), "84.55")).toBe("8");
      expect(scoreOf(named(rows, name), "90")).toBe("10");
    }
  );

  it.each(["目标（百分数）", "目标（小数）"])(
    "%s: target 90, so 10 × 84.55 ÷ 90 = 9.39",
    (name) => {
      expect(named(rows, name).rule.params.target?.toString()).toBe("90");
      expect(scoreOf(named(rows, name), "84.55")).toBe("9.39");
    }
  );

  it("asks for a score's bands in its own form when a band cannot be read", () => {
    const bad = read([
      HEADER,
      ["产出", "分档", 10, "分档得分", PROJECT, null, "九十分以上:10"],
      ["其他", "其他工作", 90, "主观评分"],
    ]);
    expect(bad.messages).toEqual([
      "评分标准!G3：分档“九十分以上:10”无法识别，应写作“≥95:10”或“80～90:6”；该指标暂按主观评分（以填报得分计入）",
    ]);
  });
});

describe("定性分档 written in points of 分值", () => {
  const rows: Row[] = [
    HEADER,
    [
      "效益",
      "十分制",
      10,
      "定性分档",
      null,
      null,
      "优秀:9～10；良好:7.5～9；一般:6～7.5；较差:0～6",
    ],
    ["效益", "五分制", 5, "定性分档", null, null, "优:4.5～5；良:3.75～4.5；中:3～3.75；差:0～3"],
    ["其他", "其他工作", 85, "主观评分"],
  ];

  it("are read without a problem, as shares bound ÷ 分值", () => {
    expect(read(rows).messages).toEqual([]);
    // 7.5 ÷ 10 = 75%, 9 ÷ 10 = 90%; 3.75 ÷ 5 = 75%, 4.5 ÷ 5 = 90%.
    const grades = named(rows, "五分制").rule.params.grades!;
    expect(grades.map((g) => [g.low.toString(), g.high.toString()])).toEqual([
      ["0.9", "1"],
      ["0.75", "0.9"],
      ["0.6", "0.75"],
      ["0", "0.6"],
    ]);
  });

  it("score 良好 at the band's top: 9 of 10, and 良 4.5 of 5", () => {
    expect(scoreOf(named(rows, "十分制"), null, "良好")).toBe("9");
    expect(scoreOf(named(rows, "五分制"), null, "良")).toBe("4.5");
  });

  it("whose top does not reach 分值 get one sentence naming the cell", () => {
    const short = read([
      HEADER,
      ["效益", "五分制", 5, "定性分档", null, null, "优:9～10；良:7.5～9；差:0～7.5"],
      ["其他", "其他工作", 95, "主观评分"],
    ]);
    expect(short.messages).toEqual([
      "评分标准!G3：定性分档最高只到分值的 10%，应到 100%（按分写时最高一档应到分值 5.00）；该指标暂按主观评分（以填报得分计入）",
    ]);
  });
});

describe("a two-row header: a group heading over the parameter columns", () => {
  const lower: Row = [
    null,
    null,
    null,
    null,
    null,
    "目标值",
    "零分线",
    "满分线",
    "扣分标准",
    "分档",
  ];
  const body: Row[] = [
    ["投入", "预算执行率", 10, "线性区间得分", "财政支出执行率", null, "60%", "100%"],
    [
      "投入",
      "在职人员控制率",
      5,
      "超过上限按百分点扣分",
      "在职人员控制率",
      "100%",
      null,
      null,
      0.5,
    ],
    ["投入", "满意度", 5, "分档得分", "满意度", null, null, null, null, "≥90%:5；<90%:0"],
    ["其他", "其他工作", 80, "主观评分"],
  ];
  const upper = ["一级指标", "二级指标", "分值", "计分方法", "考核内容"];
  it.each([
    ["merged (its text in the first column only)", ["计分参数", null, null, null, null]],
    ["repeated over each column", ["计分参数", "计分参数", "计分参数", "计分参数", "计分参数"]],
  ])("%s: every parameter column is read", (_, group) => {
    const rows: Row[] = [
      ["某市部门整体支出绩效评价指标体系"],
      [...upper, ...group],
      lower,
      ...body,
    ];
    expect(read(rows).messages).toEqual([]);
    // 执行率 85%: 10 × (85% − 60%) ÷ (100% − 60%) = 6.25; 在职 104%: 5 − 0.5 × 4 = 3;
    // 满意度 92.7% ≥ 90%: 5.
    expect(scoreOf(named(rows, "预算执行率"), "0.85")).toBe("6.25");
    expect(scoreOf(named(rows, "在职人员控制率"), "1.04")).toBe("3");
    expect(scoreOf(named(rows, "满意度"), "0.927")).toBe("5");
  });
});

describe("小计 rows in the indicator table", () => {
  const header: Row = [
    "一级指标",
    "二级指标",
    "三级指标",
    "分值",
    "计分方法",
    "考核内容",
    "零分线",
    "满分线",
  ];
  const rows: Row[] = [
    header,
    ["一、投入", null, null, 20],
    [null, "预算执行", null, 15],
    [null, null, "预算执行率", 15, "线性区间得分", "财政支出执行率", "60%", "100%"],
    [null, "人员管理", null, 5, "主观评分"],
    ["投入小计", null, null, 20],
    ["二、产出", null, null, null],
    [null, "重点工作完成率", null, 20, "按完成率得分", "重点工作完成率"],
    [null, "其他工作", null, 60, "主观评分"],
    [null, "小计", null, 80],
    ["合计", null, null, 100],
  ];

  it("are not indicators: four rows scored, 15 + 5 + 20 + 60 = 100, no message", () => {
    const { standard, messages } = read(rows);
    expect(standard.indicators.map((i) => [i.name, i.max.toString()])).toEqual([
      ["预算执行率", "15"],
      ["人员管理", "5"],
      ["重点工作完成率", "20"],
      ["其他工作", "60"],
    ]);
    expect(messages).toEqual([]);
  });
});

describe("a 总分封顶 row half filled", () => {
  it("with no 总分最高 is named at its empty cell, and not used", () => {
    const { standard, messages } = read([
      HEADER,
      ["其他", "其他工作", 100, "主观评分"],
      [],
      ["执行率低于", "总分最高"],
      ["90%", null],
    ]);
    expect(standard.caps).toEqual([]);
    expect(messages).toEqual(["评分标准!B6：未填写总分最高，该行封顶未采用"]);
  });
});

describe("定性分档 none of whose parts is a range", () => {
  it("is refused at its cell, not an internal error", () => {
    const { messages } = read([
      HEADER,
      ["效益", "单值", 10, "定性分档", null, null, "优:100%；良:80%；中:60%；差:0"],
      ["其他", "其他工作", 90, "主观评分"],
    ]);
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect(m).toMatch(/^评分标准!G3：定性分档“/);
  });
});

describe("a band cell with several parts that cannot be read", () => {
  it("gets one sentence naming them all", () => {
    const { messages } = read([
      HEADER,
      [
        "满意度",
        "分档",
        10,
        "分档得分",
        "满意度",
        null,
        "95%（含）以上得满分；90%～95%得8分；90%以下得0分",
      ],
      ["效益", "单值", 10, "定性分档", null, null, "优:100%；良:80%；中:60%；差:0"],
      ["其他", "其他工作", 80, "主观评分"],
    ]);
    const fallback = "；该指标暂按主观评分（以填报得分计入）";
    expect(messages).toEqual([
      `评分标准!G3：分档“95%(含)以上得满分”、“90%~95%得8分”、“90%以下得0分”无法识别，应写作“≥95%:10”或“80%～90%:6”${fallback}`,
      `评分标准!G4：定性分档“优:100%”、“良:80%”、“中:60%”、“差:0”无法识别，应写作“达成/优:80%～100%”${fallback}`,
    ]);
  });
});

describe("bands that overlap in several places", () => {
  const fallback = "；该指标暂按主观评分（以填报得分计入）";

  it("get one sentence per indicator, naming it, every overlapping pair and where they overlap", () => {
    const { messages } = read([
      HEADER,
      [
        "效益",
        "十分制",
        10,
        "定性分档",
        null,
        null,
        "优秀:9～10；良好:7.5～9.5；一般:6～8；较差:0～6.5",
      ],
      ["效益", "按比例", 20, "定性分档", null, null, "优:80%～100%；良:50%～85%；差:0～60%"],
      [
        "满意度",
        "满意度分档",
        10,
        "分档得分",
        "满意度",
        null,
        "≥90%:10；80%～95%:8；70%～85%:6；<75%:0",
      ],
      ["其他", "其他工作", 60, "主观评分"],
    ]);
    expect(messages).toEqual([
      `评分标准!G3：指标“十分制”的定性分档“优秀 9～10 分”与“良好 7.5～9.5 分”重叠（9～9.5 分），“良好 7.5～9.5 分”与“一般 6～8 分”重叠（7.5～8 分），“一般 6～8 分”与“较差 0～6.5 分”重叠（6～6.5 分）${fallback}`,
      `评分标准!G4：指标“按比例”的定性分档“优 16～20 分”与“良 10～17 分”重叠（16～17 分），“良 10～17 分”与“差 0～12 分”重叠（10～12 分）${fallback}`,
      `评分标准!G5：指标“满意度分档”的分档“≥90.00%”与“80.00%～95.00%”重叠（90.00%～95.00%），“80.00%～95.00%”与“70.00%～85.00%”重叠（80.00%～85.00%），“70.00%～85.00%”与“<75.00%”重叠（70.00%～75.00%（不含））${fallback}`,
    ]);
  });

  it("still allow bands that only meet at a boundary (良好 7.5～9, 优秀 9～10)", () => {
    const { messages } = read([
      HEADER,
      [
        "效益",
        "十分制",
        10,
        "定性分档",
        null,
        null,
        "优秀:9～10；良好:7.5～9；一般:6～7.5；较差:0～6",
      ],
      ["满意度", "满意度分档", 10, "分档得分", "满意度", null, "≥90%:10；80%～90%:8；<80%:0"],
      ["其他", "其他工作", 80, "主观评分"],
    ]);
    expect(messages).toEqual([]);
  });
});

describe("blank rows among the indicator rows (an officer's empty line between groups)", () => {
  const GRADES: Row[] = [
    ["等级", "最低分"],
    ["优", 90],
    ["良", 80],
    ["中", 60],
    ["差", 0],
  ];

  it("are stepped over: every indicator below them is read, and the 等级 block below is not one", () => {
    const { standard, messages } = read([
      HEADER,
      ["投入", "预算执行率", 20, "按完成率得分", "财政支出执行率"],
      [],
      ["产出", "重点工作完成率", 30, "按完成率得分", "重点工作完成率"],
      [],
      [],
      ["三、效益"],
      [null, "社会效益", 50, "主观评分"],
      [],
      ...GRADES,
    ]);
    expect(messages).toEqual([]);
    expect(standard.indicators.map((i) => [i.level1, i.name, i.max.toString()])).toEqual([
      ["投入", "预算执行率", "20"],
      ["产出", "重点工作完成率", "30"],
      ["三、效益", "社会效益", "50"],
    ]);
    expect(standard.grades.map((g) => [g.grade, g.min.toString()])).toEqual([
      ["优", "90"],
      ["良", "80"],
      ["中", "60"],
      ["差", "0"],
    ]);
  });

  it("end at the 合计 row: a row below it, after a blank one, is not read", () => {
    const { standard, messages } = read([
      HEADER,
      ["投入", "预算执行率", 40, "按完成率得分", "财政支出执行率"],
      [],
      ["其他", "其他工作", 60, "主观评分"],
      ["合计", null, 100],
      [],
      ["加分项（不计入总分）", "创新工作", 5, "主观评分"],
    ]);
    expect(messages).toEqual([]);
    expect(standard.indicators.map((i) => i.name)).toEqual(["预算执行率", "其他工作"]);
  });

  it("end at a title over another block when there is no 合计 row", () => {
    const { standard, messages } = read([
      HEADER,
      ["投入", "预算执行率", 40, "按完成率得分", "财政支出执行率"],
      [],
      ["其他", "其他工作", 60, "主观评分"],
      [],
      ["二、等级"],
      ...GRADES,
      [],
      ["填写说明"],
      ["主观评分", "按评分要点打分", null, "主观评分"],
    ]);
    expect(messages).toEqual([]);
    expect(standard.indicators.map((i) => i.name)).toEqual(["预算执行率", "其他工作"]);
    expect(standard.grades.map((g) => g.grade)).toEqual(["优", "良", "中", "差"]);
  });
});

describe("a 合计 row written in the 二级指标 column", () => {
  it("is the total, not an indicator worth 100", () => {
    const { standard, messages } = read([
      HEADER,
      ["投入", "预算执行率", 40, "按完成率得分", "财政支出执行率"],
      ["其他", "其他工作", 60, "主观评分"],
      [null, "合计", 100],
    ]);
    expect(messages).toEqual([]);
    expect(standard.indicators.map((i) => i.name)).toEqual(["预算执行率", "其他工作"]);
  });
});

describe("a 目标值 written with its comparison (≥95%, ≤100%, 不超过100%)", () => {
  const header: Row = [
    "一级指标",
    "二级指标",
    "分值",
    "计分方法",
    "考核内容",
    "目标值",
    "扣分标准",
  ];
  const STAFF = "在职人员控制率";
  const rows: Row[] = [
    header,
    ["投入", "上限（≤）", 5, "超过上限按百分点扣分", STAFF, "≤100%", 0.5],
    ["投入", "上限（<=）", 5, "超过上限按百分点扣分", STAFF, "<=100%", 0.5],
    ["投入", "上限（全角）", 5, "超过上限按百分点扣分", STAFF, "≤ 100％", 0.5],
    ["投入", "上限（全角＜＝）", 5, "超过上限按百分点扣分", STAFF, "＜＝１００％", 0.5],
    ["投入", "上限（不超过）", 5, "超过上限按百分点扣分", STAFF, "不超过100%", 0.5],
    ["过程", "反向（以内）", 10, "按反向比例得分", "“三公”经费控制率", "100%以内"],
    ["产出", "比例（≥）", 10, "按完成比例得分", "重点工作完成率", "≥95%"],
    ["产出", "比例（及以上）", 10, "按完成比例得分", "重点工作完成率", "95%及以上"],
    ["产出", "扣分（不低于）", 10, "低于目标按百分点扣分", "财政支出执行率", "不低于95%", 0.5],
    ["其他", "其他工作", 35, "主观评分"],
  ];

  it("are read without a problem, as the level written", () => {
    const { standard, messages } = read(rows);
    expect(messages).toEqual([]);
    expect(standard.indicators.map((i) => i.rule.params.target?.toString() ?? null)).toEqual([
      ...Array<string>(6).fill("1"),
      "0.95",
      "0.95",
      "0.95",
      null,
    ]);
  });

  it("score as the rule says: a ceiling (≤) for 上限 and 反向, a level to reach (≥) for 比例 and 扣分", () => {
    // 在职 104%: 5 − 0.5 × 4 = 3; 三公 110%: 10 × 100% ÷ 110% = 9.09; 完成 90%: 10 × 90% ÷ 95% =
    // 9.47; 执行 90%: 10 − 0.5 × 5 = 7.5.
    for (const name of [
      "上限（≤）",
      "上限（<=）",
      "上限（全角）",
      "上限（全角＜＝）",
      "上限（不超过）",
    ])
      expect(scoreOf(named(rows, name), "1.04")).toBe("3");
    expect(scoreOf(named(rows, "反向（以内）"), "1.1")).toBe("9.09");
    expect(scoreOf(named(rows, "比例（≥）"), "0.9")).toBe("9.47");
    expect(scoreOf(named(rows, "比例（及以上）"), "0.9")).toBe("9.47");
    expect(scoreOf(named(rows, "扣分（不低于）"), "0.9")).toBe("7.5");
  });

  it("against its rule's direction is named at its cell, and the row scored as 主观评分", () => {
    const { standard, messages } = read([
      header,
      ["产出", "比例", 10, "按完成比例得分", "重点工作完成率", "≤100%"],
      ["投入", "上限", 5, "超过上限按百分点扣分", STAFF, "≥100%", 0.5],
      ["其他", "其他工作", 85, "主观评分"],
    ]);
    const fallback = "；该指标暂按主观评分（以填报得分计入）";
    expect(messages).toEqual([
      `评分标准!F3：目标值“≤100%”是上限，而该计分方法的目标值是应达到的值（越低越好的指标请选“按反向比例得分”或“超过上限按百分点扣分”）${fallback}`,
      `评分标准!F4：上限“≥100%”是下限，而该计分方法的上限是不应超过的值（越高越好的指标请选“按完成比例得分”或“低于目标按百分点扣分”）${fallback}`,
    ]);
    expect(standard.indicators.map((i) => i.rule.kind)).toEqual([
      "judgment",
      "judgment",
      "judgment",
    ]);
  });
});

describe("等级 lines as cities write them", () => {
  const body: Row[] = [HEADER, ["其他", "其他工作", 100, "主观评分"], []];
  const lines = (...rows: [string, CellValue][]) => read([...body, ["等级", "最低分"], ...rows]);
  const bands = (rows: ReturnType<typeof read>) =>
    rows.standard.grades.map((g) => [g.grade, `${g.above ? ">" : "≥"}${g.min.toString()}`]);

  it.each<[string, [string, CellValue][], string[][]]>([
    [
      "with 总分 and ≥ / < (80≤总分<90, 总分<60)",
      [
        ["优", "总分≥90"],
        ["良", "80≤总分<90"],
        ["中", "60≤总分<80"],
        ["差", "总分<60"],
      ],
      [
        ["优", "≥90"],
        ["良", "≥80"],
        ["中", "≥60"],
        ["差", "≥0"],
      ],
    ],
    [
      "with 分 and words (90分及以上, 80分（含）-90分, 60分以下)",
      [
        ["优", "90分及以上"],
        ["良", "80分（含）-90分"],
        ["中", "60～79分"],
        ["差", "60分以下"],
      ],
      [
        ["优", "≥90"],
        ["良", "≥80"],
        ["中", "≥60"],
        ["差", "≥0"],
      ],
    ],
    [
      "as ranges and a bare ceiling (90-100, 80-90, [60,80), <60)",
      [
        ["优", "90-100"],
        ["良", "80-90"],
        ["中", "[60,80)"],
        ["差", "<60"],
      ],
      [
        ["优", "≥90"],
        ["良", "≥80"],
        ["中", "≥60"],
        ["差", "≥0"],
      ],
    ],
    [
      "with > and ≤: the line itself belongs to the grade below (总分>90, 80<总分≤90)",
      [
        ["优", "总分>90"],
        ["良", "80<总分≤90"],
        ["中", "60<总分≤80"],
        ["差", "总分≤60"],
      ],
      [
        ["优", ">90"],
        ["良", ">80"],
        ["中", ">60"],
        ["差", "≥0"],
      ],
    ],
    [
      "with words for the comparison (综合评分大于等于90, 不低于80, 低于60)",
      [
        ["优", "综合评分大于等于90"],
        ["良", "不低于80"],
        ["中", "得分≥60"],
        ["差", "低于60分"],
      ],
      [
        ["优", "≥90"],
        ["良", "≥80"],
        ["中", "≥60"],
        ["差", "≥0"],
      ],
    ],
  ])("%s are read without a problem", (_, rows, expected) => {
    const got = lines(...rows);
    expect(got.messages).toEqual([]);
    expect(bands(got)).toEqual(expected);
  });

  it("that cannot be read get one message naming the cell, and the standard grades are used", () => {
    const got = lines(
      ["优", "九十分以上"],
      ["良", "80≤总分<90"],
      ["中", "60≤总分<80"],
      ["差", "总分<60"]
    );
    expect(got.messages).toEqual([
      "评分标准!B6：等级“优”的最低分“九十分以上”无法识别，应写作 90、≥90、80～90、80≤总分<90 或 60分以下；已按 优 ≥ 90、良 ≥ 80、中 ≥ 60、差 < 60 评定等级",
    ]);
    expect(bands(got)).toEqual([
      ["优", "≥90"],
      ["良", "≥80"],
      ["中", "≥60"],
      ["差", "≥0"],
    ]);
  });

  it("with only a ceiling above the lowest grade get one message naming the cell", () => {
    const got = lines(["优", "≥90"], ["良", "<90"], ["中", "≥60"], ["差", "<60"]);
    expect(got.messages).toEqual([
      "评分标准!B7：等级“良”的“<90”只写了上限，只有最低的等级可以这样写，请写明最低分（如 80 或 80≤总分<90）；已按 优 ≥ 90、良 ≥ 80、中 ≥ 60、差 < 60 评定等级",
    ]);
  });
});

describe("notes typed straight under a block (注：…, 说明：…)", () => {
  it("are no indicator, grade or setting, and get no message", () => {
    const { standard, messages } = read([
      ["一级指标", "二级指标", "分值", "计分方法"],
      ["其他", "其他工作", "100分", "主观评分"],
      ["注：分值合计 100 分。"],
      [],
      ["等级", "最低分"],
      ["优", 90],
      ["良", 80],
      ["中", 60],
      ["差", 0],
      ["注：总分按各指标得分相加。"],
      [],
      ["设置项", "取值"],
      ["得分保留小数位", 3],
      ["说明：以上设置由市财政局统一规定。"],
    ]);
    expect(messages).toEqual([]);
    expect(standard.indicators.map((i) => [i.name, i.max.toString()])).toEqual([
      ["其他工作", "100"],
    ]);
    expect(standard.grades.map((g) => g.grade)).toEqual(["优", "良", "中", "差"]);
    expect(standard.settings.scoreDecimals).toBe(3);
  });
});

describe("the 等级 block's header", () => {
  const grades = (header: Row) =>
    read([
      HEADER,
      ["其他", "其他工作", 100, "主观评分"],
      [],
      header,
      ["优秀", "总分≥90"],
      ["良好", "80≤总分<90"],
      ["合格", "60≤总分<80"],
      ["不合格", "总分<60"],
    ]);

  it.each([["分值区间"], ["分数段"], ["得分区间"], ["分数线"]])("等级 | %s is read", (min) => {
    const { standard, messages } = grades(["等级", min]);
    expect(messages).toEqual([]);
    expect(standard.grades.map((g) => [g.grade, g.min.toString()])).toEqual([
      ["优秀", "90"],
      ["良好", "80"],
      ["合格", "60"],
      ["不合格", "0"],
    ]);
  });

  it("not read is one message at its 等级 cell, not the standard grades in silence", () => {
    const { standard, messages } = grades(["等级", "划分标准"]);
    expect(messages).toEqual([
      "评分标准!A5：“等级”一行未能识别为等级表头：应写作“等级 | 最低分”（最低分也可写作分数线、分数区间、得分区间）；已按 优 ≥ 90、良 ≥ 80、中 ≥ 60、差 < 60 评定等级",
    ]);
    expect(standard.grades.map((g) => g.grade)).toEqual(["优", "良", "中", "差"]);
  });
});
