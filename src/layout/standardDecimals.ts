/**
 * The standard's decimals on the page (a module of its own: the parser, in the task pane's first
 * chunk, imports style.ts, and this is needed only with the layouts).
 */
import type { CellStyle, LayoutCell, SheetLayout } from "./sheetLayout";
import { formats } from "./style";

/**
 * The layout with its score and rate formats widened to the standard's decimals (得分保留小数位
 * 3 prints 89.995, not 90.00; 比率保留小数位 6 prints 99.9996%): the layouts use `formats.score`
 * and `formats.rate`, which show two decimals, enough for the defaults. Styles stay shared
 * values: each is widened once.
 */
export function withStandardDecimals(
  layout: SheetLayout,
  decimals: { scoreDecimals: number; rateDecimals: number }
): SheetLayout {
  const wider: Record<string, string> = {};
  if (decimals.scoreDecimals > 2) wider[formats.score] = `0.${"0".repeat(decimals.scoreDecimals)}`;
  if (decimals.rateDecimals > 4)
    wider[formats.rate] = `0.${"0".repeat(decimals.rateDecimals - 2)}%`;
  if (Object.keys(wider).length === 0) return layout;
  const widened = new Map<CellStyle, CellStyle>();
  const restyle = (style: CellStyle): CellStyle => {
    const format = style.numberFormat === undefined ? undefined : wider[style.numberFormat];
    if (format === undefined) return style;
    let made = widened.get(style);
    if (!made) widened.set(style, (made = { ...style, numberFormat: format }));
    return made;
  };
  const cell = (c: LayoutCell): LayoutCell => (c.style ? { ...c, style: restyle(c.style) } : c);
  const block = layout.rowBlock;
  return {
    ...layout,
    cells: layout.cells.map(cell),
    ...(block
      ? {
          rowBlock: {
            ...block,
            cell: (line: number, column: number) => cell(block.cell(line, column)),
            styles: block.styles.map(restyle),
          },
        }
      : {}),
  };
}
