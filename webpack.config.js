/* eslint-env node */
/**
 * Builds the task pane (taskpane.html) and the ribbon function file (commands.html).
 *
 *   npm run build       production bundle in dist/, manifest URLs rewritten to urlProd
 *   npm run build:dev   development bundle, manifest unchanged
 *   npm run dev-server  https://localhost:3000/ (certificates from `npm run certs` if present)
 *
 * Type errors are not reported here (ts-loader transpileOnly); run `npm run typecheck`.
 */
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const urlDev = "https://localhost:3000/";
const urlProd = "https://jixiao.example.gov.cn/"; // CHANGE THIS to the real production host (keep the trailing slash)

/** Packages that must never end up in a browser bundle (exceljs alone is ~250 KB gzip). */
const FORBIDDEN_PACKAGES = ["exceljs"];

/** Fails the build if any module resolved from a forbidden package is bundled. */
class ForbidPackagesPlugin {
  constructor(packages) {
    this.packages = packages;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("ForbidPackagesPlugin", (compilation) => {
      compilation.hooks.finishModules.tap("ForbidPackagesPlugin", (modules) => {
        for (const module of modules) {
          const resource = module.resource || "";
          for (const pkg of this.packages) {
            const marker = `${path.sep}node_modules${path.sep}${pkg}${path.sep}`;
            if (resource.includes(marker)) {
              const issuer = compilation.moduleGraph.getIssuer(module);
              const from = issuer && issuer.resource ? ` (imported from ${issuer.resource})` : "";
              compilation.errors.push(
                new Error(`"${pkg}" must not be bundled into the add-in: ${resource}${from}`)
              );
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

  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      dialog: "./src/dialog/dialog.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].[contenthash:8].js",
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
      new ForbidPackagesPlugin(FORBIDDEN_PACKAGES),
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
        filename: "dialog.html",
        template: "./src/dialog/dialog.html",
        chunks: ["dialog"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "[name][ext]",
            transform(content) {
              return dev ? content : content.toString().split(urlDev).join(urlProd);
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
