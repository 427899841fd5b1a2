/**
 * Auto-recalculation: while on, every edit the host reports schedules a recalculation after a
 * quiet spell. The subscription and the timer end when it is switched off or the pane goes.
 */
import { useCallback, useEffect, useRef } from "react";
import type { WorkbookPort } from "../../hosts/port";
import { describeError } from "../../hosts/excel/errors";
import type { PaneDispatch } from "./paneState";
import type { Strings } from "./strings";
import { useLatest } from "./useLatest";

/** Milliseconds of quiet after the last edit before auto-recalculation runs. */
export const AUTO_RECALC_DELAY_MS = 1500;

/**
 * `schedule`: a recalculation after AUTO_RECALC_DELAY_MS of quiet, by the latest `run` (its
 * strings follow the language); `cancel`: the one still waiting does not run.
 */
function useDebouncedRecalculation(run: (write: boolean) => Promise<void>) {
  const timer = useRef<number | null>(null);
  const latestRun = useLatest(run);
  const cancel = useCallback(() => {
    if (timer.current) window.clearTimeout(timer.current);
    timer.current = null;
  }, []);
  // Debounced, and always from a fresh read: event details are not trusted.
  const schedule = useCallback(() => {
    if (timer.current) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void latestRun.current(true), AUTO_RECALC_DELAY_MS);
  }, [latestRun]);
  useEffect(() => cancel, [cancel]);
  return { schedule, cancel };
}

/** Returns `setAutoRecalculate`: on, it listens to the workbook's edits; off, it stops. */
export function useAutoRecalculation(
  port: WorkbookPort,
  t: Strings,
  dispatch: PaneDispatch,
  run: (write: boolean) => Promise<void>
): (on: boolean) => Promise<void> {
  const unsubscribe = useRef<(() => Promise<void>) | null>(null);
  const { schedule, cancel } = useDebouncedRecalculation(run);
  useEffect(() => () => void unsubscribe.current?.(), []);

  return useCallback(
    async (on: boolean) => {
      // An edit's recalculation still waiting when switched off does not run.
      cancel();
      const stopListening = unsubscribe.current;
      unsubscribe.current = null;
      if (stopListening) await stopListening();
      if (!on) {
        dispatch({ type: "auto", on: false });
        return;
      }
      let stop: (() => Promise<void>) | null = null;
      try {
        stop = port.subscribeToEdits ? await port.subscribeToEdits(schedule) : null;
      } catch (error) {
        dispatch({ type: "error", message: describeError(error) });
        return;
      }
      if (!stop) {
        dispatch({ type: "notes", notes: [t.autoUnsupported] });
        dispatch({ type: "auto", on: false });
        return;
      }
      unsubscribe.current = stop;
      dispatch({ type: "auto", on: true });
    },
    [port, t, dispatch, cancel, schedule]
  );
}
