/** Every rule kind at and around its boundaries, through the one table of kinds. */
import { ruleProblems } from "../../src/standard/validate";
import { dec } from "../../src/model/decimal";
import { formatStepBands, parseGradeRanges, parseStepBands } from "../../src/standard/bands";
import type { MetricId } from "../../src/standard/metrics";
import {
  RULE_KINDS,
  RULE_KIND_IDS,
  type RuleKind,
  kindFromLabel,
} from "../../src/standard/ruleKinds";
import type { RuleParams } from "../../src/standard/types";
import { normalizeName } from "../../src/model/text";

function apply(
  kind: RuleKind,
  params: RuleParams,
  value: string | null,
  max = 10,
  more: {
    unit?: "rate" | "score";
    extra?: Partial<Record<MetricId, string>>;
    grade?: string;
    decimals?: number;
  } = {}
) {
  const result = RULE_KINDS[kind].apply({
    params,
    value: value === null ? null : dec(value),
    unit: more.unit ?? "rate",
    extra: Object.fromEntries(
      Object.entries(more.extra ?? {}).map(([k, v]) => [k, dec(v as string)])
    ),
    grade: more.grade ?? null,
    max: dec(max),
    decimals: more.decimals ?? 2,
  });
  if (result && "reason" in result) throw new Error(result.reason);
  return result;
}
const score = (...args: Parameters<typeof apply>) => apply(...args)?.score.toString();

describe("the table of kinds", () => {
  it("gives every kind a label, a formula in words and an apply function, labels all different", () => {
    const labels = RULE_KIND_IDS.map((k) => RULE_KINDS[k].label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const k of RULE_KIND_IDS) {
      expect(RULE_KINDS[k].label).toMatch(/[\u4e00-\u9fff]/);
      expect(RULE_KINDS[k].formula.length).toBeGreaterThan(4);
    }
    expect(labels).toContain("执行率减调整率");
  });
  it("finds a kind by its label, a synonym or its code, and nothing else", () => {
    expect(kindFromLabel("线性区间得分", normalizeName)?.kind).toBe("linearBand");
    expect(kindFromLabel(" 执行率减调整率 ", normalizeName)?.kind).toBe("executionMinusAdjustment");
    expect(kindFromLabel("不超预算得满分，超支扣分", normalizeName)).toEqual({
      kind: "deductAbove",
      implies: { target: dec(1) },
    });
    expect(kindFromLabel("linearBand", normalizeName)?.kind).toBe("linearBand");
    expect(kindFromLabel("线性打分", normalizeName)).toBeNull();
  });
});

describe("主观评分 (judgment)", () => {
  it("has nothing to compute", () => expect(apply("judgment", {}, "1")).toBeNull());
});

describe("按完成比例得分: 分值 × min(实际 ÷ 目标, 1)", () => {
  const p = { target: dec("0.9") };
  it.each([
    ["0", "0"],
    ["0.45", "5"],
    ["0.8999", "10"], // 9.9989 → 10.00 after ROUND
    ["0.8990", "9.99"],
    ["0.9", "10"],
    ["1.2", "10"],
    ["-0.1", "0"],
  ])("%s → %s", (value, expected) => expect(score("ratioCapped", p, value)).toBe(expected));
  it("explains the formula", () => {
    expect(apply("ratioCapped", p, "0.45")?.formula).toBe(
      "10.00 × 45.00% ÷ 90.00%（比值超过 1 按 1 计） = 5.00"
    );
  });
  it("scores points against a points target (资金加权得分 90 of 100)", () => {
    expect(score("ratioCapped", { target: dec(90) }, "81", 10, { unit: "score" })).toBe("9");
  });
});

describe("按反向比例得分: 分值 × min(目标 ÷ 实际, 1)", () => {
  const p = { target: dec("0.3") };
  it.each([
    ["0", "10"],
    ["0.3", "10"],
    ["0.3001", "10"], // 9.9967 → 10.00
    ["0.31", "9.68"], // 9.677 → 9.68
    ["0.6", "5"],
    ["3", "1"],
  ])("%s → %s", (value, expected) => expect(score("ratioInverse", p, value)).toBe(expected));
  it("says when the actual is within the target", () => {
    expect(apply("ratioInverse", p, "0.2")?.formula).toBe("20.00% ≤ 目标 30.00%，得满分 10.00");
  });
});

