import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { InputProblem } from "../../parse/problems";
import { usePaneContext } from "../state/PaneContext";
import type { Strings } from "../state/strings";
import { BusyIndicator, Mixed, Zh, useTextStyles } from "./ui";
import type { BusyPhase, PaneActions, PaneState } from "../state/usePane";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface StatusAreaProps {
  state: PaneState;
  actions: Pick<PaneActions, "selectCell" | "dismissError">;
  /**
   * The input problems to list: none when no input table was found (they say nothing useful
   * then), only the cells' for project forms alone (the department's tables are absent by right).
   */
  problems: readonly InputProblem[];
  /** After the error bar is closed, to put focus somewhere useful. */
  onDismissed: () => void;
}

/** What the pane is doing, in the progress indicator's words. */
function phaseLabel(t: Strings, phase: BusyPhase): string {
  return {
    reading: t.phaseReading,
    scoring: t.phaseScoring,
    writing: t.phaseWriting,
    inserting: t.phaseInserting,
    insertingStandard: t.phaseInsertingStandard,
    insertingProject: t.phaseInsertingProject,
    saving: t.phaseSaving,
    reporting: t.phaseReporting,
  }[phase];
}

/** A group of input problems: the problems, and the bar's title and explanation. */
interface ProblemGroupProps {
  group: readonly InputProblem[];
  title: (count: number) => string;
  body: string;
  onSelectCell: (address: string) => void;
}

/**
 * Cells that could not be read, and tables or values not found: each said as what it is, so the
 * user knows whether to correct a cell or add what is missing.
 */
function problemGroups(
  t: Strings,
  problems: readonly InputProblem[]
): Omit<ProblemGroupProps, "onSelectCell">[] {
  return [
    {
      group: problems.filter((p) => p.cell),
      title: t.inputsWithErrors,
      body: t.inputsWithErrorsBody,
    },
    { group: problems.filter((p) => !p.cell), title: t.inputsMissing, body: t.inputsMissingBody },
  ];
}

/** The failure, as an alert (the region is always there, so a new failure is announced at once). */
function ErrorBar({ error, onDismiss }: { error: string | null; onDismiss: () => void }) {
  const { t } = usePaneContext();
  return (
    <div role="alert">
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
            <Zh>{error}</Zh>
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                aria-label={t.dismiss}
                icon={<DismissRegular />}
                onClick={onDismiss}
              />
            }
          />
        </MessageBar>
      )}
    </div>
  );
}

/** One group of input problems (nothing when it is empty), each problem's cell one click away. */
function ProblemGroup({ group, title, body, onSelectCell }: ProblemGroupProps) {
  const styles = useStyles();
  const text = useTextStyles();
  if (group.length === 0) return null;
  return (
    <MessageBar
      intent={group.some((p) => p.severity === "error") ? "error" : "warning"}
      layout="multiline"
    >
      <MessageBarBody>
        <MessageBarTitle>{title(group.length)}</MessageBarTitle>
        {body}
        <ul className={styles.list}>
          {group.map((p, i) => (
            <li key={i}>
              {p.sheet && p.cell ? (
                <button
                  type="button"
                  className={text.link}
                  onClick={() => onSelectCell(`${p.sheet}!${p.cell}`)}
                >
                  <Zh>{p.message}</Zh>
                </button>
              ) : (
                <Zh>{p.message}</Zh>
              )}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

/** The notes, in a polite live region: each new note is announced once, as it is added. */
function NoteList({ notes, keys }: { notes: readonly string[]; keys: readonly number[] }) {
  const styles = useStyles();
  return (
    <div role="status" aria-live="polite" className={styles.root}>
      {notes.map((note, i) => (
        <MessageBar key={keys[i]} intent="info" layout="multiline">
          <MessageBarBody>
            <Mixed text={note} />
          </MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}

/**
 * Progress, failures (announced as alerts), input problems (each cell clickable) and notes
 * (in a polite live region: each new note is announced once, as it is added). The outcome
 * itself is announced once by the pane's status line, not from here.
 */
export function StatusArea({ state, actions, problems, onDismissed }: StatusAreaProps) {
  const styles = useStyles();
  const { t } = usePaneContext();
  const selectCell = (address: string) => void actions.selectCell(address);
  return (
    <div className={styles.root}>
      {state.busy && <BusyIndicator label={phaseLabel(t, state.busy)} />}
      <ErrorBar
        error={state.error}
        onDismiss={() => {
          actions.dismissError();
          onDismissed();
        }}
      />
      {problemGroups(t, problems).map((group, g) => (
        <ProblemGroup key={g} {...group} onSelectCell={selectCell} />
      ))}
      <NoteList notes={state.notes} keys={state.noteKeys} />
    </div>
  );
}
