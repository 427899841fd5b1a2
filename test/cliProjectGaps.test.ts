/**
 * The terminal's text lists the project forms' own gaps after the department's, per form, the
 * gravest first and bounded (ten forms, five gaps a form), the rest counted — in a run of forms
 * alone as beside a department.
 */
import { renderEvaluation } from "../src/cli/report";
import { dec } from "../src/model/decimal";
import type { CellValue, WorkbookSnapshot } from "../src/hosts/snapshot";
import { scoreSnapshot } from "../src/pipeline/scoreWorkbook";
import { FORM_SHEET, formSheet, goodForm } from "./fixtures/projectForm";
import { sampleSnapshot, setCell } from "./parse/sampleSnapshot";

/** Seven gaps: four scores not the rule's, a missed target unexplained, a 总分 and a 等级 wrong. */
const BROKEN: Record<string, CellValue> = {
  H13: 25,
  H14: 15,
  H15: 20,
  H16: 5,
  F13: "8万张",
  I17: "自评等级：良",
};

function withForms(snapshot: WorkbookSnapshot, count: number): WorkbookSnapshot {
  for (let i = 1; i <= count; i++) {
    const sheet = `表${i}`;
    snapshot.sheets.push(formSheet(goodForm(`项目${i}`), sheet));
    for (const [cell, value] of Object.entries(BROKEN)) setCell(snapshot, sheet, cell, value);
  }
  return snapshot;
}

describe("the forms' gaps on the terminal", () => {
  it("lists them per form in a run of forms alone, ten forms of five gaps at most, the rest counted", () => {
    const e = scoreSnapshot(withForms({ sheets: [] }, 12)).evaluation;
    const gaps = e.projects?.results.map((p) => p.gaps.length) ?? [];
    expect(gaps).toEqual(Array(12).fill(7));
    const text = renderEvaluation(e);
    expect(text).toContain("项目自评表问题（12 张表共 84 项：严重 12，警告 72，提示 0）");
    expect(text).not.toContain("问题清单（共 0 项");
    const headings = text.split("\n").filter((l) => /^项目\d+（表\d+!B3）：7 项$/.test(l));
    expect(headings).toHaveLength(10);
    // The gravest first: the 总分 that is not the sum of the rows.
    const first = text.split("\n").indexOf(headings[0] as string);
    expect(text.split("\n")[first + 1]).toMatch(
      /^ {2}1\. \[严重\] 绩效指标表合计得分 .*（表\d+!H17）$/
    );
    expect(text.split("\n")[first + 2]).toMatch(/^ {5}建议：/);
    expect(text.match(/^ {2}…另有 2 项未列出$/gm)).toHaveLength(10);
    expect(text).toContain("另有 2 张自评表的 14 项问题未列出。");
    expect(text).toContain("全部问题及其单元格见“项目自评汇总”工作表的“三、项目问题清单”");
  });

  it("lists them after the department's gaps when forms are scored beside the department", async () => {
    const snapshot = await sampleSnapshot();
    snapshot.sheets.push(formSheet(goodForm("社保卡发行项目"), FORM_SHEET));
    setCell(snapshot, FORM_SHEET, "F13", "8万张");
    setCell(snapshot, FORM_SHEET, "H13", 24);
    const text = renderEvaluation(scoreSnapshot(snapshot).evaluation);
    const department = text.indexOf("问题清单（共 ");
    const forms = text.indexOf("项目自评表问题（1 张表共 2 项：严重 1，警告 1，提示 0）");
    expect(department).toBeGreaterThan(0);
    expect(forms).toBeGreaterThan(department);
    expect(text.slice(forms)).toContain(
      "社保卡发行项目（项目自评表!B3）：2 项\n  1. [严重] 绩效指标表合计得分 99.17 分与各指标填报得分之和 93.17 分不一致。（项目自评表!H17）\n     建议：核对各指标得分与合计行，建议合计行使用求和公式。\n  2. [警告] “发卡数量”未达到年度指标值（目标 ≥10万张，实际 8万张），未填写偏差原因分析及改进措施。（项目自评表!I13）"
    );
    expect(text).not.toContain("全部问题及其单元格见");
  });
});

describe("the terminal's budget line", () => {
  it("gives the 合计 in the unit the table was kept in (元, cents), not 万元 to six places", async () => {
    const e = scoreSnapshot(await sampleSnapshot()).evaluation;
    const inYuan = { ...e, budget: { ...e.budget, unit: { label: "元", factor: dec("0.0001") } } };
    const text = renderEvaluation(inYuan);
    expect(text).toContain(
      "合计：年初预算 405,687,300.00，调整预算 523,621,400.00，决算 466,654,300.00（元）"
    );
  });
});
