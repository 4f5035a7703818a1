/**
 * Lists of activities with their state as of a day: filtered, sorted and sliced in SQL (the plan
 * page, the cross-plan list, my activities, the CSV), the owners of each, and what the filters offer.
 */
import type Database from 'better-sqlite3';
import { getDb } from '../../db/client';
import { DUE_SOON_DAYS } from '~/domain/activity-state';
import { addDays, daysBetween, isIsoDate, todayInSofia } from '~/domain/dates';
import type { ActivityFilters } from '~/domain/filters';
import { parsePeriod, periodBounds, periodKey, periodOf, type Period } from '~/domain/quarters';
import type { ActivityRow, NextActivity, OwnerRef } from '~/domain/activity-row';
import { ACTIVITY_STATE_CTE, asOfParams } from './activity-state.server';
import { PLANS_CLOSED_BY_AS_OF } from './plan.server';
import { prepared } from './statements.server';

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

/** Case folding for Cyrillic too (SQLite's lower() and LIKE fold only ASCII). */
function withFold(sqlite: Database.Database): Database.Database {
  const marked = sqlite as Database.Database & { __foldRegistered?: boolean };
  if (!marked.__foldRegistered) {
    sqlite.function('fold', { deterministic: true }, (value: unknown) =>
      typeof value === 'string' ? foldText(value) : null,
    );
    marked.__foldRegistered = true;
  }
  return sqlite;
}

const CODE_ORDER = 'p.id, ar.position, m.position, s.position';

/**
 * The urgency order of app/domain/activity-state.ts in SQL: overdue (most days overdue
 * first), due within DUE_SOON_DAYS (soonest first), in progress, other open, done and
 * cancelled; within the last tiers sooner ends first and no end last.
 */
const URGENCY_ORDER = `
  case when s.status in ('done', 'cancelled') then 4
       when s.overdue then 0
       when s.ongoing = 0 and s.end_date is not null and s.end_date <= :dueSoon then 1
       when s.status = 'in_progress' then 2
       else 3 end,
  case when s.status in ('done', 'cancelled') or s.ongoing = 1 or s.end_date is null then '9999-99-99' else s.end_date end,
  ${CODE_ORDER}`;

const SORT_ORDER: Record<NonNullable<ActivityFilters['sort']>, string> = {
  code: CODE_ORDER,
  end: `s.ongoing, s.end_date is null, s.end_date, ${CODE_ORDER}`,
  status: `case s.status when 'planned' then 0 when 'in_progress' then 1 when 'postponed' then 2 when 'done' then 3 else 4 end, s.overdue desc, ${CODE_ORDER}`,
  updated: `s.last_update_at is null, s.last_update_at desc, ${CODE_ORDER}`,
};

/**
 * The SQL conditions (over activity_state s, activities a, areas ar) and parameters of the
 * filters. planId limits to one plan (the plan page); filters.plan does the same on the
 * cross-plan list.
 */
function filterConditions(filters: ActivityFilters, planId: number | undefined, scope: ListScope) {
  const asOf = filters.asOf ?? todayInSofia();
  const where: string[] = [];
  const params: Record<string, unknown> = { ...asOfParams(asOf), dueSoon: addDays(asOf, DUE_SOON_DAYS) };
  const plan = planId ?? filters.plan;
  if (plan !== undefined) {
    where.push('s.plan_id = :plan');
    params.plan = plan;
  } else {
    // Across plans (the activity list, my activities): the plans running on the day, as on the all-plans dashboard.
    where.push(`s.plan_id not in (${PLANS_CLOSED_BY_AS_OF})`);
  }
  if (filters.area) {
    where.push('ar.code = :area');
    params.area = filters.area;
  }
  if (filters.owner) {
    where.push('exists (select 1 from activity_owners ao where ao.activity_id = s.id and ao.owner_id = :owner)');
    params.owner = filters.owner;
  }
  if (scope.userId !== undefined) {
    where.push(`exists (select 1 from activity_owners ao join user_owners uo on uo.owner_id = ao.owner_id
      where ao.activity_id = s.id and uo.user_id = :userId)`);
    params.userId = scope.userId;
  }
  if (filters.status) {
    where.push('s.status = :status');
    params.status = filters.status;
  }
  if (filters.state) {
    where.push({ overdue: 's.overdue', due: 's.due_this_quarter', late_start: 's.late_start' }[filters.state] + ' = 1');
  }
  if (filters.caf) {
    where.push(`exists (select 1 from measure_caf_refs r where r.measure_id = s.measure_id
      and (r.caf_code = :caf or r.caf_code like :cafChildren))`);
    params.caf = filters.caf;
    params.cafChildren = filters.caf.includes('.') ? filters.caf : `${filters.caf}.%`;
  }
  const quarter = filters.quarter ? parsePeriod(filters.quarter) : null;
  if (quarter) {
    const bounds = periodBounds(quarter);
    where.push('s.end_date between :qStart and :qEnd');
    params.qStart = bounds.start;
    params.qEnd = bounds.end;
  }
  if (filters.q) {
    where.push(`(instr(fold(s.code), :q) > 0 or instr(fold(s.title), :q) > 0 or instr(fold(coalesce(a.target, '')), :q) > 0
      or exists (select 1 from activity_owners ao join owners o on o.id = ao.owner_id
        where ao.activity_id = s.id and instr(fold(o.name), :q) > 0))`);
    params.q = foldText(filters.q);
  }
  return { where: where.length ? `where ${where.join(' and ')}` : '', params };
}

