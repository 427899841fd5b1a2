/**
 * The 网页版's 下载自评报告: reads and scores the workbook on the page (as the pane did) and
 * builds the Word draft in the browser — the `docx` library is loaded only when asked for.
 */
import type { WorkbookPort } from "../src/hosts/port";
import { readAndScore } from "../src/pipeline/readAndScore";
import { noReportReason } from "../src/pipeline/writtenSheets";

/**
 * The .docx bytes, or why no draft is made (the sentence the page shows): no input table, or
 * a template with no figure yet — the command line's decision and words.
 */
export async function reportDocxOf(port: WorkbookPort): Promise<Uint8Array | { refused: string }> {
  const score = await readAndScore(port);
  const refused = noReportReason(score);
  if (refused) return { refused: `${refused}。` };
  const [{ reportDraft }, { reportDocx }] = await Promise.all([
    import(/* webpackChunkName: "report-draft" */ "../src/submission/reportDraft"),
    import(/* webpackChunkName: "report-docx" */ "../src/submission/reportDocx"),
  ]);
  return reportDocx(reportDraft({ evaluation: score.evaluation, input: score.parse.input }));
}
