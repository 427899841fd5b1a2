/**
 * Step 1 of scoring: the standard in force. Precedence: a standard passed in (the command
 * line's --standard), else the workbook's own 评分标准 sheet, else the preset chosen in
 * 绩效自评设置, else the preset of the workbook's city and year (or the city's of another year, while it
 * fits the department's own table), else the department's own table, else the generic preset. Old
 * settings overrides apply to a preset the workbook chose; every standard is checked, and what
 * cannot be used is repaired and reported.
 */
import type { DepartmentInput, WorkbookStandard } from "../model/input";
import { quote } from "../model/text";
import type { applyLegacySettings } from "../standard/legacy";
import { type ParameterView, listParameters } from "../standard/parameters";
import { findPreset, findPresetById, genericPreset } from "../standard/presets";
import type { Standard, StandardScope } from "../standard/types";
import { type StandardProblem, checkStandard } from "../standard/validate";
import { OWN_TABLE_NAME, blankMaxGaps, ownTableStandard } from "./ownTableStandard";
import { describeMisfit, presetMisfit } from "./presetFit";
import type { Gap, GapCode, StandardInForce, StandardSourceKind } from "./result";

/**
 * Old 绩效自评设置 overrides applied to a preset (standard/legacy.ts): passed in, so that the task
 * pane's first download does without it (it comes with the deferred engine).
 */
export type ApplyLegacy = typeof applyLegacySettings;

export interface PickedStandard {
  inForce: StandardInForce;
  parameters: ParameterView[];
  gaps: Gap[];
}

function sheetText(s: WorkbookStandard): string {
  if (s.description) return s.description;
  return s.file ? `${s.file} 的${quote(s.sheet)}表` : `本工作簿的${quote(s.sheet)}表`;
}

function presetText(
  kind: StandardSourceKind,
  input: DepartmentInput,
  scope: StandardScope = "department",
  preset?: Standard
): string {
  const city = input.city ?? "";
  switch (kind) {
    case "settings":
      return "绩效自评设置中选择的预设";
    case "cityYear":
      return `预设（按${city} ${input.year} 年度匹配）`;
    case "earlierYear":
      return `预设（未找到${city} ${input.year} 年度的评分标准，采用该市较早年度的）`;
    case "laterYear":
      return `预设（未找到${city} ${input.year} 年度及更早年度的评分标准，采用该市 ${preset?.year} 年度的）`;
    case "yearUnknown":
      return `预设（未找到年度，采用${city}最新的 ${preset?.year} 年度的）`;
    case "city":
      return `预设（按${city}匹配）`;
    default:
      return scope === "project"
        ? "项目自评通用预设（财预〔2020〕10号）"
        : "通用预设（未找到本市本年度评分标准）";
  }
}

/** The standard chosen, how, and what is to be said of it. */
interface Choice {
  standard: Standard;
  kind: StandardSourceKind;
  text: string;
  read?: WorkbookStandard;
  gaps?: Gap[];
}

function choose(
  input: DepartmentInput,
  given: WorkbookStandard | undefined,
  scope: StandardScope
): Choice {
  if (given)
    return { standard: given.standard, kind: "given", text: sheetText(given), read: given };
  const own = scope === "project" ? input.projectStandard : input.standard;
  if (own) return { standard: own.standard, kind: "sheet", text: sheetText(own), read: own };
  const id = scope === "department" ? input.settings?.presetId : undefined;
  const chosen = id ? findPresetById(id) : undefined;
  if (chosen) return { standard: chosen, kind: "settings", text: presetText("settings", input) };
  return byCityAndYear(input, scope);
}

/**
 * The preset of the workbook's city and year. Where the city has none, the department's own
 * table, not the generic tree, where it can; where it has one of another year only (an earlier
 * one, a later one, or any, the year not found), that one as long as it fits the department's
 * own table — else the table too, saying why.
 */
