#!/usr/bin/env node
// Runs a TypeScript file (benchmarks, scripts) through tsx: `node bin/run-ts.cjs bench/index.ts`.
require("tsx/cjs/api").register();
const path = require("path");
const [file, ...args] = process.argv.slice(2);
if (!file) {
  console.error("用法：node bin/run-ts.cjs <file.ts> [args]");
  process.exit(2);
}
process.argv = [process.argv[0], file, ...args];
require(path.resolve(file));
