/**
 * The figures that quantitative rules score, each with the sentence that shows how it was
 * computed (计算依据) and, when it cannot be computed, why (无法计算).
 */
import { Dec, ZERO, excelRound, fixed, money, percent, sum } from "../model/decimal";
import type { DepartmentInput } from "../model/input";
import { budgetColumnLabels, findRow } from "./budget";
import type { MetricId, ProfileChecks } from "./profile";
import type { BudgetResult, InputView, MetricValue } from "./result";

export interface MetricContext {
  input: DepartmentInput;
  budget: BudgetResult;
  checks: ProfileChecks;
}

function unavailable(id: MetricId, reason: string, inputs: InputView[] = []): MetricValue {
  return { id, value: null, text: reason, reason, inputs };
}

function rate(numerator: Dec, denominator: Dec, decimals: number): Dec {
  return excelRound(numerator.dividedBy(denominator), decimals);
}

/** `weightBasis` matters only for the fund-weighted project score. */
export function computeMetric(
  id: MetricId,
  ctx: MetricContext,
  weightBasis: "budget" | "spending" = "budget"
): MetricValue {
  const { input, budget, checks } = ctx;
  const decimals = checks.rateDecimals;
  switch (id) {
    case "executionRate": {
      const total = findRow(input.budget, "total");
      const denominatorKey = checks.executionRateDenominator;
      if (budget.usedExecutionRateSource === "official" && budget.officialExecutionRate !== null) {
        const cell = input.budget.cells?.officialExecutionRate;
        const tableNote =
          budget.tableExecutionRate !== null
            ? `（预算表口径 ${percent(budget.tableExecutionRate)}）`
            : "";
        return {
          id,
          value: budget.officialExecutionRate,
          text: `填报财政支出执行率 ${percent(budget.officialExecutionRate)}${tableNote}`,
          inputs: [
            { label: "填报财政支出执行率", value: percent(budget.officialExecutionRate), cell },
          ],
          cell,
        };
      }
      if (!total || total.final === null || total[denominatorKey] === null) {
        return unavailable(
          id,
          `预算支出明细表缺少合计行的决算数或${budgetColumnLabels[denominatorKey]}，且未填报财政支出执行率`
        );
      }
      const denominator = total[denominatorKey] as Dec;
      if (denominator.isZero())
        return unavailable(id, `合计行${budgetColumnLabels[denominatorKey]}为 0，无法计算执行率`);
      const value = rate(total.final, denominator, decimals);
      return {
        id,
        value,
        text: `决算数 ${money(total.final)} ÷ ${budgetColumnLabels[denominatorKey]} ${money(denominator)} = ${percent(value)}`,
        inputs: [
          { label: "决算数（合计）", value: money(total.final), cell: total.cells?.final },
          {
            label: `${budgetColumnLabels[denominatorKey]}（合计）`,
            value: money(denominator),
            cell: total.cells?.[denominatorKey],
          },
        ],
      };
    }
    case "keyTaskCompletion": {
      const planned = input.keyTasks.length;
      if (planned === 0) return unavailable(id, "未填报重点工作任务");
      const unknown = input.keyTasks.filter((t) => t.done === null).length;
      if (unknown > 0) return unavailable(id, `${unknown} 项重点工作未填写是否完成`);
      const done = input.keyTasks.filter((t) => t.done === true).length;
      const value = rate(new Dec(done), new Dec(planned), decimals);
      return {
        id,
        value,
        text: `已完成 ${done} 项 ÷ 计划 ${planned} 项 = ${percent(value)}`,
        inputs: [
          { label: "重点工作任务", value: `${planned} 项` },
          { label: "已完成", value: `${done} 项` },
        ],
      };
    }
    case "projectEvaluationCoverage": {
      const counts =
        input.projects.length > 0
          ? {
              total: input.projects.length,
              evaluated: input.projects.filter((p) => p.evaluated).length,
              cells: undefined,
            }
          : input.projectCounts;
      if (!counts || counts.total === 0) return unavailable(id, "未填报项目清单或项目个数");
      const value = rate(new Dec(counts.evaluated), new Dec(counts.total), decimals);
      return {
        id,
        value,
        text: `已自评 ${counts.evaluated} 个 ÷ 项目 ${counts.total} 个 = ${percent(value)}`,
        inputs: [
          { label: "项目个数", value: `${counts.total} 个`, cell: counts.cells?.total },
          { label: "已开展自评", value: `${counts.evaluated} 个`, cell: counts.cells?.evaluated },
        ],
      };
    }
    case "threePublicControl": {
      const funds = input.threePublic;
      if (!funds || funds.budget === null || funds.actual === null) {
        return unavailable(id, "未填报“三公”经费预算数和实际支出数");
      }
      const inputs: InputView[] = [
        { label: "“三公”经费预算", value: money(funds.budget), cell: funds.cells?.budget },
        { label: "“三公”经费实际支出", value: money(funds.actual), cell: funds.cells?.actual },
      ];
      if (funds.budget.isNegative() || funds.actual.isNegative()) {
        return unavailable(id, "“三公”经费预算数和实际支出数不能为负数", inputs);
      }
      if (funds.budget.isZero()) {
        if (funds.actual.isZero()) {
          return { id, value: ZERO, text: "“三公”经费预算与实际支出均为 0", inputs };
        }
        return unavailable(id, "“三公”经费预算为 0 而有实际支出，无法计算支出比例", inputs);
      }
      const value = rate(funds.actual, funds.budget, decimals);
      return {
        id,
        value,
        text: `实际支出 ${money(funds.actual)} ÷ 预算 ${money(funds.budget)} = ${percent(value)}`,
        inputs,
      };
    }
    case "projectFundWeightedScore": {
      const basisLabel = weightBasis === "budget" ? "项目预算" : "项目支出";
      const weighted = input.projects
        .map((p) => ({ project: p, weight: weightBasis === "budget" ? p.budget : p.spending }))
        .filter(
          (x) => x.project.selfScore !== null && x.weight !== null && x.weight.greaterThan(0)
        );
      if (weighted.length === 0) {
        return unavailable(id, `未提供项目清单（项目自评得分与${basisLabel}），无法按资金加权计算`);
      }
      const totalWeight = sum(weighted.map((x) => x.weight as Dec));
      const numerator = sum(
        weighted.map((x) => (x.project.selfScore as Dec).times(x.weight as Dec))
      );
      const value = excelRound(numerator.dividedBy(totalWeight), checks.scoreDecimals);
      const skipped = input.projects.length - weighted.length;
      return {
        id,
        value,
        text: `Σ(自评得分 × ${basisLabel}) ÷ Σ${basisLabel} = ${fixed(numerator, 2)} ÷ ${money(totalWeight)} = ${fixed(value, 2)}（${weighted.length} 个项目${skipped > 0 ? `，${skipped} 个缺少得分或资金未计入` : ""}）`,
        inputs: [
          { label: "计入项目", value: `${weighted.length} 个` },
          { label: `Σ${basisLabel}`, value: money(totalWeight) },
        ],
      };
    }
    case "satisfaction": {
      const s = input.satisfaction;
      if (!s || s.rate === null) return unavailable(id, "未填报满意度调查结果");
      const value = excelRound(s.rate, decimals);
      return {
        id,
        value,
        text: `满意度 ${percent(value)}`,
        inputs: [{ label: "满意度", value: percent(value), cell: s.cells?.rate }],
        cell: s.cells?.rate,
      };
    }
  }
}
