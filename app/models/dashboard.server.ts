/**
 * The dashboard: figures, progress by area (or by plan), by CAF criterion, by owner, a
 * burn-up by month and the overdue list, for one plan or all plans (optionally one owner's
 * activities), as of any day.
 *
 * Everything is counted in SQL, inside one read transaction, over temp.dashboard_state (the
 * state of every activity in scope as of the day and as of the previous quarter end, from the
 * one SQL definition of the state: app/models/dashboard-state.server.ts). Every figure is a
 * GROUP BY (or ORDER BY ... LIMIT) over that table: only grouped rows (a few per plan or area,
 * criterion, owner, month) and the overdue activities listed reach JavaScript, which only
 * shapes them (cumulative sums, CAF titles). The counts use FILTER clauses (a row steps only
 * the counts it belongs to). bench/dashboard.ts times the loader against its own statements
 * run directly.
 */
import { desc, eq, sql } from 'drizzle-orm';
import { getDb, type Tx } from '../../db/client';
import { areas, organizations, plans } from '../../db/schema';
import { areaState, type AreaState } from '~/domain/area-state';
import { addDays, daysBetween, isIsoDate } from '~/domain/dates';
import { periodBounds, periodKey, periodOf, quarterEndBefore, type Period } from '~/domain/quarters';
import type { Status } from '~/domain/status';
import { CAF_CRITERIA } from '../../importers/caf2020';
import { withStateTable } from './dashboard-state.server';
import { countPlansClosedBy } from './plan.server';
import { whileUnchanged } from './read-cache.server';

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
  lateStart: number;
  /** Days late of the oldest overdue activity; null with none overdue. */
  oldestDaysOverdue: number | null;
  /** Red/amber/green (areaState). */
  state: AreaState;
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

export type OwnerLoad = {
  id: number;
  name: string;
  overdue: number;
  dueThisQuarter: number;
  /** Days late of the owner's oldest overdue activity; null with none overdue. */
  oldestDaysOverdue: number | null;
  /** No user is linked to this owner: nobody signs in to report for it. */
  unlinked: boolean;
};

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

/** closedOn: the day the plan was closed (ISO), null while it runs. */
export type PlanChoice = { id: number; title: string; period: string | null; organization: string; closedOn: string | null };

export type Dashboard = {
  asOf: string;
  /** The end of the quarter before the one containing asOf: the reference for the changes. */
  previousAsOf: string;
  /** The quarter containing asOf, as periodKey ('2024-Q2'). */
  quarter: string;
  plan: PlanChoice | null;
  plans: PlanChoice[];
  /** All plans: how many were closed by the day, and are therefore not counted. */
  closedPlans: number;
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

/** owner: only the activities of this owner (the owner filter of the activity lists). */
export type DashboardQuery = { planId: number | null; owner?: number; asOf: string; today: string };

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
  const expressions: Record<TallyColumn, string> = {
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
  return sql.raw(columns.map((column) => `${expressions[column]} as ${prefix}${column}`).join(', '));
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
    getDb()
      .select({ id: plans.id, title: plans.title, period: plans.period, organization: organizations.name, closedOn: plans.closedOn })
      .from(plans)
      .innerJoin(organizations, eq(organizations.id, plans.organizationId))
      .orderBy(organizations.name, desc(plans.importedAt), desc(plans.id))
      .all(),
  );
}

/**
 * The dashboard of one plan (planId) or of all plans (planId null) as of a day, reused while
 * the database is unchanged (today is part of the key). Callers must not change the object returned.
 */
export function getDashboard(query: DashboardQuery): Dashboard {
  return whileUnchanged(`dashboard|${query.planId}|${query.owner}|${query.asOf}|${query.today}`, () => computeDashboard(query));
}

