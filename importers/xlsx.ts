import { stripUnsafeChars } from '../app/domain/safe-text';
import { importFileWords } from '../app/i18n/import-files';
import { inBoth } from '../app/i18n/words';
import { boundMerges, MAX_MERGES, shortSheetName } from './limits';
import { ReadBudget } from './read-budget';
import type { CellRange, CellValue, Sheet, SheetRow } from './types';
import { asImportError, CLOSE, END, OPEN, XmlScanner, type Token } from './xml-scanner';
import { unpackXlsx } from './zip';

/**
 * Reads every sheet of an .xlsx: the archive is checked and unpacked (importers/zip.ts), then
 * each part it needs is decoded and scanned (importers/xml-scanner.ts), which refuses a hostile
 * or broken part with an ImportError; what is kept is counted against one budget for the whole
 * workbook (importers/limits.ts), and the long loops (shared strings, rows, tags around them)
 * let the event loop go when the budget says so.
 * A merged cell keeps its value in its first cell, the range goes to Sheet.merges; hidden rows
 * are marked. A hyperlink cell holds its display text as its value.
 */
export async function readXlsx(bytes: Uint8Array, fileName: string, rowLimit = Infinity): Promise<Sheet[]> {
  const budget = new ReadBudget(fileName);
  const parts = await unpackXlsx(bytes, fileName);
  const scan = (path: string) => XmlScanner.read(parts.get(path)!, path, budget);
  try {
    const workbook = readWorkbook(await scan(WORKBOOK));
    const relationships = parts.has(WORKBOOK_RELS) ? readRelationships(await scan(WORKBOOK_RELS)) : [];
    const partOf = (type: string, fallback: string) => {
      const path = relationships.find((rel) => rel.type === type)?.path ?? fallback;
      return parts.has(path) ? path : null;
    };
    const stylesPath = partOf('styles', 'xl/styles.xml');
    const stringsPath = partOf('sharedStrings', 'xl/sharedStrings.xml');
    const book: Book = {
      numberStyles: stylesPath ? readNumberStyles(await scan(stylesPath)) : [],
      strings: stringsPath ? await readSharedStrings(await scan(stringsPath), budget) : [],
      date1904: workbook.date1904,
    };
    const sheets: Sheet[] = [];
    for (const { name, path } of worksheetParts(workbook, relationships, parts)) {
      sheets.push(await readSheet(await scan(path), shortSheetName(stripUnsafeChars(name)), book, budget, rowLimit));
    }
    return sheets;
  } catch (error) {
    throw asImportError(error, fileName, 'workbookUnreadable');
  }
}

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
/** Excel's last column, XFD. */
const MAX_COLUMNS = 16_384;
const DAY_MS = 86_400_000;
/** Days from Excel's day 0 (1900 system) to 1970-01-01; the 1904 system starts 1,462 days later. */
const UNIX_EPOCH_SERIAL = 25_569;
const DATE1904_OFFSET = 1_462;

/** What every sheet's cells are read with. */
interface Book {
  /** By style index (the s of a cell): what its number format shows. */
  numberStyles: NumberStyle[];
  strings: string[];
  date1904: boolean;
}

interface Workbook {
  sheets: { name: string; relationshipId: string }[];
  date1904: boolean;
}

function readWorkbook(xml: XmlScanner): Workbook {
  const workbook: Workbook = { sheets: [], date1904: false };
  for (let token = xml.next(); token !== END; token = xml.next()) {
    if (token !== OPEN) continue;
    if (xml.name === 'workbookPr') {
      const date1904 = xml.attribute('date1904');
      workbook.date1904 = date1904 === '1' || date1904 === 'true';
    } else if (xml.name === 'sheet') {
      workbook.sheets.push({ name: xml.attribute('name') ?? '', relationshipId: xml.attribute('id') ?? '' });
    }
  }
  return workbook;
}

interface Relationship {
  id: string;
  /** The last word of its type: "worksheet", "sharedStrings", "styles", ... */
  type: string;
  /** The part's path in the archive. */
  path: string;
}

function readRelationships(xml: XmlScanner): Relationship[] {
  const relationships: Relationship[] = [];
  for (let token = xml.next(); token !== END; token = xml.next()) {
    if (token !== OPEN || xml.name !== 'Relationship' || xml.attribute('TargetMode') === 'External') continue;
    const type = xml.attribute('Type') ?? '';
    relationships.push({
      id: xml.attribute('Id') ?? '',
      type: type.slice(type.lastIndexOf('/') + 1),
      path: resolvePartPath('xl/', xml.attribute('Target') ?? ''),
    });
  }
  return relationships;
}

