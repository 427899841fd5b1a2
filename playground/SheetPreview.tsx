/** A read-only preview of the workbook's sheets as HTML tables, with the selected cell marked. */
import { Tab, TabList, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import {
  cellAddress,
  columnLetters,
  isCellError,
  type WorkbookSnapshot,
} from "../src/hosts/snapshot";
import type { Selection } from "./playgroundPort";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  scroller: {
    overflow: "auto",
    maxHeight: "70vh",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  cell: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    whiteSpace: "nowrap",
    maxWidth: "28em",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  head: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    textAlign: "center",
  },
  selected: {
    outline: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteRedBorder2}`,
    backgroundColor: tokens.colorPaletteYellowBackground2,
  },
});

function show(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (isCellError(value as never)) return (value as { error: string }).error;
  return String(value);
}

export interface SheetPreviewProps {
  snapshot: WorkbookSnapshot;
  sheet: string;
  onSheet: (sheet: string) => void;
  selection: Selection | null;
}

export function SheetPreview({ snapshot, sheet, onSheet, selection }: SheetPreviewProps) {
  const styles = useStyles();
  const selectedRef = useRef<HTMLTableCellElement | null>(null);
  const current = snapshot.sheets.find((s) => s.name === sheet) ?? snapshot.sheets[0];
  useEffect(
    () => selectedRef.current?.scrollIntoView({ block: "center", inline: "center" }),
    [selection, sheet]
  );
  if (!current) return null;
  const rows = current.top + current.values.length;
  const columns = current.left + Math.max(0, ...current.values.map((r) => r.length));
  return (
    <section className={styles.root} aria-label="工作簿预览">
      <TabList
        selectedValue={current.name}
        onTabSelect={(_, d) => onSheet(String(d.value))}
        size="small"
      >
        {snapshot.sheets.map((s) => (
          <Tab key={s.name} value={s.name}>
            {s.name}
          </Tab>
        ))}
      </TabList>
      <div className={styles.scroller}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th className={mergeClasses(styles.cell, styles.head)} />
              {Array.from({ length: columns }, (_, c) => (
                <th key={c} className={mergeClasses(styles.cell, styles.head)} scope="col">
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: Math.min(rows, 500) }, (_, r) => (
              <tr key={r}>
                <th className={mergeClasses(styles.cell, styles.head)} scope="row">
                  {r + 1}
                </th>
                {Array.from({ length: columns }, (_, c) => {
                  const value = current.values[r - current.top]?.[c - current.left] ?? null;
                  const isSelected =
                    selection?.sheet === current.name && selection.cell === cellAddress(r, c);
                  return (
                    <td
                      key={c}
                      ref={isSelected ? selectedRef : undefined}
                      className={mergeClasses(styles.cell, isSelected && styles.selected)}
                      data-cell={cellAddress(r, c)}
                      aria-selected={isSelected || undefined}
                    >
                      {show(value)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
