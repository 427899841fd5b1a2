/**
 * Which form counts for which project: forms of another year than the department's are left
 * out; the rest are matched to the 项目清单 by name — a name listed on several rows takes as many
 * forms, paired by 项目预算 where they agree, else in order — and a form no row takes is a second
 * form of its project, shown but never counted. Forms of unlisted projects are added, one per name.
 */
import type { Project } from "../model/input";
import { normalizeName, quote } from "../model/text";
import type { ProjectEvaluation } from "./project";
import { amountsAgree } from "./projectAmounts";
import type { DuplicateForm, Gap } from "./result";

/** The forms matched to the projects, and what was not counted. */
export interface Matching {
  /** Each listed project's form (null when it has none), by index of the list. */
  listed: (ProjectEvaluation | null)[];
  /** Forms of projects not listed, one per name, in the workbook's order. */
  unlisted: ProjectEvaluation[];
  /** Forms not counted: of another year, or a second form of a project. */
  duplicates: DuplicateForm[];
  /** Forms of another year, second forms and names listed twice, said. */
  gaps: Gap[];
}

/** A form of another year than the one evaluated: said, naming where its year is written. */
function otherYearGap(r: ProjectEvaluation, year: number): Gap {
  const stated = r.year as NonNullable<ProjectEvaluation["year"]>;
  return {
    code: "projectOtherYear",
    severity: "warning",
    indicator: r.name,
    message: `项目自评表${quote(r.name)}（${r.cell}）为 ${stated.value} 年度（${stated.cell}），不是本次评价的 ${year} 年度，未计入项目自评。`,
    suggestion: "核对自评表的年度：本年度的自评表请改正年度后重新计算，其他年度的请移出。",
    cell: stated.cell,
  };
}

/**
 * The forms by project name, each name's in the order they are preferred: those stating the
 * year evaluated first, then the workbook's order. Forms of another year are left out, and said.
 */
function formsByName(
  results: readonly ProjectEvaluation[],
  year: number,
  out: Matching
): Map<string, ProjectEvaluation[]> {
  const byName = new Map<string, ProjectEvaluation[]>();
  for (const r of results) {
    if (year > 0 && r.year && r.year.value !== year) {
      out.gaps.push(otherYearGap(r, year));
      out.duplicates.push({ form: r, year: r.year.value });
      continue;
    }
    const key = normalizeName(r.name);
    const forms = byName.get(key);
    if (forms) forms.push(r);
    else byName.set(key, [r]);
  }
  const ofYear = (r: ProjectEvaluation) => (r.year?.value === year ? 0 : 1);
  for (const forms of byName.values()) forms.sort((a, b) => ofYear(a) - ofYear(b));
  return byName;
}

/** A name's list rows and its forms paired: by 项目预算 where they agree, then in order. */
interface Pairing {
  forms: (ProjectEvaluation | null)[];
  byAmount: boolean[];
  /** Forms no row took: second forms of the project. */
  spare: ProjectEvaluation[];
}

function pair(rows: readonly Project[], forms: readonly ProjectEvaluation[]): Pairing {
  const left = [...forms];
  const paired = rows.map((p) => {
    const i = left.findIndex((f) => amountsAgree(p.budget, f.budget));
    return i < 0 ? null : (left.splice(i, 1)[0] as ProjectEvaluation);
  });
  return {
    forms: paired.map((f) => f ?? left.shift() ?? null),
    byAmount: paired.map((f) => f !== null),
    spare: left,
  };
}

