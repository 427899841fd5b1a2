/**
 * Single values found by their label (部门名称, 年度, 财政支出执行率, “三公”经费 …), with the
 * value to the right or after a colon in the same cell.
 */
import type { CellValue } from "../hosts/snapshot";
import { SEAL_WORDS } from "../model/text";
import { UNIT_WORDS } from "../model/units";
import { METRICS } from "../standard/metrics";
import { toHalfWidth } from "../model/numbers";
import { Grid, normalizeLabel, range } from "./grid";
import { HEADER_SEARCH_ROWS, type TableArea, inArea } from "./tables";

/** Figures a department may state directly when it keeps no table they could be computed from. */
export const STATED_METRICS = [
  "staffControl",
  "threePublicChange",
  "threePublicControl",
  "budgetAdjustmentRate",
  "keyExpenditureShare",
] as const;

export type StatedMetricKey = `stated:${(typeof STATED_METRICS)[number]}`;

export type InfoKey =
  | "department"
  | "year"
  | "city"
  | "officialRate"
  | "rateBase"
  | "carryOver"
  | "threePublicBudget"
  | "threePublicActual"
  | "threePublicLastYear"
  | "satisfaction"
  | "projectTotal"
  | "projectEvaluated"
  | "staffActual"
  | "staffQuota"
  | "keyExpenditure"
  | NarrativeKey
  | StatedMetricKey;

/** Text the 自评报告 quotes (部门职能 …) and the names its signature block prints. */
export const NARRATIVE_KEYS = ["functions", "organization", "work", "leader", "preparer"] as const;
export type NarrativeKey = (typeof NARRATIVE_KEYS)[number];

const exactly = (label: string) => new RegExp(`^${normalizeLabel(label)}$`);

const statedLabels = Object.fromEntries(
  STATED_METRICS.map((id) => [`stated:${id}`, exactly(METRICS[id].label)])
) as Record<StatedMetricKey, RegExp>;

/** Labels recognised for single values (normalised: no spaces, quotes or trailing colon). */
export const INFO_LABELS: Record<InfoKey, RegExp> = {
  ...statedLabels,
  // A form's `填报单位（盖章）：…`: the seal's place in the label is no part of it.
  department: new RegExp(
    `^(部门名称|单位名称|部门|预算单位|预算部门|填报单位)(\\((${SEAL_WORDS})\\))?$`
  ),
  year: /^(年度|评价年度|自评年度|预算年度|绩效年度)$/,
  city: /^(所属城市|城市|所属地市|地市)$/,
  officialRate: /^(财政支出执行率|预算执行率|全年财政支出完成率|财政支出完成率|部门预算执行率)$/,
  rateBase: /^(执行率口径|执行率计算口径)$/,
  carryOver: /^(上年结转|上年结转资金|上年结转结余|年初结转结余)(数|资金|金额)?$/,
  threePublicBudget: /^三公经费(全年|年初|年度)?预算(数|安排数?|金额)?$/,
  threePublicActual: /^三公经费(全年|年度)?((实际)?(支出|执行)数?|(支出)?决算(数|支出数?)?)$/,
  threePublicLastYear: /^上年(度)?三公经费(实际)?(支出|执行)?数?$/,
  satisfaction: /^(满意度|满意度调查结果|(公众|服务对象)满意度调查结果|满意度调查得分率)$/,
  projectTotal: /^项目(个数|数量|总数|数)$/,
  projectEvaluated: /^(已自评项目|已开展自评项目|开展自评项目|自评项目)(个数|数量|数)?$/,
  staffActual: /^(在职人数|实有人数|在职人员(数|人数)?|实有人员数)$/,
  staffQuota: /^(编制人数|编制数|核定编制(数|人数)?)$/,
  keyExpenditure: /^(重点项目支出|重点支出|重点项目支出金额)$/,
  functions: /^(部门职能|主要职能|部门职责|职能职责|主要职责)$/,
  organization: /^(机构设置|机构设置情况|内设机构|部门机构设置)$/,
  work: /^(年度总体工作和重点工作任务|年度总体工作及重点工作任务|年度重点工作|年度工作情况|年度总体工作|年度工作概述)$/,
  leader: /^(部门负责人|单位负责人|部门负责人签名)$/,
  preparer: /^(填报人|填表人)$/,
};

const statedTitles = Object.fromEntries(
  STATED_METRICS.map((id) => [`stated:${id}`, METRICS[id].label])
) as Record<StatedMetricKey, string>;