describe("线性区间得分: 0 at 零分线, full at 满分线", () => {
  const p = { floor: dec("0.6"), full: dec(1) };
  it.each([
    ["0.5", "0"],
    ["0.6", "0"],
    ["0.6001", "0"], // 0.0025 → 0.00
    ["0.6002", "0.01"], // 0.005 → 0.01 (half away from zero)
    ["0.8", "5"],
    ["0.8087", "5.22"], // the seed's rate: 5.2175 → 5.22
    ["0.9990", "9.98"], // 9.975 → 9.98
    ["0.9999", "10"],
    ["1", "10"],
    ["1.1", "10"],
  ])("%s → %s", (value, expected) => expect(score("linearBand", p, value)).toBe(expected));
  it("runs the other way when the 零分线 is above the 满分线 (大英县 编制准确: 10% → 0, 0 → full)", () => {
    const reverse = { floor: dec("0.1"), full: dec(0) };
    expect(score("linearBand", reverse, "0", 5)).toBe("5");
    expect(score("linearBand", reverse, "0.02", 5)).toBe("4"); // (1 − 10 × 2%) × 5
    expect(score("linearBand", reverse, "0.1", 5)).toBe("0");
    expect(score("linearBand", reverse, "0.25", 5)).toBe("0");
    expect(apply("linearBand", reverse, "0.02", 5)?.formula).toBe(
      "5.00 × (10.00% − 2.00%) ÷ (10.00% − 0.00%) = 4.00"
    );
  });
  it("refuses equal lines", () => {
    expect(RULE_KINDS.linearBand.check?.({ floor: dec("0.6"), full: dec("0.6") }, "rate")).toEqual([
      { text: "零分线与满分线不能相同（均为 60.00%）", param: "floor" },
    ]);
  });
});

describe("低于目标按百分点扣分", () => {
  const p = { target: dec("0.95"), deduction: dec("0.5") };
  it.each([
    ["0.95", "10"],
    ["0.96", "10"],
    ["0.949", "9.95"],
    ["0.94", "9.5"],
    ["0.85", "5"],
    ["0.75", "0"],
    ["0.5", "0"],
  ])("%s → %s", (value, expected) => expect(score("deductBelow", p, value)).toBe(expected));
});

describe("a strict 目标值 (>95%, <100%): the level itself misses it", () => {
  const at = (kind: RuleKind, params: RuleParams, value: string) => apply(kind, params, value);
  it.each([
    ["ratioCapped", { target: dec("0.95"), targetStrict: ">" }, "0.95", "9.99", ">95.00%"],
    [
      "deductBelow",
      { target: dec("0.95"), targetStrict: ">", deduction: dec(1) },
      "0.95",
      "9.99",
      ">95.00%",
    ],
    ["ratioInverse", { target: dec(1), targetStrict: "<" }, "1", "9.99", "<100.00%"],
    [
      "deductAbove",
      { target: dec(1), targetStrict: "<", deduction: dec(1) },
      "1",
      "9.99",
      "<100.00%",
    ],
  ] as [RuleKind, RuleParams, string, string, string][])(
    "%s: at the line, not met and below full marks",
    (kind, params, value, expected, written) => {
      const r = at(kind, params, value);
      expect(r?.score.toString()).toBe(expected);
      expect(r?.formula).toContain(`恰为目标值，未达到目标 ${written}，不得满分，计 ${expected}`);
    }
  );
  it("beyond the line scores as the inclusive target does", () => {
    expect(
      at("ratioCapped", { target: dec("0.95"), targetStrict: ">" }, "0.951")?.score.toString()
    ).toBe("10");
    expect(
      at("ratioInverse", { target: dec(1), targetStrict: "<" }, "0.99")?.score.toString()
    ).toBe("10");
    expect(
      at(
        "deductBelow",
        { target: dec("0.95"), targetStrict: ">", deduction: dec(1) },
        "0.94"
      )?.score.toString()
    ).toBe("9");
  });
  it("an inclusive target (≥95%) met at its line is full marks", () => {
    expect(at("ratioCapped", { target: dec("0.95") }, "0.95")?.score.toString()).toBe("10");
    expect(at("deductAbove", { target: dec(1), deduction: dec(1) }, "1")?.score.toString()).toBe(
      "10"
    );
  });
});

