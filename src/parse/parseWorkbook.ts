/**
 * Workbook snapshot → typed department input, with every problem addressed to its cell.
 * Tables are found by header text (see tables.ts); single values (部门名称, 年度, 财政支出执行率,
 * “三公”经费 …) by their label, with the value to the right or after a colon.
 */
import { Dec } from "../model/decimal";
import type {
  BudgetCategory,
  BudgetRow,
  DepartmentInput,
  EvaluationSettings,
  IndicatorEntry,
  KeyTask,
  Project,
} from "../model/input";
import { normalizeName, quote } from "../model/text";
import type { WorkbookSnapshot } from "../hosts/snapshot";
import { findProfileById, profiles } from "../profiles";
import {
  readAmount,
  readCount,
  readRate,
  readScore,
  readText,
  readYear,
  readYesNo,
  type Read,
} from "./cells";
import { Grid, normalizeLabel, range } from "./grid";
import { type InputProblem, cellProblem } from "./problems";
import {
  type FoundTable,
  type TableArea,
  type TableKind,
  HEADER_SEARCH_ROWS,
  dataRows,
  describeHeaders,
  findTable,
  inArea,
  tableArea,
  tableSpecs,
} from "./tables";

/** Where an input was found, for the task pane's “数据来源” list. */
export interface FoundInput {
  kind: TableKind | "info";
  title: string;
  sheet: string;
  /** A1 range of the table or the label cell. */
  range: string;
}

export interface ParseResult {
  input: DepartmentInput;
  problems: InputProblem[];
  found: FoundInput[];
  /** Sheet whose name is our settings sheet, if present. */
  settingsSheet?: string;
}

/** The sheet where the add-in keeps its settings (created by 插入模板 / the pane). */
export const SETTINGS_SHEET = "绩效自评设置";

type InfoKey =
  | "department"
  | "year"
  | "city"
  | "officialRate"
  | "rateBase"
  | "threePublicBudget"
  | "threePublicActual"
  | "satisfaction"
  | "projectTotal"
  | "projectEvaluated";

/** Labels recognised for single values (normalised: no spaces, quotes or trailing colon). */
const INFO_LABELS: Record<InfoKey, RegExp> = {
  department: /^(部门名称|单位名称|部门|预算单位|预算部门)$/,
  year: /^(年度|评价年度|自评年度|预算年度|绩效年度)$/,
  city: /^(所属城市|城市|所属地市|地市)$/,
  officialRate: /^(财政支出执行率|预算执行率|全年财政支出完成率|财政支出完成率|部门预算执行率)$/,
  rateBase: /^(执行率口径|执行率计算口径)$/,
  threePublicBudget: /^三公经费(全年)?预算(数|安排数?)?$/,
  threePublicActual: /^三公经费(全年)?(实际)?(支出|执行)数?$/,
  satisfaction: /^(满意度|满意度调查结果|(公众|服务对象)满意度调查结果|满意度调查得分率)$/,
  projectTotal: /^项目(个数|数量|总数|数)$/,
  projectEvaluated: /^(已自评项目|已开展自评项目|开展自评项目|自评项目)(个数|数量|数)?$/,
};

const INFO_TITLES: Record<InfoKey, string> = {
  department: "部门名称",
  year: "年度",
  city: "所属城市",
  officialRate: "财政支出执行率",
  rateBase: "执行率口径",
  threePublicBudget: "“三公”经费预算数",
  threePublicActual: "“三公”经费实际支出数",
  satisfaction: "满意度",
  projectTotal: "项目个数",
  projectEvaluated: "已自评项目个数",
};

const CATEGORY_PATTERNS: [BudgetCategory, RegExp][] = [
  ["total", /^(合计|总计|支出合计|本年支出合计|部门支出合计)$/],
  ["capitalConstruction", /基本建设/],
  ["personnel", /人员(经费|支出)|工资福利/],
  ["publicOperating", /公用(经费|支出)/],
  ["basic", /基本支出/],
  ["project", /项目支出/],
  ["remittance", /上缴上级/],
  ["business", /经营支出/],
  ["subsidy", /附属单位补助/],
];

function categoryOf(label: string): BudgetCategory | null {
  const key = normalizeLabel(label).replace(
    /^[一二三四五六七八九十]+[、.．]|^\d+[、.．]|^其中[:：]?/,
    ""
  );
  for (const [category, pattern] of CATEGORY_PATTERNS) if (pattern.test(key)) return category;
  return null;
}

