/**
 * 项目支出绩效自评表 as data, in the national form's layout (财预〔2020〕10号): 项目名称, 主管部门
 * and 实施单位; the funds block (年度资金总额 and 其中 rows × 年初预算数 · 全年预算数 · 全年执行数 ·
 * 分值 · 执行率 · 得分); 年度总体目标; the indicator table (一级 · 二级 · 三级 · 年度指标值 · 实际完成值
 * · 分值 · 得分 · 偏差原因分析及改进措施) with the standard's classes; 总分 and 自评等级. Empty for
 * 插入项目自评表, filled for the samples. parse/projectForms.ts reads exactly this back.
 */
import { type Dec, dec, excelRound, sum } from "../model/decimal";
import { RULE_KINDS } from "../standard/ruleKinds";
import type { Standard } from "../standard/types";
import type { CellStyle, LayoutValue, SheetLayout } from "./sheetLayout";
import { SheetBuilder } from "./sheetBuilder";
import { FONT_SIZE, SHEET_FONT, formats, headerFooterText, rowHeightFor, styles } from "./style";

export interface ProjectFormRow {
  level2: string;
  level3: string;
  target: string;
  actual: string;
  max: number;
  entered: number | null;
  reason?: string;
}

/** What a filled form holds; every field may be left out for a blank form. */
export interface ProjectFormData {
  name: string;
  year?: number;
  department?: string;
  unit?: string;
  funds?: { label: string; initial: Dec | null; adjusted: Dec | null; spent: Dec | null }[];
  executionMax?: number;
  executionEntered?: number | null;
  executionReason?: string;
  goal?: { expected: string; actual: string };
  /** Rows by class (the standard's 一级 name). */
  rows?: Record<string, ProjectFormRow[]>;
  grade?: string;
}

const WIDTHS = [10, 16, 12, 22, 12, 12, 7, 8, 30];
const FUND_LABELS = ["年度资金总额", "其中：财政拨款", "上年结转", "其他资金"];
/** Blank rows per class in an empty form, by the class's 二级 指标. */
const BLANK_ROWS: Record<string, string[]> = {
  产出指标: ["数量指标", "质量指标", "时效指标", "成本指标"],
  效益指标: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"],
  满意度指标: ["服务对象满意度指标"],
};

class Form extends SheetBuilder {
  /** The 年度资金总额 row: its 分值 and 得分 count in the 总分. */
  fundsRow = 0;
}

const cell: CellStyle = { ...styles.cell, wrap: true };
const input: CellStyle = { ...styles.input, wrap: true };
const amount = (v: Dec | null | undefined): LayoutValue => (v == null ? null : v.toNumber());
const letter = (c: number) => String.fromCharCode(65 + c);

function head(f: Form, d: ProjectFormData): void {
  f.put(0, 0, "项目支出绩效自评表", styles.title, 9);
  f.heights[0] = 28;
  f.put(1, 0, `（${d.year ? `${d.year} 年度` : "　　年度"}）`, { horizontal: "center" }, 9);
  f.put(2, 0, "项目名称", styles.label);
  f.put(2, 1, d.name, input, 8);
  f.put(3, 0, "主管部门", styles.label);
  f.put(3, 1, d.department ?? null, input, 3);
  f.put(3, 4, "实施单位", styles.label);
  f.put(3, 5, d.unit ?? null, input, 4);
  f.row = 4;
}

