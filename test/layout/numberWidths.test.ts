import { formattedNumber, numberWidth, withNumbersFitting } from "../../src/layout/numberWidths";
import type { SheetLayout } from "../../src/layout/sheetLayout";

describe("columns wide enough for their numbers (no ### on paper)", () => {
  it("formats a number as Excel shows it under the layouts' formats", () => {
    expect(formattedNumber(12345678.9, "#,##0.00")).toBe("12,345,678.90");
    expect(formattedNumber(-1234567.891, "#,##0.00")).toBe("-1,234,567.89");
    expect(formattedNumber(0.80871234, "0.0000%")).toBe("80.8712%");
    expect(formattedNumber(1234.56789, "0.000")).toBe("1234.568");
    expect(formattedNumber(53, "0")).toBe("53");
  });

  const layout = (values: number[], width = 13): SheetLayout => ({
    name: "t",
    fontName: "x",
    fontSize: 10.5,
    cells: values.map((value, row) => ({
      row,
      column: 1,
      value,
      style: { numberFormat: "#,##0.00", bold: row === 0 },
    })),
    merges: [],
    columnWidths: [6, width, 9],
  });

  it("widens a column whose 合计 of ten million 万元 would print as ###, and only that column", () => {
    const wide = withNumbersFitting(layout([10_000_000, 12.5]));
    const need = numberWidth("10,000,000.00", 10.5, 10.5, true);
    expect(need).toBeGreaterThan(13);
    expect(wide.columnWidths[1]).toBeGreaterThanOrEqual(need);
    expect([wide.columnWidths[0], wide.columnWidths[2]]).toEqual([6, 9]);
  });

  it("leaves a layout whose numbers fit as it was", () => {
    const narrow = layout([49356.67, 43757.42]);
    expect(withNumbersFitting(narrow)).toBe(narrow);
  });

  it("counts the rows a row block makes as well as the cells held", () => {
    const base = layout([1]);
    const withBlock: SheetLayout = {
      ...base,
      rowBlock: {
        top: 5,
        count: 3,
        width: 3,
        styles: [{ numberFormat: "#,##0.00" }],
        cell: (line, column) => ({
          row: 5 + line,
          column,
          value: column === 2 ? 1_234_567_890.12 * (line + 1) : null,
          style: { numberFormat: "#,##0.00" },
        }),
      },
    };
    const wide = withNumbersFitting(withBlock);
    expect(wide.columnWidths[2]).toBeGreaterThanOrEqual(
      numberWidth("3,703,703,670.36", 10.5, 10.5)
    );
  });

  it("measures a number merged across columns against the merge: fitting, nothing changes", () => {
    const merged: SheetLayout = {
      ...layout([10_000_000_000]),
      merges: [{ top: 0, left: 1, bottom: 0, right: 2 }],
    };
    expect(withNumbersFitting(merged)).toBe(merged);
  });

  it("widens a merge's last column by what the merge lacks (a 合计 of 1.2 billion 元 over 7 + 8)", () => {
    const merged: SheetLayout = {
      ...layout([1_234_567_890.12]),
      columnWidths: [6, 7, 8],
      merges: [{ top: 0, left: 1, bottom: 0, right: 2 }],
    };
    const need = numberWidth("1,234,567,890.12", 10.5, 10.5, true);
    const wide = withNumbersFitting(merged).columnWidths;
    expect(need).toBeGreaterThan(15);
    expect(wide[1]).toBe(7);
    expect((wide[1] ?? 0) + (wide[2] ?? 0)).toBeGreaterThanOrEqual(need);
    expect((wide[1] ?? 0) + (wide[2] ?? 0)).toBeLessThan(need + 0.5);
  });
});
