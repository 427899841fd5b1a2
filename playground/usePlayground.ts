/**
 * The page's state and actions: the workbook open in the pane (its port, the preview's sheet
 * and selection), the ranking of several workbooks, and the message saying what went wrong.
 * Workbook access goes through the port only; files come in and go out through browserFiles.
 */
import { useCallback, useState } from "react";
import { PackageWorkbook } from "../src/hosts/file/packageWorkbook";
import { ZipError } from "../src/hosts/file/zipPackage";
import type { WorkbookSnapshot } from "../src/hosts/snapshot";
import { DOCX_TYPE, SAMPLE_NAME, sampleBytes, saveBytes } from "./browserFiles";
import { PlaygroundPort, type Selection } from "./playgroundPort";
import { type RankingResult, rankFiles, rankingWorkbook } from "./Ranking";
import { reportDocxOf } from "./reportDownload";

export interface PlaygroundState {
  /** The open workbook's port; null until one is opened. */
  port: PlaygroundPort | null;
  fileName: string;
  /** The workbook as last read, for the preview. */
  snapshot: WorkbookSnapshot | null;
  /** The sheet shown in the preview. */
  sheet: string;
  /** The cell the pane last selected, marked in the preview. */
  selection: Selection | null;
  /** What went wrong, in the user's words; null when nothing did. */
  message: string | null;
  /** Several workbooks scored together; null when one is open in the pane instead. */
  ranking: RankingResult | null;
  /** Counts the workbooks opened: each gets a new pane, not the last one's state. */
  generation: number;
}

export interface PlaygroundActions {
  loadSample: () => Promise<void>;
  /** One workbook opens in the pane; several are scored and ranked. */
  openFiles: (files: File[]) => Promise<void>;
  /** Saves the scored file: the original package with our sheets added. */
  download: () => Promise<void>;
  /** Saves the report draft (Word), or says why there is none. */
  downloadReport: () => Promise<void>;
  /** Saves 汇总排名.xlsx for the ranking shown. */
  saveRanking: () => void;
  showSheet: (sheet: string) => void;
}

/** Why `name` did not open, said as what it means to the user. */
function openRefusal(name: string, error: unknown): string {
  // The reader's refusals are Chinese sentences already (zip bomb, duplicate parts, …).
  const reason =
    error instanceof Error && /[\u4e00-\u9fff]/.test(error.message) ? error.message : "";
  // A broken zip is said as what it means to the user (not a workbook), the detail after.
  const notXlsx = "不是有效的 .xlsx 文件";
  return `无法打开 ${name}：${
    error instanceof ZipError
      ? `${notXlsx}（${reason}）`
      : reason || `${notXlsx}（若设置了打开密码，请先取消）`
  }。`;
}

/**
 * The workbook open on the page, and `open`: a file that is not a workbook changes nothing on
 * the page but the message (`onRefused`); one that is replaces the last (`onOpened` first).
 */
function useOpenWorkbook(onOpened: () => void, onRefused: (message: string) => void) {
  const [port, setPort] = useState<PlaygroundPort | null>(null);
  const [fileName, setFileName] = useState("");
  const [snapshot, setSnapshot] = useState<WorkbookSnapshot | null>(null);
  const [sheet, setSheet] = useState("");
  const [selection, setSelection] = useState<Selection | null>(null);
  const [generation, setGeneration] = useState(0);

  const open = useCallback(
    async (data: ArrayBuffer, name: string) => {
      try {
        const book = new PackageWorkbook(new Uint8Array(data));
        // Each edit the pane writes is read back for the preview; each selection is shown there.
        const next = new PlaygroundPort(
          book,
          () => void book.read().then(setSnapshot),
          (sel) => {
            setSelection(sel);
            setSheet(sel.sheet);
          }
        );
        // Read first: a file that is not a workbook changes nothing on the page.
        const snap = await book.read();
        setPort(next);
        onOpened();
        setFileName(name);
        setSelection(null);
        setGeneration((g) => g + 1);
        setSnapshot(snap);
        setSheet(snap.sheets[0]?.name ?? "");
      } catch (error) {
        onRefused(openRefusal(name, error));
      }
    },
    [onOpened, onRefused]
  );
  return { port, fileName, snapshot, sheet, selection, generation, open, setSheet };
}

/** Saves the report draft (某局.自评报告.docx), or says in `say` why there is none. */
async function saveReport(
  port: PlaygroundPort,
  fileName: string,
  say: (message: string | null) => void
): Promise<void> {
  try {
    const docx = await reportDocxOf(port);
    // In the command line's words (`无法生成 某局.xlsx 的报告：…`).
    if ("refused" in docx) return say(`无法生成 ${fileName} 的报告：${docx.refused}`);
    say(null);
    saveBytes(docx, fileName.replace(/\.xlsx$/i, "") + ".自评报告.docx", DOCX_TYPE);
  } catch {
    say("生成报告草稿时出错：请重新载入文件后再试。");
  }
}

export function usePlayground(): [PlaygroundState, PlaygroundActions] {
  const [message, setMessage] = useState<string | null>(null);
  const [ranking, setRanking] = useState<RankingResult | null>(null);
  const onOpened = useCallback(() => {
    setRanking(null);
    setMessage(null);
  }, []);
  const { open, setSheet, ...workbook } = useOpenWorkbook(onOpened, setMessage);
  const { port, fileName } = workbook;

  const actions: PlaygroundActions = {
    loadSample: async () => {
      try {
        await open(await sampleBytes(), SAMPLE_NAME);
      } catch {
        setMessage("无法载入示例工作簿：请改用“打开 .xlsx”。");
      }
    },
    openFiles: async (files) => {
      const books = files.filter((f) => /\.xlsx$/i.test(f.name));
      if (books.length === 0) return setMessage("请选择或拖入 .xlsx 文件。");
      try {
        if (books.length === 1) return await open(await books[0].arrayBuffer(), books[0].name);
        setMessage(null);
        setRanking(await rankFiles(books));
      } catch {
        setMessage("无法读取所选文件：请确认文件未被其他程序占用，再试一次。");
      }
    },
    download: async () => {
      if (!port) return;
      saveBytes(await port.book.toBuffer(), fileName.replace(/\.xlsx$/i, "") + ".已评分.xlsx");
    },
    downloadReport: async () => {
      if (port) await saveReport(port, fileName, setMessage);
    },
    saveRanking: () => {
      if (ranking) void rankingWorkbook(ranking).then((d) => saveBytes(d, "汇总排名.xlsx"));
    },
    showSheet: setSheet,
  };
  return [{ ...workbook, message, ranking }, actions];
}
