/**
 * Writes the bundled sample workbooks from data (run: `npm run samples`):
 * - samples/foshan-sbj-2022.xlsx: the seed department's workbook as finance staff keep it,
 *   laid out by the same template 插入模板 uses, with the figures of the seed report;
 * - samples/broken/*.xlsx: variants with typical mistakes, for the CLI and batch tests.
 * Output is deterministic (fixed workbook dates), so re-running changes nothing.
 */
import ExcelJS from "exceljs";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { templateLayouts } from "../src/layout/template";
import { writeLayout } from "../src/hosts/file/writeLayout";
import { caiyuProject, foshan2022 } from "../src/standard/presets";
import { projectFormLayout, projectSheetName } from "../src/layout/projectForm";
import { seedProjects } from "../samples/seedProjects";
import { seedDepartment } from "../samples/seedDepartment";

export const SAMPLE_FILE = join(__dirname, "..", "samples", "foshan-sbj-2022.xlsx");
/** The same department with its 53 project forms (one sheet each) and the 项目清单. */
export const PROJECTS_FILE = join(__dirname, "..", "samples", "foshan-sbj-2022-projects.xlsx");
const FIXED_DATE = new Date(Date.UTC(2023, 7, 1));

export function buildSampleWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "绩效自评助手";
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  for (const layout of templateLayouts(foshan2022, seedDepartment)) writeLayout(workbook, layout);
  return workbook;
}

export function buildProjectsWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "绩效自评助手";
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  const projects = seedProjects();
  const data = { ...seedDepartment, projects: projects.map((p) => p.listing), projectCounts: undefined };
  for (const layout of templateLayouts(foshan2022, data)) writeLayout(workbook, layout);
  const taken = new Set(workbook.worksheets.map((w) => w.name));
  for (const { form } of projects) {
    const name = projectSheetName(form.name, taken);
    taken.add(name);
    writeLayout(workbook, projectFormLayout(caiyuProject, form, name));
  }
  return workbook;
}

/** Each broken variant: a name and the change it makes to the sample. */
export const brokenVariants: {
  file: string;
  change: (wb: ExcelJS.Workbook) => void;
  expect: string;
}[] = [
  {
    file: "text-in-number.xlsx",
    change: (wb) => {
      wb.getWorksheet("预算支出")!.getCell("C5").value = "二千";
    },
    expect: "预算支出!C5：“二千”不是数字",
  },
  {
    file: "error-value.xlsx",
    change: (wb) => {
      wb.getWorksheet("预算支出")!.getCell("D12").value = {
        error: "#DIV/0!",
      } as ExcelJS.CellErrorValue;
    },
    expect: "预算支出!D12：单元格是错误值 #DIV/0!，请修正公式或数据",
  },
  {
    file: "no-budget-table.xlsx",
    change: (wb) => {
      wb.removeWorksheet(wb.getWorksheet("预算支出")!.id);
    },
    expect: "未找到部门预算支出明细表",
  },
  {
    file: "score-over-max.xlsx",
    change: (wb) => {
      wb.getWorksheet("绩效指标")!.getCell("D5").value = 25;
    },
    expect: "“财务管理情况”自评得分 25.00 超出 0～20.00 分的范围",
  },
];

export async function main(): Promise<void> {
  const wb = buildSampleWorkbook();
  await wb.xlsx.writeFile(SAMPLE_FILE);
  console.log(`写入 ${SAMPLE_FILE}`);
  await buildProjectsWorkbook().xlsx.writeFile(PROJECTS_FILE);
  console.log(`写入 ${PROJECTS_FILE}`);
  const dir = join(__dirname, "..", "samples", "broken");
  mkdirSync(dir, { recursive: true });
  for (const variant of brokenVariants) {
    const broken = buildSampleWorkbook();
    variant.change(broken);
    await broken.xlsx.writeFile(join(dir, variant.file));
    console.log(`写入 ${join(dir, variant.file)}`);
  }
}
