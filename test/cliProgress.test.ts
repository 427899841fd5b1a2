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

describe("progress of one long file (PhaseLine)", () => {
  const runWithTty = async (progressAfterMs: number) => {
    const { main } = await import("../src/cli/main");
    const { mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { SAMPLE_PATH } = await import("./parse/sampleSnapshot");
    const raw: string[] = [];
    const out: string[] = [];
    const dir = mkdtempSync(join(tmpdir(), "jixiao-phase-"));
    const code = await main(["score", SAMPLE_PATH, "--out", join(dir, "out.xlsx")], {
      out: (t) => out.push(t),
      err: () => undefined,
      tty: { write: (t) => raw.push(t), columns: 80 },
      progressAfterMs,
    });
    return { code, raw, out: out.join("\n") };
  };

  it("names the file and each phase on the terminal, then removes its line", async () => {
    const { code, raw, out } = await runWithTty(0);
    expect(code).toBe(0);
    const drawn = raw.filter((t) => t.includes("正在评分"));
    expect(drawn.some((t) => t.includes("foshan-sbj-2022.xlsx：读取工作簿…"))).toBe(true);
    expect(drawn.some((t) => t.includes("：计算得分…"))).toBe(true);
    expect(drawn.some((t) => t.includes("：生成汇总表并写入…"))).toBe(true);
    expect(raw[raw.length - 1]).toBe("\r\x1b[K");
    expect(out).toContain("已写入");
  });

  it("shows nothing for a run shorter than its threshold", async () => {
    const { code, raw } = await runWithTty(60_000);
    expect(code).toBe(0);
    expect(raw.filter((t) => t.includes("正在评分"))).toEqual([]);
  });
});
