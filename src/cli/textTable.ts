/** Plain-text tables for a terminal, aligned for Chinese (wide) characters. */

/** Columns a string takes in a terminal: CJK and full-width characters take two (curly quotes one). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6);
    width += wide ? 2 : 1;
  }
  return width;
}

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
