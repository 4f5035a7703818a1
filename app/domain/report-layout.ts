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

export const COLUMN_HEADERS: Record<Lang, Record<DetailColumn, string>> = {
  bg: {
    measure: 'Мярка',
    activity: 'Наименование на дейността',
    strategic: 'Стратегически мерки',
    quickWin: 'Бързи победи',
    start: 'Начало (дата)',
    end: 'Край (дата)',
    target: 'Целеви стойности на резултата',
    owners: 'Отговорници и подпомагачи',
    note: 'Забележка',
    status: 'Статус',
    percent: 'Изпълнение %',
    comment: 'Отчет',
    completedOn: 'Дата на изпълнение',
    newEnd: 'Ново крайно време',
    key: 'Ключ',
  },
  en: {
    measure: 'Measure',
    activity: 'Activity',
    strategic: 'Strategic measures',
    quickWin: 'Quick wins',
    start: 'Start (date)',
    end: 'End (date)',
    target: 'Target values',
    owners: 'Responsible and supporting',
    note: 'Note',
    status: 'Status',
    percent: 'Progress %',
    comment: 'Report',
    completedOn: 'Completion date',
    newEnd: 'New deadline',
    key: 'Key',
  },
};

/** The label of the summary sheet's reporting period row ("III тримесечие 2023 (01.07.2023 – 30.09.2023)"): the reader takes the period end from it. */
export const REPORT_PERIOD_LABEL: Record<Lang, string> = { bg: 'Отчетен период', en: 'Reporting period' };

/** Header texts the reader accepts for each column it needs (lower case, spaces collapsed). */
export const HEADER_ALIASES: Partial<Record<DetailColumn, string[]>> = {
  activity: ['наименование на дейността', 'дейност', 'дейности', 'activity', 'activities'],
  status: ['статус', 'състояние', 'status'],
  percent: ['изпълнение %', 'изпълнение (%)', '% изпълнение', 'процент изпълнение', 'progress %', 'progress (%)', '% complete', 'percent'],
  comment: ['отчет', 'коментар', 'report', 'comment'],
  completedOn: ['дата на изпълнение', 'completion date', 'completed on'],
  newEnd: ['ново крайно време', 'нов срок', 'new deadline', 'new end'],
  key: ['ключ', 'key'],
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
