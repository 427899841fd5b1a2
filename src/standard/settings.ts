/**
 * 口径与核对设置: the standard-wide settings (执行率口径, 计分执行率, tolerances, rounding,
 * 不适用指标), one entry each with its label in the 评分标准 sheet, how it is typed and its range.
 */
import { Dec, fixed, percent } from "../model/decimal";
import { parseLooseNumber, toHalfWidth } from "../model/numbers";
import { parseRate } from "./bands";
import type { ExecutionBase, StandardSettings } from "./types";

type SettingKey = keyof StandardSettings;

interface ChoiceSpec {
  type: "choice";
  choices: Record<string, string>;
  /** Other ways a finance officer writes a choice, by code. */
  choiceSynonyms?: Record<string, string[]>;
}
interface RateSpec {
  type: "rate";
  min: number;
  max: number;
}
interface AmountSpec {
  type: "amount";
}
interface IntegerSpec {
  type: "integer";
  min: number;
  max: number;
}

export type SettingSpec = { label: string; note: string; synonyms?: string[] } & (
  ChoiceSpec | RateSpec | AmountSpec | IntegerSpec
);

export const EXECUTION_BASE_LABELS: Record<ExecutionBase, string> = {
  adjusted: "调整预算数",
  initial: "年初预算数",
  adjustedWithCarryOver: "调整预算数加上年结转",
};

export const SETTING_SPECS: Record<SettingKey, SettingSpec> = {
  executionRateBase: {
    label: "执行率口径",
    synonyms: ["执行率分母", "执行率计算口径"],
    note: "执行率 = 决算数 ÷ 所选预算数；“加上年结转”取预算表或基本信息中的上年结转",
    type: "choice",
    choices: EXECUTION_BASE_LABELS,
    choiceSynonyms: {
      adjusted: ["调整预算", "调整后预算数", "全年预算数"],
      initial: ["年初预算", "年初批复预算数"],
      adjustedWithCarryOver: [
        "调整预算数+上年结转",
        "调整预算数＋上年结转",
        "调整预算数含上年结转",
        "调整预算数(含上年结转)",
        "调整预算数加上年结转数",
        "调整预算加上年结转",
      ],
    },
  },
  executionRateSource: {
    label: "计分执行率",
    synonyms: ["执行率来源"],
    note: "填报执行率：基本信息填了“财政支出执行率”时以它计分；按预算表计算：总按上一行口径计算",
    type: "choice",
    choices: { official: "填报执行率", table: "按预算表计算" },
    choiceSynonyms: { official: ["按填报执行率", "填报数"], table: ["预算表计算", "按预算表"] },
  },
  executionRateTarget: {
    label: "执行率目标",
    note: "执行率低于此值列入问题清单，并算出达到目标尚需支出的金额",
    type: "rate",
    min: 0,
    max: 2,
  },
  rateDifferenceTolerance: {
    label: "执行率允许差异",
    synonyms: ["填报执行率与预算表执行率允许差异"],
    note: "填报执行率与预算表计算的执行率相差超过此值时提示",
    type: "rate",
    min: 0,
    max: 1,
  },
  tieTolerance: {
    label: "预算表尾差容许（万元）",
    synonyms: ["预算表尾差容许", "尾差容许"],
    note: "预算表勾稽差额不超过此值视为按万元取整的尾差（以元填列的表按元计，如 0.01 元）",
    type: "amount",
  },
  largeAdjustment: {
    label: "预算调整幅度提示线",
    note: "调整预算数较年初预算数变动超过此比例时提示",
    type: "rate",
    min: 0,
    max: 10,
  },
  rateDecimals: {
    label: "比率保留小数位",
    note: "比率按小数保留的位数（4 即 80.87%）",
    type: "integer",
    min: 2,
    max: 10,
  },
  scoreDecimals: {
    label: "得分保留小数位",
    note: "得分按 Excel ROUND 保留的位数",
    type: "integer",
    min: 0,
    max: 4,
  },
  notApplicable: {
    label: "不适用指标",
    note: "剔除后按比例折算：总分 = 其余指标得分合计 × 100 ÷ 其余指标分值合计；按 0 分计：不适用仍计 0 分",
    type: "choice",
    choices: { rescale: "剔除后按比例折算", zero: "按 0 分计" },
    choiceSynonyms: {
      rescale: ["按比例折算", "剔除", "剔除折算", "剔除后折算"],
      zero: ["计 0 分", "0 分", "按零分计", "计零分"],
    },
  },
};

