/**
 * The dashboard: figures, progress by area (or by plan), by CAF criterion, by owner, a
 * burn-up by month and the overdue list, for one plan or all plans, as of any day.
 *
 * One statement reads every live activity in scope with its latest status update as of the
 * day and, for those updated since, as of the end of the previous quarter (each looked up
 * once, in an index that holds all that is needed: status_updates_latest_idx), as one JSON
 * array: one value per dashboard instead of a dozen per activity, which better-sqlite3 would
 * convert one by one. The reschedules, few, are read in full. The rules (stateFromLatest in
 * app/domain/activity-state.ts) and every count then come from walks over those activities
 * in memory; SQL is asked besides only for what they lack: the CAF references of the
 * measures, the owners of the overdue and due activities, the titles of the overdue ones
 * listed and the areas of a plan. See bench/dashboard.ts for the figures;
 * tests/dashboard-state.test.ts checks the states against deriveActivityState.
 */
import type Database from 'better-sqlite3';
import { getDb } from '../../db/client';
import { stateFromLatest, type LatestState } from '~/domain/activity-state';
import { addDays, dateOfTimestampInSofia, daysBetween, endOfDayInSofia, isIsoDate } from '~/domain/dates';
import { periodBounds, periodKey, periodOf, quarterEndBefore, type Period } from '~/domain/quarters';
import type { Status } from '~/domain/status';
import { CAF_CRITERIA } from '../../importers/caf2020';
import { prepared } from './statements.server';

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

export type OwnerLoad = { id: number; name: string; overdue: number; dueThisQuarter: number };

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

export type PlanChoice = { id: number; title: string; period: string | null; organization: string };

export type Dashboard = {
  asOf: string;
  /** The end of the quarter before the one containing asOf: the reference for the changes. */
  previousAsOf: string;
  /** The quarter containing asOf, as periodKey ('2024-Q2'). */
  quarter: string;
  plan: PlanChoice | null;
  plans: PlanChoice[];
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

export type DashboardQuery = { planId: number | null; asOf: string; today: string };

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
  now: LatestState;
  before: LatestState;
};

/**
 * SQL: activity a's latest status update recorded by the cutoff, read from
 * status_updates_latest_idx alone: [status, the latest percent stated by then, when done the
 * completion day it states (else the moment it was recorded)], or null when there is none.
 * With a moment since: [..., whether it was recorded after since, and if so the latest update
 * by since (the same three, or null)].
 */
const latestUpdate = (alias: string, cutoff: string, since?: string): string => `(
  select json_array(${alias}.status,
      coalesce(${alias}.percent, (select p.percent from status_updates p where p.activity_id = a.id and p.created_at <= ${cutoff}
        and p.percent is not null order by p.created_at desc, p.id desc limit 1)),
      case when ${alias}.status = 'done' then coalesce(${alias}.completed_on, ${alias}.created_at) end${
        since ? `, ${alias}.created_at > ${since}, case when ${alias}.created_at > ${since} then ${latestUpdate('earlier', since)} end` : ''
      })
  from status_updates ${alias} where ${alias}.activity_id = a.id and ${alias}.created_at <= ${cutoff}
  order by ${alias}.created_at desc, ${alias}.id desc limit 1)`;

type Update = [status: Status, percent: number | null, completion: string | number | null];
type ActivityRow = [
  id: number,
  planId: number,
  measureId: number,
  position: number,
  start: string | null,
  baselineEnd: string | null,
  ongoing: 0 | 1,
  update: [...Update, recordedSince: 0 | 1, updateBefore: Update | null] | null,
];

/**
 * A JSON value a subquery gave: SQLite passes it on as JSON when it comes straight from an
 * index, as here, but as text when the subquery sorted its rows (were the plan to change).
 */
