/**
 * The dashboard: figures, progress by area (or by plan), by CAF criterion, by owner, a
 * burn-up by month and the overdue list, for one plan or all plans, as of any day.
 *
 * Everything is counted in SQL, inside one read transaction. One statement works out the
 * state of every live activity in scope into a temporary table, temp.dashboard_state: as of
 * the day and as of the end of the previous quarter, the status, percent, end (the latest
 * reschedule by then, else the baseline), overdue, due this quarter, late start, and the
 * completion day; the rules of stateFromLatest (app/domain/activity-state.ts), with the
 * days, the Sofia-time cutoffs (reschedules) and the quarters passed as parameters. Each
 * activity's latest status update as of the day (by the day it reports on) is found once, by
 * id, in status_updates_latest_idx, and the one as of the previous quarter end only for the
 * activities with an update on a later day; the reschedules, few, are grouped by
 * activity first. Every figure is then a GROUP BY (or ORDER BY ... LIMIT) over that table:
 * only grouped rows (a few per plan or area, criterion, owner, month) and the overdue
 * activities listed reach JavaScript, which only shapes them (cumulative sums, CAF titles).
 * The counts use FILTER clauses (a row steps only the counts it belongs to); the statements
 * are prepared once per connection (SQLite prepares again those over the table, recreated).
 *
 * Cost (bench/dashboard.ts, all plans, 50,000 activities): the state table about 1.7x the raw
 * SQL aggregate, the groupings about as much again (SQLite sorts for each GROUP BY), so the
 * loader is about 3.5-3.7x the raw SQL, short of the 2x target. tests/dashboard-state.test.ts
 * checks the table's states (dashboardActivities) against deriveActivityState.
 */
import type Database from 'better-sqlite3';
import { getDb } from '../../db/client';
import type { LatestState } from '~/domain/activity-state';
import { areaState } from '~/domain/area-state';
import { addDays, daysBetween, endOfDayInSofia, isIsoDate } from '~/domain/dates';
import { periodBounds, periodKey, periodOf, quarterEndBefore, type Period } from '~/domain/quarters';
import type { Status } from '~/domain/status';
import { CAF_CRITERIA } from '~/domain/caf2020';
import type { StatusCounts, Figures, GroupProgress, CafProgress, OwnerLoad, BurnUpPoint, OverdueActivity, PlanChoice, Dashboard } from '~/domain/dashboard-data';
import { countPlansClosedBy, PLANS_CLOSED_BY_AS_OF } from './plan.server';
import { prepared } from './statements.server';
import { whileUnchanged } from './read-cache.server';

export const DASHBOARD_OVERDUE_LIMIT = 50;
/** Owners shown in the owner chart (those with the most overdue, then due this quarter). */
export const DASHBOARD_OWNER_LIMIT = 12;
/** Plans shown in the "by plan" charts of the all-plans dashboard. */
export const DASHBOARD_PLAN_LIMIT = 15;


export type DashboardQuery = { planId: number | null; asOf: string; today: string };

/** A live activity in scope with its state as of the day (now) and as of the previous quarter end (before). */
export type DashboardActivity = {
  id: number;
  planId: number;
  measureId: number;
  position: number;
  start: string | null;
  baselineEnd: string | null;
  ongoing: boolean;
  /** As of the day, for a done activity: the day it was completed. */
  completedOn: string | null;
  now: LatestState;
  before: LatestState;
};

/** SQL: the id of activity a's latest status update as of the day (greatest as-of day, then recorded time, then id). */
const latestUpdateId = (asOf: string) =>
  `(select x.id from status_updates x indexed by status_updates_latest_idx where x.activity_id = a.id and x.as_of <= ${asOf}
     order by x.as_of desc, x.created_at desc, x.id desc limit 1)`;

