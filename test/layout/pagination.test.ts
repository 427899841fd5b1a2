import { pagesOfRows, titlesOnlyWhereNeeded } from "../../src/layout/pagination";
import type { SheetLayout } from "../../src/layout/sheetLayout";

/** A portrait A4 sheet of `rows` rows of 20 pt, the table's header at row 2. */
function sheet(rows: number): SheetLayout {
  return {
    name: "t",
    fontName: "x",
    fontSize: 10.5,
    cells: [],
    merges: [],
    columnWidths: [10],
    rowHeights: Object.fromEntries(Array.from({ length: rows }, (_, r) => [r, 20])),
    print: {
      paper: "A4",
      orientation: "portrait",
      fitToPagesWide: 1,
      titleRows: { first: 2, last: 2 },
      printArea: { top: 0, left: 0, bottom: rows - 1, right: 0 },
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
  };
}

describe("print titles only where a table runs onto another page", () => {
  // 733.9 pt a page: rows 0–35 of 20 pt on the first, 36 on the next.
  const layout = sheet(90);
  const lastOnFirst = pagesOfRows(layout).lastIndexOf(0);

  it("drops them when the table ends on its first page, so they never head what follows it", () => {
    expect(lastOnFirst).toBe(35);
    const printed = titlesOnlyWhereNeeded(layout, 12);
    expect(printed.print?.titleRows).toBeUndefined();
    expect(printed.print?.printArea).toEqual(layout.print?.printArea);
  });

  it("drops them when the estimate puts no more than two rows (48 pt) of the table on the next page", () => {
    expect(titlesOnlyWhereNeeded(layout, lastOnFirst + 2).print?.titleRows).toBeUndefined();
    expect(titlesOnlyWhereNeeded(layout, lastOnFirst + 3).print?.titleRows).toEqual({
      first: 2,
      last: 2,
    });
  });

  it("keeps them when the table runs well onto a second page, or a third", () => {
    expect(titlesOnlyWhereNeeded(layout, 50).print?.titleRows).toBeDefined();
    expect(titlesOnlyWhereNeeded(layout, 85).print?.titleRows).toBeDefined();
  });
});
