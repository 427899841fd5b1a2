/**
 * The 网页版's 下载自评报告: reads and scores the workbook on the page (as the pane did) and
 * builds the Word draft in the browser — the `docx` library is loaded only when asked for.
 */
import type { WorkbookPort } from "../src/hosts/port";
import { readAndScore } from "../src/pipeline/readAndScore";
import { hasNoInputs } from "../src/pipeline/scoreWorkbook";

/** The .docx bytes, or null when the workbook holds nothing to report on. */
export async function reportDocxOf(port: WorkbookPort): Promise<Uint8Array | null> {
  const score = await readAndScore(port);
  if (hasNoInputs(score)) return null;
  const [{ reportDraft }, { reportDocx }] = await Promise.all([
    import(/* webpackChunkName: "report-draft" */ "../src/submission/reportDraft"),
    import(/* webpackChunkName: "report-docx" */ "../src/submission/reportDocx"),
  ]);
  return reportDocx(reportDraft({ evaluation: score.evaluation, input: score.parse.input }));
}
