/**
 * Lists of activities with their state as of a day: filtered, sorted and sliced in SQL (the plan
 * page, the cross-plan list, my activities, the CSV), the owners of each, and what the filters offer.
 */
import type Database from 'better-sqlite3';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { DUE_SOON_DAYS } from '~/domain/activity-state';
import { addDays, daysBetween, isIsoDate, todayInSofia } from '~/domain/dates';
import type { ActivityFilters } from '~/domain/filters';
import { parsePeriod, periodBounds, periodKey, periodOf, type Period } from '~/domain/quarters';
import type { ActivityRow, NextActivity, OwnerRef } from '~/domain/activity-row';
import { activities, activityOwners, areas, cafCriteria, measureCafRefs, measures, owners, plans, type statusUpdates, userOwners, type users } from '../../db/schema';
import { getDb } from '../../db/client';
import { activityStateCte, type ActivityStateRow } from './activity-state.server';
import { plansOutOfView } from './plan.server';

export type ListScope = {
  /** Only the activities of the owners this user is linked to (my activities). */
  userId?: number;
  /** Order by urgency (overdue, due soon, in progress, later, closed) instead of the sort filter. */
  byUrgency?: boolean;
  /** Only these rows of the ordered list. */
  slice?: { limit: number; offset: number };
};

/** Lower case (Cyrillic included) with single spaces: the form free-text search compares. */
function foldText(text: string): string {
  return text.toLocaleLowerCase('bg').replace(/\s+/g, ' ').trim();
}

const folding = new WeakSet<Database.Database>();

/** The connection, with fold() for the text search: case folding for Cyrillic too (SQLite's lower() and LIKE fold only ASCII). */
function dbWithFold() {
  const db = getDb();
  if (!folding.has(db.$client)) {
    db.$client.function('fold', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? foldText(value) : null));
    folding.add(db.$client);
  }
  return db;
}

const CODE_ORDER = 'p.id, ar.position, m.position, s.position';

/**
 * The urgency order of app/domain/activity-state.ts in SQL: overdue (most days overdue
 * first), due within DUE_SOON_DAYS (soonest first), in progress, other open, done and
 * cancelled; within the last tiers sooner ends first and no end last.
 */
const urgencyOrder = (dueSoon: string) => sql`
  case when s.status in ('done', 'cancelled') then 4
       when s.overdue then 0
       when s.ongoing = 0 and s.end_date is not null and s.end_date <= ${dueSoon} then 1
       when s.status = 'in_progress' then 2
       else 3 end,
  case when s.status in ('done', 'cancelled') or s.ongoing = 1 or s.end_date is null then '9999-99-99' else s.end_date end,
  ${sql.raw(CODE_ORDER)}`;

const SORT_ORDER: Record<NonNullable<ActivityFilters['sort']>, string> = {
  code: CODE_ORDER,
  end: `s.ongoing, s.end_date is null, s.end_date, ${CODE_ORDER}`,
  status: `case s.status when 'planned' then 0 when 'in_progress' then 1 when 'postponed' then 2 when 'done' then 3 else 4 end, s.overdue desc, ${CODE_ORDER}`,
  updated: `s.last_update_at is null, s.last_update_at desc, ${CODE_ORDER}`,
};

/**
 * The activity state as of the filters' day and the SQL conditions (over activity_state s, activities a, areas ar) of the
 * filters. planId limits to one plan (the plan page); filters.plan does the same on the
 * cross-plan list.
 */