/** SQL: the percent given update u, the latest as of the day: 100 when done, else the latest percent stated by then, else 0. */
const percentOf = (u: string, asOf: string) =>
  `case when ${u}.status = 'done' then 100 when ${u}.percent is not null then ${u}.percent when ${u}.id is null then 0
     else coalesce((select x.percent from status_updates x indexed by status_updates_latest_idx
       where x.activity_id = a.id and x.as_of <= ${asOf} and x.percent is not null
       order by x.as_of desc, x.created_at desc, x.id desc limit 1), 0) end`;

/** SQL: overdue, due this quarter and late start of row r for a status, an end, a day and its quarter (stateFromLatest). */
const flags = (prefix: '' | 'prev_', asOf: string, quarterStart: string, quarterEnd: string) => {
  const [status, end] = [`r.${prefix}status`, `r.${prefix}end_date`];
  const tracked = `r.ongoing = 0 and ${status} not in ('done', 'cancelled') and ${end} is not null`;
  return `(${tracked} and ${end} < ${asOf}) as ${prefix}overdue,
    (${tracked} and ${end} between ${quarterStart} and ${quarterEnd}) as ${prefix}due_this_quarter,
    (r.ongoing = 0 and ${status} = 'planned' and r.start is not null and r.start < ${asOf}) as ${prefix}late_start`;
};

const dropStateTable = (sqlite: Database.Database) => prepared(sqlite, 'drop table if exists temp.dashboard_state').run();

/**
 * Creates temp.dashboard_state: one row per live activity in scope (planId, or all plans not closed by asOf)
 * with its state as of the day (status, percent, end_date, overdue, due_this_quarter,
 * late_start, completed_on) and as of the previous quarter end (the same prefixed prev_,
 * without completed_on). Created as a SELECT, it counts in no total_changes() (dataVersion).
 */
function createStateTable(sqlite: Database.Database, planId: number | null, asOf: string, previousAsOf: string): void {
  const quarter = periodBounds(periodOf(asOf, 'quarter'));
  const previousQuarter = periodBounds(periodOf(previousAsOf, 'quarter'));
  // All plans: those running on the day (a plan closed by then is left out, in both states).
  const inScope = planId === null ? `and a.plan_id not in (${PLANS_CLOSED_BY_AS_OF})` : 'and a.plan_id = :planId';
  dropStateTable(sqlite);
  prepared(
    sqlite,
    `create temp table dashboard_state as
     with ends as materialized (
       -- the end set by the latest reschedule by each cutoff, for the activities rescheduled by the day
       select c.activity_id,
         (select x.new_end from schedule_changes x where x.activity_id = c.activity_id and x.created_at <= :cutoff
           order by x.created_at desc, x.id desc limit 1) as end_now,
         (select x.new_end from schedule_changes x where x.activity_id = c.activity_id and x.created_at <= :previousCutoff
           order by x.created_at desc, x.id desc limit 1) as end_before
       from schedule_changes c
       where c.created_at <= :cutoff ${planId === null ? '' : 'and c.activity_id in (select a.id from activities a where a.plan_id = :planId)'}
       group by c.activity_id)
     select r.id, r.plan_id, r.measure_id, r.position, r.start, r.baseline_end, r.ongoing,
       r.status, r.percent, r.end_date, r.completed_on, ${flags('', ':asOf', ':quarterStart', ':quarterEnd')},
       r.prev_status, r.prev_percent, r.prev_end_date, ${flags('prev_', ':previousAsOf', ':previousQuarterStart', ':previousQuarterEnd')}
     from (
       select a.id, a.plan_id, a.measure_id, a.position, a.start, a.baseline_end, a.ongoing,
         coalesce(su.status, 'planned') as status,
         ${percentOf('su', ':asOf')} as percent,
         coalesce(e.end_now, a.baseline_end) as end_date,
         case when su.status = 'done' then coalesce(su.completed_on, su.as_of) end as completed_on,
         coalesce(ps.status, 'planned') as prev_status,
         ${percentOf('ps', ':previousAsOf')} as prev_percent,
         coalesce(e.end_before, a.baseline_end) as prev_end_date
       from activities a
       left join status_updates su on su.id = ${latestUpdateId(':asOf')}
       -- as of the previous quarter end: the same update unless it reports on a later day
       left join status_updates ps on ps.id = case when su.as_of > :previousAsOf then ${latestUpdateId(':previousAsOf')} else su.id end
       left join ends e on e.activity_id = a.id
       where a.archived = 0 ${inScope}
     ) r`,
  ).run({
    asOf,
    cutoff: endOfDayInSofia(asOf),
    quarterStart: quarter.start,
    quarterEnd: quarter.end,
    previousAsOf,
    previousCutoff: endOfDayInSofia(previousAsOf),
    previousQuarterStart: previousQuarter.start,
    previousQuarterEnd: previousQuarter.end,
    ...(planId === null ? {} : { planId }),
  });
}

