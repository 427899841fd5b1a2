/**
 * Workbook snapshot → typed department input, 评分标准 sheets and project forms included: the
 * parser as the command line and the tests use it (the task pane reads through workbook.ts with
 * the deferred engine it fetched).
 */
import type { WorkbookSnapshot } from "../hosts/snapshot";
import { readProjectForms } from "./projectForms";
import { type ParseResult, parseWorkbookWith } from "./workbook";
import { readWorkbookStandards } from "./workbookStandards";

export * from "./workbook";

export function parseWorkbook(snapshot: WorkbookSnapshot): ParseResult {
  return parseWorkbookWith(snapshot, {
    readStandards: readWorkbookStandards,
    readForms: readProjectForms,
  });
}
