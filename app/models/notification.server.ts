/**
 * The reminders run: the reminder rules (app/domain/reminders.ts) against the database,
 * each message recorded once (notifications.key, notification_items), the day's summaries of
 * the heads' updates (update-notifications.server.ts), then the pending e-mails sent
 * (notification-delivery.server.ts). A user's notifications: notification-inbox.server.ts;
 * their settings: notification-settings.server.ts.
 */
import { and, asc, eq, gte, inArray, lt, notInArray, sql } from 'drizzle-orm';
import { env } from '~/env.server';
import { todayInSofia } from '~/domain/dates';
import type { Lang } from '~/domain/lang';
import { composeMessage, groupByUser, messageKind, type ComposedMessage, type MessageKind } from '~/domain/reminder-messages';
import { digestWindow, planReminders, type Reminder, type ReminderActivity, type ReminderInput, type WeekUpdate } from '~/domain/reminders';
import { mailerFromEnv, type Mailer } from '~/mail.server';
import { activities, activityOwners, notificationItems, owners, statusUpdates, userOwners, users } from '../../db/schema';
import { getDb, writeTransaction } from '../../db/client';
import { activityStateCte, type ActivityStateRow } from './activity-state.server';
import { recordAudit } from './audit.server';
import { plansOutOfView } from './plan.server';
import {
  deliverPending,
  duePendingCount,
  emptyDeliveryReport,
  initialDelivery,
  pendingCount,
  recordNotification,
  type Delivery,
  type DeliveryReport,
} from './notification-delivery.server';
import { plannedDailySummaries, recordDailySummaries, type PlannedSummary } from './update-notifications.server';

/** A row of the activity state as the reminder rules read it (SQLite's 0/1 for the flags). */
type StateRow = Pick<typeof activities.$inferSelect, 'id' | 'planId' | 'code' | 'title' | 'start'> &
  Pick<ReminderActivity, 'planTitle' | 'end' | 'status' | 'percent' | 'lastUpdateAt' | 'daysBeforeStart' | 'daysBeforeEnd'> &
  Pick<ActivityStateRow, 'ongoing' | 'overdue'>;

/** The state of every live activity, its owners and the organization's settings, the users and the week's updates. */
export function loadReminderInput(asOf: string): ReminderInput {
  const db = getDb();
  const rows = db.all<StateRow>(
    sql`with ${activityStateCte(asOf)}
       select s.id, s.plan_id as planId, p.title as planTitle, s.code, s.title, s.start, s.end_date as "end",
         s.ongoing, s.status, s.percent, s.overdue, s.last_update_at as lastUpdateAt,
         o.reminder_days_before_start as daysBeforeStart, o.reminder_days_before_end as daysBeforeEnd
       from activity_state s
       join plans p on p.id = s.plan_id
       join organizations o on o.id = p.organization_id
       where s.plan_id not in (${plansOutOfView(asOf)})
       order by s.plan_id, s.position, s.id`,
  );
  const ownerRows = db
    .select({ activityId: activityOwners.activityId, id: owners.id, name: owners.name })
    .from(activityOwners)
    .innerJoin(owners, eq(owners.id, activityOwners.ownerId))
    .innerJoin(activities, eq(activities.id, activityOwners.activityId))
    .where(eq(activities.archived, false))
    .orderBy(asc(activityOwners.activityId), asc(activityOwners.position), asc(owners.name))
    .all();
  const ownersOf = new Map<number, { id: number; name: string }[]>();
  for (const row of ownerRows) {
    const list = ownersOf.get(row.activityId) ?? [];
    list.push({ id: row.id, name: row.name });
    ownersOf.set(row.activityId, list);
  }
  const reminderActivities: ReminderActivity[] = rows.map((row) => ({
    ...row,
    ongoing: row.ongoing === 1,
    overdue: row.overdue === 1,
    owners: ownersOf.get(row.id) ?? [],
  }));

  const links = db.select().from(userOwners).all();
  const reminderUsers = db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, language: users.language, remindersEnabled: users.remindersEnabled })
    .from(users)
    .where(eq(users.disabled, false))
    .orderBy(asc(users.id))
    .all()
    .map((u) => ({ ...u, ownerIds: links.filter((l) => l.userId === u.id).map((l) => l.ownerId) }));

  const window = digestWindow(asOf);
  const weekUpdates: WeekUpdate[] = db
    .select({
      activityId: statusUpdates.activityId,
      code: activities.code,
      title: activities.title,
      status: statusUpdates.status,
      percent: statusUpdates.percent,
      userName: users.name,
      at: statusUpdates.createdAt,
    })
    .from(statusUpdates)
    .innerJoin(activities, eq(activities.id, statusUpdates.activityId))
    .leftJoin(users, eq(users.id, statusUpdates.userId))
    .where(
      and(
        eq(activities.archived, false),
        gte(statusUpdates.createdAt, new Date(window.from)),
        lt(statusUpdates.createdAt, new Date(window.to)),
        notInArray(activities.planId, plansOutOfView(asOf)),
      ),
    )
    .orderBy(asc(statusUpdates.createdAt), asc(statusUpdates.id))
    .all()
    .map((u) => ({ ...u, at: u.at.getTime() }));

  return { asOf, activities: reminderActivities, users: reminderUsers, weekUpdates };
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

