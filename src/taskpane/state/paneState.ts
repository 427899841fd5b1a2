/**
 * The pane's state and the reducer that changes it: what the pane is doing, the last result,
 * its notes and the sentence screen readers hear. Pure: no workbook, no React.
 */
import type { Dispatch } from "react";
import type { EvaluationSettings } from "../../model/input";
import type { Recalculation } from "../../pipeline/recalculate";
import type { RecalculationPhase } from "../../pipeline/readAndScore";

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

export type PaneAction =
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

export type PaneDispatch = Dispatch<PaneAction>;

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

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
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

/** What the pane can do; each action shows its own progress, outcome or failure. */
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
