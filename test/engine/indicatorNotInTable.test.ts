/**
 * An indicator of the standard that the department's 绩效指标表 leaves out: the tool can compute
 * it, so it counts — but the gap list says so (which indicator, what was counted, where the
 * table is), the table's own 合计 is said to differ from the evaluated one, and neither the
 * summary nor the 核对清单 presents the score as one the department entered.
 */
import type { WorkbookSnapshot } from "../../src/hosts/snapshot";
import { checklistLayout } from "../../src/layout/checklist";
import { summaryLayout } from "../../src/layout/summary";
import { scoreSnapshot } from "../../src/pipeline/scoreWorkbook";
import { reportDraft } from "../../src/submission/reportDraft";
import { reportText } from "../../src/submission/reportText";
import { sampleSnapshot, setCell } from "../parse/sampleSnapshot";

/** Deletes a (1-based) row of a sheet, moving the rows below it up, as Excel's 删除行 does. */
function deleteRow(snapshot: WorkbookSnapshot, sheetName: string, row: number): void {
  const sheet = snapshot.sheets.find((s) => s.name === sheetName)!;
  sheet.values.splice(row - 1 - sheet.top, 1);
  sheet.numberFormats?.splice(row - 1 - sheet.top, 1);
}

/** The bundled sample with its 财政支出执行率 row (绩效指标!9) deleted and 合计 made 90 / 90. */
async function withoutExecutionRate(): Promise<WorkbookSnapshot> {
  const snapshot = await sampleSnapshot();
  deleteRow(snapshot, "绩效指标", 9);
  setCell(snapshot, "绩效指标", "C14", 90);
  setCell(snapshot, "绩效指标", "D14", 90);
  return snapshot;
}

const cellsIn = (layout: { cells: { row: number; column: number; value: unknown }[] }) => ({
  rowOf: (text: string) => layout.cells.find((c) => c.value === text)?.row,
  at: (row: number | undefined, column: number) =>
    layout.cells.find((c) => c.row === row && c.column === column)?.value,
});

describe("an indicator of the standard the department's table leaves out", () => {
  it("counts the computed score and says, at the table, that the table does not list it", async () => {
    const { evaluation } = scoreSnapshot(await withoutExecutionRate());
    const rate = evaluation.indicators.find((i) => i.id === "executionRate")!;
    // 10 × (80.87% − 60%) ÷ (100% − 60%) = 5.22, counted: the standard's indicator, computable.
    expect(rate.entered).toBeNull();
    expect(rate.counted.toString()).toBe("5.22");
    expect(evaluation.total.toString()).toBe("95.22");
    const gap = evaluation.gaps.find(
      (g) => g.code === "indicatorNotInTable" && g.indicatorId === "executionRate"
    );
    expect(gap?.severity).toBe("warning");
    expect(gap?.message).toContain("“财政支出执行率”");
    expect(gap?.message).toContain("不在绩效指标表中");
    expect(gap?.message).toContain("5.22");
    expect(gap?.cell).toMatch(/^绩效指标!/);
  });

  it("says the table's own 合计 (90 / 90) is not the evaluated 100 / 95.22, at its cell", async () => {
    const { evaluation } = scoreSnapshot(await withoutExecutionRate());
    const gap = evaluation.gaps.find((g) => g.code === "tableTotalDiffers");
    expect(gap?.severity).toBe("warning");
    expect(gap?.cell).toBe("绩效指标!C14");
    expect(gap?.message).toContain("90.00");
    expect(gap?.message).toContain("100.00");
    expect(gap?.message).toContain("95.22");
    expect(gap?.message).toContain("“财政支出执行率”");
  });

  it("does not present the score as entered: the summary's 得分说明 and the checklist's mark say so", async () => {
    const { evaluation } = scoreSnapshot(await withoutExecutionRate());
    const summary = cellsIn(summaryLayout(evaluation));
    const note = summary.at(summary.rowOf("财政支出执行率"), 5);
    expect(note).toMatch(/^绩效指标表未列此指标，按评分标准计算计入。计算：.*5\.22/);
    const checklist = cellsIn(checklistLayout(evaluation, { date: "2026-12-01", sources: [] }));
    const row = checklist.rowOf("财政支出执行率");
    expect(checklist.at(row, 3)).toBeNull(); // 填报: nothing
    expect(String(checklist.at(row, 8))).toContain("▲表中未列");
  });

  it("the report draft says the table does not list it and gives no 自评得分 for it", async () => {
    const snapshot = await withoutExecutionRate();
    const { evaluation, parse } = scoreSnapshot(snapshot);
    const text = reportText(reportDraft({ evaluation, input: parse.input }));
    const at = text.indexOf("绩效指标表未列此指标");
    expect(at).toBeGreaterThan(0);
    const paragraph = text.slice(at, text.indexOf("\n", at));
    expect(paragraph).toMatch(
      /^绩效指标表未列此指标，按评分标准计算计入。按照评分标准计算：.*5\.22/
    );
    expect(paragraph).toMatch(/该指标分值 10 分，计入得分 5\.22 分。$/);
    expect(paragraph).not.toContain("自评得分");
  });

  it("leaves the sample as it is: 95.18, 优, its placeholder row matched, no such gaps", async () => {
    const { evaluation } = scoreSnapshot(await sampleSnapshot());
    expect(evaluation.total.toString()).toBe("95.18");
    expect(evaluation.grade).toBe("优");
    const codes = evaluation.gaps.map((g) => g.code);
    expect(codes).not.toContain("indicatorNotInTable");
    expect(codes).not.toContain("tableTotalDiffers");
    const placeholder = evaluation.indicators.find((i) => i.name === "报告未列明的指标");
    expect(placeholder?.entered?.toString()).toBe("5");
  });
});
