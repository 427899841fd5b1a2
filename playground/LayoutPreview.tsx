/**
 * A sheet this tool wrote, previewed as it prints: merged cells, fills, bold, alignment,
 * borders, column widths and number formats (95.18, 89.12%, 46,665.43), from the same
 * SheetLayout the writers render.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { CSSProperties } from "react";
import { displayValue } from "../src/layout/displayFormat";
import { type LayoutCell, type SheetLayout, materialized } from "../src/layout/sheetLayout";
import { cellAddress } from "../src/hosts/snapshot";

const useStyles = makeStyles({
  table: { borderCollapse: "collapse", tableLayout: "fixed", backgroundColor: "#ffffff" },
  cell: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    overflow: "hidden",
    color: "#000000",
  },
});

/** Pixels per character of column width (the layouts' widths are in characters). */
const PX_PER_CHAR = 8;

function cellStyle(cell: LayoutCell | undefined, layout: SheetLayout): CSSProperties {
  const s = cell?.style ?? {};
  const numeric = typeof cell?.value === "number";
  return {
    fontWeight: s.bold ? 600 : undefined,
    fontStyle: s.italic ? "italic" : undefined,
    fontSize: `${((s.fontSize ?? layout.fontSize) * 4) / 3}px`,
    color: s.fontColor,
    backgroundColor: s.fill,
    textAlign: s.horizontal ?? (numeric ? "right" : "left"),
    verticalAlign: s.vertical === "center" ? "middle" : (s.vertical ?? "bottom"),
    whiteSpace: s.wrap ? "pre-wrap" : "nowrap",
    border: s.border ? "1px solid #000" : undefined,
    borderBottom: s.borderBottomThick ? "2px solid #000" : undefined,
  };
}

export function LayoutPreview({ layout: given }: { layout: SheetLayout }) {
  const styles = useStyles();
  const layout = materialized(given);
  const byAddress = new Map(layout.cells.map((c) => [`${c.row},${c.column}`, c]));
  const rows = Math.max(
    0,
    ...layout.cells.map((c) => c.row + 1),
    ...layout.merges.map((m) => m.bottom + 1)
  );
  const columns = Math.max(layout.columnWidths.length, ...layout.cells.map((c) => c.column + 1));
  const covered = new Set<string>();
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const m of layout.merges) {
    spans.set(`${m.top},${m.left}`, {
      rowSpan: m.bottom - m.top + 1,
      colSpan: m.right - m.left + 1,
    });
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++)
        if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  }
  return (
    <table className={styles.table} data-layout={layout.name}>
      <colgroup>
        {Array.from({ length: columns }, (_, c) => (
          <col key={c} style={{ width: `${(layout.columnWidths[c] ?? 9) * PX_PER_CHAR}px` }} />
        ))}
      </colgroup>
      <tbody>
        {Array.from({ length: rows }, (_, r) => (
          <tr
            key={r}
            style={{
              height: layout.rowHeights?.[r] ? `${(layout.rowHeights[r] * 4) / 3}px` : undefined,
            }}
          >
            {Array.from({ length: columns }, (_, c) => {
              const key = `${r},${c}`;
              if (covered.has(key)) return null;
              const cell = byAddress.get(key);
              return (
                <td
                  key={c}
                  className={styles.cell}
                  data-cell={cellAddress(r, c)}
                  {...spans.get(key)}
                  style={cellStyle(cell, layout)}
                >
                  {displayValue(cell?.value ?? null, cell?.style?.numberFormat)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
