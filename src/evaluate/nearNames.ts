/**
 * Rows whose name is not the standard's, nor one of its 其他名称, yet plainly the same indicator:
 * 预算绩效管理 for 预算绩效管理情况, 三公经费控制率 for “三公”经费控制情况. Conservative: the same
 * 一级, a shared stem (`nameStems`: the name with 情况 / 完成率 / 工作 … endings taken off), the
 * longest shared stem belonging to one indicator only, an indicator no other row has, and one
 * row only for it. Anything less sure stays a row the standard does not list.
 */
import type { IndicatorEntry } from "../model/input";
import { bareLevel, nameStems } from "../model/text";
import type { StandardIndicator } from "../standard/types";

/** A row of the department matched to an indicator by a near name, or to a placeholder. */
export interface Placement {
  definition: StandardIndicator;
  entry: IndicatorEntry;
}

/** An indicator standing for one whose name the standard does not know (待核对 指标名称). */
export function isPlaceholder(definition: StandardIndicator): boolean {
  return definition.unconfirmed.includes("name");
}

/** The indicators a row of this 一级 may be: those of the same 一级 (all when it has none). */
function sameLevel1(definitions: readonly StandardIndicator[], entry: IndicatorEntry) {
  const level1 = bareLevel(entry.level1);
  return level1 ? definitions.filter((d) => bareLevel(d.level1) === level1) : definitions;
}

/** The length of the longest stem the row shares with the indicator (0: none). */
function shared(definition: StandardIndicator, stems: ReadonlySet<string>): number {
  let best = 0;
  for (const name of [definition.name, ...(definition.aliases ?? [])])
    for (const stem of nameStems(name)) if (stems.has(stem)) best = Math.max(best, stem.length);
  return best;
}

/** The one indicator the row's name is nearest to, if exactly one is nearest. */
function nearest(definitions: readonly StandardIndicator[], entry: IndicatorEntry) {
  const stems = new Set(nameStems(entry.name));
  const scored = sameLevel1(definitions, entry)
    .filter((d) => !isPlaceholder(d))
    .map((d) => ({ d, length: shared(d, stems) }))
    .filter((s) => s.length > 0);
  const top = Math.max(0, ...scored.map((s) => s.length));
  const best = scored.filter((s) => s.length === top);
  return best.length === 1 ? best[0].d : undefined;
}

/** Rows matched by a near name to indicators not `taken`; two rows for one indicator: neither. */
export function nearMatches(
  definitions: readonly StandardIndicator[],
  rows: readonly IndicatorEntry[],
  taken: ReadonlySet<string>
): Placement[] {
  const found = rows
    .map((entry) => ({ entry, definition: nearest(definitions, entry) }))
    .filter((p): p is Placement => p.definition !== undefined && !taken.has(p.definition.id));
  return found.filter((p) => found.filter((q) => q.definition.id === p.definition.id).length === 1);
}

/** Whether the row may be the placeholder: the same 分值, and its 一级 unless that is 待核对. */
function fitsPlaceholder(definition: StandardIndicator, entry: IndicatorEntry): boolean {
  if (!entry.max || !entry.max.equals(definition.max)) return false;
  if (definition.unconfirmed.includes("level1")) return true;
  const level1 = bareLevel(entry.level1);
  return level1 !== "" && level1 === bareLevel(definition.level1);
}

/**
 * Placeholders no row has, each filled by the one row the standard does not list that fits it
 * (`fitsPlaceholder`) — when that row fits no other placeholder. Two rows that fit: neither.
 */
export function placeholderMatches(
  definitions: readonly StandardIndicator[],
  rows: readonly IndicatorEntry[],
  taken: ReadonlySet<string>
): Placement[] {
  const open = definitions.filter((d) => isPlaceholder(d) && !taken.has(d.id));
  const placed: Placement[] = [];
  for (const definition of open) {
    const fits = rows.filter((entry) => fitsPlaceholder(definition, entry));
    if (fits.length !== 1) continue;
    const entry = fits[0];
    if (open.filter((d) => fitsPlaceholder(d, entry)).length === 1)
      placed.push({ definition, entry });
  }
  return placed;
}

/**
 * The placeholder as the row that takes its place: the row's name, and where the placeholder's
 * 一级 is 待核对 too, the row's 一级 (spelt as the standard spells it, when it has it).
 */
export function inPlaceOf(
  { definition, entry }: Placement,
  definitions: readonly StandardIndicator[]
): StandardIndicator {
  const own = definition.unconfirmed.includes("level1") && bareLevel(entry.level1) !== "";
  const level1 = own
    ? (definitions.find((d) => !isPlaceholder(d) && bareLevel(d.level1) === bareLevel(entry.level1))
        ?.level1 ?? entry.level1)
    : definition.level1;
  return {
    ...definition,
    level1,
    level2: own ? entry.level2 : definition.level2,
    level3: own ? entry.level3 : definition.level3,
    name: entry.name,
    aliases: undefined,
  };
}
