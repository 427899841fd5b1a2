/* global HTMLSelectElement */
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { Evaluation } from "../../evaluate/result";
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

/**
 * Which standard scores this workbook and where it came from; 插入评分标准 (from a chosen preset)
 * when it is not the workbook's own sheet; which score counts; every parameter in force, each
 * linked to its cell in the 评分标准 sheet. Rules are changed in that sheet, one place only.
 */
export function SettingsPanel(props: SettingsPanelProps) {
  const { evaluation, settings, busy, onSave, onInsertStandard, onSelect } = props;
  const styles = useStyles();
  const text = useTextStyles();
  const { t } = usePaneContext();
  const inForce = evaluation.standard;
  const fromSheet = inForce.source === "sheet";
  const [presetId, setPresetId] = useState(settings.presetId ?? inForce.id);
  const [scoreSource, setScoreSource] = useState(settings.scoreSource ?? "entered");
  // The workbook's saved choice changed (a save, an edit of the settings sheet): show it. The
  // form is not rebuilt for that, so focus stays where the user was.
  useEffect(() => {
    setPresetId(settings.presetId ?? inForce.id);
    setScoreSource(settings.scoreSource ?? "entered");
  }, [settings.presetId, settings.scoreSource, inForce.id]);
  // 插入评分标准 goes once the sheet is in: focus moves on to the next control, not the page.
  const inserting = useRef(false);
  const next = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (fromSheet && inserting.current) next.current?.focus();
    inserting.current = false;
  }, [fromSheet]);
  const choices = presets.some((p) => p.id === presetId)
    ? presets
    : [inForce.definition, ...presets];

  const save = () => {
    if (busy) return;
    const next: EvaluationSettings = { ...settings, scoreSource };
    if (presets.some((p) => p.id === presetId)) next.presetId = presetId;
    onSave(next);
  };

  return (
    <form
      className={styles.root}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <div className={styles.standard}>
        <span className={text.caption}>{t.standardInForce}</span>
        <span className={mergeClasses(text.body, text.strong)} data-testid="standard-name">
          <Zh>{inForce.name}</Zh>
        </span>
        <span className={text.caption} data-testid="standard-source">
          {t.standardSource}
          <Zh>{inForce.sourceText}</Zh>
        </span>
        {fromSheet && inForce.sheet && (
          <span className={text.body}>
            <Mixed text={t.editInSheet(inForce.sheet)} />{" "}
            <button
              type="button"
              className={text.link}
              onClick={() => onSelect(`${inForce.sheet}!A1`)}
            >
              <Mixed text={t.goToStandard(inForce.sheet)} />
            </button>
          </span>
        )}
      </div>
      {!fromSheet && (
        <fieldset className={styles.fieldset}>
          <SelectField
            label={t.settingsPreset}
            hint={t.settingsPresetHint}
            value={presetId}
            onChange={setPresetId}
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
              onClick={() => {
                inserting.current = true;
                onInsertStandard(presetId);
              }}
            >
              {t.insertStandard}
            </Button>
          </div>
        </fieldset>
      )}
      <SelectField
        selectRef={next}
        label={t.settingsScoreSource}
        value={scoreSource}
        onChange={(v) => setScoreSource(v === "computed" ? "computed" : "entered")}
      >
        <option value="entered">{t.settingsEntered}</option>
        <option value="computed">{t.settingsComputed}</option>
      </SelectField>
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabledFocusable={busy}>
          {t.settingsSave}
        </Button>
        <Button
          type="button"
          disabledFocusable={busy}
          onClick={() => {
            setPresetId(settings.presetId ?? inForce.id);
            setScoreSource(settings.scoreSource ?? "entered");
          }}
        >
          {t.settingsReset}
        </Button>
      </div>
      <section aria-label={t.settingsParameters}>
        <h3 className={mergeClasses(text.body, text.strong)}>{t.settingsParameters}</h3>
        <ul className={styles.params}>
          {evaluation.parameters.filter(shown).map((p) => (
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
    </form>
  );
}
