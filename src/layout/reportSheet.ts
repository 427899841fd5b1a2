/**
 * 自评报告草稿: the report draft as a sheet, for Excel and WPS where a task pane cannot open Word —
 * one paragraph per row across four columns (A4 portrait at full size, 11 pt, wrapped), tables
 * as bordered cells, placeholders (【待填写：…】) on a yellow fill, the grade note at the end.
 * The pane's 复制报告全文 copies the same draft as text.
 */
import type { ReportDraft, ReportTable } from "../submission/reportDraft";
import type { CellStyle, SheetLayout } from "./sheetLayout";
import { SheetBuilder } from "./sheetBuilder";
import { ASSISTANT_SIGNATURE, styles } from "./style";

export const REPORT_SHEET = "自评报告草稿";
const WIDTHS = [20, 23, 23, 23];
const BODY = 11;
const TO_FILL_FILL = "#FFF2CC";

const look = {
  title: { ...styles.title, wrap: true } as CellStyle,
  front: { fontSize: BODY } as CellStyle,
  heading1: { bold: true, fontSize: 13, vertical: "center" } as CellStyle,
  heading2: { bold: true, fontSize: BODY, vertical: "center" } as CellStyle,
  paragraph: { fontSize: BODY, wrap: true, vertical: "top" } as CellStyle,
  toFill: { fontSize: BODY, wrap: true, vertical: "top", fill: TO_FILL_FILL } as CellStyle,
  header: { ...styles.header, fontSize: BODY } as CellStyle,
  cell: { ...styles.cell, fontSize: BODY, wrap: true, vertical: "top" } as CellStyle,
  number: { ...styles.cell, fontSize: BODY, horizontal: "right", vertical: "top" } as CellStyle,
  caption: { bold: true, fontSize: BODY, horizontal: "center" } as CellStyle,
  unit: { fontSize: 10, horizontal: "right" } as CellStyle,
};

/** Which sheet columns each table column spans: four map one to one, fewer widen the last. */
function spans(count: number): [number, number][] {
  return Array.from({ length: count }, (_, i) =>
    i < count - 1 ? [i, 1] : [i, WIDTHS.length - i]
  ) as [number, number][];
}

function table(b: SheetBuilder, t: ReportTable): void {
  if (t.title) b.line(t.title, look.caption);
  if (t.unit) b.line(t.unit, look.unit);
  const columns = spans(t.header.length);
  const header = b.row++;
  t.header.forEach((h, i) => b.put(header, columns[i][0], h, look.header, columns[i][1]));
  for (const values of t.rows) {
    const row = b.row++;
    values.forEach((v, i) => {
      const [column, span] = columns[i];
      b.put(row, column, v || null, t.numeric[i] ? look.number : look.cell, span);
      b.fit(
        row,
        v,
        WIDTHS.slice(column, column + span).reduce((a, c) => a + c, 0),
        BODY
      );
    });
  }
}

const paragraphStyle = (text: string) => (text.includes("【待填写") ? look.toFill : look.paragraph);

/** The draft as a sheet. Pure: same draft, same layout. */
export function reportSheetLayout(draft: ReportDraft, sheetName = REPORT_SHEET): SheetLayout {
  const b = new SheetBuilder(WIDTHS, BODY);
  b.line(draft.title, look.title);
  b.heights[0] = Math.max(b.heights[0] ?? 0, 30);
  for (const line of draft.front) b.line(line, look.front);
  const notes: string[] = [];
  for (const block of draft.blocks) {
    if (block.kind === "table") table(b, block);
    else if (block.kind === "heading") {
      if (block.level === 1) b.row++;
      b.line(block.text, block.level === 1 ? look.heading1 : look.heading2);
    } else {
      if (block.kind === "paragraph" && block.footnote) notes.push(block.footnote);
      const mark = block.kind === "paragraph" && block.footnote ? `（注${notes.length}）` : "";
      b.line(`\u3000\u3000${block.text}${mark}`, paragraphStyle(block.text));
    }
  }
  if (notes.length > 0) b.row++;
  notes.forEach((n, i) => b.line(`注${i + 1}：${n}`, { ...look.paragraph, fontSize: 10 }));
  const lastPrinted = b.row - 1;
  b.line(
    `${ASSISTANT_SIGNATURE}根据本工作簿数据生成的草稿；重新生成时整表替换，定稿请复制到 Word。`,
    {
      ...styles.note,
      fontColor: "#7F7F7F",
    }
  );
  return b.toLayout(sheetName, {
    tabColor: "#107C10",
    print: {
      paper: "A4",
      orientation: "portrait",
      fitToPagesWide: 1,
      printArea: { top: 0, left: 0, bottom: lastPrinted, right: WIDTHS.length - 1 },
      centerFooter: "第 &P 页 共 &N 页",
      centerHorizontally: true,
      printGridlines: false,
      margins: { left: 0.6, right: 0.6, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
  });
}
