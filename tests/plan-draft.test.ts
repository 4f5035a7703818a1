/**
 * From the areas for improvement to a draft plan, and approving it (issue 18, parts 2 and 3), on
 * the demo (a real SQLite database): the chair chooses areas on the priorities page and gets a
 * draft plan (one measure per area, per sub-criterion or per group; kind from the grid; CAF
 * references; areas by criterion; one first activity per area; the areas linked), who may do it,
 * approving (by whom, on which day), the baseline fixed only from then on, and what a draft stays
 * out of until approved (reminders, my activities, the activity list).
 */
import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInSofia } from '~/domain/dates';
import { draftStructure, type DraftItem } from '~/domain/plan-draft';
import { listAuditEvents } from '~/models/audit.server';
import { rescheduleActivity, updateActivity } from '~/models/activity.server';
import { listImprovementAreas } from '~/models/improvement-priority.server';
import { plannedMessages } from '~/models/notification.server';
import { defaultPlanId, getDashboard, listPlanChoices } from '~/models/dashboard.server';
import { action as prioritiesAction, loader as prioritiesLoader } from '~/routes/assessments.$assessmentId.priorities';
import { action as planAction, loader as planLoader } from '~/routes/plans.$planId';
import { loader as plansLoader } from '~/routes/plans._index';
import { loader as myLoader } from '~/routes/my';
import { loader as activitiesLoader } from '~/routes/activities._index';
import { getDb } from '../db/client';
import {
  activities,
  activityOwners,
  areas,
  assessmentItems,
  assessments,
  assessmentSheets,
  improvementLinks,
  improvementPriorities,
  measureCafRefs,
  measures,
  plans,
  scheduleChanges,
  userOwners,
  users,
  type User,
} from '../db/schema';
import { seedDemo } from '../db/seed';
import { call, makeRequest, makeUser } from './helpers';

let first: number, second: number;
let chair: User, head: User, viewer: User, admin: User, otherSecretary: User;
const byEmail = (email: string) => getDb().select().from(users).where(eq(users.email, email)).get()!;
const db = () => getDb();

beforeAll(async () => {
  await seedDemo();
  const ids = db().select({ id: assessments.id }).from(assessments).orderBy(asc(assessments.id)).all().map((row) => row.id);
  [first, second] = [ids[0]!, ids.at(-1)!]; // 2022 approved; the one under way
  chair = byEmail('secretary@demo.bg');
  head = byEmail('head@demo.bg');
  viewer = byEmail('viewer@demo.bg');
  admin = byEmail('admin@demo.bg');
  otherSecretary = await makeUser('secretary');
});

const areasOf = () => listImprovementAreas(first, todayInSofia());
const planCount = () => db().select({ n: count() }).from(plans).get()!.n;

async function draft(user: User, form: Record<string, string | string[]>, assessmentId = first) {
  const request = await makeRequest(`/assessments/${assessmentId}/priorities`, { user, form: { intent: 'draft-plan', ...form } });
  return call(prioritiesAction, request, { assessmentId: String(assessmentId) });
}

async function planPost(user: User, planId: number, intent: string) {
  return call(planAction, await makeRequest(`/plans/${planId}`, { user, form: { intent } }), { planId: String(planId) });
}

/** The plan a draft response leads to. */
function draftedPlanId(response: Response): number {
  expect(response.status).toBe(302);
  const match = /^\/plans\/(\d+)\?drafted=1$/.exec(response.headers.get('Location') ?? '');
  expect(match).not.toBeNull();
  return Number(match![1]);
}

