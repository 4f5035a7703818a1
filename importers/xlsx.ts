import { Readable, type Duplex } from 'node:stream';
import ExcelJS from 'exceljs';
import { ImportError } from './import-error';
import type { CellValue, Sheet } from './types';
import { ReadBudget, shortSheetName } from './limits';
import { READ_DEADLINE_MS, XmlRefusal, XmlWatch } from './xml-guard';
import { checkXlsxArchive } from './zip';

/** The one property of exceljs's streaming WorksheetReader its typings leave out. */
interface NamedWorksheet {
  name: string;
}

type Chunks = AsyncIterable<Buffer | string>;

/** The WorkbookReader methods that receive the unzipped XML (exceljs 4.4, lib/stream/xlsx/workbook-reader.js). */
interface ReaderInternals {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: Chunks, sheetNo: string): Generator<unknown>;
}

/**
 * Reads every sheet with exceljs's streaming reader (the full loader is quadratic in merged
 * cells). Merge ranges are not read: a merged cell arrives empty below its first cell.
 * Hyperlinks need no option: a hyperlink cell holds its display text as its value.
 * The XML is watched as it streams (importers/xml-guard.ts) and what is kept is counted
 * (importers/limits.ts): a hostile or runaway file is refused with an ImportError.
 */
export async function readXlsx(bytes: Uint8Array, fileName: string, rowLimit = Infinity): Promise<Sheet[]> {
  checkXlsxArchive(bytes, fileName);
  const input = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
  endZipWhenRead(input);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  decodeAndWatch(reader, Date.now() + READ_DEADLINE_MS);
  const budget = new ReadBudget(fileName);
  const sheets: Sheet[] = [];
  try {
    for await (const worksheet of reader) {
      const sheet: Sheet = { name: shortSheetName(String((worksheet as unknown as NamedWorksheet).name)), rows: [] };
      budget.startSheet(sheet.name);
      for await (const row of worksheet) {
        const cells: CellValue[] = [];
        row.eachCell((cell, column) => {
          cells[column - 1] = toCellValue(cell.value);
        });
        budget.row(row.number, cells.length);
        if (sheet.rows.length >= rowLimit) continue;
        cells.forEach((value, index) => budget.cell(row.number, index, value));
        sheet.rows.push({ row: row.number, cells: Array.from(cells, (cell) => cell ?? null) });
      }
      sheets.push(sheet);
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    if (error instanceof XmlRefusal) throw new ImportError(fileName, `refused: ${error.message}`);
    throw new ImportError(fileName, `the workbook could not be read (${describeFailure(error)})`);
  }
  return sheets;
}

/**
 * unzipper 0.10 (exceljs 4.4's unzip) emits 'end' by hand as soon as the whole file has been
 * written into it, even while entries still wait in its readable side, paused because exceljs
 * is busy with an earlier one. exceljs then stops early and reads the workbook without its
 * last entries: an exceljs-written file (xl/workbook.xml last) failed now and then under load
 * with "Cannot read properties of undefined (reading 'sheets')". The hand-made 'end' is
 * replaced by ending the readable side, which ends once its last entry has been read.
 */
function endZipWhenRead(input: Readable): void {
  const pipe = input.pipe.bind(input);
  input.pipe = <T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T => {
    const zip = destination as unknown as Duplex;
    const endByHand = zip.listeners('finish').find((listener) => /emit\(['"]end['"]\)/.test(String(listener)));
    if (endByHand && typeof zip.push === 'function') {
      zip.removeListener('finish', endByHand as () => void);
      zip.on('finish', () => zip.push(null));
    }
    return pipe(destination, options);
  };
}

/**
 * exceljs 4.4 decodes every unzipped chunk on its own, so a Cyrillic letter split between two
 * chunks comes out as "��" (exceljs issues #2063, #2084). Its XML parser takes strings as they
 * come, so the XML is handed over already decoded, a whole character at a time, and watched
 * on the way (every part exceljs parses: workbook, relationships, styles, shared strings, sheets).
 */
function decodeAndWatch(reader: object, deadline: number): void {
  const internals = reader as ReaderInternals;
  const { _parseRels, _parseWorkbook, _parseStyles, _parseSharedStrings, _parseWorksheet } = internals;
  const watched = (entry: Readable, part: string) => Readable.from(decodeUtf8(entry, new XmlWatch(part, deadline)));
  internals._parseRels = (entry) => _parseRels.call(reader, watched(entry, 'xl/_rels/workbook.xml.rels'));
  internals._parseWorkbook = (entry) => _parseWorkbook.call(reader, watched(entry, 'xl/workbook.xml'));
  internals._parseStyles = (entry) => _parseStyles.call(reader, watched(entry, 'xl/styles.xml'));
  internals._parseSharedStrings = (entry) => _parseSharedStrings.call(reader, watched(entry, 'xl/sharedStrings.xml'));
  internals._parseWorksheet = (iterator, sheetNo) =>
    _parseWorksheet.call(reader, decodeUtf8(iterator, new XmlWatch(`xl/worksheets/sheet${sheetNo}.xml`, deadline)), sheetNo);
}

async function* decodeUtf8(chunks: Chunks, watch: XmlWatch): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    watch.feed(text);
    yield text;
  }
  const rest = decoder.decode();
  watch.feed(rest);
  yield rest;
}

/**
 * saxes says where the XML breaks ("1:286: undefined entity."); exceljs fails with a TypeError
 * on XML it does not expect (a cell without its address), which says nothing to a person.
 */
function describeFailure(error: unknown): string {
  if (error instanceof TypeError) return 'its XML is not laid out as Excel writes it';
  const message = error instanceof Error ? error.message : String(error);
  if (message === 'FILE_ENDED') return 'the file ends too early';
  const line = message.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/** Formulas give their cached result, rich text and hyperlinks their text, errors their code. */
export function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  // A date cell whose number is beyond any date (1e308, -1e308): Excel shows it as "#######".
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '#######' : value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if ('richText' in value) return value.richText.map((run) => run.text ?? '').join('');
  if ('formula' in value || 'sharedFormula' in value) return toCellValue(value.result as ExcelJS.CellValue);
  if ('hyperlink' in value) return toCellValue(value.text as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  return null;
}
