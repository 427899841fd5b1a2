/** README and docs/: every relative link resolves, nothing points outside the repository. */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

const ROOT = join(__dirname, "..");
const files = [
  "README.md",
  ...readdirSync(join(ROOT, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

describe("documents", () => {
  it.each(files)("%s: relative links resolve inside the repository", (file) => {
    const text = readFileSync(join(ROOT, file), "utf8");
    const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)]
      .map((m) => m[1])
      .filter((l) => !/^(https?:|mailto:|#)/.test(l));
    for (const link of links) {
      const target = resolve(dirname(join(ROOT, file)), decodeURIComponent(link.split("#")[0]));
      expect(target.startsWith(ROOT)).toBe(true);
      expect(existsSync(target)).toBe(true);
    }
    expect(text).not.toMatch(/\.\.\/shared/);
    expect(text).not.toMatch(/\/work\/|\/home\/|\/root\//);
  });

  it("keeps the README a front door (≤ 10 KB) with the two quick-start commands", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(10 * 1024);
    expect(readme).toContain("npm ci && npm start");
    expect(readme).toContain("npm test");
  });
});
