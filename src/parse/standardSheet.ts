/**
 * The 评分标准 sheet → a Standard. The sheet is found by its indicator table's header (一级指标
 * … 分值 · 计分方法), on a sheet of any name; its blocks — 标准信息 (label : value), the indicator
 * rows, 等级, 总分封顶 and 口径与核对设置 — are read like every other table, and everything that
 * cannot be read is one message naming its cell. What can be read is used.
 */
import { Dec, ZERO } from "../model/decimal";
import { parseChineseWhole } from "../model/numbers";
import { normalizeName, quote } from "../model/text";
import { METRICS, METRIC_IDS, type MetricId } from "../standard/metrics";
import {
  PARAM_COLUMNS,
  PARAM_COLUMN_ORDER,
  columnOf,
  lineDirectionProblem,
  parseParam,
  strictTarget,
} from "../standard/params";
import { findPresetById } from "../standard/presets";
import { RULE_KINDS, RULE_KIND_IDS, kindFromLabel } from "../standard/ruleKinds";
import { defaultSettings, parseSetting, settingFromLabel } from "../standard/settings";
import type {
  CapBand,
  GradeBand,
  Rule,
  Standard,
  StandardCells,
  StandardIndicator,
  StandardSettings,
} from "../standard/types";
import {
  BY_STANDARD_GRADES,
  STANDARD_GRADES,
  type StandardProblem,
  problem,
  unitOf,
} from "../standard/validate";
import { type GradeLine, parseGradeLine } from "../standard/bands";
import type { WorkbookStandard } from "../model/input";
import { type Cell, type Read, readRate, readScore, readText } from "./cells";
import { type Grid, normalizeLabel, range } from "./grid";
import type { FoundInput } from "./reader";
import {
  type FoundTable,
  type TableArea,
  dataRows,
  describeHeaders,
  findTable,
  tableArea,
  tableAt,
  tableSpecs,
} from "./tables";
import { tableFound } from "./reader";

export const STANDARD_SHEET_NAME = "评分标准";

/** Labels of the 标准信息 block. */
const INFO_LABELS = {
  name: /^(标准名称|评分标准名称|名称)$/,
  id: /^(标准编号|编号|预设编号)$/,
  city: /^(适用城市|城市|适用地区)$/,
  year: /^(适用年度|年度)$/,
  scope: /^(适用对象|评价对象)$/,
  source: /^(来源|依据文件)$/,
  note: /^(说明|备注)$/,
} as const;

type InfoKey = keyof typeof INFO_LABELS;

interface SheetReader {
  grid: Grid;
  problems: StandardProblem[];
  at(row: number, column: number): string;
}

function keep<T>(r: SheetReader, read: Read<T>, consequence = ""): T | null {
  if (read.problem)
    r.problems.push({
      message: `${read.problem.message}${consequence}`,
      cell:
        read.problem.sheet && read.problem.cell
          ? `${read.problem.sheet}!${read.problem.cell}`
          : undefined,
      severity: read.problem.severity,
    });
  return read.value;
}

/** `标准名称 | 2022 年度…` pairs above the indicator table. */
function readInfo(
  r: SheetReader,
  before: number
): Partial<Record<InfoKey, { text: string; cell: string }>> {
  const out: Partial<Record<InfoKey, { text: string; cell: string }>> = {};
  const g = r.grid;
  for (let row = g.top; row < before; row++) {
    for (const column of range(g.left, Math.min(g.right, g.left + 3))) {
      const label = normalizeLabel(g.text(row, column));
      const key = (Object.keys(INFO_LABELS) as InfoKey[]).find((k) => INFO_LABELS[k].test(label));
      if (!key || out[key]) continue;
      // The value is the next filled cell to the right (the label may span merged cells).
      const valueColumn = range(column + 1, Math.min(g.right, column + 3)).find(
        (c) => readText({ grid: g, row, column: c }) !== ""
      );
      if (valueColumn !== undefined)
        out[key] = {
          text: readText({ grid: g, row, column: valueColumn }),
          cell: r.at(row, valueColumn),
        };
    }
  }
  return out;
}

const UNCONFIRMED_WORDS: Record<string, string> = {
  一级指标: "level1",
  指标名称: "name",
  名称: "name",
  分值: "max",
  计分方法: "rule",
  考核内容: "metric",
  目标值: "target",
  上限: "target",
  零分线: "floor",
  满分线: "full",
  扣分标准: "deduction",
  分档: "bands",
  口径: "basis",
};

