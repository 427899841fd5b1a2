/**
 * Ribbon command 重新计算 (manifest: ExecuteFunction, FunctionName "recalculate").
 * Office waits for `event.completed()`, so it is called on every path, errors included.
 */
export async function recalculate(event: Office.AddinCommands.Event): Promise<void> {
  try {
    // TODO: run the scoring pipeline here (read the workbook → score with src/evaluate → write the
    // results back), and report failures to the user instead of failing silently.
  } finally {
    event.completed();
  }
}

Office.onReady(() => Office.actions.associate("recalculate", recalculate));
