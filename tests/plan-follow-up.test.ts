/**
 * What the plan did about the previous self-assessment, on a hand-made pair of assessments and a
 * plan (a real SQLite database): the scoring page's panel, the report's change section (page and
 * .xlsx) and the dashboard's criteria beside the latest scores, each figure worked out by hand.
 *
 * Assessment A (classical, started 2022-11-01, approved 2023-01-10): 1.1 = 30, 1.2 = 40, 1.3 = 50,
 * 1.4 = 60, the rest 50; areas for improvement: 1.1 "A1" (linked to M1) and "A2" (no measure),
 * 1.2 "B1" (linked to M2). Assessment B (fine-tuned, started 2024-10-01, approved 2025-02-01):
 * 1.1 = mean(50, 50, 40, 40) = 45, 1.2 = 40, 1.3 = 50, 1.4 = 60, criterion 2 all 20, the rest 70.
 * The plan: M1 (CAF 1.1) with a1 done on 2024-05-01, a2 in progress, a3 done only on 2024-11-01
 * (after B started); M2 (CAF 1.2) with b1 planned; M3 (CAF criterion 1) with c1 done on
 * 2024-03-01; M4 (CAF 2.1) with d1 planned.
 */
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { SUB_CRITERIA, type Scores } from '~/domain/assessment-scoring';
import { startOfDayInSofia } from '~/domain/dates';
import { criteriaAttention } from '~/domain/plan-follow-up';
import type { AssessmentReport } from '~/domain/assessment-data';
import type { Status } from '~/domain/status';
import { getDashboard } from '~/models/dashboard.server';
import { previousPanel } from '~/models/plan-follow-up.server';
import { loader as reportLoader } from '~/routes/assessments.$assessmentId.report';
import { loader as xlsxLoader } from '~/routes/assessments.$assessmentId.report[.xlsx]';
import { loader as scoreLoader } from '~/routes/assessments.$assessmentId.score.$code';
import { getDb } from '../db/client';
import {
  activities,
  areas,
  assessmentItems,
  assessmentMembers,
  assessments,
  assessmentSheets,
  improvementLinks,
  measureCafRefs,
  measures,
  organizations,
  plans,
  statusUpdates,
  type Assessment,
  type User,
} from '../db/schema';
import { call, makeRequest, makeUser } from './helpers';

let a: Assessment, b: Assessment, chair: User, planId: number;
const items = new Map<string, number>();
const measureIds = new Map<string, number>();

function makeAssessment(title: string, system: 'classical' | 'fine_tuned', started: string, approved: string, scoreOf: (code: string) => Scores): Assessment {
  const db = getDb();
  const row = db
    .insert(assessments)
    .values({ title, period: title, scoringSystem: system, stage: 'approved', createdBy: chair.id, approvedBy: chair.id, approvedAt: new Date(startOfDayInSofia(approved)), createdAt: new Date(startOfDayInSofia(started)) })
    .returning()
    .get();
  db.insert(assessmentMembers).values({ assessmentId: row.id, userId: chair.id, role: 'chair' }).run();
  for (const { code } of SUB_CRITERIA) db.insert(assessmentSheets).values({ assessmentId: row.id, cafCode: code, userId: null, ...scoreOf(code) }).run();
  return row;
}

function addArea(assessment: Assessment, code: string, text: string, position: number): void {
  const sheet = getDb().select().from(assessmentSheets).where(eq(assessmentSheets.assessmentId, assessment.id)).all().find((s) => s.cafCode === code && s.userId === null)!;
  items.set(text, getDb().insert(assessmentItems).values({ sheetId: sheet.id, kind: 'improvement', text, position }).returning().get().id);
}

const fine = (code: string): Scores => {
  if (code === '1.1') return { plan: 50, do: 50, check: 40, act: 40 };
  const value = code === '1.2' ? 40 : code === '1.3' ? 50 : code === '1.4' ? 60 : code[0] === '2' ? 20 : 70;
  return Number(code[0]) <= 5 ? { plan: value, do: value, check: value, act: value } : { trends: value, targets: value };
};

