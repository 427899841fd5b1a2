/**
 * 插入模板: the input sheets a new user fills in, laid out as data. With `data`, the same
 * layout carries a department's figures (the bundled sample is made this way).
 *
 * The sheet contract (what the parser recognises) is documented in docs/sheet-contract.md; this template
 * is one layout that satisfies it, not the only one.
 */
import { Dec, fixed } from "../model/decimal";
import { BUDGET_CATEGORIES, type DepartmentInput } from "../model/input";
import { RULE_KINDS } from "../standard/ruleKinds";
import type { Standard } from "../standard/types";
import { budgetCategoryLabels } from "../evaluate/budget";
import type {
  CellStyle,
  DataValidation,
  LayoutCell,
  LayoutValue,
  SheetLayout,
} from "./sheetLayout";
import { FONT_SIZE, SHEET_FONT, formats, rowHeightFor, styles } from "./style";

export const TEMPLATE_SHEETS = {
  info: "基本信息",
  budget: "预算支出",
  indicators: "绩效指标",
  projects: "项目清单",
  keyTasks: "重点工作",
} as const;

const num = (v: Dec | null | undefined): LayoutValue =>
  v === null || v === undefined ? null : v.toNumber();

function sheet(name: string, columnWidths: number[]): SheetLayout {
  return {
    name,
    fontName: SHEET_FONT,
    fontSize: FONT_SIZE,
    cells: [],
    merges: [],
    columnWidths,
    validations: [],
    showGridlines: true,
  };
}

function put(
  layout: SheetLayout,
  row: number,
  column: number,
  value: LayoutValue,
  style?: CellStyle,
  formula?: string
): void {
  const cell: LayoutCell = { row, column, value, style };
  if (formula) cell.formula = formula;
  layout.cells.push(cell);
}

function title(layout: SheetLayout, text: string, width: number): void {
  put(layout, 0, 0, text, styles.title);
  layout.merges.push({ top: 0, left: 0, bottom: 0, right: width - 1 });
  layout.rowHeights = { 0: 28 };
}

type InfoRow = [string, LayoutValue, string | undefined, string];

/** The signatories and the text the 自评报告 draft quotes (一、部门基本情况), last. */
function narrativeRows(data?: DepartmentInput): InfoRow[] {
  const n = data?.narrative ?? {};
  const text = formats.text;
  const paragraphs = "写入自评报告“一、部门基本情况”；一段一行（Alt+Enter 换行），不填则留待填写";
  return [
    ["部门负责人", n.leader ?? null, text, "打印在汇总表和报告的签名处；可不填"],
    ["填报人", n.preparer ?? null, text, "打印在汇总表和报告的签名处；可不填"],
    ["部门职能", n.functions ?? null, text, paragraphs],
    ["机构设置", n.organization ?? null, text, paragraphs],
    ["年度总体工作和重点工作任务", n.work ?? null, text, paragraphs],
  ];
}

/** Rows for the figures the standard's rules need beyond the common ones. */
function neededRows(standard: Standard, data?: DepartmentInput): InfoRow[] {
  const metrics = new Set(standard.indicators.map((d) => d.metric));
  const rows: InfoRow[] = [];
  if (standard.settings.executionRateBase === "adjustedWithCarryOver")
    rows.push([
      "上年结转（万元）",
      num(data?.budget.carryOver),
      formats.amount,
      "执行率口径含上年结转时填写",
    ]);
  if (metrics.has("threePublicChange"))
    rows.push([
      "上年“三公”经费实际支出数（万元）",
      num(data?.threePublic?.lastYear),
      formats.amount,
      "用于“三公”经费变动率",
    ]);
  if (metrics.has("staffControl")) {
    rows.push(["在职人数", num(data?.staffing?.actual), formats.integer, "年末在职人数"]);
    rows.push(["编制人数", num(data?.staffing?.quota), formats.integer, "核定编制数"]);
  }
  if (metrics.has("keyExpenditureShare"))
    rows.push([
      "重点项目支出（万元）",
      num(data?.keyExpenditure?.amount),
      formats.amount,
      "用于重点支出安排率",
    ]);
  return rows;
}

