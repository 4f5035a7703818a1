import { importFileWords } from '../app/i18n/import-files';
import { inBoth } from '../app/i18n/words';
import { boundMerges, MAX_MERGES } from './limits';
import { ReadBudget } from './read-budget';
import { addHeadingLine } from './text';
import { readNumbering, type Numbering } from './docx-numbering';
import type { CellRange, CellValue, Sheet, SheetRow } from './types';
import { asImportError, CLOSE, END, OPEN, XmlScanner, type Token } from './xml-scanner';
import { unpackPackage } from './zip';

/**
 * Reads the tables of a Word .docx (word/document.xml), each as a Sheet named "Таблица 1",
 * "Таблица 2", ... in document order, with the paragraphs above it as its heading (see Sheet).
 * Rows are numbered as Word's rows of the table. A cell is its paragraphs joined by "\n" (a line
 * break is "\n", a tab a space), with what Word shows: inserted text, field results, link text,
 * content controls, symbols (a Wingdings check mark as "✓"), the numbers of simple automatic
 * numbering ("1.", "1.1."); not deleted or hidden text, field codes, drawings or text boxes.
 * A table inside a cell gives its text to the cell, a line per paragraph. A merged cell (gridSpan
 * or the older hMerge across, vMerge down) keeps its value in its first cell and the range goes
 * to Sheet.merges; column indexes are grid columns.
 * A table right after another (no text between) that begins with the same row or has the same
 * columns is that table continued (split at a page break): its rows join the same sheet,
 * numbered on from the last.
 * Numbering that comes from a paragraph style (not from the paragraph itself) is not shown.
 */
export async function readDocx(bytes: Uint8Array, fileName: string, rowLimit = Infinity): Promise<Sheet[]> {
  const budget = new ReadBudget(fileName);
  const parts = await unpackPackage(bytes, fileName, 'docx');
  const scan = (path: string) => XmlScanner.read(parts.get(path)!, path, budget);
  try {
    const numbering = parts.has(NUMBERING) ? readNumbering(await scan(NUMBERING)) : null;
    const reader = new DocumentReader(await scan(DOCUMENT), numbering, budget, rowLimit);
    return await reader.read();
  } catch (error) {
    throw asImportError(error, fileName, 'documentUnreadable');
  }
}

const DOCUMENT = 'word/document.xml';
const NUMBERING = 'word/numbering.xml';
/** Word allows 63 columns; a hand-made table may claim more, up to Excel's last column. */
const MAX_COLUMNS = 16_384;
/** Elements whose text is not part of what the page shows as text. */
const SKIPPED = new Set(['del', 'moveFrom', 'delText', 'instrText', 'drawing', 'pict', 'object', 'AlternateContent', 'sdtPr', 'sdtEndPr', 'rt', 'footnoteReference', 'endnoteReference']);
/** Content controls and custom XML: what they hold is read as if they were not there. */
const CONTAINERS = new Set(['sdt', 'sdtContent', 'customXml']);
const isOn = (xml: XmlScanner) => !['0', 'false', 'off'].includes(xml.attribute('val') ?? 'true');

/** How a cell is merged: grid columns it spans, and its part in a vertical or a legacy horizontal merge. */
interface CellMerge {
  span: number;
  vMerge: 'restart' | 'continue' | null;
  hMerge: 'restart' | 'continue' | null;
}

interface Table {
  rows: SheetRow[];
  merges: CellRange[];
  /** Grid columns reached by any row, empty cells included. */
  width: number;
  /** The number of the table's last row, kept or not. */
  lastRow: number;
}

class DocumentReader {
  private readonly sheets: Sheet[] = [];
  /** The table of each sheet, its merges set when the document has been read (a later table may continue it). */
  private readonly tables: Table[] = [];
  private heading: string[] = [];
  /** The last table read, while nothing but empty paragraphs follows it: a table may continue it. */
  private last: Table | null = null;

  constructor(
    private readonly xml: XmlScanner,
    private readonly numbering: Numbering | null,
    private readonly budget: ReadBudget,
    private readonly rowLimit: number,
  ) {}

