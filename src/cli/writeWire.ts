/**
 * A write request as the writer thread is sent it. Copying the layouts as objects between threads
 * (structured clone: a thousand small cell objects) took about 1 ms of the scoring thread per
 * workbook; as one string — each style once, the cells as a flat list of numbers and text — it
 * is a fraction of that. The worker rebuilds the same layouts, the cells of one style sharing
 * one style object (as the layouts made here do).
 */
import {
  type CellStyle,
  type LayoutCell,
  type LayoutValue,
  type SheetLayout,
  materialized,
} from "../layout/sheetLayout";
import type { SheetRole } from "../hosts/ownership";
import type { WriteRequest } from "./writeScored";

/** A WriteRequest with each layout as text. */
export type WireRequest = Omit<WriteRequest, "owned"> & { owned: [SheetRole, string][] };

/** Fields a cell takes in the flat list: row, column, value, style (-1: none), formula (0: none). */
const FIELDS = 5;

export function toWire(request: WriteRequest): WireRequest {
  return { ...request, owned: request.owned.map(([role, layout]) => [role, layoutText(layout)]) };
}

export function fromWire(wire: WireRequest): WriteRequest {
  return { ...wire, owned: wire.owned.map(([role, text]) => [role, layoutOf(text)]) };
}

/**
 * The layout as JSON: its styles listed once, its cells flat, a row block made into cells. (A
 * number that is not finite becomes null, which every writer writes alike: an empty cell.)
 */
function layoutText(layout: SheetLayout): string {
  const styles: CellStyle[] = [];
  const index = new Map<CellStyle, number>();
  const styleOf = (style: CellStyle | undefined) => {
    if (!style) return -1;
    let i = index.get(style);
    if (i === undefined) index.set(style, (i = styles.push(style) - 1));
    return i;
  };
  const flat: (LayoutValue | number)[] = [];
  for (const c of materialized(layout).cells)
    flat.push(c.row, c.column, c.value, styleOf(c.style), c.formula ?? 0);
  // Everything but the cells, which go flat.
  const rest: Partial<SheetLayout> = { ...layout };
  delete rest.cells;
  delete rest.rowBlock;
  return JSON.stringify({ rest, styles, flat });
}

function layoutOf(text: string): SheetLayout {
  const { rest, styles, flat } = JSON.parse(text) as {
    rest: Omit<SheetLayout, "cells">;
    styles: CellStyle[];
    flat: (LayoutValue | number)[];
  };
  const cells: LayoutCell[] = [];
  for (let i = 0; i < flat.length; i += FIELDS) {
    const cell: LayoutCell = {
      row: flat[i] as number,
      column: flat[i + 1] as number,
      value: flat[i + 2] as LayoutValue,
    };
    const style = styles[flat[i + 3] as number];
    if (style) cell.style = style;
    const formula = flat[i + 4];
    if (typeof formula === "string") cell.formula = formula;
    cells.push(cell);
  }
  return { ...rest, cells };
}