function byCityAndYear(input: DepartmentInput, scope: StandardScope): Choice {
  const { standard, match } = findPreset(input.city, input.year, scope);
  const kept = { standard, kind: match, text: presetText(match, input, scope, standard) };
  if (scope !== "department") return kept;
  if (match === "fallback") {
    const table = ownTableStandard(standard, input.indicators);
    const why = `未找到${input.city ?? "本市"}的评分标准`;
    return table ? ownTableChoice(table, input, why) : kept;
  }
  return (OTHER_YEAR.has(match) && ownTableOverOtherYear(standard, match, input)) || kept;
}

/** How a preset of a year not the workbook's is chosen. */
const OTHER_YEAR: ReadonlySet<StandardSourceKind> = new Set([
  "earlierYear",
  "laterYear",
  "yearUnknown",
]);

/** What was not found, a preset of another year being used: the year's standard, or the year. */
function notFound(input: DepartmentInput): string {
  return input.year > 0 ? `未找到${input.city ?? ""} ${input.year} 年度的评分标准` : "未找到年度";
}

/** What to do to score by the year's own standard. */
function getTheYearsStandard(input: DepartmentInput): string {
  return input.year > 0
    ? `取得 ${input.year} 年度的评分标准后，插入评分标准表并按其修改，重新计算。`
    : "在“基本信息”表中填写“年度”；该年度的评分标准与所用的不同的，插入评分标准表并按其修改，重新计算。";
}

/**
 * The department's own table, said why, where the city's preset of another year clearly does
 * not fit it.
 */
function ownTableOverOtherYear(
  preset: Standard,
  kind: StandardSourceKind,
  input: DepartmentInput
): Choice | null {
  const misfit = presetMisfit(preset, input.indicators);
  const table = misfit && ownTableStandard(genericPreset, input.indicators);
  if (!misfit || !table) return null;
  const year = `${preset.year ?? "较早"} 年度`;
  const none = notFound(input);
  const choice = ownTableChoice(table, input, `${none}，${year}的与本表不符`);
  const gap: Gap = {
    code: kind === "earlierYear" ? "standardOfEarlierYearMisfit" : "standardOfOtherYearMisfit",
    severity: "warning",
    message: `${none}，而 ${year}的${quote(preset.name)}与本部门绩效指标表明显不符：${describeMisfit(misfit)}。已按本部门绩效指标表的指标和分值评分，等级按通用预设，总分不封顶。`,
    suggestion: getTheYearsStandard(input),
  };
  return { ...choice, gaps: [gap, ...(choice.gaps ?? [])] };
}

/** The warning that a preset of another year than the workbook's scores it: which, and why. */
function otherYearGap(kind: StandardSourceKind, input: DepartmentInput, preset: Standard): Gap[] {
  const used = `${preset.year ?? "较早"} 年度的${quote(preset.name)}`;
  const city = input.city ?? "";
  const check = "核对本年度评分标准是否有变化；有变化的，插入评分标准表并按本年度修改。";
  const said = (code: GapCode, message: string, suggestion = check): Gap[] => [
    { code, severity: "warning", message, suggestion },
  ];
  switch (kind) {
    case "earlierYear":
      return said("standardOfEarlierYear", `${notFound(input)}，按 ${used}评分。`);
    case "laterYear":
      return said(
        "standardOfOtherYear",
        `未找到${city} ${input.year} 年度及更早年度的评分标准，按该市最早的 ${used}评分。`
      );
    case "yearUnknown":
      return said(
        "standardOfOtherYear",
        `未找到年度，按${city}最新的 ${used}评分。`,
        getTheYearsStandard(input)
      );
    default:
      return [];
  }
}

/** The department's own table as the standard, `why` no preset scores it. */
function ownTableChoice(table: Standard, input: DepartmentInput, why: string): Choice {
  return {
    standard: table,
    kind: "fallback",
    text: `${OWN_TABLE_NAME}的指标和分值（${why}，等级按通用预设，总分不封顶）`,
    gaps: blankMaxGaps(input.indicators),
  };
}

