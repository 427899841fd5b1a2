/**
 * The figures rules score (考核内容), one function each, each with the sentence that shows how
 * it was computed (计算依据) and, when it cannot be, why (无法计算). A figure the workbook states
 * directly (基本信息: `在职人员控制率 98%`) is used when it cannot be computed.
 */
import {
  Dec,
  ONE,
  ZERO,
  exact,
  exactMoney,
  formulaAmount,
  excelRound,
  fixed,
  money,
  percent,
  sum,
  sumOfProducts,
} from "../model/decimal";
import type { AmountUnit, DepartmentInput, Project } from "../model/input";
import { quote } from "../model/text";
import { METRICS, type MetricId } from "../standard/metrics";
import type { StandardSettings, WeightBasis } from "../standard/types";
import { findRow } from "./budget";
import type { BudgetResult, InputView, MetricValue } from "./result";

export interface MetricContext {
  input: DepartmentInput;
  budget: BudgetResult;
  settings: StandardSettings;
}

function unavailable(id: MetricId, reason: string, inputs: InputView[] = []): MetricValue {
  return { id, value: null, text: reason, reason, inputs };
}

function rate(numerator: Dec, denominator: Dec, decimals: number): Dec {
  return excelRound(numerator.dividedBy(denominator), decimals);
}

/** `numerator ÷ denominator = rate`, with both inputs shown; or why not. */
function ratioMetric(
  id: MetricId,
  ctx: MetricContext,
  parts: {
    label: string;
    value: Dec | null | undefined;
    cell?: string;
    /** A count's unit (人): shown whole. */
    unit?: string;
    /** An amount kept in 元 or 千元: shown in it, as the sheet shows it. */
    amountUnit?: AmountUnit;
  }[],
  missing: string,
  change = false
): MetricValue {
  const [top, bottom] = parts;
  const show = (p: (typeof parts)[number]) =>
    p.unit ? `${fixed(p.value as Dec, 0)} ${p.unit}` : formulaAmount(p.value as Dec, p.amountUnit);
  if (top.value == null || bottom.value == null) return unavailable(id, missing);
  const inputs = parts.map((p) => ({ label: p.label, value: show(p), cell: p.cell }));
  if (bottom.value.isZero()) return unavailable(id, `${bottom.label}为 0，无法计算`, inputs);
  const numerator = change ? top.value.minus(bottom.value) : top.value;
  const value = rate(numerator, bottom.value, ctx.settings.rateDecimals);
  const text = change
    ? `（${top.label} ${show(top)} − ${bottom.label} ${show(bottom)}）÷ ${bottom.label} ${show(bottom)} = ${percent(value)}`
    : `${top.label} ${show(top)} ÷ ${bottom.label} ${show(bottom)} = ${percent(value)}`;
  return { id, value, text, inputs };
}

type Compute = (ctx: MetricContext, basis: WeightBasis) => MetricValue;

/** 万元 named: a figure in 万元 beside a budget table kept in 元 or 千元. */
const WAN_YUAN: AmountUnit = { label: "万元", factor: ONE };

/** What of the “三公” figures is missing: both, or the one not read (the other was). */
function threePublicMissing(funds: DepartmentInput["threePublic"]): string {
  const missing = [
    (funds?.budget ?? null) === null && "预算数",
    (funds?.actual ?? null) === null && "实际支出数",
  ].filter((w): w is string => !!w);
  return `未填报“三公”经费${missing.join("和")}`;
}

/** How many projects an unweighable-projects sentence names before `等 N 个项目`. */
const NAMED_PROJECTS = 3;

/**
 * Why no project weighs in 项目绩效目标完成率: no 项目清单 (and no form), or — the projects
 * there — each lacking a usable 自评得分 (its form not graded, none at all) or its 资金, named.
 */
function unweighable(projects: readonly Project[], basis: WeightBasis): string {
  const basisLabel = basis === "budget" ? "项目预算" : "项目支出";
  if (projects.length === 0)
    return `未提供项目清单（项目自评得分与${basisLabel}），无法按资金加权计算`;
  const whyNot = (p: Project): string => {
    if (p.selfScore === null) return p.unscored ?? "未填报自评得分";
    const weight = basis === "budget" ? p.budget : p.spending;
    return weight === null ? `未填报${basisLabel}` : `${basisLabel}为 ${money(weight)}`;
  };
  const named = projects
    .slice(0, NAMED_PROJECTS)
    .map((p) => `${quote(p.name)}${whyNot(p)}`)
    .join("；");
  const more = projects.length > NAMED_PROJECTS ? `等 ${projects.length} 个项目` : "";
  const list = projects.some((p) => !p.fromForm) ? "项目清单已提供，但" : "";
  return `${list}没有项目同时具备可用的自评得分和${basisLabel}：${named}${more}，无法按资金加权计算`;
}

