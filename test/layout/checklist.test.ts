/** The 核对清单 as data: figures, sections, marks and print setup. */
import { evaluate } from "../../src/evaluate/evaluate";
import { checklistLayout } from "../../src/layout/checklist";
import { materialized } from "../../src/layout/sheetLayout";
import { displayValue } from "../../src/layout/displayFormat";
import { Dec } from "../../src/model/decimal";
import { seed } from "../helpers";
import { at, rowOf } from "../fixtures/layoutCells";
import { projectLines } from "../../bench/workbooks";

const layout = checklistLayout(evaluate(seed()), { date: "2026-11-27" });

describe("核对清单 layout", () => {
  it("has the title, unit and date lines", () => {
    expect(at(layout, 0, 0)?.value).toBe("佛山市社会保险基金管理局 2022 年度绩效自评核对清单");
    expect(at(layout, 1, 0)?.value).toBe(
      "单位：万元　　评分标准：2022 年度佛山市市级部门整体支出绩效自评表　　生成日期：2026-11-27"
    );
    expect(layout.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: 8 });
  });

  it("lists the budget rows with execution and adjustment rates", () => {
    const total = rowOf(layout, "合计");
    expect([2, 3, 4, 5, 6].map((c) => at(layout, total, c)?.value)).toEqual([
      40568.73, 52362.14, 46665.43, 0.8912, 0.2907,
    ]);
    // 预算调整率 = (52,362.14 − 40,568.73) ÷ 40,568.73 = 29.07%, as the gap says “增加 29.07%”.
    expect(layout.cells.some((c) => String(c.value).includes("增加 29.07%"))).toBe(true);
    expect(at(layout, total, 5)?.style?.numberFormat).toBe("0.00%");
    expect(at(layout, total, 7)?.value).toBe("填报执行率 80.87%");
    const project = rowOf(layout, "二、项目支出");
    expect(at(layout, project, 5)?.value).toBe(0.8866); // 43757.42 ÷ 49356.67
    // 预算调整率 of 项目支出: (49,356.67 − 37,590.50) ÷ 37,590.50 = 31.30%, as its gap says.
    expect(at(layout, project, 6)?.value).toBe(0.313);
  });

  it("prints a table kept in 元 in 万元 with every decimal it has (1,018,700.49 元 is 101.870049)", () => {
    const input = seed();
    const factor = new Dec("0.0001");
    input.budget.unit = { label: "元", factor };
    input.budget.rows[0].initial = new Dec("1018700.49").times(factor);
    const l = checklistLayout(evaluate(input), { date: "2026-11-27" });
    const cell = at(l, rowOf(l, "一、基本支出"), 2);
    expect(displayValue(cell?.value, cell?.style?.numberFormat)).toBe("101.870049");
    const total = at(l, rowOf(l, "合计"), 2);
    expect(displayValue(total?.value, total?.style?.numberFormat)).toBe("40,568.730000");
    // The other columns, to the 分 in 万元, keep two decimals.
    expect(at(l, rowOf(l, "合计"), 3)?.style?.numberFormat).toBe("#,##0.00");
  });

  it("prints project amounts with the decimals they have", () => {
    const l = materialized(
      checklistLayout(evaluate(seed()), { date: "2026-11-27" }, [
        {
          name: "甲",
          budget: new Dec("1.005"),
          spending: new Dec(1),
          selfScore: null,
          evaluated: true,
        },
        { name: "乙", budget: new Dec(2), spending: new Dec(2), selfScore: null, evaluated: true },
      ])
    );
    const shown = (name: string, column: number) => {
      const cell = at(l, rowOf(l, name), column);
      return displayValue(cell?.value, cell?.style?.numberFormat);
    };
    expect([shown("甲", 2), shown("乙", 2), shown("甲", 3)]).toEqual(["1.005", "2.000", "1.00"]);
  });

  it("names the 一级 on every indicator row, merged over none: a page break never splits it", () => {
    // LibreOffice printed a merged 一级 split by a page break above the next page's title rows.
    const first = rowOf(layout, "预算绩效管理情况");
    const total = rowOf(layout, "管理效率 小计");
    const names = Array.from({ length: total - first }, (_, i) => at(layout, first + i, 0));
    expect(names.map((c) => c?.value)).toEqual(Array(total - first).fill("管理效率"));
    // The first row as before, the rest in grey: the group reads as one.
    expect(names[0]?.style?.fontColor).toBeUndefined();
    expect(names[1]?.style?.fontColor).toBe("#595959");
    expect(layout.merges.filter((m) => m.left === 0 && m.bottom > m.top)).toEqual([]);
  });

  it("shows every indicator with entered, computed, counted, rate, explanation and marks", () => {
    const row = rowOf(layout, "财政支出执行率");
    expect([2, 3, 4, 5, 6].map((c) => at(layout, row, c)?.value)).toEqual([
      10, 5.18, 5.22, 5.18, 0.518,
    ]);
    expect(String(at(layout, row, 7)?.value)).toContain(
      "10.00 × (80.87% − 60.00%) ÷ (100.00% − 60.00%) = 5.22"
    );
    expect(at(layout, row, 8)?.value).toBe("▲与计算不一致 ●待核对");
    // flagged: text mark plus fill, so it shows in black-and-white print too
    expect(at(layout, row, 5)?.style?.fill).toBeDefined();
    const plain = rowOf(layout, "财务管理情况");
    expect(at(layout, plain, 8)?.value).toBeNull();
    expect(at(layout, plain, 5)?.style?.fill).toBeUndefined();
  });

  it("subtotals each 一级 and totals 95.18 / grade 优", () => {
    expect(at(layout, rowOf(layout, "管理效率 小计"), 5)?.value).toBe(50);
    expect(at(layout, rowOf(layout, "履职效能 小计"), 5)?.value).toBe(40.18);
    const totalRow = rowOf(layout, "总分");
    expect(at(layout, totalRow, 2)?.value).toBe(95.18);
    expect(at(layout, totalRow, 6)?.value).toBe("优");
  });

  it("lists the parameters applied, 待核对 ones marked", () => {
    const row = rowOf(layout, "财政支出执行率：零分线");
    expect(at(layout, row, 2)?.value).toBe("60.00%");
    expect(at(layout, row, 8)?.value).toBe("●待核对");
  });

  it("lists every gap with severity, indicator, problem, action and source cell", () => {
    const header = rowOf(layout, "存在问题");
    const e = evaluate(seed());
    e.gaps.forEach((gap, i) => {
      expect(at(layout, header + 1 + i, 2)?.value).toBe(gap.message);
      expect(at(layout, header + 1 + i, 7)?.value).toBe(gap.suggestion);
    });
  });

  it("has no signature block (it is not submitted) and says so in its last line", () => {
    expect(layout.cells.some((c) => String(c.value).startsWith("部门负责人"))).toBe(false);
    const last = layout.cells.filter((c) => c.row === Math.max(...layout.cells.map((x) => x.row)));
    expect(String(last[0].value)).toMatch(/^本表由绩效自评助手.*不随自评表报送/);
  });

  it("is set up for A4 landscape, one page wide, title rows repeated, footer with page numbers", () => {
    const last = Math.max(...layout.cells.map((c) => c.row));
    const header = rowOf(layout, "计算依据");
    expect(layout.print).toMatchObject({
      paper: "A4",
      orientation: "landscape",
      fitToPagesWide: 1,
      titleRows: { first: header, last: header },
      printArea: { top: 0, left: 0, bottom: last, right: 8 },
      centerFooter: "第 &P 页 共 &N 页",
      centerHeader: "佛山市社会保险基金管理局 2022 年度绩效自评核对清单（不报送）",
      printGridlines: false,
    });
    expect(layout.showGridlines).toBe(false);
    expect(layout.fontName).toBe("Noto Sans CJK SC");
  });

  it("doubles an ampersand of the department name in the page header (& starts a code there)", () => {
    const input = seed();
    input.department = "佛山市研发&创新中心";
    const l = checklistLayout(evaluate(input), { date: "2026-11-27" });
    expect(l.print?.centerHeader).toBe("佛山市研发&&创新中心 2022 年度绩效自评核对清单（不报送）");
    // The sheet's own title keeps the name as it is.
    expect(l.cells[0].value).toBe("佛山市研发&创新中心 2022 年度绩效自评核对清单");
  });

  it("adds a project section when there are projects", () => {
    const lines = checklistLayout(evaluate(seed()), { date: "2026-11-27" }, [
      { name: "信息化运维", budget: null, spending: null, selfScore: null, evaluated: false },
    ]);
    expect(lines.rowBlock?.count).toBe(1); // the lines are made as they are written
    const withProjects = materialized(lines);
    const row = rowOf(withProjects, "信息化运维");
    expect(at(withProjects, row, 5)?.value).toBe("否");
    expect(at(withProjects, row, 7)?.value).toBe("✖未开展自评");
  });

  it("gives a project line its amounts, execution rate (rounded to 4 places) and score as numbers", () => {
    const lines = materialized(
      checklistLayout(evaluate(seed()), { date: "2026-11-27" }, [
        {
          name: "社会保险经办服务能力提升项目",
          budget: new Dec("120.5"),
          spending: new Dec("100.25"),
          selfScore: new Dec("88.5"),
          evaluated: true,
        },
      ])
    );
    const row = rowOf(lines, "社会保险经办服务能力提升项目");
    expect([2, 3, 4, 6].map((column) => at(lines, row, column)?.value)).toEqual([
      120.5,
      100.25,
      0.832,
      88.5, // 100.25 ÷ 120.5 = 0.83195… → 0.8320
    ]);
  });

  it("repeats the indicator table's header on each later page: the seed's table runs onto a second", () => {
    const header = rowOf(layout, "计算依据");
    expect(at(layout, header, 0)?.value).toBe("一级指标");
    expect(at(layout, header, 3)?.value).toBe("填报得分");
    expect(layout.print?.titleRows).toEqual({ first: header, last: header });
  });

  it("repeats the project list's header instead when the list is the longer table (120 projects)", () => {
    const l = checklistLayout(evaluate(seed()), { date: "2026-11-27" }, projectLines(120));
    const header = rowOf(l, "序号");
    expect(at(l, header, 8)?.value).toBe("来源");
    expect(l.print?.titleRows).toEqual({ first: header, last: header });
    // With three projects the indicator table is the longer one again.
    const few = checklistLayout(evaluate(seed()), { date: "2026-11-27" }, projectLines(3));
    const indicatorHeader = rowOf(few, "计算依据");
    expect(few.print?.titleRows).toEqual({ first: indicatorHeader, last: indicatorHeader });
  });

  it("repeats no header when the indicator table prints on one page (one 一级, no budget table)", () => {
    const e = evaluate(seed());
    const group = e.groups[0];
    const short = {
      ...e,
      budget: { ...e.budget, rows: [] },
      groups: [group],
      indicators: e.indicators.filter((i) => i.level1 === group.level1),
    };
    const l = checklistLayout(short, { date: "2026-11-27" });
    expect(l.print?.titleRows).toBeUndefined();
  });

  it("makes a project line as tall as its wrapped 来源 or 项目名称; a one-line one keeps the default", () => {
    const line = (name: string, source: string) => ({
      name,
      budget: new Dec(10),
      spending: new Dec(9),
      selfScore: new Dec(90),
      evaluated: true,
      cells: { name: source },
    });
    const l = materialized(
      checklistLayout(evaluate(seed()), { date: "2026-11-27" }, [
        line("社保卡项目", "项目清单!A4"),
        // 来源 8 pt in a column 13 wide: a form in its own workbook takes three lines.
        line("档案数字化项目", "[社会保险档案数字化项目.xlsx]项目支出绩效自评表!B3"),
        // 项目名称 10.5 pt in a column 24 wide: 30 characters take two lines.
        line("佛山市社会保险基金管理局社会保险经办服务能力提升与信息化建设项目", "项目清单!A6"),
      ])
    );
    const heights = l.rowHeights ?? {};
    expect(heights[rowOf(l, "社保卡项目")]).toBeUndefined();
    // Three lines of 8 pt and two of 10.5 pt, at 1.2 times the font size each at the least.
    expect(heights[rowOf(l, "档案数字化项目")]).toBeGreaterThanOrEqual(3 * 8 * 1.2);
    expect(
      heights[rowOf(l, "佛山市社会保险基金管理局社会保险经办服务能力提升与信息化建设项目")]
    ).toBeGreaterThanOrEqual(2 * 10.5 * 1.2);
  });

  it("makes a problem row as tall as its wrapped 来源单元格", () => {
    const e = evaluate(seed());
    const gap = e.gaps[0];
    const cell = "'[社会保险档案数字化项目.xlsx]项目支出绩效自评表'!D12";
    const l = checklistLayout(
      { ...e, gaps: [{ ...gap, message: "短。", suggestion: "短。", cell }] },
      { date: "2026-11-27" }
    );
    expect(l.rowHeights?.[rowOf(l, cell)]).toBeGreaterThanOrEqual(3 * 8 * 1.2);
  });

  it("is deterministic", () => {
    expect(JSON.stringify(checklistLayout(evaluate(seed()), { date: "2026-11-27" }))).toBe(
      JSON.stringify(layout)
    );
  });
});