beforeAll(async () => {
  chair = await makeUser('secretary');
  const db = getDb();
  a = makeAssessment('A', 'classical', '2022-11-01', '2023-01-10', (code) => ({ score: { '1.1': 30, '1.2': 40, '1.3': 50, '1.4': 60 }[code] ?? 50 }));
  b = makeAssessment('B', 'fine_tuned', '2024-10-01', '2025-02-01', fine);
  addArea(a, '1.1', 'A1', 0);
  addArea(a, '1.1', 'A2', 1);
  addArea(a, '1.2', 'B1', 0);
  const org = db.insert(organizations).values({ name: 'Org' }).returning().get();
  planId = db.insert(plans).values({ organizationId: org.id, title: 'Plan 2023-2025', period: '2023-2025' }).returning().get().id;
  const area = db.insert(areas).values({ planId, code: '1', title: 'Area', position: 0 }).returning().get();
  const made: [string, string, [string, Status | null, string | null][]][] = [
    ['M1', '1.1', [['a1', 'done', '2024-05-01'], ['a2', 'in_progress', '2024-06-01'], ['a3', 'done', '2024-11-01']]],
    ['M2', '1.2', [['b1', null, null]]],
    ['M3', '1', [['c1', 'done', '2024-03-01']]],
    ['M4', '2.1', [['d1', null, null]]],
  ];
  made.forEach(([code, caf, acts], position) => {
    const measure = db.insert(measures).values({ planId, areaId: area.id, code, title: `Measure ${code}`, position }).returning().get();
    measureIds.set(code, measure.id);
    db.insert(measureCafRefs).values({ measureId: measure.id, cafCode: caf }).run();
    acts.forEach(([actCode, status, asOf], index) => {
      const activity = db
        .insert(activities)
        .values({ planId, measureId: measure.id, code: actCode, title: `Activity ${actCode}`, baselineEnd: '2026-12-31', position: index })
        .returning()
        .get();
      if (status) db.insert(statusUpdates).values({ activityId: activity.id, status, percent: status === 'done' ? 100 : 50, asOf: asOf!, createdAt: new Date(startOfDayInSofia(asOf!)) }).run();
    });
  });
  db.insert(improvementLinks).values({ itemId: items.get('A1')!, measureId: measureIds.get('M1')! }).run();
  db.insert(improvementLinks).values({ itemId: items.get('B1')!, measureId: measureIds.get('M2')! }).run();
});

describe('the previous self-assessment panel', () => {
  it('shows the previous score, the areas with what became of them and the measures as of the start', () => {
    const panel = previousPanel(b, '1.1')!;
    expect(panel.previous).toMatchObject({ id: a.id, scoringSystem: 'classical' });
    expect(panel.asOf).toBe('2024-10-01');
    expect(panel.plans).toEqual([{ id: planId, title: 'Plan 2023-2025' }]);
    expect(panel.sub.score).toBe(30);
    expect(panel.sub.areas.map((area) => [area.text, area.outcome])).toEqual([
      ['A1', 'addressed'],
      ['A2', 'no_measure'],
    ]);
    expect(panel.sub.measures).toHaveLength(1);
    const m1 = panel.sub.measures[0]!;
    expect(m1).toMatchObject({ code: 'M1', byCaf: true, byLink: true });
    // a3 is done only after the start: in progress? no update before: planned.
    expect(m1.activities.map((act) => [act.code, act.status])).toEqual([
      ['a1', 'done'],
      ['a2', 'in_progress'],
      ['a3', 'planned'],
    ]);
    expect(panel.sub.progress).toMatchObject({ done: 1, counted: 3 });
    const onB1 = previousPanel(b, '1.2')!.sub;
    expect(onB1.areas.map((area) => area.outcome)).toEqual(['nothing_done']);
    expect(previousPanel(a, '1.1')).toBeNull();
  });

  it('is on the scoring page of a member of a later assessment under way', async () => {
    const c = getDb()
      .insert(assessments)
      .values({ title: 'C', period: 'C', scoringSystem: 'classical', stage: 'scoring', createdBy: chair.id })
      .returning()
      .get();
    getDb().insert(assessmentMembers).values({ assessmentId: c.id, userId: chair.id, role: 'chair' }).run();
    const data = await (await call(scoreLoader, await makeRequest(`/assessments/${c.id}/score/1.2`, { user: chair }), { assessmentId: String(c.id), code: '1.2' })).json();
    // C's previous is the latest approved, B (no plan answers B's areas: none linked).
    expect(data.previous).toMatchObject({ previous: { id: b.id }, plans: [], sub: { code: '1.2', score: 40, areas: [], measures: [] } });
    getDb().delete(assessments).where(eq(assessments.id, c.id)).run();
  });
});