const fromSubquery = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/** The live activities of one plan (planId) or of all plans, with their state as of asOf and as of previousAsOf (an earlier day). */
export function dashboardActivities(planId: number | null, asOf: string, previousAsOf: string): DashboardActivity[] {
  const sqlite = getDb().$client;
  const cutoff = endOfDayInSofia(asOf);
  const previousCutoff = endOfDayInSofia(previousAsOf);
  // One JSON array rather than rows: better-sqlite3 converts every value of every row on its own.
  const { rows } = prepared(
    sqlite,
    `select json_group_array(json_array(a.id, a.plan_id, a.measure_id, a.position, a.start, a.baseline_end, a.ongoing,
       ${latestUpdate('latest', ':cutoff', ':previousCutoff')})) as rows
     from activities a where a.archived = 0 ${planId === null ? '' : 'and a.plan_id = :planId'}`,
  ).get({ cutoff, previousCutoff, ...(planId === null ? {} : { planId }) }) as { rows: string };
  const ends = latestEnds(sqlite, planId, cutoff, previousCutoff);
  const quarter = periodBounds(periodOf(asOf, 'quarter'));
  const previousQuarter = periodBounds(periodOf(previousAsOf, 'quarter'));

  return (JSON.parse(rows) as ActivityRow[]).map(([id, planId, measureId, position, start, baselineEnd, ongoing, latest]): DashboardActivity => {
    const schedule = { start, ongoing: ongoing === 1 };
    const update = fromSubquery(latest);
    const updateBefore = update?.[3] ? fromSubquery(update[4]) : update;
    const completion = update?.[2] ?? null;
    return {
      id,
      planId,
      measureId,
      position,
      start,
      baselineEnd,
      ongoing: schedule.ongoing,
      completedOn: typeof completion === 'number' ? dateOfTimestampInSofia(completion) : completion,
      now: stateFromLatest(schedule, update?.[0] ?? null, update?.[1] ?? null, ends.now.get(id) ?? baselineEnd, asOf, quarter),
      before: stateFromLatest(schedule, updateBefore?.[0] ?? null, updateBefore?.[1] ?? null, ends.before.get(id) ?? baselineEnd, previousAsOf, previousQuarter),
    };
  });
}

/**
 * The end set by the latest reschedule recorded by cutoff (now) and by previousCutoff (before),
 * by activity id, for the activities in scope that were rescheduled: few, so read in full.
 */
function latestEnds(sqlite: Database.Database, planId: number | null, cutoff: number, previousCutoff: number) {
  const { changes } = prepared(
    sqlite,
    `select json_group_array(json_array(activity_id, new_end, created_at <= :previousCutoff)) as changes
     from (select * from schedule_changes
       where created_at <= :cutoff ${planId === null ? '' : 'and activity_id in (select id from activities where plan_id = :planId)'}
       order by activity_id, created_at, id)`,
  ).get({ cutoff, previousCutoff, ...(planId === null ? {} : { planId }) }) as { changes: string };
  const now = new Map<number, string>();
  const before = new Map<number, string>();
  for (const [activityId, newEnd, byPreviousCutoff] of JSON.parse(changes) as [number, string, 0 | 1][]) {
    now.set(activityId, newEnd);
    if (byPreviousCutoff) before.set(activityId, newEnd);
  }
  return { now, before };
}

/** Counts over activities in one of their states. */
type Tally = { total: number; byStatus: StatusCounts; overdue: number; dueThisQuarter: number; lateStart: number; percentSum: number };

const emptyCounts = (): StatusCounts => ({ planned: 0, in_progress: 0, done: 0, postponed: 0, cancelled: 0 });
const emptyTally = (): Tally => ({ total: 0, byStatus: emptyCounts(), overdue: 0, dueThisQuarter: 0, lateStart: 0, percentSum: 0 });

function count(tally: Tally, state: LatestState): void {
  tally.total += 1;
  tally.byStatus[state.status] += 1;
  if (state.overdue) tally.overdue += 1;
  if (state.dueThisQuarter) tally.dueThisQuarter += 1;
  if (state.lateStart) tally.lateStart += 1;
  if (state.status !== 'cancelled') tally.percentSum += state.percent;
}

function addTally(into: Tally, from: Tally): void {
  into.total += from.total;
  into.byStatus.planned += from.byStatus.planned;
  into.byStatus.in_progress += from.byStatus.in_progress;
  into.byStatus.done += from.byStatus.done;
  into.byStatus.postponed += from.byStatus.postponed;
  into.byStatus.cancelled += from.byStatus.cancelled;
  into.overdue += from.overdue;
  into.dueThisQuarter += from.dueThisQuarter;
  into.lateStart += from.lateStart;
  into.percentSum += from.percentSum;
}