/**
 * The work of fn over temp.dashboard_state for this scope and these days, in one read
 * transaction: every figure comes from the same snapshot, and the table never outlives the
 * call (better-sqlite3 is synchronous: no other request runs on this connection meanwhile).
 */
function withStateTable<T>(sqlite: Database.Database, planId: number | null, asOf: string, previousAsOf: string, fn: () => T): T {
  return sqlite.transaction(() => {
    createStateTable(sqlite, planId, asOf, previousAsOf);
    try {
      return fn();
    } finally {
      dropStateTable(sqlite);
    }
  })();
}

type StateRow = {
  id: number;
  plan_id: number;
  measure_id: number;
  position: number;
  start: string | null;
  baseline_end: string | null;
  ongoing: 0 | 1;
  completed_on: string | null;
} & Record<`${'' | 'prev_'}status`, Status> &
  Record<`${'' | 'prev_'}${'percent' | 'overdue' | 'due_this_quarter' | 'late_start'}`, number> &
  Record<`${'' | 'prev_'}end_date`, string | null>;

/**
 * The rows of temp.dashboard_state for one plan (planId) or all plans, as of asOf and
 * previousAsOf (an earlier day): what the dashboard counts, to check it against the rules
 * (tests/dashboard-state.test.ts); the dashboard itself never reads them one by one.
 */
export function dashboardActivities(planId: number | null, asOf: string, previousAsOf: string): DashboardActivity[] {
  const sqlite = getDb().$client;
  const rows = withStateTable(sqlite, planId, asOf, previousAsOf, () => prepared(sqlite, 'select * from dashboard_state order by id').all() as StateRow[]);
  const stateOf = (row: StateRow, prefix: '' | 'prev_'): LatestState => ({
    status: row[`${prefix}status`],
    percent: row[`${prefix}percent`],
    end: row[`${prefix}end_date`],
    overdue: row[`${prefix}overdue`] === 1,
    dueThisQuarter: row[`${prefix}due_this_quarter`] === 1,
    lateStart: row[`${prefix}late_start`] === 1,
  });
  return rows.map((row) => ({
    id: row.id,
    planId: row.plan_id,
    measureId: row.measure_id,
    position: row.position,
    start: row.start,
    baselineEnd: row.baseline_end,
    ongoing: row.ongoing === 1,
    completedOn: row.completed_on,
    now: stateOf(row, ''),
    before: stateOf(row, 'prev_'),
  }));
}

/** What the dashboard counts over activities in one of their states, as the statements below name it. */
const TALLY_COLUMNS = [
  'total', 'planned', 'in_progress', 'done', 'postponed', 'cancelled', 'overdue', 'due_this_quarter', 'late_start', 'percent_sum',
] as const;
type TallyColumn = (typeof TALLY_COLUMNS)[number];
type Tally = Record<TallyColumn, number>;
const EMPTY_TALLY = Object.fromEntries(TALLY_COLUMNS.map((column) => [column, 0])) as Tally;

/**
 * SQL: Tally columns (all by default) over rows s of dashboard_state, in one state (prefix
 * '': as of the day; 'prev_': as of the previous quarter end). Counts with FILTER: a row steps
 * only the counts it belongs to (a third of the time of sum(condition) over every row).
 */