  async read(): Promise<Sheet[]> {
    const xml = this.xml;
    for (let token = xml.next(); token !== END; token = xml.next()) {
      if (token === OPEN && xml.name === 'body') await this.readBlocks();
    }
    this.sheets.forEach((sheet, i) => {
      const table = this.tables[i]!;
      const merges = boundMerges(table.merges, table.rows, table.width).slice(0, MAX_MERGES);
      if (merges.length > 0) sheet.merges = merges;
    });
    return this.sheets;
  }

  /** The paragraphs and tables of the <body> (or block-level content control) just opened. */
  private async readBlocks(): Promise<void> {
    const xml = this.xml;
    const depth = xml.depth;
    let token: Token;
    while ((token = xml.next()) !== CLOSE || xml.depth >= depth) {
      if (token !== OPEN || xml.depth !== depth + 1) continue;
      if (xml.name === 'p') {
        addHeadingLine(this.heading, this.readParagraph());
        if (this.heading.length > 0) this.last = null;
      } else if (xml.name === 'tbl') await this.readTopTable();
      else if (CONTAINERS.has(xml.name)) await this.readBlocks();
      else xml.skipElement();
      // A long document does not hold the server for its whole read.
      if (this.budget.due()) await this.budget.pause();
    }
  }

  private async readTopTable(): Promise<void> {
    const last = this.last;
    this.budget.startSheet(last === null ? `Таблица ${this.sheets.length + 1}` : this.sheets.at(-1)!.name);
    const table: Table = { rows: [], merges: [], width: 0, lastRow: 0 };
    await this.readRows(table, new Map());
    if (last !== null && continues(last, table)) {
      const shifted = shift(table, last.lastRow);
      for (const row of shifted.rows) if (last.rows.length < this.rowLimit) last.rows.push(row);
      for (const merge of shifted.merges) last.merges.push(merge);
      last.width = Math.max(last.width, shifted.width);
      last.lastRow = shifted.lastRow;
      return;
    }
    const sheet: Sheet = { name: `Таблица ${this.sheets.length + 1}`, rows: table.rows };
    if (this.heading.length > 0) sheet.heading = this.heading;
    this.heading = [];
    this.sheets.push(sheet);
    this.tables.push(table);
    this.last = table;
  }

  /**
   * The rows of the <tbl> (or of a content control in it) just opened, into `table`; `down` holds
   * the vertical merge running down from each column, by its left column. Lets other requests run
   * whenever the read has held the event loop for its slice.
   */
  private async readRows(table: Table, down: Map<number, CellRange>): Promise<void> {
    const xml = this.xml;
    const depth = xml.depth;
    let token: Token;
    while ((token = xml.next()) !== CLOSE || xml.depth >= depth) {
      if (token !== OPEN || xml.depth !== depth + 1) continue;
      if (xml.name === 'tr') {
        const row = this.readRow(table.lastRow + 1, table, down);
        if (row === null) continue;
        table.lastRow = row.row;
        this.keep(table, row);
        if (this.budget.due()) await this.budget.pause();
      } else if (CONTAINERS.has(xml.name)) await this.readRows(table, down);
      else xml.skipElement();
    }
  }

  private keep(table: Table, row: SheetRow): void {
    this.budget.row(row.row, row.cells.length);
    if (table.rows.length >= this.rowLimit) return;
    row.cells.forEach((value, column) => {
      if (value !== null) this.budget.cell(row.row, column, value);
    });
    table.rows.push(row);
  }

