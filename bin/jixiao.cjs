#!/usr/bin/env node
// 绩效自评助手 command line. Runs the TypeScript sources through tsx (no build step).
require("tsx/cjs/api").register();
const { main } = require("../src/cli/main.ts");
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