/** 待核对: blank / 否 → nothing; 是 → the whole row; or the names of what is unconfirmed. */
function readUnconfirmed(r: SheetReader, text: string, cell: string, whole: string[]): string[] {
  const t = normalizeLabel(text);
  if (!t || /^(否|无|已核对|已确认|×|n|no)$/i.test(t)) return [];
  if (/^(是|待核对|√|✓|y|yes|全部)$/i.test(t)) return whole;
  const out: string[] = [];
  for (const word of t.split(/[、,，;；/]+/).filter(Boolean)) {
    const key = UNCONFIRMED_WORDS[word];
    if (key) out.push(key);
    else
      r.problems.push(
        problem(`待核对“${word}”无法识别，可填“是”或列名（如 零分线、满分线）`, cell, "warning")
      );
  }
  return out;
}

function metricFromLabel(text: string): MetricId | undefined | null {
  const key = normalizeName(text);
  if (!key) return undefined;
  return (
    METRIC_IDS.find((id) =>
      [METRICS[id].label, ...METRICS[id].synonyms, id].some((l) => normalizeName(l) === key)
    ) ?? null
  );
}

interface RowContext {
  r: SheetReader;
  table: FoundTable;
  row: number;
  level1: string;
  level2: string;
}

function cellsOf(c: RowContext): StandardCells {
  const out: StandardCells = {};
  for (const [key, column] of Object.entries(c.table.columns)) out[key] = c.r.at(c.row, column);
  return out;
}

function text(c: RowContext, key: string): string {
  return key in c.table.columns
    ? readText({ grid: c.r.grid, row: c.row, column: c.table.columns[key] })
    : "";
}

/** 计分方法 and 考核内容 of a row; an unknown one is said, and the row scored as 主观评分. */
function readRuleAndMetric(c: RowContext, cells: StandardCells) {
  const ruleText = text(c, "rule");
  const found = ruleText ? kindFromLabel(ruleText, normalizeName) : null;
  if (!ruleText)
    c.r.problems.push(problem("未填写计分方法，该指标暂按主观评分（以填报得分计入）", cells.rule));
  else if (!found)
    c.r.problems.push(
      problem(
        `计分方法“${ruleText}”无法识别，可选：${RULE_KIND_IDS.map((k) => RULE_KINDS[k].label).join("、")}；该指标暂按主观评分（以填报得分计入）`,
        cells.rule
      )
    );
  const metricText = text(c, "metric");
  const metric = metricFromLabel(metricText);
  if (metric === null)
    c.r.problems.push(
      problem(
        `考核内容“${metricText}”无法识别，可选：${METRIC_IDS.map((id) => METRICS[id].label).join("、")}`,
        cells.metric
      )
    );
  return {
    kind: found?.kind ?? "judgment",
    implies: found?.implies ?? {},
    metric: metric ?? undefined,
    /** No 计分方法 read: the row is 主观评分 for now, its parameter columns kept for the fix. */
    fallback: !found,
  };
}

/** 零分线 and 满分线 written with comparisons against their lines (`≥60%` under `≥100%`): said. */
function lineProblem(c: RowContext, cells: StandardCells, params: Rule["params"]): boolean {
  if (params.floor === undefined || params.full === undefined) return false;
  const p = lineDirectionProblem(text(c, "floor"), text(c, "full"), params.floor, params.full);
  if (p)
    c.r.problems.push(problem(`${p.text}；该指标暂按主观评分（以填报得分计入）`, cells[p.param]));
  return p !== null;
}

/** The rule's parameters from their columns; a filled column the rule does not use is said. */
function readParams(
  c: RowContext,
  cells: StandardCells,
  kind: Rule["kind"],
  metric: MetricId | undefined,
  fallback: boolean,
  max: Dec
) {
  const spec = RULE_KINDS[kind];
  const params: Rule["params"] = {};
  let failed = false;
  const unit = unitOf({ rule: { kind, params: {} }, metric });
  const used = new Set(spec.params.map((p) => columnOf(p.key)));
  for (const use of spec.params) {
    const column = columnOf(use.key);
    const raw = text(c, column);
    if (!raw) continue;
    const header = use.label ?? PARAM_COLUMNS[column].header;
    const parsed = parseParam(use.key, raw, unit, header, max, use.bound);
    if (parsed.value !== null) {
      Object.assign(params, { [use.key]: parsed.value });
      const strict = use.key === "target" ? strictTarget(raw, use.bound) : undefined;
      if (strict) params.targetStrict = strict;
    } else {
      failed = true;
      for (const p of parsed.problems)
        c.r.problems.push(problem(`${p}；该指标暂按主观评分（以填报得分计入）`, cells[column]));
    }
  }
  failed ||= lineProblem(c, cells, params);
  // A row scored 主观评分 only because its 计分方法 could not be read: that is said already,
  // and its parameters belong to the method meant, not to 主观评分.
  for (const column of fallback ? [] : PARAM_COLUMN_ORDER) {
    if (!used.has(column) && text(c, column))
      c.r.problems.push(
        problem(
          `计分方法“${spec.label}”不使用${PARAM_COLUMNS[column].header}，已忽略“${text(c, column)}”`,
          cells[column],
          "warning"
        )
      );
  }
  return { params, failed };
}

