/** One activity: everything the activity page shows, and its edits and reschedules (versioned, audited). */
import { getDb, writeTransaction } from '../../db/client';
import { deriveActivityState, type ActivityState } from '~/domain/activity-state';
import { todayInSofia } from '~/domain/dates';
import type { OwnerRef } from '~/domain/activity-row';
import { ownersOf } from './activity-list.server';
import { listAuditEvents, recordAudit } from './audit.server';
import { listStatusUpdates } from './status-update.server';

export type ActivityDetail = {
  id: number;
  planId: number;
  planTitle: string;
  organizationId: number;
  area: { code: string; title: string };
  measure: { id: number; code: string; title: string; kind: 'strategic' | 'quick_win' | null };
  caf: { code: string; titleBg: string; titleEn: string; criterionTitleBg: string | null; criterionTitleEn: string | null }[];
  code: string;
  title: string;
  start: string | null;
  baselineEnd: string | null;
  currentEnd: string | null;
  ongoing: boolean;
  ongoingText: string | null;
  indicator: string | null;
  target: string | null;
  resources: string | null;
  note: string | null;
  sourceSheet: string | null;
  sourceRow: number | null;
  version: number;
  owners: OwnerRef[];
  state: ActivityState;
  updates: ReturnType<typeof listStatusUpdates>;
  scheduleChanges: { id: number; previousEnd: string | null; newEnd: string; reason: string | null; userName: string | null; createdAt: number }[];
  audit: { id: number; action: string; before: unknown; after: unknown; createdAt: number; userName: string | null }[];
};

/** Everything about one activity: fields, CAF titles, owners, state as of a date, history and audit trail. */
export function getActivityDetail(activityId: number, asOf = todayInSofia()): ActivityDetail | null {
  const sqlite = getDb().$client;
  const row = sqlite
    .prepare(
      `select a.id, a.plan_id as planId, p.title as planTitle, p.organization_id as organizationId,
         ar.code as areaCode, ar.title as areaTitle, m.id as measureId, m.code as measureCode, m.title as measureTitle,
         m.kind as measureKind, a.code, a.title, a.start, a.baseline_end as baselineEnd, a.current_end as currentEnd,
         a.ongoing, a.ongoing_text as ongoingText, a.indicator, a.target, a.resources, a.note, a.source_sheet as sourceSheet, a.source_row as sourceRow, a.version
       from activities a join plans p on p.id = a.plan_id join measures m on m.id = a.measure_id
       join areas ar on ar.id = m.area_id
       where a.id = ? and a.archived = 0`,
    )
    .get(activityId) as
    | (Record<'areaCode' | 'areaTitle' | 'measureCode' | 'measureTitle', string> & {
        measureId: number;
        measureKind: ActivityDetail['measure']['kind'];
        ongoing: number;
      } & Omit<ActivityDetail, 'area' | 'measure' | 'caf' | 'owners' | 'state' | 'updates' | 'scheduleChanges' | 'audit' | 'ongoing'>)
    | undefined;
  if (!row) return null;
  const caf = sqlite
    .prepare(
      `select c.code, c.title_bg as titleBg, c.title_en as titleEn, p.title_bg as criterionTitleBg, p.title_en as criterionTitleEn
       from measure_caf_refs r join caf_criteria c on c.code = r.caf_code left join caf_criteria p on p.code = c.parent_code
       where r.measure_id = ? order by c.code`,
    )
    .all(row.measureId) as ActivityDetail['caf'];
  const scheduleChanges = sqlite
    .prepare(
      `select sc.id, sc.previous_end as previousEnd, sc.new_end as newEnd, sc.reason, u.name as userName, sc.created_at as createdAt
       from schedule_changes sc left join users u on u.id = sc.user_id where sc.activity_id = ?
       order by sc.created_at desc, sc.id desc`,
    )
    .all(activityId) as ActivityDetail['scheduleChanges'];
  const updates = listStatusUpdates(activityId);
  const state = deriveActivityState(
    {
      start: row.start,
      baselineEnd: row.baselineEnd,
      ongoing: row.ongoing === 1,
      endChanges: scheduleChanges.map((change) => ({ at: change.createdAt, newEnd: change.newEnd })),
    },
    updates.map((update) => ({ at: update.createdAt, asOf: update.asOf, status: update.status, percent: update.percent, completedOn: update.completedOn })),
    asOf,
  );
  const audit = listAuditEvents('activity', activityId).map((event) => ({ ...event, createdAt: event.createdAt.getTime() }));
  const { areaCode, areaTitle, measureId, measureCode, measureTitle, measureKind, ...rest } = row;
  return {
    ...rest,
    ongoing: row.ongoing === 1,
    area: { code: areaCode, title: areaTitle },
    measure: { id: measureId, code: measureCode, title: measureTitle, kind: measureKind },
    caf,
    owners: ownersOf([activityId]).get(activityId) ?? [],
    state,
    updates,
    scheduleChanges,
    audit,
  };
}

/** The owners of an organization, to choose from when editing an activity. */
export function organizationOwners(organizationId: number): OwnerRef[] {
  return getDb()
    .$client.prepare('select id, name from owners where organization_id = ? order by name')
    .all(organizationId) as OwnerRef[];
}

export type LatestChange = { action: string; userName: string | null; createdAt: number };
export type ChangeResult = { ok: true; version: number } | { ok: false; reason: 'stale'; version: number; latest: LatestChange | null };