export const INFO_TITLES: Record<InfoKey, string> = {
  ...statedTitles,
  department: "部门名称",
  year: "年度",
  city: "所属城市",
  officialRate: "财政支出执行率",
  rateBase: "执行率口径",
  carryOver: "上年结转",
  threePublicBudget: "“三公”经费预算数",
  threePublicActual: "“三公”经费实际支出数",
  threePublicLastYear: "上年“三公”经费实际支出数",
  satisfaction: "满意度",
  projectTotal: "项目个数",
  projectEvaluated: "已自评项目个数",
  staffActual: "在职人数",
  staffQuota: "编制人数",
  keyExpenditure: "重点项目支出",
  functions: "部门职能",
  organization: "机构设置",
  work: "年度总体工作和重点工作任务",
  leader: "部门负责人",
  preparer: "填报人",
};

/** Splits `部门名称：佛山市…（公章）` into label and value. */
function splitLabelValue(text: string): { label: string; value: string } | null {
  const m = /^([^:：]{2,20})[:：]\s*(.+)$/.exec(text.trim());
  // A colon inside brackets is the label's own: `“三公”经费预算数（单位：元）`.
  if (!m || /[(（][^)）]*$/.test(m[1])) return null;
  return { label: m[1], value: m[2].trim() };
}

/** A unit closing a label: `（元）`, `（单位：元）`, `(%)`. */
const LABEL_UNIT = new RegExp(`[(（](?:单位:?)?(${UNIT_WORDS}|%|％|人|个|项)[)）]$`);

function stripUnit(label: string): { label: string; unit?: string } {
  const m = LABEL_UNIT.exec(label);
  return m ? { label: label.slice(0, m.index), unit: m[1] } : { label };
}

/** What a cell's text is as a label: `label：value` split, its unit, and the keys it names. */
interface CellLabel {
  inline: { label: string; value: string } | null;
  unit?: string;
  /** The keys whose label it is, in the order of INFO_LABELS. */
  keys: InfoKey[];
}

/** Cell texts read as labels: the same labels come back in every sheet and workbook. */
const cellLabels = new Map<string, CellLabel>();
function labelOf(text: string): CellLabel {
  const known = cellLabels.get(text);
  if (known) return known;
  if (cellLabels.size >= 50_000) cellLabels.clear();
  const inline = splitLabelValue(text);
  const { label, unit } = stripUnit(normalizeLabel(inline ? inline.label : text));
  const keys = (Object.keys(INFO_LABELS) as InfoKey[]).filter((k) => INFO_LABELS[k].test(label));
  const read: CellLabel = { inline, unit, keys };
  cellLabels.set(text, read);
  return read;
}

export interface InfoHit {
  sheet: string;
  row: number;
  column: number;
  /** Value location (may be the label cell itself for `label：value`). */
  valueRow: number;
  valueColumn: number;
  inline?: string;
  unit?: string;
}

/** Keys whose value is words (a name, a paragraph), never a figure. */
const WORDED: ReadonlySet<InfoKey> = new Set<InfoKey>([
  "department",
  "city",
  "rateBase",
  ...NARRATIVE_KEYS,
]);

/**
 * A figure's definition or source rather than its value (`决算数÷调整预算数`, `第三方问卷调查`
 * in a notes block under a table): passed over, so the label is looked for elsewhere and never
 * read as a bad figure. A short word (`八成`, `很满意`) is a figure mistyped, and said.
 */
function definesFigure(key: InfoKey, value: CellValue): boolean {
  if (WORDED.has(key) || typeof value !== "string") return false;
  return (
    /[÷×＝=]|[\u4e00-\u9fa5].*[/／]/.test(value) || (value.length > 6 && !/[\d０-９]/.test(value))
  );
}

/** A column headed 说明 / 备注 (in the sheet's top rows) holds notes, never a value. */
function noteColumnsOf(grid: Grid): Set<number> {
  const columns = new Set<number>();
  const lastRow = Math.min(grid.bottom, grid.top + 5);
  for (let column = grid.left; column <= grid.right; column++)
    for (let row = grid.top; row <= lastRow; row++)
      if (/^(说明|备注|填写说明)$/.test(grid.key(row, column))) {
        columns.add(column);
        break;
      }
  return columns;
}

/**
 * Every labelled single value, the first of each: in the top rows of every sheet first (where
 * the tables' headers are looked for), then in the rows below them — a 三公 block under the
 * indicator table of a workbook kept on one sheet.
 */