const tallySql = (prefix: '' | 'prev_' = '', columns: readonly TallyColumn[] = TALLY_COLUMNS) => {
  const [status, count] = [`s.${prefix}status`, (where: string) => `count(*) filter (where ${where})`];
  const sql: Record<TallyColumn, string> = {
    total: 'count(s.id)',
    planned: count(`${status} = 'planned'`),
    in_progress: count(`${status} = 'in_progress'`),
    done: count(`${status} = 'done'`),
    postponed: count(`${status} = 'postponed'`),
    cancelled: count(`${status} = 'cancelled'`),
    overdue: count(`s.${prefix}overdue`),
    due_this_quarter: count(`s.${prefix}due_this_quarter`),
    late_start: count(`s.${prefix}late_start`),
    percent_sum: `coalesce(sum(s.${prefix}percent) filter (where ${status} <> 'cancelled'), 0)`,
  };
  return columns.map((column) => `${sql[column]} as ${prefix}${column}`).join(', ');
};

const countsOf = (tally: Tally): StatusCounts => ({
  planned: tally.planned,
  in_progress: tally.in_progress,
  done: tally.done,
  postponed: tally.postponed,
  cancelled: tally.cancelled,
});

/** Cancelled activities count in neither share: done / (total − cancelled), mean percent over the same. */
const countedOf = (tally: Tally) => tally.total - tally.cancelled;
const shareDoneOf = (tally: Tally) => (countedOf(tally) > 0 ? tally.done / countedOf(tally) : null);
const meanPercentOf = (tally: Tally) => (countedOf(tally) > 0 ? tally.percent_sum / countedOf(tally) : null);

function toFigures(tally: Tally): Figures {
  return {
    total: tally.total,
    done: tally.done,
    inProgress: tally.in_progress,
    planned: tally.planned,
    postponed: tally.postponed,
    cancelled: tally.cancelled,
    overdue: tally.overdue,
    dueThisQuarter: tally.due_this_quarter,
    lateStart: tally.late_start,
    shareDone: shareDoneOf(tally),
    meanPercent: meanPercentOf(tally),
  };
}

/** Every plan, for the plan selector (reused while the database is unchanged; callers must not change it). */
export function listPlanChoices(): PlanChoice[] {
  return whileUnchanged('plan-choices', () =>
    prepared(
      getDb().$client,
      `select p.id, p.title, p.period, o.name as organization, p.approved_on as approvedOn, p.closed_on as closedOn
       from plans p join organizations o on o.id = p.organization_id
       order by o.name, p.imported_at desc, p.id desc`,
    ).all() as PlanChoice[],
  );
}

/**
 * The plan a dashboard opens on when none is asked for: the only plan, or the only one running
 * on the day (approved by then, when its approval day is known, and not closed by then); else
 * all plans (null).
 */
export function defaultPlanId(plans: PlanChoice[], asOf: string): number | null {
  const runs = (plan: PlanChoice) => (plan.approvedOn === null || plan.approvedOn <= asOf) && (plan.closedOn === null || plan.closedOn > asOf);
  const running = plans.length === 1 ? plans : plans.filter(runs);
  return running.length === 1 ? running[0]!.id : null;
}

/**
 * The dashboard of one plan (planId) or of all plans (planId null) as of a day, reused while
 * the database is unchanged (today is part of the key). Callers must not change the object returned.
 */
export function getDashboard(query: DashboardQuery): Dashboard {
  const sqlite = getDb().$client;
  return whileUnchanged(`dashboard|${query.planId}|${query.asOf}|${query.today}`, () => computeDashboard(sqlite, query));
}