function filterConditions(filters: ActivityFilters, planId: number | undefined, scope: ListScope) {
  const asOf = filters.asOf ?? todayInSofia();
  const where: SQL[] = [];
  const plan = planId ?? filters.plan;
  if (plan !== undefined) {
    where.push(sql`s.plan_id = ${plan}`);
  } else {
    // Across plans (the activity list, my activities): the plans running on the day, as on the all-plans dashboard.
    where.push(sql`s.plan_id not in (${plansOutOfView(asOf)})`);
  }
  if (filters.area) where.push(sql`ar.code = ${filters.area}`);
  if (filters.owner) {
    where.push(sql`exists (select 1 from activity_owners ao where ao.activity_id = s.id and ao.owner_id = ${filters.owner})`);
  }
  if (scope.userId !== undefined) {
    where.push(sql`exists (select 1 from activity_owners ao join user_owners uo on uo.owner_id = ao.owner_id
      where ao.activity_id = s.id and uo.user_id = ${scope.userId})`);
  }
  if (filters.status) where.push(sql`s.status = ${filters.status}`);
  if (filters.state) {
    where.push(sql.raw(`${{ overdue: 's.overdue', due: 's.due_this_quarter', late_start: 's.late_start' }[filters.state]} = 1`));
  }
  if (filters.caf) {
    const children = filters.caf.includes('.') ? filters.caf : `${filters.caf}.%`;
    where.push(sql`exists (select 1 from measure_caf_refs r where r.measure_id = s.measure_id
      and (r.caf_code = ${filters.caf} or r.caf_code like ${children}))`);
  }
  const quarter = filters.quarter ? parsePeriod(filters.quarter) : null;
  if (quarter) {
    const bounds = periodBounds(quarter);
    where.push(sql`s.end_date between ${bounds.start} and ${bounds.end}`);
  }
  if (filters.q) {
    const q = foldText(filters.q);
    where.push(sql`(instr(fold(s.code), ${q}) > 0 or instr(fold(s.title), ${q}) > 0 or instr(fold(coalesce(a.target, '')), ${q}) > 0
      or exists (select 1 from activity_owners ao join owners o on o.id = ao.owner_id
        where ao.activity_id = s.id and instr(fold(o.name), ${q}) > 0))`);
  }
  return {
    stateCte: activityStateCte(asOf),
    where: where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``,
    dueSoon: addDays(asOf, DUE_SOON_DAYS),
  };
}

/** A row of listActivities as SQL gives it: the activity's own columns typed by the schema, its state's by the state's row (flags as 0 or 1). */
type ListedRow = Pick<typeof activities.$inferSelect, 'id' | 'planId' | 'code' | 'title' | 'indicator' | 'target' | 'start' | 'baselineEnd' | 'version'> & {
  planTitle: (typeof plans.$inferSelect)['title'];
  areaId: (typeof areas.$inferSelect)['id'];
  areaCode: (typeof areas.$inferSelect)['code'];
  areaTitle: (typeof areas.$inferSelect)['title'];
  measureId: (typeof measures.$inferSelect)['id'];
  measureCode: (typeof measures.$inferSelect)['code'];
  measureTitle: (typeof measures.$inferSelect)['title'];
  end: ActivityStateRow['end_date'];
  ongoing: ActivityStateRow['ongoing'];
  status: ActivityStateRow['status'];
  percent: ActivityStateRow['percent'];
  lastUpdateAt: ActivityStateRow['last_update_at'];
  overdue: ActivityStateRow['overdue'];
  dueThisQuarter: ActivityStateRow['due_this_quarter'];
  lateStart: ActivityStateRow['late_start'];
  lastComment: (typeof statusUpdates.$inferSelect)['comment'];
  lastUpdateBy: (typeof users.$inferSelect)['name'] | null;
};

