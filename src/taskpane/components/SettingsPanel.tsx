import {
  Button,
  Checkbox,
  Field,
  Input,
  Select,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Evaluation } from "../../evaluate/result";
import type { EvaluationSettings } from "../../model/input";
import { profiles } from "../../profiles";
import { usePaneContext } from "../state/PaneContext";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  params: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  param: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  actions: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export interface SettingsPanelProps {
  evaluation: Evaluation;
  settings: EvaluationSettings;
  busy: boolean;
  onSave: (settings: EvaluationSettings) => void;
}

/**
 * Profile, which score counts, and every rule parameter (targets, floors, steps, weight basis,
 * grade bands…), with 待核对 ones to confirm. Saved into the workbook's 绩效自评设置 sheet.
 */
export function SettingsPanel({ evaluation, settings, busy, onSave }: SettingsPanelProps) {
  const styles = useStyles();
  const { t } = usePaneContext();
  const initial = useMemo(
    () => new Map(evaluation.parameters.map((p) => [p.path, p.value])),
    [evaluation]
  );
  const [profileId, setProfileId] = useState(settings.profileId ?? evaluation.profile.id);
  const [scoreSource, setScoreSource] = useState(settings.scoreSource ?? "entered");
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [confirmed, setConfirmed] = useState<Set<string>>(new Set(settings.confirmed ?? []));

  const editable = evaluation.parameters.filter((p) => !p.path.endsWith(".rule"));
  const confirmable = evaluation.parameters.filter((p) => p.unconfirmed || confirmed.has(p.path));

  const save = () => {
    const overrides: Record<string, string | number | boolean> = { ...(settings.overrides ?? {}) };
    for (const [path, value] of Object.entries(edits)) {
      if (value.trim() === "" || value === initial.get(path)) continue;
      overrides[path] = value.trim();
    }
    const next: EvaluationSettings = { profileId, scoreSource };
    if (Object.keys(overrides).length > 0) next.overrides = overrides;
    if (confirmed.size > 0) next.confirmed = [...confirmed];
    onSave(next);
  };

  const reset = () => {
    setProfileId(settings.profileId ?? evaluation.profile.id);
    setScoreSource(settings.scoreSource ?? "entered");
    setEdits({});
    setConfirmed(new Set(settings.confirmed ?? []));
  };

  return (
    <form
      className={styles.root}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <Field label={t.settingsProfile}>
        <Select value={profileId} onChange={(_, data) => setProfileId(data.value)}>
          {profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.settingsScoreSource}>
        <Select
          value={scoreSource}
          onChange={(_, data) => setScoreSource(data.value === "computed" ? "computed" : "entered")}
        >
          <option value="entered">{t.settingsEntered}</option>
          <option value="computed">{t.settingsComputed}</option>
        </Select>
      </Field>
      <fieldset className={styles.params}>
        <legend>{t.settingsParameters}</legend>
        {editable.map((p) => (
          <div key={p.path} className={styles.param}>
            <Field
              label={p.label}
              hint={p.unconfirmed ? `${t.unconfirmed}${p.note ? `：${p.note}` : ""}` : undefined}
            >
              <Input
                value={edits[p.path] ?? p.value}
                onChange={(_, data) => setEdits((prev) => ({ ...prev, [p.path]: data.value }))}
              />
            </Field>
          </div>
        ))}
        {confirmable.map((p) => (
          <Checkbox
            key={`confirm-${p.path}`}
            label={`${t.settingsConfirm}：${p.label}`}
            checked={confirmed.has(p.path)}
            onChange={(_, data) =>
              setConfirmed((prev) => {
                const next = new Set(prev);
                if (data.checked) next.add(p.path);
                else next.delete(p.path);
                return next;
              })
            }
          />
        ))}
      </fieldset>
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={busy}>
          {t.settingsSave}
        </Button>
        <Button type="button" onClick={reset} disabled={busy}>
          {t.settingsReset}
        </Button>
      </div>
    </form>
  );
}
