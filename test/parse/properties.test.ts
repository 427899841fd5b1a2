/** Random cell contents anywhere in the sample never crash the parser or the engine. */
import fc from "fast-check";
import type { CellValue } from "../../src/hosts/snapshot";
import { cellAddress } from "../../src/hosts/snapshot";
import { scoreSnapshot } from "../../src/pipeline/scoreWorkbook";
import { sampleSnapshot, setCell } from "./sampleSnapshot";
import { normalizeLabel } from "../../src/parse/grid";
import { toHalfWidth } from "../../src/model/numbers";

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 8 }),
  fc.constantFrom(
    "二千",
    "—",
    "-",
    "/",
    "80.87%",
    "８０．８７％",
    "1,234.50",
    "(12.00)",
    "是",
    "否",
    "合计",
    "一、基本支出",
    "#DIV/0!",
    "年初预算数",
    "单位：元"
  ),
  fc.constantFrom(...["#DIV/0!", "#REF!", "#N/A", "#VALUE!"].map((error) => ({ error })))
);

describe("parser properties", () => {
  it("never throws, whatever is typed into up to 6 cells of the sample", async () => {
    const base = await sampleSnapshot();
    const sheets = base.sheets.map((s) => s.name);
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            sheet: fc.constantFrom(...sheets),
            row: fc.nat(20),
            column: fc.nat(6),
            value: cellValue,
            format: fc.constantFrom("General", "0.00%", "yyyy-mm-dd", "@"),
          }),
          { maxLength: 6 }
        ),
        async (edits) => {
          const snapshot = structuredClone(base);
          for (const e of edits)
            setCell(snapshot, e.sheet, cellAddress(e.row, e.column), e.value, e.format);
          const { parse, evaluation } = scoreSnapshot(snapshot);
          for (const p of parse.problems) {
            expect(p.message.length).toBeGreaterThan(0);
            if (p.cell) expect(p.message.startsWith(`${p.sheet}!${p.cell}：`)).toBe(true);
          }
          for (const r of evaluation.indicators) {
            expect(r.counted.greaterThanOrEqualTo(0) && r.counted.lessThanOrEqualTo(r.max)).toBe(
              true
            );
          }
        }
      ),
      { numRuns: 300 }
    );
  });

  it("never reads a non-numeric amount as 0", async () => {
    const base = await sampleSnapshot();
    await fc.assert(
      fc.asyncProperty(
        fc
          .string({ minLength: 1 })
          .filter(
            (s) =>
              !/[0-9０-９]/.test(s) &&
              !["-", "—", "/", "无", "－", "／", "–", "——", "\\"].includes(s.trim()) &&
              s.trim() !== "" &&
              !/^n\/?a$/i.test(s.trim()) &&
              s.trim() !== "不适用"
          ),
        async (text) => {
          const snapshot = structuredClone(base);
          setCell(snapshot, "预算支出", "D5", text);
          const { parse } = scoreSnapshot(snapshot);
          const personnel = parse.input.budget.rows.find((r) => r.category === "personnel");
          expect(personnel?.final).toBeNull();
          expect(parse.problems.some((p) => p.cell === "D5" && p.sheet === "预算支出")).toBe(true);
        }
      ),
      { numRuns: 200 }
    );
  });
});

describe("label normalising", () => {
  // What normalizeLabel does to any text (half-width, NFKC, no whitespace or quotes, no
  // trailing colon), written out: plain ASCII takes a shortcut that must agree with it.
  const spelledOut = (text: string) =>
    toHalfWidth(text.normalize("NFKC"))
      .replace(/[\s"'“”‘’「」]/g, "")
      .replace(/[:：]$/, "");

  it("gives ASCII text (numbers, codes, spaces, quotes, colons) the label spelled out", () => {
    const ascii = fc.string({
      unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)),
    });
    fc.assert(
      fc.property(fc.oneof(ascii, fc.double().map(String), fc.string()), (text) => {
        expect(normalizeLabel(text)).toBe(spelledOut(text));
      }),
      { numRuns: 3000 }
    );
    for (const text of ["123.45", "95%", "A1", "a:", " 1 ", '"x"', "x'y", "1:", "：", "１２"])
      expect(normalizeLabel(text)).toBe(spelledOut(text));
  });
});
