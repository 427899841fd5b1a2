/**
 * The sentences the submission and the report draft use for each kind of problem the department
 * owns: a lead in the seed report's words (“预算编制有待更严格执行。”), then the facts from the
 * gap (its submissionFacts where the gap list's message says more), and a 改进措施. Edit the wording here; nothing else words these items.
 */
import type { GapCode } from "../evaluate/result";

export interface ProblemPhrase {
  /** Opens the 存在问题 item; the gap's facts follow. */
  lead: string;
  /** The 改进措施 item. */
  measure: string;
}

/** Gap kinds that are the department's problems (printed), with their sentences. */
export const DEPARTMENT_PHRASES: Partial<Record<GapCode, ProblemPhrase>> = {
  executionBelowTarget: {
    // The gap's submissionFacts: the rate, its target and which rate scored, without cells;
    // what is still to spend (on the table's basis) is the checklist's.
    lead: "预算执行进度有待加快。",
    measure: "加强预算执行管理，督促项目各牵头科室按预算规定加快支出进度，提高资金使用效益。",
  },
  totalCapped: {
    lead: "预算执行率偏低影响整体绩效。",
    measure: "建立预算执行进度通报机制，对执行进度滞后的项目及时分析原因、督促整改。",
  },
  largeAdjustment: {
    lead: "预算编制有待更严格执行。",
    measure:
      "强化预算绩效管理意识，夯实编制基础工作，做细做实事前需求调查，提高预算编制质量，减少年中调整。",
  },
  threePublicOver: {
    lead: "“三公”经费控制有待加强。",
    measure: "严格执行“三公”经费预算，从严控制公务接待、公务用车和因公出国（境）支出。",
  },
  keyTasksIncomplete: {
    lead: "部分重点工作任务未按期完成。",
    measure: "对未完成的重点工作逐项分析原因，明确责任科室和完成时限，跟踪督办。",
  },
  projectCoverageBelowFull: {
    lead: "项目绩效自评覆盖不全。",
    measure: "按市级财政支出绩效自评工作要求，对全部项目开展绩效自评，做到自评全覆盖。",
  },
  projectProblems: {
    lead: "部分项目绩效自评质量有待提高。",
    measure: "加强对项目单位绩效自评工作的指导和审核，确保自评数据准确、依据充分。",
  },
};

/** A visibly marked place for prose only a person can write: 【待填写：扣分原因】. */
export function toFill(what: string): string {
  return `【待填写：${what}】`;
}

/** The 改进措施 for an indicator that lost points (the department may edit it in the report). */
export const DEDUCTION_MEASURE = (indicator: string) =>
  `针对${indicator}扣分的原因，完善相关管理制度，明确责任科室并抓好整改落实。`;
