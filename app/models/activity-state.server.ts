import { endOfDayInSofia } from '~/domain/dates';
import { periodBounds, periodOf } from '~/domain/quarters';

/**
 * The state of every live activity as it stood at the end of an as-of day, in SQL, so that
 * pages and reports count in the database instead of loading every activity. It applies the
 * same rules as deriveActivityState in app/domain/activity-state.ts (tested against it):
 * the latest status update as of the day (the greatest day it reports on, as_of, up to the
 * day; ties: the later recorded, then the later id), the latest reschedule recorded by then (else
 * the baseline end), percent 100 when done, overdue when the end has passed and the activity
 * is neither ongoing, done nor cancelled.
 *
 * Each activity's latest status update and reschedule are found once, by id, and joined;
 * every derived column reads the joined rows (correlated subqueries per derived column
 * would be re-evaluated for each column that mentions them: about 3.5x the work). Only the
 * latest percent, when the latest update states none, is looked up on its own.
 */

/** SQL: the id of activity a's latest status update as of the day. */
const latestUpdateId = `(select x.id from status_updates x where x.activity_id = a.id and x.as_of <= :asOf
     order by x.as_of desc, x.created_at desc, x.id desc limit 1)`;

/** SQL: the id of activity a's latest reschedule recorded by the end of the day. */
const latestRescheduleId = `(select x.id from schedule_changes x where x.activity_id = a.id and x.created_at <= :cutoff
     order by x.created_at desc, x.id desc limit 1)`;

/** The latest stated percent as of the day, given the latest update u (most updates state one). */
const lastPercent = (u: string) =>
  `case when ${u}.percent is not null then ${u}.percent when ${u}.id is null then null
     else (select x.percent from status_updates x where x.activity_id = a.id and x.as_of <= :asOf
       and x.percent is not null order by x.as_of desc, x.created_at desc, x.id desc limit 1) end`;

/**
 * Use as `with ${ACTIVITY_STATE_CTE} select ... from activity_state ...` with the named
 * parameters of asOfParams(asOf). Columns: id, plan_id, measure_id, code, title, start,
 * baseline_end, ongoing, position, end_date, last_status, last_percent, last_update_at
 * (recorded), last_update_as_of (the day it reports on), last_update_id, status, percent, overdue, due_this_quarter, late_start.
 */
export const ACTIVITY_STATE_CTE = `activity_state as (
  select r.*,
    (r.ongoing = 0 and r.status not in ('done', 'cancelled') and r.end_date is not null and r.end_date < :asOf) as overdue,
    (r.ongoing = 0 and r.status not in ('done', 'cancelled') and r.end_date between :quarterStart and :quarterEnd) as due_this_quarter,
    (r.ongoing = 0 and r.status = 'planned' and r.start is not null and r.start < :asOf) as late_start
  from (
    select a.id, a.plan_id, a.measure_id, a.code, a.title, a.start, a.baseline_end, a.ongoing, a.position,
      coalesce(sc.new_end, a.baseline_end) as end_date,
      su.status as last_status,
      ${lastPercent('su')} as last_percent,
      su.created_at as last_update_at,
      su.as_of as last_update_as_of,
      su.id as last_update_id,
      coalesce(su.status, 'planned') as status,
      case when su.status = 'done' then 100 else coalesce(${lastPercent('su')}, 0) end as percent
    from activities a
    left join status_updates su on su.id = ${latestUpdateId}
    left join schedule_changes sc on sc.id = ${latestRescheduleId}
    where a.archived = 0
  ) r)`;

export function asOfParams(asOf: string) {
  const quarter = periodBounds(periodOf(asOf, 'quarter'));
  return { asOf, cutoff: endOfDayInSofia(asOf), quarterStart: quarter.start, quarterEnd: quarter.end };
}
