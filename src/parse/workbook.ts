/**
 * Workbook snapshot → typed department input, with every problem addressed to its cell.
 * Steps: set aside the sheets that are not input (ours, hidden ones, the 评分标准 sheet, read on
 * its own); find the tables by header text (tables.ts); read single values (部门名称, 年度,
 * 财政支出执行率, “三公”经费 …) by their label; read each table.
 */
import { Dec, ZERO } from "../model/decimal";
import { withoutSeal } from "../model/text";
import { unitFactor } from "../model/units";
import type {
  BudgetTable,
  DepartmentInput,
  StatedMetric,
  ThreePublicFunds,
  ThreePublicReading,
} from "../model/input";
import type { MetricId } from "../standard/metrics";
import type { WorkbookSnapshot } from "../hosts/snapshot";
import { SETTINGS_SHEET_NAME } from "../layout/settings";
import { ASSISTANT_SIGNATURE } from "../layout/style";
import { budgetTableRows, isBudgetTable, readBudgetTable } from "./budgetTable";
import { isThreePublicTable, readThreePublicTable } from "./threePublicTable";
import {
  type ThreePublicAcross,
  findThreePublicAcross,
  readThreePublicAcross,
} from "./threePublicAcross";
import { threePublicOf } from "./threePublic";
import { type Read, readAmount, readCount, readRate, readShare, readText, readYear } from "./cells";
import { Grid } from "./grid";
import { readIndicatorParts } from "./indicatorTable";
import {
  INFO_TITLES,
  type InfoHit,
  type InfoKey,
  NARRATIVE_KEYS,
  STATED_METRICS,
  findInfo,
  namesYear,
} from "./info";
import { readKeyTaskTable } from "./keyTaskTable";
import { type InputProblem, cellProblem } from "./problems";
import { readProjectTable } from "./projectTable";
import { type FoundInput, type Reader, newReader } from "./reader";
import { parseSettings } from "./settingsSheet";
import {
  type TitleRow,
  type TitledYear,
  type PlaceInText,
  placeFromTitles,
  placeInText,
  yearFromTitles,
  yearInFileName,
} from "./titles";
import { type TableParts, asTables } from "./tableParts";
import type { readProjectForms } from "./projectForms";
import type { readWorkbookStandards } from "./workbookStandards";
import {
  type FoundTable,
  HEADER_SEARCH_ROWS,
  type TableArea,
  dataRows,
  describeHeaders,
  findTable,
  headedAreas,
  headerExtent,
  inArea,
  tableArea,
  tableColumns,
  tableSpecs,
  unitInColumnAbove,
  unitNoteNear,
  unitOf,
} from "./tables";

export type { FoundInput } from "./reader";

/** The grid of a sheet that was found in `grids`. */
const sheetOf = (grids: readonly Grid[], sheet: string) =>
  grids.find((g) => g.name === sheet) as Grid;

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

/** The department's tables, each of them found once or more. */
type DeptKind = "budget" | "indicators" | "projects" | "keyTasks" | "threePublic";
const DEPT_KINDS: readonly DeptKind[] = [
  "budget",
  "indicators",
  "projects",
  "keyTasks",
  "threePublic",
];

/** A kind's name in the message about two tables of it (工作簿中有 2 张预算支出明细表…). */
const KIND_NAMES: Record<DeptKind, string> = {
  budget: "预算支出明细表",
  indicators: "绩效指标表",
  projects: "项目清单",
  keyTasks: "重点工作任务表",
  threePublic: "“三公”经费表",
};

/**
 * Whether a table the finder took for a kind is one, where its header alone cannot tell: a
 * budget table names a budget category, a “三公”经费表 a 三公 item (项目 | 预算数 | 决算数 may head
 * either, or a list of projects).
 */
const CONFIRM: Partial<Record<DeptKind, (grid: Grid, table: FoundTable) => boolean>> = {
  budget: isBudgetTable,
  threePublic: isThreePublicTable,
};

