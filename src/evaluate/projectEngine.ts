/**
 * The project-form engine as one value: how 项目支出绩效自评表 are read (parse/projectForms.ts)
 * and how they are scored and rolled up into the department (projects.ts, project.ts). The task
 * pane fetches this module as its own chunk while it reads the workbook, so the pane's first
 * download stays small; the command line and the tests import it with everything else.
 */
import { readProjectForms } from "../parse/projectForms";
import { rollUpProjects } from "./projects";

export const projectEngine = { readForms: readProjectForms, rollUp: rollUpProjects };
export type ProjectEngine = typeof projectEngine;
