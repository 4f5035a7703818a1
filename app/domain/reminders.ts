/**
 * Reminders and weekly digests: which messages a run as of a calendar day produces, their
 * idempotency keys, and their text. Pure: the caller loads the activities' state as of the
 * day (app/models/notification.server.ts) and records what comes out.
 *
 * Rules (a run "as of D", D a day in Europe/Sofia):
 * - Who is reminded of an activity: the users linked (user_owners) to one of its owners who
 *   are directorate heads (role 'head'). When no head is linked to any of its owners, the
 *   other linked users are (a secretary or an administrator named as the owner), never
 *   viewers. Disabled accounts are never reminded. A user who switched reminders off gets
 *   nothing, and nobody gets their share instead.
 * - Start: N days before the start (N = the organization's reminderDaysBeforeStart, 14 by
 *   default), while the activity is still 'planned' and the start is today or later.
 * - End: N days before the end (reminderDaysBeforeEnd, 7 by default), while the activity is
 *   neither done nor cancelled and the end is today or later. N = 0 switches that reminder
 *   off for the organization. Ongoing activities (no fixed end) get neither.
 * - Overdue: on the day an activity becomes overdue (the day after its end) and then every
 *   7 days while it stays overdue (end + 1, + 8, + 15 ...). A run sends the latest of these
 *   that has come, so after a pause it sends one, not a backlog. Rescheduling gives the new
 *   end its own series (the end date is part of the key).
 * - A plan closed on D or before (plans.closed_on) sends nothing more: its activities get no
 *   reminders and are left out of the digests, its updates too.
 * - Weekly digest on Mondays, keyed by ISO week. For each head, their activities that are
 *   overdue, due within 30 days, or without an update for 90 days (counted from the start
 *   when never updated; ongoing ones included; those already listed as overdue or due soon
 *   are not repeated). For each secretary (role 'secretary' only: administrators run the
 *   system, they do not follow the plan), the whole plan: the overdue activities by owner
 *   and the status updates recorded in the week before that Monday. A digest with nothing
 *   in it is not sent.
 * - Missed days (the process was down, cron skipped a day): a reminder whose day fell within
 *   the last 7 days (D − 7 … D) still goes out once, judged by the state as of D; older ones
 *   are dropped. So a Monday digest missed on Monday goes out with the first run that week.
 * - Each message has a key (notifications.key, unique): a re-run, a restart or a concurrent
 *   run never records the same reminder twice.
 * - Sending: failures are retried with exponential backoff (10 min, 40 min, 2 h 40 min,
 *   10 h 40 min) and given up as 'failed' after 5 attempts.
 */
import { addDays, dateOfTimestampInSofia, daysBetween, formatDate, formatDateTime, isoDateParts, startOfDayInSofia, toIsoDate } from './dates';
import { NOUNS, plural, type Lang } from './lang';
import type { Role } from './permissions';
import { STATUS_LABELS, type Status } from './status';

/** How far back a run still sends a reminder whose day it missed. */
export const CATCH_UP_DAYS = 7;
export const OVERDUE_REPEAT_DAYS = 7;
export const DIGEST_DUE_SOON_DAYS = 30;
export const DIGEST_STALE_DAYS = 90;
/** Lines per list in a digest; the rest is summed up with a link. */
export const DIGEST_LIST_LIMIT = 40;
export const MAX_DELIVERY_ATTEMPTS = 5;
export const RETRY_BASE_MS = 10 * 60 * 1000;
export const DEFAULT_DAYS_BEFORE_START = 14;
export const DEFAULT_DAYS_BEFORE_END = 7;
export const MAX_DAYS_BEFORE = 365;

