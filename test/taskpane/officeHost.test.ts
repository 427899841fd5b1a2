/** The sheet list kept between sessions in the document's add-in settings (officeHost.ts). */
import { documentSheetMemory } from "../../src/taskpane/officeHost";

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
