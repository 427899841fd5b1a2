/**
 * Checking a standard, whoever wrote it (a preset, a finance officer's sheet, old settings):
 * each problem is one Chinese sentence naming its cell where it has one, and the standard is
 * repaired so that scoring goes on with what is valid — a rule that cannot be applied is
 * scored as 主观评分, bad caps are dropped, bad grade bands fall back to 优/良/中/差.
 */
import { Dec, HUNDRED, ZERO, fixed, percent, score, sum } from "../model/decimal";
import { normalizeName, quote } from "../model/text";
import type { LevelUnit } from "./bands";
import { METRICS } from "./metrics";
import { PARAM_COLUMNS, columnOf, paramRangeProblems } from "./params";
import { RULE_KINDS, paramLabel, scoredMetric } from "./ruleKinds";
import type { CapBand, GradeBand, Standard, StandardIndicator } from "./types";

export interface StandardProblem {
  /** The whole sentence, cell first when there is one: `评分标准!E7：…`. */
  message: string;
  /** `评分标准!E7` */
  cell?: string;
  /** `warning`: used anyway (a value ignored, a word not understood); default `error`. */
  severity?: "error" | "warning";
  /**
   * `maxTotal`: the 分值 do not add up to 100 (a department's own table says it itself);
   * `maxUnread`: a row left out for its 分值, which then explains a total short of 100.
   */
  code?: "maxTotal" | "maxUnread";
}

/** 优 ≥ 90，良 ≥ 80，中 ≥ 60，差 < 60 — the bands every published table we know uses. */
/** What a message about grades that cannot be used ends with: the grades used instead. */
export const BY_STANDARD_GRADES = "；已按 优 ≥ 90、良 ≥ 80、中 ≥ 60、差 < 60 评定等级";

export const STANDARD_GRADES: GradeBand[] = [
  { grade: "优", min: new Dec(90) },
  { grade: "良", min: new Dec(80) },
  { grade: "中", min: new Dec(60) },
  { grade: "差", min: ZERO },
];

export function problem(
  text: string,
  cell?: string,
  severity: "error" | "warning" = "error"
): StandardProblem {
  return { message: cell ? `${cell}：${text}` : `评分标准：${text}`, cell, severity };
}

/** The unit an indicator's levels are typed in: points for a score metric, else rates. */
export function unitOf(indicator: Pick<StandardIndicator, "rule" | "metric">): LevelUnit {
  const metric = scoredMetric(indicator.rule.kind, indicator.metric);
  return metric && METRICS[metric].unit === "score" ? "score" : "rate";
}

/** What stops an indicator's rule from being applied, as sentences with their cells. */
export function ruleProblems(indicator: StandardIndicator): StandardProblem[] {
  const spec = RULE_KINDS[indicator.rule.kind];
  const cells = indicator.cells ?? {};
  const out: StandardProblem[] = [];
  if (spec.metric === "chosen" && !indicator.metric)
    out.push(
      problem(
        `计分方法“${spec.label}”需要在“考核内容”中选择要计分的数据（如财政支出执行率）`,
        cells.metric ?? cells.rule
      )
    );
  const unit = unitOf(indicator);
  for (const use of spec.params) {
    const column = columnOf(use.key);
    const header = paramLabel(indicator.rule.kind, use.key, PARAM_COLUMNS[column].header);
    if (indicator.rule.params[use.key] === undefined) {
      if (use.required)
        out.push(problem(`计分方法“${spec.label}”需要填写${header}`, cells[column] ?? cells.rule));
      continue;
    }
    for (const text of paramRangeProblems(
      indicator.rule.params,
      use.key,
      unit,
      indicator.max,
      header,
      indicator.name
    ))
      out.push(problem(text, cells[column]));
  }
  for (const p of spec.check?.(indicator.rule.params, unit) ?? [])
    out.push(problem(p.text, cells[columnOf(p.param)] ?? cells.rule));
  return out;
}

function indicatorKey(i: StandardIndicator): string {
  return [i.level1, i.level2 ?? "", i.level3 ?? "", i.name].map(normalizeName).join("/");
}

function checkIndicators(std: Standard, out: StandardProblem[]): StandardIndicator[] {
  const seen = new Set<string>();
  const kept: StandardIndicator[] = [];
  for (const indicator of std.indicators) {
    const key = indicatorKey(indicator);
    if (seen.has(key)) {
      out.push(
        problem(`指标${quote(indicator.name)}重复列出，只采用第一行`, indicator.cells?.name)
      );
      continue;
    }
    seen.add(key);
    if (indicator.max.isNegative()) {
      out.push(
        problem(
          `指标${quote(indicator.name)}的分值 ${score(indicator.max)} 不能为负数，该行未采用`,
          indicator.cells?.max
        )
      );
      continue;
    }
    const problems = ruleProblems(indicator);
    if (problems.length === 0) {
      kept.push(indicator);
      continue;
    }
    for (const p of problems)
      out.push({ ...p, message: `${p.message}；该指标暂按主观评分（以填报得分计入）` });
    kept.push({ ...indicator, rule: { kind: "judgment", params: {} } });
  }
  const total = sum(kept.map((i) => i.max));
  if (kept.length > 0 && !total.equals(HUNDRED))
    out.push({
      ...problem(
        `各指标分值合计 ${score(total)} 分，应为 100 分`,
        std.cells?.maxTotal ?? kept[0].cells?.max
      ),
      code: "maxTotal",
    });
  return kept;
}

