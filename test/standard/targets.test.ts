/** 年度指标值 and 实际完成值 as finance staff write them, and 按指标值比较得分 at its boundaries. */
import { dec } from "../../src/model/decimal";
import { DEFAULT_GRADE_RANGES } from "../../src/standard/bands";
import { RULE_KINDS } from "../../src/standard/ruleKinds";
import { parseActual, parseTarget } from "../../src/standard/targets";
import type { RuleParams } from "../../src/standard/types";

const target = (raw: string) => {
  const t = parseTarget(raw);
  return t.kind === "number" ? [t.operator, t.value.toString(), t.unit] : ["words", t.text];
};

describe("年度指标值", () => {
  it.each([
    ["≥95%", ["≥", "95", "%"]],
    [">= 95 %", ["≥", "95", "%"]],
    ["≤30 天", ["≤", "30", "天"]],
    ["=100 人次", ["=", "100", "人次"]],
    ["≥1,200万元", ["≥", "1200", "万元"]],
    ["100%", ["≥", "100", "%"]],
    ["0件", ["≤", "0", "件"]], // nothing may happen: a ceiling, not a level any actual reaches
    ["≥0件", ["≥", "0", "件"]],
    ["95%以上", ["≥", "95", "%"]],
    ["15个工作日以内", ["≤", "15", "个工作日"]],
    ["不低于90%", ["≥", "90", "%"]],
    ["＜5％", ["<", "5", "%"]],
    ["≦30天", ["≤", "30", "天"]],
    ["≧ 95%", ["≥", "95", "%"]],
    ["有效提升", ["words", "有效提升"]],
    ["≥ 较上年提高", ["words", "≥ 较上年提高"]],
  ])("%s", (raw, expected) => expect(target(raw)).toEqual(expected));

  it("reads an actual as a number with its unit, or as words", () => {
    const a = parseActual("12 万张");
    expect(a.kind === "number" && [a.value.toString(), a.unit]).toEqual(["12", "万张"]);
    expect(parseActual("达成")).toEqual({ kind: "words", text: "达成" });
  });
});

function compare(
  targetText: string,
  actualText: string,
  max = 10,
  params: RuleParams = {},
  grade: string | null = null
) {
  return RULE_KINDS.compareToTarget.apply({
    params: { grades: DEFAULT_GRADE_RANGES, ...params },
    value: null,
    unit: "rate",
    extra: {},
    grade,
    row: { target: targetText, actual: actualText },
    max: dec(max),
    decimals: 2,
  });
}
const scoreOf = (...args: Parameters<typeof compare>) => {
  const r = compare(...args);
  return r && "score" in r ? r.score.toString() : r && "reason" in r ? r.reason : null;
};

describe("按指标值比较得分", () => {
  it.each([
    ["≥95%", "95%", "10"],
    ["≥95%", "95.01%", "10"],
    ["≥95%", "94.99%", "9.99"], // 9.9989… rounds to 10.00, but the target is missed: no full marks
    ["≥95%", "90%", "9.47"], // 10 × 90 ÷ 95 = 9.4737
    ["≥95%", "0", "0"],
    ["≥95%", "0.9", "9.47"], // a bare fraction against a percentage target reads as 90%
    [">95%", "95%", "9.99"], // 大于 95%: 95% itself misses it, and a missed target is never full
    [">95%", "95.01%", "10"],
    ["≤30天", "30天", "10"],
    ["≤30天", "29天", "10"],
    ["≤30天", "40天", "7.5"], // 10 × 30 ÷ 40
    ["<30天", "30天", "9.99"], // 小于 30 天: 30 天 misses it
    ["<30天", "29天", "10"],
    ["=12次", "12次", "10"],
    ["=12次", "11次", "0"],
    ["=12次", "13次", "0"],
    ["100%", "98%", "9.8"],
  ])("%s against %s → %s", (t, a, expected) => expect(scoreOf(t, a)).toBe(expected));

  it("says a strict target met only at its line is missed, and scores it below full marks", () => {
    const r = compare("大于90%", "90%");
    expect(r && "formula" in r && r.formula).toBe(
      "10.00 × 90% ÷ 90%（比值超过 1 按 1 计） = 10.00；未达到目标 >90%，不得满分，计 9.99"
    );
    const under = compare("<30天", "30天");
    expect(under && "formula" in under && under.formula).toBe(
      "10.00 × 30天 ÷ 30天（比值超过 1 按 1 计） = 10.00；未达到目标 <30天，不得满分，计 9.99"
    );
    // Whole points (得分保留 0 位): one point below full.
    const whole = RULE_KINDS.compareToTarget.apply({
      params: {},
      value: null,
      unit: "rate",
      extra: {},
      grade: null,
      row: { target: ">90%", actual: "90%" },
      max: dec(10),
      decimals: 0,
    });
    expect(whole && "score" in whole && whole.score.toString()).toBe("9");
  });

  it("says why when the actual cannot be compared", () => {
    expect(scoreOf("≥95%", "基本完成")).toBe(
      "实际完成值“基本完成”不是数值，无法与指标值“≥95%”比较"
    );
    expect(scoreOf("≤30天", "3周")).toBe("实际完成值的单位“周”与指标值的单位“天”不一致");
    expect(scoreOf("有效提升", "")).toBe(
      "定性指标“有效提升”需填写评价等次（如 达成、部分达成、未达成）"
    );
  });

  it("scores a qualitative target by its 评价等次, or by the actual's word", () => {
    const byGrade = compare("有效提升", "群众反映良好", 20, {}, "部分达成");
    expect(byGrade && "range" in byGrade && byGrade.range).toEqual({ low: dec(12), high: dec(16) });
    expect(scoreOf("有效提升", "达成", 20)).toBe("20");
    expect(scoreOf("有效提升", "未达成", 20)).toBe("12");
  });

  it("reads a yes-or-no target's 是 / 否 and 已完成 as the words of the 定性分档", () => {
    expect(scoreOf("按期完成", "是", 20)).toBe("20");
    expect(scoreOf("按期完成", "已完成", 20)).toBe("20");
    expect(scoreOf("按期完成", "否", 20)).toBe("12");
    expect(scoreOf("按期完成", "未完成", 20)).toBe("12");
  });

  it("deducts for a target set too low: ≥ 30% above it loses the 超额扣分 (not below 0)", () => {
    const low = { target: dec("0.3"), deduction: dec(2) };
    expect(scoreOf("≥100人次", "129人次", 10, low)).toBe("10");
    expect(scoreOf("≥100人次", "130人次", 10, low)).toBe("8");
    expect(scoreOf("≥100人次", "200人次", 1, low)).toBe("0");
    const r = compare("≥100人次", "130人次", 10, low);
    expect(r && "formula" in r && r.formula).toBe(
      "10.00 × 130人次 ÷ 100人次（比值超过 1 按 1 计） = 10.00；超出目标 30.00% ≥ 30.00%（目标设置偏低），扣 2.00 分 = 8.00"
    );
  });
});