/**
 * The row's name — its deepest filled name column, carried 二级 and 一级 else — with the cell
 * it is read from set as `cells.name`.
 */
function indicatorName(c: RowContext, cells: StandardCells, l3: string): string {
  const own = text(c, "name");
  const name = own || l3 || c.level2 || c.level1;
  const nameKey = (["name", "level3", "level2", "level1"] as const).find(
    (k) => text(c, k) === name
  );
  cells.name = nameKey ? cells[nameKey] : cells.level1;
  return name;
}

/**
 * The row's 分值; null — said, and the row not used — when it is blank, not a number or
 * negative.
 */
function readMax(c: RowContext, cells: StandardCells, name: string, maxText: string): Dec | null {
  const max = readScore({ grid: c.r.grid, row: c.row, column: c.table.columns.max }).value;
  // `十分`, `十五`: simple Chinese numerals are read; nothing longer is guessed at.
  const chinese = max === null ? parseChineseWhole(maxText.replace(/\s*分$/, "")) : null;
  if (chinese !== null) return new Dec(chinese);
  if (max === null || max.isNegative()) {
    const why = !maxText
      ? "未填写分值"
      : max === null
        ? `的分值“${maxText}”不是数字，应填写分数（如 10 或 十分）`
        : `分值 ${maxText} 不能为负数`;
    c.r.problems.push({
      ...problem(`指标${quote(name)}${why}，该行未采用`, cells.max),
      code: "maxUnread",
    });
    return null;
  }
  return max;
}

/** The row's rule: its 计分方法 with its parameters, or 主观评分 when a parameter cannot be read. */
function ruleOf(
  c: RowContext,
  cells: StandardCells,
  read: ReturnType<typeof readRuleAndMetric>,
  max: Dec
): Rule {
  const { params: given, failed } = readParams(
    c,
    cells,
    read.kind,
    read.metric,
    read.fallback,
    max
  );
  const kind = failed ? "judgment" : read.kind;
  const params = failed ? {} : { ...read.implies, ...given };
  return { kind, params };
}

/** 别名: the names the row's indicator may also go by, split at ；, ; or a line break. */
function aliasesOf(c: RowContext): string[] | undefined {
  const aliases = text(c, "aliases")
    .split(/[；;\n]+/)
    .map((a) => a.trim())
    .filter(Boolean);
  return aliases.length > 0 ? aliases : undefined;
}

function readIndicatorRow(
  c: RowContext,
  index: number,
  presetIds: Map<string, string>
): StandardIndicator | null {
  const cells = cellsOf(c);
  const l3 = text(c, "level3");
  const name = indicatorName(c, cells, l3);
  const maxText = text(c, "max");
  const ruleText = text(c, "rule");
  if (!maxText && !ruleText) return null; // a heading row (一、管理效率) or a note
  const max = readMax(c, cells, name, maxText);
  if (max === null) return null;
  const read = readRuleAndMetric(c, cells);
  const rule = ruleOf(c, cells, read, max);
  const metric = read.metric;
  const whole = [
    "max",
    "rule",
    ...(metric ? ["metric"] : []),
    ...RULE_KINDS[rule.kind].params.map((p) => p.key),
  ];
  const unconfirmed = readUnconfirmed(c.r, text(c, "unconfirmed"), cells.unconfirmed ?? "", whole);
  const aliases = aliasesOf(c);
  return {
    id:
      presetIds.get(normalizeName(name)) ??
      `${normalizeName(c.level1)}/${normalizeName(name)}#${index}`,
    level1: c.level1 || name,
    level2: c.level2 && c.level2 !== name ? c.level2 : undefined,
    level3: l3 && l3 !== name ? l3 : undefined,
    name,
    aliases,
    max,
    rule,
    metric,
    note: text(c, "note") || undefined,
    source: text(c, "source") || undefined,
    unconfirmed,
    cells,
  };
}