function standardGap(p: StandardProblem, file?: string): Gap {
  return {
    code: "standardInvalid",
    severity: p.severity ?? "error",
    message: file ? `${file} 中 ${p.message}` : p.message,
    suggestion: "按评分标准的填写说明修改该单元格后重新计算。",
    // A cell of another workbook as Excel names it, `[标准.xlsx]评分标准!D9` (as --projects does).
    cell: file && p.cell ? `[${file}]${p.cell}` : p.cell,
  };
}

/** A standard read from another workbook: its cells are not this workbook's. */
function withoutCells(std: Standard): Standard {
  return {
    ...std,
    cells: undefined,
    indicators: std.indicators.map((i) => ({ ...i, cells: undefined })),
  };
}

/**
 * Old 绩效自评设置 overrides, made for the department's standard only: applied to a preset the
 * workbook chose, said as not used where a 评分标准 sheet (or file) rules.
 */
function withLegacy(
  choice: Choice,
  input: DepartmentInput,
  scope: StandardScope,
  applyLegacy: ApplyLegacy | undefined
): { standard: Standard; overridden: Set<string>; gaps: Gap[] } {
  const unchanged = { standard: choice.standard, overridden: new Set<string>(), gaps: [] };
  const settings = scope === "department" ? (input.settings ?? {}) : {};
  const hasLegacy =
    Object.keys(settings.overrides ?? {}).length > 0 || (settings.confirmed ?? []).length > 0;
  if (!hasLegacy) return unchanged;
  if (choice.read)
    return {
      ...unchanged,
      gaps: [
        {
          code: "settingInvalid",
          severity: "info",
          message: `绩效自评设置中的参数改动与已核对参数未采用：评分以${choice.text}为准。`,
          suggestion:
            "如需保留这些改动，请在评分标准表中修改相应单元格，然后删除绩效自评设置中的这些行。",
        },
      ],
    };
  if (!applyLegacy) throw new Error("pickStandard: old settings need applyLegacy");
  const legacy = applyLegacy(choice.standard, settings);
  const gaps = legacy.problems.map((p): Gap => ({
    code: "settingInvalid",
    severity: "error",
    message: `设置“${p.path}”：${p.message}，已按默认值计算。`,
    suggestion: "修改或删除该项设置。",
  }));
  return { standard: legacy.standard, overridden: legacy.overridden, gaps };
}

export function pickStandard(
  input: DepartmentInput,
  given?: WorkbookStandard,
  scope: StandardScope = "department",
  applyLegacy?: ApplyLegacy
): PickedStandard {
  const choice = choose(input, given, scope);
  const legacy = withLegacy(choice, input, scope, applyLegacy);
  const { overridden } = legacy;
  let standard = legacy.standard;
  const gaps: Gap[] = [...(choice.gaps ?? []), ...legacy.gaps];
  gaps.push(...otherYearGap(choice.kind, input, standard));
  const file = choice.read?.file;
  gaps.push(...(choice.read?.problems ?? []).map((p) => standardGap(p, file)));
  const checked = checkStandard(standard);
  // The department's own table: 分值 not adding to 100 is its table's gap (totals), said once.
  // A row left out for a 分值 that is no number: that one sentence says why the total is short.
  const own = standard.id === "ownTable";
  const unread = choice.read?.problems.some((p) => p.code === "maxUnread") ?? false;
  const problems = checked.problems.filter((p) => !((own || unread) && p.code === "maxTotal"));
  gaps.push(...problems.map((p) => standardGap(p, file)));
  standard = choice.kind === "given" ? withoutCells(checked.standard) : checked.standard;
  return {
    inForce: {
      id: standard.id,
      name: standard.name,
      city: standard.city,
      year: standard.year,
      note: standard.note,
      source: choice.kind,
      sourceText: choice.text,
      sheet: choice.kind === "sheet" ? choice.read?.sheet : undefined,
      file: choice.read?.file,
      definition: standard,
    },
    parameters: listParameters(standard, overridden),
    gaps,
  };
}
