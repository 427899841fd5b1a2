/**
 * 绩效自评设置: the workbook's own scoring settings as a sheet, so they travel with the file and
 * the command line reads the same settings as the pane. The parser reads the 参数 / 值 table
 * (see parse/parseWorkbook.ts); the reference list below it is for people, not parsed.
 */
import type { ParameterView } from "../evaluate/parameters";
import type { EvaluationSettings } from "../model/input";
import type { CellStyle, LayoutCell, SheetLayout } from "./sheetLayout";
import { ASSISTANT_SIGNATURE, FONT_SIZE, SHEET_FONT, styles } from "./style";

export const SETTINGS_SHEET_NAME = "绩效自评设置";

export function settingsLayout(
  settings: EvaluationSettings,
  profile: { id: string; name: string },
  parameters: readonly ParameterView[]
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
    `${ASSISTANT_SIGNATURE}维护；也可直接修改“值”列后重新计算。删除本表即恢复默认设置。`,
    styles.note
  );
  ["参数", "值", "说明"].forEach((h, c) => put(2, c, h, styles.header));
  const rows: [string, string | number | boolean, string][] = [
    ["评分标准", profile.id, profile.name],
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
      "这些参数已按当年评分标准核对，不再标“待核对”",
    ]);
  }
  for (const [path, value] of Object.entries(settings.overrides ?? {})) {
    rows.push([path, value, parameters.find((p) => p.path === path)?.label ?? ""]);
  }
  rows.forEach(([key, value, note], i) => {
    put(3 + i, 0, key, styles.label);
    put(3 + i, 1, value, { ...styles.input, numberFormat: "@" });
    put(3 + i, 2, note, { ...styles.note, border: true });
  });
  const ref = 3 + rows.length + 1;
  put(ref, 0, "可设置的参数（供参考；修改时把参数路径和值填入上表）", { bold: true });
  ["可用参数", "当前取值", "说明"].forEach((h, c) => put(ref + 1, c, h, styles.header));
  parameters.forEach((p, i) => {
    put(ref + 2 + i, 0, p.path, { ...styles.cell, fontSize: 9 });
    put(ref + 2 + i, 1, p.value, { ...styles.cell, fontSize: 9 });
    put(ref + 2 + i, 2, `${p.label}${p.unconfirmed ? "（待核对）" : ""}`, {
      ...styles.cell,
      fontSize: 9,
      wrap: true,
    });
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