/** The name columns, shallowest first. */
const NAME_KEYS = ["level1", "level2", "level3", "name"] as const;

/** How deep a row's name goes: the last of 一级, 二级, 三级, 指标 it fills (−1: none). */
function depthOf(c: RowContext): number {
  for (let i = NAME_KEYS.length - 1; i >= 0; i--) if (text(c, NAME_KEYS[i])) return i;
  return -1;
}

/**
 * A group heading with its 分值 written (`一、管理效率 | | 50`, as department tables carry one): no
 * 计分方法, and the row after it goes deeper. Not an indicator, as a title row is not.
 */
function isHeading(c: RowContext, next: number | undefined): boolean {
  if (next === undefined || text(c, "rule")) return false;
  return depthOf({ ...c, row: next }) > depthOf(c);
}

/** A group's 小计 (`投入小计 | | 20`, `| 小计 | 80`): no 计分方法, named 小计 at some level. */
function isSubtotal(c: RowContext): boolean {
  if (text(c, "rule")) return false;
  const names = NAME_KEYS.map((k) => normalizeLabel(text(c, k)));
  return names.some((n) => /小计$/.test(n));
}

/** A 合计 / 总计 / 总分 row, whichever name column says so (`合计 | | 100`, `| 合计 | 100`). */
function isTotalRow(c: RowContext): boolean {
  return NAME_KEYS.some((k) => /^(合计|总计|总分|分值合计)$/.test(normalizeLabel(text(c, k))));
}

/** A note under a block (`注：…`, `说明：…`, `注1.`), no row of it. */
const isNote = (text: string) =>
  /^(注|附注|附|说明|备注|填表说明|填写说明)(\s*[:：]|\s*\d|$)/.test(text);

/** The standard's other blocks, whose header ends the indicator rows. */
const BLOCK_SPECS = [
  tableSpecs.standardGrades,
  tableSpecs.standardCaps,
  tableSpecs.standardSettings,
];

/**
 * Whether a row reads as an indicator (or a group heading with its 分值): a name that is no
 * note (注：…, 说明), and a 分值 that is a number, or a 计分方法 named with no 分值 beside it.
 */
function looksLikeIndicator(c: RowContext): boolean {
  const named = NAME_KEYS.some((k) => {
    const name = text(c, k);
    return name !== "" && !isNote(name);
  });
  if (!named) return false;
  if (readScore({ grid: c.r.grid, row: c.row, column: c.table.columns.max }).value !== null)
    return true;
  const rule = text(c, "rule");
  return text(c, "max") === "" && rule !== "" && kindFromLabel(rule, normalizeName) !== null;
}

/** Whether a row heads the 等级, 总分封顶 or 设置 block. */
function headsBlock(grid: Grid, row: number): boolean {
  return BLOCK_SPECS.some((spec) => tableAt(grid, row, spec) !== null);
}

/**
 * Whether the row after one or more blank rows goes on with the indicators: an indicator row,
 * or a title (`三、效益`) over one — not a block's header, nor a title over one (`二、等级`).
 */
function resumesAfterBlank(c: RowContext, next: number | undefined): boolean {
  if (headsBlock(c.r.grid, c.row)) return false;
  if (looksLikeIndicator(c)) return true;
  if (depthOf(c) < 0 || next === undefined || headsBlock(c.r.grid, next)) return false;
  return looksLikeIndicator({ ...c, row: next });
}

/**
 * The indicator rows: from below the header to the end of the data, across blank rows (an
 * officer's empty line between groups) where more indicators follow. They end at a 合计 row
 * (after indicators), at another block's header (等级, 总分封顶, 设置), or at a title or notes
 * after a blank row.
 */
function indicatorRows(r: SheetReader, table: FoundTable): number[] {
  const columns = Object.values(table.columns);
  const filled: number[] = [];
  for (let row = table.headerRow + table.headerDepth; row <= r.grid.bottom; row++)
    if (!r.grid.isBlankRow(row, columns)) filled.push(row);
  const rows: number[] = [];
  for (const [k, row] of filled.entries()) {
    const c: RowContext = { r, table, row, level1: "", level2: "" };
    const afterBlank =
      row - 1 !== (rows[rows.length - 1] ?? table.headerRow + table.headerDepth - 1);
    if (
      afterBlank
        ? !resumesAfterBlank(c, filled[k + 1])
        : headsBlock(r.grid, row) && !looksLikeIndicator(c)
    )
      break;
    rows.push(row);
    if (rows.length > 1 && isTotalRow(c)) break;
  }
  return rows;
}