/** Splits `部门名称：佛山市…（公章）` into label and value. */
function splitLabelValue(text: string): { label: string; value: string } | null {
  const m = /^([^:：]{2,20})[:：]\s*(.+)$/.exec(text.trim());
  return m ? { label: m[1], value: m[2].trim() } : null;
}

function stripUnit(label: string): { label: string; unit?: string } {
  const m = /[(（](万元|千元|元|%|％)[)）]$/.exec(label);
  return m ? { label: label.slice(0, m.index), unit: m[1] } : { label };
}

interface InfoHit {
  sheet: string;
  row: number;
  column: number;
  /** Value location (may be the label cell itself for `label：value`). */
  valueRow: number;
  valueColumn: number;
  inline?: string;
  unit?: string;
}

function findInfo(grids: readonly Grid[], tables: readonly TableArea[]): Map<InfoKey, InfoHit> {
  const hits = new Map<InfoKey, InfoHit>();
  for (const grid of grids) {
    const lastRow = Math.min(grid.bottom, grid.top + HEADER_SEARCH_ROWS);
    // A column headed 说明 / 备注 holds notes, never a value.
    const noteColumns = new Set(
      range(grid.left, grid.right).filter((c) =>
        range(grid.top, Math.min(grid.bottom, grid.top + 5)).some((r) =>
          /^(说明|备注|填写说明)$/.test(grid.key(r, c))
        )
      )
    );
    for (let row = grid.top; row <= lastRow; row++) {
      for (const column of range(grid.left, grid.right)) {
        const text = grid.text(row, column);
        if (!text || text.length > 40 || inArea(tables, grid.name, row, column)) continue;
        const inline = splitLabelValue(text);
        const { label, unit } = stripUnit(normalizeLabel(inline ? inline.label : text));
        for (const key of Object.keys(INFO_LABELS) as InfoKey[]) {
          if (hits.has(key) || !INFO_LABELS[key].test(label)) continue;
          if (inline) {
            hits.set(key, {
              sheet: grid.name,
              row,
              column,
              valueRow: row,
              valueColumn: column,
              inline: inline.value,
              unit,
            });
          } else {
            const valueColumn = range(column + 1, Math.min(grid.right, column + 3)).find(
              (c) => !noteColumns.has(c) && grid.value(row, c) !== null
            );
            if (valueColumn !== undefined)
              hits.set(key, { sheet: grid.name, row, column, valueRow: row, valueColumn, unit });
          }
        }
      }
    }
  }
  return hits;
}

/** The footer line every sheet this assistant writes ends with (see layout/summary.ts). */
export const ASSISTANT_SIGNATURE = "本表由绩效自评助手";

function writtenByAssistant(grid: Grid): boolean {
  for (let row = grid.bottom; row >= Math.max(grid.top, grid.bottom - 3); row--) {
    if (grid.text(row, grid.left).startsWith(ASSISTANT_SIGNATURE)) return true;
  }
  return false;
}

/** The year from a sheet's title (its first cell), such as `2022 年度部门整体支出绩效自评`. */
function yearFromTitles(grids: readonly Grid[]): number | null {
  for (const grid of grids) {
    const title = grid.text(grid.top, grid.left);
    const m = /(20\d{2})\s*年度?/.exec(title);
    if (m && /绩效|自评|决算|预算/.test(title)) return Number(m[1]);
  }
  return null;
}

