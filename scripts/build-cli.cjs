#!/usr/bin/env node
// Bundles the command line (src/cli/main.ts and everything it imports from src/ and samples/)
// into dist-cli/main.cjs, and a folder run's worker thread into dist-cli/folderWorker.cjs, with
// esbuild, so `jixiao` starts without compiling TypeScript at each
// run. Packages in node_modules stay outside the bundle. Run by `npm ci` / `npm install`
// (prepare) and by `npm run build:cli`. bin/jixiao.cjs uses the bundle only while it is newer
// than every source file, else it runs the sources through tsx — so a failure here never
// breaks the command line, and this script never fails an install.
const { join } = require("path");

const root = join(__dirname, "..");
try {
  require("esbuild").buildSync({
    // The command line, and the worker thread a folder run scores files in (folderScoring.ts).
    entryPoints: {
      main: join(root, "src", "cli", "main.ts"),
      folderWorker: join(root, "src", "cli", "folderWorker.ts"),
    },
    outdir: join(root, "dist-cli"),
    outExtension: { ".js": ".cjs" },
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    packages: "external",
    legalComments: "none",
    logLevel: "warning",
  });
} catch (error) {
  console.warn(`未能预先打包命令行（将直接运行 TypeScript 源码）：${error.message}`);
}
