import type { CellRange, SheetRow } from './types';

/**
 * How much a plan file may hold, counted over the whole file (all its sheets together). A real
 * plan has a few hundred rows of a dozen columns; the limits are far above that and far below
 * what would take the server minutes or gigabytes, so a runaway or hostile file is refused
 * with a message instead.
 */
export const MAX_ROWS = 100_000;
/** Rows times their width (up to the last filled cell), summed over the file. */
export const MAX_CELLS = 3_000_000;
/** Excel's own limit for the text of one cell. */
export const MAX_CELL_CHARS = 32_767;
/** Characters of text in all cells read (a shared string counts at each cell that uses it), and in the shared-string table. */
export const MAX_TEXT_CHARS = 10_000_000;
/** Entries of a workbook's table of shared strings (distinct texts): a plan has a few thousand. */
export const MAX_SHARED_STRINGS = 1_000_000;
/** The whole read of one file; past it the file is refused. */
export const READ_DEADLINE_MS = 8_000;
/** How long a reader may hold the event loop before it lets other requests run. */
export const SLICE_MS = 50;

/** Merged ranges kept per sheet: far more than any plan has; the rest are ignored (they only help to read the layout). */
export const MAX_MERGES = 100_000;

/**
 * The merges as far as the sheet's rows and cells go: a file may merge A1:XFD1048576, which
 * nobody should have to walk. Each range is cut at the last row read and at the last column of
 * the widest row (or of the table's grid, `width` columns, when the reader knows it), never left
 * of its first; a range that starts below the last row, or comes to one cell, is dropped.
 */
export function boundMerges(merges: CellRange[], rows: SheetRow[], width = 0): CellRange[] {
  const lastRow = rows.at(-1)?.row ?? 0;
  let lastColumn = width - 1;
  for (const row of rows) lastColumn = Math.max(lastColumn, row.cells.length - 1);
  const bounded: CellRange[] = [];
  for (const merge of merges) {
    if (merge.top > lastRow) continue;
    const range = { top: merge.top, left: merge.left, bottom: Math.min(merge.bottom, lastRow), right: Math.max(merge.left, Math.min(merge.right, lastColumn)) };
    if (range.bottom > range.top || range.right > range.left) bounded.push(range);
  }
  return bounded;
}

/** Excel allows 31 characters; a longer name (from a hand-made file, or a CSV's file name) is shortened. */
export const MAX_SHEET_NAME_CHARS = 100;

export function shortSheetName(name: string): string {
  return name.length <= MAX_SHEET_NAME_CHARS ? name : `${name.slice(0, MAX_SHEET_NAME_CHARS - 1)}…`;
}
