/**
 * Finding the input tables by their header text, wherever they sit: any sheet, any of the
 * top rows, any column order, synonyms, and two-row headers (a merged 预算数 over 年初 / 调整).
 */
import { Dec } from "../model/decimal";
import { UNIT_WORDS, unitFactor } from "../model/units";
import type { AmountUnit } from "../model/input";
import { type Grid, range } from "./grid";
import { TABLE_TITLES, type TableKind } from "./tableTitles";

export type { TableKind };

export interface ColumnSpec {
  key: string;
  /** The canonical header, used in messages and the template. */
  label: string;
  /** Header texts recognised (normalised: half-width, no spaces or quotes). */
  match: RegExp;
  exclude?: RegExp;
}

export interface TableSpec {
  kind: TableKind;
  /** Chinese name, e.g. 部门预算支出明细表. */
  title: string;
  columns: ColumnSpec[];
  /** Column keys of which every group needs at least one match. */
  required: string[][];
  /**
   * Columns whose header may head sub-columns in a two-row header (年初预算数 over 基本支出 |
   * 项目支出 | 合计): read by `subColumnsOf`.
   */
  grouped?: string[];
}

export const tableSpecs: Record<TableKind, TableSpec> = {
  budget: {
    kind: "budget",
    title: TABLE_TITLES.budget,
    columns: [
      {
        key: "label",
        label: "支出类别",
        match: /支出类别|支出项目|^类别$|^科目|^项目$|支出分类/,
        // 科目编码 | 科目名称: the names are the categories, not the codes.
        exclude: /编码|代码|编号/,
      },
      { key: "initial", label: "年初预算数", match: /年初/ },
      {
        key: "adjusted",
        label: "调整预算数",
        // 预算数（调整后） is 预算数 once its bracket is set aside.
        match: /调整|全年预算|变动后|^预算数$/,
        exclude: /调整率|调整幅度|调整(数|金额|额)$|^预算调整$|调增|调减|增减/,
      },
      {
        // The change (预算调整数 = 调整预算数 − 年初预算数), not the adjusted budget.
        key: "adjustment",
        label: "预算调整数",
        match: /调整(数|金额|额)$|^预算调整$|调增|调减|增减/,
      },
      {
        key: "final",
        label: "决算数",
        match: /决算|执行数|实际支出|实际执行|全年支出/,
        exclude: /执行率/,
      },
      { key: "carryOver", label: "上年结转", match: /上年结转|结转结余/ },
    ],
    // 年初预算数 may be missing (a small department's 支出类别 | 全年预算数 | 决算数): the rate
    // still computes; such a table must name a budget category below (isBudgetTable).
    required: [["label"], ["adjusted", "adjustment"], ["final"]],
    grouped: ["initial", "adjusted", "final"],
  },
  indicators: {
    kind: "indicators",
    title: TABLE_TITLES.indicators,
    columns: [
      { key: "level1", label: "一级指标", match: /一级/ },
      { key: "level2", label: "二级指标", match: /二级/ },
      { key: "level3", label: "三级指标", match: /三级/ },
      { key: "name", label: "指标", match: /^指标(名称)?$|^评价指标$|^绩效指标$|^考核指标$/ },
      { key: "max", label: "分值", match: /分值|权重|标准分|满分/ },
      {
        key: "entered",
        label: "自评得分",
        match:
          /自评得分|^得分$|^自评分|^评分$|实际得分|^分数$|^(评价|考评|考核|指标)得分$|^得分情况$/,
        exclude: /说明|依据|原因/,
      },
      { key: "explanation", label: "得分说明", match: /说明|扣分原因|评分依据|备注|扣分理由/ },
      { key: "grade", label: "评价等次", match: /评价等次|^等次$|评价等级|完成等次/ },
    ],
    required: [["level1", "level2", "level3", "name"], ["entered"]],
  },
  projects: {
    kind: "projects",
    title: TABLE_TITLES.projects,
    columns: [
      { key: "name", label: "项目名称", match: /项目名称|^项目$/ },
      { key: "budget", label: "项目预算", match: /预算|资金|金额|安排/, exclude: /执行|支出|决算/ },
      {
        key: "spending",
        label: "实际支出",
        match: /支出|执行数|决算|实际/,
        exclude: /执行率|自评/,
      },
      { key: "evaluated", label: "是否开展自评", match: /是否.*自评|自评情况|已自评|开展自评/ },
      { key: "selfScore", label: "自评得分", match: /自评得分|得分|评分/, exclude: /是否|情况/ },
    ],
    required: [["name"], ["selfScore", "evaluated"]],
  },
  keyTasks: {
    kind: "keyTasks",
    title: TABLE_TITLES.keyTasks,
    columns: [
      { key: "name", label: "工作任务", match: /工作任务|重点工作|任务名称|工作内容|^任务$/ },
      { key: "done", label: "是否完成", match: /是否完成|完成状态|完成与否|^状态$/ },
      { key: "note", label: "完成情况", match: /完成情况|进展情况|完成说明/ },
    ],
    required: [["name"], ["done", "note"]],
  },
  threePublic: {
    kind: "threePublic",
    title: TABLE_TITLES.threePublic,
    columns: [
      {
        key: "label",
        label: "项目",
        match: /三公|^(支出|经费|费用)?项目(名称)?$|^科目(名称)?$|^(支出|费用)?类别$|^名称$|^内容$/,
        exclude: /预算|决算|支出数|执行|上年|金额/,
      },
      // 全年预算数 / 调整预算数 / 预算数; 年初预算数 is read only without one of them.
      { key: "budget", label: "预算数", match: /预算/, exclude: /年初|上年|率/ },
      { key: "initial", label: "年初预算数", match: /年初/, exclude: /上年|率/ },
      {
        key: "actual",
        label: "决算数",
        match: /决算|支出|执行数|实际/,
        exclude: /上年|率|预算|项目|类别/,
      },
      { key: "lastYear", label: "上年决算数", match: /^上年度?.*(决算|支出|执行)/ },
    ],
    required: [["label"], ["budget", "initial"], ["actual"]],
  },
  standard: {
    kind: "standard",
    title: TABLE_TITLES.standard,
    columns: [
      { key: "level1", label: "一级指标", match: /一级/ },
      { key: "level2", label: "二级指标", match: /二级/ },
      { key: "level3", label: "三级指标", match: /三级/ },
      { key: "name", label: "指标", match: /^指标(名称)?$|^评价指标$|^绩效指标$|^考核指标$/ },
      { key: "max", label: "分值", match: /^(指标|标准)?分值$|^权重$|^标准分$|^满分$|^分数$/ },
      {
        key: "rule",
        label: "计分方法",
        match: /计分方法|评分方法|计分规则|计分办法|计分方式|评分规则/,
      },
      { key: "metric", label: "考核内容", match: /考核内容|计分依据|计分数据/ },
      { key: "target", label: "目标值", match: /^目标值$|^目标$|^上限$/ },
      { key: "floor", label: "零分线", match: /零分线/ },
      { key: "full", label: "满分线", match: /满分线/ },
      { key: "deduction", label: "扣分标准", match: /扣分标准|扣分值|^每.*扣分$/ },
      { key: "bands", label: "分档", match: /^分档/ },
      { key: "basis", label: "口径", match: /^口径$|权重口径/ },
      { key: "note", label: "说明", match: /^说明$|^备注$/ },
      { key: "source", label: "来源", match: /^来源$|^依据文件$|^出处$/ },
      { key: "unconfirmed", label: "待核对", match: /待核对/ },
      { key: "aliases", label: "其他名称", match: /其他名称|^别名$|其他写法/ },
    ],
    required: [["level1", "level2", "level3", "name"], ["max"], ["rule"]],
  },
  standardGrades: {
    kind: "standardGrades",
    title: TABLE_TITLES.standardGrades,
    columns: [
      { key: "grade", label: "等级", match: /^(绩效|评价)?等[级次]$/ },
      {
        key: "min",
        label: "最低分",
        match: /最低分|分数线|分数段|^(分数|得分|总分)(下限|区间|范围|段)?$|^分值(区间|范围|段)$/,
      },
      { key: "unconfirmed", label: "待核对", match: /待核对/ },
      { key: "note", label: "说明", match: /^说明$|^备注$|^来源$/ },
    ],
    required: [["grade"], ["min"]],
  },
  standardCaps: {
    kind: "standardCaps",
    title: TABLE_TITLES.standardCaps,
    columns: [
      { key: "below", label: "执行率低于", match: /^(预算|财政支出)?执行率(低于|界限|$)/ },
      { key: "cap", label: "总分最高", match: /总分最高|最高分|封顶|总分上限/ },
      { key: "unconfirmed", label: "待核对", match: /待核对/ },
      { key: "source", label: "来源", match: /^来源$|^说明$/ },
    ],
    required: [["below"], ["cap"]],
  },
  standardSettings: {
    kind: "standardSettings",
    title: TABLE_TITLES.standardSettings,
    columns: [
      { key: "key", label: "设置项", match: /^设置项?$/ },
      { key: "value", label: "取值", match: /^取值$|^值$|^设置值$/ },
      { key: "unconfirmed", label: "待核对", match: /待核对/ },
      { key: "note", label: "说明", match: /^说明$/ },
    ],
    required: [["key"], ["value"]],
  },
  projectFunds: {
    kind: "projectFunds",
    title: TABLE_TITLES.projectFunds,
    columns: [
      { key: "initial", label: "年初预算数", match: /年初预算|^年初数$/ },
      {
        key: "adjusted",
        label: "全年预算数",
        match: /全年预算|调整后预算|调整预算|^预算数$/,
        exclude: /年初/,
      },
      {
        key: "spent",
        label: "全年执行数",
        match: /全年执行|执行数|实际支出|决算数/,
        exclude: /执行率/,
      },
      { key: "max", label: "分值", match: /^分值$|^权重$/ },
      { key: "rate", label: "执行率", match: /执行率/ },
      { key: "entered", label: "得分", match: /^得分$|^自评得分$/ },
      { key: "reason", label: "原因", match: /原因|说明/ },
    ],
    required: [["adjusted"], ["spent"]],
  },
  projectIndicators: {
    kind: "projectIndicators",
    title: TABLE_TITLES.projectIndicators,
    columns: [
      { key: "level1", label: "一级指标", match: /一级/ },
      { key: "level2", label: "二级指标", match: /二级/ },
      { key: "level3", label: "三级指标", match: /三级/ },
      { key: "name", label: "指标名称", match: /^指标名称$|^绩效指标名称$/ },
      {
        key: "target",
        label: "年度指标值",
        match: /年度指标值|^指标值$|^目标值$|年度目标值|计划值/,
      },
      { key: "actual", label: "实际完成值", match: /实际完成值|^完成值$|^实际值$|实际完成情况/ },
      { key: "max", label: "分值", match: /^分值$|^权重$/ },
      { key: "entered", label: "得分", match: /^得分$|^自评得分$/ },
      {
        key: "explanation",
        label: "偏差原因分析及改进措施",
        match: /偏差原因|原因分析|改进措施|未完成原因|^说明$/,
      },
      { key: "grade", label: "评价等次", match: /评价等次|^等次$/ },
    ],
    required: [["level1", "level2", "level3", "name"], ["target"], ["actual"]],
  },
  projectGoal: {
    kind: "projectGoal",
    title: TABLE_TITLES.projectGoal,
    columns: [
      { key: "expected", label: "预期目标", match: /预期目标|年度目标/ },
      { key: "actual", label: "实际完成情况", match: /实际完成情况|完成情况/ },
    ],
    required: [["expected"], ["actual"]],
  },
  settings: {
    kind: "settings",
    title: TABLE_TITLES.settings,
    columns: [
      { key: "key", label: "参数", match: /^参数(路径)?$|^设置项$/ },
      { key: "value", label: "值", match: /^值$|^设置值$|^取值$/ },
      { key: "note", label: "说明", match: /^说明$/ },
    ],
    required: [["key"], ["value"]],
  },
};

