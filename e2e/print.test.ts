/**
 * Print check with a real spreadsheet program (headless LibreOffice → PDF): the 绩效自评汇总 is
 * the submission — at most 2 A4 portrait pages for the seed, nothing of the tool on them, no
 * text under 9 pt (word heights measured in the PDF), the indicator header repeated — and the
 * 核对清单 prints on its own pages. Page 1 is rendered to out/print/summary-page1.png.
 */
import ExcelJS from "exceljs";
import { join } from "node:path";
import { FileWorkbook } from "../src/hosts/file/fileWorkbook";
import { readFileSync, writeFileSync } from "node:fs";
import { scoreWorkbookData } from "../src/cli/scoreFile";
import { evaluate } from "../src/evaluate/evaluate";
import { writeOwnedSheetIntoPackage } from "../src/hosts/file/packageWriter";
import { OWNER_NAMES } from "../src/hosts/ownership";
import { summaryLayout } from "../src/layout/summary";
import type { SheetLayout } from "../src/layout/sheetLayout";
import { at } from "../test/fixtures/layoutCells";
import { seedDepartment } from "../samples/seedDepartment";
import { withDeductedIndicators } from "../test/fixtures/longerEvaluation";
import { recalculate } from "../src/pipeline/recalculate";
import { SAMPLE_PATH } from "../test/parse/sampleSnapshot";

const PROJECTS_SAMPLE = join(__dirname, "..", "samples", "foshan-sbj-2022-projects.xlsx");
import {
  type PdfPage,
  ensureOut,
  pageToPng,
  pagesOf,
  pdfFonts,
  pdfPages,
  pdfWords,
  toPdf,
} from "./tools";

const A4 = { width: 595.3, height: 841.9 };
const TITLE = "佛山市社会保险基金管理局 2022 年度部门整体支出绩效自评表";
const CHECKLIST_TITLE = "佛山市社会保险基金管理局 2022 年度绩效自评核对清单";

/** Keeps only one sheet (the summary unless told), as printing that tab does. */
async function summaryOnly(
  book: FileWorkbook,
  file: string,
  sheet = "绩效自评汇总"
): Promise<string> {
  const copy = await FileWorkbook.fromBuffer(await book.toBuffer());
  for (const ws of [...copy.workbook.worksheets])
    if (ws.name !== sheet) copy.workbook.removeWorksheet(ws.id);
  const path = join(ensureOut(), file);
  await copy.workbook.xlsx.writeFile(path);
  return path;
}

function expectA4Portrait(pages: { width: number; height: number }[]): void {
  for (const p of pages) {
    expect(Math.abs(p.width - A4.width)).toBeLessThan(1);
    expect(Math.abs(p.height - A4.height)).toBeLessThan(1);
  }
}

/**
 * Height of a word's box (pdftotext -bbox) per point of font size for Noto Sans CJK as
 * LibreOffice prints it at 100% (measured: 10 pt → 13.01, 10.5 → 13.63, 16 → 20.78). A page
 * shrunk to fit its width shrinks the boxes with the text, so box ÷ 1.3 is the printed size.
 * Column widths are in characters of the workbook's Normal font (Calibri): CI installs Carlito,
 * its metric twin, or LibreOffice measures them in DejaVu Sans and shrinks every page to 80 %.
 */
const BOX_PER_POINT = 1.3;

/** The summary `layout` written into the sample's package and printed: its pages' text. */
async function printSummary(layout: SheetLayout, file: string): Promise<string[]> {
  const sample = new Uint8Array(readFileSync(SAMPLE_PATH));
  const written = await writeOwnedSheetIntoPackage(sample, layout, {
    markerName: OWNER_NAMES.summary,
    preferredName: layout.name,
  });
  writeFileSync(join(ensureOut(), file), written.data);
  const all = pdfPages(toPdf(join(ensureOut(), file), ensureOut()));
  // From the summary's first page (the sample's own sheets print before it) to the end.
  return pagesOf(all, "部门名称（公章）：", "\u0000").map((n) => all[n - 1].text);
}

