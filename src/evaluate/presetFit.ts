/**
 * Whether the city's preset of an earlier year still fits the department's own 绩效指标表. A
 * department of 2023 scored by the 2022 preset when no 2023 one exists is right as long as the
 * indicators stayed; when its table lists other indicators or other 分值, the year's standard has
 * changed, and scoring its rows against last year's tree gives a wrong total. Rows are matched
 * as scoring matches them (names, near names, a placeholder's place: scoreIndicators.ts).
 */
import { type Dec, score } from "../model/decimal";
import type { IndicatorEntry } from "../model/input";
import { quote } from "../model/text";
import type { Standard } from "../standard/types";
import { matchEntries } from "./scoreIndicators";

/** Where the department's table and the preset part. */
export interface PresetMisfit {
  /** The table's rows the preset does not list. */
  unlisted: IndicatorEntry[];
  /** The table's rows whose 分值 is not the preset's, with the preset's. */
  otherMax: { entry: IndicatorEntry; max: Dec }[];
  /** The preset's indicators the table has no row for. */
  missing: string[];
}

/**
 * Where the preset and the table part, when they clearly do: two or more rows or indicators out
 * of place, or one in a table of four rows or fewer. A single one among many is a row mistyped or
 * left out, said at its cell as ever; a table stating no 分值 is never judged (null).
 */
export function presetMisfit(
  preset: Standard,
  entries: readonly IndicatorEntry[]
): PresetMisfit | null {
  if (entries.every((e) => e.max == null)) return null;
  const { matched, extra } = matchEntries(preset.indicators, entries);
  const otherMax: PresetMisfit["otherMax"] = [];
  const missing: string[] = [];
  for (const definition of preset.indicators) {
    const entry = matched.get(definition.id);
    if (!entry) missing.push(definition.name);
    else if (entry.max != null && !entry.max.eq(definition.max))
      otherMax.push({ entry, max: definition.max });
  }
  // A row renamed beyond matching is both unlisted and missing: one difference, not two.
  const apart = Math.max(extra.length, missing.length) + otherMax.length;
  const clearly = apart >= 2 || (apart === 1 && entries.length <= 4);
  return clearly ? { unlisted: extra, otherMax, missing } : null;
}

/** Up to three names, quoted, and how many there are: `“目标设定”“决策过程”“产出质量”等 4 项指标`. */
function some(names: readonly string[]): string {
  const shown = names.slice(0, 3).map(quote).join("");
  return names.length > 3 ? `${shown}等 ${names.length} 项指标` : shown;
}

/** The misfit in clauses: which rows, and why each is out of place. */
export function describeMisfit(misfit: PresetMisfit): string {
  const parts: string[] = [];
  if (misfit.unlisted.length > 0)
    parts.push(`本表的${some(misfit.unlisted.map((e) => e.name))}不在其中`);
  if (misfit.otherMax.length > 0) {
    const [{ entry, max }] = misfit.otherMax;
    const example = `${quote(entry.name)}本表 ${score(entry.max as Dec)} 分、该标准 ${score(max)} 分`;
    parts.push(`${some(misfit.otherMax.map((o) => o.entry.name))}分值不同，如${example}`);
  }
  if (misfit.missing.length > 0) parts.push(`该标准的${some(misfit.missing)}本表没有`);
  return parts.join("；");
}
