/**
 * 考核内容: the figures a standard's rules can score, as a finance officer names them. The
 * engine computes each from the workbook (evaluate/metrics.ts); this catalogue is what the
 * 评分标准 sheet's drop-down offers and how values are shown.
 */

export type MetricId =
  | "executionRate" // 财政支出执行率
  | "budgetAdjustmentRate" // 预算调整率 = |调整预算数 − 年初预算数| ÷ 年初预算数
  | "threePublicControl" // “三公”经费控制率 = 实际支出 ÷ 预算
  | "threePublicChange" // “三公”经费变动率 = (本年 − 上年) ÷ 上年
  | "keyTaskCompletion" // 重点工作完成率 = 已完成 ÷ 计划
  | "projectEvaluationCoverage" // 项目自评覆盖率 = 已自评 ÷ 项目数
  | "projectFundWeightedScore" // 项目绩效目标完成率: Σ(项目自评得分 × 资金) ÷ Σ资金 (0–100)
  | "satisfaction" // 满意度
  | "staffControl" // 在职人员控制率 = 在职人数 ÷ 编制人数
  | "keyExpenditureShare" // 重点支出安排率 = 重点项目支出 ÷ 项目支出
  | "projectExecutionRate"; // 项目预算执行率 = 全年执行数 ÷ 全年预算数 (a project form's funds)

export interface MetricSpec {
  /** The drop-down label in the 评分标准 sheet. */
  label: string;
  /** Other spellings accepted in the sheet, and labels of a stated value in 基本信息. */
  synonyms: string[];
  /** `rate`: a fraction shown as %; `score`: points out of 100. */
  unit: "rate" | "score";
  /** How it is computed, in words (docs and the sheet's notes). */
  definition: string;
}

export const METRICS: Record<MetricId, MetricSpec> = {
  executionRate: {
    label: "财政支出执行率",
    synonyms: ["预算执行率", "执行率", "财政支出完成率", "全年财政支出完成率"],
    unit: "rate",
    definition: "决算数 ÷ 执行率口径的预算数（或填报的财政支出执行率）",
  },
  budgetAdjustmentRate: {
    label: "预算调整率",
    synonyms: ["调整率", "预算调整幅度"],
    unit: "rate",
    definition: "|调整预算数 − 年初预算数| ÷ 年初预算数（合计行）",
  },
  threePublicControl: {
    label: "“三公”经费控制率",
    synonyms: ["三公经费控制率", "三公经费控制情况", "三公经费支出比例"],
    unit: "rate",
    definition: "“三公”经费实际支出数 ÷ 预算数",
  },
  threePublicChange: {
    label: "“三公”经费变动率",
    synonyms: ["三公经费变动率"],
    unit: "rate",
    definition: "（本年“三公”经费实际支出数 − 上年实际支出数）÷ 上年实际支出数",
  },
  keyTaskCompletion: {
    label: "重点工作完成率",
    synonyms: ["重点工作任务完成率", "重点任务完成率"],
    unit: "rate",
    definition: "已完成的重点工作任务数 ÷ 计划任务数",
  },
  projectEvaluationCoverage: {
    label: "项目自评覆盖率",
    synonyms: ["自评覆盖率", "项目绩效自评覆盖率"],
    unit: "rate",
    definition: "已开展自评的项目数 ÷ 项目总数",
  },
  projectFundWeightedScore: {
    label: "项目绩效目标完成率",
    synonyms: ["项目自评加权得分", "资金加权项目自评得分", "项目目标完成率"],
    unit: "score",
    definition: "Σ(项目自评得分 × 项目资金) ÷ Σ项目资金（0～100 分）",
  },
  satisfaction: {
    label: "满意度",
    synonyms: ["公众或服务对象满意度", "服务对象满意度", "满意度调查结果"],
    unit: "rate",
    definition: "满意度调查结果（百分比）",
  },
  staffControl: {
    label: "在职人员控制率",
    synonyms: ["人员控制率", "编制控制率"],
    unit: "rate",
    definition: "在职人数 ÷ 编制人数",
  },
  keyExpenditureShare: {
    label: "重点支出安排率",
    synonyms: ["重点项目支出安排率"],
    unit: "rate",
    definition: "重点项目支出 ÷ 项目支出（决算数）",
  },
  projectExecutionRate: {
    label: "项目预算执行率",
    synonyms: ["项目执行率", "项目资金执行率"],
    unit: "rate",
    definition:
      "全年执行数 ÷ 全年预算数（项目支出绩效自评表的年度资金总额；口径为年初时 ÷ 年初预算数）",
  },
};

export const METRIC_IDS = Object.keys(METRICS) as MetricId[];
