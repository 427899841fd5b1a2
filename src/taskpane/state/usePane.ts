/**
 * The pane's state and actions: recalculate, insert the template, save settings, select a
 * cell, auto-recalculate. All workbook access goes through the injected port; every failure
 * becomes a message in the pane (never a blank pane or a console-only error).
 */
import { useCallback, useEffect, useReducer, useRef } from "react";
import type { EvaluationSettings } from "../../model/input";
import { settingsLayout } from "../../layout/settings";
import { findPresetById } from "../../standard/presets";
import type { Standard } from "../../standard/types";
import type { Recalculation } from "../../pipeline/recalculate";
import { type RecalculationPhase, readAndScore } from "../../pipeline/readAndScore";
import { describeError } from "../../hosts/excel/errors";
import { score } from "../../model/decimal";
import { whyNothingToWrite } from "../../pipeline/scoreCore";
import { inputSheets, writtenSheets } from "../../pipeline/writtenSheets";
import { usePaneContext } from "./PaneContext";
import type { Strings } from "./strings";

export type BusyPhase =
  | RecalculationPhase
  | "inserting"
  | "insertingStandard"
  | "insertingProject"
  | "saving"
  | "reporting";

export interface PaneState {
  /** What the pane is doing; null when idle. */
  busy: BusyPhase | null;
  /** The last result (kept on screen while the next one runs). */
  result: Recalculation | null;
  /** Local time of the last result, `HH:MM:SS`. */
  resultAt: string | null;
  /** A failure to show, in the user's language, naming what to do. */
  error: string | null;
  /** Informational notes (skipped features, sheets left alone, template outcome). */
  notes: string[];
  /**
   * One key per note: a new note (or the same action's note again) gets a new one, so it is
   * added to the notes' live region and announced; a note still shown keeps its key and is not.
   */
  noteKeys: number[];
  autoRecalculate: boolean;
  /**
   * The outcome as one sentence for screen readers (计算完成：总分 … 分，等级 …), with a count
   * that changes on every result so the same sentence is announced again.
   */
  announcement: { text: string; count: number } | null;
}

type Action =
  | { type: "busy"; phase: BusyPhase }
  | {
      type: "result";
      result: Recalculation;
      /** The action's own notes first (always new), then the result's. */
      notes: string[];
      leading: number;
      announcement: string;
    }
  | { type: "notes"; notes: string[] }
  | { type: "error"; message: string }
  | { type: "dismissError" }
  | { type: "auto"; on: boolean };

export const initialPaneState: PaneState = {
  busy: null,
  result: null,
  resultAt: null,
  error: null,
  notes: [],
  noteKeys: [],
  autoRecalculate: false,
  announcement: null,
};

function clock(): string {
  const d = new Date();
  return [d.getHours(), d.getMinutes(), d.getSeconds()]
    .map((n) => String(n).padStart(2, "0"))
    .join(":");
}

/** Keys for `notes`: the first `leading` always new, the rest kept when already shown. */
function keysFor(state: PaneState, notes: string[], leading: number): number[] {
  let next = Math.max(0, ...state.noteKeys) + 1;
  return notes.map((note, i) => {
    const shown = i < leading ? -1 : state.notes.indexOf(note);
    return shown >= 0 ? state.noteKeys[shown] : next++;
  });
}

export function paneReducer(state: PaneState, action: Action): PaneState {
  switch (action.type) {
    case "busy":
      return { ...state, busy: action.phase, error: null };
    case "result":
      return {
        ...state,
        busy: null,
        result: action.result,
        resultAt: clock(),
        notes: action.notes,
        noteKeys: keysFor(state, action.notes, action.leading),
        announcement: {
          text: action.announcement,
          count: (state.announcement?.count ?? 0) + 1,
        },
      };
    case "notes":
      return {
        ...state,
        busy: null,
        notes: action.notes,
        noteKeys: keysFor(state, action.notes, action.notes.length),
      };
    case "error":
      return { ...state, busy: null, error: action.message };
    case "dismissError":
      return { ...state, error: null };
    case "auto":
      return { ...state, autoRecalculate: action.on };
  }
}

export interface PaneActions {
  recalculate: () => Promise<void>;
  /** Reads and scores without writing (the pane's opening view). */
  preview: () => Promise<void>;
  insertTemplate: () => Promise<void>;
  /** Adds the 评分标准 sheet: the standard in force, or the preset of that id. */
  insertStandard: (presetId: string) => Promise<void>;
  /** Adds a blank project form named after the project. */
  insertProjectForm: (name: string) => Promise<void>;
  saveSettings: (settings: EvaluationSettings) => Promise<void>;
  selectCell: (address: string) => Promise<void>;
  setAutoRecalculate: (on: boolean) => Promise<void>;
  dismissError: () => void;
  /** Writes the 自评报告草稿 sheet from the last result. */
  writeReport: () => Promise<void>;
  /** Copies the report draft's text (the pane says when the clipboard refused it). */
  copyReport: () => Promise<void>;
}