/** Activities with their state as of filters.asOf (default today in Sofia), filtered and sorted in SQL. */
export function listActivities(filters: ActivityFilters, planId?: number, scope: ListScope = {}): ActivityRow[] {
  const db = dbWithFold();
  const { stateCte, where, dueSoon } = filterConditions(filters, planId, scope);
  const order = scope.byUrgency ? urgencyOrder(dueSoon) : sql.raw(SORT_ORDER[filters.sort ?? 'code']);
  // A slice takes two steps: ordering needs few of the state's columns, so its ids come first
  // (the full row of every activity would be worked out before sorting otherwise), then their rows.
  const sliceIds = scope.slice
    ? db.all<Pick<ListedRow, 'id'>>(
          sql`with ${stateCte}
             select s.id from activity_state s
             join activities a on a.id = s.id
             join measures m on m.id = s.measure_id
             join areas ar on ar.id = m.area_id
             join plans p on p.id = s.plan_id
             ${where}
             order by ${order} limit ${scope.slice.limit} offset ${scope.slice.offset}`,
      ).map((row) => row.id)
    : null;
  const rows = db.all<ListedRow>(
    sql`with ${stateCte}
       select s.id, s.plan_id as planId, p.title as planTitle, ar.id as areaId, ar.code as areaCode, ar.title as areaTitle,
         m.id as measureId, m.code as measureCode, m.title as measureTitle, s.code, s.title, a.indicator, a.target, s.start,
         s.baseline_end as baselineEnd, s.end_date as "end", s.ongoing, s.status, s.percent, s.last_update_at as lastUpdateAt,
         s.overdue, s.due_this_quarter as dueThisQuarter, s.late_start as lateStart, a.version,
         lu.comment as lastComment, lu_user.name as lastUpdateBy
       from activity_state s
       join activities a on a.id = s.id
       join measures m on m.id = s.measure_id
       join areas ar on ar.id = m.area_id
       join plans p on p.id = s.plan_id
       left join status_updates lu on lu.id = s.last_update_id
       left join users lu_user on lu_user.id = lu.user_id
       ${sliceIds ? sql`where s.id in (select value from json_each(${JSON.stringify(sliceIds)}))` : where}
       order by ${order}`,
  );
  const owners = ownersOf(rows.map((row) => row.id));
  return rows.map((row) => ({
    ...row,
    ongoing: row.ongoing === 1,
    overdue: row.overdue === 1,
    dueThisQuarter: row.dueThisQuarter === 1,
    lateStart: row.lateStart === 1,
    slipDays: row.end && row.baselineEnd ? daysBetween(row.baselineEnd, row.end) : null,
    owners: owners.get(row.id) ?? [],
  }));
}

export type MeasureCount = { areaId: number; measureId: number; count: number };

/** How many activities match the filters in each measure that has any, in the plan's order (area, measure). */
export function countActivitiesByMeasure(filters: ActivityFilters, planId: number): MeasureCount[] {
  const db = dbWithFold();
  const { stateCte, where } = filterConditions(filters, planId, {});
  return db.all<MeasureCount>(
    sql`with ${stateCte}
       select ar.id as areaId, m.id as measureId, count(*) as count
       from activity_state s
       join activities a on a.id = s.id
       join measures m on m.id = s.measure_id
       join areas ar on ar.id = m.area_id
       ${where}
       group by m.id
       order by ar.position, m.position`,
  );
}

/** The user's most urgent open activity other than the one just updated, in the order of "my activities" (offered after saving). */
export function nextUrgentActivity(userId: number, afterId: number, asOf = todayInSofia()): NextActivity | null {
  const row = listActivities({ asOf }, undefined, { userId, byUrgency: true }).find(
    (r) => r.id !== afterId && r.status !== 'done' && r.status !== 'cancelled',
  );
  return row ? { id: row.id, code: row.code, title: row.title } : null;
}

/** The owners of each activity, in the plan's order. */
export function ownersOf(activityIds: number[]): Map<number, OwnerRef[]> {
  const result = new Map<number, OwnerRef[]>();
  if (activityIds.length === 0) return result;
  // The ids as one JSON parameter: a list of every activity may be longer than SQLite's limit of parameters.
  const rows = getDb().all<Pick<typeof activityOwners.$inferSelect, 'activityId'> & Pick<typeof owners.$inferSelect, 'id' | 'name'>>(
    sql`select ao.activity_id as activityId, o.id, o.name from activity_owners ao join owners o on o.id = ao.owner_id
       where ao.activity_id in (select value from json_each(${JSON.stringify(activityIds)})) order by ao.activity_id, ao.position, o.name`,
  );
  for (const { activityId, id, name } of rows) {
    const list = result.get(activityId) ?? [];
    list.push({ id, name });
    result.set(activityId, list);
  }
  return result;
}

export type FilterOptions = {
  plans: { id: number; title: string; closedOn: string | null }[];
  areas: { code: string; title: string }[];
  owners: OwnerRef[];
  caf: { code: string; titleBg: string; titleEn: string }[];
  quarters: string[];
};

