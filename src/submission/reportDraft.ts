/**
 * The 自评报告 draft as data, in the seed report's structure: 一、部门基本情况; 二、部门整体支出情况
 * (the spending sentence and the 部门预算支出明细表); 三、绩效自评情况 (自评结论, then one paragraph
 * per indicator ending “该指标分值 X 分，自评得分 Y 分。”, and the key-task table); 四、存在问题;
 * 五、改进措施; the grade footnote. Figures come from the evaluation, text from the workbook; prose
 * only a person can write is a marked placeholder (【待填写：…】). Three renderers read it: Word
 * (.docx), plain text (the pane's clipboard) and the 自评报告草稿 sheet.
 */
import { yearly } from "../model/year";
import type { Dec } from "../model/decimal";
import type { DepartmentInput, KeyTask } from "../model/input";
import type { Evaluation, IndicatorResult } from "../evaluate/result";
import { deductionExplained } from "../evaluate/reasonClaims";
import { toFill } from "./phrases";
import { departmentProblems, ordinal } from "./problems";
import {
  budgetAmount,
  conclusion,
  gradeFootnote,
  plainScore,
  rescaleNote,
  capNote,
  absentNote,
  deduction,
  scoreStory,
  spendingSentence,
} from "./wording";

export type ReportBlock =
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | { kind: "paragraph"; text: string; /** Marks a footnote after the text. */ footnote?: string }
  | { kind: "line"; text: string }
  | ReportTable;

export interface ReportTable {
  kind: "table";
  title?: string;
  /** `单位：万元` above the table, right-aligned. */
  unit?: string;
  header: string[];
  rows: string[][];
  /** Columns holding figures (right-aligned). */
  numeric: boolean[];
  /** Relative column widths. */
  widths: number[];
}

export interface ReportDraft {
  title: string;
  /** 部门名称 / 负责人 / 填报人 / 填报日期 lines under the title. */
  front: string[];
  blocks: ReportBlock[];
}

/** What the draft is built from: the evaluation and the workbook's own text. */
export interface ReportSource {
  evaluation: Evaluation;
  input: Pick<DepartmentInput, "keyTasks" | "narrative" | "projectCounts">;
}

const CHINESE_NUMBERS = "一二三四五六七八九十";

const heading = (level: 1 | 2 | 3, text: string): ReportBlock => ({ kind: "heading", level, text });
const paragraph = (text: string): ReportBlock => ({ kind: "paragraph", text });

/** The workbook's text split into paragraphs, else a placeholder. */
function statedOrToFill(text: string | undefined, what: string): ReportBlock[] {
  const lines = (text ?? "")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.length > 0 ? lines.map(paragraph) : [paragraph(toFill(what))];
}

function basicInformation(s: ReportSource): ReportBlock[] {
  const n = s.input.narrative ?? {};
  return [
    heading(1, "一、部门基本情况"),
    heading(2, "（一）部门职能"),
    ...statedOrToFill(n.functions, "部门职能（按“三定”方案概述）"),
    heading(2, "（二）机构设置"),
    ...statedOrToFill(n.organization, "内设机构及下属单位情况"),
    heading(2, "（三）年度总体工作和重点工作任务"),
    ...statedOrToFill(n.work, "年度总体工作和重点工作任务完成情况"),
  ];
}

function budgetTable(e: Evaluation): ReportTable {
  const amount = (v: Dec | null) => (v === null ? "" : budgetAmount(v, e));
  const rows = e.budget.rows.map((r) => [
    r.label,
    amount(r.initial),
    amount(r.adjusted),
    amount(r.final),
  ]);
  // An amount never wraps in its cell: 万元 (52,362.14) fit two parts in nine of the width; an
  // amount in 元 (523,621,400.00) takes about a quarter part a character past two (12 pt).
  const longest = Math.max(0, ...rows.flatMap((r) => r.slice(1).map((a) => a.length)));
  const amountWidth = Math.max(2, (longest - 2) * 0.26);
  return {
    kind: "table",
    title: "部门预算支出明细表",
    unit: `单位：${e.budget.unit?.label ?? "万元"}`,
    header: ["支出类别", "年初预算数", "调整预算数", "决算数"],
    rows,
    numeric: [false, true, true, true],
    widths: [3, amountWidth, amountWidth, amountWidth],
  };
}

function spending(e: Evaluation): ReportBlock[] {
  const sentence = spendingSentence(e);
  return [
    heading(1, "二、部门整体支出情况"),
    paragraph(
      sentence
        ? `根据 ${yearly(e.year, "年度", toFill("年度"))}部门决算信息，${sentence.replace(/。$/, "")}。部门预算支出明细详见下表：`
        : toFill(
            e.budget.rows.length > 0
              ? "部门整体支出情况（预算支出明细表的合计决算数无法读取）"
              : "部门整体支出情况（未读取到部门预算支出明细表）"
          )
    ),
    ...(e.budget.rows.length > 0 ? [budgetTable(e)] : []),
  ];
}

/**
 * 是否完成 in the department's words; a task read as not done says 未完成 whatever they are
 * (`部分完成` → `部分完成（未完成）`), and a task done by its 完成情况 alone says 已完成.
 */
function doneWords(t: KeyTask): string {
  const typed = t.doneText?.trim() ?? "";
  if (t.done === false && !/否|未/.test(typed)) return typed ? `${typed}（未完成）` : "未完成";
  if (t.done === true && !typed) return "已完成";
  return typed;
}

