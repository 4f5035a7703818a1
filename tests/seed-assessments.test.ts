/** The demo's self-assessments as seeded: what the pages of the self-assessment half start from. */
import { asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { dateOfTimestampInSofia } from '~/domain/dates';
import { stageChangeRefusal } from '~/domain/assessment-stage';
import { consensusOverview, getSheet, memberProgress } from '~/models/assessment-sheet.server';
import { listMembers } from '~/models/assessment.server';
import { getDb } from '../db/client';
import { ASSESSMENT_2022, ASSESSMENT_2024 } from '../db/demo/assessment-lovech';
import { assessments, users } from '../db/schema';
import { DEMO_USERS, seedDemo } from '../db/seed';

beforeAll(async () => {
  await seedDemo();
});

const all = () => getDb().select().from(assessments).orderBy(asc(assessments.id)).all();
const userId = (email: string) => getDb().select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;

describe('the demo self-assessments', () => {
  it('2022 approved by its chair, the secretary, on 15 February 2022; 2024 in the scoring stage', () => {
    const [first, second] = all();
    expect(all()).toHaveLength(2);
    expect(first).toMatchObject({ title: ASSESSMENT_2022.title, period: '2021', scoringSystem: 'fine_tuned', stage: 'approved', approvedBy: userId('secretary@demo.bg') });
    expect(dateOfTimestampInSofia(first!.approvedAt!.getTime())).toBe('2022-02-15');
    expect(dateOfTimestampInSofia(first!.createdAt.getTime())).toBe('2022-01-10');
    expect(second).toMatchObject({ stage: 'scoring', approvedBy: null, approvedAt: null });
  });

  it('each group has six members with accounts, the secretary in the chair; the members with no other role are assessors', () => {
    for (const [assessment, demo] of [
      [all()[0]!, ASSESSMENT_2022],
      [all()[1]!, ASSESSMENT_2024],
    ] as const) {
      const group = listMembers(assessment.id);
      expect(group).toHaveLength(6);
      expect(group.filter((m) => m.membership === 'chair').map((m) => m.email)).toEqual(['secretary@demo.bg']);
      expect(new Set(group.map((m) => m.name))).toEqual(new Set(demo.members.map((m) => m.name)));
    }
    expect(DEMO_USERS.filter((u) => u.role === 'assessor').map((u) => u.email)).toEqual(['nikolova@demo.bg', 'todorov@demo.bg', 'ilieva@demo.bg', 'marinova@demo.bg']);
  });

  it('the 2022 consensus scores every sub-criterion (so it could be approved), with its lists; every member scored all 28', () => {
    const first = all()[0]!;
    const overview = consensusOverview(first);
    expect(overview.every((row) => row.consensus !== null && row.spread?.count === 6)).toBe(true);
    expect(stageChangeRefusal('consensus', 'approved', { members: 6, consensusScored: overview.length, subCriteria: 28 })).toBeNull();
    expect(getSheet(first.id, '1.1', null)).toMatchObject({
      scores: { plan: 30, do: 25, check: 15, act: 10, trends: null, targets: null },
      items: { strength: ASSESSMENT_2022.consensus[0]!.strengths, improvement: ASSESSMENT_2022.consensus[0]!.improvements, evidence: [] },
    });
    // The widest spread is discussed first: members did not all score alike.
    expect(overview[0]!.spread!.spread).toBeGreaterThanOrEqual(15);
  });

  it('2024: some members have scored all, some part, some nothing yet', () => {
    const second = all()[1]!;
    const scored = (email: string) => memberProgress(second, userId(email)).filter((row) => row.score !== null).length;
    expect([scored('secretary@demo.bg'), scored('head@demo.bg'), scored('it@demo.bg'), scored('nikolova@demo.bg'), scored('ilieva@demo.bg'), scored('marinova@demo.bg')]).toEqual([28, 20, 11, 5, 0, 0]);
    expect(memberProgress(second, null).every((row) => row.score === null)).toBe(true);
  });
});