/** The rows every department fills: name, year, city, execution rate, 三公, satisfaction, counts. */
function commonRows(data?: DepartmentInput): InfoRow[] {
  return [
    ["部门名称", data?.department ?? null, formats.text, "与部门决算一致的全称"],
    ["年度", data?.year ?? null, formats.integer, "自评的预算年度，如 2022"],
    ["所属城市", data?.city ?? null, formats.text, "用于选择评分标准，如 佛山市"],
    [
      "财政支出执行率",
      num(data?.budget.officialExecutionRate),
      formats.rate,
      "财政部门通报的执行率；不填则按预算支出表计算",
    ],
    [
      "执行率口径",
      data?.budget.officialRateBase ?? null,
      formats.text,
      "如：含上年结转、仅财政拨款",
    ],
    ["“三公”经费预算数（万元）", num(data?.threePublic?.budget), formats.amount, "全年预算安排"],
    [
      "“三公”经费实际支出数（万元）",
      num(data?.threePublic?.actual),
      formats.amount,
      "全年实际支出",
    ],
    ["满意度", num(data?.satisfaction?.rate), formats.rate, "满意度调查结果，如 95%；无调查可不填"],
    [
      "项目个数",
      data?.projectCounts?.total ?? null,
      formats.integer,
      "本年度项目总数（已填项目清单时可不填）",
    ],
    [
      "已自评项目个数",
      data?.projectCounts?.evaluated ?? null,
      formats.integer,
      "已开展绩效自评的项目数",
    ],
  ];
}

/** What Excel refuses in a 基本信息 value cell, by the row's label. */
const INFO_CHECKS: Record<string, Omit<DataValidation, "range">> = {
  年度: {
    rule: { kind: "wholeNumber", min: 2000, max: 2100 },
    errorMessage: "请填写四位年份，如 2022",
  },
  财政支出执行率: {
    rule: { kind: "decimal", min: 0, max: 2 },
    errorMessage: "请填写 0～200% 之间的百分比",
  },
  满意度: {
    rule: { kind: "decimal", min: 0, max: 1 },
    errorMessage: "请填写 0～100% 之间的百分比",
  },
};

function infoSheet(standard: Standard, data?: DepartmentInput): SheetLayout {
  const layout = sheet(TEMPLATE_SHEETS.info, [30, 36, 44]);
  title(layout, "部门整体支出绩效自评 · 基本信息", 3);
  const rows = [...commonRows(data), ...neededRows(standard, data), ...narrativeRows(data)];
  put(layout, 1, 0, "项目", styles.header);
  put(layout, 1, 1, "内容", styles.header);
  put(layout, 1, 2, "说明", styles.header);
  rows.forEach(([label, value, numberFormat, note], i) => {
    const row = i + 2;
    put(layout, row, 0, label, styles.label);
    put(layout, row, 1, value, { ...styles.input, numberFormat, wrap: true });
    put(layout, row, 2, note, { ...styles.note, border: true });
    // Long text (部门职能 …) wraps in its cell: the row is as tall as it needs.
    if (typeof value === "string" && value.length > 18)
      (layout.rowHeights ??= {})[row] = rowHeightFor(value, 36);
    const check = INFO_CHECKS[label];
    if (check)
      layout.validations?.push({ range: { top: row, left: 1, bottom: row, right: 1 }, ...check });
  });
  layout.frozenRows = 2;
  return layout;
}

