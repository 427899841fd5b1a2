/**
 * Tables whose headers share one row, side by side: an indicator table split into two halves, a
 * table of another kind beside it, two years' tables next to each other — each found, none
 * read twice, and a table's own right-hand columns never taken for a second table.
 */
import type { CellValue, WorkbookSnapshot } from "../../src/hosts/snapshot";
import { columnLetters } from "../../src/hosts/snapshot";
import { parseWorkbook } from "../../src/parse/parseWorkbook";
import { scoreSnapshot } from "../../src/pipeline/scoreWorkbook";
import { removeSheet, sampleSnapshot, setCell, putRows as put } from "./sampleSnapshot";

/** The cells of a sheet's range (0-based column, 1-based rows), cleared and returned. */
function take(snapshot: WorkbookSnapshot, sheet: string, rows: [number, number], columns: number) {
  const s = snapshot.sheets.find((x) => x.name === sheet)!;
  const out: CellValue[][] = [];
  for (let r = rows[0]; r <= rows[1]; r++) {
    const values = s.values[r - 1 - s.top] ?? [];
    out.push(Array.from({ length: columns }, (_, c) => values[c] ?? null));
    for (let c = 0; c < columns; c++) setCell(snapshot, sheet, `${columnLetters(c)}${r}`, null);
  }
  return out;
}

describe("an indicator table split into two halves side by side (A:E and G:K)", () => {
  async function halves() {
    const snapshot = await sampleSnapshot();
    const header = take(snapshot, "绩效指标", [3, 3], 5);
    put(snapshot, "绩效指标", 0, 3, header);
    put(snapshot, "绩效指标", 6, 3, header);
    // 重点工作完成率 … 合计 (rows 10–15) moved to G4:K9.
    put(snapshot, "绩效指标", 6, 4, take(snapshot, "绩效指标", [10, 15], 5));
    return snapshot;
  }

  it("reads both halves, one table: the sample's 95.18 优, without a warning about two tables", async () => {
    const sample = scoreSnapshot(await sampleSnapshot());
    const { parse, evaluation } = scoreSnapshot(await halves());
    expect(parse.input.indicators.map((i) => i.name)).toEqual(
      sample.parse.input.indicators.map((i) => i.name)
    );
    expect(parse.input.statedTotal?.entered?.toString()).toBe("95.18");
    expect(parse.found.filter((f) => f.kind === "indicators").map((f) => f.range)).toEqual([
      "A3:E9",
      "G3:K9",
    ]);
    expect(parse.problems.map((p) => p.message).join("\n")).not.toContain("绩效指标表（");
    expect([evaluation.total.toString(), evaluation.grade]).toEqual(["95.18", "优"]);
  });

  it("carries the left half's last 一级 into the right half's blank (merged) 一级 cells", async () => {
    const snapshot = await halves();
    for (let r = 4; r <= 7; r++) setCell(snapshot, "绩效指标", `G${r}`, null);
    const { parse, evaluation } = scoreSnapshot(snapshot);
    const right = parse.input.indicators.slice(6).map((i) => i.level1);
    expect(right).toEqual(["履职效能", "履职效能", "履职效能", "履职效能", "（报告未列明）"]);
    expect(evaluation.total.toString()).toBe("95.18");
  });
});

describe("a 项目清单 split into two halves, each closed by a 支出总计 row", () => {
  it("reads both halves as one list: the total rows are no names they share", async () => {
    const snapshot = await sampleSnapshot();
    removeSheet(snapshot, "项目清单");
    snapshot.sheets.push({ name: "项目清单", top: 0, left: 0, values: [] });
    const header = ["项目名称", "项目预算", "实际支出", "是否开展自评", "自评得分"];
    put(snapshot, "项目清单", 0, 3, [
      header,
      ["社保信息系统运维", 100, 90, "是", 95],
      ["社保宣传", 20, 18, "是", 92],
      ["支出总计", 120, 108, null, null],
    ]);
    put(snapshot, "项目清单", 6, 3, [
      header,
      ["档案数字化", 80, 70, "是", 90],
      ["社保卡发行", 50, 45, "否", null],
      ["支出总计", 130, 115, null, null],
    ]);
    const { parse } = scoreSnapshot(snapshot);
    expect(parse.input.projects.map((p) => p.name)).toEqual([
      "社保信息系统运维",
      "社保宣传",
      "档案数字化",
      "社保卡发行",
    ]);
    expect(parse.problems.map((p) => p.message).join("\n")).not.toContain("张项目清单");
  });
});

describe("two years' indicator tables side by side (the same indicators)", () => {
  it("keeps them apart and takes the one whose title names the 年度", async () => {
    const snapshot = await sampleSnapshot();
    const sheet = snapshot.sheets.find((s) => s.name === "绩效指标")!;
    const table = sheet.values.slice(2, 15).map((row) => row.slice(0, 5));
    put(snapshot, "绩效指标", 6, 1, [["2021 年度部门整体支出绩效自评表"]]);
    put(snapshot, "绩效指标", 6, 3, table);
    for (let r = 4; r <= 14; r++) put(snapshot, "绩效指标", 9, r, [[0]]);
    const { parse, evaluation } = scoreSnapshot(snapshot);
    expect(parse.problems.map((p) => p.message)).toContain(
      "工作簿中有 2 张绩效指标表（绩效指标!A3、绩效指标!G3），按年度 2022 采用 绩效指标!A3。"
    );
    expect(parse.input.indicators).toHaveLength(11);
    expect(evaluation.total.toString()).toBe("95.18");
  });
});

