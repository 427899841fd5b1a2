/**
 * Every parameter of a standard in force, as one list: 分值, 计分方法 and each rule parameter of
 * every indicator, the grade bands, the caps and the settings — with its value as shown, whether
 * it is still 待核对, and the cell it came from. The pane, the summary and the CLI read it; nothing
 * about the scoring is hidden.
 */
import { fixed, percent } from "../model/decimal";
import { METRICS } from "./metrics";
import { PARAM_COLUMNS, columnOf, formatParam } from "./params";
import { RULE_KINDS, paramLabel } from "./ruleKinds";
import { SETTING_KEYS, SETTING_SPECS, formatSetting } from "./settings";
import type { CapBand, Standard, StandardIndicator } from "./types";
import { unitOf } from "./validate";

export interface ParameterView {
  /** `executionRate.floor`, `grade.优`, `caps`, `settings.executionRateBase`. */
  path: string;
  /** Chinese label, e.g. `财政支出执行率：零分线`. */
  label: string;
  /** As shown, e.g. `60.00%`. */
  value: string;
  /** Not confirmed against the year's official standard. */
  unconfirmed: boolean;
  /** Changed by the workbook's old 绩效自评设置 overrides. */
  overridden: boolean;
  indicatorId?: string;
  note?: string;
  /** Where it is typed, when the standard came from a sheet: `评分标准!H7`. */
  cell?: string;
}

export function formatCaps(caps: readonly CapBand[]): string {
  if (caps.length === 0) return "不设";
  return [...caps]
    .sort((a, b) => b.below.comparedTo(a.below))
    .map((c) => `执行率低于 ${percent(c.below)} 最高 ${fixed(c.cap, 2)} 分`)
    .join("；");
}

function indicatorParameters(
  ind: StandardIndicator,
  overridden: ReadonlySet<string>
): ParameterView[] {
  const open = new Set(ind.unconfirmed);
  const spec = RULE_KINDS[ind.rule.kind];
  const cells = ind.cells ?? {};
  const view = (key: string, label: string, value: string, cell?: string): ParameterView => ({
    path: `${ind.id}.${key}`,
    label: `${ind.name}：${label}`,
    value,
    unconfirmed: open.has(key),
    overridden: overridden.has(`${ind.id}.${key}`),
    indicatorId: ind.id,
    cell,
  });
  const out = [
    view("max", "分值", fixed(ind.max, 2), cells.max),
    { ...view("rule", "计分方法", spec.label, cells.rule), note: ind.note },
  ];
  if (ind.metric) out.push(view("metric", "考核内容", METRICS[ind.metric].label, cells.metric));
  for (const use of spec.params) {
    const column = columnOf(use.key);
    const label = paramLabel(ind.rule.kind, use.key, PARAM_COLUMNS[column].header);
    out.push(
      view(use.key, label, formatParam(ind.rule.params, use.key, unitOf(ind)), cells[column])
    );
  }
  return out;
}

const listedOnce = new WeakMap<Standard, ParameterView[]>();

/** Every parameter in force; listed once per standard (standards are never changed once built). */
export function listParameters(
  std: Standard,
  overridden: ReadonlySet<string> = new Set()
): ParameterView[] {
  if (overridden.size > 0) return list(std, overridden);
  let listed = listedOnce.get(std);
  if (!listed) {
    listed = list(std, overridden);
    listedOnce.set(std, listed);
  }
  return listed;
}

function list(std: Standard, overridden: ReadonlySet<string>): ParameterView[] {
  const open = new Set(std.unconfirmed);
  const cells = std.cells ?? {};
  const out = std.indicators.flatMap((i) => indicatorParameters(i, overridden));
  for (const g of std.grades) {
    out.push({
      path: `grade.${g.grade}`,
      label: `等级“${g.grade}”最低分（${g.above ? ">" : "≥"}）`,
      value: fixed(g.min, 2),
      unconfirmed: open.has("grades"),
      overridden: overridden.has(`grade.${g.grade}`),
      cell: cells[`grade:${g.grade}`],
    });
  }
  out.push({
    path: "caps",
    label: "按执行率封顶总分",
    value: formatCaps(std.caps),
    unconfirmed: open.has("caps") && std.caps.length > 0,
    overridden: overridden.has("caps"),
    cell: cells.caps,
  });
  for (const key of SETTING_KEYS) {
    out.push({
      path: `settings.${key}`,
      label: SETTING_SPECS[key].label,
      value: formatSetting(key, std.settings[key]),
      unconfirmed: open.has(`settings.${key}`),
      overridden: overridden.has(`settings.${key}`),
      cell: cells[`settings:${key}`],
    });
  }
  return out;
}