/** The owner filter's choices (the plan page, the activity list, the dashboard): the owners of live activities of the plan (or of all plans), by name. */
export function ownerChoices(planId?: number): OwnerRef[] {
  return getDb()
    .selectDistinct({ id: owners.id, name: owners.name })
    .from(owners)
    .innerJoin(activityOwners, eq(activityOwners.ownerId, owners.id))
    .innerJoin(activities, eq(activities.id, activityOwners.activityId))
    .where(and(eq(activities.archived, false), planId === undefined ? undefined : eq(activities.planId, planId)))
    .orderBy(asc(owners.name))
    .all();
}

/** The state of a plan's activities that match the filters (all of them when unfiltered): what the plan page's figures count. */
export function filteredStates(filters: ActivityFilters, planId: number) {
  const db = dbWithFold();
  const { stateCte, where } = filterConditions(filters, planId, {});
  return db.all<Pick<ActivityStateRow, 'status' | 'percent' | 'overdue'> & { areaId: (typeof measures.$inferSelect)['areaId'] }>(
    sql`with ${stateCte}
       select s.status, s.percent, s.overdue, m.area_id as areaId
       from activity_state s join activities a on a.id = s.id join measures m on m.id = s.measure_id join areas ar on ar.id = m.area_id
       ${where}`,
  );
}

/** What the filter selects offer: the areas, owners, CAF codes and quarters found in the plan (or in all plans). */
export function filterOptions(planId?: number): FilterOptions {
  const db = getDb();
  const inPlan = (column: typeof activities.planId | typeof areas.planId | typeof measures.planId) =>
    planId === undefined ? undefined : eq(column, planId);
  const planList = db.select({ id: plans.id, title: plans.title, closedOn: plans.closedOn }).from(plans).orderBy(asc(plans.id)).all();
  const areaList = db
    .select({ code: areas.code, title: sql<string>`min(${areas.title})` })
    .from(areas)
    .where(and(inPlan(areas.planId), eq(areas.archived, false)))
    .groupBy(areas.code)
    .orderBy(sql`cast(${areas.code} as integer)`)
    .all();
  const ownerList = ownerChoices(planId);
  const used = db
    .selectDistinct({ code: measureCafRefs.cafCode })
    .from(measureCafRefs)
    .innerJoin(measures, eq(measures.id, measureCafRefs.measureId))
    .where(inPlan(measures.planId))
    .all();
  const codes = new Set(used.flatMap(({ code }) => [code, code.split('.')[0]!]));
  const caf = db
    .select({ code: cafCriteria.code, titleBg: cafCriteria.titleBg, titleEn: cafCriteria.titleEn })
    .from(cafCriteria)
    .all()
    .filter((c) => codes.has(c.code))
    .sort((a, b) => compareCodes(a.code, b.code));
  const range = db
    .select({
      first: sql<string | null>`min(coalesce(${activities.start}, ${activities.baselineEnd}))`,
      last: sql<string | null>`max(max(coalesce(${activities.currentEnd}, ''), coalesce(${activities.baselineEnd}, '')))`,
    })
    .from(activities)
    .where(and(eq(activities.archived, false), inPlan(activities.planId)))
    .get();
  return { plans: planList, areas: areaList, owners: ownerList, caf, quarters: quartersBetween(range?.first ?? null, range?.last || null) };
}

function compareCodes(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (diff !== 0) return diff;
  }
  return 0;
}

function quartersBetween(first: string | null, last: string | null): string[] {
  if (!first || !last || !isIsoDate(first) || !isIsoDate(last)) return [];
  const result: string[] = [];
  let period: Period = periodOf(first, 'quarter');
  const lastKey = periodKey(periodOf(last, 'quarter'));
  for (let i = 0; i < 80; i++) {
    const key = periodKey(period);
    result.push(key);
    if (key === lastKey) break;
    period = periodOf(addDays(periodBounds(period).end, 1), 'quarter');
  }
  return result;
}

/** Whether the user is linked to any owner at all (my activities needs one). */
export function isLinkedToOwners(userId: number): boolean {
  return getDb().select({ userId: userOwners.userId }).from(userOwners).where(eq(userOwners.userId, userId)).limit(1).get() !== undefined;
}
