/**
 * The dashboard: figures, progress by area (or by plan), by CAF criterion, by owner, a
 * burn-up by month and the overdue list, for one plan or all plans, as of any day.
 *
 * Everything is counted in SQL. The state of every activity in scope, as of the day and as
 * of the end of the previous quarter, is worked out once into a temporary table
 * (temp.dashboard_state) inside one read transaction; each figure is then a GROUP BY over
 * that table. Only grouped rows (a few per area, criterion, owner, month) and the first
 * DASHBOARD_OVERDUE_LIMIT overdue activities reach JavaScript.
 *
 * The state follows the same rules and gives the same columns as ACTIVITY_STATE_CTE in
 * activity-state.server.ts (tests/dashboard-state.test.ts checks that row by row), but
 * finds the latest status update and reschedule once per activity, by id, instead of once
 * per derived column; the CTE's correlated subqueries are re-evaluated for every column
 * that mentions them (about 5x the work). The state as of the previous quarter end reuses
 * the latest update when that was recorded before the quarter ended, so it usually costs
 * nothing more. See bench/dashboard.ts for the figures.
 */
import type Database from 'better-sqlite3';
import { getDb } from '../../db/client';
import { addDays, dateOfTimestampInSofia, endOfDayInSofia, isIsoDate } from '~/domain/dates';
import { periodBounds, periodKey, periodOf, quarterEndBefore, type Period } from '~/domain/quarters';
import { STATUSES, type Status } from '~/domain/status';
import { CAF_CRITERIA } from '../../importers/caf2020';

export const DASHBOARD_OVERDUE_LIMIT = 50;
/** Owners shown in the owner chart (those with the most overdue, then due this quarter). */
export const DASHBOARD_OWNER_LIMIT = 12;
/** Plans shown in the "by plan" charts of the all-plans dashboard. */
export const DASHBOARD_PLAN_LIMIT = 15;

export type StatusCounts = Record<Status, number>;

export type Figures = {
  total: number;
  done: number;
  inProgress: number;
  /** Not started: status planned. */
  planned: number;
  postponed: number;
  cancelled: number;
  overdue: number;
  dueThisQuarter: number;
  lateStart: number;
  /** done / (total − cancelled), 0..1; null with nothing to count. */
  shareDone: number | null;
  /** Mean percent complete over the activities not cancelled, 0..100; null with nothing to count. */
  meanPercent: number | null;
};

export type GroupProgress = {
  /** Area id (one plan) or plan id (all plans). */
  id: number;
  planId: number;
  /** Area code ("2") on a plan's dashboard; null on the all-plans dashboard. */
  areaCode: string | null;
  label: string;
  title: string;
  total: number;
  byStatus: StatusCounts;
  overdue: number;
  dueThisQuarter: number;
  shareDone: number | null;
  meanPercent: number | null;
};

export type CafProgress = {
  code: string;
  titleBg: string;
  titleEn: string;
  total: number;
  byStatus: StatusCounts;
  overdue: number;
  shareDone: number | null;
  /** The sub-criteria of this criterion that the plan's measures answer, with their activities. */
  subCriteria: { code: string; titleBg: string; titleEn: string; measures: number; activities: number; done: number; overdue: number }[];
};

export type OwnerLoad = { id: number; name: string; overdue: number; dueThisQuarter: number; open: number };

export type BurnUpPoint = {
  /** 'YYYY-MM' */
  month: string;
  /** Activities whose baseline end falls in this month or before (the approved plan). */
  planned: number;
  /** Activities done as of the as-of day, completed in this month or before; null after the as-of month. */
  actual: number | null;
};

export type OverdueActivity = {
  id: number;
  planId: number;
  planTitle: string;
  code: string;
  title: string;
  status: Status;
  percent: number;
  endDate: string;
  baselineEnd: string | null;
  daysOverdue: number;
  owners: string | null;
};

export type PlanChoice = { id: number; title: string; period: string | null; organization: string };