/** The report's own chunk: drafting code stays out of the pane's first download. */
const reportModule = () => import(/* webpackChunkName: "report-draft" */ "./reportActions");

/** The outcome in one sentence: total, grade, whether written, cells to fix. */
function announce(result: Recalculation, t: Strings, write: boolean): string {
  const nothing = whyNothingToWrite(result);
  if (nothing === "noInputs") return write ? t.noInputsNotWritten : t.noInputsTitle;
  if (nothing === "blankTemplate")
    return write ? t.blankNotWritten(inputSheets(result)) : t.blankTitle;
  const { total, grade, projects, projectsOnly } = result.evaluation;
  const problems = result.parse.problems;
  const cells = problems.filter((p) => p.cell).length;
  const missing = problems.length - cells;
  // Project forms alone: no department total to announce, and its missing tables are a note.
  if (projectsOnly)
    return (
      t.announceProjects(projects?.results.length ?? 0, writtenSheets(result).length > 0) +
      (cells > 0 ? t.announceProblems(cells) : "")
    );
  return (
    t.announceScored(score(total), grade, result.write !== null, result.summarySheet) +
    (cells > 0 ? t.announceProblems(cells) : "") +
    (missing > 0 ? t.announceMissing(missing) : "")
  );
}

/** Milliseconds of quiet after the last edit before auto-recalculation runs. */
export const AUTO_RECALC_DELAY_MS = 1500;