/** The plan as written: areas, measures with their kind, CAF references, activities and linked items. */
function structureOf(planId: number) {
  return db()
    .select({ id: areas.id, code: areas.code, title: areas.title })
    .from(areas)
    .where(eq(areas.planId, planId))
    .orderBy(asc(areas.position))
    .all()
    .map((area) => ({
      code: area.code,
      title: area.title,
      measures: db()
        .select({ id: measures.id, code: measures.code, title: measures.title, kind: measures.kind })
        .from(measures)
        .where(eq(measures.areaId, area.id))
        .orderBy(asc(measures.position))
        .all()
        .map(({ id, ...measure }) => ({
          ...measure,
          caf: db().select({ code: measureCafRefs.cafCode }).from(measureCafRefs).where(eq(measureCafRefs.measureId, id)).all().map((r) => r.code).sort(),
          items: db().select({ id: improvementLinks.itemId }).from(improvementLinks).where(eq(improvementLinks.measureId, id)).all().map((r) => r.id).sort((a, b) => a - b),
          activities: db()
            .select({ code: activities.code, title: activities.title, start: activities.start, end: activities.baselineEnd })
            .from(activities)
            .where(eq(activities.measureId, id))
            .orderBy(asc(activities.position))
            .all(),
        })),
    }));
}

