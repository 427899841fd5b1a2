/**
 * 项目支出绩效自评表: found by content on any sheet (one per sheet or stacked), told apart from the
 * department's own tables, scored by the project standard; a form filled in wrong gets one
 * Chinese message per mistake, naming its cell.
 */
import type { CellValue } from "../../src/hosts/snapshot";
import { parseWorkbook } from "../../src/parse/parseWorkbook";
import { scoreSnapshot } from "../../src/pipeline/scoreWorkbook";
import { FORM_SHEET, formSheet, formWorkbook, goodForm } from "../fixtures/projectForm";
import { sampleSnapshot } from "./sampleSnapshot";

const only = <T>(list: T[] | undefined): T => {
  expect(list).toHaveLength(1);
  return (list as T[])[0];
};

describe("finding project forms", () => {
  it("reads a form: name, units, funds, goal, indicator rows with their targets, 总分 and 等级", () => {
    const { input } = parseWorkbook(formWorkbook());
    const form = only(input.projectForms);
    expect(form).toMatchObject({
      name: "社保卡发行项目",
      department: "佛山市人力资源和社会保障局",
      unit: "佛山市社会保险基金管理局",
      sheet: FORM_SHEET,
      cell: `${FORM_SHEET}!B3`,
      goal: { expected: "发行社保卡 10 万张", actual: "发行 12 万张" },
      hasMax: true,
      statedGrade: { text: "优", cell: `${FORM_SHEET}!I17` },
    });
    expect(
      [form.funds.total?.initial, form.funds.total?.adjusted, form.funds.total?.spent].map(String)
    ).toEqual(["100", "120", "110"]);
    expect(form.funds.parts.map((p) => p.label)).toEqual(["财政拨款", "上年结转", "其他资金"]);
    expect([form.funds.max, form.funds.entered].map(String)).toEqual(["10", "9.17"]);
    expect(
      form.indicators.map((i) => [
        i.level1,
        i.level2,
        i.name,
        i.target,
        i.actual,
        String(i.max),
        String(i.entered),
      ])
    ).toEqual([
      ["产出指标", "数量指标", "发卡数量", "≥10万张", "12万张", "30", "30"],
      ["产出指标", "质量指标", "制卡合格率", "≥99%", "99.5%", "20", "20"],
      ["效益指标", "社会效益指标", "群众办事便利度", "有效提升", "达成", "30", "30"],
      ["满意度指标", "服务对象满意度指标", "持卡人满意度", "≥90%", "93%", "10", "10"],
    ]);
    expect(form.statedTotal).toEqual({
      entered: expect.anything(),
      max: expect.anything(),
      cell: `${FORM_SHEET}!H17`,
      maxCell: `${FORM_SHEET}!G17`,
    });
  });

  it.each([
    ["its （2022 年度） line under the title", {}, { value: 2022, cell: "A2" }],
    ["its title", { A1: "2021年度项目支出绩效自评表", A2: null }, { value: 2021, cell: "A1" }],
    ["a 年度 cell", { A2: "评价年度：二〇二一年" }, { value: 2021, cell: "A2" }],
    ["nowhere (a blank template's line)", { A2: "（　　年度）" }, undefined],
  ])("reads the form's year from %s", (_, edits, year) => {
    const form = only(parseWorkbook(formWorkbook(edits)).input.projectForms);
    expect(form.year).toEqual(year && { value: year.value, cell: `${FORM_SHEET}!${year.cell}` });
  });

  it("takes a 主管部门 left blank for none, not for the 实施单位 label beside it", () => {
    const form = only(parseWorkbook(formWorkbook({ B4: null })).input.projectForms);
    expect([form.department, form.unit]).toEqual([undefined, "佛山市社会保险基金管理局"]);
  });

  it.each([
    ["佛山市人力资源和社会保障局（公章）", "佛山市社会保险基金管理局（盖章）"],
    ["佛山市人力资源和社会保障局(签章)", "佛山市社会保险基金管理局 ( 印章 )"],
    ["佛山市人力资源和社会保障局 （盖章）", "佛山市社会保险基金管理局"],
  ])("reads 主管部门 %s and 实施单位 %s without the seal's place", (department, unit) => {
    const form = only(parseWorkbook(formWorkbook({ B4: department, F4: unit })).input.projectForms);
    expect([form.department, form.unit]).toEqual([
      "佛山市人力资源和社会保障局",
      "佛山市社会保险基金管理局",
    ]);
  });

  it("reads a 主管部门 labelled with where its seal goes (主管部门（盖章）)", () => {
    const form = only(parseWorkbook(formWorkbook({ A4: "主管部门（盖章）" })).input.projectForms);
    expect(form.department).toBe("佛山市人力资源和社会保障局");
  });

  it("reads a 单位：元 note above the form's name lines, four rows over its funds header", () => {
    const { input } = parseWorkbook(
      formWorkbook({ A1: "项目支出绩效自评表　单位：元", A5: "项目资金" })
    );
    const total = only(input.projectForms).funds.total;
    expect([total?.initial, total?.adjusted, total?.spent].map(String)).toEqual([
      "0.01",
      "0.012",
      "0.011",
    ]);
  });

  it("keeps a row with its own targets whose 分值 happens to equal the rows above (not a 小计)", () => {
    // 制卡合格率's 三级 left blank (its name is its 二级, 质量指标), 分值 25 after 发卡数量's 25.
    const { input } = parseWorkbook(
      formWorkbook({ G13: 25, H13: 25, D14: null, G14: 25, H14: 25 })
    );
    const rows = only(input.projectForms).indicators;
    expect(rows.map((r) => [r.name, String(r.max)])).toEqual([
      ["发卡数量", "25"],
      ["质量指标", "25"],
      ["群众办事便利度", "30"],
      ["持卡人满意度", "10"],
    ]);
  });

  it("scores it by the national project standard: 9.17 + 90 = 99.17, 优, no gap", () => {
    const { evaluation } = scoreSnapshot(formWorkbook());
    const p = only(evaluation.projects?.results);
    expect(evaluation.projects?.standard).toMatchObject({
      id: "caiyu-2020-project",
      source: "fallback",
    });
    expect([p.total.toString(), p.grade, p.execution.text]).toEqual([
      "99.17",
      "优",
      "全年执行数 110.00 ÷ 全年预算数 120.00 = 91.67%",
    ]);
    expect(p.indicators.map((i) => [i.level1, i.name, String(i.computed)])).toEqual([
      ["预算执行率", "预算执行率", "9.17"],
      ["产出指标", "发卡数量", "30"],
      ["产出指标", "制卡合格率", "20"],
      ["效益指标", "群众办事便利度", "30"],
      ["满意度指标", "持卡人满意度", "10"],
    ]);
    expect(p.gaps).toEqual([]);
  });

  it("reads several forms stacked on one sheet, and forms on sheets of any name", () => {
    const a = formSheet(goodForm("甲项目"), "项目汇编");
    const b = formSheet(goodForm("乙项目"), "x");
    a.values.push([], [], ...b.values);
    const other = formSheet(goodForm("丙项目"), "Sheet3");
    const { input } = parseWorkbook({ sheets: [a, other] });
    expect(input.projectForms?.map((f) => [f.name, f.sheet, f.cell])).toEqual([
      ["甲项目", "项目汇编", "项目汇编!B3"],
      ["乙项目", "项目汇编", "项目汇编!B24"],
      ["丙项目", "Sheet3", "Sheet3!B3"],
    ]);
    expect(input.projectForms?.[1].indicators).toHaveLength(4);
  });

  // The good form printed over two pages after its first row (13): the header (row 12) repeated.
  const HEADER = formSheet().values[11] as CellValue[];
  it.each([
    ["repeated right under the page's rows", [HEADER]],
    ["after a blank row", [[], HEADER]],
    [
      "after a blank row and the title 项目支出绩效自评表（续）",
      [[], ["项目支出绩效自评表（续）"], HEADER],
    ],
    ["under 绩效指标（续） in the 一级 column", [[null, "绩效指标（续）"], HEADER]],
  ])("reads an indicator table printed over two pages, its header %s, as one", (_, between) => {
    const sheet = formSheet();
    sheet.values.splice(13, 0, ...between);
    const total = 17 + between.length; // the 总分 row, moved down
    const { input } = parseWorkbook({ sheets: [sheet] });
    const form = only(input.projectForms);
    // 制卡合格率 begins the second page, its 一级 (产出指标, merged) carried over from the first.
    expect(
      form.indicators.map((i) => [i.level1, i.name, String(i.max), String(i.entered)])
    ).toEqual([
      ["产出指标", "发卡数量", "30", "30"],
      ["产出指标", "制卡合格率", "20", "20"],
      ["效益指标", "群众办事便利度", "30", "30"],
      ["满意度指标", "持卡人满意度", "10", "10"],
    ]);
    expect(form.statedTotal?.cell).toBe(`${FORM_SHEET}!H${total}`);
    const p = only(scoreSnapshot({ sheets: [sheet] }).evaluation.projects?.results);
    expect([p.total.toString(), p.grade, p.gaps]).toEqual(["99.17", "优", []]);
  });

  it("never takes the next form's header for a second page: two forms stacked stay two", () => {
    const a = formSheet(goodForm("甲项目"), "项目汇编");
    a.values.length = 16; // 甲项目 without its 总分 row …
    // … and 乙项目 under it: a blank row, its title (项目支出绩效自评表), year line, 项目名称 …
    a.values.push([], ...formSheet(goodForm("乙项目")).values);
    const forms = parseWorkbook({ sheets: [a] }).input.projectForms ?? [];
    expect(forms.map((f) => [f.name, f.indicators.length])).toEqual([
      ["甲项目", 4],
      ["乙项目", 4],
    ]);
  });

  it("reads a 小计 row that carries “—” as its targets as a subtotal, not an indicator", () => {
    // Row 15 made 产出指标's 小计: its 一级 only, 分值 50 = 30 + 20, “—” as 指标值 and 完成值.
    const edits = { B15: "产出指标", C15: null, D15: null, E15: "—", F15: "—", G15: 50, H15: 50 };
    const rows = only(parseWorkbook(formWorkbook(edits)).input.projectForms).indicators;
    expect(rows.map((r) => r.name)).toEqual(["发卡数量", "制卡合格率", "持卡人满意度"]);
  });

  it("gives a cell that could not be read to its own form, in forms stacked with no blank row", () => {
    const a = formSheet(goodForm("甲项目"), "项目汇编");
    const b = formSheet(goodForm("乙项目"), "x");
    a.values.length = 17; // 甲项目 ends at its 总分 row (17) …
    a.values.push(...b.values); // … and 乙项目's title follows on row 18, its name on row 20
    (a.values[16] as CellValue[])[7] = "九十"; // H17: 甲项目's 总分
    const { evaluation } = scoreSnapshot({ sheets: [a] });
    const [first, second] = evaluation.projects?.results ?? [];
    expect(first?.gaps.map((g) => g.cell)).toContain("项目汇编!H17");
    expect(second?.gaps.map((g) => g.cell)).not.toContain("项目汇编!H17");
  });

  it("is told apart from the department's tables: the sample still scores 95.18 with forms beside it", async () => {
    const snapshot = await sampleSnapshot();
    snapshot.sheets.push(formSheet());
    const { evaluation, parse } = scoreSnapshot(snapshot);
    expect(parse.found.find((f) => f.kind === "indicators")?.sheet).toBe("绩效指标");
    expect(parse.found.find((f) => f.kind === "budget")?.sheet).toBe("预算支出");
    expect(evaluation.total.toString()).toBe("95.18");
    expect(evaluation.projects?.results).toHaveLength(1);
  });

  it("never takes a workbook of forms alone for a department (no indicator table found in a form)", () => {
    const { parse } = scoreSnapshot(formWorkbook());
    expect(parse.found.some((f) => f.kind === "indicators" || f.kind === "budget")).toBe(false);
    expect(parse.found.filter((f) => f.kind === "projectForm").map((f) => f.title)).toEqual([
      "项目支出绩效自评表：社保卡发行项目",
    ]);
  });

  it.each([
    ["last", [1, 2, 3, 0]],
    ["second", [1, 0, 2, 3]],
  ])(
    "reads a funds block whose 年度资金总额 row comes %s, as many provinces keep it",
    (_, order) => {
      const data = goodForm();
      const funds = order.map((i) => data.funds![i]);
      const sheet = formSheet({ ...data, funds });
      const p = only(scoreSnapshot({ sheets: [sheet] }).evaluation.projects?.results);
      expect([p.initial, p.budget, p.spending].map(String)).toEqual(["100", "120", "110"]);
      expect(p.total.toString()).toBe("99.17");
      const form = only(parseWorkbook({ sheets: [sheet] }).input.projectForms);
      expect(form.funds.parts.map((r) => r.label)).toEqual(["财政拨款", "上年结转", "其他资金"]);
    }
  );

  it("reads the 四川 headings too: 调整后预算数 · 执行数 · 指标值 · 完成值 · 权重", () => {
    const snapshot = formWorkbook({
      D5: "调整后预算数",
      E5: "执行数",
      E12: "指标值",
      F12: "完成值",
      G12: "权重",
      H12: "自评得分",
      I12: "未完成原因分析",
    });
    const p = only(scoreSnapshot(snapshot).evaluation.projects?.results);
    expect(p.total.toString()).toBe("99.17");
  });
});

