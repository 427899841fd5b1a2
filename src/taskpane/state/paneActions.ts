/**
 * The pane's workbook actions as plain functions: insert the template, a standard or a project
 * form, save settings, select a cell, write or copy the report draft. Each takes what it needs
 * (the injected port, never a host global) and ends in the pane: a result, a note or an error.
 */
import type { RefObject } from "react";
import type { EvaluationSettings } from "../../model/input";
import type { WorkbookPort } from "../../hosts/port";
import { settingsLayout } from "../../layout/settings";
import { findPresetById } from "../../standard/presets";
import type { Standard } from "../../standard/types";
import { readAndScore } from "../../pipeline/readAndScore";
import { type FailedAction, describeError } from "../../hosts/excel/errors";
import type { CopyText } from "./clipboard";
import type { BusyPhase, PaneDispatch, PaneState } from "./paneState";
import type { Strings } from "./strings";
import type { Recalculator } from "./useRecalculation";

export interface ActionContext extends Recalculator {
  port: WorkbookPort;
  t: Strings;
  dispatch: PaneDispatch;
  /** The state last rendered, read when an action runs. */
  latest: RefObject<PaneState>;
  /** Puts text on the clipboard; absent: the system's (loaded with the report chunk). */
  copyText?: CopyText;
}

/** Loaded when first used: the sheet layouts stay out of the pane's first download. */
const layouts = () =>
  import(/* webpackChunkName: "sheet-layouts" */ "../../pipeline/insertTemplate");

/** The report's own chunk: drafting code stays out of the pane's first download. */
const reportModule = () => import(/* webpackChunkName: "report-draft" */ "./reportActions");

/** Shows the pane busy with `phase` while `task` runs; a failure names the action. */
async function whileBusy(
  { dispatch }: ActionContext,
  phase: BusyPhase,
  action: FailedAction,
  task: () => Promise<void>
): Promise<void> {
  dispatch({ type: "busy", phase });
  try {
    await task();
  } catch (error) {
    dispatch({ type: "error", message: describeError(error, action) });
  }
}

/** The standard in force: from the last result, or read and scored now. */
async function standardInForce({ port, latest }: ActionContext): Promise<Standard> {
  const known = latest.current.result?.evaluation.standard.definition;
  if (known) return known;
  return (await readAndScore(port)).evaluation.standard.definition;
}

export function insertTemplate(c: ActionContext): Promise<void> {
  return whileBusy(c, "inserting", "插入模板", async () => {
    const { insertTemplate } = await layouts();
    const outcome = await insertTemplate(c.port, await standardInForce(c));
    await c.run(false, outcome.messages);
  });
}

export function insertStandard(c: ActionContext, presetId: string): Promise<void> {
  return whileBusy(c, "insertingStandard", "插入评分标准", async () => {
    const current = await standardInForce(c);
    const standard = presetId === current.id ? current : (findPresetById(presetId) ?? current);
    const settings = c.latest.current.result?.parse.input.settings ?? {};
    const { insertStandard } = await layouts();
    const outcome = await insertStandard(c.port, standard, settings);
    await c.run(false, outcome.messages);
  });
}

export function insertProjectForm(c: ActionContext, name: string): Promise<void> {
  return whileBusy(c, "insertingProject", "插入项目自评表", async () => {
    const { insertProjectForm } = await layouts();
    const input = c.latest.current.result?.parse.input;
    const outcome = await insertProjectForm(c.port, name, input);
    await c.run(false, outcome.messages);
    // Open the new form, ready to fill in.
    if (outcome.added[0]) await c.port.selectCell(`${outcome.added[0]}!A1`);
  });
}

export async function saveSettings(c: ActionContext, settings: EvaluationSettings): Promise<void> {
  const current = c.latest.current.result?.evaluation;
  if (!current) return;
  await whileBusy(c, "saving", "保存设置", async () => {
    const preset = (settings.presetId && findPresetById(settings.presetId)) || current.standard;
    const write = await c.port.writeOwnedSheet(
      settingsLayout(settings, { id: preset.id, name: preset.name }),
      "settings"
    );
    // The saved note leads the recalculation's own notes; earlier notes are gone.
    await c.run(true, [c.t.settingsSaved(write.sheet)]);
  });
}

export async function selectCell({ port, t, dispatch }: ActionContext, address: string) {
  try {
    const ok = await port.selectCell(address);
    if (!ok) dispatch({ type: "notes", notes: [t.cellNotSelectable(address)] });
  } catch (error) {
    dispatch({ type: "error", message: describeError(error) });
  }
}

export async function writeReport(c: ActionContext): Promise<void> {
  const result = c.latest.current.result;
  // Never beside a recalculation on the same workbook (an auto-recalculation may be due).
  if (!result || !c.claim()) return;
  await whileBusy(c, "reporting", "生成报告草稿表", async () => {
    const write = await (await reportModule()).writeReportSheet(c.port, result);
    c.dispatch({ type: "notes", notes: [c.t.reportWritten(write.sheet)] });
    // Open the draft, ready to read and edit.
    await c.port.selectCell(`${write.sheet}!A1`);
  });
  await c.release();
}

export async function copyReport({ latest, t, dispatch, copyText }: ActionContext) {
  const result = latest.current.result;
  if (!result) return;
  let text: string;
  let copy: CopyText;
  try {
    const report = await reportModule();
    text = report.reportTextOf(result);
    copy = copyText ?? report.copyText;
  } catch (error) {
    dispatch({ type: "error", message: describeError(error) });
    return;
  }
  await copy(text).then(
    () => dispatch({ type: "notes", notes: [t.reportCopied] }),
    () => dispatch({ type: "error", message: t.copyFailed })
  );
}
