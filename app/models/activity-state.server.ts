import { endOfDayInSofia } from '~/domain/dates';
import { periodBounds, periodOf } from '~/domain/quarters';

/**
 * The state of every live activity as it stood at the end of an as-of day, in SQL, so that
 * pages and reports count in the database instead of loading every activity. It applies the
 * same rules as deriveActivityState in app/domain/activity-state.ts (tested against it):
 * the latest status update recorded by then, the latest reschedule recorded by then (else
 * the baseline end), percent 100 when done, overdue when the end has passed and the activity
 * is neither ongoing, done nor cancelled.
 *
 * Use as `with ${ACTIVITY_STATE_CTE} select ... from activity_state ...` with the named
 * parameters of asOfParams(asOf). Columns: id, plan_id, measure_id, code, title, start,
 * baseline_end, end_date, ongoing, status, percent, last_update_at, overdue, due_this_quarter, late_start.
 */
export const ACTIVITY_STATE_CTE = `
  activity_raw as (
    select a.id, a.plan_id, a.measure_id, a.code, a.title, a.start, a.baseline_end, a.ongoing, a.position,
      coalesce((select sc.new_end from schedule_changes sc where sc.activity_id = a.id and sc.created_at <= :cutoff
        order by sc.created_at desc, sc.id desc limit 1), a.baseline_end) as end_date,
      (select su.status from status_updates su where su.activity_id = a.id and su.created_at <= :cutoff
        order by su.created_at desc, su.id desc limit 1) as last_status,
      (select su.percent from status_updates su where su.activity_id = a.id and su.created_at <= :cutoff
        and su.percent is not null order by su.created_at desc, su.id desc limit 1) as last_percent,
      (select max(su.created_at) from status_updates su where su.activity_id = a.id and su.created_at <= :cutoff) as last_update_at
    from activities a
    where a.archived = 0
  ),
  activity_state as (
    select r.*,
      coalesce(r.last_status, 'planned') as status,
      case when r.last_status = 'done' then 100 else coalesce(r.last_percent, 0) end as percent,
      (r.ongoing = 0 and coalesce(r.last_status, 'planned') not in ('done', 'cancelled')
        and r.end_date is not null and r.end_date < :asOf) as overdue,
      (r.ongoing = 0 and coalesce(r.last_status, 'planned') not in ('done', 'cancelled')
        and r.end_date between :quarterStart and :quarterEnd) as due_this_quarter,
      (r.ongoing = 0 and coalesce(r.last_status, 'planned') = 'planned'
        and r.start is not null and r.start < :asOf) as late_start
    from activity_raw r
  )`;

export function asOfParams(asOf: string) {
  const quarter = periodBounds(periodOf(asOf, 'quarter'));
  return { asOf, cutoff: endOfDayInSofia(asOf), quarterStart: quarter.start, quarterEnd: quarter.end };
}