/** What the dashboard counts over its activities, in one walk over them. */
type Counts = {
  /** As of the day, and as of the previous quarter end. */
  now: Tally;
  before: Tally;
  /** As of the day. */
  byMeasure: Map<number, Tally>;
  byPlan: Map<number, Tally>;
  /** Baseline ends of the activities that are not ongoing, and completion days, with how many activities have each. */
  plannedByDay: Map<string, number>;
  completedByDay: Map<string, number>;
  /** The first start (else baseline end) and the last end (baseline or current). */
  first: string | null;
  last: string | null;
  overdueIds: number[];
  dueIds: number[];
  /** The overdue activities that end first, at most DASHBOARD_OVERDUE_LIMIT, in the order listed. */
  firstOverdue: DashboardActivity[];
};

function countActivities(activities: DashboardActivity[]): Counts {
  const counts: Counts = {
    now: emptyTally(),
    before: emptyTally(),
    byMeasure: new Map(),
    byPlan: new Map(),
    plannedByDay: new Map(),
    completedByDay: new Map(),
    first: null,
    last: null,
    overdueIds: [],
    dueIds: [],
    firstOverdue: [],
  };
  for (const activity of activities) {
    const { now } = activity;
    count(counts.now, now);
    count(counts.before, activity.before);
    count(entryOf(counts.byMeasure, activity.measureId, emptyTally), now);
    count(entryOf(counts.byPlan, activity.planId, emptyTally), now);
    if (!activity.ongoing && activity.baselineEnd !== null) increment(counts.plannedByDay, activity.baselineEnd);
    if (activity.completedOn !== null) increment(counts.completedByDay, activity.completedOn);
    const begins = activity.start ?? activity.baselineEnd;
    if (begins !== null && (counts.first === null || begins < counts.first)) counts.first = begins;
    counts.last = later(later(counts.last, activity.baselineEnd), now.end);
    if (now.overdue) {
      counts.overdueIds.push(activity.id);
      keepFirstOverdue(counts.firstOverdue, activity);
    }
    if (now.dueThisQuarter) counts.dueIds.push(activity.id);
  }
  return counts;
}

/** The later of two days, either of them null when there is none. */
const later = (a: string | null, b: string | null) => (a === null || (b !== null && b > a) ? b : a);
const increment = <K>(counts: Map<K, number>, key: K, n = 1) => counts.set(key, (counts.get(key) ?? 0) + n);

/**
 * Adds an overdue activity to the list of those that end first (then by plan and position)
 * when it belongs there: kept in order while walking, which costs far less than sorting every
 * overdue activity.
 */
function keepFirstOverdue(first: DashboardActivity[], activity: DashboardActivity): void {
  if (first.length === DASHBOARD_OVERDUE_LIMIT && !listedBefore(activity, first.at(-1)!)) return;
  let at = first.length;
  while (at > 0 && listedBefore(activity, first[at - 1]!)) at -= 1;
  first.splice(at, 0, activity);
  if (first.length > DASHBOARD_OVERDUE_LIMIT) first.pop();
}

/** The order of the overdue list: by end, then by plan and position. */
function listedBefore(a: DashboardActivity, b: DashboardActivity): boolean {
  return a.now.end! < b.now.end! || (a.now.end === b.now.end && (a.planId < b.planId || (a.planId === b.planId && a.position < b.position)));
}

/** The map's value for the key, created first when missing. */
function entryOf<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = create()));
  return value;
}

/** Cancelled activities count in neither share: done / (total − cancelled), mean percent over the same. */
const countedOf = (tally: Tally) => tally.total - tally.byStatus.cancelled;
const shareDoneOf = (tally: Tally) => (countedOf(tally) > 0 ? tally.byStatus.done / countedOf(tally) : null);
const meanPercentOf = (tally: Tally) => (countedOf(tally) > 0 ? tally.percentSum / countedOf(tally) : null);

function toFigures(tally: Tally): Figures {
  return {
    total: tally.total,
    done: tally.byStatus.done,
    inProgress: tally.byStatus.in_progress,
    planned: tally.byStatus.planned,
    postponed: tally.byStatus.postponed,
    cancelled: tally.byStatus.cancelled,
    overdue: tally.overdue,
    dueThisQuarter: tally.dueThisQuarter,
    lateStart: tally.lateStart,
    shareDone: shareDoneOf(tally),
    meanPercent: meanPercentOf(tally),
  };
}

