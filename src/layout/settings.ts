/**
 * 绩效自评设置: the workbook's own settings as a sheet, so they travel with the file and the
 * command line reads the same settings as the pane — which preset scores the workbook when it
 * has no 评分标准 sheet, and which score counts. Rules themselves (分值, 计分方法, parameters,
 * grades, caps) live in the 评分标准 sheet. Old parameter overrides are written back as they were
 * read until 插入评分标准 folds them into that sheet.
 */
import type { EvaluationSettings } from "../model/input";
import type { CellStyle, LayoutCell, SheetLayout } from "./sheetLayout";
import { ASSISTANT_SIGNATURE, FONT_SIZE, SHEET_FONT, styles } from "./style";

export const SETTINGS_SHEET_NAME = "绩效自评设置";

export function settingsLayout(
  settings: EvaluationSettings,
  preset: { id: string; name: string }
): SheetLayout {
  const cells: LayoutCell[] = [];
  const put = (
    row: number,
    column: number,
    value: string | number | boolean | null,
    style?: CellStyle
  ) => cells.push({ row, column, value, style });
  put(0, 0, "绩效自评设置", { ...styles.title, horizontal: "left" });
  put(
    1,
    0,
    `${ASSISTANT_SIGNATURE}维护；也可直接修改“值”列后重新计算。评分规则请在“评分标准”表中修改（没有该表时可在助手中点“插入评分标准”）。删除本表即恢复默认设置。`,
    styles.note
  );
  ["参数", "值", "说明"].forEach((h, c) => put(2, c, h, styles.header));
  const rows: [string, string | number | boolean, string][] = [
    ["评分标准", preset.id, `${preset.name}（工作簿中没有“评分标准”表时采用）`],
    [
      "计入得分",
      settings.scoreSource === "computed" ? "计算得分" : "填报得分",
      "填报得分：以填报为准（空白时取计算得分）；计算得分：以按规则计算的得分为准",
    ],
  ];
  if (settings.confirmed && settings.confirmed.length > 0) {
    rows.push([
      "已核对参数",
      settings.confirmed.join("，"),
      "旧版设置：这些参数已核对；插入评分标准时并入评分标准表",
    ]);
  }
  for (const [path, value] of Object.entries(settings.overrides ?? {})) {
    rows.push([path, value, "旧版参数改动；插入评分标准时并入评分标准表"]);
  }
  rows.forEach(([key, value, note], i) => {
    put(3 + i, 0, key, styles.label);
    put(3 + i, 1, value, { ...styles.input, numberFormat: "@" });
    put(3 + i, 2, note, { ...styles.note, border: true });
  });
  return {
    name: SETTINGS_SHEET_NAME,
    fontName: SHEET_FONT,
    fontSize: FONT_SIZE,
    cells,
    merges: [],
    columnWidths: [34, 26, 60],
    showGridlines: true,
    tabColor: "#7F7F7F",
    frozenRows: 3,
  };
}
