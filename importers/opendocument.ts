import { importFileWords } from '../app/i18n/import-files';
import { inBoth } from '../app/i18n/words';
import { boundMerges, MAX_MERGES, shortSheetName } from './limits';
import { ReadBudget } from './read-budget';
import { addHeadingLine } from './text';
import type { CellRange, CellValue, Sheet, SheetRow } from './types';
import { asImportError, CLOSE, END, OPEN, XmlScanner, type Token } from './xml-scanner';
import { unpackPackage } from './zip';

/**
 * Reads the tables of a LibreOffice Calc .ods (each sheet a Sheet, by its name) or Writer .odt
 * (each table a Sheet named "Таблица 1", "Таблица 2", ..., with the paragraphs above it as its
 * heading, as for Word) from content.xml.
 * Repeated rows and cells (table:number-rows-repeated, number-columns-repeated) cost nothing
 * while they are empty, so the empty rows Calc writes to the end of a sheet are free; repeated
 * values are counted against the budget like any other. A merged cell keeps its value in its
 * first cell (covered cells are empty), the range goes to Sheet.merges; collapsed and filtered
 * rows are hidden, the rows of table:table-header-rows are header rows.
 * Values: float, currency and percentage as numbers (50% is 0.5), date as a date (UTC day),
 * boolean as TRUE/FALSE, the rest as text: its paragraphs joined by "\n", text:s as spaces,
 * text:tab as a space, text:line-break as "\n"; comments and notes left out.
 */
export async function readOpenDocument(bytes: Uint8Array, fileName: string, kind: 'ods' | 'odt', rowLimit = Infinity): Promise<Sheet[]> {
  const budget = new ReadBudget(fileName);
  const parts = await unpackPackage(bytes, fileName, kind);
  try {
    const xml = await XmlScanner.read(parts.get(CONTENT)!, CONTENT, budget);
    return await new ContentReader(xml, kind, budget, rowLimit).read();
  } catch (error) {
    throw asImportError(error, fileName, kind === 'ods' ? 'spreadsheetUnreadable' : 'documentUnreadable');
  }
}

const CONTENT = 'content.xml';
/** Calc's last column (XFD, as Excel's). */
const MAX_COLUMNS = 16_384;
/** Elements with no text of the tables or of the paragraphs above them. */
const SKIPPED = new Set(['annotation', 'note', 'tracked-changes', 'frame', 'shapes', 'forms', 'hidden-text', 'hidden-paragraph', 'sequence-decls', 'variable-decls', 'user-field-decls', 'table-of-content', 'named-expressions', 'database-ranges', 'data-pilot-tables', 'content-validations', 'calculation-settings', 'label-ranges']);
/** Parts of a table that hold no rows. */
const NOT_ROWS = new Set(['table-column', 'table-columns', 'table-column-group', 'table-header-columns', 'table-source', 'scenario', 'shapes', 'title', 'desc', 'table']);

class ContentReader {
  private readonly sheets: Sheet[] = [];
  private heading: string[] = [];

  constructor(
    private readonly xml: XmlScanner,
    private readonly kind: 'ods' | 'odt',
    private readonly budget: ReadBudget,
    private readonly rowLimit: number,
  ) {}

  async read(): Promise<Sheet[]> {
    const xml = this.xml;
    for (let token = xml.next(); token !== END; token = xml.next()) {
      if (token !== OPEN) continue;
      if (SKIPPED.has(xml.name)) xml.skipElement();
      else if (xml.name === 'table') {
        this.readTopTable();
        await new Promise((resolve) => setImmediate(resolve));
      } else if (xml.name === 'p' || xml.name === 'h') {
        const text = this.readParagraph();
        if (this.kind === 'odt') addHeadingLine(this.heading, text);
      }
    }
    return this.sheets;
  }

  private readTopTable(): void {
    const xml = this.xml;
    const given = xml.attribute('name');
    const name = this.kind === 'ods' && given ? shortSheetName(given) : `Таблица ${this.sheets.length + 1}`;
    this.budget.startSheet(name);
    const sheet: Sheet = { name, rows: [] };
    const merges: CellRange[] = [];
    let rowNumber = 0;
    const visit = (header: boolean): void => {
      const depth = xml.depth;
      let token: Token;
      while ((token = xml.next()) !== CLOSE || xml.depth >= depth) {
        if (token !== OPEN || xml.depth !== depth + 1) continue;
        if (xml.name === 'table-row') rowNumber = this.readRow(rowNumber + 1, header, sheet, merges);
        else if (NOT_ROWS.has(xml.name) || SKIPPED.has(xml.name)) xml.skipElement();
        else visit(header || xml.name === 'table-header-rows'); // table-rows, table-row-group, table-header-rows
      }
    };
    visit(false);
    const bounded = boundMerges(merges, sheet.rows);
    if (bounded.length > 0) sheet.merges = bounded;
    if (this.heading.length > 0) sheet.heading = this.heading;
    this.heading = [];
    this.sheets.push(sheet);
  }

