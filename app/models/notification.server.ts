/**
 * Notifications: running the reminder rules (app/domain/reminders.ts) against the database,
 * recording each message once (notifications.key), e-mailing them with retries, and the
 * queries behind the notifications list, the header count and the admin log.
 *
 * Delivery: with a mailer a new notification is 'pending' until sent ('sent'), or until its
 * last attempt failed ('failed'); without one it is 'in_app' (shown in the app, never
 * e-mailed later, even if SMTP is configured afterwards). A pending message is claimed by
 * moving its next_attempt_at forward before sending, so two runs at once (cron and the
 * in-process schedule) do not send it twice. Delivery is at least once: a process killed
 * between the SMTP server's "250 OK" and the update sends it again on the next run (with the
 * same Message-ID).
 */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { getDb, writeTransaction } from '../../db/client';
import { NOTIFICATION_DELIVERIES, notificationItems, notifications, organizations, users } from '../../db/schema';
import { env } from '~/env.server';
import { todayInSofia } from '~/domain/dates';
import type { Lang } from '~/domain/lang';
import type { Status } from '~/domain/status';
import { composeMessage, groupByUser, messageKind, textToHtml, type ComposedMessage, type MessageKind } from '~/domain/reminder-messages';
import {
  afterFailure,
  digestWindow,
  planReminders,
  type Reminder,
  type ReminderActivity,
  type ReminderInput,
  type ReminderUser,
  type WeekUpdate,
} from '~/domain/reminders';
import { mailerFromEnv, type Mailer } from '~/mail.server';
import { unsubscribeUrl } from '~/unsubscribe.server';
import { ACTIVITY_STATE_CTE, asOfParams } from './activity-state.server';
import { PLANS_CLOSED_BY_AS_OF } from './plan.server';
import { recordAudit } from './audit.server';
import { prepared } from './statements.server';

export type Delivery = (typeof NOTIFICATION_DELIVERIES)[number];

/** How long a claimed message is left alone by other runs while it is being sent. */
const CLAIM_MS = 5 * 60 * 1000;

/** The state of every live activity, its owners and the organization's settings, the users and the week's updates. */
export function loadReminderInput(asOf: string): ReminderInput {
  const sqlite = getDb().$client;
  const rows = sqlite
    .prepare(
      `with ${ACTIVITY_STATE_CTE}
       select s.id, s.plan_id as planId, p.title as planTitle, s.code, s.title, s.start, s.end_date as "end",
         s.ongoing, s.status, s.percent, s.overdue, s.last_update_at as lastUpdateAt,
         o.reminder_days_before_start as daysBeforeStart, o.reminder_days_before_end as daysBeforeEnd
       from activity_state s
       join plans p on p.id = s.plan_id
       join organizations o on o.id = p.organization_id
       where s.plan_id not in (${PLANS_CLOSED_BY_AS_OF})
       order by s.plan_id, s.position, s.id`,
    )
    .all(asOfParams(asOf)) as (Omit<ReminderActivity, 'owners' | 'ongoing' | 'overdue' | 'status'> & {
    ongoing: number;
    overdue: number;
    status: Status;
  })[];
  const ownerRows = sqlite
    .prepare(
      `select ao.activity_id as activityId, o.id, o.name from activity_owners ao
       join owners o on o.id = ao.owner_id join activities a on a.id = ao.activity_id
       where a.archived = 0 order by ao.activity_id, ao.position, o.name`,
    )
    .all() as { activityId: number; id: number; name: string }[];
  const ownersOf = new Map<number, { id: number; name: string }[]>();
  for (const row of ownerRows) {
    const list = ownersOf.get(row.activityId) ?? [];
    list.push({ id: row.id, name: row.name });
    ownersOf.set(row.activityId, list);
  }
  const activities: ReminderActivity[] = rows.map((row) => ({
    ...row,
    ongoing: row.ongoing === 1,
    overdue: row.overdue === 1,
    owners: ownersOf.get(row.id) ?? [],
  }));

  const userRows = sqlite
    .prepare(
      `select u.id, u.name, u.email, u.role, u.language, u.reminders_enabled as remindersEnabled,
         (select group_concat(uo.owner_id) from user_owners uo where uo.user_id = u.id) as ownerIds
       from users u where u.disabled = 0 order by u.id`,
    )
    .all() as (Omit<ReminderUser, 'ownerIds' | 'remindersEnabled'> & { remindersEnabled: number; ownerIds: string | null })[];
  const reminderUsers: ReminderUser[] = userRows.map((u) => ({
    ...u,
    remindersEnabled: u.remindersEnabled === 1,
    ownerIds: u.ownerIds ? u.ownerIds.split(',').map(Number) : [],
  }));

  const window = digestWindow(asOf);
  const weekUpdates = sqlite
    .prepare(
      `select su.activity_id as activityId, a.code, a.title, su.status, su.percent, u.name as userName, su.created_at as at
       from status_updates su join activities a on a.id = su.activity_id left join users u on u.id = su.user_id
       where a.archived = 0 and su.created_at >= :from and su.created_at < :to
         and a.plan_id not in (${PLANS_CLOSED_BY_AS_OF})
       order by su.created_at, su.id`,
    )
    .all({ from: window.from, to: window.to, asOf }) as WeekUpdate[];

  return { asOf, activities, users: reminderUsers, weekUpdates };
}

