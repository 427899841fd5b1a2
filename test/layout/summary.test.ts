/**
 * The 绩效自评汇总 as the department signs it: the seed's figures in the seed's tables, the
 * department's problems only, nothing about the tool, legible at full size.
 */
import { evaluate } from "../../src/evaluate/evaluate";
import { summaryLayout } from "../../src/layout/summary";
import { displayValue } from "../../src/layout/displayFormat";
import { dec } from "../../src/model/decimal";
import { seed, withIndicator } from "../helpers";
import { evaluationToJson } from "../../src/evaluate/json";
import { layOut } from "../../src/pipeline/layOut";
import type { WorkbookScore } from "../../src/pipeline/scoreWorkbook";
import { at, rowOf } from "../fixtures/layoutCells";
import { withDeductedIndicators } from "../fixtures/longerEvaluation";
import { pagesOfRows, rowHeight } from "../../src/layout/pagination";

const e = evaluate(seed());
const layout = summaryLayout(e, { signatories: { leader: "郭家新", preparer: "张柯" } });
const lastPrinted = layout.print?.printArea.bottom ?? -1;
const printed = layout.cells.filter((c) => c.row <= lastPrinted);
const texts = printed.map((c) => String(c.value ?? ""));

describe("绩效自评汇总 (the submission)", () => {
  it("opens with the title and the 单位 line", () => {
    expect(at(layout, 0, 0)?.value).toBe(
      "佛山市社会保险基金管理局 2022 年度部门整体支出绩效自评表"
    );
    expect(at(layout, 1, 0)?.value).toBe("部门名称（公章）：佛山市社会保险基金管理局");
  });

  it("prints the 部门预算支出明细表 with the seed's figures", () => {
    const total = rowOf(layout, "合计");
    expect([3, 5, 6, 7].map((c) => at(layout, total, c)?.value)).toEqual([
      40568.73, 52362.14, 46665.43, 0.8912,
    ]);
    const basic = rowOf(layout, "一、基本支出");
    expect([3, 5, 6].map((c) => at(layout, basic, c)?.value)).toEqual([2978.23, 3005.47, 2908.01]);
  });

  it("prints a table kept in 元 in 元, as typed, so its parts add up on the page", () => {
    // The seed's table as a department keeping 元 would have it: each figure × 10,000.
    const input = seed();
    const factor = dec("0.0001");
    input.budget.unit = { label: "元", factor };
    for (const r of input.budget.rows)
      for (const k of ["initial", "adjusted", "final"] as const)
        r[k] = r[k] === null ? null : (r[k] as ReturnType<typeof dec>).times(10000).times(factor);
    input.budget.rows[0].initial = dec("1018700.49").times(factor);
    const inYuan = summaryLayout(evaluate(input));
    expect(at(inYuan, 1, 5)?.value).toBe("金额单位：元");
    const basic = rowOf(inYuan, "一、基本支出");
    expect(at(inYuan, basic, 3)?.value).toBe(1018700.49);
    expect([5, 6].map((c) => at(inYuan, basic, c)?.value)).toEqual([30054700, 29080100]);
    expect(inYuan.cells.some((c) => String(c.value).startsWith("单位：元。"))).toBe(true);
    expect(at(layout, 1, 5)?.value).toBe("金额单位：万元");
  });

  it("prints every budget figure with the decimals it has, so its parts add up on the page", () => {
    // 2,561.675 + 346.335 = 2,908.01: at two decimals the page would say 2,561.68 + 346.34.
    const input = seed();
    const row = (label: string) => input.budget.rows.find((r) => r.label === label);
    (row("人员经费") as { final: unknown }).final = dec("2561.675");
    (row("日常公用经费") as { final: unknown }).final = dec("346.335");
    const l = summaryLayout(evaluate(input));
    const shown = (label: string) => {
      const cell = at(l, rowOf(l, label), 6);
      return displayValue(cell?.value, cell?.style?.numberFormat);
    };
    expect(["人员经费", "日常公用经费", "一、基本支出", "合计"].map(shown)).toEqual([
      "2,561.675",
      "346.335",
      "2,908.010",
      "46,665.430",
    ]);
    // A column of figures to the 分 keeps two decimals.
    expect(at(l, rowOf(l, "合计"), 5)?.style?.numberFormat).toBe("#,##0.00");
  });

  it("prints each budget row's 执行率 (决算数 ÷ 调整预算数) as the seed's figures give it", () => {
    const rate = (label: string) => at(layout, rowOf(layout, label), 7)?.value;
    // 2908.01 ÷ 3005.47, 2561.68 ÷ 2646.39, 346.32 ÷ 359.08, 43757.42 ÷ 49356.67, 46665.43 ÷ 52362.14
    expect(["一、基本支出", "人员经费", "日常公用经费", "二、项目支出"].map(rate)).toEqual([
      0.9676, 0.968, 0.9645, 0.8866,
    ]);
    expect(at(layout, rowOf(layout, "其中：基本建设类项目"), 7)?.value).toBeNull();
  });

  it("lists each indicator with 分值, 自评得分 and 得分说明, then 合计, 总分 and 等级", () => {
    const header = rowOf(layout, "得分说明");
    expect([0, 1, 2, 3, 4].map((c) => at(layout, header, c)?.value)).toEqual([
      "一级指标",
      "二级指标",
      "三级指标",
      "分值",
      "自评得分",
    ]);
    const rate = rowOf(layout, "财政支出执行率");
    expect([3, 4].map((c) => at(layout, rate, c)?.value)).toEqual([10, 5.18]);
    // Entered 5.18 ≠ computed 5.22: the department's own words print, the difference does not.
    expect(at(layout, rate, 5)?.value).toBe("全年财政支出完成率为 80.87%，按照评分标准计分。");
    const three = rowOf(layout, "“三公”经费控制情况");
    expect(String(at(layout, three, 5)?.value)).toContain(
      "计算：实际支出 1.88 ÷ 预算 13.50 = 13.93%"
    );
    const sum = layout.cells.find((c) => c.value === "合计" && c.row > header) ?? { row: -1 };
    expect([3, 4].map((c) => at(layout, sum.row, c)?.value)).toEqual([100, 95.18]);
    const total = rowOf(layout, "总分");
    expect(at(layout, total, 2)?.value).toBe(95.18);
    expect(at(layout, total, 6)?.value).toBe("优");
    expect(texts).toContain(
      "绩效等级：总分≥90 为优，80≤总分<90 为良，60≤总分<80 为中，总分<60 为差。"
    );
    // The indicator table ends on page 1 (its 合计 estimated 4 pt past it, within a row of what
    // is printed): no header repeated over 总分 on page 2.
    expect(header).toBeGreaterThan(0);
    expect(layout.print?.titleRows).toBeUndefined();
  });

  it("numbers the department's problems and measures 一是、二是 and nothing of the tool", () => {
    const problems = rowOf(layout, "三、存在问题");
    expect(String(at(layout, problems + 1, 0)?.value)).toMatch(
      /^一是预算执行进度有待加快。财政支出执行率 80\.87%，低于目标 100\.00%/
    );
    expect(String(at(layout, problems + 2, 0)?.value)).toMatch(/^二是预算编制有待更严格执行。/);
    const measures = rowOf(layout, "四、改进措施");
    expect(String(at(layout, measures + 1, 0)?.value)).toMatch(/^一是加强预算执行管理/);
    for (const tool of [
      "待核对",
      "得分保留小数位",
      "尾差",
      "评分参数",
      "填报得分",
      "计算得分",
      "绩效自评助手",
    ])
      expect(texts.filter((t) => t.includes(tool))).toEqual([]);
  });

  it("ends with the signature block, names as the workbook states them", () => {
    expect(texts).toContain("部门负责人（签名）：郭家新");
    expect(texts).toContain("填报人：张柯");
    expect(texts.some((t) => t.startsWith("填报日期："))).toBe(true);
    expect(texts).toContain("（部门公章）");
    // The line that marks the sheet as ours for the parser lies outside the print area.
    const mark = layout.cells.find((c) => String(c.value).startsWith("本表由绩效自评助手"));
    expect(mark?.row).toBeGreaterThan(lastPrinted);
  });

  it("is legible at full size: nothing under 10 pt, columns that fit A4 portrait", () => {
    const sizes = printed.map((c) => c.style?.fontSize ?? layout.fontSize);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(10);
    // 7 px a character plus 5 px padding a column, against 523 pt (A4 less 0.5 in margins).
    const px = layout.columnWidths.reduce((a, w) => a + w * 7 + 5, 0);
    expect(px * 0.75).toBeLessThanOrEqual(523);
    expect(layout.print).toMatchObject({ paper: "A4", orientation: "portrait", fitToPagesWide: 1 });
  });

  it("marks a deduction nobody explained, and lists it as a problem to write", () => {
    const input = seed();
    const asset = input.indicators.find((i) => i.name === "资产管理情况");
    if (!asset) throw new Error("no 资产管理情况");
    asset.entered = dec(6);
    const l = summaryLayout(evaluate(input));
    const row = rowOf(l, "资产管理情况");
    expect(at(l, row, 5)?.value).toBe("【待填写：扣分原因】");
    expect(l.cells.some((c) => c.value === "三是“资产管理情况”扣 2 分：【待填写：扣分原因】")).toBe(
      true
    );
    expect(
      l.cells.some((c) => String(c.value).startsWith("三是针对“资产管理情况”扣分的原因"))
    ).toBe(true);
  });

  it("words an explained deduction in the department's words; a blank score is no deduction", () => {
    const input = seed();
    const asset = input.indicators.find((i) => i.name === "资产管理情况")!;
    asset.entered = dec(6);
    asset.explanation = "固定资产盘点不及时。";
    const finance = input.indicators.find((i) => i.name === "财务管理情况")!;
    finance.entered = null;
    const l = summaryLayout(evaluate(input));
    const values = l.cells.map((c) => String(c.value ?? ""));
    expect(values).toContain("三是“资产管理情况”扣 2 分：固定资产盘点不及时。");
    expect(values.some((v) => v.includes("财务管理情况”扣"))).toBe(false);
    // The blank score is no deduction to explain, but its 0 is not printed bare either.
    expect(at(l, rowOf(l, "财务管理情况"), 5)?.value).toBe(
      "未填报自评得分，按 0 分计入【待填写：自评得分及得分说明】"
    );
    expect(values.filter((v) => v.includes("【待填写"))).toHaveLength(1);
  });

  it("says under 总分 how 不适用 indicators were dropped and the rest rescaled", () => {
    const input = seed();
    input.indicators.find((i) => i.name === "财务管理情况")!.notApplicable = true;
    const e2 = evaluate(input);
    const l = summaryLayout(e2);
    const note = l.cells.find((c) => String(c.value).startsWith("绩效等级："));
    expect(String(note?.value)).toContain(
      `不适用指标剔除后，按评分标准将其余指标得分合计 ${e2.sum.toFixed(2)} 分折算为 ${e2.uncapped.toFixed(2)} 分。`
    );
    expect(e2.uncapped.equals(e2.sum)).toBe(false);
  });

  it("is deterministic", () => {
    expect(
      JSON.stringify(summaryLayout(e, { signatories: { leader: "郭家新", preparer: "张柯" } }))
    ).toBe(JSON.stringify(layout));
  });
});

