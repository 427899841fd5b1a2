/* global HTMLButtonElement, HTMLDivElement, HTMLElement */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwiseRegular, TableAddRegular } from "@fluentui/react-icons";
import type { KeyboardEvent, Ref } from "react";
import { usePaneContext } from "../state/PaneContext";
import type { PaneActions, PaneState } from "../state/usePane";

const useStyles = makeStyles({
  root: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  // A native check box (Fluent's Checkbox costs the pane 3.3 KB of gzip script).
  auto: {
    flexBasis: "100%",
    display: "inline-flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
  },
  box: {
    margin: 0,
    accentColor: tokens.colorCompoundBrandBackground,
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "2px",
    },
  },
});

export interface ToolbarProps {
  state: PaneState;
  actions: Pick<PaneActions, "recalculate" | "insertTemplate" | "setAutoRecalculate">;
  /** Whether the host can report edits (auto-recalculate); the option is hidden if not. */
  canAutoRecalculate: boolean;
  /** The primary button (重新计算), where focus returns when a message bar closes. */
  primaryRef?: Ref<HTMLButtonElement>;
}

const MOVES: Record<string, (at: number, count: number) => number> = {
  ArrowRight: (at, n) => (at + 1) % n,
  ArrowDown: (at, n) => (at + 1) % n,
  ArrowLeft: (at, n) => (at - 1 + n) % n,
  ArrowUp: (at, n) => (at - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

/** Arrow keys, Home and End move between the toolbar's controls (WAI-ARIA toolbar pattern). */
function moveFocus(event: KeyboardEvent<HTMLDivElement>): void {
  const move = MOVES[event.key];
  if (!move) return;
  const items = Array.from(
    event.currentTarget.querySelectorAll<HTMLElement>("button, input")
  ).filter((el) => !(el as HTMLButtonElement).disabled);
  const at = items.indexOf(document.activeElement as HTMLElement);
  if (at < 0 || items.length < 2) return;
  event.preventDefault();
  items[move(at, items.length)].focus();
}

/** 重新计算 (primary), 插入模板, and the optional auto-recalculate option (off by default). */
export function Toolbar({ state, actions, canAutoRecalculate, primaryRef }: ToolbarProps) {
  const styles = useStyles();
  const { t } = usePaneContext();
  const busy = state.busy !== null;
  return (
    <div className={styles.root} role="toolbar" aria-label={t.toolbarLabel} onKeyDown={moveFocus}>
      <Button
        ref={primaryRef}
        title={t.recalculateHint}
        appearance="primary"
        icon={<ArrowClockwiseRegular />}
        disabledFocusable={busy}
        onClick={() => void actions.recalculate()}
      >
        {t.recalculate}
      </Button>
      <Button
        title={t.insertTemplateHint}
        icon={<TableAddRegular />}
        disabledFocusable={busy}
        onClick={() => void actions.insertTemplate()}
      >
        {t.insertTemplate}
      </Button>
      {canAutoRecalculate && (
        <label className={styles.auto}>
          <input
            type="checkbox"
            className={styles.box}
            checked={state.autoRecalculate}
            onChange={(event) => void actions.setAutoRecalculate(event.currentTarget.checked)}
          />
          {t.autoRecalculate}
        </label>
      )}
    </div>
  );
}
