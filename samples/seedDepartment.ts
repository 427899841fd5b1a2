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
  narrative: {
    leader: "郭家新",
    preparer: "张柯",
    functions: [
      "贯彻执行国家、省、市有关社会保险基金管理的法律、法规和政策规定。",
      "负责全市社会保险基金的征缴规划、任务目标制定和业务的监督考核及社会保险相关政策的调整。",
      "负责执行全市社会保险基金预算和统筹全市社会保险基金支付工作。",
      "承担全市各项社会保险数据信息的采集、统计分析及管理；执行社会保险基金财务会计制度和统计制度，汇总编制全市各项社会保险基金的年、季、月度财务报表。",
      "拟定全市社会保险基金统筹与调剂的具体办法；负责全市社会保险基金的管理、存储、划拨。",
      "管理各分局和镇（街）办事处，监督、指导和督促全市各项社会保险业务的开展。",
      "参与全市城乡居民保险制度的研究制定，及有关制度的执行、管理和监督。",
      "拟定社会保险宣传计划并组织落实。",
      "承担市政府和社会保障行政主管部门交办的其他事项。",
    ].join("\n"),
    organization:
      "佛山市社会保险基金管理局现有 13 个科室，分别为办公室、人事科、计划财务科、政策法规科、社会保险稽核科、保险关系科、电子档案科、信息技术科、养老保险科、失业保险科、工伤保险科、医疗生育保险科和两定机构管理科。本部门无下属单位。",
    work: [
      "佛山市社保局坚持认真学习贯彻党的二十大精神，按照市委市政府“515”高质量发展战略目标要求，深入实施佛山社保“3+2”重点工作，以“转作风、优服务、防风险”三大专项行动为主线，突出“一卡通”、DRG 付费改革等重点工程，着力提升我市社保经办服务水平。",
      "2022 年工作开展情况具体如下：1、聚焦保民生，充分发挥社会保险保障和改善民生作用。2、聚焦转作风，为社保高质量发展提供坚强组织保障。3、聚焦优服务，全面深化社保经办服务改革。4、聚焦防风险，构筑四位一体全方位风险防控体系。5、聚焦促创新，全力推动 DRG 和“一卡通”特色项目。6、聚焦深改革，按照统一部署配合推动社保体制改革。",
    ].join("\n"),
  },
};
