import type { CellValue } from './types';

// Any whitespace but a plain space, two spaces, or a space at either end (the same as /\s\s|[^\S ]|^ | $/, faster).
const UNTIDY_SPACE = /[^\S ]| {2}|^ | $/;

/** Collapses runs of whitespace (including line breaks and no-break spaces) and trims. */
export function normaliseSpace(text: string): string {
  return UNTIDY_SPACE.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

export function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

/** The cell as raw text: dates as ISO (UTC, as exceljs gives them), empty cells as ''. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return isoDate(value);
  return String(value);
}

export function isoDate(date: Date): string {
  return isoDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function isoDay(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Excel column letters for a 0-based column index: 0 -> A, 26 -> AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** Owners named in one cell: split on commas, semicolons and line breaks; trailing dots and repeats dropped. */
export function splitOwners(text: string): string[] {
  const owners = text
    .split(/[,;\r\n]+/)
    .map((part) => normaliseSpace(part).replace(/\.+$/, '').trim())
    .filter((part) => part !== '');
  return [...new Set(owners)];
}

/** Paragraphs above a table kept as its heading (Sheet.heading): the nearest ones. */
const MAX_HEADING_PARAGRAPHS = 30;
const MAX_HEADING_CHARS = 32_767;

/** Adds a paragraph of text above a table to its heading lines: trimmed, empty ones left out, only the nearest kept. */
export function addHeadingLine(lines: string[], paragraph: string): void {
  const line = paragraph.trim();
  if (line === '') return;
  lines.push(line.length > MAX_HEADING_CHARS ? line.slice(0, MAX_HEADING_CHARS) : line);
  if (lines.length > MAX_HEADING_PARAGRAPHS) lines.shift();
}
