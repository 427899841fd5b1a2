/**
 * The catalogue of bad inputs: each a typical mistake in the sample workbook and the exact
 * Chinese message the user gets, naming sheet and cell. Scoring always goes on.
 */
import { type CellValue, UNCALCULATED, type WorkbookSnapshot } from "../../src/hosts/snapshot";
import { scoreSnapshot } from "../../src/pipeline/scoreWorkbook";
import { removeSheet, sampleSnapshot, setCell } from "./sampleSnapshot";

type Change = (s: WorkbookSnapshot) => void;
const set =
  (sheet: string, address: string, value: CellValue, format?: string): Change =>
  (s) =>
    setCell(s, sheet, address, value, format);
const all =
  (...changes: Change[]): Change =>
  (s) =>
    changes.forEach((c) => c(s));

const catalogue: [string, Change, string][] = [
  ["Chinese numerals in an amount", set("预算支出", "C5", "二千"), "预算支出!C5：“二千”不是数字"],
  ["misplaced thousands separator", set("预算支出", "B4", "12,34"), "预算支出!B4：“12,34”不是数字"],
  [
    "amount with a word after its unit",
    set("预算支出", "B5", "2594.87万元左右"),
    "预算支出!B5：“2594.87万元左右”不是数字",
  ],
  [
    "#DIV/0! in the total",
    set("预算支出", "D12", { error: "#DIV/0!" }),
    "预算支出!D12：单元格是错误值 #DIV/0!，请修正公式或数据",
  ],
  [
    "a formula with no calculated value (a file a program wrote) in the total",
    set("预算支出", "D12", UNCALCULATED),
    "预算支出!D12：单元格的公式没有计算结果（文件保存时未经计算），请在 Excel 或 WPS 中打开并保存后再评分",
  ],
  [
    "#REF! in an amount",
    set("预算支出", "D7", { error: "#REF!" }),
    "预算支出!D7：单元格是错误值 #REF!，请修正公式或数据",
  ],
  [
    "#N/A as text",
    set("预算支出", "B7", "#N/A"),
    "预算支出!B7：单元格是错误值 #N/A，请修正公式或数据",
  ],
  ["TRUE in an amount", set("预算支出", "C4", true), "预算支出!C4：“TRUE”不是数字"],
  [
    "a percentage as an amount",
    set("预算支出", "C4", "50%"),
    "预算支出!C4：“50%”是百分比，不是金额",
  ],
  [
    "a date in an amount",
    set("预算支出", "D4", 45000, "yyyy-mm-dd"),
    "预算支出!D4：单元格格式为日期，不是数字",
  ],
  [
    "unknown budget category",
    set("预算支出", "A10", "其他支出"),
    "预算支出!A10：无法识别支出类别“其他支出”，该行未计入",
  ],
  [
    "duplicate budget category",
    set("预算支出", "A6", "一、基本支出"),
    "预算支出!A6：支出类别“一、基本支出”重复出现，该行未计入",
  ],
  [
    "budget row without a label",
    set("预算支出", "A5", null),
    "预算支出!A5：缺少支出类别，该行未计入",
  ],
  [
    "budget column header unrecognisable",
    set("预算支出", "B3", "预算"),
    "预算支出!B3：表头“预算”不能确定是年初预算数还是调整预算数，该列未读取（年初预算数请写作“年初预算数”）",
  ],
  [
    "budget table headers unrecognisable",
    set("预算支出", "C3", "金额"),
    "未找到部门预算支出明细表：请放置表头包含“支出类别”、“年初预算数”、“调整预算数”、“决算数”的表格（也可写作：全年预算数、调整后预算数、执行数、实际支出）",
  ],
  [
    "budget sheet deleted",
    (s) => removeSheet(s, "预算支出"),
    "未找到部门预算支出明细表：请放置表头包含“支出类别”、“年初预算数”、“调整预算数”、“决算数”的表格（也可写作：全年预算数、调整后预算数、执行数、实际支出）",
  ],
  [
    "department name blank",
    set("基本信息", "B3", null),
    "未找到部门名称：请在“基本信息”表中填写“部门名称”",
  ],
  ["year in words", set("基本信息", "B4", "今年"), "基本信息!B4：年度“今年”不是有效年份"],
  [
    "satisfaction above 100%",
    set("基本信息", "B10", 2),
    "基本信息!B10：“2”超过 100%，不是有效的满意度",
  ],
  ["implausible year", set("基本信息", "B4", 1899), "基本信息!B4：年度“1899”不是有效年份"],
  ["execution rate in words", set("基本信息", "B6", "八成"), "基本信息!B6：“八成”不是比率"],
  [
    "execution rate over 200%",
    set("基本信息", "B6", "250%"),
    "基本信息!B6：比率“250%”超出 0～200% 的范围",
  ],
  [
    "negative execution rate",
    set("基本信息", "B6", -0.1),
    "基本信息!B6：比率“-0.1”超出 0～200% 的范围",
  ],
  ["三公 budget in words", set("基本信息", "B8", "十三万"), "基本信息!B8：“十三万”不是数字"],
  [
    "三公 actual #VALUE!",
    set("基本信息", "B9", { error: "#VALUE!" }),
    "基本信息!B9：单元格是错误值 #VALUE!，请修正公式或数据",
  ],
  ["satisfaction in words", set("基本信息", "B10", "很满意"), "基本信息!B10：“很满意”不是比率"],
  ["fractional project count", set("基本信息", "B11", 53.5), "基本信息!B11：“53.5”不是非负整数"],
  [
    "more projects evaluated than exist",
    set("基本信息", "B12", 60),
    "基本信息!B12：已自评项目 60 个多于项目个数 53 个",
  ],
  ["score in words", set("绩效指标", "D5", "满分"), "绩效指标!D5：“满分”不是数字"],
  ["分值 in Chinese numerals", set("绩效指标", "C6", "十二"), "绩效指标!C6：“十二”不是数字"],
  [
    "score typed as a percentage",
    set("绩效指标", "D9", "5.18%"),
    "绩效指标!D9：“5.18%”是百分比，不是分数",
  ],
  [
    "#NAME? in a score",
    set("绩效指标", "D4", { error: "#NAME?" }),
    "绩效指标!D4：单元格是错误值 #NAME?，请修正公式或数据",
  ],
  [
    "indicator table headers unrecognisable",
    set("绩效指标", "D3", "打分"),
    "未找到绩效指标表：请放置表头包含“一级指标”或“二级指标”或“三级指标”或“指标”、“自评得分”的表格（也可写作：指标名称、得分、分值/权重）",
  ],
  [
    "key task status unreadable",
    set("重点工作", "C4", "差不多"),
    "重点工作!C4：“差不多”无法识别为是否完成，请填写“是”或“否”",
  ],
  [
    "key task status blank",
    set("重点工作", "C5", null),
    "重点工作!C5：未填写“推进‘快办行动’”是否完成，重点工作完成率无法计算",
  ],
  [
    "project budget in words",
    all(
      set("项目清单", "A4", "信息化项目"),
      set("项目清单", "B4", "一百万"),
      set("项目清单", "D4", "是"),
      set("项目清单", "E4", 90)
    ),
    "项目清单!B4：“一百万”不是数字",
  ],
  [
    "project evaluated unreadable",
    all(
      set("项目清单", "A4", "信息化项目"),
      set("项目清单", "B4", 100),
      set("项目清单", "D4", "大概"),
      set("项目清单", "E4", 90)
    ),
    "项目清单!D4：“大概”无法识别为是否开展自评，请填写“是”或“否”",
  ],
  [
    "project score as a grade",
    all(
      set("项目清单", "A4", "信息化项目"),
      set("项目清单", "B4", 100),
      set("项目清单", "D4", "是"),
      set("项目清单", "E4", "优")
    ),
    "项目清单!E4：“优”不是数字",
  ],
  [
    "indicator 合计 row disagrees",
    set("绩效指标", "D15", 95),
    "绩效指标表合计得分 95.00 分与各指标填报得分之和 95.18 分不一致。",
  ],
  [
    "budget total does not tie",
    set("预算支出", "D12", 46675.43),
    "预算支出明细表不平：决算数合计不等于各类支出之和（决算数：合计 46,675.43 ≠ 基本支出 2,908.01 + 项目支出 43,757.42，相差 10.00 万元）。",
  ],
];