export interface FoundTable {
  kind: TableKind;
  sheet: string;
  /** First header row (0-based, absolute). */
  headerRow: number;
  /** Header rows used: 1, or 2 for a two-row header. */
  headerDepth: number;
  /** Matched column index (absolute, 0-based) per column key. */
  columns: Record<string, number>;
  /** Columns whose header heads sub-columns, by key (`columns` holds the first one read). */
  subColumns?: Record<string, SubColumns>;
  /** Amount unit factor to 万元 (1 for 万元, 0.0001 for 元). */
  unitFactor: Dec;
  unitLabel: string;
  /**
   * Where its header and the note above it state different units (`年初预算数（万元）` under
   * `单位：元`): the cell of the one not read and what it says, and the cell of the unit read
   * (the header's first).
   */
  unitConflict?: { cell: string; unit: string; readAt: string };
}

/** A header over sub-columns in a two-row header: 年初预算数 over 基本支出 | 项目支出 | 合计. */
export interface SubColumns {
  /** The header's cell (A1, on the table's sheet): `B3`. */
  header: string;
  /** The header as the sheet shows it: `年初预算数`. */
  text: string;
  /** Each sub-column with its lower header as shown. */
  columns: { column: number; text: string }[];
  /**
   * The sub-columns that make the amount: the 合计 / 小计 / 总计 one; else 基本支出 and
   * 项目支出, added up; none when it cannot be told (the table is then not read).
   */
  read: number[];
}

