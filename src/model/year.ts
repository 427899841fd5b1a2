/**
 * The year in a title or a sentence: `2022 年度`; with no year read (0), two ideographic spaces
 * to write it in before 年度, or `blank` — never “0 年度” on a page that is signed. (A module of
 * its own: only the layouts and the report need it, not the task pane's first chunk.)
 */
export function yearly(year: number, word = "年度", blank = `\u3000\u3000${word}`): string {
  return year > 0 ? `${year} ${word}` : blank;
}
