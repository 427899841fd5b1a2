/** The profiles shipped with the add-in, keyed by city and year. */
import type { Profile } from "../evaluate/profile";
import { foshan2022 } from "./foshan2022";
import { genericPreset } from "./generic";

export const profiles: readonly Profile[] = [foshan2022, genericPreset];

export { foshan2022, genericPreset };

export function findProfileById(id: string): Profile | undefined {
  return profiles.find((p) => p.id === id);
}

/**
 * The profile for a city and year: an exact match, else the same city's latest earlier year,
 * else the generic preset. `exact` says whether the city and year matched exactly.
 */
export function findProfile(
  city: string | undefined,
  year: number
): { profile: Profile; exact: boolean } {
  const cityProfiles = profiles.filter(
    (p) => city !== undefined && p.city !== undefined && sameCity(p.city, city)
  );
  const exact = cityProfiles.find((p) => p.year === year);
  if (exact) return { profile: exact, exact: true };
  const earlier = cityProfiles
    .filter((p) => p.year !== undefined && p.year < year)
    .sort((a, b) => (b.year ?? 0) - (a.year ?? 0))[0];
  return { profile: earlier ?? genericPreset, exact: false };
}

function sameCity(a: string, b: string): boolean {
  const strip = (s: string) => s.trim().replace(/市$/, "");
  return strip(a) === strip(b);
}
