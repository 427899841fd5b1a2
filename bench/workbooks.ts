/**
 * Generated workbooks for benchmarks and tests: the sample with N projects in 项目清单; the
 * sample as another department (name, scores, execution rate).
 */
import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSampleWorkbook } from "../scripts/make-samples";
import { Dec, fromNumber } from "../src/model/decimal";

export function sampleWithProjects(count: number): ExcelJS.Workbook {
  const workbook = buildSampleWorkbook();
  const sheet = workbook.getWorksheet("项目清单") as ExcelJS.Worksheet;
  for (let i = 0; i < count; i++) {
    sheet.getRow(4 + i).values = [
      `项目 ${i + 1}`,
      100 + (i % 50),
      90 + (i % 40),
      i % 13 === 0 ? "否" : "是",
      70 + (i % 30),
    ];
  }
  return workbook;
}

export async function writeTemp(workbook: ExcelJS.Workbook, name: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-bench-"));
  const path = join(dir, name);
  await workbook.xlsx.writeFile(path);
  return path;
}

/** A department's variation of the sample: another name, other entered scores, another rate. */
export interface DepartmentVariant {
  department: string;
  /** 自评得分 by indicator name (绩效指标 sheet), e.g. `{ 财务管理情况: 18 }`. */
  scores?: Record<string, number>;
  /** 基本信息's 财政支出执行率, as a fraction (0.9531). */
  executionRate?: number;
}

/**
 * The sample workbook with the variant's name, scores and rate. The 合计 row's cached SUM is
 * updated as Excel would (decimal-exact), so the workbook stays consistent.
 */
export function departmentWorkbook(variant: DepartmentVariant): ExcelJS.Workbook {
  const workbook = buildSampleWorkbook();
  const info = workbook.getWorksheet("基本信息") as ExcelJS.Worksheet;
  const indicators = workbook.getWorksheet("绩效指标") as ExcelJS.Worksheet;
  const row = (sheet: ExcelJS.Worksheet, label: string): ExcelJS.Row => {
    for (let r = 1; r <= sheet.rowCount; r++) {
      const values = sheet.getRow(r).values as unknown[];
      if (values.includes(label)) return sheet.getRow(r);
    }
    throw new Error(`样例中没有“${label}”`);
  };
  row(info, "部门名称").getCell(2).value = variant.department;
  if (variant.executionRate !== undefined)
    row(info, "财政支出执行率").getCell(2).value = variant.executionRate;
  for (const [name, value] of Object.entries(variant.scores ?? {}))
    row(indicators, name).getCell(4).value = value;
  const totalRow = row(indicators, "合计");
  const formula = totalRow.getCell(4).value as ExcelJS.CellFormulaValue;
  let total = new Dec(0);
  for (let r = row(indicators, "一级指标").number + 1; r < totalRow.number; r++) {
    const v = indicators.getRow(r).getCell(4).value;
    if (typeof v === "number") total = total.plus(fromNumber(v));
  }
  totalRow.getCell(4).value = { formula: formula.formula, result: total.toNumber() };
  return workbook;
}

/** Bureau names for generated departments: 佛山市第 1 局 … with a few real-sounding ones. */
const BUREAUS = ["财政局", "教育局", "卫生健康局", "交通运输局", "自然资源局", "民政局", "水利局"];
export function departmentName(i: number): string {
  return `佛山市${BUREAUS[i % BUREAUS.length]}（${String(i + 1).padStart(3, "0")}）`;
}

/** `count` project lines for a summary: one in 13 not self-evaluated (so flagged). */
export function projectLines(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    name: `社保经办项目 ${i + 1}`,
    budget: fromNumber(100 + (i % 50)),
    spending: fromNumber(90 + (i % 40)),
    selfScore: fromNumber(70 + (i % 30)),
    evaluated: i % 13 !== 0,
    cells: { name: `项目清单!A${i + 4}` },
  }));
}
