/**
 * Hand-made .xlsx files for the hostile-input tests: every part written as given, so a test
 * can put any XML (bogus, nested, with entities) where exceljs expects a sheet.
 */
import { zip, type ZipEntryInput } from './zip-writer';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

export type Cell = string | number | null | { raw: string };

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '</Types>';

const ROOT_RELS =
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}">` +
  `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

/** Styles with one date format (style 1 = dd.mm.yyyy), so numeric cells with s="1" read as dates. */
export const DATE_STYLES =
  `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd.mm.yyyy"/></numFmts>' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>' +
  '<borders count="1"><border/></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '</styleSheet>';

export interface BookOptions {
  sheetNames?: string[];
  sharedStrings?: string;
  styles?: string;
  /** Replaces xl/workbook.xml. */
  workbookXml?: string;
  /** Replaces xl/_rels/workbook.xml.rels. */
  workbookRels?: string;
  /** Added after the standard parts. */
  extra?: ZipEntryInput[];
  deflate?: boolean;
}

export function workbookXml(names: string[]): string {
  const sheets = names.map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets}</sheets></workbook>`;
}

function workbookRels(count: number): string {
  const rels = Array.from(
    { length: count },
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}">${rels}</Relationships>`;
}

/** An .xlsx of the given sheet XML documents (sheet1.xml, sheet2.xml, ...). */
export function book(sheets: (string | Uint8Array)[], options: BookOptions = {}): Uint8Array {
  const names = options.sheetNames ?? sheets.map((_, i) => `Sheet${i + 1}`);
  const deflate = options.deflate ?? true;
  const entries: ZipEntryInput[] = [
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: '_rels/.rels', data: ROOT_RELS },
    { name: 'xl/workbook.xml', data: options.workbookXml ?? workbookXml(names) },
    { name: 'xl/_rels/workbook.xml.rels', data: options.workbookRels ?? workbookRels(sheets.length) },
    ...(options.styles !== undefined ? [{ name: 'xl/styles.xml', data: options.styles }] : []),
    ...(options.sharedStrings !== undefined ? [{ name: 'xl/sharedStrings.xml', data: options.sharedStrings }] : []),
    ...sheets.map((xml, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: xml })),
    ...(options.extra ?? []),
  ];
  return zip(entries.map((entry) => ({ deflate, ...entry })));
}

export function sheetXml(sheetData: string, after = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${sheetData}</sheetData>${after}</worksheet>`;
}

/** Rows of cells from row 1; strings as inline strings, numbers as numbers, raw XML as given. */
export function rowsXml(rows: Cell[][], firstRow = 1): string {
  return rows.map((cells, r) => rowXml(firstRow + r, cells)).join('');
}

export function rowXml(rowNumber: number, cells: Cell[]): string {
  const xml = cells.map((value, c) => cellXml(`${columnLetters(c)}${rowNumber}`, value)).join('');
  return `<row r="${rowNumber}">${xml}</row>`;
}

export function cellXml(ref: string, value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
  if (typeof value === 'object') return value.raw.replaceAll('$REF', ref);
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
}

export function sharedStringsXml(strings: string[]): string {
  const items = strings.map((text) => `<si><t xml:space="preserve">${escapeXml(text)}</t></si>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${items}</sst>`;
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[char]!);
}

/** 0 -> A, 26 -> AA. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The header of a plan table as the importer recognises it. */
export const PLAN_HEADER = ['Мярка', 'Наименование на дейността', 'Начало (дата)', 'Край (дата)', 'Целеви стойности', 'Отговорници', 'Забележка'];

/** A small, valid plan: one area, one measure, two activities. */
export function planRows(): Cell[][] {
  return [
    ['ПЛАН ЗА ПОДОБРЕНИЕ 2023-2024'],
    PLAN_HEADER,
    ['Област 1: Лидерство'],
    ['1.1. Мярка едно', '1.1.1. Първа дейност', '01.03.2023', '30.06.2023', 'Цел', 'Иван Иванов', null],
    ['1.1. Мярка едно', '1.1.2. Втора дейност', '01.07.2023', '31.12.2023', 'Цел 2', 'Мария', 'бележка'],
  ];
}

export function planXlsx(rows: Cell[][] = planRows(), options: BookOptions = {}): Uint8Array {
  return book([sheetXml(rowsXml(rows))], { sheetNames: ['План'], ...options });
}

/** The same rows as CSV text (';'-separated, quoted where needed). */
export function planCsv(rows: (string | null)[][] = planRows() as (string | null)[][]): string {
  return rows.map((cells) => cells.map((cell) => csvField(cell ?? '')).join(';')).join('\r\n') + '\r\n';
}

export function csvField(text: string): string {
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