describe("the signature block never prints alone", () => {
  const longer = (k: number) => summaryLayout(withDeductedIndicators(evaluate(seed()), k));

  it("keeps company on the signature's page however long the problems run (page breaks as estimated)", () => {
    let broken = 0;
    for (let k = 0; k <= 40; k++) {
      const l = longer(k);
      const pages = pagesOfRows(l);
      const signature = l.cells.find((c) => String(c.value).startsWith("部门负责人"))!.row;
      const page = pages[signature];
      const others = pages
        .map((p, row) => (p === page && row < signature - 1 ? rowHeight(l, row) : 0))
        .reduce((a, b) => a + b, 0);
      expect({ k, others: others >= 40 }).toEqual({ k, others: true });
      // The seal prints on the signature's page.
      expect(pages[l.print!.printArea.bottom]).toBe(page);
      // Breaks below the indicator table's 合计 (the last) are the signature's; those above keep
      // 一级 groups whole.
      const total = Math.max(...l.cells.filter((c) => c.value === "合计").map((c) => c.row));
      if (l.print?.rowBreaks?.some((row) => row > total)) {
        broken++;
        // A manual break at a fixed 100 % (fit-to-page would make Excel ignore it).
        expect(l.print.scale).toBe(100);
      }
      // Every printed row has its height set: every writer prints what was counted.
      for (let row = 0; row <= l.print!.printArea.bottom; row++)
        expect(l.rowHeights?.[row]).toBeGreaterThan(0);
    }
    // Some lengths needed a break, most did not: breaks are set only where needed.
    expect(broken).toBeGreaterThan(0);
    expect(broken).toBeLessThan(41 / 2);
  });

  it("never makes a row taller than Excel allows (409 pt)", () => {
    const grown = evaluate(seed());
    grown.indicators[0] = {
      ...grown.indicators[0],
      enteredExplanation: "很长的说明。".repeat(400),
    };
    const l = summaryLayout(grown);
    expect(Math.max(...Object.values(l.rowHeights ?? {}))).toBe(409);
  });

  it("sets no break for the seed (it fits on 2 pages as it is)", () => {
    expect(layout.print?.rowBreaks).toBeUndefined();
    expect(Math.max(...pagesOfRows(layout))).toBeLessThanOrEqual(1);
  });
});

