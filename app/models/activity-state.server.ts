import { sql, type SQL } from 'drizzle-orm';
import { endOfDayInSofia } from '~/domain/dates';
import { periodBounds, periodOf } from '~/domain/quarters';
import type { Status } from '~/domain/status';
import type { activities, statusUpdates } from '../../db/schema';

/**
 * The state of every live activity as it stood at the end of an as-of day, in SQL: the one
 * definition that the dashboard, the plan page, the activity list, the reports, the calendar
 * and the reminders count with, so that they count in the database instead of loading every
 * activity. The rules are deriveActivityState's (app/domain/activity-state.ts), which stays
 * for the page of a single activity; tests/dashboard-state.test.ts checks the two against
 * each other on a hand-made plan, tests/tracking-state.test.ts on the demo history:
 * the latest status update as of the day (the greatest day it reports on, as_of, up to the
 * day; ties: the later recorded, then the later id), the latest reschedule recorded by the
 * end of the day (else the baseline end), percent 100 when done, overdue when the end has
 * passed and the activity is neither ongoing, done nor cancelled.
 *
 * Each activity's latest status update and reschedule are found once, by id, and joined;
 * every derived column reads the joined rows (correlated subqueries per derived column
 * would be re-evaluated for each column that mentions them: about 3.5x the work). Only the
 * latest percent, when the latest update states none, is looked up on its own. Used once in
 * a statement, the CTE is flattened into it: columns not read are not worked out, and the
 * statement's conditions on plan_id or id narrow the activities read.
 */

/** The day a state is worked out for: the day, the end of that day (Sofia, epoch ms) and the bounds of its quarter. */
export type AsOfDay = { asOf: string; cutoff: number; quarterStart: string; quarterEnd: string };

export function asOfParams(asOf: string): AsOfDay {
  const quarter = periodBounds(periodOf(asOf, 'quarter'));
  return { asOf, cutoff: endOfDayInSofia(asOf), quarterStart: quarter.start, quarterEnd: quarter.end };
}

/** The one definition: SELECT of the state of every live activity as of day d. */
function stateSelect(d: AsOfDay): SQL {
  /** The id of activity a's latest status update as of the day. */
  const latestUpdateId = sql`(select x.id from status_updates x indexed by status_updates_latest_idx where x.activity_id = a.id and x.as_of <= ${d.asOf}
     order by x.as_of desc, x.created_at desc, x.id desc limit 1)`;
  /** The id of activity a's latest reschedule recorded by the end of the day. */
  const latestRescheduleId = sql`(select x.id from schedule_changes x where x.activity_id = a.id and x.created_at <= ${d.cutoff}
     order by x.created_at desc, x.id desc limit 1)`;
  /** The latest stated percent as of the day, given the latest update su (most updates state one). */
  const lastPercent = sql`case when su.percent is not null then su.percent when su.id is null then null
     else (select x.percent from status_updates x indexed by status_updates_latest_idx where x.activity_id = a.id and x.as_of <= ${d.asOf}
       and x.percent is not null order by x.as_of desc, x.created_at desc, x.id desc limit 1) end`;
  const tracked = sql`r.ongoing = 0 and r.status not in ('done', 'cancelled') and r.end_date is not null`;
  return sql`select r.*,
    (${tracked} and r.end_date < ${d.asOf}) as overdue,
    (${tracked} and r.end_date between ${d.quarterStart} and ${d.quarterEnd}) as due_this_quarter,
    (r.ongoing = 0 and r.status = 'planned' and r.start is not null and r.start < ${d.asOf}) as late_start
  from (
    select a.id, a.plan_id, a.measure_id, a.code, a.title, a.start, a.baseline_end, a.ongoing, a.position,
      coalesce(sc.new_end, a.baseline_end) as end_date,
      su.status as last_status,
      ${lastPercent} as last_percent,
      su.created_at as last_update_at,
      su.as_of as last_update_as_of,
      su.id as last_update_id,
      coalesce(su.status, 'planned') as status,
      case when su.status = 'done' then 100 else coalesce(${lastPercent}, 0) end as percent,
      case when su.status = 'done' then coalesce(su.completed_on, su.as_of) end as completed_on
    from activities a
    left join status_updates su on su.id = ${latestUpdateId}
    left join schedule_changes sc on sc.id = ${latestRescheduleId}
    where a.archived = 0
  ) r`;
}

type Activity = typeof activities.$inferSelect;
type Update = typeof statusUpdates.$inferSelect;

/** A row of the state, as SQLite returns it (booleans as 0/1, the recorded time as epoch ms). */
export type ActivityStateRow = {
  id: Activity['id'];
  plan_id: Activity['planId'];
  measure_id: Activity['measureId'];
  code: Activity['code'];
  title: Activity['title'];
  start: Activity['start'];
  baseline_end: Activity['baselineEnd'];
  ongoing: 0 | 1;
  position: Activity['position'];
  end_date: string | null;
  last_status: Status | null;
  last_percent: number | null;
  last_update_at: number | null;
  last_update_as_of: Update['asOf'] | null;
  last_update_id: Update['id'] | null;
  status: Status;
  percent: number;
  /** For a done activity: the day the latest update states, else the day it reports on. */
  completed_on: string | null;
  overdue: 0 | 1;
  due_this_quarter: 0 | 1;
  late_start: 0 | 1;
};

/**
 * The CTE `name as (...)` of the state as of a day, for drizzle's sql:
 * db.all<Row>(sql`with ${activityStateCte(asOf)} select ... from activity_state s ...`).
 * Columns: those of ActivityStateRow.
 */
export function activityStateCte(asOf: string, name = 'activity_state'): SQL {
  return sql`${sql.identifier(name)} as (${stateSelect(asOfParams(asOf))})`;
}