/** Every column of a table: its matched columns and all their sub-columns. */
export function tableColumns(table: Pick<FoundTable, "columns" | "subColumns">): number[] {
  const subs = Object.values(table.subColumns ?? {}).flatMap((g) => g.columns.map((c) => c.column));
  return [...new Set([...Object.values(table.columns), ...subs])];
}

/** The table's unit for the input model: none when it is kept in 万元. */
export function unitOf(table: FoundTable): { unit?: AmountUnit } {
  return table.unitFactor.equals(1)
    ? {}
    : { unit: { label: table.unitLabel, factor: table.unitFactor } };
}

/** Rows searched for a header from the top of each sheet. */
export const HEADER_SEARCH_ROWS = 40;

function headerTexts(grid: Grid, row: number, depth: number): string[] {
  const texts: string[] = [];
  let carried = "";
  for (let c = grid.left; c <= grid.right; c++) {
    const upper = grid.key(row, c);
    if (depth === 1) {
      texts.push(upper);
      continue;
    }
    const lower = grid.key(row + 1, c);
    // A merged upper cell (e.g. 预算数 over 年初 / 调整) shows its text only in its first column.
    if (upper) carried = upper;
    else if (!lower) carried = "";
    texts.push(lower ? `${upper || carried}${lower}` : upper);
  }
  return texts;
}

/** Header cells are short; longer text (a title, an explanation) is never a header. */
const MAX_HEADER_LENGTH = 20;

/** `得分(分)`, `决算数（万元）` → `得分`, `决算数`: a unit in brackets does not change the column. */
function headerWord(text: string): string {
  return text.replace(/[(（][^()（）]{1,6}[)）]$/, "");
}

/** Every column of every table kind, numbered: a word's matches are kept as one bit each. */
const ALL_COLUMNS: readonly ColumnSpec[] = Object.values(tableSpecs).flatMap((s) => s.columns);
const columnNumber = new Map(ALL_COLUMNS.map((col, i) => [col, i]));

/** A set of column numbers, one bit each (32 to a slot). */
type ColumnBits = number[];
const BIT_SLOTS = Math.ceil(ALL_COLUMNS.length / 32);
function newBits(): ColumnBits {
  const bits: ColumnBits = [];
  for (let i = 0; i < BIT_SLOTS; i++) bits.push(0);
  return bits;
}
/** The bits of a row none of whose words names a column (most rows): shared, never changed. */
const NO_COLUMNS: readonly number[] = newBits();
const hasBit = (bits: readonly number[], i: number) =>
  ((bits[i >> 5] as number) & (1 << (i & 31))) !== 0;

/**
 * The columns a word names, worked out once per word: the same few hundred header words come
 * back in every workbook, and each is tried for every kind.
 */
const namedByWord = new Map<string, readonly number[]>();
function columnsNamedBy(word: string): readonly number[] {
  const known = namedByWord.get(word);
  if (known) return known;
  if (namedByWord.size >= 50_000) namedByWord.clear();
  const bits = newBits();
  let any = false;
  ALL_COLUMNS.forEach((col, i) => {
    if (!col.match.test(word) || col.exclude?.test(word)) return;
    bits[i >> 5] |= 1 << (i & 31);
    any = true;
  });
  // Most words (a figure, a name) name no column: they share the one empty set.
  const named = any ? bits : NO_COLUMNS;
  namedByWord.set(word, named);
  return named;
}