/** Every plan, for the plan selector. */
export function listPlanChoices(): PlanChoice[] {
  return prepared(
    getDb().$client,
    `select p.id, p.title, p.period, o.name as organization
     from plans p join organizations o on o.id = p.organization_id
     order by o.name, p.imported_at desc, p.id desc`,
  ).all() as PlanChoice[];
}

/** Dashboards computed on this connection, by query and data version (at most DASHBOARD_CACHE_SIZE). */
const DASHBOARD_CACHE_SIZE = 32;
const cached = new WeakMap<Database.Database, Map<string, Dashboard>>();

/**
 * Changes whenever the database may have changed: PRAGMA data_version moves on every commit
 * by another connection (the CLI, another process), total_changes() on every row this
 * connection inserts, updates or deletes.
 */
const versionStatements = new WeakMap<Database.Database, { data: Database.Statement; changes: Database.Statement }>();
function dataVersion(sqlite: Database.Database): string {
  let statements = versionStatements.get(sqlite);
  if (!statements) {
    statements = { data: sqlite.prepare('pragma data_version').pluck(), changes: sqlite.prepare('select total_changes()').pluck() };
    versionStatements.set(sqlite, statements);
  }
  return `${statements.data.get()}:${statements.changes.get()}`;
}

/** Forgets the dashboards computed so far (benchmarks time the computation itself). */
export function clearDashboardCache(): void {
  const sqlite = getDb().$client;
  cached.delete(sqlite);
}

/**
 * The dashboard of one plan (planId) or of all plans (planId null) as of a day. The result
 * of the same query on unchanged data is reused: nothing in it depends on anything else
 * (today is part of the query). Callers must not change the object returned.
 */
export function getDashboard(query: DashboardQuery): Dashboard {
  const sqlite = getDb().$client;
  const key = `${dataVersion(sqlite)}|${query.planId}|${query.asOf}|${query.today}`;
  let byKey = cached.get(sqlite);
  if (!byKey) cached.set(sqlite, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit) return hit;
  const dashboard = computeDashboard(sqlite, query);
  if (byKey.size >= DASHBOARD_CACHE_SIZE) byKey.delete(byKey.keys().next().value!);
  byKey.set(key, dashboard);
  return dashboard;
}

function computeDashboard(sqlite: Database.Database, { planId, asOf, today }: DashboardQuery): Dashboard {
  const previousAsOf = quarterEndBefore(asOf);
  const plans = listPlanChoices();
  const plan = planId === null ? null : (plans.find((p) => p.id === planId) ?? null);
  if (planId !== null && plan === null) throw new Response('Plan not found', { status: 404 });

  // One read transaction: every figure comes from the same snapshot.
  return sqlite.transaction((): Dashboard => {
    const counts = countActivities(dashboardActivities(planId, asOf, previousAsOf));
    const figures = toFigures(counts.now);
    return {
      asOf,
      previousAsOf,
      quarter: periodKey(periodOf(asOf, 'quarter')),
      plan,
      plans,
      figures,
      previousFigures: toFigures(counts.before),
      groups: planId === null ? topPlans(planGroups(counts.byPlan, plans)) : areaGroups(sqlite, planId, counts.byMeasure),
      caf: cafProgress(sqlite, planId, counts.byMeasure),
      owners: ownerLoad(sqlite, counts.overdueIds, counts.dueIds),
      burnUp: burnUp(counts.plannedByDay, counts.completedByDay, asOf),
      overdue: { total: figures.overdue, rows: overdueList(sqlite, counts.firstOverdue, plans, asOf) },
      quarterEnds: quarterEnds(counts.first, counts.last, today),
      limits: { plans: DASHBOARD_PLAN_LIMIT, owners: DASHBOARD_OWNER_LIMIT, overdue: DASHBOARD_OVERDUE_LIMIT },
    };
  })();
}

function groupProgress(group: Pick<GroupProgress, 'id' | 'planId' | 'areaCode' | 'label' | 'title'>, tally: Tally): GroupProgress {
  return {
    ...group,
    total: tally.total,
    byStatus: tally.byStatus,
    overdue: tally.overdue,
    dueThisQuarter: tally.dueThisQuarter,
    shareDone: shareDoneOf(tally),
    meanPercent: meanPercentOf(tally),
  };
}

