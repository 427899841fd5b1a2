/**
 * Auto-recalculation's change handler as Microsoft's office.js builds the requests (the oracle
 * for what the Excel double models): registering sends `_RegisterDataChangedEvent` on the
 * worksheet collection; removing it sends `_UnregisterDataChangedEvent` only when the removal
 * is synced on the context that added it — the adapter's unsubscribe runs with
 * `previousObjects`, as Excel.run documents. The Excel double must agree on each step.
 */
import { type ExcelRun, ExcelWorkbook } from "../../src/hosts/excel/excelWorkbook";
import { allCapabilities } from "../../src/hosts/excel/writeLayout";
import { recordingContext, type SentRequest } from "../fakes/officeJs";
import { FakeExcel } from "../fakes/fakeExcel";
import { runOn } from "../fakes/fromXlsx";

interface Sent {
  context: Excel.RequestContext;
  methods: string[];
}

/**
 * Excel.run over office.js contexts, as documented: with `previousObjects` the batch runs on
 * that object's context, else on a new one. Every request is logged with its context.
 */
function officeJsRun(log: Sent[]): ExcelRun {
  return async (options, batch) => {
    // previousObjects: a request context, or an API object whose context it is.
    const previous = (options as { previousObjects?: object }).previousObjects as
      (Excel.RequestContext & { context?: Excel.RequestContext }) | undefined;
    const reused = previous && (typeof previous.sync === "function" ? previous : previous.context);
    const context: Excel.RequestContext =
      reused ??
      recordingContext((body: SentRequest) =>
        log.push({
          context,
          methods: body.Actions.filter((a) => a.ActionType === 3).map((a) => a.Name),
        })
      );
    return batch(context);
  };
}

const methods = (log: Sent[]) => log.flatMap((s) => s.methods);

describe("the change handler as office.js sends it", () => {
  it("one registration on subscribe; its removal, on the same context, on unsubscribe", async () => {
    const log: Sent[] = [];
    const host = new ExcelWorkbook(officeJsRun(log), allCapabilities);
    const stop = await host.subscribeToEdits(() => undefined);
    expect(methods(log)).toEqual(["_RegisterDataChangedEvent"]);
    await stop?.();
    expect(methods(log)).toEqual(["_RegisterDataChangedEvent", "_UnregisterDataChangedEvent"]);
    expect(log[log.length - 1].context).toBe(log[0].context);
    // Off twice: nothing more is sent.
    await stop?.();
    expect(methods(log)).toHaveLength(2);
  });

  it("off and on again: registered, removed, registered — never two at once", async () => {
    const log: Sent[] = [];
    const host = new ExcelWorkbook(officeJsRun(log), allCapabilities);
    const first = await host.subscribeToEdits(() => undefined);
    await first?.();
    const second = await host.subscribeToEdits(() => undefined);
    expect(methods(log)).toEqual([
      "_RegisterDataChangedEvent",
      "_UnregisterDataChangedEvent",
      "_RegisterDataChangedEvent",
    ]);
    await second?.();
    expect(methods(log).filter((m) => m === "_UnregisterDataChangedEvent")).toHaveLength(2);
  });

  it("a removal synced on a new context sends nothing (what the double models too)", async () => {
    const log: Sent[] = [];
    const run = officeJsRun(log);
    const handler = await run({}, async (context) => {
      const added = context.workbook.worksheets.onChanged.add(async () => undefined);
      await context.sync();
      return added;
    });
    await run({}, async (context) => {
      handler.remove();
      await context.sync();
    });
    expect(methods(log)).not.toContain("_UnregisterDataChangedEvent");

    const fake = new FakeExcel();
    const fakeRun = runOn(fake);
    const fakeHandler = await fakeRun({}, async (context) => {
      const added = context.workbook.worksheets.onChanged.add(async () => undefined);
      await context.sync();
      return added;
    });
    await fakeRun({}, async (context) => {
      fakeHandler.remove();
      await context.sync();
    });
    expect(fake.changeHandlerCount).toBe(1);
    await fakeRun({ previousObjects: fakeHandler.context }, async (context) => {
      fakeHandler.remove();
      await context.sync();
    });
    expect(fake.changeHandlerCount).toBe(0);
  });
});
