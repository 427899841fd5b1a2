/* eslint-env node */
/**
 * Builds the task pane (taskpane.html) and the ribbon function file (commands.html).
 *
 *   npm run build       production bundle in dist/; manifest URLs rewritten to JIXIAO_ADDIN_URL
 *                       (or addin.config.json "url") when set
 *   npm run build:dev   development bundle, manifest unchanged
 *   npm run dev-server  https://localhost:3000/ (certificates from `npm run certs` if present)
 *
 * Type errors are not reported here (ts-loader transpileOnly); run `npm run typecheck`.
 */
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const { HELP_PAGES, renderHelpPage } = require("./scripts/help-pages.cjs");

const urlDev = "https://localhost:3000/";

/**
 * Where the add-in is served in production, set at build time: the environment variable
 * JIXIAO_ADDIN_URL, else "url" in addin.config.json (not committed). Without either, the built
 * manifest keeps the development address and the build says so.
 */
function productionUrl() {
  const file = path.join(__dirname, "addin.config.json");
  const configured =
    process.env.JIXIAO_ADDIN_URL ||
    (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")).url : "");
  if (!configured) return null;
  let url;
  try {
    url = new URL(configured);
  } catch {
    throw new Error(`加载项地址“${configured}”不是有效的网址 (JIXIAO_ADDIN_URL / addin.config.json)`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`加载项地址必须以 https:// 开头：${configured} (Office requires HTTPS)`);
  }
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/**
 * Packages that must never end up in the add-in's own bundles (exceljs alone is ~250 KB gzip),
 * nor in the playground / 网页版, which read and write the .xlsx package themselves.
 */
const FORBIDDEN_PACKAGES = ["exceljs", "jszip"];
const PROTECTED_CHUNKS = ["taskpane", "commands", "dialog", "playground"];

/** Fails the build if a protected chunk contains any module from a forbidden package. */
class ForbidPackagesPlugin {
  constructor(packages, chunks) {
    this.packages = packages;
    this.chunks = chunks;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("ForbidPackagesPlugin", (compilation) => {
      compilation.hooks.afterOptimizeChunkModules.tap("ForbidPackagesPlugin", (chunks) => {
        const resources = (module) =>
          module.modules ? module.modules.flatMap(resources) : [module.resource || ""];
        for (const chunk of chunks) {
          if (!this.chunks.includes(chunk.name)) continue;
          for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
            for (const resource of resources(module)) {
              for (const pkg of this.packages) {
                const marker = `${path.sep}node_modules${path.sep}${pkg}${path.sep}`;
                if (resource.includes(marker)) {
                  compilation.errors.push(
                    new Error(`"${pkg}" must not be bundled into the ${chunk.name} bundle: ${resource}`)
                  );
                }
              }
            }
          }
        }
      });
    });
  }
}

/** Office dev certificates from `npx office-addin-dev-certs install`, else webpack's self-signed one. */
function httpsServer() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  const paths = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(dir, f)]));
  if (Object.values(paths).every((p) => fs.existsSync(p))) {
    return {
      type: "https",
      options: {
        key: fs.readFileSync(paths.key),
        cert: fs.readFileSync(paths.cert),
        ca: fs.readFileSync(paths.ca),
      },
    };
  }
  return { type: "https" };
}

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  const urlProd = dev ? null : productionUrl();
  if (!dev && !urlProd) {
    console.log(
      `dist/manifest.xml 仍指向 ${urlDev}：发布前设置 JIXIAO_ADDIN_URL 或 addin.config.json 的 url（见 docs/task-pane.md）。`
    );
  }

  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      dialog: "./src/dialog/dialog.ts",
      playground: "./playground/main.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // tsconfig.json has noEmit (it serves `tsc --noEmit`); the loader has to emit.
            options: { transpileOnly: true, compilerOptions: { noEmit: false } },
          },
        },
      ],
    },
    plugins: [
      new ForbidPackagesPlugin(FORBIDDEN_PACKAGES, PROTECTED_CHUNKS),
      // In a browser the zip package inflates and deflates with fflate, not Node's zlib.
      new webpack.NormalModuleReplacementPlugin(/^\.\/deflate$/, (resource) => {
        if (/hosts[\\/]file$/.test(resource.context)) resource.request = "./deflate.browser";
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new HtmlWebpackPlugin({
        filename: "playground.html",
        template: "./playground/index.html",
        chunks: ["playground"],
      }),
      new HtmlWebpackPlugin({
        filename: "dialog.html",
        template: "./src/dialog/dialog.html",
        chunks: ["dialog"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          { from: "samples/foshan-sbj-2022.xlsx", to: "samples/[name][ext]" },
          // ES5 check and its guidance page for Internet Explorer 11 / Edge Legacy webviews.
          { from: "src/compat/oldEngineCheck.js", to: "old-engine-check.js" },
          { from: "src/compat/old-engine.html", to: "old-engine.html" },
          // The help pages (SupportUrl, LearnMoreUrl), rendered from docs/, with their pictures.
          ...Object.entries(HELP_PAGES).map(([doc, page]) => ({
            from: `docs/${doc}`,
            to: page,
            transform: (content) => renderHelpPage(content.toString()),
          })),
          { from: "docs/images/*", to: "images/[name][ext]" },
          {
            from: "manifest.xml",
            to: "[name][ext]",
            transform(content) {
              return urlProd ? content.toString().split(urlDev).join(urlProd) : content;
            },
          },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      host: "localhost",
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      headers: { "Access-Control-Allow-Origin": "*" },
      server: env.WEBPACK_SERVE ? httpsServer() : { type: "https" },
      hot: true,
    },
  };
};
