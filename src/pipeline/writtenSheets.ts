/**
 * The sheets a 重新计算 wrote, in the order it wrote them (绩效自评汇总, 核对清单, 项目自评汇总): the
 * one list every host's 已写入… sentence names. Type-only import, so the pane's first download
 * does not take the recalculation chunk with it.
 */
import type { Recalculation } from "./recalculate";

export function writtenSheets(
  r: Pick<Recalculation, "write" | "checklistWrite" | "projectsWrite">
): string[] {
  return [r.write, r.checklistWrite, r.projectsWrite].flatMap((w) => (w ? [w.sheet] : []));
}

/** What a ribbon's 重新计算 says when the workbook has no input table (nothing is written). */
export const NOTHING_WRITTEN =
  "未找到预算支出明细表和绩效指标表，未写入汇总表：请打开助手，点“插入模板”添加输入表。";
