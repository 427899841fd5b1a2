/**
 * The indicator table (绩效自评表): 一级 / 二级 / 三级 / 指标, 分值, 自评得分, 说明. Merged group
 * cells carry down; heading rows are not scored; a 合计 row is kept to check the sum.
 */
import type { DepartmentInput, IndicatorEntry } from "../model/input";
import { readScore, readText } from "./cells";
import { type Grid, normalizeLabel } from "./grid";
import { type FoundTable, dataRows } from "./tables";
import { type FoundInput, type Reader, tableFound } from "./reader";

export function readIndicatorTable(
  grid: Grid,
  indicatorTable: FoundTable,
  { keep }: Reader
): {
  indicators: IndicatorEntry[];
  statedTotal: DepartmentInput["statedTotal"];
  found: FoundInput;
} {
  const indicators: IndicatorEntry[] = [];
  let statedTotal: DepartmentInput["statedTotal"];
  const cols = indicatorTable.columns;
  const rows = [...dataRows(grid, indicatorTable)];
  const last = rows.length > 0 ? rows[rows.length - 1] : indicatorTable.headerRow;
  const text = (row: number, key: string) =>
    key in cols ? readText({ grid, row, column: cols[key] }) : "";
  // The deepest name column: 指标, else 三级, else 二级, else 一级.
  const deepest = (["name", "level3", "level2", "level1"] as const).find(
    (k) => k in cols
  ) as string;
  const shallower = (["level1", "level2", "level3"] as const).filter(
    (k) => k in cols && k !== deepest
  );
  let level1 = "";
  let level2 = "";
  rows.forEach((row, index) => {
    const l1 = text(row, "level1");
    const l2 = text(row, "level2");
    const l3 = text(row, "level3");
    const own = text(row, "name");
    if (l1) {
      level1 = l1;
      level2 = "";
    }
    if (l2) level2 = l2;
    const name = own || l3 || l2 || l1;
    const key = normalizeLabel(name);
    const cellOf = (k: string) =>
      k in cols ? `${grid.name}!${grid.address(row, cols[k])}` : undefined;
    const score = (k: string) =>
      k in cols ? keep(readScore({ grid, row, column: cols[k] })) : null;
    if (/^(合计|总计|总分|得分合计)$/.test(key)) {
      statedTotal = {
        max: score("max"),
        entered: score("entered"),
        cells: { max: cellOf("max"), entered: cellOf("entered") },
      };
      return;
    }
    if (/^小计/.test(key) || !name) return;
    // A group heading (一、管理效率 | | 50 | 50, or a 二级 over its 三级 rows): the next row is
    // its child — it fills the deepest name column and leaves this row's levels blank.
    const next = rows[index + 1];
    const blankScores = ["max", "entered"].every(
      (k) => !(k in cols) || grid.value(row, cols[k]) === null
    );
    const isHeading =
      deepest !== "level1" &&
      text(row, deepest) === "" &&
      (blankScores ||
        (next !== undefined &&
          text(next, deepest) !== "" &&
          shallower.every((k) => text(row, k) === "" || text(next, k) === "")));
    if (isHeading) return;
    indicators.push({
      level1: level1 || name,
      level2: level2 && level2 !== name ? level2 : undefined,
      level3: l3 && l3 !== name ? l3 : undefined,
      name,
      max: score("max"),
      entered: score("entered"),
      explanation: text(row, "explanation") || undefined,
      cells: {
        name: cellOf(deepest) ?? cellOf("name"),
        max: cellOf("max"),
        entered: cellOf("entered"),
        explanation: cellOf("explanation"),
      },
    });
  });
  return { indicators, statedTotal, found: tableFound(indicatorTable, grid, last) };
}