function keyTaskTable(tasks: readonly KeyTask[]): ReportTable {
  return {
    kind: "table",
    title: "重点工作完成情况",
    header: ["序号", "工作任务", "是否完成", "完成情况"],
    rows: tasks.map((t, i) => [String(i + 1), t.name, doneWords(t), t.note?.trim() ?? ""]),
    numeric: [false, false, false, false],
    widths: [1, 4, 2, 6],
  };
}

/** One indicator: what the department says, the computation where it agrees, the scores. */
function indicatorParagraph(i: IndicatorResult): string {
  const { said, computed } = scoreStory(i);
  const working = computed ? `按照评分标准计算：${computed}` : "";
  // A reason that leaves a deduction unexplained (a 三级 row lost points without one) leaves
  // one to fill in after those given, as the summary's 得分说明 does.
  const rowsOwed = said && deduction(i) && !deductionExplained(i) ? toFill("扣分原因") : "";
  const story = said ? said + rowsOwed : working ? "" : toFill(`${i.name}的情况说明`);
  if (i.notApplicable) return `${story}该指标不适用，分值 ${plainScore(i.max)} 分不计入。`;
  if (i.countedFrom === "notApplicable")
    return `${story}该指标填报为不适用，按评分标准计 0 分；分值 ${plainScore(i.max)} 分，自评得分 0 分。`;
  // Not in the department's table: the department gave no 自评得分; the score is the tool's.
  const absent = absentNote(i);
  if (absent)
    return `${absent}${working}该指标分值 ${plainScore(i.max)} 分，计入得分 ${plainScore(i.counted)} 分。`;
  return `${story}${working}该指标分值 ${plainScore(i.max)} 分，自评得分 ${plainScore(i.counted)} 分。`;
}

/**
 * The indicator the 重点工作完成情况表 goes under: the one scored from the key tasks, else one
 * named after them (a department's own table, whose rows carry no figure to score from).
 */
function keyTaskIndicator(e: Evaluation): IndicatorResult | undefined {
  return (
    e.indicators.find((i) => i.metric === "keyTaskCompletion") ??
    e.indicators.find((i) => /重点(工作|任务)/.test(i.name))
  );
}

/**
 * A group's heading name: its 一级, or 其他指标 where none is known — a blank, a placeholder in
 * brackets (`（未分类）`, the standard's `（报告未列明）`) or one the standard marks 待核对.
 */
function groupName(members: readonly IndicatorResult[]): string {
  const level1 = members[0]?.level1.trim() ?? "";
  const unknown =
    level1 === "" ||
    /^[(（【[][^)）】\]]*[)）】\]]$/.test(level1) ||
    members.every((i) => i.unconfirmed.includes("level1"));
  return unknown ? "其他指标" : level1;
}

function selfEvaluation(s: ReportSource): ReportBlock[] {
  const e = s.evaluation;
  const blocks: ReportBlock[] = [
    heading(1, "三、绩效自评情况"),
    heading(2, "（一）自评结论"),
    {
      kind: "paragraph",
      text: `${e.department}根据《${e.standard.name}》进行自评，${conclusion(e).replace(/。$/, "")}。`,
      footnote: gradeFootnote(e.standard.definition.grades),
    },
    ...(rescaleNote(e) ? [paragraph(rescaleNote(e))] : []),
    ...(capNote(e) ? [paragraph(capNote(e))] : []),
  ];
  const tasks = s.input.keyTasks;
  const anchor = keyTaskIndicator(e);
  e.groups.forEach((group, g) => {
    const members = e.indicators.filter((i) => i.level1 === group.level1);
    blocks.push(heading(2, `（${CHINESE_NUMBERS[g + 1] ?? g + 2}）${groupName(members)}分析`));
    members.forEach((i, n) => {
      blocks.push(heading(3, `${n + 1}. ${i.name}`), paragraph(indicatorParagraph(i)));
      if (i === anchor && tasks.length > 0) blocks.push(keyTaskTable(tasks));
    });
  });
  // No indicator to put it under: the key tasks read are reported all the same, after them.
  if (!anchor && tasks.length > 0) {
    const n = e.groups.length + 1;
    blocks.push(heading(2, `（${CHINESE_NUMBERS[n] ?? n + 1}）重点工作完成情况`));
    blocks.push(keyTaskTable(tasks));
  }
  return blocks;
}

function problemsAndMeasures(e: Evaluation): ReportBlock[] {
  const items = departmentProblems(e);
  const list = (pick: (i: (typeof items)[number]) => string, what: string) =>
    items.length > 0
      ? items.map((item, i) => paragraph(`${ordinal(i)}${pick(item)}`))
      : [paragraph(toFill(what))];
  return [
    heading(1, "四、存在问题"),
    ...list((i) => i.problem, "存在问题（本次评分未发现需说明的问题，可据实填写或写“无”）"),
    heading(1, "五、改进措施及有关建议"),
    ...list((i) => i.measure, "改进措施及有关建议"),
  ];
}

/** The draft for one scored department. Pure: same evaluation and text, same draft. */
export function reportDraft(s: ReportSource): ReportDraft {
  const e = s.evaluation;
  const n = s.input.narrative ?? {};
  return {
    title: `${e.department} ${yearly(e.year, "年度", toFill("年度"))}部门整体支出绩效自评报告`,
    front: [
      `部门名称：${e.department}（公章）`,
      `部门负责人（签名）：${n.leader ?? ""}`,
      `填报人：${n.preparer ?? ""}`,
      "填报日期：\u3000\u3000年\u3000\u3000月\u3000\u3000日",
    ],
    blocks: [
      ...basicInformation(s),
      ...spending(e),
      ...selfEvaluation(s),
      ...problemsAndMeasures(e),
    ],
  };
}
