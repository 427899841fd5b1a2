/**
 * Project forms rolled up into the department: matched to the 项目清单 by name; a listed project
 * without a form, a form not listed, a second form of one project and a listed score that is not
 * the form's each get a gap naming its cell; 项目绩效目标完成率 weighs by 全年预算数 or, as a
 * choice, 全年执行数; 项目自评覆盖率 counts forms against the projects listed.
 */
import type { CellValue, WorkbookSnapshot } from "../../src/hosts/snapshot";
import { type SheetLayout, materialized } from "../../src/layout/sheetLayout";
import { layOut } from "../../src/pipeline/layOut";
import { renderProjects } from "../../src/cli/report";
import { scoreSnapshot } from "../../src/pipeline/scoreWorkbook";
import { foshan2022 } from "../../src/standard/presets";
import type { Standard } from "../../src/standard/types";
import { formSheet, goodForm } from "../fixtures/projectForm";
import { sampleSnapshot, setCell } from "../parse/sampleSnapshot";

type Listing = [
  name: string,
  budget: number,
  spent: number | "",
  evaluated: string,
  score: number | "",
];

/** The sample department with `listing` in its 项目清单 (from row 4) and `forms` as sheets. */
async function department(
  listing: Listing[],
  forms: { sheet: string; name: string; edits?: Record<string, CellValue> }[]
): Promise<WorkbookSnapshot> {
  const snapshot = await sampleSnapshot();
  listing.forEach((row, i) =>
    row.forEach((v, c) => setCell(snapshot, "项目清单", `${"ABCDE"[c]}${4 + i}`, v))
  );
  for (const f of forms) {
    const sheet = formSheet(goodForm(f.name), f.sheet);
    snapshot.sheets.push(sheet);
    for (const [cell, v] of Object.entries(f.edits ?? {})) setCell(snapshot, f.sheet, cell, v);
  }
  return snapshot;
}

/**
 * Three listed projects — one with a form, one listed with a score but no form, one with
 * neither — a form of an unlisted project, and a second form of the first.
 */
const mixedDepartment = () =>
  department(
    [
      ["社保卡发行项目", 120, 110, "是", 99.17],
      ["档案数字化项目", 80, 70, "是", 90],
      ["稽核内控项目", 50, 50, "否", ""],
    ],
    [
      { sheet: "表一", name: "社保卡发行项目" },
      { sheet: "表二", name: "湾区社保服务通项目" },
      { sheet: "表三", name: "社保卡发行项目" },
    ]
  );

const gapsOf = (snapshot: WorkbookSnapshot, standard?: Standard) => {
  const options = standard ? { standard: { standard, problems: [], sheet: "评分标准" } } : {};
  const { evaluation } = scoreSnapshot(snapshot, options);
  const project = evaluation.gaps.filter((g) => g.code.startsWith("project"));
  return { evaluation, project: project.map((g) => [g.code, g.message, g.cell]) };
};

/** Values of `count` rows from `from`, at `columns`, of a sheet layout. */
const rowsOf = (l: SheetLayout, from: number, count: number, columns: number[]) =>
  Array.from({ length: count }, (_, i) =>
    columns.map((c) => l.cells.find((x) => x.row === from + i && x.column === c)?.value ?? null)
  );
const rowWith = (l: SheetLayout, value: unknown) =>
  l.cells.find((c) => c.value === value)?.row ?? -1;

