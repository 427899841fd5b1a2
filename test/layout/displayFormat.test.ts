/** Values as a spreadsheet shows them under the number formats the layouts and workbooks use. */
import { amountFormat, displayValue } from "../../src/layout/displayFormat";
import { dec } from "../../src/model/decimal";
import { formats } from "../../src/layout/style";

describe("displayValue", () => {
  it("shows amounts, scores and rates as the printed summary does", () => {
    expect(displayValue(46665.43, formats.amount)).toBe("46,665.43");
    expect(displayValue(-1234567.5, formats.amount)).toBe("-1,234,567.50");
    expect(displayValue(95.18, formats.score)).toBe("95.18");
    expect(displayValue(0.8912, formats.rate)).toBe("89.12%");
    expect(displayValue(0.8087, "0%")).toBe("81%");
  });

  it("rounds half away from zero on 15 significant digits, as Excel displays", () => {
    expect(displayValue(1.005, "0.00")).toBe("1.01");
    expect(displayValue(0.125, "0.00")).toBe("0.13");
    expect(displayValue(2.675, "#,##0.00")).toBe("2.68");
  });

  it("General, text, booleans, errors and blanks", () => {
    expect(displayValue(37590.5)).toBe("37590.5");
    expect(displayValue(1 / 3)).toBe("0.3333333333");
    expect(displayValue(7, "@")).toBe("7");
    expect(displayValue("说明", formats.amount)).toBe("说明");
    expect(displayValue(true)).toBe("TRUE");
    expect(displayValue({ error: "#DIV/0!" })).toBe("#DIV/0!");
    expect(displayValue(null, formats.amount)).toBe("");
    expect(displayValue(1234.5, '#,##0.00;[Red]-#,##0.00;"-"')).toBe("1,234.50");
  });
});

describe("amountFormat", () => {
  it("gives a column of amounts as many decimals as its figures have, two to six", () => {
    expect(amountFormat([dec("46665.43"), dec(120), null])).toBe("#,##0.00");
    expect(amountFormat([])).toBe("#,##0.00");
    // 10,050 元 and 26,549 元 in 万元; 1 分 in 万元; beyond a 分 it stops at six.
    expect(amountFormat([dec("1.005"), dec(3)])).toBe("#,##0.000");
    expect(amountFormat([dec("2.6549"), null])).toBe("#,##0.0000");
    expect(amountFormat([dec("0.000001")])).toBe("#,##0.000000");
    expect(amountFormat([dec("0.0000001")])).toBe("#,##0.000000");
    expect(displayValue(1.005, amountFormat([dec("1.005")]))).toBe("1.005");
  });
});