interface Located {
  /** Every table found, used or not, and the project forms: no labelled value is read in them. */
  areas: TableArea[];
  /** Each kind's tables in the order found: the first as before, then any others. */
  candidates: Record<DeptKind, FoundTable[]>;
  /** A “三公”经费表 laid out across (预算数 and 决算数 each over the items), if there is one. */
  threePublicAcross: ThreePublicAcross | null;
}

/**
 * Tables first, each outside the ones already found, so text in one never starts another: the
 * first of each kind in turn (as always, in the sheets' top rows; then, for a kind not found
 * there, below them), then any further table of a kind (a workbook keeping 2022's and 2023's),
 * set aside as areas too until the year chooses among them.
 */
function locateTables(grids: readonly Grid[], forms: readonly TableArea[]): Located {
  const areas: TableArea[] = [...forms];
  const candidates: Record<DeptKind, FoundTable[]> = {
    budget: [],
    indicators: [],
    projects: [],
    keyTasks: [],
    threePublic: [],
  };
  const gridOf = (t: FoundTable) => sheetOf(grids, t.sheet);
  // Each kind's search goes on below the last table it found: the rows above head none of it.
  const last: Partial<Record<DeptKind, FoundTable>> = {};
  const search = (kind: DeptKind, rows: number) =>
    findTable(grids, tableSpecs[kind], areas, rows, last[kind]);
  const locate = (kind: DeptKind, rows = HEADER_SEARCH_ROWS): boolean => {
    let table = search(kind, rows);
    // A header such as 项目 | 预算数 | 实际支出 over projects is no budget table: search on beyond it.
    const confirm = CONFIRM[kind];
    while (table && confirm && !confirm(gridOf(table), table)) {
      last[kind] = table;
      table = search(kind, rows);
    }
    if (!table) return false;
    last[kind] = table;
    const grid = gridOf(table);
    const area = tableArea(grid, table);
    // The budget table's 合计 may lie past blank rows: its area runs to the last row it reads.
    if (kind === "budget") area.bottom = Math.max(area.bottom, ...budgetTableRows(grid, table));
    areas.push(area);
    candidates[kind].push(table);
    return true;
  };
  for (const kind of DEPT_KINDS) locate(kind);
  // A kind the top rows do not head: looked for further down, outside the tables found (a
  // workbook kept on one long sheet, its key tasks under the indicators at row 60).
  for (const kind of DEPT_KINDS)
    if (candidates[kind].length === 0) locate(kind, Number.POSITIVE_INFINITY);
  for (const kind of DEPT_KINDS) while (candidates[kind].length > 0 && locate(kind));
  const threePublicAcross = findThreePublicAcross(grids, areas);
  if (threePublicAcross) areas.push(threePublicAcross.area);
  // Blocks of targets or 分值 no kind reads (年度目标值 | 实际完成值): areas for the labels too.
  for (const grid of grids) areas.push(...headedAreas(grid, areas));
  return { areas, candidates, threePublicAcross };
}

/** Rows looked at above a table's header for its title (`2023 年度部门预算支出明细表`). */
const TITLE_ROWS = 3;

/**
 * The table's sheet name and its title rows: the text that may name its year. Over a table
 * with another table beside it (any kind, its rows reaching the title rows or the header row),
 * only the text over its own columns: the title over the indicator table is not the title of a
 * small 项目清单 beside it.
 */
function tableTitle(
  grid: Grid,
  table: TableParts,
  areas: readonly TableArea[],
  besideAnother: boolean
): string {
  const first = table[0] as FoundTable;
  const texts = [grid.name];
  const left = besideAnother ? headerExtent(grid, first).left : grid.left;
  const right = besideAnother
    ? headerExtent(grid, table[table.length - 1] as FoundTable).right
    : grid.right;
  for (let row = Math.max(grid.top, first.headerRow - TITLE_ROWS); row < first.headerRow; row++)
    for (let column = left; column <= right; column++)
      if (!inArea(areas, grid.name, row, column)) texts.push(grid.text(row, column));
  return texts.join(" ");
}