describe('drafting a plan from the chosen areas for improvement', () => {
  it('one measure per area: kind from the grid, CAF reference of the sub-criterion, areas by criterion, one first activity, the areas linked; audited', async () => {
    const all = areasOf();
    const quick = all.find((area) => area.impact !== null && area.impact >= 4 && area.feasibility! >= 4)!;
    const strategic = all.find((area) => area.code.split('.')[0] !== quick.code.split('.')[0] && area.impact !== null && area.feasibility! < 4)!;
    const unrated = all.find((area) => area.impact === null && area.code.split('.')[0] === strategic.code.split('.')[0]) ?? null;
    const chosen = [quick, strategic, ...(unrated ? [unrated] : [])];
    const before = planCount();
    const planId = draftedPlanId(await draft(chair, { title: 'План 2025-2027', period: '2025-2027', grouping: 'item', itemIds: chosen.map((a) => String(a.itemId)) }));
    expect(planCount()).toBe(before + 1);
    const plan = db().select().from(plans).where(eq(plans.id, planId)).get()!;
    expect(plan).toMatchObject({ title: 'План 2025-2027', period: '2025-2027', status: 'draft', approvedBy: null, approvedOn: null, approvedByUserId: null });

    const written = structureOf(planId);
    const [qc, sc] = [quick.code.split('.')[0], strategic.code.split('.')[0]].map(Number) as [number, number];
    expect(written.map((area) => area.title)).toEqual(
      [qc, sc].sort((a, b) => a - b).map((code) => expect.stringMatching(new RegExp(`^Критерий ${code}\\. \\S`))),
    );
    expect(written.map((area) => area.code)).toEqual(['1', '2']);
    const measureOf = (itemId: number) => written.flatMap((area) => area.measures).find((m) => m.items.includes(itemId))!;
    expect(measureOf(quick.itemId)).toMatchObject({ title: quick.text, kind: 'quick_win', caf: [quick.code], items: [quick.itemId] });
    expect(measureOf(quick.itemId).activities).toEqual([{ code: `${measureOf(quick.itemId).code}.1`, title: quick.text, start: null, end: null }]);
    expect(measureOf(strategic.itemId)).toMatchObject({ title: strategic.text, kind: 'strategic', caf: [strategic.code], items: [strategic.itemId] });
    if (unrated) expect(measureOf(unrated.itemId)).toMatchObject({ kind: 'strategic', caf: [unrated.code] });
    expect(written.flatMap((area) => area.measures)).toHaveLength(chosen.length);

    // The area shows the measure that answers it (with its progress), the measure the area.
    const after = areasOf().find((area) => area.itemId === quick.itemId)!;
    expect(after.measures.map((m) => m.planId)).toContain(planId);
    expect(after.measures.find((m) => m.planId === planId)!.progress.total).toBe(1);
    const page = await (await call(planLoader, await makeRequest(`/plans/${planId}`, { user: viewer }), { planId: String(planId) })).json();
    expect(page.plan.status).toBe('draft');
    expect(page.answers.map((row: { areas: number }) => row.areas)).toEqual(written.flatMap((area) => area.measures).map(() => 1));

    const event = listAuditEvents('plan', planId).find((e) => e.action === 'draft-from-assessment')!;
    expect(event.userName).toBe(chair.name);
    expect(event.after).toMatchObject({ assessmentId: first, grouping: 'item', items: chosen.length, measures: chosen.length, activities: chosen.length });
  });

  it('one measure per sub-criterion: the areas of one sub-criterion share a measure titled by it, one activity each; a quick win only when all are', async () => {
    const all = areasOf();
    const codes = [...new Set(all.map((area) => area.code))];
    const shared = codes.find((code) => all.filter((area) => area.code === code).length >= 2)!;
    const pair = all.filter((area) => area.code === shared).slice(0, 2);
    const single = all.find((area) => area.code !== shared)!;
    const planId = draftedPlanId(await draft(admin, { title: 'По подкритерии', period: '', grouping: 'sub_criterion', itemIds: [...pair, single].map((a) => String(a.itemId)) }));
    const allMeasures = structureOf(planId).flatMap((area) => area.measures);
    expect(allMeasures).toHaveLength(2);
    const groupMeasure = allMeasures.find((m) => m.caf[0] === shared)!;
    expect(groupMeasure.items).toEqual(pair.map((a) => a.itemId).sort((a, b) => a - b));
    expect(groupMeasure.title).toMatch(new RegExp(`\\S \\(CAF ${shared.replace('.', '\\.')}\\)$`));
    expect(groupMeasure.activities.map((a) => a.title).sort()).toEqual(pair.map((a) => a.text).sort());
    expect(groupMeasure.activities.map((a) => a.code)).toEqual([`${groupMeasure.code}.1`, `${groupMeasure.code}.2`]);
    const bothQuick = pair.every((a) => a.impact !== null && a.impact >= 4 && a.feasibility! >= 4);
    expect(groupMeasure.kind).toBe(bothQuick ? 'quick_win' : 'strategic');
    expect(db().select().from(plans).where(eq(plans.id, planId)).get()!.period).toBeNull();
  });

  it('the chair\'s own groups: areas with one number make one measure (CAF references of all of them), the others one each', async () => {
    const all = areasOf();
    const [a, b, c] = [all[0]!, all.find((x) => x.code.split('.')[0] === all[0]!.code.split('.')[0] && x.code !== all[0]!.code) ?? all[1]!, all.at(-1)!];
    const planId = draftedPlanId(
      await draft(chair, { title: 'Групи', grouping: 'custom', itemIds: [a, b, c].map((x) => String(x.itemId)), [`group-${a.itemId}`]: '7', [`group-${b.itemId}`]: '7', [`group-${c.itemId}`]: '' }),
    );
    const allMeasures = structureOf(planId).flatMap((area) => area.measures);
    expect(allMeasures).toHaveLength(2);
    const grouped = allMeasures.find((m) => m.items.includes(a.itemId))!;
    expect(grouped.items).toEqual([a.itemId, b.itemId].sort((x, y) => x - y));
    expect(grouped.caf).toEqual([...new Set([a.code, b.code])].sort());
    expect(grouped.activities).toHaveLength(2);
  });

  it('refuses a form without a title, without areas, with a bad group number, or with an item that is not an agreed area of this assessment, writing nothing', async () => {
    const item = String(areasOf()[0]!.itemId);
    const strength = db()
      .select({ id: assessmentItems.id })
      .from(assessmentItems)
      .innerJoin(assessmentSheets, eq(assessmentSheets.id, assessmentItems.sheetId))
      .where(and(eq(assessmentSheets.assessmentId, first), isNull(assessmentSheets.userId), eq(assessmentItems.kind, 'strength')))
      .get()!.id;
    const before = planCount();
    const refused = async (form: Record<string, string | string[]>) => {
      const response = await draft(chair, form);
      expect(response.status).toBe(400);
      return ((await response.json()) as { draftError: string }).draftError;
    };
    expect(await refused({ title: ' ', grouping: 'item', itemIds: [item] })).toBe('pdTitleRequired');
    expect(await refused({ title: 'П', grouping: 'item' })).toBe('pdNothingChosen');
    expect(await refused({ title: 'П', grouping: 'custom', itemIds: [item], [`group-${item}`]: '0' })).toBe('pdGroupInvalid');
    expect(await refused({ title: 'П', grouping: 'elsewhere', itemIds: [item] })).toBe('pdInvalid');
    expect(await refused({ title: 'П', grouping: 'item', itemIds: [item, String(strength)] })).toBe('pdUnknownItems');
    expect(await refused({ title: 'П', grouping: 'item', itemIds: ['0x10'] })).toBe('idInvalid');
    expect(planCount()).toBe(before);
  });

  it('only the chair (who may edit plans) and an admin: a secretary outside the group, a member, a viewer are refused; not before approval', async () => {
    const item = String(areasOf()[0]!.itemId);
    const before = planCount();
    const form = { title: 'П', grouping: 'item', itemIds: [item] };
    for (const user of [otherSecretary, head, viewer]) expect((await draft(user, form)).status, user.email).toBe(403);
    expect([403, 409]).toContain((await draft(chair, form, second)).status);
    expect(planCount()).toBe(before);
    // The form is offered to those who may use it.
    const offered = async (user: User) => ((await (await call(prioritiesLoader, await makeRequest(`/assessments/${first}/priorities`, { user }), { assessmentId: String(first) })).json()) as { canDraft: boolean }).canDraft;
    expect(await offered(chair)).toBe(true);
    expect(await offered(admin)).toBe(true);
    expect(await offered(otherSecretary)).toBe(false);
    expect(await offered(viewer)).toBe(false);
  });
});

