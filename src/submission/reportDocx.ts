/**
 * The report draft as a Word document (.docx) through the `docx` library: A4, 仿宋-style body
 * at 三号-ish size as government reports are set (fonts fall back where missing), headings in 黑体
 * and 楷体 as the seed sets its levels, real tables with borders, the grade note as a real
 * footnote, and every 【待填写：…】 placeholder highlighted yellow so it cannot be missed.
 */
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { ReportBlock, ReportDraft, ReportTable } from "./reportDraft";

const BODY_FONT = { ascii: "FangSong", eastAsia: "仿宋", hAnsi: "FangSong" };
const HEADING_FONTS = {
  1: { ascii: "SimHei", eastAsia: "黑体", hAnsi: "SimHei" },
  2: { ascii: "KaiTi", eastAsia: "楷体", hAnsi: "KaiTi" },
  3: BODY_FONT,
} as const;
/** Half-points: 16 pt body (三号), 14 pt in tables, 22 pt title (二号). */
const SIZE = { body: 32, table: 24, title: 44 };
/** A4 is 11906 twips wide; 1531 each side is the 2.7 cm margin of 公文. */
const PAGE = { width: 11906, height: 16838, margin: 1531 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
const PLACEHOLDER = /(【待填写：[^】]*】)/;

/** Text as runs, placeholders highlighted. */
function runs(text: string, extra: { bold?: boolean; size?: number; font?: object } = {}) {
  return text
    .split(PLACEHOLDER)
    .filter(Boolean)
    .map(
      (part) =>
        new TextRun({
          text: part,
          font: extra.font ?? BODY_FONT,
          size: extra.size ?? SIZE.body,
          bold: extra.bold,
          ...(PLACEHOLDER.test(part) ? { highlight: "yellow" as const } : {}),
        })
    );
}

const bodyParagraph = (text: string, footnote?: number) =>
  new Paragraph({
    children: [...runs(text), ...(footnote ? [new FootnoteReferenceRun(footnote)] : [])],
    indent: { firstLine: 640 },
    spacing: { line: 560, lineRule: "exact" as const },
    alignment: AlignmentType.JUSTIFIED,
  });

function cell(text: string, right: boolean, header: boolean): TableCell {
  return new TableCell({
    children: [
      new Paragraph({
        children: runs(text, { size: SIZE.table, bold: header }),
        alignment: header ? AlignmentType.CENTER : right ? AlignmentType.RIGHT : AlignmentType.LEFT,
      }),
    ],
  });
}

/** Text width of the page (A4 less margins) shared out by relative widths, in twips. */
function twips(widths: readonly number[]): number[] {
  const total = widths.reduce((a, b) => a + b, 0);
  return widths.map((w) => Math.floor((TEXT_WIDTH * w) / total));
}

function table(t: ReportTable): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  if (t.title)
    out.push(
      new Paragraph({ children: runs(t.title, { bold: true }), alignment: AlignmentType.CENTER })
    );
  if (t.unit)
    out.push(
      new Paragraph({
        children: runs(t.unit, { size: SIZE.table }),
        alignment: AlignmentType.RIGHT,
      })
    );
  out.push(
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: twips(t.widths),
      rows: [
        new TableRow({ tableHeader: true, children: t.header.map((h) => cell(h, false, true)) }),
        ...t.rows.map(
          (r) => new TableRow({ children: r.map((v, i) => cell(v, t.numeric[i], false)) })
        ),
      ],
    })
  );
  return out;
}

function block(b: ReportBlock, footnotes: string[]): (Paragraph | Table)[] {
  if (b.kind === "table") return table(b);
  if (b.kind === "heading")
    return [
      new Paragraph({
        children: runs(b.text, { font: HEADING_FONTS[b.level], bold: b.level === 1 }),
        indent: { firstLine: 640 },
        spacing: { before: 120, after: 120 },
      }),
    ];
  if (b.kind === "paragraph" && b.footnote) {
    footnotes.push(b.footnote);
    return [bodyParagraph(b.text, footnotes.length)];
  }
  return [bodyParagraph(b.text)];
}

/** The .docx bytes of a draft. */
export async function reportDocx(draft: ReportDraft): Promise<Uint8Array> {
  const footnotes: string[] = [];
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      children: runs(draft.title, { size: SIZE.title, font: HEADING_FONTS[1] }),
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
    }),
    ...draft.front.map((line) => new Paragraph({ children: runs(line) })),
    new Paragraph({ children: [] }),
  ];
  for (const b of draft.blocks) children.push(...block(b, footnotes));
  const doc = new Document({
    creator: "绩效自评助手",
    lastModifiedBy: "绩效自评助手",
    title: draft.title,
    footnotes: Object.fromEntries(
      footnotes.map((text, i) => [
        i + 1,
        { children: [new Paragraph({ children: runs(text, { size: 20 }) })] },
      ])
    ),
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: 1440, bottom: 1440, left: PAGE.margin, right: PAGE.margin },
          },
        },
        children,
      },
    ],
  });
  return Packer.pack(doc, "uint8array");
}