/** A name the 项目清单 lists on several rows: its cells, and which form each row took. */
function listedTwiceGap(rows: readonly Project[], pairing: Pairing): Gap {
  const name = rows[0]?.name ?? "";
  const cells = rows.map((p, i) => p.cells?.name ?? `第 ${i + 1} 行`);
  const found = pairing.forms.filter((f) => f !== null).length + pairing.spare.length;
  const how = pairing.forms.every((f, i) => !f || pairing.byAmount[i])
    ? "按项目预算对应"
    : pairing.byAmount.some(Boolean)
      ? "按项目预算（金额不一致的按顺序）对应"
      : "按顺序对应";
  const pairs = cells.map((c, i) => `${c}—${pairing.forms[i]?.cell ?? "无自评表"}`).join("，");
  return {
    code: "projectListedTwice",
    severity: "warning",
    indicator: name,
    message:
      found === 0
        ? `项目清单中${quote(name)}列了 ${rows.length} 行（${cells.join("、")}），都没有同名自评表。`
        : `项目清单中${quote(name)}列了 ${rows.length} 行（${cells.join("、")}），同名自评表 ${found} 张，${how}：${pairs}。`,
    suggestion:
      "同一项目分列多行的，请合并为一行；确为不同项目的，请在项目名称中加以区分（如“一期”“二期”），并与自评表一致。",
    cell: rows[1]?.cells?.name ?? rows[0]?.cells?.name,
  };
}

/** The matching under way: what it found so far, the year evaluated, the order forms were read in. */
interface Context {
  out: Matching;
  year: number;
  order: Map<ProjectEvaluation, number>;
}

/** A second form of a project: shown, not counted, and why the other one is. */
function duplicate(spare: ProjectEvaluation, counted: ProjectEvaluation, c: Context): void {
  const first = (c.order.get(counted) ?? 0) < (c.order.get(spare) ?? 0);
  // Counted over a form read before it: by the year it states, else by its amount.
  const why =
    counted.year?.value === c.year && !spare.year ? `注明 ${c.year} 年度` : "与项目清单金额一致";
  c.out.duplicates.push({ form: spare, counted: counted.cell, ...(first ? {} : { why }) });
  c.out.gaps.push({
    code: "projectDuplicated",
    severity: "error",
    indicator: spare.name,
    message: `项目${quote(spare.name)}有两张自评表（${counted.cell} 与 ${spare.cell}），${first ? "只计入第一张" : `只计入 ${counted.cell}（${why}）`}。`,
    suggestion: "删除重复的项目自评表，或核对项目名称。",
    cell: spare.cell,
  });
}

/** Each listed row's form; a name on several rows said; forms no row took are second forms. */
function matchListed(
  listed: readonly Project[],
  byName: Map<string, ProjectEvaluation[]>,
  c: Context
): void {
  const rowsOf = new Map<string, number[]>();
  listed.forEach((p, i) => {
    const key = normalizeName(p.name);
    const rows = rowsOf.get(key);
    if (rows) rows.push(i);
    else rowsOf.set(key, [i]);
  });
  for (const [key, indices] of rowsOf) {
    const rows = indices.map((i) => listed[i] as Project);
    const pairing = pair(rows, byName.get(key) ?? []);
    indices.forEach((i, k) => (c.out.listed[i] = pairing.forms[k] ?? null));
    if (rows.length > 1) c.out.gaps.push(listedTwiceGap(rows, pairing));
    const counted = pairing.forms.find((f) => f !== null);
    for (const spare of pairing.spare) if (counted) duplicate(spare, counted, c);
    byName.delete(key);
  }
}

/**
 * The forms matched to the 项目清单 (`listed`, possibly empty) for the year evaluated (0 when
 * unknown: no form is left out for its year).
 */
export function matchForms(
  listed: readonly Project[],
  results: readonly ProjectEvaluation[],
  year: number
): Matching {
  const out: Matching = { listed: listed.map(() => null), unlisted: [], duplicates: [], gaps: [] };
  const c: Context = { out, year, order: new Map(results.map((r, i) => [r, i])) };
  const byName = formsByName(results, year, out);
  matchListed(listed, byName, c);
  for (const [first, ...rest] of byName.values()) {
    if (!first) continue;
    out.unlisted.push(first);
    for (const spare of rest) duplicate(spare, first, c);
  }
  return out;
}
