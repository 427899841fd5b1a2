/**
 * Several workbooks at once (chosen together or dropped together): each scored where it is, a
 * ranking on the page, and 汇总排名.xlsx to save — the same sheet the command line writes for a
 * folder. Nothing leaves the machine.
 */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { workbookOfSheet } from "../src/hosts/file/blankWorkbook";
import { PackageWorkbook } from "../src/hosts/file/packageWorkbook";
import {
  RANKING_FILE,
  type RankingEntry,
  type RankingFailure,
  formsOnlyNote,
  rankEntries,
  rankingEntry,
  rankingLayout,
} from "../src/layout/ranking";
import { score } from "../src/model/decimal";
import { readAndScore } from "../src/pipeline/readAndScore";
import { whyNothingToWrite } from "../src/pipeline/nothingToWrite";
import { NO_INPUT_TABLES, blankTemplateReason } from "../src/pipeline/writtenSheets";
import { today } from "../src/pipeline/recalculate";

export interface RankingResult {
  entries: RankingEntry[];
  failures: RankingFailure[];
  /** Workbooks of project forms alone: scored, not ranked (no department). */
  formsOnly: string[];
}

/**
 * Scores every file; a file that cannot be read, holds no input table or is a blank template is
 * listed with why.
 */
export async function rankFiles(files: readonly File[]): Promise<RankingResult> {
  const result: RankingResult = { entries: [], failures: [], formsOnly: [] };
  for (const file of files) {
    try {
      const scored = await readAndScore(
        new PackageWorkbook(new Uint8Array(await file.arrayBuffer()))
      );
      // No ranking row of zeros: the command line's decision (whyNothingToWrite) and words.
      const nothing = whyNothingToWrite(scored);
      if (nothing === "noInputs")
        result.failures.push({ file: file.name, reason: NO_INPUT_TABLES });
      else if (nothing === "blankTemplate")
        result.failures.push({ file: file.name, reason: blankTemplateReason(scored) });
      else if (scored.evaluation.projectsOnly) result.formsOnly.push(file.name);
      else result.entries.push(rankingEntry(scored.evaluation, file.name));
    } catch (error) {
      const message = error instanceof Error ? error.message : "";
      const reason = /[\u4e00-\u9fff]/.test(message) ? message : "不是有效的 .xlsx 文件";
      result.failures.push({ file: file.name, reason });
    }
  }
  return result;
}

/** 汇总排名.xlsx: a new workbook whose only sheet is the ranking. */
export async function rankingWorkbook(result: RankingResult): Promise<Uint8Array> {
  const options = { date: today(), formsOnly: result.formsOnly };
  return workbookOfSheet(rankingLayout(result.entries, result.failures, options));
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase300 },
  cell: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
  },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
});

export function RankingView({ result, onSave }: { result: RankingResult; onSave: () => void }) {
  const styles = useStyles();
  const ranked = rankEntries(result.entries);
  return (
    <section className={styles.root} aria-labelledby="ranking-title">
      <h2 id="ranking-title" className={styles.heading}>
        汇总排名（{ranked.length} 个工作簿）
      </h2>
      <table className={styles.table} data-testid="ranking">
        <thead>
          <tr>
            {["排名", "部门", "总分", "等级", "严重 / 警告", "文件"].map((h) => (
              <th key={h} className={styles.cell} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ranked.map((e, i) => (
            <tr key={i}>
              <td className={`${styles.cell} ${styles.number}`}>{e.rank ?? "—"}</td>
              <td className={styles.cell}>{e.department}</td>
              <td className={`${styles.cell} ${styles.number}`}>{score(e.total)}</td>
              <td className={styles.cell}>{e.grade}</td>
              <td className={`${styles.cell} ${styles.number}`}>
                {e.gaps.error} / {e.gaps.warning}
              </td>
              <td className={styles.cell}>{e.file}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.formsOnly.length > 0 && <p>{formsOnlyNote(result.formsOnly)}</p>}
      {result.failures.length > 0 && (
        <ul>
          {result.failures.map((f, i) => (
            <li key={i}>
              未能评分 {f.file}：{f.reason}
            </li>
          ))}
        </ul>
      )}
      <div>
        <Button appearance="primary" onClick={onSave}>
          下载{RANKING_FILE}
        </Button>
      </div>
    </section>
  );
}
