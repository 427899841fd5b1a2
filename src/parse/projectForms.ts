/**
 * 项目支出绩效自评表 (project forms), found by what only a form has: a funds block (年初预算数 ·
 * 全年预算数 · 全年执行数 over a 年度资金总额 row) with, below it, an indicator table holding
 * 年度指标值 and 实际完成值. One form per sheet, or several stacked on one sheet; the sheet's name
 * does not matter. Each form: 项目名称 / 主管部门 / 实施单位, the funds rows, 年度总体目标, the
 * indicator rows, 总分 and 自评等级.
 */
import type { Dec } from "../model/decimal";
import type { DepartmentInput, ProjectForm, ProjectFunds, ProjectFundsRow } from "../model/input";
import { SEAL_WORDS, withoutSeal } from "../model/text";
import { readAmount, readScore, readText, yearInText } from "./cells";
import { type Grid, normalizeLabel, range } from "./grid";
import { type IndicatorPage, isTotalRow, readIndicatorPages } from "./indicatorTable";
import { cellProblem } from "./problems";
import type { FoundInput, Reader } from "./reader";
import {
  type FoundTable,
  type TableArea,
  dataRows,
  tableArea,
  tableAt,
  tableSpecs,
  unitOf,
} from "./tables";

/** The funds rows a form may list, by label. */
const FUND_ROWS: [keyof typeof FUND_TITLES, RegExp][] = [
  ["total", /^(年度资金总额|资金总额|项目资金总额|项目资金合计)/],
  ["fiscal", /^(其中[:：]?)?(当年|本年)?(财政拨款|财政资金|财政补助)/],
  ["carryOver", /^(其中[:：]?)?上年结转/],
  ["special", /^(其中[:：]?)?财政专户/],
  ["own", /^(其中[:：]?)?单位(自有)?资金/],
  ["other", /^(其中[:：]?)?其他资金/],
];
const FUND_TITLES = {
  total: "年度资金总额",
  fiscal: "财政拨款",
  carryOver: "上年结转",
  special: "财政专户管理资金",
  own: "单位资金",
  other: "其他资金",
};

const INFO = {
  name: /^(项目名称|项目)$/,
  // `主管部门（盖章）`: the seal's place in the label is no part of it (normalised: half-width).
  department: new RegExp(`^(主管部门|主管单位|预算部门)(\\((${SEAL_WORDS})\\))?$`),
  unit: new RegExp(`^(实施单位|项目实施单位|执行单位|项目单位)(\\((${SEAL_WORDS})\\))?$`),
  year: /^(年度|评价年度|预算年度|项目年度|实施年度|所属年度)$/,
  grade: /^(自评等级|绩效等级|评价等级|等级)$/,
};

/** Whether a cell holds one of the labels a form's heading rows carry. */
const isLabel = (text: string) => Object.values(INFO).some((p) => p.test(normalizeLabel(text)));

function fundKind(label: string): keyof typeof FUND_TITLES | null {
  const key = normalizeLabel(label);
  return FUND_ROWS.find(([, p]) => p.test(key))?.[0] ?? null;
}

/**
 * The funds block whose header is at `row`: its table and the column of its row labels — the
 * column whose rows under the header are funds rows, one of them 年度资金总额 (first, as in the
 * template, or after its 其中 rows, as many provinces' forms keep it).
 */
function fundsAt(grid: Grid, row: number): { table: FoundTable; labelColumn: number } | null {
  const table = tableAt(grid, row, tableSpecs.projectFunds);
  if (!table) return null;
  const first = table.headerRow + table.headerDepth;
  for (const column of range(grid.left, Math.min(...Object.values(table.columns)) - 1).reverse()) {
    for (let r = first; r <= grid.bottom; r++) {
      const kind = fundKind(grid.text(r, column));
      if (kind === "total") return { table, labelColumn: column };
      if (!kind) break;
    }
  }
  return null;
}

/** `项目名称 | xxx` or `项目名称：xxx` within the rows, by label. */
function labelled(
  grid: Grid,
  top: number,
  bottom: number,
  pattern: RegExp
): { text: string; cell: string } | null {
  for (const row of range(top, bottom)) {
    for (const column of range(grid.left, grid.right)) {
      const raw = grid.text(row, column);
      const inline = /^([^:：]{2,8})[:：]\s*(.+)$/.exec(raw);
      if (inline && pattern.test(normalizeLabel(inline[1])))
        return { text: inline[2].trim(), cell: `${grid.name}!${grid.address(row, column)}` };
      if (!pattern.test(normalizeLabel(raw))) continue;
      const value = range(column + 1, Math.min(grid.right, column + 4)).find(
        (c) => readText({ grid, row, column: c }) !== ""
      );
      // The next label (`主管部门 | | 实施单位 | …` left blank) is no value.
      if (value !== undefined && !isLabel(grid.text(row, value)))
        return {
          text: readText({ grid, row, column: value }),
          cell: `${grid.name}!${grid.address(row, value)}`,
        };
    }
  }
  return null;
}

