/**
 * The dashboard on the Lovech plan (tests/fixtures/lovech-plan-2022-2024.txt), imported
 * WITHOUT any status history, against counts worked out by hand from the plan text; then
 * with a few updates and a reschedule recorded at known moments; the loader's permission
 * and empty states.
 *
 * How the counts were made (no updates: every activity is "planned"):
 * an activity is overdue as of D when it is not "текущо" (ongoing: 1.2.2 and 1.7.1) and its
 * end date (column "Край") is before D; due this quarter when the end falls in D's quarter.
 */
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { startOfDayInSofia } from '~/domain/dates';
import { importPlanIntoDatabase } from '~/models/plan-import.server';
import type { Dashboard } from '~/domain/dashboard-data';
import { getDashboard, quarterEnds } from '~/models/dashboard.server';
import { setPlanClosed } from '~/models/plan.server';
import { loader } from '~/routes/dashboard';
import { drillDownHref } from '~/components/dashboard/drill-down';
import { filterOptions, listActivities } from '~/models/activity-list.server';
import { loader as planLoader } from '~/routes/plans.$planId';
import { parsePlanFile } from '../importers';
import { getDb } from '../db/client';
import { call, makeRequest, makeUser } from './helpers';

const TODAY = '2026-11-23';

/** Overdue as of 31.12.2022, by hand, area by area (end date before 31.12.2022, not ongoing). */
const OVERDUE_2022_12_31 = {
  // Area 1: ends 18.3, 15.9, 27.5, 15.9, 15.12, 31.5, 15.4.2022. Not: 1.2.2 and 1.7.1 (текущо),
  // 1.5.1, 1.5.2 (15.3.2023), 1.6.2 (15.4.2023).
  '1': ['1.1.1', '1.1.2', '1.2.1', '1.3.1', '1.3.2', '1.4.1', '1.6.1'],
  // Area 2: all of 2022 except 2.2.3, 2.3.4, 2.4.1, 2.4.2, 2.5.1, 2.5.2, 2.6.1 (all 18.3.2023);
  // 2.8.2 is written twice in the plan and counts twice.
  '2': ['2.1.1', '2.1.2', '2.2.1', '2.2.2', '2.3.1', '2.3.2', '2.3.3', '2.7.1', '2.8.1', '2.8.2', '2.8.2', '2.9.1', '2.10.1'],
  // Area 3: not 3.1.3 (15.3.2024), 3.2.2, 3.3.1, 3.4.3, 3.7.2 (18.3.2023).
  '3': ['3.1.1', '3.1.2', '3.2.1', '3.4.1', '3.4.2', '3.5.1', '3.5.2', '3.6.1', '3.7.1', '3.8.1', '3.9.1', '3.10.1', '3.11.1', '3.12.1', '3.13.1', '3.14.1', '3.15.1'],
};
/** Overdue as of 30.09.2022 (the previous quarter end): the above minus those ending 30.9-15.12.2022. */
const NOT_YET_OVERDUE_2022_09_30 = ['1.3.2' /* 15.12 */, '2.1.2' /* 30.9: due that day, not overdue */, '3.1.2' /* 15.12 */];

let planId: number;
let planDashboard: (asOf: string) => Dashboard;

beforeAll(async () => {
  const bytes = fs.readFileSync('tests/fixtures/lovech-2022-2024.xlsx');
  planId = importPlanIntoDatabase(await parsePlanFile(bytes, 'lovech-2022-2024.xlsx'), { fileName: 'lovech-2022-2024.xlsx' });
  planDashboard = (asOf) => getDashboard({ planId, asOf, today: TODAY });
});

