/**
 * The summary write as Microsoft's office.js would send it (test/fakes/officeJs.ts): every
 * request stays under Excel on the web's 5 MB limit, a usual summary is one request, and the
 * adapter's size estimate is not below what office.js really sends by much.
 */
import { WRITE_BUDGET_BYTES } from "../../src/hosts/excel/excelWorkbook";
import { rowBlocks } from "../../src/hosts/excel/writeLayout";
import { evaluate } from "../../src/evaluate/evaluate";
import { type SheetLayout, materialized } from "../../src/layout/sheetLayout";
import { checklistLayout } from "../../src/layout/checklist";
import { projectLines } from "../../bench/workbooks";
import { summaryWriteRequests } from "../fakes/officeJs";
import { seed } from "../helpers";

const LIMIT = 5_000_000;

/** The 核对清单 of the seed with `count` projects, as the Excel host writes it (lines made). */
const summaryWith = (count: number): SheetLayout =>
  materialized(checklistLayout(evaluate(seed()), { date: "2026-11-27" }, projectLines(count)));

const writeRequests = (layout: SheetLayout, budget = WRITE_BUDGET_BYTES) =>
  summaryWriteRequests(layout, budget);

describe("核对清单 writes as office.js sends them", () => {
  it("a 10,000-project summary is one request under 5 MB", async () => {
    const sizes = await writeRequests(summaryWith(10_000));
    expect(sizes).toHaveLength(1);
    expect(sizes[0]).toBeLessThan(LIMIT);
    expect(sizes[0]).toBeGreaterThan(1_000_000);
  }, 60_000);

  it("a 25,000-project summary is several requests, each under 5 MB", async () => {
    const layout = summaryWith(25_000);
    const sizes = await writeRequests(layout);
    expect(sizes.length).toBe(rowBlocks(layout, WRITE_BUDGET_BYTES).length);
    expect(sizes.length).toBeGreaterThan(1);
    for (const size of sizes) expect(size).toBeLessThan(LIMIT);
    // Without blocks, the one request would pass the limit.
    const [whole] = await writeRequests(layout, Infinity);
    expect(whole).toBeGreaterThan(LIMIT);
  }, 60_000);

  it("estimates no less than about 4/5 of what office.js sends for a block", async () => {
    const layout = summaryWith(3_000);
    for (const budget of [200_000, 600_000]) {
      const sizes = await writeRequests(layout, budget);
      // The first request also carries the sheet's setup, which the estimate leaves out; every
      // later one (the last, shorter block too) is checked.
      const later = sizes.slice(1);
      expect(later.length).toBeGreaterThanOrEqual(budget === 200_000 ? 4 : 1);
      for (const size of later) expect(size).toBeLessThan(budget * 1.25);
      // A full block is not far below its budget either (the estimate is not idle margin).
      if (later.length > 1) expect(Math.max(...later)).toBeGreaterThan(budget * 0.5);
    }
  }, 60_000);
});