/** 主管部门 or 实施单位 as named, without the seal's place (`（公章）`); none when that is all. */
const unitName = (found: { text: string } | null): string | undefined =>
  withoutSeal(found?.text ?? "") || undefined;

function fundsRows(grid: Grid, funds: { table: FoundTable; labelColumn: number }, reader: Reader) {
  const { table, labelColumn } = funds;
  const cols = table.columns;
  const rows: (ProjectFundsRow & { kind: string; row: number })[] = [];
  for (let row = table.headerRow + table.headerDepth; row <= grid.bottom; row++) {
    const label = grid.text(row, labelColumn);
    const kind = fundKind(label);
    if (!kind) break;
    const at = (key: string) => `${grid.name}!${grid.address(row, cols[key])}`;
    const amount = (key: string): Dec | null =>
      key in cols
        ? reader.keep(readAmount({ grid, row, column: cols[key] }, table.unitFactor))
        : null;
    rows.push({
      kind,
      row,
      label: label.replace(/^其中[:：]\s*/, "") || FUND_TITLES[kind],
      initial: amount("initial"),
      adjusted: amount("adjusted"),
      spent: amount("spent"),
      cells: {
        label: `${grid.name}!${grid.address(row, labelColumn)}`,
        ...("initial" in cols ? { initial: at("initial") } : {}),
        adjusted: at("adjusted"),
        spent: at("spent"),
      },
    });
  }
  return rows;
}

function readFunds(
  grid: Grid,
  at: { table: FoundTable; labelColumn: number },
  reader: Reader
): { funds: ProjectFunds; last: number } {
  const rows = fundsRows(grid, at, reader);
  const total = rows.find((r) => r.kind === "total") ?? null;
  const cols = at.table.columns;
  const totalRow = total?.row ?? at.table.headerRow + at.table.headerDepth;
  const cell = (key: string) =>
    key in cols ? `${grid.name}!${grid.address(totalRow, cols[key])}` : undefined;
  const score = (key: string) =>
    key in cols ? reader.keep(readScore({ grid, row: totalRow, column: cols[key] })) : null;
  const reason = "reason" in cols ? readText({ grid, row: totalRow, column: cols.reason }) : "";
  const strip = (r: (typeof rows)[number]): ProjectFundsRow => ({
    label: r.label,
    initial: r.initial,
    adjusted: r.adjusted,
    spent: r.spent,
    cells: r.cells,
  });
  return {
    funds: {
      total: total ? strip(total) : null,
      parts: rows.filter((r) => r.kind !== "total").map(strip),
      ...unitOf(at.table),
      max: score("max"),
      entered: score("entered"),
      reason: reason || undefined,
      cells: { max: cell("max"), entered: cell("entered"), reason: cell("reason") },
    },
    last: rows.length > 0 ? rows[rows.length - 1].row : at.table.headerRow,
  };
}

function readGoal(grid: Grid, from: number, to: number): ProjectForm["goal"] {
  for (const row of range(from, to)) {
    const table = tableAt(grid, row, tableSpecs.projectGoal);
    if (!table) continue;
    const below = table.headerRow + table.headerDepth;
    const text = (key: string) => readText({ grid, row: below, column: table.columns[key] });
    return { expected: text("expected"), actual: text("actual") };
  }
  return undefined;
}

/** The indicator table of the form between `from` and `to`. */
function indicatorTableIn(grid: Grid, from: number, to: number): FoundTable | null {
  for (const row of range(from, to)) {
    const table = tableAt(grid, row, tableSpecs.projectIndicators);
    if (table) return table;
  }
  return null;
}

/**
 * A row between two pages of a form's indicator table: a title over the page after
 * (`项目支出绩效自评表（续）`, `绩效指标（续）`, `续表`), its one text in every cell it fills.
 */
function isPageTitle(grid: Grid, row: number): boolean {
  const texts = new Set(range(grid.left, grid.right).map((c) => grid.text(row, c)));
  texts.delete("");
  const [title] = [...texts];
  return texts.size === 1 && /续|自评表/.test(title as string);
}

