/**
 * The seed department's 53 projects as their 项目支出绩效自评表 would read — generated, not from
 * the report (it lists none): names of the kind a 社会保险基金管理局 runs, funds adding up exactly
 * to the seed's 项目支出 (年初 37,590.50 · 全年预算 49,356.67 · 执行 43,757.42 万元), indicators of
 * the national form (产出 50 · 效益 30 · 满意度 10 · 预算执行率 10), most targets met, some missed
 * with or without a 偏差原因, two self-scores that do not follow the rules. Deterministic.
 */
import { Dec, ZERO, dec, sum } from "../src/model/decimal";
import type { Project } from "../src/model/input";
import type { ProjectFormData, ProjectFormRow } from "../src/layout/projectForm";

export const PROJECT_NAMES = [
  "社会保险经办服务外包项目",
  "社保卡发行与应用项目",
  "社保信息系统运维项目",
  "社会保险档案数字化项目",
  "社保基金稽核内控项目",
  "“社银双系统”建设项目",
  "24小时社银服务区运营项目",
  "湾区社保服务通项目",
  "社保中台建设项目",
  "企业职工养老保险待遇发放项目",
  "失业保险待遇发放项目",
  "工伤保险待遇支付项目",
  "城乡居民养老保险经办项目",
  "社会保险费征缴信息比对项目",
  "待遇资格认证服务项目",
  "社保政策宣传项目",
  "社保经办人员培训项目",
  "12333热线服务项目",
  "社保业务网办平台优化项目",
  "粤系列移动办应用推广项目",
  "退休一件事主题服务项目",
  "社税联办服务项目",
  "开办企业一件事社保环节优化项目",
  "数据安全等级保护测评项目",
  "机房设备更新项目",
  "办公场所物业管理项目",
  "服务大厅智能化改造项目",
  "社保经办风险防控项目",
  "社保基金财务审计项目",
  "工伤认定调查协助项目",
  "工伤康复试点项目",
  "劳动能力鉴定服务项目",
  "失业人员技能提升补贴发放项目",
  "稳岗返还资金发放项目",
  "一次性扩岗补助发放项目",
  "被征地农民养老保障经办项目",
  "机关事业单位养老保险经办项目",
  "职业年金经办项目",
  "领取资格大数据比对项目",
  "社保卡一卡通应用拓展项目",
  "社保服务进社区项目",
  "社保业务档案库房改造项目",
  "电子社保卡推广项目",
  "社保经办标准化建设项目",
  "粤智助自助终端运维项目",
  "社保数据治理项目",
  "离退休人员社会化管理服务项目",
  "社保政策精算分析项目",
  "窗口服务质量评价项目",
  "跨省通办服务项目",
  "社保信用体系建设项目",
  "社保基金安全评估项目",
  "社保业务应急保障项目",
];

/** The seed's 项目支出 row (万元). */
export const PROJECT_TOTALS = {
  initial: dec("37590.5"),
  adjusted: dec("49356.67"),
  spent: dec("43757.42"),
};

/** A small deterministic generator (LCG), so the sample never changes between runs. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** Splits `total` into parts proportional to `weights`, in cents, adding up exactly. */
function split(total: Dec, weights: number[]): Dec[] {
  const w = sum(weights.map((x) => new Dec(x)));
  const parts = weights.map((x) => total.times(x).dividedBy(w).toDecimalPlaces(2, Dec.ROUND_DOWN));
  const rest = total.minus(sum(parts));
  parts[parts.length - 1] = parts[parts.length - 1].plus(rest);
  return parts;
}

/** Spending per project: rates around 89%, never above the budget, adding up to the total. */
function spending(budgets: Dec[], total: Dec, rnd: () => number): Dec[] {
  const spent = budgets.map((b) => b.times(0.7 + 0.3 * rnd()));
  for (let round = 0; round < 20; round++) {
    const free = spent.map((s, i) => s.lessThan(budgets[i]));
    const gap = total.minus(sum(spent));
    const room = sum(spent.filter((_, i) => free[i]));
    spent.forEach((s, i) => {
      if (free[i]) spent[i] = Dec.min(budgets[i], s.plus(gap.times(s).dividedBy(room)));
    });
  }
  const cents = spent.map((s) => s.toDecimalPlaces(2, Dec.ROUND_DOWN));
  const last = cents.findIndex((c, i) =>
    c.plus(total.minus(sum(cents))).lessThanOrEqualTo(budgets[i])
  );
  cents[last] = cents[last].plus(total.minus(sum(cents)));
  return cents;
}

const round2 = (x: Dec) => x.toDecimalPlaces(2, Dec.ROUND_HALF_UP).toNumber();

function quantitative(
  max: number,
  level2: string,
  level3: string,
  target: number,
  actual: number,
  unit: string,
  op: "≥" | "≤" | "=",
  reason?: string
): ProjectFormRow {
  const t = dec(target);
  const a = dec(actual);
  const met =
    op === "≥" ? a.greaterThanOrEqualTo(t) : op === "≤" ? a.lessThanOrEqualTo(t) : a.equals(t);
  const score = met
    ? max
    : op === "≥"
      ? round2(dec(max).times(a).dividedBy(t))
      : op === "≤"
        ? round2(dec(max).times(t).dividedBy(a))
        : 0;
  return {
    level2,
    level3,
    target: `${op}${target}${unit}`,
    actual: `${actual}${unit}`,
    max,
    entered: score,
    ...(met ? {} : { reason }),
  };
}

