/**
 * Browser tests in headless Debian chromium (playwright-core):
 * (1) the built task pane with office.js stubbed and the Excel test double injected;
 * (2) the playground on the bundled sample: score, download, open the download in LibreOffice.
 * Screenshots go to out/screenshots/.
 */
import ExcelJS from "exceljs";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { seedsFromXlsx } from "../test/fakes/fromXlsx";
import type { FakeSheetSeed } from "../test/fakes/fakeExcel";
import { readWorkbook } from "../src/hosts/file/readWorkbook";
import { scoreSnapshot } from "../src/pipeline/scoreWorkbook";

const PROJECTS_SAMPLE = join(__dirname, "..", "samples", "foshan-sbj-2022-projects.xlsx");
import { type PaneOptions, SCREENSHOTS, openTaskPane, paneSuite } from "./browser";
import { pdfPages, toPdf } from "./tools";

const suite = paneSuite();

beforeAll(() => mkdirSync(SCREENSHOTS, { recursive: true }));

function openPane(options: Partial<PaneOptions> = {}): Promise<Page> {
  return openTaskPane(suite.browser, suite.base, suite.fake, { seeds: suite.seeds, ...options });
}

describe("task pane in chromium (Excel test double)", () => {
  it("recalculates: writes the summary sheet; clicking a gap selects its cell", async () => {
    const page = await openPane();
    expect(await page.getByTestId("total").textContent()).toBe("95.18");
    expect(await page.getByTestId("grade").textContent()).toBe("优");
    await page.screenshot({ path: join(SCREENSHOTS, "pane-light.png"), fullPage: true });

    await page.getByRole("button", { name: "重新计算" }).click();
    await page.getByText("已写入“绩效自评汇总”、“核对清单”工作表。", { exact: false }).waitFor();
    const sheets = await page.evaluate(() =>
      (window as unknown as { __fake: { sheetNames(): string[] } }).__fake.sheetNames()
    );
    expect(sheets).toContain("绩效自评汇总");
    const a1 = await page.evaluate(
      () =>
        (
          window as unknown as { __fake: { cell(s: string, a: string): { value: unknown } } }
        ).__fake.cell("绩效自评汇总", "A1").value
    );
    expect(a1).toBe("佛山市社会保险基金管理局 2022 年度部门整体支出绩效自评表");

    await page.getByRole("button", { name: "定位到 绩效指标!D9" }).first().click();
    await page.waitForFunction(() => {
      const sel = (
        window as unknown as { __fake: { selection: { sheet: string; address: string } | null } }
      ).__fake.selection;
      return sel?.sheet === "绩效指标" && sel.address === "D9";
    });
    await page.close();
  });

  it("inserts the 评分标准 sheet; a parameter edited in it changes the score at 重新计算", async () => {
    const page = await openPane();
    await page.getByRole("button", { name: "评分标准与设置" }).click();
    expect(await page.getByTestId("standard-source").textContent()).toBe(
      "来源：预设（按佛山市 2022 年度匹配）"
    );
    await page.getByRole("button", { name: "插入评分标准" }).click();
    await page.getByText("已插入 1 张工作表：评分标准。", { exact: false }).waitFor();
    await page.getByText("来源：本工作簿的“评分标准”表").waitFor();
    // A finance officer types a new 零分线 (H18) and raises the 优 line (C28) in the sheet.
    await page.evaluate(async () => {
      type Ctx = {
        workbook: {
          worksheets: { getItem(n: string): { getRange(a: string): { values: unknown[][] } } };
        };
        sync(): Promise<void>;
      };
      const fake = (
        window as unknown as { __fake: { run(f: (c: Ctx) => Promise<void>): Promise<void> } }
      ).__fake;
      await fake.run(async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem("评分标准");
        sheet.getRange("H18").values = [["50%"]];
        sheet.getRange("C28").values = [[96]];
        await ctx.sync();
      });
    });
    await page.getByRole("button", { name: "重新计算", exact: true }).click();
    await page.getByText("已写入“绩效自评汇总”、“核对清单”工作表。", { exact: false }).waitFor();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="grade"]')?.textContent === "良"
    );
    // 10 × (80.87% − 50%) ÷ 50% = 6.17 computed; the entered 5.18 still counts.
    const row = page.locator('[data-indicator="executionRate"]');
    expect(await row.textContent()).toContain("6.17");
    expect(await page.getByTestId("total").textContent()).toBe("95.18");
    await page.screenshot({ path: join(SCREENSHOTS, "pane-standard.png"), fullPage: true });
    await page.close();
  });

  it("lists the 53 project forms weakest first; a click on a project's problem selects its cell", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(PROJECTS_SAMPLE);
    const { evaluation } = scoreSnapshot(readWorkbook(book));
    const results = evaluation.projects?.results ?? [];
    const weakest = [...results].sort((a, b) => a.total.comparedTo(b.total))[0];
    const gap = weakest.gaps.find((g) => g.cell) ?? results.flatMap((r) => r.gaps)[0];
    const owner = results.find((r) => r.gaps.includes(gap)) ?? weakest;
    expect(gap?.cell).toMatch(/!/);

    const page = await openPane({ seeds: await seedsFromXlsx(PROJECTS_SAMPLE) });
    await page.getByText("项目自评（53）").click();
    const mean = evaluation.metrics.projectFundWeightedScore?.value?.toFixed(2) as string;
    expect(await page.getByTestId("project-weighted").textContent()).toContain(mean);
    const first = page.locator("li[data-project]").first();
    expect(await first.getAttribute("data-project")).toBe(weakest.name);
    expect(await page.locator("li[data-project]").count()).toBe(53);

    const item = page.locator(`li[data-project="${owner.name}"]`);
    await item.getByText(/问题 \d+ 处/).click();
    await item
      .getByRole("button", { name: `定位到 ${gap.cell}` })
      .first()
      .click();
    const [sheet, address] = (gap.cell as string).split("!");
    await page.waitForFunction(
      ([s, a]) => {
        const sel = (
          window as unknown as { __fake: { selection: { sheet: string; address: string } | null } }
        ).__fake.selection;
        return sel?.sheet === s && sel.address === a;
      },
      [sheet, address]
    );
    const section = page.locator("section", {
      has: page.getByRole("button", { name: "项目自评（53）" }),
    });
    await section.screenshot({ path: join(SCREENSHOTS, "pane-projects.png") });

    await page.getByRole("button", { name: "重新计算", exact: true }).click();
    await page.getByText("已写入“绩效自评汇总”、“核对清单”、“项目自评汇总”工作表。").waitFor();
    const a1 = await page.evaluate(
      () =>
        (
          window as unknown as { __fake: { cell(s: string, a: string): { value: unknown } } }
        ).__fake.cell("项目自评汇总", "A1").value
    );
    expect(a1).toBe("佛山市社会保险基金管理局 2022 年度项目支出绩效自评汇总表");
    await page.close();
  });

  it("renders in Office's dark theme", async () => {
    const page = await openPane({ dark: true });
    const background = await page.evaluate(
      () =>
        getComputedStyle(document.querySelector(".fui-FluentProvider") as Element).backgroundColor
    );
    expect(background).not.toBe("rgb(255, 255, 255)");
    await page.screenshot({ path: join(SCREENSHOTS, "pane-dark.png"), fullPage: true });
    await page.close();
  });

  it("fits a 320 px wide pane without horizontal scrolling", async () => {
    const page = await openPane({ width: 320 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SCREENSHOTS, "pane-320.png"), fullPage: true });
    await page.close();
  });

  it("at 320 px with every section open (settings too), nothing is wider than the pane", async () => {
    const page = await openPane({ width: 320 });
    await page.getByTestId("total").waitFor();
    const closed = page.locator('h2 button[aria-expanded="false"]');
    while ((await closed.count()) > 0) await closed.first().click();
    // The settings' drop-downs are open on the page.
    expect(await page.getByRole("combobox").count()).toBeGreaterThanOrEqual(2);
    const offenders = await page.evaluate(() =>
      [...document.querySelectorAll("body *")]
        .map((el) => ({ el, box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 1 && box.right > window.innerWidth + 0.5)
        .map(({ el, box }) => `${el.tagName}.${el.className} ${Math.round(box.right)}px`)
    );
    expect(offenders).toEqual([]);
    expect(
      await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth
      )
    ).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SCREENSHOTS, "pane-320-settings.png"), fullPage: true });
    await page.close();
  });

  it("at 320 px long unbroken text from the workbook (an explanation, a URL) wraps, nothing scrolls sideways", async () => {
    const seeds = structuredClone(suite.seeds);
    const set = (sheet: string, cell: string, value: string) => {
      const seed = seeds.find((s) => s.name === sheet) as FakeSheetSeed;
      seed.cells = { ...seed.cells, [cell]: value };
    };
    set("绩效指标", "E9", "扣2.5分：" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".repeat(4));
    set(
      "基本信息",
      "B3",
      "https://jixiao.example.gov.cn/" + "department-of-social-insurance".repeat(3)
    );
    const page = await openPane({ width: 320, seeds });
    const closed = page.locator('h2 button[aria-expanded="false"]');
    while ((await closed.count()) > 0) await closed.first().click();
    await page.getByText("ABCDEFGHIJ", { exact: false }).first().waitFor();
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await page.close();
  });

  it("shows the cell-addressed message for a broken workbook", async () => {
    const broken = structuredClone(suite.seeds);
    const budget = broken.find((s) => s.name === "预算支出") as FakeSheetSeed;
    budget.cells = { ...(budget.cells ?? {}), C5: "二千" };
    const page = await openPane({ seeds: broken });
    await page.getByText("有 1 处输入需要修改", { exact: true }).waitFor();
    expect(await page.getByText("预算支出!C5：“二千”不是数字").count()).toBeGreaterThan(0);
    await page.getByRole("button", { name: "预算支出!C5：“二千”不是数字" }).first().click();
    await page.waitForFunction(
      () =>
        (window as unknown as { __fake: { selection: { address: string } | null } }).__fake
          .selection?.address === "C5"
    );
    await page.screenshot({ path: join(SCREENSHOTS, "pane-broken.png"), fullPage: true });
    await page.close();
  });

  it("is keyboard operable: Tab reaches 重新计算 and Enter runs it", async () => {
    const page = await openPane();
    let reached = false;
    for (let i = 0; i < 6 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = (await page.evaluate(() => document.activeElement?.textContent ?? "")).includes(
        "重新计算"
      );
    }
    expect(reached).toBe(true);
    await page.keyboard.press("Enter");
    await page.getByText("已写入“绩效自评汇总”、“核对清单”工作表。", { exact: false }).waitFor();
    await page.close();
  });
});

