/** Settings saved as a sheet are read back as the same settings, by the same parser. */
import { evaluate } from "../../src/evaluate/evaluate";
import { FileWorkbook } from "../../src/hosts/file/fileWorkbook";
import { settingsLayout } from "../../src/layout/settings";
import type { EvaluationSettings } from "../../src/model/input";
import { parseWorkbook } from "../../src/parse/parseWorkbook";
import { recalculate } from "../../src/pipeline/recalculate";
import { SAMPLE_PATH } from "../parse/sampleSnapshot";
import { seed } from "../helpers";

describe("settings sheet", () => {
  const settings: EvaluationSettings = {
    presetId: "foshan-2022",
    scoreSource: "computed",
    overrides: { "executionRate.floor": "50%", "threePublicControl.pointsPerPercentOver": "0.2" },
    confirmed: ["executionRate.rule", "unnamedIndicator"],
  };

  it("round-trips through a workbook, old overrides included, and changes the score", async () => {
    const book = await FileWorkbook.fromFile(SAMPLE_PATH);
    const e = evaluate({ ...seed(), settings });
    const write = await book.writeOwnedSheet(settingsLayout(settings, e.standard), "settings");
    expect(write.sheet).toBe("绩效自评设置");
    const reread = await FileWorkbook.fromBuffer(await book.toBuffer());
    const snapshot = await reread.read();
    expect(snapshot.ownedSheets?.settings).toBe("绩效自评设置");
    const { input, problems } = parseWorkbook(snapshot);
    expect(problems).toEqual([]);
    expect(input.settings).toEqual(settings);
    const result = await recalculate(reread, { date: "2026-11-27", dryRun: true });
    // Computed scores count; floor 50%: 10 × (0.8087 − 0.5) ÷ 0.5 = 6.17
    expect(
      result.evaluation.indicators.find((i) => i.id === "executionRate")?.counted.toString()
    ).toBe("6.17");
    expect(
      result.evaluation.parameters.find((p) => p.path === "executionRate.floor")
    ).toMatchObject({
      overridden: true,
      unconfirmed: false,
    });
  });

  it("holds only the preset and the score that counts; rules are in the 评分标准 sheet", async () => {
    const e = evaluate(seed());
    const layout = settingsLayout({}, e.standard);
    const texts = layout.cells
      .map((c) => c.value)
      .filter((v): v is string => typeof v === "string");
    expect(texts).toContain("评分标准");
    expect(texts).toContain("计入得分");
    expect(texts.some((t) => t.includes("评分规则请在“评分标准”表中修改"))).toBe(true);
    expect(texts).not.toContain("executionRate.floor");
    const book = await FileWorkbook.fromFile(SAMPLE_PATH);
    await book.writeOwnedSheet(layout, "settings");
    const { input } = parseWorkbook(await book.read());
    expect(input.settings).toEqual({ presetId: "foshan-2022", scoreSource: "entered" });
  });
});
