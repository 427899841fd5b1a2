/** The 部门预算支出明细表 as departments lay it out beyond the template. */
import type { WorkbookSnapshot } from "../../src/hosts/snapshot";
import { scoreSnapshot } from "../../src/pipeline/scoreWorkbook";
import { sampleSnapshot, setCell } from "./sampleSnapshot";

const totalOf = (snapshot: WorkbookSnapshot) => {
  const { parse, evaluation } = scoreSnapshot(snapshot);
  const total = parse.input.budget.rows.find((r) => r.category === "total");
  return { parse, evaluation, total };
};

const errors = (snapshot: WorkbookSnapshot) =>
  scoreSnapshot(snapshot).parse.problems.filter((p) => p.severity === "error");

/** Moves the sample's 合计 row (row 12) down to `row`, leaving the rows between blank. */
async function totalMovedTo(row: number): Promise<WorkbookSnapshot> {
  const snapshot = await sampleSnapshot();
  const totals: [string, string | number][] = [
    ["A", "合计"],
    ["B", 40568.73],
    ["C", 52362.14],
    ["D", 46665.43],
  ];
  for (const [column] of totals) setCell(snapshot, "预算支出", `${column}12`, null);
  for (const [column, value] of totals) setCell(snapshot, "预算支出", `${column}${row}`, value);
  return snapshot;
}

describe("the 合计 row below blank rows", () => {
  it.each([13, 14, 15])("reads a 合计 row at row %i, past the blank rows above it", async (row) => {
    const { parse, evaluation, total } = totalOf(await totalMovedTo(row));
    expect(parse.problems).toEqual([]);
    expect(total?.cells?.final).toBe(`预算支出!D${row}`);
    expect(total?.adjusted?.toString()).toBe("52362.14");
    expect(evaluation.budget.execution.table?.toString()).toBe("0.8912");
    expect(parse.found.find((f) => f.kind === "budget")?.range).toBe(`A3:D${row}`);
  });

  it("does not look past four blank rows", async () => {
    expect(errors(await totalMovedTo(16)).map((p) => p.message)).toEqual([
      "预算支出：部门预算支出明细表缺少“合计”行，无法按预算表计算执行率和勾稽关系",
    ]);
  });

  it("never reads the 合计 of another table below", async () => {
    const snapshot = await totalMovedTo(15);
    // Another table's header between: its 合计 is not the budget's.
    setCell(snapshot, "预算支出", "A14", "项目名称");
    setCell(snapshot, "预算支出", "B14", "项目预算");
    setCell(snapshot, "预算支出", "C14", "实际支出");
    expect(errors(snapshot).map((p) => p.message)).toEqual([
      "预算支出：部门预算支出明细表缺少“合计”行，无法按预算表计算执行率和勾稽关系",
    ]);
  });

  it("never reads a 合计 row whose amounts are blank past blank rows", async () => {
    const snapshot = await totalMovedTo(15);
    for (const column of ["B", "C", "D"]) setCell(snapshot, "预算支出", `${column}15`, null);
    expect(errors(snapshot).map((p) => p.message)).toEqual([
      "预算支出：部门预算支出明细表缺少“合计”行，无法按预算表计算执行率和勾稽关系",
    ]);
  });
});