function readIndicators(
  r: SheetReader,
  table: FoundTable,
  rows: readonly number[],
  presetIds: Map<string, string>
) {
  const indicators: StandardIndicator[] = [];
  let level1 = "";
  let level2 = "";
  let totalCell: string | undefined;
  for (const [k, row] of rows.entries()) {
    const c: RowContext = { r, table, row, level1, level2 };
    const l1 = text(c, "level1");
    const l2 = text(c, "level2");
    if (isTotalRow(c)) {
      totalCell = "max" in table.columns ? r.at(row, table.columns.max) : undefined;
      continue;
    }
    if (isSubtotal(c)) continue;
    if (l1) [level1, level2] = [l1, ""];
    if (l2) level2 = l2;
    if (isHeading(c, rows[k + 1])) continue;
    const indicator = readIndicatorRow({ ...c, level1, level2 }, indicators.length, presetIds);
    if (indicator) indicators.push(indicator);
  }
  return { indicators, totalCell };
}

/**
 * One 等级 row's line: a number (`90`, `90分`), or as cities write it (`总分≥90`, `80≤总分<90`,
 * `80-90`, `60分以下`); null when it cannot be read.
 */
function gradeLineAt(at: Cell): GradeLine | null {
  const read = readScore(at);
  if (!read.problem && read.value !== null) return { min: read.value, above: false };
  return parseGradeLine(readText(at));
}

/**
 * Why a grade's line cannot be used, or null: it cannot be read, or it is only a ceiling
 * (`<90`) on a grade above the lowest.
 */
function gradeLineProblem(grade: string, text: string, line: GradeLine | null, lowest: boolean) {
  if (line === null)
    return `等级“${grade}”的最低分“${text}”无法识别，应写作 90、≥90、80～90、80≤总分<90 或 60分以下`;
  if ("ceiling" in line && !lowest)
    return `等级“${grade}”的“${text}”只写了上限，只有最低的等级可以这样写，请写明最低分（如 80 或 80≤总分<90）`;
  return null;
}

function gradeOf(grade: string, line: GradeLine): GradeBand {
  if ("ceiling" in line) return { grade, min: ZERO };
  return line.above ? { grade, min: line.min, above: true } : { grade, min: line.min };
}

/**
 * The 等级 rows. A line that cannot be used is one message at its cell, and the standard
 * grades are used instead (a grade left out would move totals to the grade below).
 */
/**
 * A title line ending the 等级 rows: a numbered section (`三、总分封顶`), or one text across the
 * 等级 and 最低分 cells (a merged title or paragraph).
 */
const isTitleLine = (grade: string, min: string) =>
  /^[一二三四五六七八九十]+、/.test(grade) || (grade !== "" && grade === min);

/**
 * The 等级 rows: from below the header to the next block's header (`stop`) or the sheet's end,
 * across blank rows (as the indicator rows) where a grade with a line follows. A note
 * (`注：…`, `填写说明`) or a title line ends them.
 */
function gradeRows(r: SheetReader, table: FoundTable, stop: number): number[] {
  const rows: number[] = [];
  const at = (row: number, key: string) => ({ grid: r.grid, row, column: table.columns[key] });
  let afterBlank = false;
  for (let row = table.headerRow + table.headerDepth; row < stop && row <= r.grid.bottom; row++) {
    const [grade, min] = [readText(at(row, "grade")), readText(at(row, "min"))];
    if (grade === "" && min === "") {
      afterBlank = true;
      continue;
    }
    if (isNote(grade) || isTitleLine(grade, min)) break;
    // Past a blank row, only a grade with a readable line goes on (not a table of notes).
    if (afterBlank && (grade === "" || gradeLineAt(at(row, "min")) === null)) break;
    rows.push(row);
    afterBlank = false;
  }
  return rows;
}

