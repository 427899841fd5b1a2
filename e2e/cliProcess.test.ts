/**
 * The command line as a user runs it: `node bin/jixiao.cjs …` in its own process (the bundle
 * `npm ci` builds, or the TypeScript sources through tsx; no jest transform), so what only a
 * real process meets — module loading, the exit code, what reaches stdout and stderr — is
 * checked. The README's quick start is one of these.
 */
import ExcelJS from "exceljs";
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(__dirname, "..");
const SAMPLE = join(ROOT, "samples", "foshan-sbj-2022.xlsx");
const PROJECTS = join(ROOT, "samples", "foshan-sbj-2022-projects.xlsx");

function jixiao(...args: string[]) {
  return run({}, ...args);
}

function run(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "jixiao.cjs"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const sheetNames = async (file: string) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((w) => w.name);
};

describe("jixiao as a process", () => {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-process-"));

  it("scores the bundled sample (the README's quick start): 95.18, 优, summary written", async () => {
    const out = join(dir, "sample.xlsx");
    const r = jixiao("score", SAMPLE, "--out", out, "--date", "2026-11-29");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("95.18");
    expect(r.out).toContain(`已写入 ${out} 的“绩效自评汇总”、“核对清单”工作表。`);
    expect(await sheetNames(out)).toContain("绩效自评汇总");
  });

  it("scores the workbook of 53 project forms and writes both sheets", async () => {
    const out = join(dir, "projects.xlsx");
    const r = jixiao("score", PROJECTS, "--out", out, "--json", "--date", "2026-11-29");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { projects: { name: string; score: string }[] };
    expect(json.projects).toHaveLength(53);
    const names = await sheetNames(out);
    expect(names).toEqual(expect.arrayContaining(["绩效自评汇总", "项目自评汇总"]));
  });

  it("says in one Chinese sentence why a file that is no workbook cannot be scored", () => {
    const bad = join(dir, "坏文件.xlsx");
    writeFileSync(bad, "not a zip");
    const r = jixiao("score", bad, "--out", join(dir, "bad-out.xlsx"));
    expect(r.code).not.toBe(0);
    expect(r.err).toContain("坏文件.xlsx");
    expect(r.err).not.toMatch(/\bat .+:\d+:\d+|Error:/);
  });

  it("runs from the TypeScript sources as from the bundle npm ci builds", () => {
    const bundled = jixiao("demo", "--json");
    const fromSource = run({ JIXIAO_FROM_SOURCE: "1" }, "demo", "--json");
    expect(fromSource.code).toBe(0);
    expect(fromSource.err).toBe("");
    expect(JSON.parse(fromSource.out)).toEqual(JSON.parse(bundled.out));
    // `score` loads the deferred engine by import(): an ES module load the sources must serve too.
    const scored = ["score", SAMPLE, "--json", "--date", "2026-11-27", "--out"];
    const fromBundle = run({}, ...scored, join(dir, "bundle.xlsx"));
    const sourceScored = run({ JIXIAO_FROM_SOURCE: "1" }, ...scored, join(dir, "source.xlsx"));
    expect({ code: sourceScored.code, err: sourceScored.err }).toEqual({ code: 0, err: "" });
    const { output: sourceOutput, ...sourceJson } = JSON.parse(sourceScored.out);
    const { output: bundleOutput, ...bundleJson } = JSON.parse(fromBundle.out);
    expect([sourceOutput, bundleOutput]).toEqual([
      join(dir, "source.xlsx"),
      join(dir, "bundle.xlsx"),
    ]);
    expect(sourceJson.total).toBe(95.18);
    expect(sourceJson).toEqual(bundleJson);
  });

  it("writes the 自评报告 from the TypeScript sources as from the bundle", () => {
    for (const [env, name] of [
      [{}, "bundle"],
      [{ JIXIAO_FROM_SOURCE: "1" }, "source"],
    ] as const) {
      const out = join(dir, `report-${name}`);
      const r = run(env, "report", SAMPLE, "--out", out);
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      expect(
        readFileSync(join(out, "foshan-sbj-2022.自评报告.docx")).subarray(0, 2).toString()
      ).toBe("PK");
    }
  });

  it("goes on, and writes its copy, when the reader of its output goes away (| head)", async () => {
    const out = join(dir, "piped.xlsx");
    const child = spawn(
      process.execPath,
      [join(ROOT, "bin", "jixiao.cjs"), "score", SAMPLE, "--out", out],
      { cwd: ROOT }
    );
    child.stdout.destroy(); // as `head` does once it has its lines
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((done) => child.on("close", done));
    expect(err).not.toMatch(/EPIPE|\bat .+:\d+:\d+|Error/);
    expect(code).toBe(0);
    expect(await sheetNames(out)).toContain("绩效自评汇总");
  });

  it("runs the demo on the bundled data", () => {
    const r = jixiao("demo");
    expect(r.code).toBe(0);
    expect(r.out).toContain("95.18");
  });
});

describe("a folder run in worker threads", () => {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-threads-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeAll(() => {
    // The workers run from the bundle npm ci builds (bin/jixiao.cjs uses it while it is newer
    // than the sources; after editing them, `npm run build:cli`).
    for (let i = 1; i <= 12; i++) copyFileSync(SAMPLE, join(dir, `第${i}局.xlsx`));
    writeFileSync(join(dir, "坏.xlsx"), "会议纪要");
    writeFileSync(join(dir, "空.xlsx"), "");
  });

  it("gives the same lines, JSON and ranking as one file after another", async () => {
    const threaded = run({ JIXIAO_WORKERS: "2" }, "score", dir, "--json", "--date", "2026-11-29");
    const rankingThreaded = readFileSync(join(dir, "已评分", "汇总排名.xlsx"));
    const sequential = run({ JIXIAO_WORKERS: "0" }, "score", dir, "--json", "--date", "2026-11-29");
    expect(threaded.err).toContain("（2 个线程并行评分）");
    expect(sequential.err).not.toContain("线程");
    expect(threaded.code).toBe(sequential.code);
    expect(threaded.out).toBe(sequential.out);
    expect(threaded.err.replace("（2 个线程并行评分）\n", "")).toBe(sequential.err);
    const lines = threaded.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.status === "scored")).toHaveLength(12);
    expect(lines.filter((l) => l.status === "failed").map((l) => l.file)).toEqual([
      join(dir, "坏.xlsx"),
      join(dir, "空.xlsx"),
    ]);
    const rows = async (data: Buffer) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(data as unknown as ArrayBuffer);
      return wb.worksheets[0].getSheetValues();
    };
    expect(await rows(rankingThreaded)).toEqual(
      await rows(readFileSync(join(dir, "已评分", "汇总排名.xlsx")))
    );
  }, 180_000);
});