describe('the draft structure (pure)', () => {
  const item = (itemId: number, code: string, impact: number | null, feasibility: number | null, position = 0): DraftItem => ({ itemId, code, position, text: `t${itemId}`, impact, feasibility });
  const title = ({ code, title }: { code: string; title: string }) => `C${code} ${title}`;

  it('puts the measures in CAF order under areas by criterion, numbered 1, 1.1, 1.1.1', () => {
    const items = [item(1, '3.2', 5, 5), item(2, '1.1', 2, 2), item(3, '3.1', 5, 3), item(4, '3.2', 4, 4, 1)];
    const plan = draftStructure(items, 'sub_criterion', {}, 'en', title);
    expect(plan.map((a) => [a.code, a.title])).toEqual([
      ['1', 'C1 Leadership'],
      ['2', 'C3 People'],
    ]);
    expect(plan[1]!.measures.map((m) => [m.code, m.cafCodes, m.kind, m.itemIds, m.activities.map((x) => x.code)])).toEqual([
      ['2.1', ['3.1'], 'strategic', [3], ['2.1.1']],
      ['2.2', ['3.2'], 'quick_win', [1, 4], ['2.2.1', '2.2.2']],
    ]);
    expect(plan[1]!.measures[1]!.title).toBe('Develop and manage competencies of people (CAF 3.2)');
  });
});