describe('dashboard of the Lovech plan with no updates', () => {
  it('counts the activities overdue as of 31.12.2022 by area, as counted by hand', () => {
    const dashboard = planDashboard('2022-12-31');
    const expected = Object.values(OVERDUE_2022_12_31).flat();
    expect(dashboard.figures).toMatchObject({
      total: 54, // 12 + 20 + 22 rows of activities in the plan
      done: 0,
      inProgress: 0,
      planned: 54,
      postponed: 0,
      cancelled: 0,
      overdue: expected.length, // 37
      // Q4 2022: 1.3.2 and 3.1.2 end on 15.12.2022
      dueThisQuarter: 2,
      // every activity that is not ongoing started before 31.12.2022 (3.1.3 on 15.12.2022)
      lateStart: 52,
      shareDone: 0,
      meanPercent: 0,
    });
    expect(expected.length).toBe(37);
    expect(dashboard.groups.map((g) => [g.areaCode, g.total, g.overdue, g.dueThisQuarter])).toEqual([
      ['1', 12, OVERDUE_2022_12_31['1'].length, 1],
      ['2', 20, OVERDUE_2022_12_31['2'].length, 0],
      ['3', 22, OVERDUE_2022_12_31['3'].length, 1],
    ]);
    expect(dashboard.groups.every((g) => g.byStatus.planned === g.total)).toBe(true);
  });

  it('lists the overdue activities oldest first, with owners and days overdue', () => {
    const { overdue } = planDashboard('2022-12-31');
    expect(overdue.total).toBe(37);
    expect(overdue.rows.map((r) => r.code).sort()).toEqual(Object.values(OVERDUE_2022_12_31).flat().sort());
    // 1.1.1 ended first (18.03.2022): 13 days of March + 30 + 31 + 30 + 31 + 31 + 30 + 31 + 30 + 31 = 288
    expect(overdue.rows[0]).toMatchObject({ code: '1.1.1', endDate: '2022-03-18', daysOverdue: 288, owners: 'Главен секретар, директори на дирекции' });
    // 2.3.1 (28.03) next, then 3.1.1 (25.03) would be before it: order by end date
    expect(overdue.rows.slice(0, 4).map((r) => r.code)).toEqual(['1.1.1', '3.1.1', '2.3.1', '3.4.1']);
    // the last: 1.3.2 and 3.1.2, both 15.12.2022, 16 days
    expect(overdue.rows.slice(-2).map((r) => [r.code, r.daysOverdue])).toEqual([
      ['1.3.2', 16],
      ['3.1.2', 16],
    ]);
    const days = overdue.rows.map((r) => r.daysOverdue);
    expect(days).toEqual([...days].sort((a, b) => b - a));
  });

  it('gives the change since the end of the previous quarter (30.09.2022)', () => {
    const dashboard = planDashboard('2022-12-31');
    expect(dashboard.previousAsOf).toBe('2022-09-30');
    expect(dashboard.previousFigures.overdue).toBe(37 - NOT_YET_OVERDUE_2022_09_30.length);
    // Q3 2022 ends: 1.1.2, 1.3.1 (15.9), 2.1.1 (11.8), 2.1.2 (30.9), 3.2.1 (18.9), 3.4.2, 3.5.1, 3.5.2, 3.6.1, 3.7.1 (16.9)
    expect(dashboard.previousFigures.dueThisQuarter).toBe(10);
  });

  it('counts overdue and due this quarter as of 30.06.2022', () => {
    const dashboard = planDashboard('2022-06-30');
    // Area 1: 1.1.1, 1.2.1, 1.4.1, 1.6.1. Area 2: 2.2.1, 2.2.2, 2.3.1, 2.3.2, 2.3.3, 2.8.1, 2.8.2 (x2), 2.9.1,
    // 2.10.1 (2.7.1 ends on 30.06: not yet). Area 3: 3.1.1, 3.4.1, 3.8.1, 3.9.1, 3.10.1 ... 3.15.1.
    expect(dashboard.groups.map((g) => g.overdue)).toEqual([4, 10, 10]);
    // ends in April-June 2022: 3 in area 1, 10 in area 2, 8 in area 3
    expect(dashboard.figures.dueThisQuarter).toBe(21);
    expect(dashboard.groups.map((g) => g.dueThisQuarter)).toEqual([3, 10, 8]);
  });

  it('counts by CAF criterion, each measure once, with the sub-criteria the plan touches', () => {
    const { caf } = planDashboard('2022-12-31');
    expect(caf.map((c) => c.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    // 1: measures 1.1 (1.1: 2 act.), 1.4, 2.1, 2.7 (1.2: 1+2+1), 2.2, 2.8 (1.3: 3+3), 1.6 (1.4: 2) = 14
    // 2: 1.2, 3.8 (2.3: 2+1), 1.3 (2.2: 2), 2.9, 3.9, 3.10, 3.11 (2.4: 1 each) = 9
    // 3: 2.10 (3.1) = 1; 4: 1.7, 3.12 (4.2), 3.13 (4.4), 3.2, 3.3 (4.5: 2+1) = 6
    // 5: 3.4, 3.5, 3.14 (5.1: 3+2+1), 3.6, 3.15 (5.2) = 8; 6: 1.5 (6.2: 2), 3.7 (6.1: 2) = 4
    // 7: 2.3, 2.4 (7.2: 4+2) = 6; 8: 2.5, 2.6 (8.1: 2+1) = 3; 9: 3.1 (9.2: 3) = 3
    expect(caf.map((c) => c.total)).toEqual([14, 9, 1, 6, 8, 4, 6, 3, 3]);
    const two = caf[1]!;
    expect(two.subCriteria.map((s) => [s.code, s.measures, s.activities])).toEqual([
      ['2.2', 1, 2],
      ['2.3', 2, 3],
      ['2.4', 4, 4],
    ]);
    expect(caf[0]!.subCriteria.map((s) => s.code)).toEqual(['1.1', '1.2', '1.3', '1.4']);
    expect(caf[2]!.subCriteria.map((s) => s.code)).toEqual(['3.1']);
    // 2.4: 2.9.1, 3.9.1, 3.10.1, 3.11.1 all ended in 2022; 2.2: 1.3.1, 1.3.2; 2.3: 1.2.1, 3.8.1 (1.2.2 is ongoing)
    expect(two.overdue).toBe(8);
  });

  it('gives overdue and due this quarter by owner, the most overdue first', () => {
    const { owners } = planDashboard('2022-12-31');
    // "Главен секретар" is named on all 54; "директори на дирекции" on all but 1.5.1 (директор на
    // дирекция АПОФУС) and 3.4.3 ("директори дирекции"), neither overdue. "експерт ИТ": 3.2.1, 3.9.1,
    // 3.13.1 overdue (3.2.2 not). The digitalisation working group: 3.9.1, 3.10.1, 3.11.1.
    expect(owners.map((o) => [o.name, o.overdue, o.dueThisQuarter])).toEqual([
      ['Главен секретар', 37, 2],
      ['директори на дирекции', 37, 2],
      ['експерт ИТ', 3, 0],
      ['сформирана работна група за дигитализация', 3, 0],
    ]);
  });

  it('draws the burn-up from the baseline ends, with no completions', () => {
    const { burnUp } = planDashboard('2022-12-31');
    expect(burnUp[0]).toEqual({ month: '2022-03', planned: 4, actual: 0 }); // 1.1.1, 2.3.1, 3.1.1, 3.4.1
    expect(burnUp.find((p) => p.month === '2022-12')).toEqual({ month: '2022-12', planned: 37, actual: 0 });
    expect(burnUp.find((p) => p.month === '2023-01')!.actual).toBeNull(); // after the as-of month
    expect(burnUp.at(-1)).toEqual({ month: '2024-03', planned: 52, actual: null }); // 3.1.3; 54 minus 2 ongoing
    const planned = burnUp.map((p) => p.planned);
    expect(planned).toEqual([...planned].sort((a, b) => a - b));
  });

  it('offers the quarter ends of the plan as quick picks', () => {
    const { quarterEnds: ends } = planDashboard('2022-12-31');
    expect(ends[0]).toBe('2022-03-31');
    // the last end is 15.03.2024 (3.1.3): its quarter and the one after
    expect(ends.at(-1)).toBe('2024-06-30');
    expect(ends).toHaveLength(10);
    expect(quarterEnds('2024-01-10', '2030-01-01', '2024-08-15')).toEqual(['2024-03-31', '2024-06-30']);
  });
});

describe('dashboard with updates recorded at known moments', () => {
  const at = (day: string, hour = 10) => new Date(startOfDayInSofia(day) + hour * 3600_000);
  const idOf = (code: string) =>
    (getDb().$client.prepare('select id from activities where plan_id = ? and code = ? order by position limit 1').get(planId, code) as { id: number }).id;

  beforeAll(() => {
    const sqlite = getDb().$client;
    const update = sqlite.prepare(
      'insert into status_updates (activity_id, status, percent, completed_on, as_of, created_at) values (?, ?, ?, ?, ?, ?)',
    );
    update.run(idOf('1.1.1'), 'done', 100, '2022-03-18', '2022-03-20', at('2022-03-20').getTime());
    update.run(idOf('1.1.2'), 'in_progress', 50, null, '2022-06-01', at('2022-06-01').getTime());
    update.run(idOf('1.2.1'), 'cancelled', null, null, '2022-05-01', at('2022-05-01').getTime());
    // done on 20.12.2022 but reported only on 05.01.2023: not done as of 31.12.2022
    update.run(idOf('1.3.1'), 'done', 100, '2022-12-20', '2023-01-05', at('2023-01-05').getTime());
    sqlite
      .prepare('insert into schedule_changes (activity_id, previous_end, new_end, created_at) values (?, ?, ?, ?)')
      .run(idOf('1.3.2'), '2022-12-15', '2023-06-30', at('2022-12-10').getTime());
  });

  it('counts what was recorded by the end of the as-of day', () => {
    const dashboard = planDashboard('2022-12-31');
    expect(dashboard.figures).toMatchObject({
      total: 54,
      done: 1, // 1.1.1 (1.3.1 was reported in January)
      inProgress: 1,
      cancelled: 1,
      planned: 51,
      overdue: 37 - 3, // 1.1.1 done, 1.2.1 cancelled, 1.3.2 moved to 30.06.2023
      dueThisQuarter: 1, // 3.1.2 only: 1.3.2 now ends in 2023
    });
    expect(dashboard.figures.shareDone).toBeCloseTo(1 / 53);
    expect(dashboard.figures.meanPercent).toBeCloseTo(150 / 53);
    // as of 30.09.2022 the reschedule (10.12) was not yet recorded, the rest was
    expect(dashboard.previousFigures).toMatchObject({ done: 1, cancelled: 1, inProgress: 1, overdue: 34 - 2 });
    expect(dashboard.overdue.rows.map((r) => r.code)).not.toContain('1.3.2');
    expect(dashboard.groups[0]!.byStatus).toEqual({ planned: 9, in_progress: 1, done: 1, postponed: 0, cancelled: 1 });
  });

  it('counts a completion in the month it states once it is reported', () => {
    const before = planDashboard('2022-12-31');
    const after = planDashboard('2023-01-10');
    expect(before.burnUp.find((p) => p.month === '2022-12')!.actual).toBe(1);
    expect(after.figures.done).toBe(2);
    expect(after.burnUp.find((p) => p.month === '2022-03')!.actual).toBe(1);
    expect(after.burnUp.find((p) => p.month === '2022-12')!.actual).toBe(2);
    expect(after.previousAsOf).toBe('2022-12-31');
    expect(after.figures.overdue - after.previousFigures.overdue).toBe(-1); // 1.3.1 done
  });
});

describe('dashboard loader', () => {
  it('sends a signed-out visitor to the login page and back', async () => {
    const response = await call(loader, await makeRequest('/dashboard?asOf=2022-12-31'));
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe(`/login?redirectTo=${encodeURIComponent('/dashboard?asOf=2022-12-31')}`);
  });

  it('opens on the only plan, as of the day asked, for a viewer', async () => {
    const viewer = await makeUser('viewer');
    const response = await call(loader, await makeRequest('/dashboard?asOf=2022-12-31', { user: viewer }));
    expect(response.status).toBe(200);
    const data = (await response.json()) as { dashboard: Dashboard; canImport: boolean };
    expect(data.canImport).toBe(false);
    expect(data.dashboard.plan?.id).toBe(planId);
    expect(data.dashboard.asOf).toBe('2022-12-31');
    expect(data.dashboard.figures.total).toBe(54);
  });

  it('gives the overdue by owner (how many, the oldest days late, whether a user is linked) and each area a red/amber/green state', async () => {
    const viewer = await makeUser('viewer');
    const load = async () =>
      ((await (await call(loader, await makeRequest('/dashboard?asOf=2022-12-31', { user: viewer }))).json()) as { dashboard: Dashboard }).dashboard;
    const before = await load();
    // each owner's count and oldest days late, from the overdue list (all listed: fewer than 50)
    expect(before.overdue.rows.length).toBe(before.overdue.total);
    const rowsOf = (name: string) => before.overdue.rows.filter((r) => r.owners?.split(', ').includes(name));
    expect(before.owners.length).toBeGreaterThan(2);
    for (const owner of before.owners) {
      expect([owner.name, owner.overdue, owner.oldestDaysOverdue, owner.unlinked]).toEqual([
        owner.name,
        rowsOf(owner.name).length,
        rowsOf(owner.name).length ? Math.max(...rowsOf(owner.name).map((r) => r.daysOverdue)) : null,
        true,
      ]);
    }
    // area 1: its oldest overdue activity more than 30 days late: red
    const area1Oldest = Math.max(...before.overdue.rows.filter((r) => r.code.startsWith('1.')).map((r) => r.daysOverdue));
    expect(area1Oldest).toBeGreaterThan(30);
    expect(before.groups[0]).toMatchObject({ areaCode: '1', oldestDaysOverdue: area1Oldest, state: 'red' });

    // a head linked to "експерт ИТ": that owner is no longer flagged
    await makeUser('head', [before.owners[2]!.id]);
    const after = await load();
    expect(after.owners.map((o) => [o.name, o.unlinked])).toEqual(before.owners.map((o, i) => [o.name, i !== 2]));
  });

  it('shows all plans on ?plan=all and 404 for an unknown plan', async () => {
    const user = await makeUser('head');
    const all = (await (await call(loader, await makeRequest('/dashboard?plan=all&asOf=2022-12-31', { user }))).json()) as { dashboard: Dashboard };
    expect(all.dashboard.plan).toBeNull();
    expect(all.dashboard.groups.map((g) => g.planId)).toEqual([planId]);
    expect((await call(loader, await makeRequest('/dashboard?plan=9999', { user }))).status).toBe(404);
    expect((await call(loader, await makeRequest('/dashboard?plan=abc', { user }))).status).toBe(404);
  });

  it('leaves a plan closed by the day out of all plans (both states), and still shows it on its own', async () => {
    const user = await makeUser('secretary');
    const allPlans = (asOf: string) => getDashboard({ planId: null, asOf, today: TODAY });
    setPlanClosed(planId, '2023-01-15', user.id);
    try {
      const running = allPlans('2023-01-14'); // the day before it was closed
      expect(running.figures.total).toBe(54);
      expect(running.closedPlans).toBe(0);
      const closed = allPlans('2023-01-15');
      expect(closed.closedPlans).toBe(1);
      expect(closed.figures.total).toBe(0);
      expect(closed.previousFigures.total).toBe(0);
      expect(closed.overdue.total).toBe(0);
      expect(closed.groups).toEqual([]);
      expect(closed.plans.map((p) => p.closedOn)).toEqual(['2023-01-15']); // still in the selector, marked
      expect(planDashboard('2023-01-15').figures.total).toBe(54);
    } finally {
      setPlanClosed(planId, null, user.id);
    }
  });

  it('ignores an as-of date that is not a date or lies in the future', async () => {
    const user = await makeUser('viewer');
    for (const asOf of ['31.12.2022', '2999-01-01']) {
      const data = (await (await call(loader, await makeRequest(`/dashboard?asOf=${asOf}`, { user }))).json()) as { dashboard: Dashboard; today: string };
      expect(data.dashboard.asOf).toBe(data.today);
    }
  });

  it('builds drill-down links to the results on the plan page, or on the cross-plan list, with the owner filter and asOf when not today', () => {
    const plan = { id: 7, title: 'P', period: null, organization: 'O', status: 'approved' as const, approvedOn: null, closedOn: null };
    expect(drillDownHref({ plan, asOf: '2022-12-31', owner: null }, TODAY, { area: '2', state: 'overdue' })).toBe('/plans/7?area=2&state=overdue&asOf=2022-12-31#activities');
    expect(drillDownHref({ plan, asOf: TODAY, owner: null }, TODAY, { caf: '2.3' })).toBe('/plans/7?caf=2.3#activities');
    expect(drillDownHref({ plan: null, asOf: '2024-06-30', owner: null }, TODAY, { plan: 7, status: 'done', quarter: '2024-Q2' })).toBe(
      '/activities?plan=7&status=done&quarter=2024-Q2&asOf=2024-06-30#activities',
    );
    expect(drillDownHref({ plan, asOf: TODAY, owner: 12 }, TODAY, { state: 'overdue' })).toBe('/plans/7?owner=12&state=overdue#activities');
    expect(drillDownHref({ plan, asOf: TODAY, owner: 12 }, TODAY, { owner: 3, state: 'due' })).toBe('/plans/7?owner=3&state=due#activities');
  });
});

describe('the owner filter and the drill-down it leads to', () => {
  it("counts only the owner's activities on every figure, offers the plan page's owners, and lands on a plan page whose figures are those of the set", async () => {
    const user = await makeUser('viewer');
    const dashboardOf = async (search: string) =>
      ((await (await call(loader, await makeRequest(`/dashboard?${search}`, { user }))).json()) as { dashboard: Dashboard }).dashboard;
    const all = await dashboardOf(`plan=${planId}&asOf=2022-12-31`);
    const listedOf = (ownerId: number) => listActivities({ owner: ownerId, asOf: '2022-12-31' }, planId);
    // An owner with overdue activities who does not own the whole plan.
    const owner = all.owners.find((o) => o.overdue > 0 && listedOf(o.id).length < all.figures.total)!;
    const mine = await dashboardOf(`plan=${planId}&asOf=2022-12-31&owner=${owner.id}`);
    expect(all.owner).toBeNull();
    expect(mine.owner).toBe(owner.id);
    expect(mine.ownerChoices).toEqual(filterOptions(planId).owners);
    const listed = listedOf(owner.id);
    expect(mine.figures).toMatchObject({ total: listed.length, overdue: owner.overdue, dueThisQuarter: owner.dueThisQuarter });
    expect(mine.figures.total).toBeLessThan(all.figures.total);
    expect(mine.groups.reduce((sum, group) => sum + group.total, 0)).toBe(listed.length);
    expect(mine.overdue.rows.map((row) => row.id).sort()).toEqual(listed.filter((row) => row.overdue).map((row) => row.id).sort());
    expect(mine.burnUp.at(-1)!.planned).toBe(listed.filter((row) => !row.ongoing && row.baselineEnd).length);
    expect(mine.caf.reduce((sum, criterion) => Math.max(sum, criterion.total), 0)).toBeLessThanOrEqual(listed.length);

    // The overdue figure opens the plan page on those activities: its figures are the set's, not the plan's.
    const href = drillDownHref(mine, TODAY, { state: 'overdue' });
    expect(href).toBe(`/plans/${planId}?owner=${owner.id}&state=overdue&asOf=2022-12-31#activities`);
    const page = (await (await call(planLoader, await makeRequest(href, { user }), { planId: String(planId) })).json()) as {
      progress: { overall: { total: number; overdue: number }; planTotal: number };
      paging: { total: number };
    };
    expect(page.paging.total).toBe(owner.overdue);
    expect(page.progress.overall).toMatchObject({ total: owner.overdue, overdue: owner.overdue });
    expect(page.progress.planTotal).toBe(all.figures.total);
  });
});