export const SETTING_KEYS = Object.keys(SETTING_SPECS) as SettingKey[];

/** The settings of the shipped presets unless they say otherwise. */
export const DEFAULT_SETTINGS: StandardSettings = {
  executionRateBase: "adjusted",
  executionRateSource: "official",
  executionRateTarget: new Dec(1),
  rateDifferenceTolerance: new Dec("0.005"),
  tieTolerance: new Dec("0.01"),
  largeAdjustment: new Dec("0.2"),
  rateDecimals: 4,
  scoreDecimals: 2,
  notApplicable: "rescale",
};

/**
 * The settings a standard has where it states none: a project standard's 执行率目标 is 90% (a
 * project spending less explains why), a department's 100%.
 */
export function defaultSettings(scope: "department" | "project"): StandardSettings {
  return scope === "project"
    ? { ...DEFAULT_SETTINGS, executionRateTarget: new Dec("0.9") }
    : { ...DEFAULT_SETTINGS };
}

export function formatSetting(key: SettingKey, value: StandardSettings[SettingKey]): string {
  const spec = SETTING_SPECS[key];
  switch (spec.type) {
    case "choice":
      return spec.choices[String(value)] ?? String(value);
    case "rate":
      return percent(value as Dec);
    case "amount":
      return fixed(value as Dec, 2);
    case "integer":
      return String(value);
  }
}

/** Reads a setting as typed (by its label or its code for choices); a sentence when it cannot. */
export function parseSetting(
  key: SettingKey,
  raw: string | number
): { value: StandardSettings[SettingKey] } | { problem: string } {
  const spec = SETTING_SPECS[key];
  const text = toHalfWidth(String(raw)).trim();
  const bad = (why: string) => ({ problem: `${spec.label}“${text}”${why}` });
  switch (spec.type) {
    case "choice": {
      const code = choiceCode(spec, text);
      return code !== null
        ? { value: code as StandardSettings[SettingKey] }
        : bad(`无法识别，可选：${Object.values(spec.choices).join("、")}`);
    }
    case "rate": {
      const v = parseRate(text);
      if (v === null) return bad("不是百分比");
      if (v.lessThan(spec.min) || v.greaterThan(spec.max))
        return bad(
          `超出 ${percent(new Dec(spec.min), 0)}～${percent(new Dec(spec.max), 0)} 的范围`
        );
      return { value: v };
    }
    case "amount": {
      const v = parseLooseNumber(text);
      if (v === null) return bad("不是数字");
      if (v.isNegative()) return bad("不能为负数");
      return { value: v };
    }
    case "integer": {
      const n = Number(text);
      if (!Number.isInteger(n) || n < spec.min || n > spec.max)
        return bad(`应为 ${spec.min}～${spec.max} 之间的整数`);
      return { value: n };
    }
  }
}

/** Spaces and brackets do not count: “按0分计” is “按 0 分计”, “（含上年结转）” is “(含上年结转)”. */
const bare = (s: string) => s.replace(/[\s（）()]/g, "");

/** The code of the choice a cell names: by code, label or synonym. */
function choiceCode(spec: ChoiceSpec, text: string): string | null {
  const key = bare(text);
  const names = (code: string) => [
    code,
    spec.choices[code],
    ...(spec.choiceSynonyms?.[code] ?? []),
  ];
  return Object.keys(spec.choices).find((code) => names(code).some((n) => bare(n) === key)) ?? null;
}

/** The setting a 设置项 cell names, by label or synonym. */
export function settingFromLabel(
  text: string,
  normalize: (s: string) => string
): SettingKey | null {
  const key = normalize(text);
  return (
    SETTING_KEYS.find((k) => {
      const spec = SETTING_SPECS[k];
      return (
        [spec.label, ...(spec.synonyms ?? [])].some((l) => normalize(l) === key) ||
        normalize(k) === key
      );
    }) ?? null
  );
}