describe("a 一级 group never has its merged cell split by a page break", () => {
  const longer = (k: number) => summaryLayout(withDeductedIndicators(evaluate(seed()), k));
  /** Column A's cells merged down over several rows. */
  const downs = (l: ReturnType<typeof longer>) =>
    l.merges.filter((m) => m.left === 0 && m.right === 0 && m.bottom > m.top);

  it("merges no cell across an estimated page, and names the 一级 on every page holding its rows", () => {
    for (let k = 0; k <= 40; k++) {
      const l = longer(k);
      const pages = pagesOfRows(l);
      for (const m of l.merges)
        expect({ k, m, pages: [pages[m.top], pages[m.bottom]] }).toEqual({
          k,
          m,
          pages: [pages[m.top], pages[m.top]],
        });
      // 管理效率's rows: from its name down to the row above 履职效能.
      const [first, next] = [rowOf(l, "管理效率"), rowOf(l, "履职效能")];
      for (let row = first; row < next; row++) {
        const named = l.cells.find(
          (c) =>
            c.column === 0 &&
            pages[c.row] === pages[row] &&
            c.row <= row &&
            c.row >= first &&
            (c.value === "管理效率" || c.value === "管理效率（续）")
        );
        expect({ k, row, named: named !== undefined }).toEqual({ k, row, named: true });
      }
      if (l.print?.rowBreaks) expect(l.print.scale).toBe(100);
    }
  });

  it("moves a group that fits on one page onto the next, with the section heading and the table's header", () => {
    // 16 管理效率 rows: from row 18 they would cross onto page 2; they all fit there.
    const l = longer(12);
    const pages = pagesOfRows(l);
    const header = rowOf(l, "一级指标");
    expect(l.print?.rowBreaks).toContain(header - 2);
    expect(pages[rowOf(l, "二、绩效指标自评情况")]).toBe(1);
    expect(pages[header]).toBe(1);
    expect(downs(l)[0]).toEqual({ top: 18, left: 0, bottom: 33, right: 0 });
    expect(pages[18]).toBe(1);
    expect(pages[33]).toBe(1);
    expect(l.cells.some((c) => String(c.value).endsWith("（续）"))).toBe(false);
  });

  it("splits a group longer than a page at the break and repeats its name as 管理效率（续）", () => {
    // 34 管理效率 rows (18–51): more than a page holds.
    const l = longer(30);
    const pages = pagesOfRows(l);
    expect(downs(l).slice(0, 2)).toEqual([
      { top: 18, left: 0, bottom: 32, right: 0 },
      { top: 33, left: 0, bottom: 51, right: 0 },
    ]);
    expect([pages[18], pages[32], pages[33], pages[51]]).toEqual([0, 0, 1, 1]);
    expect(at(l, 18, 0)?.value).toBe("管理效率");
    expect(at(l, 33, 0)?.value).toBe("管理效率（续）");
    // A manual break where the page turns, printed at 100 % so every program breaks there.
    expect(l.print?.rowBreaks).toContain(33);
    expect(l.print?.scale).toBe(100);
    // The indicator header repeats over the rows carried onto the next page.
    expect(l.print?.titleRows).toEqual({ first: rowOf(l, "一级指标"), last: rowOf(l, "一级指标") });
  });
});

