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
 * The state is the shared activityStateSql (activity-state.server.ts: the same rules and
 * columns as ACTIVITY_STATE_CTE, tests/dashboard-state.test.ts checks that row by row),
 * with the state as of the previous quarter end beside it: that reuses the latest update
 * when it was recorded before the quarter ended, so it usually costs nothing more. See
 * bench/dashboard.ts for the figures.
 */
import type Database from 'better-sqlite3';
import { getDb } from '../../db/client';
import { addDays, dateOfTimestampInSofia, endOfDayInSofia, isIsoDate } from '~/domain/dates';
import { periodBounds, periodKey, periodOf, quarterEndBefore, type Period } from '~/domain/quarters';
import { STATUSES, type Status } from '~/domain/status';
import { CAF_CRITERIA } from '../../importers/caf2020';
import { activityStateSql } from './activity-state.server';
import { prepared } from './statements.server';

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

export type OwnerLoad = { id: number; name: string; overdue: number; dueThisQuarter: number };

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
  /** How many plans (all-plans charts), owners and overdue activities are listed at most. */
  limits: { plans: number; owners: number; overdue: number };
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

/**
 * SELECT giving, for every live activity matching `where` (over activities a), its state as
 * of :asOf and as of :prevAsOf: the shared activityStateSql with the previous state and the
 * completion day. Columns: id, plan_id, measure_id, start, baseline_end, ongoing, end_date,
 * status, percent, completed_on, overdue, due_this_quarter, late_start, days_overdue,
 * prev_status, prev_percent, prev_end, prev_overdue, prev_due_this_quarter, prev_late_start.
 * Named parameters: statePeriodParams(asOf, previousAsOf).
 */
export function dashboardStateSql(where: string): string {
  return `
  select r.id, r.plan_id, r.measure_id, r.start, r.baseline_end, r.ongoing, r.end_date, r.status, r.percent, r.completed_on,
    r.overdue, r.due_this_quarter, r.late_start,
    case when r.overdue then cast(julianday(:asOf) - julianday(r.end_date) as integer) else 0 end as days_overdue,
    r.prev_status, r.prev_percent, r.prev_end, r.prev_overdue, r.prev_due_this_quarter, r.prev_late_start
  from (${activityStateSql({ where, previous: true, sofiaDateFunction: SOFIA_DATE_FUNCTION })}) r`;
}

const STATE_TABLE = 'temp.dashboard_state';

/** The figures as of the day and as of the previous quarter end, and the dates the plan(s) span, in one scan. */
const FIGURES_SQL = `
  select count(*) as total,
    coalesce(sum(status = 'done'), 0) as done,
    coalesce(sum(status = 'in_progress'), 0) as inProgress,
    coalesce(sum(status = 'planned'), 0) as planned,
    coalesce(sum(status = 'postponed'), 0) as postponed,
    coalesce(sum(status = 'cancelled'), 0) as cancelled,
    coalesce(sum(overdue), 0) as overdue,
    coalesce(sum(due_this_quarter), 0) as dueThisQuarter,
    coalesce(sum(late_start), 0) as lateStart,
    coalesce(sum(case when status <> 'cancelled' then percent end), 0) as percentSum,
    coalesce(sum(prev_status = 'done'), 0) as prevDone,
    coalesce(sum(prev_status = 'in_progress'), 0) as prevInProgress,
    coalesce(sum(prev_status = 'planned'), 0) as prevPlanned,
    coalesce(sum(prev_status = 'postponed'), 0) as prevPostponed,
    coalesce(sum(prev_status = 'cancelled'), 0) as prevCancelled,
    coalesce(sum(prev_overdue), 0) as prevOverdue,
    coalesce(sum(prev_due_this_quarter), 0) as prevDueThisQuarter,
    coalesce(sum(prev_late_start), 0) as prevLateStart,
    coalesce(sum(case when prev_status <> 'cancelled' then prev_percent end), 0) as prevPercentSum,
    min(coalesce(start, baseline_end)) as firstDate,
    max(max(coalesce(baseline_end, '')), max(coalesce(end_date, ''))) as lastDate
  from dashboard_state`;

