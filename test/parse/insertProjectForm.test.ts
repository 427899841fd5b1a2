/** 插入项目自评表 through the ExcelJS host: a blank form named after the project, read back as a form. */
import ExcelJS from "exceljs";
import { FileWorkbook } from "../../src/hosts/file/fileWorkbook";
import { insertProjectForm } from "../../src/pipeline/insertTemplate";
import { parseWorkbook } from "../../src/parse/parseWorkbook";
import { scoreSnapshot } from "../../src/pipeline/scoreWorkbook";
import { SAMPLE_PATH } from "./sampleSnapshot";

async function sampleBook(): Promise<FileWorkbook> {
  return FileWorkbook.fromFile(SAMPLE_PATH);
}
const reread = async (book: FileWorkbook) => FileWorkbook.fromBuffer(await book.toBuffer());

describe("插入项目自评表", () => {
  it("adds a blank form named after the project, with the project standard's classes and validated scores", async () => {
    const book = await sampleBook();
    const input = parseWorkbook(await book.read()).input;
    const outcome = await insertProjectForm(book, "社保卡发行项目", input);
    expect(outcome.added).toEqual(["社保卡发行项目"]);
    expect(outcome.messages[0]).toBe("已插入 1 张工作表：社保卡发行项目。");

    const ws = (await reread(book)).workbook.getWorksheet("社保卡发行项目") as ExcelJS.Worksheet;
    const texts: string[] = [];
    ws.eachRow((row) =>
      row.eachCell((c) => void (typeof c.value === "string" && texts.push(c.value)))
    );
    for (const word of [
      "项目支出绩效自评表",
      "年度资金总额",
      "全年预算数",
      "年度指标值",
      "实际完成值",
    ])
      expect(texts).toContain(word);
    for (const cls of ["产出指标", "效益指标", "满意度指标"]) expect(texts).toContain(cls);
    expect(texts).toContain("社保卡发行项目");
    // The year is the department's; score cells refuse what is not 0–100.
    expect(texts).toContain("（2022 年度）");
    // The 得分 cell under the indicator table's header.
    let header = 0;
    let column = 0;
    ws.eachRow((row, r) =>
      row.eachCell((c, k) => {
        if (c.value === "年度指标值") header = r;
        if (header === r && c.value === "得分") column = k;
      })
    );
    expect(ws.getCell(header + 1, column).dataValidation).toMatchObject({
      type: "decimal",
      formulae: [0, 100],
    });
  });

  it("is read back as the project's form; left blank, it says what is missing rather than scoring it 优", async () => {
    const book = await sampleBook();
    await insertProjectForm(book, "档案数字化项目", parseWorkbook(await book.read()).input);
    const { parse, evaluation } = scoreSnapshot(await (await reread(book)).read());
    expect(parse.input.projectForms?.map((f) => f.name)).toEqual(["档案数字化项目"]);
    // The department's own tables are still the department's.
    expect(evaluation.total.toString()).toBe("95.18");
    const form = evaluation.projects?.results[0];
    expect(form?.grade).not.toBe("优");
    expect(form?.gaps.map((g) => g.message)).toEqual([
      "项目自评表尚未填写绩效指标（三级指标、年度指标值、实际完成值），无法评定等级。",
      "“预算执行率”未填报自评得分，且无法按公式计算（年度资金总额缺少全年执行数或全年预算数），按 0 分计入。",
    ]);
  });

  it("leaves an existing sheet of that name alone and says so", async () => {
    const book = await sampleBook();
    const input = parseWorkbook(await book.read()).input;
    await insertProjectForm(book, "社保卡发行项目", input);
    const again = await insertProjectForm(book, "社保卡发行项目", input);
    expect(again.added).toEqual([]);
    expect(again.clashes).toEqual(["社保卡发行项目"]);
  });

  it("names the sheet as Excel allows: no []:*?/\\ and at most 31 characters", async () => {
    const book = await sampleBook();
    const name = "2023年[重点]民生实事：社保卡/电子社保卡“一卡通”应用拓展及服务网点建设项目";
    const outcome = await insertProjectForm(book, name);
    const sheet = outcome.added[0];
    expect(sheet.length).toBeLessThanOrEqual(31);
    expect(sheet).not.toMatch(/[[\]:*?/\\]/);
    const { parse } = scoreSnapshot(await (await reread(book)).read());
    // The form keeps the whole name; only the tab is shortened.
    expect(parse.input.projectForms?.map((f) => f.name)).toEqual([name]);
  });
});