export type Dashboard = {
  asOf: string;
  /** The end of the quarter before the one containing asOf: the reference for the changes. */
  previousAsOf: string;
  /** The quarter containing asOf, as periodKey ('2024-Q2'). */
  quarter: string;
  plan: PlanChoice | null;
  plans: PlanChoice[];
  figures: Figures;
  previousFigures: Figures;
  groups: GroupProgress[];
  caf: CafProgress[];
  owners: OwnerLoad[];
  burnUp: BurnUpPoint[];
  overdue: { total: number; rows: OverdueActivity[] };
  /** Quarter ends (ISO) from the first quarter of the plan(s) up to the last one before today: the quick picks. */
  quarterEnds: string[];
};

export type DashboardQuery = { planId: number | null; asOf: string; today: string };

const SOFIA_DATE_FUNCTION = 'dashboard_sofia_date';
const withFunction = new WeakSet<Database.Database>();

/** The Sofia calendar day of a moment, in SQL (used only for done updates that state no completion date). */
function ensureFunctions(sqlite: Database.Database): void {
  if (withFunction.has(sqlite)) return;
  sqlite.function(SOFIA_DATE_FUNCTION, { deterministic: true }, (ms: unknown) =>
    ms === null ? null : dateOfTimestampInSofia(Number(ms)),
  );
  withFunction.add(sqlite);
}

export function statePeriodParams(asOf: string, previousAsOf: string) {
  const quarter = periodBounds(periodOf(asOf, 'quarter'));
  const previousQuarter = periodBounds(periodOf(previousAsOf, 'quarter'));
  return {
    asOf,
    cutoff: endOfDayInSofia(asOf),
    quarterStart: quarter.start,
    quarterEnd: quarter.end,
    prevAsOf: previousAsOf,
    prevCutoff: endOfDayInSofia(previousAsOf),
    prevQuarterStart: previousQuarter.start,
    prevQuarterEnd: previousQuarter.end,
  };
}

const latestUpdate = (cutoff: string, activity: string) =>
  `(select u.id from status_updates u where u.activity_id = ${activity} and u.created_at <= ${cutoff}
     order by u.created_at desc, u.id desc limit 1)`;
const latestChange = (cutoff: string, activity: string) =>
  `(select c.id from schedule_changes c where c.activity_id = ${activity} and c.created_at <= ${cutoff}
     order by c.created_at desc, c.id desc limit 1)`;
const latestPercent = (cutoff: string, activity: string) =>
  `(select u.percent from status_updates u where u.activity_id = ${activity} and u.created_at <= ${cutoff}
     and u.percent is not null order by u.created_at desc, u.id desc limit 1)`;

/**
 * SELECT giving, for every live activity matching `where` (over activities a), its state as
 * of :asOf and as of :prevAsOf. Columns: id, plan_id, measure_id, start, baseline_end, ongoing,
 * end_date, status, percent, completed_on, overdue, due_this_quarter, late_start, days_overdue,
 * prev_status, prev_percent, prev_end, prev_overdue, prev_due_this_quarter. Named parameters:
 * statePeriodParams(asOf, previousAsOf).
 */
