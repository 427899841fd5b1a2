/**
 * The deferred engine, as one value: the scoring of a read workbook (pipeline/scoreCore.ts: the
 * parser and the engine), how a workbook's own 评分标准 sheets are found and read
 * (parse/workbookStandards.ts), how its 项目支出绩效自评表 are read (parse/projectForms.ts), and how
 * they are scored and rolled up into the department (evaluate/projects.ts), and old 绩效自评设置
 * overrides applied to a preset (standard/legacy.ts). The task pane fetches
 * this module as its own chunk while it reads the workbook, in parallel, so the pane's first
 * download (its view and the Excel host) stays small; the command line and the tests import it
 * with everything else.
 */
import { rollUpProjects } from "../evaluate/projects";
import { applyLegacySettings } from "../standard/legacy";
import { readProjectForms } from "../parse/projectForms";
import { readWorkbookStandards } from "../parse/workbookStandards";
import { scoreSnapshotWith } from "./scoreCore";

export const deferredEngine = {
  score: scoreSnapshotWith,
  readStandards: readWorkbookStandards,
  readForms: readProjectForms,
  rollUp: rollUpProjects,
  applyLegacy: applyLegacySettings,
};
export type DeferredEngine = typeof deferredEngine;