describe("print check (LibreOffice → PDF): the submission and the 核对清单", () => {
  let pdf: string;
  let pages: PdfPage[];
  let summary: number[];
  let checklist: number[];

  beforeAll(async () => {
    // Scored as the command line scores it: our sheets written into the original package.
    const scored = await scoreWorkbookData(new Uint8Array(readFileSync(SAMPLE_PATH)), {
      date: "2026-11-27",
    });
    if (!scored.ok) throw new Error(scored.reason);
    const file = join(ensureOut(), "scored-sample.xlsx");
    writeFileSync(file, scored.data);
    pdf = toPdf(file, ensureOut());
    pages = pdfPages(pdf);
    summary = pagesOf(pages, TITLE, CHECKLIST_TITLE);
    checklist = pagesOf(pages, CHECKLIST_TITLE, "\u0000");
  }, 120_000);

  it("prints the seed's summary on at most 2 A4 portrait pages, the submission and nothing else", () => {
    expect(summary.length).toBeGreaterThanOrEqual(1);
    expect(summary.length).toBeLessThanOrEqual(2);
    expectA4Portrait(summary.map((n) => pages[n - 1]));
    const text = summary.map((n) => pages[n - 1].text).join("\n");
    for (const part of [
      TITLE,
      "部门名称（公章）：佛山市社会保险基金管理局",
      "一、部门预算支出明细表",
      "46,665.43",
      "二、绩效指标自评情况",
      "95.18",
      "三、存在问题",
      "四、改进措施",
      "部门负责人（签名）",
      "（部门公章）",
    ])
      expect(text).toContain(part);
    // Nothing about the tool: no parameters, no 待核对, no marks, no generated-by line.
    for (const tool of [
      "待核对",
      "得分保留小数位",
      "尾差",
      "评分参数",
      "填报得分",
      "●",
      "▲",
      "绩效自评助手",
    ])
      expect({ tool, found: text.includes(tool) }).toEqual({ tool, found: false });
  });

  it("repeats the indicator table's header only over the table's own rows, and no page holds only the signature", () => {
    const header = /一级指标\s+二级指标\s+三级指标\s+分值\s+自评得分\s+得分说明/;
    // The seed's table (its last row 报告未列明) ends on page 1: page 2 starts with 总分, no header.
    expect(pages[summary[0] - 1].text).toContain("报告未列明的指标");
    for (const n of summary.slice(1)) expect(pages[n - 1].text).not.toMatch(header);
    const last = pages[summary[summary.length - 1] - 1].text;
    const lines = last.split("\n").filter((l) => l.trim() && !/第\s*\d+\s*页/.test(l));
    expect(lines.filter((l) => !/部门负责人|（部门公章）|一级指标/.test(l)).length).toBeGreaterThan(
      0
    );
  });

  it("sets no text on the summary's pages under 9 pt (word heights measured in the PDF)", () => {
    const words = pdfWords(pdf, summary[0], summary[summary.length - 1]);
    expect(words.length).toBeGreaterThan(100);
    const smallest = Math.min(...words.map((w) => w.height)) / BOX_PER_POINT;
    expect(smallest).toBeGreaterThanOrEqual(9);
  });

  it("moves 改进措施 onto the signature's page where the signature would print alone", async () => {
    // The seed with 2 more indicators that lost points: without the last break LibreOffice
    // prints the signature block alone on the summary's last page (the first break keeps the
    // 履职效能 group whole).
    const layout = summaryLayout(withDeductedIndicators(evaluate(seedDepartment), 2));
    const breaks = layout.print?.rowBreaks ?? [];
    expect(breaks).toHaveLength(2);
    const lastPage = (printed: string[]) =>
      printed[printed.length - 1]
        .split("\n")
        .filter((l) => l.trim() && !/第\s*\d+\s*页|一级指标/.test(l));
    const printed = await printSummary(layout, "signature-kept.xlsx");
    const withBreak = lastPage(printed);
    // This table runs onto page 2: its header is repeated there.
    expect(printed.length).toBeGreaterThanOrEqual(2);
    expect(printed[1]).toMatch(/一级指标\s+二级指标\s+三级指标\s+分值\s+自评得分\s+得分说明/);
    expect(withBreak.some((l) => l.includes("四、改进措施"))).toBe(true);
    expect(withBreak.some((l) => l.includes("部门负责人（签名）"))).toBe(true);
    // The same page without that break: the signature and the seal alone (what the break avoids).
    const alone = lastPage(
      await printSummary(
        { ...layout, print: { ...layout.print!, rowBreaks: breaks.slice(0, 1) } },
        "signature-alone.xlsx"
      )
    );
    expect(alone.filter((l) => !/部门负责人|（部门公章）/.test(l))).toEqual([]);
  }, 120_000);

  it("names the 一级 on every page holding its rows, a long group split where the page turns", async () => {
    // 34 管理效率 rows (the seed's 4 and 第 1–30 项管理指标): more than a page; merged 18–32 and
    // 33–51, “管理效率（续）” heading the second part.
    const layout = summaryLayout(withDeductedIndicators(evaluate(seedDepartment), 30));
    const printed = await printSummary(layout, "group-split.xlsx");
    const extra = (n: number) => `第 ${n} 项管理指标`;
    const pageOf = (text: string) => printed.findIndex((p) => p.includes(text));
    // LibreOffice turns the page where the layout cut the group: row 32 holds 第 11 项, row 33 第 12 项.
    expect(at(layout, 32, 1)?.value).toBe(extra(11));
    expect(at(layout, 33, 1)?.value).toBe(extra(12));
    expect(pageOf(extra(12))).toBe(pageOf(extra(11)) + 1);
    // The pages the 管理效率 rows print on (the problem list below names them again).
    const holding = [...new Set([1, 11, 12, 30].map((n) => pageOf(extra(n))))];
    expect(holding).toEqual([0, 1]);
    for (const page of holding) expect(printed[page]).toContain("管理效率");
    // “管理效率（续）” wraps in its 8-character column: 管理效率 on one line, （续） below it.
    expect(printed[1].match(/管理效率|（续）/g)).toEqual(["管理效率", "（续）"]);
    // And a group that fits on one page moves there whole, heading and header with it.
    const moved = await printSummary(
      summaryLayout(withDeductedIndicators(evaluate(seedDepartment), 12)),
      "group-moved.xlsx"
    );
    const group = [1, 12].map((n) => moved.findIndex((p) => p.includes(extra(n))));
    expect(group).toEqual([1, 1]);
    expect(moved[1]).toContain("管理效率");
    expect(moved[1]).toContain("二、绩效指标自评情况");
    expect(moved[0]).not.toContain("二、绩效指标自评情况");
  }, 120_000);

  it("prints the 核对清单 on pages of its own, A4 landscape, with the parameters and 待核对 there", () => {
    expect(checklist.length).toBeGreaterThanOrEqual(1);
    expect(checklist[0]).toBeGreaterThan(summary[summary.length - 1]);
    for (const n of checklist) {
      expect(Math.abs(pages[n - 1].width - A4.height)).toBeLessThan(1);
      expect(pages[n - 1].text).toContain(CHECKLIST_TITLE);
      expect(pages[n - 1].text).not.toContain(TITLE);
      // Nothing above the title rows but the page header: a merged 一级 split by the page
      // break printed its name there.
      // Later pages repeat a table's header, not the title: the page header comes first there.
      const lines = pages[n - 1].text.split("\n").map((l) => l.trim());
      const title = lines.indexOf(CHECKLIST_TITLE);
      const above = lines.slice(0, title >= 0 ? title : 1 + lines.findIndex(Boolean));
      expect(above.filter(Boolean).every((l) => l.endsWith("（不报送）"))).toBe(true);
    }
    const text = checklist.map((n) => pages[n - 1].text).join("\n");
    for (const part of ["●待核对", "财政支出执行率：零分线", "尾差", "不随自评表报送"])
      expect(text).toContain(part);
    expect(pdfFonts(pdf)).toMatch(/NotoSansCJK/);
    pageToPng(pdf, summary[0], join(ensureOut(), "summary-page1"));
  });

  it("repeats the 核对清单's title rows on every page of a long project list", async () => {
    const book = await FileWorkbook.fromFile(SAMPLE_PATH);
    const sheet = book.workbook.getWorksheet("项目清单") as ExcelJS.Worksheet;
    for (let i = 0; i < 120; i++) {
      const row = sheet.getRow(4 + i);
      row.values = [
        `社保经办项目 ${String(i + 1).padStart(3, "0")}`,
        100 + i,
        90 + i,
        i % 17 === 0 ? "否" : "是",
        80 + (i % 20),
      ];
    }
    const result = await recalculate(book, { date: "2026-11-27" });
    expect(result.parse.input.projects).toHaveLength(120);
    const long = toPdf(await summaryOnly(book, "checklist-long.xlsx", "核对清单"), ensureOut());
    const all = pdfPages(long);
    expect(all.length).toBeGreaterThanOrEqual(3);
    for (const p of all) expect(p.text).toContain(CHECKLIST_TITLE);
    expect(all[all.length - 1].text).toContain("社保经办项目 120");
  });

  it("prints amounts too wide for the usual columns in full, never as ###", async () => {
    const book = await FileWorkbook.fromFile(SAMPLE_PATH);
    const sheet = book.workbook.getWorksheet("项目清单") as ExcelJS.Worksheet;
    const wide = [1234567890.12, 12345678901.23, 123456789012.34, 9876543.21];
    wide.forEach((v, i) => (sheet.getRow(4 + i).values = [`大型基建项目${i}`, v, v, "是", 90]));
    await recalculate(book, { date: "2026-11-30" });
    const pdf = toPdf(await summaryOnly(book, "checklist-wide.xlsx", "核对清单"), ensureOut());
    const all = pdfPages(pdf)
      .map((p) => p.text)
      .join("\n");
    for (const v of ["1,234,567,890.12", "12,345,678,901.23", "123,456,789,012.34", "9,876,543.21"])
      expect(all).toContain(v);
    expect(all).not.toContain("###");
  });
});