/** A header cell's word (`headerWords`) and the columns it names, worked out once per text. */
interface HeaderWord {
  word: string;
  named: readonly number[];
}
const wordsByText = new Map<string, HeaderWord>();
function headerWordOf(text: string): HeaderWord {
  const known = wordsByText.get(text);
  if (known) return known;
  if (wordsByText.size >= 50_000) wordsByText.clear();
  const word = text.length > MAX_HEADER_LENGTH ? "" : headerWord(text);
  const found = { word, named: word === "" ? NO_COLUMNS : columnsNamedBy(word) };
  wordsByText.set(text, found);
  return found;
}

/** Whether a header word names the column. */
function names(col: ColumnSpec, word: string): boolean {
  if (word === "") return false;
  const i = columnNumber.get(col);
  // A column of no table kind above (none today) is matched as it stands.
  if (i === undefined) return col.match.test(word) && !col.exclude?.test(word);
  return hasBit(columnsNamedBy(word), i);
}

/** A row's header words, and the columns any of them names. */
export interface RowWords {
  words: string[];
  named: readonly number[];
}

/**
 * What the finder worked out about a sheet's rows, kept while the sheet's grid lives (one
 * parse): every table kind is looked for in the same rows, and each kind again from the top
 * after every table found. Arrays are by row from the grid's top; kept on the grid.
 */
export interface RowMemo {
  /** Header words one row deep, and two. */
  words: [RowWords[], RowWords[]];
  /** Per row, a bit for each kind (`kindNumber`) found to have no header there. */
  noTable: number[];
}
function memoOf(grid: Grid): RowMemo {
  grid.finderMemo ??= { words: [[], []], noTable: [] };
  return grid.finderMemo;
}

/** A row's header words (one or two rows deep), worked out once per parse. */
function headerWords(grid: Grid, row: number, depth: number): RowWords {
  const inGrid = row >= grid.top && row <= grid.bottom;
  const known = inGrid ? memoOf(grid).words[depth - 1][row - grid.top] : undefined;
  if (known) return known;
  const words = headerTexts(grid, row, depth);
  let named: ColumnBits | null = null;
  for (let i = 0; i < words.length; i++) {
    const text = words[i] as string;
    if (text === "") continue;
    const header = headerWordOf(text);
    words[i] = header.word;
    if (header.named === NO_COLUMNS) continue;
    named ??= newBits();
    for (let slot = 0; slot < BIT_SLOTS; slot++) named[slot] |= header.named[slot] as number;
  }
  const found = { words, named: named ?? NO_COLUMNS };
  if (inGrid) memoOf(grid).words[depth - 1][row - grid.top] = found;
  return found;
}

/**
 * Each column of the spec at the first word naming it; in a two-row header, a column whose
 * upper and lower words together name nothing may be named by its lower word alone (自评情况
 * over 得分 and 扣分原因; 计分参数 over 目标值 and 分档).
 */
function matchColumns(
  spec: TableSpec,
  words: string[],
  left: number,
  lower?: readonly string[]
): Record<string, number> {
  const taken = new Set<number>();
  const columns: Record<string, number> = {};
  for (const col of spec.columns) {
    let index = words.findIndex((t, i) => !taken.has(i) && names(col, t));
    if (index < 0 && lower) index = lower.findIndex((t, i) => !taken.has(i) && names(col, t));
    if (index >= 0) {
      taken.add(index);
      columns[col.key] = left + index;
    }
  }
  return columns;
}

/** Each kind's required groups as column numbers. */
const requiredNumbers = new Map(
  Object.values(tableSpecs).map((spec) => [
    spec,
    spec.required.map((group) =>
      group.map((key) => columnNumber.get(spec.columns.find((c) => c.key === key) as ColumnSpec))
    ),
  ])
);

/**
 * Whether every required group has a column some word could match, words not yet shared out:
 * a row that fails this fails `matchColumns` too, and most rows of a sheet are no header of
 * most kinds, so the full match is made for few rows.
 */
function mayMatch(spec: TableSpec, words: RowWords, lower?: RowWords): boolean {
  const groups = requiredNumbers.get(spec);
  // A spec of no table kind above (none today): the full match decides.
  if (!groups) return true;
  return groups.every((group) =>
    group.some(
      (i) =>
        i !== undefined &&
        (hasBit(words.named, i) || (lower !== undefined && hasBit(lower.named, i)))
    )
  );
}

function satisfied(spec: TableSpec, columns: Record<string, number>): boolean {
  return spec.required.every((group) => group.some((key) => key in columns));
}

const UNIT_NOTE = new RegExp(
  `单位[:：]?\\s*(?:人民币)?(${UNIT_WORDS})|[(（](?:人民币)?(${UNIT_WORDS})[)）]`
);

/**
 * The table's unit: a 单位：万元 / 元 note in its header cells, else the nearest above it — within
 * 3 rows, as before, or up to 8 across rows without figures (a project form's 项目名称 and
 * 主管部门 lines sit between its note and its funds header; a row with a figure is another
 * table's, or a labelled value's, whose unit is its own). In each row, a note over the table's
 * own columns (the first of `spans`) comes before one beside them (another table's, on a sheet
 * of two side by side). Another unit stated over its own columns, in a header cell or the note
 * above, is its `unitConflict`.
 */
