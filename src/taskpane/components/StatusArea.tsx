import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { InputProblem } from "../../parse/problems";
import { usePaneContext } from "../state/PaneContext";
import { useTextStyles } from "./ui";
import type { PaneActions, PaneState } from "../state/usePane";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface StatusAreaProps {
  state: PaneState;
  actions: Pick<PaneActions, "selectCell" | "dismissError">;
}

/** Progress, failures, input problems (each cell clickable) and notes. Announced politely. */
export function StatusArea({ state, actions }: StatusAreaProps) {
  const styles = useStyles();
  const text = useTextStyles();
  const { t } = usePaneContext();
  const phaseLabel = {
    reading: t.phaseReading,
    scoring: t.phaseScoring,
    writing: t.phaseWriting,
    inserting: t.phaseInserting,
    saving: t.phaseSaving,
  };
  const problems: InputProblem[] = state.result?.parse.problems ?? [];
  return (
    <div className={styles.root} role="status" aria-live="polite">
      {state.busy && <Spinner size="tiny" labelPosition="after" label={phaseLabel[state.busy]} />}
      {state.error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
            {state.error}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                aria-label={t.dismiss}
                icon={<DismissRegular />}
                onClick={actions.dismissError}
              />
            }
          />
        </MessageBar>
      )}
      {problems.length > 0 && (
        <MessageBar
          intent={problems.some((p) => p.severity === "error") ? "error" : "warning"}
          layout="multiline"
        >
          <MessageBarBody>
            <MessageBarTitle>{t.inputsWithErrors(problems.length)}</MessageBarTitle>
            {t.inputsWithErrorsBody}
            <ul className={styles.list}>
              {problems.map((p, i) => (
                <li key={i}>
                  {p.sheet && p.cell ? (
                    <button
                      type="button"
                      className={text.link}
                      onClick={() => void actions.selectCell(`${p.sheet}!${p.cell}`)}
                    >
                      {p.message}
                    </button>
                  ) : (
                    p.message
                  )}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {state.notes.map((note, i) => (
        <MessageBar key={i} intent="info" layout="multiline">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}
