/**
 * The structure editor's reads and writes: a plan's areas, measures and activities added,
 * changed, moved up or down among their siblings, archived and restored. Every write checks the
 * version its form was rendered from, refuses a code another live item of its level in the plan
 * has, and records its audit event in its own transaction.
 *
 * Archiving is what a re-import does to a removed activity (archived = true), so every figure
 * that leaves archived activities out leaves these out too. Archiving a measure archives its
 * live activities with it (archivedWith 'measure'), an area its live measures and their live
 * activities (archivedWith 'area'); restoring brings back only what was archived with it.
 */
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { ActivityFields, AreaFields, MeasureFields, StructureArea, StructureLevel } from '~/domain/plan-structure-form';
import { getDb, writeTransaction, type Tx } from '../../db/client';
import { activities, activityOwners, areas, cafCriteria, measureCafRefs, measures, owners, plans, scheduleChanges } from '../../db/schema';
import { recordAudit } from './audit.server';
import { findOrCreateOwner } from './owner.server';

/** Every area, measure and activity of a plan, archived ones too, in the plan's order. */
export function getPlanStructure(planId: number): StructureArea[] {
  const db = getDb();
  const areaRows = db
    .select({ id: areas.id, code: areas.code, title: areas.title, archived: areas.archived, version: areas.version })
    .from(areas)
    .where(eq(areas.planId, planId))
    .orderBy(asc(areas.position), asc(areas.id))
    .all();
  const measureRows = db
    .select({ id: measures.id, areaId: measures.areaId, code: measures.code, title: measures.title, kind: measures.kind, archived: measures.archived, version: measures.version })
    .from(measures)
    .where(eq(measures.planId, planId))
    .orderBy(asc(measures.position), asc(measures.id))
    .all();
  const refs = db
    .select({ measureId: measureCafRefs.measureId, code: measureCafRefs.cafCode })
    .from(measureCafRefs)
    .innerJoin(measures, eq(measures.id, measureCafRefs.measureId))
    .where(eq(measures.planId, planId))
    .orderBy(asc(measureCafRefs.cafCode))
    .all();
  const activityRows = db
    .select({
      id: activities.id,
      measureId: activities.measureId,
      code: activities.code,
      title: activities.title,
      start: activities.start,
      currentEnd: activities.currentEnd,
      baselineEnd: activities.baselineEnd,
      ongoing: activities.ongoing,
      ongoingText: activities.ongoingText,
      indicator: activities.indicator,
      target: activities.target,
      resources: activities.resources,
      note: activities.note,
      archived: activities.archived,
      version: activities.version,
    })
    .from(activities)
    .where(eq(activities.planId, planId))
    .orderBy(asc(activities.position), asc(activities.id))
    .all();
  const ownerRows = db
    .select({ activityId: activityOwners.activityId, name: owners.name })
    .from(activityOwners)
    .innerJoin(owners, eq(owners.id, activityOwners.ownerId))
    .innerJoin(activities, eq(activities.id, activityOwners.activityId))
    .where(eq(activities.planId, planId))
    .orderBy(asc(activityOwners.position))
    .all();
  const ownersOf = groupBy(ownerRows, (row) => row.activityId);
  const refsOf = groupBy(refs, (row) => row.measureId);
  const activitiesOf = groupBy(activityRows, (row) => row.measureId);
  const measuresOf = groupBy(measureRows, (row) => row.areaId);
  return areaRows.map((area) => ({
    ...area,
    measures: (measuresOf.get(area.id) ?? []).map(({ areaId: _area, ...measure }) => ({
      ...measure,
      cafRefs: (refsOf.get(measure.id) ?? []).map((ref) => ref.code),
      activities: (activitiesOf.get(measure.id) ?? []).map(({ measureId: _measure, ...activity }) => ({
        ...activity,
        owners: (ownersOf.get(activity.id) ?? []).map((owner) => owner.name),
      })),
    })),
  }));
}

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/** Why a change was refused: a stale form, a code in use, or an item that cannot be restored while its parent is archived. */
export type StructureRefusal = 'stale' | 'duplicateCode' | 'parentArchived';
export type StructureResult = { ok: true; id: number } | { ok: false; reason: StructureRefusal };

const TABLES = { area: areas, measure: measures, activity: activities } as const;

