/**
 * The dashboard's own state query (dashboardStateSql) against the shared ACTIVITY_STATE_CTE,
 * row by row, on the demo plan and its history, as of many days; its aggregates against a
 * plain GROUP BY over the CTE; and the empty state before any plan exists.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../db/client';
import { seedDemo } from '../db/seed';
import { dateOfTimestampInSofia } from '~/domain/dates';
import { quarterEndBefore } from '~/domain/quarters';
import { ACTIVITY_STATE_CTE, asOfParams } from '~/models/activity-state.server';
import { dashboardStateSql, getDashboard, statePeriodParams, type Dashboard } from '~/models/dashboard.server';
import { loader } from '~/routes/dashboard';
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
    await seedDemo();
  });

  const DAYS = ['2022-03-01', '2022-03-31', '2022-06-17', '2022-06-30', '2022-09-15', '2022-09-16', '2023-03-18', '2022-12-31', '2023-03-31', '2023-07-04', '2023-12-31', '2024-06-30', '2025-01-01'];

  type CteRow = { id: number; status: string; percent: number; end_date: string | null; overdue: number; due_this_quarter: number; late_start: number };

  it('gives every activity the same state as ACTIVITY_STATE_CTE, as of the day and the previous quarter end', () => {
    ensureDateFunction();
    const sqlite = getDb().$client;
    const cte = sqlite.prepare(
      `with ${ACTIVITY_STATE_CTE} select id, status, percent, end_date, overdue, due_this_quarter, late_start from activity_state order by id`,
    );
    const mine = sqlite.prepare(`${dashboardStateSql('')} order by r.id`);
    let compared = 0;
    for (const asOf of DAYS) {
      const previous = quarterEndBefore(asOf);
      const expectedNow = cte.all(asOfParams(asOf)) as CteRow[];
      const expectedBefore = new Map((cte.all(asOfParams(previous)) as CteRow[]).map((row) => [row.id, row]));
      const rows = mine.all(statePeriodParams(asOf, previous)) as (CteRow & {
        prev_status: string;
        prev_percent: number;
        prev_end: string | null;
        prev_overdue: number;
        prev_due_this_quarter: number;
        prev_late_start: number;
      })[];
      expect(rows).toHaveLength(expectedNow.length);
      rows.forEach((row, i) => {
        const now = expectedNow[i]!;
        const before = expectedBefore.get(row.id)!;
        expect({ id: row.id, status: row.status, percent: row.percent, end: row.end_date, overdue: row.overdue, due: row.due_this_quarter, late: row.late_start }).toEqual({
          id: now.id,
          status: now.status,
          percent: now.percent,
          end: now.end_date,
          overdue: now.overdue,
          due: now.due_this_quarter,
          late: now.late_start,
        });
        expect({ status: row.prev_status, percent: row.prev_percent, end: row.prev_end, overdue: row.prev_overdue, due: row.prev_due_this_quarter, late: row.prev_late_start }).toEqual({
          status: before.status,
          percent: before.percent,
          end: before.end_date,
          overdue: before.overdue,
          due: before.due_this_quarter,
          late: before.late_start,
        });
        compared += 1;
      });
    }
    expect(compared).toBe(54 * DAYS.length);
  });

  it('adds up to the same figures as a GROUP BY over ACTIVITY_STATE_CTE', () => {
    const sqlite = getDb().$client;
    for (const asOf of DAYS) {
      const dashboard = getDashboard({ planId: null, asOf, today: '2026-11-23' });
      const raw = sqlite
        .prepare(
          `with ${ACTIVITY_STATE_CTE}
           select count(*) as total, sum(status = 'done') as done, sum(status = 'in_progress') as inProgress,
             sum(status = 'planned') as planned, sum(status = 'postponed') as postponed, sum(status = 'cancelled') as cancelled,
             sum(overdue) as overdue, sum(due_this_quarter) as dueThisQuarter, sum(late_start) as lateStart
           from activity_state`,
        )
        .get(asOfParams(asOf));
      expect(dashboard.figures, asOf).toMatchObject(raw as object);
      const byArea = sqlite
        .prepare(
          `with ${ACTIVITY_STATE_CTE}
           select ar.code, sum(s.overdue) as overdue, sum(s.status = 'done') as done
           from activity_state s join measures m on m.id = s.measure_id join areas ar on ar.id = m.area_id
           group by ar.code order by ar.code`,
        )
        .all(asOfParams(asOf)) as { code: string; overdue: number; done: number }[];
      const planDashboard = getDashboard({ planId: dashboard.plans[0]!.id, asOf, today: '2026-11-23' });
      expect(planDashboard.groups.map((g) => ({ code: g.areaCode, overdue: g.overdue, done: g.byStatus.done })), asOf).toEqual(byArea);
      expect(planDashboard.overdue.rows.map((r) => r.id).sort()).toEqual(
        (sqlite.prepare(`with ${ACTIVITY_STATE_CTE} select id from activity_state where overdue order by id`).all(asOfParams(asOf)) as { id: number }[])
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
    const cutoff = asOfParams(asOf).cutoff;
    // the latest update of each activity by the cutoff, when it is "done": its stated date, else the day it was recorded
    const done = sqlite
      .prepare(
        `select u.completed_on as completedOn, u.created_at as at from status_updates u
         where u.id = (select x.id from status_updates x where x.activity_id = u.activity_id and x.created_at <= ?
                       order by x.created_at desc, x.id desc limit 1) and u.status = 'done'`,
      )
      .all(cutoff) as { completedOn: string | null; at: number }[];
    const byMonth = new Map<string, number>();
    for (const row of done) {
      const month = (row.completedOn ?? dateOfTimestampInSofia(row.at)).slice(0, 7);
      byMonth.set(month, (byMonth.get(month) ?? 0) + 1);
    }
    let cumulative = 0;
    for (const point of burnUp.filter((p) => p.actual !== null)) {
      cumulative += byMonth.get(point.month) ?? 0;
      expect(point.actual, point.month).toBe(cumulative);
    }
  });
});

/** dashboardStateSql uses the dashboard's SQL function for completion dates; getDashboard registers it. */
function ensureDateFunction() {
  getDashboard({ planId: null, asOf: '2024-01-01', today: '2026-11-23' });
}
