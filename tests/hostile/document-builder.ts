/**
 * Hand-made Word .docx and LibreOffice .ods/.odt files for the importer tests: the XML written
 * as given (a raw escape hatch for anything the simple model does not say), zipped by zip-writer.
 */
import fs from 'node:fs';
import type { CellRange, CellValue, Sheet } from '../../importers/types';
import { readXlsx } from '../../importers/xlsx';
import { escapeXml } from './xlsx-builder';
import { zip, type ZipEntryInput } from './zip-writer';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A Word cell: text (lines become paragraphs), or with its merge, or raw <w:tc> XML. */
export type DocxCell =
  | string
  | null
  | { text?: string | null; span?: number; vMerge?: 'restart' | 'continue'; raw?: string };
export type DocxBlock = { paragraph: string } | { table: DocxCell[][]; headerRows?: number } | { raw: string };

export interface DocxOptions {
  numbering?: string;
  /** Replaces word/document.xml. */
  documentXml?: string;
  extra?: ZipEntryInput[];
  deflate?: boolean;
}

export function paragraphXml(text: string): string {
  const runs = text.split('\n').map((line) => `<w:r><w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r>`);
  return `<w:p>${runs.join('<w:r><w:br/></w:r>')}</w:p>`;
}

function cellXml(cell: DocxCell): string {
  if (cell !== null && typeof cell === 'object' && cell.raw !== undefined) return cell.raw;
  const { text = null, span = 1, vMerge } = cell === null || typeof cell === 'string' ? { text: cell } : cell;
  const properties = (span > 1 ? `<w:gridSpan w:val="${span}"/>` : '') + (vMerge ? `<w:vMerge${vMerge === 'restart' ? ' w:val="restart"' : ''}/>` : '');
  const paragraphs = text === null ? '<w:p/>' : text.split('\n').map(paragraphXml).join('');
  return `<w:tc>${properties ? `<w:tcPr>${properties}</w:tcPr>` : ''}${paragraphs}</w:tc>`;
}

export function tableXml(rows: DocxCell[][], headerRows = 0): string {
  const body = rows
    .map((cells, i) => `<w:tr>${i < headerRows ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${cells.map(cellXml).join('')}</w:tr>`)
    .join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${body}</w:tbl>`;
}

export function documentXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}<w:sectPr/></w:body></w:document>`;
}

/** A .docx of the blocks, in order. */
export function docx(blocks: DocxBlock[], options: DocxOptions = {}): Uint8Array {
  const body = blocks
    .map((block) => ('paragraph' in block ? paragraphXml(block.paragraph) : 'table' in block ? tableXml(block.table, block.headerRows) : block.raw))
    .join('');
  const deflate = options.deflate ?? true;
  const entries: ZipEntryInput[] = [
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    },
    { name: 'word/document.xml', data: options.documentXml ?? documentXml(body) },
    ...(options.numbering !== undefined ? [{ name: 'word/numbering.xml', data: options.numbering }] : []),
    ...(options.extra ?? []),
  ];
  return zip(entries.map((entry) => ({ deflate, ...entry })));
}

const ODF_NAMESPACES =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';

/** A Calc cell: text, a number, a date (a UTC day), empty, or raw <table:table-cell> XML. */
export type OdsCell = string | number | Date | null | { raw: string };

export function odsCellXml(cell: OdsCell): string {
  if (cell === null) return '<table:table-cell/>';
  if (typeof cell === 'number') return `<table:table-cell office:value-type="float" office:value="${cell}"><text:p>${cell}</text:p></table:table-cell>`;
  if (cell instanceof Date) {
    const day = cell.toISOString().slice(0, 10);
    return `<table:table-cell office:value-type="date" office:date-value="${day}"><text:p>${day}</text:p></table:table-cell>`;
  }
  if (typeof cell === 'object') return cell.raw;
  const paragraphs = cell.split('\n').map((line) => `<text:p>${escapeXml(line)}</text:p>`).join('');
  return `<table:table-cell office:value-type="string">${paragraphs}</table:table-cell>`;
}

/** Rows of a Calc table; the last row is padded as Calc pads a sheet: an empty row repeated to row 1,048,576. */
export function odsTableXml(name: string, rows: OdsCell[][], padded = true): string {
  const body = rows.map((cells) => `<table:table-row>${cells.map(odsCellXml).join('')}</table:table-row>`).join('');
  const padding = padded
    ? `<table:table-row table:number-rows-repeated="${1_048_576 - rows.length}"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>`
    : '';
  return `<table:table table:name="${escapeXml(name)}"><table:table-column table:number-columns-repeated="16384"/>${body}${padding}</table:table>`;
}

export function contentXml(body: string, kind: 'spreadsheet' | 'text' = 'spreadsheet'): string {
  return `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ODF_NAMESPACES} office:version="1.3"><office:body><office:${kind}>${body}</office:${kind}></office:body></office:document-content>`;
}

