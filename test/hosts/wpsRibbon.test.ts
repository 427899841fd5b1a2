/**
 * @jest-environment jsdom
 */
/**
 * The WPS ribbon's 重新计算 on the ET double: one sentence for each outcome — the department
 * scored, project forms alone (no department table, or blank ones: the note first, as the
 * Excel ribbon puts it), a blank template (nothing written, what to fill in).
 */
import ExcelJS from "exceljs";
import { readWorkbook } from "../../src/hosts/file/readWorkbook";
import { writeLayout } from "../../src/hosts/file/writeLayout";
import { projectFormLayout } from "../../src/layout/projectForm";
import type { SheetLayout } from "../../src/layout/sheetLayout";
import { templateLayouts } from "../../src/layout/template";
import { caiyuProject, foshan2022 } from "../../src/standard/presets";
import { FakeEt } from "../fakes/fakeEt";
import { goodForm } from "../fixtures/projectForm";

const form = () => projectFormLayout(caiyuProject, goodForm("社保卡发行项目"), "社保卡发行项目");

/** The ribbon's 重新计算 on a workbook of these layouts; its sentence and the sheets after. */
async function ribbonOn(layouts: SheetLayout[]): Promise<{ text: string; sheets: string[] }> {
  // (jsdom has no TextDecoder for the package reader: the ExcelJS reader makes the snapshot.)
  const workbook = new ExcelJS.Workbook();
  for (const layout of layouts) writeLayout(workbook, layout);
  const et = FakeEt.fromSnapshot(readWorkbook(workbook));
  (window as unknown as { Application: FakeEt }).Application = et;
  let recalculateFromRibbon!: () => Promise<string>;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    recalculateFromRibbon = require("../../src/wps/ribbon").recalculateFromRibbon;
  });
  const text = await recalculateFromRibbon();
  const book = et.ActiveWorkbook as unknown as { sheets: { Name: string }[] };
  return { text, sheets: book.sheets.map((s) => s.Name) };
}

describe("WPS ribbon 重新计算", () => {
  it("on project forms alone: the note, then the sheet written", async () => {
    const { text, sheets } = await ribbonOn([form()]);
    expect(text).toBe(
      "计算完成：未找到部门的预算支出明细表和绩效指标表，只评分了项目支出绩效自评表。已写入“项目自评汇总”工作表。"
    );
    expect(sheets).toEqual(["社保卡发行项目", "项目自评汇总"]);
  });

  it("on a blank template with a form filled in: the forms alone, the tables still blank", async () => {
    const { text, sheets } = await ribbonOn([...templateLayouts(foshan2022), form()]);
    expect(text).toBe(
      "计算完成：部门的预算支出明细表和绩效指标表尚未填写数据，只评分了项目支出绩效自评表；填写预算数和自评得分后再评分部门整体。已写入“项目自评汇总”工作表。"
    );
    expect(sheets).not.toContain("绩效自评汇总");
    expect(sheets[sheets.length - 1]).toBe("项目自评汇总");
  });

  it("on a blank template without forms: nothing written, what to fill in", async () => {
    const { text, sheets } = await ribbonOn(templateLayouts(foshan2022));
    expect(text).toBe(
      "输入表尚未填写数据，未写入汇总表：请在“预算支出”、“绩效指标”表中填写预算数和自评得分后再点“重新计算”。"
    );
    expect(sheets).toEqual(templateLayouts(foshan2022).map((l) => l.name));
  });
});
