/**
 * The outbox: recording a notification for a user, e-mailing the pending ones with retries,
 * and the admin's log of deliveries. Reminders (notification.server.ts) and the heads'
 * status updates (update-notifications.server.ts) both go through here.
 *
 * Delivery: with a mailer a new notification is 'pending' until sent ('sent'), or until its
 * last attempt failed ('failed'); without one it is 'in_app' (shown in the app, never
 * e-mailed later, even if SMTP is configured afterwards). A pending message is claimed by
 * moving its next_attempt_at forward before sending, so two runs at once (cron and the
 * in-process schedule) do not send it twice. Delivery is at least once: a process killed
 * between the SMTP server's "250 OK" and the update sends it again on the next run (with the
 * same Message-ID).
 */
import { and, asc, count, desc, eq, isNull, lte, or } from 'drizzle-orm';
import { env } from '~/env.server';
import { afterFailure } from '~/domain/delivery';
import { textToHtml } from '~/domain/reminder-messages';
import { isUpdateKind } from '~/domain/update-notifications';
import { mailerFromEnv, type Mailer } from '~/mail.server';
import { unsubscribeUrl } from '~/unsubscribe.server';
import { NOTIFICATION_DELIVERIES, notifications, users } from '../../db/schema';
import { getDb, type Tx } from '../../db/client';

export type Delivery = (typeof NOTIFICATION_DELIVERIES)[number];

/** How long a claimed message is left alone by other runs while it is being sent. */
const CLAIM_MS = 5 * 60 * 1000;

export type NewNotification = {
  key: string;
  userId: number;
  kind: string;
  activityId: number | null;
  subject: string;
  body: string;
  link: string;
  delivery: Delivery;
  /** Shown in the notifications list (false: e-mail only). */
  inbox?: boolean;
  createdAt: Date;
};

/** Records one notification (in the caller's write transaction); returns its id. */
export function recordNotification(tx: Tx, notification: NewNotification): number {
  return tx.insert(notifications).values(notification).returning({ id: notifications.id }).get().id;
}

/** The delivery a new notification starts with: pending when there is a mailer to send it, else in the app only. */
export function initialDelivery(mailer: Mailer | null): Delivery {
  return mailer ? 'pending' : 'in_app';
}

const isDue = (now: number) => and(eq(notifications.delivery, 'pending'), or(isNull(notifications.nextAttemptAt), lte(notifications.nextAttemptAt, new Date(now))));

export function duePendingCount(now: Date): number {
  return getDb().select({ n: count() }).from(notifications).where(isDue(now.getTime())).get()!.n;
}

export function pendingCount(): number {
  return getDb().select({ n: count() }).from(notifications).where(eq(notifications.delivery, 'pending')).get()!.n;
}

export type DeliveryReport = {
  sent: number;
  failedAttempts: number;
  gaveUp: number;
  /** Left untried because the SMTP server could not be reached; tried again by the next run. */
  deferred: number;
  errors: { key: string; email: string; error: string }[];
};

export const emptyDeliveryReport = (): DeliveryReport => ({ sent: 0, failedAttempts: 0, gaveUp: 0, deferred: 0, errors: [] });

/** Why a pending e-mail is not sent but kept in the app, or null to send it. */
function switchedOff(row: { kind: string; disabled: boolean; remindersEnabled: boolean; updateNotifyEmail: boolean }): string | null {
  if (row.disabled) return 'account disabled';
  if (isUpdateKind(row.kind)) return row.updateNotifyEmail ? null : 'update e-mails switched off by the user';
  return row.remindersEnabled ? null : 'reminders switched off by the user';
}

/**
 * Sends the pending e-mails that are due (never tried, or their retry time has come). A
 * failure counts an attempt, logs it and schedules the next with exponential backoff; after
 * the last attempt the message is 'failed' (and stays in the app and on the admin log).
 */
export async function deliverPending(options: { mailer: Mailer; now?: Date; log?: (line: string) => void; appUrl?: string }): Promise<DeliveryReport> {
  const now = (options.now ?? new Date()).getTime();
  const log = options.log ?? ((line: string) => console.warn(line));
  const db = getDb();
  const appUrl = options.appUrl ?? env.APP_URL;
  const host = new URL(appUrl).hostname || 'localhost';
  const due = db
    .select({
      id: notifications.id,
      userId: notifications.userId,
      key: notifications.key,
      kind: notifications.kind,
      subject: notifications.subject,
      body: notifications.body,
      attempts: notifications.attempts,
      email: users.email,
      name: users.name,
      language: users.language,
      remindersEnabled: users.remindersEnabled,
      updateNotifyEmail: users.updateNotifyEmail,
      disabled: users.disabled,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(isDue(now))
    .orderBy(asc(notifications.id))
    .all();
  const setWhere = (id: number, values: Partial<typeof notifications.$inferInsert>) =>
    db.update(notifications).set(values).where(eq(notifications.id, id)).run();

  const report = emptyDeliveryReport();
  for (const [index, row] of due.entries()) {
    const claimed = db
      .update(notifications)
      .set({ nextAttemptAt: new Date(now + CLAIM_MS) })
      .where(and(eq(notifications.id, row.id), isDue(now)))
      .run().changes;
    if (claimed === 0) continue; // another run has it
    const off = switchedOff(row);
    if (off) {
      setWhere(row.id, { delivery: 'in_app', lastError: off, nextAttemptAt: null });
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
      setWhere(row.id, { delivery: 'sent', sentAt: new Date(now), attempts: row.attempts + 1, lastError: null, nextAttemptAt: null });
      report.sent += 1;
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      const attempts = row.attempts + 1;
      const next = afterFailure(attempts, now);
      setWhere(row.id, {
        delivery: next.delivery,
        attempts,
        lastError: message,
        nextAttemptAt: next.nextAttemptAt === null ? null : new Date(next.nextAttemptAt),
      });
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

let sending: Promise<void> | null = null;
let again = false;

/**
 * Sends the pending e-mails soon, in this process, without waiting for the next scheduled run:
 * after a status update whose notifications were recorded (called once its transaction has
 * committed). Without SMTP it does nothing. Calls while a delivery is under way make it run
 * once more afterwards; the claim of each message keeps other processes from sending it too.
 * What fails here is retried by the schedule or cron like any other pending e-mail.
 */
export function deliverSoon(): void {
  if (!env.SMTP_URL || !env.MAIL_FROM) return;
  if (sending) {
    again = true;
    return;
  }
  sending = (async () => {
    do {
      again = false;
      const mailer = mailerFromEnv();
      if (!mailer) return;
      try {
        await deliverPending({ mailer });
      } catch (error) {
        console.error('[notifications] delivery failed:', error);
      } finally {
        mailer.close();
      }
    } while (again);
  })().finally(() => {
    sending = null;
  });
}

/** Puts the failed e-mails back in the queue for a fresh series of attempts. */
export function retryFailed(): number {
  return getDb()
    .update(notifications)
    .set({ delivery: 'pending', attempts: 0, nextAttemptAt: null })
    .where(eq(notifications.delivery, 'failed'))
    .run().changes;
}

// --- the admin's log --------------------------------------------------------------------------

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
  const rows = getDb().select({ delivery: notifications.delivery, n: count() }).from(notifications).groupBy(notifications.delivery).all();
  for (const row of rows) counts[row.delivery] = row.n;
  return counts;
}
