/**
 * 评分标准: a standard as the sheet a finance officer reads, edits and prints — 标准信息, one row
 * per indicator (一级 / 二级 / 三级, 分值, 计分方法, 考核内容, the parameter columns, 说明, 来源,
 * 待核对, 其他名称), 等级, 总分封顶, 口径与核对设置, and a 填写说明 listing every 计分方法 and
 * 考核内容. Drop-downs offer the labels the reader accepts; A4 landscape, the indicator header
 * repeated on every page. parse/standardSheet.ts reads exactly this back.
 */
import { percent } from "../model/decimal";
import { METRICS, METRIC_IDS } from "../standard/metrics";
import {
  BASIS_LABELS,
  PARAM_COLUMNS,
  PARAM_COLUMN_ORDER,
  type ParamColumn,
  formatParam,
} from "../standard/params";
import { RULE_KINDS, RULE_KIND_IDS, paramLabel } from "../standard/ruleKinds";
import { SETTING_KEYS, SETTING_SPECS, formatSetting } from "../standard/settings";
import type { Standard, StandardIndicator } from "../standard/types";
import { unitOf } from "../standard/validate";
import type { CellStyle, SheetLayout } from "./sheetLayout";
import { SheetBuilder } from "./sheetBuilder";
import { SHEET_FONT, headerFooterText, styles } from "./style";

export const STANDARD_SHEET = "评分标准";
const FONT = 10;

type Column =
  | "level1"
  | "level2"
  | "level3"
  | "max"
  | "rule"
  | "metric"
  | ParamColumn
  | "note"
  | "source"
  | "unconfirmed"
  | "aliases";

const COLUMNS: { key: Column; header: string; width: number }[] = [
  { key: "level1", header: "一级指标", width: 9 },
  { key: "level2", header: "二级指标", width: 11 },
  { key: "level3", header: "三级指标", width: 14 },
  { key: "max", header: "分值", width: 5 },
  { key: "rule", header: "计分方法", width: 13 },
  { key: "metric", header: "考核内容", width: 12 },
  ...PARAM_COLUMN_ORDER.map((key) => ({
    key,
    header: PARAM_COLUMNS[key].header,
    width: key === "bands" ? 17 : key === "basis" ? 7 : 7,
  })),
  { key: "note", header: "说明", width: 26 },
  { key: "source", header: "来源", width: 13 },
  { key: "unconfirmed", header: "待核对", width: 8 },
  { key: "aliases", header: "其他名称", width: 10 },
];
const col = (key: Column) => COLUMNS.findIndex((c) => c.key === key);
const LAST = COLUMNS.length - 1;

/** Unconfirmed keys → the words the 待核对 column shows. */
const UNCONFIRMED_WORDS: Record<string, string> = {
  level1: "一级指标",
  name: "指标名称",
  max: "分值",
  rule: "计分方法",
  metric: "考核内容",
  target: "目标值",
  floor: "零分线",
  full: "满分线",
  deduction: "扣分标准",
  bands: "分档",
  grades: "分档",
  basis: "口径",
};

class Sheet extends SheetBuilder {
  section(title: string): void {
    super.section(title, 11);
  }

  list(top: number, bottom: number, column: number, choices: string[], message: string): void {
    if (bottom < top) return;
    this.validations.push({
      range: { top, left: column, bottom, right: column },
      rule: { kind: "list", choices },
      errorMessage: message,
    });
  }
}

const text: CellStyle = { ...styles.cell, wrap: true, numberFormat: "@", fontSize: FONT };
const label: CellStyle = { ...styles.label, bold: true, fontSize: FONT };
const header: CellStyle = { ...styles.header, fontSize: FONT };

function info(s: Sheet, std: Standard): void {
  const rows: [string, string][] = [
    ["标准名称", std.name],
    ["标准编号", std.id === "sheet" ? "" : std.id],
    ["适用城市", std.city ?? ""],
    ["适用年度", std.year === undefined ? "" : String(std.year)],
    ["适用对象", std.scope === "project" ? "项目支出" : "部门整体"],
    ["来源", std.source ?? ""],
    ["说明", std.note ?? ""],
  ];
  for (const [name, value] of rows) {
    const row = s.row++;
    s.put(row, 0, name, label, 2);
    s.put(row, 2, value || null, { ...text, fill: styles.input.fill }, 8);
    s.fit(
      row,
      value,
      COLUMNS.slice(2, 10).reduce((a, c) => a + c.width, 0)
    );
  }
}

function unconfirmedText(ind: StandardIndicator): string {
  return [...new Set(ind.unconfirmed.map((k) => UNCONFIRMED_WORDS[k] ?? k))].join("、");
}

