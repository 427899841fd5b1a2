/**
 * The pane with its providers: Fluent theme and the injected workbook port. Excel (index.tsx),
 * the playground and the tests all render this, each with its own port.
 */
import {
  FluentProvider,
  type Theme,
  makeStaticStyles,
  makeStyles,
  webLightTheme,
} from "@fluentui/react-components";
import type { WorkbookPort } from "../hosts/port";
import { App } from "./components/App";
import { PaneProvider } from "./state/PaneContext";
import type { CopyText } from "./state/clipboard";
import type { Locale } from "./state/strings";

const useGlobalStyles = makeStaticStyles({ "html, body": { margin: 0, padding: 0 } });
const useStyles = makeStyles({ provider: { minHeight: "100vh" } });

export interface PaneRootProps {
  port: WorkbookPort;
  /** Fluent's light theme unless given (Office's dark one comes as its own chunk: darkTheme.ts). */
  theme?: Theme;
  locale?: Locale;
  previewOnOpen?: boolean;
  canAutoRecalculate?: boolean;
  /** "region" when the pane sits inside a page that has its own main landmark (playground). */
  landmark?: "main" | "region";
  /** The clipboard (复制报告全文); the system's by default. */
  copyText?: CopyText;
}

export function PaneRoot({
  port,
  theme = webLightTheme,
  locale = "zh-CN",
  previewOnOpen,
  canAutoRecalculate,
  landmark,
  copyText,
}: PaneRootProps) {
  useGlobalStyles();
  const styles = useStyles();
  return (
    <FluentProvider theme={theme} className={styles.provider}>
      <PaneProvider port={port} initialLocale={locale} copyText={copyText}>
        <App
          previewOnOpen={previewOnOpen}
          canAutoRecalculate={canAutoRecalculate}
          landmark={landmark}
        />
      </PaneProvider>
    </FluentProvider>
  );
}
