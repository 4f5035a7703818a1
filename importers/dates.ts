import { dayExists, monthSpan } from '../app/domain/dates';
import { importPlanWords as words } from '../app/i18n/import-plan';
import { inBoth } from '../app/i18n/words';
import type { Message } from './import-error';
import type { CellValue } from './types';
import { HALF_WORD, monthNumber, ONGOING, ordinalNumber, QUALIFIERS, QUARTER_WORD, RANGE_SEPARATOR, type Qualifier } from './date-words';
import { isoDay, normaliseSpace } from './text';

export type DateBound = 'start' | 'end';

/** An activity that runs without an end ("текущо", "ежегодно") keeps the words of its cell. */
export type Ongoing = { kind: 'ongoing'; wording: string };

export type DateRead = { kind: 'empty' } | Ongoing | { kind: 'date'; iso: string } | { kind: 'invalid'; reason: Message };

/** What one "Срок" column says: a deadline (start null), a range, or something that never ends. */
export type PeriodRead =
  | { kind: 'empty' }
  | Ongoing
  | { kind: 'range'; start: string | null; end: string | null }
  | { kind: 'invalid'; reason: Message };

type Invalid = { kind: 'invalid'; reason: Message };
/** The first and last day of what a text names (the same day for a date). */
type Span = { kind: 'span'; first: string; last: string };
/** A read text: a span and what its words say of it ("до ..." a deadline, "от ..." a beginning). */
type Dates = Span & { role: 'point' | 'until' | 'from' | 'range' };
type ValueRead = { kind: 'empty' } | Ongoing | Invalid | Dates;

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;
/** Longer text is not a date (the longest real one, "до края на четвъртото тримесечие на 2025 година", is 48). */
const MAX_DATE_CHARS = 120;
/** Only the head of a long cell is looked at, so a 5 MB cell costs no more than a short one. */
const HEAD_CHARS = 1000;
const MAX_WORDING_CHARS = 200;

const NOT_A_DATE = inBoth(words, 'dateNotKnown');
const TOO_LONG = inBoth(words, 'dateTooLong');
const TWO_DIGIT_YEAR = inBoth(words, 'dateTwoDigitYear');
const BEYOND = inBoth(words, 'dateBeyond');

/**
 * Reads a start or end date. A period (month, quarter, half-year, year) gives its first day
 * for a start and its last day for an end; "началото на"/"края на" (start of/end of) pick
 * one day whatever the bound; a range gives its first day for a start, its last for an end.
 * Never guesses: anything else is 'invalid' with the reason.
 */
export function readDate(value: CellValue, bound: DateBound): DateRead {
  const read = readValue(value);
  if (read.kind !== 'span') return read;
  return { kind: 'date', iso: bound === 'start' ? read.first : read.last };
}

/**
 * Reads one column that holds either a deadline or a range ("Срок", "Period"). A range
 * ("2024 - 2025 г.", "от 01.03.2023 до 30.06.2023", "март - юни 2024") gives the first day of
 * its first part and the last day of its last part; a single date or period is a deadline
 * (start null, end its last day), and so is "до ..."/"not later than ..."; "от ..." is a start.
 */
export function readPeriod(value: CellValue): PeriodRead {
  const read = readValue(value);
  if (read.kind !== 'span') return read;
  if (read.role === 'range') return { kind: 'range', start: read.first, end: read.last };
  if (read.role === 'from') return { kind: 'range', start: read.first, end: null };
  return { kind: 'range', start: null, end: read.last };
}

/** Texts read lately: a plan repeats its dates, and each is asked for as a date and as a period. */
const recent = new Map<string, ValueRead>();
const MAX_RECENT = 4096;

function readValue(value: CellValue): ValueRead {
  if (value === null) return { kind: 'empty' };
  if (value instanceof Date) return point(dateSpan(value));
  if (typeof value === 'number') return point(numberSpan(value));
  const known = recent.get(value);
  if (known !== undefined) return known;
  const read = readString(value);
  if (recent.size >= MAX_RECENT) recent.clear();
  if (value.length <= MAX_DATE_CHARS) recent.set(value, read);
  return read;
}

