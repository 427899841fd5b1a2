#!/usr/bin/env node
// Runs a TypeScript file (scripts, benchmarks) through tsx: `node bin/run-ts.cjs scripts/x.ts args…`.
// Code that import()s a TypeScript module (the task pane's lazily loaded chunks) needs tsx's ESM
// hook as well: `node --import tsx bin/run-ts.cjs …`, as the bench and samples scripts run it.
// If the file exports `main(args)`, it is called; a number it returns becomes the exit code.
require("tsx/cjs/api").register();
const path = require("path");
const [file, ...args] = process.argv.slice(2);
if (!file) {
  console.error("用法：node bin/run-ts.cjs <file.ts> [args]");
  process.exit(2);
}
const mod = require(path.resolve(file));
if (typeof mod.main === "function") {
  Promise.resolve(mod.main(args)).then(
    (code) => {
      if (typeof code === "number") process.exitCode = code;
    },
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
