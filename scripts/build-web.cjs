/* eslint-env node */
/**
 * The 网页版: the playground as ONE self-contained HTML file that works from file:// with the
 * network off — script, styles (Fluent's, injected at run time), the icon and the sample
 * workbook inlined; a Content-Security-Policy that allows no request of any kind. DEFLATE comes
 * from fflate (deflate.browser.ts) instead of Node's zlib. Run by `npm run build` after webpack.
 *
 *   node scripts/build-web.cjs            → dist/绩效自评助手-网页版.html (size printed)
 */
const fs = require("node:fs");
const path = require("node:path");
const esbuild = require("esbuild");

const ROOT = path.join(__dirname, "..");
const OUT = path.join(ROOT, "dist", "绩效自评助手-网页版.html");
const TITLE = "绩效自评助手 · 网页版（无需安装）";

/** zipPackage's `./deflate` (Node's zlib) → `./deflate.browser` (fflate). */
const browserDeflate = {
  name: "browser-deflate",
  setup(build) {
    build.onResolve({ filter: /^\.\/deflate$/ }, (args) =>
      /hosts[\\/]file$/.test(args.resolveDir)
        ? { path: path.join(args.resolveDir, "deflate.browser.ts") }
        : undefined
    );
  },
};

/** No request may leave the page: only inline script and styles, data: and blob: images. */
const CSP = [
  "default-src 'none'",
  "script-src 'unsafe-inline'",
  "style-src 'unsafe-inline'",
  "img-src data: blob:",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

async function build() {
  const result = await esbuild.build({
    entryPoints: [path.join(ROOT, "playground", "main.tsx")],
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2020",
    jsx: "automatic",
    write: false,
    legalComments: "none",
    define: { "process.env.NODE_ENV": '"production"' },
    plugins: [browserDeflate],
    logLevel: "silent",
  });
  const icon = fs.readFileSync(path.join(ROOT, "assets", "icon-32.png")).toString("base64");
  const script = result.outputFiles[0].text
    .split('"assets/icon-32.png"')
    .join(JSON.stringify(`data:image/png;base64,${icon}`))
    .replace(/<\/script/gi, "<\\/script")
    .replace(/<!--/g, "\\x3C!--");
  const sample = fs.readFileSync(path.join(ROOT, "samples", "foshan-sbj-2022.xlsx")).toString("base64");
  const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8" />
<meta http-equiv="Content-Security-Policy" content="${CSP}" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${TITLE}</title>
<link rel="icon" href="data:image/png;base64,${icon}" />
</head>
<body>
<div id="container"></div>
<script type="application/octet-stream" id="sample-data">${sample}</script>
<script>${script}</script>
</body>
</html>
`;
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, html);
  const gzip = require("node:zlib").gzipSync(html, { level: 9 }).length;
  console.log(
    `网页版: ${path.relative(ROOT, OUT)} ${(html.length / 1024).toFixed(0)} KB（gzip ${(gzip / 1024).toFixed(0)} KB），单个文件，离线可用`
  );
}

if (require.main === module)
  build().catch((error) => {
    console.error(`网页版未能生成：${error.message}`);
    process.exit(1);
  });
module.exports = { build, OUT };
