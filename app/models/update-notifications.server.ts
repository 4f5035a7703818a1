/**
 * Notifications of the heads' status updates (rules: app/domain/update-notifications.ts):
 * one per update, recorded in the update's own transaction, and the daily summaries the
 * reminders run records. Sent through the outbox (notification-delivery.server.ts).
 */
import { and, asc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { env } from '~/env.server';
import { composeDailySummary, composeUpdateMessage } from '~/domain/update-messages';
import {
  channelsOf,
  dailyKey,
  subscribersOf,
  summaryDay,
  updateKey,
  updatesFor,
  type UpdateFact,
  type UpdateNotifyMode,
  type UpdateSubscriber,
} from '~/domain/update-notifications';
import type { ComposedMessage } from '~/domain/reminder-messages';
import { activities, notifications, plans, statusUpdates, users } from '../../db/schema';
import { getDb, writeTransaction, type Db, type Tx } from '../../db/client';
import { deliverSoon, recordNotification, type Delivery } from './notification-delivery.server';

type Reader = Pick<Tx, 'select'>;

/** The people who chose a mode, as a query prepared once per connection (a status update asks it each time). */
function subscribersQuery(db: Db) {
  return db
    .select({
      id: users.id,
      name: users.name,
      role: users.role,
      language: users.language,
      disabled: users.disabled,
      mode: users.updateNotify,
      inApp: users.updateNotifyInApp,
      email: users.updateNotifyEmail,
    })
    .from(users)
    .where(and(eq(users.updateNotify, sql.placeholder('mode')), eq(users.disabled, false)))
    .orderBy(asc(users.id))
    .prepare();
}
const preparedSubscribers = new WeakMap<Db, ReturnType<typeof subscribersQuery>>();

/** Those who get notifications of that mode (on the process's connection: inside a write transaction, within it). */
function subscribers(mode: Exclude<UpdateNotifyMode, 'off'>): UpdateSubscriber[] {
  const db = getDb();
  let query = preparedSubscribers.get(db);
  if (!query) preparedSubscribers.set(db, (query = subscribersQuery(db)));
  return subscribersOf(query.all({ mode }), mode);
}

/** The status updates as the messages tell them: those of live activities matching the condition, in the order recorded. */
function updateFacts(db: Reader, where: SQL | undefined): UpdateFact[] {
  return db
    .select({
      id: statusUpdates.id,
      authorId: statusUpdates.userId,
      authorName: users.name,
      activityId: activities.id,
      code: activities.code,
      title: activities.title,
      planTitle: plans.title,
      status: statusUpdates.status,
      percent: statusUpdates.percent,
      comment: statusUpdates.comment,
      asOf: statusUpdates.asOf,
      createdAt: statusUpdates.createdAt,
    })
    .from(statusUpdates)
    .innerJoin(activities, eq(activities.id, statusUpdates.activityId))
    .innerJoin(plans, eq(plans.id, activities.planId))
    .leftJoin(users, eq(users.id, statusUpdates.userId))
    .where(and(eq(activities.archived, false), where))
    .orderBy(asc(statusUpdates.createdAt), asc(statusUpdates.id))
    .all()
    .map(({ createdAt, ...row }) => ({ ...row, at: createdAt.getTime() }));
}

/** Whether the notifications of a person go by e-mail, and so the delivery they start with. */
function deliveryOf(channels: { email: boolean }): Delivery {
  return channels.email ? 'pending' : 'in_app';
}

/**
 * Records the notifications of one status update for the people who follow each update (not
 * its author), inside the update's own transaction (tx): the update and its notifications are
 * written together or not at all, so none is lost to a crash between the two and none tells of
 * an update that was rolled back. The e-mails go out once the transaction has committed
 * (deliverSoon, after the current call), and later runs retry them. Returns how many were recorded.
 */
export function notifyOfStatusUpdate(tx: Tx, updateId: number, now = new Date()): number {
  const followers = subscribers('each');
  if (followers.length === 0) return 0;
  const [update] = updateFacts(tx, eq(statusUpdates.id, updateId));
  if (!update) return 0;
  const emailConfigured = Boolean(env.SMTP_URL && env.MAIL_FROM);
  let recorded = 0;
  let email = false;
  for (const user of followers) {
    if (updatesFor(user, [update]).length === 0) continue;
    const channels = channelsOf(user, emailConfigured);
    const message = composeUpdateMessage(update, user, env.APP_URL);
    record(tx, { key: updateKey(update.id, user.id), userId: user.id, kind: 'update', activityId: update.activityId, message, channels, now });
    recorded += 1;
    email ||= channels.email;
  }
  if (email) setImmediate(deliverSoon);
  return recorded;
}

function record(
  tx: Tx,
  n: { key: string; userId: number; kind: string; activityId: number | null; message: ComposedMessage; channels: { inbox: boolean; email: boolean }; now: Date },
): void {
  recordNotification(tx, {
    key: n.key,
    userId: n.userId,
    kind: n.kind,
    activityId: n.activityId,
    subject: n.message.subject,
    body: n.message.text,
    link: n.message.link,
    delivery: deliveryOf(n.channels),
    inbox: n.channels.inbox,
    createdAt: n.now,
  });
}

export type PlannedSummary = ComposedMessage & { key: string; userId: number; userName: string; day: string; updates: number };

/**
 * The daily summaries a run as of asOf would record now: for each person who chose them, the
 * updates of others recorded the day before, unless that day's summary is recorded already.
 */
export function plannedDailySummaries(asOf: string, appUrl: string = env.APP_URL): PlannedSummary[] {
  const db = getDb();
  const { day, from, to } = summaryDay(asOf);
  const followers = subscribers('daily').filter((u) => !isRecorded(db, dailyKey(day, u.id)));
  if (followers.length === 0) return [];
  const updates = updateFacts(db, and(gte(statusUpdates.createdAt, new Date(from)), lt(statusUpdates.createdAt, new Date(to))));
  return followers.flatMap((user) => {
    const theirs = updatesFor(user, updates);
    if (theirs.length === 0) return [];
    return [{ ...composeDailySummary(day, theirs, user, appUrl), key: dailyKey(day, user.id), userId: user.id, userName: user.name, day, updates: theirs.length }];
  });
}

function isRecorded(db: Reader, key: string): boolean {
  return db.select({ id: notifications.id }).from(notifications).where(eq(notifications.key, key)).get() !== undefined;
}

/**
 * Records the summaries in one write transaction, each on the channels its person chose
 * (e-mail only with a mailer); one that another run recorded meanwhile is left out. Returns
 * those recorded.
 */
export function recordDailySummaries(summaries: PlannedSummary[], emailConfigured: boolean, now: Date): PlannedSummary[] {
  if (summaries.length === 0) return [];
  return writeTransaction((tx) => {
    const settings = new Map(
      tx
        .select({ id: users.id, inApp: users.updateNotifyInApp, email: users.updateNotifyEmail })
        .from(users)
        .where(inArray(users.id, summaries.map((s) => s.userId)))
        .all()
        .map((u) => [u.id, u]),
    );
    return summaries.filter((s) => {
      const user = settings.get(s.userId);
      if (!user || isRecorded(tx, s.key)) return false;
      record(tx, { key: s.key, userId: s.userId, kind: 'updates_daily', activityId: null, message: s, channels: channelsOf(user, emailConfigured), now });
      return true;
    });
  });
}