type FiguresRow = {
  total: number;
  done: number;
  inProgress: number;
  planned: number;
  postponed: number;
  cancelled: number;
  overdue: number;
  dueThisQuarter: number;
  lateStart: number;
  percentSum: number;
  firstDate: string | null;
  lastDate: string | null;
};
type BothFiguresRow = FiguresRow & { [K in keyof Omit<FiguresRow, 'total' | 'firstDate' | 'lastDate'> as `prev${Capitalize<K>}`]: number };

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
    lateStart: row.lateStart,
    shareDone: counted > 0 ? row.done / counted : null,
    meanPercent: counted > 0 ? row.percentSum / counted : null,
  };
}

function previousOf(row: BothFiguresRow): FiguresRow {
  return {
    total: row.total,
    done: row.prevDone,
    inProgress: row.prevInProgress,
    planned: row.prevPlanned,
    postponed: row.prevPostponed,
    cancelled: row.prevCancelled,
    overdue: row.prevOverdue,
    dueThisQuarter: row.prevDueThisQuarter,
    lateStart: row.prevLateStart,
    percentSum: row.prevPercentSum,
    firstDate: row.firstDate,
    lastDate: row.lastDate,
  };
}

const emptyCounts = (): StatusCounts => Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;

function shareOf(byStatus: StatusCounts, total: number): number | null {
  const counted = total - byStatus.cancelled;
  return counted > 0 ? byStatus.done / counted : null;
}

/** Every plan, for the plan selector. */
export function listPlanChoices(): PlanChoice[] {
  return prepared(
    getDb().$client,
    `select p.id, p.title, p.period, o.name as organization
     from plans p join organizations o on o.id = p.organization_id
     order by o.name, p.imported_at desc, p.id desc`,
  ).all() as PlanChoice[];
}

/** Dashboards computed on this connection, by query and data version (at most DASHBOARD_CACHE_SIZE). */
const DASHBOARD_CACHE_SIZE = 32;
const cached = new WeakMap<Database.Database, Map<string, Dashboard>>();

/**
 * Changes whenever the database may have changed: PRAGMA data_version moves on every commit
 * by another connection (the CLI, another process), total_changes() on every row this
 * connection inserts, updates or deletes (a temporary table created as a SELECT is none).
 */
const versionStatements = new WeakMap<Database.Database, { data: Database.Statement; changes: Database.Statement }>();
function dataVersion(sqlite: Database.Database): string {
  let statements = versionStatements.get(sqlite);
  if (!statements) {
    statements = { data: sqlite.prepare('pragma data_version').pluck(), changes: sqlite.prepare('select total_changes()').pluck() };
    versionStatements.set(sqlite, statements);
  }
  return `${statements.data.get()}:${statements.changes.get()}`;
}

/** Forgets the dashboards computed so far (benchmarks time the computation itself). */
export function clearDashboardCache(): void {
  const sqlite = getDb().$client;
  cached.delete(sqlite);
}

/**
 * The dashboard of one plan (planId) or of all plans (planId null) as of a day. The result
 * of the same query on unchanged data is reused: nothing in it depends on anything else
 * (today is part of the query), and a dashboard of all plans costs a few hundred ms.
 * Callers must not change the object returned.
 */
export function getDashboard(query: DashboardQuery): Dashboard {
  const sqlite = getDb().$client;
  const key = `${dataVersion(sqlite)}|${query.planId}|${query.asOf}|${query.today}`;
  let byKey = cached.get(sqlite);
  if (!byKey) cached.set(sqlite, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit) return hit;
  const dashboard = computeDashboard(sqlite, query);
  if (byKey.size >= DASHBOARD_CACHE_SIZE) byKey.delete(byKey.keys().next().value!);
  byKey.set(key, dashboard);
  return dashboard;
}

