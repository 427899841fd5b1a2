/**
 * The scoring engine: one department's input → every indicator's entered, computed and counted
 * score with its explanation, subtotals, total, grade and gaps. Four steps: pick the standard,
 * score the indicators, total up (不适用, caps, grade), collect the gaps — sorted once.
 * Pure: no Office, no DOM, no I/O. Never throws on odd input; problems become gaps.
 */
import type { DepartmentInput, ScoreSource, WorkbookStandard } from "../model/input";
import { analyseBudget } from "./budget";
import {
  activityGaps,
  budgetGaps,
  executionGaps,
  linkByMetric,
  threePublicScaleGaps,
  threePublicSourceGaps,
  budgetScaleGaps,
  unconfirmedGaps,
} from "./gaps";
import { metricBook } from "./metrics";
import { type ApplyLegacy, type PickedStandard, pickStandard } from "./pickStandard";
import type { ProjectRollUp, rollUpProjects } from "./projects";
import type {
  BudgetResult,
  Evaluation,
  Gap,
  MetricValue,
  ProjectsOnly,
  ProjectsResult,
  Severity,
  StandardInForce,
} from "./result";
import { scoreIndicators } from "./scoreIndicators";
import { scoredTotals, totalUp, type Totals } from "./totals";
import type { MetricId } from "../standard/metrics";
import type { Standard } from "../standard/types";

export { UNGRADED } from "./totals";

