/**
 * The pane's state and actions: recalculate, insert the template, save settings, select a
 * cell, auto-recalculate. All workbook access goes through the injected port; every failure
 * becomes a message in the pane (never a blank pane or a console-only error).
 *
 * This hook composes the parts: the reducer (paneState), the recalculation that has the
 * workbook to itself (useRecalculation), auto-recalculation (useAutoRecalculation) and the
 * workbook actions (paneActions).
 */
import { useCallback, useMemo, useReducer } from "react";
import type { EvaluationSettings } from "../../model/input";
import {
  type ActionContext,
  copyReport,
  insertProjectForm,
  insertStandard,
  insertTemplate,
  saveSettings,
  selectCell,
  writeReport,
} from "./paneActions";
import { type PaneActions, type PaneState, initialPaneState, paneReducer } from "./paneState";
import { usePaneContext } from "./PaneContext";
import { useAutoRecalculation } from "./useAutoRecalculation";
import { useLatest } from "./useLatest";
import { useRecalculation } from "./useRecalculation";

export {
  type BusyPhase,
  type PaneActions,
  type PaneState,
  initialPaneState,
  paneReducer,
} from "./paneState";
export { AUTO_RECALC_DELAY_MS } from "./useAutoRecalculation";

export function usePane(): [PaneState, PaneActions] {
  const { port, t, copyText } = usePaneContext();
  const [state, dispatch] = useReducer(paneReducer, initialPaneState);
  const latest = useLatest(state);
  const { run, claim, release } = useRecalculation(port, t, dispatch);
  const setAutoRecalculate = useAutoRecalculation(port, t, dispatch, run);
  const context = useMemo<ActionContext>(
    () => ({ port, t, copyText, dispatch, latest, run, claim, release }),
    [port, t, copyText, latest, run, claim, release]
  );

  const actions: PaneActions = {
    recalculate: useCallback(() => run(true), [run]),
    preview: useCallback(() => run(false), [run]),
    insertTemplate: useCallback(() => insertTemplate(context), [context]),
    insertStandard: useCallback((id: string) => insertStandard(context, id), [context]),
    insertProjectForm: useCallback((name: string) => insertProjectForm(context, name), [context]),
    saveSettings: useCallback((s: EvaluationSettings) => saveSettings(context, s), [context]),
    selectCell: useCallback((address: string) => selectCell(context, address), [context]),
    setAutoRecalculate,
    dismissError: useCallback(() => dispatch({ type: "dismissError" }), []),
    writeReport: useCallback(() => writeReport(context), [context]),
    copyReport: useCallback(() => copyReport(context), [context]),
  };
  return [state, actions];
}
