/**
 * Reads a filled-in report (the .xlsx exported by app/exports/report-xlsx.server.ts) back
 * into proposed status updates. Pure: bytes in, proposals and warnings out; matching them to
 * activities and recording them is app/models/status-import.server.ts's job.
 *
 * - Sheets are recognised by their header row (a status and an activity column, in
 *   Bulgarian or English), not by their name or position.
 * - Each activity row gives its hidden key (`ID-<plan>-<activity>-<fingerprints>`) when
 *   present and the activity code from the text ("1.1.1. Създаване ..."), to match by.
 * - With a key, the fingerprints tell which status columns were changed; a row where none
 *   was is skipped (counted in `unchanged`). Without a key every column counts as given.
 * - Status and percent: the status words of real reports are read with parseStatusWord.
 *   A percent changed on its own moves the status with it (0% planned, 100% done, else in
 *   progress; postponed and cancelled keep it); a status changed on its own to done means
 *   100%, to planned 0%; when both were changed, or there is no key, the rule of
 *   parseStatusWord applies to the two together (the number wins next to planned, in
 *   progress and done).
 * - The reporting period's last day is read from the summary sheet ("Отчетен период"), when
 *   the file still has it: updates read from the report are as of that day by default.
 * - A percent cell formatted as a percent (the export's 0%) is read as Excel shows it: the 1.5
 *   Excel keeps when 150 is typed there is 150%, not 2%.
 * - A status text that cannot be read, a percent outside 0-100, or an unreadable date is a
 *   warning with its sheet, row and column, and the row is not proposed.
 */
import { changedColumns, columnHeader, HEADER_ALIASES, parseActivityKey, reportPeriodLabel, STATUS_COLUMNS, type DetailColumn, type StatusCells, type StatusColumn } from '../app/domain/report-layout';
import { LANGS, type Lang } from '../app/domain/lang';
import { reportSheetWords } from '../app/i18n/report-sheet';
import { fill, inBoth, type Params } from '../app/i18n/words';
import { parseStatusWord, type Status } from '../app/domain/status';
import { splitCode } from './codes';
import { readDate } from './dates';
import { baseName, EMPTY_FILE, ImportError } from './import-error';
import { cellText, normaliseSpace } from './text';
import type { CellValue, ImportWarning, Sheet, SheetRow } from './types';
import { readXlsx } from './xlsx';

export type ProposedUpdate = {
  sheet: string;
  row: number;
  /** From the hidden key; null when the row has none (matched by code then). */
  planId: number | null;
  activityId: number | null;
  code: string | null;
  title: string;
  /** The status columns changed since the export; null when the row has no key (unknown). */
  changed: Record<StatusColumn, boolean> | null;
  status: Status;
  percent: number | null;
  /** The report text when it was changed (or with no key, given); else null. */
  comment: string | null;
  completedOn: string | null;
  /** A new end date: from "Ново крайно време" or a "прехвърлена ... със срок ..." status. */
  newEnd: string | null;
  /** The status cell as written. */
  statusText: string;
};

export type StatusReport = {
  fileName: string;
  /** The last day of the reporting period as the exported report states it ("Отчетен период"); null when it does not. */
  periodEnd: string | null;
  updates: ProposedUpdate[];
  /** Activity rows whose status columns are as exported. */
  unchanged: number;
  warnings: ImportWarning[];
};

type Columns = Partial<Record<DetailColumn, number>>;

/** The warnings, in the language of the person importing (the preview shows them as they are): the word store's (app/i18n/report-sheet.ts). */
type ReaderKey = Extract<keyof (typeof reportSheetWords)['bg'], `read${string}`>;
type Messages = (key: ReaderKey, params?: Params) => string;
const messagesIn = (lang: Lang): Messages => (key, params) => fill(reportSheetWords[lang][key], params);

const NEEDED: DetailColumn[] = ['activity', 'status'];

function headerKey(value: CellValue): string {
  return normaliseSpace(cellText(value)).toLocaleLowerCase('bg').replace(/[:.]$/, '');
}

/** The headers the reader accepts for each column it needs: the export's in either language and the other names people give them. */
const ACCEPTED_HEADERS = (Object.entries(HEADER_ALIASES) as [DetailColumn, string[]][]).map(
  ([column, aliases]) => [column, [...LANGS.map((lang) => headerKey(columnHeader(column, lang))), ...aliases]] as const,
);

