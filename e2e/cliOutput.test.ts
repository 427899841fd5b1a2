/**
 * The command line's own output, with a real spreadsheet program: the summary sheet added to
 * the original package prints from LibreOffice like the sheet the add-in writes, and a workbook
 * saved by LibreOffice itself (another generator: shared strings, its own styles and theme) is
 * scored through the same package writer, every part but the listing ones kept as it was.
 */
import ExcelJS from "exceljs";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { scoreWorkbookData, scoreWorkbookFile } from "../src/cli/scoreFile";
import { SAMPLE_PATH } from "../test/parse/sampleSnapshot";
import { zipEntries } from "../test/hosts/packageTools";
import { convertWithLibreOffice, ensureOut, pagesOf, pdfPages, toPdf } from "./tools";

const A4 = { width: 595.3, height: 841.9 };
const TITLE = "佛山市社会保险基金管理局 2022 年度部门整体支出绩效自评表";
const SUMMARY = "绩效自评汇总";

const entries = zipEntries;

describe("the command line's output in LibreOffice", () => {
  it("prints the summary the CLI added to the package: A4 portrait, before the 核对清单", async () => {
    const output = join(ensureOut(), "cli-sample.已评分.xlsx");
    const outcome = await scoreWorkbookFile(SAMPLE_PATH, output, { date: "2026-11-27" });
    expect(outcome.status).toBe("scored");
    const pages = pdfPages(toPdf(output, ensureOut()));
    // The workbook's own sheets print first, then the summary (its title on page 1), then the
    // 核对清单.
    const summary = pagesOf(pages, TITLE, "核对清单").map((n) => pages[n - 1]);
    expect(summary.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeGreaterThan(summary.length);
    for (const p of summary) {
      expect(Math.abs(p.width - A4.width)).toBeLessThan(1);
      expect(Math.abs(p.height - A4.height)).toBeLessThan(1);
    }
    const text = summary.map((p) => p.text).join("\n");
    for (const expected of [
      "一、部门预算支出明细表",
      "二、绩效指标自评情况",
      "95.18",
      "部门负责人（签名）",
    ])
      expect(text).toContain(expected);
  });

  it("scores a workbook saved by LibreOffice through the package writer, keeping its parts", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-lo-"));
    const source = join(dir, "source.xlsx");
    copyFileSync(SAMPLE_PATH, source);
    const saved = convertWithLibreOffice(source, join(dir, "lo"), "xlsx");
    const input = new Uint8Array(readFileSync(saved));
    const before = await entries(input);
    // LibreOffice's own package: shared strings, its styles, its document properties.
    expect(before.has("xl/sharedStrings.xml")).toBe(true);
    expect(before.get("docProps/app.xml")?.toString()).toMatch(/LibreOffice/);

    const scored = await scoreWorkbookData(input, { date: "2026-11-27" });
    if (!scored.ok) throw new Error(scored.reason);
    expect(scored.via).toBe("package");
    expect(scored.result.evaluation.total.toString()).toBe("95.18");
    const after = await entries(scored.data);
    const changed = [...before.keys()].filter((n) => !before.get(n)!.equals(after.get(n)!));
    expect(changed.sort()).toEqual(
      [
        "[Content_Types].xml",
        "xl/_rels/workbook.xml.rels",
        "xl/styles.xml",
        "xl/workbook.xml",
      ].sort()
    );
    // Two new sheet parts: the summary and the 核对清单.
    expect([...after.keys()].filter((n) => !before.has(n))).toEqual([
      expect.stringMatching(/^xl\/worksheets\/sheet\d+\.xml$/),
      expect.stringMatching(/^xl\/worksheets\/sheet\d+\.xml$/),
    ]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(scored.data as unknown as ArrayBuffer);
    expect(wb.getWorksheet(SUMMARY)!.getCell("A1").value).toBe(TITLE);
    const output = join(dir, "lo.已评分.xlsx");
    writeFileSync(output, scored.data);
    const text = pdfPages(toPdf(output, dir))
      .map((p) => p.text)
      .join("\n");
    expect(text).toContain(TITLE);
    expect(text).toContain("95.18");
    // And LibreOffice's copy, scored again, replaces its summary in place.
    const again = await scoreWorkbookData(scored.data, { date: "2026-11-28" });
    if (!again.ok) throw new Error(again.reason);
    expect(again.result.write).toMatchObject({ sheet: SUMMARY, replaced: true });
  });
});