describe("a table of another kind beside the indicator table, on its header row", () => {
  const projects: CellValue[][] = [
    ["项目名称", "项目预算", "实际支出", "是否开展自评", "自评得分"],
    ["社保信息系统运维", 100, 90, "是", 95],
    ["社保宣传", 20, 18, "是", 92],
  ];

  it("finds a 项目清单 at G3 (its 自评得分 is not the indicators', nor theirs its)", async () => {
    const snapshot = await sampleSnapshot();
    removeSheet(snapshot, "项目清单");
    put(snapshot, "绩效指标", 6, 3, projects);
    const { parse, evaluation } = scoreSnapshot(snapshot);
    expect(parse.input.projects.map((p) => p.name)).toEqual(["社保信息系统运维", "社保宣传"]);
    expect(parse.found.find((f) => f.kind === "projects")?.range).toBe("G3:K5");
    expect(parse.found.find((f) => f.kind === "indicators")?.range).toBe("A3:E15");
    expect(evaluation.total.toString()).toBe("95.18");
  });

  it("finds a 项目清单 at A3 with the indicator table beside it at G3", async () => {
    const snapshot = await sampleSnapshot();
    removeSheet(snapshot, "项目清单");
    put(snapshot, "绩效指标", 6, 3, take(snapshot, "绩效指标", [3, 15], 5));
    put(snapshot, "绩效指标", 0, 3, projects);
    const { parse, evaluation } = scoreSnapshot(snapshot);
    expect(parse.input.projects.map((p) => p.name)).toEqual(["社保信息系统运维", "社保宣传"]);
    expect(parse.found.find((f) => f.kind === "indicators")?.range).toBe("G3:K15");
    expect(evaluation.total.toString()).toBe("95.18");
  });

  it("gives the indicator table no 得分说明 from the 备注 of a list beside it", async () => {
    const snapshot = await sampleSnapshot();
    removeSheet(snapshot, "项目清单");
    take(snapshot, "绩效指标", [3, 15], 5).forEach((row, r) =>
      put(snapshot, "绩效指标", 0, 3 + r, [row.slice(0, 4)])
    );
    put(snapshot, "绩效指标", 5, 3, [
      [...projects[0], "备注"],
      [...projects[1], "已完成"],
      [...projects[2], null],
    ]);
    const { parse } = scoreSnapshot(snapshot);
    expect(parse.found.find((f) => f.kind === "indicators")?.range).toBe("A3:D15");
    expect(parse.input.projects.map((p) => p.name)).toEqual(["社保信息系统运维", "社保宣传"]);
    expect(parse.input.indicators.every((i) => i.explanation === undefined)).toBe(true);
  });
});

describe("one table, however wide, is one table", () => {
  it("does not take its own right-hand columns (考核指标 | 考评得分) for a second table", async () => {
    const snapshot = await sampleSnapshot();
    put(snapshot, "绩效指标", 5, 3, [["考核指标", "考评得分"]]);
    for (let r = 4; r <= 14; r++) put(snapshot, "绩效指标", 5, r, [["复核", 1]]);
    const { parse, evaluation } = scoreSnapshot(snapshot);
    expect(parse.found.filter((f) => f.kind === "indicators").map((f) => f.range)).toEqual([
      "A3:E15",
    ]);
    expect(parse.problems).toEqual([]);
    expect(evaluation.total.toString()).toBe("95.18");
  });
});

describe("two years' budget tables side by side on one header row", () => {
  const left: CellValue[][] = [
    ["支出类别", "年初预算数", "调整预算数", "决算数"],
    ["一、基本支出", 100, 120, 110],
    ["二、项目支出", 50, 60, 30],
    ["合计", 150, 180, 140],
  ];
  const right: CellValue[][] = [
    ["支出类别", "年初预算数", "调整预算数", "决算数"],
    ["一、基本支出", 200, 240, 900],
    ["二、项目支出", 100, 120, 120],
    ["合计", 300, 360, 1020],
  ];

  it.each([
    [2022, "1020"],
    [2021, "140"],
  ])("takes the one whose title names the 年度 %i", (year, final) => {
    const values: CellValue[][] = [
      ["2021年部门预算支出明细表", null, null, null, null, "2022年部门预算支出明细表"],
    ];
    left.forEach((row, r) => values.push([...row, null, ...(right[r] as CellValue[])]));
    const { input, problems } = parseWorkbook({
      sheets: [
        {
          name: "基本信息",
          top: 0,
          left: 0,
          values: [
            ["部门名称", "某局"],
            ["年度", year],
          ],
        },
        { name: "预算支出", top: 0, left: 0, values },
      ],
    });
    expect(input.budget.rows.find((r) => r.category === "total")?.final?.toString()).toBe(final);
    expect(problems.map((p) => p.message)).toContain(
      `工作簿中有 2 张预算支出明细表（预算支出!A2、预算支出!F2），按年度 ${year} 采用 预算支出!${year === 2022 ? "F2" : "A2"}。`
    );
  });
});