describe('the report: change since the previous self-assessment', () => {
  it('gives the score change beside the share of activities done as of the start, and the areas not addressed', async () => {
    const { report } = (await (await call(reportLoader, await makeRequest(`/assessments/${b.id}/report`, { user: chair }), { assessmentId: String(b.id) })).json()) as { report: AssessmentReport };
    const change = report.change!;
    expect(change).toMatchObject({ asOf: '2024-10-01', systemsDiffer: true, previous: { id: a.id } });
    const first = change.criteria[0]!;
    // A: (30 + 40 + 50 + 60) / 4 = 45; B: (45 + 40 + 50 + 60) / 4 = 48.75. Activities: a1, a2, a3, b1, c1: done a1, c1.
    expect(first).toMatchObject({ previous: 45, now: 48.75, change: 3.75, done: 2, counted: 5, shareDone: 0.4 });
    expect(first.subCriteria[0]).toMatchObject({ code: '1.1', previous: 30, now: 45, change: 15, done: 1, counted: 3 });
    expect(first.subCriteria[0]!.unaddressed.map((area) => [area.text, area.outcome])).toEqual([['A2', 'no_measure']]);
    expect(first.subCriteria[1]).toMatchObject({ code: '1.2', previous: 40, now: 40, change: 0, done: 0, counted: 1, shareDone: 0 });
    expect(first.subCriteria[1]!.unaddressed.map((area) => area.outcome)).toEqual(['nothing_done']);
    expect(first.subCriteria[2]).toMatchObject({ code: '1.3', change: 0, counted: 0, shareDone: null, unaddressed: [] });
    // Criterion 2: A 50, B 20; d1 planned.
    expect(change.criteria[1]).toMatchObject({ previous: 50, now: 20, change: -30, done: 0, counted: 1 });
  });

  it('puts the same section in the .xlsx', async () => {
    const response = await call(xlsxLoader, await makeRequest(`/assessments/${b.id}/report.xlsx`, { user: chair }), { assessmentId: String(b.id) });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets.find((ws) => ws.name === 'Промяна')!;
    expect(sheet).toBeDefined();
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const row11 = rows.find((row) => row[1] === '1.1')!;
    expect(row11.slice(3, 8)).toEqual([30, 45, 15, 1, 3]);
    expect(String(row11[9])).toContain('A2');
  });
});

describe('the dashboard: progress by criterion beside the latest scores', () => {
  it('puts low score with little progress first, in words as well', () => {
    const dashboard = getDashboard({ planId, asOf: '2026-06-30', today: '2026-06-30' });
    expect(dashboard.assessment).toMatchObject({ id: b.id, title: 'B' });
    expect(dashboard.assessment!.scores['1']).toBe(48.75);
    const rows = criteriaAttention(dashboard.caf, dashboard.assessment!.scores);
    // Criterion 2: score 20, d1 planned (0 of 1 done): stands out. Criterion 1: 48.75 but 3 of 5 done. The rest: 70.
    expect(rows[0]).toMatchObject({ code: '2', score: 20, activities: 1, shareDone: 0, standsOut: true });
    expect(rows.filter((row) => row.standsOut).map((row) => row.code)).toEqual(['2']);
    expect(rows[1]).toMatchObject({ code: '1', score: 48.75, activities: 5, shareDone: 0.6, standsOut: false });
  });
});
