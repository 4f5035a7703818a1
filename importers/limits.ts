import { ImportError } from './import-error';
import { columnLetter } from './text';
import type { CellRange, CellValue, SheetRow } from './types';

/**
 * How much a plan file may hold. A real plan has a few hundred rows of a dozen columns; the
 * limits are far above that and far below what would take the server minutes or gigabytes,
 * so a runaway or hostile file is refused with a message instead.
 */
export const MAX_ROWS = 100_000;
/** Rows times their width (up to the last filled cell), summed over the file. */
export const MAX_CELLS = 3_000_000;
/** Excel's own limit for the text of one cell. */
export const MAX_CELL_CHARS = 32_767;

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

/** Counts what a reader keeps and refuses the file as soon as it is over a limit. */
export class ReadBudget {
  private cells = 0;
  private rowsInSheet = 0;
  private sheet = '';

  constructor(private readonly fileName: string) {}

  /** Call when a sheet begins. */
  startSheet(sheet: string): void {
    this.sheet = sheet;
    this.rowsInSheet = 0;
  }

  /** Call for each row read, before keeping it; `width` is one past its last filled column. */
  row(rowNumber: number, width: number): void {
    const sheet = this.sheet;
    this.rowsInSheet += 1;
    if (this.rowsInSheet > MAX_ROWS) {
      throw new ImportError(this.fileName, {
        en: `refused: sheet "${sheet}" has more than ${en(MAX_ROWS)} rows (the limit for a plan)`,
        bg: `отказан: листът „${sheet}“ има повече от ${bg(MAX_ROWS)} реда (границата за план)`,
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
    const sheet = this.sheet;
    if (typeof value === 'string' && value.length > MAX_CELL_CHARS) {
      const cell = `${columnLetter(column)}${rowNumber}`;
      throw new ImportError(this.fileName, {
        en: `refused: cell ${cell} of sheet "${sheet}" holds ${en(value.length)} characters (a cell holds at most ${en(MAX_CELL_CHARS)})`,
        bg: `отказан: клетка ${cell} на лист „${sheet}“ съдържа ${bg(value.length)} знака (една клетка побира най-много ${bg(MAX_CELL_CHARS)})`,
      });
    }
  }
}
