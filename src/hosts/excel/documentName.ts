/**
 * The workbook's file name from `Office.context.document.url`: the 年度 of last resort when no
 * cell and no title states one (parse/titles.ts), as the command line and WPS give it. Pure; the
 * task pane's Office adapter (taskpane/officeHost.ts) reads the url.
 */

/** A url with a scheme (`https://…`, `file:///…`), as against a local path (`C:\…`, `/Users/…`). */
const WITH_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * The last segment of `url`, URL-decoded: `某局2022年度绩效自评.xlsx` from
 * `https://contoso.sharepoint.com/Shared%20Documents/%E6%9F%90…xlsx?web=1` or from
 * `C:\财务\某局2022年度绩效自评.xlsx`. Empty for a new workbook never saved (Office gives no url).
 * A local path is taken as it is: it is not URL-encoded, and its name may hold `%` or `#`.
 */
export function fileNameFromUrl(url: string | null | undefined): string {
  if (typeof url !== "string" || url.trim() === "") return "";
  const isUrl = WITH_SCHEME.test(url);
  const path = isUrl ? url.replace(/[?#].*$/, "") : url;
  const last = path.replace(/[\\/]+$/, "").replace(/^.*[\\/]/, "");
  if (!isUrl) return last;
  try {
    return decodeURIComponent(last);
  } catch {
    return last; // a stray `%`: the name as it stands
  }
}
