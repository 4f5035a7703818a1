/** What the dashboard's charts and lists read over temp.dashboard_state (dashboard-state.server.ts), besides the tallies. */
import { sql } from 'drizzle-orm';
import { CAF_CRITERIA } from '~/domain/caf2020';
import type { BurnUpPoint, CafProgress, OverdueActivity, OwnerLoad } from '~/domain/dashboard-data';
import type { Tx } from '../../db/client';
import { countsOf, daysLate, EMPTY_TALLY, shareDoneOf, tallySql, type Tally } from './dashboard-state.server';

export const DASHBOARD_OVERDUE_LIMIT = 50;
/** Owners shown in the owner chart (those with the most overdue, then due this quarter). */
export const DASHBOARD_OWNER_LIMIT = 12;

/**
 * Progress by CAF criterion and sub-criterion, through the CAF references of the activities'
 * measures. An activity belongs to one measure, so it counts once per criterion however many
 * of the criterion's codes its measure names.
 */
export function cafProgress(tx: Tx): CafProgress[] {
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
export function ownerLoad(tx: Tx, asOf: string): OwnerLoad[] {
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
export function burnUp(tx: Tx, asOf: string): BurnUpPoint[] {
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
export function overdueList(tx: Tx, asOf: string): OverdueActivity[] {
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