describe('approving a draft plan', () => {
  let planId: number;
  let activityId: number;
  const plan = () => db().select().from(plans).where(eq(plans.id, planId)).get()!;
  const activity = () => db().select().from(activities).where(eq(activities.id, activityId)).get()!;
  const changes = () => db().select({ n: count() }).from(scheduleChanges).where(eq(scheduleChanges.activityId, activityId)).get()!.n;

  beforeAll(async () => {
    const target = areasOf()[0]!;
    planId = draftedPlanId(await draft(chair, { title: 'За утвърждаване', grouping: 'item', itemIds: [String(target.itemId)] }));
    activityId = db().select({ id: activities.id }).from(activities).where(eq(activities.planId, planId)).get()!.id;
    // Dates and an owner the head is linked to, starting in 14 days (a start reminder is due today).
    const ownerId = db().select({ ownerId: userOwners.ownerId }).from(userOwners).where(eq(userOwners.userId, head.id)).get()!.ownerId;
    const start = addDays(todayInSofia(), 14);
    const result = updateActivity(activityId, { title: activity().title, start, baselineEnd: addDays(start, 60), ongoing: false, target: null, note: null, ownerIds: [ownerId] }, chair.id);
    expect(result.ok).toBe(true);
    expect(db().select({ n: count() }).from(activityOwners).where(eq(activityOwners.activityId, activityId)).get()!.n).toBe(1);
  });

  it('while a draft, moving the end moves the baseline (no reschedule recorded)', () => {
    const moved = addDays(todayInSofia(), 100);
    expect(rescheduleActivity(activityId, { newEnd: moved, reason: 'уточнено' }, chair.id).ok).toBe(true);
    expect(activity()).toMatchObject({ baselineEnd: moved, currentEnd: moved });
    expect(changes()).toBe(0);
  });

  it('a draft sends no reminders and is out of my activities and the activity list; it is marked on the plans list', async () => {
    const today = todayInSofia();
    const items = () => plannedMessages(today).flatMap((m) => m.items);
    expect(items().filter((i) => i.activityId === activityId)).toEqual([]);
    const mine = await (await call(myLoader, await makeRequest('/my', { user: head }))).json();
    expect(mine.rows.map((r: { id: number }) => r.id)).not.toContain(activityId);
    const list = await (await call(activitiesLoader, await makeRequest('/activities', { user: viewer }))).json();
    expect(list.rows.map((r: { id: number }) => r.id)).not.toContain(activityId);
    const plansList = await (await call(plansLoader, await makeRequest('/plans', { user: viewer }))).json();
    expect(plansList.plans.find((p: { id: number }) => p.id === planId).status).toBe('draft');
    // The all-plans dashboard counts the running plans only; the dashboard still opens on the one running plan.
    const dashboard = getDashboard({ planId: null, asOf: today, today });
    expect(dashboard.groups.map((group) => group.planId)).not.toContain(planId);
    const running = defaultPlanId(listPlanChoices(), today);
    expect(running).not.toBeNull();
    expect(running).not.toBe(planId);
  });

  it('a head or a viewer may not approve; the secretary approves (by whom, on which day, audited); approving again changes nothing', async () => {
    expect((await planPost(head, planId, 'approve')).status).toBe(403);
    expect((await planPost(viewer, planId, 'approve')).status).toBe(403);
    expect(plan().status).toBe('draft');
    const approved = await planPost(chair, planId, 'approve');
    expect(approved.status).toBe(302);
    expect(approved.headers.get('Location')).toBe(`/plans/${planId}?approved=1`);
    expect(plan()).toMatchObject({ status: 'approved', approvedBy: chair.name, approvedOn: todayInSofia(), approvedByUserId: chair.id });
    const event = listAuditEvents('plan', planId).find((e) => e.action === 'approve')!;
    expect(event).toMatchObject({ userName: chair.name, before: { status: 'draft' }, after: { status: 'approved', approvedOn: todayInSofia() } });
    const again = await planPost(admin, planId, 'approve');
    expect(again.headers.get('Location')).toBe(`/plans/${planId}?approved=0`);
    expect(plan().approvedByUserId).toBe(chair.id);
    expect((await planPost(chair, 99999, 'approve')).status).toBe(404);
  });

  it('once approved, the baseline is fixed: moving the end is a reschedule', () => {
    const baseline = activity().baselineEnd;
    const later = addDays(baseline!, 30);
    expect(rescheduleActivity(activityId, { newEnd: later, reason: 'забавяне' }, chair.id).ok).toBe(true);
    expect(activity()).toMatchObject({ baselineEnd: baseline, currentEnd: later });
    expect(changes()).toBe(1);
  });

  it('once approved, it reminds, counts in my activities and on the all-plans dashboard', async () => {
    expect(getDashboard({ planId: null, asOf: todayInSofia(), today: todayInSofia() }).groups.map((group) => group.planId)).toContain(planId);
    const items = plannedMessages(todayInSofia()).flatMap((m) => m.items);
    expect(items.filter((i) => i.activityId === activityId).map((i) => i.kind)).toContain('start');
    const mine = await (await call(myLoader, await makeRequest('/my', { user: head }))).json();
    expect(mine.rows.map((r: { id: number }) => r.id)).toContain(activityId);
  });
});

describe('imported plans', () => {
  it('count as approved', () => {
    const imported = db().select({ status: plans.status }).from(plans).where(eq(plans.title, db().select().from(plans).orderBy(asc(plans.id)).get()!.title)).get()!;
    expect(imported.status).toBe('approved');
    expect(db().select({ n: count() }).from(improvementPriorities).get()!.n).toBeGreaterThan(0);
  });
});
