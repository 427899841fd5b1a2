/**
 * The 核对清单 as `jixiao score` writes it, for print: rows as tall as their wrapped text (no
 * writer fits rows, so text a row cannot hold is cut on paper) and one table's header repeated
 * on every later page (_xlnm.Print_Titles).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../src/cli/main";
import { SAMPLE_PATH } from "./parse/sampleSnapshot";

const PROJECTS_SAMPLE = join(__dirname, "..", "samples", "foshan-sbj-2022-projects.xlsx");
const dir = mkdtempSync(join(tmpdir(), "jixiao-checklist-print-"));

/** Scores `input` into a new file and returns the file's path. */
async function scored(input: string, name: string): Promise<string> {
  const output = join(dir, name);
  const code = await main(["score", input, "--out", output, "--date", "2026-11-27"], {
    out: () => undefined,
    err: () => undefined,
  });
  expect(code).toBe(0);
  return output;
}

/** The 核对清单's print titles as workbook.xml defines them (`'核对清单'!$18:$18`). */
async function printTitles(path: string): Promise<string | undefined> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const xml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const sheets = [...xml.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1]);
  const index = sheets.indexOf("核对清单");
  const defined = new RegExp(
    `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">([^<]*)</definedName>`
  ).exec(xml);
  return defined?.[1].replace(/&apos;/g, "'");
}

async function checklist(path: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.getWorksheet("核对清单") as ExcelJS.Worksheet;
}

/** The 1-based row whose column A reads `text`. */
function rowWith(sheet: ExcelJS.Worksheet, text: string): number {
  for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getCell(r, 1).value === text) return r;
  throw new Error(`no row ${text}`);
}

describe("核对清单 as written by jixiao score, for print", () => {
  it("makes each project line as tall as its wrapped 来源 (a form's sheet name and cell)", async () => {
    const sheet = await checklist(await scored(PROJECTS_SAMPLE, "项目.xlsx"));
    const header = rowWith(sheet, "序号");
    expect(sheet.getCell(header, 9).value).toBe("来源");
    let lines = 0;
    for (let r = header + 1; sheet.getCell(r, 1).value === lines + 1; r++) {
      lines++;
      const source = String(sheet.getCell(r, 9).value);
      // “社会保险经办服务外包项目!B3”: 27 half-width characters in 8 pt, in a column 13 wide
      // (about 16 at 8 pt), print on two lines; the row holds them both.
      expect(source).toMatch(/!B3$/);
      expect(sheet.getRow(r).height).toBeGreaterThanOrEqual(2 * 8 * 1.2);
    }
    expect(lines).toBe(53);
  }, 60_000);

  it("repeats the project list's header on every later page, the longest table", async () => {
    const path = await scored(PROJECTS_SAMPLE, "项目标题.xlsx");
    const header = rowWith(await checklist(path), "序号");
    expect(await printTitles(path)).toBe(`'核对清单'!$${header}:$${header}`);
  }, 60_000);

  it("repeats the indicator table's header when there is no project list", async () => {
    const path = await scored(SAMPLE_PATH, "部门.xlsx");
    const sheet = await checklist(path);
    const header = rowWith(sheet, "一级指标");
    expect(sheet.getCell(header, 4).value).toBe("填报得分");
    expect(await printTitles(path)).toBe(`'核对清单'!$${header}:$${header}`);
  }, 60_000);
});