/** A relationship's target as a path in the archive: absolute ("/xl/...") or relative to the workbook's folder. */
function resolvePartPath(folder: string, target: string): string {
  const segments: string[] = [];
  for (const segment of (target.startsWith('/') ? target : folder + target).split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '' && segment !== '.') segments.push(segment);
  }
  return segments.join('/');
}

/**
 * The worksheets in the order of their tabs, with their names; each part is read once (a sheet
 * list that names one part many times is no workbook Excel writes). A workbook whose sheet list
 * leads to none of its worksheet parts (hand-made or damaged) is read by its parts,
 * xl/worksheets/sheet1.xml, sheet2.xml, ..., named "Sheet1", "Sheet2", ... (exceljs read those too).
 */
function worksheetParts(workbook: Workbook, relationships: Relationship[], parts: Map<string, Uint8Array>): { name: string; path: string }[] {
  const byId = new Map(relationships.map((rel) => [rel.id, rel]));
  const listed = new Map<string, string>();
  for (const { name, relationshipId } of workbook.sheets) {
    const relationship = byId.get(relationshipId);
    const isWorksheet = relationship?.type === 'worksheet' || relationship?.type === '';
    if (relationship && isWorksheet && parts.has(relationship.path) && !listed.has(relationship.path)) listed.set(relationship.path, name);
  }
  if (listed.size > 0) return [...listed].map(([path, name]) => ({ name, path }));
  return [...parts.keys()]
    .map((path) => ({ path, number: /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(path)?.[1] }))
    .filter((part): part is { path: string; number: string } => part.number !== undefined)
    .sort((a, b) => Number(a.number) - Number(b.number))
    .map(({ path, number }) => ({ name: `Sheet${number}`, path }));
}

/** How a cell style shows its number: a date or time, a percent (1.5 shown as 150%), or else as it is. */
type NumberStyle = 'date' | 'percent' | 'number';

/** What each cell style (cellXfs, by index) shows its number as. */
function readNumberStyles(xml: XmlScanner): NumberStyle[] {
  const customFormats = new Map<number, string>();
  const styleFormats: number[] = [];
  for (let token = xml.next(); token !== END; token = xml.next()) {
    if (token !== OPEN) continue;
    if (xml.name === 'numFmts') {
      forEachChild(xml, 'numFmt', () => customFormats.set(Number(xml.attribute('numFmtId')), xml.attribute('formatCode') ?? ''));
    } else if (xml.name === 'cellXfs') {
      forEachChild(xml, 'xf', () => styleFormats.push(Number(xml.attribute('numFmtId') ?? 0)));
    } else if (xml.depth > 1) {
      // fonts, fills, dxfs (which hold numFmt elements of their own), ...
      xml.skipElement();
    }
  }
  return styleFormats.map((id) => {
    const custom = customFormats.get(id);
    if (custom === undefined) return isBuiltInDateFormat(id) ? 'date' : id === 9 || id === 10 ? 'percent' : 'number';
    return isDateFormat(custom) ? 'date' : isPercentFormat(custom) ? 'percent' : 'number';
  });
}

/** Calls `visit` at each element named `name` inside the element just opened. */
function forEachChild(xml: XmlScanner, name: string, visit: () => void): void {
  const depth = xml.depth;
  let token: Token;
  while ((token = xml.next()) !== CLOSE || xml.depth >= depth) {
    if (token === OPEN && xml.name === name && xml.depth === depth + 1) visit();
  }
}

/** Excel's built-in date and time formats: 14-22 (dates, times), 27-36 and 50-58 (East Asian dates), 45-47 (times). */
function isBuiltInDateFormat(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/** A format with d, m, y, h or s outside quoted text, [colour/locale] brackets, escapes (\x) and padding (_x, *x). */
export function isDateFormat(code: string): boolean {
  return /[dmyhs]/i.test(formatCodes(code));
}

/** A format with % outside quoted text, brackets, escapes and padding: Excel shows the number times 100. */
function isPercentFormat(code: string): boolean {
  return formatCodes(code).includes('%');
}

/** A number format without its quoted text, [colour/locale] brackets, escapes (\x) and padding (_x, *x). */
function formatCodes(code: string): string {
  return code.replace(/"[^"]*"|\[[^\]]*\]|\\.|[_*]./g, '');
}

async function readSharedStrings(xml: XmlScanner, budget: ReadBudget): Promise<string[]> {
  const strings: string[] = [];
  for (let token = xml.next(); token !== END; token = xml.next()) {
    if (budget.due()) await budget.pause();
    if (token !== OPEN || xml.name !== 'si') continue;
    const text = readStringItem(xml);
    budget.sharedString(text);
    strings.push(text);
  }
  return strings;
}

/**
 * The text of the <si> or <is> just opened: its <t>, or the <t> of each rich-text run <r>;
 * phonetic runs (<rPh>, Japanese reading aids) are not part of the text.
 */
function readStringItem(xml: XmlScanner): string {
  const depth = xml.depth;
  let text = '';
  let token: Token;
  while ((token = xml.next()) !== CLOSE || xml.depth >= depth) {
    if (token !== OPEN) continue;
    if (xml.name === 't') text += xml.text();
    else if (xml.name === 'rPh') xml.skipElement();
  }
  return unescapeOoxml(text);
}

/**
 * Excel writes characters XML cannot hold (a carriage return, say) as _xHHHH_, and "_x" itself
 * as _x005F_x. What comes in is stripped of control and bidi-override characters (NUL, ESC,
 * U+202E, ...; written as _x0000_ or as XML entities), as everything a file sends in is.
 */
function unescapeOoxml(text: string): string {
  if (text.indexOf('_x') === -1) return stripUnsafeChars(text);
  return stripUnsafeChars(text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))));
}

