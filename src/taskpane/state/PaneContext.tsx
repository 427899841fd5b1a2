/**
 * What the pane's components get from above: the workbook port (injected: Excel, ExcelJS or a
 * test double — components never touch the `Excel` global) and the chosen language.
 */
import { createContext, useContext, useMemo, useState, type ReactNode } from "react";
import type { WorkbookPort } from "../../hosts/port";
import { type Locale, type Strings, strings } from "./strings";

interface PaneContextValue {
  port: WorkbookPort;
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Strings;
}

const PaneContext = createContext<PaneContextValue | null>(null);

export interface PaneProviderProps {
  port: WorkbookPort;
  initialLocale?: Locale;
  children: ReactNode;
}

export function PaneProvider({ port, initialLocale = "zh-CN", children }: PaneProviderProps) {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const value = useMemo(() => ({ port, locale, setLocale, t: strings[locale] }), [port, locale]);
  return <PaneContext.Provider value={value}>{children}</PaneContext.Provider>;
}

export function usePaneContext(): PaneContextValue {
  const value = useContext(PaneContext);
  if (!value) throw new Error("usePaneContext must be used inside <PaneProvider>");
  return value;
}
