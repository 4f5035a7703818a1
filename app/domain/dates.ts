/**
 * Calendar dates are ISO strings 'YYYY-MM-DD' (the dates of the plan, "as of" dates);
 * moments are epoch milliseconds (when an update was recorded). Whatever "today" or
 * "the end of that day" means, it means it in Europe/Sofia, summer time included.
 */
import type { Lang } from './lang';

const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type DateParts = { year: number; month: number; day: number };

/** Whether year-month-day names a real calendar day (years 1000-9999). */
function isRealDay(year: number, month: number, day: number): boolean {
  if (![year, month, day].every(Number.isInteger) || year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31);
}

/** 'YYYY-MM-DD' for a real calendar day (years 1000-9999), else null. */
export function toIsoDate(year: number, month: number, day: number): string | null {
  return isRealDay(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : null;
}

/** The parts of an ISO date of a real day, else null (read once: pages format hundreds of dates). */
function parseIsoDate(value: string): DateParts | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isRealDay(parts.year, parts.month, parts.day) ? parts : null;
}

export function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== null;
}

/** Year, month (1-12) and day of an ISO date; throws RangeError on anything else. */
export function isoDateParts(iso: string): DateParts {
  const parts = parseIsoDate(iso);
  if (!parts) throw new RangeError(`Not an ISO date: ${JSON.stringify(iso)}`);
  return parts;
}

/** Calendar days from a to b (b − a): daysBetween('2024-02-28', '2024-03-01') === 2. */
export function daysBetween(a: string, b: string): number {
  return Math.round((utcMidnight(b) - utcMidnight(a)) / DAY_MS);
}

export function addDays(iso: string, n: number): string {
  const date = new Date(utcMidnight(iso) + n * DAY_MS);
  return toIsoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())!;
}

export function todayInSofia(now: Date = new Date()): string {
  return dateOfTimestampInSofia(now.getTime());
}

/** The calendar day in Sofia on which a moment falls. */
export function dateOfTimestampInSofia(ms: number): string {
  const { year, month, day } = wallClockInSofia(ms);
  return toIsoDate(year, month, day)!;
}

/** Epoch ms of 00:00:00.000 of that day in Sofia. */
export function startOfDayInSofia(iso: string): number {
  const wallMidnight = utcMidnight(iso);
  // Midnight never falls in Sofia's DST gap (clocks change at 03:00/04:00), so two lookups
  // settle the offset: the first from a guess, the second from the instant it gives.
  const guess = wallMidnight - sofiaOffsetMs(wallMidnight);
  return wallMidnight - sofiaOffsetMs(guess);
}

/** Epoch ms of the last millisecond (23:59:59.999) of that day in Sofia. */
export function endOfDayInSofia(iso: string): number {
  return startOfDayInSofia(addDays(iso, 1)) - 1;
}

/**
 * '14.03.2022', or '—' for no date. Both languages use the Bulgarian numeric form, as the
 * administrations' own documents do.
 */
export function formatDate(iso: string | null, _lang: Lang): string {
  if (iso === null) return '—';
  const { year, month, day } = isoDateParts(iso);
  return `${pad(day)}.${pad(month)}.${year}`;
}

/** '14.03.2022 13:05', the moment as read on a clock in Sofia. */
export function formatDateTime(ms: number, lang: Lang): string {
  const { year, month, day, hour, minute } = wallClockInSofia(ms);
  return `${formatDate(toIsoDate(year, month, day), lang)} ${pad(hour)}:${pad(minute)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function utcMidnight(iso: string): number {
  const { year, month, day } = isoDateParts(iso);
  return Date.UTC(year, month - 1, day);
}

const sofiaClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Sofia',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

type WallClock = DateParts & { hour: number; minute: number; second: number };

function wallClockFromIntl(ms: number): WallClock {
  const parts = Object.fromEntries(
    sofiaClock.formatToParts(ms).map((part) => [part.type, Number(part.value)]),
  );
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

/** How far Sofia's clock is ahead of UTC at that moment, asked of Intl (slow: a few µs). */
function offsetFromIntl(ms: number): number {
  const clock = wallClockFromIntl(ms);
  const wallMs = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  return wallMs - Math.floor(ms / 1000) * 1000;
}

const HOUR_MS = 60 * 60 * 1000;
/** Sofia's offset by UTC hour (epoch ms / HOUR_MS), when it is the same all through that hour. */
const offsetByHour = new Map<number, number | null>();
const OFFSET_CACHE_LIMIT = 50_000;

/**
 * How far Sofia's clock is ahead of UTC at that moment: 2 h in winter, 3 h in summer. Clocks
 * change on whole UTC hours, so the offset is worked out once per hour and reused; an hour
 * whose start and end disagree (a change within it, as in 1894) asks Intl every time.
 */
function sofiaOffsetMs(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    const first = offsetFromIntl(hour * HOUR_MS);
    offset = first === offsetFromIntl(hour * HOUR_MS + HOUR_MS - 1) ? first : null;
    if (offsetByHour.size >= OFFSET_CACHE_LIMIT) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset ?? offsetFromIntl(ms);
}

function wallClockInSofia(ms: number): WallClock {
  const wall = new Date(ms + sofiaOffsetMs(ms));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}
