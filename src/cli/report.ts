/** The evaluation as text for the terminal: score table, total and grade, gap list. */
import { yearly } from "../model/year";
import { type Dec, amountIn, percent, score } from "../model/decimal";
import type { Evaluation, Gap } from "../evaluate/result";
import { severityLabels } from "../evaluate/result";
import { tieVerdict } from "../evaluate/budget";
import { renderTable } from "./textTable";
import { byScore, largestDeviation } from "../layout/projectSummary";
import { projectsOnlyNote } from "../pipeline/writtenSheets";

const dash = "—";

/** The project forms: how many, by which standard, the roll-up, and the ten weakest. */
export function renderProjects(e: Evaluation): string[] {
  if (!e.projects) return [];
  const results = e.projects.results;
  const out = [
    `项目自评（${results.length} 张项目支出绩效自评表，评分标准：${e.projects.standard.name}）`,
  ];
  const weighted = e.metrics.projectFundWeightedScore;
  const coverage = e.metrics.projectEvaluationCoverage;
  if (weighted)
    out.push(`  项目绩效目标完成率：${weighted.value === null ? weighted.reason : weighted.text}`);
  if (coverage)
    out.push(`  项目自评覆盖率：${coverage.value === null ? coverage.reason : coverage.text}`);
  // The forms counted: a second form of one project is not among them (项目自评汇总 names it).
  const duplicates = new Set(e.projects.duplicates.map((d) => d.form));
  const counted = results.filter((r) => !duplicates.has(r));
  const weakest = byScore(counted, "asc").slice(0, 10);
  out.push(`得分最低的 ${weakest.length} 个项目：`);
  out.push(
    renderTable(
      ["项目", "总分", "等级", "执行率", "问题", "主要偏差"],
      weakest.map((p) => [
        p.name,
        score(p.total),
        p.grade,
        p.execution.value === null ? dash : percent(p.execution.value),
        String(p.gaps.length),
        largestDeviation(p),
      ]),
      ["left", "right", "left", "right", "right", "left"]
    )
  );
  return out;
}

/** 预算执行 and the budget table's 合计, in the unit the table was kept in. */
function budgetLines(e: Evaluation): string[] {
  const b = e.budget;
  const x = b.execution;
  const rate = (label: string, v: typeof x.table) => `${label} ${v === null ? dash : percent(v)}`;
  const lines = [
    `预算执行：${rate("填报执行率", x.official)}；${rate("预算表执行率", x.table)}（${x.definition}）；预算表${tieVerdict(b)}${b.unchecked.length > 0 && b.ties.length > 0 ? "，部分栏目缺数未核对" : ""}`,
  ];
  const total = b.rows.find((r) => r.category === "total");
  // In the table's own unit (元 with cents: what the sheet shows), else 万元 as kept.
  const amount = (v: Dec | null) => (v ? amountIn(v, b.unit) : dash);
  if (total)
    lines.push(
      `  合计：年初预算 ${amount(total.initial)}，调整预算 ${amount(total.adjusted)}，决算 ${amount(total.final)}（${b.unit?.label ?? "万元"}）`
    );
  return lines;
}

/** The indicators by 一级指标, each group's 小计, and the 总分, as a table. */
function indicatorTable(e: Evaluation): string {
  const rows: string[][] = [];
  for (const group of e.groups) {
    for (const i of e.indicators.filter((x) => x.level1 === group.level1)) {
      rows.push([
        i.level1,
        i.name + (i.unconfirmed.length > 0 ? "（待核对）" : ""),
        score(i.max),
        i.entered === null ? dash : score(i.entered),
        i.computed === null ? dash : score(i.computed),
        score(i.counted),
      ]);
    }
    rows.push(["", `小计`, score(group.max), "", "", score(group.counted)]);
  }
  rows.push(["", "总分", score(e.maxTotal), "", "", score(e.total)]);
  return renderTable(["一级指标", "指标", "分值", "填报", "计算", "计入"], rows, [
    "left",
    "left",
    "right",
    "right",
    "right",
    "right",
  ]);
}

