/**
 * The WPS 加载项 in chromium, on the ET test double installed as `window.Application` (the
 * double shared with the unit tests): the task pane scores the sample 95.18 / 优 and writes
 * the summary into the workbook; the ribbon's 重新计算 says the outcome in one sentence; 打开助手
 * creates the task pane once and shows it again after that; outside WPS the pane says where to go.
 */
import { readFileSync } from "node:fs";
import type { Server } from "node:net";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { readPackage } from "../src/hosts/file/packageReader";
import { ZipPackage } from "../src/hosts/file/zipPackage";
import { SAMPLE_PATH } from "../test/parse/sampleSnapshot";
import { SCREENSHOTS, ensureBuilt, fakeEtBundle, launch, startServer } from "./browser";

let browser: Browser;
let server: Server;
let base: string;
let fake: string;
const snapshot = JSON.stringify(
  readPackage(ZipPackage.read(new Uint8Array(readFileSync(SAMPLE_PATH))))
);

beforeAll(async () => {
  ensureBuilt();
  ({ server, url: base } = await startServer());
  browser = await launch();
  fake = fakeEtBundle();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** A page with WPS's Application: ET (the double) plus the ribbon's task-pane calls, recorded. */
async function wpsPage(path: string, width = 360): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.addInitScript(`${fake}
    const app = FakeEt.fromSnapshot(${snapshot});
    const storage = {};
    app.panes = [];
    app.CreateTaskPane = (url, title) => { const pane = { ID: "pane" + app.panes.length, Visible: false, url, title }; app.panes.push(pane); return pane; };
    app.GetTaskPane = (id) => app.panes.find((p) => p.ID === id) || null;
    app.PluginStorage = { getItem: (k) => storage[k] ?? null, setItem: (k, v) => { storage[k] = v; } };
    window.Application = app;`);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${base}/${path}`);
  expect(errors).toEqual([]);
  return page;
}

describe("WPS 加载项 on the ET double", () => {
  it("the task pane scores 95.18 / 优 and writes the summary into the workbook", async () => {
    const page = await wpsPage("wps/taskpane.html");
    await page.getByTestId("total").waitFor();
    expect(await page.getByTestId("total").textContent()).toBe("95.18");
    expect(await page.getByTestId("grade").textContent()).toBe("优");
    await page.getByRole("button", { name: "重新计算" }).click();
    await page.getByText("已写入“绩效自评汇总”、“核对清单”工作表。", { exact: false }).waitFor();
    const a1 = await page.evaluate(
      () =>
        (
          window as unknown as {
            Application: { sheet(n: string): { Range(a: string): { Value2: unknown } } };
          }
        ).Application.sheet("绩效自评汇总").Range("A1").Value2
    );
    expect(a1).toBe("佛山市社会保险基金管理局 2022 年度部门整体支出绩效自评表");
    await page.screenshot({ path: join(SCREENSHOTS, "wps-pane.png"), fullPage: true });
    await page.close();
  });

  it("the ribbon: 重新计算 says the outcome; 打开助手 creates the pane once, then shows it", async () => {
    const page = await wpsPage("wps/index.html");
    const said = new Promise<string>((resolve) =>
      page.once("dialog", (dialog) => {
        resolve(dialog.message());
        void dialog.accept();
      })
    );
    await page.evaluate(() =>
      (window as unknown as { OnAction(c: { Id: string }): void }).OnAction({
        Id: "jixiaoRecalculate",
      })
    );
    expect(await said).toBe(
      "计算完成：总分 95.18 分，等级 优；已写入“绩效自评汇总”、“核对清单”工作表。"
    );
    const panes = await page.evaluate(() => {
      const w = window as unknown as {
        OnAction(c: { Id: string }): void;
        Application: { panes: { url: string; Visible: boolean }[] };
      };
      w.OnAction({ Id: "jixiaoOpenPane" });
      w.Application.panes[0].Visible = false;
      w.OnAction({ Id: "jixiaoOpenPane" });
      return w.Application.panes.map((p) => ({ url: p.url, visible: p.Visible }));
    });
    expect(panes).toEqual([{ url: `${base}/wps/taskpane.html`, visible: true }]);
    await page.close();
  });

  it("outside WPS the pane says where to open it", async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/wps/taskpane.html`);
    await page.getByText("需要在 WPS 表格中打开", { exact: false }).waitFor();
    await page.close();
  });
});