function budgetSheet(data?: DepartmentInput): SheetLayout {
  const layout = sheet(TEMPLATE_SHEETS.budget, [30, 16, 16, 16]);
  title(layout, "部门预算支出明细表", 4);
  put(layout, 1, 3, "单位：万元", styles.subtitle);
  ["支出类别", "年初预算数", "调整预算数", "决算数"].forEach((h, c) =>
    put(layout, 2, c, h, styles.header)
  );
  BUDGET_CATEGORIES.forEach((category, i) => {
    const row = 3 + i;
    const source = data?.budget.rows.find((r) => r.category === category);
    const isTotal = category === "total";
    const indent =
      category === "personnel" ||
      category === "publicOperating" ||
      category === "capitalConstruction";
    put(
      layout,
      row,
      0,
      source?.label ?? budgetCategoryLabels[category],
      isTotal
        ? { ...styles.total, horizontal: "center" }
        : { ...styles.label, ...(indent ? {} : { bold: true }) }
    );
    const values = [source?.initial, source?.adjusted, source?.final];
    values.forEach((v, c) =>
      put(layout, row, c + 1, num(v), {
        ...(isTotal ? styles.total : styles.input),
        numberFormat: formats.amount,
      })
    );
  });
  layout.frozenRows = 3;
  layout.validations?.push({
    range: { top: 3, left: 1, bottom: 11, right: 3 },
    rule: { kind: "decimal", min: -1e12, max: 1e12 },
    errorMessage: "请填写数字（单位：万元）",
  });
  return layout;
}

interface IndicatorLine {
  level1: string;
  level2?: string;
  name: string;
  max: Dec;
  entered: Dec | null;
  grade: string | null;
  explanation: string | null;
}

/** The standard's indicators, with the department's entries when there is data. */
function indicatorLines(standard: Standard, data?: DepartmentInput): IndicatorLine[] {
  const entryOf = (name: string) => data?.indicators.find((e) => e.name === name);
  const lines: IndicatorLine[] = standard.indicators.map((d) => {
    const entry = entryOf(d.name);
    return {
      level1: d.level1,
      level2: d.level2,
      name: d.name,
      max: entry?.max ?? d.max,
      entered: entry?.entered ?? null,
      grade: entry?.grade ?? null,
      explanation: entry?.explanation ?? null,
    };
  });
  for (const e of data?.indicators ?? []) {
    if (standard.indicators.some((d) => d.name === e.name)) continue;
    lines.push({
      level1: e.level1,
      level2: e.level2,
      name: e.name,
      max: e.max ?? new Dec(0),
      entered: e.entered,
      grade: e.grade ?? null,
      explanation: e.explanation ?? null,
    });
  }
  return lines;
}

type IndicatorColumn = "level1" | "level2" | "name" | "max" | "entered" | "grade" | "explanation";

/** Columns of the indicator sheet: 二级 only when the standard has a 二级 level, 评价等次 only for 定性 rules. */
function indicatorColumns(
  standard: Standard
): { key: IndicatorColumn; header: string; width: number }[] {
  const twoLevels = standard.indicators.some((d) => d.level2);
  const graded = standard.indicators.some((d) => RULE_KINDS[d.rule.kind].usesGrade);
  return [
    { key: "level1" as const, header: "一级指标", width: 14 },
    ...(twoLevels ? [{ key: "level2" as const, header: "二级指标", width: 18 }] : []),
    { key: "name" as const, header: twoLevels ? "三级指标" : "指标", width: twoLevels ? 30 : 40 },
    { key: "max" as const, header: "分值", width: 8 },
    { key: "entered" as const, header: "自评得分", width: 10 },
    ...(graded ? [{ key: "grade" as const, header: "评价等次", width: 12 }] : []),
    { key: "explanation" as const, header: "得分说明", width: 50 },
  ];
}