type GridOf = (t: FoundTable) => Grid;

/** Whether a table of any kind lies beside `t`, level with its header or the rows above it. */
function besideAnother(t: TableParts, areas: readonly TableArea[], gridOf: GridOf): boolean {
  const first = t[0] as FoundTable;
  const grid = gridOf(first);
  const left = headerExtent(grid, first).left;
  const right = headerExtent(grid, t[t.length - 1] as FoundTable).right;
  return areas.some(
    (a) =>
      a.sheet === first.sheet &&
      a.top <= first.headerRow &&
      a.bottom >= first.headerRow - TITLE_ROWS &&
      (a.right < left || a.left > right)
  );
}

/** A table's data rows, all its parts together. */
function rowCount(t: TableParts, gridOf: GridOf): number {
  let n = 0;
  for (const part of t) {
    const rows = dataRows(gridOf(part), part);
    while (!rows.next().done) n++;
  }
  return n;
}

/**
 * Of 项目清单 the year cannot tell apart, the one with most rows (the full list, not a few
 * projects set out beside the indicator table); null when they are as long (or another kind).
 */
function byMostRows(kind: DeptKind, pool: readonly TableParts[], gridOf: GridOf) {
  if (kind !== "projects") return null;
  const rows = pool.map((t) => rowCount(t, gridOf));
  if (rows.every((n) => n === rows[0])) return null;
  const most = rows.indexOf(Math.max(...rows));
  return {
    chosen: pool[most] as TableParts,
    rows: rows[most],
    others: rows.filter((_, i) => i !== most),
  };
}

/**
 * One table of a kind: the only one, or — found more than once — the one whose sheet name or
 * title names the workbook's 年度, else (项目清单) the longest, else the first; either way a
 * warning names them all. A table split into halves side by side is one (`asTables`): its
 * parts, left first; none found, none.
 */
function chooseTable(
  kind: DeptKind,
  located: Located,
  year: number,
  grids: readonly Grid[],
  problems: InputProblem[]
): TableParts {
  const gridOf = (t: FoundTable) => sheetOf(grids, t.sheet);
  const tables = asTables(located.candidates[kind], gridOf);
  if (tables.length <= 1) return tables[0] ?? [];
  const head = (t: TableParts) => t[0] as FoundTable;
  const at = (t: TableParts) =>
    `${head(t).sheet}!${gridOf(head(t)).address(head(t).headerRow, Math.min(...tableColumns(head(t))))}`;
  const titleOf = (t: TableParts) =>
    tableTitle(gridOf(head(t)), t, located.areas, besideAnother(t, located.areas, gridOf));
  const naming = year > 0 ? tables.filter((t) => namesYear(titleOf(t), year)) : [];
  const longest =
    naming.length === 1 ? null : byMostRows(kind, naming.length > 1 ? naming : tables, gridOf);
  const chosen = (naming.length === 1 ? naming[0] : (longest?.chosen ?? tables[0])) as TableParts;
  const oneSheet = tables.filter((t) => head(t).sheet === head(chosen).sheet).length > 1;
  const name = oneSheet ? at(chosen) : head(chosen).sheet;
  const apart = `无法按年度${year > 0 ? ` ${year} ` : ""}区分`;
  const how =
    naming.length === 1
      ? `按年度 ${year} 采用 ${name}`
      : longest
        ? `${apart}，采用行数最多的一张：${name}（${longest.rows} 行，另${longest.others.length > 1 ? "几" : "一"}张 ${longest.others.join("、")} 行）`
        : `${apart}，采用第一张：${name}`;
  problems.push({
    severity: "warning",
    sheet: head(chosen).sheet,
    message: `工作簿中有 ${tables.length} 张${KIND_NAMES[kind]}（${tables.map(at).join("、")}），${how}。`,
  });
  return chosen;
}

type Cell = { grid: Grid; row: number; column: number };

