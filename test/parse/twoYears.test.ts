/**
 * A workbook holding two years' tables (2022年预算支出 and 2023年预算支出 …): the tables of the
 * workbook's 年度 are read, the others set aside with a warning, and no labelled value is read
 * from inside any table — used or not.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/hosts/snapshot";
import { parseWorkbook } from "../../src/parse/parseWorkbook";
import { scoreSnapshot } from "../../src/pipeline/scoreWorkbook";
import { sampleSnapshot, setCell } from "./sampleSnapshot";

const sheetOf = (snapshot: WorkbookSnapshot, name: string) =>
  snapshot.sheets.find((s) => s.name === name) as SheetSnapshot;

function copySheet(snapshot: WorkbookSnapshot, from: string, to: string): SheetSnapshot {
  return { ...structuredClone(sheetOf(snapshot, from)), name: to };
}

/** 2023's figures, typed over a copy of the sample's 预算支出 and 绩效指标 sheets. */
function fill2023(snapshot: WorkbookSnapshot, budget: string, indicators: string): void {
  setCell(snapshot, budget, "A1", "2023 年度部门预算支出明细表");
  const rows: Record<number, number[]> = {
    4: [3100, 3120, 3050],
    5: [2700, 2710, 2690],
    6: [400, 410, 360],
    7: [30000, 31000, 30380],
    12: [33100, 34120, 33430],
  };
  for (const [row, figures] of Object.entries(rows))
    ["B", "C", "D"].forEach((c, i) => setCell(snapshot, budget, `${c}${row}`, figures[i]));
  setCell(snapshot, indicators, "A1", "2023 年度部门整体支出绩效自评表");
  setCell(snapshot, indicators, "D5", 19);
  setCell(snapshot, indicators, "E5", "扣1分");
  setCell(snapshot, indicators, "D9", 9);
  setCell(snapshot, indicators, "E9", "执行率 97.98%");
  setCell(snapshot, indicators, "D15", 98);
  setCell(snapshot, "基本信息", "B4", 2023);
  setCell(snapshot, "基本信息", "B6", null);
}

/** 年度 2023; the sheets 2022年预算支出 and 2022年绩效指标 come before 2023's. */
async function twoYears2022First(): Promise<WorkbookSnapshot> {
  const snapshot = await sampleSnapshot();
  sheetOf(snapshot, "预算支出").name = "2022年预算支出";
  sheetOf(snapshot, "绩效指标").name = "2022年绩效指标";
  setCell(snapshot, "2022年预算支出", "A1", "2022 年度部门预算支出明细表");
  snapshot.sheets.push(copySheet(snapshot, "2022年预算支出", "2023年预算支出"));
  snapshot.sheets.push(copySheet(snapshot, "2022年绩效指标", "2023年绩效指标"));
  fill2023(snapshot, "2023年预算支出", "2023年绩效指标");
  return snapshot;
}

/** The same, 2023's sheets first; 2022's keep the sample's titles. */
async function twoYears2023First(): Promise<WorkbookSnapshot> {
  const sample = await sampleSnapshot();
  const keep = ["基本信息", "项目清单", "重点工作"].map((n) => sheetOf(sample, n));
  const snapshot: WorkbookSnapshot = {
    sheets: [
      ...keep,
      copySheet(sample, "预算支出", "2023年预算支出"),
      copySheet(sample, "绩效指标", "2023年绩效指标"),
      copySheet(sample, "预算支出", "2022年预算支出"),
      copySheet(sample, "绩效指标", "2022年绩效指标"),
    ],
  };
  fill2023(snapshot, "2023年预算支出", "2023年绩效指标");
  return snapshot;
}

const warnings = (problems: { severity: string; message: string }[]) =>
  problems.filter((p) => p.severity === "warning").map((p) => p.message);

