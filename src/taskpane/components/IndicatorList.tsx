import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { score } from "../../model/decimal";
import type { Evaluation, IndicatorResult } from "../../evaluate/result";
import { usePaneContext } from "../state/PaneContext";
import { Tag, Zh, useTextStyles } from "./ui";

const useStyles = makeStyles({
  group: { margin: 0, padding: 0, listStyleType: "none" },
  groupTitle: {
    margin: 0,
    marginTop: tokens.spacingVerticalS,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  item: {
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  name: {
    display: "flex",
    columnGap: tokens.spacingHorizontalXS,
    alignItems: "center",
    flexWrap: "wrap",
  },
  numbers: {
    display: "grid",
    gridTemplateColumns: "repeat(4, 1fr)",
    columnGap: tokens.spacingHorizontalXS,
  },
  cell: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-end",
    fontVariantNumeric: "tabular-nums",
  },
  differs: {
    color: tokens.colorPaletteDarkOrangeForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  explanation: { display: "block", color: tokens.colorNeutralForeground2 },
});

function Row({ indicator }: { indicator: IndicatorResult }) {
  const styles = useStyles();
  const text = useTextStyles();
  const { t } = usePaneContext();
  const differs =
    indicator.entered !== null &&
    indicator.computed !== null &&
    !indicator.entered.equals(indicator.computed);
  const value = (v: IndicatorResult["entered"]) => (v === null ? "—" : score(v));
  const columns: [string, string][] = [
    [t.maxShort, score(indicator.max)],
    [t.enteredShort, value(indicator.entered)],
    [t.computedShort, value(indicator.computed)],
    [t.countedShort, score(indicator.counted)],
  ];
  return (
    <li className={styles.item} data-indicator={indicator.id}>
      <div className={styles.name}>
        <Zh className={mergeClasses(text.body, text.strong)}>{indicator.name}</Zh>
        {indicator.unconfirmed.length > 0 && <Tag tone="warning">{t.unconfirmed}</Tag>}
        {differs && (
          <Tag tone="warning" title={t.differsLabel}>
            {t.differs}
          </Tag>
        )}
      </div>
      <div className={styles.numbers}>
        {columns.map(([label, v], i) => (
          <span key={label} className={styles.cell}>
            <span className={text.caption}>{label}</span>
            <span
              className={mergeClasses(text.body, differs && (i === 1 || i === 2) && styles.differs)}
            >
              {v}
            </span>
          </span>
        ))}
      </div>
      <Zh className={mergeClasses(text.caption, styles.explanation)}>{indicator.explanation}</Zh>
    </li>
  );
}

/** Every indicator under its 一级, with entered / computed / counted and how it was computed. */
export function IndicatorList({ evaluation }: { evaluation: Evaluation }) {
  const styles = useStyles();
  return (
    <div>
      {evaluation.groups.map((g) => (
        <section key={g.level1} aria-label={g.level1}>
          <h3 className={styles.groupTitle}>
            <Zh>{g.level1}</Zh>（{score(g.counted)} / {score(g.max)}）
          </h3>
          <ul className={styles.group}>
            {evaluation.indicators
              .filter((i) => i.level1 === g.level1)
              .map((i) => (
                <Row key={i.id} indicator={i} />
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