describe("Internet Explorer 11 / Edge Legacy webviews (simulated)", () => {
  it("the pane shows the Chinese guidance instead of a blank page", async () => {
    const page = await suite.browser.newPage({ viewport: { width: 360, height: 900 } });
    await page.route("https://appsforoffice.microsoft.com/**", (route) =>
      route.fulfill({ status: 200, contentType: "text/javascript", body: "/* office.js stub */" })
    );
    // As in those engines: ES2020 syntax does not parse, so neither do the bundles.
    await page.addInitScript(() => {
      const original = window.Function;
      window.Function = function (...args: string[]) {
        if (/\?\.|\?\?/.test(args[args.length - 1] ?? "")) throw new SyntaxError("Expected ':'");
        return original(...args);
      } as unknown as FunctionConstructor;
    });
    await page.route(/\/taskpane\.[0-9a-f]+\.js$/, (route) => route.abort());
    await page.goto(`${suite.base}/taskpane.html`);
    await page.waitForURL(/old-engine\.html$/);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(
      "绩效自评助手无法在此版本的 Excel 中运行"
    );
    expect(await page.getByText("Microsoft Edge WebView2 运行时", { exact: false }).count()).toBe(
      1
    );
    await page.screenshot({ path: join(SCREENSHOTS, "pane-old-engine.png"), fullPage: true });
    await page.close();
  });

  it("in Chromium the check does nothing: the pane runs", async () => {
    const page = await openPane();
    expect(page.url()).toMatch(/taskpane\.html$/);
    expect(await page.evaluate(() => "jixiaoOldEngine" in window)).toBe(false);
    await page.close();
  });
});

