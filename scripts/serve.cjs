#!/usr/bin/env node
/**
 * A tiny static file server for dist/ on 127.0.0.1 (no network, no certificates):
 *   node scripts/serve.cjs [dir=dist] [port=3001]
 * Used by `npm run playground` and by the browser tests. Exports `serve(dir, port)`.
 */
const http = require("node:http");
const fs = require("node:fs");
const path = require("node:path");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

function serve(dir, port = 0) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url || "/", "http://127.0.0.1");
    let file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "playground.html");
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("未找到 / not found");
        return;
      }
      res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream" });
      res.end(data);
    });
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

module.exports = { serve };

if (require.main === module) {
  const [dir = "dist", port = "3001"] = process.argv.slice(2);
  if (!fs.existsSync(path.join(dir, "playground.html"))) {
    console.error(`${dir}/playground.html 不存在：请先运行 npm run build。`);
    process.exit(1);
  }
  serve(dir, Number(port)).then((server) => {
    const { port: actual } = server.address();
    console.log(`绩效自评助手试用页：http://127.0.0.1:${actual}/playground.html （Ctrl+C 退出）`);
  });
}