/** Progress by plan: the plans with live activities. */
function planGroups(byPlan: Map<number, Tally>, plans: PlanChoice[]): GroupProgress[] {
  return plans
    .filter((plan) => byPlan.has(plan.id))
    .map((plan) => groupProgress({ id: plan.id, planId: plan.id, areaCode: null, label: plan.title, title: plan.title }, byPlan.get(plan.id)!));
}

/** Progress by area of one plan: every area, empty ones too, in the plan's order. */
function areaGroups(sqlite: Database.Database, planId: number, byMeasure: Map<number, Tally>): GroupProgress[] {
  const areas = prepared(sqlite, 'select id, code, title from areas where plan_id = ? order by position, id').all(planId) as { id: number; code: string; title: string }[];
  const measures = prepared(sqlite, 'select id, area_id as areaId from measures where plan_id = ?').all(planId) as { id: number; areaId: number }[];
  const byArea = new Map(areas.map((area) => [area.id, emptyTally()]));
  for (const measure of measures) {
    const tally = byMeasure.get(measure.id);
    if (tally) addTally(byArea.get(measure.areaId)!, tally);
  }
  return areas.map((area) => groupProgress({ id: area.id, planId, areaCode: area.code, label: area.code, title: area.title }, byArea.get(area.id)!));
}

/** The plans with the most overdue activities first (then the least done), at most DASHBOARD_PLAN_LIMIT. */
function topPlans(groups: GroupProgress[]): GroupProgress[] {
  return [...groups]
    .sort((a, b) => b.overdue - a.overdue || (a.shareDone ?? 1) - (b.shareDone ?? 1) || a.planId - b.planId)
    .slice(0, DASHBOARD_PLAN_LIMIT);
}

/**
 * Progress by CAF criterion and sub-criterion, from the tallies by measure and the measures
 * each CAF code is referenced by. An activity belongs to one measure, so it counts once per
 * criterion however many of the criterion's codes its measure names.
 */
function cafProgress(sqlite: Database.Database, planId: number | null, byMeasure: Map<number, Tally>): CafProgress[] {
  const criteria = prepared(sqlite, 'select code, coalesce(parent_code, code) as criterion from caf_criteria').all() as { code: string; criterion: string }[];
  const criterionOf = new Map(criteria.map((row) => [row.code, row.criterion]));
  const { refs } = prepared(
    sqlite,
    `select json_array(json_group_array(measure_id), json_group_array(caf_code)) as refs from measure_caf_refs
     ${planId === null ? '' : 'where measure_id in (select id from measures where plan_id = :planId)'}`,
  ).get(planId === null ? {} : { planId }) as { refs: string };
  const [measureIds, codes] = JSON.parse(refs) as [number[], string[]];

  const bySub = new Map<string, { measures: number; tally: Tally }>();
  const byCriterion = new Map<string, { measureIds: Set<number>; tally: Tally }>();
  const newSub = () => ({ measures: 0, tally: emptyTally() });
  const newCriterion = () => ({ measureIds: new Set<number>(), tally: emptyTally() });
  measureIds.forEach((measureId, i) => {
    const tally = byMeasure.get(measureId);
    if (!tally) return;
    const sub = entryOf(bySub, codes[i]!, newSub);
    sub.measures += 1;
    addTally(sub.tally, tally);
    const criterion = entryOf(byCriterion, criterionOf.get(codes[i]!)!, newCriterion);
    if (criterion.measureIds.has(measureId)) return;
    criterion.measureIds.add(measureId);
    addTally(criterion.tally, tally);
  });

  return CAF_CRITERIA.map((criterion): CafProgress => {
    const tally = byCriterion.get(criterion.code)?.tally ?? emptyTally();
    const subCriteria = [criterion, ...criterion.subCriteria].flatMap((code) => {
      const sub = bySub.get(code.code);
      if (!sub) return [];
      return [{ code: code.code, titleBg: code.titleBg, titleEn: code.titleEn, measures: sub.measures, activities: sub.tally.total, done: sub.tally.byStatus.done, overdue: sub.tally.overdue }];
    });
    return {
      code: criterion.code,
      titleBg: criterion.titleBg,
      titleEn: criterion.titleEn,
      total: tally.total,
      byStatus: tally.byStatus,
      overdue: tally.overdue,
      shareDone: shareDoneOf(tally),
      subCriteria,
    };
  });
}

