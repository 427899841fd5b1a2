/**
 * The playground: the same task pane, in a plain browser, on the bundled sample or an uploaded
 * .xlsx, with a preview of the sheets (the summary included) and a download of the scored file.
 * Needs no network and no Office: `npm run playground`.
 */
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useRef, useState } from "react";
import { createRoot } from "react-dom/client";
import { FileWorkbook } from "../src/hosts/file/fileWorkbook";
import { describeLost, scanWorkbookZip } from "../src/hosts/file/preservation";
import type { WorkbookSnapshot } from "../src/hosts/snapshot";
import { PaneRoot } from "../src/taskpane/PaneRoot";
import { PlaygroundPort, type Selection } from "./playgroundPort";
import { SheetPreview } from "./SheetPreview";

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
});

const SAMPLE_URL = "samples/foshan-sbj-2022.xlsx";

function Playground() {
  const styles = useStyles();
  const [port, setPort] = useState<PlaygroundPort | null>(null);
  const [fileName, setFileName] = useState("");
  const [snapshot, setSnapshot] = useState<WorkbookSnapshot | null>(null);
  const [sheet, setSheet] = useState("");
  const [selection, setSelection] = useState<Selection | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const fileInput = useRef<HTMLInputElement | null>(null);

  const open = useCallback(async (data: ArrayBuffer, name: string) => {
    try {
      const scan = await scanWorkbookZip(new Uint8Array(data));
      setWarning(
        scan.lost.length > 0
          ? `注意：下载的已评分文件中不含原文件的${describeLost(scan.lost)}（试用页用 ExcelJS 写文件）；原文件未改动。在 Excel 中使用加载项不会丢失这些对象。`
          : null
      );
      const book = await FileWorkbook.fromBuffer(data);
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
      setPort(next);
      setFileName(name);
      setMessage(null);
      setSelection(null);
      setGeneration((g) => g + 1);
      const snap = await book.read();
      setSnapshot(snap);
      setSheet(snap.sheets[0]?.name ?? "");
    } catch {
      setMessage(`无法打开 ${name}：不是有效的 .xlsx 文件（若设置了打开密码，请先取消）。`);
    }
  }, []);

  const loadSample = async () => {
    const response = await fetch(SAMPLE_URL);
    await open(await response.arrayBuffer(), "foshan-sbj-2022.xlsx");
  };

  const download = async () => {
    if (!port) return;
    const data = await port.book.toBuffer();
    const blob = new Blob([data as BlobPart], {
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = fileName.replace(/\.xlsx$/i, "") + ".已评分.xlsx";
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <main className={styles.page}>
      <div className={styles.pane}>
        {port ? (
          <PaneRoot key={generation} port={port} landmark="region" />
        ) : (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              请先载入示例工作簿或上传 .xlsx 文件。(Load the sample or upload an .xlsx.)
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      <div className={styles.side}>
        <h1 className={styles.heading}>绩效自评助手 · 试用（无需 Excel）</h1>
        <div className={styles.controls}>
          <Button appearance="primary" onClick={() => void loadSample()}>
            载入示例工作簿
          </Button>
          <Button onClick={() => fileInput.current?.click()}>上传 .xlsx</Button>
          <input
            ref={fileInput}
            type="file"
            accept=".xlsx"
            hidden
            aria-label="上传 .xlsx"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (file) await open(await file.arrayBuffer(), file.name);
              e.target.value = "";
            }}
          />
          <Button disabled={!port} onClick={() => void download()}>
            下载已评分文件
          </Button>
          {fileName && <span>{fileName}</span>}
        </div>
        {message && (
          <MessageBar intent="error">
            <MessageBarBody>{message}</MessageBarBody>
          </MessageBar>
        )}
        {warning && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{warning}</MessageBarBody>
          </MessageBar>
        )}
        {snapshot && (
          <SheetPreview
            snapshot={snapshot}
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