const F = FORM_SHEET;

/** Each mistake: [what, edits, the messages (parse problems and the project's gaps), total after]. */
const BAD: [string, Record<string, CellValue>, string[], string][] = [
  [
    "no 项目名称",
    { B3: null },
    [`${F}!B5：项目支出绩效自评表（第 5 行起）缺少“项目名称”，以“${F}”代称`],
    "99.17",
  ],
  [
    "a funds amount that is not a number",
    { D6: "一百二十" },
    [
      `${F}!D6：“一百二十”不是数字`,
      "“预算执行率”扣 0.83 分，但未说明扣分原因。",
      "“预算执行率”无法按公式复核：年度资金总额缺少全年执行数或全年预算数；按填报得分 9.17 计入。",
    ],
    "99.17",
  ],
  [
    "a 全年预算数 of 0",
    { D6: 0 },
    [
      "“预算执行率”扣 0.83 分，但未说明扣分原因。",
      "“预算执行率”无法按公式复核：年度资金总额的全年预算数为 0，无法计算执行率；按填报得分 9.17 计入。",
      "全年预算数：年度资金总额 0.00 ≠ 财政拨款 110.00 + 上年结转 10.00 + 其他资金 —（相差 -120.00 万元）。",
    ],
    "99.17",
  ],
  [
    "funds that do not tie",
    { D7: 100 },
    [
      "全年预算数：年度资金总额 120.00 ≠ 财政拨款 100.00 + 上年结转 10.00 + 其他资金 —（相差 10.00 万元）。",
    ],
    "99.17",
  ],
  [
    "funds kept in 元 that do not tie by 12.34 元",
    {
      A5: "项目资金（元）",
      C6: 1000000,
      D6: 1200012.34,
      E6: 1100000,
      C7: 1000000,
      D7: 1100000,
      E7: 1000000,
      C8: 0,
      D8: 100000,
      E8: 100000,
    },
    [
      "全年预算数：年度资金总额 1,200,012.34 ≠ 财政拨款 1,100,000.00 + 上年结转 100,000.00 + 其他资金 —（相差 12.34 元）。",
    ],
    "99.17",
  ],
  [
    "an execution rate below 90% left unexplained",
    { E6: 100, E7: 90, H6: 8.33, H17: 98.33 },
    [
      "项目预算执行率 83.33%（全年执行数 100.00 ÷ 全年预算数 120.00 = 83.33%），低于 90.00%，未说明原因。",
    ],
    "98.33",
  ],
  [
    "an execution score that does not follow the rule",
    { H6: 10 },
    [
      "“预算执行率”填报得分 10.00 与按评分规则计算的 9.17 不一致（相差 0.83 分）。",
      "绩效指标表合计得分 99.17 分与各指标填报得分之和 100.00 分不一致。",
    ],
    "100",
  ],
  [
    "a missed target without 偏差原因",
    { F14: "98%", H14: 19.8 },
    [
      "“制卡合格率”未达到年度指标值（目标 ≥99%，实际 98%），未填写偏差原因分析及改进措施。",
      "绩效指标表合计得分 99.17 分与各指标填报得分之和 98.97 分不一致。",
    ],
    "98.97",
  ],
  [
    "a self-score above its 分值",
    { H13: 35 },
    [
      "“发卡数量”自评得分 35.00 超出 0～30.00 分的范围，已按 30.00 分计入。",
      "“发卡数量”填报得分 35.00 与按评分规则计算的 30.00 不一致（相差 5.00 分）。",
      "绩效指标表合计得分 99.17 分与各指标填报得分之和 104.17 分不一致。",
    ],
    "99.17",
  ],
  [
    "an actual in words against a numeric target",
    { F13: "超额完成" },
    [
      "“发卡数量”无法按公式复核：实际完成值“超额完成”不是数值，无法与指标值“≥10万张”比较；按填报得分 30.00 计入。",
    ],
    "99.17",
  ],
  [
    "an actual in another unit",
    { F13: "12万人" },
    [
      "“发卡数量”无法按公式复核：实际完成值的单位“万人”与指标值的单位“万张”不一致；按填报得分 30.00 计入。",
    ],
    "99.17",
  ],
  [
    "a qualitative target without a grade",
    { F15: null },
    [
      "“群众办事便利度”无法按公式复核：定性指标“有效提升”需填写评价等次（如 达成、部分达成、未达成）；按填报得分 30.00 计入。",
    ],
    "99.17",
  ],
  [
    "a grade word the bands do not know",
    { F15: "一般" },
    [
      "“群众办事便利度”无法按公式复核：评价等次“一般”不在定性分档中（可填：达成、部分达成、未达成）；按填报得分 30.00 计入。",
    ],
    "99.17",
  ],
  [
    "a qualitative score outside its grade's band",
    { F15: "部分达成" },
    [
      "“群众办事便利度”填报得分 30.00 不在评价等次对应的 18.00～24.00 分之间。",
      "“群众办事便利度”未达到年度指标值（目标 有效提升，实际 部分达成），未填写偏差原因分析及改进措施。",
    ],
    "99.17",
  ],
  [
    "分值 not adding to 100",
    { G13: 25 },
    [
      "“发卡数量”自评得分 30.00 超出 0～25.00 分的范围，已按 25.00 分计入。",
      "“发卡数量”填报得分 30.00 与按评分规则计算的 25.00 不一致（相差 5.00 分）。",
      "“产出指标”各行分值合计 45.00 分，评分标准为 50.00 分。",
      "各指标分值合计 95.00 分，不等于 100 分，无法评定等级。",
    ],
    "94.17",
  ],
  [
    "a 总分 that is not the sum",
    { H17: 90 },
    ["绩效指标表合计得分 90.00 分与各指标填报得分之和 99.17 分不一致。"],
    "99.17",
  ],
  [
    "a 自评等级 that the total does not give",
    { I17: "自评等级：良" },
    ["自评等级填报为“良”，按总分应为“优”。"],
    "99.17",
  ],
  [
    "a score that is not a number",
    { H16: "满分" },
    // The row counts its computed 10.00, so the stated 99.17 is the rows' sum: no second message.
    [`${F}!H16：“满分”不是数字`],
    "99.17",
  ],
  ["a score left blank, the 总分 counting its computed score", { H16: null }, [], "99.17"],
  [
    "a row of a class the standard does not have",
    { B14: "成本指标" },
    [
      "“产出指标”各行分值合计 30.00 分，评分标准为 50.00 分。",
      "“制卡合格率”不在评分标准（成本指标）中，按填报的分值 20.00、得分计入。",
    ],
    "99.17",
  ],
  [
    "no indicator table",
    { E12: null, F12: null },
    [
      `${F}!B5：项目支出绩效自评表缺少绩效指标表（表头须含“一级指标”“年度指标值”“实际完成值”）`,
      "项目自评表尚未填写绩效指标（三级指标、年度指标值、实际完成值），无法评定等级。",
    ],
    "9.17",
  ],
  [
    "an indicator marked 不适用",
    { H15: "不适用", H17: 98.81 },
    [
      "“群众办事便利度”不适用，已剔除；总分 = 其余指标得分 69.17 × 100.00 ÷ 其余指标分值 70.00 = 98.81 分。",
    ],
    "98.81",
  ],
  [
    "an indicator marked 不适用, 总分 written as the plain sum",
    { H15: "不适用", H17: 69.17 },
    [
      "“群众办事便利度”不适用，已剔除；总分 = 其余指标得分 69.17 × 100.00 ÷ 其余指标分值 70.00 = 98.81 分。",
    ],
    "98.81",
  ],
];