export function findInfo(
  grids: readonly Grid[],
  tables: readonly TableArea[]
): Map<InfoKey, InfoHit> {
  const hits = new Map<InfoKey, InfoHit>();
  // Only a sheet's own tables (a workbook of 500 forms has 1,000 areas), and its 说明 columns.
  const sheets = grids.map((grid) => ({
    grid,
    areas: tables.filter((a) => a.sheet === grid.name),
    noteColumns: noteColumnsOf(grid),
  }));
  for (const below of [false, true])
    for (const sheet of sheets) {
      const { grid } = sheet;
      const top = Math.min(grid.bottom, grid.top + HEADER_SEARCH_ROWS);
      const [first, last] = below ? [top + 1, grid.bottom] : [grid.top, top];
      for (let row = first; row <= last; row++) labelsOfRow(sheet, row, hits);
    }
  return hits;
}

/** The labels of one row, outside the tables, with their values: added where not found yet. */
/** A sheet as the labels are looked for in it. */
interface LabelSheet {
  grid: Grid;
  areas: readonly TableArea[];
  /** Columns headed 说明 / 备注: notes, never a value. */
  noteColumns: ReadonlySet<number>;
}

function labelsOfRow(sheet: LabelSheet, row: number, hits: Map<InfoKey, InfoHit>): void {
  const { grid, areas } = sheet;
  for (let column = grid.left; column <= grid.right; column++) {
    // A label is text (a list's 序号 and amounts are passed over without being made text).
    if (typeof grid.value(row, column) !== "string") continue;
    const text = grid.text(row, column);
    if (!text || text.length > 40 || inArea(areas, grid.name, row, column)) continue;
    const { inline, unit, keys } = labelOf(text);
    for (const key of keys) {
      if (hits.has(key)) continue;
      if (inline) {
        const at = { valueRow: row, valueColumn: column, inline: inline.value, unit };
        hits.set(key, { sheet: grid.name, row, column, ...at });
        continue;
      }
      const at = valueOf(sheet, row, column, key);
      if (at) hits.set(key, { sheet: grid.name, row, column, ...at, unit });
    }
  }
}

/**
 * Where a label's value is: to its right (past a 说明 column); or, where another label stands
 * there (labels side by side as a header row: 编制人数 | 在职人数), in the cell below it.
 */
function valueOf(
  { grid, noteColumns }: LabelSheet,
  row: number,
  column: number,
  key: InfoKey
): { valueRow: number; valueColumn: number } | null {
  const valueColumn = range(column + 1, Math.min(grid.right, column + 3)).find(
    (c) => !noteColumns.has(c) && grid.value(row, c) !== null
  );
  const right = valueColumn === undefined ? null : grid.value(row, valueColumn);
  if (headerRowAt(grid, row, column) && row < grid.bottom && !isLabel(grid, row + 1, column))
    if (grid.value(row + 1, column) !== null) return { valueRow: row + 1, valueColumn: column };
  if (valueColumn === undefined || isLabel(grid, row, valueColumn) || definesFigure(key, right))
    return null;
  return { valueRow: row, valueColumn };
}

/** Whether the cell is a label of a single value. */
function isLabel(grid: Grid, row: number, column: number): boolean {
  return (
    typeof grid.value(row, column) === "string" && labelOf(grid.text(row, column)).keys.length > 0
  );
}

/**
 * Whether a label stands in a row of labels (a header row): another label next to it, a label
 * alone (`部门名称：某局` beside it is a label with its value, no header).
 */
function headerRowAt(grid: Grid, row: number, column: number): boolean {
  return [column - 1, column + 1].some(
    (c) =>
      c >= grid.left &&
      c <= grid.right &&
      isLabel(grid, row, c) &&
      !labelOf(grid.text(row, c)).inline
  );
}

const CHINESE_DIGITS = "〇一二三四五六七八九";

/** Whether text names the year: `2023`, `2023年`, `2023 年度`, `二〇二三` (or `二零二三`). */
export function namesYear(text: string, year: number): boolean {
  const digits = String(year);
  const plain = toHalfWidth(text);
  if (new RegExp(`(?<!\\d)${digits}(?!\\d)`).test(plain)) return true;
  const chinese = [...digits].map((d) => CHINESE_DIGITS[Number(d)]).join("");
  return plain.replace(/[零○Ｏ]/g, "〇").includes(chinese);
}