function indicatorSheet(standard: Standard, data?: DepartmentInput): SheetLayout {
  const columns = indicatorColumns(standard);
  const col = (key: IndicatorColumn) => columns.findIndex((c) => c.key === key);
  const layout = sheet(
    TEMPLATE_SHEETS.indicators,
    columns.map((c) => c.width)
  );
  const last = columns.length - 1;
  title(layout, `${data ? `${data.year} 年度` : ""}部门整体支出绩效自评表`, columns.length);
  put(layout, 1, last, `评分标准：${standard.name}`, styles.subtitle);
  columns.forEach((c, i) => put(layout, 2, i, c.header, styles.header));
  const rows = indicatorLines(standard, data);
  rows.forEach((r, i) => {
    const row = 3 + i;
    const first = i === 0 || rows[i - 1].level1 !== r.level1;
    put(layout, row, col("level1"), first ? r.level1 : null, styles.label);
    if (col("level2") >= 0) {
      const firstOf2 = first || rows[i - 1].level2 !== r.level2;
      put(layout, row, col("level2"), firstOf2 ? (r.level2 ?? null) : null, styles.label);
    }
    put(layout, row, col("name"), r.name, styles.label);
    put(layout, row, col("max"), r.max.toNumber(), {
      ...styles.cell,
      numberFormat: formats.score,
      horizontal: "center",
    });
    put(layout, row, col("entered"), num(r.entered), {
      ...styles.input,
      numberFormat: formats.score,
      horizontal: "center",
    });
    if (col("grade") >= 0)
      put(layout, row, col("grade"), r.grade, { ...styles.input, horizontal: "center" });
    put(layout, row, col("explanation"), r.explanation, { ...styles.input, wrap: true });
    layout.validations?.push({
      range: { top: row, left: col("entered"), bottom: row, right: col("entered") },
      rule: { kind: "decimal", min: 0, max: r.max.toNumber() },
      errorMessage: `自评得分应在 0～${fixed(r.max, 2)} 分之间`,
    } satisfies DataValidation);
  });
  mergeGroups(
    layout,
    rows.map((r) => r.level1),
    col("level1")
  );
  if (col("level2") >= 0)
    mergeGroups(
      layout,
      rows.map((r) => `${r.level1}/${r.level2 ?? ""}`),
      col("level2")
    );
  totalRow(layout, rows, col);
  layout.frozenRows = 3;
  return layout;
}

/** Merges each run of equal keys (a 一级 or 二级 group) in one column. */
function mergeGroups(layout: SheetLayout, keys: string[], column: number): void {
  let start = 0;
  keys.forEach((key, i) => {
    if (i === keys.length - 1 || keys[i + 1] !== key) {
      if (i > start)
        layout.merges.push({ top: 3 + start, left: column, bottom: 3 + i, right: column });
      start = i + 1;
    }
  });
}

function totalRow(
  layout: SheetLayout,
  rows: IndicatorLine[],
  col: (key: IndicatorColumn) => number
): void {
  const row = 3 + rows.length;
  const sumOf = (get: (r: IndicatorLine) => Dec | null) =>
    rows.reduce((acc, r) => acc.plus(get(r) ?? 0), new Dec(0));
  const total = { ...styles.total, numberFormat: formats.score, horizontal: "center" as const };
  const letter = (c: number) => String.fromCharCode(65 + c);
  put(layout, row, 0, "合计", { ...styles.total, horizontal: "center" });
  for (let c = 1; c < col("max"); c++) put(layout, row, c, null, styles.total);
  layout.merges.push({ top: row, left: 0, bottom: row, right: col("max") - 1 });
  put(
    layout,
    row,
    col("max"),
    sumOf((r) => r.max).toNumber(),
    total,
    `SUM(${letter(col("max"))}4:${letter(col("max"))}${row})`
  );
  const entered = rows.some((r) => r.entered !== null) ? sumOf((r) => r.entered).toNumber() : 0;
  put(
    layout,
    row,
    col("entered"),
    entered,
    total,
    `SUM(${letter(col("entered"))}4:${letter(col("entered"))}${row})`
  );
  for (let c = col("entered") + 1; c < layout.columnWidths.length; c++)
    put(layout, row, c, null, styles.total);
}

