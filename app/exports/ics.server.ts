import type { CalendarActivity } from '~/models/calendar.server';
/**
 * iCalendar (RFC 5545) for the calendar feed: all-day events (VALUE=DATE), CRLF line ends,
 * content lines folded at 75 octets without splitting a UTF-8 character, TEXT values
 * escaped (\\ ; , and line breaks), and UID, DTSTAMP, PRODID and VERSION as the RFC
 * requires, so that Outlook, Google Calendar and Apple Calendar subscribe to it.
 */
import { addDays, formatDate } from '~/domain/dates';
import type { Lang } from '~/domain/lang';
import { STATUS_LABELS } from '~/domain/status';
import { translateWith, type MessageKey, type WordKey } from '~/i18n';
import { reportsWords } from '~/i18n/reports';

export const ICS_CONTENT_TYPE = 'text/calendar; charset=utf-8';
export const PRODID = '-//CAF Plan Tracker//План за подобрение//BG';
const MAX_OCTETS = 75;

export type IcsEvent = {
  /** Globally unique and stable across refreshes, so calendars update instead of duplicating. */
  uid: string;
  /** The all-day event's day (ISO). */
  date: string;
  summary: string;
  description?: string | null;
  url?: string | null;
  categories?: string[];
};

export type IcsCalendar = {
  name: string;
  description?: string;
  events: IcsEvent[];
  /** DTSTAMP of every event: when the feed was produced. */
  now: Date;
};

/** Escapes a TEXT value: backslash, semicolon, comma, and any line break as \n. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
}

/**
 * Folds a content line: at most 75 octets per physical line (CRLF excluded), each
 * continuation line starting with one space, never splitting a UTF-8 sequence.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_OCTETS - 1; // the leading space of a continuation line counts
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function icsDate(iso: string): string {
  return iso.replace(/-/g, '');
}

function icsDateTime(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** The feed as text, CRLF after every line (the last included). */
export function buildIcs(calendar: IcsCalendar): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
  ];
  if (calendar.description) lines.push(`X-WR-CALDESC:${escapeText(calendar.description)}`);
  lines.push('REFRESH-INTERVAL;VALUE=DURATION:PT6H', 'X-PUBLISHED-TTL:PT6H');
  const stamp = icsDateTime(calendar.now);
  for (const event of calendar.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(event.date)}`,
      `DTEND;VALUE=DATE:${icsDate(addDays(event.date, 1))}`,
      `SUMMARY:${escapeText(event.summary)}`,
    );
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.url) lines.push(`URL:${event.url}`);
    if (event.categories?.length) lines.push(`CATEGORIES:${event.categories.map(escapeText).join(',')}`);
    lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/**
 * The feed of a user's activities: an all-day event on each start date and on each
 * (current) deadline; ongoing activities have no deadline. Done and cancelled activities
 * keep their deadline (marked with the status) but lose the start reminder. UIDs and links
 * are made from the app's public address (APP_URL), never from the address a request came
 * to: behind a proxy, or at a second address, the feed stays the same feed (a calendar that
 * saw other UIDs would show every event twice) and its links lead to the public address.
 */
export function activitiesIcs(
  activities: CalendarActivity[],
  options: { lang: Lang; appUrl: string; now: Date; userName?: string },
): string {
  const w = (key: WordKey<typeof reportsWords> | MessageKey) => translateWith(options.lang, reportsWords, key);
  const t = {
    calendar: w('expCalendarName'),
    description: w('expCalendarDescription'),
    start: w('trStart'),
    deadline: w('repDeadline'),
    plan: w('repPlan'),
    measure: w('trMeasure'),
    owners: w('owners'),
    status: w('status'),
    baseline: w('expCalendarBaseline'),
    overdue: w('expCalendarOverdue'),
  };
  const host = new URL(options.appUrl).hostname || 'localhost';
  const events: IcsEvent[] = [];
  for (const a of activities) {
    const closed = a.status === 'done' || a.status === 'cancelled';
    const label = `${a.code} ${a.title}`;
    const description = [
      `${t.plan}: ${a.planTitle}`,
      `${t.measure}: ${a.measureCode} ${a.measureTitle}`,
      a.owners ? `${t.owners}: ${a.owners}` : null,
      `${t.status}: ${STATUS_LABELS[a.status][options.lang]}${a.status === 'done' || a.status === 'cancelled' ? '' : ` (${a.percent}%)`}`,
      a.baselineEnd && a.end !== a.baselineEnd ? `${t.baseline}: ${formatDate(a.baselineEnd, options.lang)}` : null,
    ]
      .filter(Boolean)
      .join('\n');
    const url = `${options.appUrl}/activities/${a.id}`;
    if (a.start && !closed) {
      events.push({ uid: `activity-${a.id}-start@${host}`, date: a.start, summary: `${t.start}: ${label}`, description, url });
    }
    if (a.end && !a.ongoing) {
      const mark = closed ? ` (${STATUS_LABELS[a.status][options.lang]})` : a.overdue ? ` — ${t.overdue}` : '';
      events.push({ uid: `activity-${a.id}-end@${host}`, date: a.end, summary: `${t.deadline}: ${label}${mark}`, description, url });
    }
  }
  return buildIcs({
    name: options.userName ? `${t.calendar} (${options.userName})` : t.calendar,
    description: t.description,
    events,
    now: options.now,
  });
}
