import { ImportError, type Message } from './import-error';
import { MAX_ROWS, ReadBudget, shortSheetName } from './limits';
import type { Sheet } from './types';

const DELIMITERS = [';', '\t', ','];
const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_RECORDS = 50;

/** UTF-8 with or without BOM, UTF-16 LE with BOM; anything that is not valid UTF-8 is read as Windows-1251. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return new TextDecoder('windows-1251').decode(body);
  }
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
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else field += char;
      i++;
      continue;
    }
    if (char === '"' && field === '') {
      quoted = true;
    } else if (char === delimiter) {
      record.push(field);
      field = '';
    } else if (char === '\r' || char === '\n') {
      record.push(field);
      records.push(record);
      if (records.length >= limit) return records;
      record = [];
      field = '';
      if (char === '\r' && text[i + 1] === '\n') i++;
    } else {
      field += char;
    }
    i++;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

const PK = [0x50, 0x4b, 0x03, 0x04];
const PDF = [0x25, 0x50, 0x44, 0x46]; // %PDF
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0];

/** Why bytes given as CSV are not text at all; null when they may be. */
function notText(bytes: Uint8Array): Message | null {
  const startsWith = (magic: number[]) => magic.every((byte, i) => bytes[i] === byte);
  if (startsWith(PK)) {
    return {
      en: 'it is an Excel .xlsx workbook (a zip archive), not CSV text; name it .xlsx',
      bg: 'това е работна книга на Excel .xlsx (zip архив), а не CSV текст; наименувайте файла .xlsx',
    };
  }
  if (startsWith(PDF)) return { en: 'it is a PDF document, not CSV text', bg: 'това е PDF документ, а не CSV текст' };
  if (startsWith(OLE2)) {
    return {
      en: 'it is an old .xls workbook, not CSV text; save it as .xlsx or as CSV',
      bg: 'това е стара работна книга .xls, а не CSV текст; запишете я като .xlsx или CSV',
    };
  }
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

/** A CSV file as one sheet named after the file; row numbers are record numbers, as Excel shows them. */
export function readCsv(bytes: Uint8Array, sheetName: string): Sheet {
  const binary = notText(bytes);
  if (binary) throw new ImportError(sheetName, binary);
  const text = decodeText(bytes);
  if (!/\S/.test(text)) throw new ImportError(sheetName, { en: 'the file holds no text', bg: 'файлът не съдържа текст' });
  if (text.includes('\0')) {
    throw new ImportError(sheetName, {
      en: 'it holds NUL characters, so it is binary data, not CSV text',
      bg: 'съдържа знаци NUL, значи е двоичен файл, а не CSV текст',
    });
  }
  const records = parseCsv(text, detectDelimiter(text), MAX_ROWS + 1);
  const budget = new ReadBudget(sheetName);
  budget.startSheet(shortSheetName(sheetName));
  return {
    name: shortSheetName(sheetName),
    rows: records.map((cells, index) => {
      budget.row(index + 1, cells.length);
      cells.forEach((cell, column) => budget.cell(index + 1, column, cell));
      return { row: index + 1, cells: cells.map(fieldText).map((cell) => (cell === '' ? null : cell)) };
    }),
  };
}
