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
  it("drops them when the table ends on its first page, so they never head what follows it", () => {
    const layout = sheet(60); // 1,200 pt: two pages, the table (rows 2–12) on the first
    expect(Math.max(...pagesOfRows(layout))).toBe(1);
    const printed = titlesOnlyWhereNeeded(layout, 12);
    expect(printed.print?.titleRows).toBeUndefined();
    expect(printed.print?.printArea).toEqual(layout.print?.printArea);
  });

  it("keeps them when the table runs onto a second page", () => {
    const layout = sheet(60);
    expect(pagesOfRows(layout)[50]).toBe(1);
    expect(titlesOnlyWhereNeeded(layout, 50).print?.titleRows).toEqual({ first: 2, last: 2 });
  });

  it("keeps them when the table's last row ends too near the foot to be sure it fits", () => {
    const layout = sheet(60);
    const pages = pagesOfRows(layout);
    const lastOnFirst = pages.lastIndexOf(0);
    expect(titlesOnlyWhereNeeded(layout, lastOnFirst).print?.titleRows).toBeDefined();
    expect(titlesOnlyWhereNeeded(layout, lastOnFirst - 3).print?.titleRows).toBeUndefined();
  });
});
