/**
 * Accessibility in chromium: axe-core (from npm, injected into the page) over the task pane in
 * every state and over the playground, failing on any violation of serious or critical impact;
 * and a keyboard-only run of 重新计算 → a gap's cell link → settings save, asserting where focus
 * is after each and what the status line announces.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import type { FakeSheetSeed } from "../test/fakes/fakeExcel";
import { seedsFromXlsx } from "../test/fakes/fromXlsx";
import { type PaneOptions, openTaskPane, paneSuite } from "./browser";

const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const PROJECTS_SAMPLE = join(__dirname, "..", "samples", "foshan-sbj-2022-projects.xlsx");

const suite = paneSuite();

interface Violation {
  id: string;
  impact: string;
  nodes: string[];
}

/** axe-core's violations of serious or critical impact on the page as it is now. */
async function seriousViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    type AxeResult = {
      id: string;
      impact: string;
      nodes: { target: string[]; failureSummary: string }[];
    };
    const axe = (
      window as unknown as { axe: { run(d: Document): Promise<{ violations: AxeResult[] }> } }
    ).axe;
    const { violations } = await axe.run(document);
    return violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary}`),
    }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

function openPane(options: Partial<PaneOptions> = {}): Promise<Page> {
  return openTaskPane(suite.browser, suite.base, suite.fake, { seeds: suite.seeds, ...options });
}

/** Opens every collapsed section, and each project's list of problems. */
async function openAllSections(page: Page): Promise<void> {
  const closed = page.locator('h2 > button[aria-expanded="false"]');
  while ((await closed.count()) > 0) await closed.first().click();
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
}

describe("axe-core over the task pane", () => {
  it("scored, then with every section open: no serious or critical violation", async () => {
    const page = await openPane();
    expect(await seriousViolations(page)).toEqual([]);
    await openAllSections(page);
    expect(await page.getByRole("heading", { level: 2 }).count()).toBe(6);
    expect(await seriousViolations(page)).toEqual([]);
    // Targets at least 24 px tall (WCAG 2.2), and no text under 14 px.
    const small = await page.evaluate(() =>
      Array.from(document.querySelectorAll("main button, main summary, main select"))
        .filter((el) => {
          const height = el.getBoundingClientRect().height;
          return height > 0 && height < 24;
        })
        .map((el) => el.textContent)
    );
    expect(small).toEqual([]);
    const tiny = await page.evaluate(() =>
      Array.from(document.querySelectorAll("main *"))
        .filter((el) =>
          Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent?.trim())
        )
        .filter((el) => parseFloat(getComputedStyle(el).fontSize) < 14)
        .map((el) => el.textContent)
    );
    expect(tiny).toEqual([]);
    await page.close();
  });

  it("53 project forms, all open", async () => {
    const page = await openPane({ seeds: await seedsFromXlsx(PROJECTS_SAMPLE) });
    await openAllSections(page);
    expect(await page.locator("li[data-project]").count()).toBe(53);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it("an empty workbook shows only the guidance", async () => {
    const page = await openPane({
      seeds: [{ name: "Sheet1" }],
      ready: (p) => p.getByText("没有找到预算支出明细表和绩效指标表", { exact: false }).waitFor(),
    });
    expect(await page.getByText(/处输入需要修改/).count()).toBe(0);
    expect(await page.getByTestId("announcement").textContent()).toBe("未找到输入表");
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it("input errors and a host failure (as an alert)", async () => {
    const broken = structuredClone(suite.seeds);
    const budget = broken.find((s) => s.name === "预算支出") as FakeSheetSeed;
    budget.cells = { ...(budget.cells ?? {}), C5: "二千" };
    const page = await openPane({ seeds: broken });
    await page.getByText("有 1 处输入需要修改", { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // The workbook is closed under the pane: the failure is shown, in Chinese, as an alert.
    await page.evaluate(() => {
      (window as unknown as { __fake: { failSyncsWith: string } }).__fake.failSyncsWith =
        "InactiveWorkbook";
    });
    await page.getByRole("button", { name: "重新计算" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "出错了" });
    await alert.waitFor();
    expect(await alert.textContent()).toContain("工作簿");
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it("dark theme, a 320 px pane, and the English UI", async () => {
    for (const options of [{ dark: true }, { width: 320 }]) {
      const page = await openPane(options);
      await openAllSections(page);
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    }
    const page = await openPane();
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("button", { name: "Recalculate" }).waitFor();
    await openAllSections(page);
    expect(await seriousViolations(page)).toEqual([]);
    // Chinese content is marked for a Chinese voice inside the English UI.
    expect(await page.locator('main[lang="en-US"] [lang="zh-CN"]').count()).toBeGreaterThan(50);
    await page.close();
  });
});

describe("keyboard only", () => {
  /** Presses Tab until the focused element matches, at most `limit` times. */
  async function tabTo(page: Page, matches: (el: Element) => boolean, limit = 60): Promise<void> {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press("Tab");
      const found = await page.evaluateHandle(() => document.activeElement);
      if (await found.evaluate(matches)) return;
    }
    throw new Error("not reached by Tab");
  }
  const focused = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return el.getAttribute("aria-label") ?? el.textContent ?? "";
    });

  it("重新计算 → a gap's cell → settings save: focus stays, the outcome is announced", async () => {
    const page = await openPane();
    const announcement = page.getByTestId("announcement");
    await tabTo(page, (el) => el.textContent === "重新计算");
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="announcement"]')
          ?.textContent?.startsWith("计算完成：总分 95.18 分，等级 优") === true
    );
    expect(await announcement.getAttribute("aria-live")).toBe("polite");
    expect(await focused(page)).toBe("重新计算");

    // Named by a hidden 定位到 and the address (marked Chinese), not an aria-label.
    await tabTo(page, (el) => el.textContent === "定位到 绩效指标!D9");
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      () =>
        (window as unknown as { __fake: { selection: { address: string } | null } }).__fake
          .selection?.address === "D9"
    );
    expect(await focused(page)).toBe("定位到 绩效指标!D9");

    await tabTo(page, (el) => el.textContent === "评分标准与设置");
    await page.keyboard.press("Enter");
    await tabTo(
      page,
      (el) =>
        el.tagName === "SELECT" && el.closest("label")?.textContent?.startsWith("计入得分") === true
    );
    await page.keyboard.press("ArrowDown");
    await tabTo(page, (el) => el.textContent === "保存到工作簿并重新计算");
    await page.keyboard.press("Enter");
    await page.getByText("设置已保存到“绩效自评设置”工作表。").waitFor();
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="announcement"]')
          ?.textContent?.startsWith("计算完成：总分 95.22 分，等级 优") === true
    );
    expect(await focused(page)).toBe("保存到工作簿并重新计算");
    await page.close();
  });
});

describe("axe-core over the playground", () => {
  it("before a file is loaded, and with the sample scored and its summary shown", async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${suite.base}/playground.html`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(await page.getByRole("main").count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "载入示例工作簿" }).click();
    await page.getByTestId("total").waitFor();
    await page.getByRole("button", { name: "重新计算" }).click();
    await page.getByRole("tab", { name: "绩效自评汇总" }).click();
    expect(await page.getByRole("tab", { selected: true }).textContent()).toBe("绩效自评汇总");
    // Arrow keys move between the sheet tabs.
    await page.keyboard.press("ArrowRight");
    expect(await page.getByRole("tab", { selected: true }).textContent()).not.toBe("绩效自评汇总");
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});

describe("pages around the pane", () => {
  it("the help pages (SupportUrl, LearnMoreUrl) and the old-engine guidance", async () => {
    for (const file of ["help.html", "help-standard.html", "help-sheets.html", "old-engine.html"]) {
      const page = await suite.browser.newPage({ viewport: { width: 1024, height: 900 } });
      const failed: string[] = [];
      page.on("response", (r) => {
        if (r.status() >= 400) failed.push(r.url());
      });
      await page.goto(`${suite.base}/${file}`);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      expect(failed).toEqual([]);
      // Every picture the guide shows is there.
      const broken = await page.evaluate(() =>
        Array.from(document.images)
          .filter((img) => !img.complete || img.naturalWidth === 0)
          .map((img) => img.src)
      );
      expect(broken).toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    }
  });
});