/** The item of a level in the plan, inside a write; 404 when the plan has no such item. */
function itemOf(tx: Tx, level: StructureLevel, planId: number, id: number) {
  const table = TABLES[level];
  const row = tx
    .select({ id: table.id, code: table.code, title: table.title, archived: table.archived, version: table.version })
    .from(table)
    .where(and(eq(table.id, id), eq(table.planId, planId)))
    .get();
  if (!row) throw new Response('Not found', { status: 404 });
  return row;
}

/** Another live item of the level in the plan has the code. */
function codeTaken(tx: Tx, level: StructureLevel, planId: number, code: string, exceptId: number | null): boolean {
  const table = TABLES[level];
  const conditions = [eq(table.planId, planId), eq(table.code, code), eq(table.archived, false)];
  if (exceptId !== null) conditions.push(ne(table.id, exceptId));
  return tx.select({ id: table.id }).from(table).where(and(...conditions)).limit(1).get() !== undefined;
}

function organizationOf(tx: Tx, planId: number): number {
  const plan = tx.select({ organizationId: plans.organizationId }).from(plans).where(eq(plans.id, planId)).get();
  if (!plan) throw new Response('Not found', { status: 404 });
  return plan.organizationId;
}

function setCafRefs(tx: Tx, measureId: number, refs: string[]) {
  tx.delete(measureCafRefs).where(eq(measureCafRefs.measureId, measureId)).run();
  const known = refs.length ? tx.select({ code: cafCriteria.code }).from(cafCriteria).where(inArray(cafCriteria.code, refs)).all() : [];
  if (known.length) tx.insert(measureCafRefs).values(known.map((ref) => ({ measureId, cafCode: ref.code }))).run();
}

function setOwners(tx: Tx, planId: number, activityId: number, names: string[]) {
  const organizationId = organizationOf(tx, planId);
  tx.delete(activityOwners).where(eq(activityOwners.activityId, activityId)).run();
  const ids = [...new Set(names.map((name) => findOrCreateOwner(tx, organizationId, name)))];
  if (ids.length) tx.insert(activityOwners).values(ids.map((ownerId, position) => ({ activityId, ownerId, position }))).run();
}

/**
 * Activities are listed by their plan-wide position: after a change of order it is made to
 * follow the areas' and measures' order again (archived ones keep their place among them).
 */
function resequenceActivities(tx: Tx, planId: number) {
  const rows = tx
    .select({ id: activities.id, position: activities.position })
    .from(activities)
    .innerJoin(measures, eq(measures.id, activities.measureId))
    .innerJoin(areas, eq(areas.id, measures.areaId))
    .where(eq(activities.planId, planId))
    .orderBy(asc(areas.position), asc(areas.id), asc(measures.position), asc(measures.id), asc(activities.position), asc(activities.id))
    .all();
  rows.forEach((row, position) => {
    if (row.position !== position) tx.update(activities).set({ position }).where(eq(activities.id, row.id)).run();
  });
}

/** The next position among a parent's children. */
function nextPosition(tx: Tx, level: StructureLevel, planId: number, parentId: number | null): number {
  const siblings = siblingsOf(tx, level, planId, parentId);
  return siblings.length ? Math.max(...siblings.map((s) => s.position)) + 1 : 0;
}

function siblingsOf(tx: Tx, level: StructureLevel, planId: number, parentId: number | null) {
  if (level === 'area') return tx.select({ id: areas.id, position: areas.position }).from(areas).where(eq(areas.planId, planId)).orderBy(asc(areas.position), asc(areas.id)).all();
  if (level === 'measure') {
    return tx.select({ id: measures.id, position: measures.position }).from(measures).where(eq(measures.areaId, parentId!)).orderBy(asc(measures.position), asc(measures.id)).all();
  }
  return tx
    .select({ id: activities.id, position: activities.position })
    .from(activities)
    .where(eq(activities.measureId, parentId!))
    .orderBy(asc(activities.position), asc(activities.id))
    .all();
}

function parentOf(tx: Tx, level: StructureLevel, id: number): number | null {
  if (level === 'measure') return tx.select({ areaId: measures.areaId }).from(measures).where(eq(measures.id, id)).get()!.areaId;
  if (level === 'activity') return tx.select({ measureId: activities.measureId }).from(activities).where(eq(activities.id, id)).get()!.measureId;
  return null;
}