export interface EvaluateOptions {
  /** Score by this standard, whatever the workbook holds (jixiao score --standard). */
  standard?: WorkbookStandard;
  /** Score project forms by this standard, whatever the workbook holds. */
  projectStandard?: WorkbookStandard;
  /** Gaps found before scoring (cells that could not be read), listed with the others. */
  inputGaps?: Gap[];
  /**
   * The workbook holds project forms and no department table (`noDepartmentTables`), or
   * department tables with no figure yet (`departmentBlank`, a template with forms pasted in):
   * only the forms are scored, so the gaps are theirs and the cells that could not be read —
   * not the department's missing tables, names or scores.
   */
  projectsOnly?: ProjectsOnly;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** By severity, keeping the order found within each. */
export function sortGaps(gaps: readonly Gap[]): Gap[] {
  return gaps
    .map((gap, index) => ({ gap, index }))
    .sort(
      (a, b) => SEVERITY_ORDER[a.gap.severity] - SEVERITY_ORDER[b.gap.severity] || a.index - b.index
    )
    .map((x) => x.gap);
}

/** Figures always shown, whichever rules use them. */
const SHOWN: MetricId[] = [
  "executionRate",
  "projectEvaluationCoverage",
  "keyTaskCompletion",
  "threePublicControl",
];

/** How project forms are scored and rolled up: the project engine's part of scoring. */
export type RollUpProjects = typeof rollUpProjects;

/**
 * The parts of scoring the task pane fetches as their own chunk (pipeline/deferredEngine.ts)
 * and evaluate.ts imports: project forms rolled up, and old 绩效自评设置 overrides applied.
 */
export interface DeferredScoring {
  rollUp: RollUpProjects;
  applyLegacy: ApplyLegacy;
}

/**
 * One department's scoring before its gaps are gathered: what the gaps and the evaluation are
 * made from, kept together so that each step below reads it rather than a dozen arguments.
 */
interface DepartmentScoring {
  picked: PickedStandard;
  /** The project forms rolled up (null when the workbook holds none). */
  rolled: ProjectRollUp | null;
  /** The department's input with the rolled-up projects in place of the listed ones. */
  input: DepartmentInput;
  scoreSource: ScoreSource;
  budget: BudgetResult;
  book: ReturnType<typeof metricBook>;
  scored: ReturnType<typeof scoreIndicators>;
  totals: Totals;
}

/**
 * The department scored with `deferred` for its project forms and old settings: the task pane
 * passes the deferred engine it fetched as its own chunk, evaluate.ts the one it imports.
 */
export function evaluateWith(
  given: DepartmentInput,
  options: EvaluateOptions,
  deferred: DeferredScoring
): Evaluation {
  const s = scoreDepartment(given, options, deferred);
  const { rolled } = s;
  const projectsOnly = options.projectsOnly !== undefined && rolled !== null;
  const gaps = projectsOnly
    ? sortGaps([...(options.inputGaps ?? []).filter((g) => g.cell), ...rolled.gaps])
    : departmentGaps(s, options.inputGaps);
  return evaluationOf(s, gaps, projectsOnly ? options.projectsOnly : undefined);
}

/** Pick the standard, roll up the project forms, analyse the budget, score and total up. */
function scoreDepartment(
  given: DepartmentInput,
  options: EvaluateOptions,
  { rollUp, applyLegacy }: DeferredScoring
): DepartmentScoring {
  // A standard given for the run (--standard) scores what it is for: a project standard the forms.
  const forProjects = options.standard?.standard.scope === "project";
  const departmentStandard = forProjects ? undefined : options.standard;
  const projectStandard = forProjects ? options.standard : options.projectStandard;
  const picked = pickStandard(given, departmentStandard, "department", applyLegacy);
  const standard = picked.inForce.definition;
  const settings = standard.settings;
  const scoreSource: ScoreSource =
    given.settings?.scoreSource === "computed" ? "computed" : "entered";
  // Project forms, scored first: their totals are the projects the department's indicators read.
  const rolled = rollUp(given, scoreSource, projectStandard, options.inputGaps);
  const input = rolled
    ? { ...given, projects: rolled.projects, projectCounts: rolled.counts }
    : given;
  const budget = analyseBudget(input.budget, settings);
  const book = metricBook({ input, budget, settings });

  const scored = scoreIndicators(standard, input, book, scoreSource);
  const totals = totalUp(scored.indicators, standard, budget.execution, input);
  return { picked, rolled, input, scoreSource, budget, book, scored, totals };
}

/** Every gap of a department scored in full, sorted: those found before scoring first. */
function departmentGaps(s: DepartmentScoring, inputGaps: Gap[] | undefined): Gap[] {
  const { picked, rolled, input, budget, book, scored, totals } = s;
  const settings = picked.inForce.definition.settings;
  const link = linkByMetric(scored.indicators);
  return sortGaps([
    ...(inputGaps ?? []),
    ...picked.gaps,
    ...(rolled?.gaps ?? []),
    ...scored.gaps,
    ...totals.gaps,
    ...budgetGaps(input, budget, settings),
    ...executionGaps(budget.execution, settings, link, input.budget.unit),
    ...activityGaps(input, book("projectEvaluationCoverage"), link),
    ...threePublicScaleGaps(input),
    ...threePublicSourceGaps(input, settings.tieTolerance),
    ...budgetScaleGaps(input),
    ...unconfirmedGaps(scored.indicators, picked.parameters, standardSheetOf(picked.inForce)),
  ]);
}

/** The 评分标准 sheet the officer keeps the standard in, in words; null for a preset. */
function standardSheetOf(inForce: StandardInForce): string | null {
  if (inForce.source === "sheet") return "评分标准表";
  return inForce.file ? `${inForce.file} 的评分标准表` : null;
}

/** The figures an evaluation shows: those always shown, then each indicator's (with its basis). */
function shownMetrics(
  indicators: Standard["indicators"],
  book: DepartmentScoring["book"]
): Partial<Record<MetricId, MetricValue>> {
  const metrics: Partial<Record<MetricId, MetricValue>> = {};
  for (const id of SHOWN) metrics[id] = book(id);
  for (const d of indicators) if (d.metric) metrics[d.metric] = book(d.metric, d.rule.params.basis);
  return metrics;
}

/** The project forms' part of an evaluation: absent when the workbook holds none. */
function projectsPart(rolled: ProjectRollUp | null): { projects?: ProjectsResult } {
  if (!rolled) return {};
  return {
    projects: {
      standard: rolled.standard,
      parameters: rolled.parameters,
      results: rolled.results,
      projects: rolled.projects,
      forms: rolled.forms,
      duplicates: rolled.duplicates,
      year: rolled.year,
      department: rolled.department,
    },
  };
}

/**
 * The evaluation as returned: `projectsOnly` is set when only the project forms were scored
 * (why, in its value). The keys keep their order, so the JSON written stays the same.
 */
function evaluationOf(
  s: DepartmentScoring,
  gaps: Gap[],
  projectsOnly: ProjectsOnly | undefined
): Evaluation {
  const { picked, input, budget, scored } = s;
  const metrics = shownMetrics(picked.inForce.definition.indicators, s.book);
  // Forms alone: the department and year the forms state, as the 项目自评汇总 is titled.
  const named = projectsOnly && s.rolled ? s.rolled : input;
  return {
    department: named.department,
    year: named.year,
    standard: picked.inForce,
    ...projectsPart(s.rolled),
    ...(projectsOnly ? { projectsOnly: true as const } : {}),
    ...(projectsOnly === "departmentBlank" ? { departmentBlank: true as const } : {}),
    scoreSource: s.scoreSource,
    parameters: picked.parameters,
    budget,
    metrics,
    indicators: scored.indicators,
    ...scoredTotals(s.totals),
    gaps,
  };
}