function computeDashboard({ planId, owner, asOf, today }: DashboardQuery): Dashboard {
  const previousAsOf = quarterEndBefore(asOf);
  const plans = listPlanChoices();
  const plan = planId === null ? null : (plans.find((p) => p.id === planId) ?? null);
  if (planId !== null && plan === null) throw new Response('Plan not found', { status: 404 });

  return withStateTable({ planId, owner }, asOf, previousAsOf, (tx): Dashboard => {
    const { all, byPlan } = tallies(tx);
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
      groups: planId === null ? planGroups(byPlan, plans, asOf) : areaGroups(tx, planId, asOf),
      caf: cafProgress(tx),
      owners: ownerLoad(tx, asOf),
      burnUp: burnUp(tx, asOf),
      overdue: { total: figures.overdue, rows: figures.overdue > 0 ? overdueList(tx, asOf) : [] },
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
function tallies(tx: Tx): { all: PlanTally; byPlan: PlanTally[] } {
  const sums = sql.raw(
    [...TALLY_COLUMNS, ...TALLY_COLUMNS.map((column) => `prev_${column}`)].map((column) => `coalesce(sum(${column}), 0) as ${column}`).join(', '),
  );
  const rows = tx.all<PlanTally>(
    sql`with p as materialized (
       select s.plan_id, ${tallySql()}, ${tallySql('prev_')},
         min(coalesce(s.start, s.baseline_end)) as first, max(s.baseline_end) as last_baseline_end, max(s.end_date) as last_end,
         min(s.end_date) filter (where s.overdue) as oldest_overdue_end
       from dashboard_state s group by s.plan_id)
     select null as plan_id, ${sums}, min(first) as first, max(last_baseline_end) as last_baseline_end, max(last_end) as last_end,
       min(oldest_overdue_end) as oldest_overdue_end from p
     union all
     select * from (select * from p
       order by overdue desc, coalesce(cast(done as real) / nullif(total - cancelled, 0), 1), plan_id limit ${DASHBOARD_PLAN_LIMIT})`,
  );
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
function areaGroups(tx: Tx, planId: number, asOf: string): GroupProgress[] {
  const rows = tx.all<Tally & Pick<typeof areas.$inferSelect, 'id' | 'code' | 'title'> & { oldest_overdue_end: string | null }>(
    sql`select ar.id, ar.code, ar.title, ${tallySql()}, min(s.end_date) filter (where s.overdue) as oldest_overdue_end
     from areas ar left join measures m on m.area_id = ar.id left join dashboard_state s on s.measure_id = m.id
     where ar.plan_id = ${planId}
     group by ar.id
     order by ar.position, ar.id`,
  );
  return rows.map((row) => groupProgress({ id: row.id, planId, areaCode: row.code, label: row.code, title: row.title }, row, asOf));
}

/**
 * Progress by CAF criterion and sub-criterion, through the CAF references of the activities'
 * measures. An activity belongs to one measure, so it counts once per criterion however many
 * of the criterion's codes its measure names.
 */
function cafProgress(tx: Tx): CafProgress[] {
  const counts = ['total', 'planned', 'in_progress', 'done', 'postponed', 'cancelled', 'overdue'] as const;
  const columns = (prefix: string) => sql.raw(counts.map((column) => prefix.replace('$', column)).join(', '));
  const rows = tx.all<Tally & { kind: 'criterion' | 'sub'; code: string; measures: number }>(
    sql`with m as materialized (
       select s.measure_id, ${tallySql('', counts)} from dashboard_state s group by s.measure_id),
     refs as materialized (
       select r.caf_code, coalesce(c.parent_code, c.code) as criterion, ${columns('m.$')},
         -- whether this is the measure's first code of the criterion: the measure counts there, once per criterion
         not exists (select 1 from measure_caf_refs r2 join caf_criteria c2 on c2.code = r2.caf_code
           where r2.measure_id = r.measure_id and r2.caf_code < r.caf_code and coalesce(c2.parent_code, c2.code) = coalesce(c.parent_code, c.code)
         ) as first_of_criterion
       from m cross join measure_caf_refs r on r.measure_id = m.measure_id join caf_criteria c on c.code = r.caf_code)
     select 'sub' as kind, caf_code as code, count(*) as measures, sum(total) as total, null as planned, null as in_progress, sum(done) as done,
       null as postponed, null as cancelled, sum(overdue) as overdue
     from refs group by caf_code
     union all
     select 'criterion', criterion, null, ${columns('sum($)')} from refs where first_of_criterion group by criterion`,
  );
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
function ownerLoad(tx: Tx, asOf: string): OwnerLoad[] {
  const rows = tx.all<Pick<OwnerLoad, 'id' | 'name' | 'overdue' | 'dueThisQuarter'> & { oldestOverdueEnd: string | null; unlinked: 0 | 1 }>(
    sql`select o.id, o.name, load.overdue, load.dueThisQuarter, load.oldestOverdueEnd,
       not exists (select 1 from user_owners uo where uo.owner_id = o.id) as unlinked
     from (select ao.owner_id, count(*) filter (where s.overdue) as overdue, count(*) filter (where s.due_this_quarter) as dueThisQuarter,
             min(s.end_date) filter (where s.overdue) as oldestOverdueEnd
           from dashboard_state s cross join activity_owners ao on ao.activity_id = s.id
           where s.overdue or s.due_this_quarter
           group by ao.owner_id) load
       join owners o on o.id = load.owner_id
     order by load.overdue desc, load.dueThisQuarter desc, o.name, o.id
     limit ${DASHBOARD_OWNER_LIMIT}`,
  );
  return rows.map(({ oldestOverdueEnd, unlinked, ...owner }) => ({ ...owner, oldestDaysOverdue: daysLate(oldestOverdueEnd, asOf), unlinked: unlinked === 1 }));
}

/** Cumulative planned (baseline ends, ongoing activities aside) and actual completions by month. */
function burnUp(tx: Tx, asOf: string): BurnUpPoint[] {
  const rows = tx.all<{ month: string; planned: number; completed: number }>(
    sql`select month, sum(planned) as planned, sum(completed) as completed from (
       select substr(baseline_end, 1, 7) as month, count(*) as planned, 0 as completed
       from dashboard_state where ongoing = 0 and baseline_end is not null group by 1
       union all
       select substr(completed_on, 1, 7), 0, count(*) from dashboard_state where completed_on is not null group by 1)
     group by month order by month`,
  );
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
function overdueList(tx: Tx, asOf: string): OverdueActivity[] {
  return tx.all<OverdueActivity>(
    sql`select s.id, s.plan_id as planId, p.title as planTitle, a.code, a.title, s.status, s.percent, s.end_date as endDate,
       s.baseline_end as baselineEnd, cast(julianday(${asOf}) - julianday(s.end_date) as integer) as daysOverdue,
       (select group_concat(name, ', ') from (select o.name from activity_owners ao join owners o on o.id = ao.owner_id
          where ao.activity_id = s.id order by ao.position, o.name)) as owners
     from (select * from dashboard_state where overdue order by end_date, plan_id, position, id limit ${DASHBOARD_OVERDUE_LIMIT}) s
       join activities a on a.id = s.id join plans p on p.id = s.plan_id
     order by s.end_date, s.plan_id, s.position, s.id`,
  );
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
