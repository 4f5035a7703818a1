import { stripUnsafeChars } from '../app/domain/safe-text';
import { importFileWords } from '../app/i18n/import-files';
import { inBoth } from '../app/i18n/words';
import { ImportError, type Message } from './import-error';
import { shortSheetName } from './limits';
import { ReadBudget } from './read-budget';
import { columnLetter } from './text';
import type { Sheet, SheetNote, SheetRow } from './types';

const DELIMITERS = [';', '\t', ','];
const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_RECORDS = 50;

export type Encoding = NonNullable<Sheet['encoding']>;

/**
 * UTF-16 LE with BOM; otherwise UTF-8 (with or without BOM) unless the whole file says it is
 * not: read as UTF-8, the file is Windows-1251 only when its bytes that are not UTF-8 outnumber
 * its characters beyond ASCII that are (Cyrillic in Windows-1251 is almost never valid UTF-8;
 * in UTF-8 a stray byte is one among thousands). So one stray byte never turns a UTF-8 file
 * into mojibake: it stays as U+FFFD, which readCsv warns about with its row.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  const text = new TextDecoder('utf-8').decode(body);
  let invalid = 0;
  let beyondAscii = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === REPLACEMENT) invalid++;
    else if (c >= 0x80) beyondAscii++;
  }
  if (invalid === 0 || beyondAscii > invalid) return { text, encoding: 'utf-8' };
  return { text: new TextDecoder('windows-1251').decode(body), encoding: 'windows-1251' };
}

const REPLACEMENT = 0xfffd;
/** Rows named one by one in the warning about bytes that are not UTF-8; the rest are counted. */
const MAX_INVALID_ROWS_NAMED = 20;

/** The warning for cells with bytes that are not UTF-8 in a UTF-8 file: each row (up to 20) and its columns. */
function invalidByteNotes(rows: SheetRow[]): SheetNote[] {
  const notes: SheetNote[] = [];
  let more = 0;
  for (const { row, cells } of rows) {
    const columns = cells.flatMap((cell, column) => (typeof cell === 'string' && cell.includes('\uFFFD') ? [columnLetter(column)] : []));
    if (columns.length === 0) continue;
    if (notes.length === MAX_INVALID_ROWS_NAMED) {
      more++;
      continue;
    }
    notes.push({
      row,
      column: columns.join(', '),
      message: inBoth(importFileWords, 'invalidByte'),
    });
  }
  if (more > 0) {
    notes.push({
      row: null,
      column: null,
      message: inBoth(importFileWords, 'moreInvalidRows', { n: more }),
    });
  }
  return notes;
}

/**
 * The delimiter that splits the first records into the most rows of one same width.
 * Commas inside Bulgarian text make ',' split unevenly, so a ';' file is not mistaken for ','.
 */
export function detectDelimiter(text: string): string {
  const sample = text.slice(0, SAMPLE_CHARS);
  let best = { delimiter: DELIMITERS[0], score: -1 };
  for (const delimiter of DELIMITERS) {
    const widths = parseCsv(sample, delimiter, SAMPLE_RECORDS)
      .map((record) => record.length)
      .filter((width) => width > 1);
    const counts = new Map<number, number>();
    for (const width of widths) counts.set(width, (counts.get(width) ?? 0) + 1);
    const score = Math.max(0, ...counts.values());
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/** RFC 4180 records: quoted fields may hold the delimiter, line breaks and doubled quotes; at most `limit` records. */
export function parseCsv(text: string, delimiter: string, limit = Infinity): string[][] {
  const records: string[][] = [];
  if (limit <= 0) return records;
  for (const record of csvRecords(text, delimiter)) {
    if (records.push(record) >= limit) break;
  }
  return records;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/**
 * The records of CSV text one at a time, so that a reader can count and pause between them.
 * A field is cut out with indexOf and slice, never built a character at a time, so one huge
 * field costs no more than its copy. A quote opens a quoted field only at the start of the
 * field; text after its closing quote is kept as written, as is a quote inside an unquoted field.
 */
export function* csvRecords(text: string, delimiter: string): Generator<string[]> {
  const separator = delimiter.charCodeAt(0);
  const length = text.length;
  let record: string[] = [];
  let at = 0;
  while (at < length) {
    let field = '';
    if (text.charCodeAt(at) === QUOTE) {
      let from = at + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote === -1) {
          field += text.slice(from);
          at = length;
          break;
        }
        if (text.charCodeAt(quote + 1) === QUOTE) {
          field += text.slice(from, quote + 1);
          from = quote + 2;
          continue;
        }
        field += text.slice(from, quote);
        at = quote + 1;
        break;
      }
    }
    let end = at;
    for (let c = text.charCodeAt(end); end < length && c !== separator && c !== CR && c !== LF; c = text.charCodeAt(++end));
    record.push(end > at ? field + text.slice(at, end) : field);
    if (end >= length) break;
    const stop = text.charCodeAt(end);
    at = end + 1;
    if (stop === separator) {
      if (at >= length) record.push('');
      continue;
    }
    if (stop === CR && text.charCodeAt(at) === LF) at++;
    yield record;
    record = [];
  }
  if (record.length > 0) yield record;
}

const PK = [0x50, 0x4b, 0x03, 0x04];
const PDF = [0x25, 0x50, 0x44, 0x46]; // %PDF
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0];

