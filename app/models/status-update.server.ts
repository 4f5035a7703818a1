import { getDb, writeTransaction } from '../../db/client';
import type { User } from '../../db/schema';
import { todayInSofia } from '~/domain/dates';
import { canUpdateStatus } from '~/domain/permissions';
import type { Status } from '~/domain/status';
import { recordAudit } from './audit.server';
import { notifyOfStatusUpdate } from './update-notifications.server';
import { prepared } from './statements.server';

export type StatusUpdateInput = {
  activityId: number;
  userId: number;
  status: Status;
  percent: number | null;
  comment: string | null;
  completedOn: string | null;
  /** The day the update reports on (YYYY-MM-DD); by default today in Sofia. Callers check it is not in the future. */
  asOf?: string;
  evidenceUrl?: string | null;
  evidenceFile?: string | null;
  evidenceFileName?: string | null;
  /** The activities.version the form was rendered from; a different current version is refused. */
  expectedVersion?: number;
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
 * unknown or archived activity. A done update without a percent is stored as 100%.
 */
export function recordStatusUpdate(input: StatusUpdateInput): StatusUpdateResult {
  const sqlite = getDb().$client;
  return writeTransaction((tx) => {
    const current = prepared(sqlite, 'select version from activities where id = ? and archived = 0')
      .get(input.activityId) as { version: number } | undefined;
    if (!current) throw new Response('Not found', { status: 404 });
    if (input.expectedVersion !== undefined && input.expectedVersion !== current.version) {
      return { ok: false, reason: 'stale', version: current.version, latest: latestStatusUpdate(input.activityId) } as const;
    }
    const percent = input.status === 'done' && input.percent === null ? 100 : input.percent;
    const values = {
      status: input.status,
      percent,
      comment: input.comment,
      completedOn: input.status === 'done' ? input.completedOn : null,
      asOf: input.asOf ?? todayInSofia(),
      evidenceUrl: input.evidenceUrl ?? null,
      evidenceFile: input.evidenceFile ?? null,
      evidenceFileName: input.evidenceFileName ?? null,
    };
    const inserted = prepared(
      sqlite,
      `insert into status_updates (activity_id, user_id, status, percent, comment, completed_on, evidence_url,
         evidence_file, evidence_file_name, as_of, created_at)
       values (:activityId, :userId, :status, :percent, :comment, :completedOn, :evidenceUrl, :evidenceFile, :evidenceFileName, :asOf, :createdAt)`,
    ).run({ activityId: input.activityId, userId: input.userId, ...values, createdAt: Date.now() });
    const version = current.version + 1;
    prepared(sqlite, 'update activities set version = ? where id = ?').run(version, input.activityId);
    const updateId = Number(inserted.lastInsertRowid);
    recordAudit(input.userId, 'activity', input.activityId, 'status-update', null, { updateId, ...values }, tx);
    notifyOfStatusUpdate(tx, updateId);
    return { ok: true, updateId, version } as const;
  });
}

/** The status update of an activity recorded last, with its author's name (what a form was rendered from is judged by it). */
export function latestStatusUpdate(activityId: number): LatestUpdate | null {
  const row = prepared(
    getDb().$client,
    `select su.status, su.percent, su.comment, u.name as userName, su.as_of as asOf, su.created_at as createdAt
     from status_updates su left join users u on u.id = su.user_id
     where su.activity_id = ? order by su.created_at desc, su.id desc limit 1`,
  ).get(activityId) as LatestUpdate | undefined;
  return row ?? null;
}

export type StatusUpdateRow = LatestUpdate & {
  id: number;
  completedOn: string | null;
  evidenceUrl: string | null;
  evidenceFileName: string | null;
  hasFile: boolean;
};

/** Every status update of an activity, the latest day reported on first (then the later recorded): the order the state counts them in. */
export function listStatusUpdates(activityId: number): StatusUpdateRow[] {
  const rows = getDb()
    .$client.prepare(
      `select su.id, su.status, su.percent, su.comment, su.completed_on as completedOn, su.evidence_url as evidenceUrl,
         su.evidence_file_name as evidenceFileName, su.evidence_file is not null as hasFile,
         u.name as userName, su.as_of as asOf, su.created_at as createdAt
       from status_updates su left join users u on u.id = su.user_id
       where su.activity_id = ? order by su.as_of desc, su.created_at desc, su.id desc`,
    )
    .all(activityId) as (Omit<StatusUpdateRow, 'hasFile'> & { hasFile: number })[];
  return rows.map((row) => ({ ...row, hasFile: row.hasFile === 1 }));
}

/** Whether the user is linked to one of the owners named on the activity. */
export function isOwnActivity(userId: number, activityId: number): boolean {
  return Boolean(
    prepared(
      getDb().$client,
      `select 1 from activity_owners ao join user_owners uo on uo.owner_id = ao.owner_id
       where ao.activity_id = ? and uo.user_id = ? limit 1`,
    ).get(activityId, userId),
  );
}

/** Throws a 403 Response unless the user may record a status update on the activity. */
export function assertCanUpdateStatus(user: Pick<User, 'id' | 'role'>, activityId: number): void {
  if (!canUpdateStatus(user.role, isOwnActivity(user.id, activityId))) {
    throw new Response('Forbidden', { status: 403 });
  }
}
