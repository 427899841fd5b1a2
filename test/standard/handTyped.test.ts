/**
 * A 评分标准 sheet typed by hand from 岳阳's published 部门整体 rules (not from a preset, in its
 * own column order, on a sheet of its own name) scores a made-up department exactly as
 * computed by hand below.
 */
import ExcelJS from "exceljs";
import { FileWorkbook } from "../../src/hosts/file/fileWorkbook";
import { recalculate } from "../../src/pipeline/recalculate";

type Row = (string | number | null)[];

function sheet(wb: ExcelJS.Workbook, name: string, rows: Row[]): void {
  const ws = wb.addWorksheet(name);
  rows.forEach((r) => ws.addRow(r));
}

/** The bureau's file as a finance officer would type it. */
function bureauStandard(wb: ExcelJS.Workbook): void {
  sheet(wb, "2023年评分细则", [
    ["岳阳市市直部门整体支出绩效自评评分细则（2023）"],
    ["标准名称", "岳阳市 2023 年度部门整体支出绩效自评评分细则"],
    ["来源", "岳阳市财政局公开的评分细则（手工录入）"],
    [],
    ["一级指标", "二级指标", "分值", "计分方法", "考核内容", "上限", "扣分标准", "分档", "说明"],
    [
      "投入",
      "在职人员控制率",
      5,
      "超过上限按百分点扣分",
      "在职人员控制率",
      "100%",
      0.5,
      null,
      "每超 1 个百分点扣 0.5 分",
    ],
    [
      "投入",
      "“三公”经费变动率",
      5,
      "超过上限按百分点扣分",
      "“三公”经费变动率",
      "0",
      0.5,
      null,
      null,
    ],
    [
      "投入",
      "预算调整率",
      3,
      "分档得分",
      "预算调整率",
      null,
      null,
      "=0:3；0～10%:2；10%～20%:1；20%～30%:0.5；>30%:0",
      null,
    ],
    ["投入", "预算执行率", 2, "按完成比例得分", "财政支出执行率", "100%", null, null, null],
    [
      "过程",
      "“三公”经费控制率",
      6,
      "超过上限按百分点扣分",
      "“三公”经费控制率",
      "100%",
      1,
      null,
      null,
    ],
    [
      "过程",
      "重点支出安排率",
      5,
      "分档得分",
      "重点支出安排率",
      null,
      null,
      "≥90%:5；80%～90%:4；70%～80%:3；60%～70%:2；<60%:0",
      null,
    ],
    ["过程", "资金管理", 29, "主观评分", null, null, null, null, null],
    ["产出", "重点工作完成率", 20, "按完成率得分", "重点工作完成率", null, null, null, null],
    ["效益", "社会效益", 15, "主观评分", null, null, null, null, null],
    ["满意度", "服务对象满意度", 10, "按完成比例得分", "满意度", "90%", null, null, null],
    [],
    ["等级", "最低分"],
    ["优", 90],
    ["良", 80],
    ["中", 60],
    ["差", 0],
    [],
    ["执行率低于", "总分最高"],
    ["80%", 89],
  ]);
}

/** A made-up department of that city, 2023. */
function department(wb: ExcelJS.Workbook): void {
  sheet(wb, "基本信息", [
    ["项目", "内容"],
    ["部门名称", "岳阳市示例局"],
    ["年度", 2023],
    ["在职人数", 52],
    ["编制人数", 50],
    ["“三公”经费预算数（万元）", 20],
    ["“三公”经费实际支出数（万元）", 18],
    ["上年“三公”经费实际支出数（万元）", 16],
    ["重点项目支出（万元）", 457.2],
    ["满意度", 0.927],
  ]);
  sheet(wb, "预算支出", [
    ["支出类别", "年初预算数", "调整预算数", "决算数"],
    ["一、基本支出", 400, 420, 410],
    ["人员经费", 300, 310, 305],
    ["日常公用经费", 100, 110, 105],
    ["二、项目支出", 600, 660, 508],
    ["合计", 1000, 1080, 918],
  ]);
  sheet(wb, "自评表", [
    ["一级指标", "二级指标", "分值", "自评得分", "得分说明"],
    ["投入", "在职人员控制率", 5, null, null],
    ["投入", "“三公”经费变动率", 5, null, null],
    ["投入", "预算调整率", 3, null, null],
    ["投入", "预算执行率", 2, null, null],
    ["过程", "“三公”经费控制率", 6, null, null],
    ["过程", "重点支出安排率", 5, null, null],
    ["过程", "资金管理", 29, 27, "个别项目资金拨付不及时，扣 2 分"],
    ["产出", "重点工作完成率", 20, null, null],
    ["效益", "社会效益", 15, 14, "一项服务指标未达预期，扣 1 分"],
    ["满意度", "服务对象满意度", 10, null, null],
  ]);
  sheet(wb, "重点工作", [
    ["工作任务", "是否完成"],
    ["任务一", "是"],
    ["任务二", "是"],
    ["任务三", "否"],
    ["任务四", "是"],
  ]);
}

