/* eslint-env node */
/**
 * The help pages served with the add-in (manifest SupportUrl and LearnMoreUrl): the Chinese
 * guide and the two documents it leans on, rendered from docs/ at build time, so the page a
 * finance officer opens from Excel is the same text as the repository's.
 */
const { marked } = require("marked");

/** docs/ file → the page it becomes in dist/. */
const HELP_PAGES = {
  "使用说明.md": "help.html",
  "评分标准.md": "help-standard.html",
  "sheet-contract.md": "help-sheets.html",
};

const STYLE = `
  body { margin: 0 auto; max-width: 52rem; padding: 1rem 1.25rem 3rem; color: #242424;
    font: 16px/1.7 "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Segoe UI", sans-serif; }
  h1, h2, h3 { line-height: 1.35; }
  table { border-collapse: collapse; margin: 1rem 0; }
  th, td { border: 1px solid #d1d1d1; padding: .35rem .6rem; text-align: left; vertical-align: top; }
  th { background: #f5f5f5; }
  img { max-width: 100%; border: 1px solid #e0e0e0; }
  code { background: #f5f5f5; padding: 0 .25em; border-radius: 3px; }
  pre { background: #f5f5f5; padding: .75rem; overflow: auto; }
  a { color: #0f6cbd; }
  nav { margin-bottom: 1rem; font-size: 15px; }
`;

/** Links to the other help pages point at their pages; links to developer docs become text. */
function rewriteLinks(html) {
  return html.replace(/<a href="([^"#]*\.md)(#[^"]*)?">(.*?)<\/a>/g, (_, file, hash, text) => {
    const page = HELP_PAGES[decodeURIComponent(file)];
    return page ? `<a href="${page}${hash ?? ""}">${text}</a>` : text;
  });
}

/** One page: the document's first heading as the title, a link bar to the other pages. */
function renderHelpPage(markdown) {
  const title = (/^#\s+(.+)$/m.exec(markdown) ?? [, "绩效自评助手 帮助"])[1].trim();
  const body = rewriteLinks(marked.parse(markdown, { async: false }));
  const nav = [
    '<a href="help.html">使用说明</a>',
    '<a href="help-standard.html">评分标准</a>',
    '<a href="help-sheets.html">表格约定</a>',
  ].join(" · ");
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<nav aria-label="帮助">${nav}</nav>
<main>
${body}
</main>
</body>
</html>
`;
}

module.exports = { HELP_PAGES, renderHelpPage };