type NewItem = { level: 'area'; fields: AreaFields } | { level: 'measure'; fields: MeasureFields } | { level: 'activity'; fields: ActivityFields };

/** Adds an item at the end of its parent (an area of the plan, a measure of an area, an activity of a measure). */
export function addStructureItem(planId: number, parentId: number | null, item: NewItem, userId: number): StructureResult {
  return writeTransaction((tx) => {
    organizationOf(tx, planId);
    if (item.level !== 'area') {
      const parent = itemOf(tx, item.level === 'measure' ? 'area' : 'measure', planId, parentId ?? 0);
      if (parent.archived) return { ok: false, reason: 'parentArchived' } as const;
    }
    if (codeTaken(tx, item.level, planId, item.fields.code, null)) return { ok: false, reason: 'duplicateCode' } as const;
    let id: number;
    if (item.level === 'area') {
      const position = nextPosition(tx, 'area', planId, null);
      id = tx.insert(areas).values({ planId, code: item.fields.code, title: item.fields.title, position }).returning({ id: areas.id }).get().id;
    } else if (item.level === 'measure') {
      const { cafRefs, ...fields } = item.fields;
      const position = nextPosition(tx, 'measure', planId, parentId);
      id = tx.insert(measures).values({ planId, areaId: parentId!, ...fields, position }).returning({ id: measures.id }).get().id;
      setCafRefs(tx, id, cafRefs);
    } else {
      const { owners: names, end, ...fields } = item.fields;
      id = tx
        .insert(activities)
        .values({ planId, measureId: parentId!, ...fields, baselineEnd: end, currentEnd: end, position: Number.MAX_SAFE_INTEGER })
        .returning({ id: activities.id })
        .get().id;
      setOwners(tx, planId, id, names);
      resequenceActivities(tx, planId);
    }
    recordAudit(userId, item.level, id, 'structure-add', null, item.fields, tx);
    return { ok: true, id } as const;
  });
}

/** Changes an item's fields. An activity's end is the plan's own date: while it was never rescheduled the current end follows it. */
export function editStructureItem(planId: number, id: number, version: number, item: NewItem, userId: number): StructureResult {
  return writeTransaction((tx) => {
    const current = itemOf(tx, item.level, planId, id);
    if (current.version !== version) return { ok: false, reason: 'stale' } as const;
    if (item.fields.code !== current.code && codeTaken(tx, item.level, planId, item.fields.code, id)) return { ok: false, reason: 'duplicateCode' } as const;
    const next = version + 1;
    let before: unknown;
    if (item.level === 'area') {
      before = { code: current.code, title: current.title };
      tx.update(areas).set({ ...item.fields, version: next }).where(eq(areas.id, id)).run();
    } else if (item.level === 'measure') {
      const row = tx.select({ kind: measures.kind }).from(measures).where(eq(measures.id, id)).get()!;
      const refs = tx.select({ code: measureCafRefs.cafCode }).from(measureCafRefs).where(eq(measureCafRefs.measureId, id)).all();
      before = { code: current.code, title: current.title, kind: row.kind, cafRefs: refs.map((ref) => ref.code) };
      const { cafRefs, ...fields } = item.fields;
      tx.update(measures).set({ ...fields, version: next }).where(eq(measures.id, id)).run();
      setCafRefs(tx, id, cafRefs);
    } else {
      const row = tx
        .select({ start: activities.start, baselineEnd: activities.baselineEnd, currentEnd: activities.currentEnd, indicator: activities.indicator, target: activities.target })
        .from(activities)
        .where(eq(activities.id, id))
        .get()!;
      const ownerNames = tx
        .select({ name: owners.name })
        .from(activityOwners)
        .innerJoin(owners, eq(owners.id, activityOwners.ownerId))
        .where(eq(activityOwners.activityId, id))
        .orderBy(asc(activityOwners.position))
        .all();
      // The fields as the form names them (end: the plan's own end), so that the audit trail shows what changed.
      before = { code: current.code, title: current.title, start: row.start, end: row.baselineEnd, indicator: row.indicator, target: row.target, owners: ownerNames.map((o) => o.name) };
      const { owners: names, end, ...fields } = item.fields;
      const rescheduled = tx.select({ id: scheduleChanges.id }).from(scheduleChanges).where(eq(scheduleChanges.activityId, id)).limit(1).get();
      tx.update(activities)
        .set({ ...fields, baselineEnd: end, currentEnd: rescheduled ? row.currentEnd : end, version: next })
        .where(eq(activities.id, id))
        .run();
      setOwners(tx, planId, id, names);
    }
    recordAudit(userId, item.level, id, 'structure-edit', before, item.fields, tx);
    return { ok: true, id } as const;
  });
}