describe("the title", () => {
  it("wraps, and its row grows, when the department's name is long; one line otherwise", () => {
    const short = summaryLayout(evaluate(seed()));
    expect(short.rowHeights?.[0]).toBe(30);
    const input = seed();
    input.department = "佛山市顺德区人力资源和社会保障局";
    const long = summaryLayout(evaluate(input));
    expect(long.rowHeights?.[0]).toBeGreaterThanOrEqual(45);
    expect(long.cells.find((c) => c.row === 0 && c.column === 0)?.style?.wrap).toBe(true);
  });
});

describe("a standard that keeps more decimals (得分保留小数位 3, 比率保留小数位 6)", () => {
  const input = withIndicator(seed(), "资产管理情况", { entered: dec("7.995") });
  input.settings = { overrides: { "checks.scoreDecimals": 3, "checks.rateDecimals": 6 } };
  const e = evaluate(input);
  // layOut needs what was parsed only for the 核对清单's sources and signatories.
  const score = {
    evaluation: e,
    parse: { input, found: [], problems: [] },
  } as unknown as WorkbookScore;
  const layouts = layOut(score, "2026-11-29");
  const summary = layouts.summary!;
  const checklist = layouts.checklist!;

  it("prints the total as kept (95.175, not 95.18) and rates to their decimals", () => {
    expect(e.total.toString()).toBe("95.175");
    const total = summary.cells.find((c) => c.value === 95.175);
    expect(total?.style?.numberFormat).toBe("0.000");
    const rate = summary.cells.find((c) => c.value === 0.891206);
    expect(rate?.style?.numberFormat).toBe("0.0000%");
    expect(checklist.cells.find((c) => c.value === 95.175)?.style?.numberFormat).toBe("0.000");
  });

  it("gives the JSON the same figures", () => {
    const json = evaluationToJson(e);
    expect(json.total).toBe(95.175);
    expect(json.executionRate.table).toBe(89.1206);
  });

  it("leaves a standard of the usual decimals at two", () => {
    const plain = seed();
    const { summary: usual } = layOut(
      {
        evaluation: evaluate(plain),
        parse: { input: plain, found: [], problems: [] },
      } as unknown as WorkbookScore,
      "2026-11-29"
    );
    expect(usual!.cells.find((c) => c.value === 95.18)?.style?.numberFormat).toBe("0.00");
    expect(usual!.cells.find((c) => c.value === 0.8912)?.style?.numberFormat).toBe("0.00%");
  });
});
