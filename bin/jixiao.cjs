#!/usr/bin/env node
// 绩效自评助手 command line. Runs the bundle that `npm ci` builds (dist-cli/main.cjs, see
// scripts/build-cli.cjs) while it is newer than every source file; otherwise — sources edited
// since, no bundle, or JIXIAO_FROM_SOURCE=1 — the TypeScript sources through tsx.
const { readdirSync, statSync } = require("fs");
const { join } = require("path");

const root = join(__dirname, "..");
const bundle = join(root, "dist-cli", "main.cjs");

/** The latest modification time of the .ts files under `dir`. */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function bundleIsFresh() {
  if (process.env.JIXIAO_FROM_SOURCE === "1") return false;
  try {
    const built = statSync(bundle).mtimeMs;
    return built >= newestSource(join(root, "src")) && built >= newestSource(join(root, "samples"));
  } catch {
    return false;
  }
}

/**
 * The command line's `main`: the bundle's, or the sources' through tsx — with both of its hooks,
 * `require` of the sources and the `import()` of lazily loaded modules (the deferred engine),
 * which Node resolves as ES modules: importing "tsx" registers both, as `node --import tsx` does.
 */
async function load() {
  if (bundleIsFresh()) return require(bundle).main;
  await import("tsx"); // registers both hooks, as `node --import tsx` does
  return require("../src/cli/main.ts").main;
}

load().then(
  (main) =>
    main(process.argv.slice(2)).then((code) => {
      process.exitCode = code;
    }),
  (error) => {
    // No bundle and no tsx (an install without devDependencies): one sentence, no stack.
    console.error(`无法启动 jixiao：请在项目文件夹中运行 npm ci（${error.message}）`);
    process.exitCode = 1;
  }
);