type Current = {
  id: number;
  version: number;
  organizationId: number;
  title: string;
  start: string | null;
  baselineEnd: string | null;
  currentEnd: string | null;
  ongoing: number;
  target: string | null;
  note: string | null;
};

/** Loads the activity inside a write, refusing an unknown one (404) or a stale version. */
function lockActivity(activityId: number, expectedVersion: number | undefined): { current: Current } | { stale: ChangeResult } {
  const sqlite = getDb().$client;
  const current = sqlite
    .prepare(
      `select a.id, a.version, p.organization_id as organizationId, a.title, a.start, a.baseline_end as baselineEnd,
         a.current_end as currentEnd, a.ongoing, a.target, a.note
       from activities a join plans p on p.id = a.plan_id where a.id = ? and a.archived = 0`,
    )
    .get(activityId) as Current | undefined;
  if (!current) throw new Response('Not found', { status: 404 });
  if (expectedVersion !== undefined && expectedVersion !== current.version) {
    const latest = sqlite
      .prepare(
        `select e.action, u.name as userName, e.created_at as createdAt from audit_events e left join users u on u.id = e.user_id
         where e.entity = 'activity' and e.entity_id = ? order by e.created_at desc, e.id desc limit 1`,
      )
      .get(activityId) as LatestChange | undefined;
    return { stale: { ok: false, reason: 'stale', version: current.version, latest: latest ?? null } };
  }
  return { current };
}

export type ActivityEdit = {
  title: string;
  start: string | null;
  baselineEnd: string | null;
  ongoing: boolean;
  target: string | null;
  note: string | null;
  ownerIds: number[];
};

/**
 * Edits an activity's fields and owners in one transaction. The baseline end is the plan's
 * own date (a correction); while the activity was never rescheduled the current end follows it.
 */
export function updateActivity(activityId: number, edit: ActivityEdit, userId: number, expectedVersion?: number): ChangeResult {
  const sqlite = getDb().$client;
  return writeTransaction((tx) => {
    const locked = lockActivity(activityId, expectedVersion);
    if ('stale' in locked) return locked.stale;
    const { current } = locked;
    const validOwners = sqlite
      .prepare('select id from owners where organization_id = ? and id in (select value from json_each(?))')
      .all(current.organizationId, JSON.stringify(edit.ownerIds)) as { id: number }[];
    const ownerIds = edit.ownerIds.filter((id) => validOwners.some((o) => o.id === id));
    const beforeOwners = (
      sqlite.prepare('select owner_id as id from activity_owners where activity_id = ? order by position').all(activityId) as { id: number }[]
    ).map((o) => o.id);
    const rescheduled = sqlite.prepare('select 1 from schedule_changes where activity_id = ? limit 1').get(activityId);
    const currentEnd = rescheduled ? current.currentEnd : edit.baselineEnd;
    const version = current.version + 1;
    sqlite
      .prepare(
        `update activities set title = :title, start = :start, baseline_end = :baselineEnd, current_end = :currentEnd,
           ongoing = :ongoing, target = :target, note = :note, version = :version where id = :id`,
      )
      .run({
        title: edit.title,
        start: edit.start,
        baselineEnd: edit.baselineEnd,
        currentEnd,
        ongoing: edit.ongoing ? 1 : 0,
        target: edit.target,
        note: edit.note,
        version,
        id: activityId,
      });
    sqlite.prepare('delete from activity_owners where activity_id = ?').run(activityId);
    const insertOwner = sqlite.prepare('insert into activity_owners (activity_id, owner_id, position) values (?, ?, ?)');
    ownerIds.forEach((ownerId, position) => insertOwner.run(activityId, ownerId, position));
    const { id: _id, version: _version, organizationId: _org, ...before } = current;
    recordAudit(
      userId,
      'activity',
      activityId,
      'edit',
      { ...before, ongoing: before.ongoing === 1, ownerIds: beforeOwners },
      { ...edit, currentEnd, ownerIds },
      tx,
    );
    return { ok: true, version } as const;
  });
}

/** Moves the activity's end date with a reason: a schedule_changes row, the new current end; the baseline stays. */
export function rescheduleActivity(
  activityId: number,
  input: { newEnd: string; reason: string },
  userId: number,
  expectedVersion?: number,
): ChangeResult {
  const sqlite = getDb().$client;
  return writeTransaction((tx) => {
    const locked = lockActivity(activityId, expectedVersion);
    if ('stale' in locked) return locked.stale;
    const { current } = locked;
    const previousEnd = current.currentEnd ?? current.baselineEnd;
    sqlite
      .prepare(
        `insert into schedule_changes (activity_id, user_id, previous_end, new_end, reason, created_at)
         values (?, ?, ?, ?, ?, ?)`,
      )
      .run(activityId, userId, previousEnd, input.newEnd, input.reason, Date.now());
    const version = current.version + 1;
    sqlite.prepare('update activities set current_end = ?, version = ? where id = ?').run(input.newEnd, version, activityId);
    recordAudit(
      userId,
      'activity',
      activityId,
      'reschedule',
      { end: previousEnd, baselineEnd: current.baselineEnd },
      { end: input.newEnd, reason: input.reason },
      tx,
    );
    return { ok: true, version } as const;
  });
}
