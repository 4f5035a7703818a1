/**
 * The demo as loaded on a given day (real SQLite, a fresh database per load): the 2022-2024
 * plan closed with its history, the plan drafted from the 2024 self-assessment (its measures
 * linked to the areas they answer, approved by the chief secretary) running on the day with a
 * history up to it, the next self-assessment started before the day, the same data for the
 * same day, and a dashboard that opens on it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays, dateOfTimestampInSofia, endOfDayInSofia, todayInSofia } from '~/domain/dates';
import { defaultPlanId, getDashboard, listPlanChoices } from '~/models/dashboard.server';
import { getUserByEmail } from '~/models/user.server';
import { loader as dashboardLoader } from '~/routes/dashboard';
import { loader as myLoader } from '~/routes/my';
import { listImprovementAreas } from '~/models/improvement-priority.server';
import { seedDemo } from '../db/seed';
import { activities, activityOwners, assessments, assessmentSheets, cycleSteps, improvementLinks, improvementPriorities, measures, owners, plans, scheduleChanges, statusUpdates, userOwners, users } from '../db/schema';
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
    plans: db.select({ title: plans.title, period: plans.period, status: plans.status, approvedOn: plans.approvedOn, approvedByUserId: plans.approvedByUserId, closedOn: plans.closedOn }).from(plans).orderBy(asc(plans.id)).all(),
    assessments: db.select().from(assessments).orderBy(asc(assessments.id)).all(),
    sheets: db.select().from(assessmentSheets).orderBy(asc(assessmentSheets.id)).all(),
    links: db.select().from(improvementLinks).orderBy(asc(improvementLinks.itemId), asc(improvementLinks.measureId)).all(),
    priorities: db.select().from(improvementPriorities).orderBy(asc(improvementPriorities.itemId)).all(),
    cycleSteps: db.select().from(cycleSteps).orderBy(asc(cycleSteps.assessmentId), asc(cycleSteps.step)).all(),
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

  // drafted from the 2024 self-assessment and approved by the chief secretary after it, before its first activity
  const [, of2024, running] = db.select().from(assessments).orderBy(asc(assessments.id)).all();
  const secretary = db.select().from(users).where(eq(users.email, 'secretary@demo.bg')).get()!;
  expect(plan).toMatchObject({ status: 'approved', approvedByUserId: secretary.id, approvedBy: secretary.name, importedAt: null, sourceFileName: null });
  expect(plan!.approvedOn! > dateOfTimestampInSofia(of2024!.approvedAt!.getTime())).toBe(true);
  expect(plan!.approvedOn! < `${period.slice(0, 4)}-02-01`).toBe(true);
  const areas = listImprovementAreas(of2024!.id, day);
  const answering = new Set(areas.flatMap((area) => area.measures.map((m) => m.measureId)));
  const planMeasures = db.select({ id: measures.id }).from(measures).where(eq(measures.planId, current)).all();
  expect(planMeasures.filter((m) => !answering.has(m.id))).toEqual([]);
  const gaps = areas.filter((area) => area.measures.length === 0);
  expect(gaps.length).toBeGreaterThanOrEqual(3);
  expect(gaps.length).toBeLessThanOrEqual(6);
  expect(gaps.every((area) => area.gapDecision !== null)).toBe(true);
  expect(areas.filter((area) => area.impact !== null).length).toBeGreaterThan(areas.length * 0.8);

  // the next self-assessment under way, started 24 days before the day
  expect(running).toMatchObject({ stage: 'scoring', approvedAt: null });
  expect(dateOfTimestampInSofia(running!.createdAt.getTime())).toBe(addDays(day, -24));

  // running on the day: starts before it, ends after it
  const rows = db.select().from(activities).where(eq(activities.planId, current)).all();
  expect(rows.length).toBeGreaterThanOrEqual(36);
  const dated = rows.filter((r) => r.start && r.baselineEnd);
  expect(dated.some((r) => r.start! < day)).toBe(true);
  expect(dated.some((r) => r.start! > day)).toBe(true);
  expect(dated.map((r) => r.start!).sort()[0]! >= `${period.slice(0, 4)}-01-01`).toBe(true);
  expect(dated.map((r) => r.baselineEnd!).sort().at(-1)).toBe(`${period.slice(5)}-12-31`);

  // nothing dated after the day, in either plan, nor in the self-assessments and the cycle steps
  expect(db.select().from(assessmentSheets).all().filter((sheet) => dateOfTimestampInSofia(sheet.updatedAt.getTime()) > day)).toEqual([]);
  expect(db.select().from(cycleSteps).all().filter((step) => (step.doneOn ?? '') > day)).toEqual([]);
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

  it('gives every demo head an overdue activity at the top of "my activities", whatever the load day', async () => {
    for (const day of ['2026-12-03', '2026-12-04', '2027-03-15', '2027-09-30', '2028-06-01']) {
      await loadOn(day);
      for (const email of ['head@demo.bg', 'it@demo.bg', 'secretary@demo.bg']) {
        const request = await makeRequest('/my', { user: getUserByEmail(email)! });
        const mine = await (await call(myLoader, request)).json();
        expect(mine.rows[0]?.overdue, `${email} on ${day}`).toBe(true);
      }
    }
  });
});
