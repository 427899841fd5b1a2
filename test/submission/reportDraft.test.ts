/**
 * The 自评报告 draft of the sample workbook (the seed department): sections 二 and 三 hold the
 * seed report's figures sentence by sentence; the text and the Word file carry the same draft;
 * what only people can write is marked.
 */
import JSZip from "jszip";
import { scoreSnapshot } from "../../src/pipeline/scoreWorkbook";
import { reportDraft } from "../../src/submission/reportDraft";
import { reportDocx } from "../../src/submission/reportDocx";
import { reportText } from "../../src/submission/reportText";
import { reportSheetLayout } from "../../src/layout/reportSheet";
import { departmentProblems, ordinal } from "../../src/submission/problems";
import { putRows, sampleSnapshot, setCell } from "../parse/sampleSnapshot";
import { evaluate } from "../../src/evaluate/evaluate";
import { cappedSeed, seed } from "../helpers";
import { dec } from "../../src/model/decimal";
import { foshan2022 } from "../../src/standard/presets";
import { summaryLayout } from "../../src/layout/summary";
import { checklistLayout } from "../../src/layout/checklist";

async function sampleDraft() {
  const snapshot = await sampleSnapshot();
  const score = scoreSnapshot(snapshot);
  return reportDraft({ evaluation: score.evaluation, input: score.parse.input });
}

/** The text between two top-level headings. */
function section(text: string, from: string, to: string): string {
  const start = text.indexOf(`\n${from}\n`);
  const end = text.indexOf(`\n${to}\n`);
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  return text.slice(start, end);
}

/** The seed report's sentences of its 部门整体支出情况, as the draft words them. */
const SPENDING = [
  "根据 2022 年度部门决算信息，2022 年部门整体支出 46,665.43 万元，其中：基本支出 2,908.01 万元，项目支出 43,757.42 万元。",
  "部门预算支出明细表",
  "单位：万元",
  "支出类别\t年初预算数\t调整预算数\t决算数",
  "一、基本支出\t2,978.23\t3,005.47\t2,908.01",
  "人员经费\t2,594.87\t2,646.39\t2,561.68",
  "日常公用经费\t383.36\t359.08\t346.32",
  "二、项目支出\t37,590.50\t49,356.67\t43,757.42",
  "合计\t40,568.73\t52,362.14\t46,665.43",
];

/** The seed report's sentences of its 绩效自评情况, in order. */
const SELF_EVALUATION = [
  "绩效得分为 95.18 分，绩效等级为“优”。¹",
  "1. 预算绩效管理情况",
  "该指标分值 10 分，自评得分 10 分。",
  "2. 财务管理情况",
  "该指标分值 20 分，自评得分 20 分。",
  "本部门项目共 53 个，已对 53 个项目开展自评，项目自评覆盖率 100%。",
  "该指标分值 12 分，自评得分 12 分。",
  "该指标分值 8 分，自评得分 8 分。",
  "“三公”经费全年预算安排 13.5 万元，实际支出 1.88 万元，实际支出数小于预算数。",
  "该指标分值 3 分，自评得分 3 分。",
  "全年财政支出完成率为 80.87%，按照评分标准计分。该指标分值 10 分，自评得分 5.18 分。",
  "共有 5 项重点工作任务，已完成 5 项，重点工作完成率为 100%。",
  "该指标分值 10 分，自评得分 10 分。",
  "序号\t工作任务\t是否完成\t完成情况",
  "1\t依托省服务平台提升网办服务水平\t是\t参保信息查询",
  "5\t加快建设“湾区社保服务通”\t是\t梳理编制",
  "该指标分值 7 分，自评得分 7 分。",
  "该指标分值 10 分，自评得分 10 分。",
  "该指标分值 5 分，自评得分 5 分。",
];