function readString(value: string): ValueRead {
  if (value.trim() === '') return { kind: 'empty' };
  const head = value.length > HEAD_CHARS ? value.slice(0, HEAD_CHARS) : value;
  const text = tidy(head);
  if (ONGOING.test(text)) return ongoing(head);
  if (value.length > MAX_DATE_CHARS) return { kind: 'invalid', reason: TOO_LONG };
  const read = readText(text);
  if (read === 'ongoing') return ongoing(head);
  return read ?? { kind: 'invalid', reason: NOT_A_DATE };
}

function point(read: Span | Invalid): Dates | Invalid {
  return read.kind === 'span' ? { ...read, role: 'point' } : read;
}

function ongoing(text: string): Ongoing {
  const wording = normaliseSpace(text).replace(/[\s.,;:]+$/, '');
  return { kind: 'ongoing', wording: wording.length > MAX_WORDING_CHARS ? `${wording.slice(0, MAX_WORDING_CHARS - 1)}…` : wording };
}

/**
 * Lower case, single spaces, plain hyphens, Latin "i" for a Cyrillic "і" (Roman numerals typed on
 * a Cyrillic keyboard: "ІІ тримесечие"), no "г."/"год." after a year, no "м." before a month, no end punctuation.
 */
function tidy(text: string): string {
  return normaliseSpace(text)
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u0456/g, 'i')
    .replace(/(\d{4}) ?(?:година|год\.?|г\.?)(?![a-zа-я])/g, '$1')
    .replace(/(^| )(?:м\.|мес\.|месец) ?(?=[a-zа-я\d])/g, '$1')
    .replace(/[ .,;:]+$/, '');
}

/** A date, a period, "до"/"от" one of them, or a range of two. */
function readText(text: string): Dates | Invalid | 'ongoing' | null {
  const [qualifier, rest] = leadingQualifier(text);
  const role = qualifier === 'until' || qualifier === 'from' ? qualifier : 'point';
  const body = role === 'point' ? text : rest;
  const years = SHORT_YEARS.exec(body);
  if (years && +years[2]! > +years[1]!.slice(2)) return yearsRange(+years[1]!, +years[1]!.slice(0, 2) * 100 + +years[2]!);
  const one = readPoint(body);
  if (one !== null) return one.kind === 'span' ? { ...one, role } : one;
  return readRange(body);
}

/** The qualifiers with the space after them; all begin with a letter. */
const QUALIFIER_PREFIXES = QUALIFIERS.map(([words, qualifier]) => [`${words} `, qualifier] as const);

function leadingQualifier(text: string): [Qualifier | null, string] {
  if (text.charCodeAt(0) < 0x41) return [null, text]; // a digit or a sign: the common case, "14.03.2022"
  for (const [prefix, qualifier] of QUALIFIER_PREFIXES) {
    if (text.startsWith(prefix)) return [qualifier, text.slice(prefix.length)];
  }
  return [null, text];
}

/** One date or period, maybe with "началото на"/"края на" (its first/last day) or "през" before it. */
function readPoint(text: string): Span | Invalid | null {
  const [qualifier, rest] = leadingQualifier(text);
  if (qualifier === 'until' || qualifier === 'from') return null;
  const span = readSpan(qualifier === null ? text : rest);
  if (span === null || span.kind === 'invalid') return span;
  if (qualifier === 'endOf') return { kind: 'span', first: span.last, last: span.last };
  if (qualifier === 'startOf') return { kind: 'span', first: span.first, last: span.first };
  return span;
}

/**
 * "X - Y", "X до Y", "X/Y" where each end is a point; a first end without its year or month
 * takes them from the second ("март - юни 2024", "Q1-Q2 2024", "14-18.03.2022").
 * "2023 - текущо" is ongoing.
 */
function readRange(text: string): Dates | Invalid | 'ongoing' | null {
  for (const separator of text.matchAll(RANGE_SEPARATOR)) {
    const left = text.slice(0, separator.index).trim();
    const right = text.slice(separator.index + separator[0].length).trim();
    if (left === '' || right === '') continue;
    const last = readPoint(right);
    if (last === null) {
      if (ONGOING.test(right) && readPoint(left)?.kind === 'span') return 'ongoing';
      continue;
    }
    const first = readPoint(left) ?? completed(left, right);
    if (first === null) continue;
    if (first.kind === 'invalid') return first;
    if (last.kind === 'invalid') return last;
    if (first.first > last.last) {
      return { kind: 'invalid', reason: inBoth(words, 'dateRangeReversed', { first: first.first, last: last.last }) };
    }
    return { kind: 'span', first: first.first, last: last.last, role: 'range' };
  }
  return null;
}

