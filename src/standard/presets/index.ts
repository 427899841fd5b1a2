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
export type PresetMatch = "cityYear" | "earlierYear" | "city" | "fallback";

/**
 * The preset for a city and year: the same city and year; else the same city's latest earlier
 * year; else one of the city's presets without a year; else the generic preset (for project
 * forms, the national one of 财预〔2020〕10号).
 */
export function findPreset(
  city: string | undefined,
  year: number,
  scope: StandardScope = "department"
): { standard: Standard; match: PresetMatch } {
  const ofCity = presets.filter(
    (p) => p.scope === scope && city !== undefined && p.city !== undefined && sameCity(p.city, city)
  );
  const exact = ofCity.find((p) => p.year === year);
  if (exact) return { standard: exact, match: "cityYear" };
  const earlier = ofCity
    .filter((p) => p.year !== undefined && p.year < year)
    .sort((a, b) => (b.year ?? 0) - (a.year ?? 0))[0];
  if (earlier) return { standard: earlier, match: "earlierYear" };
  const yearless = ofCity.find((p) => p.year === undefined);
  if (yearless) return { standard: yearless, match: "city" };
  return { standard: scope === "project" ? caiyuProject : genericPreset, match: "fallback" };
}

function sameCity(a: string, b: string): boolean {
  const strip = (s: string) => s.trim().replace(/[市县区]$/, "");
  return strip(a) === strip(b);
}
