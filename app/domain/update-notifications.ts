/**
 * Notifications of the heads' status updates, for the people who run the plan (secretaries
 * and administrators): the rules of who gets what and when, and the keys that keep each one
 * from being recorded twice. Their text: app/domain/update-messages.ts. Recording and
 * sending: app/models/update-notifications.server.ts, app/models/notification-delivery.server.ts.
 *
 * - Each person chooses (on /settings): off (the default), one notification per update
 *   ('each'), or one summary a day ('daily'); and the channels: in the app and/or by e-mail.
 * - Nobody is notified of their own updates; disabled accounts get nothing.
 * - 'each': recorded with the update itself (in its transaction), keyed by update and person.
 * - 'daily': the reminders run as of day D (the schedule or `npm run reminders`) records one
 *   summary of the updates recorded on D − 1 (midnight to midnight, Europe/Sofia), keyed by
 *   that day and person, so running twice a day sends it once. A day without updates (other
 *   than one's own) sends nothing.
 * - E-mail without SMTP configured: the notification is shown in the app instead.
 * - The one-click unsubscribe link of an e-mail switches the person's update e-mails off
 *   (with the reminders: app/models/notification-settings.server.ts).
 */
import { addDays, startOfDayInSofia } from './dates';
import type { Lang } from './lang';
import { can, type Role } from './permissions';
import type { Status } from './status';

export const UPDATE_NOTIFY_MODES = ['off', 'each', 'daily'] as const;
export type UpdateNotifyMode = (typeof UPDATE_NOTIFY_MODES)[number];

/** notifications.kind of one update's notification and of a daily summary. */
export const UPDATE_KINDS = ['update', 'updates_daily'] as const;
export type UpdateKind = (typeof UPDATE_KINDS)[number];

export function isUpdateKind(kind: string): kind is UpdateKind {
  return (UPDATE_KINDS as readonly string[]).includes(kind);
}

/** Who may follow the heads' updates: those who run the plan (secretaries and administrators). */
export function mayFollowUpdates(role: Role): boolean {
  return can(role, 'plan:edit');
}

export type UpdateSettings = { mode: UpdateNotifyMode; inApp: boolean; email: boolean };

export type UpdateSubscriber = UpdateSettings & {
  id: number;
  name: string;
  role: Role;
  language: Lang;
  disabled: boolean;
};

/** One status update as the messages tell it. */
export type UpdateFact = {
  id: number;
  authorId: number | null;
  authorName: string | null;
  activityId: number;
  code: string;
  title: string;
  planTitle: string;
  status: Status;
  percent: number | null;
  comment: string | null;
  /** The day it reports on. */
  asOf: string;
  /** When it was recorded (epoch ms). */
  at: number;
};

/** The people who get notifications of that mode: subscribed, allowed, active, with a channel. */
export function subscribersOf(users: UpdateSubscriber[], mode: Exclude<UpdateNotifyMode, 'off'>): UpdateSubscriber[] {
  return users.filter((u) => u.mode === mode && !u.disabled && mayFollowUpdates(u.role) && (u.inApp || u.email));
}

/** The updates a person is told about: all but their own. */
export function updatesFor(user: Pick<UpdateSubscriber, 'id'>, updates: UpdateFact[]): UpdateFact[] {
  return updates.filter((u) => u.authorId !== user.id);
}

/**
 * Where a person's notification goes: to the notifications list when they chose the app (or
 * chose e-mail but no e-mail can be sent), by e-mail when they chose it and it can be sent.
 */
export function channelsOf(user: Pick<UpdateSettings, 'inApp' | 'email'>, emailConfigured: boolean): { inbox: boolean; email: boolean } {
  const email = user.email && emailConfigured;
  return { inbox: user.inApp || !email, email };
}

export const updateKey = (updateId: number, userId: number) => `update:s${updateId}:u${userId}`;
export const dailyKey = (day: string, userId: number) => `updates-daily:${day}:u${userId}`;

/** The day whose updates a run as of asOf summarises (the day before), and its bounds in epoch ms. */
export function summaryDay(asOf: string): { day: string; from: number; to: number } {
  const day = addDays(asOf, -1);
  return { day, from: startOfDayInSofia(day), to: startOfDayInSofia(asOf) };
}
