/**
 * A listed project's 项目预算 and 项目支出 against its form's 全年预算数 and 全年执行数: the form's
 * figures count (the form is the project's own account), and a list that says otherwise is a
 * gap — unless the form's are 10,000 times the list's, a form typed in 元 under a 项目资金（万元）
 * heading: then the list's count, both of them, and one sentence says why.
 */
import { type Dec, exactMoney, excelRound } from "../model/decimal";
import type { Project } from "../model/input";
import { quote } from "../model/text";
import type { ProjectEvaluation } from "./project";
import type { Gap } from "./result";

/** 元 in a 万元. */
const YUAN_PER_WAN = 10_000;

type Key = "budget" | "spending";
const KEYS: readonly Key[] = ["budget", "spending"];

const LABELS: Record<Key, { list: string; form: string }> = {
  budget: { list: "项目预算", form: "全年预算数" },
  spending: { list: "项目支出", form: "全年执行数" },
};

/**
 * Whether a listed figure and a form's are one amount: the same, or the same once the finer is
 * rounded to the coarser one's decimals (at least cents) — a list's 123.46 is a form's 1,234,567
 * 元 (123.4567 万元), and a list in 元 with its cents (1,470,792.56 元, 147.079256 万元) is a
 * form's 147.08 万元.
 */
function agrees(listed: Dec, value: Dec): boolean {
  if (listed.equals(value)) return true;
  const places = Math.max(2, Math.min(listed.decimalPlaces(), value.decimalPlaces()));
  return excelRound(listed, places).equals(excelRound(value, places));
}

/** Whether `large` is 10,000 times `small` (exactly, or to `small`'s precision), and not equal. */
function tenThousandTimes(large: Dec, small: Dec): boolean {
  return !small.isZero() && !agrees(small, large) && agrees(small, large.dividedBy(YUAN_PER_WAN));
}

/**
 * The figure that says the form was typed in 元: its 全年预算数 10,000 times the list's 项目预算
 * (or, without a 预算 on both, its 全年执行数 the list's 项目支出). Null when it was not.
 */
function formInYuan(p: Project, r: ProjectEvaluation): Key | null {
  const key = KEYS.find((k) => p[k] !== null && r[k] !== null);
  if (!key) return null;
  return tenThousandTimes(r[key] as Dec, p[key] as Dec) ? key : null;
}

/** A cell in brackets after a figure, when there is one. */
const at = (cell: string | undefined) => (cell ? `（${cell}）` : "");

/** The sentence for a form typed in 元: which figure, where, and that the list's count. */
function inYuanGap(p: Project, r: ProjectEvaluation, key: Key): Gap {
  const formCell = r.amountCells[key];
  return {
    code: "projectAmountInYuan",
    severity: "warning",
    indicator: p.name,
    message: `项目${quote(p.name)}自评表的${LABELS[key].form} ${exactMoney(r[key] as Dec)} 万元${at(formCell)}是项目清单 ${exactMoney(p[key] as Dec)} 万元${at(p.cells?.[key])}的 10000 倍，疑为以元填列；按项目清单计入。`,
    suggestion:
      "核对项目自评表的金额单位：以元填列的，请换算为万元，或将“项目资金（万元）”改为“项目资金（元）”。",
    cell: formCell ?? p.cells?.[key] ?? p.cells?.name,
  };
}

/** A gap on the list's figure (its cell named): the list and the form disagree. */
function listGap(p: Project, key: Key, message: string, counted: "自评表" | "项目清单"): Gap {
  return {
    code: "projectScoreDiffers",
    severity: "warning",
    indicator: p.name,
    message,
    suggestion:
      counted === "自评表" ? "以项目自评表为准更新项目清单。" : "核对项目清单与项目自评表的金额。",
    cell: p.cells?.[key] ?? p.cells?.name,
  };
}

/** `项目清单中“X”的项目预算 A 万元与其自评表全年预算数 B 不一致，按…计入。` */
const differs = (p: Project, key: Key, onForm: string, counted: "自评表" | "项目清单") =>
  listGap(
    p,
    key,
    `项目清单中${quote(p.name)}的${LABELS[key].list} ${exactMoney(p[key] as Dec)} 万元与其自评表${LABELS[key].form} ${onForm}不一致，按${counted}计入。`,
    counted
  );

/** A form typed in 元: the list's figure, else the form's ÷ 10,000; a list that differs even so is said. */
function listedAmount(p: Project, r: ProjectEvaluation, key: Key, gaps: Gap[]): Dec | null {
  const listed = p[key];
  const onForm = r[key];
  if (onForm === null) return listed;
  const scaled = onForm.dividedBy(YUAN_PER_WAN);
  if (listed === null) return scaled;
  if (!agrees(listed, scaled))
    gaps.push(differs(p, key, `${exactMoney(scaled)} 万元（按元换算）`, "项目清单"));
  return listed;
}

/**
 * The form's figure, as its score is; without one, the list's. A list that says otherwise is a
 * gap — worded as a list typed in 元 when it is 10,000 times the form's.
 */
function formAmount(p: Project, r: ProjectEvaluation, key: Key, gaps: Gap[]): Dec | null {
  const listed = p[key];
  const onForm = r[key];
  if (onForm === null) return listed;
  if (listed === null || agrees(listed, onForm)) return onForm;
  const { list, form } = LABELS[key];
  gaps.push(
    tenThousandTimes(listed, onForm)
      ? listGap(
          p,
          key,
          `项目清单中${quote(p.name)}的${list} ${exactMoney(listed)} 万元是其自评表${form} ${exactMoney(onForm)} 万元${at(r.amountCells[key])}的 10000 倍，疑为项目清单以元填列；按自评表计入。`,
          "自评表"
        )
      : differs(p, key, `${exactMoney(onForm)} 万元`, "自评表")
  );
  return onForm;
}

/**
 * A listed project's 项目预算 and 项目支出 as the roll-up weighs them: its form's, or — the form
 * typed in 元 under 万元 — the list's (the form's ÷ 10,000 where the list has none).
 */
export function projectAmounts(
  p: Project,
  r: ProjectEvaluation,
  gaps: Gap[]
): Pick<Project, "budget" | "spending"> {
  const inYuan = formInYuan(p, r);
  if (inYuan) gaps.push(inYuanGap(p, r, inYuan));
  const amount = inYuan ? listedAmount : formAmount;
  return { budget: amount(p, r, "budget", gaps), spending: amount(p, r, "spending", gaps) };
}

/** Whether a listed figure and a form's agree: the same, or the form's ÷ 10,000 (typed in 元). */
export function amountsAgree(listed: Dec | null, onForm: Dec | null): boolean {
  if (listed === null || onForm === null) return false;
  return agrees(listed, onForm) || tenThousandTimes(onForm, listed);
}