/** Single values by their label, each recorded where it was found. */
function singleValues(
  grids: readonly Grid[],
  areas: readonly TableArea[],
  reader: Reader,
  found: FoundInput[]
) {
  const info = findInfo(grids, areas);
  const gridOf = (sheet: string) => sheetOf(grids, sheet);
  const cell = (key: InfoKey) => {
    const hit = info.get(key);
    return hit
      ? `${hit.sheet}!${gridOf(hit.sheet).address(hit.valueRow, hit.valueColumn)}`
      : undefined;
  };
  // `label：value` in one cell: the value text is read through a one-cell grid.
  const valueCell = (hit: InfoHit): Cell =>
    hit.inline !== undefined
      ? {
          grid: new Grid({
            name: hit.sheet,
            top: hit.valueRow,
            left: hit.valueColumn,
            values: [[hit.inline]],
          }),
          row: hit.valueRow,
          column: hit.valueColumn,
        }
      : { grid: gridOf(hit.sheet), row: hit.valueRow, column: hit.valueColumn };
  const read = <T>(key: InfoKey, how: (c: Cell) => Read<T>): T | null => {
    const hit = info.get(key);
    if (!hit) return null;
    found.push({
      kind: "info",
      title: INFO_TITLES[key],
      sheet: hit.sheet,
      range: gridOf(hit.sheet).address(hit.row, hit.column),
    });
    return reader.keep(how(valueCell(hit)));
  };
  /** The value as `read` reads it, neither recorded nor its problem kept. */
  const peek = <T>(key: InfoKey, how: (c: Cell) => Read<T>): T | null => {
    const hit = info.get(key);
    return hit ? how(valueCell(hit)).value : null;
  };
  // An amount's unit: in its label (`（元）`), else a note near it (`单位：元`, a `金额（元）` header).
  const unitOfValue = (key: InfoKey): string | undefined => {
    const hit = info.get(key);
    const grid = hit && gridOf(hit.sheet);
    if (!hit || !grid) return undefined;
    return (
      hit.unit ??
      unitNoteNear(grid, hit.row) ??
      unitInColumnAbove(grid, hit.valueRow, hit.valueColumn, areas) ??
      undefined
    );
  };
  const amount = (key: InfoKey): Dec | null =>
    read(key, (c) => readAmount(c, unitFactor(unitOfValue(key))));
  const text = (key: InfoKey) => read(key, (c) => ({ value: readText(c) })) ?? "";
  return { info, cell, read, peek, amount, text, unitOfValue };
}

type Values = ReturnType<typeof singleValues>;

/** 部门职能, 机构设置, 年度工作 and the signatories, where the workbook states them. */
function narrative(v: Values): Pick<DepartmentInput, "narrative"> {
  const found = NARRATIVE_KEYS.filter((k) => v.info.has(k)).map((k) => [k, v.text(k)] as const);
  // A form's footer (`单位负责人： | 填报人： | 联系电话：`) is labels, not names.
  const stated = found.filter(([, text]) => text.trim() !== "" && !/[:：]\s*$/.test(text));
  return stated.length > 0 ? { narrative: Object.fromEntries(stated) } : {};
}

function department(v: Values, problems: InputProblem[]): string {
  // Where the seal goes (`（公章）`, `（盖章）`, `(章)`): no part of the name.
  const name = withoutSeal(v.text("department"));
  if (!name)
    problems.push({
      severity: "error",
      message: "未找到部门名称：请在“基本信息”表中填写“部门名称”",
    });
  return name;
}

/**
 * The 年度: its labelled cell; else a sheet's title (`2022 年度…绩效自评`), recorded as its
 * source; else, as a last resort, the file's name, said as a warning (no cell states it).
 */
