/**
 * Task-pane bootstrap: wait for Office, build the Excel port, render the pane. Outside Excel
 * (a plain browser) it says where to go instead of showing a blank page.
 */
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  type Theme,
  webLightTheme,
} from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { PaneRoot } from "./PaneRoot";
import {
  createExcelPort,
  excelCapabilities,
  isExcelHost,
  officeLocale,
  officeTheme,
  whenOfficeReady,
} from "./officeHost";

function NotInExcel() {
  return (
    <FluentProvider theme={webLightTheme}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>绩效自评助手需要在 Excel 中打开</MessageBarTitle>
          请在 Excel 的“开始”选项卡点击“打开助手”。不用 Excel 试用：在项目目录运行 npm run
          playground。 (Open this add-in from Excel; to try it without Excel, run npm run
          playground.)
        </MessageBarBody>
      </MessageBar>
    </FluentProvider>
  );
}

/** Office's dark theme, fetched only when Office is dark; the light one if it cannot be had. */
async function paneTheme(): Promise<Theme | undefined> {
  if (officeTheme() !== "dark") return undefined;
  try {
    return (await import(/* webpackChunkName: "dark-theme" */ "./darkTheme")).darkTheme;
  } catch {
    return undefined;
  }
}

async function mount(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) return;
  const root = createRoot(container);
  if (!isExcelHost()) {
    root.render(<NotInExcel />);
    return;
  }
  const capabilities = excelCapabilities();
  const theme = await paneTheme();
  root.render(
    <PaneRoot
      port={createExcelPort(capabilities)}
      theme={theme}
      locale={officeLocale()}
      canAutoRecalculate={capabilities.pageLayout}
    />
  );
}

whenOfficeReady(() => void mount());
