/** Browser-test plumbing: Debian chromium via playwright-core, dist/ served on 127.0.0.1. */
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import type { AddressInfo, Server } from "node:net";
import { join } from "node:path";
import { type Browser, type Page, chromium } from "playwright-core";
import type { FakeSheetSeed } from "../test/fakes/fakeExcel";
import { seedsFromXlsx } from "../test/fakes/fromXlsx";
import { SAMPLE_PATH } from "../test/parse/sampleSnapshot";

export const ROOT = join(__dirname, "..");
export const DIST = join(ROOT, "dist");
export const SCREENSHOTS = join(ROOT, "out", "screenshots");

export function ensureBuilt(): void {
  const pages = [
    "taskpane.html",
    "playground.html",
    "help.html",
    "old-engine.html",
    "绩效自评助手-网页版.html",
    "wps/taskpane.html",
  ];
  if (pages.some((page) => !existsSync(join(DIST, page)))) {
    execSync("npm run --silent build", { cwd: ROOT, stdio: "inherit" });
  }
}

export async function startServer(): Promise<{ server: Server; url: string }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { serve } = require("../scripts/serve.cjs") as {
    serve: (dir: string, port: number) => Promise<Server>;
  };
  const server = await serve(DIST, 0);
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** The Excel test double as one script for `page.addInitScript`. */
export function fakeBundle(): string {
  return bundleForPage("browserFake.ts");
}

/** The WPS (ET) test double as one script for `page.addInitScript`. */
export function fakeEtBundle(): string {
  return bundleForPage("browserFakeEt.ts");
}

function bundleForPage(entry: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require("esbuild") as typeof import("esbuild");
  const result = esbuild.buildSync({
    entryPoints: [join(__dirname, entry)],
    bundle: true,
    format: "iife",
    write: false,
    target: "es2020",
  });
  return result.outputFiles[0].text;
}

export interface PaneOptions {
  width?: number;
  dark?: boolean;
  seeds: FakeSheetSeed[];
  /** Other FakeExcel options (payload limits and the like). */
  fakeOptions?: Record<string, unknown>;
  /** What to wait for once loaded; default the total's test id. */
  ready?: (page: Page) => Promise<unknown>;
}

/**
 * The built task pane in a new page: office.js from the CDN answered with a stub (it cannot
 * load offline and would replace our Office), the Excel test double installed instead.
 * Fails on any page error.
 */
export async function openTaskPane(
  browser: Browser,
  base: string,
  fake: string,
  { width = 360, dark = false, seeds, fakeOptions = {}, ready }: PaneOptions
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.route("https://appsforoffice.microsoft.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript", body: "/* office.js stub */" })
  );
  const theme = dark ? { isDarkTheme: true, bodyBackgroundColor: "#262626" } : {};
  const options = JSON.stringify({ ...fakeOptions, sheets: seeds });
  await page.addInitScript(
    `${fake}\nwindow.__fake = new FakeExcel(${options});\nwindow.__fake.install(window, { officeTheme: ${JSON.stringify(theme)} });`
  );
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${base}/taskpane.html`);
  await (ready ? ready(page) : page.getByTestId("total").waitFor());
  if (errors.length > 0) throw new Error(`page errors: ${errors.join("; ")}`);
  return page;
}

/** What the pane's browser tests share: the built dist/ served, chromium, the Excel double, the sample. */
export interface PaneSuite {
  browser: Browser;
  server: Server;
  base: string;
  fake: string;
  seeds: FakeSheetSeed[];
}

/**
 * Starts a suite in `beforeAll` and closes it in `afterAll`; the returned object is filled in
 * once `beforeAll` has run.
 */
export function paneSuite(): PaneSuite {
  const suite = {} as PaneSuite;
  beforeAll(async () => {
    ensureBuilt();
    const served = await startServer();
    suite.server = served.server;
    suite.base = served.url;
    suite.browser = await launch();
    suite.fake = fakeBundle();
    suite.seeds = await seedsFromXlsx(SAMPLE_PATH);
  });
  afterAll(async () => {
    await suite.browser?.close();
    await new Promise((resolve) => suite.server?.close(resolve));
  });
  return suite;
}
