/**
 * The writer thread of a folder run (folderScoring.ts `WriterThread`) and what it is handed
 * (scoreFile.ts → writeScored.ts): a workbook scored in one thread and written in another is the
 * same workbook; a writer that is gone, or refuses, never loses a file or says it was written.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { WriterThread } from "../src/cli/folderScoring";
import { scoreWorkbookFile } from "../src/cli/scoreFile";
import { type WriteRequest, writeScoredFile } from "../src/cli/writeScored";
import { fromWire, toWire } from "../src/cli/writeWire";
import { type SheetLayout, materialized } from "../src/layout/sheetLayout";

const SAMPLE = join(__dirname, "..", "samples", "foshan-sbj-2022.xlsx");
const dir = mkdtempSync(join(tmpdir(), "jixiao-writer-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A writer script: answers each write with its output as the sheet name; `die` decides. */
function script(name: string, die: string): string {
  const path = join(dir, `${name}.cjs`);
  writeFileSync(
    path,
    `const { parentPort } = require("node:worker_threads");
     let n = 0;
     parentPort.on("message", ({ id, write }) => {
       n++;
       ${die}
       const writes = [["summary", { sheet: write.output, replaced: false, skipped: [] }]];
       setTimeout(() => parentPort.postMessage({ id, written: { ok: true, writes, lost: [] } }), 5);
     });`
  );
  return path;
}

const request: WriteRequest = {
  input: new Uint8Array(0),
  owned: [],
  macroEnabled: false,
  plainWorkbook: true,
  inPlace: false,
};

async function writeAll(path: string, outputs: string[]) {
  const writer = new WriterThread(path);
  try {
    return await Promise.all(outputs.map((o) => writer.write(request, o, {})));
  } finally {
    await writer.close();
  }
}

const sheetOf = (w: Awaited<ReturnType<WriterThread["write"]>>) =>
  w?.ok ? w.writes[0]?.[1].sheet : w;

describe("the writer thread", () => {
  it("answers every write with its own result", async () => {
    const outputs = ["a", "b", "c", "d", "e"];
    expect((await writeAll(script("echo", ""), outputs)).map(sheetOf)).toEqual(outputs);
  });

  it("once it has died, answers null for the writes in hand and every later one (written here)", async () => {
    const path = script("exits", `if (n === 3) process.exit(7);`);
    const writer = new WriterThread(path);
    try {
      const first = await Promise.all(["a", "b"].map((o) => writer.write(request, o, {})));
      const rest = await Promise.all(["c", "d"].map((o) => writer.write(request, o, {})));
      expect(first.map(sheetOf)).toEqual(["a", "b"]);
      expect(rest).toEqual([null, null]);
      expect(await writer.write(request, "e", {})).toBeNull();
    } finally {
      await writer.close();
    }
  });
});

/** A package's parts by name (zip dates aside). */
const partsOf = (file: string) => unzipSync(readFileSync(file));

describe("a workbook scored here and written by another thread", () => {
  it("is the workbook written here: the request survives the copy between threads", async () => {
    const here = join(dir, "here.xlsx");
    const there = join(dir, "there.xlsx");
    const a = await scoreWorkbookFile(SAMPLE, here, { date: "2026-11-27" });
    const b = await scoreWorkbookFile(SAMPLE, there, {
      date: "2026-11-27",
      // What the writer thread gets: the request as sent, copied as postMessage copies it.
      writer: (r, output, options) =>
        writeScoredFile(fromWire(structuredClone(toWire(r))), output, options),
    });
    expect(a.status).toBe("scored");
    expect(b.status).toBe("scored");
    if (a.status !== "scored" || b.status !== "scored") return;
    expect(b.result.write).toEqual(a.result.write);
    expect(b.result.checklistWrite).toEqual(a.result.checklistWrite);
    expect(partsOf(there)).toEqual(partsOf(here));
  });

  it("is written here when the writer thread is gone", async () => {
    const out = join(dir, "fallback.xlsx");
    const outcome = await scoreWorkbookFile(SAMPLE, out, {
      date: "2026-11-27",
      writer: async () => null,
    });
    expect(outcome.status).toBe("scored");
    expect(Object.keys(partsOf(out))).toContain("xl/workbook.xml");
    expect(outcome.status === "scored" && outcome.result.write?.sheet).toBe("绩效自评汇总");
  });

  it("fails with the writer's reason, and no file, when the writer could not write", async () => {
    const out = join(dir, "refused.xlsx");
    const outcome = await scoreWorkbookFile(SAMPLE, out, {
      date: "2026-11-27",
      writer: async () => ({ ok: false, reason: "磁盘已满", stage: "write" }),
    });
    expect(outcome).toMatchObject({ status: "failed", reason: "磁盘已满", stage: "write" });
    expect(existsSync(out)).toBe(false);
  });
});

describe("a layout on the wire", () => {
  const bold = { bold: true, border: true };
  const layout: SheetLayout = {
    name: "绩效自评汇总",
    fontName: "宋体",
    fontSize: 11,
    cells: [
      { row: 0, column: 0, value: "合计", style: bold },
      { row: 0, column: 1, value: 95.18, formula: "=SUM(B2:B3)", style: bold },
      { row: 0, column: 2, value: true },
    ],
    merges: [{ top: 0, left: 0, bottom: 0, right: 1 }],
    columnWidths: [10, 12],
    rowBlock: {
      top: 2,
      count: 2,
      width: 2,
      cell: (line, column) => ({
        row: 2 + line,
        column,
        value: `项目${line}-${column}`,
        style: bold,
      }),
      styles: [bold],
    },
  };
  const request: WriteRequest = {
    input: new Uint8Array([1, 2, 3]),
    owned: [["summary", layout]],
    macroEnabled: false,
    plainWorkbook: true,
    inPlace: false,
  };

  it("comes back as the layout with its row block made into cells, one style object per style", () => {
    const back = fromWire(structuredClone(toWire(request)));
    const [role, sent] = back.owned[0] as [string, SheetLayout];
    expect(role).toBe("summary");
    expect(sent).toEqual(materialized(layout));
    expect(sent.rowBlock).toBeUndefined();
    expect(new Set(sent.cells.map((c) => c.style).filter(Boolean)).size).toBe(1);
    expect(back.input).toEqual(request.input);
  });
});
