/** One activity: everything the activity page shows, and its edits and reschedules (versioned, audited). */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { ActivityDetail, LatestChange } from '~/domain/activity-detail';
import { deriveActivityState } from '~/domain/activity-state';
import { todayInSofia } from '~/domain/dates';
import type { OwnerRef } from '~/domain/activity-row';
import {
  activities,
  activityOwners,
  areas,
  auditEvents,
  cafCriteria,
  measureCafRefs,
  measures,
  owners,
  plans,
  scheduleChanges,
  users,
} from '../../db/schema';
import { getDb, writeTransaction, type Tx } from '../../db/client';
import { ownersOf } from './activity-list.server';
import { listAuditEvents, recordAudit } from './audit.server';
import { listStatusUpdates } from './status-update.server';

const criterion = alias(cafCriteria, 'criterion');

/** Everything about one activity: fields, CAF titles, owners, state as of a date, history and audit trail. */
export function getActivityDetail(activityId: number, asOf = todayInSofia()): ActivityDetail | null {
  const db = getDb();
  const row = db
    .select({
      id: activities.id,
      planId: activities.planId,
      planTitle: plans.title,
      planStatus: plans.status,
      organizationId: plans.organizationId,
      area: { code: areas.code, title: areas.title },
      measure: { id: measures.id, code: measures.code, title: measures.title, kind: measures.kind },
      code: activities.code,
      title: activities.title,
      start: activities.start,
      baselineEnd: activities.baselineEnd,
      currentEnd: activities.currentEnd,
      ongoing: activities.ongoing,
      ongoingText: activities.ongoingText,
      indicator: activities.indicator,
      target: activities.target,
      resources: activities.resources,
      note: activities.note,
      sourceSheet: activities.sourceSheet,
      sourceRow: activities.sourceRow,
      version: activities.version,
    })
    .from(activities)
    .innerJoin(plans, eq(plans.id, activities.planId))
    .innerJoin(measures, eq(measures.id, activities.measureId))
    .innerJoin(areas, eq(areas.id, measures.areaId))
    .where(and(eq(activities.id, activityId), eq(activities.archived, false)))
    .get();
  if (!row) return null;
  const caf = db
    .select({
      code: cafCriteria.code,
      titleBg: cafCriteria.titleBg,
      titleEn: cafCriteria.titleEn,
      criterionTitleBg: criterion.titleBg,
      criterionTitleEn: criterion.titleEn,
    })
    .from(measureCafRefs)
    .innerJoin(cafCriteria, eq(cafCriteria.code, measureCafRefs.cafCode))
    .leftJoin(criterion, eq(criterion.code, cafCriteria.parentCode))
    .where(eq(measureCafRefs.measureId, row.measure.id))
    .orderBy(asc(cafCriteria.code))
    .all();
  const changes = db
    .select({
      id: scheduleChanges.id,
      previousEnd: scheduleChanges.previousEnd,
      newEnd: scheduleChanges.newEnd,
      reason: scheduleChanges.reason,
      userName: users.name,
      createdAt: scheduleChanges.createdAt,
    })
    .from(scheduleChanges)
    .leftJoin(users, eq(users.id, scheduleChanges.userId))
    .where(eq(scheduleChanges.activityId, activityId))
    .orderBy(desc(scheduleChanges.createdAt), desc(scheduleChanges.id))
    .all()
    .map((change) => ({ ...change, createdAt: change.createdAt.getTime() }));
  const updates = listStatusUpdates(activityId);
  const state = deriveActivityState(
    {
      start: row.start,
      baselineEnd: row.baselineEnd,
      ongoing: row.ongoing,
      endChanges: changes.map((change) => ({ at: change.createdAt, newEnd: change.newEnd })),
    },
    updates.map((update) => ({ at: update.createdAt, asOf: update.asOf, status: update.status, percent: update.percent, completedOn: update.completedOn })),
    asOf,
  );
  const audit = listAuditEvents('activity', activityId).map((event) => ({ ...event, createdAt: event.createdAt.getTime() }));
  return {
    ...row,
    caf,
    owners: ownersOf([activityId]).get(activityId) ?? [],
    state,
    updates,
    scheduleChanges: changes,
    audit,
  };
}

/** The owners of an organization, to choose from when editing an activity. */
export function organizationOwners(organizationId: number): OwnerRef[] {
  return getDb()
    .select({ id: owners.id, name: owners.name })
    .from(owners)
    .where(eq(owners.organizationId, organizationId))
    .orderBy(asc(owners.name))
    .all();
}

export type ChangeResult = { ok: true; version: number } | { ok: false; reason: 'stale'; version: number; latest: LatestChange | null };