export function dashboardStateSql(where: string): string {
  return `
  with base as materialized (
    select a.id, a.plan_id, a.measure_id, a.start, a.baseline_end, a.ongoing,
      ${latestUpdate(':cutoff', 'a.id')} as su_id,
      ${latestChange(':cutoff', 'a.id')} as sc_id
    from activities a
    where a.archived = 0 ${where ? `and ${where}` : ''}
  ),
  stepped as materialized (
    select b.*, su.status as su_status, su.percent as su_percent, su.completed_on as su_completed_on, su.created_at as su_at,
      coalesce(sc.new_end, b.baseline_end) as end_date,
      case when b.su_id is null or su.created_at <= :prevCutoff then b.su_id else ${latestUpdate(':prevCutoff', 'b.id')} end as prev_su_id,
      case when b.sc_id is null then null when sc.created_at <= :prevCutoff then b.sc_id else ${latestChange(':prevCutoff', 'b.id')} end as prev_sc_id
    from base b
    left join status_updates su on su.id = b.su_id
    left join schedule_changes sc on sc.id = b.sc_id
  ),
  resolved as (
    select s.id, s.plan_id, s.measure_id, s.start, s.baseline_end, s.ongoing, s.end_date,
      coalesce(s.su_status, 'planned') as status,
      case when s.su_status = 'done' then 100 when s.su_percent is not null then s.su_percent when s.su_id is null then 0
        else coalesce(${latestPercent(':cutoff', 's.id')}, 0) end as percent,
      case when s.su_status = 'done' then coalesce(s.su_completed_on, ${SOFIA_DATE_FUNCTION}(s.su_at)) end as completed_on,
      coalesce(ps.status, 'planned') as prev_status,
      case when ps.status = 'done' then 100 when ps.percent is not null then ps.percent when ps.id is null then 0
        else coalesce(${latestPercent(':prevCutoff', 's.id')}, 0) end as prev_percent,
      case when s.prev_sc_id is null then s.baseline_end else psc.new_end end as prev_end
    from stepped s
    left join status_updates ps on ps.id = s.prev_su_id
    left join schedule_changes psc on psc.id = s.prev_sc_id
  )
  select r.id, r.plan_id, r.measure_id, r.start, r.baseline_end, r.ongoing, r.end_date, r.status, r.percent, r.completed_on,
    (r.ongoing = 0 and r.status not in ('done', 'cancelled') and r.end_date is not null and r.end_date < :asOf) as overdue,
    (r.ongoing = 0 and r.status not in ('done', 'cancelled') and r.end_date between :quarterStart and :quarterEnd) as due_this_quarter,
    (r.ongoing = 0 and r.status = 'planned' and r.start is not null and r.start < :asOf) as late_start,
    case when r.ongoing = 0 and r.status not in ('done', 'cancelled') and r.end_date < :asOf
      then cast(julianday(:asOf) - julianday(r.end_date) as integer) else 0 end as days_overdue,
    r.prev_status, r.prev_percent, r.prev_end,
    (r.ongoing = 0 and r.prev_status not in ('done', 'cancelled') and r.prev_end is not null and r.prev_end < :prevAsOf) as prev_overdue,
    (r.ongoing = 0 and r.prev_status not in ('done', 'cancelled') and r.prev_end between :prevQuarterStart and :prevQuarterEnd) as prev_due_this_quarter
  from resolved r`;
}

const STATE_TABLE = 'temp.dashboard_state';

const figuresSql = (prefix: '' | 'prev_') => `
  select count(*) as total,
    coalesce(sum(${prefix}status = 'done'), 0) as done,
    coalesce(sum(${prefix}status = 'in_progress'), 0) as inProgress,
    coalesce(sum(${prefix}status = 'planned'), 0) as planned,
    coalesce(sum(${prefix}status = 'postponed'), 0) as postponed,
    coalesce(sum(${prefix}status = 'cancelled'), 0) as cancelled,
    coalesce(sum(${prefix}overdue), 0) as overdue,
    coalesce(sum(${prefix}due_this_quarter), 0) as dueThisQuarter,
    ${prefix === '' ? 'coalesce(sum(late_start), 0)' : 'null'} as lateStart,
    coalesce(sum(case when ${prefix}status <> 'cancelled' then ${prefix}percent end), 0) as percentSum
  from dashboard_state`;

type FiguresRow = Omit<Figures, 'shareDone' | 'meanPercent' | 'lateStart'> & { lateStart: number | null; percentSum: number };

function toFigures(row: FiguresRow): Figures {
  const counted = row.total - row.cancelled;
  return {
    total: row.total,
    done: row.done,
    inProgress: row.inProgress,
    planned: row.planned,
    postponed: row.postponed,
    cancelled: row.cancelled,
    overdue: row.overdue,
    dueThisQuarter: row.dueThisQuarter,
    lateStart: row.lateStart ?? 0,
    shareDone: counted > 0 ? row.done / counted : null,
    meanPercent: counted > 0 ? row.percentSum / counted : null,
  };
}