describe("a 评分标准 typed by hand from 岳阳's published rules", () => {
  let result: Awaited<ReturnType<typeof recalculate>>;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    department(wb);
    bureauStandard(wb);
    const book = await FileWorkbook.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
    result = await recalculate(book, { dryRun: true });
  });
  const counted = (name: string) =>
    result.evaluation.indicators.find((i) => i.name === name)?.counted.toString();

  it("is the standard in force, read without a problem", () => {
    expect(result.evaluation.standard).toMatchObject({
      name: "岳阳市 2023 年度部门整体支出绩效自评评分细则",
      source: "sheet",
      sheet: "2023年评分细则",
    });
    expect(result.evaluation.gaps.filter((g) => g.code === "standardInvalid")).toEqual([]);
    expect(result.parse.problems).toEqual([]);
  });

  it.each([
    // 52 ÷ 50 = 104%: 4 points over 100% → 5 − 0.5 × 4
    ["在职人员控制率", "3"],
    // (18 − 16) ÷ 16 = 12.5%: 12.5 points over 0 → 5 − 6.25 < 0 → 0
    ["“三公”经费变动率", "0"],
    // |1,080 − 1,000| ÷ 1,000 = 8%: in 0～10% → 2
    ["预算调整率", "2"],
    // 918 ÷ 1,080 = 85%: 2 × 85%
    ["预算执行率", "1.7"],
    // 18 ÷ 20 = 90% ≤ 100%
    ["“三公”经费控制率", "6"],
    // 457.2 ÷ 508 = 90%: ≥ 90% → 5
    ["重点支出安排率", "5"],
    ["资金管理", "27"],
    // 3 of 4 tasks: 20 × 75%
    ["重点工作完成率", "15"],
    ["社会效益", "14"],
    // 92.7% ÷ 90% ≥ 1 → 10
    ["服务对象满意度", "10"],
  ])("%s counts %s", (name, expected) => expect(counted(name)).toBe(expected));

  it("totals 83.70, 良, with no cap (85% is above the 80% line)", () => {
    expect(result.evaluation.total.toString()).toBe("83.7");
    expect(result.evaluation.grade).toBe("良");
    expect(result.evaluation.cap).toBeNull();
    expect(result.evaluation.budget.execution.text).toBe(
      "决算数 918.00 ÷ 调整预算数 1,080.00 = 85.00%"
    );
  });

  it("shows its working in the figures' own words", () => {
    const staff = result.evaluation.indicators.find((i) => i.name === "在职人员控制率");
    expect(staff?.explanation).toContain("在职人数 52 人 ÷ 编制人数 50 人 = 104.00%");
    expect(staff?.explanation).toContain(
      "104.00% 超过上限 100.00% 4.00 个百分点；5.00 − 0.50 × 4.00 = 3.00"
    );
    const share = result.evaluation.indicators.find((i) => i.name === "重点支出安排率");
    expect(share?.explanation).toContain("90.00% 属于“≥90.00%”档，得 5.00 分");
  });

  it("links gaps by the figure the indicator measures: 三公 within budget, unfinished tasks", () => {
    const tasks = result.evaluation.gaps.find((g) => g.code === "keyTasksIncomplete");
    expect(tasks?.indicator).toBe("重点工作完成率");
    expect(result.evaluation.gaps.find((g) => g.code === "executionBelowTarget")?.indicator).toBe(
      "预算执行率"
    );
  });
});
