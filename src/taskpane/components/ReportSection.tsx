import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { usePaneContext } from "../state/PaneContext";

const useStyles = makeStyles({
  root: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  hint: { flexBasis: "100%", margin: 0 },
});

export interface ReportSectionProps {
  busy: boolean;
  onWrite: () => void;
  onCopy: () => void;
}

/** 自评报告: write the 自评报告草稿 sheet, or copy the whole draft for Word. */
export function ReportSection({ busy, onWrite, onCopy }: ReportSectionProps) {
  const styles = useStyles();
  const { t } = usePaneContext();
  return (
    <div className={styles.root}>
      <p className={styles.hint}>{t.reportHint}</p>
      <Button disabledFocusable={busy} onClick={onWrite}>
        {t.writeReport}
      </Button>
      <Button disabledFocusable={busy} onClick={onCopy}>
        {t.copyReport}
      </Button>
    </div>
  );
}