const emptyCounts = (): StatusCounts => Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;

function shareOf(byStatus: StatusCounts, total: number): number | null {
  const counted = total - byStatus.cancelled;
  return counted > 0 ? byStatus.done / counted : null;
}

/** Every plan, for the plan selector. */
export function listPlanChoices(): PlanChoice[] {
  return getDb()
    .$client.prepare(
      `select p.id, p.title, p.period, o.name as organization
       from plans p join organizations o on o.id = p.organization_id
       order by o.name, p.imported_at desc, p.id desc`,
    )
    .all() as PlanChoice[];
}

/** The dashboard of one plan (planId) or of all plans (planId null) as of a day. */
export function getDashboard({ planId, asOf, today }: DashboardQuery): Dashboard {
  const sqlite = getDb().$client;
  ensureFunctions(sqlite);
  const previousAsOf = quarterEndBefore(asOf);
  const params = statePeriodParams(asOf, previousAsOf);
  const plans = listPlanChoices();
  const plan = planId === null ? null : (plans.find((p) => p.id === planId) ?? null);
  if (planId !== null && plan === null) throw new Response('Plan not found', { status: 404 });

  return sqlite.transaction(() => {
    sqlite.prepare(`drop table if exists ${STATE_TABLE}`).run();
    sqlite
      .prepare(`create table ${STATE_TABLE} as ${dashboardStateSql(planId === null ? '' : 'a.plan_id = :planId')}`)
      .run(planId === null ? params : { ...params, planId });
    try {
      return {
        asOf,
        previousAsOf,
        quarter: periodKey(periodOf(asOf, 'quarter')),
        plan,
        plans,
        figures: toFigures(sqlite.prepare(figuresSql('')).get() as FiguresRow),
        previousFigures: toFigures(sqlite.prepare(figuresSql('prev_')).get() as FiguresRow),
        groups: planId === null ? progressByPlan(sqlite) : progressByArea(sqlite, planId),
        caf: progressByCaf(sqlite),
        owners: ownerLoad(sqlite),
        burnUp: burnUp(sqlite, asOf),
        overdue: overdueList(sqlite),
        quarterEnds: quarterEnds(sqlite, today),
      } satisfies Dashboard;
    } finally {
      sqlite.prepare(`drop table if exists ${STATE_TABLE}`).run();
    }
  })();
}

type GroupRow = { id: number; planId: number; areaCode: string | null; title: string; status: Status | null; n: number; overdue: number; due: number; percentSum: number };

function collectGroups(rows: GroupRow[], labelOf: (row: GroupRow) => string): GroupProgress[] {
  const groups = new Map<number, GroupProgress & { percentSum: number }>();
  for (const row of rows) {
    let group = groups.get(row.id);
    if (!group) {
      group = {
        id: row.id,
        planId: row.planId,
        areaCode: row.areaCode,
        label: labelOf(row),
        title: row.title,
        total: 0,
        byStatus: emptyCounts(),
        overdue: 0,
        dueThisQuarter: 0,
        shareDone: null,
        meanPercent: null,
        percentSum: 0,
      };
      groups.set(row.id, group);
    }
    if (row.status === null) continue;
    group.total += row.n;
    group.byStatus[row.status] += row.n;
    group.overdue += row.overdue;
    group.dueThisQuarter += row.due;
    group.percentSum += row.percentSum;
  }
  return [...groups.values()].map(({ percentSum, ...group }) => {
    const counted = group.total - group.byStatus.cancelled;
    return { ...group, shareDone: shareOf(group.byStatus, group.total), meanPercent: counted > 0 ? percentSum / counted : null };
  });
}

const GROUP_COLUMNS = `s.status, count(s.id) as n, coalesce(sum(s.overdue), 0) as overdue, coalesce(sum(s.due_this_quarter), 0) as due,
  coalesce(sum(case when s.status <> 'cancelled' then s.percent end), 0) as percentSum`;

