import { setImmediate as nextTurn } from 'node:timers/promises';
import { importFileWords } from '../app/i18n/import-files';
import { inBoth } from '../app/i18n/words';
import { ImportError, inBothWith, type Message } from './import-error';
import { columnLetter } from './text';
import type { CellRange, CellValue, SheetRow } from './types';

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
/** The clock is read once every so many steps (a power of two, less one). */
const CLOCK_EVERY = 0xff;

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

/** 1,000,000 in English, 1 000 000 in Bulgarian. */
const count = (n: number): Message => ({ en: n.toLocaleString('en-US'), bg: n.toLocaleString('bg-BG') });

/**
 * One budget for reading a whole file, shared by every reader (.xlsx, .csv, ...): it counts
 * what the reader keeps (rows, cells, characters of text, shared strings) and refuses the
 * file as soon as it is over a limit, keeps the deadline, and tells the reader when to let
 * the event loop go: call `due()` at each step (row, string, tag) and `await pause()` when it
 * says so, so that no file holds a worker for more than a slice at a time.
 */
export class ReadBudget {
  /** Date.now() past which reading stops (the XML scanner checks it too). */
  readonly deadline = Date.now() + READ_DEADLINE_MS;
  private rows = 0;
  private cells = 0;
  private chars = 0;
  private sharedStrings = 0;
  private sheet = '';
  private sliceStart = Date.now();
  private steps = 0;

  constructor(private readonly fileName: string) {}

  /** Call when a sheet begins. */
  startSheet(sheet: string): void {
    this.sheet = sheet;
  }

  /** Call for each row read, before keeping it; `width` is one past its last filled column. */
  row(rowNumber: number, width: number): void {
    const sheet = this.sheet;
    this.rows += 1;
    if (this.rows > MAX_ROWS) {
      throw new ImportError(this.fileName, inBothWith(importFileWords, 'tooManyRows', { max: count(MAX_ROWS), sheet, row: rowNumber }));
    }
    this.cells += width;
    if (this.cells > MAX_CELLS) {
      const column = columnLetter(Math.max(width - 1, 0));
      throw new ImportError(this.fileName, inBothWith(importFileWords, 'tooManyCells', { max: count(MAX_CELLS), sheet, row: rowNumber, column }));
    }
  }

  /** Call for each cell kept. */
  cell(rowNumber: number, column: number, value: CellValue): void {
    if (typeof value !== 'string') return;
    const sheet = this.sheet;
    const cell = `${columnLetter(column)}${rowNumber}`;
    if (value.length > MAX_CELL_CHARS) {
      throw new ImportError(this.fileName, inBothWith(importFileWords, 'cellTooLong', { cell, sheet, length: count(value.length), max: count(MAX_CELL_CHARS) }));
    }
    this.chars += value.length;
    if (this.chars > MAX_TEXT_CHARS) {
      throw new ImportError(this.fileName, inBothWith(importFileWords, 'tooMuchText', { max: count(MAX_TEXT_CHARS), cell, sheet }));
    }
  }

  /** Call for each entry of a workbook's shared-string table. */
  sharedString(text: string): void {
    this.sharedStrings += 1;
    if (this.sharedStrings > MAX_SHARED_STRINGS) {
      throw new ImportError(this.fileName, inBothWith(importFileWords, 'tooManySharedStrings', { max: count(MAX_SHARED_STRINGS) }));
    }
    this.chars += text.length;
    if (this.chars > MAX_TEXT_CHARS) {
      throw new ImportError(this.fileName, inBothWith(importFileWords, 'sharedStringsTooLong', { max: count(MAX_TEXT_CHARS) }));
    }
  }

  /** True when the reader has held the event loop for its slice: it should `await pause()` now. Cheap: call it at every step. */
  due(): boolean {
    if ((++this.steps & CLOCK_EVERY) !== 0) return false;
    return Date.now() - this.sliceStart >= SLICE_MS;
  }

  /** Lets other requests run, then refuses the file when its time is up. */
  async pause(): Promise<void> {
    await nextTurn();
    this.sliceStart = Date.now();
    this.checkDeadline();
  }

  /** Refuses the file when the read has taken longer than READ_DEADLINE_MS. */
  checkDeadline(): void {
    if (Date.now() <= this.deadline) return;
    const reason = inBoth(importFileWords, 'readTooLong', { seconds: READ_DEADLINE_MS / 1000 });
    throw new ImportError(this.fileName, inBothWith(importFileWords, 'refused', { reason }));
  }
}
