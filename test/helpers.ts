/** Test helpers: a deep copy of the seed department to modify per test. */
import { Dec } from "../src/model/decimal";
import type { DepartmentInput } from "../src/model/input";
import { seedDepartment } from "../samples/seedDepartment";

/** Deep copy that keeps Decimal values as Decimals. */
export function clone<T>(value: T): T {
  if (value instanceof Dec) return value;
  if (Array.isArray(value)) return value.map(clone) as unknown as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = clone(v);
    return out as T;
  }
  return value;
}

export function seed(): DepartmentInput {
  return clone(seedDepartment);
}

/** The seed with one indicator's entry changed. */
export function withIndicator(
  input: DepartmentInput,
  name: string,
  change: Partial<DepartmentInput["indicators"][number]>
): DepartmentInput {
  const entry = input.indicators.find((i) => i.name === name);
  if (!entry) throw new Error(`no indicator ${name}`);
  Object.assign(entry, change);
  return input;
}

/**
 * The seed under the generic preset, its four indicators scoring 98 and its 执行率 75%: the
 * preset caps the total at 89.
 */
export function cappedSeed(): DepartmentInput {
  const input = seed();
  input.settings = { presetId: "generic" };
  input.indicators = [
    { level1: "预算执行", name: "预算执行率", entered: new Dec(8) },
    { level1: "产出", name: "产出指标", entered: new Dec(50) },
    { level1: "效益", name: "效益指标", entered: new Dec(30) },
    { level1: "满意度", name: "满意度指标", entered: new Dec(10) },
  ];
  input.budget.officialExecutionRate = new Dec("0.75");
  return input;
}
