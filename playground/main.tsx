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
import { type DragEvent, useRef, useState } from "react";
import { createRoot } from "react-dom/client";
import { PaneRoot } from "../src/taskpane/PaneRoot";
import type { PlaygroundPort } from "./playgroundPort";
import { SheetPreview } from "./SheetPreview";
import { RankingView } from "./Ranking";
import { type PlaygroundActions, type PlaygroundState, usePlayground } from "./usePlayground";

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

/**
 * Files dropped on the page: `dragging` while they are over it (the page is outlined), opened
 * with `openFiles` when dropped.
 */
function useFileDrop(openFiles: (files: File[]) => Promise<void>) {
  const [dragging, setDragging] = useState(false);
  return {
    dragging,
    onDragOver: (event: DragEvent<HTMLElement>) => {
      event.preventDefault();
      setDragging(true);
    },
    onDragLeave: () => setDragging(false),
    onDrop: async (event: DragEvent<HTMLElement>) => {
      event.preventDefault();
      setDragging(false);
      await openFiles(Array.from(event.dataTransfer.files));
    },
  };
}

/** The task pane on the open workbook, or what to do first. */
function PaneFrame({ port, generation }: { port: PlaygroundPort | null; generation: number }) {
  const styles = useStyles();
  return (
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
  );
}

/** 载入示例工作簿, 打开 .xlsx (one or several), the two downloads, and the open file's name. */
function FileControls({ state, actions }: { state: PlaygroundState; actions: PlaygroundActions }) {
  const styles = useStyles();
  const fileInput = useRef<HTMLInputElement | null>(null);
  return (
    <div className={styles.controls}>
      <Button appearance="primary" onClick={() => void actions.loadSample()}>
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
          await actions.openFiles(Array.from(e.target.files ?? []));
          e.target.value = "";
        }}
      />
      <Button disabled={!state.port} onClick={() => void actions.download()}>
        下载已评分文件
      </Button>
      <Button disabled={!state.port} onClick={() => void actions.downloadReport()}>
        下载自评报告（Word）
      </Button>
      {state.fileName && <span>{state.fileName}</span>}
    </div>
  );
}

/** The message; the alert region is always there, so a refusal put in it is announced at once. */
function PageAlert({ message }: { message: string | null }) {
  return (
    <div role="alert">
      {message && (
        <MessageBar intent="error">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

/** Beside the pane: the hint before a file is open, then the ranking or the sheets' preview. */
function WorkbookView({ state, actions }: { state: PlaygroundState; actions: PlaygroundActions }) {
  const styles = useStyles();
  const { snapshot, ranking } = state;
  return (
    <>
      {!snapshot && (
        <p className={styles.hint}>
          也可以把 .xlsx 文件拖到本页。所有计算都在本机完成，文件不会上传。
        </p>
      )}
      {ranking && <RankingView result={ranking} onSave={actions.saveRanking} />}
      {snapshot && !ranking && (
        <SheetPreview
          snapshot={snapshot}
          layouts={state.port?.written}
          sheet={state.sheet}
          onSheet={actions.showSheet}
          selection={state.selection}
        />
      )}
    </>
  );
}

/** The page: the pane beside the controls, message and preview; a file may be dropped anywhere. */
function Playground() {
  const styles = useStyles();
  const [state, actions] = usePlayground();
  const drop = useFileDrop(actions.openFiles);
  return (
    <main
      className={mergeClasses(styles.page, drop.dragging && styles.dragging)}
      onDragOver={drop.onDragOver}
      onDragLeave={drop.onDragLeave}
      onDrop={(e) => void drop.onDrop(e)}
    >
      <PaneFrame port={state.port} generation={state.generation} />
      <div className={styles.side}>
        <h1 className={styles.heading}>{document.title}</h1>
        <FileControls state={state} actions={actions} />
        <PageAlert message={state.message} />
        <WorkbookView state={state} actions={actions} />
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