/** Swaps an item with its sibling above or below (archived siblings count: they keep their place). */
export function moveStructureItem(planId: number, level: StructureLevel, id: number, version: number, direction: 'up' | 'down', userId: number): StructureResult {
  return writeTransaction((tx) => {
    const current = itemOf(tx, level, planId, id);
    if (current.version !== version) return { ok: false, reason: 'stale' } as const;
    const siblings = siblingsOf(tx, level, planId, parentOf(tx, level, id));
    const index = siblings.findIndex((s) => s.id === id);
    const other = siblings[direction === 'up' ? index - 1 : index + 1];
    if (!other) return { ok: true, id } as const;
    const table = TABLES[level];
    // Positions may repeat (an import numbers activities plan-wide): the siblings are renumbered in their new order.
    const order = siblings.map((s) => s.id);
    [order[index], order[siblings.indexOf(other)]] = [other.id, id];
    const base = Math.min(...siblings.map((s) => s.position));
    order.forEach((siblingId, offset) => tx.update(table).set({ position: base + offset }).where(eq(table.id, siblingId)).run());
    tx.update(table).set({ version: version + 1 }).where(eq(table.id, id)).run();
    resequenceActivities(tx, planId);
    recordAudit(userId, level, id, 'structure-move', { position: index }, { position: siblings.indexOf(other), direction }, tx);
    return { ok: true, id } as const;
  });
}

/** Archives an item and what lives under it, or restores it and what was archived with it. */
export function setStructureArchived(planId: number, level: StructureLevel, id: number, version: number, archived: boolean, userId: number): StructureResult {
  return writeTransaction((tx) => {
    const current = itemOf(tx, level, planId, id);
    if (current.version !== version) return { ok: false, reason: 'stale' } as const;
    if (current.archived === archived) return { ok: true, id } as const;
    if (!archived) {
      const parentLevel = level === 'activity' ? 'measure' : level === 'measure' ? 'area' : null;
      if (parentLevel && itemOf(tx, parentLevel, planId, parentOf(tx, level, id)!).archived) return { ok: false, reason: 'parentArchived' } as const;
      if (codeTaken(tx, level, planId, current.code, id)) return { ok: false, reason: 'duplicateCode' } as const;
    }
    const table = TABLES[level];
    tx.update(table).set({ archived, version: version + 1 }).where(eq(table.id, id)).run();
    if (level === 'activity') tx.update(activities).set({ archivedWith: null }).where(eq(activities.id, id)).run();
    if (level === 'measure') {
      tx.update(measures).set({ archivedWith: null }).where(eq(measures.id, id)).run();
      cascade(tx, and(eq(activities.measureId, id), eq(activities.archived, !archived), archived ? undefined : eq(activities.archivedWith, 'measure')), 'measure', archived);
    }
    if (level === 'area') {
      const children = tx
        .select({ id: measures.id })
        .from(measures)
        .where(and(eq(measures.areaId, id), archived ? eq(measures.archived, false) : eq(measures.archivedWith, 'area')))
        .all()
        .map((m) => m.id);
      if (children.length) {
        tx.update(measures).set({ archived, archivedWith: archived ? 'area' : null }).where(inArray(measures.id, children)).run();
        cascade(tx, and(inArray(activities.measureId, children), eq(activities.archived, !archived), archived ? undefined : eq(activities.archivedWith, 'area')), 'area', archived);
      }
    }
    recordAudit(userId, level, id, archived ? 'structure-archive' : 'structure-restore', { archived: !archived }, { archived }, tx);
    return { ok: true, id } as const;
  });
}

function cascade(tx: Tx, where: ReturnType<typeof and>, by: 'area' | 'measure', archived: boolean) {
  tx.update(activities)
    .set(archived ? { archived: true, archivedWith: by } : { archived: false, archivedWith: null })
    .where(where)
    .run();
}