function readGrades(r: SheetReader, table: FoundTable, stop: number, cells: StandardCells) {
  const grades: GradeBand[] = [];
  let unconfirmed = false;
  let unusable = false;
  cells.grades = r.at(table.headerRow, table.columns.grade);
  const cell = (row: number, key: string) => ({ grid: r.grid, row, column: table.columns[key] });
  const rows = gradeRows(r, table, stop);
  for (const [k, row] of rows.entries()) {
    const grade = readText(cell(row, "grade"));
    const written = readText(cell(row, "min"));
    const at = r.at(row, table.columns.min);
    const lowest = k === rows.length - 1;
    cells[`grade:${grade}`] = at;
    // The lowest grade starts at 0: its 最低分 may be left blank.
    if (written === "" && lowest) {
      grades.push({ grade, min: ZERO });
      continue;
    }
    if (written === "") {
      r.problems.push(problem(`等级“${grade}”未填写最低分${BY_STANDARD_GRADES}`, at));
      unusable = true;
      continue;
    }
    const line = gradeLineAt(cell(row, "min"));
    const why = gradeLineProblem(grade, written, line, lowest);
    if (why !== null || line === null) {
      r.problems.push(problem(`${why}${BY_STANDARD_GRADES}`, at));
      unusable = true;
      continue;
    }
    grades.push(gradeOf(grade, line));
    if ("unconfirmed" in table.columns) {
      const t = readText(cell(row, "unconfirmed"));
      unconfirmed ||=
        readUnconfirmed(r, t, r.at(row, table.columns.unconfirmed), ["grades"]).length > 0;
    }
  }
  return { grades: unusable ? STANDARD_GRADES : grades, unconfirmed };
}

/**
 * No 等级 block found: the standard grades. A lone 等级 / 等次 cell outside the indicator rows
 * (`indicators`) is a block whose header is not read — said at it, not passed over in silence.
 */
function noGrades(r: SheetReader, indicators: TableArea) {
  const g = r.grid;
  for (let row = g.top; row <= g.bottom; row++) {
    if (row >= indicators.top && row <= indicators.bottom) continue;
    const column = range(g.left, g.right).find((c) => /^(绩效|评价)?等[级次]$/.test(g.key(row, c)));
    if (column === undefined) continue;
    r.problems.push(
      problem(
        `“${g.text(row, column)}”一行未能识别为等级表头：应写作“等级 | 最低分”（最低分也可写作分数线、分数区间、得分区间）${BY_STANDARD_GRADES}`,
        r.at(row, column)
      )
    );
    break;
  }
  return { grades: STANDARD_GRADES, unconfirmed: false };
}

/** Rows of a block from below its header to `stop`, blank ones skipped. */
function* blockRows(r: SheetReader, table: FoundTable, stop: number): Generator<number> {
  const columns = Object.values(table.columns);
  for (let row = table.headerRow + table.headerDepth; row < stop && row <= r.grid.bottom; row++) {
    if (!r.grid.isBlankRow(row, columns)) yield row;
  }
}

/**
 * 总分封顶 rows: users type into the blank row under the header, so the block runs to the next
 * block's header, skipping blank rows, and ends at a title line (text that is no rate, no cap).
 */
function readCaps(r: SheetReader, table: FoundTable | null, stop: number, cells: StandardCells) {
  const caps: CapBand[] = [];
  let unconfirmed = false;
  if (!table) return { caps, unconfirmed };
  cells.caps = r.at(table.headerRow, table.columns.below);
  const at = (row: number, key: string) => ({ grid: r.grid, row, column: table.columns[key] });
  for (const row of blockRows(r, table, stop)) {
    const belowText = readText(at(row, "below"));
    const capText = readText(at(row, "cap"));
    if (/^(不设|无|—)?$/.test(belowText) && capText === "") continue;
    if (capText === "" && readRate(at(row, "below")).problem) break; // the next section's title
    const below = keep(r, readRate(at(row, "below")), "，此行封顶不采用");
    const cap = keep(r, readScore(at(row, "cap")), "，此行封顶不采用");
    cells[`cap:${caps.length}`] = r.at(row, table.columns.cap);
    if (below === null || cap === null) {
      if (below === null && belowText === "")
        r.problems.push(
          problem("未填写执行率界限，该行封顶未采用", r.at(row, table.columns.below))
        );
      else if (cap === null && capText === "")
        r.problems.push(problem("未填写总分最高，该行封顶未采用", r.at(row, table.columns.cap)));
      continue;
    }
    const source = "source" in table.columns ? readText(at(row, "source")) : "";
    caps.push({ below, cap, source: source || undefined });
    if ("unconfirmed" in table.columns) {
      const t = readText(at(row, "unconfirmed"));
      unconfirmed ||=
        readUnconfirmed(r, t, r.at(row, table.columns.unconfirmed), ["caps"]).length > 0;
    }
  }
  return { caps, unconfirmed };
}