/** The columns of a header row, or null when the row is not the header of a report. */
function findColumns(cells: CellValue[]): Columns | null {
  const columns: Columns = {};
  cells.forEach((cell, index) => {
    const text = headerKey(cell);
    if (!text) return;
    for (const [column, accepted] of ACCEPTED_HEADERS) {
      if (columns[column] === undefined && accepted.includes(text)) columns[column] = index;
    }
  });
  return NEEDED.every((column) => columns[column] !== undefined) ? columns : null;
}

const PERIOD_LABELS = LANGS.map((lang) => reportPeriodLabel(lang).toLocaleLowerCase('bg'));

/** The period end of a "Отчетен период | III тримесечие 2023 (01.07.2023 – 30.09.2023)" row: its last date; else null. */
function periodEndOf(cells: CellValue[]): string | null {
  if (!PERIOD_LABELS.includes(headerKey(cells[0] ?? null))) return null;
  const last = cellText(cells[1] ?? null).match(/\d{1,2}\.\d{1,2}\.\d{4}/g)?.at(-1);
  const day = last ? readDay(last) : null;
  return day === 'invalid' ? null : day;
}

function label(column: DetailColumn, sheetHeader: CellValue[], columns: Columns): string {
  const index = columns[column];
  const text = index === undefined ? '' : normaliseSpace(cellText(sheetHeader[index] ?? null));
  return text || columnHeader(column, 'bg');
}

/**
 * Reads a percent cell: 80, "80%", "80 %"; a number in a cell formatted as a percent (the
 * export's 0%) is what Excel shows, times 100 (1.5 is 150%, impossible); in any other cell a
 * number up to 1 is read as a fraction (0.8 is 80%). Null when empty.
 */
export function readPercent(value: CellValue, shownAsPercent = false): number | null | 'invalid' {
  if (value === null) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return 'invalid';
    if (shownAsPercent) return value * 100 <= 100 + 1e-9 ? Math.round(value * 100) : 'invalid';
    if (value <= 1) return Math.round(value * 100);
    return value <= 100 ? Math.round(value) : 'invalid';
  }
  if (value instanceof Date) return 'invalid';
  const text = normaliseSpace(value);
  if (text === '' || text === '—' || text === '-') return null;
  const match = /^(\d{1,3}(?:[.,]\d+)?)\s*%?$/.exec(text);
  if (!match) return 'invalid';
  const number = Number(match[1]!.replace(',', '.'));
  return number <= 100 ? Math.round(number) : 'invalid';
}

function readDay(value: CellValue): string | null | 'invalid' {
  const read = readDate(value, 'end');
  if (read.kind === 'empty') return null;
  if (read.kind === 'date') return read.iso;
  return 'invalid';
}

/** Reads the filled-in report; throws ImportError when the file is not a readable .xlsx. */
export async function readStatusReport(bytes: Uint8Array, fileName: string, lang: Lang = 'bg'): Promise<StatusReport> {
  if (bytes.length === 0) throw new ImportError(fileName, EMPTY_FILE);
  if (!/\.xlsx$/i.test(fileName)) throw new ImportError(fileName, inBoth(reportSheetWords, 'readNotXlsx'));
  return statusReportFromSheets(await readXlsx(bytes, fileName), baseName(fileName), lang);
}

export function statusReportFromSheets(sheets: Sheet[], fileName: string, lang: Lang = 'bg'): StatusReport {
  const m = messagesIn(lang);
  const report: StatusReport = { fileName, periodEnd: null, updates: [], unchanged: 0, warnings: [] };
  let found = false;
  for (const sheet of sheets) {
    let columns: Columns | null = null;
    let header: CellValue[] = [];
    for (const sheetRow of sheet.rows) {
      if (!columns) {
        report.periodEnd ??= periodEndOf(sheetRow.cells);
        columns = findColumns(sheetRow.cells);
        if (columns) {
          header = sheetRow.cells;
          found = true;
        }
        continue;
      }
      readRow(report, sheet.name, sheetRow, columns, header, m);
    }
  }
  if (!found) {
    report.warnings.push({
      sheet: sheets[0]?.name ?? fileName,
      row: null,
      column: null,
      message: m('readNoSheet', { activity: columnHeader('activity', 'bg'), status: columnHeader('status', 'bg') }),
    });
  }
  return report;
}