describe("print check of the project sheets", () => {
  const PROJECTS_TITLE = "佛山市社会保险基金管理局 2022 年度项目支出绩效自评汇总表";

  it("prints 项目自评汇总 of 53 forms on A4 landscape, one page wide, the column headings on every page", async () => {
    const book = await FileWorkbook.fromFile(PROJECTS_SAMPLE);
    await recalculate(book, { date: "2026-11-29" });
    const pdf = toPdf(await summaryOnly(book, "projects.xlsx", "项目自评汇总"), ensureOut());
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const [i, p] of pages.entries()) {
      expect(Math.abs(p.width - A4.height)).toBeLessThan(1);
      expect(Math.abs(p.height - A4.width)).toBeLessThan(1);
      expect(p.text).toMatch(
        /序号\s+项目名称\s+所在工作表\s+全年预算数\s+全年执行数\s+执行率\s+总分/
      );
      expect(p.text).toMatch(new RegExp(`第\\s*${i + 1}\\s*页\\s*共\\s*${pages.length}\\s*页`));
    }
    const all = pages.map((p) => p.text).join("\n");
    for (const text of [
      PROJECTS_TITLE,
      "合计（53 个项目）",
      "49,356.67",
      "43,757.42",
      "二、计入部门整体指标",
      "三、项目问题清单",
    ])
      expect(all).toContain(text);
    // Neighbouring cells print apart: a total never runs into its grade, nor a count into the
    // 主要偏差 beside it (“107.50无法评定”, “4—”).
    expect(all).not.toMatch(/\d(优|良|中|差|无法评定|—)/);
    pageToPng(pdf, 1, join(ensureOut(), "projects-page1"));
  });

  it("prints one project form on a single A4 portrait page", async () => {
    const book = await FileWorkbook.fromFile(PROJECTS_SAMPLE);
    const name = "社保卡发行与应用项目";
    const pdf = toPdf(await summaryOnly(book, "project-form.xlsx", name), ensureOut());
    const pages = pdfPages(pdf);
    expect(pages).toHaveLength(1);
    expectA4Portrait(pages);
    for (const text of [
      "项目支出绩效自评表",
      name,
      "年度资金总额",
      "年度指标值",
      "实际完成值",
      "总分",
    ])
      expect(pages[0].text).toContain(text);
    pageToPng(pdf, 1, join(ensureOut(), "project-form-page1"));
  });
});

