/**
 * The whole pure pipeline for one workbook: snapshot → parse → evaluate. Problems found while
 * reading become error gaps at the top of the gap list, so the user sees which cell to fix
 * while everything that could be scored is scored.
 */
import { type EvaluateOptions, evaluateWith } from "../evaluate/department";
import type { DeferredEngine } from "./deferredEngine";
import type { Evaluation, Gap } from "../evaluate/result";
import type { WorkbookProtection, WorkbookSnapshot } from "../hosts/snapshot";
import { type ParseResult, parseWorkbookWith } from "../parse/workbook";
import { projectsOnly } from "./nothingToWrite";

export interface WorkbookScore {
  parse: ParseResult;
  evaluation: Evaluation;
  /** 保护工作簿 / 只读, as the host reported them when the workbook was read. */
  protection?: WorkbookProtection;
  /** Our 绩效自评汇总 found in the workbook when it was read (written earlier), if any. */
  summarySheet?: string;
}

/**
 * Scored with `engine`, the deferred engine (评分标准 sheets, project forms): imported by
 * scoreWorkbook.ts, fetched by the pane.
 */
export function scoreSnapshotWith(
  snapshot: WorkbookSnapshot,
  options: EvaluateOptions,
  engine: DeferredEngine
): WorkbookScore {
  const parse = parseWorkbookWith(snapshot, engine);
  const inputGaps: Gap[] = parse.problems.map((p) => ({
    code: "inputError",
    severity: p.severity,
    message: p.message,
    suggestion: p.cell ? "按提示修改该单元格后重新计算。" : "按提示补充后重新计算。",
    cell: p.sheet && p.cell ? `${p.sheet}!${p.cell}` : undefined,
  }));
  return {
    parse,
    evaluation: evaluateWith(
      parse.input,
      { ...options, inputGaps, projectsOnly: projectsOnly({ parse }) },
      engine
    ),
  };
}
