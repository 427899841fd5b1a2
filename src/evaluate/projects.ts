/**
 * The department's projects from their forms: every 项目支出绩效自评表 scored by the project
 * standard, matched to the 项目清单 by name, and turned into the projects the department's
 * indicators read — 项目绩效目标完成率 weighs each form's total by its funds, 项目自评覆盖率
 * counts the forms against the projects listed.
 */
import { Dec, score } from "../model/decimal";
import type {
  DepartmentInput,
  Project,
  ProjectCounts,
  ProjectForm,
  ScoreSource,
  WorkbookStandard,
} from "../model/input";
import { quote } from "../model/text";
import type { Standard } from "../standard/types";
import type { ParameterView } from "../standard/parameters";
import { pickStandard } from "./pickStandard";
import { UNGRADED } from "./totals";
import { type ProjectEvaluation, evaluateProject } from "./project";
import { projectAmounts } from "./projectAmounts";
import { matchForms } from "./projectMatching";
import type { DuplicateForm, Gap, StandardInForce } from "./result";

export interface ProjectRollUp {
  standard: StandardInForce;
  parameters: ParameterView[];
  /** Each form's evaluation, in the workbook's order. */
  results: ProjectEvaluation[];
  /** The projects the department's indicators read (the list, with the forms' scores). */
  projects: Project[];
  /** Each project's form (null for a listed project without one), by index of `projects`. */
  forms: (ProjectEvaluation | null)[];
  /** Forms not counted: a second form of a project, or a form of another year. */
  duplicates: DuplicateForm[];
  /** The year and department the forms are summarised for (ProjectsResult's). */
  year: number;
  department: string;
  counts: ProjectCounts;
  gaps: Gap[];
}

/** A form's total as a score that weighs: none when the form cannot be graded. */
const weighedScore = (r: ProjectEvaluation): Dec | null => (r.grade === UNGRADED ? null : r.total);

/** A form's total as the project's score, or why there is none to weigh. */
function formScore(r: ProjectEvaluation): Pick<Project, "selfScore" | "unscored"> {
  const selfScore = weighedScore(r);
  if (selfScore !== null) return { selfScore };
  const why = r.ungradedReason ? `（${r.ungradedReason}）` : "";
  return { selfScore, unscored: `自评表无法评定等级${why}` };
}

function asProject(r: ProjectEvaluation): Project {
  return {
    name: r.name,
    budget: r.budget,
    spending: r.spending,
    ...formScore(r),
    evaluated: true,
    fromForm: true,
    cells: { name: r.cell },
  };
}

/**
 * A form graded 无法评定 (分值 not adding to 100, no indicators): its total is no score to weigh
 * in 项目绩效目标完成率; the project still counts as evaluated (its form exists).
 */
function ungradedGaps(results: Iterable<ProjectEvaluation>): Gap[] {
  const gaps: Gap[] = [];
  for (const r of results) {
    if (r.grade !== UNGRADED) continue;
    const why = r.ungradedReason ?? "";
    gaps.push({
      code: "projectUngraded",
      severity: "warning",
      indicator: r.name,
      message: `项目${quote(r.name)}的自评表无法评定等级（总分 ${score(r.total)}，${why}），不计入项目绩效目标完成率。`,
      suggestion: "核对该项目自评表的分值和得分，使分值合计为 100 分后重新计算。",
      cell: r.cell,
    });
  }
  return gaps;
}

/** A listed project with no form: not counted as evaluated; its listed score, if any, still weighs. */
function formMissing(p: Project): Gap {
  const weighed =
    p.selfScore !== null
      ? `；项目绩效目标完成率按清单得分 ${score(p.selfScore)} 计入`
      : "，也不计入项目绩效目标完成率";
  return {
    code: "projectFormMissing",
    severity: "warning",
    indicator: p.name,
    message: `项目清单中${quote(p.name)}没有项目自评表，不计为已自评${weighed}。`,
    suggestion: "补充该项目的项目支出绩效自评表，或核对项目名称是否与自评表一致。",
    cell: p.cells?.name,
  };
}

/** A listed project with its form's total and amounts (a listed score that differs is said). */
function listedProject(p: Project, r: ProjectEvaluation | null, gaps: Gap[]): Project {
  if (!r) {
    gaps.push(formMissing(p));
    return {
      ...p,
      evaluated: false,
      ...(p.selfScore === null ? { unscored: "没有项目自评表" } : {}),
    };
  }
  if (p.selfScore !== null && !p.selfScore.equals(r.total))
    gaps.push({
      code: "projectScoreDiffers",
      severity: "warning",
      indicator: p.name,
      message: `项目清单中${quote(p.name)}的自评得分 ${score(p.selfScore)} 与其自评表总分 ${score(r.total)} 不一致，按自评表计入。`,
      suggestion: "以项目自评表为准更新项目清单。",
      cell: p.cells?.selfScore ?? p.cells?.name,
    });
  return { ...p, ...projectAmounts(p, r, gaps), ...formScore(r), evaluated: true };
}

/** A form of a project the 项目清单 does not list: added, and said. */
function notListed(r: ProjectEvaluation): Gap {
  return {
    code: "projectNotListed",
    severity: "warning",
    indicator: r.name,
    message: `项目自评表${quote(r.name)}（${r.cell}）不在项目清单中。`,
    suggestion: "在项目清单中补充该项目，或核对项目名称是否一致。",
    cell: r.cell,
  };
}

/** The one value all the given ones are (blanks aside), else undefined. */
function agreed<T>(values: readonly (T | undefined)[]): T | undefined {
  const distinct = [...new Set(values.filter((v) => v !== undefined && v !== ""))];
  return distinct.length === 1 ? distinct[0] : undefined;
}

