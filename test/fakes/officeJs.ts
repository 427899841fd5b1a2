/**
 * Microsoft's own office.js (the `@microsoft/office-js` package, Excel on the web's build) run in
 * a Node sandbox, to see the requests it would send for what the Excel adapter queues: their
 * real JSON bodies, measured against Excel on the web's 5 MB request limit. Nothing is sent;
 * each `context.sync()` hands its request to a stub that records the body and answers with no
 * results (so only writes, not loads, can be measured).
 */
import { readFileSync } from "node:fs";
import { createContext, runInContext } from "node:vm";
import {
  allCapabilities,
  queueRows,
  queueSheetSetup,
  rowBlocks,
  styleRuns,
} from "../../src/hosts/excel/writeLayout";
import { type SheetLayout, materialized } from "../../src/layout/sheetLayout";

type OfficeJsExcel = typeof Excel;

let loaded: OfficeJsExcel | null = null;
let extension: typeof OfficeExtension | null = null;

/** The `Excel` namespace of office.js, loaded once per process. */
export function officeJsExcel(): OfficeJsExcel {
  if (loaded) return loaded;
  const file = require.resolve("@microsoft/office-js/dist/excel-web-16.00.js");
  const noop = () => undefined;
  const element = () => ({ style: {}, setAttribute: noop, appendChild: noop });
  const sandbox: Record<string, unknown> = {
    console: { ...console, log: noop, warn: noop, info: noop },
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    Promise,
    JSON,
    Math,
    Date,
    navigator: { userAgent: "node" },
    document: {
      createElement: element,
      getElementsByTagName: () => [],
      querySelector: () => null,
      addEventListener: noop,
      readyState: "complete",
      cookie: "",
      location: { href: "https://localhost/" },
    },
    location: { href: "https://localhost/", search: "", hash: "", protocol: "https:" },
    addEventListener: noop,
    postMessage: noop,
  };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  createContext(sandbox);
  runInContext(readFileSync(file, "utf8"), sandbox, { filename: "excel-web-16.00.js" });
  const excel = sandbox.Excel as OfficeJsExcel | undefined;
  if (!excel?.RequestContext) throw new Error("office.js did not define Excel.RequestContext");
  loaded = excel;
  extension = sandbox.OfficeExtension as typeof OfficeExtension;
  // Event registration waits for Office's RichApi message channel; office.js's own test hook
  // makes it ready at once (what is sent to Excel is unchanged).
  (
    extension as unknown as { _testSetRichApiMessageReadyImpl(f: () => Promise<void>): void }
  )._testSetRichApiMessageReadyImpl(() => Promise.resolve());
  return excel;
}

/** An office.js request as sent: its actions, each with the method it calls. */
export interface SentRequest {
  Actions: { Id: number; ActionType: number; Name: string; ObjectPathId: number }[];
  ObjectPaths: Record<string, { Name: string }>;
}

/**
 * A new office.js request context whose requests go to `onRequest` instead of Excel. The answer
 * carries a result for each trace marker only: office.js runs its bookkeeping callbacks on those
 * (event handlers are counted there), while loads stay unanswered.
 */
export function recordingContext(onRequest: (body: SentRequest) => void): Excel.RequestContext {
  const excel = officeJsExcel();
  const context = new excel.RequestContext();
  (context as unknown as { _requestExecutor: unknown })._requestExecutor = {
    executeAsync(_customData: unknown, _flags: unknown, message: { Body: SentRequest }) {
      onRequest(message.Body);
      const traces = message.Body.Actions.filter((a) => a.Name === "Trace");
      return Promise.resolve({
        ErrorCode: "",
        HttpStatusCode: 200,
        Headers: {},
        Body: { Results: traces.map((a) => ({ ActionId: a.Id, Value: null })) },
      });
    },
  };
  return context;
}

/**
 * Runs `queue` on an office.js request context and returns the UTF-8 size of each request
 * body that `context.sync()` would have sent.
 */
export async function requestSizes(
  queue: (context: Excel.RequestContext) => Promise<void>
): Promise<number[]> {
  const sizes: number[] = [];
  const context = recordingContext((body) =>
    sizes.push(Buffer.byteLength(JSON.stringify(body), "utf8"))
  );
  await queue(context);
  return sizes;
}

/**
 * The requests of a summary write, composed as ExcelWorkbook composes them: the sheet's setup,
 * its marker name and its first row block, then one request per further block. (The sheet is
 * reached by name: the stub answers no loads, and ExcelWorkbook's added sheet stays valid
 * across syncs through its loaded id.)
 */
export function summaryWriteRequests(given: SheetLayout, budgetBytes: number): Promise<number[]> {
  const layout = materialized(given); // as ExcelWorkbook takes it: a row block's lines made
  const runs = styleRuns(layout.cells);
  const blocks = rowBlocks(layout, budgetBytes, runs);
  return requestSizes(async (context) => {
    const sheet = context.workbook.worksheets.getItem(layout.name);
    queueSheetSetup(sheet, layout, allCapabilities);
    context.workbook.names.add("JixiaoSummary", sheet.getRange("A1"), "绩效自评助手生成的汇总表");
    for (const block of blocks) {
      queueRows(sheet, layout, block, runs);
      await context.sync();
    }
  });
}
