import Decimal from "decimal.js";
import fc from "fast-check";
import {
  Dec,
  compare,
  dec,
  excelRound,
  fixed,
  fromNumber,
  money,
  percent,
  score,
  sum,
  sumOfProducts,
  toDouble,
} from "../../src/model/decimal";
import { parseLooseNumber } from "../../src/model/numbers";

describe("Excel ROUND semantics", () => {
  it.each([
    ["2.675", 2, "2.68"], // binary floats make toFixed give 2.67; Excel gives 2.68
    ["1.005", 2, "1.01"],
    ["-2.5", 0, "-3"], // half away from zero, not banker's rounding
    ["2.5", 0, "3"],
    ["0.125", 2, "0.13"],
    ["-0.125", 2, "-0.13"],
    ["5.2175", 2, "5.22"],
    ["5.2149999", 2, "5.21"],
    ["0.80865", 4, "0.8087"],
  ])("ROUND(%s, %d) = %s", (value, digits, expected) => {
    expect(excelRound(dec(value), digits).toString()).toBe(expected);
  });

  it("reads doubles as Excel shows them (15 significant digits)", () => {
    expect(fromNumber(0.1 + 0.2).toString()).toBe("0.3");
    expect(fromNumber(46665.43).toString()).toBe("46665.43");
    expect(fromNumber(1.005).toString()).toBe("1.005");
    expect(() => fromNumber(Number.NaN)).toThrow();
  });

  it("adds money exactly: 2908.01 + 43757.42 = 46665.43", () => {
    expect(sum([dec(2908.01), dec(43757.42)]).toString()).toBe("46665.43");
    expect(0.1 + 0.2).not.toBe(0.3); // the float trap this module avoids
    expect(sum([dec(0.1), dec(0.2)]).toString()).toBe("0.3");
  });

  // sum and sumOfProducts add whole numbers as doubles when every figure allows it; decimal.js
  // adding one by one is the reference, and their texts must be equal (same value, same digits).
  const slowSum = (values: Dec[]) => values.reduce((a, v) => a.plus(v), new Dec(0));
  const slowProducts = (a: Dec[], b: Dec[]) =>
    a.reduce((acc, v, i) => acc.plus(v.times(b[i] as Dec)), new Dec(0));
  // Mostly amounts and scores as sheets hold them (the fast path), some far too large or fine.
  const amount = fc
    .tuple(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 6 }))
    .map(([digits, places]) => new Dec(`${digits}e${-places}`));
  const odd = fc
    .tuple(fc.bigInt({ min: -(10n ** 22n), max: 10n ** 22n }), fc.integer({ min: -3, max: 20 }))
    .map(([digits, places]) => new Dec(`${digits}e${-places}`));
  const figure = fc.oneof({ arbitrary: amount, weight: 8 }, { arbitrary: odd, weight: 1 });

  it("sums exactly, fast path or not, as decimal.js adds one by one", () => {
    fc.assert(
      fc.property(fc.array(figure, { maxLength: 40 }), (values) => {
        expect(sum(values).toString()).toBe(slowSum(values).toString());
      }),
      { numRuns: 2000 }
    );
  });

  it("sums products exactly, fast path or not", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(figure, figure), { maxLength: 30 }), (pairs) => {
        const a = pairs.map((p) => p[0]);
        const b = pairs.map((p) => p[1]);
        expect(sumOfProducts(a, b).toString()).toBe(slowProducts(a, b).toString());
      }),
      { numRuns: 2000 }
    );
  });

  it("gives the double toNumber() gives, fast path or not", () => {
    fc.assert(
      fc.property(figure, (value) => {
        expect(Object.is(toDouble(value), value.toNumber())).toBe(true);
      }),
      { numRuns: 5000 }
    );
    for (const text of [
      "0.1",
      "-0",
      "123.45",
      "9007199254740993",
      "1e-15",
      "0.3",
      "NaN",
      "-Infinity",
    ]) {
      const value = new Dec(text);
      expect(Object.is(toDouble(value), value.toNumber())).toBe(true);
    }
  });

  it.each([
    [["9007199254740991", "1"], "9007199254740992"], // the partial sum leaves the safe range
    [["9007199254740991", "-1", "1"], "9007199254740991"],
    [["0.1", "0.2", "-0.3"], "0"],
    [["-0", "-0"], "0"],
    [["1e22", "1"], "1.0000000000000000000001e+22"],
    [["1e-16", "1"], "1.0000000000000001"],
    [["123.45", "0.0000001", "-123.45"], "1e-7"],
    [["NaN", "1"], "NaN"],
    [["Infinity", "1"], "Infinity"],
    [[], "0"],
  ])("sum(%j) = %s", (values, expected) => {
    expect(sum(values.map((v) => new Dec(v))).toString()).toBe(expected);
  });

  it("sums fund-weighted scores beyond 2^53 through decimal.js", () => {
    const scores = ["99.99", "85.5"].map((v) => new Dec(v));
    const weights = ["90071992547409.91", "1.5"].map((v) => new Dec(v));
    expect(sumOfProducts(scores, weights).toString()).toBe("9006298534815645.1509"); // Python: Decimal("99.99") * Decimal("90071992547409.91") + …;
  });

  it("formats money, percentages and fixed decimals", () => {
    expect(money(dec("46665.43"))).toBe("46,665.43");
    expect(money(dec("-1234567.5"))).toBe("-1,234,567.50");
    expect(money(dec("999.999"))).toBe("1,000.00");
    expect(percent(dec("0.8087"))).toBe("80.87%");
    // A rate shows the decimals it was rounded to (比率保留小数位), two at least; an unrounded
    // quotient, two.
    expect(percent(dec("0.89121"))).toBe("89.121%");
    expect(percent(dec("0.999996"))).toBe("99.9996%");
    expect(percent(dec("0.89121"), 2)).toBe("89.12%");
    expect(percent(dec(1).dividedBy(3))).toBe("33.33%");
    // A score as typed up to four decimals (2.995 is not 3.00), else two.
    expect(score(dec("2.995"))).toBe("2.995");
    expect(score(dec("10"))).toBe("10.00");
    expect(score(dec("5.123456"))).toBe("5.12");
    expect(fixed(dec("5"), 2)).toBe("5.00");
  });

  it("writes fixed decimals as Decimal's own toFixed with ROUND_HALF_UP, fast path or not", () => {
    const values = [
      "0",
      "5",
      "2.5",
      "9.17",
      "100",
      "0.005",
      "2.675",
      "-2.675",
      "1e21",
      "123456789012.34",
      "0.1",
      "99.999",
      "-0",
      "-0.001",
      "46665.43",
      "1e-7",
      "30.000",
    ];
    // Plus 2,000 pseudo-random values of 0–6 decimals (deterministic).
    let seed = 7;
    for (let i = 0; i < 2000; i++) {
      seed = (seed * 48271) % 2147483647;
      const digits = seed % 7;
      values.push((((seed % 2000000) - 1000000) / 10 ** digits).toFixed(digits));
    }
    for (const v of values)
      for (const digits of [0, 1, 2, 4]) {
        const d = dec(v);
        expect([v, digits, fixed(d, digits)]).toEqual([
          v,
          digits,
          d.toFixed(digits, Decimal.ROUND_HALF_UP),
        ]);
      }
  });
});