/** Why bytes given as CSV are not text at all; null when they may be. */
function notText(bytes: Uint8Array): Message | null {
  const startsWith = (magic: number[]) => magic.every((byte, i) => bytes[i] === byte);
  if (startsWith(PK)) return inBoth(importFileWords, 'csvIsXlsx');
  if (startsWith(PDF)) return inBoth(importFileWords, 'csvIsPdf');
  if (startsWith(OLE2)) return inBoth(importFileWords, 'csvIsXls');
  return null;
}

/** ="1.1.1", the text formula with which exports keep codes from becoming dates (ours does), is read as its text. */
function fieldText(field: string): string {
  const formula = /^="((?:[^"]|"")*)"$/s.exec(field);
  return withoutFormatting(formula ? formula[1].replace(/""/g, '"') : field);
}

/** Formatting tags that a plan copied from a web page or an e-mail brings into plain text: <b>, </i>, <br/>, <span style="..."> ... */
const FORMATTING_TAG = /<\/?(?:b|i|u|s|em|strong|small|big|mark|sub|sup|del|ins|strike|font|span|div|p|br)(?:\s[^<>]*)?\/?>/gi;
const LINE_BREAK_TAG = /<br\s*\/?>/gi;
/** Markdown bold, **text**, as a copy from a chat or a wiki leaves it. */
const MARKDOWN_BOLD = /\*\*([^\s*](?:[^*\n]*[^\s*])?)\*\*/g; // no '*' inside: each try stops at the next star, so a cell is read once
const ENTITIES: Record<string, string> = { '&nbsp;': ' ', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/**
 * A plain-text cell without the formatting left over from a copy: tags are dropped (<br> becomes
 * a line break), **bold** keeps its text, the common entities become their characters. Text that
 * only looks like a tag ("< 5 дни", "<Име>") is kept.
 */
export function withoutFormatting(text: string): string {
  if (!text.includes('<') && !text.includes('**') && !text.includes('&')) return text;
  return text
    .replace(LINE_BREAK_TAG, '\n')
    .replace(FORMATTING_TAG, '')
    .replace(MARKDOWN_BOLD, '$1')
    .replace(/&(?:nbsp|amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]!)
    .trim();
}

/**
 * A CSV file as one sheet named after the file; row numbers are record numbers, as Excel shows
 * them. Records are counted against the file's budget as they are read, and the reader lets
 * the event loop go when the budget says so.
 */
export async function readCsv(bytes: Uint8Array, sheetName: string): Promise<Sheet> {
  const binary = notText(bytes);
  if (binary) throw new ImportError(sheetName, binary);
  const { text, encoding } = decodeText(bytes);
  if (!/\S/.test(text)) throw new ImportError(sheetName, inBoth(importFileWords, 'csvNoText'));
  if (text.includes('\0')) throw new ImportError(sheetName, inBoth(importFileWords, 'csvNul'));
  const budget = new ReadBudget(sheetName);
  const sheet: Sheet = { name: shortSheetName(stripUnsafeChars(sheetName)), rows: [], encoding };
  budget.startSheet(sheet.name);
  for (const cells of csvRecords(text, detectDelimiter(text))) {
    if (budget.due()) await budget.pause();
    const row = sheet.rows.length + 1;
    budget.row(row, cells.length);
    cells.forEach((cell, column) => budget.cell(row, column, cell));
    // Control and bidi-override characters are stripped on the way in, as from every file.
    sheet.rows.push({ row, cells: cells.map((cell) => stripUnsafeChars(fieldText(cell)) || null) });
  }
  if (encoding === 'utf-8' && text.includes('\uFFFD')) sheet.notes = invalidByteNotes(sheet.rows);
  return sheet;
}
