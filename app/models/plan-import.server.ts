import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { todayInSofia } from '~/domain/dates';
import { diffPlan, type ComparableActivity, type PlanDiff } from '~/domain/plan-diff';
import type { Lang } from '~/domain/lang';
import { completionOf } from '~/domain/status';
import { translateWith } from '~/i18n/core';
import { importNoteWords } from '~/i18n/import-notes';
import { getDb, writeTransaction, type Tx } from '../../db/client';
import {
  activities,
  activityOwners,
  areas,
  cafCriteria,
  measureCafRefs,
  measures,
  organizations,
  owners,
  plans,
  scheduleChanges,
  statusUpdates,
} from '../../db/schema';
import type { ParsedActivity, ParsedMeasure, ParsedPlan } from '../../importers/types';
import { recordAudit } from './audit.server';
import { findOrCreateOwner } from './owner.server';
import { preparedInsert } from './statements.server';

export const DEFAULT_ORGANIZATION = 'Моята администрация';

export function findOrCreateOrganization(name: string): number {
  const db = getDb();
  const existing = db.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, name)).get();
  if (existing) return existing.id;
  return db.insert(organizations).values({ name }).returning({ id: organizations.id }).get().id;
}

/** The organization plans go to when none is named: the only one there is, or a new default. */
export function defaultOrganizationId(): number {
  const first = getDb().select({ id: organizations.id }).from(organizations).orderBy(organizations.id).get();
  return first?.id ?? findOrCreateOrganization(DEFAULT_ORGANIZATION);
}

/** The organization a file goes to: the plan's, when re-importing into one; else the default. */
export function importOrganizationId(planId: number | null | undefined): number {
  const plan = planId ? getDb().select({ organizationId: plans.organizationId }).from(plans).where(eq(plans.id, planId)).get() : undefined;
  return plan?.organizationId ?? defaultOrganizationId();
}

export type ImportOptions = {
  organization?: string;
  title?: string;
  fileName: string;
  /** sha256 (hex) of the file's bytes. */
  sha256?: string | null;
  userId?: number | null;
  approvedBy?: string | null;
  approvedOn?: string | null;
};

/** An activity to write: where it goes and its place in the plan. */
type NewActivity = { measureId: number; activity: ParsedActivity; position: number };

/**
 * Writes plan rows inside one transaction (a plan can have thousands of activities) with
 * statements prepared once (preparedInsert), caching owners and the known CAF codes.
 */