function computeDashboard(sqlite: Database.Database, { planId, asOf, today }: DashboardQuery): Dashboard {
  const previousAsOf = quarterEndBefore(asOf);
  const plans = listPlanChoices();
  const plan = planId === null ? null : (plans.find((p) => p.id === planId) ?? null);
  if (planId !== null && plan === null) throw new Response('Plan not found', { status: 404 });

  return withStateTable(sqlite, planId, asOf, previousAsOf, (): Dashboard => {
    const { all, byPlan } = tallies(sqlite);
    const figures = toFigures(all);
    return {
      asOf,
      previousAsOf,
      quarter: periodKey(periodOf(asOf, 'quarter')),
      plan,
      plans,
      closedPlans: planId === null ? countPlansClosedBy(asOf) : 0,
      figures,
      previousFigures: toFigures(previousOf(all)),
      groups: planId === null ? planGroups(byPlan, plans, asOf) : areaGroups(sqlite, planId, asOf),
      caf: cafProgress(sqlite),
      owners: ownerLoad(sqlite, asOf),
      burnUp: burnUp(sqlite, asOf),
      overdue: { total: figures.overdue, rows: figures.overdue > 0 ? overdueList(sqlite, asOf) : [] },
      quarterEnds: quarterEnds(all.first, later(all.last_baseline_end, all.last_end), today),
      limits: { plans: DASHBOARD_PLAN_LIMIT, owners: DASHBOARD_OWNER_LIMIT, overdue: DASHBOARD_OVERDUE_LIMIT },
    };
  });
}

/** The later of two days, either of them null when there is none. */
const later = (a: string | null, b: string | null) => (a === null || (b !== null && b > a) ? b : a);

/** A tally by plan or in all: both states, and the days the activities span. */
type PlanTally = Tally &
  Record<`prev_${keyof Tally}`, number> & {
    plan_id: number | null;
    first: string | null;
    last_baseline_end: string | null;
    last_end: string | null;
    oldest_overdue_end: string | null;
  };

/**
 * The tallies in all (as of the day and as of the previous quarter end) and of the plans with
 * the most overdue activities first (then the least done), at most DASHBOARD_PLAN_LIMIT, from
 * one grouping by plan.
 */
function tallies(sqlite: Database.Database): { all: PlanTally; byPlan: PlanTally[] } {
  const sums = [...TALLY_COLUMNS, ...TALLY_COLUMNS.map((column) => `prev_${column}`)].map((column) => `coalesce(sum(${column}), 0) as ${column}`);
  const rows = prepared(
    sqlite,
    `with p as materialized (
       select s.plan_id, ${tallySql()}, ${tallySql('prev_')},
         min(coalesce(s.start, s.baseline_end)) as first, max(s.baseline_end) as last_baseline_end, max(s.end_date) as last_end,
         min(s.end_date) filter (where s.overdue) as oldest_overdue_end
       from dashboard_state s group by s.plan_id)
     select null as plan_id, ${sums.join(', ')}, min(first) as first, max(last_baseline_end) as last_baseline_end, max(last_end) as last_end,
       min(oldest_overdue_end) as oldest_overdue_end from p
     union all
     select * from (select * from p
       order by overdue desc, coalesce(cast(done as real) / nullif(total - cancelled, 0), 1), plan_id limit ${DASHBOARD_PLAN_LIMIT})`,
  ).all() as PlanTally[];
  return { all: rows[0]!, byPlan: rows.slice(1) };
}

const previousOf = (tally: PlanTally): Tally =>
  Object.fromEntries(TALLY_COLUMNS.map((column) => [column, tally[`prev_${column}`]])) as Tally;

/** Days late, as of the day, of an activity that should have ended on end (null: none). */
const daysLate = (end: string | null, asOf: string) => (end === null ? null : daysBetween(end, asOf));

function groupProgress(
  group: Pick<GroupProgress, 'id' | 'planId' | 'areaCode' | 'label' | 'title'>,
  tally: Tally & { oldest_overdue_end: string | null },
  asOf: string,
): GroupProgress {
  const oldestDaysOverdue = daysLate(tally.oldest_overdue_end, asOf);
  return {
    ...group,
    total: tally.total,
    byStatus: countsOf(tally),
    overdue: tally.overdue,
    dueThisQuarter: tally.due_this_quarter,
    lateStart: tally.late_start,
    oldestDaysOverdue,
    state: areaState({ counted: countedOf(tally), overdue: tally.overdue, lateStart: tally.late_start, oldestDaysOverdue }),
    shareDone: shareDoneOf(tally),
    meanPercent: meanPercentOf(tally),
  };
}

