/**
 * 插入模板: adds the input sheets (基本信息, 预算支出, 绩效指标, 项目清单, 重点工作) with headers,
 * number formats, validation and the profile's indicator rows. Existing sheets are never
 * touched: a name clash is reported, not overwritten.
 */
import type { Profile } from "../evaluate/profile";
import type { InsertResult, WorkbookPort } from "../hosts/port";
import { templateLayouts } from "../layout/template";
import { foshan2022 } from "../profiles";

export interface TemplateOutcome extends InsertResult {
  /** One Chinese sentence per fact, for the pane or the terminal. */
  messages: string[];
}

export async function insertTemplate(
  port: WorkbookPort,
  profile: Profile = foshan2022
): Promise<TemplateOutcome> {
  const result = await port.insertSheets(templateLayouts(profile));
  const messages: string[] = [];
  if (result.added.length > 0)
    messages.push(`已插入 ${result.added.length} 张工作表：${result.added.join("、")}。`);
  if (result.clashes.length > 0) {
    messages.push(
      `以下工作表已存在，未作改动：${result.clashes.join("、")}。如需使用模板，请先将其改名。`
    );
  }
  for (const note of result.skipped) messages.push(`当前 Excel 版本不支持，已跳过：${note}。`);
  return { ...result, messages };
}
