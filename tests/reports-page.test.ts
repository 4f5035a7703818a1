/**
 * The reports page's choice of plan and of period: the newest running plan by default (a newer
 * duplicate closed by mistake is not offered first), a closed plan marked, plans with the same
 * title told apart, and the quarters up to today's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { todayInSofia } from '~/domain/dates';
import { periodKey, periodOf } from '~/domain/quarters';
import { loader } from '~/routes/reports._index';
import { setPlanClosed } from '~/models/plan.server';
import { getDb } from '../db/client';
import { call, makeRequest } from './helpers';
import { activityId, seedLovechWithoutHistory, userId } from './reminders-setup';

type Data = {
  plan: { id: number } | null;
  plans: { id: number; title: string; period: string | null; importedAt: number | null; closed: boolean; twin: boolean }[];
  periods: { key: string; running: boolean }[];
};

let lovech: number;
let duplicate: number;
let other: number;
const sqlite = () => getDb().$client;

async function page(search = ''): Promise<Data> {
  const request = await makeRequest(`/reports${search}`, { user: { id: userId('viewer@demo.bg') } as never });
  return (await call(loader, request)).json() as Promise<Data>;
}

function addPlan(title: string, period: string | null, importedAt: number): number {
  const organization = (sqlite().prepare('select organization_id as id from plans where id = ?').get(lovech) as { id: number }).id;
  return Number(
    sqlite()
      .prepare('insert into plans (organization_id, title, period, source_file_name, imported_at, created_at) values (?, ?, ?, ?, ?, ?)')
      .run(organization, title, period, 'copy.xlsx', importedAt, importedAt).lastInsertRowid,
  );
}

beforeAll(async () => {
  await seedLovechWithoutHistory();
  lovech = (sqlite().prepare('select plan_id as id from activities where id = ?').get(activityId('2.1.1')) as { id: number }).id;
  const plan = sqlite().prepare('select title, period, imported_at as importedAt from plans where id = ?').get(lovech) as {
    title: string;
    period: string | null;
    importedAt: number;
  };
  // The same plan imported again a day later, and closed; and an older plan of another title.
  duplicate = addPlan(plan.title, plan.period, plan.importedAt + 86_400_000);
  setPlanClosed(duplicate, todayInSofia(), userId('secretary@demo.bg'));
  other = addPlan('План 2019-2020', '2019-2020', plan.importedAt - 86_400_000);
});

describe('the reports page', () => {
  it('defaults to the newest running plan, not a newer closed one', async () => {
    const data = await page();
    expect(data.plans.map((p) => p.id)).toEqual([duplicate, lovech, other]);
    expect(data.plan!.id).toBe(lovech);
    expect((await page(`?plan=${duplicate}`)).plan!.id).toBe(duplicate); // a closed plan can still be chosen
  });

  it('marks the closed plan, and tells plans with the same title apart by their import date', async () => {
    const { plans } = await page();
    const byId = new Map(plans.map((p) => [p.id, p]));
    expect(byId.get(duplicate)).toMatchObject({ closed: true, twin: true });
    expect(byId.get(lovech)).toMatchObject({ closed: false, twin: true });
    expect(byId.get(other)).toMatchObject({ closed: false, twin: false });
    expect(byId.get(duplicate)!.importedAt).not.toBe(byId.get(lovech)!.importedAt);
  });

  it("offers the quarters up to today's, the current one included, after the plan's end (2024)", async () => {
    const { periods } = await page(`?plan=${lovech}`);
    const current = periodKey(periodOf(todayInSofia(), 'quarter'));
    expect(periods[0]).toMatchObject({ key: current, running: true });
    expect(periods.map((p) => p.key)).toContain('2025-Q1');
    expect(periods.at(-1)!.key).toBe('2022-Q1');
  });
});
