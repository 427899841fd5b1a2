/** Browser-test plumbing: Debian chromium via playwright-core, dist/ served on 127.0.0.1. */
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import type { AddressInfo, Server } from "node:net";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";

export const ROOT = join(__dirname, "..");
export const DIST = join(ROOT, "dist");
export const SCREENSHOTS = join(ROOT, "out", "screenshots");

export function ensureBuilt(): void {
  if (!existsSync(join(DIST, "taskpane.html")) || !existsSync(join(DIST, "playground.html"))) {
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
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require("esbuild") as typeof import("esbuild");
  const result = esbuild.buildSync({
    entryPoints: [join(__dirname, "browserFake.ts")],
    bundle: true,
    format: "iife",
    write: false,
    target: "es2020",
  });
  return result.outputFiles[0].text;
}
