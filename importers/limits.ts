import { setImmediate as nextTurn } from 'node:timers/promises';
import { ImportError } from './import-error';
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
const en = (n: number) => n.toLocaleString('en-US');
const bg = (n: number) => n.toLocaleString('bg-BG');

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
      throw new ImportError(this.fileName, {
        en: `refused: the file has more than ${en(MAX_ROWS)} rows (the limit for a plan; reached at sheet "${sheet}", row ${rowNumber})`,
        bg: `отказан: файлът има повече от ${bg(MAX_ROWS)} реда (границата за план; достигната на лист „${sheet}“, ред ${rowNumber})`,
      });
    }
    this.cells += width;
    if (this.cells > MAX_CELLS) {
      const column = columnLetter(Math.max(width - 1, 0));
      throw new ImportError(this.fileName, {
        en: `refused: the file holds more than ${en(MAX_CELLS)} cells (sheet "${sheet}", row ${rowNumber} reaches column ${column})`,
        bg: `отказан: файлът съдържа повече от ${bg(MAX_CELLS)} клетки (лист „${sheet}“, ред ${rowNumber} стига до колона ${column})`,
      });
    }
  }

  /** Call for each cell kept. */
  cell(rowNumber: number, column: number, value: CellValue): void {
    if (typeof value !== 'string') return;
    const sheet = this.sheet;
    const cell = `${columnLetter(column)}${rowNumber}`;
    if (value.length > MAX_CELL_CHARS) {
      throw new ImportError(this.fileName, {
        en: `refused: cell ${cell} of sheet "${sheet}" holds ${en(value.length)} characters (a cell holds at most ${en(MAX_CELL_CHARS)})`,
        bg: `отказан: клетка ${cell} на лист „${sheet}“ съдържа ${bg(value.length)} знака (една клетка побира най-много ${bg(MAX_CELL_CHARS)})`,
      });
    }
    this.chars += value.length;
    if (this.chars > MAX_TEXT_CHARS) {
      throw new ImportError(this.fileName, {
        en: `refused: the file holds more than ${en(MAX_TEXT_CHARS)} characters of text, far more than any plan (reached at cell ${cell} of sheet "${sheet}")`,
        bg: `отказан: файлът съдържа повече от ${bg(MAX_TEXT_CHARS)} знака текст, много повече от всеки план (достигнато в клетка ${cell} на лист „${sheet}“)`,
      });
    }
  }

  /** Call for each entry of a workbook's shared-string table. */
  sharedString(text: string): void {
    this.sharedStrings += 1;
    if (this.sharedStrings > MAX_SHARED_STRINGS) {
      throw new ImportError(this.fileName, {
        en: `refused: the workbook's table of shared strings has more than ${en(MAX_SHARED_STRINGS)} entries, far more than any plan`,
        bg: `отказан: таблицата със споделени текстове на работната книга има повече от ${bg(MAX_SHARED_STRINGS)} записа, много повече от всеки план`,
      });
    }
    this.chars += text.length;
    if (this.chars > MAX_TEXT_CHARS) {
      throw new ImportError(this.fileName, {
        en: `refused: the workbook's shared strings hold more than ${en(MAX_TEXT_CHARS)} characters of text, far more than any plan`,
        bg: `отказан: споделените текстове на работната книга съдържат повече от ${bg(MAX_TEXT_CHARS)} знака текст, много повече от всеки план`,
      });
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
    const seconds = READ_DEADLINE_MS / 1000;
    throw new ImportError(this.fileName, {
      en: `refused: reading the file took longer than ${seconds} s`,
      bg: `отказан: четенето на файла отне повече от ${seconds} s`,
    });
  }
}
