/** The evaluation as plain JSON (numbers rounded as shown), for `--json` and for tests. */
import { toJsonNumber } from "../model/decimal";
import type { Dec } from "../model/decimal";
import type { Evaluation } from "./result";

export interface EvaluationJson {
  department: string;
  year: number;
  total: number;
  grade: string;
  profile: { id: string; name: string };
  executionRate: { official: number | null; table: number | null; used: number | null };
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
  gaps: {
    severity: string;
    code: string;
    indicator: string | null;
    message: string;
    cell: string | null;
  }[];
}

const n = (v: Dec | null): number | null => (v === null ? null : toJsonNumber(v));
/** Rates as percentages with two decimals (80.87), not fractions. */
const pct = (v: Dec | null): number | null => (v === null ? null : toJsonNumber(v.times(100)));

export function evaluationToJson(e: Evaluation): EvaluationJson {
  return {
    department: e.department,
    year: e.year,
    total: toJsonNumber(e.total),
    grade: e.grade,
    profile: { id: e.profile.id, name: e.profile.name },
    executionRate: {
      official: pct(e.budget.officialExecutionRate),
      table: pct(e.budget.tableExecutionRate),
      used: pct(e.budget.usedExecutionRate),
    },
    groups: e.groups.map((g) => ({
      level1: g.level1,
      max: toJsonNumber(g.max),
      counted: toJsonNumber(g.counted),
    })),
    indicators: e.indicators.map((i) => ({
      level1: i.level1,
      name: i.name,
      max: toJsonNumber(i.max),
      entered: n(i.entered),
      computed: n(i.computed),
      counted: toJsonNumber(i.counted),
      explanation: i.explanation,
    })),
    gaps: e.gaps.map((g) => ({
      severity: g.severity,
      code: g.code,
      indicator: g.indicator ?? null,
      message: g.message,
      cell: g.cell ?? null,
    })),
  };
}