function year(
  v: Values,
  grids: readonly Grid[],
  fileName: string | undefined,
  reader: { problems: InputProblem[]; found: FoundInput[] }
): number {
  const stated = v.read("year", readYear);
  if (stated !== null) return stated;
  const titled = yearFromTitles(grids);
  if (titled) {
    const { sheet, range } = titled.title;
    reader.found.push({ kind: "info", title: "年度", sheet, range });
    if (titled.others.length > 0) reader.problems.push(titlesDisagree(titled));
    return titled.year;
  }
  const named = fileName ? yearInFileName(fileName) : null;
  if (named !== null) {
    const why = v.info.has("year") ? "工作簿中的年度无法识别" : "工作簿中未写明年度";
    reader.problems.push({
      severity: "warning",
      message: `年度 ${named} 取自文件名“${fileName}”：${why}，请在“基本信息”表中填写“年度”。`,
    });
    return named;
  }
  if (!v.info.has("year"))
    reader.problems.push({
      severity: "error",
      message: "未找到年度：请在“基本信息”表中填写“年度”（如 2022）",
    });
  return 0;
}

/** Titles that write different years, the workbook having no 年度 cell: which one counts. */
function titlesDisagree({ year, title, others }: TitledYear): InputProblem {
  const where = (t: TitleRow) => `${t.sheet}!${t.range.split(":")[0]}`;
  const listed = others.map((o) => `${where(o.title)} ${o.year}`).join("、");
  return cellProblem(
    title.sheet,
    title.range.split(":")[0] as string,
    `各表标题中的年度不一致（本表 ${year}，${listed}），按 ${year} 年度评分；请在“基本信息”表中填写“年度”。`,
    "warning"
  );
}

/** The year as `year` reads it, quietly: to choose among tables before their messages. */
function peekYear(v: Values, grids: readonly Grid[], fileName: string | undefined): number {
  const named = () => (fileName ? yearInFileName(fileName) : null);
  return v.peek("year", readYear) ?? yearFromTitles(grids)?.year ?? named() ?? 0;
}

/** Where the city was read: a labelled cell (所属城市, 部门名称) or a sheet's title. */
type PlaceRead = PlaceInText & { key?: InfoKey; title?: TitleRow };

/**
 * The 所属城市: its labelled cell (`广东省佛山市` is 佛山市); else the city the department's name
 * starts with (`广东省佛山市南海区…`); else the one a sheet's title names. A listed district or
 * county in any of them (`南海区教育局`) is its city's, said as a warning at its cell.
 */
function cityOf(
  v: Values,
  dept: string,
  grids: readonly Grid[],
  problems: InputProblem[]
): string | undefined {
  const stated = v.text("city").trim();
  const inCell = (key: InfoKey, text: string): PlaceRead | undefined => {
    const place = placeInText(text);
    return place && { ...place, key };
  };
  const place = stated
    ? inCell("city", stated)
    : ((dept ? inCell("department", dept) : undefined) ?? placeFromTitles(grids));
  if (place?.district) problems.push(cityOfDistrict(v, place));
  return place?.city ?? (stated || undefined);
}

/** The warning that a district or county was read as its city, at the cell that names it. */
function cityOfDistrict(v: Values, place: PlaceRead): InputProblem {
  const cell = place.key ? (v.cell(place.key) as string) : "";
  const [sheet, address] = place.title
    ? [place.title.sheet, place.title.range.split(":")[0] as string]
    : [cell.slice(0, cell.lastIndexOf("!")), cell.slice(cell.lastIndexOf("!") + 1)];
  const what = place.key ? INFO_TITLES[place.key] : "标题";
  const { city, district } = place;
  return cellProblem(
    sheet,
    address,
    `${what}中的“${district}”是${city}的区县，按${city}的评分标准评分；不是的，请在“所属城市”中填写本单位所属的市。`,
    "warning"
  );
}

function projectCounts(v: Values, problems: InputProblem[]): DepartmentInput["projectCounts"] {
  const total = v.read("projectTotal", readCount);
  const evaluated = v.read("projectEvaluated", readCount);
  if (total !== null && evaluated !== null && evaluated > total)
    problems.push({
      severity: "error",
      sheet: v.info.get("projectEvaluated")?.sheet,
      message: `${v.cell("projectEvaluated")}：已自评项目 ${evaluated} 个多于项目个数 ${total} 个`,
    });
  if (total === null) return undefined;
  return {
    total,
    evaluated,
    cells: { total: v.cell("projectTotal"), evaluated: v.cell("projectEvaluated") },
  };
}

