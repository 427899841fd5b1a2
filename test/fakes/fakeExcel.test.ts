/** Tests of the Excel JS API test double itself: each pins one Excel semantic the adapter relies on. */
import { FakeExcel, FakeExcelError, FakeRequestContext } from "./fakeExcel";

/** Rejection of `p` as a FakeExcelError (fails the test if `p` resolves). */
async function rejection(p: Promise<unknown>): Promise<FakeExcelError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(FakeExcelError);
    return e as FakeExcelError;
  }
  throw new Error("expected a rejection");
}

function thrown(f: () => unknown): FakeExcelError {
  try {
    f();
  } catch (e) {
    return e as FakeExcelError;
  }
  throw new Error("expected a throw");
}

const budget = () =>
  new FakeExcel({
    sheets: [
      {
        name: "预算支出",
        rows: [
          ["项目", "预算数", "执行数"],
          ["办公费", 1000, 800],
          ["差旅费", 500, "=SUM(B2:B2)"],
        ],
      },
      { name: "Other", cells: { C3: "keep" } },
    ],
  });

describe("load / sync", () => {
  test("reading a property before load+sync throws PropertyNotLoaded with Excel's message", async () => {
    const fake = budget();
    await fake.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("预算支出").getRange("A1:C3");
      const before = thrown(() => range.values);
      expect(before.code).toBe("PropertyNotLoaded");
      expect(before.name).toBe("RichApi.Error");
      expect(before.message).toBe(
        `The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
      );
      range.load("address");
      expect(thrown(() => range.address).code).toBe("PropertyNotLoaded"); // loaded, not yet synced
      await ctx.sync();
      expect(range.address).toBe("预算支出!A1:C3");
      expect(thrown(() => range.values).code).toBe("PropertyNotLoaded"); // not part of the load
    });
  });

  test("load forms: 'a, b', arrays, navigation paths, objects, no argument", async () => {
    const fake = budget();
    await fake.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("预算支出");
      const a = sheet.getRange("B2").load("values, numberFormat");
      const b = sheet.getRange("B2").load(["rowIndex", "columnIndex"]);
      const c = sheet.getRange("B2").load("format/font/bold");
      const d = sheet.getRange("B2").load({ values: true, format: { fill: { color: true } } });
      const e = sheet.getRange("B2").load();
      await ctx.sync();
      expect([a.values, a.numberFormat]).toEqual([[[1000]], [["General"]]]);
      expect([b.rowIndex, b.columnIndex]).toEqual([1, 1]);
      expect(c.format.font.bold).toBe(false);
      expect(thrown(() => c.format.font.size).code).toBe("PropertyNotLoaded");
      expect([d.values, d.format.fill.color]).toEqual([[[1000]], "#FFFFFF"]);
      expect(e.toJSON()).toMatchObject({ address: "预算支出!B2", values: [[1000]], rowCount: 1 });
      expect(thrown(() => e.format.font.bold).code).toBe("PropertyNotLoaded"); // no-arg = scalars only
    });
  });

  test("worksheets collection: items/name, item properties, no-arg", async () => {
    const fake = budget();
    await fake.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      expect(thrown(() => sheets.items).code).toBe("PropertyNotLoaded");
      sheets.load("items/name");
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["预算支出", "Other"]);
      expect(thrown(() => sheets.items[0].position).code).toBe("PropertyNotLoaded");
      sheets.load({ items: { position: true } });
      await ctx.sync();
      expect(sheets.items.map((s) => s.position)).toEqual([0, 1]);
      sheets.load();
      await ctx.sync();
      expect(sheets.toJSON().items[1]).toMatchObject({ name: "Other", visibility: "Visible" });
    });
  });

  test("loaded values are snapshots until loaded again", async () => {
    const fake = budget();
    await fake.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("预算支出").getRange("B2").load("values");
      await ctx.sync();
      const other = ctx.workbook.worksheets.getItem("预算支出").getRange("B2");
      other.values = [[2000]];
      await ctx.sync();
      expect(range.values).toEqual([[1000]]);
      range.load("values");
      await ctx.sync();
      expect(range.values).toEqual([[2000]]);
    });
  });

  test("a sync runs its queue in order: a load queued before a write sees the old value", async () => {
    const fake = budget();
    await fake.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("预算支出");
      const before = sheet.getRange("B2").load("values");
      sheet.getRange("B2").values = [[7]];
      const after = sheet.getRange("B2").load("values");
      await ctx.sync();
      expect(before.values).toEqual([[1000]]);
      expect(after.values).toEqual([[7]]);
    });
  });

  test("a value set on a proxy reads back locally before sync (office.js caches it)", async () => {
    const fake = budget();
    await fake.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("预算支出").getRange("A1");
      range.values = [["名称"]];
      expect(range.values).toEqual([["名称"]]);
      expect(fake.cell("预算支出", "A1").value).toBe("项目");
    });
  });
});

describe("writes and syncs", () => {
  test("writes are invisible in the workbook until sync", async () => {
    const fake = budget();
    const ctx = fake.newContext();
    const range = ctx.workbook.worksheets.getItem("预算支出").getRange("A2:B2");
    range.values = [["印刷费", 300]];
    range.format.font.bold = true;
    expect(fake.cell("预算支出", "A2").value).toBe("办公费");
    expect(fake.cell("预算支出", "A2").format.font.bold).toBe(false);
    await ctx.sync();
    expect(fake.cell("预算支出", "A2").value).toBe("印刷费");
    expect(fake.cell("预算支出", "B2").value).toBe(300);
    expect(fake.cell("预算支出", "B2").format.font.bold).toBe(true);
  });

  test("syncCount counts round trips; run adds a final sync only when writes are pending", async () => {
    const fake = budget();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("预算支出").getUsedRange().load("values");
      await ctx.sync();
      await ctx.sync(); // nothing queued: no round trip
    });
    expect(fake.syncCount).toBe(1);
    fake.syncCount = 0;
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("预算支出").getRange("D1").values = [["备注"]];
    });
    expect(fake.syncCount).toBe(1); // the implicit final sync of Excel.run
    expect(fake.cell("预算支出", "D1").value).toBe("备注");
  });

  test("run resolves to the batch's result and rejects a batch that returns no promise", async () => {
    const fake = budget();
    expect(await fake.run(async () => 42)).toBe(42);
    const err = await rejection(fake.run((() => undefined) as never));
    expect(err.code).toBe("RunMustReturnPromise");
  });

  test("values: null leaves a cell unchanged, '' clears it, text is parsed like typing", async () => {
    const fake = budget();
    await fake.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("预算支出");
      sheet.getRange("A2:C2").values = [[null, "", "0012"]];
      sheet.getRange("D2").numberFormat = [["@"]];
      sheet.getRange("D2").values = [["0012"]];
      sheet.getRange("E2").values = [["#N/A"]];
      sheet.getRange("F2").values = [["-无"]];
    });
    expect(fake.usedValues("预算支出")[1]).toEqual(["办公费", "", 12, "0012", "#N/A", ""]);
    expect(fake.cell("预算支出", "B2").valueType).toBe("Empty");
    expect(fake.cell("预算支出", "E2").valueType).toBe("Error");
    expect(fake.cell("预算支出", "F2").formula).toBe("=-无"); // Excel reads a leading '-' as a formula
  });

  test("shape mismatch is InvalidArgument at sync; a scalar on one cell is fine", async () => {
    const fake = budget();
    const mismatch = await rejection(
      fake.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("预算支出").getRange("A1:B2");
        r.values = [[1, 2, 3]]; // queued fine; fails at sync
      })
    );
    expect(mismatch.code).toBe("InvalidArgument");
    expect(mismatch.debugInfo.errorLocation).toBe("Range.values");
    const oneByOne = await rejection(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("预算支出").getRange("A1:B2").numberFormat = [["0.00"]];
      })
    );
    expect(oneByOne.code).toBe("InvalidArgument");
    await fake.run(async (ctx) => {
      (ctx.workbook.worksheets.getItem("预算支出").getRange("A1") as { values: unknown }).values =
        "标题";
    });
    expect(fake.cell("预算支出", "A1").value).toBe("标题");
  });

  test("a failing operation rejects the sync: earlier operations stay, later ones are dropped", async () => {
    const fake = budget();
    const err = await rejection(
      fake.run(async (ctx) => {
        const ws = ctx.workbook.worksheets;
        ws.getItem("预算支出").getRange("A1").values = [["first"]];
        const loaded = ws.getItem("预算支出").getRange("A1").load("values");
        ws.getItem("不存在").getRange("A1").values = [["x"]];
        ws.getItem("预算支出").getRange("A2").values = [["never"]];
        await ctx.sync().catch((e) => {
          expect(thrown(() => loaded.values).code).toBe("PropertyNotLoaded"); // no partial results
          throw e;
        });
      })
    );
    expect(err).toMatchObject({
      name: "RichApi.Error",
      code: "ItemNotFound",
      debugInfo: { code: "ItemNotFound", errorLocation: "WorksheetCollection.getItem" },
    });
    expect(fake.cell("预算支出", "A1").value).toBe("first");
    expect(fake.cell("预算支出", "A2").value).toBe("办公费");
  });

  test("getItem of a missing sheet fails at sync, not at call time", async () => {
    const fake = budget();
    const ctx = fake.newContext();
    const sheet = ctx.workbook.worksheets.getItem("缺失"); // no throw here
    sheet.load("name");
    expect((await rejection(ctx.sync())).code).toBe("ItemNotFound");
  });
});

describe("worksheets", () => {
  test("null objects: isNullObject after sync, throws before; other reads throw; calls are no-ops", async () => {
    const fake = budget();
    await fake.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("缺失");
      const present = ctx.workbook.worksheets.getItemOrNullObject("Other");
      expect(thrown(() => missing.isNullObject).code).toBe("PropertyNotLoaded");
      await ctx.sync(); // isNullObject is loaded implicitly
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      missing.load("name");
      await ctx.sync();
      expect(thrown(() => missing.name).code).toBe("PropertyNotLoaded");
      missing.getRange("A1").values = [["ignored"]];
      missing.delete();
    });
    expect(fake.sheetNames()).toEqual(["预算支出", "Other"]);
    expect(fake.writeLog).toEqual([]);
  });

  test("Excel's delete-if-exists-then-add idiom works in one batch", async () => {
    const fake = budget();
    for (let i = 0; i < 2; i++) {
      await fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItemOrNullObject("自评结果").delete();
        const sheet = ctx.workbook.worksheets.add("自评结果");
        sheet.getRange("A1").values = [[`run ${i}`]];
      });
    }
    expect(fake.sheetNames()).toEqual(["预算支出", "Other", "自评结果"]);
    expect(fake.cell("自评结果", "A1").value).toBe("run 1");
  });

  test("add: duplicate name (any case) is ItemAlreadyExists; bad names are InvalidArgument", async () => {
    const fake = budget();
    const dup = await rejection(fake.run(async (ctx) => void ctx.workbook.worksheets.add("other")));
    expect(dup.code).toBe("ItemAlreadyExists");
    for (const bad of ["a".repeat(32), "a:b", "a/b", "a\\b", "a?", "a*", "[a]", ""]) {
      const err = await rejection(fake.run(async (ctx) => void ctx.workbook.worksheets.add(bad)));
      expect(err.code).toBe("InvalidArgument");
    }
    await fake.run(async (ctx) => void ctx.workbook.worksheets.add("a".repeat(31)));
    expect(fake.sheetNames()).toHaveLength(3);
  });

  test("sheet properties, activation, freeze panes", async () => {
    const fake = budget();
    await fake.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.add("汇总");
      sheet.position = 0;
      sheet.tabColor = "#C00000";
      sheet.showGridlines = false;
      sheet.freezePanes.freezeRows(2);
      sheet.activate();
      const active = ctx.workbook.worksheets.getActiveWorksheet().load("name, position");
      await ctx.sync();
      expect([active.name, active.position]).toEqual(["汇总", 0]);
    });
    expect(fake.sheetInfo("汇总")).toMatchObject({
      position: 0,
      tabColor: "#C00000",
      showGridlines: false,
      frozenRows: 2,
    });
    expect(fake.activeSheet()).toBe("汇总");
  });
});

describe("ranges", () => {
  test("address is sheet-qualified, quoting names with spaces, punctuation or digits first", async () => {
    const fake = new FakeExcel({
      sheets: [
        { name: "预算支出" },
        { name: "预算 支出" },
        { name: "Bob's" },
        { name: "2022年" },
        { name: "A1" },
      ],
    });
    const addresses = await fake.run(async (ctx) => {
      const ranges = fake
        .sheetNames()
        .map((n) => ctx.workbook.worksheets.getItem(n).getRange("$A$1:D11").load("address"));
      const row = ctx.workbook.worksheets
        .getItem("预算支出")
        .getRange("1:3")
        .load("address, columnCount");
      await ctx.sync();
      return [...ranges.map((r) => r.address), row.address, row.columnCount];
    });
    expect(addresses).toEqual([
      "预算支出!A1:D11",
      "'预算 支出'!A1:D11",
      "'Bob''s'!A1:D11",
      "'2022年'!A1:D11",
      "'A1'!A1:D11",
      "预算支出!1:3",
      16384,
    ]);
  });

  test("used range: values only vs formats; empty sheet gives A1 or a null object", async () => {
    const fake = new FakeExcel({
      sheets: [{ name: "Data", cells: { B2: 1, C4: "x" } }, { name: "Empty" }],
    });
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").getRange("E6").format.fill.color = "#FFFF00";
    });
    const got = await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets;
      const values = ws.getItem("Data").getUsedRange(true).load("address");
      const all = ws.getItem("Data").getUsedRange().load("address");
      const empty = ws.getItem("Empty").getUsedRange().load("address, values");
      const nullRange = ws.getItem("Empty").getUsedRangeOrNullObject(true);
      await ctx.sync();
      return [values.address, all.address, empty.address, empty.values, nullRange.isNullObject];
    });
    expect(got).toEqual(["Data!B2:C4", "Data!B2:E6", "Empty!A1", [[""]], true]);
    expect(fake.usedRange("Data", false)).toBe("B2:E6");
  });

  test("errors read back as text with valueType Error; SUM formulas keep a cached value", async () => {
    const fake = new FakeExcel({
      sheets: [
        { name: "S", rows: [[1, "#DIV/0!", "=SUM(A1:A3)", "=VLOOKUP(1,A:B,2)", true], [2], [3]] },
      ],
    });
    const range = await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets
        .getItem("S")
        .getRange("A1:E1")
        .load("values, valueTypes, formulas, text");
      await ctx.sync();
      return r;
    });
    expect(range.values).toEqual([[1, "#DIV/0!", 6, "", true]]);
    expect(range.valueTypes).toEqual([["Double", "Error", "Double", "Empty", "Boolean"]]);
    expect(range.formulas).toEqual([[1, "#DIV/0!", "=SUM(A1:A3)", "=VLOOKUP(1,A:B,2)", true]]);
    expect(range.text).toEqual([["1", "#DIV/0!", "6", "", "TRUE"]]);
  });

  test("text follows common number formats", async () => {
    const fake = new FakeExcel({
      sheets: [
        {
          name: "S",
          rows: [[1234.5, 0.925, -1234.567, 3]],
          numberFormats: { A1: "#,##0.00", B1: "0.0%", C1: "[$¥-804]#,##0.00", D1: "0" },
        },
      ],
    });
    const text = await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1:D1").load("text");
      await ctx.sync();
      return r.text;
    });
    expect(text).toEqual([["1,234.50", "92.5%", "-¥1,234.57", "3"]]);
  });

  test("a 10,000-row read takes one sync and counts its payload", async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => [`项目${i}`, i, i * 1.5, "=SUM(B1:C1)"]);
    const fake = new FakeExcel({ sheets: [{ name: "大表", rows }] });
    const values = await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets
        .getItem("大表")
        .getUsedRange(true)
        .load("values, numberFormat, address");
      await ctx.sync();
      return r.values;
    });
    expect(values).toHaveLength(10_000);
    expect(values[9_999]).toEqual(["项目9999", 9999, 14998.5, 0]);
    expect(fake.syncCount).toBe(1);
    expect(fake.lastSyncPayloadBytes).toBeGreaterThan(400_000);
  });

  test("response over payloadLimitBytes rejects the sync; so does an oversized write", async () => {
    const rows = Array.from({ length: 2_000 }, (_, i) => [`一行很长的中文说明文字${i}`.repeat(5)]);
    const fake = new FakeExcel({ sheets: [{ name: "S", rows }] });
    fake.payloadLimitBytes = 200_000;
    const read = await rejection(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1:A2000").load("values");
        await ctx.sync();
      })
    );
    expect(read.code).toBe("ResponsePayloadSizeLimitExceeded");
    expect(fake.lastSyncPayloadBytes).toBeGreaterThan(200_000);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A1:A1000").load("values"); // half fits
      await ctx.sync();
    });
    const write = await rejection(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("B1:B2000").values = rows;
      })
    );
    expect(write.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(fake.cell("S", "B1").value).toBe("");
  });

  test("merge, borders, widths and a whole-row format", async () => {
    const fake = budget();
    await fake.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("预算支出");
      sheet.getRange("A1:C1").merge();
      const table = sheet.getRange("A2:C3");
      table.format.borders.getItem("InsideHorizontal").style = "Continuous";
      table.format.borders.getItem("EdgeBottom").weight = "Thick";
      table.format.columnWidth = 80;
      sheet.getRange("1:1").format.font.bold = true;
      const read = table.format.load("columnWidth, rowHeight");
      const inside = table.format.borders.getItem("InsideHorizontal").load("style");
      const top = table.format.borders.getItem("EdgeTop").load("style");
      await ctx.sync();
      expect([read.columnWidth, read.rowHeight, inside.style, top.style]).toEqual([
        80,
        15,
        "Continuous",
        "None",
      ]);
    });
    expect(fake.merges("预算支出")).toEqual(["A1:C1"]);
    expect(fake.cell("预算支出", "B1").value).toBe(""); // merge keeps only the top-left value
    expect(fake.cell("预算支出", "A1").format.font.bold).toBe(true);
    expect(fake.cell("预算支出", "Z1").format.font.bold).toBe(true);
    expect(fake.cell("预算支出", "A2").format.borders.bottom.style).toBe("Continuous");
    expect(fake.cell("预算支出", "A3").format.borders.bottom.weight).toBe("Thick");
    expect(fake.sheetInfo("预算支出").columnWidths).toEqual({ A: 80, B: 80, C: 80 });
    expect(fake.usedRange("预算支出", false)).toBe("A1:C3"); // row formats don't widen it
  });

  test("select records the selection; getCell and getRangeByIndexes address cells", async () => {
    const fake = budget();
    const v = await fake.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Other");
      sheet.getRangeByIndexes(1, 1, 2, 2).select();
      const cell = sheet.getRange("B2:D4").getCell(1, 1).load("address, values");
      await ctx.sync();
      return [cell.address, cell.values];
    });
    expect(v).toEqual(["Other!C3", [["keep"]]]);
    expect(fake.selection).toEqual({ sheet: "Other", address: "B2:C3" });
    expect(fake.activeSheet()).toBe("Other");
  });
});

describe("defined names (workbook.names)", () => {
  test("marker read with the sheet list in one sync; replace idiom; formula follows the sheet", async () => {
    const fake = new FakeExcel({
      sheets: [{ name: "预算支出" }, { name: "绩效自评汇总" }],
      names: { JixiaoSummary: "='绩效自评汇总'!$A$1" },
    });
    const read = await fake.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load("items/name");
      const marker = ctx.workbook.names.getItemOrNullObject("jixiaosummary").load("formula");
      const missing = ctx.workbook.names.getItemOrNullObject("Other");
      await ctx.sync();
      return [sheets.items.length, marker.isNullObject, marker.formula, missing.isNullObject];
    });
    expect(read).toEqual([2, false, "=绩效自评汇总!$A$1", true]);
    expect(fake.syncCount).toBe(1);
    await fake.run(async (ctx) => {
      ctx.workbook.names.getItemOrNullObject("JixiaoSummary").delete();
      ctx.workbook.worksheets.getItem("绩效自评汇总").delete();
      const sheet = ctx.workbook.worksheets.add("绩效 自评");
      ctx.workbook.names.add("JixiaoSummary", sheet.getRange("A1"), "请勿删除");
    });
    expect(fake.names()).toEqual({ JixiaoSummary: "='绩效 自评'!$A$1" });
    expect(fake.writeLog.filter((w) => w.sheet === "")).toEqual([
      { sheet: "", address: "JixiaoSummary", kind: "names.delete" },
      { sheet: "", address: "JixiaoSummary", kind: "names.add" },
    ]);
    await fake.run(
      async (ctx) => void (ctx.workbook.worksheets.getItem("绩效 自评").name = "汇总")
    );
    expect(fake.names().JixiaoSummary).toBe("=汇总!$A$1");
    await fake.run(async (ctx) => ctx.workbook.worksheets.getItem("汇总").delete());
    expect(fake.names().JixiaoSummary).toBe("=#REF!$A$1");
  });

  test("duplicate or invalid names and missing items fail at sync", async () => {
    const fake = new FakeExcel({ names: { Taken: "=Sheet1!$A$1" } });
    const add = (name: string) =>
      fake.run(async (ctx) => {
        ctx.workbook.names.add(name, "=Sheet1!$B$2");
      });
    expect((await rejection(add("taken"))).code).toBe("ItemAlreadyExists");
    expect((await rejection(add("has space"))).code).toBe("InvalidArgument");
    expect((await rejection(add("A1"))).code).toBe("InvalidArgument");
    const missing = await rejection(
      fake.run(async (ctx) => {
        ctx.workbook.names.getItem("Nope").load("formula");
      })
    );
    expect(missing.code).toBe("ItemNotFound");
    await add("New_name");
    expect(fake.names()).toEqual({ Taken: "=Sheet1!$A$1", New_name: "=Sheet1!$B$2" });
  });
});

describe("host behaviour", () => {
  test("apiVersion gates pageLayout (1.9), dataValidation (1.8) and showGridlines (1.8)", async () => {
    const fake = budget();
    fake.apiVersion = "1.7";
    const attempts: Array<(ctx: FakeRequestContext) => void> = [
      (ctx) =>
        void (ctx.workbook.worksheets.getItem("预算支出").pageLayout.orientation = "Landscape"),
      (ctx) => ctx.workbook.worksheets.getItem("预算支出").pageLayout.setPrintArea("A1:C3"),
      (ctx) => void ctx.workbook.worksheets.getItem("预算支出").pageLayout.load("zoom"),
      (ctx) =>
        void (ctx.workbook.worksheets.getItem("预算支出").getRange("B2").dataValidation.prompt = {
          message: "x",
        }),
      (ctx) => void ctx.workbook.worksheets.getItem("预算支出").load("showGridlines"),
    ];
    for (const attempt of attempts) {
      const err = await rejection(fake.run(async (ctx) => attempt(ctx)));
      expect(err.code).toBe("ApiNotFound");
    }
    const ok = await fake.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("预算支出").load(); // no-arg load skips newer properties
      await ctx.sync();
      return s.toJSON();
    });
    expect(ok).not.toHaveProperty("showGridlines");
    fake.apiVersion = "1.9";
    await fake.run(async (ctx) => attempts.forEach((a) => a(ctx)));
    expect(fake.pageLayout("预算支出")).toMatchObject({
      orientation: "Landscape",
      printArea: "A1:C3",
    });
  });

  test("page layout: whole-object zoom, print titles, headers and footers", async () => {
    const fake = budget();
    await fake.run(async (ctx) => {
      const layout = ctx.workbook.worksheets.getItem("预算支出").pageLayout;
      layout.paperSize = "A4";
      layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      layout.setPrintTitleRows("$1:$2");
      layout.leftMargin = 36;
      layout.headersFooters.defaultForAllPages.centerFooter = "第 &P 页，共 &N 页";
      const z = layout.load("zoom");
      await ctx.sync();
      z.zoom.scale = 50; // a loaded zoom is a copy; mutating it writes nothing
    });
    expect(fake.pageLayout("预算支出")).toMatchObject({
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "1:2",
      leftMargin: 36,
      headersFooters: { defaultForAllPages: { centerFooter: "第 &P 页，共 &N 页" } },
    });
    const bad = await rejection(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("预算支出").pageLayout.zoom = { scale: 5 };
      })
    );
    expect(bad.code).toBe("InvalidArgument");
  });

  test("data validation is stored as given; a rule needs exactly one type", async () => {
    const fake = budget();
    await fake.run(async (ctx) => {
      const dv = ctx.workbook.worksheets.getItem("预算支出").getRange("C2:C3").dataValidation;
      dv.rule = { decimal: { formula1: 0, formula2: 100, operator: "Between" } };
      dv.errorAlert = {
        message: "请输入 0–100",
        showAlert: true,
        style: "Stop",
        title: "输入错误",
      };
      const read = dv.load("type, rule");
      await ctx.sync();
      expect(read.type).toBe("Decimal");
    });
    expect(fake.dataValidations("预算支出")).toEqual([
      {
        address: "C2:C3",
        rule: { decimal: { formula1: 0, formula2: 100, operator: "Between" } },
        errorAlert: { message: "请输入 0–100", showAlert: true, style: "Stop", title: "输入错误" },
      },
    ]);
    const two = await rejection(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("预算支出").getRange("C2").dataValidation.rule = {
          decimal: {},
          list: {},
        };
      })
    );
    expect(two.code).toBe("InvalidArgument");
  });

  test("user editing a cell: syncs fail unless run with delayForCellEdit", async () => {
    const fake = budget();
    fake.userIsEditingCell = true;
    const write = (ctx: FakeRequestContext) => {
      ctx.workbook.worksheets.getItem("预算支出").getRange("A1").values = [["x"]];
    };
    const err = await rejection(fake.run(async (ctx) => write(ctx)));
    expect(err.code).toBe("InvalidOperationInCellEditMode");
    expect(fake.cell("预算支出", "A1").value).toBe("项目");
    await fake.run(async (ctx) => write(ctx), { delayForCellEdit: true });
    expect(fake.cell("预算支出", "A1").value).toBe("x");
  });

  test("write log records every applied write with sheet, address and kind", async () => {
    const fake = budget();
    await fake.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.add("自评");
      sheet.getRange("A1:B1").values = [["指标", "得分"]];
      sheet.getRange("A1:B1").format.font.bold = true;
      sheet.getRange("A1:B1").merge();
      sheet.pageLayout.orientation = "Landscape";
      ctx.workbook.worksheets.getItem("预算支出").getUsedRange().load("values"); // reads are not logged
    });
    expect(fake.writeLog).toEqual([
      { sheet: "自评", address: "", kind: "add" },
      { sheet: "自评", address: "A1:B1", kind: "values" },
      { sheet: "自评", address: "A1:B1", kind: "format.font.bold" },
      { sheet: "自评", address: "A1:B1", kind: "merge" },
      { sheet: "自评", address: "", kind: "pageLayout.orientation" },
    ]);
    expect(fake.writeLog.filter((w) => w.sheet !== "自评")).toEqual([]);
  });

  test("snapshot is a deep copy for before/after comparisons", async () => {
    const fake = budget();
    const before = fake.snapshot();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Other").getRange("C3").values = [["changed"]];
    });
    const after = fake.snapshot();
    expect(after.sheets["预算支出"]).toEqual(before.sheets["预算支出"]);
    expect(before.sheets.Other.cells.C3).toEqual({ value: "keep" });
    expect(after.sheets.Other.cells.C3).toEqual({ value: "changed" });
    expect(JSON.parse(JSON.stringify(after))).toEqual(after);
  });

  test("install() provides Excel.run, Office and OfficeExtension and restores the globals", async () => {
    const fake = budget();
    fake.apiVersion = "1.8";
    const g = {} as {
      Excel: {
        run: (...args: unknown[]) => Promise<unknown>;
        PageOrientation: Record<string, string>;
      };
      OfficeExtension: { Error: new () => Error };
      Office: {
        onReady: () => Promise<unknown>;
        context: {
          officeTheme: { isDarkTheme: boolean };
          requirements: { isSetSupported: (name: string, version?: string) => boolean };
        };
      };
    };
    const uninstall = fake.install(g);
    expect(await g.Office.onReady()).toEqual({ host: "Excel", platform: "OfficeOnline" });
    expect(g.Office.context.requirements.isSetSupported("ExcelApi", "1.8")).toBe(true);
    expect(g.Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(false);
    expect(g.Office.context.officeTheme.isDarkTheme).toBe(false);
    const name = await g.Excel.run({ delayForCellEdit: true }, async (ctx: FakeRequestContext) => {
      const s = ctx.workbook.worksheets.getActiveWorksheet().load("name");
      await ctx.sync();
      return s.name;
    });
    expect(name).toBe("预算支出");
    const err = await g.Excel.run(async (ctx: FakeRequestContext) => {
      ctx.workbook.worksheets.getItem("nope").load("name");
      await ctx.sync();
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(g.OfficeExtension.Error);
    expect(g.Excel.PageOrientation.landscape).toBe("Landscape");
    uninstall();
    expect(g).toEqual({});
  });
});
