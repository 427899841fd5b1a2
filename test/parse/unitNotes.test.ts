/**
 * A table's unit as departments state it: in its header (`决算数（万元）`), in a note above it
 * (`单位：元`), or both — and, on a sheet of two tables side by side, each with its own note.
 */
import type { CellValue } from "../../src/hosts/snapshot";
import { parseWorkbook } from "../../src/parse/parseWorkbook";

const sheet = (name: string, values: CellValue[][]) => ({ name, top: 0, left: 0, values });
const info = sheet("基本信息", [
  ["部门名称", "某局"],
  ["年度", 2022],
]);
const parse = (values: CellValue[][]) => parseWorkbook({ sheets: [info, sheet("预算", values)] });
const total = (result: ReturnType<typeof parse>) =>
  result.input.budget.rows.find((r) => r.category === "total")?.final?.toString();

describe("a unit in the header and another in the note above", () => {
  it("reads the header's, and says where the note differs", () => {
    const result = parse([
      [null, null, null, "单位：元"],
      ["支出类别", "年初预算数（万元）", "调整预算数（万元）", "决算数（万元）"],
      ["一、基本支出", 100, 120, 110],
      ["合计", 100, 120, 110],
    ]);
    expect([result.input.budget.unit, total(result)]).toEqual([undefined, "110"]);
    expect(result.problems.map((p) => p.message)).toContain(
      "预算!D1：注明单位“元”，与 预算!B2 注明的“万元”不一致；部门预算支出明细表按“万元”读取，请核对后统一单位"
    );
  });

  it("says nothing where they agree (金额单位：万元 over 决算数（万元）)", () => {
    const result = parse([
      [null, null, null, "金额单位：万元"],
      ["支出类别", "年初预算数", "调整预算数", "决算数（万元）"],
      ["一、基本支出", 100, 120, 110],
      ["合计", 100, 120, 110],
    ]);
    expect(result.problems.filter((p) => p.sheet === "预算")).toEqual([]);
  });
});

describe("two tables side by side, each under its own note", () => {
  it.each([
    ["the “三公”经费表 right of the budget table", 0, 5],
    ["the “三公”经费表 left of the budget table", 4, 0],
  ])("takes each table's unit from its own note: %s", (_, budgetAt, threePublicAt) => {
    const rows: CellValue[][] = [[], [], [], []];
    const place = (at: number, values: CellValue[][]) =>
      values.forEach((row, r) => row.forEach((v, c) => ((rows[r] as CellValue[])[at + c] = v)));
    place(budgetAt, [
      [null, null, null, "单位：万元"],
      ["支出类别", "年初预算数", "调整预算数", "决算数"],
      ["一、基本支出", 100, 120, 110],
      ["合计", 100, 120, 110],
    ]);
    place(threePublicAt, [
      [null, null, "单位：元"],
      ["项目", "预算数", "决算数"],
      ["公务接待费", 35000, 18800],
      ["合计", 35000, 18800],
    ]);
    for (const row of rows) for (let c = 0; c < row.length; c++) row[c] ??= null;
    const result = parse(rows);
    expect([result.input.budget.unit?.label, total(result)]).toEqual([undefined, "110"]);
    const funds = result.input.threePublic;
    expect([funds?.unit?.label, funds?.actual?.toString()]).toEqual(["元", "1.88"]);
    expect(result.problems.filter((p) => p.sheet === "预算")).toEqual([]);
  });
});
