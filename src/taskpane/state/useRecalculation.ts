/**
 * The recalculation: read, score and (when writing) write the result sheets, one task on the
 * workbook at a time. An edit that asks for one while another runs gets it afterwards, from a
 * fresh read.
 */
import { useCallback, useRef } from "react";
import type { WorkbookPort } from "../../hosts/port";
import type { Recalculation } from "../../pipeline/recalculate";
import { type RecalculationPhase, readAndScore } from "../../pipeline/readAndScore";
import { describeError } from "../../hosts/excel/errors";
import { resultAction } from "./outcome";
import type { PaneDispatch } from "./paneState";
import type { Strings } from "./strings";

export interface Recalculator {
  /** Recalculates (`write`) or scores alone; `leadingNotes` come before the result's own. */
  run: (write: boolean, leadingNotes?: string[]) => Promise<void>;
  /** Takes the workbook for another task (a report); false while a task has it. */
  claim: () => boolean;
  /** Frees the workbook after such a task (see `run`'s rerun). */
  release: () => Promise<void>;
}

/** Reads and scores; with `write`, also writes the result sheets. */
async function recalculation(
  port: WorkbookPort,
  write: boolean,
  onPhase: (phase: RecalculationPhase) => void
): Promise<Recalculation> {
  if (!write) return { ...(await readAndScore(port, { onPhase })), write: null };
  // Scoring alone needs no layouts; they load (one chunk) on the first write.
  const { recalculate } = await import(
    /* webpackChunkName: "sheet-layouts" */ "../../pipeline/recalculate"
  );
  return await recalculate(port, { onPhase });
}

export function useRecalculation(
  port: WorkbookPort,
  t: Strings,
  dispatch: PaneDispatch
): Recalculator {
  const running = useRef(false);
  /** A recalculation was asked for while one ran (an edit during a long write). */
  const rerun = useRef(false);

  const claim = useCallback(() => {
    if (running.current) return false;
    running.current = true;
    return true;
  }, []);

  /**
   * The end of a task that had the workbook to itself: free it, then run the recalculation an
   * edit asked for meanwhile (from a fresh read).
   */
  const releaseThen = useCallback(async (recalculate: (write: boolean) => Promise<void>) => {
    running.current = false;
    if (rerun.current) {
      rerun.current = false;
      await recalculate(true);
    }
  }, []);

  const run = useCallback(
    async (write: boolean, leadingNotes: string[] = []): Promise<void> => {
      if (!claim()) {
        // An edit while a recalculation runs: run once more when it is done, from a fresh read.
        if (write) rerun.current = true;
        return;
      }
      try {
        const onPhase = (phase: RecalculationPhase) => dispatch({ type: "busy", phase });
        const result = await recalculation(port, write, onPhase);
        dispatch(resultAction(result, t, write, leadingNotes));
      } catch (error) {
        dispatch({ type: "error", message: describeError(error) });
      }
      await releaseThen(run);
    },
    [port, t, dispatch, claim, releaseThen]
  );

  const release = useCallback(() => releaseThen(run), [releaseThen, run]);
  return { run, claim, release };
}
