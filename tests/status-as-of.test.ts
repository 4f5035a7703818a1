/**
 * A status update reports on a day (as of) apart from when it was recorded: one recorded
 * today as of a past day changes the state as of that day on every as-of view (activity page,
 * plan page, the SQL state, the dashboard), not the days before; the history and the audit
 * log show both; a day in the future is refused.
 */
import { beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { dateOfTimestampInSofia, todayInSofia } from '~/domain/dates';
import { activityStateCte, type ActivityStateRow } from '~/models/activity-state.server';
import { dashboardActivities } from '~/models/dashboard-state.server';
import { listPlans } from '~/models/plan.server';
import { action as activityAction, loader as activityLoader } from '~/routes/activities.$activityId';
import { loader as planLoader } from '~/routes/plans.$planId';
import type { User } from '../db/schema';
import { seedDemo } from '../db/seed';
import { getDb } from '../db/client';
import { call, makeRequest, makeUser } from './helpers';

const DAY = '2023-12-31';
let planId: number;
let secretary: User;
let activityId: number;
const sqlite = () => getDb().$client;

const sqlState = (id: number, asOf: string) =>
  getDb().get<Pick<ActivityStateRow, 'status' | 'percent'> & { asOf: ActivityStateRow['last_update_as_of'] }>(
    sql`with ${activityStateCte(asOf)} select status, percent, last_update_as_of as asOf from activity_state where id = ${id}`,
  );

async function page(asOf?: string) {
  const url = `/activities/${activityId}${asOf ? `?asOf=${asOf}` : ''}`;
  return (await call(activityLoader, await makeRequest(url, { user: secretary }), { activityId: String(activityId) })).json();
}

async function post(form: Record<string, string>) {
  return call(activityAction, await makeRequest(`/activities/${activityId}`, { user: secretary, form: { intent: 'status', ...form } }), { activityId: String(activityId) });
}

beforeAll(async () => {
  await seedDemo();
  planId = (sqlite().prepare('select id from plans').get() as { id: number }).id;
  secretary = await makeUser('secretary');
  // In progress as of the day, not done by the last day of the demo's history.
  activityId = dashboardActivities(planId, DAY, '2023-09-30').find((a) => a.now.status === 'in_progress' && a.now.percent < 90)!.id;
});

it('records an update as of a past day: the state as of that day changes, the days before do not', async () => {
  const before = { onDay: sqlState(activityId, DAY), dayBefore: sqlState(activityId, '2023-12-30') };
  const response = await post({ status: 'in_progress', percent: '95', comment: 'Към края на годината.', asOf: DAY });
  expect(await response.json()).toMatchObject({ ok: true });

  expect(sqlState(activityId, DAY)).toEqual({ status: 'in_progress', percent: 95, asOf: DAY });
  expect(sqlState(activityId, '2023-12-30')).toEqual(before.dayBefore);
  expect(before.onDay).not.toEqual(sqlState(activityId, DAY));
  expect(dashboardActivities(planId, DAY, '2023-09-30').find((a) => a.id === activityId)!.now).toMatchObject({ status: 'in_progress', percent: 95 });
  expect((await page(DAY)).activity.state).toMatchObject({ status: 'in_progress', percent: 95 });
  expect((await page('2023-12-30')).activity.state.percent).toBe((before.dayBefore as { percent: number }).percent);
  const plan = await (await call(planLoader, await makeRequest(`/plans/${planId}?asOf=${DAY}`, { user: secretary }), { planId: String(planId) })).json();
  expect(plan.rows.find((r: { id: number }) => r.id === activityId)).toMatchObject({ status: 'in_progress', percent: 95 });

  // The history shows the day it reports on and when it was recorded; the audit log keeps both.
  const update = (await page()).activity.updates.find((u: { comment: string | null }) => u.comment === 'Към края на годината.');
  expect(update.asOf).toBe(DAY);
  expect(dateOfTimestampInSofia(update.createdAt)).toBe(todayInSofia());
  const audit = (await page()).activity.audit[0];
  expect(audit).toMatchObject({ action: 'status-update', after: { asOf: DAY, percent: 95 } });
  expect(dateOfTimestampInSofia(audit.createdAt)).toBe(todayInSofia());
});

it('dates a completion stating no day by the day it reports on, and counts it in the plan list as of that day', async () => {
  const done = (asOf: string) => listPlans(asOf).find((p) => p.id === planId)!.done;
  const [doneBefore, doneDayBefore] = [done('2024-03-31'), done('2024-03-30')];
  const response = await post({ status: 'done', asOf: '2024-03-31' });
  expect(await response.json()).toMatchObject({ ok: true });
  expect((await page('2024-03-31')).activity.state).toMatchObject({ status: 'done', completedOn: '2024-03-31' });
  expect(done('2024-03-31')).toBe(doneBefore + 1);
  expect(done('2024-03-30')).toBe(doneDayBefore);
});

it('is as of today unless told, and refuses a day in the future, not a day, or a completion after the day', async () => {
  const count = () => (sqlite().prepare('select count(*) as n from status_updates where activity_id = ?').get(activityId) as { n: number }).n;
  const n = count();
  for (const asOf of ['2999-01-01', '31.12.2023']) {
    const refused = await post({ status: 'in_progress', percent: '50', asOf });
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors.asOf).toBe(asOf === '2999-01-01' ? 'trAsOfInFuture' : 'trDateInvalid');
  }
  // Done as of 31.03 cannot have been completed on a later day.
  const completedLater = await post({ status: 'done', completedOn: '2024-04-02', asOf: '2024-03-31' });
  expect(completedLater.status).toBe(400);
  expect((await completedLater.json()).errors).toEqual({ completedOn: 'trCompletedAfterAsOf' });
  expect(count()).toBe(n);
  expect(await (await post({ status: 'in_progress', percent: '50' })).json()).toMatchObject({ ok: true });
  expect(sqlState(activityId, todayInSofia())).toEqual({ status: 'in_progress', percent: 50, asOf: todayInSofia() });
});