/** Rows between pages: blank ones and a 续 title, at most this many. */
const BETWEEN_PAGES = 4;

/**
 * Where a page of the indicator table ends — its last row — and the page after it, if any: the
 * header repeated (printed over two pages), right under the page's rows or after a blank row or
 * a 续 title, above `bottom` (the next form). The form's 总分 row ends its last page.
 */
function pageOf(
  grid: Grid,
  table: FoundTable,
  bottom: number
): { last: number; next: FoundTable | null } {
  let last = table.headerRow + table.headerDepth - 1;
  for (const row of dataRows(grid, table)) {
    if (row > bottom) break;
    const next = tableAt(grid, row, tableSpecs.projectIndicators);
    if (next) return { last, next };
    if (isPageTitle(grid, row)) continue;
    if (isTotalRow(grid, table, row)) return { last: Infinity, next: null };
    last = row;
  }
  for (const row of range(last + 1, Math.min(bottom, last + BETWEEN_PAGES + 1))) {
    const next = tableAt(grid, row, tableSpecs.projectIndicators);
    if (next) return { last, next };
    if (!grid.isBlankRow(row) && !isPageTitle(grid, row)) break;
  }
  return { last: Infinity, next: null };
}

/** The pages of a form's indicator table, the first headed by `first`, all above `bottom`. */
function indicatorPages(grid: Grid, first: FoundTable, bottom: number): IndicatorPage[] {
  const pages: IndicatorPage[] = [];
  for (let table: FoundTable | null = first; table;) {
    const { last, next } = pageOf(grid, table, bottom);
    pages.push({ table, last });
    table = next;
  }
  return pages;
}

/** The 总分 row's 得分, its 分值 and that cell (where 分值 not adding to 100 is pointed at). */
function statedTotalOf(
  total: NonNullable<DepartmentInput["statedTotal"]>
): ProjectForm["statedTotal"] {
  const maxCell = total.cells?.max;
  return {
    entered: total.entered,
    cell: total.cells?.entered,
    ...(total.max ? { max: total.max } : {}),
    ...(maxCell ? { maxCell } : {}),
  };
}

/** `（2022 年度）`, `2022年度`, `二〇二二年` alone in a cell: the line under a form's title. */
function yearLine(text: string): number | null {
  const bare = text.replace(/^[（(]\s*|\s*[)）]$/g, "");
  return /年/.test(bare) ? yearInText(bare) : null;
}

/** A form's title naming its year: `2022年度项目支出绩效自评表`. */
const yearTitle = (text: string): number | null =>
  /自评表|评价表/.test(text) ? yearInText(text, false) : null;

/**
 * The year a form states, looked for from its title down to its funds header: a 年度 cell
 * (`年度 | 2022`, `评价年度：2022年`), else the `（2022 年度）` line under the title, else the title.
 */
function formYear(grid: Grid, from: number, to: number): ProjectForm["year"] {
  const label = labelled(grid, from, to, INFO.year);
  const stated = label ? yearInText(label.text) : null;
  if (label && stated !== null) return { value: stated, cell: label.cell };
  for (const read of [yearLine, yearTitle])
    for (const row of range(from, to))
      for (const column of range(grid.left, grid.right)) {
        const value = read(grid.text(row, column));
        if (value !== null) return { value, cell: `${grid.name}!${grid.address(row, column)}` };
      }
  return undefined;
}

interface Anchor {
  grid: Grid;
  funds: { table: FoundTable; labelColumn: number };
  /** First row of the form: its 项目名称 (or title) above the funds block. */
  top: number;
  /** The first row below the form above (its funds header), or the sheet's top. */
  floor: number;
}

/** How far above its 项目名称 a form's title and year line may stand. */
const YEAR_ROWS_ABOVE = 4;

/** Where each form starts: a funds block, its header rows going up to the 项目名称 above it. */
function anchors(grid: Grid): Anchor[] {
  const found: Anchor[] = [];
  for (let row = grid.top; row <= grid.bottom; row++) {
    const funds = fundsAt(grid, row);
    if (!funds) continue;
    const floor = found.length > 0 ? found[found.length - 1].funds.table.headerRow + 1 : grid.top;
    const start = Math.max(floor, row - 8);
    const nameRow = range(start, row - 1).find((r) => labelled(grid, r, r, INFO.name) !== null);
    found.push({ grid, funds, top: nameRow ?? Math.max(floor, row - 2), floor });
    row = funds.table.headerRow + funds.table.headerDepth;
  }
  return found;
}