describe("超过上限按百分点扣分 (三公 −0.1, 人员控制率 −0.5, 三公变动率 ≤ 0)", () => {
  it.each([
    ["0.1393", "3"], // the seed: 1.88 / 13.5
    ["1", "3"],
    ["1.0001", "3"], // 0.01 points over → 2.999 → 3.00
    ["1.01", "2.9"],
    ["1.1", "2"],
    ["1.3", "0"],
    ["2", "0"],
  ])("三公 %s → %s", (value, expected) =>
    expect(score("deductAbove", { target: dec(1), deduction: dec("0.1") }, value, 3)).toBe(expected)
  );
  it.each([
    ["-0.05", "5"],
    ["0", "5"],
    ["0.04", "3"], // 4 points over 0 → 5 − 0.5 × 4
    ["0.1", "0"],
  ])("三公变动率 %s → %s", (value, expected) =>
    expect(score("deductAbove", { target: dec(0), deduction: dec("0.5") }, value, 5)).toBe(expected)
  );
  it("explains the deduction", () => {
    expect(apply("deductAbove", { target: dec(1), deduction: dec("0.1") }, "1.1", 3)?.formula).toBe(
      "110.00% 超过上限 100.00% 10.00 个百分点；3.00 − 0.10 × 10.00 = 2.00"
    );
    // The figures as they are, so that the formula gives its result by hand: 0.125, not 0.13.
    expect(
      apply("deductAbove", { target: dec(1), deduction: dec("0.125") }, "1.04", 5)?.formula
    ).toBe("104.00% 超过上限 100.00% 4.00 个百分点；5.00 − 0.125 × 4.00 = 4.50");
    expect(
      apply("deductAbove", { target: dec(0), deduction: dec("0.5") }, "0.031735", 5)?.formula
    ).toBe("3.1735% 超过上限 0.00% 3.1735 个百分点；5.00 − 0.50 × 3.1735 = 3.41");
  });
});

describe("分档得分", () => {
  const bands = parseStepBands("≥95%:10；90%～95%:8；80%～90%:5", "rate").value!;
  it.each([
    ["1", "10"],
    ["0.95", "10"], // the boundary goes to the band with more points
    ["0.9499", "8"],
    ["0.9", "8"],
    ["0.8999", "5"],
    ["0.8", "5"],
    ["0.7999", "0"],
  ])("%s → %s", (value, expected) => expect(score("stepBands", { bands }, value)).toBe(expected));
  it("caps a band's points at 分值, and reads points as a share of 分值", () => {
    expect(score("stepBands", { bands }, "1", 6)).toBe("6");
    const shares = parseStepBands("≥90%:100%；<90%:50%", "rate").value!;
    expect(score("stepBands", { bands: shares }, "0.85", 6)).toBe("3");
  });
  it("scores 岳阳's 预算调整率 steps: 0 → 3, 0–10% → 2, 10–20% → 1, 20–30% → 0.5, over 30% → 0", () => {
    const steps = parseStepBands("=0:3；0～10%:2；10%～20%:1；20%～30%:0.5；>30%:0", "rate").value!;
    const at = (v: string) => score("stepBands", { bands: steps }, v, 3);
    expect([
      at("0"),
      at("0.0001"),
      at("0.1"),
      at("0.1001"),
      at("0.2"),
      at("0.3"),
      at("0.3001"),
      at("0.2907"),
    ]).toEqual(["3", "2", "2", "1", "1", "0.5", "0", "0.5"]);
  });
  it("says which band a value fell in", () => {
    expect(apply("stepBands", { bands }, "0.92")?.formula).toBe(
      "92.00% 属于“90.00%～95.00%”档，得 8.00 分"
    );
    expect(apply("stepBands", { bands }, "0.5")?.formula).toBe("50.00% 不属于任何一档，得 0 分");
  });
});

describe("定性分档 (评价等次 → 100–80% / 80–60% / 60–0% of 分值)", () => {
  const grades = parseGradeRanges(
    "达成/优:80%～100%；部分达成/良:60%～80%；未达成/差:0～60%"
  ).value!;
  it("computes the band's top and its range", () => {
    const r = apply("qualitative", { grades }, null, 10, { grade: "部分达成" });
    expect(r?.score.toString()).toBe("8");
    expect(r?.range).toEqual({ low: dec(6), high: dec(8) });
    expect(r?.formula).toBe(
      "评价等次“部分达成”：分值 10.00 × 60%～80% = 6.00～8.00 分，计算得分取上限 8.00"
    );
  });
  it("knows the grade words by exact name first, then the longest name in the text", () => {
    expect(apply("qualitative", { grades }, null, 10, { grade: "优" })?.score.toString()).toBe(
      "10"
    );
    expect(
      apply("qualitative", { grades }, null, 10, { grade: "部分达成年度指标" })?.score.toString()
    ).toBe("8");
    expect(
      apply("qualitative", { grades }, null, 10, { grade: "未达成" })?.range?.high.toString()
    ).toBe("6");
    expect(apply("qualitative", { grades }, null, 10, { grade: "一般" })).toBeNull();
  });
  it("states shares and points as written: 62.5%, 2.125", () => {
    const halves = parseGradeRanges("好:87.5%～100%；较好:62.5%～87.5%；一般:0～62.5%").value!;
    expect(apply("qualitative", { grades: halves }, null, 15, { grade: "较好" })?.formula).toBe(
      "评价等次“较好”：分值 15.00 × 62.5%～87.5% = 9.38～13.13 分，计算得分取上限 13.13"
    );
    expect(formatStepBands(parseStepBands("≥90%:2.125", "rate").value!, "rate")).toBe(
      "≥90.00%:2.125"
    );
  });

  it("takes the default bands when the 分档 is left blank, as the sheet's note says", () => {
    const blank = {
      id: "x",
      level1: "效益",
      name: "群众满意",
      max: dec(10),
      rule: { kind: "qualitative" as const, params: {} },
      unconfirmed: [],
    };
    expect(ruleProblems(blank)).toEqual([]);
    expect(apply("qualitative", {}, null, 10, { grade: "部分达成" })?.score.toString()).toBe("8");
  });
  it("reads a grade word said in the negative as the lowest band, a partial one as 部分达成's", () => {
    const high = (grade: string) =>
      apply("qualitative", { grades }, null, 10, { grade })?.range?.high.toString();
    // Each holds 达成 (the top band's name), none means it.
    expect(high("未能达成")).toBe("6");
    expect(high("没有达成")).toBe("6");
    expect(high("部分达成目标")).toBe("8");
    expect(high("基本达成")).toBe("8");
    expect(high("不达成")).toBe("6");
    expect(high("达成预期")).toBe("10");
    const project = (grade: string) =>
      apply("qualitative", {}, null, 10, { grade })?.range?.high.toString();
    // The project preset's default bands: 完成 is the top band's name.
    expect(project("未按期完成")).toBe("6");
    // Late is not on time: 延期完成 against 按期完成 is no full mark either.
    expect(project("延期完成")).toBe("6");
    expect(project("逾期完成")).toBe("6");
    expect(project("滞后完成")).toBe("6");
    expect(project("未全部完成")).toBe("8");
    expect(project("部分完成")).toBe("8");
    expect(project("按期完成")).toBe("10");
    // Said positively, whatever words come first.
    expect(project("不低于目标完成")).toBe("10");
    expect(project("无偏差完成")).toBe("10");
    expect(project("毫不逊色地完成")).toBe("10");
    expect(high("基本良好")).toBe("8"); // 良 is 部分达成's other name
  });
});

