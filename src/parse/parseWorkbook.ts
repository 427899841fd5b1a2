/**
 * Workbook snapshot → typed department input, with every problem addressed to its cell.
 * Tables are found by header text (see tables.ts); single values (部门名称, 年度, 财政支出执行率,
 * “三公”经费 …) by their label, with the value to the right or after a colon.
 */
import { Dec } from "../model/decimal";
import type { BudgetRow, DepartmentInput, IndicatorEntry, KeyTask, Project } from "../model/input";
import type { WorkbookSnapshot } from "../hosts/snapshot";
import { SETTINGS_SHEET_NAME } from "../layout/settings";
import { ASSISTANT_SIGNATURE } from "../layout/style";
import { readBudgetTable } from "./budgetTable";
import { type Read, readAmount, readCount, readRate, readText, readYear } from "./cells";
import { Grid } from "./grid";
import { readIndicatorTable } from "./indicatorTable";
import { INFO_TITLES, type InfoKey, findInfo, yearFromTitles } from "./info";
import { readKeyTaskTable } from "./keyTaskTable";
import type { InputProblem } from "./problems";
import { readProjectTable } from "./projectTable";
import { type FoundInput, newReader } from "./reader";
import { parseSettings } from "./settingsSheet";
import {
  type FoundTable,
  type TableArea,
  type TableKind,
  describeHeaders,
  findTable,
  tableArea,
  tableSpecs,
} from "./tables";

export type { FoundInput } from "./reader";

export interface ParseResult {
  input: DepartmentInput;
  problems: InputProblem[];
  found: FoundInput[];
  /** Sheet whose name is our settings sheet, if present. */
  settingsSheet?: string;
}

/** The sheet where the add-in keeps its settings (written by the pane). */
export const SETTINGS_SHEET = SETTINGS_SHEET_NAME;

function writtenByAssistant(grid: Grid): boolean {
  for (let row = grid.bottom; row >= Math.max(grid.top, grid.bottom - 3); row--) {
    if (grid.text(row, grid.left).startsWith(ASSISTANT_SIGNATURE)) return true;
  }
  return false;
}