const COMPUTE: Record<MetricId, Compute> = {
  executionRate: ({ budget }) => budget.execution,
  budgetAdjustmentRate: (ctx) => {
    const total = findRow(ctx.input.budget, "total");
    if (ctx.input.budget.missingColumns?.includes("initial"))
      return unavailable(
        "budgetAdjustmentRate",
        "预算支出明细表没有年初预算数列，无法计算预算调整率"
      );
    if (!total || total.initial === null || total.adjusted === null)
      return unavailable(
        "budgetAdjustmentRate",
        "预算支出明细表缺少合计行的年初预算数或调整预算数"
      );
    if (total.initial.isZero())
      return unavailable("budgetAdjustmentRate", "合计行年初预算数为 0，无法计算预算调整率");
    const value = rate(
      total.adjusted.minus(total.initial).abs(),
      total.initial,
      ctx.settings.rateDecimals
    );
    return {
      id: "budgetAdjustmentRate",
      value,
      text: `预算调整率 |调整预算数 ${formulaAmount(total.adjusted, ctx.input.budget.unit)} − 年初预算数 ${formulaAmount(total.initial, ctx.input.budget.unit)}| ÷ ${formulaAmount(total.initial, ctx.input.budget.unit)} = ${percent(value)}`,
      inputs: [
        {
          label: "年初预算数（合计）",
          value: formulaAmount(total.initial, ctx.input.budget.unit),
          cell: total.cells?.initial,
        },
        {
          label: "调整预算数（合计）",
          value: formulaAmount(total.adjusted, ctx.input.budget.unit),
          cell: total.cells?.adjusted,
        },
      ],
    };
  },
  threePublicControl: (ctx) => {
    const funds = ctx.input.threePublic;
    const id = "threePublicControl";
    if (!funds || funds.budget === null || funds.actual === null)
      return unavailable(id, threePublicMissing(funds));
    const inputs: InputView[] = [
      { label: "“三公”经费预算", value: money(funds.budget), cell: funds.cells?.budget },
      { label: "“三公”经费实际支出", value: money(funds.actual), cell: funds.cells?.actual },
    ];
    if (funds.budget.isNegative() || funds.actual.isNegative())
      return unavailable(id, "“三公”经费预算数和实际支出数不能为负数", inputs);
    if (funds.budget.isZero()) {
      if (funds.actual.isZero())
        return { id, value: ZERO, text: "“三公”经费预算与实际支出均为 0", inputs };
      return {
        ...unavailable(id, "“三公”经费预算为 0 而有实际支出，无法计算支出比例", inputs),
        unbounded: true,
      };
    }
    // In its own unit; in 万元 said as such where the summary's amounts are in 元 or 千元.
    const unit = funds.unit ?? (ctx.input.budget.unit ? WAN_YUAN : undefined);
    return ratioMetric(
      id,
      ctx,
      [
        { label: "实际支出", value: funds.actual, cell: funds.cells?.actual, amountUnit: unit },
        { label: "预算", value: funds.budget, cell: funds.cells?.budget, amountUnit: unit },
      ],
      ""
    );
  },
  threePublicChange: (ctx) => {
    const f = ctx.input.threePublic;
    return ratioMetric(
      "threePublicChange",
      ctx,
      [
        { label: "本年“三公”经费实际支出", value: f?.actual, cell: f?.cells?.actual },
        { label: "上年实际支出", value: f?.lastYear, cell: f?.cells?.lastYear },
      ],
      "未填报本年和上年“三公”经费实际支出数",
      true
    );
  },
  keyTaskCompletion: ({ input, settings }) => {
    const id = "keyTaskCompletion";
    const planned = input.keyTasks.length;
    if (planned === 0) return unavailable(id, "未填报重点工作任务");
    const unknown = input.keyTasks.filter((t) => t.done === null).length;
    if (unknown > 0) return unavailable(id, `${unknown} 项重点工作未填写是否完成`);
    const done = input.keyTasks.filter((t) => t.done === true).length;
    const value = rate(new Dec(done), new Dec(planned), settings.rateDecimals);
    return {
      id,
      value,
      text: `已完成 ${done} 项 ÷ 计划 ${planned} 项 = ${percent(value)}`,
      inputs: [
        { label: "重点工作任务", value: `${planned} 项` },
        { label: "已完成", value: `${done} 项` },
      ],
    };
  },
  projectEvaluationCoverage: ({ input, settings }) => {
    const id = "projectEvaluationCoverage";
    // With project forms, the roll-up counts forms against the projects listed.
    const counts = input.projectForms?.length
      ? input.projectCounts
      : input.projects.length > 0
        ? {
            total: input.projects.length,
            evaluated: input.projects.filter((p) => p.evaluated).length,
            cells: undefined,
          }
        : input.projectCounts;
    if (!counts || counts.total === 0) return unavailable(id, "未填报项目清单或项目个数");
    if (counts.evaluated === null) return unavailable(id, "填报了项目个数，未填报已自评项目个数");
    const value = rate(new Dec(counts.evaluated), new Dec(counts.total), settings.rateDecimals);
    return {
      id,
      value,
      text: `已自评 ${counts.evaluated} 个 ÷ 项目 ${counts.total} 个 = ${percent(value)}`,
      inputs: [
        { label: "项目个数", value: `${counts.total} 个`, cell: counts.cells?.total },
        { label: "已开展自评", value: `${counts.evaluated} 个`, cell: counts.cells?.evaluated },
      ],
    };
  },
  projectFundWeightedScore: ({ input, settings }, basis) => {
    const id = "projectFundWeightedScore";
    const basisLabel = basis === "budget" ? "项目预算" : "项目支出";
    const scores: Dec[] = [];
    const weights: Dec[] = [];
    for (const p of input.projects) {
      const weight = basis === "budget" ? p.budget : p.spending;
      if (p.selfScore === null || weight === null || !weight.isPositive() || weight.isZero())
        continue;
      scores.push(p.selfScore);
      weights.push(weight);
    }
    if (weights.length === 0) return unavailable(id, unweighable(input.projects, basis));
    const totalWeight = sum(weights);
    const numerator = sumOfProducts(scores, weights);
    const value = excelRound(numerator.dividedBy(totalWeight), settings.scoreDecimals);
    const skipped = input.projects.length - weights.length;
    return {
      id,
      value,
      text: `Σ(自评得分 × ${basisLabel}) ÷ Σ${basisLabel} = ${exactMoney(numerator)} ÷ ${money(totalWeight)} = ${exact(value)}（${weights.length} 个项目${skipped > 0 ? `，${skipped} 个缺少得分或资金未计入` : ""}）`,
      inputs: [
        { label: "计入项目", value: `${weights.length} 个` },
        { label: `Σ${basisLabel}`, value: money(totalWeight) },
      ],
    };
  },
  satisfaction: ({ input, settings }) => {
    const s = input.satisfaction;
    if (!s || s.rate === null) return unavailable("satisfaction", "未填报满意度调查结果");
    const value = excelRound(s.rate, settings.rateDecimals);
    return {
      id: "satisfaction",
      value,
      text: `满意度 ${percent(value)}`,
      inputs: [{ label: "满意度", value: percent(value), cell: s.cells?.rate }],
      cell: s.cells?.rate,
    };
  },
  staffControl: (ctx) => {
    const s = ctx.input.staffing;
    return ratioMetric(
      "staffControl",
      ctx,
      [
        { label: "在职人数", value: s?.actual, cell: s?.cells?.actual, unit: "人" },
        { label: "编制人数", value: s?.quota, cell: s?.cells?.quota, unit: "人" },
      ],
      "未填报在职人数和编制人数"
    );
  },
  projectExecutionRate: () =>
    unavailable("projectExecutionRate", "项目预算执行率只用于项目支出绩效自评表"),
  keyExpenditureShare: (ctx) => {
    const project = findRow(ctx.input.budget, "project");
    return ratioMetric(
      "keyExpenditureShare",
      ctx,
      [
        {
          label: "重点项目支出",
          value: ctx.input.keyExpenditure?.amount,
          cell: ctx.input.keyExpenditure?.cell,
        },
        { label: "项目支出决算数", value: project?.final, cell: project?.cells?.final },
      ],
      "未填报重点项目支出，或预算支出明细表缺少项目支出决算数"
    );
  },
};

/** A figure the workbook states, used when it cannot be computed. */
function stated(id: MetricId, ctx: MetricContext, computed: MetricValue): MetricValue {
  const s = ctx.input.statedMetrics?.[id];
  if (!s || computed.value !== null || id === "executionRate") return computed;
  const value = excelRound(s.value, ctx.settings.rateDecimals);
  const shown = METRICS[id].unit === "rate" ? percent(value) : fixed(value, 2);
  return {
    id,
    value,
    text: `填报${METRICS[id].label} ${shown}`,
    inputs: [{ label: METRICS[id].label, value: shown, cell: s.cell }],
    cell: s.cell,
  };
}

/** Computes each figure once per weight basis, however many indicators read it. */
export function metricBook(ctx: MetricContext): (id: MetricId, basis?: WeightBasis) => MetricValue {
  const cache = new Map<string, MetricValue>();
  return (id, basis = "budget") => {
    const key = id === "projectFundWeightedScore" ? `${id}:${basis}` : id;
    let value = cache.get(key);
    if (!value) {
      value = stated(id, ctx, COMPUTE[id](ctx, basis));
      cache.set(key, value);
    }
    return value;
  };
}
