import { getDb } from '../../db/client';
import { addDays, isIsoDate, todayInSofia } from '~/domain/dates';
import { rollUp, type Progress } from '~/domain/progress';
import { periodBounds, periodKey, periodOf, type Period, type PeriodKind } from '~/domain/quarters';
import type { Status } from '~/domain/status';
import type { MeasureKind } from '../../db/schema';
import { ACTIVITY_STATE_CTE, asOfParams } from './activity-state.server';

/**
 * The data of a periodic report (quarter, half-year or year): the plan as it stood at the
 * end of the period's last day — or today, for the period still running — grouped as in the
 * plan (areas → measures → activities), with a progress roll-up per area and for the plan.
 * Everything is counted from the database in a handful of queries, so 10,000 activities
 * take well under a second.
 */

export type ReportActivity = {
  id: number;
  code: string;
  title: string;
  start: string | null;
  /** The end in the approved plan. */
  baselineEnd: string | null;
  /** The end as of the report date (a reschedule recorded by then moves it). */
  end: string | null;
  /** The end when it differs from the baseline, else null ("Ново крайно време"). */
  newEnd: string | null;
  ongoing: boolean;
  target: string | null;
  note: string | null;
  owners: string[];
  status: Status;
  percent: number;
  overdue: boolean;
  lateStart: boolean;
  /** The end falls within the reported period. */
  dueInPeriod: boolean;
  /** The latest status update recorded by the report date. */
  comment: string | null;
  completedOn: string | null;
  lastUpdateAt: number | null;
  version: number;
};

export type ReportMeasure = {
  id: number;
  code: string;
  title: string;
  kind: MeasureKind | null;
  cafRefs: string[];
  activities: ReportActivity[];
};

export type ReportArea = {
  id: number;
  code: string;
  title: string;
  measures: ReportMeasure[];
  progress: Progress;
  dueInPeriod: number;
};

export type ReportPlan = {
  id: number;
  title: string;
  period: string | null;
  approvedBy: string | null;
  approvedOn: string | null;
  organization: string;
};

export type ReportData = {
  plan: ReportPlan;
  period: Period;
  periodStart: string;
  periodEnd: string;
  /** The day the state is taken at: the period's last day, or today while it runs. */
  asOf: string;
  preparedBy: string | null;
  /** The day the report was produced. */
  preparedOn: string;
  areas: ReportArea[];
  totals: Progress;
  dueInPeriod: number;
};

export class ReportPeriodError extends Error {}

/** The as-of day of a period's report: its last day, or today while the period is still running. */
export function reportAsOf(period: Period, today = todayInSofia()): string {
  const { start, end } = periodBounds(period);
  if (start > today) throw new ReportPeriodError(`The period ${periodKey(period)} has not started yet`);
  return end < today ? end : today;
}

export function getReportPlan(planId: number): ReportPlan | null {
  const row = getDb()
    .$client.prepare(
      `select p.id, p.title, p.period, p.approved_by as approvedBy, p.approved_on as approvedOn, o.name as organization
       from plans p join organizations o on o.id = p.organization_id where p.id = ?`,
    )
    .get(planId) as ReportPlan | undefined;
  return row ?? null;
}

type Row = Omit<ReportActivity, 'ongoing' | 'overdue' | 'lateStart' | 'owners' | 'newEnd' | 'dueInPeriod'> & {
  measureId: number;
  ongoing: number;
  overdue: number;
  lateStart: number;
};

/**
 * The report of a plan for a period; null when there is no such plan. Throws
 * ReportPeriodError for a period that has not begun.
 */
