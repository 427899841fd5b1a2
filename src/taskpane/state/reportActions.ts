/**
 * What the pane's 自评报告 section runs, loaded as one chunk on first use: the draft (sheet and
 * text) and the system clipboard. Nothing of it is in the pane's first download.
 */
export { reportTextOf, writeReportSheet } from "../../pipeline/reportDraft";
export { copyText } from "./clipboard";
