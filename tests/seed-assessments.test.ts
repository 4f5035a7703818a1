/** The demo's self-assessments as seeded: what the pages of the self-assessment half start from. */
import { asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, dateOfTimestampInSofia, todayInSofia } from '~/domain/dates';
import { stageChangeRefusal } from '~/domain/assessment-stage';
import { consensusOverview, getSheet, memberProgress } from '~/models/assessment-sheet.server';
import { listMembers } from '~/models/assessment.server';
import { assessmentReport } from '~/models/assessment-report.server';
import { previousPanel } from '~/models/plan-follow-up.server';
import { getDb } from '../db/client';
import { ASSESSMENT_2022, ASSESSMENT_2024 } from '../db/demo/assessment-lovech';
import { assessments, plans, users } from '../db/schema';
import { DEMO_USERS, seedDemo } from '../db/seed';

const today = todayInSofia();

beforeAll(async () => {
  await seedDemo(today);
});

const all = () => getDb().select().from(assessments).orderBy(asc(assessments.id)).all();
const userId = (email: string) => getDb().select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;
const dayOf = (at: Date | null) => (at ? dateOfTimestampInSofia(at.getTime()) : null);

describe('the demo self-assessments', () => {
  it('2022 and 2024 approved by their chair, the secretary (15 February 2022, 13 January 2025); the next one started 24 days before the load day, in scoring', () => {
    expect(all()).toHaveLength(3);
    const [first, second, third] = all();
    expect(first).toMatchObject({ title: ASSESSMENT_2022.title, period: '2021', scoringSystem: 'fine_tuned', stage: 'approved', approvedBy: userId('secretary@demo.bg') });
    expect([dayOf(first!.createdAt), dayOf(first!.approvedAt)]).toEqual(['2022-01-10', '2022-02-15']);
    expect(second).toMatchObject({ title: ASSESSMENT_2024.title, period: '2022-2024', stage: 'approved', approvedBy: userId('secretary@demo.bg') });
    expect([dayOf(second!.createdAt), dayOf(second!.approvedAt)]).toEqual(['2024-10-14', '2025-01-13']);
    const started = addDays(today, -24);
    expect(third).toMatchObject({ title: `Самооценка по модела CAF 2020 – ${started.slice(0, 4)} г.`, stage: 'scoring', approvedBy: null, approvedAt: null });
    expect(dayOf(third!.createdAt)).toBe(started);
  });

  it('each group has six members with accounts, the secretary in the chair; the members with no other role are assessors', () => {
    for (const [assessment, demo] of [
      [all()[0]!, ASSESSMENT_2022],
      [all()[1]!, ASSESSMENT_2024],
      [all()[2]!, ASSESSMENT_2024],
    ] as const) {
      const group = listMembers(assessment.id);
      expect(group).toHaveLength(6);
      expect(group.filter((m) => m.membership === 'chair').map((m) => m.email)).toEqual(['secretary@demo.bg']);
      expect(new Set(group.map((m) => m.name))).toEqual(new Set(demo.members.map((m) => m.name)));
    }
    expect(DEMO_USERS.filter((u) => u.role === 'assessor').map((u) => u.email)).toEqual(['nikolova@demo.bg', 'todorov@demo.bg', 'ilieva@demo.bg', 'marinova@demo.bg']);
  });

  it('the 2022 and 2024 consensus score every sub-criterion (so they could be approved), with their lists; every member scored all 28', () => {
    for (const [assessment, demo] of [
      [all()[0]!, ASSESSMENT_2022],
      [all()[1]!, ASSESSMENT_2024],
    ] as const) {
      const overview = consensusOverview(assessment);
      expect(overview).toHaveLength(28);
      expect(overview.every((row) => row.consensus !== null && row.spread?.count === 6)).toBe(true);
      expect(stageChangeRefusal('consensus', 'approved', { members: 6, consensusScored: overview.length, subCriteria: 28 })).toBeNull();
      expect(getSheet(assessment.id, '1.1', null).items).toEqual({ strength: demo.consensus[0]!.strengths, improvement: demo.consensus[0]!.improvements, evidence: [] });
      // The widest spread is discussed first: members did not all score alike.
      expect(overview[0]!.spread!.spread).toBeGreaterThanOrEqual(15);
    }
    expect(getSheet(all()[0]!.id, '1.1', null).scores).toMatchObject({ plan: 30, do: 25, check: 15, act: 10, trends: null, targets: null });
  });

  it('the 2024 report shows the change since 2022: scores up where the plan 2022-2024 worked, its share done, and the areas not addressed', () => {
    const report = assessmentReport(all()[1]!);
    const change = report.change!;
    expect(change.previous.id).toBe(all()[0]!.id);
    expect(change.asOf).toBe('2024-10-14');
    expect(change.plans.map((p) => p.title)).toHaveLength(1);
    expect(change.criteria).toHaveLength(9);
    for (const criterion of change.criteria) {
      expect(criterion.change, criterion.code).not.toBeNull();
      expect(criterion.change!, criterion.code).toBeGreaterThan(0);
    }
    const subs = change.criteria.flatMap((c) => c.subCriteria);
    expect(subs.filter((s) => s.counted > 0 && s.shareDone !== null).length).toBeGreaterThanOrEqual(15);
    expect(subs.filter((s) => s.change !== null && s.change >= 15).length).toBeGreaterThanOrEqual(10);
    expect(subs.some((s) => s.change !== null && s.change < 0)).toBe(true);
    const unaddressed = subs.flatMap((s) => s.unaddressed);
    expect(unaddressed.length).toBeGreaterThanOrEqual(10);
    expect(unaddressed.some((area) => area.outcome === 'no_measure')).toBe(true);
  });

  it('the self-assessment under way: some members have scored all, some part, some nothing yet; its panel shows 2024 and what the plan did so far', () => {
    const running = all()[2]!;
    const scored = (email: string) => memberProgress(running, userId(email)).filter((row) => row.score !== null).length;
    expect(['secretary@demo.bg', 'head@demo.bg', 'it@demo.bg', 'nikolova@demo.bg', 'ilieva@demo.bg', 'marinova@demo.bg'].map(scored)).toEqual([28, 20, 11, 5, 0, 0]);
    expect(memberProgress(running, null).every((row) => row.score === null)).toBe(true);
    const current = getDb().select({ id: plans.id }).from(plans).orderBy(asc(plans.id)).all().at(-1)!;
    const panel = previousPanel(running, '3.2')!;
    expect(panel.previous.id).toBe(all()[1]!.id);
    expect(panel.asOf).toBe(addDays(today, -24));
    expect(panel.plans.map((p) => p.id)).toEqual([current.id]);
    expect(panel.sub.score).not.toBeNull();
    expect(panel.sub.areas.length).toBeGreaterThan(0);
    expect(panel.sub.measures.length).toBeGreaterThan(0);
    expect(panel.sub.measures.flatMap((m) => m.activities).some((a) => a.status !== 'planned')).toBe(true);
  });
});
