/** Plain-text tables for a terminal, aligned for Chinese (wide) characters. */
import { displayWidth } from "../model/text";

export { displayWidth };

export type Align = "left" | "right";

export function pad(text: string, width: number, align: Align = "left"): string {
  const space = " ".repeat(Math.max(0, width - displayWidth(text)));
  return align === "left" ? text + space : space + text;
}

export function renderTable(header: string[], rows: string[][], aligns: Align[]): string {
  const widths = header.map((h, i) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? "")))
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i], aligns[i]))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "─".repeat(w)).join("──");
  return [line(header), rule, ...rows.map(line)].join("\n");
}
