/**
 * Ribbon command 重新计算 (manifest: ExecuteFunction, FunctionName "recalculate"): runs the
 * same pipeline as the pane without opening it, then reports the outcome in a small dialog.
 * Office waits for `event.completed()`, so it is called on every path, errors included.
 */
import { describeError } from "../hosts/excel/errors";
import { score } from "../model/decimal";
import { recalculate as recalculatePipeline } from "../pipeline/recalculate";
import { nothingWritten, projectsOnlyNote, writtenSheets } from "../pipeline/writtenSheets";
import { createExcelPort } from "../taskpane/officeHost";

/** Shows `text` in dialog.html; resolves when the user closes it or after `timeoutMs`. */
function showOutcome(text: string, kind: "ok" | "error", timeoutMs = 15000): Promise<void> {
  return new Promise((resolve) => {
    const url = new URL("dialog.html", window.location.href);
    url.searchParams.set("kind", kind);
    url.searchParams.set("text", text);
    let timer = 0;
    Office.context.ui.displayDialogAsync(
      url.toString(),
      { height: 25, width: 30, displayInIframe: true },
      (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) {
          resolve();
          return;
        }
        const dialog = result.value;
        const close = () => {
          window.clearTimeout(timer);
          dialog.close();
          resolve();
        };
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, close);
        dialog.addEventHandler(Office.EventType.DialogEventReceived, () => {
          window.clearTimeout(timer);
          resolve();
        });
        timer = window.setTimeout(close, timeoutMs);
      }
    );
  });
}

export async function recalculate(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const result = await recalculatePipeline(createExcelPort());
    const e = result.evaluation;
    const errors = e.gaps.filter((g) => g.severity === "error").length;
    const warnings = e.gaps.filter((g) => g.severity === "warning").length;
    const sheets = writtenSheets(result);
    if (sheets.length === 0) return await showOutcome(nothingWritten(result), "error");
    const forms = e.projects ? `项目自评表 ${e.projects.results.length} 张。` : "";
    await showOutcome(
      `${e.projectsOnly ? projectsOnlyNote(e) : `总分 ${score(e.total)} 分，绩效等级“${e.grade}”。`}问题 ${e.gaps.length} 项（严重 ${errors}，警告 ${warnings}）。${forms}已写入${sheets.map((n) => `“${n}”`).join("、")}工作表。`,
      errors > 0 ? "error" : "ok"
    );
  } catch (error) {
    await showOutcome(describeError(error), "error");
  } finally {
    event.completed();
  }
}

// Office 2019 and later: associate; older function-file hosts look the name up on window.
(window as unknown as Record<string, unknown>).recalculate = recalculate;
Office.onReady(() => {
  if (Office.actions?.associate) Office.actions.associate("recalculate", recalculate);
});