async function readSheet(xml: XmlScanner, name: string, book: Book, budget: ReadBudget, rowLimit: number): Promise<Sheet> {
  const sheet: Sheet = { name, rows: [] };
  let merges: CellRange[] = [];
  budget.startSheet(name);
  for (let token = xml.next(); token !== END; token = xml.next()) {
    if (budget.due()) await budget.pause();
    if (token !== OPEN) continue;
    if (xml.name === 'sheetData') await readRows(xml, sheet, book, budget, rowLimit);
    else if (xml.name === 'mergeCells') merges = readMerges(xml);
  }
  const bounded = boundMerges(merges, sheet.rows);
  if (bounded.length > 0) sheet.merges = bounded;
  return sheet;
}

/** The <mergeCell ref="A1:C3"> ranges of the <mergeCells> just opened; a ref that is no range is skipped. */
function readMerges(xml: XmlScanner): CellRange[] {
  const merges: CellRange[] = [];
  forEachChild(xml, 'mergeCell', () => {
    const range = merges.length < MAX_MERGES ? parseRange(xml.attribute('ref') ?? '') : null;
    if (range) merges.push(range);
  });
  return merges;
}

function parseRange(ref: string): CellRange | null {
  const match = /^([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})$/i.exec(ref);
  if (!match) return null;
  const [top, bottom] = [Number(match[2]), Number(match[4])];
  const [left, right] = [letterIndex(match[1]!), letterIndex(match[3]!)];
  if (top < 1 || bottom < top || right < left || right >= MAX_COLUMNS || (top === bottom && left === right)) return null;
  return { top, left, bottom, right };
}

/** 0-based column of letters A..XFD (at most three, checked by the caller). */
function letterIndex(letters: string): number {
  let column = 0;
  for (const letter of letters.toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 0x40);
  return column - 1;
}

/** The <row> elements of the <sheetData> just opened. A row or cell without its r attribute follows the one before. */
async function readRows(xml: XmlScanner, sheet: Sheet, book: Book, budget: ReadBudget, rowLimit: number): Promise<void> {
  const dataDepth = xml.depth;
  let rowNumber = 0;
  let token: Token;
  while ((token = xml.next()) !== CLOSE || xml.depth >= dataDepth) {
    if (budget.due()) await budget.pause();
    if (token !== OPEN || xml.name !== 'row' || xml.depth !== dataDepth + 1) continue;
    const r = xml.attribute('r');
    rowNumber = r === null ? rowNumber + 1 : parseRowNumber(xml, r);
    const hidden = xml.attribute('hidden');
    const { cells, percentColumns } = readRow(xml, book);
    budget.row(rowNumber, cells.length);
    if (sheet.rows.length >= rowLimit) continue;
    for (let column = 0; column < cells.length; column++) {
      const value = cells[column]!;
      if (value !== null) budget.cell(rowNumber, column, value);
    }
    const row: SheetRow = { row: rowNumber, cells };
    if (percentColumns.length > 0) row.percentColumns = percentColumns;
    if (hidden === '1' || hidden === 'true') row.hidden = true;
    sheet.rows.push(row);
  }
}

/** The cells of the <row> just opened, by column, up to its last cell that holds a value; and which hold a number shown as a percent. */
function readRow(xml: XmlScanner, book: Book): { cells: CellValue[]; percentColumns: number[] } {
  const rowDepth = xml.depth;
  const cells: CellValue[] = [];
  const percentColumns: number[] = [];
  let column = -1;
  let token: Token;
  while ((token = xml.next()) !== CLOSE || xml.depth >= rowDepth) {
    if (token !== OPEN || xml.name !== 'c' || xml.depth !== rowDepth + 1) continue;
    const ref = xml.attribute('r');
    column = ref === null ? column + 1 : columnIndex(xml, ref);
    if (column >= MAX_COLUMNS) xml.fail(inBoth(importFileWords, 'xlsxCellBeyondXfd'));
    const style = numberStyle(book, xml.attribute('s'));
    const value = readCell(xml, book, style);
    if (value === null) continue;
    while (cells.length < column) cells.push(null);
    cells[column] = value;
    if (style === 'percent' && typeof value === 'number') percentColumns.push(column);
  }
  return { cells, percentColumns };
}