/** An .ods (or, with kind 'text', an .odt) of the given content.xml body. */
export function openDocument(body: string, kind: 'spreadsheet' | 'text' = 'spreadsheet', options: { contentXml?: string; deflate?: boolean } = {}): Uint8Array {
  const deflate = options.deflate ?? true;
  return zip([
    { name: 'mimetype', data: `application/vnd.oasis.opendocument.${kind}`, deflate: false },
    { name: 'content.xml', data: options.contentXml ?? contentXml(body, kind), deflate },
    {
      name: 'META-INF/manifest.xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
      deflate,
    },
  ]);
}

/** An .ods of the sheets. */
export function ods(sheets: { name: string; rows: OdsCell[][] }[]): Uint8Array {
  return openDocument(sheets.map(({ name, rows }) => odsTableXml(name, rows)).join(''));
}

/** The Lovech fixture's sheet as this importer reads it. */
async function lovechSheet(): Promise<Sheet> {
  const bytes = new Uint8Array(fs.readFileSync(new URL('../fixtures/lovech-2022-2024.xlsx', import.meta.url)));
  return (await readXlsx(bytes, 'lovech-2022-2024.xlsx'))[0]!;
}

export const lovechDocx = async () => docxFromSheet(await lovechSheet());
export const lovechOds = async () => odsFromSheet(await lovechSheet());

/** The sheet's cells by row number from 1 (missing rows empty), and which merge covers each cell. */
function grid(sheet: Sheet): { rows: CellValue[][]; width: number; mergeAt: (row: number, column: number) => CellRange | undefined } {
  const last = sheet.rows.at(-1)?.row ?? 0;
  const rows: CellValue[][] = Array.from({ length: last }, () => []);
  for (const row of sheet.rows) rows[row.row - 1] = row.cells;
  const covering = new Map<string, CellRange>();
  for (const merge of sheet.merges ?? []) {
    for (let r = merge.top; r <= merge.bottom; r++) for (let c = merge.left; c <= merge.right; c++) covering.set(`${r},${c}`, merge);
  }
  const width = Math.max(0, ...rows.map((cells) => cells.length), ...(sheet.merges ?? []).map((m) => m.right + 1));
  return { rows, width, mergeAt: (row, column) => covering.get(`${row},${column}`) };
}

const dayText = (value: CellValue) =>
  value instanceof Date
    ? `${String(value.getUTCDate()).padStart(2, '0')}.${String(value.getUTCMonth() + 1).padStart(2, '0')}.${value.getUTCFullYear()}`
    : value === null
      ? null
      : String(value);

/**
 * A sheet as Word holds such a plan: the title block as paragraphs, then one table from the
 * header row (the first with three filled cells) down, the merges as gridSpan and vMerge, dates
 * written as text (dd.mm.yyyy). Word numbers the table's rows: the sheet's row less firstTableRow - 1.
 */
export function docxFromSheet(sheet: Sheet): { bytes: Uint8Array; firstTableRow: number } {
  const { rows, width, mergeAt } = grid(sheet);
  const first = rows.findIndex((cells) => cells.filter((cell) => cell !== null).length >= 3);
  const blocks: DocxBlock[] = rows.slice(0, first).map((cells) => ({ paragraph: cells.map(dayText).filter((t) => t !== null).join(' ') }));
  const table: DocxCell[][] = [];
  for (let r = first; r < rows.length; r++) {
    const rowNumber = r + 1;
    const cells: DocxCell[] = [];
    for (let column = 0; column < width; ) {
      const merge = mergeAt(rowNumber, column);
      const span = merge ? merge.right - merge.left + 1 : 1;
      if (merge && merge.top < rowNumber) cells.push({ span, vMerge: 'continue' });
      else cells.push({ text: dayText(rows[r]![column] ?? null), span, vMerge: merge && merge.bottom > merge.top ? 'restart' : undefined });
      column += span;
    }
    table.push(cells);
  }
  blocks.push({ table, headerRows: 1 });
  return { bytes: docx(blocks), firstTableRow: first + 1 };
}

/** A sheet as a Calc sheet: the same rows (dates as dates), merges as spans over covered cells. */
export function odsFromSheet(sheet: Sheet): Uint8Array {
  const { rows, width, mergeAt } = grid(sheet);
  const cells = rows.map((values, r) =>
    Array.from({ length: width }, (_, column): OdsCell => {
      const merge = mergeAt(r + 1, column);
      if (merge && (merge.top !== r + 1 || merge.left !== column)) return { raw: '<table:covered-table-cell/>' };
      const xml = odsCellXml(values[column] ?? null);
      if (!merge) return { raw: xml };
      const spans = ` table:number-columns-spanned="${merge.right - merge.left + 1}" table:number-rows-spanned="${merge.bottom - merge.top + 1}"`;
      return { raw: xml.replace(/^<table:table-cell/, `<table:table-cell${spans}`) };
    }),
  );
  return openDocument(odsTableXml(sheet.name, cells));
}
