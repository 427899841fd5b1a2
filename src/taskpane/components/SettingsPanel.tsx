/* global HTMLSelectElement */
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { Evaluation, StandardInForce } from "../../evaluate/result";
import type { EvaluationSettings } from "../../model/input";
import type { ParameterView } from "../../standard/parameters";
import { presets } from "../../standard/presets";
import { usePaneContext } from "../state/PaneContext";
import { Mixed, SelectField, Tag, Zh, useTextStyles } from "./ui";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  standard: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  params: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  param: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalXS,
    alignItems: "baseline",
  },
  actions: {
    display: "flex",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    flexWrap: "wrap",
  },
  fieldset: { border: "none", margin: 0, padding: 0, minWidth: 0 },
});

export interface SettingsPanelProps {
  evaluation: Evaluation;
  settings: EvaluationSettings;
  busy: boolean;
  onSave: (settings: EvaluationSettings) => void;
  onInsertStandard: (presetId: string) => void;
  onSelect: (address: string) => void;
}

/** Parameters worth listing: rules that compute, their parameters, grades, caps, settings. */
function shown(p: ParameterView): boolean {
  if (p.unconfirmed || p.overridden) return true;
  if (p.path.endsWith(".max") || p.path.endsWith(".metric")) return false;
  return !(p.path.endsWith(".rule") && p.value === "主观评分");
}

/** The form's choices: the workbook's saved ones until the user picks others. */
function useSettingsForm(settings: EvaluationSettings, inForceId: string) {
  const [presetId, setPresetId] = useState(settings.presetId ?? inForceId);
  const [scoreSource, setScoreSource] = useState(settings.scoreSource ?? "entered");
  // The workbook's saved choice changed (a save, an edit of the settings sheet): show it. The
  // form is not rebuilt for that, so focus stays where the user was.
  useEffect(() => {
    setPresetId(settings.presetId ?? inForceId);
    setScoreSource(settings.scoreSource ?? "entered");
  }, [settings.presetId, settings.scoreSource, inForceId]);
  const reset = () => {
    setPresetId(settings.presetId ?? inForceId);
    setScoreSource(settings.scoreSource ?? "entered");
  };
  /** The settings to save: the workbook's, with the choices made here. */
  const chosen = (): EvaluationSettings => {
    const next: EvaluationSettings = { ...settings, scoreSource };
    if (presets.some((p) => p.id === presetId)) next.presetId = presetId;
    return next;
  };
  return { presetId, setPresetId, scoreSource, setScoreSource, reset, chosen };
}

/**
 * 插入评分标准 goes once the sheet is in: focus moves on to the next control, not the page.
 * Set `inserting` when inserting; `next` is the control that gets focus.
 */
function useFocusAfterInsert(fromSheet: boolean) {
  const inserting = useRef(false);
  const next = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (fromSheet && inserting.current) next.current?.focus();
    inserting.current = false;
  }, [fromSheet]);
  return { inserting, next };
}

/** Which standard scores this workbook, where it came from, and a link to its sheet. */
function StandardSummary(props: {
  standard: StandardInForce;
  onSelect: (address: string) => void;
}) {
  const { standard, onSelect } = props;
  const styles = useStyles();
  const text = useTextStyles();
  const { t } = usePaneContext();
  return (
    <div className={styles.standard}>
      <span className={text.caption}>{t.standardInForce}</span>
      <span className={mergeClasses(text.body, text.strong)} data-testid="standard-name">
        <Zh>{standard.name}</Zh>
      </span>
      <span className={text.caption} data-testid="standard-source">
        {t.standardSource}
        <Zh>{standard.sourceText}</Zh>
      </span>
      {standard.source === "sheet" && standard.sheet && (
        <span className={text.body}>
          <Mixed text={t.editInSheet(standard.sheet)} />{" "}
          <button
            type="button"
            className={text.link}
            onClick={() => onSelect(`${standard.sheet}!A1`)}
          >
            <Mixed text={t.goToStandard(standard.sheet)} />
          </button>
        </span>
      )}
    </div>
  );
}

interface PresetChooserProps {
  standard: StandardInForce;
  presetId: string;
  busy: boolean;
  onChange: (presetId: string) => void;
  onInsert: () => void;
}