function funds(f: Form, d: ProjectFormData): void {
  const top = f.row;
  [
    "项目资金（万元）",
    null,
    "年初预算数",
    "全年预算数",
    "全年执行数",
    "分值",
    "执行率",
    "得分",
    "偏差原因",
  ].forEach((h, i) => f.put(top, i, h, styles.header));
  const rows =
    d.funds ?? FUND_LABELS.map((label) => ({ label, initial: null, adjusted: null, spent: null }));
  f.fundsRow = top + 1;
  rows.forEach((r, i) => {
    const row = top + 1 + i;
    f.put(row, 0, null, styles.label);
    f.put(row, 1, r.label, styles.label);
    [r.initial, r.adjusted, r.spent].forEach((v, k) =>
      f.put(row, 2 + k, amount(v), { ...input, numberFormat: formats.amount })
    );
    if (i === 0) {
      f.put(row, 5, d.executionMax ?? 10, {
        ...cell,
        numberFormat: formats.score,
        horizontal: "center",
      });
      const rate = `IF(${letter(3)}${row + 1}=0,"",${letter(4)}${row + 1}/${letter(3)}${row + 1})`;
      const value =
        r.adjusted && r.spent && !r.adjusted.isZero()
          ? r.spent.dividedBy(r.adjusted).toDecimalPlaces(4).toNumber()
          : null;
      f.put(row, 6, value, { ...cell, numberFormat: formats.rate }, 1, rate);
      f.put(row, 7, d.executionEntered ?? null, { ...input, numberFormat: formats.score });
      f.put(row, 8, d.executionReason ?? null, input);
      f.validations.push({
        range: { top: row, left: 7, bottom: row, right: 7 },
        rule: { kind: "decimal", min: 0, max: d.executionMax ?? 10 },
        errorMessage: `得分应在 0～${d.executionMax ?? 10} 分之间`,
      });
    } else for (let c = 5; c < 9; c++) f.put(row, c, null, cell);
  });
  f.down(0, top, top + rows.length);
  f.row = top + rows.length + 1;
}

function goal(f: Form, d: ProjectFormData): void {
  const top = f.row;
  f.put(top, 0, "年度总体目标", styles.label);
  f.put(top, 1, "预期目标", styles.header, 4);
  f.put(top, 5, "实际完成情况", styles.header, 4);
  f.put(top + 1, 0, null, styles.label);
  f.put(top + 1, 1, d.goal?.expected ?? null, input, 4);
  f.put(top + 1, 5, d.goal?.actual ?? null, input, 4);
  f.heights[top + 1] = Math.max(
    36,
    rowHeightFor(d.goal?.expected ?? "", 60),
    rowHeightFor(d.goal?.actual ?? "", 60)
  );
  f.down(0, top, top + 1);
  f.row = top + 2;
}

const INDICATOR_HEADERS = [
  "绩效指标",
  "一级指标",
  "二级指标",
  "三级指标",
  "年度指标值",
  "实际完成值",
  "分值",
  "得分",
  "偏差原因分析及改进措施",
];

const blankRow = (level2: string): ProjectFormRow => ({
  level2,
  level3: "",
  target: "",
  actual: "",
  max: 0,
  entered: null,
});

/**
 * One indicator row (`level1` on a class's first row, merged down after); 分值 only on a
 * filled form (a blank one leaves it to the department).
 */
function indicatorRow(
  f: Form,
  row: number,
  r: ProjectFormRow,
  { level1, filled }: { level1: string | null; filled: boolean }
): void {
  const centred = { ...input, numberFormat: formats.score, horizontal: "center" } as const;
  f.put(row, 0, null, styles.label);
  f.put(row, 1, level1, { ...styles.label, horizontal: "center" });
  f.put(row, 2, r.level2, cell);
  f.put(row, 3, r.level3 || null, input);
  f.put(row, 4, r.target || null, { ...input, numberFormat: "@" });
  f.put(row, 5, r.actual || null, { ...input, numberFormat: "@" });
  f.put(row, 6, filled ? r.max : null, centred);
  f.put(row, 7, r.entered, centred);
  f.put(row, 8, r.reason ?? null, input);
  const texts: [string, number][] = [
    [r.reason ?? "", WIDTHS[8]],
    [r.level3, WIDTHS[3]],
    [r.level2, WIDTHS[2]],
    [r.target, WIDTHS[4]],
    [r.actual, WIDTHS[5]],
  ];
  f.heights[row] = Math.max(18, ...texts.map(([t, w]) => rowHeightFor(t, w)));
}

