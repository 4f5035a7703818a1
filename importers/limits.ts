import { ImportError } from './import-error';
import { columnLetter } from './text';
import type { CellValue } from './types';

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

/** Excel allows 31 characters; a longer name (from a hand-made file, or a CSV's file name) is shortened. */
export const MAX_SHEET_NAME_CHARS = 100;

export function shortSheetName(name: string): string {
  return name.length <= MAX_SHEET_NAME_CHARS ? name : `${name.slice(0, MAX_SHEET_NAME_CHARS - 1)}…`;
}

const count = (n: number) => n.toLocaleString('en-US');

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
      throw new ImportError(this.fileName, `refused: sheet "${sheet}" has more than ${count(MAX_ROWS)} rows (the limit for a plan)`);
    }
    this.cells += width;
    if (this.cells > MAX_CELLS) {
      throw new ImportError(
        this.fileName,
        `refused: the file holds more than ${count(MAX_CELLS)} cells (sheet "${sheet}", row ${rowNumber} reaches column ${columnLetter(Math.max(width - 1, 0))})`,
      );
    }
  }

  /** Call for each cell kept. */
  cell(rowNumber: number, column: number, value: CellValue): void {
    const sheet = this.sheet;
    if (typeof value === 'string' && value.length > MAX_CELL_CHARS) {
      throw new ImportError(
        this.fileName,
        `refused: cell ${columnLetter(column)}${rowNumber} of sheet "${sheet}" holds ${count(value.length)} characters (a cell holds at most ${count(MAX_CELL_CHARS)})`,
      );
    }
  }
}