function projectSheet(data?: DepartmentInput): SheetLayout {
  const layout = sheet(TEMPLATE_SHEETS.projects, [40, 16, 16, 14, 12]);
  title(layout, "项目清单", 5);
  put(layout, 1, 4, "单位：万元", styles.subtitle);
  ["项目名称", "项目预算", "实际支出", "是否开展自评", "自评得分"].forEach((h, c) =>
    put(layout, 2, c, h, styles.header)
  );
  const projects = data?.projects ?? [];
  projects.forEach((p, i) => {
    const row = 3 + i;
    put(layout, row, 0, p.name, styles.input);
    put(layout, row, 1, num(p.budget), { ...styles.input, numberFormat: formats.amount });
    put(layout, row, 2, num(p.spending), { ...styles.input, numberFormat: formats.amount });
    put(layout, row, 3, p.evaluated ? "是" : "否", { ...styles.input, horizontal: "center" });
    put(layout, row, 4, num(p.selfScore), { ...styles.input, numberFormat: formats.score });
  });
  const last = 3 + Math.max(projects.length, 200) - 1;
  layout.validations?.push(
    {
      range: { top: 3, left: 3, bottom: last, right: 3 },
      rule: { kind: "list", choices: ["是", "否"] },
      errorMessage: "请选择“是”或“否”",
    },
    {
      range: { top: 3, left: 4, bottom: last, right: 4 },
      rule: { kind: "decimal", min: 0, max: 100 },
      errorMessage: "项目自评得分应在 0～100 分之间",
    }
  );
  layout.frozenRows = 3;
  return layout;
}

function keyTaskSheet(data?: DepartmentInput): SheetLayout {
  const layout = sheet(TEMPLATE_SHEETS.keyTasks, [6, 40, 10, 60]);
  title(layout, "年度重点工作任务完成情况", 4);
  ["序号", "工作任务", "是否完成", "完成情况"].forEach((h, c) =>
    put(layout, 1, c, h, styles.header)
  );
  const tasks = data?.keyTasks ?? [];
  tasks.forEach((t, i) => {
    const row = 2 + i;
    put(layout, row, 0, i + 1, { ...styles.cell, horizontal: "center" });
    put(layout, row, 1, t.name, styles.input);
    put(layout, row, 2, t.done === null ? null : t.done ? "是" : "否", {
      ...styles.input,
      horizontal: "center",
    });
    put(layout, row, 3, t.note ?? null, { ...styles.input, wrap: true });
  });
  layout.validations?.push({
    range: { top: 2, left: 2, bottom: 2 + Math.max(tasks.length, 30) - 1, right: 2 },
    rule: { kind: "list", choices: ["是", "否"] },
    errorMessage: "请选择“是”或“否”",
  });
  layout.frozenRows = 2;
  return layout;
}

/** Characters of column width that fit across A4 portrait at full size (0.5 in margins). */
const A4_PORTRAIT_CHARACTERS = 90;

/**
 * A4 page setup for an input sheet: one page wide, portrait unless its columns need landscape,
 * the print area its cells, the header rows repeated (a sheet prints on A4, never on Letter).
 */
function withA4(layout: SheetLayout): SheetLayout {
  const width = layout.columnWidths.reduce((a, b) => a + b, 0);
  const bottom = Math.max(0, ...layout.cells.map((c) => c.row));
  const right = Math.max(layout.columnWidths.length - 1, ...layout.cells.map((c) => c.column));
  return {
    ...layout,
    print: {
      paper: "A4",
      orientation: width > A4_PORTRAIT_CHARACTERS ? "landscape" : "portrait",
      fitToPagesWide: 1,
      printArea: { top: 0, left: 0, bottom, right },
      ...(layout.frozenRows ? { titleRows: { first: 0, last: layout.frozenRows - 1 } } : {}),
      centerFooter: "第 &P 页 共 &N 页",
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
  };
}

/** The input sheets, empty (插入模板) or filled with a department's data (samples). */
export function templateLayouts(standard: Standard, data?: DepartmentInput): SheetLayout[] {
  return [
    infoSheet(standard, data),
    budgetSheet(data),
    indicatorSheet(standard, data),
    projectSheet(data),
    keyTaskSheet(data),
  ].map(withA4);
}
