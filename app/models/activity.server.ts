import type Database from 'better-sqlite3';
import { getDb, writeTransaction } from '../../db/client';
import { deriveActivityState, DUE_SOON_DAYS, type ActivityState } from '~/domain/activity-state';
import { addDays, daysBetween, isIsoDate, todayInSofia } from '~/domain/dates';
import { isFiltered, type ActivityFilters } from '~/domain/filters';
import { rollUp, rollUpBy, type Progress } from '~/domain/progress';
import { parsePeriod, periodBounds, periodKey, periodOf, type Period } from '~/domain/quarters';
import type { Status } from '~/domain/status';
import { ACTIVITY_STATE_CTE, asOfParams } from './activity-state.server';
import { PLANS_CLOSED_BY_AS_OF } from './plan.server';
import { listAuditEvents, recordAudit } from './audit.server';
import { prepared } from './statements.server';
import { whileUnchanged } from './read-cache.server';
import { listStatusUpdates } from './status-update.server';

export type OwnerRef = { id: number; name: string };

export type ActivityRow = {
  id: number;
  planId: number;
  planTitle: string;
  areaId: number;
  areaCode: string;
  areaTitle: string;
  measureId: number;
  measureCode: string;
  measureTitle: string;
  code: string;
  title: string;
  indicator: string | null;
  target: string | null;
  start: string | null;
  baselineEnd: string | null;
  end: string | null;
  ongoing: boolean;
  status: Status;
  percent: number;
  lastUpdateAt: number | null;
  lastUpdateBy: string | null;
  lastComment: string | null;
  overdue: boolean;
  dueThisQuarter: boolean;
  lateStart: boolean;
  slipDays: number | null;
  version: number;
  owners: OwnerRef[];
};

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

type MeasureCount = { areaId: number; measureId: number; count: number };