describe("playground in chromium (no Excel, no network)", () => {
  it("loads the sample, scores it, downloads a file that LibreOffice opens", async () => {
    const context = await suite.browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(`${suite.base}/playground.html`);
    await page.getByRole("button", { name: "载入示例工作簿" }).click();
    await page.getByTestId("total").waitFor();
    expect(await page.getByTestId("total").textContent()).toBe("95.18");

    await page.getByRole("button", { name: "重新计算" }).click();
    await page.getByRole("tab", { name: "绩效自评汇总" }).waitFor();
    await page.getByRole("button", { name: "定位到 绩效指标!D9" }).first().click();
    await page.locator('td[data-selected="true"][data-cell="D9"]').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, "playground.png") });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载已评分文件" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("foshan-sbj-2022.已评分.xlsx");
    const dir = join(__dirname, "..", "out", "playground");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, "scored.xlsx");
    await download.saveAs(file);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.getWorksheet("绩效自评汇总")?.getCell("A1").value).toBe(
      "佛山市社会保险基金管理局 2022 年度部门整体支出绩效自评表"
    );
    const pages = pdfPages(toPdf(file, dir));
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.map((p) => p.text).join("")).toContain("部门整体支出绩效自评表");
    // The 自评报告 draft as a Word file, built in the page.
    const [report] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载自评报告（Word）" }).click(),
    ]);
    expect(report.suggestedFilename()).toBe("foshan-sbj-2022.自评报告.docx");
    const docx = join(dir, "report.docx");
    await report.saveAs(docx);
    const reportText = pdfPages(toPdf(docx, dir))
      .map((p) => p.text)
      .join("")
      .replace(/\s+/g, "");
    expect(reportText).toContain("绩效得分为95.18分，绩效等级为“优”");
    // Everything came from 127.0.0.1: no network needed.
    expect(
      requests.filter(
        (u) => !u.startsWith(suite.base) && !u.startsWith("blob:") && !u.startsWith("data:")
      )
    ).toEqual([]);
    await context.close();
  });

  it("at 320 px the preview and its sheet tabs fit the page: the tabs wrap, nothing scrolls sideways", async () => {
    const context = await suite.browser.newContext({ viewport: { width: 320, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${suite.base}/playground.html`);
    await page.getByRole("button", { name: "载入示例工作簿" }).click();
    await page.getByTestId("total").waitFor();
    await page.getByRole("button", { name: "重新计算" }).click();
    await page.getByRole("tab", { name: "绩效自评汇总" }).click();
    const tabs = await page
      .getByRole("tab")
      .evaluateAll((els) =>
        els.map((el) => el.getBoundingClientRect()).map((b) => ({ top: b.top, right: b.right }))
      );
    expect(tabs.length).toBeGreaterThanOrEqual(7);
    expect(Math.max(...tabs.map((t) => t.right))).toBeLessThanOrEqual(320);
    expect(new Set(tabs.map((t) => Math.round(t.top))).size).toBeGreaterThan(1);
    expect(
      await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth
      )
    ).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SCREENSHOTS, "playground-320.png"), fullPage: true });
    await context.close();
  });
});
