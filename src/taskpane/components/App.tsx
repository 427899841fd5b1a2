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
import { type NothingToWrite, whyNothingToWrite } from "../../pipeline/scoreCore";
import { type PaneState, usePane } from "../state/usePane";
import type { InputProblem } from "../../parse/problems";
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

/** The task pane. Workbook access comes from <PaneProvider port>; it never touches `Excel`. */
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
  const evaluation = result?.evaluation;
  /** No table to score, or a template with nothing entered yet: guidance, not 0.00 差. */
  const nothing = result && whyNothingToWrite(result);
  const noInputs = nothing === "noInputs";
  const select = (address: string) => void actions.selectCell(address);
  const Landmark = landmark === "main" ? "main" : "section";

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
      <ScreenReaderOnly role="status" aria-live="polite" aria-atomic data-testid="announcement">
        {state.announcement && (
          // A zero-width space every other time: the same outcome twice is still a change.
          <Mixed
            text={state.announcement.text + (state.announcement.count % 2 === 0 ? "\u200b" : "")}
          />
        )}
      </ScreenReaderOnly>
      {nothing && <Guidance kind={nothing} />}
      {evaluation && result && !nothing && (
        <>
          <ScoreCard
            evaluation={evaluation}
            written={writtenSheets(result)}
            earlier={result.summarySheet}
            resultAt={state.resultAt}
          />
          <Section title={t.gapsTitle(evaluation.gaps.length)} defaultOpen>
            <GapList gaps={evaluation.gaps} onSelect={select} />
          </Section>
          {!evaluation.projectsOnly && (
            // Project forms alone: no department to report on, no indicators of zeros.
            <>
              <Section title={t.reportTitle}>
                <ReportSection
                  busy={state.busy !== null}
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
              busy={state.busy !== null}
              onSelect={select}
              onInsert={(name) => void actions.insertProjectForm(name)}
            />
          </Section>
          <Section title={t.sourcesTitle}>
            <SourcesList found={result.parse.found} onSelect={select} />
          </Section>
        </>
      )}
      {evaluation && result && !noInputs && (
        <Section title={t.settingsTitle}>
          <SettingsPanel
            evaluation={evaluation}
            settings={result.parse.input.settings ?? {}}
            busy={state.busy !== null}
            onSave={(s) => void actions.saveSettings(s)}
            onInsertStandard={(id) => void actions.insertStandard(id)}
            onSelect={select}
          />
        </Section>
      )}
    </Landmark>
  );
}
