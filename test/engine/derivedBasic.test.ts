/**
 * A budget table with 人员经费 and 日常公用经费 but no 一、基本支出 row: 基本支出 is their sum, and
 * 合计 ties to 基本支出 + 项目支出; a 基本支出 row without its breakdown is read as before.
 */
import { dec } from "../../src/model/decimal";
import type { BudgetRow } from "../../src/model/input";
import { evaluate } from "../../src/evaluate/evaluate";
import { tieVerdict } from "../../src/evaluate/budget";
import { spendingSentence } from "../../src/submission/wording";
import { scoreSnapshot } from "../../src/pipeline/scoreWorkbook";
import { sampleSnapshot, setCell } from "../parse/sampleSnapshot";
import { seed } from "../helpers";

type Figures = [string, string, string];
const row = (
  category: BudgetRow["category"],
  label: string,
  [initial, adjusted, final]: Figures,
  line: number
): BudgetRow => ({
  category,
  label,
  initial: dec(initial),
  adjusted: dec(adjusted),
  final: dec(final),
  cells: { label: `预算支出!A${line}`, initial: `预算支出!B${line}`, final: `预算支出!D${line}` },
});

/** 人员经费 60 + 日常公用经费 40 + 项目支出 900 = 合计 1,000 (年初), each column adding up. */
function withoutBasicRow(rows = ["personnel", "publicOperating"]) {
  const input = seed();
  const parts: BudgetRow[] = [
    row("personnel", "人员经费", ["60", "62", "56.40"], 4),
    row("publicOperating", "日常公用经费", ["40", "38", "38.35"], 5),
  ].filter((r) => rows.includes(r.category));
  // 合计 = 基本支出 + 项目支出 in each column, as the department's table adds up.
  const total: Figures =
    parts.length === 2 ? ["1000", "1050", "974.85"] : ["960", "1012", "936.50"];
  input.budget.rows = [
    ...parts,
    row("project", "二、项目支出", ["900", "950", "880.10"], 6),
    row("total", "合计", total, 7),
  ];
  return input;
}