function findUnit(
  grid: Grid,
  headerRow: number,
  depth: number,
  spans: readonly Span[]
): Pick<FoundTable, "unitFactor" | "unitLabel" | "unitConflict"> {
  const read = unitStatedNear(grid, headerRow, depth, spans);
  if (!read) return { unitFactor: new Dec(1), unitLabel: "万元" };
  const factor = unitFactor(read.unit);
  const own = spans.slice(0, 1);
  const stated = [
    ...range(headerRow, headerRow + depth - 1).flatMap((r) => unitsIn(grid, r, own)),
    ...unitsAbove(grid, headerRow, own),
  ];
  const other = stated.find((s) => !unitFactor(s.unit).equals(factor));
  const cell = (u: UnitStated) => grid.address(u.row, u.column);
  return {
    unitFactor: factor,
    unitLabel: read.unit,
    ...(other ? { unitConflict: { cell: cell(other), unit: other.unit, readAt: cell(read) } } : {}),
  };
}

/** A unit a cell states (`单位：元`, `决算数（万元）`), with its cell. */
interface UnitStated {
  unit: string;
  row: number;
  column: number;
}

/** The units the cells of row `r` state within `spans`, left to right. */
function unitsIn(grid: Grid, r: number, spans: readonly Span[]): UnitStated[] {
  const out: UnitStated[] = [];
  if (grid.filledIn(r) === 0) return out;
  for (const span of spans)
    for (let c = span.left; c <= span.right; c++) {
      const m = UNIT_NOTE.exec(grid.key(r, c));
      if (m) out.push({ unit: (m[1] ?? m[2]) as string, row: r, column: c });
    }
  return out;
}

/**
 * The units the nearest row above `row` that states one states within `spans`: within 3 rows,
 * or up to 8 across rows without figures (`findUnit`).
 */
function unitsAbove(grid: Grid, row: number, spans: readonly Span[]): UnitStated[] {
  for (let r = row - 1; r >= Math.max(grid.top, row - 8); r--) {
    if (r < row - 3 && grid.numbersIn(r) > 0) break;
    const units = unitsIn(grid, r, spans);
    if (units.length > 0) return units;
  }
  return [];
}

/**
 * The unit a note near `row` states (`单位：元`, a header `金额（元）`): in rows `row` … `row +
 * depth − 1`, else the nearest above as `findUnit` says; null when none does. Each row is read
 * in `spans` of columns in turn (the whole row by default).
 */
export function unitNoteNear(
  grid: Grid,
  row: number,
  depth = 1,
  spans: readonly Span[] = [{ left: grid.left, right: grid.right }]
): string | null {
  return unitStatedNear(grid, row, depth, spans)?.unit ?? null;
}

/** `unitNoteNear`, with the cell stating the unit. */
function unitStatedNear(
  grid: Grid,
  row: number,
  depth: number,
  spans: readonly Span[]
): UnitStated | null {
  for (let r = row; r <= row + depth - 1; r++) {
    const unit = unitsIn(grid, r, spans)[0];
    if (unit) return unit;
  }
  return unitsAbove(grid, row, spans)[0] ?? null;
}

/**
 * The unit a header above `row` in `column` states (`金额（元）`), the nearest within 20 rows —
 * never one beyond a table found above (`areas`: its unit is its own).
 */
export function unitInColumnAbove(
  grid: Grid,
  row: number,
  column: number,
  areas: readonly TableArea[] = []
): string | null {
  for (let r = row - 1; r >= Math.max(grid.top, row - 20); r--) {
    if (inArea(areas, grid.name, r, column)) return null;
    const m = UNIT_NOTE.exec(grid.key(r, column));
    if (m) return (m[1] ?? m[2]) as string;
  }
  return null;
}

const SUB_TOTAL = /合计|小计|总计/;
const SUB_PARTS = /^(基本|项目)支出$/;

/**
 * The sub-columns under the headers of `spec.grouped` in a two-row header at `row`: a header
 * (merged across its sub-columns, or repeated over each) that names the column on its own,
 * over lower words none of which names a column (预算数 over 年初 | 调整 is two columns, not
 * one with sub-columns). `columns` is moved to the first sub-column read.
 */
function subColumnsOf(
  grid: Grid,
  row: number,
  spec: TableSpec,
  columns: Record<string, number>,
  span: Span
): Record<string, SubColumns> {
  const upper = (c: number) => grid.key(row, c);
  const lower = (c: number) => grid.key(row + 1, c);
  const groups: Record<string, SubColumns> = {};
  for (const key of spec.grouped ?? []) {
    const at = columns[key];
    if (at === undefined || !lower(at)) continue;
    let from = at;
    while (from > span.left && !upper(from) && lower(from - 1)) from--;
    const word = upper(from);
    const col = spec.columns.find((c) => c.key === key) as ColumnSpec;
    if (!names(col, headerWord(word))) continue;
    while (from > span.left && upper(from - 1) === word && lower(from - 1)) from--;
    let to = from;
    while (to < span.right && lower(to + 1) && [word, ""].includes(upper(to + 1))) to++;
    if (to === from) continue;
    const subs = range(from, to).map((c) => ({ column: c, word: headerWord(lower(c)) }));
    if (subs.some((s) => spec.columns.some((c) => names(c, s.word)))) continue;
    const total = subs.find((s) => SUB_TOTAL.test(s.word));
    const read = total
      ? [total.column]
      : subs.every((s) => SUB_PARTS.test(s.word))
        ? subs.map((s) => s.column)
        : [];
    groups[key] = {
      header: grid.address(row, from),
      text: grid.text(row, from),
      columns: subs.map((s) => ({ column: s.column, text: grid.text(row + 1, s.column) })),
      read,
    };
    if (read.length > 0) columns[key] = read[0] as number;
  }
  return groups;
}

