import { and, desc, eq, sql } from 'drizzle-orm';
import type { StatusUpdateEntry } from '~/domain/activity-detail';
import { todayInSofia } from '~/domain/dates';
import { canUpdateStatus } from '~/domain/permissions';
import { completionOf, type Status } from '~/domain/status';
import { activities, activityOwners, statusUpdates, userOwners, users, type User } from '../../db/schema';
import { getDb, writeTransaction } from '../../db/client';
import { recordAudit } from './audit.server';
import { notifyOfStatusUpdate } from './update-notifications.server';

export type StatusUpdateInput = {
  activityId: number;
  userId: number;
  status: Status;
  /** Done is recorded as 100% whatever is given (completionOf). */
  percent: number | null;
  comment: string | null;
  /** Only a done update has one: the day given, else the day it reports on (completionOf). */
  completedOn: string | null;
  /** The day the update reports on (YYYY-MM-DD); by default (null) today in Sofia. Callers check it is not in the future. */
  asOf?: string | null;
  evidenceUrl?: string | null;
  evidenceFile?: string | null;
  evidenceFileName?: string | null;
  /** The activities.version the form was rendered from; a different current version is refused (none given: not checked). */
  expectedVersion?: number | null;
};

export type LatestUpdate = {
  status: Status;
  percent: number | null;
  comment: string | null;
  userName: string | null;
  /** The day it reports on. */
  asOf: string;
  /** When it was recorded. */
  createdAt: number;
};

export type StatusUpdateResult =
  | { ok: true; updateId: number; version: number }
  | { ok: false; reason: 'stale'; version: number; latest: LatestUpdate | null };

/**
 * Records a status update: one transaction that checks the version (when given), inserts the
 * update (as of its day, recorded now), bumps activities.version and writes an audit event
 * (which keeps both the day and, as every audit event, when). Throws a 404 Response for an
 * unknown or archived activity. Done means 100% and a completion day (completionOf).
 */
export function recordStatusUpdate(input: StatusUpdateInput): StatusUpdateResult {
  return writeTransaction((tx) => {
    const current = tx
      .select({ version: activities.version })
      .from(activities)
      .where(and(eq(activities.id, input.activityId), eq(activities.archived, false)))
      .get();
    if (!current) throw new Response('Not found', { status: 404 });
    if (input.expectedVersion != null && input.expectedVersion !== current.version) {
      return { ok: false, reason: 'stale', version: current.version, latest: latestStatusUpdate(input.activityId) } as const;
    }
    const asOf = input.asOf ?? todayInSofia();
    const values = {
      status: input.status,
      ...completionOf(input, asOf),
      comment: input.comment,
      asOf,
      evidenceUrl: input.evidenceUrl ?? null,
      evidenceFile: input.evidenceFile ?? null,
      evidenceFileName: input.evidenceFileName ?? null,
    };
    const { id: updateId } = tx
      .insert(statusUpdates)
      .values({ activityId: input.activityId, userId: input.userId, ...values })
      .returning({ id: statusUpdates.id })
      .get();
    const version = current.version + 1;
    tx.update(activities).set({ version }).where(eq(activities.id, input.activityId)).run();
    recordAudit(input.userId, 'activity', input.activityId, 'status-update', null, { updateId, ...values }, tx);
    notifyOfStatusUpdate(tx, updateId);
    return { ok: true, updateId, version } as const;
  });
}

/** The columns of a status update as the forms and the history show it (recorded time in ms). */
const updateColumns = {
  status: statusUpdates.status,
  percent: statusUpdates.percent,
  comment: statusUpdates.comment,
  userName: users.name,
  asOf: statusUpdates.asOf,
  createdAt: statusUpdates.createdAt,
};

/** The status update of an activity recorded last, with its author's name (what a form was rendered from is judged by it). */
export function latestStatusUpdate(activityId: number): LatestUpdate | null {
  const row = getDb()
    .select(updateColumns)
    .from(statusUpdates)
    .leftJoin(users, eq(users.id, statusUpdates.userId))
    .where(eq(statusUpdates.activityId, activityId))
    .orderBy(desc(statusUpdates.createdAt), desc(statusUpdates.id))
    .limit(1)
    .get();
  return row ? { ...row, createdAt: row.createdAt.getTime() } : null;
}

/** Every status update of an activity, the latest day reported on first (then the later recorded): the order the state counts them in. */
export function listStatusUpdates(activityId: number): StatusUpdateEntry[] {
  return getDb()
    .select({
      id: statusUpdates.id,
      ...updateColumns,
      completedOn: statusUpdates.completedOn,
      evidenceUrl: statusUpdates.evidenceUrl,
      evidenceFileName: statusUpdates.evidenceFileName,
      evidenceFile: statusUpdates.evidenceFile,
    })
    .from(statusUpdates)
    .leftJoin(users, eq(users.id, statusUpdates.userId))
    .where(eq(statusUpdates.activityId, activityId))
    .orderBy(desc(statusUpdates.asOf), desc(statusUpdates.createdAt), desc(statusUpdates.id))
    .all()
    .map(({ evidenceFile, createdAt, ...row }) => ({ ...row, createdAt: createdAt.getTime(), hasFile: evidenceFile !== null }));
}

/** Whether the user is linked to one of the owners named on the activity. */
export function isOwnActivity(userId: number, activityId: number): boolean {
  const row = getDb()
    .select({ one: sql`1` })
    .from(activityOwners)
    .innerJoin(userOwners, eq(userOwners.ownerId, activityOwners.ownerId))
    .where(and(eq(activityOwners.activityId, activityId), eq(userOwners.userId, userId)))
    .limit(1)
    .get();
  return row !== undefined;
}

/** Throws a 403 Response unless the user may record a status update on the activity. */
export function assertCanUpdateStatus(user: Pick<User, 'id' | 'role'>, activityId: number): void {
  if (!canUpdateStatus(user.role, isOwnActivity(user.id, activityId))) {
    throw new Response('Forbidden', { status: 403 });
  }
}
