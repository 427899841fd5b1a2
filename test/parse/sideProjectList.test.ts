/**
 * A small 项目清单 beside the indicator table (绩效指标!H3:K5) in a workbook that keeps its full
 * 项目清单 sheet too: the indicator table's title (over A:E) is not the small list's, and the
 * list's own title row is no header reaching into the indicator table's columns.
 */
import type { CellValue } from "../../src/hosts/snapshot";
import { Grid } from "../../src/parse/grid";
import { findTable, tableSpecs } from "../../src/parse/tables";
import { scoreSnapshot } from "../../src/pipeline/scoreWorkbook";
import { sampleSnapshot, putRows as put } from "./sampleSnapshot";

const FULL: CellValue[][] = [
  ["社保政策宣传项目", 1920.33, 1456.54, "是", 97.58],
  ["12333热线服务项目", 1328.06, 1007.59, "是", 96.96],
  ["社保信息系统运维项目", 734.48, 609.5, "是", 98],
  ["社保卡发行与应用项目", 1509.66, 1415.82, "是", 99.38],
];

const SIDE: CellValue[][] = [
  ["项目名称", "项目预算", "实际支出", "自评得分"],
  ["社保政策宣传项目", 1920.33, 1456.54, 97.58],
  ["12333热线服务项目", 1328.06, 1007.59, 96.96],
];

/** The sample with 4 projects in its 项目清单 sheet and 2 of them at 绩效指标!H3:K5. */
async function withSideList(title?: string) {
  const snapshot = await sampleSnapshot();
  put(snapshot, "项目清单", 0, 4, FULL);
  if (title) put(snapshot, "绩效指标", 7, 2, [[title]]);
  put(snapshot, "绩效指标", 7, 3, SIDE);
  return snapshot;
}

describe("a small 项目清单 beside the indicator table, and the full one on its own sheet", () => {
  it("does not credit the indicator table's 2022 title to the list beside it: the fuller list is used", async () => {
    const { parse } = scoreSnapshot(await withSideList());
    expect(parse.problems.map((p) => p.message)).toContain(
      "工作簿中有 2 张项目清单（绩效指标!H3、项目清单!A3），无法按年度 2022 区分，采用行数最多的一张：项目清单（4 行，另一张 2 行）。"
    );
    expect(parse.input.projects.map((p) => p.name)).toEqual(FULL.map((r) => r[0]));
    expect(parse.found.find((f) => f.kind === "projects")?.sheet).toBe("项目清单");
  });

  it("still takes the indicator table's title over its own columns for it", async () => {
    const snapshot = await withSideList();
    // A second indicator table of 2021 on its own sheet: the 2022 title over A:E still tells.
    const sheet = snapshot.sheets.find((s) => s.name === "绩效指标")!;
    snapshot.sheets.push({
      ...structuredClone(sheet),
      name: "上年指标",
      values: [["2021 年度部门整体支出绩效自评表"], [], ...structuredClone(sheet.values.slice(2))],
    });
    const { parse } = scoreSnapshot(snapshot);
    expect(parse.problems.map((p) => p.message)).toContain(
      "工作簿中有 2 张绩效指标表（绩效指标!A3、上年指标!A3），按年度 2022 采用 绩效指标。"
    );
  });

  it("reads a title over the list (重点项目自评情况 at H2) as no header: the list is H3:K5", async () => {
    const { parse, evaluation } = scoreSnapshot(await withSideList("重点项目自评情况"));
    const messages = parse.problems.map((p) => p.message);
    expect(messages).toContain(
      "工作簿中有 2 张项目清单（绩效指标!H3、项目清单!A3），无法按年度 2022 区分，采用行数最多的一张：项目清单（4 行，另一张 2 行）。"
    );
    expect(messages.filter((m) => m.startsWith("绩效指标!"))).toEqual([]);
    expect(parse.found.find((f) => f.kind === "indicators")?.range).toBe("A3:E15");
    expect(evaluation.total.toString()).toBe("95.18");
  });

  it("finds the list under its title on its own, with no table found beside it first", () => {
    const values: CellValue[][] = [
      [
        null,
        null,
        null,
        null,
        "评分标准：2022 年度佛山市市级部门整体支出绩效自评表",
        null,
        null,
        "重点项目自评情况",
      ],
      ["一级指标", "指标", "分值", "自评得分", "得分说明", null, null, ...(SIDE[0] as CellValue[])],
      ["管理效率", "预算绩效管理情况", 10, 10, null, null, null, ...(SIDE[1] as CellValue[])],
      ["管理效率", "财务管理情况", 20, 20, null, null, null, ...(SIDE[2] as CellValue[])],
    ];
    const grid = new Grid({ name: "绩效指标", top: 0, left: 0, values });
    const table = findTable([grid], tableSpecs.projects);
    expect(table && { row: table.headerRow, depth: table.headerDepth }).toEqual({
      row: 1,
      depth: 1,
    });
    expect(table?.columns).toEqual({ name: 7, budget: 8, spending: 9, selfScore: 10 });
  });
});
