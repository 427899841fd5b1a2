/**
 * The 网页版 on a blank template (input tables inserted, no figure yet): no 自评报告 draft of
 * zeros and no ranking row of 0.00, but the sentence the command line says — what to fill in,
 * and where.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { rankFiles, rankingWorkbook } from "../../playground/Ranking";
import { reportDocxOf } from "../../playground/reportDownload";
import { PackageWorkbook } from "../../src/hosts/file/packageWorkbook";
import { writeLayout } from "../../src/hosts/file/writeLayout";
import { templateLayouts } from "../../src/layout/template";
import { caiyuProject, foshan2022 } from "../../src/standard/presets";
import { projectFormLayout } from "../../src/layout/projectForm";
import { formsOnlyNote } from "../../src/layout/ranking";
import { goodForm } from "../fixtures/projectForm";
import { SAMPLE_PATH } from "../parse/sampleSnapshot";

async function blankTemplate(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const layout of templateLayouts(foshan2022)) writeLayout(book, layout);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const FILL_IN = "输入表尚未填写数据：请在“预算支出”、“绩效指标”表中填写预算数和自评得分后再";

describe("the 网页版 on a blank template", () => {
  it("drafts no report, and says what to fill in and where", async () => {
    const drafted = await reportDocxOf(new PackageWorkbook(await blankTemplate()));
    expect(drafted).toEqual({ refused: `${FILL_IN}生成报告。` });
  });

  it("still drafts the report of a filled-in workbook", async () => {
    const drafted = await reportDocxOf(new PackageWorkbook(readFileSync(SAMPLE_PATH)));
    expect(drafted).toBeInstanceOf(Uint8Array);
  });

  it("ranks no blank file as 0.00: it is listed with what to fill in", async () => {
    const blank = new File([(await blankTemplate()) as BlobPart], "模板.xlsx");
    const filled = new File([readFileSync(SAMPLE_PATH)], "某局.xlsx");
    const ranked = await rankFiles([blank, filled]);
    expect(ranked.entries.map((e) => e.file)).toEqual(["某局.xlsx"]);
    expect(ranked.failures).toEqual([{ file: "模板.xlsx", reason: `${FILL_IN}评分` }]);
  });
});

describe("the 网页版's ranking with a workbook of project forms alone", () => {
  it("scores it, leaves it out of the ranking and names it in the note, as the command line does", async () => {
    const book = new ExcelJS.Workbook();
    writeLayout(
      book,
      projectFormLayout(caiyuProject, goodForm("社保卡发行项目"), "社保卡发行项目")
    );
    const forms = new File([(await book.xlsx.writeBuffer()) as BlobPart], "项目表.xlsx");
    const filled = new File([readFileSync(SAMPLE_PATH)], "某局.xlsx");
    const ranked = await rankFiles([forms, filled]);
    expect(ranked.entries.map((e) => e.file)).toEqual(["某局.xlsx"]);
    expect(ranked.failures).toEqual([]);
    expect(ranked.formsOnly).toEqual(["项目表.xlsx"]);
    const sheet = new ExcelJS.Workbook();
    await sheet.xlsx.load((await rankingWorkbook(ranked)) as unknown as ArrayBuffer);
    const texts = new Set<string>();
    sheet.worksheets[0]?.eachRow((row) => row.eachCell((c) => texts.add(String(c.value ?? ""))));
    expect([...texts].filter((t) => t.includes("项目表.xlsx"))).toEqual([
      expect.stringContaining(formsOnlyNote(["项目表.xlsx"])),
    ]);
  });
});