  /** The <tr> just opened, as row `rowNumber`; null for a row deleted with tracked changes. */
  private readRow(rowNumber: number, table: Table, down: Map<number, CellRange>): SheetRow | null {
    const xml = this.xml;
    const cells: CellValue[] = [];
    const row: SheetRow = { row: rowNumber, cells };
    let deleted = false;
    let column = 0;
    /** The range of the row's last cell read, which a legacy horizontal merge (w:hMerge) may continue. */
    let before: CellRange | null = null;
    this.forEachChild(() => {
      if (xml.name === 'trPr') {
        this.forEachChild(() => {
          if (xml.name === 'gridBefore') column = gridNumber(xml);
          else if (xml.name === 'tblHeader' && isOn(xml)) row.header = true;
          else if (xml.name === 'hidden' && isOn(xml)) row.hidden = true;
          else if (xml.name === 'del') deleted = true;
        });
        return;
      }
      if (xml.name !== 'tc' || deleted) return xml.skipElement();
      const cell = this.readCell();
      const right = column + cell.span - 1;
      if (right >= MAX_COLUMNS) xml.fail(inBoth(importFileWords, 'docxRowTooWide', { max: MAX_COLUMNS }));
      const above = down.get(column);
      if (cell.vMerge === 'continue' && above && above.bottom === rowNumber - 1 && above.right === right) {
        above.bottom = rowNumber;
        before = null;
      } else if (cell.hMerge === 'continue' && before !== null && before.right === column - 1) {
        if (table.merges.at(-1) !== before) table.merges.push(before);
        before.right = right;
      } else {
        if (cell.text !== null) {
          while (cells.length < column) cells.push(null);
          cells[column] = cell.text;
        }
        const range = { top: rowNumber, left: column, bottom: rowNumber, right };
        if (cell.vMerge === 'restart') down.set(column, range);
        else down.delete(column);
        if (cell.vMerge === 'restart' || cell.span > 1) table.merges.push(range);
        before = range;
      }
      column = right + 1;
      table.width = Math.max(table.width, column);
    });
    // A merge runs down only through rows that continue it.
    for (const [left, range] of down) if (range.bottom !== rowNumber) down.delete(left);
    return deleted ? null : row;
  }

  /** The <tc> just opened: its text (null when empty), how many grid columns it spans, its vertical merge. */
  private readCell(): { text: string | null } & CellMerge {
    const xml = this.xml;
    const cell: CellMerge = { span: 1, vMerge: null, hMerge: null };
    const lines: string[] = [];
    this.forEachChild(() => {
      if (xml.name === 'tcPr') {
        this.forEachChild(() => {
          if (xml.name === 'gridSpan') cell.span = Math.max(1, gridNumber(xml));
          else if (xml.name === 'vMerge') cell.vMerge = xml.attribute('val') === 'restart' ? 'restart' : 'continue';
          else if (xml.name === 'hMerge') cell.hMerge = xml.attribute('val') === 'restart' ? 'restart' : 'continue';
        });
      } else if (xml.name === 'p') lines.push(this.readParagraph());
      else if (xml.name === 'tbl') this.readNestedTable(lines);
      else xml.skipElement();
    });
    const text = lines.join('\n').replace(/^\n+|\n+$/g, '');
    return { text: text === '' ? null : text, ...cell };
  }

  /** A table in a cell, just opened: its paragraphs that hold text, in order, as lines of the cell. Nothing of it is counted but its text. */
  private readNestedTable(lines: string[]): void {
    const xml = this.xml;
    const depth = xml.depth;
    let token: Token;
    while ((token = xml.next()) !== CLOSE || xml.depth >= depth) {
      if (token !== OPEN || xml.name !== 'p') continue;
      const line = this.readParagraph();
      if (line.trim() !== '') lines.push(line);
    }
  }

  /** The text of the <p> just opened, with its automatic number in front. */
  private readParagraph(): string {
    const xml = this.xml;
    const depth = xml.depth;
    let text = '';
    let numId: string | null = null;
    let level = 0;
    let hiddenRun = -1;
    let token: Token;
    while ((token = xml.next()) !== CLOSE || xml.depth >= depth) {
      if (token !== OPEN) {
        if (xml.depth < hiddenRun) hiddenRun = -1;
        continue;
      }
      const name = xml.name;
      if (SKIPPED.has(name)) xml.skipElement();
      else if (name === 'pPr') {
        this.forEachChild(() => {
          if (xml.name !== 'numPr') return xml.skipElement();
          this.forEachChild(() => {
            if (xml.name === 'numId') numId = xml.attribute('val');
            else if (xml.name === 'ilvl') level = Number(xml.attribute('val')) || 0;
          });
        });
      } else if (name === 'rPr') {
        this.forEachChild(() => {
          if (xml.name === 'vanish' && isOn(xml)) hiddenRun = xml.depth - 2;
        });
      } else if (hiddenRun !== -1 && xml.depth > hiddenRun) xml.skipElement();
      else if (name === 't') text += xml.text();
      else if (name === 'tab') text += ' ';
      else if (name === 'br' || name === 'cr') text += '\n';
      else if (name === 'noBreakHyphen') text += '-';
      else if (name === 'sym') text += symbolText(xml.attribute('font'), xml.attribute('char'));
      else if (name === 'p' || name === 'tbl') xml.skipElement(); // only in text boxes, which are skipped; a hand-made file may nest them
    }
    const number = numId !== null && this.numbering ? this.numbering.next(numId, level) : '';
    return number + text;
  }

