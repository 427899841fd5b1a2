/** Progress drawing for folder runs: bar width, counts, names cut to the terminal width. */
import { fitWidth, progressBar } from "../src/cli/progress";
import { displayWidth } from "../src/model/text";

describe("progress bar", () => {
  it("fills in proportion to the files done", () => {
    expect(progressBar(0, 50, "某局.xlsx", 80)).toBe(`[${"░".repeat(20)}] 0/50 某局.xlsx`);
    expect(progressBar(12, 50, "某局.xlsx", 80)).toBe(
      `[${"█".repeat(5)}${"░".repeat(15)}] 12/50 某局.xlsx`
    );
    expect(progressBar(50, 50, "某局.xlsx", 80)).toBe(`[${"█".repeat(20)}] 50/50 某局.xlsx`);
  });

  it("never wraps: a long name is cut to the terminal width (Chinese takes two columns)", () => {
    const name =
      "佛山市某某区人力资源和社会保障局下属事业单位二〇二二年度部门整体支出绩效自评表.xlsx";
    const line = progressBar(3, 200, name, 60);
    expect(displayWidth(line)).toBeLessThanOrEqual(59);
    expect(line.endsWith("…")).toBe(true);
    expect(line.startsWith(`[${"░".repeat(20)}] 3/200 佛山市`)).toBe(true);
  });

  it("fitWidth keeps text that fits and cuts what does not", () => {
    expect(fitWidth("abc", 3)).toBe("abc");
    expect(fitWidth("abcd", 3)).toBe("ab…");
    expect(fitWidth("财政局", 5)).toBe("财政…");
  });
});
