/**
 * The 网页版: one HTML file opened from file:// in chromium with the network off. Any request
 * fails the test. Open the sample through the file input, score it (95.18 / 优 on the page),
 * write the summary, save: the saved file is the original package with the summary added —
 * every sheet of the original byte for byte — and LibreOffice opens and prints it. A workbook
 * dropped on the page is opened too; several chosen together are ranked, 汇总排名.xlsx saved.
 */
import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { ZipPackage } from "../src/hosts/file/zipPackage";
import { readPackage } from "../src/hosts/file/packageReader";
import { SAMPLE_PATH } from "../test/parse/sampleSnapshot";
import { DIST, SCREENSHOTS, ensureBuilt, launch } from "./browser";
import { pdfPages, toPdf } from "./tools";

const WEB = join(DIST, "绩效自评助手-网页版.html");
const PROJECTS_SAMPLE = join(__dirname, "..", "samples", "foshan-sbj-2022-projects.xlsx");
const OUT = join(__dirname, "..", "out", "web");

let browser: Browser;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  ensureBuilt();
  mkdirSync(OUT, { recursive: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launch();
  context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    offline: true,
  });
  // Nothing may leave the machine: every request is recorded and refused.
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url === pathToFileURL(WEB).href) return route.continue();
    requests.push(url);
    return route.abort();
  });
  page = await context.newPage();
  page.on("request", (r) => {
    if (
      !r.url().startsWith("file:") &&
      !r.url().startsWith("data:") &&
      !r.url().startsWith("blob:")
    )
      requests.push(r.url());
  });
  await page.goto(pathToFileURL(WEB).href);
});

afterAll(async () => {
  await browser?.close();
});

describe("网页版 from file://, network off", () => {
  it("is one file with everything inside, and asks for nothing", () => {
    const html = readFileSync(WEB, "utf8");
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+rel="stylesheet"/i);
    expect(html).toContain("Content-Security-Policy");
    expect(html).not.toMatch(/exceljs/i);
  });

  it("opens the sample from the file input, scores 95.18 / 优, saves the package with the summary added", async () => {
    await page
      .getByRole("heading", { level: 1, name: "绩效自评助手 · 网页版（无需安装）" })
      .waitFor();
    await page.getByLabel("打开 .xlsx").setInputFiles(SAMPLE_PATH);
    await page.getByTestId("total").waitFor();
    expect(await page.getByTestId("total").textContent()).toBe("95.18");
    expect(await page.getByTestId("grade").textContent()).toBe("优");
    await page.getByRole("button", { name: "重新计算" }).click();
    await page.getByRole("tab", { name: "绩效自评汇总" }).click();
    // The summary previewed as it prints: number formats, merged title, column widths.
    const printed = page.locator('table[data-layout="绩效自评汇总"]');
    await printed.waitFor();
    const text = (await printed.textContent()) ?? "";
    for (const shown of ["95.18", "46,665.43", "89.12%"]) expect(text).toContain(shown);
    expect(text).not.toContain("0.8912");
    expect(await printed.locator("td[colspan]").count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS, "web-version.png") });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载已评分文件" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("foshan-sbj-2022.已评分.xlsx");
    const file = join(OUT, "scored.xlsx");
    await download.saveAs(file);

    const original = ZipPackage.read(new Uint8Array(readFileSync(SAMPLE_PATH)));
    const saved = ZipPackage.read(new Uint8Array(readFileSync(file)));
    const snapshot = readPackage(saved);
    expect(snapshot.ownedSheets?.summary).toBe("绩效自评汇总");
    // Every worksheet of the original is there byte for byte.
    const sheets = original.names().filter((n) => n.startsWith("xl/worksheets/sheet"));
    expect(sheets.length).toBeGreaterThan(3);
    for (const part of sheets) {
      expect(Buffer.from(saved.bytes(part) ?? [])).toEqual(Buffer.from(original.bytes(part) ?? []));
    }
    const pages = pdfPages(toPdf(file, OUT));
    expect(pages.map((p) => p.text).join("")).toContain("部门整体支出绩效自评表");
  });

  it("a zip that is not a workbook is refused in Chinese and changes nothing on the page", async () => {
    const notXlsx = join(OUT, "其实是文档.xlsx");
    writeFileSync(notXlsx, zipSync({ "word/document.xml": strToU8("<w:document/>") }));
    await page.getByLabel("打开 .xlsx").setInputFiles(notXlsx);
    await page.getByText("无法打开 其实是文档.xlsx：", { exact: false }).waitFor();
    expect(await page.getByText("foshan-sbj-2022.xlsx", { exact: true }).count()).toBe(1);
    expect(await page.getByTestId("total").textContent()).toBe("95.18");
  });

  it("a file that is not a zip is said to be no valid .xlsx, as an alert", async () => {
    const broken = join(OUT, "坏文件.xlsx");
    writeFileSync(broken, "not a zip");
    await page.getByLabel("打开 .xlsx").setInputFiles(broken);
    const refusal = page.getByText(
      "无法打开 坏文件.xlsx：不是有效的 .xlsx 文件（找不到压缩包目录）。"
    );
    await refusal.waitFor();
    expect(await page.getByRole("alert").filter({ has: refusal }).count()).toBe(1);
    expect(await page.getByTestId("total").textContent()).toBe("95.18");
  });

  it("opens a workbook dropped on the page", async () => {
    const bytes = readFileSync(PROJECTS_SAMPLE).toString("base64");
    await page.evaluate((b64) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], "projects.xlsx"));
      const main = document.querySelector("main") as HTMLElement;
      main.dispatchEvent(
        new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true })
      );
    }, bytes);
    await page.getByText("projects.xlsx").waitFor();
    await page.getByRole("button", { name: /项目自评（53）/ }).waitFor();
  });

  it("ranks several workbooks chosen together and saves 汇总排名.xlsx", async () => {
    const notAWorkbook = join(OUT, "坏文件.xlsx");
    writeFileSync(notAWorkbook, "not a zip");
    await page.getByLabel("打开 .xlsx").setInputFiles([SAMPLE_PATH, PROJECTS_SAMPLE, notAWorkbook]);
    const table = page.getByTestId("ranking");
    await table.waitFor();
    expect(await table.locator("tbody tr").count()).toBe(2);
    expect(await table.locator("tbody tr").first().textContent()).toContain("95.18");
    expect(await page.getByText("未能评分 坏文件.xlsx：", { exact: false }).count()).toBe(1);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载汇总排名.xlsx" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("汇总排名.xlsx");
    const file = join(OUT, "汇总排名.xlsx");
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets).toHaveLength(1);
    const text = JSON.stringify(book.worksheets[0].getSheetValues());
    expect(text).toContain("佛山市社会保险基金管理局");
    expect(text).toContain("坏文件.xlsx");
  });

  it("sent no request of any kind", () => {
    expect(requests).toEqual([]);
  });
});
