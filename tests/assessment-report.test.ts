/** The approved self-assessment's report: its numbers, who may read it, the comparison with the one before, and the .xlsx. */
import ExcelJS from 'exceljs';
import { asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { SUB_CRITERIA } from '~/domain/assessment-scoring';
import { assessmentReport } from '~/models/assessment-report.server';
import { importAssessment } from '~/models/assessment-import.server';
import { loader as pageLoader } from '~/routes/assessments.$assessmentId.report';
import { loader as xlsxLoader } from '~/routes/assessments.$assessmentId.report[.xlsx]';
import { seedDemo } from '../db/seed';
import { assessments, users, type Assessment, type User } from '../db/schema';
import { ASSESSMENT_2022, ASSESSMENT_2024 } from '../db/demo/assessment-lovech';
import { getDb } from '../db/client';
import { call, makeRequest } from './helpers';

let approved: Assessment;
let scoring: Assessment;
let approved2024: Assessment;
const user = (email: string) => getDb().select().from(users).where(eq(users.email, email)).get()! as User;

beforeAll(async () => {
  await seedDemo();
  const all = getDb().select().from(assessments).orderBy(asc(assessments.id)).all();
  [approved, scoring] = [all[0]!, all.at(-1)!]; // 2022; the one under way
  approved2024 = all[1]!;
});

describe('assessment report', () => {
  it('gives each sub-criterion its agreed lists and score (the mean of the phases), each criterion the mean of its sub-criteria', () => {
    const report = assessmentReport(approved);
    expect(report.criteria.map((c) => c.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    const first = report.criteria[0]!;
    expect(first.subCriteria[0]).toMatchObject({ code: '1.1', score: 20, strengths: ASSESSMENT_2022.consensus[0]!.strengths, previous: null });
    // 1.1: 20, 1.2: 32.5, 1.3: 25, 1.4: 37.5
    expect(first.score).toBe(28.75);
    expect(report.criteria[5]!.subCriteria.map((s) => s.score)).toEqual([17.5, 32.5]);
    expect(report.members).toHaveLength(6);
    expect(report.assessment.approvedBy).toBe('Мария Петрова');
    expect(report.previous).toBeNull();
    expect(report.enablers! > report.results!).toBe(true);
  });

  it('compares a later approved self-assessment with the one before it', () => {
    const later = importAssessment(
      user('secretary@demo.bg'),
      {
        title: 'CAF 2024',
        scoring: 'fine-tuned',
        warnings: [],
        subCriteria: SUB_CRITERIA.map(({ code }) => ({
          code,
          score: null,
          phases: Number(code[0]) <= 5 ? { plan: 50, do: 50, check: 40, act: 40 } : null,
          trends: Number(code[0]) <= 5 ? null : 40,
          targets: Number(code[0]) <= 5 ? null : 30,
          strengths: [],
          improvements: [],
        })),
      },
      { title: 'CAF 2024', period: '2022-2024', stage: 'approved', fileName: 'x.xlsx' },
    );
    if (!later.ok) throw new Error(later.reason);
    const report = assessmentReport(getDb().select().from(assessments).where(eq(assessments.id, later.id)).get()!);
    expect(report.previous).toMatchObject({ id: approved2024.id, title: ASSESSMENT_2024.title });
    // 2024: 1.1 (50, 45, 30, 20) 36.25, 1.2 43.75, 1.3 46.25, 1.4 48.75
    expect(report.criteria[0]!.subCriteria[0]).toMatchObject({ code: '1.1', score: 45, previous: 36.25 });
    expect(report.criteria[0]!.previous).toBe(43.75);
  });

  it('is for whoever may view the approved assessment; not before approval', async () => {
    const page = (id: number, email: string) => makeRequest(`/assessments/${id}/report`, { user: user(email) }).then((r) => call(pageLoader, r, { assessmentId: String(id) }));
    expect((await page(approved.id, 'viewer@demo.bg')).status).toBe(200);
    expect((await page(approved.id, 'nikolova@demo.bg')).status).toBe(200); // a member, role assessor
    expect((await page(scoring.id, 'secretary@demo.bg')).status).toBe(409); // the chair, but not approved yet
    expect((await page(scoring.id, 'viewer@demo.bg')).status).toBe(403);
    expect((await page(999_999, 'viewer@demo.bg')).status).toBe(404);
  });

  it('the .xlsx has a summary and the 28 sub-criteria with their lists, score cells in their band colour', async () => {
    const request = await makeRequest(`/assessments/${approved.id}/report.xlsx`, { user: user('viewer@demo.bg') });
    const response = await call(xlsxLoader, request, { assessmentId: String(approved.id) });
    expect(response.headers.get('Content-Type')).toMatch(/spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Резюме', 'Подкритерии']);
    const detail = workbook.getWorksheet('Подкритерии')!;
    const rows = detail.getSheetValues().filter(Boolean) as unknown[][];
    const row11 = rows.find((r) => r[1] === '1.1')!;
    expect(row11.slice(3, 6)).toEqual(['30 / 25 / 15 / 10', 20, null].map((v) => v ?? undefined));
    expect(String(row11[6])).toContain(`• ${ASSESSMENT_2022.consensus[0]!.strengths[0]}`);
    const cell = detail.getRow(rows.indexOf(row11) + 1).getCell(4);
    expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFE3703B'); // 20: band 11-30
  });
});
