/**
 * The WPS 加载项's ribbon callbacks (named in ribbon.xml, looked up on `window` by WPS):
 * 打开助手 shows the task pane (one per session, its id kept in PluginStorage); 重新计算 scores
 * the active workbook, writes the summary and says the outcome in one Chinese sentence.
 */
import { describeError } from "../hosts/excel/errors";
import { score } from "../model/decimal";
import { recalculate } from "../pipeline/recalculate";
import { nothingWritten, projectsOnlyNote, writtenSheets } from "../pipeline/writtenSheets";
import { createWpsPort, wpsApplication } from "./wpsHost";

const PANE_KEY = "jixiao.et.taskpane";

/** The task pane beside this page (WPS resolves it against the add-in's folder). */
function paneUrl(): string {
  return window.location.href.replace(/[^/]*([?#].*)?$/, "taskpane.html");
}

function openPane(): void {
  const app = wpsApplication();
  if (!app) return;
  const id = app.PluginStorage.getItem(PANE_KEY);
  const existing = id ? app.GetTaskPane(id) : null;
  if (existing) {
    existing.Visible = true;
    return;
  }
  const pane = app.CreateTaskPane(paneUrl(), "绩效自评助手");
  app.PluginStorage.setItem(PANE_KEY, String(pane.ID));
  pane.Visible = true;
}

/** 重新计算 from the ribbon: the outcome, or what went wrong, in one sentence. */
export async function recalculateFromRibbon(): Promise<string> {
  const app = wpsApplication();
  if (!app) return "请在 WPS 表格中使用绩效自评助手。";
  try {
    const result = await recalculate(createWpsPort(app));
    const { total, grade } = result.evaluation;
    const sheets = writtenSheets(result);
    if (sheets.length === 0) return nothingWritten(result);
    const written = `已写入${sheets.map((s) => `“${s}”`).join("、")}工作表。`;
    // Project forms alone: no department total, the note instead (first, as the Excel ribbon).
    if (result.evaluation.projectsOnly)
      return `计算完成：${projectsOnlyNote(result.evaluation)}${written}`;
    return `计算完成：总分 ${score(total)} 分，等级 ${grade}；${written}`;
  } catch (error) {
    return describeError(error);
  }
}

const callbacks = {
  OnAddinLoad: () => true,
  OnAction: (control: { Id: string }) => {
    if (control.Id === "jixiaoOpenPane") openPane();
    if (control.Id === "jixiaoRecalculate")
      void recalculateFromRibbon().then((text) => window.alert(text));
    return true;
  },
  GetImage: () => "images/icon-32.png",
};
Object.assign(window, callbacks);
