/**
 * The layout of the exported report's detail sheet, shared by the writer
 * (app/exports/report-xlsx.server.ts) and the reader of filled-in reports
 * (importers/status-report.ts): the columns, their headers in both languages, and the hidden
 * activity key. Pure, in the domain, so that both the exports and the importers may read it.
 *
 * The key, in the hidden last column, reads `ID-<planId>-<activityId>-<fingerprints>`: five
 * six-hex-digit fingerprints, one per status column (status, percent, report, completion
 * date, new end) of the values as exported. Reading the file back, a column whose value
 * still has its fingerprint was not touched; a row with none touched is skipped, and a
 * report text left as it was is not recorded again.
 */
import type { Lang } from '~/domain/lang';
import { reportSheetWords } from '~/i18n/report-sheet';

export const DETAIL_COLUMNS = [
  'measure',
  'activity',
  'strategic',
  'quickWin',
  'start',
  'end',
  'target',
  'owners',
  'note',
  'status',
  'percent',
  'comment',
  'completedOn',
  'newEnd',
  'key',
] as const;
export type DetailColumn = (typeof DETAIL_COLUMNS)[number];

/** 1-based column number of each column in the detail sheet. */
export const COLUMN_NUMBER = Object.fromEntries(DETAIL_COLUMNS.map((key, index) => [key, index + 1])) as Record<DetailColumn, number>;

/** The status columns a directorate fills in, in order. */
export const STATUS_COLUMNS = ['status', 'percent', 'comment', 'completedOn', 'newEnd'] as const;
export type StatusColumn = (typeof STATUS_COLUMNS)[number];

/** A column's header in the report of that language (the word store's, app/i18n/report-sheet.ts). */
export function columnHeader(column: DetailColumn, lang: Lang): string {
  return reportSheetWords[lang][`col_${column}`];
}

/** The label of the summary sheet's reporting period row ("III тримесечие 2023 (01.07.2023 – 30.09.2023)"): the reader takes the period end from it. */
export function reportPeriodLabel(lang: Lang): string {
  return reportSheetWords[lang].reportPeriod;
}

/** Header texts the reader accepts for each column it needs besides the headers it writes in either language (lower case, spaces collapsed). */
export const HEADER_ALIASES: Partial<Record<DetailColumn, string[]>> = {
  activity: ['дейност', 'дейности', 'activities'],
  status: ['състояние'],
  percent: ['изпълнение (%)', '% изпълнение', 'процент изпълнение', 'progress (%)', '% complete', 'percent'],
  comment: ['коментар', 'comment'],
  completedOn: ['completed on'],
  newEnd: ['нов срок', 'new end'],
  key: [],
};

export type StatusCells = {
  status: string;
  /** 0..100, or null when empty. */
  percent: number | null;
  comment: string;
  completedOn: string | null;
  newEnd: string | null;
};

const KEY = /^ID-(\d{1,10})-(\d{1,12})-([0-9a-f]{30})$/;

export type ActivityKey = { planId: number; activityId: number; fingerprints: Record<StatusColumn, string> };

/** Text compared for "unchanged": whitespace collapsed and trimmed, as Excel and LibreOffice may re-wrap it. */
export function canonicalText(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function canonical(column: StatusColumn, cells: StatusCells): string {
  const value = cells[column];
  if (column === 'percent') return value === null ? '' : String(value);
  if (column === 'status' || column === 'comment') return canonicalText(value as string).toLocaleLowerCase('bg');
  return (value as string | null) ?? '';
}

/** 24 bits of FNV-1a over the column name and its canonical value: a change check, not a secret. */
function fingerprint(column: StatusColumn, cells: StatusCells): string {
  const text = `${column}\u001f${canonical(column, cells)}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return ((hash >>> 8) & 0xffffff).toString(16).padStart(6, '0');
}

export function activityKey(planId: number, activityId: number, cells: StatusCells): string {
  return `ID-${planId}-${activityId}-${STATUS_COLUMNS.map((column) => fingerprint(column, cells)).join('')}`;
}

export function parseActivityKey(text: string): ActivityKey | null {
  const match = KEY.exec(text.trim());
  if (!match) return null;
  const all = match[3]!;
  const fingerprints = Object.fromEntries(STATUS_COLUMNS.map((column, i) => [column, all.slice(i * 6, i * 6 + 6)])) as Record<StatusColumn, string>;
  return { planId: Number(match[1]), activityId: Number(match[2]), fingerprints };
}

/** Which status columns differ from the values the key was made from. */
export function changedColumns(key: ActivityKey, cells: StatusCells): Record<StatusColumn, boolean> {
  return Object.fromEntries(STATUS_COLUMNS.map((column) => [column, fingerprint(column, cells) !== key.fingerprints[column]])) as Record<
    StatusColumn,
    boolean
  >;
}
