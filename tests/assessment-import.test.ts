/** /assessments/import: upload, preview, and an all-or-nothing save into a new assessment. */
import { count, eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { SUB_CRITERIA } from '~/domain/assessment-scoring';
import { getSheet } from '~/models/assessment-sheet.server';
import { action, loader } from '~/routes/assessments.import';
import { assessmentItems, assessmentMembers, assessments, assessmentSheets, auditEvents, type User } from '../db/schema';
import { getDb } from '../db/client';
import { workbookBytes } from '../importers/test-support';
import { call, makeRequest, makeUser } from './helpers';

let secretary: User;
let other: User;

beforeAll(async () => {
  secretary = await makeUser('secretary');
  other = await makeUser('secretary');
});

async function upload(bytes: Uint8Array, fileName: string, user = secretary) {
  const form = new FormData();
  form.append('file', new File([Buffer.from(bytes)], fileName));
  return call(action, await makeRequest('/assessments/import', { user, form }));
}

/** Uploads and returns the preview token the redirect carries. */
async function previewToken(bytes: Uint8Array, fileName = 'samoocenka.xlsx'): Promise<string> {
  const response = await upload(bytes, fileName);
  expect(response.status).toBe(302);
  return new URL(response.headers.get('Location')!, 'http://x').searchParams.get('preview')!;
}

const confirm = async (token: string, fields: Record<string, string>, user = secretary) =>
  call(action, await makeRequest('/assessments/import', { user, form: { intent: 'confirm', token, ...fields } }));

const assessmentCount = () => getDb().select({ n: count() }).from(assessments).get()!.n;

const partial = () =>
  workbookBytes([
    {
      name: 'Самооценка',
      rows: [
        ['Самооценка 2023'],
        ['Подкритерий', 'Оценка', 'Силни страни', 'Области за подобрение'],
        ['1.1', 45, 'Мисия\nВизия', 'Няма ценности'],
        ['1.2', 38.5, null, 'Няма риск'],
        ['1.3', 'много', 'Ръководството е достъпно', null],
      ],
    },
  ]);

/** All 28 sub-criteria, fine-tuned: phases for enablers, trends and targets for results. */
const complete = () =>
  workbookBytes([
    {
      name: 'Fine',
      rows: [
        ['Подкритерий', 'Планиране', 'Изпълнение', 'Проверка', 'Корекция', 'Тенденции', 'Цели', 'Силни страни'],
        ...SUB_CRITERIA.map(({ code }) => (Number(code[0]) <= 5 ? [code, 40, 35, 30, 20, null, null, `Силна страна ${code}`] : [code, null, null, null, null, 30, 25, `Силна страна ${code}`])),
      ],
    },
  ]);

describe('assessment import', () => {
  it('the preview shows what was read, with each warning where it is', async () => {
    const token = await previewToken(await partial());
    const data = await (await call(loader, await makeRequest(`/assessments/import?preview=${token}`, { user: secretary }))).json();
    expect(data.preview.assessment).toMatchObject({ title: 'Самооценка 2023', scoring: 'classical' });
    expect(data.preview.assessment.subCriteria.map((s: { code: string; score: number | null }) => [s.code, s.score])).toEqual([
      ['1.1', 45],
      ['1.2', 38.5],
      ['1.3', null],
    ]);
    expect(data.preview.assessment.warnings[0]).toMatchObject({ sheet: 'Самооценка', row: 5, column: 'Оценка' });
    expect(data.preview.unscored).toHaveLength(26);
    expect(data.preview.rounded).toBe(true); // 38.5 is saved as 39
  });

  it('saves the preview as a new assessment in the consensus stage, chaired by the importer, scores as whole numbers', async () => {
    const token = await previewToken(await partial());
    const response = await confirm(token, { title: 'Самооценка 2023', period: '2023', stage: 'consensus' });
    expect(response.status).toBe(302);
    const id = Number(response.headers.get('Location')!.split('/').pop());
    expect(getDb().select().from(assessments).where(eq(assessments.id, id)).get()).toMatchObject({ stage: 'consensus', scoringSystem: 'classical', period: '2023', approvedBy: null });
    expect(getDb().select().from(assessmentMembers).where(eq(assessmentMembers.assessmentId, id)).all()).toEqual([{ assessmentId: id, userId: secretary.id, role: 'chair' }]);
    expect(getSheet(id, '1.1', null)).toMatchObject({ scores: { score: 45 }, items: { strength: ['Мисия', 'Визия'], improvement: ['Няма ценности'] } });
    expect(getSheet(id, '1.2', null).scores.score).toBe(39);
    expect(getSheet(id, '1.3', null)).toMatchObject({ scores: { score: null }, items: { strength: ['Ръководството е достъпно'] } });
    expect(getDb().select().from(auditEvents).where(eq(auditEvents.entityId, id)).all().some((e) => e.action === 'import')).toBe(true);
    // The upload is gone once saved: the same preview cannot be saved twice.
    expect((await confirm(token, { title: 'x', period: '2023', stage: 'consensus' })).status).toBe(404);
  });

  it('refuses to save as approved unless all 28 sub-criteria have a consensus score, and then writes nothing', async () => {
    const token = await previewToken(await partial());
    const before = assessmentCount();
    const response = await confirm(token, { title: 'Самооценка 2023', period: '2023', stage: 'approved' });
    expect(response.status).toBe(409);
    expect((await response.json()).error).toBe('aiStageConsensusMissing');
    expect(assessmentCount()).toBe(before);
  });

  it('saves a complete fine-tuned file as approved by the importer', async () => {
    const token = await previewToken(await complete(), 'fine.xlsx');
    // The means (31.25) are not saved, the whole-number phases are: nothing is rounded.
    const preview = await (await call(loader, await makeRequest(`/assessments/import?preview=${token}`, { user: secretary }))).json();
    expect(preview.preview).toMatchObject({ rounded: false, unscored: [] });
    const response = await confirm(token, { title: 'CAF 2023', period: '2022-2023', stage: 'approved' });
    expect(response.status).toBe(302);
    const id = Number(response.headers.get('Location')!.split('/').pop());
    expect(getDb().select().from(assessments).where(eq(assessments.id, id)).get()).toMatchObject({ stage: 'approved', scoringSystem: 'fine_tuned', approvedBy: secretary.id });
    const sheets = getDb().select().from(assessmentSheets).where(eq(assessmentSheets.assessmentId, id)).all();
    expect(sheets).toHaveLength(28);
    expect(sheets.every((s) => s.userId === null)).toBe(true);
    expect(getSheet(id, '9.2', null).scores).toMatchObject({ trends: 30, targets: 25, plan: null, score: null });
    expect(getSheet(id, '4.6', null).scores).toMatchObject({ plan: 40, do: 35, check: 30, act: 20, score: null });
  });

  it("another person's preview, a missing title or period, and an unreadable file are refused without writing", async () => {
    const token = await previewToken(await partial());
    const before = assessmentCount();
    expect((await confirm(token, { title: 'T', period: '2023', stage: 'consensus' }, other)).status).toBe(404);
    expect((await confirm(token, { title: ' ', period: '2023', stage: 'consensus' })).status).toBe(400);
    expect((await confirm(token, { title: 'T', period: '', stage: 'consensus' })).status).toBe(400);
    const unreadable = await upload(await workbookBytes([{ name: 'План', rows: [['Дейност', 'Срок'], ['Обучение', '2024']] }]), 'plan.xlsx');
    expect(unreadable.status).toBe(400);
    expect((await unreadable.json()).detail).toMatch(/^plan\.xlsx: нито един лист няма таблица на самооценка/);
    expect(assessmentCount()).toBe(before);
    expect(getDb().select({ n: count() }).from(assessmentItems).get()!.n).toBeGreaterThan(0); // items of the earlier tests only
    expect(getDb().select({ n: count() }).from(assessmentSheets).where(isNull(assessmentSheets.userId)).get()!.n).toBe(3 + 28);
  });
});
