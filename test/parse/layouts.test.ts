/** Tables found wherever and however finance staff keep them. */
import { dec } from "../../src/model/decimal";
import type { CellValue, WorkbookSnapshot } from "../../src/hosts/snapshot";
import { parseWorkbook } from "../../src/parse/parseWorkbook";
import { scoreSnapshot } from "../../src/pipeline/scoreWorkbook";
import { sampleSnapshot } from "./sampleSnapshot";

const sheet = (
  name: string,
  values: CellValue[][],
  top = 0,
  left = 0,
  numberFormats?: string[][]
) => ({ name, top, left, values, numberFormats });

/** The seed's budget table, typed differently: 元, text numbers, synonyms, another column order. */
function messyWorkbook(): WorkbookSnapshot {
  return {
    sheets: [
      sheet("封面", [
        ["佛山市社会保险基金管理局 2022 年度部门整体支出绩效自评"],
        ["部门名称：佛山市社会保险基金管理局（公章）"],
      ]),
      sheet(
        "决算数据",
        [
          ["附表1", null, null, null, null],
          [null, null, null, null, "单位：元"],
          ["序号", "科目", "全年执行数", "年初数", "调整后预算数"],
          [1, "一、基本支出", "29,080,100", 29782300, 30054700],
          [2, "  人员经费", "２５６１６８００", 25948700, 26463900],
          [3, "  日常公用经费", 3463200, "3,833,600", 3590800],
          [4, "二、项目支出", 437574200, 375905000, 493566700],
          [5, "其中：基本建设类项目", "—", "-", "/"],
          [6, "合计", 466654300, 405687300, 523621400],
        ],
        5,
        2
      ),
      sheet("指标", [
        ["一级指标", "二级指标", "评价指标", "权重", "得分", "扣分原因"],
        ["管理效率", null, "预算绩效管理情况", 10, 10, null],
        [null, null, "财务管理情况", 20, "20", null],
        [null, null, "项目管理情况", 12, 12, null],
        [null, null, "资产管理情况", 8, 8, null],
        ["履职效能", null, "三公经费控制情况", 3, 3, null],
        [null, null, "财政支出执行率", 10, 5.18, "按评分标准"],
        [null, null, "重点工作完成率", 10, 10, null],
        [null, null, "项目绩效目标完成率", 7, 7, null],
        [null, null, "政治建设、经济建设、文化建设、社会建设、生态文明建设效益", 10, 10, null],
        [null, null, "公众或服务对象满意度", 5, 5, null],
        ["（报告未列明）", null, "报告未列明的指标", 5, 5, null],
        ["合计", null, null, 100, 95.18, null],
      ]),
      sheet("其他", [
        ["年度", "2022年"],
        ["财政支出执行率", "８０．８７％"],
        ["三公经费预算（元）", 135000],
        ["三公经费实际支出（元）", 18800],
      ]),
    ],
  };
}

