/**
 * A 得分说明 merged over the 三级 rows of one indicator is the reason of every row it covers:
 * read so from the file (through the package reader, as the command line and the 网页版 read,
 * and through ExcelJS), said once for the rows, and never a false 扣分未说明.
 */
import ExcelJS from "exceljs";
import type { CellValue, WorkbookSnapshot } from "../../src/hosts/snapshot";
import { readPackage } from "../../src/hosts/file/packageReader";
import { readWorkbook } from "../../src/hosts/file/readWorkbook";
import { ZipPackage } from "../../src/hosts/file/zipPackage";
import { Grid } from "../../src/parse/grid";
import { scoreSnapshot } from "../../src/pipeline/scoreWorkbook";
import { SAMPLE_PATH } from "./sampleSnapshot";

const REASON = "个别支出附件不全，会计凭证摘要不规范";

/** The seed's indicators in 一级 / 二级 / 三级 columns, 财务管理情况 as three 三级 rows (17 of 20). */
const ROWS: CellValue[][] = [
  ["一级指标", "二级指标", "三级指标", "分值", "自评得分", "得分说明"],
  ["管理效率", "预算绩效管理情况", null, 10, 10, null],
  ["管理效率", "财务管理情况", "资金使用合规性", 8, 7, REASON],
  ["管理效率", "财务管理情况", "会计核算规范性", 6, 4, null],
  ["管理效率", "财务管理情况", "内部控制", 6, 6, null],
  ["管理效率", "项目管理情况", null, 12, 12, null],
  ["管理效率", "资产管理情况", null, 8, 8, null],
  ["履职效能", "“三公”经费控制情况", null, 3, 3, null],
  ["履职效能", "财政支出执行率", null, 10, 5.18, "按照评分标准计分"],
  ["履职效能", "重点工作完成率", null, 10, 10, null],
  ["履职效能", "项目绩效目标完成率", null, 7, 7, null],
  ["履职效能", "政治、经济、文化、社会、生态文明建设效益", null, 10, 10, null],
  ["履职效能", "公众或服务对象满意度", null, 5, 5, null],
  ["（报告未列明）", "报告未列明的指标", null, 5, 5, null],
];

/** The sample workbook with that table, its 得分说明 F3:F5 merged or not. */
async function workbook(merged: boolean): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE_PATH);
  const old = wb.getWorksheet("绩效指标") as ExcelJS.Worksheet;
  wb.removeWorksheet(old.id);
  const sheet = wb.addWorksheet("绩效指标");
  ROWS.forEach((values) => sheet.addRow(values));
  if (merged) sheet.mergeCells("F3:F5");
  return wb;
}

async function viaPackage(merged: boolean): Promise<WorkbookSnapshot> {
  const data = await (await workbook(merged)).xlsx.writeBuffer();
  return readPackage(ZipPackage.read(new Uint8Array(data as ArrayBuffer)));
}

async function viaExcelJs(merged: boolean): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await (await workbook(merged)).xlsx.writeBuffer());
  return readWorkbook(wb);
}

const finance = (snapshot: WorkbookSnapshot) => {
  const { evaluation } = scoreSnapshot(snapshot);
  return {
    evaluation,
    result: evaluation.indicators.find((i) => i.id === "financialManagement"),
    unexplained: evaluation.gaps.find(
      (g) => g.code === "deductionWithoutExplanation" && g.indicatorId === "financialManagement"
    ),
  };
};

describe("a 得分说明 merged over 三级 rows", () => {
  it.each([
    ["the package reader", viaPackage],
    ["ExcelJS", viaExcelJs],
  ])("reports the merged area through %s", async (_, read) => {
    const sheet = (await read(true)).sheets.find((s) => s.name === "绩效指标");
    expect(sheet?.merges).toContainEqual({ top: 2, left: 5, bottom: 4, right: 5 });
    const grid = new Grid(sheet as NonNullable<typeof sheet>);
    expect(grid.mergedFrom(3, 5)).toEqual({ row: 2, column: 5 });
    expect(grid.mergedFrom(4, 5)).toEqual({ row: 2, column: 5 });
    expect(grid.mergedFrom(2, 5)).toBeNull(); // the merged cell itself
    expect(grid.mergedFrom(5, 5)).toBeNull();
    expect(grid.mergedFrom(3, 4)).toBeNull();
  });

  it.each([
    ["the package reader", viaPackage],
    ["ExcelJS", viaExcelJs],
  ])("explains every row it covers, said once (%s)", async (_, read) => {
    const { evaluation, result, unexplained } = finance(await read(true));
    expect(result?.counted.toString()).toBe("17");
    expect(evaluation.total.toString()).toBe("92.18");
    expect(unexplained).toBeUndefined();
    expect(result?.enteredExplanation).toBe(
      `资金使用合规性、会计核算规范性、内部控制扣 3 分：${REASON}`
    );
  });

  it("still names the row without a reason where the cells are not merged", async () => {
    const { result, unexplained } = finance(await viaPackage(false));
    expect(result?.counted.toString()).toBe("17");
    expect(unexplained?.message).toBe(
      "“财务管理情况”扣 3.00 分，其中“会计核算规范性”（绩效指标!F4）扣 2.00 分未说明扣分原因。"
    );
  });
});
