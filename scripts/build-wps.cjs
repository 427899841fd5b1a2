/* eslint-env node */
/**
 * The WPS 加载项 folder, dist/wps/: what `wpsjs build` would publish for an ET add-in —
 * index.html (loads the ribbon callbacks), ribbon.xml, taskpane.html (the same React pane on
 * the WPS host), the scripts and the icon. Bundled with esbuild down to ES2017, for the older
 * Chromium of some 信创 WPS builds. Run by `npm run build` after webpack.
 *
 * Deployment (publish.xml / jsplugins.xml): docs/wps.md.
 */
const fs = require("node:fs");
const path = require("node:path");
const esbuild = require("esbuild");

const ROOT = path.join(__dirname, "..");
const OUT = path.join(ROOT, "dist", "wps");

function page(title, script, body = "") {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${title}</title>
</head>
<body>
${body}<script src="${script}"></script>
</body>
</html>
`;
}

async function build() {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(path.join(OUT, "images"), { recursive: true });
  await esbuild.build({
    entryPoints: {
      ribbon: path.join(ROOT, "src", "wps", "ribbon.ts"),
      taskpane: path.join(ROOT, "src", "wps", "taskpane.tsx"),
    },
    outdir: OUT,
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2017",
    jsx: "automatic",
    legalComments: "none",
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "silent",
  });
  fs.writeFileSync(path.join(OUT, "index.html"), page("绩效自评助手", "ribbon.js"));
  fs.writeFileSync(
    path.join(OUT, "taskpane.html"),
    page("绩效自评助手", "taskpane.js", '<div id="container"></div>\n')
  );
  fs.copyFileSync(path.join(ROOT, "wps", "ribbon.xml"), path.join(OUT, "ribbon.xml"));
  fs.copyFileSync(path.join(ROOT, "assets", "icon-32.png"), path.join(OUT, "images", "icon-32.png"));
  const sizes = ["ribbon.js", "taskpane.js"].map(
    (f) => `${f} ${(fs.statSync(path.join(OUT, f)).size / 1024).toFixed(0)} KB`
  );
  console.log(`WPS 加载项: dist/wps/（${sizes.join("，")}）`);
}

if (require.main === module)
  build().catch((error) => {
    console.error(`WPS 加载项未能生成：${error.message}`);
    process.exit(1);
  });
module.exports = { build, OUT };
