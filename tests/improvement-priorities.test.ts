/**
 * Closing the CAF cycle on the demo (a real SQLite database): the Lovech 2022 self-assessment's
 * areas for improvement linked to the 2022-2024 plan's measures, the chair rating, linking and
 * deciding on gaps through the priorities page, who may do what, and the plan page's line per measure.
 */
import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '~/models/audit.server';
import { listImprovementAreas, measureAnswers } from '~/models/improvement-priority.server';
import { todayInSofia } from '~/domain/dates';
import { action, loader } from '~/routes/assessments.$assessmentId.priorities';
import { loader as planLoader } from '~/routes/plans.$planId';
import { getDb } from '../db/client';
import { ASSESSMENT_2022 } from '../db/demo/assessment-lovech';
import { seedPriorities } from '../db/demo/priorities';
import { assessmentItems, assessments, assessmentSheets, improvementLinks, improvementPriorities, measureCafRefs, measures, plans, users, type User } from '../db/schema';
import { seedDemo } from '../db/seed';
import { call, makeRequest, makeUser } from './helpers';

let first: number, second: number, planId: number;
let chair: User, member: User, assessor: User, viewer: User, admin: User, otherSecretary: User;
const byEmail = (email: string) => getDb().select().from(users).where(eq(users.email, email)).get()!;

beforeAll(async () => {
  await seedDemo();
  const ids = getDb().select({ id: assessments.id }).from(assessments).orderBy(asc(assessments.id)).all().map((row) => row.id);
  [first, second] = [ids[0]!, ids.at(-1)!]; // 2022 approved; the one under way
  planId = getDb().select({ id: plans.id }).from(plans).get()!.id;
  chair = byEmail('secretary@demo.bg');
  member = byEmail('head@demo.bg');
  assessor = byEmail('nikolova@demo.bg');
  viewer = byEmail('viewer@demo.bg');
  admin = byEmail('admin@demo.bg');
  otherSecretary = await makeUser('secretary');
});

const page = async (user: User, id = first, search = '') => call(loader, await makeRequest(`/assessments/${id}/priorities${search}`, { user }), { assessmentId: String(id) });
const post = async (user: User, form: Record<string, string>, id = first) => call(action, await makeRequest(`/assessments/${id}/priorities`, { user, form }), { assessmentId: String(id) });
const areas = () => listImprovementAreas(first, todayInSofia());
const counts = () => ({
  links: getDb().select({ n: count() }).from(improvementLinks).get()!.n,
  priorities: getDb().select({ n: count() }).from(improvementPriorities).get()!.n,
});

describe('the demo: Lovech 2022 areas for improvement and the 2022-2024 plan', () => {
  it('every measure of the plan answers at least one area, each of its own sub-criterion', () => {
    const planMeasures = getDb().select({ id: measures.id }).from(measures).where(eq(measures.planId, planId)).all();
    const answering = new Set(areas().flatMap((area) => area.measures.map((m) => m.measureId)));
    expect(planMeasures.length).toBeGreaterThan(0);
    for (const { id } of planMeasures) expect(answering.has(id), `measure ${id}`).toBe(true);
    for (const area of areas()) {
      for (const m of area.measures) {
        const refs = getDb().select({ code: measureCafRefs.cafCode }).from(measureCafRefs).where(eq(measureCafRefs.measureId, m.measureId)).all();
        expect(refs.map((ref) => ref.code)).toContain(area.code);
      }
    }
  });

  it('the areas of sub-criteria the plan leaves alone are gaps, all but one decided; most areas are rated', () => {
    const all = areas();
    const gaps = all.filter((area) => area.measures.length === 0);
    const unaddressed = new Set(ASSESSMENT_2022.consensus.filter((c) => c.planMeasures.length === 0).map((c) => c.code));
    expect(new Set(gaps.map((area) => area.code))).toEqual(unaddressed);
    expect(gaps.filter((area) => area.gapDecision === null)).toHaveLength(1);
    expect(all.filter((area) => area.impact !== null).length).toBeGreaterThan(all.length * 0.8);
    expect(all.filter((area) => area.measures.length > 0 && area.gapDecision !== null)).toEqual([]);
  });

  it('is the same on a second run (idempotent)', () => {
    const before = { counts: counts(), areas: areas() };
    seedPriorities(first, planId, ASSESSMENT_2022, 2022, true);
    expect(counts()).toEqual(before.counts);
    expect(areas()).toEqual(before.areas);
  });

  it('a measure shows its progress from the activities, and the plan page one line per measure', async () => {
    const linked = areas().find((area) => area.measures.length > 0)!.measures[0]!;
    expect(linked.progress.total).toBeGreaterThan(0);
    expect(linked.progress.meanPercent).not.toBeNull();
    const answers = measureAnswers(planId);
    const planPage = await (await call(planLoader, await makeRequest(`/plans/${planId}`, { user: viewer }), { planId: String(planId) })).json();
    expect(planPage.answers).toEqual(answers);
    const total = answers.reduce((sum, row) => sum + row.areas, 0);
    expect(total).toBe(getDb().select({ n: count() }).from(improvementLinks).innerJoin(measures, eq(measures.id, improvementLinks.measureId)).where(eq(measures.planId, planId)).get()!.n);
    expect(answers.every((row) => row.assessmentId === first)).toBe(true);
  });
});

