/** The 绩效自评设置 sheet: 评分标准, 计入得分, 已核对参数, and parameter overrides by path. */
import type { EvaluationSettings } from "../model/input";
import { normalizeName } from "../model/text";
import { findPresetById, presets } from "../standard/presets";
import { readText } from "./cells";
import { type Grid, normalizeLabel } from "./grid";
import { type InputProblem, cellProblem } from "./problems";
import { findTable, tableSpecs } from "./tables";
import type { FoundInput } from "./reader";

export function parseSettings(
  grids: readonly Grid[],
  settingsName: string,
  problems: InputProblem[]
): { settings?: EvaluationSettings; found?: FoundInput } {
  const grid = grids.find((g) => g.name === settingsName);
  if (!grid) return {};
  const table = findTable([grid], tableSpecs.settings);
  if (!table) return {};
  const cols = table.columns;
  const settings: EvaluationSettings = {};
  const overrides: Record<string, string | number | boolean> = {};
  let last = table.headerRow;
  for (let row = table.headerRow + table.headerDepth; row <= grid.bottom; row++) {
    if (grid.isBlankRow(row, [cols.key, cols.value])) break;
    last = row;
    const key = readText({ grid, row, column: cols.key });
    const raw = grid.value(row, cols.value);
    const text = readText({ grid, row, column: cols.value });
    const at = grid.address(row, cols.value);
    if (!key || text === "") continue;
    const label = normalizeLabel(key);
    if (label === "评分标准") {
      const preset =
        findPresetById(text) ?? presets.find((p) => normalizeName(p.name) === normalizeName(text));
      if (preset) settings.presetId = preset.id;
      else
        problems.push(
          cellProblem(grid.name, at, `没有名为“${text}”的评分标准，已按城市和年度选择`)
        );
    } else if (label === "计入得分") {
      if (/计算/.test(text)) settings.scoreSource = "computed";
      else if (/填报|自评/.test(text)) settings.scoreSource = "entered";
      else
        problems.push(
          cellProblem(grid.name, at, `“${text}”无法识别，请填写“填报得分”或“计算得分”`)
        );
    } else if (label === "已核对参数" || label === "已确认参数") {
      settings.confirmed = text.split(/[,，;；、\s]+/).filter(Boolean);
    } else {
      overrides[key.trim()] = typeof raw === "number" || typeof raw === "boolean" ? raw : text;
    }
  }
  if (Object.keys(overrides).length > 0) settings.overrides = overrides;
  const left = Math.min(...Object.values(cols));
  const right = Math.max(...Object.values(cols));
  return {
    settings,
    found: {
      kind: "settings",
      title: tableSpecs.settings.title,
      sheet: grid.name,
      range: `${grid.address(table.headerRow, left)}:${grid.address(last, right)}`,
    },
  };
}