/** Every area of the plan in its order, empty ones included. */
function progressByArea(sqlite: Database.Database, planId: number): GroupProgress[] {
  const rows = sqlite
    .prepare(
      `select ar.id, ar.plan_id as planId, ar.code as areaCode, ar.title, ${GROUP_COLUMNS}
       from areas ar
       left join measures m on m.area_id = ar.id
       left join dashboard_state s on s.measure_id = m.id
       where ar.plan_id = ?
       group by ar.id, s.status
       order by ar.position, ar.id`,
    )
    .all(planId) as GroupRow[];
  return collectGroups(rows, (row) => row.areaCode ?? '');
}

/** The plans with the most overdue activities first (then the least done), at most DASHBOARD_PLAN_LIMIT. */
function progressByPlan(sqlite: Database.Database): GroupProgress[] {
  const rows = sqlite
    .prepare(
      `with ranked as (
         select plan_id, sum(overdue) as overdue, sum(status = 'done') * 1.0 / max(1, count(*) - sum(status = 'cancelled')) as share
         from dashboard_state group by plan_id
         order by overdue desc, share asc, plan_id limit ${DASHBOARD_PLAN_LIMIT})
       select p.id, p.id as planId, null as areaCode, p.title, ${GROUP_COLUMNS}
       from ranked r join plans p on p.id = r.plan_id
       join dashboard_state s on s.plan_id = r.plan_id
       group by p.id, s.status
       order by r.overdue desc, r.share asc, p.id`,
    )
    .all() as GroupRow[];
  return collectGroups(rows, (row) => row.title);
}

/** All 9 criteria, each activity counted once per criterion its measure answers. */
function progressByCaf(sqlite: Database.Database): CafProgress[] {
  const byCriterion = sqlite
    .prepare(
      `with refs as (
         select distinct coalesce(cc.parent_code, cc.code) as criterion, s.id, s.status, s.overdue
         from dashboard_state s
         join measure_caf_refs r on r.measure_id = s.measure_id
         join caf_criteria cc on cc.code = r.caf_code)
       select criterion, status, count(*) as n, sum(overdue) as overdue from refs group by criterion, status`,
    )
    .all() as { criterion: string; status: Status; n: number; overdue: number }[];
  const bySub = sqlite
    .prepare(
      `select r.caf_code as code, count(distinct r.measure_id) as measures, count(distinct s.id) as activities,
         count(distinct case when s.status = 'done' then s.id end) as done,
         count(distinct case when s.overdue then s.id end) as overdue
       from dashboard_state s join measure_caf_refs r on r.measure_id = s.measure_id
       group by r.caf_code`,
    )
    .all() as { code: string; measures: number; activities: number; done: number; overdue: number }[];
  return CAF_CRITERIA.map((criterion) => {
    const byStatus = emptyCounts();
    let overdue = 0;
    for (const row of byCriterion.filter((r) => r.criterion === criterion.code)) {
      byStatus[row.status] += row.n;
      overdue += row.overdue;
    }
    const total = STATUSES.reduce((sum, s) => sum + byStatus[s], 0);
    const subCriteria = [criterion, ...criterion.subCriteria].flatMap((sub) => {
      const row = bySub.find((r) => r.code === sub.code);
      return row ? [{ code: sub.code, titleBg: sub.titleBg, titleEn: sub.titleEn, ...row }] : [];
    });
    return { code: criterion.code, titleBg: criterion.titleBg, titleEn: criterion.titleEn, total, byStatus, overdue, shareDone: shareOf(byStatus, total), subCriteria };
  });
}

/** Owners with overdue or due-this-quarter activities, the most overdue first. */
function ownerLoad(sqlite: Database.Database): OwnerLoad[] {
  return sqlite
    .prepare(
      `select o.id, o.name, sum(s.overdue) as overdue, sum(s.due_this_quarter) as dueThisQuarter,
         sum(s.status not in ('done', 'cancelled')) as open
       from dashboard_state s
       join activity_owners ao on ao.activity_id = s.id
       join owners o on o.id = ao.owner_id
       group by o.id
       having sum(s.overdue) + sum(s.due_this_quarter) > 0
       order by overdue desc, dueThisQuarter desc, o.name
       limit ${DASHBOARD_OWNER_LIMIT}`,
    )
    .all() as OwnerLoad[];
}