describe("print check of the 评分标准 sheet", () => {
  it("prints a preset's sheet on A4 landscape, one page wide, the indicator header on every page", async () => {
    const { main } = await import("../src/cli/main");
    const file = join(ensureOut(), "评分标准-foshan-2022.xlsx");
    const code = await main(["standard", "foshan-2022", "--out", file], {
      out: () => undefined,
      err: () => undefined,
    });
    expect(code).toBe(0);
    const pdf = toPdf(file, ensureOut());
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    for (const [i, p] of pages.entries()) {
      expect(Math.abs(p.width - A4.height)).toBeLessThan(1);
      expect(Math.abs(p.height - A4.width)).toBeLessThan(1);
      // The header row of the indicator block repeats; nothing spills to a page to the right.
      expect(p.text).toMatch(/一级指标\s+二级指标\s+三级指标\s+分值\s+计分方法\s+考核内容/);
      expect(p.text).toMatch(new RegExp(`第\\s*${i + 1}\\s*页\\s*共\\s*${pages.length}\\s*页`));
    }
    const all = pages.map((p) => p.text).join("\n");
    for (const text of [
      "2022 年度佛山市市级部门整体支出绩效自评表",
      "线性区间得分",
      "执行率减调整率",
      "口径与核对设置",
      "填写说明",
    ])
      expect(all).toContain(text);
    expect(pdfFonts(pdf)).toMatch(/NotoSansCJK/);
    pageToPng(pdf, 1, join(ensureOut(), "standard-page1"));
  });
});

describe("print check of 汇总排名.xlsx", () => {
  it("prints the folder ranking on one A4 landscape page with page numbers", async () => {
    const { mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { main } = await import("../src/cli/main");
    const { buildSampleWorkbook } = await import("../scripts/make-samples");
    const dir = mkdtempSync(join(tmpdir(), "jixiao-ranking-"));
    for (const name of ["甲局", "乙局"])
      await buildSampleWorkbook().xlsx.writeFile(join(dir, `${name}.xlsx`));
    const out = join(ensureOut(), "ranking");
    const code = await main(["score", dir, "--out", out], {
      out: () => undefined,
      err: () => undefined,
    });
    expect(code).toBe(0);
    const pages = pdfPages(toPdf(join(out, "汇总排名.xlsx"), out));
    expect(pages).toHaveLength(1);
    expect(Math.abs(pages[0].width - A4.height)).toBeLessThan(1);
    expect(Math.abs(pages[0].height - A4.width)).toBeLessThan(1);
    expect(pages[0].text).toContain("佛山市社会保险基金管理局");
    expect(pages[0].text).toMatch(/第\s*1\s*页\s*共\s*1\s*页/);
  });
});