function readForm(
  anchor: Anchor,
  bottom: number,
  reader: Reader
): { form: ProjectForm; area: TableArea } {
  const { grid, funds: at, top } = anchor;
  const header = at.table.headerRow;
  const name = labelled(grid, top, header, INFO.name);
  const { funds, last } = readFunds(grid, at, reader);
  const indicatorTable = indicatorTableIn(grid, last + 1, bottom);
  const read = indicatorTable
    ? readIndicatorPages(grid, indicatorPages(grid, indicatorTable, bottom), reader)
    : null;
  const formCell = `${grid.name}!${grid.address(header, at.labelColumn)}`;
  if (!name)
    reader.problems.push(
      cellProblem(
        grid.name,
        grid.address(header, at.labelColumn),
        `项目支出绩效自评表（第 ${header + 1} 行起）缺少“项目名称”，以“${grid.name}”代称`,
        "warning"
      )
    );
  if (!indicatorTable)
    reader.problems.push(
      cellProblem(
        grid.name,
        grid.address(header, at.labelColumn),
        `项目支出绩效自评表缺少绩效指标表（表头须含“一级指标”“年度指标值”“实际完成值”）`
      )
    );
  const stated = labelled(grid, last + 1, bottom, INFO.grade);
  // The title and its year line stand above the 项目名称 (`top`), below the form above if any.
  const year = formYear(grid, Math.max(anchor.floor, top - YEAR_ROWS_ABOVE), header - 1);
  const form: ProjectForm = {
    name: name?.text || grid.name,
    ...(year ? { year } : {}),
    department: unitName(labelled(grid, top, header, INFO.department)),
    unit: unitName(labelled(grid, top, header, INFO.unit)),
    sheet: grid.name,
    cell: name?.cell ?? formCell,
    funds,
    goal: readGoal(grid, last + 1, indicatorTable?.headerRow ?? bottom),
    indicators: read?.indicators ?? [],
    hasMax: indicatorTable ? "max" in indicatorTable.columns : false,
    statedTotal: read?.statedTotal ? statedTotalOf(read.statedTotal) : undefined,
    statedGrade: stated ? { text: stated.text, cell: stated.cell } : undefined,
  };
  const right = Math.max(
    grid.left,
    ...Object.values(at.table.columns),
    ...Object.values(indicatorTable?.columns ?? {})
  );
  return { form, area: { sheet: grid.name, top, bottom, left: grid.left, right } };
}

/**
 * A table with 年度指标值 and 实际完成值 outside any form: a project form without its funds block.
 * Said, and set aside, so it is never taken for the department's indicator table.
 */
function orphans(grid: Grid, forms: readonly TableArea[], reader: Reader): TableArea[] {
  const out: TableArea[] = [];
  for (let row = grid.top; row <= grid.bottom; row++) {
    if (forms.some((a) => a.sheet === grid.name && row >= a.top && row <= a.bottom)) continue;
    const table = tableAt(grid, row, tableSpecs.projectIndicators);
    if (!table) continue;
    const area = tableArea(grid, table);
    reader.problems.push(
      cellProblem(
        grid.name,
        grid.address(row, Math.min(...Object.values(table.columns))),
        "这张表有“年度指标值”“实际完成值”，像是项目支出绩效自评表，但上方没有“年度资金总额”行（项目资金），未作为项目评分"
      )
    );
    out.push(area);
    row = area.bottom;
  }
  return out;
}

/** Every project form in the sheets, with the areas they take (never read as department tables). */
export function readProjectForms(
  grids: readonly Grid[],
  reader: Reader
): { forms: ProjectForm[]; areas: TableArea[]; found: FoundInput[] } {
  const forms: ProjectForm[] = [];
  const areas: TableArea[] = [];
  const found: FoundInput[] = [];
  for (const grid of grids) {
    const list = anchors(grid);
    list.forEach((anchor, i) => {
      const bottom = i + 1 < list.length ? list[i + 1].top - 1 : grid.bottom;
      const { form, area } = readForm(anchor, bottom, reader);
      forms.push(form);
      areas.push(area);
      found.push({
        kind: "projectForm",
        title: `项目支出绩效自评表：${form.name}`,
        sheet: grid.name,
        range: `${grid.address(area.top, area.left)}:${grid.address(area.bottom, area.right)}`,
      });
    });
    areas.push(...orphans(grid, areas, reader));
  }
  return { forms, areas, found };
}
