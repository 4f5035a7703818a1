/**
 * Reminders and weekly digests: the rules of which reminders a run as of a calendar day
 * produces, for whom, and their idempotency keys (their text: app/domain/reminder-messages.ts).
 * Pure: the caller loads the activities' state as of the day (app/models/notification.server.ts)
 * and records what comes out.
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
 * - Each reminder has a key: a re-run, a restart or a concurrent run never records the same
 *   reminder twice (notification_items keeps the keys each message carried).
 * - One message per person per run (app/domain/reminder-messages.ts): the reminders and the
 *   digest due for them that day go into one message, each activity listed once.
 * - Sending and retries: app/domain/delivery.ts.
 */
import { addDays, dateOfTimestampInSofia, daysBetween, formatDateTime, isoWeek, mondayOf, startOfDayInSofia } from './dates';
import type { Lang } from './lang';
import type { Role } from './permissions';
import type { Status } from './status';

/** How far back a run still sends a reminder whose day it missed. */
export const CATCH_UP_DAYS = 7;
export const OVERDUE_REPEAT_DAYS = 7;
export const DIGEST_DUE_SOON_DAYS = 30;
export const DIGEST_STALE_DAYS = 90;
/** Lines per list in a digest; the rest is summed up with a link. */
export const DIGEST_LIST_LIMIT = 40;
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

export const byEnd = (a: ReminderActivity, b: ReminderActivity) =>
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