/** Activities with their state as of filters.asOf (default today in Sofia), filtered and sorted in SQL. */
export function listActivities(filters: ActivityFilters, planId?: number, scope: ListScope = {}): ActivityRow[] {
  const sqlite = withFold(getDb().$client);
  const { where, params } = filterConditions(filters, planId, scope);
  const order = scope.byUrgency ? URGENCY_ORDER : SORT_ORDER[filters.sort ?? 'code'];
  // A slice takes two steps: ordering needs few of the state's columns, so its ids come first
  // (the full row of every activity would be worked out before sorting otherwise), then their rows.
  const sliceIds = scope.slice
    ? (
        prepared(
          sqlite,
          `with ${ACTIVITY_STATE_CTE}
             select s.id from activity_state s
             join activities a on a.id = s.id
             join measures m on m.id = s.measure_id
             join areas ar on ar.id = m.area_id
             join plans p on p.id = s.plan_id
             ${where}
             order by ${order} limit :limit offset :offset`,
        ).all({ ...params, ...scope.slice }) as { id: number }[]
      ).map((row) => row.id)
    : null;
  const rows = prepared(
    sqlite,
    `with ${ACTIVITY_STATE_CTE}
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
       ${sliceIds ? 'where s.id in (select value from json_each(:ids))' : where}
       order by ${order}`,
  ).all(sliceIds ? { ...params, ids: JSON.stringify(sliceIds) } : params) as (Omit<ActivityRow, 'ongoing' | 'overdue' | 'dueThisQuarter' | 'lateStart' | 'owners' | 'slipDays'> & {
    ongoing: number;
    overdue: number;
    dueThisQuarter: number;
    lateStart: number;
  })[];
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
  const { where, params } = filterConditions(filters, planId, {});
  return prepared(
    withFold(getDb().$client),
    `with ${ACTIVITY_STATE_CTE}
       select ar.id as areaId, m.id as measureId, count(*) as count
       from activity_state s
       join activities a on a.id = s.id
       join measures m on m.id = s.measure_id
       join areas ar on ar.id = m.area_id
       ${where}
       group by m.id
       order by ar.position, m.position`,
  ).all(params) as MeasureCount[];
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
  const rows = prepared(
    getDb().$client,
    `select ao.activity_id as activityId, o.id, o.name from activity_owners ao join owners o on o.id = ao.owner_id
       where ao.activity_id in (select value from json_each(?)) order by ao.activity_id, ao.position, o.name`,
  ).all(JSON.stringify(activityIds)) as { activityId: number; id: number; name: string }[];
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

/** What the filter selects offer: the areas, owners, CAF codes and quarters found in the plan (or in all plans). */
export function filterOptions(planId?: number): FilterOptions {
  const sqlite = getDb().$client;
  const planWhere = planId === undefined ? '1 = 1' : 'plan_id = :plan';
  const params = planId === undefined ? {} : { plan: planId };
  const plans = prepared(sqlite, 'select id, title, closed_on as closedOn from plans order by id').all() as FilterOptions['plans'];
  const areas = prepared(
    sqlite,
    `select code, min(title) as title from areas where ${planWhere} group by code order by cast(code as integer)`,
  ).all(params) as { code: string; title: string }[];
  const owners = prepared(
    sqlite,
    `select distinct o.id, o.name from owners o join activity_owners ao on ao.owner_id = o.id
       join activities a on a.id = ao.activity_id where a.archived = 0 and ${planWhere.replace('plan_id', 'a.plan_id')}
       order by o.name`,
  ).all(params) as OwnerRef[];
  const used = prepared(
    sqlite,
    `select distinct r.caf_code as code from measure_caf_refs r join measures m on m.id = r.measure_id
       where ${planWhere.replace('plan_id', 'm.plan_id')}`,
  ).all(params) as { code: string }[];
  const codes = new Set(used.flatMap(({ code }) => [code, code.split('.')[0]!]));
  const caf = (
    prepared(sqlite, 'select code, title_bg as titleBg, title_en as titleEn from caf_criteria').all() as FilterOptions['caf']
  )
    .filter((c) => codes.has(c.code))
    .sort((a, b) => compareCodes(a.code, b.code));
  const range = prepared(
    sqlite,
    `select min(coalesce(start, baseline_end)) as first, max(max(coalesce(current_end, ''), coalesce(baseline_end, ''))) as last
       from activities where archived = 0 and ${planWhere}`,
  ).get(params) as { first: string | null; last: string | null };
  return { plans, areas, owners, caf, quarters: quartersBetween(range.first, range.last || null) };
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
  return Boolean(getDb().$client.prepare('select 1 from user_owners where user_id = ? limit 1').get(userId));
}
