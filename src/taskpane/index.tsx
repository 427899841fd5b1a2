import { createRoot } from "react-dom/client";
import {
  FluentProvider,
  makeStaticStyles,
  makeStyles,
  webDarkTheme,
  webLightTheme,
  type Theme,
} from "@fluentui/react-components";
import { App } from "./components/App";

const useGlobalStyles = makeStaticStyles({
  "html, body": { margin: 0, padding: 0 },
});

const useStyles = makeStyles({
  provider: { minHeight: "100vh" },
});

/**
 * Dark Fluent theme when Office shows a dark theme (Black / Dark Gray), light otherwise.
 * `isDarkTheme` is missing on older clients, so fall back to the body background's luminance.
 */
function officeFluentTheme(): Theme {
  try {
    const theme: Partial<Office.OfficeTheme> | undefined =
      typeof Office === "undefined" ? undefined : Office.context?.officeTheme;
    if (!theme) return webLightTheme;
    if (typeof theme.isDarkTheme === "boolean") {
      return theme.isDarkTheme ? webDarkTheme : webLightTheme;
    }
    const hex = /^#?([0-9a-f]{6})$/i.exec(theme.bodyBackgroundColor ?? "");
    if (!hex) return webLightTheme;
    const rgb = parseInt(hex[1], 16);
    const luminance = 0.2126 * (rgb >> 16) + 0.7152 * ((rgb >> 8) & 0xff) + 0.0722 * (rgb & 0xff);
    return luminance < 128 ? webDarkTheme : webLightTheme;
  } catch {
    return webLightTheme; // outside Office, Office.context may be unusable
  }
}

function Root({ theme }: { theme: Theme }) {
  useGlobalStyles();
  const styles = useStyles();
  return (
    <FluentProvider theme={theme} className={styles.provider}>
      <App />
    </FluentProvider>
  );
}

function mount(): void {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(<Root theme={officeFluentTheme()} />);
}

// Inside Office (or with office.js loaded in a browser) wait for Office; when office.js could not
// be loaded at all (plain browser, offline), mount straight away so the pane still renders.
if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  Office.onReady(() => mount());
} else {
  mount();
}