function indicatorValues(ind: StandardIndicator): Record<Column, string | number | null> {
  const unit = unitOf(ind);
  const values: Record<string, string | number | null> = {
    level1: ind.level1,
    level2: ind.level2 ?? null,
    level3: ind.level2 || ind.level3 ? ind.name : null,
    max: ind.max.toNumber(),
    rule: RULE_KINDS[ind.rule.kind].label,
    metric: ind.metric ? METRICS[ind.metric].label : null,
    note: ind.note ?? null,
    source: ind.source ?? null,
    unconfirmed: unconfirmedText(ind) || null,
    aliases: ind.aliases?.join("；") ?? null,
  };
  for (const use of RULE_KINDS[ind.rule.kind].params) {
    const column = use.key === "grades" ? "bands" : use.key;
    values[column] = formatParam(ind.rule.params, use.key, unit) || null;
  }
  // Without a 二级 or 三级, the indicator's name goes in 二级.
  if (!ind.level2 && !ind.level3) values.level2 = ind.name;
  return values as Record<Column, string | number | null>;
}

/** Writes the indicator block; returns its header row (repeated on every printed page). */
function indicators(s: Sheet, std: Standard): number {
  s.section("一、指标与计分方法（计分方法、考核内容从下拉列表选择；参数写法见表下“填写说明”）");
  const headerRow = s.row++;
  COLUMNS.forEach((c, i) => s.put(headerRow, i, c.header, header));
  s.heights[headerRow] = 30;
  const first = s.row;
  for (const ind of std.indicators) {
    const row = s.row++;
    const values = indicatorValues(ind);
    COLUMNS.forEach((c, i) => {
      const v = values[c.key] ?? null;
      if (c.key === "max")
        s.put(row, i, v, { ...styles.input, fontSize: FONT, horizontal: "center" });
      else
        s.put(row, i, v, {
          ...text,
          ...(c.key === "unconfirmed" && v ? { fill: "#FCE4D6", bold: true } : {}),
        });
      if (typeof v === "string") s.fit(row, v, c.width);
    });
  }
  const last = s.row - 1;
  const total = s.row++;
  const maxLetter = String.fromCharCode(65 + col("max"));
  s.put(total, 0, "合计", { ...styles.total, fontSize: FONT, horizontal: "center" }, col("max"));
  const sum = std.indicators.reduce((a, i) => a + i.max.toNumber(), 0);
  s.put(
    total,
    col("max"),
    Math.round(sum * 100) / 100,
    { ...styles.total, fontSize: FONT, horizontal: "center" },
    1,
    `SUM(${maxLetter}${first + 1}:${maxLetter}${last + 1})`
  );
  for (let c = col("max") + 1; c <= LAST; c++)
    s.put(total, c, null, { ...styles.total, fontSize: FONT });
  const drops: [Column, string[], string][] = [
    ["rule", RULE_KIND_IDS.map((k) => RULE_KINDS[k].label), "请从列表选择计分方法"],
    ["metric", METRIC_IDS.map((m) => METRICS[m].label), "请从列表选择考核内容"],
    ["basis", Object.values(BASIS_LABELS), "请选择“项目预算”或“项目支出”"],
  ];
  for (const [key, choices, message] of drops)
    s.list(first, Math.max(last, first), col(key), choices, message);
  s.validations.push({
    range: { top: first, left: col("max"), bottom: Math.max(last, first), right: col("max") },
    rule: { kind: "decimal", min: 0, max: 100 },
    errorMessage: "分值应为 0～100 之间的数字",
  });
  return headerRow;
}

function grades(s: Sheet, std: Standard): void {
  s.section("二、等级（从高到低，最低等级的最低分为 0）");
  const h = s.row++;
  ["等级", "最低分（≥）", "待核对", "说明"].forEach((t, i) => s.put(h, i * 2, t, header, 2));
  const open = std.unconfirmed.includes("grades");
  for (const g of std.grades) {
    const row = s.row++;
    s.put(row, 0, g.grade, text, 2);
    // A line written `>90` is kept so: the total must exceed it.
    const line = g.above ? `>${g.min.toString()}` : g.min.toNumber();
    s.put(row, 2, line, { ...styles.input, fontSize: FONT, horizontal: "center" }, 2);
    s.put(row, 4, open ? "是" : null, text, 2);
    s.put(row, 6, null, text, 2);
  }
}

function caps(s: Sheet, std: Standard): void {
  s.section("三、总分封顶（按财政支出执行率；不设封顶时下表留空）");
  const h = s.row++;
  ["执行率低于", "总分最高", "待核对", "来源"].forEach((t, i) => s.put(h, i * 2, t, header, 2));
  const open = std.unconfirmed.includes("caps");
  for (const c of [...std.caps].sort((a, b) => b.below.comparedTo(a.below))) {
    const row = s.row++;
    s.put(row, 0, percent(c.below), text, 2);
    s.put(row, 2, c.cap.toNumber(), { ...styles.input, fontSize: FONT, horizontal: "center" }, 2);
    s.put(row, 4, open ? "是" : null, text, 2);
    s.put(row, 6, c.source ?? null, text, 6);
    s.fit(row, c.source ?? "", 40);
  }
}

