/**
 * The 部门预算支出明细表: rows recognised by their category label, in any order, across a
 * blank row (and a 合计 past up to three), amounts converted to 万元.
 */
import type {
  BudgetCategory,
  BudgetColumn,
  BudgetRow,
  BudgetTable,
  ThreePublicReading,
} from "../model/input";
import { type Dec, ZERO, sum } from "../model/decimal";
import { type Read, readAmount, readText } from "./cells";
import { type Grid, normalizeLabel, range } from "./grid";
import { type InputProblem, cellProblem } from "./problems";
import { type FoundTable, type SubColumns, tableColumns, unitOf } from "./tables";
import {
  type ThreePublicRow,
  readingOf,
  threePublicItemOf,
  threePublicRow,
} from "./threePublicTable";
import { type FoundInput, type Reader, tableFound } from "./reader";
import { isTotalLabel } from "./totalRows";

const CATEGORY_PATTERNS: [BudgetCategory, RegExp][] = [
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
  if (isTotalLabel(key)) return "total";
  for (const [category, pattern] of CATEGORY_PATTERNS) if (pattern.test(key)) return category;
  return null;
}

/** Blank rows a missing 合计 may lie below (a total kept apart from its table). */
const BLANK_ROWS_BEFORE_TOTAL = 3;

/**
 * The table's rows below its header: to 合计 (unless categories follow it: 合计 written first),
 * across a blank row followed by a category not read yet, and across up to three wholly blank
 * rows followed by the 合计 not read yet, with a figure — never into a table below, whose header
 * or title is not blank.
 */
export function budgetTableRows(grid: Grid, table: FoundTable): readonly number[] {
  // Asked for three times of one table (is it a budget table, its area, its reading).
  const known = rowsOfTables.get(table);
  if (known?.grid === grid) return known.rows;
  const rows = readBudgetTableRows(grid, table);
  rowsOfTables.set(table, { grid, rows });
  return rows;
}

/** `budgetTableRows` of the tables already asked about (a found table is never changed). */
const rowsOfTables = new WeakMap<FoundTable, { grid: Grid; rows: readonly number[] }>();

/** `budgetTableRows`, worked out. */
function readBudgetTableRows(grid: Grid, table: FoundTable): number[] {
  const cols = tableColumns(table);
  const amounts = cols.filter((c) => c !== table.columns.label);
  const seen = new Set<BudgetCategory>();
  const categoryAt = (row: number) =>
    row <= grid.bottom ? categoryOf(readText({ grid, row, column: table.columns.label })) : null;
  const unread = (row: number) => {
    const category = categoryAt(row);
    return category !== null && !seen.has(category);
  };
  const threePublicAt = (row: number) =>
    row <= grid.bottom &&
    threePublicItemOf(readText({ grid, row, column: table.columns.label })) !== null;
  /** The row the table goes on at after the blank `row`, or null where it ends. */
  const resume = (row: number): number | null => {
    if (unread(row + 1)) return row + 1;
    // 合计 | (blank) | 其中：“三公”经费 | 基本支出 …: the 合计's 三公 rows, across the blank.
    if (categoryAt(row - 1) === "total" && threePublicAt(row + 1)) return row + 1;
    if (seen.has("total") || !grid.isBlankRow(row)) return null;
    for (let next = row + 1; next <= row + BLANK_ROWS_BEFORE_TOTAL; next++) {
      if (next > grid.bottom) return null;
      if (grid.isBlankRow(next)) continue;
      const figures = amounts.some((c) => grid.value(next, c) !== null);
      return categoryAt(next) === "total" && figures && next > row + 1 ? next : null;
    }
    return null;
  };
  // After the 合计: categories not read yet (合计 written first), or its 其中：“三公”经费 rows,
  // next or past one blank row.
  const ends = (row: number) => {
    const next = grid.isBlankRow(row + 1, cols) ? row + 2 : row + 1;
    return !unread(next) && !threePublicAt(next);
  };
  const rows: number[] = [];
  for (let row = table.headerRow + table.headerDepth; row <= grid.bottom; row++) {
    if (grid.isBlankRow(row, cols)) {
      const next = resume(row);
      if (next === null) break;
      row = next - 1;
      continue;
    }
    rows.push(row);
    const category = categoryAt(row);
    if (category === null) {
      if (seen.has("total") && ends(row)) break;
      continue;
    }
    seen.add(category);
    if (category === "total" && ends(row)) break;
  }
  return rows;
}

/**
 * Whether a table the finder took for the budget is one: with a budget category (not 合计
 * alone) among its rows, or with a 年初预算数 column over no “三公” rows — a list of projects
 * under 项目 | 预算数 | 实际支出 has neither, a “三公”经费表 the latter.
 */
export function isBudgetTable(grid: Grid, table: FoundTable): boolean {
  const rows = budgetTableRows(grid, table);
  const label = (row: number) => readText({ grid, row, column: table.columns.label });
  const names = (row: number) => {
    const category = categoryOf(label(row));
    return category !== null && category !== "total";
  };
  if (rows.some(names)) return true;
  // A “三公”经费 table under 年初预算数 | 调整预算数 | 决算数 is none.
  return "initial" in table.columns && !rows.some((row) => threePublicItemOf(label(row)) !== null);
}