function planWriter(tx: Tx, planId: number, organizationId: number, userId: number | null) {
  const knownCaf = new Set(
    tx
      .select({ code: cafCriteria.code })
      .from(cafCriteria)
      .all()
      .map((c) => c.code),
  );
  const ownerIds = new Map<string, number>();
  const ownerId = (name: string) => {
    let id = ownerIds.get(name);
    if (id === undefined) {
      id = findOrCreateOwner(tx, organizationId, name);
      ownerIds.set(name, id);
    }
    return id;
  };
  const insertMeasure = preparedInsert(tx, measures, ['planId', 'areaId', 'code', 'title', 'kind', 'position']);
  const insertCafRef = preparedInsert(tx, measureCafRefs, ['measureId', 'cafCode'], { orIgnore: true });
  const insertOwner = preparedInsert(tx, activityOwners, ['activityId', 'ownerId', 'position'], { orIgnore: true });
  const insertActivity = preparedInsert(tx, activities, [
    'planId', 'measureId', 'code', 'title', 'start', 'baselineEnd', 'currentEnd', 'ongoing', 'ongoingText', 'indicator',
    'target', 'resources', 'note', 'sourceSheet', 'sourceRow', 'position', 'createdAt',
  ]);
  const insertStatus = preparedInsert(tx, statusUpdates, ['activityId', 'userId', 'status', 'percent', 'comment', 'completedOn', 'asOf', 'createdAt']);
  const now = new Date();
  // A status column of the plan reports on the day of the import.
  const today = todayInSofia(now);
  return {
    insertMeasure(areaId: number, measure: ParsedMeasure, position: number): number {
      const measureId = insertMeasure({ planId, areaId, code: measure.code, title: measure.title, kind: measure.kind, position });
      for (const cafCode of measure.cafRefs) if (knownCaf.has(cafCode)) insertCafRef({ measureId, cafCode });
      return measureId;
    },
    setCafRefs(measureId: number, cafRefs: string[]) {
      tx.delete(measureCafRefs).where(eq(measureCafRefs.measureId, measureId)).run();
      for (const cafCode of cafRefs) if (knownCaf.has(cafCode)) insertCafRef({ measureId, cafCode });
    },
    setOwners(activityId: number, names: string[], isNew = false) {
      if (!isNew) tx.delete(activityOwners).where(eq(activityOwners.activityId, activityId)).run();
      names.forEach((name, position) => insertOwner({ activityId, ownerId: ownerId(name), position }));
    },
    /** Inserts an activity with its owners and its first status (a status column of the plan); returns its id. */
    insertActivity({ measureId, activity, position }: NewActivity): number {
      const id = insertActivity({
        planId,
        measureId,
        code: activity.code,
        title: activity.title,
        start: activity.start,
        baselineEnd: activity.end,
        currentEnd: activity.end,
        ongoing: activity.ongoing,
        ongoingText: activity.ongoingText,
        indicator: activity.indicator,
        target: activity.target,
        resources: activity.resources,
        note: activity.note,
        sourceSheet: activity.source.sheet,
        sourceRow: activity.source.row,
        position,
        createdAt: now,
      });
      this.setOwners(id, activity.owners, true);
      const status = activity.status;
      if (status) {
        const { percent, completedOn } = completionOf({ ...status, completedOn: null }, today);
        insertStatus({ activityId: id, userId, status: status.status, percent, comment: status.comment, completedOn, asOf: today, createdAt: now });
      }
      return id;
    },
  };
}

/** Writes a parsed plan as a new plan, all in one transaction; returns the plan id. */
export function importPlanIntoDatabase(parsed: ParsedPlan, options: ImportOptions): number {
  const organizationId = options.organization ? findOrCreateOrganization(options.organization) : defaultOrganizationId();
  return writeTransaction((tx) => {
    const plan = tx
      .insert(plans)
      .values({
        organizationId,
        title: options.title || parsed.title || options.fileName,
        period: parsed.period,
        approvedBy: options.approvedBy ?? null,
        approvedOn: options.approvedOn ?? null,
        sourceFileName: options.fileName,
        sourceSha256: options.sha256 ?? null,
        importedAt: new Date(),
      })
      .returning({ id: plans.id })
      .get();
    const writer = planWriter(tx, plan.id, organizationId, options.userId ?? null);
    let position = 0;
    parsed.areas.forEach((area, areaIndex) => {
      const areaId = tx
        .insert(areas)
        .values({ planId: plan.id, code: area.code, title: area.title, position: areaIndex })
        .returning({ id: areas.id })
        .get().id;
      area.measures.forEach((measure, measureIndex) => {
        const measureId = writer.insertMeasure(areaId, measure, measureIndex);
        for (const activity of measure.activities) writer.insertActivity({ measureId, activity, position: position++ });
      });
    });
    recordAudit(
      options.userId ?? null,
      'plan',
      plan.id,
      'import',
      null,
      { fileName: options.fileName, areas: parsed.areas.length, warnings: parsed.warnings.length },
      tx,
    );
    return plan.id;
  });
}

export type ExistingActivity = ComparableActivity & { id: number };