  /**
   * The <table:table-row> just opened, first numbered `first`, kept as many times as it repeats
   * (an empty one only advances the row number); the number of the last row it stands for.
   */
  private readRow(first: number, header: boolean, sheet: Sheet, merges: CellRange[]): number {
    const xml = this.xml;
    const repeat = count(xml.attribute('number-rows-repeated'));
    const visibility = xml.attribute('visibility');
    const hidden = visibility === 'collapse' || visibility === 'filter';
    const cells: CellValue[] = [];
    const spans: { left: number; rows: number; columns: number }[] = [];
    let column = 0;
    const depth = xml.depth;
    let token: Token;
    while ((token = xml.next()) !== CLOSE || xml.depth >= depth) {
      if (token !== OPEN || xml.depth !== depth + 1) continue;
      if (xml.name !== 'table-cell' && xml.name !== 'covered-table-cell') {
        xml.skipElement();
        continue;
      }
      const covered = xml.name === 'covered-table-cell';
      const columns = count(xml.attribute('number-columns-repeated'));
      const spanColumns = count(xml.attribute('number-columns-spanned'));
      const spanRows = count(xml.attribute('number-rows-spanned'));
      const value = this.readCell();
      if (!covered && (spanColumns > 1 || spanRows > 1)) {
        for (let i = 0; i < columns && spans.length < MAX_MERGES; i++) spans.push({ left: column + i, rows: spanRows, columns: spanColumns });
      }
      if (value !== null && !covered) {
        if (column + columns > MAX_COLUMNS) xml.fail(inBoth(importFileWords, 'odsCellBeyondXfd', { max: MAX_COLUMNS }));
        while (cells.length < column) cells.push(null);
        for (let i = 0; i < columns; i++) cells.push(value);
      }
      column += columns;
    }
    const last = first + repeat - 1;
    if (cells.length === 0 && spans.length === 0 && repeat > 1) return last;
    for (let row = first; row <= last; row++) {
      this.budget.row(row, cells.length);
      for (let i = 0; i < spans.length && merges.length < MAX_MERGES; i++) {
        const span = spans[i]!;
        merges.push({ top: row, left: span.left, bottom: row + span.rows - 1, right: span.left + span.columns - 1 });
      }
      if (sheet.rows.length >= this.rowLimit) continue;
      cells.forEach((value, index) => {
        if (value !== null) this.budget.cell(row, index, value);
      });
      const kept: SheetRow = { row, cells: row === first ? cells : cells.slice() };
      if (hidden) kept.hidden = true;
      if (header) kept.header = true;
      sheet.rows.push(kept);
    }
    return last;
  }

  /** The value of the <table:table-cell> just opened, by its office:value-type; null when empty. */
  private readCell(): CellValue {
    const xml = this.xml;
    const type = xml.attribute('value-type');
    const number = type === 'float' || type === 'currency' || type === 'percentage' ? Number(xml.attribute('value') ?? NaN) : NaN;
    const date = type === 'date' ? isoDate(xml.attribute('date-value') ?? '') : null;
    const boolean = type === 'boolean' ? xml.attribute('boolean-value') : null;
    const stringValue = type === 'string' ? xml.attribute('string-value') : null;
    const lines: string[] = [];
    const depth = xml.depth;
    let token: Token;
    while ((token = xml.next()) !== CLOSE || xml.depth >= depth) {
      if (token !== OPEN) continue;
      if (SKIPPED.has(xml.name)) xml.skipElement();
      else if (xml.name === 'p' || xml.name === 'h') lines.push(this.readParagraph());
      // anything else (a list, a table in a Writer cell): its paragraphs are read as the cell's
    }
    if (Number.isFinite(number)) return number;
    if (date) return date;
    if (boolean !== null) return boolean === 'true' ? 'TRUE' : 'FALSE';
    const text = stringValue ?? lines.join('\n');
    return text === '' ? null : text;
  }

  /** The text of the <text:p> or <text:h> just opened, white space collapsed as ODF says. */
  private readParagraph(): string {
    const xml = this.xml;
    const depth = xml.depth;
    let text = collapse(xml.text());
    let token: Token;
    while ((token = xml.next()) !== CLOSE || xml.depth >= depth) {
      if (token === OPEN) {
        if (SKIPPED.has(xml.name)) xml.skipElement();
        else if (xml.name === 's') text += ' '.repeat(Math.min(count(xml.attribute('c')), 1000));
        else if (xml.name === 'tab') text += ' ';
        else if (xml.name === 'line-break') text += '\n';
      }
      text += collapse(xml.text());
    }
    return text;
  }
}

/** A repeat or span count: a whole number from 1, 1 when absent or absurd (the caller bounds what it costs). */
function count(value: string | null): number {
  const n = Number(value ?? 1);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, 1 << 24) : 1;
}

/** Runs of white space in ODF text are one space (text:s writes more). */
function collapse(text: string): string {
  return text === '' ? text : text.replace(/[ \t\r\n]+/g, ' ');
}

/** office:date-value "2022-03-14" or "2022-03-14T10:30:00" as a UTC instant; null when it is no date. */
function isoDate(value: string): Date | null {
  const match = /^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d))?)?/.exec(value);
  if (!match) return null;
  const [, y, m, d, h = '0', min = '0', s = '0'] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), Number(h), Number(min), Number(s)));
  return Number.isNaN(date.getTime()) ? null : date;
}
