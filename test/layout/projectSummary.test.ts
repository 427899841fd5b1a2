/** 项目自评汇总 as data: one row per form sorted by total, the roll-up, each project's problems. */
import ExcelJS from "exceljs";
import { join } from "node:path";
import { readWorkbook } from "../../src/hosts/file/readWorkbook";
import type { SheetLayout } from "../../src/layout/sheetLayout";
import { layOut } from "../../src/pipeline/layOut";
import { evaluationToJson } from "../../src/evaluate/json";
import { scoreSnapshot, type WorkbookScore } from "../../src/pipeline/scoreWorkbook";
import { PROJECT_NAMES } from "../../samples/seedProjects";
import { displayValue } from "../../src/layout/displayFormat";
import { dec } from "../../src/model/decimal";
import { displayWidth } from "../../src/model/text";
import { formSheet, goodForm } from "../fixtures/projectForm";

const FILE = join(__dirname, "..", "..", "samples", "foshan-sbj-2022-projects.xlsx");
let scored: WorkbookScore;
let sheet: SheetLayout;
let summary: SheetLayout;

beforeAll(async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(FILE);
  scored = scoreSnapshot(readWorkbook(workbook));
  const layouts = layOut(scored, "2026-11-29");
  sheet = layouts.projects as SheetLayout;
  summary = layouts.checklist!;
});

const at = (l: SheetLayout, row: number, column: number) =>
  l.cells.find((c) => c.row === row && c.column === column)?.value;
const HEADERS_AT = (l: SheetLayout, row: number, text: string) =>
  l.cells.find((c) => c.row === row && c.value === text)?.column ?? -1;
const rowOf = (l: SheetLayout, test: (v: unknown) => boolean) =>
  l.cells.find((c) => test(c.value))?.row ?? -1;

