/** The standards shipped with the add-in (presets), and finding one by id or by city and year. */
import type { Standard, StandardScope } from "../types";
import { foshan2022 } from "./foshan2022";
import { genericPreset } from "./generic";
import { caiyuProject, provinceProject } from "./projects";
import { dayingDepartment, dazhouDepartment, yueyangDepartment } from "./published";

export const presets: readonly Standard[] = [
  foshan2022,
  genericPreset,
  yueyangDepartment,
  dazhouDepartment,
  dayingDepartment,
  caiyuProject,
  provinceProject,
];

export { caiyuProject, foshan2022, genericPreset, provinceProject };

export function findPresetById(id: string): Standard | undefined {
  return presets.find((p) => p.id === id);
}

/** How a preset was chosen by city and year. */
export type PresetMatch =
  "cityYear" | "earlierYear" | "city" | "laterYear" | "yearUnknown" | "fallback";

/**
 * The preset for a city and year: the same city and year; else the same city's latest earlier
 * year; else one of the city's presets without a year; else the city's nearest later year (a
 * year before all its presets) or, the year not found (0), its latest; else the generic preset
 * (for project forms, the national one of 财预〔2020〕10号).
 */
export function findPreset(
  city: string | undefined,
  year: number,
  scope: StandardScope = "department"
): { standard: Standard; match: PresetMatch } {
  const ofCity = presets.filter(
    (p) => p.scope === scope && city !== undefined && p.city !== undefined && sameCity(p.city, city)
  );
  const dated = ofCity.filter((p) => p.year !== undefined).sort((a, b) => yearOf(a) - yearOf(b));
  const known = year > 0;
  const exact = known ? dated.find((p) => p.year === year) : undefined;
  if (exact) return { standard: exact, match: "cityYear" };
  const earlier = known ? dated.filter((p) => yearOf(p) < year).pop() : undefined;
  if (earlier) return { standard: earlier, match: "earlierYear" };
  const yearless = ofCity.find((p) => p.year === undefined);
  if (yearless) return { standard: yearless, match: "city" };
  const nearest = known ? dated.find((p) => yearOf(p) > year) : dated[dated.length - 1];
  if (nearest) return { standard: nearest, match: known ? "laterYear" : "yearUnknown" };
  return { standard: scope === "project" ? caiyuProject : genericPreset, match: "fallback" };
}

const yearOf = (p: Standard) => p.year ?? 0;

function sameCity(a: string, b: string): boolean {
  const strip = (s: string) => s.trim().replace(/[市县区]$/, "");
  return strip(a) === strip(b);
}