/** Loads the activity inside a write, refusing an unknown one (404) or a stale version. */
function lockActivity(tx: Tx, activityId: number, expectedVersion: number | undefined) {
  const current = tx
    .select({
      version: activities.version,
      organizationId: plans.organizationId,
      planStatus: plans.status,
      title: activities.title,
      start: activities.start,
      baselineEnd: activities.baselineEnd,
      currentEnd: activities.currentEnd,
      ongoing: activities.ongoing,
      target: activities.target,
      note: activities.note,
    })
    .from(activities)
    .innerJoin(plans, eq(plans.id, activities.planId))
    .where(and(eq(activities.id, activityId), eq(activities.archived, false)))
    .get();
  if (!current) throw new Response('Not found', { status: 404 });
  if (expectedVersion !== undefined && expectedVersion !== current.version) {
    const latest = tx
      .select({ action: auditEvents.action, userName: users.name, createdAt: auditEvents.createdAt })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.userId))
      .where(and(eq(auditEvents.entity, 'activity'), eq(auditEvents.entityId, activityId)))
      .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
      .limit(1)
      .get();
    const stale: ChangeResult = { ok: false, reason: 'stale', version: current.version, latest: latest ? { ...latest, createdAt: latest.createdAt.getTime() } : null };
    return { stale };
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
  return writeTransaction((tx) => {
    const locked = lockActivity(tx, activityId, expectedVersion);
    if (locked.stale) return locked.stale;
    const { version: currentVersion, organizationId, planStatus: _status, ...before } = locked.current;
    const valid = new Set(
      edit.ownerIds.length === 0
        ? []
        : tx
            .select({ id: owners.id })
            .from(owners)
            .where(and(eq(owners.organizationId, organizationId), inArray(owners.id, edit.ownerIds)))
            .all()
            .map((owner) => owner.id),
    );
    const ownerIds = edit.ownerIds.filter((id) => valid.has(id));
    const beforeOwners = tx
      .select({ id: activityOwners.ownerId })
      .from(activityOwners)
      .where(eq(activityOwners.activityId, activityId))
      .orderBy(asc(activityOwners.position))
      .all()
      .map((owner) => owner.id);
    const rescheduled = tx.select({ id: scheduleChanges.id }).from(scheduleChanges).where(eq(scheduleChanges.activityId, activityId)).limit(1).get();
    const currentEnd = rescheduled ? before.currentEnd : edit.baselineEnd;
    const version = currentVersion + 1;
    const { ownerIds: _asked, ...fields } = edit;
    tx.update(activities).set({ ...fields, currentEnd, version }).where(eq(activities.id, activityId)).run();
    tx.delete(activityOwners).where(eq(activityOwners.activityId, activityId)).run();
    if (ownerIds.length) tx.insert(activityOwners).values(ownerIds.map((ownerId, position) => ({ activityId, ownerId, position }))).run();
    recordAudit(userId, 'activity', activityId, 'edit', { ...before, ownerIds: beforeOwners }, { ...edit, currentEnd, ownerIds }, tx);
    return { ok: true, version } as const;
  });
}

/**
 * Moves the activity's end date with a reason: a schedule_changes row, the new current end; the
 * baseline stays. In a draft plan nothing is fixed yet: the end moves the baseline with it (no
 * reschedule is recorded), until the plan is approved (plan-draft.server.ts).
 */
export function rescheduleActivity(
  activityId: number,
  input: { newEnd: string; reason: string },
  userId: number,
  expectedVersion?: number,
): ChangeResult {
  return writeTransaction((tx) => {
    const locked = lockActivity(tx, activityId, expectedVersion);
    if (locked.stale) return locked.stale;
    const { current } = locked;
    const previousEnd = current.currentEnd ?? current.baselineEnd;
    if (current.planStatus === 'draft') {
      const version = current.version + 1;
      tx.update(activities).set({ baselineEnd: input.newEnd, currentEnd: input.newEnd, version }).where(eq(activities.id, activityId)).run();
      recordAudit(userId, 'activity', activityId, 'edit', { baselineEnd: current.baselineEnd, currentEnd: current.currentEnd }, { baselineEnd: input.newEnd, currentEnd: input.newEnd, reason: input.reason }, tx);
      return { ok: true, version } as const;
    }
    tx.insert(scheduleChanges).values({ activityId, userId, previousEnd, newEnd: input.newEnd, reason: input.reason }).run();
    const version = current.version + 1;
    tx.update(activities).set({ currentEnd: input.newEnd, version }).where(eq(activities.id, activityId)).run();
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