/** "2023-24": 2023 to 2024 (24 is no month). */
const SHORT_YEARS = /^(\d{4}) ?- ?(\d{2})$/;

function yearsRange(first: number, last: number): Dates | Invalid {
  const from = periodSpan(first, 1, 1);
  const to = periodSpan(last, 12, 12);
  if (from.kind === 'invalid') return from;
  if (to.kind === 'invalid') return to;
  return { kind: 'span', first: from.first, last: to.last, role: 'range' };
}

/** The first end of a range completed with the tail of the second: "март" + " 2024", "14" + ".03.2022". */
function completed(left: string, right: string): Span | null {
  for (let i = 1; i < right.length; i++) {
    if (!' ./-'.includes(right[i]!)) continue;
    const read = readPoint(left + right.slice(i));
    if (read?.kind === 'span') return read;
  }
  return null;
}

const DAY_MONTH_YEAR = /^(\d{1,2}) ?[./-] ?(\d{1,2}) ?[./-] ?(\d{4})$/;
const SHORT_YEAR = /^\d{1,2} ?[./-] ?\d{1,2} ?[./-] ?\d{2}$/;
const ISO = /^(\d{4})[./-](\d{1,2})[./-](\d{1,2})(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?z?)?$/;
const MONTH_YEAR = /^(\d{1,2}) ?[./-] ?(\d{4})$/;
const YEAR_MONTH = /^(\d{4})[./-](\d{1,2})$/;
const DAY_NAME_YEAR = /^(\d{1,2})(?:-?(?:ви|ри|ти|ми|st|nd|rd|th))?\.? ?([a-zа-я]+)\.? ?,? ?(\d{4})$/;
const NAME_DAY_YEAR = /^([a-zа-я]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/;
const NAME_YEAR = /^([a-zа-я]+)\.?,? ?[./-]? ?(\d{4})$/;
const DAY_ROMAN_MONTH_YEAR = /^(\d{1,2}) ?[./-] ?(xii|xi|ix|x|viii|vii|vi|iv|v|iii|ii|i) ?[./-] ?(\d{4})$/;
const Q_YEAR = /^(?:q ?([1-4])|([1-4]) ?q) ?[./-]? ?(\d{4})$/;
const YEAR_Q = /^(\d{4}) ?[./-]? ?q ?([1-4])$/;
const QUARTER = new RegExp(String.raw`^([^ ]+) ${QUARTER_WORD} ?(?:на |of (?:the )?)?(\d{4})$`);
const QUARTER_N = /^(?:quarter|qtr\.?) ([1-4]) (?:of )?(\d{4})$/;
const H_YEAR = /^h ?([12]) ?[./-]? ?(\d{4})$/;
const YEAR_H = /^(\d{4}) ?[./-]? ?h ?([12])$/;
const HALF = new RegExp(String.raw`^([^ ]+) ${HALF_WORD} ?(?:на |of (?:the )?)?(\d{4})$`);
const YEAR = /^(\d{4})$/;
/** "30.VI.2025": the month in Roman numerals, as some administrations write it. */
const ROMAN_MONTHS = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'];
const SERIAL = /^\d{5}(?:\.\d+)?$/;

/** One date or period without qualifiers; null when the text is none of the forms. */
function readSpan(text: string): Span | Invalid | null {
  let m: RegExpExecArray | null;
  // "03/04/2024" is 3 April: Bulgarian administrations write the day first, never the month.
  if ((m = DAY_MONTH_YEAR.exec(text))) return daySpan(+m[3]!, +m[2]!, +m[1]!);
  if (SHORT_YEAR.test(text)) return { kind: 'invalid', reason: TWO_DIGIT_YEAR };
  if ((m = ISO.exec(text))) return daySpan(+m[1]!, +m[2]!, +m[3]!);
  if ((m = YEAR.exec(text))) return periodSpan(+m[1]!, 1, 12);
  if ((m = MONTH_YEAR.exec(text))) return periodSpan(+m[2]!, +m[1]!, +m[1]!);
  if ((m = YEAR_MONTH.exec(text))) return periodSpan(+m[1]!, +m[2]!, +m[2]!);
  if ((m = DAY_ROMAN_MONTH_YEAR.exec(text))) return daySpan(+m[3]!, ROMAN_MONTHS.indexOf(m[2]!) + 1, +m[1]!);
  if ((m = Q_YEAR.exec(text))) return quarterSpan(+m[3]!, +(m[1] ?? m[2])!);
  if ((m = QUARTER_N.exec(text))) return quarterSpan(+m[2]!, +m[1]!);
  if ((m = YEAR_Q.exec(text))) return quarterSpan(+m[1]!, +m[2]!);
  if ((m = H_YEAR.exec(text))) return halfSpan(+m[2]!, +m[1]!);
  if ((m = YEAR_H.exec(text))) return halfSpan(+m[1]!, +m[2]!);
  if ((m = QUARTER.exec(text))) {
    const quarter = ordinalNumber(m[1]!);
    return quarter === null ? null : quarterSpan(+m[2]!, quarter);
  }
  if ((m = HALF.exec(text))) {
    const half = ordinalNumber(m[1]!);
    return half === null || half > 2 ? null : halfSpan(+m[2]!, half);
  }
  if ((m = DAY_NAME_YEAR.exec(text))) return namedDay(+m[3]!, m[2]!, +m[1]!);
  if ((m = NAME_DAY_YEAR.exec(text))) return namedDay(+m[3]!, m[1]!, +m[2]!);
  if ((m = NAME_YEAR.exec(text))) {
    const month = monthNumber(m[1]!);
    return month === null ? null : periodSpan(+m[2]!, month, month);
  }
  if (SERIAL.test(text)) return numberSpan(Number(text));
  return null;
}

function namedDay(year: number, monthName: string, day: number): Span | Invalid | null {
  const month = monthNumber(monthName);
  return month === null ? null : daySpan(year, month, day);
}

function quarterSpan(year: number, quarter: number): Span | Invalid {
  return periodSpan(year, quarter * 3 - 2, quarter * 3);
}

function halfSpan(year: number, half: number): Span | Invalid {
  return periodSpan(year, half * 6 - 5, half * 6);
}

/** A year typed as a number is that year; any other number is an Excel serial day (1 = 1900-01-01). */
function numberSpan(value: number): Span | Invalid {
  if (Number.isInteger(value) && value >= 1000 && value <= 9999) return periodSpan(value, 1, 12);
  if (!Number.isFinite(value) || Math.abs(value) > 3e6) return { kind: 'invalid', reason: BEYOND };
  return dateSpan(new Date(Date.UTC(1899, 11, 30) + Math.floor(value) * 86_400_000));
}

/** exceljs gives dates at UTC midnight: the UTC day is the day of the cell. */
function dateSpan(date: Date): Span | Invalid {
  if (Number.isNaN(date.getTime())) return { kind: 'invalid', reason: BEYOND };
  return daySpan(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

function periodSpan(year: number, firstMonth: number, lastMonth: number): Span | Invalid {
  const first = daySpan(year, firstMonth, 1);
  if (first.kind === 'invalid') return first;
  return { kind: 'span', first: first.first, last: monthSpan(year, firstMonth, lastMonth - firstMonth + 1).end };
}

function daySpan(year: number, month: number, day: number): Span | Invalid {
  if (month < 1 || month > 12) return { kind: 'invalid', reason: inBoth(words, 'dateNoMonth', { month }) };
  if (!dayExists(year, month, day)) return { kind: 'invalid', reason: inBoth(words, 'dateNoDay') };
  if (year < MIN_YEAR || year > MAX_YEAR) return { kind: 'invalid', reason: inBoth(words, 'dateYearOutside', { year, min: MIN_YEAR, max: MAX_YEAR }) };
  const iso = isoDay(year, month, day);
  return { kind: 'span', first: iso, last: iso };
}
