/**
 * The scoring engine as the command line and the tests use it: department.ts with the project
 * engine imported (the task pane fetches that as its own chunk).
 */
import type { DepartmentInput } from "../model/input";
import { type EvaluateOptions, evaluateWith } from "./department";
import { applyLegacySettings } from "../standard/legacy";
import { rollUpProjects } from "./projects";
import type { Evaluation } from "./result";

export * from "./department";

export function evaluate(given: DepartmentInput, options: EvaluateOptions = {}): Evaluation {
  return evaluateWith(given, options, {
    rollUp: rollUpProjects,
    applyLegacy: applyLegacySettings,
  });
}
