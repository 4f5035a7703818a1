/**
 * Cells of the .xlsx the app writes (exceljs): safe text (a string cell, never a formula; text a
 * spreadsheet would take for a formula also gets the Text format "@"; characters XML forbids
 * dropped; cut at Excel's 32,767 characters), real dates shown as dd.mm.yyyy, and the height of
 * wrapped text.
 */
import type ExcelJS from 'exceljs';
import { utcDateOf } from '~/domain/dates';

export const DATE_FORMAT = 'dd.mm.yyyy';
export const PERCENT_FORMAT = '0%';
const MAX_CELL_TEXT = 32767;
const FORMULA_START = /^[=+\-@\t\r]/;
// Characters XML 1.0 does not allow (tab, line feed and carriage return are allowed), and lone surrogates.
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as it may go into a cell: legal XML characters only, CR LF as LF, at most 32,767 characters. */
export function cleanCellText(text: string): string {
  const clean = text.replace(/\r\n?/g, '\n').replace(XML_ILLEGAL, '');
  return clean.length > MAX_CELL_TEXT ? clean.slice(0, MAX_CELL_TEXT) : clean;
}

/** Whether a spreadsheet would read the text as a formula (or a command) if typed in. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** Writes text as a plain string cell; formula-like text also gets the Text format. */
export function setText(cell: ExcelJS.Cell, text: string | null | undefined): void {
  if (text === null || text === undefined || text === '') {
    cell.value = null;
    return;
  }
  cell.value = cleanCellText(text);
  if (looksLikeFormula(text)) cell.numFmt = '@';
}

/**
 * Points per wrapped line of 11 pt text: as Excel lays it out (for fixed rows, which both
 * Excel and LibreOffice keep), and as LibreOffice does (for automatic rows: Excel fits those
 * to their text itself when it opens the file, LibreOffice keeps their written height; measured
 * at 10.4 pt in LibreOffice 7.4's PDF, with a margin).
 */
const LINE_HEIGHT = 14.5;
export const LIBREOFFICE_LINE_HEIGHT = 11.5;

/**
 * How many lines a wrapped text takes in a column of that width (Excel's width unit, about
 * one digit of the default font): a greedy word wrap. Neither Excel nor LibreOffice fits a
 * row to the wrapped text of a merged cell, so the writer sets the height of merged rows.
 */
export function estimateLines(text: string | null | undefined, width: number): number {
  if (!text) return 1;
  const perLine = Math.max(4, Math.floor(width * 1.1));
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let line = 0;
    lines += 1;
    for (const word of paragraph.split(/\s+/)) {
      if (word === '') continue;
      let length = word.length;
      if (line > 0 && line + 1 + length > perLine) {
        lines += 1;
        line = 0;
      }
      while (length > perLine) {
        lines += 1;
        length -= perLine;
      }
      line += (line > 0 ? 1 : 0) + length;
    }
  }
  return Math.max(lines, 1);
}

export function rowHeight(lines: number, lineHeight = LINE_HEIGHT): number {
  return Math.min(409, Math.round((lines * lineHeight + 3) * 10) / 10);
}

export function setDate(cell: ExcelJS.Cell, iso: string | null): void {
  if (!iso) return;
  cell.value = utcDateOf(iso); // UTC midnight, so that the serial is the exact day
  cell.numFmt = DATE_FORMAT;
}

/** The letter(s) of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let letters = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) letters = String.fromCharCode(65 + ((x - 1) % 26)) + letters;
  return letters;
}
