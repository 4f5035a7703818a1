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
import { areaState } from '~/domain/area-state';
import { addDays, isIsoDate } from '~/domain/dates';
import { periodBounds, periodKey, periodOf, quarterEndBefore, type Period } from '~/domain/quarters';
import type { Dashboard, Figures, GroupProgress, PlanChoice } from '~/domain/dashboard-data';
import { type areas, organizations, plans } from '../../db/schema';
import { getDb, type Tx } from '../../db/client';
import { ownerChoices } from './activity-list.server';
import {
  burnUp,
  cafProgress,
  DASHBOARD_OVERDUE_LIMIT,
  DASHBOARD_OWNER_LIMIT,
  overdueList,
  ownerLoad,
} from './dashboard-charts.server';
import { countedOf, countsOf, daysLate, meanPercentOf, shareDoneOf, TALLY_COLUMNS, tallySql, withStateTable, type Tally } from './dashboard-state.server';
import { countPlansClosedBy } from './plan.server';
import { latestCriterionScores } from './plan-follow-up.server';
import { whileUnchanged } from './read-cache.server';

/** Plans shown in the "by plan" charts of the all-plans dashboard. */
export const DASHBOARD_PLAN_LIMIT = 15;


/** owner: only the activities of this owner (the owner filter of the activity lists). */
export type DashboardQuery = { planId: number | null; owner?: number; asOf: string; today: string };

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
      .select({ id: plans.id, title: plans.title, period: plans.period, organization: organizations.name, status: plans.status, approvedOn: plans.approvedOn, closedOn: plans.closedOn })
      .from(plans)
      .innerJoin(organizations, eq(organizations.id, plans.organizationId))
      .orderBy(organizations.name, desc(plans.importedAt), desc(plans.id))
      .all(),
  );
}

/**
 * The plan a dashboard opens on when none is asked for: the only plan, or the only one running
 * on the day (not a draft, approved by then when its approval day is known, and not closed by
 * then); else all plans (null).
 */
export function defaultPlanId(plans: PlanChoice[], asOf: string): number | null {
  const runs = (plan: PlanChoice) =>
    plan.status === 'approved' && (plan.approvedOn === null || plan.approvedOn <= asOf) && (plan.closedOn === null || plan.closedOn > asOf);
  const running = plans.length === 1 ? plans : plans.filter(runs);
  return running.length === 1 ? running[0]!.id : null;
}

/**
 * The dashboard of one plan (planId) or of all plans (planId null) as of a day, reused while
 * the database is unchanged (today is part of the key). Callers must not change the object returned.
 */
export function getDashboard(query: DashboardQuery): Dashboard {
  return whileUnchanged(`dashboard|${query.planId}|${query.owner}|${query.asOf}|${query.today}`, () => computeDashboard(query));
}

function computeDashboard({ planId, owner, asOf, today }: DashboardQuery): Dashboard {
  const ownerChoicesOfScope = ownerChoices(planId ?? undefined);
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
      owner: owner ?? null,
      ownerChoices: ownerChoicesOfScope,
      closedPlans: planId === null ? countPlansClosedBy(asOf) : 0,
      figures,
      previousFigures: toFigures(previousOf(all)),
      groups: planId === null ? planGroups(byPlan, plans, asOf) : areaGroups(tx, planId, asOf),
      caf: cafProgress(tx),
      assessment: latestCriterionScores(),
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
     where ar.plan_id = ${planId} and not ar.archived
     group by ar.id
     order by ar.position, ar.id`,
  );
  return rows.map((row) => groupProgress({ id: row.id, planId, areaCode: row.code, label: row.code, title: row.title }, row, asOf));
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
