/**
 * Statuses of an activity: the single list the database schema and the forms build on,
 * their labels, and how the words of real reports map onto them.
 */
import { commonWords } from '../i18n/common';
import { toIsoDate } from './dates';

export const STATUSES = ['planned', 'in_progress', 'done', 'postponed', 'cancelled'] as const;
export type Status = (typeof STATUSES)[number];

/** Each status's label in both languages, from the word store (status_<status>). */
export const STATUS_LABELS = Object.fromEntries(
  STATUSES.map((status) => [status, { bg: commonWords.bg[`status_${status}`], en: commonWords.en[`status_${status}`] }]),
) as Record<Status, { bg: string; en: string }>;

export function isStatus(value: unknown): value is Status {
  return (STATUSES as readonly unknown[]).includes(value);
}

/**
 * The one rule of a done update: done means 100% and a completion day (the day given, else the
 * day the update reports on). Any other status keeps the percent given and has no completion day.
 */
export function completionOf(
  update: { status: Status; percent: number | null; completedOn: string | null },
  asOf: string,
): { percent: number | null; completedOn: string | null } {
  if (update.status === 'done') return { percent: 100, completedOn: update.completedOn ?? asOf };
  return { percent: update.percent, completedOn: null };
}

export type ParsedStatus = { status: Status; percent: number | null; newEnd: string | null };

/**
 * Phrases looked for as whole words, case-insensitively, anywhere in the text. The groups
 * are tried in this order, so "неизпълнена" is not read as "изпълнена", "не е започнала"
 * not as started, "частично изпълнена" not as done, "в процес на планиране" not as in
 * progress, and "неизпълнена, прехвърлена ... със срок ..." as postponed.
 */
const PHRASES: [StatusWord, string[]][] = [
  ['cancelled', ['отпаднала', 'отпаднало', 'отпадна', 'отменена', 'отменено', 'отменен', 'cancelled', 'canceled']],
  ['postponed', ['отложена', 'отложено', 'отложен', 'прехвърлена', 'прехвърлено', 'прехвърлен', 'postponed', 'deferred']],
  ['not_done', ['неизпълнена', 'неизпълнено', 'неизпълнен', 'не е изпълнена', 'не е изпълнено', 'not done', 'not completed', 'incomplete']],
  ['planned', ['в процес на планиране', 'не е започнала', 'не е започнато', 'не е започнал', 'не са започнали', 'предстои', 'планирана', 'планирано', 'planned', 'not started', 'not yet started']],
  ['in_progress', ['в процес на изпълнение', 'в процеса на изпълнение', 'в процес', 'в изпълнение', 'изпълнява се', 'частично', 'текущо', 'in progress', 'ongoing', 'partially', 'started']],
  ['done', ['изпълнена', 'изпълнено', 'изпълнен', 'изпълнени', 'завършена', 'завършено', 'приключена', 'приключено', 'done', 'completed', 'complete', 'finished']],
];
type StatusWord = Status | 'not_done';

/**
 * Reads the status column of a report: a word, a percentage, or both.
 * - A word gives the status. "Неизпълнена" (not done) is not a status of its own: it is
 *   in progress when a percentage above 0 is given, else planned; either way it turns
 *   overdue by itself once its end date has passed.
 * - A percentage alone gives it too: 0% planned, 100% done, anything between in progress.
 *   Next to a done, in-progress or planned word the number wins, being the more precise
 *   ("изпълнена на 80%" is in progress at 80).
 * - Cancelled and postponed keep any percentage as said. A postponed text with a date
 *   ("прехвърлена за 2023 г. със срок 30.06.2023") gives it as newEnd; a bare year does not.
 * - Done without a number is 100%; other words without a number leave percent null.
 * Returns null when neither a known word nor a percentage is found.
 */
export function parseStatusWord(text: string): ParsedStatus | null {
  const word = readStatusWord(text);
  const percent = readPercent(text);
  if (word === null && percent === null) return null;
  if (word === 'cancelled') return { status: 'cancelled', percent, newEnd: null };
  if (word === 'postponed') return { status: 'postponed', percent, newEnd: readDate(text) };
  if (word === 'not_done') {
    return { status: percent !== null && percent > 0 ? 'in_progress' : 'planned', percent, newEnd: null };
  }
  if (percent !== null) return { status: statusOfPercent(percent), percent, newEnd: null };
  return { status: word!, percent: word === 'done' ? 100 : null, newEnd: null };
}

function readStatusWord(text: string): StatusWord | null {
  const words = text.toLocaleLowerCase('bg').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const padded = ` ${words.join(' ')} `;
  const found = PHRASES.find(([, phrases]) => phrases.some((phrase) => padded.includes(` ${phrase} `)));
  return found ? found[0] : null;
}

function readPercent(text: string): number | null {
  const match = /(?<![\d.,])(\d{1,3}(?:[.,]\d+)?)\s*%/.exec(text);
  if (!match) return null;
  const value = Math.round(Number(match[1].replace(',', '.')));
  return value <= 100 ? value : null;
}

function statusOfPercent(percent: number): Status {
  if (percent === 0) return 'planned';
  return percent === 100 ? 'done' : 'in_progress';
}

/** The first date written as 30.06.2023, 30.6.2023 г. or 2023-06-30. */
function readDate(text: string): string | null {
  const dotted = /(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/.exec(text);
  if (dotted) return toIsoDate(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
  const iso = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/.exec(text);
  return iso ? toIsoDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) : null;
}