/** “三公”, satisfaction, staffing, 重点支出 and figures stated outright. */
function activityValues(v: Values): Partial<DepartmentInput> {
  const has = (...keys: InfoKey[]) => keys.some((k) => v.info.has(k));
  const out: Partial<DepartmentInput> = {};
  if (has("threePublicBudget", "threePublicActual", "threePublicLastYear")) {
    const lastYear = v.amount("threePublicLastYear");
    // Kept in 元 (or 千元): its figures are said in that unit, as the sheet shows them.
    const unit = v.unitOfValue("threePublicActual") ?? v.unitOfValue("threePublicBudget");
    // “无”: the department has none of that, which is 0 (a blank stays unknown).
    const none = (key: InfoKey) => (v.text(key).trim() === "无" ? ZERO : null);
    out.threePublic = {
      budget: v.amount("threePublicBudget") ?? none("threePublicBudget"),
      actual: v.amount("threePublicActual") ?? none("threePublicActual"),
      ...(unit && unit !== "万元" ? { unit: { label: unit, factor: unitFactor(unit) } } : {}),
      ...(v.info.has("threePublicLastYear") ? { lastYear } : {}),
      cells: {
        budget: v.cell("threePublicBudget"),
        actual: v.cell("threePublicActual"),
        lastYear: v.cell("threePublicLastYear"),
      },
    };
  }
  if (has("satisfaction"))
    out.satisfaction = {
      rate: v.read("satisfaction", readShare),
      cells: { rate: v.cell("satisfaction") },
    };
  if (has("staffActual", "staffQuota")) {
    const count = (k: InfoKey) => {
      const n = v.read(k, readCount);
      return n === null ? null : new Dec(n);
    };
    out.staffing = {
      actual: count("staffActual"),
      quota: count("staffQuota"),
      cells: { actual: v.cell("staffActual"), quota: v.cell("staffQuota") },
    };
  }
  if (has("keyExpenditure"))
    out.keyExpenditure = { amount: v.amount("keyExpenditure"), cell: v.cell("keyExpenditure") };
  const stated: Partial<Record<MetricId, StatedMetric>> = {};
  for (const id of STATED_METRICS) {
    const value = v.read(`stated:${id}`, readRate);
    if (value !== null) stated[id] = { value, cell: v.cell(`stated:${id}`) };
  }
  if (Object.keys(stated).length > 0) out.statedMetrics = stated;
  return out;
}

/**
 * The readers of the workbook's own 评分标准 sheets and 项目支出绩效自评表: the deferred part of
 * parsing (pipeline/deferredEngine.ts), given to the parser.
 */
export interface DeferredReaders {
  readStandards: typeof readWorkbookStandards;
  readForms: typeof readProjectForms;
}

/** What reading the tables shares: the sheets, the reader (problems) and what was found. */
interface TableReading {
  grids: readonly Grid[];
  gridOf: (table: FoundTable) => Grid;
  reader: Reader;
  found: FoundInput[];
}

type ChosenTables = Record<DeptKind, TableParts>;

/**
 * The 部门预算支出明细表 as the input holds it (rows, unit, and what its columns came to), and
 * the “三公” figures its rows state.
 */
function budgetOf(
  table: FoundTable | undefined,
  r: TableReading
): { budget: BudgetTable; threePublic: ThreePublicReading | null } {
  if (!table) {
    r.reader.problems.push({
      severity: "error",
      message: `未找到部门预算支出明细表：请放置表头包含${describeHeaders(tableSpecs.budget, [["label"], ["initial"], ["adjusted"], ["final"]])}的表格（也可写作：全年预算数、调整后预算数、执行数、实际支出）`,
    });
    return { budget: { rows: [] }, threePublic: null };
  }
  const { found, threePublic, ...read } = readBudgetTable(r.gridOf(table), table, r.reader);
  r.found.push(found);
  return { budget: { ...read, ...unitOf(table) }, threePublic: threePublic ?? null };
}