export type PlannedMessage = ComposedMessage & {
  /** The key of the message's first reminder (notifications.key; Message-ID). */
  key: string;
  kind: MessageKind;
  /** The reminders the message carries: their keys, kinds and activities. */
  items: { key: string; kind: Reminder['kind']; activityId: number | null }[];
  userId: number;
  email: string;
  userName: string;
  language: Lang;
  /** The activity of a message about one activity; null for a summary. */
  activityId: number | null;
};

/**
 * The messages a run as of asOf would record now: the rules' reminders minus those recorded
 * already, one message per person.
 */
export function plannedMessages(asOf: string, appUrl: string = env.APP_URL): PlannedMessage[] {
  const input = loadReminderInput(asOf);
  const usersById = new Map(input.users.map((u) => [u.id, u]));
  const recorded = getDb().$client.prepare('select 1 from notification_items where key = ?');
  return groupByUser(planReminders(input).filter((r) => !recorded.get(r.key))).map((reminders) => {
    const user = usersById.get(reminders[0]!.userId)!;
    const items = reminders.map((r) => ({ key: r.key, kind: r.kind, activityId: 'activity' in r ? r.activity.id : null }));
    return {
      ...composeMessage(reminders, user, asOf, appUrl),
      key: items[0]!.key,
      kind: messageKind(reminders),
      items,
      userId: user.id,
      email: user.email,
      userName: user.name,
      language: user.language,
      activityId: items.length === 1 ? items[0]!.activityId : null,
    };
  });
}

export type DeliveryReport = {
  sent: number;
  failedAttempts: number;
  gaveUp: number;
  /** Left untried because the SMTP server could not be reached; tried again by the next run. */
  deferred: number;
  errors: { key: string; email: string; error: string }[];
};
export type RunReport = {
  asOf: string;
  dryRun: boolean;
  smtp: boolean;
  /** The new notifications (would-be in a dry run). */
  messages: PlannedMessage[];
  /** Pending e-mails waiting for a retry after this run (or, in a dry run, due now). */
  pending: number;
  delivery: DeliveryReport;
};

export type RunOptions = {
  asOf?: string;
  dryRun?: boolean;
  now?: Date;
  /** Defaults to the mailer of the environment; null: in-app only. */
  mailer?: Mailer | null;
  appUrl?: string;
  log?: (line: string) => void;
  /** The admin who started the run: its audit event is recorded with the notifications, in their transaction. */
  by?: number;
};

/**
 * One reminder run: records the new notifications as of asOf (today in Sofia by default) and
 * sends every pending e-mail that is due, retries included. A dry run writes and sends nothing.
 */