describe("rolling project forms up into the department", () => {
  it("matches forms to the 项目清单 by name (spaces and brackets aside) with no gap", async () => {
    const snapshot = await department(
      [
        ["社保卡发行项目", 120, 110, "是", 99.17],
        ["（档案）数字化项目", 120, 110, "是", 99.17],
      ],
      [
        { sheet: "表一", name: "社保卡发行项目" },
        { sheet: "表二", name: "(档案)数字化 项目" },
      ]
    );
    const { evaluation, project } = gapsOf(snapshot);
    expect(project).toEqual([]);
    expect(evaluation.metrics.projectEvaluationCoverage?.value?.toString()).toBe("1");
    expect(evaluation.metrics.projectFundWeightedScore?.value?.toString()).toBe("99.17");
  });

  it("weighs a project by its form's 全年预算数, and says where the 项目清单 differs", async () => {
    const snapshot = await department(
      [
        ["社保卡发行项目", 1000, 110, "是", 99.17],
        ["档案数字化项目", 120, 110, "是", 99.17],
      ],
      [
        { sheet: "表一", name: "社保卡发行项目", edits: { H17: 90, H13: 20.83, I13: "部分延期" } },
        { sheet: "表二", name: "档案数字化项目" },
      ]
    );
    const { evaluation, project } = gapsOf(snapshot);
    expect(project).toContainEqual([
      "projectScoreDiffers",
      "项目清单中“社保卡发行项目”的项目预算 1,000.00 万元与其自评表全年预算数 120.00 万元不一致，按自评表计入。",
      "项目清单!B4",
    ]);
    // (90 × 120 + 99.17 × 120) ÷ 240 = 94.585 → 94.59, not weighted 1000 : 120.
    expect(evaluation.metrics.projectFundWeightedScore?.value?.toString()).toBe("94.59");
  });

  it("takes a list kept in 元 with its cents as the form's 万元 rounded to cents, with no gap", async () => {
    // 1,200,049.56 元 and 1,099,950.44 元 listed; the form says 120.00 and 110.00 万元.
    const snapshot = await department(
      [
        ["社保卡发行项目", 120.004956, 109.995044, "是", 99.17],
        ["档案数字化项目", 120, 110, "是", 99.17],
      ],
      [
        { sheet: "表一", name: "社保卡发行项目" },
        { sheet: "表二", name: "档案数字化项目" },
      ]
    );
    expect(gapsOf(snapshot).project).toEqual([]);
  });

  it("weighs by the 项目清单 a form typed in 元 under 万元 (10,000 times the list), and says so", async () => {
    // 社保卡发行项目 listed as 3.00 / 2.65 万元, its form typed 30,000 / 26,549 under 项目资金（万元）.
    const yuan = { C6: 30000, D6: 30000, E6: 26549, C7: 30000, D7: 30000, E7: 26549 };
    const snapshot = await department(
      [
        ["社保卡发行项目", 3, 2.65, "是", 98.85],
        ["档案数字化项目", 120, 110, "是", 99.17],
      ],
      [
        {
          sheet: "表一",
          name: "社保卡发行项目",
          edits: { ...yuan, D8: 0, E8: 0, H6: 8.85, I6: "部分合同次年支付", H17: 98.85 },
        },
        { sheet: "表二", name: "档案数字化项目" },
      ]
    );
    const { evaluation, project } = gapsOf(snapshot);
    expect(project).toEqual([
      [
        "projectAmountInYuan",
        "项目“社保卡发行项目”自评表的全年预算数 30,000.00 万元（表一!D6）是项目清单 3.00 万元（项目清单!B4）的 10000 倍，疑为以元填列；按项目清单计入。",
        "表一!D6",
      ],
    ]);
    // (98.85 × 3 + 99.17 × 120) ÷ 123 = 99.1622… → 99.16, not (98.85 × 30,000 + …) ÷ 30,120.
    expect(evaluation.metrics.projectFundWeightedScore?.value?.toString()).toBe("99.16");
    // Its 执行 scaled alike: 2.65 as listed (26,549 元 is 2.6549 万元, listed to the cent).
    const listed = evaluation.projects?.projects[0];
    expect([listed?.budget, listed?.spending].map(String)).toEqual(["3", "2.65"]);
  });

  it("weighs by the 执行 of such a form, ÷ 10,000, when the 项目清单 has no 实际支出", async () => {
    const yuan = { C6: 30000, D6: 30000, E6: 26549, C7: 30000, D7: 30000, E7: 26549 };
    const snapshot = await department(
      [["社保卡发行项目", 3, "", "是", 98.85]],
      [
        {
          sheet: "表一",
          name: "社保卡发行项目",
          edits: { ...yuan, D8: 0, E8: 0, H6: 8.85, I6: "部分合同次年支付", H17: 98.85 },
        },
      ]
    );
    const { evaluation } = gapsOf(snapshot);
    const listed = evaluation.projects?.projects[0];
    expect([listed?.budget, listed?.spending].map(String)).toEqual(["3", "2.6549"]);
  });

  it("says so, and keeps the form's figures, when the 项目清单 is 10,000 times the form", async () => {
    const snapshot = await department(
      [["社保卡发行项目", 1200000, 1100000, "是", 99.17]],
      [{ sheet: "表一", name: "社保卡发行项目" }]
    );
    const { evaluation, project } = gapsOf(snapshot);
    expect(project.map((g) => g[1])).toEqual([
      "项目清单中“社保卡发行项目”的项目预算 1,200,000.00 万元是其自评表全年预算数 120.00 万元（表一!D6）的 10000 倍，疑为项目清单以元填列；按自评表计入。",
      "项目清单中“社保卡发行项目”的项目支出 1,100,000.00 万元是其自评表全年执行数 110.00 万元（表一!E6）的 10000 倍，疑为项目清单以元填列；按自评表计入。",
    ]);
    const listed = evaluation.projects?.projects[0];
    expect([listed?.budget, listed?.spending].map(String)).toEqual(["120", "110"]);
  });

  it("leaves out of 项目绩效目标完成率 a form that cannot be graded (分值 add to 110), and says so", async () => {
    const snapshot = await department(
      [
        ["社保卡发行项目", 120, 110, "是", 99.17],
        ["档案数字化项目", 120, 110, "是", 99.17],
      ],
      [
        { sheet: "表一", name: "社保卡发行项目", edits: { H17: 90, H13: 20.83, I13: "部分延期" } },
        {
          sheet: "表二",
          name: "档案数字化项目",
          edits: { G13: 40, H13: 40, G17: 110, H17: 109.17 },
        },
      ]
    );
    const { evaluation, project } = gapsOf(snapshot);
    expect(project).toContainEqual([
      "projectUngraded",
      "项目“档案数字化项目”的自评表无法评定等级（总分 109.17，各指标分值合计 110.00 分，不等于 100 分），不计入项目绩效目标完成率。",
      "表二!B3",
    ]);
    // Only 社保卡发行项目 weighs: 90 × 120 ÷ 120; the project still counts as evaluated.
    const weighted = evaluation.metrics.projectFundWeightedScore;
    expect(weighted?.value?.toString()).toBe("90");
    expect(weighted?.text).toContain("1 个项目，1 个缺少得分或资金未计入");
    expect(evaluation.metrics.projectEvaluationCoverage?.value?.toString()).toBe("1");
    // 项目自评汇总 shows the form's total and grade, and says under 合计 why it is not weighed.
    const sheet = layOut(scoreSnapshot(snapshot), "2026-11-30").projects as SheetLayout;
    const row = rowWith(sheet, "档案数字化项目");
    expect(rowsOf(sheet, row, 1, [6, 7])).toEqual([[109.17, "无法评定"]]);
    expect(
      sheet.cells.some(
        (c) =>
          c.value ===
          "合计含“档案数字化项目”，自评表无法评定等级，不计入项目绩效目标完成率（其余 1 个项目按资金加权，见下）。"
      )
    ).toBe(true);
  });

  it("says, when no listed project has a score to weigh, that the list is there and why each has none", async () => {
    const snapshot = await department(
      [
        ["社保卡发行项目", 120, 110, "是", ""],
        ["档案数字化项目", 120, 110, "是", ""],
        ["稽核内控项目", 50, 50, "否", ""],
      ],
      [
        {
          sheet: "表一",
          name: "社保卡发行项目",
          edits: { G13: 40, H13: 40, G17: 110, H17: 109.17 },
        },
        { sheet: "表二", name: "档案数字化项目", edits: { G14: null, G17: null } },
      ]
    );
    const { evaluation } = gapsOf(snapshot);
    const weighted = evaluation.metrics.projectFundWeightedScore;
    expect(weighted?.value).toBeNull();
    expect(weighted?.reason).toBe(
      "项目清单已提供，但没有项目同时具备可用的自评得分和项目预算：" +
        "“社保卡发行项目”自评表无法评定等级（各指标分值合计 110.00 分，不等于 100 分）；" +
        "“档案数字化项目”自评表无法评定等级（“制卡合格率”未填写分值）；" +
        "“稽核内控项目”没有项目自评表，无法按资金加权计算"
    );
    expect(evaluation.gaps.map((g) => g.message).join("\n")).not.toContain("未提供项目清单");
  });

  it("says which forms have no score to weigh when there is no 项目清单", async () => {
    const edits = { G13: 40, H13: 40, G17: 110, H17: 109.17 };
    const snapshot = await department([], [{ sheet: "表一", name: "社保卡发行项目", edits }]);
    expect(gapsOf(snapshot).evaluation.metrics.projectFundWeightedScore?.reason).toBe(
      "没有项目同时具备可用的自评得分和项目预算：“社保卡发行项目”自评表无法评定等级（各指标分值合计 110.00 分，不等于 100 分），无法按资金加权计算"
    );
  });

  it("takes a list's figure rounded to its cents as agreeing with the form's exact one", async () => {
    const snapshot = await department(
      [
        ["社保卡发行项目", 120, 110, "是", 99.17],
        ["档案数字化项目", 120.01, 110, "是", 99.17],
      ],
      [
        { sheet: "表一", name: "社保卡发行项目", edits: { D6: 120.004 } },
        { sheet: "表二", name: "档案数字化项目", edits: { D6: 120.004 } },
      ]
    );
    const { project } = gapsOf(snapshot);
    const differs = project.filter((g) => g[0] === "projectScoreDiffers").map((g) => g[1]);
    // 120.004 万元 is listed as 120.00: agreed; as 120.01 it is not, and both are shown exactly.
    expect(differs).toEqual([
      "项目清单中“档案数字化项目”的项目预算 120.01 万元与其自评表全年预算数 120.004 万元不一致，按自评表计入。",
    ]);
  });

  it("says which listed project has no form, which form is not listed, and which is a second form", async () => {
    const snapshot = await mixedDepartment();
    const { evaluation, project } = gapsOf(snapshot);
    expect(project).toEqual([
      [
        "projectDuplicated",
        "项目“社保卡发行项目”有两张自评表（表一!B3 与 表三!B3），只计入第一张。",
        "表三!B3",
      ],
      [
        "projectFormMissing",
        "项目清单中“档案数字化项目”没有项目自评表，不计为已自评；项目绩效目标完成率按清单得分 90.00 计入。",
        "项目清单!A5",
      ],
      [
        "projectFormMissing",
        "项目清单中“稽核内控项目”没有项目自评表，不计为已自评，也不计入项目绩效目标完成率。",
        "项目清单!A6",
      ],
      ["projectNotListed", "项目自评表“湾区社保服务通项目”（表二!B3）不在项目清单中。", "表二!B3"],
      [
        "projectCoverageBelowFull",
        "项目自评覆盖率 50.00%（已自评 2 个 ÷ 项目 4 个 = 50.00%），未达 100%，未自评：档案数字化项目、稽核内控项目。",
        "项目清单!D5",
      ],
    ]);
    // 2 forms counted (the second 社保卡 form is not) of 4 projects (3 listed + 1 not listed).
    const coverage = evaluation.metrics.projectEvaluationCoverage;
    expect(coverage?.value?.toString()).toBe("0.5");
    // Σ(得分 × 项目预算) ÷ Σ项目预算 = (99.17×120 + 90×80 + 99.17×120 for the form not listed) ÷ 320 = 31,000.80 ÷ 320 = 96.8775 → 96.88
    expect(evaluation.metrics.projectFundWeightedScore?.value?.toString()).toBe("96.88");
  });

  it("pairs a name listed twice with its forms by 项目预算, and says the list names it twice", async () => {
    // Listed 120 then 200; the forms come 200 (表一) then 120 (表二): each row takes its own.
    const twoHundred = { D6: 200, E6: 180, D7: 190, E7: 170, H6: 9, H17: 99 };
    const snapshot = await department(
      [
        ["社保卡发行项目", 120, 110, "是", 99.17],
        ["社保卡发行项目", 200, 180, "是", 99],
      ],
      [
        { sheet: "表一", name: "社保卡发行项目", edits: twoHundred },
        { sheet: "表二", name: "社保卡发行项目" },
      ]
    );
    const { evaluation, project } = gapsOf(snapshot);
    expect(project).toEqual([
      [
        "projectListedTwice",
        "项目清单中“社保卡发行项目”列了 2 行（项目清单!A4、项目清单!A5），同名自评表 2 张，按项目预算对应：项目清单!A4—表二!B3，项目清单!A5—表一!B3。",
        "项目清单!A5",
      ],
    ]);
    expect(evaluation.projects?.forms.map((f) => f?.cell)).toEqual(["表二!B3", "表一!B3"]);
    expect(evaluation.projects?.duplicates).toEqual([]);
    expect(evaluation.metrics.projectEvaluationCoverage?.text).toContain("已自评 2 个 ÷ 项目 2 个");
    // (99.17 × 120 + 99 × 200) ÷ 320 = 99.06375 → 99.06
    expect(evaluation.metrics.projectFundWeightedScore?.value?.toString()).toBe("99.06");
  });

  it("pairs them in order where no amount agrees, and never counts one form twice", async () => {
    const snapshot = await department(
      [
        ["社保卡发行项目", 50, 40, "是", 99.17],
        ["社保卡发行项目", 60, 50, "是", 99.17],
        ["社保卡发行项目", 70, 60, "是", 99.17],
      ],
      [
        { sheet: "表一", name: "社保卡发行项目" },
        { sheet: "表二", name: "社保卡发行项目" },
      ]
    );
    const { evaluation, project } = gapsOf(snapshot);
    expect(project[0]).toEqual([
      "projectListedTwice",
      "项目清单中“社保卡发行项目”列了 3 行（项目清单!A4、项目清单!A5、项目清单!A6），同名自评表 2 张，按顺序对应：项目清单!A4—表一!B3，项目清单!A5—表二!B3，项目清单!A6—无自评表。",
      "项目清单!A5",
    ]);
    expect(evaluation.projects?.forms.map((f) => f?.cell ?? null)).toEqual([
      "表一!B3",
      "表二!B3",
      null,
    ]);
    expect(project.map((g) => g[0])).toContain("projectFormMissing");
    expect(evaluation.metrics.projectEvaluationCoverage?.text).toContain("已自评 2 个 ÷ 项目 3 个");
  });

  it("counts, of two forms of one listed project, the one whose 项目预算 agrees", async () => {
    const snapshot = await department(
      [["社保卡发行项目", 200, 180, "是", 99]],
      [
        { sheet: "表一", name: "社保卡发行项目" },
        {
          sheet: "表二",
          name: "社保卡发行项目",
          edits: { D6: 200, E6: 180, D7: 190, E7: 170, H6: 9, H17: 99 },
        },
      ]
    );
    const { evaluation, project } = gapsOf(snapshot);
    expect(project).toEqual([
      [
        "projectDuplicated",
        "项目“社保卡发行项目”有两张自评表（表二!B3 与 表一!B3），只计入 表二!B3（与项目清单金额一致）。",
        "表一!B3",
      ],
    ]);
    expect(evaluation.projects?.forms.map((f) => f?.cell)).toEqual(["表二!B3"]);
  });

  it("leaves out a form of another year, and counts the department's year's whatever the order", async () => {
    const snapshot = await department(
      [["社保卡发行项目", 120, 110, "是", 99.17]],
      [
        { sheet: "表一", name: "社保卡发行项目", edits: { A2: "（2021 年度）" } },
        { sheet: "表二", name: "社保卡发行项目" },
      ]
    );
    const { evaluation, project } = gapsOf(snapshot);
    expect(project).toEqual([
      [
        "projectOtherYear",
        "项目自评表“社保卡发行项目”（表一!B3）为 2021 年度（表一!A2），不是本次评价的 2022 年度，未计入项目自评。",
        "表一!A2",
      ],
    ]);
    expect(evaluation.projects?.forms.map((f) => f?.cell)).toEqual(["表二!B3"]);
    expect(evaluation.projects?.duplicates.map((d) => [d.form.cell, d.year])).toEqual([
      ["表一!B3", 2021],
    ]);
    const sheet = layOut(scoreSnapshot(snapshot), "2026-11-30").projects as SheetLayout;
    expect(sheet.cells.map((c) => c.value)).toContain(
      "未计入合计：“社保卡发行项目”的自评表（表一!B3，总分 99.17）为 2021 年度，不是本次评价的 2022 年度。"
    );
  });

  it("counts, of two forms of one project, the one stating the department's year over an undated one", async () => {
    const snapshot = await department(
      [["社保卡发行项目", 120, 110, "是", 99.17]],
      [
        { sheet: "表一", name: "社保卡发行项目", edits: { A2: "（　　年度）" } },
        { sheet: "表二", name: "社保卡发行项目" },
      ]
    );
    const { evaluation, project } = gapsOf(snapshot);
    expect(project).toEqual([
      [
        "projectDuplicated",
        "项目“社保卡发行项目”有两张自评表（表二!B3 与 表一!B3），只计入 表二!B3（注明 2022 年度）。",
        "表一!B3",
      ],
    ]);
    expect(evaluation.projects?.forms.map((f) => f?.cell)).toEqual(["表二!B3"]);
  });

  it("counts a project whose only form is of another year as without a form", async () => {
    const snapshot = await department(
      [["社保卡发行项目", 120, 110, "是", 99.17]],
      [
        {
          sheet: "表一",
          name: "社保卡发行项目",
          edits: { A1: "2023年度项目支出绩效自评表", A2: null },
        },
      ]
    );
    const { evaluation, project } = gapsOf(snapshot);
    expect(project.map((g) => [g[0], g[2]])).toEqual([
      ["projectOtherYear", "表一!A1"],
      ["projectFormMissing", "项目清单!A4"],
      ["projectCoverageBelowFull", "项目清单!D4"],
    ]);
    expect(evaluation.projects?.forms).toEqual([null]);
  });

  it("takes the form's total over the 项目清单's score, and says they differ", async () => {
    const snapshot = await department(
      [["社保卡发行项目", 120, 110, "是", 95]],
      [{ sheet: "表一", name: "社保卡发行项目" }]
    );
    const { evaluation, project } = gapsOf(snapshot);
    expect(project).toEqual([
      [
        "projectScoreDiffers",
        "项目清单中“社保卡发行项目”的自评得分 95.00 与其自评表总分 99.17 不一致，按自评表计入。",
        "项目清单!E4",
      ],
    ]);
    expect(evaluation.metrics.projectFundWeightedScore?.value?.toString()).toBe("99.17");
  });

  it("weighs by 全年执行数 when the standard says 按项目支出", async () => {
    const snapshot = await department(
      [
        ["社保卡发行项目", 120, 110, "是", 99.17],
        ["档案数字化项目", 80, 20, "是", 92.5],
      ],
      [
        { sheet: "表一", name: "社保卡发行项目" },
        // 20 of 80 spent: execution 25%, 2.50 of 10, the reason given; total 2.5 + 90 = 92.50.
        {
          sheet: "表二",
          name: "档案数字化项目",
          edits: { D6: 80, E6: 20, D7: 70, E7: 10, H6: 2.5, I6: "项目延期至次年实施", H17: 92.5 },
        },
      ]
    );
    const bySpending: Standard = {
      ...foshan2022,
      indicators: foshan2022.indicators.map((d) =>
        d.rule.kind === "fundWeightedMean"
          ? { ...d, rule: { ...d.rule, params: { basis: "spending" } } }
          : d
      ),
    };
    const budget = gapsOf(snapshot);
    const spending = gapsOf(snapshot, bySpending);
    expect(budget.project).toEqual([]);
    // (99.17 × 120 + 92.50 × 80) ÷ 200 = 96.502 → 96.50
    expect(budget.evaluation.metrics.projectFundWeightedScore?.value?.toString()).toBe("96.5");
    // (99.17 × 110 + 92.50 × 20) ÷ 130 = 98.1438… → 98.14
    expect(spending.evaluation.metrics.projectFundWeightedScore?.value?.toString()).toBe("98.14");
  });

  it("with no 项目清单 rows, counts the forms themselves", async () => {
    const snapshot = await department([], [{ sheet: "表一", name: "社保卡发行项目" }]);
    const { evaluation } = gapsOf(snapshot);
    expect(evaluation.metrics.projectFundWeightedScore?.value?.toString()).toBe("99.17");
  });
});