/** The places other than its labels where the workbook may state “三公”经费. */
interface ThreePublicTables {
  parts: TableParts;
  across: ThreePublicAcross | null;
  inBudget: ThreePublicReading | null;
}

/** `activityValues`, with the “三公” figures of every place that states them (`threePublicFrom`). */
function activityFrom(
  values: Values,
  tables: ThreePublicTables,
  r: TableReading
): Partial<DepartmentInput> {
  const { threePublic: labelled, ...activity } = activityValues(values);
  const threePublic = threePublicFrom(labelled, tables, r);
  return { ...activity, ...(threePublic ? { threePublic } : {}) };
}

/**
 * “三公”经费 as the workbook states it: the labelled figures, else a “三公”经费表, else the
 * budget table's “三公” rows — every other place that states them kept to be checked against.
 */
function threePublicFrom(
  labelled: ThreePublicFunds | undefined,
  tables: ThreePublicTables,
  r: TableReading
): ThreePublicFunds | undefined {
  const table = tables.parts[0];
  const read = table ? readThreePublicTable(r.gridOf(table), table, r.reader) : undefined;
  if (read) r.found.push(read.found);
  const across = tables.across && acrossReading(tables.across, r);
  const readings = [read?.reading, across, tables.inBudget].filter(
    (x): x is ThreePublicReading => !!x
  );
  return threePublicOf(labelled, readings, read?.lastYear);
}

/** A “三公”经费表 laid out across: its reading, and where it was found. */
function acrossReading(table: ThreePublicAcross, r: TableReading): ThreePublicReading | null {
  const grid = sheetOf(r.grids, table.sheet);
  const { top, bottom, left, right } = table.area;
  r.found.push({
    kind: "threePublic",
    title: tableSpecs.threePublic.title,
    sheet: table.sheet,
    range: `${grid.address(top, left)}:${grid.address(bottom, right)}`,
  });
  return readThreePublicAcross(grid, table, r.reader);
}

/** The 绩效指标表 (in one part or more), or the sentence saying it was not found. */
function indicatorsOf(parts: TableParts, r: TableReading) {
  if (parts.length === 0) {
    r.reader.problems.push({
      severity: "error",
      message: `未找到绩效指标表：请放置表头包含${describeHeaders(tableSpecs.indicators)}的表格（也可写作：指标名称、得分、分值/权重）`,
    });
    return undefined;
  }
  const read = readIndicatorParts(parts, r.gridOf, r.reader);
  r.found.push(...read.found);
  return { ...read, hasMax: parts.every((t) => "max" in t.columns) };
}

/** 项目清单 and 重点工作 (each in one part or more), where the workbook has them. */
function listsOf(tables: ChosenTables, r: TableReading) {
  const projects = tables.projects.map((t) => readProjectTable(r.gridOf(t), t, r.reader));
  const keyTasks = tables.keyTasks.map((t) => readKeyTaskTable(r.gridOf(t), t, r.reader));
  r.found.push(...projects.map((p) => p.found), ...keyTasks.map((k) => k.found));
  return {
    projects: projects.flatMap((p) => p.projects),
    keyTasks: keyTasks.flatMap((k) => k.keyTasks),
  };
}

/** The budget figures stated beside the table (财政支出执行率 and its 口径, 上年结转). */
function statedBudget(values: Values) {
  return {
    officialExecutionRate: values.read("officialRate", readRate),
    officialRateBase: values.text("rateBase") || undefined,
    carryOver: values.amount("carryOver"),
    cells: {
      officialExecutionRate: values.cell("officialRate"),
      carryOver: values.cell("carryOver"),
    },
  };
}

