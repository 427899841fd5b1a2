/**
 * 插入模板 and 插入评分标准: add input sheets laid out as data. 插入模板 adds 基本信息, 预算支出,
 * 绩效指标 (the rows of the standard in force), 项目清单 and 重点工作; 插入评分标准 adds the
 * 评分标准 sheet. Existing sheets are never touched: a name clash is reported, not overwritten.
 */
import type { InsertResult, WorkbookPort } from "../hosts/port";
import { settingsLayout } from "../layout/settings";
import { standardLayout } from "../layout/standardSheet";
import { templateLayouts } from "../layout/template";
import type { DepartmentInput, EvaluationSettings } from "../model/input";
import { pickStandard } from "../evaluate/pickStandard";
import { projectFormLayout, projectSheetName } from "../layout/projectForm";
import { findPreset } from "../standard/presets";
import type { Standard } from "../standard/types";

export interface TemplateOutcome extends InsertResult {
  /** One Chinese sentence per fact, for the pane or the terminal. */
  messages: string[];
}

function describe(result: InsertResult, what: string): string[] {
  const messages: string[] = [];
  if (result.added.length > 0)
    messages.push(`已插入 ${result.added.length} 张工作表：${result.added.join("、")}。`);
  if (result.clashes.length > 0)
    messages.push(
      `以下工作表已存在，未作改动：${result.clashes.join("、")}。如需使用${what}，请先将其改名。`
    );
  for (const note of result.skipped) messages.push(`当前 Excel 版本不支持，已跳过：${note}。`);
  return messages;
}

/**
 * Adds a blank 项目支出绩效自评表 for `name`, laid out by the project standard in force (the
 * workbook's own project 评分标准 sheet, else the preset of its city and year).
 */
export async function insertProjectForm(
  port: WorkbookPort,
  name: string,
  input?: DepartmentInput
): Promise<TemplateOutcome> {
  const standard = input
    ? pickStandard(input, undefined, "project").inForce.definition
    : findPreset(undefined, 0, "project").standard;
  const sheet = projectSheetName(name, new Set());
  const result = await port.insertSheets([
    projectFormLayout(standard, { name, year: input?.year || undefined }, sheet),
  ]);
  return { ...result, messages: describe(result, "该项目自评表") };
}

export async function insertTemplate(
  port: WorkbookPort,
  standard: Standard
): Promise<TemplateOutcome> {
  const result = await port.insertSheets(templateLayouts(standard));
  return { ...result, messages: describe(result, "模板") };
}

/**
 * Adds the 评分标准 sheet for `standard`. When the workbook's 绩效自评设置 still holds old
 * parameter overrides (already applied to `standard`), they are removed from it once the sheet
 * is in: the sheet is then the one place a rule changes.
 */
export async function insertStandard(
  port: WorkbookPort,
  standard: Standard,
  settings: EvaluationSettings = {}
): Promise<TemplateOutcome> {
  const result = await port.insertSheets([standardLayout(standard)]);
  const messages = describe(result, "新的评分标准");
  const legacy =
    Object.keys(settings.overrides ?? {}).length > 0 || (settings.confirmed ?? []).length > 0;
  if (result.added.length > 0 && legacy) {
    const kept: EvaluationSettings = {
      presetId: settings.presetId,
      scoreSource: settings.scoreSource,
    };
    const write = await port.writeOwnedSheet(
      settingsLayout(kept, { id: settings.presetId ?? standard.id, name: standard.name }),
      "settings"
    );
    messages.push(
      write.besideForeign
        ? `“${write.besideForeign}”不是本助手生成的表，未作改动：其中的旧版参数改动已不再使用，可手动删除。`
        : `“${write.sheet}”中的旧版参数改动与已核对参数已并入评分标准表。`
    );
  }
  if (result.added.length > 0)
    messages.push(`今后评分以“${result.added[0]}”表为准，可直接在表中修改分值、计分方法和参数。`);
  return { ...result, messages };
}
