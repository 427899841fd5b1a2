/**
 * The seed department: 佛山市社会保险基金管理局, 2022, every figure as its 部门整体支出绩效
 * 自评报告 states it (the published report the first customer gave us). Nothing here is invented: the report lists no
 * projects (only "53 projects, 53 self-evaluated"), so the project list is empty; the one
 * 5-point indicator the report scores but never names is kept as 报告未列明的指标.
 */
import { dec } from "../src/model/decimal";
import type { DepartmentInput } from "../src/model/input";

export const seedDepartment: DepartmentInput = {
  department: "佛山市社会保险基金管理局",
  year: 2022,
  city: "佛山市",
  budget: {
    rows: [
      {
        category: "basic",
        label: "一、基本支出",
        initial: dec("2978.23"),
        adjusted: dec("3005.47"),
        final: dec("2908.01"),
      },
      {
        category: "personnel",
        label: "人员经费",
        initial: dec("2594.87"),
        adjusted: dec("2646.39"),
        final: dec("2561.68"),
      },
      {
        category: "publicOperating",
        label: "日常公用经费",
        initial: dec("383.36"),
        adjusted: dec("359.08"),
        final: dec("346.32"),
      },
      {
        category: "project",
        label: "二、项目支出",
        initial: dec("37590.5"),
        adjusted: dec("49356.67"),
        final: dec("43757.42"),
      },
      {
        category: "capitalConstruction",
        label: "其中：基本建设类项目",
        initial: null,
        adjusted: null,
        final: null,
      },
      {
        category: "remittance",
        label: "三、上缴上级支出",
        initial: null,
        adjusted: null,
        final: null,
      },
      { category: "business", label: "四、经营支出", initial: null, adjusted: null, final: null },
      {
        category: "subsidy",
        label: "五、对附属单位补助支出",
        initial: null,
        adjusted: null,
        final: null,
      },
      {
        category: "total",
        label: "合计",
        initial: dec("40568.73"),
        adjusted: dec("52362.14"),
        final: dec("46665.43"),
      },
    ],
    officialExecutionRate: dec("0.8087"),
    officialRateBase: "报告所称“全年财政支出完成率”，口径未说明",
  },
  indicators: [
    { level1: "管理效率", name: "预算绩效管理情况", max: dec(10), entered: dec(10) },
    { level1: "管理效率", name: "财务管理情况", max: dec(20), entered: dec(20) },
    {
      level1: "管理效率",
      name: "项目管理情况",
      max: dec(12),
      entered: dec(12),
      explanation: "本部门项目共 53 个，已对 53 个项目开展自评，项目自评覆盖率 100%。",
    },
    { level1: "管理效率", name: "资产管理情况", max: dec(8), entered: dec(8) },
    {
      level1: "履职效能",
      name: "“三公”经费控制情况",
      max: dec(3),
      entered: dec(3),
      explanation: "“三公”经费全年预算安排 13.5 万元，实际支出 1.88 万元，实际支出数小于预算数。",
    },
    {
      level1: "履职效能",
      name: "财政支出执行率",
      max: dec(10),
      entered: dec("5.18"),
      explanation: "全年财政支出完成率为 80.87%，按照评分标准计分。",
    },
    {
      level1: "履职效能",
      name: "重点工作完成率",
      max: dec(10),
      entered: dec(10),
      explanation: "共有 5 项重点工作任务，已完成 5 项，重点工作完成率为 100%。",
    },
    {
      level1: "履职效能",
      name: "项目绩效目标完成率",
      max: dec(7),
      entered: dec(7),
      explanation: "依据各项目单位绩效自评分数和项目资金的占比权重，按照公式计算。",
    },
    {
      level1: "履职效能",
      name: "政治、经济、文化、社会、生态文明建设效益",
      max: dec(10),
      entered: dec(10),
    },
    { level1: "履职效能", name: "公众或服务对象满意度", max: dec(5), entered: dec(5) },
    {
      level1: "（报告未列明）",
      name: "报告未列明的指标",
      max: dec(5),
      entered: dec(5),
      explanation: "报告未列明该指标；由总分 95.18 分与所列指标得分合计 90.18 分之差推得。",
    },
  ],
  projects: [],
  projectCounts: { total: 53, evaluated: 53 },
  keyTasks: [
    {
      name: "依托省服务平台提升网办服务水平",
      done: true,
      note: "参保信息查询、参保缴费证明、待遇资格认证、保险关系转移等共 190 项社保业务实现网办，其中 105 项业务实现“零跑腿”，50 项可通过粤系列“移动办”。",
    },
    {
      name: "搭建社保中台增强经办服务支撑能力",
      done: true,
      note: "实现企业职工一次性养老保险待遇申领、延后缴纳社会保险费登记等 41 个高频事项“全城通办”。",
    },
    {
      name: "推进“快办行动”",
      done: true,
      note: "推动跨部门“打包办”，试点推出“退休一件事”主题服务；创新推行“社税”联办服务；优化“开办企业一件事”全流程。",
    },
    {
      name: "加快建设“社银双系统”和“24小时社银服务区”",
      done: true,
      note: "2022 年完成对各合作银行共 200 个服务网点的 523 台银行智能柜台“双系统”改造，上线业务 54 项并办理 133.26 万笔业务。",
    },
    {
      name: "加快建设“湾区社保服务通”",
      done: true,
      note: "梳理编制佛澳“社保服务通”掌上办操作指南，通过“粤智助”实现社保事项湾区通办线下服务。",
    },
  ],
  threePublic: { budget: dec("13.5"), actual: dec("1.88") },
};