export function parseWorkbook(snapshot: WorkbookSnapshot): ParseResult {
  const grids = snapshot.sheets.map((s) => new Grid(s));
  const problems: InputProblem[] = [];
  const found: FoundInput[] = [];
  const gridByName = new Map(grids.map((g) => [g.name, g]));
  const keep = <T>(read: Read<T>): T | null => {
    if (read.problem) problems.push(read.problem);
    return read.value;
  };

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

  // ---- budget table -------------------------------------------------------------------
  const budgetRows: BudgetRow[] = [];
  if (!budgetTable) {
    problems.push({
      severity: "error",
      message: `未找到部门预算支出明细表：请放置表头包含${describeHeaders(tableSpecs.budget)}的表格（也可写作：全年预算数、调整后预算数、执行数、实际支出）`,
    });
  } else {
    const grid = gridByName.get(budgetTable.sheet) as Grid;
    const cols = budgetTable.columns;
    const seen = new Set<BudgetCategory>();
    const labelAt = (row: number) => readText({ grid, row, column: cols.label });
    /** A row below that is still part of the table: a category not read yet. */
    const continues = (row: number) => {
      const category = row <= grid.bottom ? categoryOf(labelAt(row)) : null;
      return category !== null && !seen.has(category);
    };
    let last = budgetTable.headerRow + budgetTable.headerDepth - 1;
    for (let row = last + 1; row <= grid.bottom; row++) {
      // A blank row inside the table (between 基本支出 and 项目支出, say) does not end it.
      if (grid.isBlankRow(row, Object.values(cols))) {
        if (continues(row + 1)) continue;
        break;
      }
      last = row;
      const label = labelAt(row);
      const category = categoryOf(label);
      if (!category) {
        problems.push(
          cellProblem(
            grid.name,
            grid.address(row, cols.label),
            label ? `无法识别支出类别“${label}”，该行未计入` : "缺少支出类别，该行未计入",
            "warning"
          )
        );
        continue;
      }
      if (seen.has(category)) {
        problems.push(
          cellProblem(
            grid.name,
            grid.address(row, cols.label),
            `支出类别“${label}”重复出现，该行未计入`,
            "warning"
          )
        );
        continue;
      }
      seen.add(category);
      const amount = (key: "initial" | "adjusted" | "final") =>
        keep(readAmount({ grid, row, column: cols[key] }, budgetTable.unitFactor));
      budgetRows.push({
        category,
        label,
        initial: amount("initial"),
        adjusted: amount("adjusted"),
        final: amount("final"),
        cells: {
          label: `${grid.name}!${grid.address(row, cols.label)}`,
          initial: `${grid.name}!${grid.address(row, cols.initial)}`,
          adjusted: `${grid.name}!${grid.address(row, cols.adjusted)}`,
          final: `${grid.name}!${grid.address(row, cols.final)}`,
        },
      });
      // 合计 usually closes the table, unless categories follow it (合计 written first).
      if (category === "total" && !continues(row + 1)) break;
    }
    if (budgetRows.length > 0 && !seen.has("total")) {
      problems.push({
        severity: "error",
        sheet: grid.name,
        message: `${grid.name}：部门预算支出明细表缺少“合计”行，无法按预算表计算执行率和勾稽关系`,
      });
    }
    found.push(tableFound(budgetTable, grid, last));
  }

  // ---- indicators ---------------------------------------------------------------------
  const indicators: IndicatorEntry[] = [];
  let statedTotal: DepartmentInput["statedTotal"];
  if (!indicatorTable) {
    problems.push({
      severity: "error",
      message: `未找到绩效指标表：请放置表头包含${describeHeaders(tableSpecs.indicators)}的表格（也可写作：指标名称、得分、分值/权重）`,
    });
  } else {
    const grid = gridByName.get(indicatorTable.sheet) as Grid;
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
    found.push(tableFound(indicatorTable, grid, last));
  }

  // ---- projects -----------------------------------------------------------------------
  const projects: Project[] = [];
  if (projectTable) {
    const grid = gridByName.get(projectTable.sheet) as Grid;
    const cols = projectTable.columns;
    let last = projectTable.headerRow + projectTable.headerDepth - 1;
    for (const row of dataRows(grid, projectTable)) {
      last = row;
      const name = readText({ grid, row, column: cols.name });
      if (/^(合计|总计)$/.test(normalizeLabel(name))) break;
      const at = (k: string) => ({ grid, row, column: cols[k] });
      const has = (k: string) => k in cols;
      const selfScore = has("selfScore") ? keep(readScore(at("selfScore"))) : null;
      const evaluatedRead = has("evaluated")
        ? keep(readYesNo(at("evaluated"), "是否开展自评"))
        : null;
      projects.push({
        name: name || `（第 ${row + 1} 行项目）`,
        budget: has("budget") ? keep(readAmount(at("budget"), projectTable.unitFactor)) : null,
        spending: has("spending")
          ? keep(readAmount(at("spending"), projectTable.unitFactor))
          : null,
        selfScore,
        evaluated: evaluatedRead ?? selfScore !== null,
        cells: Object.fromEntries(
          Object.keys(cols).map((k) => [k, `${grid.name}!${grid.address(row, cols[k])}`])
        ),
      });
    }
    found.push(tableFound(projectTable, grid, last));
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

  // ---- key tasks ----------------------------------------------------------------------
  const keyTasks: KeyTask[] = [];
  if (taskTable) {
    const grid = gridByName.get(taskTable.sheet) as Grid;
    const cols = taskTable.columns;
    let last = taskTable.headerRow + taskTable.headerDepth - 1;
    for (const row of dataRows(grid, taskTable)) {
      last = row;
      const name = readText({ grid, row, column: cols.name });
      const note = "note" in cols ? readText({ grid, row, column: cols.note }) : "";
      if (!name) continue; // a continuation line of the previous task's 完成情况
      let done: boolean | null = null;
      if ("done" in cols) {
        done = keep(readYesNo({ grid, row, column: cols.done }, "是否完成"));
        if (
          done === null &&
          !problems.some((p) => p.cell === grid.address(row, cols.done) && p.sheet === grid.name)
        ) {
          problems.push(
            cellProblem(
              grid.name,
              grid.address(row, cols.done),
              `未填写${quote(name)}是否完成，重点工作完成率无法计算`,
              "warning"
            )
          );
        }
      } else {
        const read = readYesNo({ grid, row, column: cols.note }, "是否完成");
        done = read.value;
        if (done === null) {
          problems.push(
            cellProblem(
              grid.name,
              grid.address(row, cols.note),
              `无法从完成情况判断${quote(name)}是否完成，请增加“是否完成”列并填写“是”或“否”`,
              "warning"
            )
          );
        }
      }
      keyTasks.push({
        name,
        done,
        note: note || undefined,
        cells: {
          name: `${grid.name}!${grid.address(row, cols.name)}`,
          done: `${grid.name}!${grid.address(row, cols.done ?? cols.note)}`,
        },
      });
    }
    found.push(tableFound(taskTable, grid, last));
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

function tableFound(table: FoundTable, grid: Grid, lastRow: number): FoundInput {
  const cols = Object.values(table.columns);
  const left = Math.min(...cols);
  const right = Math.max(...cols);
  return {
    kind: table.kind,
    title: tableSpecs[table.kind].title,
    sheet: table.sheet,
    range: `${grid.address(table.headerRow, left)}:${grid.address(Math.max(lastRow, table.headerRow), right)}`,
  };
}

/** Settings rows: 评分标准, 计入得分, 已核对参数, and parameter paths with values. */
function parseSettings(
  grids: readonly Grid[],
  settingsName: string,
  problems: InputProblem[]
): { settings?: EvaluationSettings; found?: FoundInput } {
  const grid = grids.find((g) => g.name === settingsName);
  if (!grid) return {};
  const table = findTable([grid], tableSpecs.settings);
  if (!table) return {};
  const cols = table.columns;
  const settings: EvaluationSettings = {};
  const overrides: Record<string, string | number | boolean> = {};
  let last = table.headerRow;
  for (let row = table.headerRow + table.headerDepth; row <= grid.bottom; row++) {
    if (grid.isBlankRow(row, [cols.key, cols.value])) break;
    last = row;
    const key = readText({ grid, row, column: cols.key });
    const raw = grid.value(row, cols.value);
    const text = readText({ grid, row, column: cols.value });
    const at = grid.address(row, cols.value);
    if (!key || text === "") continue;
    const label = normalizeLabel(key);
    if (label === "评分标准") {
      const profile =
        findProfileById(text) ??
        profiles.find((p) => normalizeName(p.name) === normalizeName(text));
      if (profile) settings.profileId = profile.id;
      else
        problems.push(
          cellProblem(grid.name, at, `没有名为“${text}”的评分标准，已按城市和年度选择`)
        );
    } else if (label === "计入得分") {
      if (/计算/.test(text)) settings.scoreSource = "computed";
      else if (/填报|自评/.test(text)) settings.scoreSource = "entered";
      else
        problems.push(
          cellProblem(grid.name, at, `“${text}”无法识别，请填写“填报得分”或“计算得分”`)
        );
    } else if (label === "已核对参数" || label === "已确认参数") {
      settings.confirmed = text.split(/[,，;；、\s]+/).filter(Boolean);
    } else {
      overrides[key.trim()] = typeof raw === "number" || typeof raw === "boolean" ? raw : text;
    }
  }
  if (Object.keys(overrides).length > 0) settings.overrides = overrides;
  const left = Math.min(...Object.values(cols));
  const right = Math.max(...Object.values(cols));
  return {
    settings,
    found: {
      kind: "settings",
      title: tableSpecs.settings.title,
      sheet: grid.name,
      range: `${grid.address(table.headerRow, left)}:${grid.address(last, right)}`,
    },
  };
}
