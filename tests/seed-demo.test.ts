/**
 * The demo as loaded on a given day (real SQLite, a fresh database per load): the 2022-2024
 * plan closed with its history, the plan drafted from the 2024 self-assessment running on the
 * day with a history up to it, the same data for the same day, and a dashboard that opens on it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { dateOfTimestampInSofia, endOfDayInSofia, todayInSofia } from '~/domain/dates';
import { defaultPlanId, getDashboard, listPlanChoices } from '~/models/dashboard.server';
import { getUserByEmail } from '~/models/user.server';
import { loader as dashboardLoader } from '~/routes/dashboard';
import { loader as myLoader } from '~/routes/my';
import { seedDemo } from '../db/seed';
import { activities, activityOwners, owners, plans, scheduleChanges, statusUpdates, userOwners, users } from '../db/schema';
import { closeDb, getDb } from '../db/client';
import { call, makeRequest } from './helpers';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-demo-'));
let loads = 0;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Seeds the demo into a fresh database as of the day. */
async function loadOn(day: string): Promise<void> {
  closeDb();
  process.env.DATABASE_PATH = path.join(dir, `demo-${++loads}.db`);
  await seedDemo(day);
}

/** Everything the load day decides, without the moments of the load itself (import times). */
function snapshot() {
  const db = getDb();
  return {
    plans: db.select({ title: plans.title, period: plans.period, approvedOn: plans.approvedOn, closedOn: plans.closedOn }).from(plans).orderBy(asc(plans.id)).all(),
    activities: db.select({ code: activities.code, start: activities.start, baselineEnd: activities.baselineEnd, currentEnd: activities.currentEnd }).from(activities).orderBy(asc(activities.id)).all(),
    updates: db.select().from(statusUpdates).orderBy(asc(statusUpdates.id)).all(),
    changes: db.select().from(scheduleChanges).orderBy(asc(scheduleChanges.id)).all(),
  };
}

function planIds(): { old: number; current: number } {
  const rows = getDb().select({ id: plans.id }).from(plans).orderBy(asc(plans.id)).all();
  expect(rows).toHaveLength(2);
  return { old: rows[0]!.id, current: rows[1]!.id };
}

function checkDay(day: string, period: string) {
  const db = getDb();
  const { old, current } = planIds();
  const [oldPlan, plan] = db.select().from(plans).orderBy(asc(plans.id)).all();
  expect(oldPlan).toMatchObject({ period: '2022-2024', closedOn: day });
  expect(plan).toMatchObject({ period, closedOn: null });

  // running on the day: starts before it, ends after it
  const rows = db.select().from(activities).where(eq(activities.planId, current)).all();
  expect(rows.length).toBeGreaterThanOrEqual(36);
  const dated = rows.filter((r) => r.start && r.baselineEnd);
  expect(dated.some((r) => r.start! < day)).toBe(true);
  expect(dated.some((r) => r.start! > day)).toBe(true);
  expect(dated.map((r) => r.start!).sort()[0]! >= `${period.slice(0, 4)}-01-01`).toBe(true);
  expect(dated.map((r) => r.baselineEnd!).sort().at(-1)).toBe(`${period.slice(5)}-12-31`);

  // nothing dated after the day, in either plan
  const updates = db.select().from(statusUpdates).all();
  expect(updates.filter((u) => u.asOf > day || u.createdAt.getTime() > endOfDayInSofia(day) || (u.completedOn ?? '') > day)).toEqual([]);
  expect(db.select().from(scheduleChanges).all().filter((c) => dateOfTimestampInSofia(c.createdAt.getTime()) > day)).toEqual([]);

  // the old plan keeps its history
  const oldIds = new Set(db.select({ id: activities.id }).from(activities).where(eq(activities.planId, old)).all().map((r) => r.id));
  expect(updates.filter((u) => oldIds.has(u.activityId)).length).toBeGreaterThan(100);

  // the running plan: a history written by the owners' users, a few overdue, done in step with the time gone
  const currentIds = new Set(rows.map((r) => r.id));
  const authors = new Set(updates.filter((u) => currentIds.has(u.activityId)).map((u) => u.userId));
  const heads = db.select({ id: users.id }).from(users).where(eq(users.role, 'head')).all().map((u) => u.id);
  expect(heads.every((id) => authors.has(id))).toBe(true);
  const dashboard = getDashboard({ planId: current, asOf: day, today: day });
  const { figures } = dashboard;
  expect(figures.total).toBe(rows.length);
  expect(figures.overdue).toBeLessThanOrEqual(Math.ceil(rows.length * 0.1));
  const ended = dated.filter((r) => r.baselineEnd! < day).length;
  expect(figures.done).toBeGreaterThanOrEqual(Math.floor(ended * 0.6));
  expect(figures.done).toBeLessThanOrEqual(ended);
  expect(figures.inProgress).toBeGreaterThan(0);

  // the dashboard opens on the running plan, and on the old one on a day it ran
  expect(defaultPlanId(listPlanChoices(), day)).toBe(current);
  expect(defaultPlanId(listPlanChoices(), '2023-06-30')).toBe(old);
  return { figures, ended };
}

describe('the demo loaded on a day', () => {
  it('on 2026-12-03: the plan 2025-2027 runs with a history up to the day, the 2022-2024 plan closed with its history', async () => {
    await loadOn('2026-12-03');
    checkDay('2026-12-03', '2025-2027');
  });

  it('on 2028-01-02: the plan 2027-2029, its first year just over', async () => {
    await loadOn('2028-01-02');
    checkDay('2028-01-02', '2027-2029');
  });

  it('gives the same data for the same day, and another history for another day', async () => {
    await loadOn('2027-06-15');
    const first = snapshot();
    await loadOn('2027-06-15');
    expect(snapshot()).toEqual(first);
    await loadOn('2027-06-16');
    expect(snapshot()).not.toEqual(first);
  });

  it('links the demo heads to owners with activities in both plans', async () => {
    await loadOn('2026-12-03');
    const { old, current } = planIds();
    for (const email of ['head@demo.bg', 'it@demo.bg', 'secretary@demo.bg']) {
      const planOf = getDb()
        .selectDistinct({ planId: activities.planId })
        .from(users)
        .innerJoin(userOwners, eq(userOwners.userId, users.id))
        .innerJoin(owners, eq(owners.id, userOwners.ownerId))
        .innerJoin(activityOwners, eq(activityOwners.ownerId, owners.id))
        .innerJoin(activities, eq(activities.id, activityOwners.activityId))
        .where(eq(users.email, email))
        .all()
        .map((r) => r.planId)
        .sort();
      expect(planOf, email).toEqual([old, current]);
    }
  });

  it('opens the dashboard on the running plan, and gives a head the activities of that plan only', async () => {
    await loadOn(todayInSofia());
    const { current } = planIds();
    const as = (email: string) => getUserByEmail(email)!;
    const dashboard = await (await call(dashboardLoader, await makeRequest('/dashboard', { user: as('viewer@demo.bg') }))).json();
    expect(dashboard.dashboard.plan.id).toBe(current);
    const mine = await (await call(myLoader, await makeRequest('/my', { user: as('head@demo.bg') }))).json();
    expect(mine.rows.length).toBeGreaterThan(5);
    expect(new Set(mine.rows.map((row: { planId: number }) => row.planId))).toEqual(new Set([current]));
    expect(mine.closedPlans).toBe(1);
  });
});