function computeDashboard(sqlite: Database.Database, { planId, asOf, today }: DashboardQuery): Dashboard {
  ensureFunctions(sqlite);
  const previousAsOf = quarterEndBefore(asOf);
  const params = statePeriodParams(asOf, previousAsOf);
  const plans = listPlanChoices();
  const plan = planId === null ? null : (plans.find((p) => p.id === planId) ?? null);
  if (planId !== null && plan === null) throw new Response('Plan not found', { status: 404 });

  // One read transaction: every figure comes from the same snapshot, and the temporary
  // table never outlives the call (better-sqlite3 is synchronous: no other request runs
  // on this connection in between).
  return sqlite.transaction(() => {
    sqlite.prepare(`drop table if exists ${STATE_TABLE}`).run();
    sqlite
      .prepare(`create table ${STATE_TABLE} as ${dashboardStateSql(planId === null ? '' : 'a.plan_id = :planId')}`)
      .run(planId === null ? params : { ...params, planId });
    try {
      const row = sqlite.prepare(FIGURES_SQL).get() as BothFiguresRow;
      const figures = toFigures(row);
      const cube = measureCube(sqlite, planId);
      return {
        asOf,
        previousAsOf,
        quarter: periodKey(periodOf(asOf, 'quarter')),
        plan,
        plans,
        figures,
        previousFigures: toFigures(previousOf(row)),
        groups: planId === null ? topPlans(cube.groups) : cube.groups,
        caf: cube.caf,
        owners: ownerLoad(sqlite),
        burnUp: burnUp(sqlite, asOf),
        overdue: { total: figures.overdue, rows: figures.overdue > 0 ? overdueList(sqlite) : [] },
        quarterEnds: quarterEnds(row.firstDate, row.lastDate, today),
        limits: { plans: DASHBOARD_PLAN_LIMIT, owners: DASHBOARD_OWNER_LIMIT, overdue: DASHBOARD_OVERDUE_LIMIT },
      } satisfies Dashboard;
    } finally {
      sqlite.prepare(`drop table if exists ${STATE_TABLE}`).run();
    }
  })();
}

type CubeRow = {
  kind: 'group' | 'criterion' | 'sub';
  key: string;
  id: number | null;
  planId: number | null;
  title: string | null;
  position: number | null;
  measures: number;
  planned: number;
  in_progress: number;
  done: number;
  postponed: number;
  cancelled: number;
  overdue: number;
  due: number;
  percentSum: number;
};

const CUBE_SUMS = `sum(g.planned) as planned, sum(g.in_progress) as in_progress, sum(g.done) as done, sum(g.postponed) as postponed,
  sum(g.cancelled) as cancelled, sum(g.overdue) as overdue, sum(g.due) as due, sum(g.percent_sum) as percentSum`;

/**
 * Progress by area (one plan: every area, empty ones too) or by plan (all plans), by CAF
 * criterion and by sub-criterion, from one grouping of the state by measure. An activity
 * belongs to one measure, so an activity counts once per criterion however many of its
 * sub-criteria the measure names.
 */
