/** 插入模板 through the ExcelJS host: sheets added, existing sheets untouched, clashes reported. */
import ExcelJS from "exceljs";
import { FileWorkbook } from "../../src/hosts/file/fileWorkbook";
import { insertTemplate } from "../../src/pipeline/insertTemplate";
import { scoreSnapshot } from "../../src/pipeline/scoreWorkbook";
import { foshan2022, genericPreset } from "../../src/standard/presets";
import { dec } from "../../src/model/decimal";
import { DEFAULT_GRADE_RANGES } from "../../src/standard/bands";
import type { Standard } from "../../src/standard/types";

async function roundTrip(book: FileWorkbook): Promise<FileWorkbook> {
  return FileWorkbook.fromBuffer(await book.toBuffer());
}

describe("插入模板 (ExcelJS host)", () => {
  it("adds the five input sheets to an empty workbook, readable as an empty department", async () => {
    const book = new FileWorkbook(new ExcelJS.Workbook());
    const outcome = await insertTemplate(book, foshan2022);
    expect(outcome.added).toEqual(["基本信息", "预算支出", "绩效指标", "项目清单", "重点工作"]);
    expect(outcome.clashes).toEqual([]);
    expect(outcome.messages[0]).toBe(
      "已插入 5 张工作表：基本信息、预算支出、绩效指标、项目清单、重点工作。"
    );

    const reread = await roundTrip(book);
    const ws = reread.workbook.getWorksheet("绩效指标")!;
    expect(ws.getCell("B4").value).toBe("预算绩效管理情况");
    expect(ws.getCell("C5").value).toBe(20);
    expect(ws.getCell("D4").numFmt).toBe("0.00");
    // Score cells are validated 0..分值.
    const dv = ws.getCell("D5").dataValidation;
    expect(dv).toMatchObject({ type: "decimal", formulae: [0, 20] });
    expect(reread.workbook.getWorksheet("预算支出")!.getCell("A4").value).toBe("一、基本支出");

    // An empty template is found table by table; it lacks only the department's figures.
    const { parse } = scoreSnapshot(await reread.read());
    expect(parse.found.map((f) => f.kind)).toEqual(
      expect.arrayContaining(["budget", "indicators", "projects", "keyTasks"])
    );
    expect(parse.problems.map((p) => p.message)).toEqual([
      "未找到部门名称：请在“基本信息”表中填写“部门名称”",
      "未找到年度：请在“基本信息”表中填写“年度”（如 2022）",
    ]);
  });

  it("never overwrites a sheet it did not create, and reports the clash", async () => {
    const workbook = new ExcelJS.Workbook();
    const mine = workbook.addWorksheet("预算支出");
    mine.getCell("A1").value = "我的数据";
    mine.getCell("B2").value = 123.45;
    const book = new FileWorkbook(workbook);
    const outcome = await insertTemplate(book, foshan2022);
    expect(outcome.clashes).toEqual(["预算支出"]);
    expect(outcome.added).not.toContain("预算支出");
    expect(outcome.messages).toContain(
      "以下工作表已存在，未作改动：预算支出。如需使用模板，请先将其改名。"
    );
    const reread = await roundTrip(book);
    const kept = reread.workbook.getWorksheet("预算支出")!;
    expect(kept.getCell("A1").value).toBe("我的数据");
    expect(kept.getCell("B2").value).toBe(123.45);
    expect(kept.actualRowCount).toBe(2);
  });
});

describe("插入模板 with the standard in force", () => {
  it("lays out a three-level standard's tree, with 评价等次 for a qualitative rule, and reads it back to those indicators", async () => {
    const standard: Standard = {
      ...genericPreset,
      id: "three-levels",
      caps: [],
      indicators: [
        {
          id: "a",
          level1: "产出指标",
          level2: "数量指标",
          name: "培训人次",
          max: dec(30),
          rule: { kind: "judgment", params: {} },
          unconfirmed: [],
        },
        {
          id: "b",
          level1: "产出指标",
          level2: "质量指标",
          name: "合格率",
          max: dec(30),
          rule: { kind: "qualitative", params: { grades: DEFAULT_GRADE_RANGES } },
          unconfirmed: [],
        },
        {
          id: "c",
          level1: "效益指标",
          level2: "社会效益",
          name: "群众知晓度",
          max: dec(40),
          rule: { kind: "judgment", params: {} },
          unconfirmed: [],
        },
      ],
    };
    const book = new FileWorkbook(new ExcelJS.Workbook());
    await insertTemplate(book, standard);
    const reread = await roundTrip(book);
    const ws = reread.workbook.getWorksheet("绩效指标")!;
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => ws.getRow(3).getCell(c).value)).toEqual([
      "一级指标",
      "二级指标",
      "三级指标",
      "分值",
      "自评得分",
      "评价等次",
      "得分说明",
    ]);
    expect([ws.getCell("A4").value, ws.getCell("B4").value, ws.getCell("C4").value]).toEqual([
      "产出指标",
      "数量指标",
      "培训人次",
    ]);
    ws.getCell("E4").value = 28;
    ws.getCell("E5").value = 22;
    ws.getCell("F5").value = "部分达成";
    ws.getCell("E6").value = 40;
    const { evaluation } = scoreSnapshot(await (await roundTrip(reread)).read(), {
      standard: { standard, problems: [], sheet: "测试" },
    });
    expect(evaluation.indicators.map((i) => [i.id, i.inStandard, i.counted.toString()])).toEqual([
      ["a", true, "28"],
      ["b", true, "22"], // 部分达成: 60%～80% of 30 = 18～24, the entered 22 agrees
      ["c", true, "40"],
    ]);
    expect(evaluation.gaps.some((g) => g.code === "enteredDiffersFromComputed")).toBe(false);
  });
});

describe("bundled sample", () => {
  it("is what scripts/make-samples.ts produces from the seed data (run `npm run samples` after changing either)", async () => {
    const { buildSampleWorkbook } = await import("../../scripts/make-samples");
    const fresh = await FileWorkbook.fromBuffer(
      await new FileWorkbook(buildSampleWorkbook()).toBuffer()
    );
    const onDisk = await FileWorkbook.fromFile(
      require("node:path").join(__dirname, "..", "..", "samples", "foshan-sbj-2022.xlsx")
    );
    expect(await onDisk.read()).toEqual(await fresh.read());
  });
});
