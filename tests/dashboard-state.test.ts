/**
 * The one SQL definition of an activity's state (activityStateCte, read by the dashboard
 * through dashboardActivities: the rows of its temporary table, as of the day and as of the
 * previous quarter end) against the plain rules of deriveActivityState applied to the whole
 * history, on a small hand-made plan with the awkward cases; the dashboard's aggregates
 * against a plain GROUP BY over the shared activityStateCte on the demo history; and the
 * empty state before any plan exists.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { deriveActivityState, type ActivityState, type StatusEvent } from '~/domain/activity-state';
import { dateOfTimestampInSofia, endOfDayInSofia, startOfDayInSofia } from '~/domain/dates';
import { rollUp } from '~/domain/progress';
import { quarterEndBefore } from '~/domain/quarters';
import type { Status } from '~/domain/status';
import { activityStateCte } from '~/models/activity-state.server';
import type { Dashboard, Figures } from '~/domain/dashboard-data';
import { getDashboard } from '~/models/dashboard.server';
import { dashboardActivities, type DashboardActivity } from '~/models/dashboard-state.server';
import { loader } from '~/routes/dashboard';
import { seedLovech2022 } from '../db/seed';
import { getDb } from '../db/client';
import { call, makeRequest, makeUser } from './helpers';

describe('before any plan is imported', () => {
  it('tells a secretary to import a plan, and a viewer who will', async () => {
    const secretary = await makeUser('secretary');
    const data = (await (await call(loader, await makeRequest('/dashboard', { user: secretary }))).json()) as { dashboard: Dashboard | null; canImport: boolean };
    expect(data).toMatchObject({ dashboard: null, canImport: true });
    const viewer = await makeUser('viewer');
    const forViewer = (await (await call(loader, await makeRequest('/dashboard', { user: viewer }))).json()) as { canImport: boolean };
    expect(forViewer.canImport).toBe(false);
  });
});

describe('dashboard state on the demo history', () => {
  beforeAll(async () => {
    await seedLovech2022();
  });

  const DAYS = ['2022-03-01', '2022-03-31', '2022-06-17', '2022-06-30', '2022-09-15', '2022-09-16', '2023-03-18', '2022-12-31', '2023-03-31', '2023-07-04', '2023-12-31', '2024-06-30', '2025-01-01'];

  it('adds up to the same figures as a GROUP BY over activityStateCte', () => {
    const db = getDb();
    for (const asOf of DAYS) {
      const dashboard = getDashboard({ planId: null, asOf, today: '2026-11-23' });
      const raw = db.get<Record<keyof Figures & string, number>>(
        sql`with ${activityStateCte(asOf)}
           select count(*) as total, sum(status = 'done') as done, sum(status = 'in_progress') as inProgress,
             sum(status = 'planned') as planned, sum(status = 'postponed') as postponed, sum(status = 'cancelled') as cancelled,
             sum(overdue) as overdue, sum(due_this_quarter) as dueThisQuarter, sum(late_start) as lateStart
           from activity_state`,
      );
      expect(dashboard.figures, asOf).toMatchObject(raw);
      const byArea = db.all<{ code: string; overdue: number; done: number }>(
        sql`with ${activityStateCte(asOf)}
           select ar.code, sum(s.overdue) as overdue, sum(s.status = 'done') as done
           from activity_state s join measures m on m.id = s.measure_id join areas ar on ar.id = m.area_id
           group by ar.code order by ar.code`,
      );
      const planDashboard = getDashboard({ planId: dashboard.plans[0]!.id, asOf, today: '2026-11-23' });
      expect(planDashboard.groups.map((g) => ({ code: g.areaCode, overdue: g.overdue, done: g.byStatus.done })), asOf).toEqual(byArea);
      expect(planDashboard.overdue.rows.map((r) => r.id).sort()).toEqual(
        db.all<{ id: number }>(sql`with ${activityStateCte(asOf)} select id from activity_state where overdue order by id`)
          .map((r) => r.id)
          .sort(),
      );
    }
  });

  it('counts each completion in the month it was completed, as deriveActivityState dates it', () => {
    const asOf = '2024-06-30';
    const { burnUp, figures } = getDashboard({ planId: null, asOf, today: '2026-11-23' });
    const last = burnUp.filter((p) => p.actual !== null).at(-1)!;
    expect(last.actual).toBe(figures.done);
    const sqlite = getDb().$client;
    // the latest update of each activity as of the day, when it is "done": its stated date, else the day it reports on
    const done = sqlite
      .prepare(
        `select u.completed_on as completedOn, u.as_of as asOf from status_updates u
         where u.id = (select x.id from status_updates x where x.activity_id = u.activity_id and x.as_of <= ?
                       order by x.as_of desc, x.created_at desc, x.id desc limit 1) and u.status = 'done'`,
      )
      .all(asOf) as { completedOn: string | null; asOf: string }[];
    const byMonth = new Map<string, number>();
    for (const row of done) {
      const month = (row.completedOn ?? row.asOf).slice(0, 7);
      byMonth.set(month, (byMonth.get(month) ?? 0) + 1);
    }
    let cumulative = 0;
    for (const point of burnUp.filter((p) => p.actual !== null)) {
      cumulative += byMonth.get(point.month) ?? 0;
      expect(point.actual, point.month).toBe(cumulative);
    }
  });
});

describe('dashboard state of a hand-made plan, against the rules applied to the whole history', () => {
  const noon = (day: string) => startOfDayInSofia(day) + 12 * 3600_000;
  /** at: when recorded; asOf: the day it reports on, by default the day it was recorded. */
  type Update = { at: number; asOf?: string; status: Status; percent?: number | null; completedOn?: string | null };
  const asOfOf = (update: Update) => update.asOf ?? dateOfTimestampInSofia(update.at);
  type Made = {
    code: string;
    start?: string | null;
    baselineEnd?: string | null;
    ongoing?: boolean;
    archived?: boolean;
    updates?: Update[];
    reschedules?: { at: number; newEnd: string }[];
  };
  /** Each with the case it makes; updates and reschedules are recorded in the order given. */
  const MADE: Made[] = [
    { code: 'planned, started and ending in Q2', start: '2024-01-10', baselineEnd: '2024-05-31' },
    {
      code: 'the latest update states no percent',
      baselineEnd: '2024-12-31',
      updates: [{ at: noon('2024-02-10'), status: 'in_progress', percent: 40 }, { at: noon('2024-05-05'), status: 'in_progress' }],
    },
    { code: 'done on a stated day', baselineEnd: '2024-06-30', updates: [{ at: noon('2024-06-25'), status: 'done', percent: 100, completedOn: '2024-06-20' }] },
    // recorded at 01:30 on 30.06 in Sofia, still 29.06 in UTC
    { code: 'done, day not stated', baselineEnd: '2024-06-30', updates: [{ at: Date.parse('2024-06-29T22:30Z'), status: 'done' }] },
    {
      code: 'done, reported the day after',
      baselineEnd: '2024-06-15',
      updates: [
        { at: noon('2024-03-15'), status: 'in_progress', percent: 50 },
        { at: endOfDayInSofia('2024-06-30') + 1, status: 'done', percent: 100, completedOn: '2024-06-28' },
      ],
    },
    { code: 'done in the last millisecond of the day', baselineEnd: '2024-06-15', updates: [{ at: endOfDayInSofia('2024-06-30'), status: 'done' }] },
    {
      code: 'cancelled after it fell overdue',
      start: '2024-01-05',
      baselineEnd: '2024-02-01',
      updates: [{ at: noon('2024-01-20'), status: 'in_progress', percent: 30 }, { at: noon('2024-04-10'), status: 'cancelled' }],
    },
    { code: 'ongoing, past its dates', start: '2023-01-01', baselineEnd: '2023-12-31', ongoing: true },
    {
      code: 'rescheduled three times, the last after the day',
      baselineEnd: '2024-03-15',
      reschedules: [
        { at: noon('2024-03-10'), newEnd: '2024-09-30' },
        { at: noon('2024-05-01'), newEnd: '2024-06-10' },
        { at: noon('2024-07-02'), newEnd: '2024-12-31' },
      ],
    },
    { code: 'rescheduled this quarter', baselineEnd: '2024-03-20', reschedules: [{ at: noon('2024-04-02'), newEnd: '2024-08-31' }] },
    {
      code: 'two updates at the same moment',
      baselineEnd: '2024-12-31',
      updates: [{ at: noon('2024-05-20'), status: 'postponed', percent: 10 }, { at: noon('2024-05-20'), status: 'in_progress', percent: 20 }],
    },
    { code: 'postponed past its end', baselineEnd: '2024-04-30', updates: [{ at: noon('2024-04-15'), status: 'postponed', percent: 10 }] },
    { code: 'no dates at all', start: null, baselineEnd: null },
    { code: 'archived', start: '2024-01-01', baselineEnd: '2024-02-01', archived: true, updates: [{ at: noon('2024-01-10'), status: 'in_progress', percent: 5 }] },
    {
      code: 'updated last quarter and this one',
      baselineEnd: '2024-12-31',
      updates: [{ at: noon('2024-03-01'), status: 'in_progress', percent: 20 }, { at: noon('2024-05-01'), status: 'in_progress', percent: 60 }],
    },
    { code: 'first updated this quarter', start: '2024-02-01', baselineEnd: '2024-11-30', updates: [{ at: noon('2024-04-20'), status: 'in_progress', percent: 10 }] },
    {
      code: 'reported in July as of the quarter end, done without a stated day',
      baselineEnd: '2024-06-30',
      updates: [
        { at: noon('2024-03-01'), status: 'in_progress', percent: 20 },
        { at: noon('2024-07-10'), asOf: '2024-06-30', status: 'done' },
      ],
    },
    {
      code: 'recorded later as of an earlier day than the update before it',
      baselineEnd: '2024-12-31',
      updates: [
        { at: noon('2024-05-01'), status: 'in_progress', percent: 60 },
        { at: noon('2024-05-20'), asOf: '2024-03-31', status: 'postponed', percent: 30 },
      ],
    },
    {
      code: 'the percent of an update recorded later as of an earlier day',
      baselineEnd: '2024-12-31',
      updates: [
        { at: noon('2024-05-01'), status: 'in_progress' },
        { at: noon('2024-05-10'), asOf: '2024-04-15', status: 'in_progress', percent: 45 },
        { at: noon('2024-06-02'), asOf: '2024-06-30', status: 'in_progress', percent: 70 },
      ],
    },
    {
      code: 'two updates as of the same day, the one recorded first given the higher id',
      baselineEnd: '2024-12-31',
      updates: [
        { at: noon('2024-06-20'), asOf: '2024-06-30', status: 'in_progress', percent: 80 },
        { at: noon('2024-06-10'), asOf: '2024-06-30', status: 'postponed', percent: 50 },
      ],
    },
    {
      code: 'percent stated only before the previous quarter end',
      baselineEnd: '2024-09-30',
      updates: [
        { at: noon('2024-01-15'), status: 'in_progress', percent: 25 },
        { at: noon('2024-03-20'), status: 'in_progress' },
        { at: noon('2024-05-10'), status: 'done' },
      ],
    },
  ];
  const DAYS = ['2024-03-31', '2024-06-30', '2024-07-01', '2024-12-31'];
  let planId: number;

  beforeAll(() => {
    const sqlite = getDb().$client;
    const run = (sql: string, ...values: unknown[]) => Number(sqlite.prepare(sql).run(...values).lastInsertRowid);
    const organizationId = run('insert into organizations (name, created_at) values (?, ?)', 'Ръчно направена', Date.now());
    planId = run('insert into plans (organization_id, title, created_at) values (?, ?, ?)', organizationId, 'Ръчно направен план', Date.now());
    const areaId = run('insert into areas (plan_id, code, title, position) values (?, ?, ?, ?)', planId, '1', 'Област', 0);
    const measureId = run('insert into measures (plan_id, area_id, code, title, position) values (?, ?, ?, ?, ?)', planId, areaId, '1.1', 'Мярка', 0);
    MADE.forEach((made, position) => {
      const id = run(
        `insert into activities (plan_id, measure_id, code, title, start, baseline_end, ongoing, archived, position, created_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        planId,
        measureId,
        made.code,
        made.code,
        made.start === undefined ? '2024-01-01' : made.start,
        made.baselineEnd ?? null,
        made.ongoing ? 1 : 0,
        made.archived ? 1 : 0,
        position,
        Date.now(),
      );
      for (const update of made.updates ?? []) {
        run(
          'insert into status_updates (activity_id, status, percent, completed_on, as_of, created_at) values (?, ?, ?, ?, ?, ?)',
          id,
          update.status,
          update.percent ?? null,
          update.completedOn ?? null,
          asOfOf(update),
          update.at,
        );
      }
      for (const change of made.reschedules ?? []) {
        run('insert into schedule_changes (activity_id, new_end, created_at) values (?, ?, ?)', id, change.newEnd, change.at);
      }
    });
  });

  /** deriveActivityState on each live activity's whole history, by code. */
  function expectedStates(asOf: string): Map<string, ActivityState> {
    return new Map(
      MADE.filter((made) => !made.archived).map((made) => {
        const events: StatusEvent[] = (made.updates ?? []).map((u) => ({ at: u.at, asOf: asOfOf(u), status: u.status, percent: u.percent ?? null, completedOn: u.completedOn ?? null }));
        const schedule = {
          start: made.start === undefined ? '2024-01-01' : made.start,
          baselineEnd: made.baselineEnd ?? null,
          ongoing: made.ongoing ?? false,
          endChanges: made.reschedules ?? [],
        };
        return [made.code, deriveActivityState(schedule, events, asOf)];
      }),
    );
  }

  const codeOf = (id: number) => (getDb().$client.prepare('select code from activities where id = ?').get(id) as { code: string }).code;
  const comparable = (state: Pick<ActivityState, 'status' | 'percent' | 'end' | 'overdue' | 'dueThisQuarter' | 'lateStart'>) => ({
    status: state.status,
    percent: state.percent,
    end: state.end,
    overdue: state.overdue,
    dueThisQuarter: state.dueThisQuarter,
    lateStart: state.lateStart,
  });

  it('gives every live activity the state the rules give, as of the day and as of the previous quarter end', () => {
    for (const asOf of DAYS) {
      const previousAsOf = quarterEndBefore(asOf);
      const now = expectedStates(asOf);
      const before = expectedStates(previousAsOf);
      const activities = dashboardActivities(planId, asOf, previousAsOf);
      expect(activities.map((a) => codeOf(a.id)).sort(), asOf).toEqual([...now.keys()].sort());
      for (const activity of activities) {
        const code = codeOf(activity.id);
        expect(comparable(activity.now), `${code} as of ${asOf}`).toEqual(comparable(now.get(code)!));
        expect(activity.completedOn, `${code} as of ${asOf}`).toBe(now.get(code)!.completedOn);
        expect(comparable(activity.before), `${code} as of ${previousAsOf}`).toEqual(comparable(before.get(code)!));
      }
    }
  });

  it('works out the awkward cases as read from the rules by hand', () => {
    const byCode = new Map(dashboardActivities(planId, '2024-06-30', '2024-03-31').map((a) => [codeOf(a.id), a] as [string, DashboardActivity]));
    const state = (code: string) => byCode.get(code)!;
    expect(state('planned, started and ending in Q2').now).toMatchObject({ status: 'planned', overdue: true, dueThisQuarter: true, lateStart: true });
    expect(state('planned, started and ending in Q2').before).toMatchObject({ overdue: false, dueThisQuarter: false, lateStart: true });
    expect(state('the latest update states no percent').now).toMatchObject({ status: 'in_progress', percent: 40 });
    expect(state('done on a stated day')).toMatchObject({ completedOn: '2024-06-20', now: { status: 'done', percent: 100 }, before: { status: 'planned' } });
    expect(state('done, day not stated').completedOn).toBe('2024-06-30');
    expect(state('done, reported the day after').now).toMatchObject({ status: 'in_progress', percent: 50, overdue: true });
    expect(state('done in the last millisecond of the day').now.status).toBe('done');
    expect(state('cancelled after it fell overdue').now).toMatchObject({ status: 'cancelled', overdue: false, lateStart: false });
    expect(state('cancelled after it fell overdue').before).toMatchObject({ status: 'in_progress', percent: 30, overdue: true });
    expect(state('ongoing, past its dates').now).toMatchObject({ overdue: false, dueThisQuarter: false, lateStart: false });
    expect(state('rescheduled three times, the last after the day').now).toMatchObject({ end: '2024-06-10', overdue: true, dueThisQuarter: true });
    expect(state('rescheduled three times, the last after the day').before).toMatchObject({ end: '2024-09-30', overdue: false });
    expect(state('rescheduled this quarter').now).toMatchObject({ end: '2024-08-31', overdue: false });
    expect(state('rescheduled this quarter').before).toMatchObject({ end: '2024-03-20', overdue: true });
    expect(state('two updates at the same moment').now).toMatchObject({ status: 'in_progress', percent: 20 });
    expect(state('postponed past its end').now).toMatchObject({ status: 'postponed', overdue: true });
    expect(state('no dates at all').now).toMatchObject({ status: 'planned', end: null, overdue: false, dueThisQuarter: false, lateStart: false });
    expect(state('updated last quarter and this one')).toMatchObject({ now: { percent: 60 }, before: { status: 'in_progress', percent: 20 } });
    expect(state('first updated this quarter').before).toMatchObject({ status: 'planned', percent: 0, lateStart: true });
    expect(state('percent stated only before the previous quarter end')).toMatchObject({
      completedOn: '2024-05-10',
      now: { status: 'done', percent: 100 },
      before: { status: 'in_progress', percent: 25 },
    });
    expect(state('reported in July as of the quarter end, done without a stated day')).toMatchObject({
      completedOn: '2024-06-30',
      now: { status: 'done', percent: 100, overdue: false },
      before: { status: 'in_progress', percent: 20 },
    });
    expect(state('recorded later as of an earlier day than the update before it')).toMatchObject({
      now: { status: 'in_progress', percent: 60 },
      before: { status: 'postponed', percent: 30 },
    });
    expect(state('the percent of an update recorded later as of an earlier day').now).toMatchObject({ status: 'in_progress', percent: 70 });
    expect(dashboardActivities(planId, '2024-05-05', '2024-03-31').find((a) => codeOf(a.id) === 'the percent of an update recorded later as of an earlier day')!.now).toMatchObject({
      status: 'in_progress',
      percent: 45,
    });
    expect(state('two updates as of the same day, the one recorded first given the higher id').now).toMatchObject({ status: 'in_progress', percent: 80 });
    expect(byCode.has('archived')).toBe(false);
  });

  it('adds the states up into the figures as the progress rule does', () => {
    for (const asOf of DAYS) {
      const dashboard = getDashboard({ planId, asOf, today: '2026-11-23' });
      const cases: [Figures, ActivityState[]][] = [
        [dashboard.figures, [...expectedStates(asOf).values()]],
        [dashboard.previousFigures, [...expectedStates(quarterEndBefore(asOf)).values()]],
      ];
      for (const [figures, states] of cases) {
        const progress = rollUp(states);
        expect(figures, asOf).toEqual({
          total: progress.total,
          done: progress.byStatus.done,
          inProgress: progress.byStatus.in_progress,
          planned: progress.byStatus.planned,
          postponed: progress.byStatus.postponed,
          cancelled: progress.byStatus.cancelled,
          overdue: progress.overdue,
          dueThisQuarter: states.filter((s) => s.dueThisQuarter).length,
          lateStart: states.filter((s) => s.lateStart).length,
          shareDone: progress.shareDone,
          meanPercent: progress.meanPercent,
        });
      }
    }
  });
});
