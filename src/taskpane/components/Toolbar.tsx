import { Button, Checkbox, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwiseRegular, TableAddRegular } from "@fluentui/react-icons";
import { usePaneContext } from "../state/PaneContext";
import type { PaneActions, PaneState } from "../state/usePane";

const useStyles = makeStyles({
  root: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  auto: { flexBasis: "100%" },
});

export interface ToolbarProps {
  state: PaneState;
  actions: Pick<PaneActions, "recalculate" | "insertTemplate" | "setAutoRecalculate">;
  /** Whether the host can report edits (auto-recalculate); the option is hidden if not. */
  canAutoRecalculate: boolean;
}

/** 重新计算 (primary), 插入模板, and the optional auto-recalculate option (off by default). */
export function Toolbar({ state, actions, canAutoRecalculate }: ToolbarProps) {
  const styles = useStyles();
  const { t } = usePaneContext();
  const busy = state.busy !== null;
  return (
    <div className={styles.root} role="toolbar" aria-label={t.appTitle}>
      <Button
        title={t.recalculateHint}
        appearance="primary"
        icon={<ArrowClockwiseRegular />}
        disabled={busy}
        onClick={() => void actions.recalculate()}
      >
        {t.recalculate}
      </Button>
      <Button
        title={t.insertTemplateHint}
        icon={<TableAddRegular />}
        disabled={busy}
        onClick={() => void actions.insertTemplate()}
      >
        {t.insertTemplate}
      </Button>
      {canAutoRecalculate && (
        <Checkbox
          className={styles.auto}
          label={t.autoRecalculate}
          checked={state.autoRecalculate}
          onChange={(_, data) => void actions.setAutoRecalculate(data.checked === true)}
        />
      )}
    </div>
  );
}