function qualitative(
  max: number,
  level2: string,
  level3: string,
  target: string,
  grade: "达成" | "部分达成",
  reason?: string
): ProjectFormRow {
  return {
    level2,
    level3,
    target,
    actual: grade,
    max,
    entered: grade === "达成" ? max : round2(dec(max).times("0.8")),
    ...(reason ? { reason } : {}),
  };
}

function rows(i: number, rnd: () => number, budget: Dec, spent: Dec): ProjectFormData["rows"] {
  const missQuality = i % 5 === 2;
  const noReason = i === 7 || i === 32;
  const people = 1000 + Math.round(rnd() * 9000);
  return {
    产出指标: [
      quantitative(
        20,
        "数量指标",
        "服务人次",
        people,
        people + Math.round(rnd() * 800),
        "人次",
        "≥"
      ),
      quantitative(
        15,
        "质量指标",
        "业务办理准确率",
        99,
        missQuality ? 97 : 99 + Math.round(rnd() * 10) / 10,
        "%",
        "≥",
        noReason ? undefined : "个别经办环节核验不到位，已加强复核。"
      ),
      quantitative(10, "时效指标", "平均办结时限", 15, 8 + Math.round(rnd() * 6), "个工作日", "≤"),
      {
        level2: "成本指标",
        level3: "项目支出控制",
        target: `≤${budget.toFixed(2)}万元`,
        actual: `${spent.toFixed(2)}万元`,
        max: 5,
        entered: 5,
      },
    ],
    效益指标: [
      qualitative(
        20,
        "社会效益指标",
        "群众办事便利度",
        "有效提升",
        i % 9 === 4 ? "部分达成" : "达成",
        i % 9 === 4 ? "部分事项仍需线下办理，下一年度推进网办。" : undefined
      ),
      qualitative(10, "可持续影响指标", "经办服务长效机制", "持续发挥作用", "达成"),
    ],
    满意度指标: [
      quantitative(
        10,
        "服务对象满意度指标",
        "服务对象满意度",
        90,
        86 + Math.round(rnd() * 12),
        "%",
        "≥",
        "满意度调查中等候时间反映较多，已增设窗口。"
      ),
    ],
  };
}

export interface SeedProject {
  form: ProjectFormData;
  listing: Project;
}

/** The 53 projects: each one's form and its line in the 项目清单. */
export function seedProjects(): SeedProject[] {
  const rnd = random(20221231);
  const weights = PROJECT_NAMES.map(() => 0.2 + rnd() ** 3 * 10);
  const budgets = split(PROJECT_TOTALS.adjusted, weights);
  const initials = split(
    PROJECT_TOTALS.initial,
    weights.map((w) => w * (0.6 + 0.35 * rnd()))
  );
  const spent = spending(budgets, PROJECT_TOTALS.spent, rnd);
  return PROJECT_NAMES.map((name, i) => {
    const carry = i % 6 === 1 ? budgets[i].times("0.2").toDecimalPlaces(2) : ZERO;
    const rate = spent[i].dividedBy(budgets[i]);
    const executionEntered = round2(Dec.min(rate, dec(1)).times(10));
    const formRows = rows(i, rnd, budgets[i], spent[i]);
    // Two projects rated themselves full marks where a target was missed.
    if (i === 12 || i === 37) for (const r of formRows?.产出指标 ?? []) r.entered = r.max;
    const total = round2(
      sum([
        dec(executionEntered),
        ...Object.values(formRows ?? {})
          .flat()
          .map((r) => dec(r.entered ?? 0)),
      ])
    );
    const form: ProjectFormData = {
      name,
      year: 2022,
      department: "佛山市人力资源和社会保障局",
      unit: "佛山市社会保险基金管理局",
      funds: [
        { label: "年度资金总额", initial: initials[i], adjusted: budgets[i], spent: spent[i] },
        {
          label: "其中：财政拨款",
          initial: initials[i],
          adjusted: budgets[i].minus(carry),
          spent: spent[i].minus(Dec.min(carry, spent[i])),
        },
        { label: "上年结转", initial: ZERO, adjusted: carry, spent: Dec.min(carry, spent[i]) },
        { label: "其他资金", initial: null, adjusted: null, spent: null },
      ],
      executionMax: 10,
      executionEntered,
      executionReason:
        rate.lessThan("0.9") && i % 4 !== 3 ? "部分合同按进度于次年支付。" : undefined,
      goal: {
        expected: `保障${name.replace(/项目$/, "")}工作按计划实施，服务质量和群众满意度稳步提升。`,
        actual: "年度目标基本完成。",
      },
      rows: formRows,
      grade: total >= 90 ? "优" : total >= 80 ? "良" : total >= 60 ? "中" : "差",
    };
    return {
      form,
      listing: {
        name,
        budget: budgets[i],
        spending: spent[i],
        selfScore: dec(total),
        evaluated: true,
      },
    };
  });
}
