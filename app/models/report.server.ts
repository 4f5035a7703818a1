import { and, eq, min, sql } from 'drizzle-orm';
import { addDays, isIsoDate, todayInSofia } from '~/domain/dates';
import { rollUp, type Progress } from '~/domain/progress';
import { periodBounds, periodKey, periodOf, type Period, type PeriodKind } from '~/domain/quarters';
import type { Status } from '~/domain/status';
import { activities, activityOwners, areas, measureCafRefs, measures, owners } from '../../db/schema';
import { getDb } from '../../db/client';
import type { MeasureKind } from '../../db/schema';
import { activityStateCte } from './activity-state.server';
import { getPlanHeader, type PlanHeader } from './plan-page.server';

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

export type ReportPlan = Pick<PlanHeader, 'id' | 'title' | 'period' | 'approvedBy' | 'approvedOn' | 'organization'>;

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
  const plan = getPlanHeader(planId);
  if (!plan) return null;
  const today = options.today ?? todayInSofia();
  const asOf = reportAsOf(period, today);
  const { start: periodStart, end: periodEnd } = periodBounds(period);
  const rows = getDb().all<Row>(
    sql`with ${activityStateCte(asOf)}
       select l.id, l.measure_id as measureId, l.code, l.title, l.start, l.baseline_end as baselineEnd, l.end_date as "end",
         l.ongoing, l.status, l.percent, l.overdue, l.late_start as lateStart, l.last_update_at as lastUpdateAt,
         a.target, a.note, a.version, su.comment, su.completed_on as completedOn
       from activity_state l
       join activities a on a.id = l.id
       left join status_updates su on su.id = l.last_update_id
       where l.plan_id = ${planId}
       order by a.position, a.id`,
  );

  const db = getDb();
  const ownersOf = new Map<number, string[]>();
  const ownerRows = db
    .select({ activityId: activityOwners.activityId, name: owners.name })
    .from(activityOwners)
    .innerJoin(owners, eq(owners.id, activityOwners.ownerId))
    .innerJoin(activities, eq(activities.id, activityOwners.activityId))
    .where(and(eq(activities.planId, planId), eq(activities.archived, false)))
    .orderBy(activityOwners.activityId, activityOwners.position, owners.name)
    .all();
  for (const { activityId, name } of ownerRows) {
    const list = ownersOf.get(activityId);
    if (list) list.push(name);
    else ownersOf.set(activityId, [name]);
  }

  const cafRefs = new Map<number, string[]>();
  const cafRows = db
    .select({ measureId: measureCafRefs.measureId, code: measureCafRefs.cafCode })
    .from(measureCafRefs)
    .innerJoin(measures, eq(measures.id, measureCafRefs.measureId))
    .where(eq(measures.planId, planId))
    .orderBy(measureCafRefs.measureId, measureCafRefs.cafCode)
    .all();
  for (const { measureId, code } of cafRows) {
    const list = cafRefs.get(measureId);
    if (list) list.push(code);
    else cafRefs.set(measureId, [code]);
  }

  const areaRows = db.select({ id: areas.id, code: areas.code, title: areas.title }).from(areas).where(and(eq(areas.planId, planId), eq(areas.archived, false))).orderBy(areas.position, areas.id).all();
  const measureRows = db
    .select({ id: measures.id, areaId: measures.areaId, code: measures.code, title: measures.title, kind: measures.kind })
    .from(measures)
    .where(and(eq(measures.planId, planId), eq(measures.archived, false)))
    .orderBy(measures.position, measures.id)
    .all();

  const measuresById = new Map<number, ReportMeasure & { areaId: number }>();
  for (const m of measureRows) {
    measuresById.set(m.id, { id: m.id, areaId: m.areaId, code: m.code, title: m.title, kind: m.kind, cafRefs: cafRefs.get(m.id) ?? [], activities: [] });
  }
  for (const row of rows) {
    const { measureId, ...rest } = row;
    const end = row.end;
    measuresById.get(measureId)?.activities.push({
      ...rest,
      ongoing: row.ongoing === 1,
      overdue: row.overdue === 1,
      lateStart: row.lateStart === 1,
      newEnd: end !== null && end !== row.baselineEnd ? end : null,
      dueInPeriod: row.ongoing !== 1 && end !== null && end >= periodStart && end <= periodEnd,
      owners: ownersOf.get(row.id) ?? [],
    });
  }

  const all: ReportActivity[] = [];
  const reportAreas: ReportArea[] = areaRows.map((area) => {
    const areaMeasures = [...measuresById.values()]
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
    areas: reportAreas,
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
    .select({ first: min(sql<string | null>`coalesce(${activities.start}, ${activities.baselineEnd})`) })
    .from(activities)
    .where(and(eq(activities.planId, planId), eq(activities.archived, false)))
    .get()!;
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
