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
 * Each activity's latest status update and reschedule are found once, by id, and joined;
 * every derived column reads the joined rows (correlated subqueries per derived column
 * would be re-evaluated for each column that mentions them: about 3.5x the work). Only the
 * latest percent, when the latest update states none, is looked up on its own.
 */
export type ActivityStateOptions = {
  /** A condition over activities a (e.g. 'a.plan_id = :planId'), added to a.archived = 0. */
  where?: string;
  /**
   * Also the state as of :prevAsOf (cut off at :prevCutoff, quarter :prevQuarterStart..:prevQuarterEnd):
   * columns prev_status, prev_percent, prev_end, prev_overdue, prev_due_this_quarter, prev_late_start.
   * It reuses the latest update and reschedule when they were recorded by then (the usual case).
   */
  previous?: boolean;
  /** A SQL function giving the Sofia day of a moment: adds completed_on (the day a done activity was completed). */
  sofiaDateFunction?: string;
};

const latestId = (table: 'status_updates' | 'schedule_changes', cutoff: string) =>
  `(select x.id from ${table} x where x.activity_id = a.id and x.created_at <= ${cutoff}
     order by x.created_at desc, x.id desc limit 1)`;

/** The latest stated percent by the cutoff, given the latest update u (most updates state one). */
const lastPercent = (u: string, cutoff: string) =>
  `case when ${u}.percent is not null then ${u}.percent when ${u}.id is null then null
     else (select x.percent from status_updates x where x.activity_id = a.id and x.created_at <= ${cutoff}
       and x.percent is not null order by x.created_at desc, x.id desc limit 1) end`;

/** overdue, due_this_quarter and late_start for a status, an end and the as-of parameters (the domain rules). */
const derived = (status: string, end: string, asOf: string, quarterStart: string, quarterEnd: string) => ({
  overdue: `(r.ongoing = 0 and ${status} not in ('done', 'cancelled') and ${end} is not null and ${end} < ${asOf})`,
  due: `(r.ongoing = 0 and ${status} not in ('done', 'cancelled') and ${end} between ${quarterStart} and ${quarterEnd})`,
  late: `(r.ongoing = 0 and ${status} = 'planned' and r.start is not null and r.start < ${asOf})`,
});

/**
 * SELECT giving the state of every live activity (matching options.where) as of :asOf, with
 * the named parameters of asOfParams(asOf) (plus statePeriodParams' prev* ones with
 * options.previous). Columns: id, plan_id, measure_id, code, title, start, baseline_end,
 * ongoing, position, end_date, last_status, last_percent, last_update_at, last_update_id,
 * status, percent, overdue, due_this_quarter, late_start; and the optional ones above.
 */
export function activityStateSql(options: ActivityStateOptions = {}): string {
  const { where, previous = false, sofiaDateFunction } = options;
  const now = derived('r.status', 'r.end_date', ':asOf', ':quarterStart', ':quarterEnd');
  const before = derived('r.prev_status', 'r.prev_end', ':prevAsOf', ':prevQuarterStart', ':prevQuarterEnd');
  return `
  select r.*,
    ${now.overdue} as overdue,
    ${now.due} as due_this_quarter,
    ${now.late} as late_start${
      previous
        ? `,
    ${before.overdue} as prev_overdue,
    ${before.due} as prev_due_this_quarter,
    ${before.late} as prev_late_start`
        : ''
    }
  from (
    select a.id, a.plan_id, a.measure_id, a.code, a.title, a.start, a.baseline_end, a.ongoing, a.position,
      coalesce(sc.new_end, a.baseline_end) as end_date,
      su.status as last_status,
      ${lastPercent('su', ':cutoff')} as last_percent,
      su.created_at as last_update_at,
      su.id as last_update_id,
      coalesce(su.status, 'planned') as status,
      case when su.status = 'done' then 100 else coalesce(${lastPercent('su', ':cutoff')}, 0) end as percent${
        sofiaDateFunction
          ? `,
      case when su.status = 'done' then coalesce(su.completed_on, ${sofiaDateFunction}(su.created_at)) end as completed_on`
          : ''
      }${
        previous
          ? `,
      coalesce(ps.status, 'planned') as prev_status,
      case when ps.status = 'done' then 100 else coalesce(${lastPercent('ps', ':prevCutoff')}, 0) end as prev_percent,
      coalesce(psc.new_end, a.baseline_end) as prev_end`
          : ''
      }
    from activities a
    left join status_updates su on su.id = ${latestId('status_updates', ':cutoff')}
    left join schedule_changes sc on sc.id = ${latestId('schedule_changes', ':cutoff')}${
      previous
        ? `
    -- As of the previous quarter end: the same rows when they were recorded by then (the usual case).
    left join status_updates ps on ps.id =
      case when su.id is null or su.created_at <= :prevCutoff then su.id else ${latestId('status_updates', ':prevCutoff')} end
    left join schedule_changes psc on psc.id =
      case when sc.id is null or sc.created_at <= :prevCutoff then sc.id else ${latestId('schedule_changes', ':prevCutoff')} end`
        : ''
    }
    where a.archived = 0${where ? ` and ${where}` : ''}
  ) r`;
}

/**
 * Use as `with ${ACTIVITY_STATE_CTE} select ... from activity_state ...` with the named
 * parameters of asOfParams(asOf). Columns: those of activityStateSql().
 */
export const ACTIVITY_STATE_CTE = `activity_state as (${activityStateSql()})`;

export function asOfParams(asOf: string) {
  const quarter = periodBounds(periodOf(asOf, 'quarter'));
  return { asOf, cutoff: endOfDayInSofia(asOf), quarterStart: quarter.start, quarterEnd: quarter.end };
}
