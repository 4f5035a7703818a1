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
    const widths = parseCsv(sample, delimiter)
      .slice(0, SAMPLE_RECORDS)
      .map((record) => record.length)
      .filter((width) => width > 1);
    const counts = new Map<number, number>();
    for (const width of widths) counts.set(width, (counts.get(width) ?? 0) + 1);
    const score = Math.max(0, ...counts.values());
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/** RFC 4180 records: quoted fields may hold the delimiter, line breaks and doubled quotes. */
export function parseCsv(text: string, delimiter: string): string[][] {
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

/** A CSV file as one sheet named after the file; row numbers are record numbers, as Excel shows them. */
export function readCsv(bytes: Uint8Array, sheetName: string): Sheet {
  const text = decodeText(bytes);
  const records = parseCsv(text, detectDelimiter(text));
  return {
    name: sheetName,
    rows: records.map((cells, index) => ({ row: index + 1, cells: cells.map((cell) => (cell === '' ? null : cell)) })),
  };
}
