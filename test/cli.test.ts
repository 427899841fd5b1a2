import { main } from "../src/cli/main";

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }).then((code) => ({
    code,
    out: out.join("\n"),
    err: err.join("\n"),
  }));
}

describe("command line", () => {
  it("demo prints the score table, total, grade and gaps for the seed department", async () => {
    const { code, out } = await run(["demo"]);
    expect(code).toBe(0);
    expect(out).toContain("佛山市社会保险基金管理局 2022 年度部门整体支出绩效自评");
    expect(out).toMatch(/财政支出执行率（待核对）\s+10\.00\s+5\.18\s+5\.22\s+5\.18/);
    expect(out).toMatch(/总分\s+100\.00\s+95\.18/);
    expect(out).toContain("总分 95.18 分，绩效等级“优”");
    expect(out).toContain("达到目标尚需支出 5,696.71 万元");
    expect(out).toContain(
      "预算执行：填报执行率 80.87%；预算表执行率 89.12%（执行率 = 决算数 ÷ 调整预算数）；预算表平衡（有尾差）"
    );
    expect(out).toContain("合计：年初预算 40,568.73，调整预算 52,362.14，决算 46,665.43（万元）");
    expect(out).toMatch(/小计\s+45\.00\s+40\.18/);
  });

  it("demo --json prints the evaluation as JSON", async () => {
    const { code, out } = await run(["demo", "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json).toMatchObject({
      department: "佛山市社会保险基金管理局",
      year: 2022,
      total: 95.18,
      grade: "优",
    });
    expect(json.indicators).toHaveLength(11);
    expect(json.gaps.map((g: { code: string }) => g.code)).toContain("executionBelowTarget");
  });

  it("rejects an unknown command with a Chinese message and exit code 2", async () => {
    const { code, err } = await run(["frobnicate"]);
    expect(code).toBe(2);
    expect(err).toContain("未知命令“frobnicate”");
  });
});