export function getReportData(
  planId: number,
  period: Period,
  options: { preparedBy?: string | null; today?: string } = {},
): ReportData | null {
  const plan = getReportPlan(planId);
  if (!plan) return null;
  const today = options.today ?? todayInSofia();
  const asOf = reportAsOf(period, today);
  const { start: periodStart, end: periodEnd } = periodBounds(period);
  const sqlite = getDb().$client;
  const params = { ...asOfParams(asOf), plan: planId };

  const rows = sqlite
    .prepare(
      `with ${ACTIVITY_STATE_CTE}
       select l.id, l.measure_id as measureId, l.code, l.title, l.start, l.baseline_end as baselineEnd, l.end_date as "end",
         l.ongoing, l.status, l.percent, l.overdue, l.late_start as lateStart, l.last_update_at as lastUpdateAt,
         a.target, a.note, a.version, su.comment, su.completed_on as completedOn
       from activity_state l
       join activities a on a.id = l.id
       left join status_updates su on su.id = l.last_update_id
       where l.plan_id = :plan
       order by a.position, a.id`,
    )
    .all(params) as Row[];

  const owners = new Map<number, string[]>();
  const ownerRows = sqlite
    .prepare(
      `select ao.activity_id as activityId, o.name from activity_owners ao
       join owners o on o.id = ao.owner_id join activities a on a.id = ao.activity_id
       where a.plan_id = ? and a.archived = 0 order by ao.activity_id, ao.position, o.name`,
    )
    .all(planId) as { activityId: number; name: string }[];
  for (const { activityId, name } of ownerRows) {
    const list = owners.get(activityId);
    if (list) list.push(name);
    else owners.set(activityId, [name]);
  }

  const cafRefs = new Map<number, string[]>();
  const cafRows = sqlite
    .prepare(
      `select r.measure_id as measureId, r.caf_code as code from measure_caf_refs r join measures m on m.id = r.measure_id
       where m.plan_id = ? order by r.measure_id, r.caf_code`,
    )
    .all(planId) as { measureId: number; code: string }[];
  for (const { measureId, code } of cafRows) {
    const list = cafRefs.get(measureId);
    if (list) list.push(code);
    else cafRefs.set(measureId, [code]);
  }

  const areaRows = sqlite
    .prepare('select id, code, title from areas where plan_id = ? order by position, id')
    .all(planId) as { id: number; code: string; title: string }[];
  const measureRows = sqlite
    .prepare('select id, area_id as areaId, code, title, kind from measures where plan_id = ? order by position, id')
    .all(planId) as { id: number; areaId: number; code: string; title: string; kind: MeasureKind | null }[];

  const measures = new Map<number, ReportMeasure & { areaId: number }>();
  for (const m of measureRows) {
    measures.set(m.id, { id: m.id, areaId: m.areaId, code: m.code, title: m.title, kind: m.kind, cafRefs: cafRefs.get(m.id) ?? [], activities: [] });
  }
  for (const row of rows) {
    const { measureId, ...rest } = row;
    const end = row.end;
    measures.get(measureId)?.activities.push({
      ...rest,
      ongoing: row.ongoing === 1,
      overdue: row.overdue === 1,
      lateStart: row.lateStart === 1,
      newEnd: end !== null && end !== row.baselineEnd ? end : null,
      dueInPeriod: row.ongoing !== 1 && end !== null && end >= periodStart && end <= periodEnd,
      owners: owners.get(row.id) ?? [],
    });
  }

  const all: ReportActivity[] = [];
  const areas: ReportArea[] = areaRows.map((area) => {
    const areaMeasures = [...measures.values()]
      .filter((m) => m.areaId === area.id)
      .map(({ areaId: _areaId, ...m }) => m);
    const activities = areaMeasures.flatMap((m) => m.activities);
    all.push(...activities);
    return {
      ...area,
      measures: areaMeasures,
      progress: rollUp(activities),
      dueInPeriod: activities.filter((a) => a.dueInPeriod).length,
    };
  });

  return {
    plan,
    period,
    periodStart,
    periodEnd,
    asOf,
    preparedBy: options.preparedBy ?? null,
    preparedOn: today,
    areas,
    totals: rollUp(all),
    dueInPeriod: all.filter((a) => a.dueInPeriod).length,
  };
}

/** How many periods are offered at most (200 quarters: 50 years). */
const MAX_PERIODS = 200;

/**
 * The periods of a kind a plan can be reported for, newest first: from the running one (today's,
 * also after the plan's end: a late activity is still reported) back to the one holding the
 * plan's first date.
 */
export function reportablePeriods(planId: number, kind: PeriodKind, today = todayInSofia()): Period[] {
  const range = getDb()
    .$client.prepare('select min(coalesce(start, baseline_end)) as first from activities where plan_id = ? and archived = 0')
    .get(planId) as { first: string | null };
  const firstKey = periodKey(periodOf(range.first && isIsoDate(range.first) && range.first < today ? range.first : today, kind));
  const periods: Period[] = [];
  let period = periodOf(today, kind);
  for (let i = 0; i < MAX_PERIODS; i++) {
    periods.push(period);
    if (periodKey(period) === firstKey) break;
    period = periodOf(addDays(periodBounds(period).start, -1), kind);
  }
  return periods;
}

/** The period offered first: the last one that has ended (the report one prepares), else the running one. */
export function defaultReportPeriod(periods: Period[], today = todayInSofia()): Period | null {
  return periods.find((p) => periodBounds(p).end < today) ?? periods[0] ?? null;
}