export function parseWorkbook(snapshot: WorkbookSnapshot): ParseResult {
  const grids = snapshot.sheets.map((s) => new Grid(s));
  const reader = newReader();
  const { problems, keep } = reader;
  const found: FoundInput[] = [];
  const gridByName = new Map(grids.map((g) => [g.name, g]));
  const gridOf = (table: FoundTable) => gridByName.get(table.sheet) as Grid;

  // Input comes from visible sheets the user keeps: not hidden sheets, not sheets this
  // assistant wrote (an old summary renamed to keep it, a ranking), whatever their name.
  const settingsName = snapshot.ownedSheets?.settings ?? SETTINGS_SHEET;
  const inputGrids = grids.filter(
    (g) => !g.hidden && g.name !== settingsName && !writtenByAssistant(g)
  );

  // Tables first, each outside the ones already found, so single values are never looked
  // for inside a table and text in one table never starts another.
  const areas: TableArea[] = [];
  const locate = (spec: (typeof tableSpecs)[TableKind]) => {
    const table = findTable(inputGrids, spec, areas);
    if (table) areas.push(tableArea(gridByName.get(table.sheet) as Grid, table));
    return table;
  };
  const budgetTable = locate(tableSpecs.budget);
  const indicatorTable = locate(tableSpecs.indicators);
  const projectTable = locate(tableSpecs.projects);
  const taskTable = locate(tableSpecs.keyTasks);

  // ---- single values ------------------------------------------------------------------
  const info = findInfo(inputGrids, areas);
  const infoCell = (key: InfoKey) => {
    const hit = info.get(key);
    return hit
      ? `${hit.sheet}!${gridByName.get(hit.sheet)?.address(hit.valueRow, hit.valueColumn)}`
      : undefined;
  };
  const readInfo = <T>(
    key: InfoKey,
    reader: (c: { grid: Grid; row: number; column: number }) => Read<T>
  ): T | null => {
    const hit = info.get(key);
    if (!hit) return null;
    const grid = gridByName.get(hit.sheet) as Grid;
    found.push({
      kind: "info",
      title: INFO_TITLES[key],
      sheet: hit.sheet,
      range: grid.address(hit.row, hit.column),
    });
    if (hit.inline !== undefined) {
      // `label：value` in one cell: read the value text through a one-cell grid.
      const one = new Grid({
        name: hit.sheet,
        top: hit.valueRow,
        left: hit.valueColumn,
        values: [[hit.inline]],
      });
      return keep(reader({ grid: one, row: hit.valueRow, column: hit.valueColumn }));
    }
    return keep(reader({ grid, row: hit.valueRow, column: hit.valueColumn }));
  };
  const infoAmount = (key: InfoKey): Dec | null => {
    const unit = info.get(key)?.unit;
    const factor =
      unit === "元" ? new Dec("0.0001") : unit === "千元" ? new Dec("0.1") : new Dec(1);
    return readInfo(key, (c) => readAmount(c, factor));
  };

  const department = (readInfo("department", (c) => ({ value: readText(c) })) ?? "")
    .replace(/[(（]公章[)）]$/, "")
    .trim();
  if (!department) {
    problems.push({
      severity: "error",
      message: "未找到部门名称：请在“基本信息”表中填写“部门名称”",
    });
  }
  let year = readInfo("year", readYear);
  if (year === null) {
    const fromTitle = yearFromTitles(inputGrids);
    if (fromTitle !== null) year = fromTitle;
    else if (!info.has("year"))
      problems.push({
        severity: "error",
        message: "未找到年度：请在“基本信息”表中填写“年度”（如 2022）",
      });
  }
  const cityText = readInfo("city", (c) => ({ value: readText(c) }));
  const city = cityText || /^(.{2,4}?市)/.exec(department)?.[1] || undefined;

  // ---- tables -------------------------------------------------------------------------
  let budgetRows: BudgetRow[] = [];
  if (!budgetTable) {
    problems.push({
      severity: "error",
      message: `未找到部门预算支出明细表：请放置表头包含${describeHeaders(tableSpecs.budget)}的表格（也可写作：全年预算数、调整后预算数、执行数、实际支出）`,
    });
  } else {
    const read = readBudgetTable(gridOf(budgetTable), budgetTable, reader);
    budgetRows = read.rows;
    found.push(read.found);
  }

  let indicators: IndicatorEntry[] = [];
  let statedTotal: DepartmentInput["statedTotal"];
  if (!indicatorTable) {
    problems.push({
      severity: "error",
      message: `未找到绩效指标表：请放置表头包含${describeHeaders(tableSpecs.indicators)}的表格（也可写作：指标名称、得分、分值/权重）`,
    });
  } else {
    const read = readIndicatorTable(gridOf(indicatorTable), indicatorTable, reader);
    ({ indicators, statedTotal } = read);
    found.push(read.found);
  }

  let projects: Project[] = [];
  if (projectTable) {
    const read = readProjectTable(gridOf(projectTable), projectTable, reader);
    projects = read.projects;
    found.push(read.found);
  }
  const projectTotal = readInfo("projectTotal", readCount);
  const projectEvaluated = readInfo("projectEvaluated", readCount);
  const projectCounts =
    projectTotal !== null
      ? {
          total: projectTotal,
          evaluated: projectEvaluated ?? 0,
          cells: { total: infoCell("projectTotal"), evaluated: infoCell("projectEvaluated") },
        }
      : undefined;
  if (projectTotal !== null && projectEvaluated !== null && projectEvaluated > projectTotal) {
    problems.push({
      severity: "error",
      sheet: info.get("projectEvaluated")?.sheet,
      message: `${infoCell("projectEvaluated")}：已自评项目 ${projectEvaluated} 个多于项目个数 ${projectTotal} 个`,
    });
  }

  let keyTasks: KeyTask[] = [];
  if (taskTable) {
    const read = readKeyTaskTable(gridOf(taskTable), taskTable, reader);
    keyTasks = read.keyTasks;
    found.push(read.found);
  }

  // ---- 三公, satisfaction, official rate -----------------------------------------------
  const tpBudget = infoAmount("threePublicBudget");
  const tpActual = infoAmount("threePublicActual");
  const threePublic =
    info.has("threePublicBudget") || info.has("threePublicActual")
      ? {
          budget: tpBudget,
          actual: tpActual,
          cells: { budget: infoCell("threePublicBudget"), actual: infoCell("threePublicActual") },
        }
      : undefined;
  const satisfactionRate = readInfo("satisfaction", readRate);
  const satisfaction = info.has("satisfaction")
    ? { rate: satisfactionRate, cells: { rate: infoCell("satisfaction") } }
    : undefined;
  const officialRate = readInfo("officialRate", readRate);
  const rateBase = readInfo("rateBase", (c) => ({ value: readText(c) }));

  // ---- settings -----------------------------------------------------------------------
  const settingsResult = parseSettings(grids, settingsName, problems);
  if (settingsResult.found) found.push(settingsResult.found);

  const input: DepartmentInput = {
    department,
    year: year ?? 0,
    city,
    budget: {
      rows: budgetRows,
      officialExecutionRate: officialRate,
      officialRateBase: rateBase || undefined,
      cells: { officialExecutionRate: infoCell("officialRate") },
    },
    indicators,
    projects,
    projectCounts,
    keyTasks,
    threePublic,
    satisfaction,
    settings: settingsResult.settings,
    statedTotal,
  };
  return { input, problems, found, settingsSheet: settingsResult.found?.sheet };
}
