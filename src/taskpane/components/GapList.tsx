import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { INSERT_STANDARD_WAYS } from "../../evaluate/suggestions";

/** How to insert the 评分标准 sheet, in the pane's words (a finance officer there has no command line). */
const INSERT_STANDARD_IN_PANE = "（点“评分标准与设置”中的“插入评分标准”）";
import type { Gap } from "../../evaluate/result";
import { usePaneContext } from "../state/PaneContext";
import { ScreenReaderOnly, Tag, type TagTone, Zh, useTextStyles } from "./ui";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0 },
  item: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    rowGap: tokens.spacingVerticalXXS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  head: {
    display: "flex",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "center",
    flexWrap: "wrap",
  },
});

const tone: Record<Gap["severity"], TagTone> = {
  error: "danger",
  warning: "warning",
  info: "info",
};

export interface GapListProps {
  gaps: Gap[];
  onSelect: (address: string) => void;
}

/** The gap list; a gap with a source cell links to it (clicking selects the cell in Excel). */
export function GapList({ gaps, onSelect }: GapListProps) {
  const styles = useStyles();
  const text = useTextStyles();
  const { t } = usePaneContext();
  if (gaps.length === 0) return <p className={text.body}>{t.noGaps}</p>;
  return (
    <ul className={styles.list} aria-label={t.gapsTitle(gaps.length)}>
      {gaps.map((gap, i) => (
        <li key={i} className={styles.item} data-severity={gap.severity} data-code={gap.code}>
          <div className={styles.head}>
            <Tag tone={tone[gap.severity]}>{t.severity[gap.severity]}</Tag>
            {gap.indicator && <Zh className={text.caption}>{gap.indicator}</Zh>}
          </div>
          <Zh className={text.body}>{gap.message}</Zh>
          <Zh className={text.caption}>
            {gap.suggestion.replace(INSERT_STANDARD_WAYS, INSERT_STANDARD_IN_PANE)}
          </Zh>
          {gap.cell && (
            <button
              type="button"
              className={mergeClasses(text.link)}
              onClick={() => onSelect(gap.cell as string)}
            >
              <ScreenReaderOnly>{t.goToCell}</ScreenReaderOnly>
              <Zh>{gap.cell}</Zh>
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