export function renderEvaluation(e: Evaluation): string {
  // Project forms alone: no department total or table of zeros, the forms and their gaps (and
  // the department's list only if it holds anything: the roll-up's, the reading's).
  if (e.projectsOnly)
    return [
      projectsOnlyNote(e),
      "",
      ...renderProjects(e),
      ...(e.gaps.length > 0 ? ["", ...gapList(e)] : []),
      ...projectGapList(e),
    ].join("\n");
  const projects = renderProjects(e);
  return [
    `${e.department} ${yearly(e.year)}部门整体支出绩效自评`,
    `评分标准：${e.standard.name}（来源：${e.standard.sourceText}）`,
    "",
    ...budgetLines(e),
    "",
    indicatorTable(e),
    "",
    `总分 ${score(e.total)} 分，绩效等级“${e.grade}”${e.cap !== null ? `（按执行率封顶 ${score(e.cap)} 分）` : ""}`,
    "",
    ...(projects.length > 0 ? [...projects, ""] : []),
    ...gapList(e),
    ...projectGapList(e),
  ].join("\n");
}

/** `严重 0，警告 4，提示 7`. */
function severityCounts(gaps: readonly Gap[]): string {
  return SEVERITIES.map(
    (s) => `${severityLabels[s]} ${gaps.filter((g) => g.severity === s).length}`
  ).join("，");
}

/** One gap as its numbered line and its 建议, indented by `indent`. */
function gapLines(g: Gap, index: number, indent = ""): string[] {
  // The cell once: a message about a cell already starts with it (`预算支出!D12：…`).
  const cell = g.cell && !g.message.startsWith(`${g.cell}：`) ? `（${g.cell}）` : "";
  return [
    `${indent}${index + 1}. [${severityLabels[g.severity]}] ${g.message}${cell}`,
    `${indent}   建议：${g.suggestion}`,
  ];
}

/** 问题清单（共 N 项：…）, each gap with its 建议. */
function gapList(e: Evaluation): string[] {
  return [
    `问题清单（共 ${e.gaps.length} 项：${severityCounts(e.gaps)}）`,
    ...e.gaps.flatMap((g, index) => gapLines(g, index)),
  ];
}

/** The forms listed, and the gaps listed per form; the rest are counted. */
const FORMS_LISTED = 10;
const GAPS_PER_FORM = 5;

const SEVERITIES = ["error", "warning", "info"] as const;
const rank = (g: Gap) => SEVERITIES.indexOf(g.severity);

/**
 * 项目自评表问题: each form's own gaps under its name, the forms with the gravest gap first (the
 * weakest first among them), the gravest of a form's gaps first; FORMS_LISTED forms of
 * GAPS_PER_FORM gaps at most, the rest counted and pointed to 项目自评汇总, which lists them all.
 */
function projectGapList(e: Evaluation): string[] {
  if (!e.projects) return [];
  const forms = byScore(e.projects.results, "asc")
    .filter((p) => p.gaps.length > 0)
    .map((p) => ({ form: p, gaps: [...p.gaps].sort((a, b) => rank(a) - rank(b)) }))
    .sort((a, b) => rank(a.gaps[0] as Gap) - rank(b.gaps[0] as Gap));
  const all = forms.flatMap((f) => f.gaps);
  const out = [
    "",
    `项目自评表问题（${forms.length} 张表共 ${all.length} 项：${severityCounts(all)}）`,
  ];
  if (forms.length === 0) return [...out.slice(0, 1), "项目自评表问题：未发现问题。"];
  for (const { form, gaps } of forms.slice(0, FORMS_LISTED)) {
    out.push(`${form.name}（${form.cell}）：${gaps.length} 项`);
    gaps.slice(0, GAPS_PER_FORM).forEach((g, i) => out.push(...gapLines(g, i, "  ")));
    if (gaps.length > GAPS_PER_FORM) out.push(`  …另有 ${gaps.length - GAPS_PER_FORM} 项未列出`);
  }
  const rest = forms.slice(FORMS_LISTED);
  if (rest.length > 0)
    out.push(
      `另有 ${rest.length} 张自评表的 ${rest.reduce((n, f) => n + f.gaps.length, 0)} 项问题未列出。`
    );
  const shown = forms
    .slice(0, FORMS_LISTED)
    .reduce((n, f) => n + Math.min(f.gaps.length, GAPS_PER_FORM), 0);
  if (shown < all.length)
    out.push(`全部问题及其单元格见“项目自评汇总”工作表的“三、项目问题清单”（或 --json）。`);
  return out;
}
