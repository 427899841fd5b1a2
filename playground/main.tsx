/**
 * The playground and the 网页版: the same task pane, in a plain browser, on the bundled sample or
 * an .xlsx chosen or dropped on the page, with a preview of the sheets (the summary included)
 * and a download of the scored file — the original package with our sheets added, nothing else
 * changed. Needs no network and no Office: `npm run playground`, or the single file
 * dist/绩效自评助手-网页版.html opened from disk (scripts/build-web.cjs).
 */
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  makeStyles,
  mergeClasses,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { type DragEvent, useCallback, useRef, useState } from "react";
import { createRoot } from "react-dom/client";
import { PackageWorkbook } from "../src/hosts/file/packageWorkbook";
import { ZipError } from "../src/hosts/file/zipPackage";
import type { WorkbookSnapshot } from "../src/hosts/snapshot";
import { PaneRoot } from "../src/taskpane/PaneRoot";
import { PlaygroundPort, type Selection } from "./playgroundPort";
import { SheetPreview } from "./SheetPreview";
import { reportDocxOf } from "./reportDownload";
import { type RankingResult, RankingView, rankFiles, rankingWorkbook } from "./Ranking";

const useStyles = makeStyles({
  page: {
    display: "grid",
    gridTemplateColumns: "minmax(320px, 380px) 1fr",
    columnGap: tokens.spacingHorizontalL,
    padding: tokens.spacingHorizontalL,
    alignItems: "start",
    "@media (max-width: 760px)": { gridTemplateColumns: "1fr" },
  },
  pane: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  side: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  controls: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500 },
  hint: { margin: 0, color: tokens.colorNeutralForeground2 },
  dragging: { outline: `${tokens.strokeWidthThicker} dashed ${tokens.colorBrandStroke1}` },
});

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const SAMPLE_URL = "samples/foshan-sbj-2022.xlsx";
const SAMPLE_NAME = "foshan-sbj-2022.xlsx";

/** The sample: inlined in the 网页版 (base64 in #sample-data), else fetched beside the page. */
async function sampleBytes(): Promise<ArrayBuffer> {
  const inline = document.getElementById("sample-data")?.textContent?.trim();
  if (inline) return Uint8Array.from(atob(inline), (c) => c.charCodeAt(0)).buffer;
  return (await fetch(SAMPLE_URL)).arrayBuffer();
}

