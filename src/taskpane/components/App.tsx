/* global HTMLButtonElement */
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import { usePaneContext } from "../state/PaneContext";
import { type NothingToWrite, whyNothingToWrite } from "../../pipeline/nothingToWrite";
import { type PaneActions, type PaneState, usePane } from "../state/usePane";
import type { InputProblem } from "../../parse/problems";
import type { Recalculation } from "../../pipeline/recalculate";
import { GapList } from "./GapList";
import { Header } from "./Header";
import { IndicatorList } from "./IndicatorList";
import { ProjectList } from "./ProjectList";
import { writtenSheets } from "../../pipeline/writtenSheets";
import { ScoreCard } from "./ScoreCard";
import { SettingsPanel } from "./SettingsPanel";
import { SourcesList } from "./SourcesList";
import { StatusArea } from "./StatusArea";
import { ReportSection } from "./ReportSection";
import { Toolbar } from "./Toolbar";
import { Mixed, ScreenReaderOnly, Section } from "./ui";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minWidth: "288px",
    boxSizing: "border-box",
    // Text from the workbook (a long explanation, a URL) wraps anywhere rather than widening the pane.
    overflowWrap: "anywhere",
  },
});

export interface AppProps {
  /** Read and score (without writing) when the pane opens. Default true. */
  previewOnOpen?: boolean;
  /** Whether the host can report edits, for the auto-recalculate switch. */
  canAutoRecalculate?: boolean;
  /** The pane's landmark: main (the Excel pane), or a named region inside a page. */
  landmark?: "main" | "region";
}

/** The input problems the status area lists (see StatusAreaProps.problems). */
function problemsToList(
  result: PaneState["result"],
  nothing: NothingToWrite | null | undefined
): readonly InputProblem[] {
  if (!result || nothing) return [];
  const problems = result.parse.problems;
  return result.evaluation.projectsOnly ? problems.filter((p) => p.cell) : problems;
}

/** Nothing to score yet: no input table (a warning), or a template with no figure (what to fill in). */
function Guidance({ kind }: { kind: NothingToWrite }) {
  const { t } = usePaneContext();
  const noInputs = kind === "noInputs";
  return (
    <MessageBar intent={noInputs ? "warning" : "info"} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{noInputs ? t.noInputsTitle : t.blankTitle}</MessageBarTitle>
        {noInputs ? t.noInputsBody : t.blankBody}
      </MessageBarBody>
    </MessageBar>
  );
}

/** The outcome for screen readers, announced again when the same outcome comes twice. */
function Announcement({ announcement }: { announcement: PaneState["announcement"] }) {
  return (
    <ScreenReaderOnly role="status" aria-live="polite" aria-atomic data-testid="announcement">
      {announcement && (
        // A zero-width space every other time: the same outcome twice is still a change.
        <Mixed text={announcement.text + (announcement.count % 2 === 0 ? "\u200b" : "")} />
      )}
    </ScreenReaderOnly>
  );
}

interface ResultSectionsProps {
  result: Recalculation;
  state: PaneState;
  actions: PaneActions;
  onSelect: (address: string) => void;
}

/** A scored result: the score, the gaps, the report, indicators, projects and sources. */
function ResultSections({ result, state, actions, onSelect }: ResultSectionsProps) {
  const { t } = usePaneContext();
  const evaluation = result.evaluation;
  const busy = state.busy !== null;
  return (
    <>
      <ScoreCard
        evaluation={evaluation}
        written={writtenSheets(result)}
        earlier={result.summarySheet}
        resultAt={state.resultAt}
      />
      <Section title={t.gapsTitle(evaluation.gaps.length)} defaultOpen>
        <GapList gaps={evaluation.gaps} onSelect={onSelect} />
      </Section>
      {!evaluation.projectsOnly && (
        // Project forms alone: no department to report on, no indicators of zeros.
        <>
          <Section title={t.reportTitle}>
            <ReportSection
              busy={busy}
              onWrite={() => void actions.writeReport()}
              onCopy={() => void actions.copyReport()}
            />
          </Section>
          <Section title={t.indicatorsTitle}>
            <IndicatorList evaluation={evaluation} />
          </Section>
        </>
      )}
      <Section title={t.projectsTitle(evaluation.projects?.results.length ?? 0)}>
        <ProjectList
          evaluation={evaluation}
          busy={busy}
          onSelect={onSelect}
          onInsert={(name) => void actions.insertProjectForm(name)}
        />
      </Section>
      <Section title={t.sourcesTitle}>
        <SourcesList found={result.parse.found} onSelect={onSelect} />
      </Section>
    </>
  );
}

/** The settings of a result, in their own section. */
function SettingsSection({ result, state, actions, onSelect }: ResultSectionsProps) {
  const { t } = usePaneContext();
  return (
    <Section title={t.settingsTitle}>
      <SettingsPanel
        evaluation={result.evaluation}
        settings={result.parse.input.settings ?? {}}
        busy={state.busy !== null}
        onSave={(s) => void actions.saveSettings(s)}
        onInsertStandard={(id) => void actions.insertStandard(id)}
        onSelect={onSelect}
      />
    </Section>
  );
}

/** The task pane. Workbook access comes from <PaneProvider port>; it never touches `Excel`. */
export function App({
  previewOnOpen = true,
  canAutoRecalculate = false,
  landmark = "main",
}: AppProps) {
  const styles = useStyles();
  const { t, locale } = usePaneContext();
  const [state, actions] = usePane();
  const { preview } = actions;
  /** Where focus goes when what held it goes away (a closed message bar). */
  const primary = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (previewOnOpen) void preview();
  }, [previewOnOpen, preview]);

  const result = state.result;
  /** No table to score, or a template with nothing entered yet: guidance, not 0.00 差. */
  const nothing = result && whyNothingToWrite(result);
  const select = (address: string) => void actions.selectCell(address);
  const Landmark = landmark === "main" ? "main" : "section";
  const sections = { state, actions, onSelect: select };

  return (
    <Landmark
      className={styles.root}
      lang={locale}
      aria-label={landmark === "main" ? undefined : t.appTitle}
    >
      <Header />
      <Toolbar
        state={state}
        actions={actions}
        canAutoRecalculate={canAutoRecalculate}
        primaryRef={primary}
      />
      <StatusArea
        state={state}
        actions={actions}
        problems={problemsToList(result, nothing)}
        onDismissed={() => primary.current?.focus()}
      />
      <Announcement announcement={state.announcement} />
      {nothing && <Guidance kind={nothing} />}
      {result && !nothing && <ResultSections result={result} {...sections} />}
      {result && nothing !== "noInputs" && <SettingsSection result={result} {...sections} />}
    </Landmark>
  );
}
