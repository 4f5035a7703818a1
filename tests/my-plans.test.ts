/**
 * "My activities" spans every running plan: a head named on activities of two plans sees them in one list,
 * in one urgency order, and is offered the next activity across plans.
 */
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { importPlanIntoDatabase } from '~/models/plan-import.server';
import { loader as myLoader } from '~/routes/my';
import type { User } from '../db/schema';
import { getDb } from '../db/client';
import { DEMO_PLAN_FILE, seedDemo } from '../db/seed';
import { parsePlanFile } from '../importers';
import { call, makeRequest, makeUser } from './helpers';

const one = <T>(sql: string, ...params: unknown[]) => getDb().$client.prepare(sql).get(...params) as T;
let head: User;
let secondPlan: number;

beforeAll(async () => {
  await seedDemo();
  secondPlan = importPlanIntoDatabase(await parsePlanFile(fs.readFileSync(DEMO_PLAN_FILE), 'second.xlsx'), { fileName: 'second.xlsx', title: 'Втори план' });
  const itOwner = one<{ id: number }>("select id from owners where name = 'експерт ИТ'").id;
  head = await makeUser('head', [itOwner]);
});

describe('my activities across plans', () => {
  it('lists the activities of both running plans in one list, most urgent first', async () => {
    const data = await (await call(myLoader, await makeRequest('/my', { user: head }))).json();
    const plans = new Set(data.rows.map((r: { planId: number }) => r.planId));
    expect(plans.size).toBe(2);
    expect(plans.has(secondPlan)).toBe(true);
    const tier = (r: { status: string; overdue: boolean }) => (r.status === 'done' || r.status === 'cancelled' ? 2 : r.overdue ? 0 : 1);
    const tiers = data.rows.map(tier);
    expect(tiers).toEqual([...tiers].sort());
  });
});