function gradeProblems(grades: readonly GradeBand[], std: Standard): StandardProblem[] {
  const cell = (g: GradeBand) => std.cells?.[`grade:${g.grade}`] ?? std.cells?.grades;
  const out: StandardProblem[] = [];
  if (grades.length === 0) return [problem("未列出任何等级", std.cells?.grades)];
  const names = new Set<string>();
  grades.forEach((g, i) => {
    if (!g.grade.trim()) out.push(problem("等级名称为空", cell(g)));
    if (names.has(g.grade)) out.push(problem(`等级“${g.grade}”重复列出`, cell(g)));
    names.add(g.grade);
    if (g.min.isNegative() || g.min.greaterThan(HUNDRED))
      out.push(problem(`等级“${g.grade}”的最低分 ${fixed(g.min, 2)} 超出 0～100 分`, cell(g)));
    if (i > 0 && !g.min.lessThan(grades[i - 1].min))
      out.push(
        problem(
          `等级须从高到低排列：“${g.grade}”的最低分 ${fixed(g.min, 2)} 不低于上一等级“${grades[i - 1].grade}”`,
          cell(g)
        )
      );
  });
  return out;
}

/**
 * Grades whose lowest does not start at 0 (`不合格 ≥ 10`): the city's own grades, the lowest
 * from 0 — a total under its minimum still gets the lowest grade — and a problem saying so.
 */
function fromZero(
  grades: readonly GradeBand[],
  std: Standard,
  out: StandardProblem[]
): GradeBand[] {
  const lowest = grades[grades.length - 1];
  if (lowest.min.isZero()) return [...grades.slice(0, -1), { grade: lowest.grade, min: ZERO }];
  out.push(
    problem(
      `最低等级“${lowest.grade}”的最低分应为 0，否则低于 ${fixed(lowest.min, 2)} 分的总分没有等级；已按 0 分起算`,
      std.cells?.[`grade:${lowest.grade}`] ?? std.cells?.grades
    )
  );
  return [...grades.slice(0, -1), { grade: lowest.grade, min: ZERO }];
}

function checkCaps(std: Standard, out: StandardProblem[]): CapBand[] {
  const kept: CapBand[] = [];
  std.caps.forEach((c, i) => {
    const cell = std.cells?.[`cap:${i}`] ?? std.cells?.caps;
    const before = out.length;
    if (c.cap.isNegative() || c.cap.greaterThan(HUNDRED))
      out.push(problem(`总分封顶 ${fixed(c.cap, 2)} 分超出 0～100 分，此行不采用`, cell));
    if (!c.below.greaterThan(0) || c.below.greaterThan(2))
      out.push(problem(`封顶的执行率界限 ${percent(c.below)} 应在 0～200% 之间，此行不采用`, cell));
    if (kept.some((k) => k.below.equals(c.below)))
      out.push(problem(`执行率低于 ${percent(c.below)} 的封顶重复列出，此行不采用`, cell));
    if (out.length === before) kept.push(c);
  });
  // A lower execution rate never earns a higher cap.
  const sorted = [...kept].sort((a, b) => a.below.comparedTo(b.below));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].cap.lessThan(sorted[i - 1].cap))
      out.push(
        problem(
          `总分封顶应随执行率降低而降低：执行率低于 ${percent(sorted[i - 1].below)} 最高 ${fixed(sorted[i - 1].cap, 2)} 分，却高于低于 ${percent(sorted[i].below)} 的 ${fixed(sorted[i].cap, 2)} 分`,
          std.cells?.caps
        )
      );
  }
  return kept;
}

type Checked = { standard: Standard; problems: StandardProblem[] };

/** Standards are never changed once built: each is checked once (a preset on every 重新计算). */
const checkedOnce = new WeakMap<Standard, Checked>();

/** The standard with what cannot be used repaired, and every problem found. */
export function checkStandard(std: Standard): Checked {
  let checked = checkedOnce.get(std);
  if (!checked) {
    checked = check(std);
    checkedOnce.set(std, checked);
  }
  return checked;
}

function check(std: Standard): Checked {
  const problems: StandardProblem[] = [];
  const indicators = checkIndicators(std, problems);
  const gradeIssues = gradeProblems(std.grades, std);
  problems.push(
    ...gradeIssues.map((p) => ({ ...p, message: `${p.message}${BY_STANDARD_GRADES}` }))
  );
  const grades = gradeIssues.length > 0 ? STANDARD_GRADES : fromZero(std.grades, std, problems);
  const caps = checkCaps(std, problems);
  return { standard: { ...std, indicators, grades, caps }, problems };
}