export async function runReminders(options: RunOptions = {}): Promise<RunReport> {
  const now = options.now ?? new Date();
  const asOf = options.asOf ?? todayInSofia(now);
  const ownMailer = options.mailer === undefined;
  const mailer = ownMailer ? mailerFromEnv() : options.mailer!;
  try {
    const messages = plannedMessages(asOf, options.appUrl ?? env.APP_URL);
    const empty: DeliveryReport = { sent: 0, failedAttempts: 0, gaveUp: 0, deferred: 0, errors: [] };
    if (options.dryRun) {
      return { asOf, dryRun: true, smtp: mailer !== null, messages, pending: mailer ? duePendingCount(now) : 0, delivery: empty };
    }
    const recorded = recordMessages(messages, mailer ? 'pending' : 'in_app', now, options.by === undefined ? null : { by: options.by, asOf });
    const delivery = mailer ? await deliverPending({ mailer, now, log: options.log, appUrl: options.appUrl }) : empty;
    return { asOf, dryRun: false, smtp: mailer !== null, messages: recorded, pending: pendingCount(), delivery };
  } finally {
    if (ownMailer) mailer?.close();
  }
}

/**
 * Records the messages and the reminders they carry, in one write transaction. A message one
 * of whose reminders another run has recorded meanwhile is left out (the next run plans the
 * rest afresh); returns the messages recorded.
 */
function recordMessages(messages: PlannedMessage[], delivery: Delivery, now: Date, run: { by: number; asOf: string } | null): PlannedMessage[] {
  return writeTransaction((tx) => {
    const recorded = getDb().$client.prepare('select 1 from notification_items where key = ?');
    const kept = messages.filter((m) => {
      if (m.items.some((item) => recorded.get(item.key))) return false;
      const { id } = tx
        .insert(notifications)
        .values({
          key: m.key,
          userId: m.userId,
          kind: m.kind,
          activityId: m.activityId,
          subject: m.subject,
          body: m.text,
          link: m.link,
          delivery,
          createdAt: now,
        })
        .returning({ id: notifications.id })
        .get();
      tx.insert(notificationItems)
        .values(m.items.map((item) => ({ key: item.key, notificationId: id })))
        .run();
      return true;
    });
    if (run) recordAudit(run.by, 'reminders', 0, 'run', null, { asOf: run.asOf, created: kept.length }, tx);
    return kept;
  });
}

function duePendingCount(now: Date): number {
  const row = getDb()
    .$client.prepare(`select count(*) as n from notifications where delivery = 'pending' and (next_attempt_at is null or next_attempt_at <= ?)`)
    .get(now.getTime()) as { n: number };
  return row.n;
}

function pendingCount(): number {
  return (getDb().$client.prepare(`select count(*) as n from notifications where delivery = 'pending'`).get() as { n: number }).n;
}

type PendingRow = {
  id: number;
  userId: number;
  key: string;
  subject: string;
  body: string;
  attempts: number;
  email: string;
  name: string;
  language: Lang;
  remindersEnabled: number;
  disabled: number;
};

/**
 * Sends the pending e-mails that are due (never tried, or their retry time has come). A
 * failure counts an attempt, logs it and schedules the next with exponential backoff; after
 * the last attempt the message is 'failed' (and stays in the app and on the admin log).
 */