function settings(s: Sheet, std: Standard): void {
  s.section("四、口径与核对设置");
  const h = s.row++;
  s.put(h, 0, "设置项", header, 2);
  s.put(h, 2, "取值", header, 2);
  s.put(h, 4, "待核对", header, 2);
  s.put(h, 6, "说明", header, 8);
  for (const key of SETTING_KEYS) {
    const spec = SETTING_SPECS[key];
    const row = s.row++;
    s.put(row, 0, spec.label, text, 2);
    s.put(row, 2, formatSetting(key, std.settings[key]), { ...text, fill: styles.input.fill }, 2);
    s.put(row, 4, std.unconfirmed.includes(`settings.${key}`) ? "是" : null, text, 2);
    s.put(row, 6, spec.note, { ...text, fontColor: "#404040" }, 8);
    s.fit(row, spec.note, 60);
    if (spec.type === "choice") s.list(row, row, 2, Object.values(spec.choices), "请从列表选择");
  }
}

function guide(s: Sheet): void {
  s.section("填写说明");
  const note: CellStyle = { ...styles.note, fontSize: 9 };
  const lines = [
    "每行一个计分指标：分值合计应为 100；一级、二级指标相同的行可只在第一行填写。标题行（只有一级指标、没有分值和计分方法）不计分。“来源”留空即同上方标准信息中的来源；“其他名称”是部门表中可能出现的其他写法，多个用；分隔。",
    "待核对：留空表示已按当年评分标准核对；填“是”表示整行待核对，或写明待核对的列（如“零分线、满分线”）。待核对的参数照常计分，并在问题清单中提示。待核对写了“指标名称”的行是占位指标：部门表中不在本表、分值相同、一级指标相同（一级指标也待核对时不限）的唯一一行按它计分，并提示核对。",
    "百分比可写 60%、0.6 或 60；分档写作“≥95%:10；90%～95%:8；<90%:0”（冒号后为得分，写 100% 表示分值的百分比）；单独一个值写“=0%:3”；两档相接处的值归得分较高的一档。",
    "定性分档写作“达成/优:80%～100%；部分达成/良:60%～80%；未达成/差:0～60%”，绩效指标表的“评价等次”填斜杠前的任一写法。",
    "本表优先于任何预设。删除本表即改用绩效自评设置中选择的预设（或按城市、年度匹配的预设）。",
  ];
  for (const l of lines) s.line(l, note);
  s.row++;
  const h = s.row++;
  s.put(h, 0, "计分方法（下拉可选）", header, 3);
  s.put(h, 3, "计算方法", header, 8);
  s.put(h, 11, "需填写", header, 5);
  for (const kind of RULE_KIND_IDS) {
    const spec = RULE_KINDS[kind];
    const row = s.row++;
    const params = spec.params.map((p) =>
      paramLabel(kind, p.key, PARAM_COLUMNS[p.key === "grades" ? "bands" : p.key].header)
    );
    const needs = [
      spec.metric === "chosen"
        ? "考核内容"
        : spec.metric === "none"
          ? ""
          : `考核内容固定为${METRICS[spec.metric].label}`,
      ...params,
    ].filter(Boolean);
    s.put(row, 0, spec.label, text, 3);
    s.put(row, 3, spec.formula, text, 8);
    s.put(row, 11, needs.join("、") || "—", text, 5);
    s.fit(row, spec.formula, 50);
  }
  s.row++;
  const m = s.row++;
  s.put(m, 0, "考核内容（下拉可选）", header, 3);
  s.put(m, 3, "计算方法", header, 13);
  for (const id of METRIC_IDS) {
    const row = s.row++;
    s.put(row, 0, METRICS[id].label, text, 3);
    s.put(row, 3, METRICS[id].definition, text, 13);
  }
}

/** The 评分标准 sheet for a standard. Pure: the same standard gives the same layout. */
export function standardLayout(std: Standard, sheetName = STANDARD_SHEET): SheetLayout {
  const s = new Sheet(
    COLUMNS.map((c) => c.width),
    FONT
  );
  s.put(0, 0, `评分标准：${std.name}`, { ...styles.title, fontSize: 14 }, COLUMNS.length);
  s.heights[0] = 26;
  s.row = 1;
  s.line("本表为评分所用的评分标准，可直接修改后点“重新计算”；本表随工作簿保存，优先于任何预设。", {
    ...styles.note,
    fontSize: 9,
  });
  info(s, std);
  const headerRow = indicators(s, std);
  grades(s, std);
  caps(s, std);
  settings(s, std);
  guide(s);
  return {
    name: sheetName,
    fontName: SHEET_FONT,
    fontSize: FONT,
    cells: s.cells,
    merges: s.merges,
    columnWidths: COLUMNS.map((c) => c.width),
    rowHeights: s.heights,
    validations: s.validations,
    showGridlines: false,
    tabColor: "#C55A11",
    print: {
      paper: "A4",
      orientation: "landscape",
      fitToPagesWide: 1,
      titleRows: { first: headerRow, last: headerRow },
      printArea: { top: 0, left: 0, bottom: s.row - 1, right: LAST },
      centerHeader: headerFooterText(`评分标准：${std.name}`),
      centerFooter: "第 &P 页 共 &N 页",
      centerHorizontally: true,
      printGridlines: false,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  };
}