describe("compare", () => {
  it("orders as decimal.js's comparedTo: signs, zeros of either sign, exponents, digits", () => {
    const values = ["0", "-0", "1", "-1", "0.1", "10", "1e7", "1.0000001", "9999999", "10000000"];
    values.push("1e-9", "-1e-9", "46665.43", "46665.430001", "-46665.43", "123456789.987654321");
    values.push("Infinity", "-Infinity", "NaN");
    // Plus 300 pseudo-random values of 0–9 decimals, some equal to others (deterministic).
    let seed = 11;
    for (let i = 0; i < 300; i++) {
      seed = (seed * 48271) % 2147483647;
      const digits = seed % 10;
      values.push((((seed % 200000) - 100000) / 10 ** (digits % 4)).toFixed(digits));
    }
    const differing: [string, string, number, number][] = [];
    for (const a of values)
      for (const b of values) {
        const expected = new Dec(a).comparedTo(new Dec(b));
        const got = compare(new Dec(a), new Dec(b));
        if (!Object.is(got, expected)) differing.push([a, b, got, expected]);
      }
    expect(differing).toEqual([]);
    expect(values.length).toBe(319);
  });
});

describe("numbers as finance staff type them", () => {
  it.each([
    ["46,665.43", "46665.43"],
    ["４６６６５．４３", "46665.43"],
    ["４６，６６５．４３", "46665.43"],
    [" 13.5 ", "13.5"],
    ["￥1,200", "1200"],
    ["(120.00)", "-120"],
    ["-3", "-3"],
    ["1e3", "1000"],
  ])("%s → %s", (text, expected) => {
    expect(parseLooseNumber(text)?.toString()).toBe(expected);
  });

  it.each(["", "二千", "12,34", "1.2.3", "--1", "abc", "12元", "—"])(
    "%s is not a number",
    (text) => {
      expect(parseLooseNumber(text)).toBeNull();
    }
  );
});
