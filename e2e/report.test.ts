/**
 * The 自评报告 draft in a real word processor: `jixiao report` on the sample writes a .docx that
 * headless LibreOffice converts to an A4 PDF; its text holds the seed's figures, the grade note
 * and the marked placeholders; page 1 is rendered to out/print/report-page1.png (the picture in
 * docs/images/report-page.png is a copy).
 */
import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { main } from "../src/cli/main";
import { SAMPLE_PATH } from "../test/parse/sampleSnapshot";
import { ensureOut, pageToPng, pdfPages, toPdf } from "./tools";

const A4 = { width: 595.3, height: 841.9 };

describe("自评报告 draft (.docx → LibreOffice → PDF)", () => {
  it("opens in LibreOffice as an A4 document holding the seed's figures", async () => {
    const docx = join(ensureOut(), "report.docx");
    const code = await main(["report", SAMPLE_PATH, "--out", docx], {
      out: () => undefined,
      err: () => undefined,
    });
    expect(code).toBe(0);
    const pdf = toPdf(docx, ensureOut());
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const p of pages) {
      expect(Math.abs(p.width - A4.width)).toBeLessThan(1);
      expect(Math.abs(p.height - A4.height)).toBeLessThan(1);
    }
    // pdftotext breaks lines where the page does: compare without whitespace.
    const text = pages
      .map((p) => p.text)
      .join("")
      .replace(/\s+/g, "");
    for (const sentence of [
      "佛山市社会保险基金管理局2022年度部门整体支出绩效自评报告",
      "2022年部门整体支出46,665.43万元，其中：基本支出2,908.01万元，项目支出43,757.42万元",
      "部门预算支出明细表",
      "绩效得分为95.18分，绩效等级为“优”",
      "该指标分值10分，自评得分5.18分。",
      "绩效等级：总分≥90为优，80≤总分<90为良，60≤总分<80为中，总分<60为差。",
      "四、存在问题",
      "一是预算执行进度有待加快。",
      "贯彻执行国家、省、市有关社会保险基金管理的法律、法规和政策规定。",
      "部门负责人（签名）：郭家新",
      "【待填写：预算绩效管理情况的情况说明】",
    ])
      expect({ sentence, found: text.includes(sentence) }).toEqual({ sentence, found: true });
    const png = pageToPng(pdf, 1, join(ensureOut(), "report-page1"));
    // A page with ink on it, not a blank render: the PNG holds more than a few KB.
    const size = Number(execFileSync("stat", ["-c", "%s", png], { encoding: "utf8" }));
    expect(size).toBeGreaterThan(20_000);
  }, 120_000);

  it("keeps each amount of a budget table kept in 元 on one line of its cell", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(SAMPLE_PATH);
    const sheet = workbook.getWorksheet("预算支出")!;
    sheet.getCell("D2").value = "单位：元";
    for (let row = 4; row <= 12; row++)
      for (const column of ["B", "C", "D"]) {
        const cell = sheet.getCell(`${column}${row}`);
        if (typeof cell.value === "number") cell.value = Math.round(cell.value * 1_000_000) / 100;
      }
    const input = join(ensureOut(), "report-yuan.xlsx");
    await workbook.xlsx.writeFile(input);
    const docx = join(ensureOut(), "report-yuan.docx");
    const io = { out: () => undefined, err: () => undefined };
    expect(await main(["report", input, "--out", docx], io)).toBe(0);
    const text = pdfPages(toPdf(docx, ensureOut()))
      .map((p) => p.text)
      .join("\n");
    // The 合计 row in 元: whole, never broken across two lines of its cell.
    for (const amount of ["405,687,300.00", "523,621,400.00", "466,654,300.00"])
      expect({ amount, whole: text.includes(amount) }).toEqual({ amount, whole: true });
  }, 120_000);
});