function Playground() {
  const styles = useStyles();
  const [port, setPort] = useState<PlaygroundPort | null>(null);
  const [fileName, setFileName] = useState("");
  const [snapshot, setSnapshot] = useState<WorkbookSnapshot | null>(null);
  const [sheet, setSheet] = useState("");
  const [selection, setSelection] = useState<Selection | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [ranking, setRanking] = useState<RankingResult | null>(null);
  const [generation, setGeneration] = useState(0);
  const fileInput = useRef<HTMLInputElement | null>(null);

  const open = useCallback(async (data: ArrayBuffer, name: string) => {
    try {
      const book = new PackageWorkbook(new Uint8Array(data));
      let next: PlaygroundPort | null = null;
      const refresh = async () => {
        if (!next) return;
        const snap = await next.book.read();
        setSnapshot(snap);
      };
      next = new PlaygroundPort(
        book,
        () => void refresh().then(() => setSheet((s) => s)),
        (sel) => {
          setSelection(sel);
          setSheet(sel.sheet);
        }
      );
      // Read first: a file that is not a workbook changes nothing on the page.
      const snap = await book.read();
      setPort(next);
      setRanking(null);
      setFileName(name);
      setMessage(null);
      setSelection(null);
      setGeneration((g) => g + 1);
      setSnapshot(snap);
      setSheet(snap.sheets[0]?.name ?? "");
    } catch (error) {
      // The reader's refusals are Chinese sentences already (zip bomb, duplicate parts, …).
      const reason =
        error instanceof Error && /[\u4e00-\u9fff]/.test(error.message) ? error.message : "";
      // A broken zip is said as what it means to the user (not a workbook), the detail after.
      const notXlsx = "不是有效的 .xlsx 文件";
      setMessage(
        `无法打开 ${name}：${
          error instanceof ZipError
            ? `${notXlsx}（${reason}）`
            : reason || `${notXlsx}（若设置了打开密码，请先取消）`
        }。`
      );
    }
  }, []);

  const loadSample = async () => {
    try {
      await open(await sampleBytes(), SAMPLE_NAME);
    } catch {
      setMessage("无法载入示例工作簿：请改用“打开 .xlsx”。");
    }
  };
  /** One workbook opens in the pane; several are scored and ranked. */
  const openFiles = async (files: File[]) => {
    const books = files.filter((f) => /\.xlsx$/i.test(f.name));
    if (books.length === 0) return setMessage("请选择或拖入 .xlsx 文件。");
    try {
      if (books.length === 1) return await open(await books[0].arrayBuffer(), books[0].name);
      setMessage(null);
      setRanking(await rankFiles(books));
    } catch {
      setMessage("无法读取所选文件：请确认文件未被其他程序占用，再试一次。");
    }
  };
  const saveBytes = (data: Uint8Array, name: string, type = XLSX_TYPE) => {
    const blob = new Blob([data as BlobPart], { type });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    a.click();
    URL.revokeObjectURL(url);
  };
  const onDrop = async (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    await openFiles(Array.from(event.dataTransfer.files));
  };

  const download = async () => {
    if (!port) return;
    saveBytes(await port.book.toBuffer(), fileName.replace(/\.xlsx$/i, "") + ".已评分.xlsx");
  };

  const downloadReport = async () => {
    if (!port) return;
    try {
      const docx = await reportDocxOf(port);
      // In the command line's words (`无法生成 某局.xlsx 的报告：…`).
      if ("refused" in docx) return setMessage(`无法生成 ${fileName} 的报告：${docx.refused}`);
      setMessage(null);
      saveBytes(docx, fileName.replace(/\.xlsx$/i, "") + ".自评报告.docx", DOCX_TYPE);
    } catch {
      setMessage("生成报告草稿时出错：请重新载入文件后再试。");
    }
  };

  return (
    <main
      className={mergeClasses(styles.page, dragging && styles.dragging)}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => void onDrop(e)}
    >
      <div className={styles.pane}>
        {port ? (
          <PaneRoot key={generation} port={port} landmark="region" />
        ) : (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              请先载入示例工作簿或打开 .xlsx 文件。(Load the sample or open an .xlsx.)
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      <div className={styles.side}>
        <h1 className={styles.heading}>{document.title}</h1>
        <div className={styles.controls}>
          <Button appearance="primary" onClick={() => void loadSample()}>
            载入示例工作簿
          </Button>
          <Button onClick={() => fileInput.current?.click()}>打开 .xlsx</Button>
          <input
            ref={fileInput}
            type="file"
            accept=".xlsx"
            multiple
            hidden
            aria-label="打开 .xlsx"
            onChange={async (e) => {
              await openFiles(Array.from(e.target.files ?? []));
              e.target.value = "";
            }}
          />
          <Button disabled={!port} onClick={() => void download()}>
            下载已评分文件
          </Button>
          <Button disabled={!port} onClick={() => void downloadReport()}>
            下载自评报告（Word）
          </Button>
          {fileName && <span>{fileName}</span>}
        </div>
        {/* Always there, so a refusal put in it is announced at once. */}
        <div role="alert">
          {message && (
            <MessageBar intent="error">
              <MessageBarBody>{message}</MessageBarBody>
            </MessageBar>
          )}
        </div>
        {!snapshot && (
          <p className={styles.hint}>
            也可以把 .xlsx 文件拖到本页。所有计算都在本机完成，文件不会上传。
          </p>
        )}
        {ranking && (
          <RankingView
            result={ranking}
            onSave={() => void rankingWorkbook(ranking).then((d) => saveBytes(d, "汇总排名.xlsx"))}
          />
        )}
        {snapshot && !ranking && (
          <SheetPreview
            snapshot={snapshot}
            layouts={port?.written}
            sheet={sheet}
            onSheet={setSheet}
            selection={selection}
          />
        )}
      </div>
    </main>
  );
}

const container = document.getElementById("container");
if (container) {
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <Playground />
    </FluentProvider>
  );
}
