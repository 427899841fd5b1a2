/**
 * The bundled workbook with 53 project forms: the department's 项目绩效目标完成率 worked out by hand
 * from the forms' cells (read with ExcelJS, not through the parser) and compared with the engine.
 */
import Decimal from "decimal.js";
import ExcelJS from "exceljs";
import { join } from "node:path";
import { evaluationToJson } from "../../src/evaluate/json";
import { readWorkbook } from "../../src/hosts/file/readWorkbook";
import { scoreSnapshot } from "../../src/pipeline/scoreWorkbook";
import type { WorkbookScore } from "../../src/pipeline/scoreWorkbook";

const FILE = join(__dirname, "..", "..", "samples", "foshan-sbj-2022-projects.xlsx");
const D = Decimal.clone({ precision: 40 });
const round2 = (v: Decimal) => v.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

interface HandForm {
  sheet: string;
  name: string;
  initial: Decimal;
  budget: Decimal;
  spent: Decimal;
  /** 得分 of the 预算执行率 row plus every indicator row's 得分. */
  total: Decimal;
}

const number = (cell: ExcelJS.Cell): Decimal => {
  const v = cell.value;
  if (typeof v === "number") return new D(v);
  if (v && typeof v === "object" && "result" in v) return new D(Number(v.result));
  return new D(0);
};
const text = (cell: ExcelJS.Cell) => String(cell.text ?? "").trim();

function rowWith(ws: ExcelJS.Worksheet, word: string, from = 1): number {
  for (let r = from; r <= ws.rowCount; r++)
    for (let c = 1; c <= ws.columnCount; c++) if (text(ws.getCell(r, c)) === word) return r;
  return 0;
}
function columnIn(ws: ExcelJS.Worksheet, row: number, word: string): number {
  for (let c = 1; c <= ws.columnCount; c++) if (text(ws.getCell(row, c)) === word) return c;
  return 0;
}

/** A form read by its printed labels: 年度资金总额 row, 全年预算数 / 得分 columns, rows up to 总分. */
function handForm(ws: ExcelJS.Worksheet): HandForm | null {
  const fundsHeader = rowWith(ws, "全年预算数");
  const totalRow = rowWith(ws, "年度资金总额");
  if (!fundsHeader || !totalRow) return null;
  const col = (w: string) => columnIn(ws, fundsHeader, w);
  const nameRow = rowWith(ws, "项目名称");
  const tableHeader = rowWith(ws, "三级指标");
  const scoreCol = columnIn(ws, tableHeader, "得分");
  const end = rowWith(ws, "总分", tableHeader);
  let total = number(ws.getCell(totalRow, col("得分")));
  for (let r = tableHeader + 1; r < end; r++) total = total.plus(number(ws.getCell(r, scoreCol)));
  return {
    sheet: ws.name,
    name: text(ws.getCell(nameRow, columnIn(ws, nameRow, "项目名称") + 1)),
    initial: number(ws.getCell(totalRow, col("年初预算数"))),
    budget: number(ws.getCell(totalRow, col("全年预算数"))),
    spent: number(ws.getCell(totalRow, col("全年执行数"))),
    total,
  };
}

let forms: HandForm[];
let scored: WorkbookScore;

beforeAll(async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(FILE);
  forms = workbook.worksheets.map(handForm).filter((f): f is HandForm => f !== null);
  scored = scoreSnapshot(readWorkbook(workbook));
});

describe("the sample department with 53 project forms", () => {
  it("has 53 forms whose funds add up to the seed's 项目支出 (37,590.50 · 49,356.67 · 43,757.42)", () => {
    expect(forms).toHaveLength(53);
    const total = (k: "initial" | "budget" | "spent") =>
      forms.reduce((s, f) => s.plus(f[k]), new D(0)).toFixed(2);
    expect([total("initial"), total("budget"), total("spent")]).toEqual([
      "37590.50",
      "49356.67",
      "43757.42",
    ]);
  });

  it("scores each form to the total its cells add up to", () => {
    const results = scored.evaluation.projects?.results ?? [];
    expect(results.map((r) => r.name)).toEqual(forms.map((f) => f.name));
    expect(results.map((r) => r.total.toFixed(2))).toEqual(forms.map((f) => f.total.toFixed(2)));
  });

  it("lists them in the JSON in the workbook's order, whatever their scores", () => {
    const json = evaluationToJson(scored.evaluation);
    expect(json.projects?.map((p) => [p.sheet, p.name])).toEqual(
      forms.map((f) => [f.sheet, f.name])
    );
    const scores = json.projects?.map((p) => p.score) ?? [];
    expect(new Set(scores).size).toBeGreaterThan(1);
  });

  it("rolls them up: 项目绩效目标完成率 = 7 × Σ(总分 × 全年预算数) ÷ Σ全年预算数 ÷ 100, by hand", () => {
    const weights = forms.reduce((s, f) => s.plus(f.budget), new D(0));
    const weighted = forms.reduce((s, f) => s.plus(f.total.times(f.budget)), new D(0));
    const mean = round2(weighted.dividedBy(weights));
    const points = round2(new D(7).times(mean).dividedBy(100));
    const { evaluation } = scored;
    expect(evaluation.metrics.projectFundWeightedScore?.value?.toFixed(2)).toBe(mean.toFixed(2));
    const indicator = evaluation.indicators.find((i) => i.name === "项目绩效目标完成率");
    expect(indicator?.computed?.toFixed(2)).toBe(points.toFixed(2));
    expect(indicator?.max.toFixed(2)).toBe("7.00");
  });

  it("counts every listed project as evaluated: 项目自评覆盖率 53 ÷ 53 = 100%", () => {
    const coverage = scored.evaluation.metrics.projectEvaluationCoverage;
    expect(coverage?.value?.toString()).toBe("1");
    const codes = scored.evaluation.gaps.map((g) => g.code);
    for (const code of ["projectFormMissing", "projectNotListed", "projectDuplicated"])
      expect(codes).not.toContain(code);
  });
});
