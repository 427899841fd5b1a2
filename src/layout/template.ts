/**
 * 插入模板: the input sheets a new user fills in, laid out as data. With `data`, the same
 * layout carries a department's figures (the bundled sample is made this way).
 *
 * The sheet contract (what the parser recognises) is documented in README.md; this template
 * is one layout that satisfies it, not the only one.
 */
import { Dec, fixed } from "../model/decimal";
import { BUDGET_CATEGORIES, type DepartmentInput } from "../model/input";
import type { Profile } from "../evaluate/profile";
import { budgetCategoryLabels } from "../evaluate/budget";
import type {
  CellStyle,
  DataValidation,
  LayoutCell,
  LayoutValue,
  SheetLayout,
} from "./sheetLayout";
import { FONT_SIZE, SHEET_FONT, formats, styles } from "./style";

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

function infoSheet(data?: DepartmentInput): SheetLayout {
  const layout = sheet(TEMPLATE_SHEETS.info, [30, 36, 44]);
  title(layout, "部门整体支出绩效自评 · 基本信息", 3);
  const rows: [string, LayoutValue, string | undefined, string][] = [
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
  put(layout, 1, 0, "项目", styles.header);
  put(layout, 1, 1, "内容", styles.header);
  put(layout, 1, 2, "说明", styles.header);
  rows.forEach(([label, value, numberFormat, note], i) => {
    put(layout, i + 2, 0, label, styles.label);
    put(layout, i + 2, 1, value, { ...styles.input, numberFormat });
    put(layout, i + 2, 2, note, { ...styles.note, border: true });
  });
  layout.validations?.push(
    {
      range: { top: 3, left: 1, bottom: 3, right: 1 },
      rule: { kind: "wholeNumber", min: 2000, max: 2100 },
      errorMessage: "请填写四位年份，如 2022",
    },
    {
      range: { top: 5, left: 1, bottom: 5, right: 1 },
      rule: { kind: "decimal", min: 0, max: 2 },
      errorMessage: "请填写 0～200% 之间的百分比",
    },
    {
      range: { top: 9, left: 1, bottom: 9, right: 1 },
      rule: { kind: "decimal", min: 0, max: 1 },
      errorMessage: "请填写 0～100% 之间的百分比",
    }
  );
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

function indicatorSheet(profile: Profile, data?: DepartmentInput): SheetLayout {
  const layout = sheet(TEMPLATE_SHEETS.indicators, [14, 40, 8, 10, 50]);
  title(layout, `${data ? `${data.year} 年度` : ""}部门整体支出绩效自评表`, 5);
  put(layout, 1, 4, `评分标准：${profile.name}`, styles.subtitle);
  ["一级指标", "指标", "分值", "自评得分", "得分说明"].forEach((h, c) =>
    put(layout, 2, c, h, styles.header)
  );
  const rows = profile.indicators.map((d) => {
    const entry = data?.indicators.find((e) => e.name === d.name);
    return {
      level1: d.level1,
      name: d.name,
      max: entry?.max ?? d.max,
      entered: entry?.entered ?? null,
      explanation: entry?.explanation ?? null,
    };
  });
  const extra = (data?.indicators ?? []).filter(
    (e) => !profile.indicators.some((d) => d.name === e.name)
  );
  for (const e of extra)
    rows.push({
      level1: e.level1,
      name: e.name,
      max: e.max ?? new Dec(0),
      entered: e.entered,
      explanation: e.explanation ?? null,
    });
  rows.forEach((r, i) => {
    const row = 3 + i;
    const showLevel1 = i === 0 || rows[i - 1].level1 !== r.level1;
    put(layout, row, 0, showLevel1 ? r.level1 : null, styles.label);
    put(layout, row, 1, r.name, styles.label);
    put(layout, row, 2, r.max.toNumber(), {
      ...styles.cell,
      numberFormat: formats.score,
      horizontal: "center",
    });
    put(layout, row, 3, num(r.entered), {
      ...styles.input,
      numberFormat: formats.score,
      horizontal: "center",
    });
    put(layout, row, 4, r.explanation, { ...styles.input, wrap: true });
    layout.validations?.push({
      range: { top: row, left: 3, bottom: row, right: 3 },
      rule: { kind: "decimal", min: 0, max: r.max.toNumber() },
      errorMessage: `自评得分应在 0～${fixed(r.max, 2)} 分之间`,
    } satisfies DataValidation);
  });
  // Merge each 一级 group's cells in column A.
  let start = 0;
  rows.forEach((r, i) => {
    const endOfGroup = i === rows.length - 1 || rows[i + 1].level1 !== r.level1;
    if (endOfGroup) {
      if (i > start) layout.merges.push({ top: 3 + start, left: 0, bottom: 3 + i, right: 0 });
      start = i + 1;
    }
  });
  const totalRow = 3 + rows.length;
  const sumOf = (getter: (r: (typeof rows)[number]) => Dec | null) =>
    rows.reduce((acc, r) => acc.plus(getter(r) ?? 0), new Dec(0));
  put(layout, totalRow, 0, "合计", { ...styles.total, horizontal: "center" });
  layout.merges.push({ top: totalRow, left: 0, bottom: totalRow, right: 1 });
  put(layout, totalRow, 1, null, styles.total);
  put(
    layout,
    totalRow,
    2,
    sumOf((r) => r.max).toNumber(),
    { ...styles.total, numberFormat: formats.score, horizontal: "center" },
    `SUM(C4:C${totalRow})`
  );
  put(
    layout,
    totalRow,
    3,
    data ? sumOf((r) => r.entered).toNumber() : 0,
    { ...styles.total, numberFormat: formats.score, horizontal: "center" },
    `SUM(D4:D${totalRow})`
  );
  put(layout, totalRow, 4, null, styles.total);
  layout.frozenRows = 3;
  return layout;
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

/** The input sheets, empty (插入模板) or filled with a department's data (samples). */
export function templateLayouts(profile: Profile, data?: DepartmentInput): SheetLayout[] {
  return [
    infoSheet(data),
    budgetSheet(data),
    indicatorSheet(profile, data),
    projectSheet(data),
    keyTaskSheet(data),
  ];
}
