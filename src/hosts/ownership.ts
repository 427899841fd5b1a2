/**
 * Which sheets the add-in may write (the summary, 核对清单, 项目自评汇总, 自评报告草稿, settings). The add-in owns exactly the sheet its
 * marker (the workbook-level defined name `JixiaoSummary`) points to, and only while that
 * sheet still bears one of the add-in's names: a sheet the user created, or renamed to keep,
 * is never overwritten.
 */
import type { WriteResult } from "./port";

/**
 * The sheets the add-in owns: the summary it writes, the summary of the project forms, and
 * the settings sheet it keeps.
 */
export type SheetRole = "summary" | "settings" | "projects" | "checklist" | "report";

/** Workbook-level defined names marking the sheets the add-in created, by role. */
export const OWNER_NAMES: Record<SheetRole, string> = {
  summary: "JixiaoSummary",
  settings: "JixiaoSettings",
  projects: "JixiaoProjects",
  checklist: "JixiaoChecklist",
  report: "JixiaoReport",
};

/** Kept for the summary role. */
export const OWNER_NAME = OWNER_NAMES.summary;

export const ROLES: SheetRole[] = ["summary", "settings", "projects", "checklist", "report"];

/** The sheets our markers point to that are output (all but the settings sheet, which is read). */
export function outputSheets(
  owned: Partial<Record<SheetRole, string | null>> | undefined
): string[] {
  return ROLES.filter((role) => role !== "settings")
    .map((role) => owned?.[role])
    .filter((name): name is string => !!name);
}

/** Names tried in order when the preferred one is taken by a sheet we did not create. */
export function candidateNames(preferred: string, count = 9): string[] {
  return [
    preferred,
    `${preferred}（助手）`,
    ...Array.from({ length: count - 2 }, (_, i) => `${preferred}（助手${i + 2}）`),
  ];
}

export interface WritePlan {
  /** The sheet to write. */
  target: string;
  /** True when the target is our own earlier sheet, to be replaced. */
  replace: boolean;
  /** The preferred name, when a sheet we did not create holds it (we write beside it). */
  besideForeign?: string;
  /**
   * Our earlier sheet, renamed by the user (to keep it): never overwritten, so it still holds the
   * earlier result while a new sheet takes the marker.
   */
  keptRenamed?: string;
}

/** What the caller of a write is told once `plan` is carried out (`skipped`: what the host could not set). */
export function writeResultOf(plan: WritePlan, skipped: string[] = []): WriteResult {
  const { target: sheet, replace: replaced, besideForeign, keptRenamed } = plan;
  return { sheet, replaced, besideForeign, keptRenamed, skipped };
}

export function planSummaryWrite(
  existing: readonly string[],
  marked: string | null | undefined,
  preferred: string
): WritePlan {
  const names = new Set(existing);
  const candidates = candidateNames(preferred);
  const besideForeign = names.has(preferred) && marked !== preferred ? preferred : undefined;
  const renamed = marked && names.has(marked) && !candidates.includes(marked) ? marked : undefined;
  const notes = { besideForeign, ...(renamed ? { keptRenamed: renamed } : {}) };
  for (const name of candidates) {
    if (names.has(name) && name === marked) return { target: name, replace: true, besideForeign };
    if (!names.has(name)) return { target: name, replace: false, ...notes };
  }
  // Every candidate is someone else's sheet: fall back to a numbered name.
  let n = candidates.length + 1;
  while (names.has(`${preferred}（助手${n}）`)) n++;
  return { target: `${preferred}（助手${n}）`, replace: false, ...notes };
}

/** `='绩效自评汇总'!$A$1` → `绩效自评汇总`; null for anything else (e.g. `=#REF!`). */
export function sheetFromReference(reference: string | null | undefined): string | null {
  if (!reference) return null;
  const m = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!\$?A\$?1(?::\$?[A-Z]+\$?\d+)?$/.exec(
    reference.trim()
  );
  if (!m) return null;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] as string);
}

/** The reference for a sheet's A1, quoted as Excel does: `'绩效自评汇总'!$A$1`. */
export function referenceTo(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'!$A$1`;
}