describe('the priorities page', () => {
  it('the chair and an admin may edit; a member, an assessor and a viewer read it; a secretary outside the group also edits', async () => {
    expect(await (await page(chair)).json()).toMatchObject({ canEdit: true, canSeePlans: true });
    expect(await (await page(admin)).json()).toMatchObject({ canEdit: true });
    expect(await (await page(otherSecretary)).json()).toMatchObject({ canEdit: true });
    expect(await (await page(member)).json()).toMatchObject({ canEdit: false, canSeePlans: true });
    expect(await (await page(viewer)).json()).toMatchObject({ canEdit: false });
    expect(await (await page(assessor)).json()).toMatchObject({ canEdit: false, canSeePlans: false });
    const target = areas()[0]!;
    for (const user of [member, assessor, viewer]) {
      expect((await post(user, { intent: 'rate', itemId: String(target.itemId), impact: '1', feasibility: '1' })).status).toBe(403);
    }
    expect(areas()[0]).toEqual(target);
  });

  it('is not there before approval: 409 for the group, 403 for others', async () => {
    expect((await page(chair, second)).status).toBe(409);
    expect((await page(viewer, second)).status).toBe(403);
    expect((await post(chair, { intent: 'rate', itemId: '1', impact: '3', feasibility: '3' }, second)).status).toBe(409);
  });

  it('the chair rates an area (audited); a rating off the 1-5 scale is refused', async () => {
    const target = areas().find((area) => area.impact === null)!;
    expect((await post(chair, { intent: 'rate', itemId: String(target.itemId), impact: '6', feasibility: '3' })).status).toBe(400);
    expect((await post(chair, { intent: 'rate', itemId: String(target.itemId), impact: '3', feasibility: '' })).status).toBe(400);
    const saved = await post(chair, { intent: 'rate', itemId: String(target.itemId), impact: '5', feasibility: '4' });
    expect(await saved.json()).toEqual({ ok: 'cyRated' });
    expect(areas().find((area) => area.itemId === target.itemId)).toMatchObject({ impact: 5, feasibility: 4 });
    const event = listAuditEvents('assessment', first).find((e) => e.action === 'priority-rate')!;
    expect(event.after).toEqual({ itemId: target.itemId, impact: 5, feasibility: 4 });
  });

  it('refuses items that are not agreed areas of this assessment (a member\'s own item, a strength)', async () => {
    const own = getDb()
      .select({ id: assessmentItems.id })
      .from(assessmentItems)
      .innerJoin(assessmentSheets, eq(assessmentSheets.id, assessmentItems.sheetId))
      .where(and(eq(assessmentSheets.assessmentId, first), eq(assessmentSheets.userId, member.id), eq(assessmentItems.kind, 'improvement')))
      .get()!;
    const strength = getDb()
      .select({ id: assessmentItems.id })
      .from(assessmentItems)
      .innerJoin(assessmentSheets, eq(assessmentSheets.id, assessmentItems.sheetId))
      .where(and(eq(assessmentSheets.assessmentId, first), isNull(assessmentSheets.userId), eq(assessmentItems.kind, 'strength')))
      .get()!;
    for (const id of [own.id, strength.id]) {
      expect((await post(chair, { intent: 'rate', itemId: String(id), impact: '3', feasibility: '3' })).status).toBe(404);
    }
    expect((await post(chair, { intent: 'rate', itemId: 'abc', impact: '3', feasibility: '3' })).status).toBe(400);
  });

  it('sorts and filters on the server: quick wins of criterion 1', async () => {
    const data = await (await page(viewer, first, '?criterion=1&rating=quick_win&sort=priority')).json();
    const shown = (data.shown as number[]).map((id) => data.areas.find((area: { itemId: number }) => area.itemId === id));
    expect(shown.length).toBeGreaterThan(0);
    for (const area of shown) {
      expect(area.code.startsWith('1.')).toBe(true);
      expect(area.impact).toBeGreaterThanOrEqual(4);
      expect(area.feasibility).toBeGreaterThanOrEqual(4);
    }
  });

  it('?measure= (the plan page link) lists the areas that measure answers', async () => {
    const answer = measureAnswers(planId).find((row) => row.areas > 1)!;
    const data = await (await page(viewer, first, `?measure=${answer.measureId}`)).json();
    expect(data.shown).toHaveLength(answer.areas);
    for (const id of data.shown as number[]) {
      expect(data.areas.find((area: { itemId: number }) => area.itemId === id).measureIds).toContain(answer.measureId);
    }
  });

  it('unlinking the last measure makes a gap; a suggestion links it again; the chair decides on gaps', async () => {
    const target = areas().find((area) => area.measures.length === 1)!;
    const measureId = String(target.measures[0]!.measureId);
    expect(await (await post(chair, { intent: 'unlink', itemId: String(target.itemId), measureId })).json()).toEqual({ ok: 'cyUnlinked' });
    const gap = areas().find((area) => area.itemId === target.itemId)!;
    expect(gap.measures).toEqual([]);
    expect(gap.suggestions[0]).toMatchObject({ measureId: Number(measureId), match: 'sub_criterion' });
    expect(await (await post(chair, { intent: 'gap', itemId: String(target.itemId), decision: 'planned_later' })).json()).toEqual({ ok: 'cyDecided' });
    expect(areas().find((area) => area.itemId === target.itemId)!.gapDecision).toBe('planned_later');
    expect((await post(chair, { intent: 'gap', itemId: String(target.itemId), decision: 'maybe' })).status).toBe(400);
    expect(await (await post(chair, { intent: 'link', itemId: String(target.itemId), measureId })).json()).toEqual({ ok: 'cyLinked' });
    expect((await post(chair, { intent: 'link', itemId: String(target.itemId), measureId })).status).toBe(404);
    expect((await post(chair, { intent: 'link', itemId: String(target.itemId), measureId: '999999' })).status).toBe(404);
    expect(areas().find((area) => area.itemId === target.itemId)!.measures.map((m) => m.measureId)).toEqual([Number(measureId)]);
    const actions = listAuditEvents('assessment', first).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['priority-unlink', 'priority-gap', 'priority-link']));
  });

  it('writes nothing when its audit event cannot be written (one transaction)', async () => {
    const sqlite = getDb().$client;
    const target = areas().find((area) => area.measures.length > 0)!;
    const before = { counts: counts(), area: areas().find((area) => area.itemId === target.itemId) };
    const intents: [string, Record<string, string>][] = [
      ['priority-rate', { intent: 'rate', impact: '1', feasibility: '1' }],
      ['priority-gap', { intent: 'gap', decision: 'accepted' }],
      ['priority-unlink', { intent: 'unlink', measureId: String(target.measures[0]!.measureId) }],
    ];
    for (const [auditAction, form] of intents) {
      sqlite.exec(`create trigger fail_audit before insert on audit_events when new.action = '${auditAction}' begin select raise(abort, 'audit event refused'); end`);
      try {
        await expect(post(chair, { ...form, itemId: String(target.itemId) })).rejects.toThrow('audit event refused');
      } finally {
        sqlite.exec('drop trigger fail_audit');
      }
    }
    expect(counts()).toEqual(before.counts);
    expect(areas().find((area) => area.itemId === target.itemId)).toEqual(before.area);
  });
});