/** Progress by plan, from the tallies of the plans listed. */
function planGroups(byPlan: PlanTally[], plans: PlanChoice[], asOf: string): GroupProgress[] {
  const titles = new Map(plans.map((plan) => [plan.id, plan.title]));
  return byPlan.map((tally) => {
    const title = titles.get(tally.plan_id!)!;
    return groupProgress({ id: tally.plan_id!, planId: tally.plan_id!, areaCode: null, label: title, title }, tally, asOf);
  });
}

/** Progress by area of one plan: every area, empty ones too, in the plan's order. */
function areaGroups(sqlite: Database.Database, planId: number, asOf: string): GroupProgress[] {
  const rows = prepared(
    sqlite,
    `select ar.id, ar.code, ar.title, ${tallySql()}, min(s.end_date) filter (where s.overdue) as oldest_overdue_end
     from areas ar left join measures m on m.area_id = ar.id left join dashboard_state s on s.measure_id = m.id
     where ar.plan_id = ?
     group by ar.id
     order by ar.position, ar.id`,
  ).all(planId) as (Tally & { id: number; code: string; title: string; oldest_overdue_end: string | null })[];
  return rows.map((row) => groupProgress({ id: row.id, planId, areaCode: row.code, label: row.code, title: row.title }, row, asOf));
}

/**
 * Progress by CAF criterion and sub-criterion, through the CAF references of the activities'
 * measures. An activity belongs to one measure, so it counts once per criterion however many
 * of the criterion's codes its measure names.
 */
function cafProgress(sqlite: Database.Database): CafProgress[] {
  const counts = ['total', 'planned', 'in_progress', 'done', 'postponed', 'cancelled', 'overdue'] as const;
  const rows = prepared(
    sqlite,
    `with m as materialized (
       select s.measure_id, ${tallySql('', counts)} from dashboard_state s group by s.measure_id),
     refs as materialized (
       select r.caf_code, coalesce(c.parent_code, c.code) as criterion, ${counts.map((column) => `m.${column}`).join(', ')},
         -- whether this is the measure's first code of the criterion: the measure counts there, once per criterion
         not exists (select 1 from measure_caf_refs r2 join caf_criteria c2 on c2.code = r2.caf_code
           where r2.measure_id = r.measure_id and r2.caf_code < r.caf_code and coalesce(c2.parent_code, c2.code) = coalesce(c.parent_code, c.code)
         ) as first_of_criterion
       from m cross join measure_caf_refs r on r.measure_id = m.measure_id join caf_criteria c on c.code = r.caf_code)
     select 'sub' as kind, caf_code as code, count(*) as measures, sum(total) as total, null as planned, null as in_progress, sum(done) as done,
       null as postponed, null as cancelled, sum(overdue) as overdue
     from refs group by caf_code
     union all
     select 'criterion', criterion, null, ${counts.map((column) => `sum(${column})`).join(', ')} from refs where first_of_criterion group by criterion`,
  ).all() as (Tally & { kind: 'criterion' | 'sub'; code: string; measures: number })[];
  const criteria = rows.filter((row) => row.kind === 'criterion');
  const subs = rows.filter((row) => row.kind === 'sub');
  const criterionByCode = new Map(criteria.map((row) => [row.code, row]));
  const subByCode = new Map(subs.map((row) => [row.code, row]));

  return CAF_CRITERIA.map((criterion): CafProgress => {
    const tally = criterionByCode.get(criterion.code) ?? EMPTY_TALLY;
    const subCriteria = [criterion, ...criterion.subCriteria].flatMap((code) => {
      const sub = subByCode.get(code.code);
      if (!sub) return [];
      return [{ code: code.code, titleBg: code.titleBg, titleEn: code.titleEn, measures: sub.measures, activities: sub.total, done: sub.done, overdue: sub.overdue }];
    });
    return {
      code: criterion.code,
      titleBg: criterion.titleBg,
      titleEn: criterion.titleEn,
      total: tally.total,
      byStatus: countsOf(tally),
      overdue: tally.overdue,
      shareDone: shareDoneOf(tally),
      subCriteria,
    };
  });
}

