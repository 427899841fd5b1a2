/**
 * The WPS 加载项's task pane: the same pane as in Excel, on the WPS host. Outside WPS it says
 * where to go instead of showing a blank page.
 */
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  webLightTheme,
} from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { PaneRoot } from "../taskpane/PaneRoot";
import { createWpsPort, wpsApplication } from "./wpsHost";

const container = document.getElementById("container");
if (container) {
  const app = wpsApplication();
  createRoot(container).render(
    app ? (
      <PaneRoot port={createWpsPort(app)} />
    ) : (
      <FluentProvider theme={webLightTheme}>
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            绩效自评助手（WPS 加载项）需要在 WPS 表格中打开：功能区“绩效自评 → 打开助手”。
          </MessageBarBody>
        </MessageBar>
      </FluentProvider>
    )
  );
}