/** Each table kind's bit in `RowMemo.noTable`. */
const kindNumber = new Map(Object.values(tableSpecs).map((spec, i) => [spec, i]));

/** Columns `left` … `right` of a row (absolute, 0-based). */
export interface Span {
  left: number;
  right: number;
}

const wholeRow = (grid: Grid): Span => ({ left: grid.left, right: grid.right });
const coversRow = (grid: Grid, span: Span) => span.left <= grid.left && span.right >= grid.right;

/**
 * The table of a kind whose header starts at `row`, or null: across the row, or within `span`
 * (the columns beside tables found already). A row found to head none across the whole of it is
 * remembered: each kind is looked for again from the top after every table found.
 */
export function tableAt(
  grid: Grid,
  row: number,
  spec: TableSpec,
  span: Span = wholeRow(grid)
): FoundTable | null {
  if (!coversRow(grid, span)) return readTableAt(grid, row, spec, span);
  const kind = kindNumber.get(spec);
  const bit = kind === undefined ? 0 : 1 << kind;
  const inGrid = bit !== 0 && row >= grid.top && row <= grid.bottom;
  const none = inGrid ? memoOf(grid).noTable : [];
  if (((none[row - grid.top] ?? 0) & bit) !== 0) return null;
  const table = readTableAt(grid, row, spec, span);
  if (!table && inGrid) none[row - grid.top] = (none[row - grid.top] ?? 0) | bit;
  return table;
}

/** A header as matched: its columns, depth (1 or 2) and sub-columns. */
interface HeaderMatch {
  columns: Record<string, number>;
  depth: number;
  subColumns?: Record<string, SubColumns>;
}

/** Cells of `row` within `span` that hold a value (`numbers`: a number). */
function filledWithin(grid: Grid, row: number, span: Span, numbers: boolean): number {
  if (coversRow(grid, span)) return numbers ? grid.numbersIn(row) : grid.filledIn(row);
  let n = 0;
  for (let c = span.left; c <= span.right; c++) {
    const v = grid.value(row, c);
    if (v !== null && (!numbers || typeof v === "number")) n++;
  }
  return n;
}

/** A row's header words within `span` (the columns any word of the whole row names). */
function wordsWithin(grid: Grid, span: Span, all: RowWords): RowWords {
  if (coversRow(grid, span)) return all;
  const words = all.words.slice(span.left - grid.left, span.right - grid.left + 1);
  return { words, named: all.named };
}

/** The best header of the kind at `row` within `span`: one row deep or two (`maxDepth`). */
function headerWithin(
  grid: Grid,
  row: number,
  spec: TableSpec,
  span: Span,
  maxDepth = 2
): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  for (let depth = 1; depth <= maxDepth; depth++) {
    // A two-row header: the upper row has several labels (a title row has one), the lower row
    // holds labels only (a row with numbers is data).
    if (
      depth === 2 &&
      (row + 1 > grid.bottom ||
        filledWithin(grid, row + 1, span, true) > 0 ||
        filledWithin(grid, row, span, false) < 2)
    )
      continue;
    const upperAll = headerWords(grid, row, depth);
    const lowerAll = depth === 2 ? headerWords(grid, row + 1, 1) : undefined;
    if (!mayMatch(spec, upperAll, lowerAll)) continue;
    const words = wordsWithin(grid, span, upperAll);
    const lower = lowerAll && wordsWithin(grid, span, lowerAll);
    const columns = matchColumns(spec, words.words, span.left, lower?.words);
    if (!satisfied(spec, columns)) continue;
    // Headers over sub-columns make the two-row reading the table's, columns counted or not.
    const subColumns =
      depth === 2 && spec.grouped ? subColumnsOf(grid, row, spec, columns, span) : {};
    const grouped = Object.keys(subColumns).length > 0;
    if (grouped || !best || Object.keys(columns).length > Object.keys(best.columns).length)
      best = { columns, depth, ...(grouped ? { subColumns } : {}) };
  }
  // Text above a complete one-row header (a form's 年度总体目标 above its 绩效指标) is no header.
  if (best?.depth === 2) {
    const below = wordsWithin(grid, span, headerWords(grid, row + 1, 1));
    const lower = matchColumns(spec, below.words, span.left);
    if (satisfied(spec, lower) && Object.keys(lower).length >= Object.keys(best.columns).length)
      return null;
  }
  return best;
}

/**
 * `tableAt`, worked out. Where the row holds runs of header cells apart (a blank column between
 * them), a run that heads the table on its own is the table, when another run heads a table
 * too (two tables side by side): its columns are never taken from its neighbour's header.
 */
function readTableAt(grid: Grid, row: number, spec: TableSpec, span: Span): FoundTable | null {
  let whole = headerWithin(grid, row, spec, span);
  if (!whole) return null;
  if (whole.depth === 2 && titleAcrossGap(grid, row, span, whole)) {
    whole = headerWithin(grid, row, spec, span, 1);
    if (!whole) return null;
  }
  const runs = headerRuns(grid, row, whole.depth, span);
  for (const run of runs.length > 1 ? runs : []) {
    const own = headerWithin(grid, row, spec, run);
    if (own && runs.some((other) => other !== run && headsAnyTable(grid, row, other)))
      return foundTable(grid, row, spec, own, [run, span]);
  }
  return foundTable(grid, row, spec, whole, [extentOf(grid, row, whole.depth, whole), span]);
}

/**
 * Whether a two-row header takes its columns across a blank column from runs of which one has
 * a single cell in its upper row: a title (`重点项目自评情况` over a 项目清单 beside the indicator
 * table), not the upper row of a header reaching into its neighbour's columns.
 */