/**
 * Owners with overdue or due-this-quarter activities, the most overdue first (then by name),
 * with the days late of their oldest overdue activity and whether any user is linked to them.
 */
function ownerLoad(sqlite: Database.Database, asOf: string): OwnerLoad[] {
  const rows = prepared(
    sqlite,
    `select o.id, o.name, load.overdue, load.dueThisQuarter, load.oldestOverdueEnd,
       not exists (select 1 from user_owners uo where uo.owner_id = o.id) as unlinked
     from (select ao.owner_id, count(*) filter (where s.overdue) as overdue, count(*) filter (where s.due_this_quarter) as dueThisQuarter,
             min(s.end_date) filter (where s.overdue) as oldestOverdueEnd
           from dashboard_state s cross join activity_owners ao on ao.activity_id = s.id
           where s.overdue or s.due_this_quarter
           group by ao.owner_id) load
       join owners o on o.id = load.owner_id
     order by load.overdue desc, load.dueThisQuarter desc, o.name, o.id
     limit ${DASHBOARD_OWNER_LIMIT}`,
  ).all() as (Omit<OwnerLoad, 'oldestDaysOverdue' | 'unlinked'> & { oldestOverdueEnd: string | null; unlinked: 0 | 1 })[];
  return rows.map(({ oldestOverdueEnd, unlinked, ...owner }) => ({ ...owner, oldestDaysOverdue: daysLate(oldestOverdueEnd, asOf), unlinked: unlinked === 1 }));
}

/** Cumulative planned (baseline ends, ongoing activities aside) and actual completions by month. */
function burnUp(sqlite: Database.Database, asOf: string): BurnUpPoint[] {
  const rows = prepared(
    sqlite,
    `select month, sum(planned) as planned, sum(completed) as completed from (
       select substr(baseline_end, 1, 7) as month, count(*) as planned, 0 as completed
       from dashboard_state where ongoing = 0 and baseline_end is not null group by 1
       union all
       select substr(completed_on, 1, 7), 0, count(*) from dashboard_state where completed_on is not null group by 1)
     group by month order by month`,
  ).all() as { month: string; planned: number; completed: number }[];
  if (rows.length === 0) return [];
  const byMonth = new Map(rows.map((row) => [row.month, row]));
  const asOfMonth = asOf.slice(0, 7);
  const series: BurnUpPoint[] = [];
  let planned = 0;
  let actual = 0;
  for (let month = rows[0]!.month; month <= rows.at(-1)!.month; month = nextMonth(month)) {
    planned += byMonth.get(month)?.planned ?? 0;
    actual += byMonth.get(month)?.completed ?? 0;
    series.push({ month, planned, actual: month <= asOfMonth ? actual : null });
  }
  return series;
}

function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/** The overdue activities that end first (then by plan and position), at most DASHBOARD_OVERDUE_LIMIT, with their titles and owners. */
function overdueList(sqlite: Database.Database, asOf: string): OverdueActivity[] {
  return prepared(
    sqlite,
    `select s.id, s.plan_id as planId, p.title as planTitle, a.code, a.title, s.status, s.percent, s.end_date as endDate,
       s.baseline_end as baselineEnd, cast(julianday(:asOf) - julianday(s.end_date) as integer) as daysOverdue,
       (select group_concat(name, ', ') from (select o.name from activity_owners ao join owners o on o.id = ao.owner_id
          where ao.activity_id = s.id order by ao.position, o.name)) as owners
     from (select * from dashboard_state where overdue order by end_date, plan_id, position, id limit ${DASHBOARD_OVERDUE_LIMIT}) s
       join activities a on a.id = s.id join plans p on p.id = s.plan_id
     order by s.end_date, s.plan_id, s.position, s.id`,
  ).all({ asOf }) as OverdueActivity[];
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
