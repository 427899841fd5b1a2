/** Generated workbooks for benchmarks: the sample with N projects in 项目清单. */
import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSampleWorkbook } from "../scripts/make-samples";

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