/** Each kind's table: a kind found more than once is chosen by the year (2022's and 2023's). */
function chosenTables(
  located: Located,
  values: Values,
  grids: readonly Grid[],
  fileName: string | undefined,
  problems: InputProblem[]
): ChosenTables {
  // The year only where a kind was found more than once: the usual workbook scans no titles.
  const twice = Object.values(located.candidates).some((tables) => tables.length > 1);
  const tablesYear = twice ? peekYear(values, grids, fileName) : 0;
  const choose = (kind: DeptKind) => chooseTable(kind, located, tablesYear, grids, problems);
  return {
    budget: choose("budget"),
    indicators: choose("indicators"),
    projects: choose("projects"),
    keyTasks: choose("keyTasks"),
    threePublic: choose("threePublic"),
  };
}

/** A table whose header and the note above it state different units: said at the note not read. */
function unitConflicts(tables: ChosenTables, problems: InputProblem[]): void {
  for (const table of Object.values(tables).flat()) {
    const conflict = table.unitConflict;
    if (!conflict) continue;
    const text = `注明单位“${conflict.unit}”，与 ${table.sheet}!${conflict.readAt} 注明的“${table.unitLabel}”不一致；${tableSpecs[table.kind].title}按“${table.unitLabel}”读取，请核对后统一单位`;
    problems.push(cellProblem(table.sheet, conflict.cell, text, "warning"));
  }
}

/**
 * The department's workbook read with `readers` for its 评分标准 sheets and project forms: the
 * task pane passes the ones it fetched as their own chunk, parseWorkbook.ts the ones it imports.
 */
export function parseWorkbookWith(
  snapshot: WorkbookSnapshot,
  readers: DeferredReaders
): ParseResult {
  const grids = snapshot.sheets.map((s) => new Grid(s));
  const reader = newReader();
  const { problems } = reader;
  const found: FoundInput[] = [];
  const r: TableReading = {
    grids,
    gridOf: (table) => sheetOf(grids, table.sheet),
    reader,
    found,
  };

  // Not input: sheets this assistant wrote (whatever their name), its settings sheet, hidden
  // sheets, and the 评分标准 sheet (read here, on its own).
  const settingsName = snapshot.ownedSheets?.settings ?? SETTINGS_SHEET;
  const userGrids = grids.filter((g) => g.name !== settingsName && !writtenByAssistant(g));
  const standards = readers.readStandards(userGrids, reader, found);
  const inputGrids = userGrids.filter((g) => !g.hidden && !standards.sheets.has(g.name));

  // Project forms first: their funds and indicator tables are never the department's.
  const forms = readers.readForms(inputGrids, reader);
  found.push(...forms.found);
  const located = locateTables(inputGrids, forms.areas);
  const values = singleValues(inputGrids, located.areas, reader, found);
  const dept = department(values, problems);
  const city = cityOf(values, dept, inputGrids, problems);
  const tables = chosenTables(located, values, inputGrids, snapshot.fileName, problems);
  unitConflicts(tables, problems);
  const { budget, threePublic: inBudget } = budgetOf(tables.budget[0], r);
  const indicatorRead = indicatorsOf(tables.indicators, r);
  const lists = listsOf(tables, r);
  const settingsResult = parseSettings(grids, settingsName, problems);
  if (settingsResult.found) found.push(settingsResult.found);

  const input: DepartmentInput = {
    department: dept,
    year: year(values, inputGrids, snapshot.fileName, { problems, found }),
    city,
    budget: { ...budget, ...statedBudget(values) },
    indicators: indicatorRead?.indicators ?? [],
    indicatorTableHasMax: indicatorRead?.hasMax,
    ...lists,
    projectCounts: projectCounts(values, problems),
    ...activityFrom(
      values,
      { parts: tables.threePublic, across: located.threePublicAcross, inBudget },
      r
    ),
    ...narrative(values),
    settings: settingsResult.settings,
    statedTotal: indicatorRead?.statedTotal,
    standard: standards.department,
    projectStandard: standards.project,
    ...(forms.forms.length > 0 ? { projectForms: forms.forms } : {}),
  };
  return { input, problems, found, settingsSheet: settingsResult.found?.sheet };
}
