/**
 * Closing a plan from its page (plan:edit only), what a closed plan still shows, and what it
 * stops: reminders, digests, "my activities" and the cross-plan activity list. On the Lovech
 * demo plan without its history.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { todayInSofia } from '~/domain/dates';
import { action as planAction, loader as planLoader } from '~/routes/plans.$planId';
import { loader as plansLoader } from '~/routes/plans._index';
import { loader as myLoader } from '~/routes/my';
import { loader as activitiesLoader } from '~/routes/activities._index';
import { listAuditEvents } from '~/models/audit.server';
import { plannedMessages } from '~/models/notification.server';
import { setPlanClosed } from '~/models/plan.server';
import { getDb } from '../db/client';
import { call, makeRequest } from './helpers';
import { activityId, seedLovechWithoutHistory, userId } from './reminders-setup';

let planId: number;
const as = (email: string) => ({ id: userId(email) }) as never;
const closedOn = () => (getDb().$client.prepare('select closed_on as closedOn from plans where id = ?').get(planId) as { closedOn: string | null }).closedOn;

async function post(email: string, intent: string, id: number = planId): Promise<Response> {
  const request = await makeRequest(`/plans/${id}`, { user: as(email), form: { intent } });
  return call(planAction, request, { planId: String(id) });
}

beforeAll(async () => {
  await seedLovechWithoutHistory();
  planId = (getDb().$client.prepare('select plan_id as planId from activities where id = ?').get(activityId('2.1.1')) as { planId: number }).planId;
});

describe('closing a plan', () => {
  it('lets the secretary close the plan as of today, shows it closed, and reopen it', async () => {
    const closed = await post('secretary@demo.bg', 'close');
    expect(closed.status).toBe(302);
    expect(closed.headers.get('Location')).toBe(`/plans/${planId}`);
    expect(closedOn()).toBe(todayInSofia());

    const page = await (await call(planLoader, await makeRequest(`/plans/${planId}`, { user: as('viewer@demo.bg') }), { planId: String(planId) })).json();
    expect(page.plan.closedOn).toBe(todayInSofia());
    expect(page.canEdit).toBe(false);
    expect(page.rows.length).toBeGreaterThan(0); // the activities and their history stay
    const list = await (await call(plansLoader, await makeRequest('/plans', { user: as('viewer@demo.bg') }))).json();
    expect(list.plans.find((p: { id: number }) => p.id === planId).closedOn).toBe(todayInSofia());

    expect((await post('admin@demo.bg', 'reopen')).status).toBe(302);
    expect(closedOn()).toBeNull();
    const events = listAuditEvents('plan', planId).filter((event) => event.action !== 'import');
    expect(events.map((event) => event.action).sort()).toEqual(['close', 'reopen']);
  });

  it('refuses a head and a viewer, an unknown action and an unknown plan', async () => {
    expect((await post('head@demo.bg', 'close')).status).toBe(403);
    expect((await post('viewer@demo.bg', 'close')).status).toBe(403);
    expect((await post('secretary@demo.bg', 'archive')).status).toBe(400);
    expect((await post('secretary@demo.bg', 'close', 99999)).status).toBe(404);
    expect(closedOn()).toBeNull();
  });

  it('sends no reminders or digests for a plan closed by the day of the run, and sends them again once reopened', () => {
    const monday = '2022-03-14'; // a digest day, with start reminders due in the plan
    const secretary = userId('secretary@demo.bg');
    const open = plannedMessages(monday);
    const items = open.flatMap((m) => m.items);
    expect(items.filter((i) => i.kind === 'start').length).toBeGreaterThan(0);
    expect(items.filter((i) => i.kind === 'digest_head').length).toBeGreaterThan(0);

    setPlanClosed(planId, '2022-03-14', secretary);
    expect(plannedMessages(monday)).toEqual([]); // the demo's only plan
    setPlanClosed(planId, '2022-03-15', secretary); // already closed: keeps its day
    expect(closedOn()).toBe('2022-03-14');
    setPlanClosed(planId, null, secretary);
    setPlanClosed(planId, '2022-03-15', secretary); // closed after the run's day: that run still reminds
    expect(plannedMessages(monday).length).toBe(open.length);
    setPlanClosed(planId, null, secretary);
    expect(plannedMessages(monday).length).toBe(open.length);
  });

  it("takes a closed plan's activities out of a head's 'my activities'", async () => {
    const mine = async () => {
      const data = await (await call(myLoader, await makeRequest('/my', { user: as('head@demo.bg') }))).json();
      return { rows: data.rows.length, closedPlans: data.closedPlans };
    };
    const before = await mine();
    expect(before.rows).toBeGreaterThan(0);
    expect(before.closedPlans).toBe(0);
    setPlanClosed(planId, todayInSofia(), userId('secretary@demo.bg'));
    expect(await mine()).toEqual({ rows: 0, closedPlans: 1 });
    setPlanClosed(planId, null, userId('secretary@demo.bg'));
    expect(await mine()).toEqual(before);
  });

  it('leaves a plan closed by the day out of the activity list across plans, unless it is chosen', async () => {
    const list = async (search: string) =>
      (await call(activitiesLoader, await makeRequest(`/activities${search}`, { user: as('viewer@demo.bg') }))).json() as Promise<{
        rows: unknown[];
        closedPlans: number;
      }>;
    const all = (await list('')).rows.length;
    expect(all).toBeGreaterThan(0);
    setPlanClosed(planId, '2023-06-30', userId('secretary@demo.bg'));
    try {
      expect(await list('')).toMatchObject({ rows: [], closedPlans: 1 });
      expect(await list('?asOf=2023-06-29')).toMatchObject({ closedPlans: 0 }); // the day before, it still ran
      expect((await list('?asOf=2023-06-29')).rows.length).toBe(all);
      expect(await list(`?plan=${planId}`)).toMatchObject({ closedPlans: 0 });
      expect((await list(`?plan=${planId}`)).rows.length).toBe(all);
    } finally {
      setPlanClosed(planId, null, userId('secretary@demo.bg'));
    }
  });
});
