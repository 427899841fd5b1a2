/**
 * What the task pane takes from Office's document (officeHost.ts): the sheet list kept between
 * sessions in its add-in settings, and the file's name from its url.
 */
import {
  createExcelPort,
  documentFileName,
  documentSheetMemory,
} from "../../src/taskpane/officeHost";
import { allCapabilities } from "../../src/hosts/excel/writeLayout";
import { recalculate } from "../../src/pipeline/recalculate";
import { fakeFromXlsx } from "../fakes/fromXlsx";
import { SAMPLE_PATH } from "../parse/sampleSnapshot";

type Global = { Office?: unknown };

function withOffice(office: unknown, body: () => void): void {
  const g = globalThis as Global;
  const before = g.Office;
  g.Office = office;
  try {
    body();
  } finally {
    g.Office = before;
  }
}

describe("documentSheetMemory", () => {
  it("keeps the names in the document's settings and saves them", () => {
    const store = new Map<string, unknown>();
    let saves = 0;
    const settings = {
      get: (k: string) => store.get(k) ?? null,
      set: (k: string, v: unknown) => store.set(k, v),
      saveAsync: (done: () => void) => {
        saves++;
        done();
      },
    };
    withOffice({ context: { document: { settings } } }, () => {
      const memory = documentSheetMemory();
      expect(memory.recall()).toEqual([]);
      memory.remember(["基本信息", "预算支出"]);
      expect(saves).toBe(1);
      expect(documentSheetMemory().recall()).toEqual(["基本信息", "预算支出"]);
      store.set("jixiao.sheets", ["表一", 3, null]);
      expect(memory.recall()).toEqual(["表一"]);
    });
  });

  it("recalls nothing and throws nothing where a host has no settings", () => {
    withOffice({ context: {} }, () => {
      const memory = documentSheetMemory();
      expect(memory.recall()).toEqual([]);
      expect(() => memory.remember(["表一"])).not.toThrow();
    });
  });
});

describe("the file's name, from Office.context.document.url", () => {
  const URL =
    "https://contoso.sharepoint.com/sites/cw/Shared%20Documents/%E6%9F%90%E5%B1%802022%E5%B9%B4%E5%BA%A6%E7%BB%A9%E6%95%88%E8%87%AA%E8%AF%84.xlsx";

  it("reaches the Excel port's snapshot, decoded; a new workbook never saved gives none", async () => {
    const fake = await fakeFromXlsx(SAMPLE_PATH);
    let restore = fake.install(globalThis, { documentUrl: URL });
    try {
      expect(documentFileName()).toBe("某局2022年度绩效自评.xlsx");
      expect((await createExcelPort(allCapabilities).read()).fileName).toBe(
        "某局2022年度绩效自评.xlsx"
      );
    } finally {
      restore();
    }
    restore = fake.install(globalThis);
    try {
      expect((await createExcelPort(allCapabilities).read()).fileName).toBeUndefined();
    } finally {
      restore();
    }
  });

  it("gives the 年度 when no cell and no title states one, as the command line does", async () => {
    const fake = await fakeFromXlsx(SAMPLE_PATH);
    await fake.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.getItem("基本信息").getRange("A4:C4").values = [["", "", ""]]; // "" clears (null leaves a cell as it is)
      sheets.getItem("绩效指标").getRange("A1").values = [["部门整体支出绩效自评表"]];
      await context.sync();
    });
    const restore = fake.install(globalThis, { documentUrl: URL });
    try {
      const { evaluation } = await recalculate(createExcelPort(allCapabilities), {
        date: "2026-11-27",
      });
      expect(evaluation.year).toBe(2022);
      expect(evaluation.gaps.map((g) => g.message)).toContain(
        "年度 2022 取自文件名“某局2022年度绩效自评.xlsx”：工作簿中未写明年度，请在“基本信息”表中填写“年度”。"
      );
    } finally {
      restore();
    }
  });
});