describe("项目自评汇总", () => {
  it("is titled for the department and year, and names the project standard", () => {
    expect(sheet.name).toBe("项目自评汇总");
    expect(at(sheet, 0, 0)).toBe("佛山市社会保险基金管理局 2022 年度项目支出绩效自评汇总表");
    expect(String(at(sheet, 1, 0))).toContain("评分标准：");
    expect(String(at(sheet, 1, 0))).toContain("生成日期：2026-11-29");
  });

  it.each([
    [
      "names them",
      [goodForm("甲项目"), goodForm("乙项目")],
      "佛山市人力资源和社会保障局 2022 年度",
    ],
    [
      "name none but their 实施单位",
      [{ ...goodForm("甲项目"), department: undefined }],
      "佛山市社会保险基金管理局 2022 年度",
    ],
    [
      "disagree (blanks, as before)",
      [goodForm("甲项目"), { ...goodForm("乙项目"), department: "某局", year: 2021 }],
      " 　　年度",
    ],
  ])(
    "takes a workbook of forms alone's department and year from what its forms state when they all %s",
    (_, forms, titled) => {
      const only = { sheets: forms.map((f, i) => formSheet(f, `表${i + 1}`)) };
      const projects = layOut(scoreSnapshot(only), "2026-11-29").projects as SheetLayout;
      expect(at(projects, 0, 0)).toBe(`${titled}项目支出绩效自评汇总表`);
      expect(projects.print?.centerHeader).toBe(`${titled}项目支出绩效自评汇总`);
    }
  );

  it.each([
    ["name them", [goodForm("甲项目"), goodForm("乙项目")], "佛山市人力资源和社会保障局"],
    [
      "name none but their 实施单位",
      [{ ...goodForm("甲项目"), department: undefined }],
      "佛山市社会保险基金管理局",
    ],
    [
      "name it with its seal's place",
      [{ ...goodForm("甲项目"), department: "佛山市人力资源和社会保障局（公章）" }],
      "佛山市人力资源和社会保障局",
    ],
  ])(
    "gives a workbook of forms alone's --json the department and year of its title when its forms %s",
    (_, forms, department) => {
      const only = { sheets: forms.map((f, i) => formSheet(f, `表${i + 1}`)) };
      const score = scoreSnapshot(only);
      const json = evaluationToJson(score.evaluation);
      expect(json.projectsOnly).toBe(true);
      expect([json.department, json.year]).toEqual([department, 2022]);
      const projects = layOut(score, "2026-11-29").projects as SheetLayout;
      expect(at(projects, 0, 0)).toBe(`${department} 2022 年度项目支出绩效自评汇总表`);
    }
  );

  it("lists the 53 forms from the highest total down, each with its sheet, funds and grade", () => {
    const header = rowOf(sheet, (v) => v === "主要偏差");
    expect(Array.from({ length: 10 }, (_, c) => at(sheet, header, c))).toEqual([
      "序号",
      "项目名称",
      "所在工作表",
      "全年预算数",
      "全年执行数",
      "执行率",
      "总分",
      "等级",
      "问题数",
      "主要偏差",
    ]);
    const rows = Array.from({ length: 53 }, (_, i) => header + 1 + i);
    expect(new Set(rows.map((r) => at(sheet, r, 1)))).toEqual(new Set(PROJECT_NAMES));
    const totals = rows.map((r) => at(sheet, r, 6) as number);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    for (const r of rows) {
      const result = scored.evaluation.projects?.results.find((p) => p.name === at(sheet, r, 1));
      expect(at(sheet, r, 2)).toBe(result?.sheet);
      expect(at(sheet, r, 3)).toBe(result?.budget?.toNumber());
      expect(at(sheet, r, 7)).toBe(result?.grade);
      expect(at(sheet, r, 8)).toBe(result?.gaps.length);
    }
    // 合计: 49,356.67 and 43,757.42 万元, 88.66%.
    const total = header + 54;
    expect(at(sheet, total, 0)).toBe("合计（53 个项目）");
    expect([at(sheet, total, 3), at(sheet, total, 4), at(sheet, total, 5)]).toEqual([
      49356.67, 43757.42, 0.8866,
    ]);
  });

  it("shows the roll-up into the department's 项目绩效目标完成率 with its formula", () => {
    const line = sheet.cells.find((c) => String(c.value).startsWith("项目绩效目标完成率："));
    const mean = scored.evaluation.metrics.projectFundWeightedScore?.value?.toFixed(2);
    expect(String(line?.value)).toContain(String(mean));
    expect(sheet.cells.some((c) => String(c.value).startsWith("项目自评覆盖率："))).toBe(true);
    // The formula once, its Σ exact and grouped as the amounts are (4,865,818.6951, not 4865818.70).
    const formulas = sheet.cells.filter((c) => String(c.value).includes("Σ(自评得分"));
    expect(formulas).toHaveLength(1);
    expect(String(formulas[0]?.value)).toMatch(/= \d{1,3}(,\d{3})+\.\d+ ÷ 49,356\.67 = /);
  });

  it("lists each project's problems with its cell, the projects that scored full marks on a missed target among them", () => {
    const problems = rowOf(sheet, (v) => v === "三、项目问题清单");
    expect(problems).toBeGreaterThan(0);
    const listed = sheet.cells.filter((c) => c.row > problems + 1 && c.column === 1 && c.value);
    const names = new Set(listed.map((c) => c.value));
    for (const i of [12, 37]) expect(names).toContain(PROJECT_NAMES[i]);
    const count = scored.evaluation.projects?.results.reduce((n, p) => n + p.gaps.length, 0);
    expect(listed).toHaveLength(count as number);
  });

  it("prints neighbouring cells apart: 总分 beside 等级 (无法评定 with room to spare), 问题数 centred", () => {
    const header = rowOf(sheet, (v) => v === "主要偏差");
    const grade = HEADERS_AT(sheet, header, "等级");
    const count = HEADERS_AT(sheet, header, "问题数");
    // Right-aligned 107.50 against a centred word that fills its column ran together in print.
    expect(sheet.columnWidths[grade]).toBeGreaterThanOrEqual(displayWidth("无法评定") + 2);
    const rows = sheet.cells.filter((c) => c.row > header && c.row <= header + 53);
    for (const c of rows.filter((c) => c.column === grade))
      expect(c.style?.horizontal).toBe("center");
    // A right-aligned count against the left-aligned 主要偏差 (“4—”) ran together too.
    for (const c of rows.filter((c) => c.column === count))
      expect(c.style?.horizontal).toBe("center");
  });

  it("prints on A4 landscape, one page wide, the column headings repeated", () => {
    const header = rowOf(sheet, (v) => v === "主要偏差");
    expect(sheet.print).toMatchObject({
      paper: "A4",
      orientation: "landscape",
      fitToPagesWide: 1,
      titleRows: { first: header, last: header },
    });
  });

  it("is linked from the department's 核对清单", () => {
    const link = summary.cells.find((c) => c.formula?.startsWith("=HYPERLINK"));
    expect(link?.formula).toContain("#'项目自评汇总'!A1");
    expect(String(link?.value)).toContain("53 张项目支出绩效自评表");
  });
});

describe("项目自评汇总 of forms kept in 元", () => {
  /** Three forms of 10,050 元 (1.005 万元) each, every one spent in full. */
  function yuanForms(): SheetLayout {
    const sheets = ["甲", "乙", "丙"].map((n) => {
      const yuan = dec(10050);
      const data = {
        ...goodForm(`${n}项目`),
        funds: [
          { label: "年度资金总额", initial: yuan, adjusted: yuan, spent: yuan },
          { label: "其中：财政拨款", initial: yuan, adjusted: yuan, spent: yuan },
        ],
        executionEntered: 10,
      };
      const sheet = formSheet(data, n);
      sheet.values[4][0] = "项目资金（元）";
      return sheet;
    });
    return layOut(scoreSnapshot({ sheets }), "2026-12-01").projects as SheetLayout;
  }

  it("prints each amount exactly, so the rows add up to the printed 合计", () => {
    const l = yuanForms();
    const header = rowOf(l, (v) => v === "主要偏差");
    const shown = (row: number, column: number) => {
      const cell = l.cells.find((c) => c.row === row && c.column === column);
      return displayValue(cell?.value, cell?.style?.numberFormat);
    };
    for (const column of [3, 4]) {
      expect([1, 2, 3].map((i) => shown(header + i, column))).toEqual(["1.005", "1.005", "1.005"]);
      expect(shown(header + 4, column)).toBe("3.015");
    }
    expect(at(l, header + 4, 0)).toBe("合计（3 个项目）");
  });
});