/** Owners with overdue or due-this-quarter activities, the most overdue first (then by name). */
function ownerLoad(sqlite: Database.Database, overdueIds: number[], dueIds: number[]): OwnerLoad[] {
  // Counted here from the owners of each activity (one id per activity and owner): no grouping in SQL.
  const ownerIdsOf = (activityIds: number[]) => {
    const { ownerIds } = prepared(
      sqlite,
      'select json_group_array(ao.owner_id) as ownerIds from json_each(:ids) j join activity_owners ao on ao.activity_id = j.value',
    ).get({ ids: JSON.stringify(activityIds) }) as { ownerIds: string };
    return JSON.parse(ownerIds) as number[];
  };
  const load = new Map<number, { overdue: number; dueThisQuarter: number }>();
  const newLoad = () => ({ overdue: 0, dueThisQuarter: 0 });
  for (const ownerId of ownerIdsOf(overdueIds)) entryOf(load, ownerId, newLoad).overdue += 1;
  for (const ownerId of ownerIdsOf(dueIds)) entryOf(load, ownerId, newLoad).dueThisQuarter += 1;
  const owners = prepared(sqlite, 'select id, name from owners where id in (select value from json_each(:ids)) order by name, id').all({
    ids: JSON.stringify([...load.keys()]),
  }) as { id: number; name: string }[];
  return owners
    .map((owner): OwnerLoad => ({ ...owner, ...load.get(owner.id)! }))
    .sort((a, b) => b.overdue - a.overdue || b.dueThisQuarter - a.dueThisQuarter) // stable: ties stay by name
    .slice(0, DASHBOARD_OWNER_LIMIT);
}

/** Cumulative planned (baseline) and actual completions by month. */
function burnUp(plannedByDay: Map<string, number>, completedByDay: Map<string, number>, asOf: string): BurnUpPoint[] {
  const planned = byMonth(plannedByDay);
  const actual = byMonth(completedByDay);
  const months = [...planned.keys(), ...actual.keys()].sort();
  if (months.length === 0) return [];
  const asOfMonth = asOf.slice(0, 7);
  const series: BurnUpPoint[] = [];
  let plannedSoFar = 0;
  let actualSoFar = 0;
  for (let month = months[0]!; month <= months.at(-1)!; month = nextMonth(month)) {
    plannedSoFar += planned.get(month) ?? 0;
    actualSoFar += actual.get(month) ?? 0;
    series.push({ month, planned: plannedSoFar, actual: month <= asOfMonth ? actualSoFar : null });
  }
  return series;
}

function byMonth(byDay: Map<string, number>): Map<string, number> {
  const months = new Map<string, number>();
  for (const [day, n] of byDay) increment(months, day.slice(0, 7), n);
  return months;
}

/** The overdue activities listed (the longest overdue first), with their titles and owners. */
function overdueList(sqlite: Database.Database, listed: DashboardActivity[], plans: PlanChoice[], asOf: string): OverdueActivity[] {
  if (listed.length === 0) return [];
  const details = prepared(
    sqlite,
    `select a.id, a.code, a.title,
       (select group_concat(name, ', ') from (select o.name from activity_owners ao join owners o on o.id = ao.owner_id
          where ao.activity_id = a.id order by ao.position, o.name)) as owners
     from activities a where a.id in (select value from json_each(?))`,
  ).all(JSON.stringify(listed.map((activity) => activity.id))) as { id: number; code: string; title: string; owners: string | null }[];
  const detailsById = new Map(details.map((row) => [row.id, row]));
  const planTitles = new Map(plans.map((plan) => [plan.id, plan.title]));
  return listed.map((activity) => {
    const { code, title, owners } = detailsById.get(activity.id)!;
    return {
      id: activity.id,
      planId: activity.planId,
      planTitle: planTitles.get(activity.planId)!,
      code,
      title,
      status: activity.now.status,
      percent: activity.now.percent,
      endDate: activity.now.end!,
      baselineEnd: activity.baselineEnd,
      daysOverdue: daysBetween(activity.now.end!, asOf),
      owners,
    };
  });
}

function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
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