describe("the sheets add up what the roll-up counts", () => {
  it("项目自评汇总 lists listed projects without a form, leaves a second form out of 合计, and the 核对清单 agrees", async () => {
    const snapshot = await mixedDepartment();
    const scored = scoreSnapshot(snapshot);
    const layouts = layOut(scored, "2026-11-30");
    // The command line's weakest forms: the two counted, not the second 社保卡 form.
    const printed = renderProjects(scored.evaluation).join("\n");
    expect(printed).toContain("得分最低的 2 个项目：");
    expect(printed.match(/社保卡发行项目/g)).toHaveLength(1);
    const sheet = layouts.projects as SheetLayout;
    const header = rowWith(sheet, "主要偏差");
    // Scored from a form by total then name, then the listed ones without a form.
    expect(rowsOf(sheet, header + 1, 4, [0, 1, 2, 3, 4, 5, 7])).toEqual([
      [1, "社保卡发行项目", "表一", 120, 110, 0.9167, "优"],
      [2, "湾区社保服务通项目", "表二", 120, 110, 0.9167, "优"],
      [3, "档案数字化项目", "无自评表", 80, 70, 0.875, "未自评"],
      [4, "稽核内控项目", "无自评表", 50, 50, 1, "未自评"],
    ]);
    expect(rowsOf(sheet, header + 3, 2, [6])).toEqual([[90], [null]]);
    // 合计 of the four counted: 120 + 120 + 80 + 50 = 370, 110 + 110 + 70 + 50 = 340, 91.89%.
    expect(rowsOf(sheet, header + 5, 1, [0, 3, 4, 5])).toEqual([
      ["合计（4 个项目）", 370, 340, 0.9189],
    ]);
    // Four rows fit on the first page: no column headings repeated over the problem list.
    expect(sheet.print?.titleRows).toBeUndefined();
    // 稽核内控项目 has neither a form nor a listed score: said under 合计, as the roll-up leaves it out.
    expect(sheet.cells.find((c) => c.row === header + 6)?.value).toBe(
      "合计含“稽核内控项目”，没有自评表也没有清单得分，不计入项目绩效目标完成率（其余 3 个项目按资金加权，见下）。"
    );
    const duplicate = sheet.cells.find((c) => String(c.value).startsWith("未计入合计："));
    expect(duplicate?.row).toBe(header + 7);
    expect(duplicate?.value).toBe(
      "未计入合计：“社保卡发行项目”的另一张自评表（表三!B3，总分 99.17）与 表一!B3 为同一项目，只计入第一张。"
    );
    // 核对清单 五、项目自评情况: the same four, in the list's order, the second form not among them.
    const checklist = materialized(layouts.checklist!);
    const lines = rowWith(checklist, "是否自评");
    expect(rowsOf(checklist, lines + 1, 5, [0, 1, 2, 5, 8]).map((r) => r.slice(1))).toEqual([
      ["社保卡发行项目", 120, "是", "表一!B3"],
      ["档案数字化项目", 80, "否", "项目清单!A5"],
      ["稽核内控项目", 50, "否", "项目清单!A6"],
      ["湾区社保服务通项目", 120, "是", "表二!B3"],
      [null, null, null, null],
    ]);
    expect(rowsOf(checklist, lines + 5, 1, [0])[0]?.[0]).toMatch(/^本表由绩效自评助手/);
  });
});