/** The plan's live activities in the shape the diff compares. */
export function comparableActivities(planId: number): ExistingActivity[] {
  const db = getDb();
  const rows = db
    .select({
      id: activities.id,
      code: activities.code,
      title: activities.title,
      measureCode: measures.code,
      start: activities.start,
      end: activities.currentEnd,
      ongoing: activities.ongoing,
      ongoingText: activities.ongoingText,
      indicator: activities.indicator,
      target: activities.target,
      resources: activities.resources,
      note: activities.note,
    })
    .from(activities)
    .innerJoin(measures, eq(measures.id, activities.measureId))
    .where(and(eq(activities.planId, planId), eq(activities.archived, false)))
    .orderBy(activities.position)
    .all();
  const links = rows.length
    ? db
        .select({ activityId: activityOwners.activityId, name: owners.name })
        .from(activityOwners)
        .innerJoin(owners, eq(owners.id, activityOwners.ownerId))
        .where(
          inArray(
            activityOwners.activityId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(activityOwners.position)
        .all()
    : [];
  // Grouped once: filtering the links for every activity is quadratic (10,000 activities: 10^8 steps).
  const ownersById = new Map<number, string[]>();
  for (const link of links) {
    const names = ownersById.get(link.activityId);
    if (names) names.push(link.name);
    else ownersById.set(link.activityId, [link.name]);
  }
  return rows.map((row) => ({ ...row, owners: ownersById.get(row.id) ?? [] }));
}

export function parsedActivities(parsed: ParsedPlan): (ComparableActivity & { source: ParsedActivity })[] {
  return parsed.areas.flatMap((area) =>
    area.measures.flatMap((measure) =>
      measure.activities.map((activity) => ({
        code: activity.code,
        title: activity.title,
        measureCode: measure.code,
        start: activity.start,
        end: activity.end,
        ongoing: activity.ongoing,
        ongoingText: activity.ongoingText,
        indicator: activity.indicator,
        target: activity.target,
        resources: activity.resources,
        owners: activity.owners,
        note: activity.note,
        source: activity,
      })),
    ),
  );
}

export function previewReimport(planId: number, parsed: ParsedPlan): PlanDiff<ExistingActivity, ReturnType<typeof parsedActivities>[number]> {
  return diffPlan(comparableActivities(planId), parsedActivities(parsed));
}

/**
 * Applies an edited version of a plan in one transaction: areas and measures updated by code,
 * matched activities updated (a changed end date is a reschedule: the baseline stays), new
 * ones added, missing ones archived. Status history is never touched.
 */
export function applyReimport(planId: number, parsed: ParsedPlan, options: { userId: number; fileName: string; sha256?: string | null; lang?: Lang }) {
  const db = getDb();
  const plan = db.select().from(plans).where(eq(plans.id, planId)).get();
  if (!plan) throw new Response('Not found', { status: 404 });
  const incoming = parsedActivities(parsed);
  const diff = diffPlan(comparableActivities(planId), incoming);
  const matchBySource = new Map([...diff.changed, ...diff.unchanged].map((m) => [m.incoming.source, m]));
  return writeTransaction((tx) => {
    const writer = planWriter(tx, planId, plan.organizationId, options.userId);
    const areaIds = new Map(
      tx
        .select({ id: areas.id, code: areas.code })
        .from(areas)
        .where(eq(areas.planId, planId))
        // A live one wins over an archived one of the same code (the structure editor lets a code be reused).
        .orderBy(desc(areas.archived), asc(areas.id))
        .all()
        .map((a) => [a.code, a.id]),
    );
    const measureIds = new Map(
      tx
        .select({ id: measures.id, code: measures.code })
        .from(measures)
        .where(eq(measures.planId, planId))
        .orderBy(desc(measures.archived), asc(measures.id))
        .all()
        .map((m) => [m.code, m.id]),
    );
    let position = 0;
    parsed.areas.forEach((area, areaIndex) => {
      let areaId = areaIds.get(area.code);
      if (areaId === undefined) {
        areaId = tx.insert(areas).values({ planId, code: area.code, title: area.title, position: areaIndex }).returning({ id: areas.id }).get().id;
      } else {
        // An area (or measure) the file has is in the plan again, archived in the structure editor or not.
        tx.update(areas).set({ title: area.title, position: areaIndex, archived: false }).where(eq(areas.id, areaId)).run();
      }
      area.measures.forEach((measure, measureIndex) => {
        let measureId = measureIds.get(measure.code);
        if (measureId === undefined) {
          measureId = writer.insertMeasure(areaId, measure, measureIndex);
          measureIds.set(measure.code, measureId);
        } else {
          tx.update(measures)
            .set({ areaId, title: measure.title, kind: measure.kind, position: measureIndex, archived: false, archivedWith: null })
            .where(eq(measures.id, measureId))
            .run();
          writer.setCafRefs(measureId, measure.cafRefs);
        }
        for (const parsedActivity of measure.activities) {
          const match = matchBySource.get(parsedActivity);
          if (!match) {
            const id = writer.insertActivity({ measureId, activity: parsedActivity, position: position++ });
            recordAudit(options.userId, 'activity', id, 'reimport-add', null, { code: parsedActivity.code, title: parsedActivity.title }, tx);
            continue;
          }
          const id = match.existing.id;
          const changed = match.changes.length > 0;
          tx.update(activities)
            .set({
              measureId,
              code: parsedActivity.code,
              title: parsedActivity.title,
              start: parsedActivity.start,
              currentEnd: parsedActivity.end,
              ongoing: parsedActivity.ongoing,
              ongoingText: parsedActivity.ongoingText,
              indicator: parsedActivity.indicator,
              target: parsedActivity.target,
              resources: parsedActivity.resources,
              note: parsedActivity.note,
              sourceSheet: parsedActivity.source.sheet,
              sourceRow: parsedActivity.source.row,
              position: position++,
              ...(changed ? { version: activityVersion(tx, id) + 1 } : {}),
            })
            .where(eq(activities.id, id))
            .run();
          if (!changed) continue;
          if (match.changes.some((c) => c.field === 'owners')) writer.setOwners(id, parsedActivity.owners);
          if (match.changes.some((c) => c.field === 'end') && parsedActivity.end) {
            tx.insert(scheduleChanges)
              .values({
                activityId: id,
                userId: options.userId,
                previousEnd: match.existing.end,
                newEnd: parsedActivity.end,
                reason: translateWith(options.lang ?? 'bg', importNoteWords, 'reimportReason', { file: options.fileName }),
              })
              .run();
          }
          recordAudit(
            options.userId,
            'activity',
            id,
            'reimport-change',
            Object.fromEntries(match.changes.map((c) => [c.field, c.before])),
            Object.fromEntries(match.changes.map((c) => [c.field, c.after])),
            tx,
          );
        }
      });
    });
    for (const removed of diff.removed) {
      tx.update(activities).set({ archived: true }).where(eq(activities.id, removed.id)).run();
      recordAudit(options.userId, 'activity', removed.id, 'reimport-archive', { archived: false }, { archived: true }, tx);
    }
    tx.update(plans).set({ sourceFileName: options.fileName, sourceSha256: options.sha256 ?? null, importedAt: new Date(), period: parsed.period ?? plan.period }).where(eq(plans.id, planId)).run();
    const summary = { added: diff.added.length, changed: diff.changed.length, archived: diff.removed.length };
    recordAudit(options.userId, 'plan', planId, 'reimport', null, { fileName: options.fileName, ...summary }, tx);
    return summary;
  });
}

function activityVersion(tx: Tx, id: number): number {
  return tx.select({ version: activities.version }).from(activities).where(eq(activities.id, id)).get()!.version;
}

/** How many activities a parsed plan holds: a plan with none is never written. */
export function countActivities(parsed: ParsedPlan): number {
  return parsed.areas.reduce((n, area) => n + area.measures.reduce((m, measure) => m + measure.activities.length, 0), 0);
}