describe("a project form filled in wrong", () => {
  it.each(BAD)("%s: one message per mistake, naming its cell", (_, edits, messages, total) => {
    const { evaluation, parse } = scoreSnapshot(formWorkbook(edits));
    const p = only(evaluation.projects?.results);
    // The form's cells that could not be read are the form's problems (first), once each.
    const problems = parse.problems.filter((x) => x.sheet === F).map((x) => x.message);
    expect(p.gaps.map((g) => g.message)).toEqual(messages);
    expect(p.gaps.slice(0, problems.length).map((g) => g.message)).toEqual(problems);
    for (const g of p.gaps.filter((g) => g.code !== "missingScore"))
      expect(g.cell ?? "").toMatch(new RegExp(`^${F}!|^$`));
    // 分值 not adding to 100 points at a 分值 cell of the form (its 总分 row's, else its first).
    for (const g of p.gaps.filter((g) => g.code === "maxTotalNot100"))
      expect(g.cell).toMatch(new RegExp(`^${F}![A-Z]+\\d+$`));
    expect(p.total.toString()).toBe(total);
  });

  it("counts at least 20 such cases", () => expect(BAD.length).toBeGreaterThanOrEqual(20));

  it("shares each class's 分值 among its rows when the form has no 分值 column, and says so", () => {
    const noMax = { G12: null, G13: null, G14: null, G15: null, G16: null };
    const { evaluation } = scoreSnapshot(formWorkbook(noMax));
    const p = only(evaluation.projects?.results);
    expect(p.indicators.map((i) => [i.name, i.max.toString()])).toEqual([
      ["预算执行率", "10"],
      ["发卡数量", "25"],
      ["制卡合格率", "25"],
      ["群众办事便利度", "30"],
      ["持卡人满意度", "10"],
    ]);
    // 发卡数量 was entered as 30 of what was its 30: now above its share, counted as 25.
    expect(p.total.toString()).toBe("94.17");
    expect(p.gaps.map((g) => g.message)).toContain(
      "绩效指标表没有分值列，各类指标的分值取自评分标准“项目支出绩效自评（财预〔2020〕10号）”，在该类各行间平均分配（末行取余数）：产出指标 50.00 分分给 2 行，效益指标 30.00 分分给 1 行，满意度指标 10.00 分分给 1 行。"
    );
  });

  it("writes the execution rate of a funds block kept in 元 in 元, as the form shows it", () => {
    const inYuan = { A5: "项目资金（元）", C6: 1000000, D6: 1200000, E6: 1100000 };
    const p = only(scoreSnapshot(formWorkbook(inYuan)).evaluation.projects?.results);
    expect(p.execution.text).toBe(
      "全年执行数 1,100,000.00 元 ÷ 全年预算数 1,200,000.00 元 = 91.67%"
    );
  });

  it("gives the last row what rounding leaves: 50 over 3 rows is 16.67, 16.67, 16.66", () => {
    const threeOutputs = { G12: null, G13: null, G14: null, G15: null, G16: null, B15: "产出指标" };
    const p = only(scoreSnapshot(formWorkbook(threeOutputs)).evaluation.projects?.results);
    expect(
      p.indicators.filter((i) => i.level1 === "产出指标").map((i) => i.max.toString())
    ).toEqual(["16.67", "16.67", "16.66"]);
  });

  it.each([
    ["an actual in words", { F13: "十二万张" }, "notComputable", "F13"],
    ["an actual in another unit", { F13: "12万人" }, "notComputable", "F13"],
    ["an actual in words, no score entered", { F13: "十二万张", H13: null }, "missingScore", "F13"],
    ["a grade word the bands do not know", { F15: "一般" }, "notComputable", "F15"],
    // Not the funds row's 分值 (F6): the 总分 row's, which holds the 分值 that are added up.
    ["分值 not adding to 100", { G13: 25 }, "maxTotalNot100", "G17"],
  ])("names the cell at fault for %s, not the score's", (_, edits, code, cell) => {
    const { evaluation } = scoreSnapshot(formWorkbook(edits));
    const gap = only(evaluation.projects?.results).gaps.find((g) => g.code === code);
    expect(gap?.cell).toBe(`${F}!${cell}`);
  });

  // 制卡合格率's 分值 (G14, 20 of the 总分 row's 100) left blank: never a silent 0, said once.
  it("works out the one 分值 left blank from the 总分 row's 100, and says so at its cell", () => {
    const p = only(scoreSnapshot(formWorkbook({ G14: null })).evaluation.projects?.results);
    expect(p.gaps.map((g) => [g.message, g.cell])).toEqual([
      [
        "“制卡合格率”未填写分值，按总分行分值 100.00 分减去其余各项分值之和 80.00 分，计为 20.00 分。",
        `${F}!G14`,
      ],
    ]);
    expect(p.indicators.find((i) => i.name === "制卡合格率")?.max.toString()).toBe("20");
    expect([p.total.toString(), p.grade]).toEqual(["99.17", "优"]);
  });

  it.each([
    ["the 总分 row states no 分值", { G14: null, G17: null }, "，总分行未写明分值合计", "G14"],
    [
      "the 总分 row's 分值 is not 100",
      { G14: null, G17: 90 },
      "，总分行分值 90.00 分不是 100 分",
      "G14",
    ],
    [
      "the others already make 100",
      { G14: null, G13: 50, H13: 50, H17: 119.17 },
      "，其余各项分值之和已有 100.00 分",
      "G14",
    ],
    ["two are blank", { G13: null, G14: null }, `（${F}!G13、${F}!G14），未填写的不止一项`, "G13"],
  ])(
    "cannot grade a form whose blank 分值 cannot be worked out (%s): one message",
    (_, edits, why, cell) => {
      const { evaluation } = scoreSnapshot(formWorkbook(edits));
      const p = only(evaluation.projects?.results);
      const names =
        "G13" in edits && edits.G13 === null ? "“发卡数量”“制卡合格率”" : "“制卡合格率”";
      expect(p.gaps.map((g) => [g.message, g.cell])).toEqual([
        [
          `${names}未填写分值${why}，无法推算其分值；总分未计入其得分，无法评定等级。`,
          `${F}!${cell}`,
        ],
      ]);
      expect([p.grade, p.ungradedReason]).toEqual(["无法评定", `${names}未填写分值`]);
    }
  );

  it("says so when a table of targets has no funds block above it", () => {
    const { parse, evaluation } = scoreSnapshot(formWorkbook({ B6: "资金" }));
    expect(parse.problems.map((x) => x.message)).toContain(
      `${F}!B12：这张表有“年度指标值”“实际完成值”，像是项目支出绩效自评表，但上方没有“年度资金总额”行（项目资金），未作为项目评分`
    );
    expect(evaluation.projects).toBeUndefined();
    expect(parse.found.some((f) => f.kind === "indicators")).toBe(false);
  });
});
