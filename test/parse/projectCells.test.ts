/**
 * A 项目清单 row's cell addresses are made when read (parse/projectTable.ts keeps a row number,
 * not five strings): each key gives its own cell, and the 核对清单 lists the name's cell as the
 * row's 来源.
 */
import { layOut } from "../../src/pipeline/layOut";
import { materialized } from "../../src/layout/sheetLayout";
import { scoreSnapshot } from "../../src/pipeline/scoreWorkbook";
import { at, rowOf } from "../fixtures/layoutCells";
import { sampleSnapshot, setCell } from "./sampleSnapshot";

async function withProjects() {
  const snapshot = await sampleSnapshot();
  const rows: [string, number, number, string, number][] = [
    ["信息化运维", 120.5, 118.2, "是", 92],
    ["档案数字化", 80, 61.3, "否", 0],
  ];
  rows.forEach(([name, budget, spending, evaluated, score], i) => {
    const r = 4 + i;
    setCell(snapshot, "项目清单", `A${r}`, name);
    setCell(snapshot, "项目清单", `B${r}`, budget);
    setCell(snapshot, "项目清单", `C${r}`, spending);
    setCell(snapshot, "项目清单", `D${r}`, evaluated);
    setCell(snapshot, "项目清单", `E${r}`, score);
  });
  return scoreSnapshot(snapshot);
}

describe("the cells of 项目清单 rows", () => {
  it("give each row's own cell by key", async () => {
    const { input } = (await withProjects()).parse;
    const [first, second] = input.projects;
    expect(first?.cells?.name).toBe("项目清单!A4");
    expect(first?.cells?.budget).toBe("项目清单!B4");
    expect(first?.cells?.spending).toBe("项目清单!C4");
    expect(first?.cells?.evaluated).toBe("项目清单!D4");
    expect(first?.cells?.selfScore).toBe("项目清单!E4");
    expect(second?.cells?.name).toBe("项目清单!A5");
    expect(second?.cells?.selfScore).toBe("项目清单!E5");
  });

  it("are the 来源 of the 核对清单's project lines", async () => {
    const checklist = materialized(layOut(await withProjects(), "2026-11-27").checklist!);
    expect(at(checklist, rowOf(checklist, "信息化运维"), 8)?.value).toBe("项目清单!A4");
    expect(at(checklist, rowOf(checklist, "档案数字化"), 8)?.value).toBe("项目清单!A5");
  });
});