function readRow(report: StatusReport, sheet: string, { row, cells, percentColumns = [] }: SheetRow, columns: Columns, header: CellValue[], m: Messages): void {
  const get = (column: DetailColumn): CellValue => (columns[column] === undefined ? null : (cells[columns[column]!] ?? null));
  const percentCell = get('percent');
  const percentShownAsPercent = columns.percent !== undefined && percentColumns.includes(columns.percent);
  const activityText = normaliseSpace(cellText(get('activity')));
  const keyText = normaliseSpace(cellText(get('key')));
  const key = keyText ? parseActivityKey(keyText) : null;
  const { code, title } = splitCode(activityText);
  // Area rows, measure rows without activities, the row of column numbers: nothing to read.
  if (!key && (!code || code.split('.').length < 2 || title === '')) return;
  const warn = (column: DetailColumn | null, message: string) =>
    report.warnings.push({ sheet, row, column: column && label(column, header, columns), message });
  if (keyText && !key) warn('key', m('readBadKey', { key: keyText, code: code ?? m('readNoCode') }));

  const statusText = normaliseSpace(cellText(get('status')));
  const percentRead = readPercent(percentCell, percentShownAsPercent);
  const completedRead = readDay(get('completedOn'));
  const newEndRead = readDay(get('newEnd'));
  const commentText = cellText(get('comment')).replace(/\r\n?/g, '\n').trim();

  let invalid = false;
  if (percentRead === 'invalid') {
    // As Excel shows it: 150%, not the 1.5 it keeps.
    const shown = percentShownAsPercent && typeof percentCell === 'number' ? `${Number((percentCell * 100).toFixed(2))}%` : cellText(percentCell);
    warn('percent', m('readBadPercent', { text: shown }));
    invalid = true;
  }
  if (completedRead === 'invalid') {
    warn('completedOn', m('readBadDate', { text: cellText(get('completedOn')) }));
    invalid = true;
  }
  if (newEndRead === 'invalid') {
    warn('newEnd', m('readBadDate', { text: cellText(get('newEnd')) }));
    invalid = true;
  }
  const percent = percentRead === 'invalid' ? null : percentRead;
  const cells_: StatusCells = {
    status: statusText,
    percent,
    comment: commentText,
    completedOn: completedRead === 'invalid' ? null : completedRead,
    newEnd: newEndRead === 'invalid' ? null : newEndRead,
  };
  const changed = key ? changedColumns(key, cells_) : null;
  if (changed && !STATUS_COLUMNS.some((column) => changed[column])) {
    report.unchanged += 1;
    return;
  }
  if (invalid) return;

  const word = statusText ? parseStatusWord(statusText) : null;
  if (statusText && !word) {
    warn('status', m('readBadStatus', { text: statusText }));
    return;
  }
  if (!word && percent === null) {
    warn('status', m('readCleared'));
    return;
  }
  const resolved = resolveStatus(statusText, word, percent, changed);
  report.updates.push({
    sheet,
    row,
    planId: key?.planId ?? null,
    activityId: key?.activityId ?? null,
    code,
    title: title || activityText,
    changed,
    status: resolved.status,
    percent: resolved.percent,
    comment: (!changed || changed.comment) && commentText ? commentText : null,
    completedOn: resolved.status === 'done' ? cells_.completedOn : null,
    newEnd: (!changed || changed.newEnd) && cells_.newEnd ? cells_.newEnd : resolved.newEnd,
    statusText,
  });
}

type Parsed = ReturnType<typeof parseStatusWord>;

function resolveStatus(
  statusText: string,
  word: Parsed,
  percent: number | null,
  changed: Record<StatusColumn, boolean> | null,
): { status: Status; percent: number | null; newEnd: string | null } {
  if (!word) return { ...parseStatusWord(`${percent}%`)!, newEnd: null };
  const percentInText = /\d\s*%/.test(statusText);
  if (changed && changed.status && !changed.percent && !percentInText) {
    if (word.status === 'done') return { status: 'done', percent: 100, newEnd: null };
    if (word.status === 'planned') return { status: 'planned', percent: 0, newEnd: null };
    return { status: word.status, percent: word.percent ?? percent, newEnd: word.newEnd };
  }
  if (percent === null || percentInText) return word;
  const combined = parseStatusWord(`${statusText} ${percent}%`)!;
  return { ...combined, newEnd: combined.newEnd ?? word.newEnd };
}