describe(`bad-input catalogue (${catalogue.length} cases)`, () => {
  it("has at least 30 cases", () => expect(catalogue.length).toBeGreaterThanOrEqual(30));

  it.each(catalogue)("%s", async (_name, change, expected) => {
    const snapshot = await sampleSnapshot();
    change(snapshot);
    const { evaluation } = scoreSnapshot(snapshot);
    const messages = evaluation.gaps.map((g) => g.message);
    expect(messages).toContain(expected);
    // Scoring went on: a total and a grade exist, every counted score within range.
    expect(evaluation.total.isFinite()).toBe(true);
    expect(["优", "良", "中", "差", "无法评定"]).toContain(evaluation.grade);
    // No stack traces or English error text leak into messages.
    for (const m of messages) expect(m).not.toMatch(/Error|undefined|NaN|at .*\.ts/);
  });

  it("marks what cannot be computed 无法计算 with the reason, and scores the rest", async () => {
    const snapshot = await sampleSnapshot();
    setCell(snapshot, "预算支出", "D12", { error: "#DIV/0!" });
    setCell(snapshot, "基本信息", "B6", null);
    const { evaluation } = scoreSnapshot(snapshot);
    const execution = evaluation.indicators.find((i) => i.id === "executionRate");
    expect(execution?.computed).toBeNull();
    expect(execution?.explanation).toContain("无法计算");
    expect(execution?.counted.toString()).toBe("5.18");
    expect(evaluation.total.toString()).toBe("95.18");
  });

  it("gives no grade when the indicator table cannot be read", async () => {
    const snapshot = await sampleSnapshot();
    setCell(snapshot, "绩效指标", "D3", "打分");
    const { evaluation } = scoreSnapshot(snapshot);
    expect(evaluation.grade).toBe("无法评定");
    expect(evaluation.gaps.map((g) => g.message)).toContain(
      "未读取到任何指标得分，总分仅含可按公式计算的指标，无法评定等级。"
    );
  });

  it("reads a score or 分值 written with its unit (18分, ２０．００ 分) as the number", async () => {
    const snapshot = await sampleSnapshot();
    setCell(snapshot, "绩效指标", "D5", "20分");
    setCell(snapshot, "绩效指标", "C5", "２０．００ 分");
    const { parse, evaluation } = scoreSnapshot(snapshot);
    expect(parse.problems).toEqual([]);
    expect(evaluation.total.toString()).toBe("95.18");
  });

  it("reads the untouched sample without a single problem", async () => {
    const { parse, evaluation } = scoreSnapshot(await sampleSnapshot());
    expect(parse.problems).toEqual([]);
    expect(evaluation.total.toString()).toBe("95.18");
    expect(evaluation.grade).toBe("优");
  });
});

describe("one problem, one message", () => {
  it("does not add a budget-tie error for a cell it could not read", async () => {
    const snapshot = await sampleSnapshot();
    setCell(snapshot, "预算支出", "C5", "二千");
    const { evaluation } = scoreSnapshot(snapshot);
    expect(evaluation.gaps.filter((g) => g.code === "budgetNotTying")).toEqual([]);
    expect(evaluation.gaps.filter((g) => g.code === "inputError").map((g) => g.message)).toEqual([
      "预算支出!C5：“二千”不是数字",
    ]);
  });
});