/** What the reader says of the table's columns, for the input model (`BudgetTable`). */
type BudgetColumnsRead = Pick<BudgetTable, "missingColumns" | "adjustedFrom" | "columnsRead">;

const COUNT_WORDS = ["", "一", "两", "三", "四", "五", "六"];

/** Why sub-columns with no 合计 and not 基本支出 + 项目支出 alone cannot be read, in a sentence. */
function refusal(group: SubColumns): string {
  const n = group.columns.length;
  const words = group.columns.map((c) => `“${c.text}”`).join("");
  return `“${group.text}”下分${words}${COUNT_WORDS[n] ?? `${n} `}列而没有“合计”列，无法确定取哪一列，部门预算支出明细表未读取，请增加“合计”列或合并为一列后重新计算。`;
}

/** Which columns make each amount, where sub-columns were involved: `年初预算数取 D 列（合计）`. */
function columnsRead(grid: Grid, table: FoundTable): NonNullable<BudgetTable["columnsRead"]> {
  const letter = (column: number) => grid.address(table.headerRow, column).replace(/\d+$/, "");
  const keys = (["initial", "adjusted", "final"] as const).filter((k) => k in table.columns);
  const parts = keys.map((key) => {
    const group = table.subColumns?.[key];
    const label = budgetColumnLabel[key];
    if (!group) return `${label}取 ${letter(table.columns[key] as number)} 列`;
    const texts = group.read.map((c) => group.columns.find((s) => s.column === c)?.text ?? "");
    return `${label}取 ${group.read.map((c) => `${letter(c)} 列`).join(" + ")}（${texts.join(" + ")}）`;
  });
  const first = Object.values(table.subColumns ?? {})[0] as SubColumns;
  return { text: parts.join("，"), cell: `${grid.name}!${first.header}` };
}

const budgetColumnLabel: Record<BudgetColumn, string> = {
  initial: "年初预算数",
  adjusted: "调整预算数",
  final: "决算数",
};

/** A column's header as the sheet shows it (its lower cell under a two-row header's group). */
function headerOf(grid: Grid, table: FoundTable, key: string): string {
  const column = table.columns[key] as number;
  const rows = range(table.headerRow, table.headerRow + table.headerDepth - 1);
  return (
    rows
      .map((row) => grid.text(row, column))
      .filter((t) => t !== "")
      .pop() ?? ""
  );
}

/**
 * Without a 年初预算数 column, a header cell that speaks of a budget but names no column
 * (`预算`) is said, not passed over in silence: it may be the 年初预算数 under another name.
 */
function unplacedBudgetHeaders(grid: Grid, table: FoundTable, problems: InputProblem[]): void {
  const matched = new Set(Object.values(table.columns));
  for (const row of range(table.headerRow, table.headerRow + table.headerDepth - 1))
    for (const column of range(grid.left, grid.right)) {
      const text = grid.text(row, column);
      if (matched.has(column) || !/预算|年初/.test(text) || text.length > 20) continue;
      problems.push(
        cellProblem(
          grid.name,
          grid.address(row, column),
          `表头“${text}”不能确定是年初预算数还是调整预算数，该列未读取（年初预算数请写作“年初预算数”）`,
          "warning"
        )
      );
    }
}

/** One row's amounts (万元) and their cells; 调整预算数 = 年初预算数 + 预算调整数 where the table lists the change. */
function readAmounts(
  grid: Grid,
  table: FoundTable,
  row: number,
  keep: Reader["keep"]
): Omit<BudgetRow, "category" | "label"> {
  const cols = table.columns;
  const read = (key: string): Read<Dec> => {
    if (!(key in cols)) return { value: null };
    const parts = table.subColumns?.[key]?.read ?? [];
    if (parts.length < 2) return readAmount({ grid, row, column: cols[key] }, table.unitFactor);
    // 基本支出 + 项目支出 in sub-columns: their sum, exactly; a blank part is none.
    const reads = parts.map((column) => readAmount({ grid, row, column }, table.unitFactor));
    const failed = reads.filter((r) => r.problem);
    for (const r of failed.slice(1)) keep(r);
    if (failed.length > 0) return failed[0] as Read<Dec>;
    const values = reads.map((r) => r.value).filter((v): v is Dec => v !== null);
    return { value: values.length === 0 ? null : sum(values) };
  };
  const at = (key: string) => `${grid.name}!${grid.address(row, cols[key])}`;
  const initial = read("initial");
  const derived = !("adjusted" in cols);
  const change = derived ? read("adjustment") : null;
  // Without 年初预算数 a change has nothing to change (said once, in readBudgetTable).
  const adjusted = !change
    ? keep(read("adjusted"))
    : "initial" in cols
      ? adjustedBy(initial, change)
      : null;
  const cells: NonNullable<BudgetRow["cells"]> = {};
  for (const key of ["label", "initial", "adjusted", "final", "carryOver", "adjustment"] as const)
    if (key in cols) cells[key] = at(key);
  // The cell a derived 调整预算数 rests on: the change.
  if (derived) cells.adjusted = cells.adjustment;
  return {
    initial: keep(initial),
    adjusted,
    final: keep(read("final")),
    ...(change ? { adjustment: keep(change) } : {}),
    ...("carryOver" in cols ? { carryOver: keep(read("carryOver")) } : {}),
    cells,
  };
}