function readSettings(
  r: SheetReader,
  table: FoundTable | null,
  cells: StandardCells,
  scope: Standard["scope"]
) {
  const settings: StandardSettings = defaultSettings(scope);
  const unconfirmed: string[] = [];
  if (!table) return { settings, unconfirmed };
  for (const row of dataRows(r.grid, table)) {
    const label = readText({ grid: r.grid, row, column: table.columns.key });
    const value = readText({ grid: r.grid, row, column: table.columns.value });
    const at = r.at(row, table.columns.value);
    if (!label || isNote(label)) continue;
    const key = settingFromLabel(label, normalizeName);
    if (!key) {
      r.problems.push(
        problem(`设置项“${label}”无法识别，该行未采用`, r.at(row, table.columns.key), "warning")
      );
      continue;
    }
    cells[`settings:${key}`] = at;
    if (!value) continue;
    const parsed = parseSetting(key, value);
    if ("problem" in parsed) r.problems.push(problem(`${parsed.problem}，已按默认值计算`, at));
    else Object.assign(settings, { [key]: parsed.value });
    if ("unconfirmed" in table.columns) {
      const t = readText({ grid: r.grid, row, column: table.columns.unconfirmed });
      if (readUnconfirmed(r, t, r.at(row, table.columns.unconfirmed), ["x"]).length > 0)
        unconfirmed.push(`settings.${key}`);
    }
  }
  return { settings, unconfirmed };
}

function readHeader(r: SheetReader, info: ReturnType<typeof readInfo>, cells: StandardCells) {
  const name = info.name?.text;
  if (!name) r.problems.push(problem("未填写标准名称", undefined, "warning"));
  cells.name = info.name?.cell;
  const yearText = info.year?.text;
  const year = yearText ? Number(/^(\d{4})/.exec(yearText)?.[1] ?? NaN) : undefined;
  if (yearText && !Number.isInteger(year))
    r.problems.push(problem(`适用年度“${yearText}”不是有效年份`, info.year?.cell, "warning"));
  const scopeText = info.scope?.text ?? "";
  return {
    id: info.id?.text || "sheet",
    name: name || `本工作簿的评分标准（${r.grid.name}）`,
    scope: /项目/.test(scopeText) ? ("project" as const) : ("department" as const),
    city: info.city?.text || undefined,
    year: Number.isInteger(year) ? year : undefined,
    source: info.source?.text || undefined,
    note: info.note?.text || undefined,
  };
}

/** The standard's other blocks on its sheet, each found once (or null): 等级, 总分封顶, 设置. */
interface StandardBlocks {
  gradeTable: FoundTable | null;
  capTable: FoundTable | null;
  settingTable: FoundTable | null;
}

/**
 * The 等级, 总分封顶 and 口径与核对设置 blocks, found in that order outside the indicator rows
 * (`indicators`, their area), none inside another.
 */
function findBlocks(grid: Grid, indicators: TableArea): StandardBlocks {
  const taken: TableArea[] = [indicators];
  const find = (kind: "standardGrades" | "standardCaps" | "standardSettings") => {
    const t = findTable([grid], tableSpecs[kind], taken, grid.bottom - grid.top + 1);
    // Only the header is taken: the caps block may run on without a blank row before the next.
    if (t) taken.push({ ...tableArea(grid, t), bottom: t.headerRow });
    return t;
  };
  const [gradeTable, capTable, settingTable] = [
    find("standardGrades"),
    find("standardCaps"),
    find("standardSettings"),
  ];
  return { gradeTable, capTable, settingTable };
}

/**
 * Where a block (the 等级 or 总分封顶 one) stops: at the first other block's header below it,
 * else past the sheet.
 */
function stopOf(
  grid: Grid,
  table: FoundTable,
  blocks: StandardBlocks,
  block: FoundTable | null
): number {
  const { gradeTable, capTable, settingTable } = blocks;
  return Math.min(
    ...[gradeTable, capTable, settingTable, table]
      .filter((t): t is FoundTable => t !== null && block !== null && t.headerRow > block.headerRow)
      .map((t) => t.headerRow),
    grid.bottom + 1
  );
}

/** The 等级, 总分封顶 and 设置 blocks read, with the blocks still to be confirmed (待核对). */
function readBlocks(
  r: SheetReader,
  table: FoundTable,
  indicators: TableArea,
  blocks: StandardBlocks,
  cells: StandardCells,
  scope: Standard["scope"]
): Pick<Standard, "grades" | "caps" | "settings" | "unconfirmed"> {
  const capStop = stopOf(r.grid, table, blocks, blocks.capTable);
  const grades = blocks.gradeTable
    ? readGrades(r, blocks.gradeTable, stopOf(r.grid, table, blocks, blocks.gradeTable), cells)
    : noGrades(r, indicators);
  const caps = readCaps(r, blocks.capTable, capStop, cells);
  const settings = readSettings(r, blocks.settingTable, cells, scope);
  return {
    grades: grades.grades,
    caps: caps.caps,
    settings: settings.settings,
    unconfirmed: [
      ...(grades.unconfirmed ? ["grades"] : []),
      ...(caps.unconfirmed ? ["caps"] : []),
      ...settings.unconfirmed,
    ],
  };
}