  /**
   * Calls `visit` at each child of the element just opened, looking through content controls
   * (w:sdt, w:customXml) to the children they hold; `visit` may read or skip the child.
   */
  private forEachChild(visit: () => void): void {
    const xml = this.xml;
    const depth = xml.depth;
    let token: Token;
    while ((token = xml.next()) !== CLOSE || xml.depth >= depth) {
      if (token !== OPEN || xml.depth !== depth + 1) continue;
      if (CONTAINERS.has(xml.name)) this.forEachChild(visit);
      else visit();
    }
  }
}

/**
 * Whether `next`, with no text between, is `table` continued: split at a page break, with its
 * header row repeated (the same first row) or not (the same grid of columns, more than one).
 */
function continues(table: Table, next: Table): boolean {
  const [a, b] = [table.rows[0]?.cells, next.rows[0]?.cells];
  if (a === undefined || b === undefined) return false;
  const sameFirstRow = a.filter((cell) => cell !== null).length >= 2 && a.length === b.length && a.every((cell, i) => cell === b[i]);
  return sameFirstRow || (table.width > 1 && table.width === next.width);
}

/** The table with its rows and merges numbered on after row `after`. */
function shift(table: Table, after: number): Table {
  return {
    rows: table.rows.map((row) => ({ ...row, row: row.row + after })),
    merges: table.merges.map((m) => ({ ...m, top: m.top + after, bottom: m.bottom + after })),
    width: table.width,
    lastRow: table.lastRow + after,
  };
}

/**
 * What a symbol inserted from a symbol font shows (Insert > Symbol writes <w:sym w:font="Wingdings"
 * w:char="F0FC"/>), as the Unicode character: the check marks and crosses of Wingdings, Wingdings 2
 * and Symbol that mark a kind column, and any character outside the fonts' private range as itself.
 */
const SYMBOLS: Record<string, Record<number, string>> = {
  wingdings: { 0xfc: '✓', 0xfb: '✗', 0xfe: '☑', 0xfd: '☒', 0x78: '☒', 0xa8: '☐', 0x6f: '☐' },
  'wingdings 2': { 0x50: '✓', 0x4f: '✗', 0x52: '☑', 0x51: '☒', 0x54: '☒', 0xa3: '☐' },
  symbol: { 0xb4: '×', 0xd6: '√', 0x2b: '+', 0x2d: '−' },
};

function symbolText(font: string | null, char: string | null): string {
  const code = Number.parseInt(char ?? '', 16);
  if (!Number.isInteger(code) || code <= 0x20) return '';
  const inFont = code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code;
  const known = SYMBOLS[(font ?? '').toLowerCase()]?.[inFont];
  if (known !== undefined) return known;
  // Not a surrogate, not a private-use character (a glyph of an unknown symbol font).
  return code < 0xd800 || (code > 0xf8ff && code <= 0x10ffff) ? String.fromCodePoint(code) : '';
}

/** A w:val count (gridSpan, gridBefore): at least 0, at most the columns a row may have. */
function gridNumber(xml: XmlScanner): number {
  const value = Number(xml.attribute('val'));
  return Number.isInteger(value) && value > 0 ? Math.min(value, MAX_COLUMNS) : 0;
}
