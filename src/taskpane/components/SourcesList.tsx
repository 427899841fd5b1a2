import { makeStyles, tokens } from "@fluentui/react-components";
import type { FoundInput } from "../../parse/parseWorkbook";
import { TABLE_TITLES } from "../../parse/tableTitles";
import { usePaneContext } from "../state/PaneContext";
import { Zh, useTextStyles } from "./ui";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  item: {
    display: "flex",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
  },
  missing: { color: tokens.colorPaletteRedForeground1 },
});

export interface SourcesListProps {
  found: FoundInput[];
  onSelect: (address: string) => void;
}

/** Where each input table was found (click to go there), and which were not found. */
export function SourcesList({ found, onSelect }: SourcesListProps) {
  const styles = useStyles();
  const text = useTextStyles();
  const { t } = usePaneContext();
  const tables = found.filter((f) => f.kind !== "info");
  const missing = (["budget", "indicators", "projects", "keyTasks"] as const).filter(
    (kind) => !tables.some((f) => f.kind === kind)
  );
  return (
    <ul className={styles.list}>
      {tables.map((f) => (
        <li key={`${f.kind}-${f.sheet}`} className={styles.item}>
          <Zh className={text.body}>{f.title}</Zh>
          <button
            type="button"
            className={text.link}
            onClick={() => onSelect(`${f.sheet}!${f.range.split(":")[0]}`)}
          >
            <Zh>
              {f.sheet}!{f.range}
            </Zh>
          </button>
        </li>
      ))}
      {missing.map((kind) => (
        <li key={kind} className={styles.item}>
          <Zh className={text.body}>{TABLE_TITLES[kind]}</Zh>
          <span className={styles.missing}>{t.sourceMissing}</span>
        </li>
      ))}
    </ul>
  );
}