describe("two years in one workbook", () => {
  it("reads the tables of the workbook's 年度 2023 though 2022's come first, and says so", async () => {
    const { input, problems } = parseWorkbook(await twoYears2022First());
    expect(input.year).toBe(2023);
    const total = input.budget.rows.find((r) => r.category === "total");
    expect(total?.final?.toString()).toBe("33430");
    expect(total?.cells?.final).toBe("2023年预算支出!D12");
    expect(input.statedTotal?.entered?.toString()).toBe("98");
    expect(input.indicators.find((i) => i.name === "财政支出执行率")?.entered?.toString()).toBe(
      "9"
    );
    expect(warnings(problems)).toEqual(
      expect.arrayContaining([
        "工作簿中有 2 张预算支出明细表（2022年预算支出!A3、2023年预算支出!A3），按年度 2023 采用 2023年预算支出。",
        "工作簿中有 2 张绩效指标表（2022年绩效指标!A3、2023年绩效指标!A3），按年度 2023 采用 2023年绩效指标。",
      ])
    );
  });

  it("scores 2023's figures: 执行率 97.98% from 2023年预算支出, 总分 98.00", async () => {
    const { evaluation } = scoreSnapshot(await twoYears2022First());
    expect(evaluation.budget.execution.table?.toString()).toBe("0.9798");
    expect(evaluation.budget.execution.spentCell).toBe("2023年预算支出!D12");
    expect(evaluation.total.toFixed(2)).toBe("98.00");
  });

  it("keeps 2023's tables when they come first, and still names 2022's", async () => {
    const { input, problems } = parseWorkbook(await twoYears2023First());
    expect(input.budget.rows.find((r) => r.category === "total")?.cells?.final).toBe(
      "2023年预算支出!D12"
    );
    expect(warnings(problems)).toEqual(
      expect.arrayContaining([
        "工作簿中有 2 张预算支出明细表（2023年预算支出!A3、2022年预算支出!A3），按年度 2023 采用 2023年预算支出。",
        "工作簿中有 2 张绩效指标表（2023年绩效指标!A3、2022年绩效指标!A3），按年度 2023 采用 2023年绩效指标。",
      ])
    );
  });

  it("takes the first table when the year does not tell them apart, and says so", async () => {
    const snapshot = await sampleSnapshot();
    snapshot.sheets.push(copySheet(snapshot, "预算支出", "预算支出（2）"));
    setCell(snapshot, "预算支出（2）", "D12", 40000);
    const { input, problems } = parseWorkbook(snapshot);
    expect(input.budget.rows.find((r) => r.category === "total")?.cells?.final).toBe(
      "预算支出!D12"
    );
    expect(warnings(problems)).toContain(
      "工作簿中有 2 张预算支出明细表（预算支出!A3、预算支出（2）!A3），无法按年度 2022 区分，采用第一张：预算支出。"
    );
  });

  it("says nothing of other years in the sample, which has one table of each kind", async () => {
    const { problems } = parseWorkbook(await sampleSnapshot());
    expect(problems.filter((p) => /工作簿中有 \d+ 张/.test(p.message))).toEqual([]);
  });
});

describe("labelled values are never read from inside a table", () => {
  it("reads no 财政支出执行率 from the unused 2022年绩效指标 (its 分值 10 in C9)", async () => {
    const { input, found } = parseWorkbook(await twoYears2023First());
    expect(input.budget.officialExecutionRate).toBeNull();
    expect(input.budget.cells?.officialExecutionRate).toBeUndefined();
    expect(found.filter((f) => f.kind === "info" && f.title === "财政支出执行率")).toEqual([]);
  });

  it("scores 2023's execution rate from its table, not a stated 10.00%", async () => {
    const { evaluation } = scoreSnapshot(await twoYears2022First());
    const rate = evaluation.budget.execution;
    expect(rate.official).toBeNull();
    expect(rate.source).toBe("table");
    expect(rate.value?.toString()).toBe("0.9798");
    expect(rate.sourceNote).toBeUndefined();
  });

  it("reads nothing from a 绩效目标 table (年度目标值 | 实际完成值) no table kind reads", async () => {
    const snapshot = await sampleSnapshot();
    setCell(snapshot, "基本信息", "B6", null);
    const targets: CellValue[][] = [
      ["2022 年度部门整体绩效目标完成情况"],
      ["序号", "绩效指标", "年度目标值", "实际完成值"],
      [1, "财政支出执行率", "100%", "89.12%"],
      [2, "“三公”经费控制率", "≤100%", "13.93%"],
      [3, "满意度", "≥90%", "93%"],
      [4, "重点工作完成率", "100%", "100%"],
    ];
    snapshot.sheets.push({ name: "年度绩效目标", top: 0, left: 0, values: targets });
    const { input, problems } = parseWorkbook(snapshot);
    expect(input.budget.officialExecutionRate).toBeNull();
    expect(input.satisfaction).toBeUndefined();
    expect(input.statedMetrics).toBeUndefined();
    expect(problems.filter((p) => p.sheet === "年度绩效目标")).toEqual([]);
    const { evaluation } = scoreSnapshot(snapshot);
    expect(evaluation.budget.execution.official).toBeNull();
    expect(evaluation.budget.execution.value?.toString()).toBe("0.8912");
  });

  it("takes no 分值 10 for a rate from a table of 分值 no table kind reads, even on the first sheet", async () => {
    const snapshot = await sampleSnapshot();
    setCell(snapshot, "基本信息", "B6", null);
    snapshot.sheets.unshift({
      name: "指标分值",
      top: 0,
      left: 0,
      values: [
        ["指标", "分值", "考核要点"],
        ["财政支出执行率", 10, "执行率达 100%"],
        ["满意度", 5, "调查结果"],
      ],
    });
    const { input } = parseWorkbook(snapshot);
    expect(input.budget.officialExecutionRate).toBeNull();
    expect(input.satisfaction).toBeUndefined();
  });

  it("still reads the sample's 基本信息!B6 财政支出执行率 80.87%: 总分 95.18 优", async () => {
    const snapshot = await sampleSnapshot();
    const { input } = parseWorkbook(snapshot);
    expect(input.budget.officialExecutionRate?.toString()).toBe("0.8087");
    expect(input.budget.cells?.officialExecutionRate).toBe("基本信息!B6");
    const { evaluation } = scoreSnapshot(snapshot);
    expect(evaluation.total.toFixed(2)).toBe("95.18");
    expect(evaluation.grade).toBe("优");
  });
});
