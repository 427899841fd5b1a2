/**
 * Everything the task pane needs from Office itself: is this Excel, which API sets exist,
 * which theme is showing, and the Excel port. With hosts/excel/, the only code that touches
 * the `Office` and `Excel` globals.
 */
import { fileNameFromUrl } from "../hosts/excel/documentName";
import { ExcelWorkbook, type SheetListMemory, lazyWriter } from "../hosts/excel/excelWorkbook";
import type { ExcelCapabilities } from "../hosts/excel/writeLayout";
import type { WorkbookPort } from "../hosts/port";

export function isExcelHost(): boolean {
  try {
    return (
      typeof Office !== "undefined" &&
      Office.context?.host === Office.HostType.Excel &&
      typeof Excel !== "undefined"
    );
  } catch {
    return false;
  }
}

function supports(version: string): boolean {
  try {
    return Office.context.requirements.isSetSupported("ExcelApi", version);
  } catch {
    return false;
  }
}

export function excelCapabilities(): ExcelCapabilities {
  return {
    dataValidation: supports("1.8"),
    pageLayout: supports("1.9"),
    mergedAreas: supports("1.13"),
  };
}

/** Dark when Office shows a dark theme; older clients only give colours, so use luminance. */
export function officeTheme(): "light" | "dark" {
  try {
    const theme: Partial<Office.OfficeTheme> | undefined = Office.context?.officeTheme;
    if (!theme) return "light";
    if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme ? "dark" : "light";
    const hex = /^#?([0-9a-f]{6})$/i.exec(theme.bodyBackgroundColor ?? "");
    if (!hex) return "light";
    const rgb = parseInt(hex[1], 16);
    const luminance = 0.2126 * (rgb >> 16) + 0.7152 * ((rgb >> 8) & 0xff) + 0.0722 * (rgb & 0xff);
    return luminance < 128 ? "dark" : "light";
  } catch {
    return "light";
  }
}

export function officeLocale(): "zh-CN" | "en-US" {
  try {
    return /^zh/i.test(Office.context.displayLanguage) ? "zh-CN" : "en-US";
  } catch {
    return "zh-CN";
  }
}

/** The document's add-in settings key under which the sheet list is kept. */
const SHEETS_SETTING = "jixiao.sheets";

/** The sheet list kept in the document's add-in settings (Office.context.document.settings). */
export function documentSheetMemory(): SheetListMemory {
  return {
    recall: () => {
      try {
        const names = Office.context.document.settings.get(SHEETS_SETTING) as unknown;
        return Array.isArray(names) ? names.filter((n): n is string => typeof n === "string") : [];
      } catch {
        return [];
      }
    },
    remember: (names) => {
      try {
        Office.context.document.settings.set(SHEETS_SETTING, [...names]);
        Office.context.document.settings.saveAsync(() => undefined);
      } catch {
        // No settings on this host: the next session reads the sheet list first, as before.
      }
    },
  };
}

/**
 * The workbook's file name from the document's url (a path or URL; its last segment), "" for a
 * new workbook never saved or a host that gives no url. The 年度 of last resort, as WPS gives it.
 */
export function documentFileName(): string {
  try {
    return fileNameFromUrl(Office.context.document.url);
  } catch {
    return "";
  }
}

export function createExcelPort(
  capabilities: ExcelCapabilities = excelCapabilities()
): WorkbookPort {
  return new ExcelWorkbook(
    (options, batch) => Excel.run(options, batch),
    capabilities,
    undefined,
    lazyWriter,
    documentSheetMemory(),
    documentFileName
  );
}

/**
 * Runs `start` once Office is ready; when office.js could not load at all (a plain browser,
 * offline), runs it straight away so the page still says something.
 */
export function whenOfficeReady(start: () => void): void {
  if (typeof Office !== "undefined" && typeof Office.onReady === "function")
    void Office.onReady(() => start());
  else start();
}
