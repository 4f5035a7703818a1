/**
 * The activities the dashboard counts, in a temporary table, temp.dashboard_state: one row per
 * live activity in scope (one plan, or every plan not closed by the day; with an owner, only
 * that owner's activities) with its state as of the day and as of the end of the previous
 * quarter (columns prefixed prev_), both read from the one definition of the state
 * (activityStateCte, app/models/activity-state.server.ts). Every figure of the dashboard is
 * then a GROUP BY (or ORDER BY ... LIMIT) over this table (app/models/dashboard.server.ts,
 * dashboard-charts.server.ts), counted as tallySql says.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { ActivityState } from '~/domain/activity-state';
import { daysBetween } from '~/domain/dates';
import type { Status } from '~/domain/status';
import { getDb, type Tx } from '../../db/client';
import { activityStateCte, type ActivityStateRow } from './activity-state.server';
import { plansOutOfView } from './plan.server';

/** Which activities the dashboard counts: one plan (planId) or all plans running on the day; owner: only that owner's. */
export type DashboardScope = { planId: number | null; owner?: number };

/** What the dashboard reads of an activity's state on one day. */
export type DayState = Pick<ActivityState, 'status' | 'percent' | 'end' | 'overdue' | 'dueThisQuarter' | 'lateStart'>;

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
  now: DayState;
  before: DayState;
};

/** The state columns kept for each of the two days. */
const DAY_COLUMNS = ['status', 'percent', 'end_date', 'overdue', 'due_this_quarter', 'late_start'] as const;

type DayColumns<P extends string> = { [C in (typeof DAY_COLUMNS)[number] as `${P}${C}`]: ActivityStateRow[C] };
/** A row of temp.dashboard_state. */
type StateRow = Pick<ActivityStateRow, 'id' | 'plan_id' | 'measure_id' | 'position' | 'start' | 'baseline_end' | 'ongoing' | 'completed_on'> &
  DayColumns<''> &
  DayColumns<'prev_'>;

/** The statement that creates temp.dashboard_state. Created as a SELECT, it counts in no total_changes() (dataVersion). */
function createStateTable(scope: DashboardScope, asOf: string, previousAsOf: string): SQL {
  const inScope =
    scope.planId === null ? sql`n.plan_id not in (${plansOutOfView(asOf)})` : sql`n.plan_id = ${scope.planId}`;
  const ofOwner =
    scope.owner === undefined ? sql`` : sql`and exists (select 1 from activity_owners ao where ao.activity_id = n.id and ao.owner_id = ${scope.owner})`;
  const dayColumns = (prefix: '' | 'prev_', from: 'n' | 'b') => sql.raw(DAY_COLUMNS.map((column) => `${from}.${column} as ${prefix}${column}`).join(', '));
  return sql`create temp table dashboard_state as
    with ${activityStateCte(asOf, 'state_now')}, ${activityStateCte(previousAsOf, 'state_before')}
    select n.id, n.plan_id, n.measure_id, n.position, n.start, n.baseline_end, n.ongoing, n.completed_on,
      ${dayColumns('', 'n')}, ${dayColumns('prev_', 'b')}
    from state_now n join state_before b on b.id = n.id
    where ${inScope} ${ofOwner}`;
}

const dropStateTable = (tx: Tx) => tx.run(sql`drop table if exists temp.dashboard_state`);

/**
 * The work of fn over temp.dashboard_state for this scope and these days, in one read
 * transaction: every figure comes from the same snapshot, and the table never outlives the
 * call (better-sqlite3 is synchronous: no other request runs on this connection meanwhile).
 */
export function withStateTable<T>(scope: DashboardScope, asOf: string, previousAsOf: string, fn: (tx: Tx) => T): T {
  return getDb().transaction((tx) => {
    dropStateTable(tx);
    tx.run(createStateTable(scope, asOf, previousAsOf));
    try {
      return fn(tx);
    } finally {
      dropStateTable(tx);
    }
  });
}

/**
 * The rows of temp.dashboard_state for a scope, as of asOf and previousAsOf (an earlier day):
 * what the dashboard counts, to check it against the rules (tests/dashboard-state.test.ts);
 * the dashboard itself never reads them one by one.
 */
export function dashboardActivities(planId: number | null, asOf: string, previousAsOf: string, owner?: number): DashboardActivity[] {
  const rows = withStateTable({ planId, owner }, asOf, previousAsOf, (tx) => tx.all<StateRow>(sql`select * from dashboard_state order by id`));
  const stateOf = (row: StateRow, prefix: '' | 'prev_'): DayState => ({
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
export const TALLY_COLUMNS = [
  'total', 'planned', 'in_progress', 'done', 'postponed', 'cancelled', 'overdue', 'due_this_quarter', 'late_start', 'percent_sum',
] as const;
export type TallyColumn = (typeof TALLY_COLUMNS)[number];
export type Tally = Record<TallyColumn, number>;
export const EMPTY_TALLY = Object.fromEntries(TALLY_COLUMNS.map((column) => [column, 0])) as Tally;

/**
 * SQL: Tally columns (all by default) over rows s of dashboard_state, in one state (prefix
 * '': as of the day; 'prev_': as of the previous quarter end). Counts with FILTER: a row steps
 * only the counts it belongs to (a third of the time of sum(condition) over every row).
 */
export const tallySql = (prefix: '' | 'prev_' = '', columns: readonly TallyColumn[] = TALLY_COLUMNS) => {
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

export const countsOf = (tally: Tally): Record<Status, number> => ({
  planned: tally.planned,
  in_progress: tally.in_progress,
  done: tally.done,
  postponed: tally.postponed,
  cancelled: tally.cancelled,
});

/** Cancelled activities count in neither share: done / (total − cancelled), mean percent over the same. */
export const countedOf = (tally: Tally) => tally.total - tally.cancelled;
export const shareDoneOf = (tally: Tally) => (countedOf(tally) > 0 ? tally.done / countedOf(tally) : null);
export const meanPercentOf = (tally: Tally) => (countedOf(tally) > 0 ? tally.percent_sum / countedOf(tally) : null);

/** Days late, as of the day, of an activity that should have ended on end (null: none). */
export const daysLate = (end: string | null, asOf: string) => (end === null ? null : daysBetween(end, asOf));
