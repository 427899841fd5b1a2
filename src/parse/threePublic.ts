/**
 * “三公”经费 as the workbook states it, in as many places as it does: the labelled figures
 * (基本信息), a “三公”经费表 (its 合计, its items added up), the budget table's “三公” rows.
 */
import type { Dec } from "../model/decimal";
import type { ThreePublicFunds, ThreePublicReading } from "../model/input";

/** Where the 上年 figure of a “三公”经费表 is. */
export interface LastYearRead {
  value: Dec | null;
  cell?: string;
}

const hasFigure = (r: ThreePublicReading) => r.budget !== null || r.actual !== null;

/**
 * The figures scored: the first place (labelled figures, then the tables, in `readings`' order)
 * that states both, else the first that states one; the others are kept to be checked against
 * them (`otherReadings`). The 上年 figure is the labelled one, else the table's.
 */
export function threePublicOf(
  labelled: ThreePublicFunds | undefined,
  readings: readonly ThreePublicReading[],
  tableLastYear?: LastYearRead
): ThreePublicFunds | undefined {
  const stated: ThreePublicReading | undefined = labelled && {
    budget: labelled.budget,
    actual: labelled.actual,
    ...(labelled.unit ? { unit: labelled.unit } : {}),
    cells: { budget: labelled.cells?.budget, actual: labelled.cells?.actual },
  };
  const all = [...(stated && hasFigure(stated) ? [stated] : []), ...readings];
  const used = all.find((r) => r.budget !== null && r.actual !== null) ?? all[0];
  if (!used) return labelled ?? lastYearOnly(tableLastYear);
  const others = all.filter((r) => r !== used);
  const lastYear =
    labelled && "lastYear" in labelled
      ? { value: labelled.lastYear ?? null, cell: labelled.cells?.lastYear }
      : tableLastYear;
  return {
    budget: used.budget,
    actual: used.actual,
    ...(used.unit ? { unit: used.unit } : {}),
    ...(used.source ? { source: used.source } : {}),
    ...(used.itemsSum ? { itemsSum: used.itemsSum } : {}),
    ...(lastYear ? { lastYear: lastYear.value } : {}),
    cells: { budget: used.cells?.budget, actual: used.cells?.actual, lastYear: lastYear?.cell },
    ...(others.length > 0 ? { otherReadings: others } : {}),
  };
}

/** A table's 上年 figure alone (its 本年 columns blank): for the 变动率's message. */
function lastYearOnly(lastYear?: LastYearRead): ThreePublicFunds | undefined {
  if (!lastYear) return undefined;
  return {
    budget: null,
    actual: null,
    lastYear: lastYear.value,
    cells: { lastYear: lastYear.cell },
  };
}
