/**
 * CSV as Bulgarian Excel opens it with a double click: UTF-8 with a byte-order mark (else
 * Excel reads Windows-1251), ';' between fields (the list separator of the Bulgarian
 * locale), CRLF line ends, every field quoted.
 *
 * Formula injection: a text field starting with = + - @, a tab or a carriage return is
 * prefixed with a single quote, so no spreadsheet runs it as a formula (OWASP's advice).
 * Numbers are written as numbers (with a decimal comma) and are never prefixed.
 *
 * Activity codes ("1.1.1", "2.10") are dates or numbers to a spreadsheet in the Bulgarian
 * locale ("1.1.1" becomes 01.01.2001), so they are written as a text formula, ="1.1.1": Excel
 * evaluates it to the text 1.1.1, and so does LibreOffice's CSV filter (its "Evaluate formulas"
 * option; with it unticked the cell shows ="1.1.1", still text, never a date). A leading
 * apostrophe is not honoured in CSV (it stays visible), and an invisible leading character
 * would stay in the cell's value. The plan importer reads ="..." back as its text.
 */
import { formatDate } from '~/domain/dates';
import type { Lang } from '~/domain/lang';
import { STATUS_LABELS, type Status } from '~/domain/status';
import { translateWith, type MessageKey, type WordKey } from '~/i18n';
import { reportsWords } from '~/i18n/reports';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
const BOM = '\uFEFF';
const SEPARATOR = ';';
const EOL = '\r\n';

/** Text a spreadsheet must keep as text, not read as a number or date (see above). */
export type CsvText = { text: string };
export type CsvValue = string | number | null | undefined | CsvText;

/** Digits and separators: what a spreadsheet reads as a number or a date in some locale. */
const NUMBER_OR_DATE_LIKE = /^[\d.,/:-]{1,200}$/;

function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** One field, quoted; formula-like text neutralised with a leading quote. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '""';
  if (typeof value === 'number') return `"${Number.isFinite(value) ? String(value).replace('.', ',') : ''}"`;
  if (typeof value === 'object') return NUMBER_OR_DATE_LIKE.test(value.text) ? quoted(`="${value.text}"`) : csvField(value.text);
  return quoted(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
}

/** The whole file: BOM, header and rows, CRLF after every record. */
export function toCsv(header: string[], rows: CsvValue[][]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(SEPARATOR));
  return BOM + lines.join(EOL) + EOL;
}

/** The fields of an activity row the CSV of a plan view lists (a subset of ActivityRow). */
export type CsvActivity = {
  areaCode: string;
  areaTitle: string;
  measureCode: string;
  measureTitle: string;
  code: string;
  title: string;
  start: string | null;
  baselineEnd: string | null;
  end: string | null;
  ongoing: boolean;
  target: string | null;
  owners: { name: string }[];
  status: Status;
  percent: number;
  overdue: boolean;
  dueThisQuarter: boolean;
  lateStart: boolean;
  lastComment: string | null;
  lastUpdateAt: number | null;
};

/** The CSV of a plan view: one record per activity, in the order given. */
export function activitiesCsv(activities: CsvActivity[], lang: Lang, asOf: string): string {
  const w = (key: WordKey<typeof reportsWords> | MessageKey) => translateWith(lang, reportsWords, key);
  const ongoing = w('repOngoing');
  const header = [
    w('repArea'),
    w('trMeasure'),
    w('trCode'),
    w('repActivity'),
    w('trStart'),
    w('expBaselineEnd'),
    w('expCurrentEnd'),
    w('expTarget'),
    w('expOwners'),
    w('status'),
    w('repPercent'),
    `${w('repAsOf')} ${formatDate(asOf, lang)}`,
    w('expLastComment'),
  ];
  const states = { overdue: w('expStateOverdue'), due: w('expStateDue'), lateStart: w('expStateLateStart') };
  const rows = activities.map((a) => [
    `${a.areaCode}. ${a.areaTitle}`,
    `${a.measureCode}. ${a.measureTitle}`,
    { text: a.code },
    a.title,
    a.start ? formatDate(a.start, lang) : a.ongoing ? ongoing : '',
    a.baselineEnd ? formatDate(a.baselineEnd, lang) : a.ongoing ? ongoing : '',
    a.end ? formatDate(a.end, lang) : a.ongoing ? ongoing : '',
    a.target,
    a.owners.map((o) => o.name).join(', '),
    STATUS_LABELS[a.status][lang],
    a.percent,
    [a.overdue ? states.overdue : null, a.dueThisQuarter ? states.due : null, a.lateStart ? states.lateStart : null].filter(Boolean).join(', '),
    a.lastComment,
  ]);
  return toCsv(header, rows);
}