function numberStyle(book: Book, s: string | null): NumberStyle {
  return (s === null ? undefined : book.numberStyles[Number(s)]) ?? 'number';
}

/** 0-based column of a cell reference such as "B7"; its row part is the row's. */
function columnIndex(xml: XmlScanner, ref: string): number {
  let column = 0;
  let at = 0;
  for (; at < ref.length && column <= MAX_COLUMNS; at++) {
    const c = ref.charCodeAt(at) & ~0x20; // upper case
    if (c < 0x41 || c > 0x5a) break;
    column = column * 26 + (c - 0x40);
  }
  const shown = ref.slice(0, 20);
  if (at === 0) xml.fail(inBoth(importFileWords, 'xlsxRefWithoutColumn', { ref: shown }));
  if (column > MAX_COLUMNS) xml.fail(inBoth(importFileWords, 'xlsxRefBeyondXfd', { ref: shown }));
  return column - 1;
}

function parseRowNumber(xml: XmlScanner, r: string): number {
  const number = parseInt(r, 10);
  const shown = r.slice(0, 20);
  if (Number.isNaN(number)) xml.fail(inBoth(importFileWords, 'xlsxRowNotNumber', { row: shown }));
  return number;
}

/** The value of the <c> just opened: a formula gives the result Excel saved with it (never run). */
function readCell(xml: XmlScanner, book: Book, style: NumberStyle): CellValue {
  const type = xml.attribute('t');
  const cellDepth = xml.depth;
  let value: string | null = null;
  let inline: string | null = null;
  let token: Token;
  while ((token = xml.next()) !== CLOSE || xml.depth >= cellDepth) {
    if (token !== OPEN || xml.depth !== cellDepth + 1) continue;
    if (xml.name === 'v') value = xml.text();
    else if (xml.name === 'is') inline = readStringItem(xml);
    else xml.skipElement(); // <f>, <extLst>
  }
  switch (type) {
    case 's':
      return sharedString(book, value);
    case 'inlineStr':
      return inline ?? (value === null ? null : unescapeOoxml(value));
    case 'str':
      return value === null ? null : unescapeOoxml(value);
    case 'b':
      // As exceljs read them: anything but 0 is TRUE.
      return value === null || value === '' ? null : parseInt(value, 10) !== 0 ? 'TRUE' : 'FALSE';
    case 'e':
      return value; // the error code Excel shows: #N/A, #DIV/0!, ...
    case 'd':
      return value === null ? null : isoDateTime(value);
    default:
      // "n", none, or a type Excel does not write: a number, a date when its style shows one.
      return value === null || value === '' ? null : numberOrDate(value, style === 'date', book.date1904);
  }
}

function sharedString(book: Book, value: string | null): string | null {
  if (value === null) return null;
  const index = parseInt(value, 10);
  return index >= 0 && index < book.strings.length ? book.strings[index]! : null;
}

/** A number as Excel saved it; text that is no finite number is kept as it stands. */
function numberOrDate(text: string, isDate: boolean, date1904: boolean): CellValue {
  const number = parseFloat(text);
  if (!Number.isFinite(number)) return text;
  return isDate ? excelDate(number, date1904) : number;
}

/**
 * An Excel serial date as the UTC instant exceljs gives (the dates of this importer are UTC
 * days): day 25,569 is 1970-01-01 (1900 system). As in exceljs, serials before 1 March 1900
 * come out a day before Excel's (Excel counts a 29 February 1900 that never was). A date
 * beyond any date (1e308) is shown as Excel shows it: "#######".
 */
export function excelDate(serial: number, date1904: boolean): Date | string {
  const date = new Date(Math.round((serial - UNIX_EPOCH_SERIAL + (date1904 ? DATE1904_OFFSET : 0)) * DAY_MS));
  return Number.isNaN(date.getTime()) ? '#######' : date;
}

/** A t="d" cell: an ISO 8601 date or date-time, read as UTC when it gives no zone. */
function isoDateTime(text: string): CellValue {
  const zoned = /(?:Z|[+-]\d\d:?\d\d)$/.test(text) || !text.includes('T') ? text : `${text}Z`;
  const date = new Date(zoned);
  return Number.isNaN(date.getTime()) ? text : date;
}