function titleAcrossGap(grid: Grid, row: number, span: Span, header: HeaderMatch): boolean {
  const runs = headerRuns(grid, row, 2, span);
  if (runs.length < 2) return false;
  const columns = tableColumns(header);
  const used = runs.filter((run) => columns.some((c) => c >= run.left && c <= run.right));
  return used.length > 1 && used.some((run) => filledWithin(grid, row, run, false) === 1);
}

function foundTable(
  grid: Grid,
  row: number,
  spec: TableSpec,
  header: HeaderMatch,
  unitSpans: readonly Span[]
): FoundTable {
  return {
    kind: spec.kind,
    sheet: grid.name,
    headerRow: row,
    headerDepth: header.depth,
    columns: header.columns,
    ...(header.subColumns ? { subColumns: header.subColumns } : {}),
    ...findUnit(grid, row, header.depth, unitSpans),
  };
}

/** Whether a column is blank in a header and the row below it: a gap between tables. */
function isGap(grid: Grid, row: number, depth: number, column: number): boolean {
  for (let r = row; r <= row + depth; r++) if (grid.value(r, column) !== null) return false;
  return true;
}

/** The runs of columns of `span` between gaps (`isGap`), left to right. */
function headerRuns(grid: Grid, row: number, depth: number, span: Span): Span[] {
  const runs: Span[] = [];
  let start: number | null = null;
  for (let c = span.left; c <= span.right + 1; c++) {
    const gap = c > span.right || isGap(grid, row, depth, c);
    if (!gap && start === null) start = c;
    if (gap && start !== null) {
      runs.push({ left: start, right: c - 1 });
      start = null;
    }
  }
  return runs;
}

/** Whether columns of a row head a table of any kind (tried only where another run is a table). */
function headsAnyTable(grid: Grid, row: number, run: Span): boolean {
  return Object.values(tableSpecs).some((spec) => headerWithin(grid, row, spec, run) !== null);
}

/**
 * The columns a table's header spans on its sheet: its columns, and beside them any not parted
 * from them by a gap (a 备注 it does not read, 考核指标 | 考评得分 after its own) — no second
 * table is looked for there.
 */
function extentOf(
  grid: Grid,
  row: number,
  depth: number,
  header: Pick<FoundTable, "columns" | "subColumns">
): Span {
  const columns = tableColumns(header);
  return spanAround(grid, row, depth, { left: Math.min(...columns), right: Math.max(...columns) });
}

/** `span`, widened to each side up to a gap (`isGap`) or the sheet's edge. */
function spanAround(grid: Grid, row: number, depth: number, span: Span): Span {
  let { left, right } = span;
  while (left > grid.left && !isGap(grid, row, depth, left - 1)) left--;
  while (right < grid.right && !isGap(grid, row, depth, right + 1)) right++;
  return { left, right };
}

/** The columns a table's header spans (`extentOf`): its own, and any not parted from them by a gap. */
export function headerExtent(grid: Grid, table: FoundTable): Span {
  return extentOf(grid, table.headerRow, table.headerDepth, table);
}

/**
 * Finds the first table of a kind across sheets (sheet order, then top to bottom, left to
 * right), outside the tables already found (`taken`), so text in one table never starts
 * another: beside them in the top rows (side by side on one sheet, or on one header row),
 * below them further down. With `after`, a table found before, the search goes on beside it on
 * its header row, right of the columns it spans, then below it (the rows above head none).
 */
export function findTable(
  grids: readonly Grid[],
  spec: TableSpec,
  taken: readonly TableArea[] = [],
  searchRows = HEADER_SEARCH_ROWS,
  after?: FoundTable
): FoundTable | null {
  const start = after
    ? Math.max(
        0,
        grids.findIndex((g) => g.name === after.sheet)
      )
    : 0;
  for (let i = start; i < grids.length; i++) {
    const grid = grids[i] as Grid;
    const lastRow = Math.min(grid.bottom, grid.top + searchRows);
    const own = taken.filter((a) => a.sheet === grid.name);
    const onAfter = after?.sheet === grid.name;
    const firstRow = onAfter ? after.headerRow : grid.top;
    for (let row = firstRow; row <= lastRow; row++) {
      // A table found on the row below is beside this row too: a two-row header here (a title
      // over a 项目清单 beside the indicator table) never reads that table's header for its own.
      const inside = own.filter((a) => row + 1 >= a.top && row <= a.bottom);
      // On the header row of the table found before: right of it only.
      const from =
        onAfter && row === after.headerRow ? headerExtent(grid, after).right + 1 : grid.left;
      if (inside.length === 0 && from === grid.left) {
        const table = tableAt(grid, row, spec);
        if (table) return table;
        continue;
      }
      const beside = inside.length === 0 || row <= grid.top + HEADER_SEARCH_ROWS;
      const spans = beside ? freeSpans(grid, inside, from) : [];
      for (const span of spans) {
        const table = tableAt(grid, row, spec, span);
        if (table) return table;
      }
      // A table as wide as its sheet (a project form), or any below the top rows: over it at once.
      if (spans.length === 0 && inside.length > 0)
        row = Math.max(row, Math.min(...inside.map((a) => a.bottom)));
    }
  }
  return null;
}

/** The areas' columns, each with the columns its header spans beside them (`extentOf`). */
const extents = new WeakMap<TableArea, Span>();
function areaExtent(grid: Grid, area: TableArea): Span {
  let extent = extents.get(area);
  if (!extent) {
    extent = spanAround(grid, area.top, 1, area);
    extents.set(area, extent);
  }
  return extent;
}