/** A preset to score with, and 插入评分标准 (the workbook has no 评分标准 sheet of its own). */
function PresetChooser({ standard, presetId, busy, onChange, onInsert }: PresetChooserProps) {
  const styles = useStyles();
  const { t } = usePaneContext();
  const choices = presets.some((p) => p.id === presetId)
    ? presets
    : [standard.definition, ...presets];
  return (
    <fieldset className={styles.fieldset}>
      <SelectField
        label={t.settingsPreset}
        hint={t.settingsPresetHint}
        value={presetId}
        onChange={onChange}
      >
        {choices.map((p) => (
          <option key={p.id} value={p.id} lang="zh-CN">
            {p.name}
          </option>
        ))}
      </SelectField>
      <div className={styles.actions}>
        <Button
          type="button"
          title={t.insertStandardHint}
          disabledFocusable={busy}
          onClick={onInsert}
        >
          {t.insertStandard}
        </Button>
      </div>
    </fieldset>
  );
}

/** 保存到工作簿并重新计算 (submits the form) and 撤销修改 (back to the workbook's saved choices). */
function FormButtons({ busy, onReset }: { busy: boolean; onReset: () => void }) {
  const styles = useStyles();
  const { t } = usePaneContext();
  return (
    <div className={styles.actions}>
      <Button appearance="primary" type="submit" disabledFocusable={busy}>
        {t.settingsSave}
      </Button>
      <Button type="button" disabledFocusable={busy} onClick={onReset}>
        {t.settingsReset}
      </Button>
    </div>
  );
}

/** Every parameter in force, each linked to its cell in the 评分标准 sheet. */
function ParameterList(props: {
  parameters: ParameterView[];
  onSelect: (address: string) => void;
}) {
  const { parameters, onSelect } = props;
  const styles = useStyles();
  const text = useTextStyles();
  const { t } = usePaneContext();
  return (
    <section aria-label={t.settingsParameters}>
      <h3 className={mergeClasses(text.body, text.strong)}>{t.settingsParameters}</h3>
      <ul className={styles.params}>
        {parameters.filter(shown).map((p) => (
          <li key={p.path} className={styles.param}>
            <Zh className={text.caption}>{p.label}</Zh>
            <Zh className={text.body}>{p.value}</Zh>
            {p.unconfirmed && <Tag tone="warning">{t.unconfirmed}</Tag>}
            {p.cell && (
              <button
                type="button"
                className={text.link}
                onClick={() => onSelect(p.cell as string)}
              >
                <Zh>{p.cell}</Zh>
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Which standard scores this workbook and where it came from; 插入评分标准 (from a chosen preset)
 * when it is not the workbook's own sheet; which score counts; every parameter in force, each
 * linked to its cell in the 评分标准 sheet. Rules are changed in that sheet, one place only.
 */
export function SettingsPanel(props: SettingsPanelProps) {
  const { evaluation, settings, busy, onSave, onInsertStandard, onSelect } = props;
  const styles = useStyles();
  const { t } = usePaneContext();
  const inForce = evaluation.standard;
  const fromSheet = inForce.source === "sheet";
  const form = useSettingsForm(settings, inForce.id);
  const { inserting, next } = useFocusAfterInsert(fromSheet);

  return (
    <form
      className={styles.root}
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) onSave(form.chosen());
      }}
    >
      <StandardSummary standard={inForce} onSelect={onSelect} />
      {!fromSheet && (
        <PresetChooser
          standard={inForce}
          presetId={form.presetId}
          busy={busy}
          onChange={form.setPresetId}
          onInsert={() => {
            inserting.current = true;
            onInsertStandard(form.presetId);
          }}
        />
      )}
      <SelectField
        selectRef={next}
        label={t.settingsScoreSource}
        value={form.scoreSource}
        onChange={(v) => form.setScoreSource(v === "computed" ? "computed" : "entered")}
      >
        <option value="entered">{t.settingsEntered}</option>
        <option value="computed">{t.settingsComputed}</option>
      </SelectField>
      <FormButtons busy={busy} onReset={form.reset} />
      <ParameterList parameters={evaluation.parameters} onSelect={onSelect} />
    </form>
  );
}