describe("a budget table without a 基本支出 row", () => {
  it("ties 合计 to 人员经费 + 日常公用经费 + 项目支出, with no 不平", () => {
    const e = evaluate(withoutBasicRow());
    expect(e.gaps.filter((g) => g.code === "budgetNotTying")).toEqual([]);
    expect(tieVerdict(e.budget)).toBe("平衡");
    expect(e.budget.ties.map((t) => t.formula)).toContain(
      "年初预算数：合计 1,000.00 = 基本支出 100.00 + 项目支出 900.00"
    );
    // 基本支出 equals its parts by construction: no tie of it is claimed as checked.
    expect(e.budget.ties.filter((t) => t.check === "basic")).toEqual([]);
  });

  it("shows 基本支出 as the sum of its parts, labelled so, with a 提示 naming the cells", () => {
    const e = evaluate(withoutBasicRow());
    const basic = e.budget.rows.find((r) => r.category === "basic");
    expect(basic?.label).toBe("基本支出（人员经费与日常公用经费之和）");
    expect([basic?.initial, basic?.adjusted, basic?.final].map((v) => v?.toString())).toEqual([
      "100",
      "100",
      "94.75",
    ]);
    expect(e.budget.rows.map((r) => r.category)).toEqual([
      "basic",
      "personnel",
      "publicOperating",
      "project",
      "total",
    ]);
    const gap = e.gaps.find((g) => g.code === "budgetBasicDerived");
    expect(gap?.severity).toBe("info");
    expect(gap?.message).toBe(
      "预算支出明细表没有“基本支出”行，基本支出按人员经费与日常公用经费之和计算（预算支出!A4、预算支出!A5），据此核对合计。"
    );
    expect(gap?.cell).toBe("预算支出!A4");
  });

  it("names the derived 基本支出 in the report's spending sentence", () => {
    expect(spendingSentence(evaluate(withoutBasicRow()))).toContain(
      "部门整体支出 974.85 万元，其中：基本支出（人员经费与日常公用经费之和） 94.75 万元，项目支出 880.10 万元。"
    );
  });

  it("takes 人员经费 alone as 基本支出 where the table lists no 日常公用经费", () => {
    const e = evaluate(withoutBasicRow(["personnel"]));
    expect(tieVerdict(e.budget)).toBe("平衡");
    expect(e.budget.rows.find((r) => r.category === "basic")?.label).toBe("基本支出（即人员经费）");
    // 日常公用经费 may be missing, not nil: said, as a warning, not a quiet 提示.
    const gap = e.gaps.find((g) => g.code === "budgetBasicDerived");
    expect(gap?.severity).toBe("warning");
    expect(gap?.message).toBe(
      "预算支出明细表没有“基本支出”行，也未列日常公用经费，基本支出仅按人员经费计算（预算支出!A4）；如有日常公用经费，基本支出少计。"
    );
    expect(gap?.suggestion).toBe("在预算支出明细表补列基本支出或日常公用经费行后重新计算。");
  });

  it("names no cell where the parts came without cells (a JSON department)", () => {
    const input = withoutBasicRow();
    for (const r of input.budget.rows) delete r.cells;
    const e = evaluate(input);
    expect(e.budget.rows.find((r) => r.category === "basic")?.derivedFrom).toEqual([]);
    const gap = e.gaps.find((g) => g.code === "budgetBasicDerived");
    expect(gap?.message).toBe(
      "预算支出明细表没有“基本支出”行，基本支出按人员经费与日常公用经费之和计算，据此核对合计。"
    );
    expect(gap?.cell).toBeUndefined();
  });

  it("leaves 合计 unchecked, not 不平, in a column where a part has no figure", () => {
    const input = withoutBasicRow();
    input.budget.rows[1].final = null;
    const e = evaluate(input);
    expect(e.gaps.filter((g) => g.code === "budgetNotTying")).toEqual([]);
    expect(e.budget.rows.find((r) => r.category === "basic")?.final).toBeNull();
    expect(e.budget.unchecked).toEqual([
      expect.objectContaining({ column: "final", check: "total", part: "基本支出" }),
    ]);
  });

  it("reads the sample workbook with its 基本支出 row emptied as balanced", async () => {
    const snapshot = await sampleSnapshot();
    for (const column of ["A", "B", "C", "D"]) setCell(snapshot, "预算支出", `${column}4`, null);
    const { parse, evaluation } = scoreSnapshot(snapshot);
    expect(parse.input.budget.rows.some((r) => r.category === "basic")).toBe(false);
    // The sample's 基本支出 2,908.01 is 0.01 above its parts (2,561.68 + 346.32): the 合计 keeps it.
    expect(tieVerdict(evaluation.budget)).toBe("平衡（有尾差）");
    expect(evaluation.gaps.filter((g) => g.severity === "error")).toEqual([]);
    expect(spendingSentence(evaluation)).toContain(
      "其中：基本支出（人员经费与日常公用经费之和） 2,908.00 万元"
    );
  });
});

describe("a 基本支出 row without 人员经费 and 日常公用经费", () => {
  it("is checked only in the 合计, with no gap about its breakdown", () => {
    const input = seed();
    input.budget.rows = input.budget.rows.filter(
      (r) => r.category !== "personnel" && r.category !== "publicOperating"
    );
    const e = evaluate(input);
    expect(tieVerdict(e.budget)).toBe("平衡");
    expect(e.budget.unchecked).toEqual([]);
    expect(e.budget.ties.map((t) => t.check)).not.toContain("basic");
    expect(e.budget.rows.find((r) => r.category === "basic")?.label).toBe("一、基本支出");
    expect(
      e.gaps.filter((g) => g.code.startsWith("budget") && g.code !== "budgetRoundingDifference")
    ).toEqual([]);
  });
});