/** The columns of a row from `from` on, outside the tables found there (and their extents). */
function freeSpans(grid: Grid, inside: readonly TableArea[], from: number): Span[] {
  const blocked = inside.map((a) => areaExtent(grid, a)).sort((x, y) => x.left - y.left);
  const spans: Span[] = [];
  let left = from;
  for (const b of blocked) {
    if (b.left > left) spans.push({ left, right: b.left - 1 });
    left = Math.max(left, b.right + 1);
  }
  if (left <= grid.right) spans.push({ left, right: grid.right });
  return spans;
}

/** The header words looked for, for a "table not found" message. */
export function describeHeaders(spec: TableSpec, groups = spec.required): string {
  return groups
    .map((group) =>
      group.map((key) => `“${spec.columns.find((c) => c.key === key)?.label ?? key}”`).join("或")
    )
    .join("、");
}

/** The table's area: header to the last row before a blank one, across its matched columns. */
export interface TableArea {
  sheet: string;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The table's data rows: from below its header to before the first row blank in all its columns. */
export function* dataRows(grid: Grid, table: FoundTable): Generator<number> {
  const cols = Object.values(table.columns);
  for (let row = table.headerRow + table.headerDepth; row <= grid.bottom; row++) {
    if (!grid.isBlankRow(row, cols)) {
      yield row;
      continue;
    }
    // An indicator table or a project list may leave a blank row or two between its groups, or
    // head each group in a column it does not read.
    const next = [row + 1, row + 2].find((r) => r <= grid.bottom && !grid.isBlankRow(r, cols));
    if (next === undefined || !continuesTable(grid, table, next)) return;
    row = next - 1;
  }
}

/**
 * Columns whose figures, and whose names, make a row one of the table's: past a blank row, or
 * a category's heading in a column of its own (一、信息化类 in the 序号 column of a 项目清单).
 */
const CONTINUED: Partial<Record<TableKind, { figures: string[]; names: string[] }>> = {
  indicators: { figures: ["max", "entered"], names: ["level1", "level2", "level3", "name"] },
  projects: { figures: ["budget", "spending", "selfScore"], names: ["name"] },
};

/** Whether `row`, after a blank one, is the table's: a name and a figure where the table has them. */
function continuesTable(grid: Grid, table: FoundTable, row: number): boolean {
  const shape = CONTINUED[table.kind];
  if (!shape) return false;
  const at = (keys: string[]) =>
    keys.filter((k) => k in table.columns).map((k) => table.columns[k] as number);
  const named = at(shape.names).some((c) => {
    const text = grid.text(row, c);
    return text !== "" && !/^(注|附|说明|备注|填表说明)/.test(text);
  });
  const figure = at(shape.figures).some((c) => {
    const v = grid.value(row, c);
    return typeof v === "number" || (typeof v === "string" && /^\s*[\d０-９]/.test(v));
  });
  return named && figure;
}

export function tableArea(grid: Grid, table: FoundTable): TableArea {
  const cols = tableColumns(table);
  let bottom = table.headerRow + table.headerDepth - 1;
  for (const row of dataRows(grid, table)) bottom = row;
  return {
    sheet: grid.name,
    top: table.headerRow,
    bottom,
    left: Math.min(...cols),
    right: Math.max(...cols),
  };
}

export function inArea(
  areas: readonly TableArea[],
  sheet: string,
  row: number,
  column: number
): boolean {
  return areas.some(
    (a) =>
      a.sheet === sheet && row >= a.top && row <= a.bottom && column >= a.left && column <= a.right
  );
}

/**
 * Column headings only a table of targets or scores has (年度目标值 | 实际完成值, 分值 | 权重): a
 * label in the rows beneath is an indicator's name, and the figure beside it a target or a
 * 分值, never the department's stated value.
 */
const TABLE_HEADING = /^(年度)?(目标值|指标值)$|^计划值$|^实际完成值$|^分值$|^权重$|^标准分$/;

/**
 * Blocks headed by such a row that no table kind reads (a 绩效目标 sheet of 序号 | 绩效指标 |
 * 年度目标值 | 实际完成值): the heading row — text only, two cells or more, one of them a
 * heading — and the rows beneath it to the first blank one, across the columns they fill.
 * Rows inside `taken` are passed over.
 */
export function headedAreas(grid: Grid, taken: readonly TableArea[]): TableArea[] {
  const out: TableArea[] = [];
  const own = taken.filter((a) => a.sheet === grid.name);
  const lastRow = Math.min(grid.bottom, grid.top + HEADER_SEARCH_ROWS);
  const filled = (row: number) =>
    range(grid.left, grid.right).filter((c) => grid.value(row, c) !== null);
  for (let row = grid.top; row <= lastRow; row++) {
    if (own.some((a) => row >= a.top && row <= a.bottom) || grid.filledIn(row) < 2) continue;
    const cells = filled(row);
    if (cells.length < 2 || cells.some((c) => typeof grid.value(row, c) !== "string")) continue;
    if (!cells.some((c) => TABLE_HEADING.test(headerWord(grid.key(row, c))))) continue;
    let bottom = row;
    let left = Math.min(...cells);
    let right = Math.max(...cells);
    while (bottom < grid.bottom && !grid.isBlankRow(bottom + 1)) {
      bottom++;
      const beneath = filled(bottom);
      left = Math.min(left, ...beneath);
      right = Math.max(right, ...beneath);
    }
    out.push({ sheet: grid.name, top: row, bottom, left, right });
    row = bottom;
  }
  return out;
}
