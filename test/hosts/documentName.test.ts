/** The workbook's file name from Office's document url (hosts/excel/documentName.ts). */
import { fileNameFromUrl } from "../../src/hosts/excel/documentName";

describe("fileNameFromUrl", () => {
  it.each([
    // Excel on the web and OneDrive / SharePoint: a URL, its name percent-encoded, a query after it.
    [
      "https://contoso.sharepoint.com/sites/cw/Shared%20Documents/%E6%9F%90%E5%B1%802022%E5%B9%B4%E5%BA%A6%E7%BB%A9%E6%95%88%E8%87%AA%E8%AF%84.xlsx?web=1",
      "某局2022年度绩效自评.xlsx",
    ],
    ["https://d.docs.live.net/1a2b/文档/某局 2022 自评.xlsx#sheet", "某局 2022 自评.xlsx"],
    ["file:///Users/cw/Documents/%E6%9F%90%E5%B1%802022.xlsx", "某局2022.xlsx"],
    // Excel on Windows and Mac: a local path, taken as it is (not URL-encoded).
    ["C:\\Users\\财务\\Desktop\\某局2022年度绩效自评.xlsx", "某局2022年度绩效自评.xlsx"],
    ["\\\\server\\共享\\2022\\某局绩效自评.xlsx", "某局绩效自评.xlsx"],
    ["/Users/cw/Documents/某局 100%完成 2022.xlsx", "某局 100%完成 2022.xlsx"],
    // A stray % in a URL: the name as it stands.
    ["https://example.com/files/某局完成率100%.xlsx", "某局完成率100%.xlsx"],
    // A new workbook never saved.
    ["", ""],
    [null, ""],
    [undefined, ""],
  ])("of %s is %s", (url, name) => {
    expect(fileNameFromUrl(url)).toBe(name);
  });
});