describe("自评报告 draft", () => {
  it("section 二 holds the seed's spending sentence and 部门预算支出明细表", async () => {
    const text = reportText(await sampleDraft());
    const two = section(text, "二、部门整体支出情况", "三、绩效自评情况");
    for (const sentence of SPENDING) expect(two).toContain(sentence);
  });

  it("section 三 holds the seed's figures sentence by sentence, in the seed's order", async () => {
    const text = reportText(await sampleDraft());
    const three = section(text, "三、绩效自评情况", "四、存在问题");
    let at = 0;
    for (const sentence of SELF_EVALUATION) {
      const found = three.indexOf(sentence, at);
      expect({ sentence, found: found >= 0 }).toEqual({ sentence, found: true });
      at = found + sentence.length;
    }
    expect(text).toContain(
      "¹ 绩效等级：总分≥90 为优，80≤总分<90 为良，60≤总分<80 为中，总分<60 为差。"
    );
  });

  it("takes 部门职能, 机构设置, 年度工作 and the signatories from the workbook, placeholders otherwise", async () => {
    const stated = reportText(await sampleDraft());
    expect(stated).toContain(
      "\n\n贯彻执行国家、省、市有关社会保险基金管理的法律、法规和政策规定。\n\n负责全市社会保险基金的征缴规划"
    );
    expect(stated).toContain("佛山市社会保险基金管理局现有 13 个科室");
    expect(stated).toContain("部门负责人（签名）：郭家新\n填报人：张柯");
    expect(stated).toContain("【待填写：预算绩效管理情况的情况说明】");
    // A workbook without them: marked places, nothing invented.
    const snapshot = await sampleSnapshot();
    const info = snapshot.sheets.find((s) => s.name === "基本信息");
    if (!info) throw new Error("no 基本信息");
    info.values = info.values.map((row) =>
      ["部门职能", "机构设置", "部门负责人"].includes(String(row[0])) ? [] : row
    );
    const score = scoreSnapshot(snapshot);
    const blank = reportText(
      reportDraft({ evaluation: score.evaluation, input: score.parse.input })
    );
    expect(blank).toContain("【待填写：部门职能（按“三定”方案概述）】");
    expect(blank).toContain("【待填写：内设机构及下属单位情况】");
    expect(blank).toContain("部门负责人（签名）：\n");
    expect(blank).not.toContain("贯彻执行国家");
  });

  it("states a budget table kept in 元 in 元, as the signed page prints it", () => {
    const input = seed();
    const factor = dec("0.0001");
    input.budget.unit = { label: "元", factor };
    // 2,908.01 万元 of 基本支出 as a department keeping 元 would type it, to the cent.
    const basic = input.budget.rows.find((r) => r.category === "basic")!;
    basic.final = dec("29080100.49").times(factor);
    const draft = reportDraft({ evaluation: evaluate(input), input });
    const text = reportText(draft);
    expect(text).toContain("基本支出 29,080,100.49 元");
    expect(text).toContain("部门整体支出 466,654,300.00 元");
    expect(text).toContain("单位：元");
    expect(text).not.toContain("单位：万元");
  });

  it("states a figure kept in 万元 to more than the 分 as it is, never rounded", () => {
    const input = seed();
    const personnel = input.budget.rows.find((r) => r.category === "personnel")!;
    const operating = input.budget.rows.find((r) => r.category === "publicOperating")!;
    personnel.final = dec("2561.675");
    operating.final = dec("346.335");
    const text = reportText(reportDraft({ evaluation: evaluate(input), input }));
    expect(text).toContain("2,561.675");
    expect(text).toContain("346.335");
    expect(text).not.toContain("2,561.68");
  });

  it("says in its 自评结论 when the standard's cap lowered the total, and from what", () => {
    const input = cappedSeed();
    const text = reportText(reportDraft({ evaluation: evaluate(input), input }));
    expect(text).toContain("绩效得分为 89.00 分，绩效等级为“良”");
    expect(text).toContain(
      "按评分标准，财政支出执行率未达要求时总分最高 89.00 分，总分由 98.00 分调整为 89.00 分。"
    );
  });

  it("says in its 自评结论 why the total has no grade, in the words of the gap list", async () => {
    const snapshot = await sampleSnapshot();
    // A 3-point row the standard does not list: the 分值 add to 103.
    putRows(snapshot, "绩效指标", 0, 15, [
      ["履职效能", "档案管理情况", 3, 3],
      ["合计", "合计", 103, 98.18],
    ]);
    const score = scoreSnapshot(snapshot);
    const text = reportText(
      reportDraft({ evaluation: score.evaluation, input: score.parse.input })
    );
    expect(text).toContain(
      "绩效得分为 98.18 分，绩效等级为“无法评定”（各指标分值合计 103.00 分，不等于 100 分）。"
    );
    const gap = score.evaluation.gaps.find((g) => g.code === "maxTotalNot100");
    expect(gap?.message).toBe("各指标分值合计 103.00 分，不等于 100 分，无法评定等级。");
  });

  it("says why when no indicator score was read at all", () => {
    const input = seed();
    input.indicators = [];
    const text = reportText(reportDraft({ evaluation: evaluate(input), input }));
    expect(text).toMatch(
      /绩效等级为“无法评定”（未读取到任何指标得分，总分仅含可按公式计算的指标）。/
    );
  });

  it("heads a group whose 一级 the standard left to fill in as 其他指标, never （报告未列明）", async () => {
    const text = reportText(await sampleDraft());
    expect(text).toContain("\n（四）其他指标分析\n\n1. 报告未列明的指标\n");
    expect(text).not.toContain("（报告未列明）分析");
  });

  it("says an indicator 不适用 but scored 0 by the standard lost its points, in its paragraph and in 存在问题", () => {
    const input = seed();
    const social = input.indicators.find((i) => i.name.startsWith("政治"));
    if (!social) throw new Error("seed has no 效益 indicator");
    social.notApplicable = true;
    social.entered = null;
    const standard = {
      ...foshan2022,
      settings: { ...foshan2022.settings, notApplicable: "zero" as const },
    };
    const evaluation = evaluate(input, { standard: { standard, problems: [], sheet: "评分标准" } });
    const text = reportText(reportDraft({ evaluation, input }));
    expect(text).toContain("该指标填报为不适用，按评分标准计 0 分；分值 10 分，自评得分 0 分。");
    expect(text).toMatch(
      /是“政治、经济、文化、社会、生态文明建设效益”填报为不适用，按评分标准计 0 分，扣 10 分：/
    );
  });

  it("takes no label for a name: a footer `部门负责人： | 填报人：` signs nothing", async () => {
    const snapshot = await sampleSnapshot();
    const info = snapshot.sheets.find((s) => s.name === "基本信息");
    if (!info) throw new Error("no 基本信息");
    info.values = info.values.map((row) =>
      ["部门负责人", "填报人"].includes(String(row[0])) ? [] : row
    );
    const budget = snapshot.sheets.find((s) => s.name === "预算支出")!;
    budget.values.push([], ["部门负责人：", null, "填报人：", "联系电话："]);
    const score = scoreSnapshot(snapshot);
    expect(score.parse.input.narrative?.leader).toBeUndefined();
    expect(score.parse.input.narrative?.preparer).toBeUndefined();
  });

  it("keeps the key tasks' 是否完成 as typed, and says 未完成 for a task not done", async () => {
    const snapshot = await sampleSnapshot();
    setCell(snapshot, "重点工作", "C4", "否");
    setCell(snapshot, "重点工作", "C5", "部分完成");
    const score = scoreSnapshot(snapshot);
    const text = reportText(
      reportDraft({ evaluation: score.evaluation, input: score.parse.input })
    );
    const table = text.slice(text.indexOf("重点工作完成情况\n"));
    expect(table.split("\n").slice(1, 5)).toEqual([
      "序号\t工作任务\t是否完成\t完成情况",
      "1\t依托省服务平台提升网办服务水平\t是\t参保信息查询、参保缴费证明、待遇资格认证、保险关系转移等共 190 项社保业务实现网办，其中 105 项业务实现“零跑腿”，50 项可通过粤系列“移动办”。",
      "2\t搭建社保中台增强经办服务支撑能力\t否\t实现企业职工一次性养老保险待遇申领、延后缴纳社会保险费登记等 41 个高频事项“全城通办”。",
      "3\t推进“快办行动”\t部分完成（未完成）\t推动跨部门“打包办”，试点推出“退休一件事”主题服务；创新推行“社税”联办服务；优化“开办企业一件事”全流程。",
    ]);
  });

  it("reports the key tasks under a city-less department's own 重点工作 row, or after the groups", async () => {
    const table = "序号\t工作任务\t是否完成\t完成情况";
    for (const [name, under] of [
      ["重点工作推进情况", "重点工作推进情况\n"],
      ["年度任务完成情况", "（五）重点工作完成情况\n"],
    ] as const) {
      const snapshot = await sampleSnapshot();
      setCell(snapshot, "基本信息", "B5", "广州市");
      setCell(snapshot, "绩效指标", "B10", name);
      const score = scoreSnapshot(snapshot);
      expect(score.evaluation.standard.id).toBe("ownTable");
      const text = reportText(
        reportDraft({ evaluation: score.evaluation, input: score.parse.input })
      );
      expect([name, text.split(table).length - 1]).toEqual([name, 1]);
      const at = text.indexOf(table);
      const heading = text.lastIndexOf(under, at);
      expect(heading).toBeGreaterThan(text.lastIndexOf("分析\n", at));
      expect(text.slice(at).split("\n")[1]).toMatch(/^1\t依托省服务平台提升网办服务水平\t是\t/);
    }
  });

  it("does not say a deduction twice when the 得分说明 starts with it (扣 0.5 分：…)", async () => {
    const snapshot = await sampleSnapshot();
    setCell(snapshot, "绩效指标", "D12", 9.5);
    setCell(snapshot, "绩效指标", "E12", "扣 0.5 分：宣传报道不足。");
    const { evaluation } = scoreSnapshot(snapshot);
    const problems = departmentProblems(evaluation).map((p) => p.problem);
    expect(problems).toContain(
      "“政治、经济、文化、社会、生态文明建设效益”扣 0.5 分：宣传报道不足。"
    );
    expect(problems.join("\n")).not.toContain("扣 0.5 分：扣");
    // 扣除 as well; an explanation saying nothing but the deduction leaves the reason to fill in.
    for (const [said, why] of [
      ["扣除0.5分：宣传报道不足。", "宣传报道不足。"],
      ["扣0.5分", "【待填写：扣分原因】"],
    ]) {
      setCell(snapshot, "绩效指标", "E12", said);
      const again = departmentProblems(scoreSnapshot(snapshot).evaluation).map((p) => p.problem);
      expect(again).toContain(`“政治、经济、文化、社会、生态文明建设效益”扣 0.5 分：${why}`);
    }
  });

  it("numbers 存在问题 and 改进措施 一是、二是 from the department's gaps only", async () => {
    const text = reportText(await sampleDraft());
    const four = section(text, "四、存在问题", "五、改进措施及有关建议");
    expect(four).toContain("一是预算执行进度有待加快。财政支出执行率 80.87%");
    expect(four).toContain("二是预算编制有待更严格执行。项目支出调整预算数 49,356.67 万元");
    expect(four).not.toMatch(/待核对|尾差|不一致/);
    expect([0, 1, 9, 10, 11, 19].map(ordinal)).toEqual([
      "一是",
      "二是",
      "十是",
      "十一是",
      "十二是",
      "二十是",
    ]);
  });

  it("says which 执行率 scored when the stated one and the budget table's differ, the cells in the gap list only", async () => {
    const problem = async (rate: number, source?: "table") => {
      const snapshot = await sampleSnapshot();
      setCell(snapshot, "基本信息", "B6", rate);
      const standard = { ...foshan2022 };
      if (source) standard.settings = { ...foshan2022.settings, executionRateSource: source };
      const score = scoreSnapshot(snapshot, {
        standard: { standard, problems: [], sheet: "评分标准" },
      });
      const gap = score.evaluation.gaps.find((g) => g.code === "executionBelowTarget");
      return { problem: departmentProblems(score.evaluation)[0].problem, message: gap?.message };
    };
    // The table's rate: 决算数 46,665.43 ÷ 调整预算数 52,362.14 (预算支出!C12, D12) = 89.12%.
    // The signed page and the report: no cell addresses. The gap list: where each rate is.
    const stated = await problem(0.85);
    expect(stated.problem).toBe(
      "预算执行进度有待加快。财政支出执行率 85.00%，低于目标 100.00%，评分采用填报的执行率（预算支出明细表按决算数 ÷ 调整预算数计算为 89.12%）。"
    );
    expect(stated.message).toMatch(
      /^财政支出执行率 85\.00%，低于目标 100\.00%，评分采用基本信息!B6 填报的执行率（预算支出明细表按决算数 ÷ 调整预算数计算为 89\.12%，见预算支出!D12）；/
    );
    const table = await problem(0.85, "table");
    expect(table.problem).toBe(
      "预算执行进度有待加快。财政支出执行率 89.12%，低于目标 100.00%，评分采用预算支出明细表按决算数 ÷ 调整预算数计算的执行率（填报的 85.00% 未采用）。"
    );
    expect(table.message).toContain("（见预算支出!D12，基本信息!B6 填报的 85.00% 未采用）");
    // One figure, nothing to tell apart.
    expect((await problem(0.8912)).problem).toBe(
      "预算执行进度有待加快。财政支出执行率 89.12%，低于目标 100.00%。"
    );
  });

  it("writes a Word file holding the same text, placeholders highlighted, the grade note a footnote", async () => {
    const draft = await sampleDraft();
    const zip = await JSZip.loadAsync(await reportDocx(draft));
    const document = (await zip.file("word/document.xml")?.async("string")) ?? "";
    const words = [...document.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => m[1])
      .join("");
    expect(words).toContain(
      "2022 年部门整体支出 46,665.43 万元，其中：基本支出 2,908.01 万元，项目支出 43,757.42 万元"
    );
    expect(words).toContain("该指标分值 10 分，自评得分 5.18 分。");
    expect(document).toMatch(
      /<w:highlight w:val="yellow"\/>(?:(?!<\/w:r>).)*<w:t[^>]*>【待填写：预算绩效管理情况的情况说明】/s
    );
    const footnotes = (await zip.file("word/footnotes.xml")?.async("string")) ?? "";
    expect(footnotes).toContain("绩效等级：总分≥90 为优");
    expect(document).toContain("<w:tblHeader");
  });

  it("lays the same draft out as the 自评报告草稿 sheet, placeholders on a fill", async () => {
    const draft = await sampleDraft();
    const sheet = reportSheetLayout(draft);
    const values = sheet.cells.map((c) => String(c.value ?? ""));
    expect(values).toContain("二、部门整体支出情况");
    expect(values.some((v) => v.includes("该指标分值 10 分，自评得分 5.18 分。"))).toBe(true);
    const placeholder = sheet.cells.find((c) => String(c.value).includes("【待填写："));
    expect(placeholder?.style?.fill).toBeDefined();
    expect(sheet.print).toMatchObject({ paper: "A4", orientation: "portrait" });
    const printed = sheet.cells.filter((c) => c.row <= (sheet.print?.printArea.bottom ?? -1));
    expect(
      Math.min(...printed.map((c) => c.style?.fontSize ?? sheet.fontSize))
    ).toBeGreaterThanOrEqual(10);
  });
});

describe("a workbook whose 年度 could not be read", () => {
  const input = seed();
  input.year = 0;
  const e = evaluate(input);
  it("never says “0 年度”: the report marks the year to fill in, the sheets leave it blank", () => {
    const text = reportText(reportDraft({ evaluation: e, input }));
    expect(text).not.toMatch(/(^|[^\d])0 年/);
    expect(text).toContain("【待填写：年度】部门整体支出绩效自评报告");
    const titles = [summaryLayout(e), checklistLayout(e, { date: "2026-11-29", sources: [] })].map(
      (l) => String(l.cells.find((c) => c.row === 0 && c.column === 0)?.value)
    );
    expect(titles).toEqual([
      "佛山市社会保险基金管理局 \u3000\u3000年度部门整体支出绩效自评表",
      "佛山市社会保险基金管理局 \u3000\u3000年度绩效自评核对清单",
    ]);
  });
});