describe("按项目资金加权平均得分: 分值 × mean ÷ 100", () => {
  it.each([
    ["100", "7"],
    ["92.5", "6.48"], // 6.475 → 6.48
    ["0", "0"],
    ["120", "7"],
  ])("%s → %s", (value, expected) =>
    expect(score("fundWeightedMean", { basis: "budget" }, value, 7, { unit: "score" })).toBe(
      expected
    )
  );
});

describe("按完成率得分: 分值 × 完成率", () => {
  it.each([
    ["1", "10"],
    ["0.8", "8"],
    ["0.6667", "6.67"],
    ["0", "0"],
    ["1.5", "10"],
  ])("%s → %s", (value, expected) => expect(score("completionRate", {}, value)).toBe(expected));
});

describe("执行率减调整率: 分值 × (执行率 − 预算调整率)", () => {
  it("reproduces the seed's 5.18 from 80.87% and 29.07%", () => {
    const r = apply("executionMinusAdjustment", {}, "0.8087", 10, {
      extra: { budgetAdjustmentRate: "0.2907" },
    });
    expect(r?.score.toString()).toBe("5.18");
    expect(r?.formula).toBe("10.00 × (执行率 80.87% − 预算调整率 29.07%) = 5.18");
  });
  it.each([
    ["1", "0", "10"],
    ["0.5", "0.6", "0"],
    ["1.2", "0.1", "10"],
    ["0.9", "0.1", "8"],
  ])("%s − %s → %s", (rate, adjustment, expected) =>
    expect(
      score("executionMinusAdjustment", {}, rate, 10, {
        extra: { budgetAdjustmentRate: adjustment },
      })
    ).toBe(expected)
  );
});

describe("the formula a score is written with", () => {
  it("ends in the score as the standard rounds it (得分保留 1 位小数: 8.75 → 8.8)", () => {
    const r = apply("ratioCapped", { target: dec("1") }, "0.875", 10, { decimals: 1 });
    expect([r?.score.toString(), r?.formula]).toEqual([
      "8.8",
      "10.00 × 87.50% ÷ 100.00%（比值超过 1 按 1 计） = 8.8",
    ]);
  });

  it("shows a figure below 0 and what it counts as, not a false equality", () => {
    const below = apply("executionMinusAdjustment", {}, "0.8", 10, {
      extra: { budgetAdjustmentRate: "1" },
    });
    expect(below?.formula).toBe(
      "10.00 × (执行率 80.00% − 预算调整率 100.00%) = -2.00，按 0.00 分计"
    );
    const deducted = apply("deductBelow", { target: dec("1"), deduction: dec("2") }, "0.35");
    expect(deducted?.score.toString()).toBe("0");
    expect(deducted?.formula).toBe(
      "35.00% 低于目标 100.00% 65.00 个百分点；10.00 − 2.00 × 65.00 = -120.00，按 0.00 分计"
    );
  });
});
