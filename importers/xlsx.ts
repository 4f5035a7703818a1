import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ImportError } from './import-error';
import type { CellValue, Sheet } from './types';
import { checkXlsxArchive } from './zip';

/** The one property of exceljs's streaming WorksheetReader its typings leave out. */
interface NamedWorksheet {
  name: string;
}

type Chunks = AsyncIterable<Buffer | string>;

/** The WorkbookReader methods that receive the unzipped XML (exceljs 4.4, lib/stream/xlsx/workbook-reader.js). */
interface ReaderInternals {
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: Chunks, sheetNo: string): Generator<unknown>;
}

/**
 * Reads every sheet with exceljs's streaming reader (the full loader is quadratic in merged
 * cells). Merge ranges are not read: a merged cell arrives empty below its first cell.
 * Hyperlinks need no option: a hyperlink cell holds its display text as its value.
 */
export async function readXlsx(bytes: Uint8Array, fileName: string, rowLimit = Infinity): Promise<Sheet[]> {
  checkXlsxArchive(bytes, fileName);
  const input = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  decodeWholeCharacters(reader);
  const sheets: Sheet[] = [];
  try {
    for await (const worksheet of reader) {
      const sheet: Sheet = { name: (worksheet as unknown as NamedWorksheet).name, rows: [] };
      for await (const row of worksheet) {
        if (sheet.rows.length >= rowLimit) continue;
        const cells: CellValue[] = [];
        row.eachCell((cell, column) => {
          cells[column - 1] = toCellValue(cell.value);
        });
        sheet.rows.push({ row: row.number, cells: Array.from(cells, (cell) => cell ?? null) });
      }
      sheets.push(sheet);
    }
  } catch (error) {
    throw new ImportError(fileName, `the workbook could not be read (${(error as Error).message})`);
  }
  return sheets;
}

/**
 * exceljs 4.4 decodes every unzipped chunk on its own, so a Cyrillic letter split between two
 * chunks comes out as "��" (exceljs issues #2063, #2084). Its XML parser takes strings as they
 * come, so the XML is handed over already decoded, a whole character at a time.
 */
function decodeWholeCharacters(reader: object): void {
  const internals = reader as ReaderInternals;
  const { _parseWorkbook, _parseSharedStrings, _parseWorksheet } = internals;
  internals._parseWorkbook = (entry) => _parseWorkbook.call(reader, entry.setEncoding('utf8'));
  internals._parseSharedStrings = (entry) => _parseSharedStrings.call(reader, entry.setEncoding('utf8'));
  internals._parseWorksheet = (iterator, sheetNo) => _parseWorksheet.call(reader, decodeUtf8(iterator), sheetNo);
}

async function* decodeUtf8(chunks: Chunks): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  yield decoder.decode();
}

/** Formulas give their cached result, rich text and hyperlinks their text, errors their code. */
export function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if ('richText' in value) return value.richText.map((run) => run.text ?? '').join('');
  if ('formula' in value || 'sharedFormula' in value) return toCellValue(value.result as ExcelJS.CellValue);
  if ('hyperlink' in value) return toCellValue(value.text as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  return null;
}