export const REMINDER_KINDS = ['start', 'end', 'overdue', 'digest_head', 'digest_secretary'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export type ReminderUser = {
  id: number;
  name: string;
  email: string;
  role: Role;
  language: Lang;
  remindersEnabled: boolean;
  ownerIds: number[];
};

export type ReminderActivity = {
  id: number;
  planId: number;
  planTitle: string;
  code: string;
  title: string;
  start: string | null;
  /** The current end (after reschedules) as of the run day. */
  end: string | null;
  ongoing: boolean;
  status: Status;
  percent: number;
  overdue: boolean;
  /** Epoch ms of the latest status update recorded by then; null when never updated. */
  lastUpdateAt: number | null;
  owners: { id: number; name: string }[];
  daysBeforeStart: number;
  daysBeforeEnd: number;
};

export type WeekUpdate = {
  activityId: number;
  code: string;
  title: string;
  status: Status;
  percent: number | null;
  userName: string | null;
  at: number;
};

export type ReminderInput = {
  asOf: string;
  activities: ReminderActivity[];
  /** Active (not disabled) accounts; those with reminders off are left out of the result. */
  users: ReminderUser[];
  /** Status updates recorded within digestWindow(asOf). */
  weekUpdates: WeekUpdate[];
};

type Base = { key: string; userId: number; dueOn: string };
export type ActivityReminder = Base & {
  kind: 'start' | 'end' | 'overdue';
  activity: ReminderActivity;
  /** For overdue: 0 on the day it became overdue, then 1, 2 ... per week. */
  repeat: number;
};
export type HeadDigest = Base & {
  kind: 'digest_head';
  week: string;
  overdue: ReminderActivity[];
  dueSoon: ReminderActivity[];
  stale: ReminderActivity[];
};
export type SecretaryDigest = Base & {
  kind: 'digest_secretary';
  week: string;
  overdue: ReminderActivity[];
  byOwner: { owner: string; count: number }[];
  updates: WeekUpdate[];
};
export type Reminder = ActivityReminder | HeadDigest | SecretaryDigest;

const OPEN = (status: Status) => status !== 'done' && status !== 'cancelled';

/** The first day (D − CATCH_UP_DAYS) whose reminders a run as of D still sends. */
export function catchUpFrom(asOf: string): string {
  return addDays(asOf, -CATCH_UP_DAYS);
}

function inWindow(day: string, asOf: string): boolean {
  return day >= catchUpFrom(asOf) && day <= asOf;
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(iso: string): number {
  const { year, month, day } = isoDateParts(iso);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

export function mondayOf(iso: string): string {
  return addDays(iso, 1 - isoWeekday(iso));
}

/** ISO 8601 week, e.g. '2023-W10' for 2023-03-06; 2021-01-03 is '2020-W53'. */
export function isoWeek(iso: string): string {
  const thursday = addDays(mondayOf(iso), 3);
  const year = isoDateParts(thursday).year;
  const week = Math.floor(daysBetween(toIsoDate(year, 1, 1)!, thursday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The week a digest reports on: [Monday − 7 days 00:00, Monday 00:00) in Sofia, Monday of asOf's week. */
export function digestWindow(asOf: string): { monday: string; from: number; to: number } {
  const monday = mondayOf(asOf);
  return { monday, from: startOfDayInSofia(addDays(monday, -7)), to: startOfDayInSofia(monday) };
}

/**
 * Who is reminded of an activity, before the reminders-off filter: linked heads, else the
 * other linked users except viewers.
 */
export function recipientsOf(activity: Pick<ReminderActivity, 'owners'>, users: ReminderUser[]): ReminderUser[] {
  const ownerIds = new Set(activity.owners.map((o) => o.id));
  const linked = users.filter((u) => u.role !== 'viewer' && u.ownerIds.some((id) => ownerIds.has(id)));
  const heads = linked.filter((u) => u.role === 'head');
  return heads.length > 0 ? heads : linked;
}

/** The reminders of one activity as of a day, for any one recipient (keys without the user). */
function activityReminders(a: ReminderActivity, asOf: string): { kind: ActivityReminder['kind']; dueOn: string; key: string; repeat: number }[] {
  if (a.ongoing) return [];
  const found: { kind: ActivityReminder['kind']; dueOn: string; key: string; repeat: number }[] = [];
  if (a.start && a.daysBeforeStart > 0 && a.status === 'planned' && a.start >= asOf) {
    const dueOn = addDays(a.start, -a.daysBeforeStart);
    if (inWindow(dueOn, asOf)) found.push({ kind: 'start', dueOn, key: `start:a${a.id}:${a.start}`, repeat: 0 });
  }
  if (a.end && a.daysBeforeEnd > 0 && OPEN(a.status) && a.end >= asOf) {
    const dueOn = addDays(a.end, -a.daysBeforeEnd);
    if (inWindow(dueOn, asOf)) found.push({ kind: 'end', dueOn, key: `end:a${a.id}:${a.end}`, repeat: 0 });
  }
  if (a.end && a.overdue) {
    const firstDay = addDays(a.end, 1);
    const repeat = Math.floor(daysBetween(firstDay, asOf) / OVERDUE_REPEAT_DAYS);
    if (repeat >= 0) {
      const dueOn = addDays(firstDay, repeat * OVERDUE_REPEAT_DAYS);
      found.push({ kind: 'overdue', dueOn, key: `overdue:a${a.id}:${a.end}:${repeat}`, repeat });
    }
  }
  return found;
}

const byEnd = (a: ReminderActivity, b: ReminderActivity) =>
  (a.end ?? '9999').localeCompare(b.end ?? '9999') || a.code.localeCompare(b.code, 'bg', { numeric: true });

/** Every reminder and digest that a run as of input.asOf should have recorded. */
export function planReminders(input: ReminderInput): Reminder[] {
  const { asOf, activities, users } = input;
  const enabled = (u: ReminderUser) => u.remindersEnabled;
  const out: Reminder[] = [];

  for (const activity of activities) {
    const due = activityReminders(activity, asOf);
    if (due.length === 0) continue;
    for (const user of recipientsOf(activity, users).filter(enabled)) {
      for (const r of due) {
        out.push({ kind: r.kind, key: `${r.key}:u${user.id}`, userId: user.id, dueOn: r.dueOn, activity, repeat: r.repeat });
      }
    }
  }

  const { monday } = digestWindow(asOf);
  if (!inWindow(monday, asOf)) return out;
  const week = isoWeek(monday);

  const staleBefore = startOfDayInSofia(addDays(asOf, -DIGEST_STALE_DAYS));
  const dueSoonUntil = addDays(asOf, DIGEST_DUE_SOON_DAYS);
  for (const head of users.filter((u) => u.role === 'head' && enabled(u))) {
    const mine = activities.filter((a) => a.owners.some((o) => head.ownerIds.includes(o.id)));
    const overdue = mine.filter((a) => a.overdue).sort(byEnd);
    const dueSoon = mine
      .filter((a) => !a.overdue && !a.ongoing && OPEN(a.status) && a.end !== null && a.end >= asOf && a.end <= dueSoonUntil)
      .sort(byEnd);
    const listed = new Set([...overdue, ...dueSoon]);
    const stale = mine
      .filter(
        (a) =>
          !listed.has(a) &&
          OPEN(a.status) &&
          (a.ongoing || (a.start !== null && a.start <= asOf)) &&
          // The last update, or the start when there is none, is more than 90 days back.
          (a.lastUpdateAt ?? (a.start ? startOfDayInSofia(a.start) : -Infinity)) < staleBefore,
      )
      .sort(byEnd);
    if (overdue.length + dueSoon.length + stale.length === 0) continue;
    out.push({ kind: 'digest_head', key: `digest-head:${week}:u${head.id}`, userId: head.id, dueOn: monday, week, overdue, dueSoon, stale });
  }

  const allOverdue = activities.filter((a) => a.overdue).sort(byEnd);
  const counts = new Map<string, number>();
  for (const a of allOverdue) for (const o of a.owners) counts.set(o.name, (counts.get(o.name) ?? 0) + 1);
  const byOwner = [...counts]
    .map(([owner, count]) => ({ owner, count }))
    .sort((a, b) => b.count - a.count || a.owner.localeCompare(b.owner, 'bg'));
  const updates = [...input.weekUpdates].sort((a, b) => a.at - b.at);
  if (allOverdue.length + updates.length > 0) {
    for (const secretary of users.filter((u) => u.role === 'secretary' && enabled(u))) {
      out.push({
        kind: 'digest_secretary',
        key: `digest-secretary:${week}:u${secretary.id}`,
        userId: secretary.id,
        dueOn: monday,
        week,
        overdue: allOverdue,
        byOwner,
        updates,
      });
    }
  }
  return out;
}

/** Milliseconds to wait after the given (1-based) failed attempt: 10 min × 4^(attempt − 1). */
export function retryDelayMs(attempts: number): number {
  return RETRY_BASE_MS * 4 ** Math.max(0, attempts - 1);
}

/** What becomes of a message after a failed attempt. */
export function afterFailure(attempts: number, now: number): { delivery: 'pending' | 'failed'; nextAttemptAt: number | null } {
  return attempts >= MAX_DELIVERY_ATTEMPTS
    ? { delivery: 'failed', nextAttemptAt: null }
    : { delivery: 'pending', nextAttemptAt: now + retryDelayMs(attempts) };
}

/**
 * The next moment at or after `now` when a Sofia wall clock reads HH:MM. On the day summer
 * time starts a time inside the skipped hour runs an hour later.
 */
export function nextRunAt(now: number, at: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(at);
  if (!match) throw new RangeError(`Not a time HH:MM: ${JSON.stringify(at)}`);
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  let day = dateOfTimestampInSofia(now);
  for (let i = 0; i < 3; i += 1, day = addDays(day, 1)) {
    const candidate = sofiaWallTime(day, minutes);
    if (candidate >= now) return candidate;
  }
  throw new Error('unreachable');
}

function sofiaWallTime(day: string, minutes: number): number {
  let guess = startOfDayInSofia(day) + minutes * 60_000;
  // Across a clock change the offset at midnight differs from the one at that time: correct once.
  const shown = formatDateTime(guess, 'bg');
  const shownMinutes = Number(shown.slice(11, 13)) * 60 + Number(shown.slice(14, 16));
  const shownDay = shown.slice(0, 10).split('.').reverse().join('-');
  const drift = (daysBetween(day, shownDay) * 24 * 60 + shownMinutes - minutes) * 60_000;
  guess -= drift;
  return guess;
}

// --- messages -------------------------------------------------------------------------------

export type ComposedMessage = { subject: string; text: string; /** App path, e.g. /activities/12. */ link: string };

type Texts = {
  hello: string;
  startSubject: string;
  startBody: string;
  endSubject: string;
  endBody: string;
  overdueSubject: string;
  overdueBody: string;
  stillOverdueSubject: string;
  stillOverdueBody: string;
  statusLine: string;
  owners: string;
  open: string;
  headDigestSubject: string;
  headDigestIntro: string;
  secretaryDigestSubject: string;
  secretaryDigestIntro: string;
  overdueList: string;
  dueSoonList: string;
  staleList: string;
  byOwner: string;
  updatesList: string;
  noUpdates: string;
  overdueLine: string;
  dueLine: string;
  staleLine: string;
  neverUpdated: string;
  more: string;
  openAll: string;
  footer: string;
};

const TEXTS: Record<Lang, Texts> = {
  bg: {
    hello: 'Здравейте, {name},',
    startSubject: 'Напомняне: дейност {code} започва на {date}',
    startBody: 'Дейност {code} „{title}“ от „{plan}“ започва на {date} (след {days}).',
    endSubject: 'Напомняне: срокът на дейност {code} е {date}',
    endBody: 'Срокът на дейност {code} „{title}“ от „{plan}“ изтича на {date} (след {days}). Отбележете напредъка.',
    overdueSubject: 'Просрочена дейност {code}: срокът изтече на {date}',
    overdueBody: 'Срокът на дейност {code} „{title}“ от „{plan}“ изтече на {date}, а тя не е отчетена като изпълнена. Отчетете изпълнението или поискайте нов срок.',
    stillOverdueSubject: 'Все още просрочена: дейност {code} (с {days})',
    stillOverdueBody: 'Дейност {code} „{title}“ от „{plan}“ е просрочена с {days} (срок {date}). Отчетете изпълнението или поискайте нов срок.',
    statusLine: 'Текущ статус: {status}, {percent}%.',
    owners: 'Отговорници: {owners}.',
    open: 'Отворете дейността: {url}',
    headDigestSubject: 'Седмичен преглед ({week}): просрочени — {overdue}, със срок до 30 дни — {dueSoon}',
    headDigestIntro: 'Вашите дейности към {date}:',
    secretaryDigestSubject: 'Седмичен преглед на плана ({week}): просрочени — {overdue}, отчети през седмицата — {updates}',
    secretaryDigestIntro: 'Състояние на плана към {date}:',
    overdueList: 'Просрочени ({count}):',
    dueSoonList: 'Със срок в следващите 30 дни ({count}):',
    staleList: 'Без отчет през последните 90 дни ({count}):',
    byOwner: 'Просрочени по отговорници:',
    updatesList: 'Отчети от {from} до {to} ({count}):',
    noUpdates: 'Няма отчети от {from} до {to}.',
    overdueLine: '{code} {title} — срок {date}, просрочена с {days}',
    dueLine: '{code} {title} — срок {date} ({status}, {percent}%)',
    staleLine: '{code} {title} — последен отчет: {last}',
    neverUpdated: 'няма',
    more: '… и още {count}',
    openAll: 'Всички: {url}',
    footer: 'Това е автоматично напомняне от „План за подобрение“. Можете да изключите напомнянията от {url}',
  },
  en: {
    hello: 'Hello {name},',
    startSubject: 'Reminder: activity {code} starts on {date}',
    startBody: 'Activity {code} "{title}" of "{plan}" starts on {date} (in {days}).',
    endSubject: 'Reminder: activity {code} is due on {date}',
    endBody: 'Activity {code} "{title}" of "{plan}" is due on {date} (in {days}). Please record its progress.',
    overdueSubject: 'Overdue activity {code}: it was due on {date}',
    overdueBody: 'Activity {code} "{title}" of "{plan}" was due on {date} and is not reported as done. Record its progress or ask for a new end date.',
    stillOverdueSubject: 'Still overdue: activity {code} ({days})',
    stillOverdueBody: 'Activity {code} "{title}" of "{plan}" is {days} overdue (due {date}). Record its progress or ask for a new end date.',
    statusLine: 'Current status: {status}, {percent}%.',
    owners: 'Owners: {owners}.',
    open: 'Open the activity: {url}',
    headDigestSubject: 'Weekly summary ({week}): overdue — {overdue}, due within 30 days — {dueSoon}',
    headDigestIntro: 'Your activities as of {date}:',
    secretaryDigestSubject: 'Weekly plan summary ({week}): overdue — {overdue}, updates last week — {updates}',
    secretaryDigestIntro: 'The plan as of {date}:',
    overdueList: 'Overdue ({count}):',
    dueSoonList: 'Due within the next 30 days ({count}):',
    staleList: 'Not updated in the last 90 days ({count}):',
    byOwner: 'Overdue by owner:',
    updatesList: 'Updates from {from} to {to} ({count}):',
    noUpdates: 'No updates from {from} to {to}.',
    overdueLine: '{code} {title} — due {date}, {days} overdue',
    dueLine: '{code} {title} — due {date} ({status}, {percent}%)',
    staleLine: '{code} {title} — last update: {last}',
    neverUpdated: 'none',
    more: '… and {count} more',
    openAll: 'All of them: {url}',
    footer: 'This is an automatic reminder from "Improvement plan". You can switch reminders off at {url}',
  },
};

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function activityPath(activityId: number): string {
  return `/activities/${activityId}`;
}

/** Subject, plain text and in-app link of a reminder, in the recipient's language. */
export function composeMessage(reminder: Reminder, user: Pick<ReminderUser, 'name' | 'language'>, asOf: string, appUrl: string): ComposedMessage {
  const lang = user.language;
  const t = TEXTS[lang];
  const base = appUrl.replace(/\/+$/, '');
  const url = (path: string) => `${base}${path}`;
  const days = (n: number) => plural(n, lang, NOUNS.day);
  const date = (iso: string | null) => formatDate(iso, lang);
  const lines: string[] = [fill(t.hello, { name: user.name }), ''];
  const footer = ['', '—', fill(t.footer, { url: url('/settings') })];

  if (reminder.kind === 'start' || reminder.kind === 'end' || reminder.kind === 'overdue') {
    const a = reminder.activity;
    const params = { code: a.code, title: a.title, plan: a.planTitle };
    let subject: string;
    let body: string;
    if (reminder.kind === 'start') {
      subject = fill(t.startSubject, { ...params, date: date(a.start) });
      body = fill(t.startBody, { ...params, date: date(a.start), days: days(daysBetween(asOf, a.start!)) });
    } else if (reminder.kind === 'end') {
      subject = fill(t.endSubject, { ...params, date: date(a.end) });
      body = fill(t.endBody, { ...params, date: date(a.end), days: days(daysBetween(asOf, a.end!)) });
    } else if (reminder.repeat === 0) {
      subject = fill(t.overdueSubject, { ...params, date: date(a.end) });
      body = fill(t.overdueBody, { ...params, date: date(a.end) });
    } else {
      const late = days(daysBetween(a.end!, asOf));
      subject = fill(t.stillOverdueSubject, { ...params, days: late });
      body = fill(t.stillOverdueBody, { ...params, days: late, date: date(a.end) });
    }
    lines.push(body, '', fill(t.statusLine, { status: STATUS_LABELS[a.status][lang], percent: a.percent }));
    lines.push(fill(t.owners, { owners: a.owners.map((o) => o.name).join(', ') }), '', fill(t.open, { url: url(activityPath(a.id)) }));
    return { subject, text: [...lines, ...footer].join('\n'), link: activityPath(a.id) };
  }

  const list = (title: string, items: string[][]) => {
    lines.push('', title);
    for (const [line, link] of items.slice(0, DIGEST_LIST_LIMIT)) lines.push(`• ${line}`, `  ${link}`);
    if (items.length > DIGEST_LIST_LIMIT) lines.push(fill(t.more, { count: items.length - DIGEST_LIST_LIMIT }));
  };
  const overdueItems = (items: ReminderActivity[]) =>
    items.map((a) => [fill(t.overdueLine, { code: a.code, title: a.title, date: date(a.end), days: days(daysBetween(a.end!, asOf)) }), url(activityPath(a.id))]);

  if (reminder.kind === 'digest_head') {
    const subject = fill(t.headDigestSubject, { week: reminder.week, overdue: reminder.overdue.length, dueSoon: reminder.dueSoon.length });
    lines.push(fill(t.headDigestIntro, { date: date(asOf) }));
    if (reminder.overdue.length) list(fill(t.overdueList, { count: reminder.overdue.length }), overdueItems(reminder.overdue));
    if (reminder.dueSoon.length) {
      list(
        fill(t.dueSoonList, { count: reminder.dueSoon.length }),
        reminder.dueSoon.map((a) => [
          fill(t.dueLine, { code: a.code, title: a.title, date: date(a.end), status: STATUS_LABELS[a.status][lang], percent: a.percent }),
          url(activityPath(a.id)),
        ]),
      );
    }
    if (reminder.stale.length) {
      list(
        fill(t.staleList, { count: reminder.stale.length }),
        reminder.stale.map((a) => [
          fill(t.staleLine, { code: a.code, title: a.title, last: a.lastUpdateAt === null ? t.neverUpdated : formatDateTime(a.lastUpdateAt, lang).slice(0, 10) }),
          url(activityPath(a.id)),
        ]),
      );
    }
    lines.push('', fill(t.openAll, { url: url('/my') }));
    return { subject, text: [...lines, ...footer].join('\n'), link: '/my' };
  }

  if (reminder.kind !== 'digest_secretary') throw new Error(`Unknown reminder kind`);
  const window = digestWindow(asOf);
  const from = formatDate(addDays(window.monday, -7), lang);
  const to = formatDate(addDays(window.monday, -1), lang);
  const subject = fill(t.secretaryDigestSubject, {
    week: reminder.week,
    overdue: reminder.overdue.length,
    updates: reminder.updates.length,
  });
  lines.push(fill(t.secretaryDigestIntro, { date: date(asOf) }));
  if (reminder.overdue.length) {
    lines.push('', t.byOwner);
    for (const { owner, count } of reminder.byOwner) lines.push(`• ${owner}: ${count}`);
    list(fill(t.overdueList, { count: reminder.overdue.length }), overdueItems(reminder.overdue));
  }
  if (reminder.updates.length) {
    list(
      fill(t.updatesList, { from, to, count: reminder.updates.length }),
      reminder.updates.map((u) => [
        `${formatDateTime(u.at, lang)} ${u.code} ${u.title} — ${STATUS_LABELS[u.status][lang]}${u.percent === null ? '' : `, ${u.percent}%`}${u.userName ? ` (${u.userName})` : ''}`,
        url(activityPath(u.activityId)),
      ]),
    );
  } else {
    lines.push('', fill(t.noUpdates, { from, to }));
  }
  lines.push('', fill(t.openAll, { url: url('/dashboard') }));
  return { subject, text: [...lines, ...footer].join('\n'), link: '/dashboard' };
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * The HTML part of an e-mail from its plain text: everything escaped, http(s) links made
 * clickable, blank lines as paragraphs, other line breaks kept.
 */
export function textToHtml(text: string, lang: Lang): string {
  const paragraphs = text.split(/\n{2,}/).map((block) => {
    const html = escapeHtml(block)
      .replace(/https?:\/\/[^\s<>"']+/g, (href) => `<a href="${href}">${href}</a>`)
      .replaceAll('\n', '<br>\n');
    return `<p style="margin:0 0 1em">${html}</p>`;
  });
  return `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8"></head><body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.45;color:#1c2430">\n${paragraphs.join('\n')}\n</body></html>`;
}