export async function deliverPending(options: { mailer: Mailer; now?: Date; log?: (line: string) => void; appUrl?: string }): Promise<DeliveryReport> {
  const now = (options.now ?? new Date()).getTime();
  const log = options.log ?? ((line: string) => console.warn(line));
  const sqlite = getDb().$client;
  const appUrl = options.appUrl ?? env.APP_URL;
  const host = new URL(appUrl).hostname || 'localhost';
  const due = sqlite
    .prepare(
      `select n.id, n.user_id as userId, n.key, n.subject, n.body, n.attempts, u.email, u.name, u.language,
         u.reminders_enabled as remindersEnabled, u.disabled
       from notifications n join users u on u.id = n.user_id
       where n.delivery = 'pending' and (n.next_attempt_at is null or n.next_attempt_at <= ?)
       order by n.id`,
    )
    .all(now) as PendingRow[];
  const claim = sqlite.prepare(
    `update notifications set next_attempt_at = ? where id = ? and delivery = 'pending' and (next_attempt_at is null or next_attempt_at <= ?)`,
  );
  const markSent = sqlite.prepare(
    `update notifications set delivery = 'sent', sent_at = ?, attempts = attempts + 1, last_error = null, next_attempt_at = null where id = ?`,
  );
  const markFailed = sqlite.prepare(`update notifications set delivery = ?, attempts = ?, last_error = ?, next_attempt_at = ? where id = ?`);
  const keepInApp = sqlite.prepare(`update notifications set delivery = 'in_app', last_error = ?, next_attempt_at = null where id = ?`);

  const report: DeliveryReport = { sent: 0, failedAttempts: 0, gaveUp: 0, deferred: 0, errors: [] };
  for (const [index, row] of due.entries()) {
    if (claim.run(now + CLAIM_MS, row.id, now).changes === 0) continue; // another run has it
    if (row.disabled || !row.remindersEnabled) {
      keepInApp.run(row.disabled ? 'account disabled' : 'reminders switched off by the user', row.id);
      continue;
    }
    try {
      await options.mailer.send({
        to: { name: row.name, address: row.email },
        subject: row.subject,
        text: row.body,
        html: textToHtml(row.body, row.language),
        messageId: `notification-${row.id}.${row.key.replace(/[^A-Za-z0-9.-]/g, '-')}@${host}`,
        unsubscribeUrl: unsubscribeUrl(appUrl, row.userId),
      });
      markSent.run(now, row.id);
      report.sent += 1;
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      const attempts = row.attempts + 1;
      const next = afterFailure(attempts, now);
      markFailed.run(next.delivery, attempts, message, next.nextAttemptAt, row.id);
      report.failedAttempts += 1;
      if (next.delivery === 'failed') report.gaveUp += 1;
      report.errors.push({ key: row.key, email: row.email, error: message });
      log(
        `[reminders] e-mail to ${row.email} failed (attempt ${attempts}): ${message}; ` +
          (next.nextAttemptAt ? `retry after ${new Date(next.nextAttemptAt).toISOString()}` : 'giving up, marked failed'),
      );
      // The server cannot be reached: the others would fail the same way (each after a timeout).
      if (isConnectionError(error)) {
        report.deferred = due.length - index - 1;
        if (report.deferred > 0) log(`[reminders] SMTP server unreachable: ${report.deferred} more e-mail(s) left for the next run`);
        break;
      }
    }
  }
  return report;
}

/** nodemailer's codes for a server that cannot be reached (as opposed to one refusing a message). */
function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === 'ECONNECTION' || code === 'ESOCKET' || code === 'ETIMEDOUT' || code === 'EDNS';
}

/** Puts the failed e-mails back in the queue for a fresh series of attempts. */
export function retryFailed(): number {
  return getDb()
    .$client.prepare(`update notifications set delivery = 'pending', attempts = 0, next_attempt_at = null where delivery = 'failed'`)
    .run().changes;
}

// --- the user's notifications ---------------------------------------------------------------

export type NotificationItem = {
  id: number;
  kind: string;
  subject: string;
  body: string;
  link: string | null;
  delivery: Delivery;
  createdAt: number;
  readAt: number | null;
};

export const NOTIFICATION_LIST_LIMIT = 100;

