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
import { BusyIndicator, Mixed, Zh, useTextStyles } from "./ui";
import type { PaneActions, PaneState } from "../state/usePane";

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

/**
 * Progress, failures (announced as alerts), input problems (each cell clickable) and notes
 * (in a polite live region: each new note is announced once, as it is added). The outcome
 * itself is announced once by the pane's status line, not from here.
 */
export function StatusArea({ state, actions, problems, onDismissed }: StatusAreaProps) {
  const styles = useStyles();
  const text = useTextStyles();
  const { t } = usePaneContext();
  const phaseLabel = {
    reading: t.phaseReading,
    scoring: t.phaseScoring,
    writing: t.phaseWriting,
    inserting: t.phaseInserting,
    insertingStandard: t.phaseInsertingStandard,
    insertingProject: t.phaseInsertingProject,
    saving: t.phaseSaving,
    reporting: t.phaseReporting,
  };
  return (
    <div className={styles.root}>
      {state.busy && <BusyIndicator label={phaseLabel[state.busy]} />}
      <div role="alert">
        {state.error && (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
              <Zh>{state.error}</Zh>
            </MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button
                  appearance="transparent"
                  aria-label={t.dismiss}
                  icon={<DismissRegular />}
                  onClick={() => {
                    actions.dismissError();
                    onDismissed();
                  }}
                />
              }
            />
          </MessageBar>
        )}
      </div>
      {(
        [
          // Cells that could not be read, and tables or values not found: each said as what it is.
          [problems.filter((p) => p.cell), t.inputsWithErrors, t.inputsWithErrorsBody],
          [problems.filter((p) => !p.cell), t.inputsMissing, t.inputsMissingBody],
        ] as const
      ).map(
        ([group, title, body], g) =>
          group.length > 0 && (
            <MessageBar
              key={g}
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
                          onClick={() => void actions.selectCell(`${p.sheet}!${p.cell}`)}
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
          )
      )}
      <div role="status" aria-live="polite" className={styles.root}>
        {state.notes.map((note, i) => (
          <MessageBar key={state.noteKeys[i]} intent="info" layout="multiline">
            <MessageBarBody>
              <Mixed text={note} />
            </MessageBarBody>
          </MessageBar>
        ))}
      </div>
    </div>
  );
}