/** The keys of the reminders recorded already, of those given. */
function recordedKeys(keys: string[]): Set<string> {
  const found = new Set<string>();
  // Bounded batches: SQLite limits the parameters of one statement.
  for (let i = 0; i < keys.length; i += 500) {
    const batch = keys.slice(i, i + 500);
    for (const row of getDb().select({ key: notificationItems.key }).from(notificationItems).where(inArray(notificationItems.key, batch)).all()) found.add(row.key);
  }
  return found;
}

/**
 * The messages a run as of asOf would record now: the rules' reminders minus those recorded
 * already, one message per person.
 */
export function plannedMessages(asOf: string, appUrl: string = env.APP_URL): PlannedMessage[] {
  const input = loadReminderInput(asOf);
  const usersById = new Map(input.users.map((u) => [u.id, u]));
  const due = planReminders(input);
  const recorded = recordedKeys(due.map((r) => r.key));
  return groupByUser(due.filter((r) => !recorded.has(r.key))).map((reminders) => {
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

export type RunReport = {
  asOf: string;
  dryRun: boolean;
  smtp: boolean;
  /** The new notifications (would-be in a dry run). */
  messages: PlannedMessage[];
  /** The new daily summaries of the heads' updates (would-be in a dry run). */
  summaries: PlannedSummary[];
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
 * the daily summaries of the day before, and sends every pending e-mail that is due, retries
 * included. A dry run writes and sends nothing.
 */
export async function runReminders(options: RunOptions = {}): Promise<RunReport> {
  const now = options.now ?? new Date();
  const asOf = options.asOf ?? todayInSofia(now);
  const ownMailer = options.mailer === undefined;
  const mailer = ownMailer ? mailerFromEnv() : options.mailer!;
  const appUrl = options.appUrl ?? env.APP_URL;
  try {
    const messages = plannedMessages(asOf, appUrl);
    const summaries = plannedDailySummaries(asOf, appUrl);
    if (options.dryRun) {
      return { asOf, dryRun: true, smtp: mailer !== null, messages, summaries, pending: mailer ? duePendingCount(now) : 0, delivery: emptyDeliveryReport() };
    }
    const recorded = recordMessages(messages, initialDelivery(mailer), now, options.by === undefined ? null : { by: options.by, asOf });
    const recordedSummaries = recordDailySummaries(summaries, mailer !== null, now);
    const delivery = mailer ? await deliverPending({ mailer, now, log: options.log, appUrl }) : emptyDeliveryReport();
    return { asOf, dryRun: false, smtp: mailer !== null, messages: recorded, summaries: recordedSummaries, pending: pendingCount(), delivery };
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
  if (messages.length === 0 && !run) return [];
  return writeTransaction((tx) => {
    const recorded = recordedKeys(messages.flatMap((m) => m.items.map((item) => item.key)));
    const kept = messages.filter((m) => {
      if (m.items.some((item) => recorded.has(item.key))) return false;
      const id = recordNotification(tx, {
        key: m.key,
        userId: m.userId,
        kind: m.kind,
        activityId: m.activityId,
        subject: m.subject,
        body: m.text,
        link: m.link,
        delivery,
        createdAt: now,
      });
      tx.insert(notificationItems)
        .values(m.items.map((item) => ({ key: item.key, notificationId: id })))
        .run();
      return true;
    });
    if (run) recordAudit(run.by, 'reminders', 0, 'run', null, { asOf: run.asOf, created: kept.length }, tx);
    return kept;
  });
}
