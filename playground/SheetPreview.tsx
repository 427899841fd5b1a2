/** A read-only preview of the workbook's sheets as HTML tables, with the selected cell marked. */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { type KeyboardEvent, type RefObject, useEffect, useId, useRef } from "react";
import {
  type SheetSnapshot,
  type WorkbookSnapshot,
  cellAddress,
  columnLetters,
} from "../src/hosts/snapshot";
import type { Selection } from "./playgroundPort";
import { LayoutPreview } from "./LayoutPreview";
import { displayValue } from "../src/layout/displayFormat";
import type { SheetLayout } from "../src/layout/sheetLayout";

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
  /** The corner cell names the sheet for screen readers; seen, it is the empty corner. */
  corner: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
  tabs: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalXS },
  tab: {
    minHeight: "32px",
    padding: `0 ${tokens.spacingHorizontalS}`,
    border: "none",
    borderBottom: `${tokens.strokeWidthThick} solid transparent`,
    background: "none",
    color: tokens.colorNeutralForeground2,
    cursor: "pointer",
    fontFamily: "inherit",
    fontSize: tokens.fontSizeBase300,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  tabSelected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorBrandStroke1,
  },
  selected: {
    outline: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteRedBorder2}`,
    backgroundColor: tokens.colorPaletteYellowBackground2,
  },
});

export interface SheetPreviewProps {
  snapshot: WorkbookSnapshot;
  /** Sheets this page wrote, previewed from their layouts (as they print). */
  layouts?: ReadonlyMap<string, SheetLayout>;
  sheet: string;
  onSheet: (sheet: string) => void;
  selection: Selection | null;
}

/** The preview draws a sheet's first rows only, at most this many. */
const MAX_ROWS = 500;

/**
 * The selected cell's element, scrolled into view when the selection or the sheet changes, so
 * a cell selected from the pane is seen at once.
 */
function useScrollToSelected(selection: Selection | null, sheet: string) {
  const selectedRef = useRef<HTMLTableCellElement | null>(null);
  useEffect(
    () => selectedRef.current?.scrollIntoView({ block: "center", inline: "center" }),
    [selection, sheet]
  );
  return selectedRef;
}

export function SheetPreview({ snapshot, layouts, sheet, onSheet, selection }: SheetPreviewProps) {
  const styles = useStyles();
  const selectedRef = useScrollToSelected(selection, sheet);
  const panelId = useId();
  const current = snapshot.sheets.find((s) => s.name === sheet) ?? snapshot.sheets[0];
  if (!current) return null;
  const layout = layouts?.get(current.name);
  return (
    <section className={styles.root} aria-label="工作簿预览">
      <SheetTabs
        names={snapshot.sheets.map((s) => s.name)}
        current={current.name}
        onSheet={onSheet}
        panelId={panelId}
      />
      <div
        className={styles.scroller}
        id={panelId}
        role="tabpanel"
        aria-label={current.name}
        tabIndex={0}
      >
        {layout ? (
          <LayoutPreview layout={layout} />
        ) : (
          <SheetGrid sheet={current} selection={selection} selectedRef={selectedRef} />
        )}
      </div>
    </section>
  );
}

interface SheetGridProps {
  sheet: SheetSnapshot;
  selection: Selection | null;
  /** Given to the selected cell, to scroll it into view. */
  selectedRef: RefObject<HTMLTableCellElement | null>;
}

/** A sheet's values as a table, with column letters and row numbers as headers. */
function SheetGrid({ sheet, selection, selectedRef }: SheetGridProps) {
  const styles = useStyles();
  const rows = sheet.top + sheet.values.length;
  const columns = sheet.left + Math.max(0, ...sheet.values.map((r) => r.length));
  return (
    <table className={styles.table}>
      <thead>
        <tr>
          <th className={mergeClasses(styles.cell, styles.head)} scope="col">
            <span className={styles.corner}>{sheet.name}</span>
          </th>
          {Array.from({ length: columns }, (_, c) => (
            <th key={c} className={mergeClasses(styles.cell, styles.head)} scope="col">
              {columnLetters(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: Math.min(rows, MAX_ROWS) }, (_, r) => (
          <SheetRow
            key={r}
            sheet={sheet}
            selection={selection}
            selectedRef={selectedRef}
            row={r}
            columns={columns}
          />
        ))}
      </tbody>
    </table>
  );
}

/** One row: its number, then each cell's value as the sheet shows it; the selected cell marked. */
function SheetRow(props: SheetGridProps & { row: number; columns: number }) {
  const { sheet, selection, selectedRef, row: r, columns } = props;
  const styles = useStyles();
  return (
    <tr>
      <th className={mergeClasses(styles.cell, styles.head)} scope="row">
        {r + 1}
      </th>
      {Array.from({ length: columns }, (_, c) => {
        const value = sheet.values[r - sheet.top]?.[c - sheet.left] ?? null;
        const isSelected = selection?.sheet === sheet.name && selection.cell === cellAddress(r, c);
        return (
          <td
            key={c}
            ref={isSelected ? selectedRef : undefined}
            className={mergeClasses(styles.cell, isSelected && styles.selected)}
            data-cell={cellAddress(r, c)}
            data-selected={isSelected || undefined}
          >
            {displayValue(value, sheet.numberFormats?.[r - sheet.top]?.[c - sheet.left])}
          </td>
        );
      })}
    </tr>
  );
}

/**
 * Sheet tabs as a WAI-ARIA tab list: one tab stop, arrow keys / Home / End move and select.
 * (Fluent's TabList adds focusable aria-hidden guards that axe reports.)
 */
function SheetTabs(props: {
  names: string[];
  current: string;
  onSheet: (name: string) => void;
  panelId: string;
}) {
  const { names, current, onSheet, panelId } = props;
  const styles = useStyles();
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = names.indexOf(current);
    const next = {
      ArrowRight: at + 1,
      ArrowLeft: at - 1,
      Home: 0,
      End: names.length - 1,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const name = names[(next + names.length) % names.length];
    onSheet(name);
    event.currentTarget.querySelector<HTMLElement>(`[data-sheet="${CSS.escape(name)}"]`)?.focus();
  };
  return (
    <div role="tablist" aria-label="工作表" className={styles.tabs} onKeyDown={onKeyDown}>
      {names.map((name) => (
        <button
          key={name}
          type="button"
          role="tab"
          data-sheet={name}
          aria-selected={name === current}
          aria-controls={panelId}
          tabIndex={name === current ? 0 : -1}
          className={mergeClasses(styles.tab, name === current && styles.tabSelected)}
          onClick={() => onSheet(name)}
        >
          {name}
        </button>
      ))}
    </div>
  );
}
