/**
 * The corpus sheets (layouts.ts) as the files administrations send: .xlsx written by exceljs
 * (merges, hidden rows, real dates), .ods written as Calc writes content.xml (spans over covered
 * cells, collapsed rows, date cells), and .csv in the encodings and separators of real exports
 * (a merged value on its first row only, hidden rows not there, dates as dd.mm.yyyy).
 */
import ExcelJS from 'exceljs';
import type { CellValue } from '../../importers/types';
import { odsCellXml, openDocument } from '../hostile/document-builder';
import { escapeXml } from '../hostile/xlsx-builder';
import type { CorpusSheet } from './layouts';

export type CorpusFormat = 'xlsx' | 'ods' | 'csv-1251-semicolon' | 'csv-bom-comma' | 'csv-tab';

export const fileName = (format: CorpusFormat) => (format === 'xlsx' ? 'plan.xlsx' : format === 'ods' ? 'plan.ods' : 'plan.csv');

/** The formats a case can be written in: CSV holds one sheet only. */
export function formatsFor(sheets: CorpusSheet[], index: number): CorpusFormat[] {
  if (sheets.length !== 1) return ['xlsx', 'ods'];
  const csv: CorpusFormat[] = ['csv-1251-semicolon', 'csv-bom-comma', 'csv-tab'];
  let format = csv[index % csv.length]!;
  // Text Windows-1251 has no byte for ("✓") goes in UTF-8.
  if (format === 'csv-1251-semicolon' && !sheets[0]!.rows.flat().every((c) => typeof c !== 'string' || [...c].every((ch) => ch < '\u0080' || byte1251(ch) !== undefined))) format = 'csv-bom-comma';
  return ['xlsx', 'ods', format];
}

export async function writeFile(sheets: CorpusSheet[], format: CorpusFormat): Promise<Uint8Array> {
  if (format === 'xlsx') return xlsx(sheets);
  if (format === 'ods') return ods(sheets);
  return csv(sheets[0]!, format);
}

async function xlsx(sheets: CorpusSheet[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    sheet.rows.forEach((cells, r) =>
      cells.forEach((value, c) => {
        if (value !== null && value !== '') worksheet.getCell(r + 1, c + 1).value = value;
      }),
    );
    for (const row of sheet.hidden) worksheet.getRow(row).hidden = true;
    for (const range of sheet.merges) worksheet.mergeCells(range);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

interface Range { top: number; left: number; bottom: number; right: number }

function ranges(sheet: CorpusSheet): Range[] {
  const at = (address: string) => {
    const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(address)!;
    return { row: Number(digits), column: letters!.charCodeAt(0) - 65 };
  };
  return sheet.merges.map((range) => {
    const [from, to] = range.split(':').map(at);
    return { top: from!.row, left: from!.column, bottom: to!.row, right: to!.column };
  });
}

function ods(sheets: CorpusSheet[]): Uint8Array {
  const tables = sheets.map((sheet) => {
    const merges = ranges(sheet);
    const width = Math.max(...sheet.rows.map((r) => r.length), ...merges.map((m) => m.right + 1));
    const rows = sheet.rows.map((values, r) => {
      const row = r + 1;
      const cells = Array.from({ length: width }, (_, column) => {
        const merge = merges.find((m) => m.top <= row && row <= m.bottom && m.left <= column && column <= m.right);
        if (merge && (merge.top !== row || merge.left !== column)) return '<table:covered-table-cell/>';
        const xml = odsCellXml(values[column] ?? null);
        if (!merge) return xml;
        const spans = ` table:number-columns-spanned="${merge.right - merge.left + 1}" table:number-rows-spanned="${merge.bottom - merge.top + 1}"`;
        return xml.replace(/^<table:table-cell/, `<table:table-cell${spans}`);
      });
      const visibility = sheet.hidden.includes(row) ? ' table:visibility="collapse"' : '';
      return `<table:table-row${visibility}>${repeated(cells, 'table:number-columns-repeated').join('')}</table:table-row>`;
    });
    // The header rows repeated on each printed page, as Calc writes them: inside table:table-header-rows.
    const [from, to] = [(sheet.repeated?.[0] ?? 0) - 1, sheet.repeated?.at(-1) ?? 0];
    const body = from < 0 ? repeated(rows, 'table:number-rows-repeated') : [...repeated(rows.slice(0, from), 'table:number-rows-repeated'), `<table:table-header-rows>${rows.slice(from, to).join('')}</table:table-header-rows>`, ...repeated(rows.slice(to), 'table:number-rows-repeated')];
    return `<table:table table:name="${escapeXml(sheet.name)}"><table:table-column table:number-columns-repeated="${width}"/>${body.join('')}</table:table>`;
  });
  return openDocument(tables.join(''));
}

/** Runs of the same cell (or row) written once with its repeat count, as Calc writes them. */
function repeated(elements: string[], attribute: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < elements.length; ) {
    let n = 1;
    while (elements[i + n] === elements[i]) n++;
    out.push(n === 1 ? elements[i]! : elements[i]!.replace(/^<([\w:-]+)/, `<$1 ${attribute}="${n}"`));
    i += n;
  }
  return out;
}

function csvCell(value: CellValue, separator: string): string {
  let text = value === null ? '' : value instanceof Date ? value.toISOString().slice(0, 10).split('-').reverse().join('.') : String(value);
  if (text.includes(separator) || text.includes('"') || text.includes('\n')) text = `"${text.replace(/"/g, '""')}"`;
  return text;
}

function csv(sheet: CorpusSheet, format: CorpusFormat): Uint8Array {
  const separator = format === 'csv-1251-semicolon' ? ';' : format === 'csv-bom-comma' ? ',' : '\t';
  const lines = sheet.rows.filter((_, r) => !sheet.hidden.includes(r + 1)).map((cells) => cells.map((c) => csvCell(c, separator)).join(separator));
  const text = `${lines.join('\r\n')}\r\n`;
  if (format === 'csv-bom-comma') return new TextEncoder().encode(`\uFEFF${text}`);
  if (format === 'csv-tab') return new TextEncoder().encode(text);
  return windows1251(text);
}

let table: Map<string, number> | null = null;

/** The Windows-1251 byte of a character, by the table the platform's decoder reads. */
function byte1251(char: string): number | undefined {
  if (table === null) {
    table = new Map();
    const decoder = new TextDecoder('windows-1251');
    for (let byte = 0x80; byte <= 0xff; byte++) table.set(decoder.decode(new Uint8Array([byte])), byte);
  }
  return table.get(char);
}

function windows1251(text: string): Uint8Array {
  return Uint8Array.from([...text].map((char) => {
    const code = char.charCodeAt(0);
    if (code < 0x80) return code;
    const byte = byte1251(char);
    if (byte === undefined) throw new Error(`no windows-1251 byte for ${char}`);
    return byte;
  }));
}
