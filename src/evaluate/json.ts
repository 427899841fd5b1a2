/** The evaluation as plain JSON (numbers rounded as shown), for `--json` and for tests. */
import { toJsonNumber } from "../model/decimal";
import type { Dec } from "../model/decimal";
import type { Evaluation, Gap } from "./result";

export interface EvaluationJson {
  department: string;
  year: number;
  total: number;
  grade: string;
  /** The standard in force and where it came from (本工作簿的“评分标准”表, a preset …). */
  standard: { id: string; name: string; source: string; sourceKind: string };
  /** Kept for scripts written against earlier versions: the standard's id and name. */
  profile: { id: string; name: string };
  executionRate: {
    official: number | null;
    table: number | null;
    used: number | null;
    /** `执行率 = 决算数 ÷ 调整预算数` */
    definition: string;
  };
  groups: { level1: string; max: number; counted: number }[];
  indicators: {
    level1: string;
    name: string;
    max: number;
    entered: number | null;
    computed: number | null;
    counted: number;
    explanation: string;
  }[];
  gaps: GapJson[];
  /** Only the project forms were scored (no department table): total, grade, indicators are none. */
  projectsOnly?: true;
  /** With projectsOnly: the department's tables are there but hold no figure yet. */
  departmentBlank?: true;
  /** Present when the workbook holds project forms, best first. */
  projects?: {
    name: string;
    sheet: string;
    cell: string;
    budget: number | null;
    spending: number | null;
    executionRate: number | null;
    score: number;
    grade: string;
    gaps: GapJson[];
  }[];
}

interface GapJson {
  severity: string;
  code: string;
  indicator: string | null;
  message: string;
  cell: string | null;
}

const gapJson = (g: Gap): GapJson => ({
  severity: g.severity,
  code: g.code,
  indicator: g.indicator ?? null,
  message: g.message,
  cell: g.cell ?? null,
});

/**
 * A score or amount with the decimals it carries (two at least, six at most): 89.995 under a
 * standard that keeps three decimals stays 89.995, never 90.
 */
const num = (v: Dec): number => toJsonNumber(v, Math.min(6, Math.max(2, v.decimalPlaces())));
const n = (v: Dec | null): number | null => (v === null ? null : num(v));
/** Rates as percentages (80.87), not fractions, with the decimals they were rounded to. */
const pct = (v: Dec | null): number | null =>
  v === null ? null : toJsonNumber(v.times(100), Math.min(8, Math.max(2, v.decimalPlaces() - 2)));

export function evaluationToJson(e: Evaluation): EvaluationJson {
  return {
    department: e.department,
    year: e.year,
    total: num(e.total),
    grade: e.grade,
    standard: {
      id: e.standard.id,
      name: e.standard.name,
      source: e.standard.sourceText,
      sourceKind: e.standard.source,
    },
    profile: { id: e.standard.id, name: e.standard.name },
    executionRate: {
      official: pct(e.budget.execution.official),
      table: pct(e.budget.execution.table),
      used: pct(e.budget.execution.value),
      definition: e.budget.execution.definition,
    },
    groups: e.groups.map((g) => ({
      level1: g.level1,
      max: num(g.max),
      counted: num(g.counted),
    })),
    indicators: e.indicators.map((i) => ({
      level1: i.level1,
      name: i.name,
      max: num(i.max),
      entered: n(i.entered),
      computed: n(i.computed),
      counted: num(i.counted),
      explanation: i.explanation,
    })),
    gaps: e.gaps.map(gapJson),
    ...(e.projectsOnly ? { projectsOnly: true as const } : {}),
    ...(e.departmentBlank ? { departmentBlank: true as const } : {}),
    ...(e.projects
      ? {
          // In the workbook's order (the printout and 项目自评汇总 sort by score themselves).
          projects: e.projects.results.map((p) => ({
            name: p.name,
            sheet: p.sheet,
            cell: p.cell,
            budget: n(p.budget),
            spending: n(p.spending),
            executionRate: pct(p.execution.value),
            score: num(p.total),
            grade: p.grade,
            gaps: p.gaps.map(gapJson),
          })),
        }
      : {}),
  };
}