/** How many activities match the filters in each measure that has any, in the plan's order (area, measure). */
function countActivitiesByMeasure(filters: ActivityFilters, planId: number): MeasureCount[] {
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

/** Activities on a page of the plan page. */
export type NextActivity = { id: number; code: string; title: string };

/** The user's most urgent open activity other than the one just updated, in the order of "my activities" (offered after saving). */
export function nextUrgentActivity(userId: number, afterId: number, asOf = todayInSofia()): NextActivity | null {
  const row = listActivities({ asOf }, undefined, { userId, byUrgency: true }).find(
    (r) => r.id !== afterId && r.status !== 'done' && r.status !== 'cancelled',
  );
  return row ? { id: row.id, code: row.code, title: row.title } : null;
}

export const PLAN_PAGE_SIZE = 50;

export type PlanActivitiesPage = {
  rows: ActivityRow[];
  /** The page shown, from 1: the one asked for, kept within 1..pageCount. */
  page: number;
  pageCount: number;
  /** How many activities match the filters, on all pages. */
  total: number;
  /** How many come before this page. */
  offset: number;
  /** How many activities match in each area and measure of this page, on all pages (by id). */
  inArea: Record<number, number>;
  inMeasure: Record<number, number>;
  /** In code order, the area and the measure that began on an earlier page and go on here. */
  continued: { areaId: number | null; measureId: number | null };
};

/** One page of a plan's activities as listActivities orders them, and how many match on all pages. */
function planActivitiesPage(filters: ActivityFilters, planId: number, page: number): PlanActivitiesPage {
  const byMeasure = countActivitiesByMeasure(filters, planId);
  const total = byMeasure.reduce((sum, measure) => sum + measure.count, 0);
  const pageCount = Math.max(1, Math.ceil(total / PLAN_PAGE_SIZE));
  const shown = Math.min(Math.max(1, page), pageCount);
  const offset = (shown - 1) * PLAN_PAGE_SIZE;
  const rows = total === 0 ? [] : listActivities(filters, planId, { slice: { limit: PLAN_PAGE_SIZE, offset } });
  const areasShown = new Set(rows.map((row) => row.areaId));
  const measuresShown = new Set(rows.map((row) => row.measureId));
  const inArea: Record<number, number> = {};
  const inMeasure: Record<number, number> = {};
  const continued: PlanActivitiesPage['continued'] = { areaId: null, measureId: null };
  // In code order each area and measure is one run of the list: those running across the offset go on here.
  const byCode = (filters.sort ?? 'code') === 'code';
  let start = 0;
  let areaStart = 0;
  byMeasure.forEach(({ areaId, measureId, count }, i) => {
    if (areasShown.has(areaId)) inArea[areaId] = (inArea[areaId] ?? 0) + count;
    if (measuresShown.has(measureId)) inMeasure[measureId] = count;
    if (i > 0 && byMeasure[i - 1]!.areaId !== areaId) areaStart = start;
    const end = start + count;
    if (byCode && end > offset && start < offset) continued.measureId = measureId;
    if (byCode && end > offset && areaStart < offset) continued.areaId = areaId;
    start = end;
  });
  return { rows, page: shown, pageCount, total, offset, inArea, inMeasure, continued };
}

/**
 * What the plan page shows for these filters and this page: the plan's progress, the page of
 * activities and the filter choices, reused while the database is unchanged (today is in the
 * key: the states depend on it).
 */
export function planPageData(planId: number, filters: ActivityFilters, page: number) {
  const today = todayInSofia();
  return whileUnchanged(`plan-page ${JSON.stringify([planId, filters, page, today])}`, () => ({
    progress: planProgress(planId, { ...filters, asOf: filters.asOf ?? today }),
    listing: planActivitiesPage(filters, planId, page),
    options: filterOptions(planId),
  }));
}

/** The owners of each activity, in the plan's order. */
function ownersOf(activityIds: number[]): Map<number, OwnerRef[]> {
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

export type PlanHeader = {
  id: number;
  title: string;
  period: string | null;
  approvedBy: string | null;
  approvedOn: string | null;
  sourceFileName: string | null;
  importedAt: number | null;
  /** The day the plan was closed (ISO), null while it runs. */
  closedOn: string | null;
  organizationId: number;
  organization: string;
};

export function getPlanHeader(planId: number): PlanHeader | null {
  const row = prepared(
    getDb().$client,
    `select p.id, p.title, p.period, p.approved_by as approvedBy, p.approved_on as approvedOn,
         p.source_file_name as sourceFileName, p.imported_at as importedAt, p.closed_on as closedOn,
         p.organization_id as organizationId, o.name as organization
       from plans p join organizations o on o.id = p.organization_id where p.id = ?`,
  ).get(planId) as PlanHeader | undefined;
  return row ?? null;
}

export type AreaSummary = { id: number; code: string; title: string; total: number; progress: Progress };

/**
 * Overall and per-area progress of the plan's activities that match the filters (all of them
 * when unfiltered) as of filters.asOf, and how many live activities the plan has in all.
 */
function planProgress(planId: number, filters: ActivityFilters): { overall: Progress; areas: AreaSummary[]; planTotal: number } {
  const sqlite = withFold(getDb().$client);
  const { where, params } = filterConditions(filters, planId, {});
  const items = prepared(
    sqlite,
    `with ${ACTIVITY_STATE_CTE}
       select s.status, s.percent, s.overdue, m.area_id as areaId
       from activity_state s join activities a on a.id = s.id join measures m on m.id = s.measure_id join areas ar on ar.id = m.area_id
       ${where}`,
  ).all(params) as { status: Status; percent: number; overdue: number; areaId: number }[];
  const planTotal = isFiltered(filters)
    ? (prepared(sqlite, 'select count(*) as n from activities where plan_id = ? and archived = 0').get(planId) as { n: number }).n
    : items.length;
  const progressItems = items.map((item) => ({ ...item, overdue: item.overdue === 1 }));
  const byArea = rollUpBy(progressItems, (item) => item.areaId);
  const areas = prepared(sqlite, 'select id, code, title from areas where plan_id = ? order by position').all(planId) as {
    id: number;
    code: string;
    title: string;
  }[];
  return {
    planTotal,
    overall: rollUp(progressItems),
    areas: areas.map((area) => {
      const progress = byArea.get(area.id) ?? rollUp([]);
      return { ...area, total: progress.total, progress };
    }),
  };
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
  return { plans, areas, owners: ownerChoices(planId), caf, quarters: quartersBetween(range.first, range.last || null) };
}

/** The owner filter's choices (the plan page, the activity list, the dashboard): the owners of live activities of the plan (or of all plans), by name. */
export function ownerChoices(planId?: number): OwnerRef[] {
  return prepared(
    getDb().$client,
    `select o.id, o.name from owners o
       where exists (select 1 from activity_owners ao join activities a on a.id = ao.activity_id
         where ao.owner_id = o.id and a.archived = 0 and (:plan is null or a.plan_id = :plan))
       order by o.name`,
  ).all({ plan: planId ?? null }) as OwnerRef[];
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

/** Whether the user is linked to any owner at all (my activities needs one). */
export function isLinkedToOwners(userId: number): boolean {
  return Boolean(getDb().$client.prepare('select 1 from user_owners where user_id = ? limit 1').get(userId));
}
