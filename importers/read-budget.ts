import { setImmediate as nextTurn } from 'node:timers/promises';
import { importFileWords } from '../app/i18n/import-files';
import { inBoth } from '../app/i18n/words';
import { ImportError, type Message } from './import-error';
import { MAX_CELL_CHARS, MAX_CELLS, MAX_ROWS, MAX_SHARED_STRINGS, MAX_TEXT_CHARS, READ_DEADLINE_MS, SLICE_MS } from './limits';
import { columnLetter } from './text';
import type { CellValue } from './types';

/** The clock is read once every so many steps (a power of two, less one). */
const CLOCK_EVERY = 0xff;

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
      throw new ImportError(this.fileName, inBoth(importFileWords, 'tooManyRows', { max: count(MAX_ROWS), sheet, row: rowNumber }));
    }
    this.cells += width;
    if (this.cells > MAX_CELLS) {
      const column = columnLetter(Math.max(width - 1, 0));
      throw new ImportError(this.fileName, inBoth(importFileWords, 'tooManyCells', { max: count(MAX_CELLS), sheet, row: rowNumber, column }));
    }
  }

  /** Call for each cell kept. */
  cell(rowNumber: number, column: number, value: CellValue): void {
    if (typeof value !== 'string') return;
    const sheet = this.sheet;
    const cell = `${columnLetter(column)}${rowNumber}`;
    if (value.length > MAX_CELL_CHARS) {
      throw new ImportError(this.fileName, inBoth(importFileWords, 'cellTooLong', { cell, sheet, length: count(value.length), max: count(MAX_CELL_CHARS) }));
    }
    this.chars += value.length;
    if (this.chars > MAX_TEXT_CHARS) {
      throw new ImportError(this.fileName, inBoth(importFileWords, 'tooMuchText', { max: count(MAX_TEXT_CHARS), cell, sheet }));
    }
  }

  /** Call for each entry of a workbook's shared-string table. */
  sharedString(text: string): void {
    this.sharedStrings += 1;
    if (this.sharedStrings > MAX_SHARED_STRINGS) {
      throw new ImportError(this.fileName, inBoth(importFileWords, 'tooManySharedStrings', { max: count(MAX_SHARED_STRINGS) }));
    }
    this.chars += text.length;
    if (this.chars > MAX_TEXT_CHARS) {
      throw new ImportError(this.fileName, inBoth(importFileWords, 'sharedStringsTooLong', { max: count(MAX_TEXT_CHARS) }));
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
    throw new ImportError(this.fileName, inBoth(importFileWords, 'refused', { reason }));
  }
}
