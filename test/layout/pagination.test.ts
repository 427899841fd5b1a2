import { keepSpansOnPages, pagesOfRows, titlesOnlyWhereNeeded } from "../../src/layout/pagination";
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

describe("spans of rows kept from crossing a page (a merged 一级 cell)", () => {
  // Rows 0–35 on the first page; 35 rows a later page under the 20 pt title row.
  const layout = sheet(120);

  it("sets no break for spans that end where they start", () => {
    expect(keepSpansOnPages(layout, [{ top: 10, bottom: 35 }])).toEqual({
      breaks: [],
      parts: [[{ top: 10, bottom: 35 }]],
    });
  });

  it("starts a crossing span on the next page when it fits there, with the rows that lead it", () => {
    expect(keepSpansOnPages(layout, [{ top: 30, bottom: 40 }])).toEqual({
      breaks: [30],
      parts: [[{ top: 30, bottom: 40 }]],
    });
    const led = keepSpansOnPages(layout, [{ top: 31, bottom: 40, from: 29 }]);
    expect(led.breaks).toEqual([29]);
    expect(pagesOfRows({ ...layout, print: { ...layout.print!, rowBreaks: led.breaks } })[29]).toBe(
      1
    );
  });

  it("cuts a span longer than a page where each page turns, a break at every cut", () => {
    const { breaks, parts } = keepSpansOnPages(layout, [{ top: 30, bottom: 110 }]);
    expect(breaks).toEqual([36, 71, 106]);
    expect(parts).toEqual([
      [
        { top: 30, bottom: 35 },
        { top: 36, bottom: 70 },
        { top: 71, bottom: 105 },
        { top: 106, bottom: 110 },
      ],
    ]);
  });

  it("counts each span's breaks into the next span's pages, and keeps the layout's own", () => {
    const own = { ...layout, print: { ...layout.print!, rowBreaks: [5] } };
    // After the break at 5: rows 5–39 on page 1 (35 rows under the title). 38–45 crosses, so
    // page 2 starts at 38 and runs to 72: 70–76 crosses too, and starts page 3.
    const { breaks, parts } = keepSpansOnPages(own, [
      { top: 20, bottom: 25 },
      { top: 38, bottom: 45 },
      { top: 70, bottom: 76 },
    ]);
    expect(breaks).toEqual([5, 38, 70]);
    expect(parts.map((p) => p.length)).toEqual([1, 1, 1]);
  });
});