describe("finding tables", () => {
  it("reads a budget table in 元 anywhere on a sheet, with synonyms, text numbers and full-width digits", () => {
    const { input, problems, found } = parseWorkbook(messyWorkbook());
    expect(problems).toEqual([]);
    const row = (c: string) => input.budget.rows.find((r) => r.category === c);
    expect(row("basic")?.final?.toString()).toBe("2908.01");
    expect(row("personnel")?.final?.toString()).toBe("2561.68");
    expect(row("publicOperating")?.initial?.toString()).toBe("383.36");
    expect(row("total")?.adjusted?.toString()).toBe("52362.14");
    expect(row("capitalConstruction")).toMatchObject({
      initial: null,
      adjusted: null,
      final: null,
    });
    expect(row("total")?.cells?.final).toBe("决算数据!E14");
    expect(found.find((f) => f.kind === "budget")).toMatchObject({
      sheet: "决算数据",
      range: "D8:G14",
    });
    expect(input.department).toBe("佛山市社会保险基金管理局");
    expect(input.year).toBe(2022);
    expect(input.city).toBe("佛山市");
    expect(input.budget.officialExecutionRate?.toString()).toBe("0.8087");
    expect(input.threePublic?.budget?.toString()).toBe("13.5");
    expect(input.threePublic?.actual?.toString()).toBe("1.88");
    expect(input.statedTotal?.entered?.toString()).toBe("95.18");
  });

  it("scores the messy workbook exactly like the sample: 95.18, 优", () => {
    const { evaluation } = scoreSnapshot(messyWorkbook());
    expect(evaluation.total.toString()).toBe("95.18");
    expect(evaluation.grade).toBe("优");
    expect(evaluation.budget.execution.table?.toString()).toBe("0.8912");
  });

  it.each([
    ["亿元", "0.2908", "2908"],
    ["百万元", "29.0801", "2908.01"],
    ["（人民币千元）", "29080.1", "2908.01"],
  ])("reads a budget table kept in %s, converted to 万元 exactly", (unit, typed, wan) => {
    const note = unit.startsWith("（") ? unit : `单位：${unit}`;
    const { input, problems } = parseWorkbook({
      sheets: [
        sheet("预算", [
          [null, null, null, note],
          ["支出类别", "年初预算数", "调整预算数", "决算数"],
          ["一、基本支出", typed, typed, typed],
          ["合计", typed, typed, typed],
        ]),
      ],
    });
    expect(problems.filter((p) => p.sheet === "预算")).toEqual([]);
    expect(input.budget.rows.find((r) => r.category === "total")?.final?.toString()).toBe(wan);
    expect(input.budget.unit?.label).toBe(unit.replace(/[（）]|人民币/g, ""));
  });

  it("takes no unit from a labelled value above the table (三公经费预算数（元） 135000)", () => {
    const { input } = parseWorkbook({
      sheets: [
        sheet("预算", [
          ["“三公”经费预算数（元）", 135000],
          ["“三公”经费实际支出（元）", 18800],
          [null, null],
          [null, null],
          ["部门预算支出明细表", null],
          ["支出类别", "年初预算数", "调整预算数", "决算数"],
          ["一、基本支出", 10, 12, 11],
          ["合计", 10, 12, 11],
        ]),
      ],
    });
    expect(input.budget.unit).toBeUndefined();
    expect(input.budget.rows.find((r) => r.category === "total")?.final?.toString()).toBe("11");
  });

  it("reads a two-row header with a merged 预算数 over 年初 / 调整", () => {
    const snapshot: WorkbookSnapshot = {
      sheets: [
        sheet("预算", [
          ["支出类别", "预算数", null, "决算数"],
          [null, "年初", "调整", null],
          ["一、基本支出", 10, 12, 11],
          ["二、项目支出", 20, 22, 21],
          ["合计", 30, 34, 32],
        ]),
      ],
    };
    const { input, found } = parseWorkbook(snapshot);
    expect(found.find((f) => f.kind === "budget")?.range).toBe("A1:D5");
    const total = input.budget.rows.find((r) => r.category === "total");
    expect([total?.initial, total?.adjusted, total?.final].map((v) => v?.toString())).toEqual([
      "30",
      "34",
      "32",
    ]);
  });

  it('takes rates as 0.8087, 80.87% (formatted), "80.87%" and 80.87', () => {
    for (const [value, format] of [
      [0.8087, "General"],
      [0.8087, "0.00%"],
      ["80.87%", "General"],
      [80.87, "General"],
    ] as const) {
      const { input } = parseWorkbook({
        sheets: [sheet("信息", [["财政支出执行率", value]], 0, 0, [["General", format]])],
      });
      expect(input.budget.officialExecutionRate?.equals(dec("0.8087"))).toBe(true);
    }
  });

  it("reads formulas by their values and Excel's error values as errors", async () => {
    const snapshot = await sampleSnapshot();
    // The sample's 合计 row is =SUM(...): its cached value is read.
    const { input } = parseWorkbook(snapshot);
    expect(input.statedTotal?.max?.toString()).toBe("100");
    expect(input.statedTotal?.entered?.toString()).toBe("95.18");
  });

  it("names the headers it looked for when the key task and project tables are absent, without failing", async () => {
    const snapshot = await sampleSnapshot();
    snapshot.sheets = snapshot.sheets.filter((s) => s.name !== "重点工作" && s.name !== "项目清单");
    const { evaluation } = scoreSnapshot(snapshot);
    const tasks = evaluation.indicators.find((i) => i.id === "keyTaskCompletion");
    expect(tasks?.notComputableReason).toBe("未填报重点工作任务");
    expect(evaluation.total.toString()).toBe("95.18");
  });
});