/**
 * 年初预算数 + 预算调整数, exactly: a blank change is none (the budget unchanged), a blank
 * 年初预算数 nothing budgeted at first; an unreadable one leaves the sum unknown.
 */
function adjustedBy(initial: Read<Dec>, change: Read<Dec>): Dec | null {
  if (initial.problem || change.problem) return null;
  if (initial.value === null && change.value === null) return null;
  return sum([initial.value ?? ZERO, change.value ?? ZERO]);
}

/**
 * What the header says of columns not read: a header that may be the 年初预算数 under another
 * name, and a 预算调整数 with no 年初预算数 to add it to (no 调整预算数 can be worked out).
 */
function headerProblems(grid: Grid, budgetTable: FoundTable, problems: InputProblem[]): void {
  const cols = budgetTable.columns;
  if (!("initial" in cols)) unplacedBudgetHeaders(grid, budgetTable, problems);
  if (!("initial" in cols) && !("adjusted" in cols))
    problems.push(
      cellProblem(
        grid.name,
        grid.address(budgetTable.headerRow, cols.adjustment),
        `表中列的是“${headerOf(grid, budgetTable, "adjustment")}”而没有年初预算数列，无法得出调整预算数，执行率未按预算表计算`
      )
    );
}

/**
 * The table's rows, one per category: a row whose category is not recognised, or already read,
 * is said and not counted. With the categories read and the last row of the table.
 */
function readBudgetRows(
  grid: Grid,
  budgetTable: FoundTable,
  { keep, problems }: Reader
): {
  budgetRows: BudgetRow[];
  seen: Set<BudgetCategory>;
  last: number;
  threePublic: ThreePublicRow[];
} {
  const budgetRows: BudgetRow[] = [];
  const threePublic: ThreePublicRow[] = [];
  const cols = budgetTable.columns;
  const seen = new Set<BudgetCategory>();
  const labelAt = (row: number) => readText({ grid, row, column: cols.label });
  let last = budgetTable.headerRow + budgetTable.headerDepth - 1;
  for (const row of budgetTableRows(grid, budgetTable)) {
    last = row;
    const label = labelAt(row);
    const category = categoryOf(label);
    const item = category ? null : threePublicItemOf(label);
    if (item) {
      threePublic.push(threePublicRow(grid, budgetTable, row, item, keep, THREE_PUBLIC_KEYS));
      continue;
    }
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
    budgetRows.push({ category, label, ...readAmounts(grid, budgetTable, row, keep) });
  }
  return { budgetRows, seen, last, threePublic };
}

/** The columns of the budget table holding the “三公” figures: the whole year's budget, and 决算数. */
const THREE_PUBLIC_KEYS = { budget: ["adjusted", "initial"], actual: "final" };

/** What the budget table's “三公” rows are called in a message. */
const THREE_PUBLIC_NAMES = {
  total: "预算支出明细表“三公”经费行",
  items: "预算支出明细表“三公”经费各项之和",
};

export function readBudgetTable(
  grid: Grid,
  budgetTable: FoundTable,
  reader: Reader
): {
  rows: BudgetRow[];
  found: FoundInput;
  /** The “三公” figures its rows state (其中：“三公”经费), when it has such rows with figures. */
  threePublic?: ThreePublicReading | null;
} & BudgetColumnsRead {
  const { problems } = reader;
  const cols = budgetTable.columns;
  const groups = Object.entries(budgetTable.subColumns ?? {});
  const unclear = groups.find(([, g]) => g.read.length === 0)?.[1];
  if (unclear) {
    problems.push(cellProblem(grid.name, unclear.header, refusal(unclear)));
    return { rows: [], found: tableFound(budgetTable, grid, budgetTable.headerRow + 1) };
  }
  headerProblems(grid, budgetTable, problems);
  const { budgetRows, seen, last, threePublic } = readBudgetRows(grid, budgetTable, reader);
  if (budgetRows.length > 0 && !seen.has("total")) {
    problems.push({
      severity: "error",
      sheet: grid.name,
      message: `${grid.name}：部门预算支出明细表缺少“合计”行，无法按预算表计算执行率和勾稽关系`,
    });
  }
  return {
    rows: budgetRows,
    found: tableFound(budgetTable, grid, last),
    threePublic: readingOf(threePublic, THREE_PUBLIC_NAMES, unitOf(budgetTable)),
    ...(groups.length > 0 ? { columnsRead: columnsRead(grid, budgetTable) } : {}),
    ...("adjusted" in cols ? {} : { adjustedFrom: headerOf(grid, budgetTable, "adjustment") }),
    ...("initial" in cols ? {} : { missingColumns: ["initial" as const] }),
  };
}