/**
 * The department and year the forms are summarised for: the department's own, else what all
 * the forms state (主管部门, else — no form naming one — 实施单位; the year of their title).
 */
function statedByForms(input: DepartmentInput, results: readonly ProjectEvaluation[]) {
  const named = results.some((r) => r.department)
    ? agreed(results.map((r) => r.department))
    : agreed(results.map((r) => r.unit));
  return {
    department: input.department || named || "",
    year: input.year > 0 ? input.year : (agreed(results.map((r) => r.year?.value)) ?? 0),
  };
}

/** The 1-based row of a cell address (`表一!H13` → 13). */
const rowOf = (cell: string) => Number(/\d+$/.exec(cell)?.[0] ?? 0);

/** The last row a form's cells were read from (its 总分 and 自评等级, or its last indicator). */
function lastRowOf(form: ProjectForm): number {
  let last = rowOf(form.cell);
  const walk = (v: unknown): void => {
    if (typeof v === "string" && v.startsWith(`${form.sheet}!`)) last = Math.max(last, rowOf(v));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object" && !(v instanceof Dec)) Object.values(v).forEach(walk);
  };
  walk([form.indicators, form.funds, form.statedTotal, form.statedGrade]);
  return last;
}

/** The rows each form's problems are looked for in, on its sheet. */
interface FormSpan {
  sheet: string;
  first: number;
  last: number;
}

/**
 * Each form's rows, worked out once: from below the form stacked above it (its last row read)
 * down to its own last row — or to the sheet's end when no form follows it.
 */
function formSpans(forms: readonly ProjectForm[]): FormSpan[] {
  const lasts = forms.map(lastRowOf);
  return forms.map((form, i) => {
    const start = rowOf(form.cell);
    const same = forms.map((_, k) => k).filter((k) => k !== i && forms[k]?.sheet === form.sheet);
    const above = same.filter((k) => rowOf((forms[k] as ProjectForm).cell) < start);
    const below = same.some((k) => rowOf((forms[k] as ProjectForm).cell) > start);
    return {
      sheet: form.sheet,
      first: Math.max(0, ...above.map((k) => lasts[k] as number)) + 1,
      last: below ? (lasts[i] as number) : Infinity,
    };
  });
}

/** Whether `cell` lies in `span`. */
function within(cell: string | undefined, span: FormSpan): boolean {
  if (!cell?.startsWith(`${span.sheet}!`)) return false;
  const row = rowOf(cell);
  return row >= span.first && row <= span.last;
}

function problemSummary(results: ProjectEvaluation[]): Gap[] {
  const bad = results.filter((r) => r.gaps.some((g) => g.severity === "error"));
  if (bad.length === 0) return [];
  const names = bad
    .slice(0, 5)
    .map((r) => quote(r.name))
    .join("、");
  const which = `${bad.length} 个项目自评表`;
  const more = bad.length > 5 ? ` 等` : "";
  return [
    {
      code: "projectProblems",
      severity: "warning",
      message: `${which}有严重问题：${names}${more}，详见项目自评汇总。`,
      submissionFacts: `${which}存在数据问题：${names}${more}。`,
      suggestion: "逐个核对问题所列单元格后重新计算。",
      cell: bad[0].cell,
    },
  ];
}

/** Each form scored, with the cells of it that could not be read as its problems too. */
function scoreForms(
  forms: readonly ProjectForm[],
  standard: Standard,
  scoreSource: ScoreSource,
  inputGaps: readonly Gap[]
): ProjectEvaluation[] {
  const spans = inputGaps.length > 0 ? formSpans(forms) : [];
  return forms.map((f, i) => {
    const r = evaluateProject(f, standard, scoreSource);
    // A cell of the form that could not be read is the form's problem too (项目自评汇总).
    const span = spans[i];
    const own = span ? inputGaps.filter((g) => within(g.cell, span)) : [];
    return own.length > 0 ? { ...r, gaps: [...own, ...r.gaps] } : r;
  });
}

/** Projects and forms counted: the list's, else (no list) the forms against the stated 项目个数. */
function countsOf(input: DepartmentInput, projects: readonly Project[]): ProjectCounts {
  const stated = input.projectCounts;
  return input.projects.length === 0 && stated
    ? {
        total: Math.max(stated.total, projects.length),
        evaluated: projects.length,
        cells: stated.cells,
      }
    : { total: projects.length, evaluated: projects.filter((p) => p.evaluated).length };
}

export function rollUpProjects(
  input: DepartmentInput,
  scoreSource: ScoreSource,
  given?: WorkbookStandard,
  inputGaps: readonly Gap[] = []
): ProjectRollUp | null {
  const forms = input.projectForms ?? [];
  if (forms.length === 0) return null;
  const picked = pickStandard(input, given, "project");
  const results = scoreForms(forms, picked.inForce.definition, scoreSource, inputGaps);
  const stated = statedByForms(input, results);
  const matched = matchForms(input.projects, results, stated.year);
  const gaps: Gap[] = [...picked.gaps, ...matched.gaps];
  const listed = input.projects.map((p, i) => listedProject(p, matched.listed[i] ?? null, gaps));
  if (input.projects.length > 0) gaps.push(...matched.unlisted.map(notListed));
  const projects = [...listed, ...matched.unlisted.map(asProject)];
  // Each project's form, as matched here (the layouts show them side by side, never re-match).
  const formOf = [...matched.listed, ...matched.unlisted];
  const counted = formOf.filter((f): f is ProjectEvaluation => f !== null);
  return {
    standard: picked.inForce,
    parameters: picked.parameters,
    results,
    projects,
    forms: formOf,
    duplicates: matched.duplicates,
    ...stated,
    counts: countsOf(input, projects),
    gaps: [...gaps, ...ungradedGaps(counted), ...problemSummary(results)],
  };
}
