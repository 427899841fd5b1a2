/**
 * Workbook snapshot → typed department input, project forms included: the parser as the
 * command line and the tests use it (the task pane reads through workbook.ts with the project
 * engine it fetched).
 */
import type { WorkbookSnapshot } from "../hosts/snapshot";
import { readProjectForms } from "./projectForms";
import { type ParseResult, parseWorkbookWith } from "./workbook";

export * from "./workbook";

export function parseWorkbook(snapshot: WorkbookSnapshot): ParseResult {
  return parseWorkbookWith(snapshot, readProjectForms);
}
