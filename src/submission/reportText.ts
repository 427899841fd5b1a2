/**
 * The report draft as plain text, for the clipboard (复制报告全文) and for tests: headings and
 * paragraphs one per line with a blank line between, tables as tab-separated rows (they paste
 * into Word as text a person turns into a table, and into Excel as cells), footnotes at the end.
 */
import type { ReportDraft, ReportTable } from "./reportDraft";

const SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹";

function tableText(t: ReportTable): string[] {
  const lines: string[] = [];
  if (t.title) lines.push(t.title);
  if (t.unit) lines.push(t.unit);
  lines.push(t.header.join("\t"), ...t.rows.map((r) => r.join("\t")));
  return [lines.join("\n")];
}

export function reportText(draft: ReportDraft): string {
  const parts: string[] = [draft.title, draft.front.join("\n")];
  const notes: string[] = [];
  for (const block of draft.blocks) {
    if (block.kind === "table") parts.push(...tableText(block));
    else if (block.kind === "paragraph" && block.footnote) {
      const mark = SUPERSCRIPTS[notes.length] ?? `[${notes.length + 1}]`;
      notes.push(`${mark} ${block.footnote}`);
      parts.push(`${block.text}${mark}`);
    } else parts.push(block.text);
  }
  return [...parts, ...notes].join("\n\n") + "\n";
}