/** Cumulative planned (baseline) and actual completions by month. */
function burnUp(sqlite: Database.Database, asOf: string): BurnUpPoint[] {
  const rows = sqlite
    .prepare(
      `select 'planned' as kind, substr(baseline_end, 1, 7) as month, count(*) as n
         from dashboard_state where ongoing = 0 and baseline_end is not null group by month
       union all
       select 'actual', substr(completed_on, 1, 7), count(*)
         from dashboard_state where status = 'done' and completed_on is not null group by 2`,
    )
    .all() as { kind: 'planned' | 'actual'; month: string; n: number }[];
  if (rows.length === 0) return [];
  const months = rows.map((r) => r.month).sort();
  const asOfMonth = asOf.slice(0, 7);
  const series: BurnUpPoint[] = [];
  let planned = 0;
  let actual = 0;
  for (let month = months[0]!; month <= months.at(-1)!; month = nextMonth(month)) {
    for (const row of rows) {
      if (row.month !== month) continue;
      if (row.kind === 'planned') planned += row.n;
      else actual += row.n;
    }
    series.push({ month, planned, actual: month <= asOfMonth ? actual : null });
  }
  return series;
}

function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/** The overdue activities, the longest overdue first, at most DASHBOARD_OVERDUE_LIMIT. */
function overdueList(sqlite: Database.Database): Dashboard['overdue'] {
  const total = (sqlite.prepare('select count(*) as n from dashboard_state where overdue').get() as { n: number }).n;
  const rows = sqlite
    .prepare(
      `select s.id, s.plan_id as planId, p.title as planTitle, a.code, a.title, s.status, s.percent, s.end_date as endDate,
         s.baseline_end as baselineEnd, s.days_overdue as daysOverdue,
         (select group_concat(name, ', ') from (select o.name from activity_owners ao join owners o on o.id = ao.owner_id
            where ao.activity_id = s.id order by ao.position, o.name)) as owners
       from dashboard_state s
       join activities a on a.id = s.id
       join plans p on p.id = s.plan_id
       where s.overdue
       order by s.end_date, s.plan_id, a.position
       limit ${DASHBOARD_OVERDUE_LIMIT}`,
    )
    .all() as OverdueActivity[];
  return { total, rows };
}

/** Quarter ends from the quarter of the earliest date of the plan(s) up to the last one before today (at most 5 years). */
function quarterEnds(sqlite: Database.Database, today: string): string[] {
  const range = sqlite
    .prepare(
      `select min(coalesce(start, baseline_end)) as first, max(max(coalesce(baseline_end, '')), max(coalesce(end_date, ''))) as last
       from dashboard_state`,
    )
    .get() as { first: string | null; last: string | null };
  if (!range.first) return [];
  const lastBeforeToday = quarterEndBefore(today);
  // Up to the quarter after the plan's last end (when its results were reported), never past the last quarter end before today.
  const lastOfPlan = range.last ? periodBounds(periodOf(addDays(periodBounds(periodOf(range.last, 'quarter')).end, 1), 'quarter')).end : lastBeforeToday;
  const last = lastOfPlan < lastBeforeToday ? lastOfPlan : lastBeforeToday;
  const ends: string[] = [];
  let period: Period = periodOf(range.first, 'quarter');
  for (let end = periodBounds(period).end; end <= last; end = periodBounds(period).end) {
    ends.push(end);
    period = periodOf(addDays(end, 1), 'quarter');
  }
  return ends.slice(-20);
}

/** Reads ?asOf (an ISO date, not after today; default today). */
export function parseAsOf(value: string | null, today: string): string {
  if (!value || !isIsoDate(value)) return today;
  return value > today ? today : value;
}