/** A 一级 class's rows (the form's, or blank ones to fill), its name merged down, 得分 checked. */
function classRows(f: Form, name: string, d: ProjectFormData): void {
  const rows = d.rows?.[name] ?? (BLANK_ROWS[name] ?? ["（二级指标）"]).map(blankRow);
  const first = f.row;
  for (const r of rows) {
    const level1 = f.row === first ? name : null;
    indicatorRow(f, f.row++, r, { level1, filled: d.rows !== undefined });
  }
  f.down(1, first, f.row - 1);
  f.validations.push({
    range: { top: first, left: 7, bottom: f.row - 1, right: 7 },
    rule: { kind: "decimal", min: 0, max: 100 },
    errorMessage: "得分应为 0 至该指标分值之间的数字",
  });
}

/** 总分: SUM formulas over the rows and the funds row, their values exact as cached. */
function totalRow(f: Form, d: ProjectFormData, top: number): void {
  const total = f.row;
  const sumOf = (c: number, fundsColumn: number) =>
    `SUM(${letter(c)}${top + 2}:${letter(c)}${total})+${letter(fundsColumn)}${f.fundsRow + 1}`;
  f.put(total, 0, "总分", { ...styles.total, horizontal: "center" }, 2);
  for (let c = 2; c < 6; c++) f.put(total, c, null, styles.total);
  const rows = Object.values(d.rows ?? {}).flat();
  const entered = sum([d.executionEntered ?? 0, ...rows.map((r) => r.entered ?? 0)].map(dec));
  const max = sum([d.executionMax ?? 10, ...rows.map((r) => r.max)].map(dec));
  const totalStyle: CellStyle = {
    ...styles.total,
    numberFormat: formats.score,
    horizontal: "center",
  };
  f.put(total, 6, max.toNumber(), totalStyle, 1, sumOf(6, 5));
  f.put(total, 7, excelRound(entered, 2).toNumber(), totalStyle, 1, sumOf(7, 7));
  f.put(total, 8, `自评等级：${d.grade ?? ""}`, styles.total);
  f.row = total + 1;
}

function indicators(f: Form, d: ProjectFormData, standard: Standard): void {
  const top = f.row;
  INDICATOR_HEADERS.forEach((h, i) => f.put(top, i, h, styles.header));
  f.row = top + 1;
  for (const cls of standard.indicators.filter((c) => RULE_KINDS[c.rule.kind].perRow))
    classRows(f, cls.name, d);
  f.down(0, top, f.row - 1);
  totalRow(f, d, top);
}

/** A project form, blank (插入项目自评表) or filled (samples). */
export function projectFormLayout(
  standard: Standard,
  d: ProjectFormData,
  sheetName: string
): SheetLayout {
  const f = new Form(WIDTHS);
  head(f, d);
  funds(f, d);
  goal(f, d);
  indicators(f, d, standard);
  f.row++;
  f.put(f.row, 0, "填表人：", {}, 3);
  f.put(f.row, 3, "填报日期：", {}, 3);
  f.put(f.row, 6, "联系电话：", {}, 3);
  return {
    name: sheetName,
    fontName: SHEET_FONT,
    fontSize: FONT_SIZE,
    cells: f.cells,
    merges: f.merges,
    columnWidths: WIDTHS,
    rowHeights: f.heights,
    validations: f.validations,
    showGridlines: false,
    print: {
      paper: "A4",
      orientation: "portrait",
      fitToPagesWide: 1,
      printArea: { top: 0, left: 0, bottom: f.row, right: 8 },
      centerHeader: headerFooterText(`${d.name} 项目支出绩效自评表`),
      centerFooter: "第 &P 页 共 &N 页",
      centerHorizontally: true,
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
  };
}

/** A sheet name Excel accepts for a project: no []:*?/\ and at most 31 characters. */
export function projectSheetName(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, "")
      .trim()
      .slice(0, 28) || "项目自评表";
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base.slice(0, 26)}(${n})`;
  return candidate;
}
