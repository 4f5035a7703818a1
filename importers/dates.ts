import type { Message } from './import-error';
import type { CellValue } from './types';
import { isoDay, normaliseSpace } from './text';

export type DateBound = 'start' | 'end';

export type DateRead =
  | { kind: 'empty' }
  | { kind: 'ongoing' }
  | { kind: 'date'; iso: string }
  | { kind: 'invalid'; reason: Message };

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

const ONGOING = /^(?:текущ|постоян|перманент|ongoing|continuous|permanent)/i;
const PREFIX = /^(?:до|от|by|from|until)\s+/i;
const YEAR_SUFFIX = String.raw`(?:\s*(?:г\.?|год\.?|година))?`;

const DAY_MONTH_YEAR = new RegExp(String.raw`^(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{4})${YEAR_SUFFIX}$`, 'i');
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/;
const MONTH_YEAR = new RegExp(String.raw`^(?:м\.\s*|месец\s+)?([a-zа-я]+)\.?\s+(\d{4})${YEAR_SUFFIX}$`, 'i');
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const QUARTER = new RegExp(
  String.raw`^(iv|i{1,3}|[1-4])\s*(?:-?(?:во|ро|то|ти))?\s*(?:тримесечие|трим\.|кв\.|квартал)\s*(?:на\s+)?(\d{4})${YEAR_SUFFIX}$`,
  'i',
);
const Q_QUARTER = /^q([1-4])\s*(\d{4})$/i;
const HALF = new RegExp(
  String.raw`^(i{1,2}|[12])\s*(?:-?(?:во|ро))?\s*(?:полугодие|шестмесечие)\s*(?:на\s+)?(\d{4})${YEAR_SUFFIX}$`,
  'i',
);
const H_HALF = /^h([12])\s*(\d{4})$/i;
const YEAR = new RegExp(String.raw`^(\d{4})${YEAR_SUFFIX}$`, 'i');
const SERIAL = /^\d{5}$/;

const MONTH_NAMES = [
  ['януари', 'january'],
  ['февруари', 'february'],
  ['март', 'march'],
  ['април', 'april'],
  ['май', 'may'],
  ['юни', 'june'],
  ['юли', 'july'],
  ['август', 'august'],
  ['септември', 'september'],
  ['октомври', 'october'],
  ['ноември', 'november'],
  ['декември', 'december'],
];

/**
 * Reads a start or end date. A period (month, quarter, half-year, year) gives its first day
 * for a start and its last day for an end. Never guesses: anything else is 'invalid'.
 */
export function readDate(value: CellValue, bound: DateBound): DateRead {
  if (value === null) return { kind: 'empty' };
  if (value instanceof Date) return checkedDay(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  if (typeof value === 'number') return readNumber(value, bound);
  const text = normaliseSpace(value).replace(PREFIX, '');
  if (text === '') return { kind: 'empty' };
  if (ONGOING.test(text)) return { kind: 'ongoing' };
  return readText(text, bound) ?? { kind: 'invalid', reason: { en: 'not a date the importer knows', bg: 'не е дата, която приложението разпознава' } };
}

function readNumber(value: number, bound: DateBound): DateRead {
  if (Number.isInteger(value) && value >= 1000 && value <= 9999) return period(value, 1, 12, bound);
  const excelEpoch = Date.UTC(1899, 11, 30);
  const date = new Date(excelEpoch + Math.floor(value) * 86_400_000);
  if (Number.isNaN(date.getTime())) return { kind: 'invalid', reason: { en: 'the number is beyond any date', bg: 'числото е извън всяка дата' } };
  return readDate(date, bound);
}

function readText(text: string, bound: DateBound): DateRead | null {
  let m: RegExpExecArray | null;
  if ((m = DAY_MONTH_YEAR.exec(text))) return checkedDay(+m[3], +m[2], +m[1]);
  if ((m = ISO.exec(text))) return checkedDay(+m[1], +m[2], +m[3]);
  if ((m = QUARTER.exec(text)) || (m = Q_QUARTER.exec(text))) {
    const quarter = ROMAN[m[1].toLowerCase()] ?? +m[1];
    return period(+m[2], quarter * 3 - 2, quarter * 3, bound);
  }
  if ((m = HALF.exec(text)) || (m = H_HALF.exec(text))) {
    const half = ROMAN[m[1].toLowerCase()] ?? +m[1];
    return period(+m[2], half * 6 - 5, half * 6, bound);
  }
  if ((m = YEAR.exec(text))) return period(+m[1], 1, 12, bound);
  if ((m = MONTH_YEAR.exec(text))) {
    const month = monthNumber(m[1]);
    return month === null ? null : period(+m[2], month, month, bound);
  }
  if (SERIAL.test(text)) return readNumber(Number(text), bound);
  return null;
}

/** "март", "Mar", "sept" -> 3, 3, 9; null when the word is not a month. */
function monthNumber(word: string): number | null {
  const lower = word.toLowerCase();
  if (lower.length < 3) return null;
  const index = MONTH_NAMES.findIndex((names) => names.some((name) => name.startsWith(lower)));
  return index === -1 ? null : index + 1;
}

function period(year: number, firstMonth: number, lastMonth: number, bound: DateBound): DateRead {
  if (bound === 'start') return checkedDay(year, firstMonth, 1);
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return checkedDay(year, lastMonth, lastDay);
}

function checkedDay(year: number, month: number, day: number): DateRead {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { kind: 'invalid', reason: { en: 'no such day', bg: 'няма такъв ден' } };
  }
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return {
      kind: 'invalid',
      reason: { en: `year ${year} is outside ${MIN_YEAR}-${MAX_YEAR}`, bg: `годината ${year} е извън ${MIN_YEAR}–${MAX_YEAR}` },
    };
  }
  return { kind: 'date', iso: isoDay(year, month, day) };
}
