/**
 * The one place the WPS 加载项 pages touch WPS's globals: `window.Application` (ET's object
 * model) and, for the ribbon, `CreateTaskPane` / `GetTaskPane` / `PluginStorage`. Everything
 * else gets a WorkbookPort.
 */
import type { EtApplication } from "../hosts/wps/et";
import { WpsWorkbook } from "../hosts/wps/wpsWorkbook";

/** What the ribbon page uses of WPS's Application besides ET. */
export interface WpsShell extends EtApplication {
  CreateTaskPane(url: string, title?: string): { ID: string; Visible: boolean };
  GetTaskPane(id: string): { Visible: boolean } | null;
  PluginStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
}

/** WPS's Application in this page, or null outside WPS (a plain browser). */
export function wpsApplication(): WpsShell | null {
  const app = (window as unknown as { Application?: WpsShell }).Application;
  // A host object may not list its properties to `in`: ask for the property itself.
  return app && typeof app === "object" && app.ActiveWorkbook !== undefined ? app : null;
}

export function createWpsPort(app: EtApplication): WpsWorkbook {
  return new WpsWorkbook(app);
}