export function listNotifications(userId: number, limit = NOTIFICATION_LIST_LIMIT): NotificationItem[] {
  return getDb()
    .select({
      id: notifications.id,
      kind: notifications.kind,
      subject: notifications.subject,
      body: notifications.body,
      link: notifications.link,
      delivery: notifications.delivery,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit)
    .all()
    .map((n) => ({ ...n, createdAt: n.createdAt.getTime(), readAt: n.readAt?.getTime() ?? null }));
}

export function unreadCount(userId: number): number {
  const row = prepared(getDb().$client, 'select count(*) as n from notifications where user_id = ? and read_at is null').get(userId) as { n: number };
  return row.n;
}

/** Marks one of the user's own notifications read; returns it (null when not theirs). */
export function markRead(userId: number, id: number, now = new Date()): { link: string | null } | null {
  const db = getDb();
  const row = db
    .select({ link: notifications.link, readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .get();
  if (!row) return null;
  if (!row.readAt) db.update(notifications).set({ readAt: now }).where(eq(notifications.id, id)).run();
  return { link: row.link };
}

export function markAllRead(userId: number, now = new Date()): number {
  return getDb()
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .run().changes;
}

/**
 * Switches a user's reminders on or off (the settings page, or the one-click link of an
 * e-mail: then the actor is the user too) and records the change in the audit log. Returns
 * whether anything changed.
 */
export function setRemindersEnabled(userId: number, enabled: boolean): boolean {
  return writeTransaction((tx) => {
    const changed = tx
      .update(users)
      .set({ remindersEnabled: enabled })
      .where(and(eq(users.id, userId), eq(users.remindersEnabled, !enabled)))
      .run().changes;
    if (changed) recordAudit(userId, 'user', userId, 'reminders', { remindersEnabled: !enabled }, { remindersEnabled: enabled }, tx);
    return changed > 0;
  });
}

/** What the unsubscribe page shows: the address and whether reminders are on; null for no such (or a disabled) account. */
export function reminderSubscription(userId: number): { email: string; remindersEnabled: boolean } | null {
  const row = getDb()
    .select({ email: users.email, remindersEnabled: users.remindersEnabled, disabled: users.disabled })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  return row && !row.disabled ? { email: row.email, remindersEnabled: row.remindersEnabled } : null;
}

// --- administration -------------------------------------------------------------------------

export type OrganizationReminderSettings = { id: number; name: string; daysBeforeStart: number; daysBeforeEnd: number };

export function listOrganizationReminderSettings(): OrganizationReminderSettings[] {
  return getDb()
    .select({
      id: organizations.id,
      name: organizations.name,
      daysBeforeStart: organizations.reminderDaysBeforeStart,
      daysBeforeEnd: organizations.reminderDaysBeforeEnd,
    })
    .from(organizations)
    .orderBy(organizations.name)
    .all();
}

/** Sets an organization's reminder days, with its audit event in the same transaction; false for an unknown organization. */
export function updateOrganizationReminderDays(
  organizationId: number,
  daysBeforeStart: number,
  daysBeforeEnd: number,
  userId: number | null = null,
): boolean {
  return writeTransaction((tx) => {
    const before = tx
      .select({ daysBeforeStart: organizations.reminderDaysBeforeStart, daysBeforeEnd: organizations.reminderDaysBeforeEnd })
      .from(organizations)
      .where(eq(organizations.id, organizationId))
      .get();
    if (!before) return false;
    tx.update(organizations)
      .set({ reminderDaysBeforeStart: daysBeforeStart, reminderDaysBeforeEnd: daysBeforeEnd })
      .where(eq(organizations.id, organizationId))
      .run();
    recordAudit(userId, 'organization', organizationId, 'reminder-days', before, { daysBeforeStart, daysBeforeEnd }, tx);
    return true;
  });
}

export type LogEntry = {
  id: number;
  kind: string;
  subject: string;
  userName: string;
  email: string;
  delivery: Delivery;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: number | null;
  sentAt: number | null;
  createdAt: number;
};

export const LOG_LIMIT = 200;

export function notificationLog(filter: { delivery?: Delivery } = {}, limit = LOG_LIMIT): LogEntry[] {
  return getDb()
    .select({
      id: notifications.id,
      kind: notifications.kind,
      subject: notifications.subject,
      userName: users.name,
      email: users.email,
      delivery: notifications.delivery,
      attempts: notifications.attempts,
      lastError: notifications.lastError,
      nextAttemptAt: notifications.nextAttemptAt,
      sentAt: notifications.sentAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(filter.delivery ? eq(notifications.delivery, filter.delivery) : undefined)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit)
    .all()
    .map((n) => ({
      ...n,
      nextAttemptAt: n.nextAttemptAt?.getTime() ?? null,
      sentAt: n.sentAt?.getTime() ?? null,
      createdAt: n.createdAt.getTime(),
    }));
}

export function deliveryCounts(): Record<Delivery, number> {
  const counts = Object.fromEntries(NOTIFICATION_DELIVERIES.map((d) => [d, 0])) as Record<Delivery, number>;
  const rows = getDb()
    .select({ delivery: notifications.delivery, n: sql<number>`count(*)` })
    .from(notifications)
    .groupBy(notifications.delivery)
    .all();
  for (const row of rows) counts[row.delivery] = row.n;
  return counts;
}

