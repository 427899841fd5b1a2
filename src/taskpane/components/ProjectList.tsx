import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { type FormEvent, useState } from "react";
import { score } from "../../model/decimal";
import type { ProjectEvaluation } from "../../evaluate/project";
import type { Evaluation, ProjectsResult } from "../../evaluate/result";
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

/** The projects weakest first: the ones to look at come to the top. */
function weakestFirst(projects: ProjectsResult | undefined): ProjectEvaluation[] {
  return [...(projects?.results ?? [])].sort((a, b) => a.total.comparedTo(b.total));
}

/**
 * The name typed for 插入项目自评表, and its submit: a blank name, or one submitted while the
 * pane is busy, inserts nothing.
 */
function useProjectName(busy: boolean, onInsert: (name: string) => void) {
  const [name, setName] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() && !busy) onInsert(name.trim());
  };
  return { name, setName, submit };
}

/** The project standard's source and the roll-up into the department's indicators. */
function ProjectSummary(props: { projects: ProjectsResult; metrics: Evaluation["metrics"] }) {
  const { projects, metrics } = props;
  const text = useTextStyles();
  const { t } = usePaneContext();
  const weighted = metrics.projectFundWeightedScore;
  const coverage = metrics.projectEvaluationCoverage;
  return (
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
    </>
  );
}

/** One project: its name (a link to its form), total and grade, and its problems folded away. */
function ProjectItem(props: { project: ProjectEvaluation; onSelect: (address: string) => void }) {
  const { project: p, onSelect } = props;
  const styles = useStyles();
  const text = useTextStyles();
  const { t } = usePaneContext();
  return (
    <li className={styles.item} data-project={p.name}>
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
  );
}

/** 插入项目自评表: a form for the project named here. */
function InsertProjectForm({
  busy,
  onInsert,
}: {
  busy: boolean;
  onInsert: (name: string) => void;
}) {
  const styles = useStyles();
  const { t } = usePaneContext();
  const { name, setName, submit } = useProjectName(busy, onInsert);
  return (
    <form className={styles.insert} onSubmit={submit}>
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
  );
}

/**
 * The project forms: the roll-up into the department's indicators, each project weakest first
 * with its total, grade and problems (each problem's cell one click away), and 插入项目自评表.
 */
export function ProjectList({ evaluation, busy, onSelect, onInsert }: ProjectListProps) {
  const styles = useStyles();
  const text = useTextStyles();
  const { t } = usePaneContext();
  const projects = evaluation.projects;
  const results = weakestFirst(projects);
  return (
    <div className={styles.root}>
      {projects ? (
        <>
          <ProjectSummary projects={projects} metrics={evaluation.metrics} />
          <ul className={styles.list} aria-label={t.projectsTitle(results.length)}>
            {results.map((p) => (
              <ProjectItem key={p.cell} project={p} onSelect={onSelect} />
            ))}
          </ul>
        </>
      ) : (
        <span className={text.body}>{t.projectsNone}</span>
      )}
      {/* Always in the same place, so the name typed stays while results come and go. */}
      <InsertProjectForm busy={busy} onInsert={onInsert} />
    </div>
  );
}
