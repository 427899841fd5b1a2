/**
 * The input tables' kinds and their Chinese names (部门预算支出明细表 …): what the parser's specs
 * (tables.ts) call them and what the task pane lists, without the parser itself.
 */
export type TableKind =
  | "budget"
  | "indicators"
  | "projects"
  | "keyTasks"
  | "threePublic"
  | "settings"
  | "standard"
  | "standardGrades"
  | "standardCaps"
  | "standardSettings"
  | "projectFunds"
  | "projectIndicators"
  | "projectGoal";

export const TABLE_TITLES: Record<TableKind, string> = {
  budget: "部门预算支出明细表",
  indicators: "绩效指标表",
  projects: "项目清单",
  keyTasks: "重点工作任务表",
  threePublic: "“三公”经费表",
  standard: "评分标准",
  standardGrades: "等级",
  standardCaps: "总分封顶",
  standardSettings: "口径与核对设置",
  projectFunds: "项目资金",
  projectIndicators: "项目绩效指标",
  projectGoal: "年度总体目标",
  settings: "绩效自评设置",
};
