/** A problem found while reading the workbook, addressed to the cell the user must fix. */
export interface InputProblem {
  /** `error`: the value was not used; `warning`: used, but the user should look. */
  severity: "error" | "warning";
  sheet?: string;
  /** A1 address inside `sheet`. */
  cell?: string;
  /** The whole message, cell first: `预算支出!C5：“二千”不是数字`. */
  message: string;
}

export function cellProblem(
  sheet: string,
  cell: string,
  text: string,
  severity: InputProblem["severity"] = "error"
): InputProblem {
  return { severity, sheet, cell, message: `${sheet}!${cell}：${text}` };
}
