/**
 * A department whose city has no standard (no preset, no 评分标准 sheet) is scored by its own
 * 绩效指标表: its rows, its 分值. A row the generic preset knows (预算执行率 …) keeps the preset's
 * rule, so its score is still checked against the figures; every other row is 主观评分. The
 * generic preset's grades and settings apply, not its caps: a cap the city has not set (the
 * province's project rule, 待核对) must not lower the total the department signs. Never a tree
 * of indicators the department does not have (产出指标 50 / 0.00 on its signed page).
 */
import { ZERO } from "../model/decimal";
import type { IndicatorEntry } from "../model/input";
import { indicatorKey, normalizeName } from "../model/text";
import type { Standard, StandardIndicator } from "../standard/types";
import type { Gap } from "./result";

/** The name the summary and the report give a standard made of the department's own table. */
export const OWN_TABLE_NAME = "本部门绩效指标表";

/** The preset's indicator a row names (by name or other name), if any. */
function knownAs(generic: Standard, name: string): StandardIndicator | undefined {
  const key = indicatorKey(name); // as the indicators are matched (`1.预算绩效管理情况`)
  return generic.indicators.find((d) =>
    [d.name, ...(d.aliases ?? [])].some((n) => indicatorKey(n) === key)
  );
}

/**
 * The department's table as a standard; null when it states no 分值 to build one from (no 分值
 * column). A row whose 分值 is blank counts out of 0 (`blankMaxGaps` says so at its cell): one
 * cell left blank does not throw the department's own table away for the generic tree.
 */
export function ownTableStandard(
  generic: Standard,
  entries: readonly IndicatorEntry[]
): Standard | null {
  if (entries.every((e) => e.max == null)) return null;
  const names = new Set<string>();
  const ids = new Set<string>();
  const indicators: StandardIndicator[] = [];
  entries.forEach((e, i) => {
    const key = normalizeName(e.name);
    if (names.has(key)) return; // a row listed twice is flagged when scored, and counted once
    names.add(key);
    const known = knownAs(generic, e.name);
    const preset = known && !ids.has(known.id) ? known : undefined;
    const id = preset?.id ?? `row${i + 1}`;
    ids.add(id);
    indicators.push({
      id,
      level1: e.level1,
      ...(e.level2 ? { level2: e.level2 } : {}),
      ...(e.level3 ? { level3: e.level3 } : {}),
      name: e.name,
      max: e.max ?? ZERO,
      rule: preset?.rule ?? { kind: "judgment", params: {} },
      ...(preset?.metric ? { metric: preset.metric } : {}),
      unconfirmed: preset ? preset.unconfirmed.filter((k) => k !== "max") : [],
    });
  });
  const unconfirmed = generic.unconfirmed.filter((k) => k !== "caps");
  return { ...generic, id: "ownTable", name: OWN_TABLE_NAME, indicators, caps: [], unconfirmed };
}

/** The rows of the department's own table with a blank 分值, each an error at its cell. */
export function blankMaxGaps(entries: readonly IndicatorEntry[]): Gap[] {
  return entries
    .filter((e) => e.max == null)
    .map((e) => ({
      code: "maxMismatch" as const,
      severity: "error" as const,
      indicator: e.name,
      message: `“${e.name}”未填写分值，按 0 分值计入（总分只含其余指标）。`,
      suggestion: "在绩效指标表中填写该指标的分值后重新计算。",
      cell: e.cells?.max ?? e.cells?.name,
    }));
}
