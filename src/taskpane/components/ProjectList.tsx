import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { score } from "../../model/decimal";
import type { Evaluation } from "../../evaluate/result";
import { usePaneContext } from "../state/PaneContext";
import { GapList } from "./GapList";
import { Tag, TextField, Zh, useTextStyles } from "./ui";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  item: {
    paddingTop: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  head: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalS,
  },
  name: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
  problems: { paddingLeft: tokens.spacingHorizontalM, paddingBottom: tokens.spacingVerticalXS },
  problemsSummary: {
    minHeight: "24px",
    lineHeight: "24px",
    cursor: "pointer",
    color: tokens.colorPaletteDarkOrangeForeground1,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  insert: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    gap: tokens.spacingHorizontalS,
  },
});

export interface ProjectListProps {
  evaluation: Evaluation;
  busy: boolean;
  onSelect: (address: string) => void;
  onInsert: (name: string) => void;
}

/**
 * The project forms: the roll-up into the department's indicators, each project weakest first
 * with its total, grade and problems (each problem's cell one click away), and 插入项目自评表.
 */
export function ProjectList({ evaluation, busy, onSelect, onInsert }: ProjectListProps) {
  const styles = useStyles();
  const text = useTextStyles();
  const { t } = usePaneContext();
  const [name, setName] = useState("");
  const projects = evaluation.projects;
  const results = [...(projects?.results ?? [])].sort((a, b) => a.total.comparedTo(b.total));
  const weighted = evaluation.metrics.projectFundWeightedScore;
  const coverage = evaluation.metrics.projectEvaluationCoverage;
  return (
    <div className={styles.root}>
      {projects ? (
        <>
          <span className={text.caption}>
            {t.standardSource}
            <Zh>{projects.standard.name}</Zh>
          </span>
          {weighted?.value != null && (
            <span className={text.body} data-testid="project-weighted">
              {t.projectWeighted}
              {weighted.text}
            </span>
          )}
          {coverage?.value != null && (
            <span className={text.body}>
              {t.projectCoverage}
              {coverage.text}
            </span>
          )}
          <ul className={styles.list} aria-label={t.projectsTitle(results.length)}>
            {results.map((p) => (
              <li key={p.cell} className={styles.item} data-project={p.name}>
                <div className={styles.head}>
                  <button
                    type="button"
                    className={mergeClasses(text.link, styles.name)}
                    onClick={() => onSelect(p.cell)}
                  >
                    <Zh>{p.name}</Zh>
                  </button>
                  <span className={mergeClasses(text.body, text.strong)}>{score(p.total)}</span>
                  <Tag tone={p.grade === "优" ? "success" : "info"}>
                    <Zh>{p.grade}</Zh>
                  </Tag>
                </div>
                {p.gaps.length > 0 && (
                  <details className={styles.problems}>
                    <summary className={mergeClasses(text.caption, styles.problemsSummary)}>
                      {t.projectGaps(p.gaps.length)}
                    </summary>
                    <GapList gaps={p.gaps} onSelect={onSelect} />
                  </details>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <span className={text.body}>{t.projectsNone}</span>
      )}
      <form
        className={styles.insert}
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim() && !busy) onInsert(name.trim());
        }}
      >
        <TextField label={t.projectName} value={name} onChange={setName} />
        {/* Busy: focusable (aria-disabled), so focus stays on the button while it works. */}
        <Button
          type="submit"
          disabled={!busy && !name.trim()}
          disabledFocusable={busy}
          title={t.insertProjectFormHint}
        >
          {t.insertProjectForm}
        </Button>
      </form>
    </div>
  );
}
