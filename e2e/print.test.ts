/**
 * Print check with a real spreadsheet program: the scored workbook's 绩效自评汇总 sheet,
 * rendered by headless LibreOffice to PDF, is A4 portrait, one page wide, repeats its title
 * rows on every page, and carries the Chinese text in its text layer. Page 1 is rendered to
 * out/print/summary-page1.png for a person to look at.
 */
import ExcelJS from "exceljs";
import { join } from "node:path";
import { FileWorkbook } from "../src/hosts/file/fileWorkbook";
import { recalculate } from "../src/pipeline/recalculate";
import { SAMPLE_PATH } from "../test/parse/sampleSnapshot";

const PROJECTS_SAMPLE = join(__dirname, "..", "samples", "foshan-sbj-2022-projects.xlsx");
import { ensureOut, pageToPng, pdfFonts, pdfPages, toPdf } from "./tools";

const A4 = { width: 595.3, height: 841.9 };
const TITLE = "佛山市社会保险基金管理局 2022 年度部门整体支出绩效自评表";

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

describe("print check (LibreOffice → PDF)", () => {
  it("prints the scored sample on A4, one page wide, with the Chinese text in the text layer", async () => {
    const book = await FileWorkbook.fromFile(SAMPLE_PATH);
    await recalculate(book, { date: "2026-11-27" });
    const pdf = toPdf(await summaryOnly(book, "summary.xlsx"), ensureOut());
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(3);
    expectA4Portrait(pages);
    const all = pages.map((p) => p.text).join("\n");
    for (const text of [
      TITLE,
      "一、预算支出情况",
      "二、指标得分",
      "三、总分与等级",
      "四、问题清单",
      "财政支出执行率",
      "95.18",
      "部门负责人（签名）",
      "填报人",
    ]) {
      expect(all).toContain(text);
    }
    pages.forEach((p, i) => {
      // The title rows repeat on every page, and nothing spills to a page to the right.
      expect(p.text).toContain(TITLE);
      // pdftotext drops the spaces around the page fields.
      expect(p.text).toMatch(new RegExp(`第\\s*${i + 1}\\s*页\\s*共\\s*${pages.length}\\s*页`));
    });
    expect(pdfFonts(pdf)).toMatch(/NotoSansCJK/);
    const png = pageToPng(pdf, 1, join(ensureOut(), "summary-page1"));
    expect(png).toMatch(/summary-page1\.png$/);
  });

  it("repeats the title rows on page 2 of a long project list", async () => {
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
    const pdf = toPdf(await summaryOnly(book, "summary-long.xlsx"), ensureOut());
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expectA4Portrait(pages);
    expect(pages[1].text).toContain(TITLE);
    expect(pages[1].text).toContain("单位：万元");
    const last = pages[pages.length - 1].text;
    expect(last).toContain(TITLE);
    expect(last).toContain("社保经办项目 120");
    expect(last).toContain("部门负责人（签名）");
    for (const p of pages) expect(p.text).toContain(TITLE);
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