export function usePane(): [PaneState, PaneActions] {
  const { port, t, copyText } = usePaneContext();
  const [state, dispatch] = useReducer(paneReducer, initialPaneState);
  const running = useRef(false);
  /** A recalculation was asked for while one ran (an edit during a long write). */
  const rerun = useRef(false);
  const unsubscribe = useRef<(() => Promise<void>) | null>(null);
  const timer = useRef<number | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;

  /**
   * The end of a task that had the workbook to itself: free it, then run the recalculation an
   * edit asked for meanwhile (from a fresh read).
   */
  const release = useCallback(async (recalculate: (write: boolean) => Promise<void>) => {
    running.current = false;
    if (rerun.current) {
      rerun.current = false;
      await recalculate(true);
    }
  }, []);

  const run = useCallback(
    async (write: boolean, leadingNotes: string[] = []): Promise<void> => {
      if (running.current) {
        // An edit while a recalculation runs: run once more when it is done, from a fresh read.
        if (write) rerun.current = true;
        return;
      }
      running.current = true;
      try {
        const onPhase = (phase: RecalculationPhase) => dispatch({ type: "busy", phase });
        // Scoring alone needs no layouts; they load (one chunk) on the first write.
        const result: Recalculation = write
          ? await (
              await import(/* webpackChunkName: "sheet-layouts" */ "../../pipeline/recalculate")
            ).recalculate(port, { onPhase })
          : { ...(await readAndScore(port, { onPhase })), write: null };
        const notes: string[] = [...leadingNotes];
        if (result.evaluation.projectsOnly)
          notes.push(
            result.evaluation.departmentBlank
              ? t.onlyProjectFormsBlankDepartment
              : t.onlyProjectForms
          );
        if (result.protection?.structure) notes.push(t.structureProtected);
        if (result.protection?.readOnly) notes.push(t.readOnlyWorkbook);
        if (result.write?.besideForeign) notes.push(t.besideForeign(result.write.besideForeign));
        if (result.write?.keptRenamed) notes.push(t.keptRenamed(result.write.keptRenamed));
        for (const note of result.write?.skipped ?? []) notes.push(note);
        dispatch({
          type: "result",
          result,
          notes,
          leading: leadingNotes.length,
          announcement: announce(result, t, write),
        });
      } catch (error) {
        dispatch({ type: "error", message: describeError(error) });
      }
      await release(run);
    },
    [port, t, release]
  );

  /** The latest `run` (its strings follow the language), for handlers kept across renders. */
  const runRef = useRef(run);
  runRef.current = run;

  /** The standard in force: from the last result, or read and scored now. */
  const inForce = useCallback(async (): Promise<Standard> => {
    const known = stateRef.current.result?.evaluation.standard.definition;
    if (known) return known;
    return (await readAndScore(port)).evaluation.standard.definition;
  }, [port]);

  const actions: PaneActions = {
    recalculate: useCallback(() => run(true), [run]),
    preview: useCallback(() => run(false), [run]),
    insertTemplate: useCallback(async () => {
      dispatch({ type: "busy", phase: "inserting" });
      try {
        // Loaded when first used: the sheet layouts stay out of the pane's first download.
        const { insertTemplate } = await import(
          /* webpackChunkName: "sheet-layouts" */ "../../pipeline/insertTemplate"
        );
        const outcome = await insertTemplate(port, await inForce());
        await run(false, outcome.messages);
      } catch (error) {
        dispatch({ type: "error", message: describeError(error, "插入模板") });
      }
    }, [port, run, inForce]),
    insertStandard: useCallback(
      async (presetId: string) => {
        dispatch({ type: "busy", phase: "insertingStandard" });
        try {
          const current = await inForce();
          const standard =
            presetId === current.id ? current : (findPresetById(presetId) ?? current);
          const settings = stateRef.current.result?.parse.input.settings ?? {};
          const { insertStandard } = await import(
            /* webpackChunkName: "sheet-layouts" */ "../../pipeline/insertTemplate"
          );
          const outcome = await insertStandard(port, standard, settings);
          await run(false, outcome.messages);
        } catch (error) {
          dispatch({ type: "error", message: describeError(error, "插入评分标准") });
        }
      },
      [port, run, inForce]
    ),
    insertProjectForm: useCallback(
      async (name: string) => {
        dispatch({ type: "busy", phase: "insertingProject" });
        try {
          const { insertProjectForm } = await import(
            /* webpackChunkName: "sheet-layouts" */ "../../pipeline/insertTemplate"
          );
          const input = stateRef.current.result?.parse.input;
          const outcome = await insertProjectForm(port, name, input);
          await run(false, outcome.messages);
          // Open the new form, ready to fill in.
          if (outcome.added[0]) await port.selectCell(`${outcome.added[0]}!A1`);
        } catch (error) {
          dispatch({ type: "error", message: describeError(error, "插入项目自评表") });
        }
      },
      [port, run]
    ),
    saveSettings: useCallback(
      async (settings: EvaluationSettings) => {
        const current = stateRef.current.result?.evaluation;
        if (!current) return;
        dispatch({ type: "busy", phase: "saving" });
        try {
          const preset =
            (settings.presetId && findPresetById(settings.presetId)) || current.standard;
          const write = await port.writeOwnedSheet(
            settingsLayout(settings, { id: preset.id, name: preset.name }),
            "settings"
          );
          // The saved note leads the recalculation's own notes; earlier notes are gone.
          await run(true, [t.settingsSaved(write.sheet)]);
        } catch (error) {
          dispatch({ type: "error", message: describeError(error, "保存设置") });
        }
      },
      [port, run, t]
    ),
    selectCell: useCallback(
      async (address: string) => {
        try {
          const ok = await port.selectCell(address);
          if (!ok) dispatch({ type: "notes", notes: [t.cellNotSelectable(address)] });
        } catch (error) {
          dispatch({ type: "error", message: describeError(error) });
        }
      },
      [port, t]
    ),
    setAutoRecalculate: useCallback(
      async (on: boolean) => {
        // An edit's recalculation still waiting when switched off does not run.
        if (timer.current) window.clearTimeout(timer.current);
        timer.current = null;
        if (unsubscribe.current) {
          const stop = unsubscribe.current;
          unsubscribe.current = null;
          await stop();
        }
        if (!on) {
          dispatch({ type: "auto", on: false });
          return;
        }
        let stop: (() => Promise<void>) | null = null;
        try {
          stop = port.subscribeToEdits
            ? await port.subscribeToEdits(() => {
                // Debounced, and always from a fresh read: event details are not trusted.
                if (timer.current) window.clearTimeout(timer.current);
                timer.current = window.setTimeout(
                  () => void runRef.current(true),
                  AUTO_RECALC_DELAY_MS
                );
              })
            : null;
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
      [port, run, t]
    ),
    dismissError: useCallback(() => dispatch({ type: "dismissError" }), []),
    writeReport: useCallback(async () => {
      const result = stateRef.current.result;
      // Never beside a recalculation on the same workbook (an auto-recalculation may be due).
      if (!result || running.current) return;
      running.current = true;
      dispatch({ type: "busy", phase: "reporting" });
      try {
        const write = await (await reportModule()).writeReportSheet(port, result);
        dispatch({ type: "notes", notes: [t.reportWritten(write.sheet)] });
        // Open the draft, ready to read and edit.
        await port.selectCell(`${write.sheet}!A1`);
      } catch (error) {
        dispatch({ type: "error", message: describeError(error, "生成报告草稿表") });
      }
      await release(run);
    }, [port, run, release, t]),
    copyReport: useCallback(async () => {
      const result = stateRef.current.result;
      if (!result) return;
      let text: string;
      let copy: (text: string) => Promise<void>;
      try {
        const report = await reportModule();
        text = report.reportTextOf(result);
        copy = copyText ?? report.copyText;
      } catch (error) {
        dispatch({ type: "error", message: describeError(error) });
        return;
      }
      await copy(text).then(
        () => dispatch({ type: "notes", notes: [t.reportCopied] }),
        () => dispatch({ type: "error", message: t.copyFailed })
      );
    }, [copyText, t]),
  };

  useEffect(
    () => () => {
      if (timer.current) window.clearTimeout(timer.current);
      void unsubscribe.current?.();
    },
    []
  );

  return [state, actions];
}
