/**
 * The deferred engine, as one value: how a workbook's own 评分标准 sheets are found and read
 * (parse/workbookStandards.ts), how its 项目支出绩效自评表 are read (parse/projectForms.ts), and how
 * they are scored and rolled up into the department (evaluate/projects.ts), and old 绩效自评设置
 * overrides applied to a preset (standard/legacy.ts). The task pane fetches
 * this module as its own chunk while it reads the workbook, in parallel, so the pane's first
 * download stays small; the command line and the tests import it with everything else.
 */
import { rollUpProjects } from "../evaluate/projects";
import { applyLegacySettings } from "../standard/legacy";
import { readProjectForms } from "../parse/projectForms";
import { readWorkbookStandards } from "../parse/workbookStandards";

export const deferredEngine = {
  readStandards: readWorkbookStandards,
  readForms: readProjectForms,
  rollUp: rollUpProjects,
  applyLegacy: applyLegacySettings,
};
export type DeferredEngine = typeof deferredEngine;