/** Reads a sheet holding a standard's indicator table. */
export function readStandardSheet(
  grid: Grid,
  table: FoundTable
): WorkbookStandard & { found: FoundInput } {
  const r: SheetReader = {
    grid,
    problems: [],
    at: (row, column) => `${grid.name}!${grid.address(row, column)}`,
  };
  const cells: StandardCells = {};
  const header = readHeader(r, readInfo(r, table.headerRow), cells);
  const preset = findPresetById(header.id);
  const presetIds = new Map((preset?.indicators ?? []).map((i) => [normalizeName(i.name), i.id]));
  const rows = indicatorRows(r, table);
  const { indicators, totalCell } = readIndicators(r, table, rows, presetIds);
  cells.maxTotal = totalCell ?? r.at(table.headerRow, table.columns.max);
  const area = { ...tableArea(grid, table), bottom: rows[rows.length - 1] ?? table.headerRow };
  const blocks = findBlocks(grid, area);
  const read = readBlocks(r, table, area, blocks, cells, header.scope);
  if (indicators.length === 0)
    r.problems.push(
      problem("评分标准表中没有可用的指标行", r.at(table.headerRow, table.columns.max))
    );
  const standard: Standard = { ...header, indicators, ...read, cells };
  const others = [blocks.gradeTable, blocks.capTable, blocks.settingTable].filter(
    (t): t is FoundTable => t !== null
  );
  const last = Math.max(area.bottom, ...others.map((t) => tableArea(grid, t).bottom));
  return {
    standard,
    problems: r.problems,
    sheet: grid.name,
    found: { ...tableFound(table, grid, last), title: tableSpecs.standard.title },
  };
}

/** Sheet names that say they hold a standard: 评分标准, 评分细则, 计分办法 …. */
const STANDARD_SHEET_WORDS = /评分标准|评分细则|评分办法|计分标准|计分办法|评分规则|计分规则/;

export interface StandardSheets {
  /** Sheets read as standards (visible ones first), with their indicator tables. */
  standards: { grid: Grid; table: FoundTable }[];
  /** Sheets that look like a standard but cannot be scored by: never input, and said why. */
  setAside: { grid: Grid; why: string; severity: "error" | "warning" }[];
}

/**
 * Whether the table heading `table` is the department's 绩效指标表 (it has 自评得分): a score
 * column of its own — 分数 heads a standard's 分值 as well, and is then no 自评得分.
 */
function isDepartmentTable(grid: Grid, table: FoundTable): boolean {
  const own = findTable([grid], tableSpecs.indicators);
  if (own === null || Math.abs(own.headerRow - table.headerRow) > 1) return false;
  return own.columns.entered !== table.columns.max;
}

/** Whether any row's 计分方法 names a rule kind (a 评分细则 in prose names none). */
function namesAnyRule(grid: Grid, table: FoundTable): boolean {
  const column = table.columns.rule as number;
  for (let row = table.headerRow + table.headerDepth; row <= grid.bottom; row++) {
    const text = grid.text(row, column);
    if (text && kindFromLabel(text, normalizeName)) return true;
  }
  return false;
}

/** The sheets holding a standard, and those that look like one but cannot be used. */
export function findStandardSheets(grids: readonly Grid[]): StandardSheets {
  const ordered = [...grids.filter((g) => !g.hidden), ...grids.filter((g) => g.hidden)];
  const out: StandardSheets = { standards: [], setAside: [] };
  for (const grid of ordered) {
    const table = findTable([grid], tableSpecs.standard);
    if (table && isDepartmentTable(grid, table)) continue;
    if (table && namesAnyRule(grid, table)) out.standards.push({ grid, table });
    else if (table)
      out.setAside.push({
        grid,
        why: `“${grid.name}”表的计分方法列（${grid.address(table.headerRow, table.columns.rule as number)} 以下）没有可识别的计分方法，只作参考，未作为评分标准使用`,
        severity: "warning",
      });
    else if (STANDARD_SHEET_WORDS.test(grid.name) && !findTable([grid], tableSpecs.indicators))
      out.setAside.push({
        grid,
        why: `“${grid.name}”表未能识别为评分标准（表头须含${describeHeaders(tableSpecs.standard)}），未使用，请按评分标准的写法修改表头`,
        severity: "error",
      });
  }
  return out;
}