function measureCube(sqlite: Database.Database, planId: number | null): { groups: GroupProgress[]; caf: CafProgress[] } {
  const groupsSql =
    planId === null
      ? `select 'group' as kind, cast(p.id as text) as key, p.id, p.id as planId, p.title, p.id as position, count(*) as measures, ${CUBE_SUMS}
         from g join plans p on p.id = g.plan_id group by p.id`
      : `select 'group' as kind, ar.code as key, ar.id, ar.plan_id as planId, ar.title, ar.position, count(g.measure_id) as measures, ${CUBE_SUMS}
         from areas ar left join measures m on m.area_id = ar.id left join g on g.measure_id = m.id
         where ar.plan_id = :planId group by ar.id`;
  // CROSS JOIN keeps g (the measures in scope) as the outer loop: one plan's dashboard must not
  // scan the CAF references of every plan.
  const rows = sqlite
    .prepare(
      `with g as materialized (
         select measure_id, plan_id, sum(status = 'planned') as planned, sum(status = 'in_progress') as in_progress,
           sum(status = 'done') as done, sum(status = 'postponed') as postponed, sum(status = 'cancelled') as cancelled,
           sum(overdue) as overdue, sum(due_this_quarter) as due, sum(case when status <> 'cancelled' then percent end) as percent_sum
         from dashboard_state group by measure_id)
       ${groupsSql}
       union all
       select 'criterion', coalesce(c.parent_code, c.code), null, null, null, null, count(*), ${CUBE_SUMS}
       from g cross join measure_caf_refs r on r.measure_id = g.measure_id join caf_criteria c on c.code = r.caf_code
       -- once per criterion: skip a reference when the measure names an earlier code of the same criterion
       where not exists (select 1 from measure_caf_refs r2 join caf_criteria c2 on c2.code = r2.caf_code
         where r2.measure_id = r.measure_id and r2.caf_code < r.caf_code
           and coalesce(c2.parent_code, c2.code) = coalesce(c.parent_code, c.code))
       group by coalesce(c.parent_code, c.code)
       union all
       select 'sub', r.caf_code, null, null, null, null, count(*), ${CUBE_SUMS}
       from g cross join measure_caf_refs r on r.measure_id = g.measure_id
       group by r.caf_code`,
    )
    .all(planId === null ? {} : { planId }) as CubeRow[];

  const countsOf = (row: CubeRow): StatusCounts => {
    const counts = emptyCounts();
    for (const status of STATUSES) counts[status] = row[status] ?? 0;
    return counts;
  };
  const totalOf = (counts: StatusCounts) => STATUSES.reduce((sum, status) => sum + counts[status], 0);

  const groups = rows
    .filter((row) => row.kind === 'group')
    .sort((a, b) => a.position! - b.position! || a.id! - b.id!)
    .map((row): GroupProgress => {
      const byStatus = countsOf(row);
      const total = totalOf(byStatus);
      const counted = total - byStatus.cancelled;
      return {
        id: row.id!,
        planId: row.planId!,
        areaCode: planId === null ? null : row.key,
        label: planId === null ? row.title! : row.key,
        title: row.title!,
        total,
        byStatus,
        overdue: row.overdue ?? 0,
        dueThisQuarter: row.due ?? 0,
        shareDone: shareOf(byStatus, total),
        meanPercent: counted > 0 ? (row.percentSum ?? 0) / counted : null,
      };
    });

  const caf = CAF_CRITERIA.map((criterion): CafProgress => {
    const row = rows.find((r) => r.kind === 'criterion' && r.key === criterion.code);
    const byStatus = row ? countsOf(row) : emptyCounts();
    const total = totalOf(byStatus);
    const subCriteria = [criterion, ...criterion.subCriteria].flatMap((sub) => {
      const subRow = rows.find((r) => r.kind === 'sub' && r.key === sub.code);
      if (!subRow) return [];
      const counts = countsOf(subRow);
      return [{ code: sub.code, titleBg: sub.titleBg, titleEn: sub.titleEn, measures: subRow.measures, activities: totalOf(counts), done: counts.done, overdue: subRow.overdue }];
    });
    return { code: criterion.code, titleBg: criterion.titleBg, titleEn: criterion.titleEn, total, byStatus, overdue: row?.overdue ?? 0, shareDone: shareOf(byStatus, total), subCriteria };
  });
  return { groups, caf };
}

/** The plans with the most overdue activities first (then the least done), at most DASHBOARD_PLAN_LIMIT. */
function topPlans(groups: GroupProgress[]): GroupProgress[] {
  return [...groups]
    .sort((a, b) => b.overdue - a.overdue || (a.shareDone ?? 1) - (b.shareDone ?? 1) || a.planId - b.planId)
    .slice(0, DASHBOARD_PLAN_LIMIT);
}

/** Owners with overdue or due-this-quarter activities, the most overdue first. */
function ownerLoad(sqlite: Database.Database): OwnerLoad[] {
  return sqlite
    .prepare(
      `select o.id, o.name, sum(s.overdue) as overdue, sum(s.due_this_quarter) as dueThisQuarter
       from dashboard_state s
       cross join activity_owners ao on ao.activity_id = s.id
       join owners o on o.id = ao.owner_id
       where s.overdue or s.due_this_quarter
       group by o.id
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
         from dashboard_state where completed_on is not null group by 2`,
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
function overdueList(sqlite: Database.Database): OverdueActivity[] {
  return sqlite
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
}

/**
 * The quick picks: quarter ends from the quarter of the plan's first date up to the quarter
 * after its last end (when the results of the last quarter are reported), never after the
 * last quarter end before today; the 20 latest.
 */
export function quarterEnds(first: string | null, last: string | null, today: string): string[] {
  if (!first) return [];
  const lastBeforeToday = quarterEndBefore(today);
  const afterPlan = last ? periodBounds(periodOf(addDays(periodBounds(periodOf(last, 'quarter')).end, 1), 'quarter')).end : lastBeforeToday;
  const until = afterPlan < lastBeforeToday ? afterPlan : lastBeforeToday;
  const ends: string[] = [];
  let period: Period = periodOf(first, 'quarter');
  for (let end = periodBounds(period).end; end <= until; end = periodBounds(period).end) {
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
