import { makeStyles, tokens } from "@fluentui/react-components";
import { score } from "../../model/decimal";
import type { Evaluation } from "../../evaluate/result";
import { usePaneContext } from "../state/PaneContext";
import { Mixed, Tag, type TagTone, Zh, useTextStyles } from "./ui";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  headline: {
    display: "flex",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalM,
    flexWrap: "wrap",
  },
  total: {
    fontSize: tokens.fontSizeHero800,
    lineHeight: tokens.lineHeightHero800,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
  },
  groups: {
    display: "grid",
    gridTemplateColumns: "1fr auto",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  number: { fontVariantNumeric: "tabular-nums", textAlign: "right", margin: 0 },
  term: { margin: 0 },
});

const gradeTone: Record<string, TagTone> = {
  优: "success",
  良: "brand",
  中: "warning",
  差: "danger",
};

export interface ScoreCardProps {
  evaluation: Evaluation;
  /** The sheets the last 重新计算 wrote (none: not written yet). */
  written: readonly string[];
  /** Our summary already in the workbook from an earlier write (when not written now). */
  earlier?: string;
  resultAt: string | null;
}

/** Total and grade at a glance, and each 一级 with its subtotal; then what was written. */
export function ScoreCard({ evaluation, written, earlier, resultAt }: ScoreCardProps) {
  const styles = useStyles();
  const text = useTextStyles();
  const { t } = usePaneContext();
  // Project forms alone: no department total, grade or 一级 subtotals — only what was written.
  const department = !evaluation.projectsOnly;
  return (
    <section
      className={styles.root}
      aria-label={
        department
          ? `${t.total} ${score(evaluation.total)}，${t.grade} ${evaluation.grade}`
          : t.projectsTitle(evaluation.projects?.results.length ?? 0)
      }
    >
      {department && (
        <>
          <span className={text.caption}>
            <Zh>{evaluation.department}</Zh>
            {evaluation.year > 0 && ` · ${evaluation.year}`}
          </span>
          <div className={styles.headline}>
            <span className={styles.total} data-testid="total">
              {score(evaluation.total)}
            </span>
            <span className={text.body}>{t.points}</span>
            <Tag tone={gradeTone[evaluation.grade] ?? "info"} large data-testid="grade">
              <Zh>{evaluation.grade}</Zh>
            </Tag>
          </div>
          <dl className={styles.groups}>
            {evaluation.groups.map((g) => (
              <div key={g.level1} style={{ display: "contents" }}>
                <dt className={mergeTerm(styles.term, text.body)}>
                  <Zh>{g.level1}</Zh>
                </dt>
                <dd className={mergeTerm(styles.number, text.body)}>
                  {score(g.counted)} / {score(g.max)}
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <span className={text.caption}>
        {resultAt ? `${t.lastRun} ${resultAt} · ` : ""}
        <Mixed
          text={
            written.length > 0
              ? t.writtenTo([...written])
              : earlier && department
                ? t.writtenEarlier(earlier)
                : t.notWritten
          }
        />
      </span>
    </section>
  );
}

function mergeTerm(...classes: string[]): string {
  return classes.join(" ");
}
