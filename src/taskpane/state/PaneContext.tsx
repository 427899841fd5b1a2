/**
 * What the pane's components get from above: the workbook port (injected: Excel, ExcelJS or a
 * test double — components never touch the `Excel` global) and the chosen language.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";
import type { WorkbookPort } from "../../hosts/port";
import type { CopyText } from "./clipboard";
import { type Locale, type Strings, loadStrings, zhStrings } from "./strings";

interface PaneContextValue {
  port: WorkbookPort;
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Strings;
  /** Puts text on the clipboard; absent: the system's (loaded with the report chunk). */
  copyText?: CopyText;
}

const PaneContext = createContext<PaneContextValue | null>(null);

export interface PaneProviderProps {
  port: WorkbookPort;
  initialLocale?: Locale;
  copyText?: CopyText;
  children: ReactNode;
}

/**
 * The language switches once its strings are there (English comes from its own chunk), so the
 * pane never shows a mix; until then it shows Chinese.
 */
export function PaneProvider({
  port,
  initialLocale = "zh-CN",
  copyText,
  children,
}: PaneProviderProps) {
  const [language, setLanguage] = useState<{ locale: Locale; t: Strings }>({
    locale: "zh-CN",
    t: zhStrings,
  });
  // The last choice wins, even if an earlier one's strings arrive later.
  const latest = useRef<Locale>("zh-CN");
  const setLocale = useCallback((locale: Locale) => {
    latest.current = locale;
    loadStrings(locale).then(
      (t) => {
        if (latest.current === locale) setLanguage({ locale, t });
      },
      () => {
        // The English chunk could not be fetched (offline): the pane stays in Chinese.
        latest.current = "zh-CN";
      }
    );
  }, []);
  useEffect(() => {
    if (initialLocale !== "zh-CN") setLocale(initialLocale);
  }, [initialLocale, setLocale]);
  const value = useMemo(
    () => ({ port, setLocale, copyText, ...language }),
    [port, setLocale, copyText, language]
  );
  return <PaneContext.Provider value={value}>{children}</PaneContext.Provider>;
}

export function usePaneContext(): PaneContextValue {
  const value = useContext(PaneContext);
  if (!value) throw new Error("usePaneContext must be used inside <PaneProvider>");
  return value;
}
