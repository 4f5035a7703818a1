/** The app side of reading any plan: new activity fields, a status column, read once, nothing saved empty. */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { action } from '~/routes/plans.import';
import { loader as activityLoader } from '~/routes/activities.$activityId';
import { todayInSofia } from '~/domain/dates';
import { activities, plans, statusUpdates, type User } from '../db/schema';
import { databasePath, getDb } from '../db/client';
import { call, makeRequest, makeUser } from './helpers';

const HEADER = '№;Мярка;Дейност;Срок;Отговорник;Индикатор;Целева стойност;Ресурси;Статус';
const PLAN = `${HEADER}
1.1;Обучения;План за обучение;30.06.2025;ЧР;Брой обучени;20 служители;2000 лв.;изпълнена
1.2;Сайт;Обновяване на сайта;текущо;ИТ;Посещения;1000 на месец;;в изпълнение, 40%
`;

let secretary: User;
beforeAll(async () => {
  secretary = await makeUser('secretary');
});

async function preview(csv: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.append('file', new File([csv], 'plan.csv'));
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  const response = await call(action, await makeRequest('/plans/import', { user: secretary, form }));
  return { status: response.status, body: await response.json() };
}

function confirm(token: string, fields: Record<string, string> = {}) {
  return makeRequest('/plans/import', { user: secretary, form: { intent: 'confirm', token, ...fields } }).then((r) => call(action, r));
}

const planIdOf = (response: Response) => Number(response.headers.get('Location')!.match(/\/plans\/(\d+)/)![1]);
const pendingFile = (token: string, ext: string) => path.join(path.dirname(databasePath()), 'pending-imports', token + ext);
const rowsOf = (planId: number) =>
  getDb().select().from(activities).where(and(eq(activities.planId, planId), eq(activities.archived, false))).orderBy(asc(activities.position)).all();

describe('importing the new fields of an activity', () => {
  it('keeps the indicator, resources and ongoing wording, and makes a status column the first status update', async () => {
    const { body } = await preview(PLAN);
    const planId = planIdOf(await confirm(body.token));
    const rows = rowsOf(planId);
    expect(rows.map(({ code, indicator, target, resources, ongoing, ongoingText }) => ({ code, indicator, target, resources, ongoing, ongoingText }))).toEqual([
      { code: '1.1.1', indicator: 'Брой обучени', target: '20 служители', resources: '2000 лв.', ongoing: false, ongoingText: null },
      { code: '1.2.1', indicator: 'Посещения', target: '1000 на месец', resources: null, ongoing: true, ongoingText: 'текущо' },
    ]);
    const updates = rows.map((row) => getDb().select().from(statusUpdates).where(eq(statusUpdates.activityId, row.id)).all());
    expect(updates.map((list) => list.map(({ userId, status, percent, completedOn }) => ({ userId, status, percent, completedOn })))).toEqual([
      [{ userId: secretary.id, status: 'done', percent: 100, completedOn: todayInSofia() }],
      [{ userId: secretary.id, status: 'in_progress', percent: 40, completedOn: null }],
    ]);
    expect(todayInSofia(updates[0]![0]!.createdAt)).toBe(todayInSofia());
    const page = await (await call(activityLoader, await makeRequest(`/activities/${rows[1]!.id}`, { user: secretary }), { activityId: String(rows[1]!.id) })).json();
    expect(page.activity).toMatchObject({ indicator: 'Посещения', target: '1000 на месец', resources: null, ongoing: true, ongoingText: 'текущо' });
  });

  it('the preview says how the file was understood', async () => {
    const { body } = await preview(PLAN);
    const [table] = body.understanding.tables;
    expect(table.headerRows).toEqual([1]);
    expect(table.columns.map((c: { column: string; meaning: string }) => `${c.column}:${c.meaning}`)).toEqual([
      'A:code', 'B:measure', 'C:activity', 'D:period', 'E:owners', 'F:indicator', 'G:target', 'H:resources', 'I:status',
    ]);
    expect(table.levelsFound).toEqual(['measure', 'activity']);
    expect(table.rows).toMatchObject({ measures: 2, activities: 2 });
  });

  it('re-import compares and writes the new fields, and leaves the status history of matched activities alone', async () => {
    const planId = planIdOf(await confirm((await preview(PLAN)).body.token));
    const edited = PLAN.replace('Брой обучени', 'Обучени служители').replace(';;в изпълнение, 40%', ';500 лв.;изпълнена').replace('текущо', 'ежегодно');
    const { body } = await preview(edited, { planId: String(planId) });
    expect(body.diff.changed).toEqual([
      { code: '1.1.1', title: 'План за обучение', changes: [{ field: 'indicator', before: 'Брой обучени', after: 'Обучени служители' }] },
      {
        code: '1.2.1',
        title: 'Обновяване на сайта',
        changes: [
          { field: 'ongoingText', before: 'текущо', after: 'ежегодно' },
          { field: 'resources', before: '', after: '500 лв.' },
        ],
      },
    ]);
    expect((await confirm(body.token, { planId: String(planId) })).status).toBe(302);
    const rows = rowsOf(planId);
    expect(rows.map(({ indicator, resources, ongoingText }) => ({ indicator, resources, ongoingText }))).toEqual([
      { indicator: 'Обучени служители', resources: '2000 лв.', ongoingText: null },
      { indicator: 'Посещения', resources: '500 лв.', ongoingText: 'ежегодно' },
    ]);
    expect(getDb().select().from(statusUpdates).where(eq(statusUpdates.activityId, rows[1]!.id)).all()).toHaveLength(1);
  });
});

describe('the file is read once per upload', () => {
  it('writes the plan the preview showed, without reading the stored file again', async () => {
    const { body } = await preview(PLAN);
    expect(body.counts).toEqual({ areas: 1, measures: 2, activities: 2 });
    fs.writeFileSync(pendingFile(body.token, '.bin'), `${HEADER}\n9.9;Друга;Друга дейност;2026;ИТ;;;;\n`);
    const planId = planIdOf(await confirm(body.token));
    expect(rowsOf(planId).map((a) => a.title)).toEqual(['План за обучение', 'Обновяване на сайта']);
  });
});

describe('nothing recognised is never saved', () => {
  const planCount = () => getDb().select().from(plans).all().length;

  it('a file with a header but no activity gives a preview that says why and cannot be confirmed', async () => {
    const before = planCount();
    const { status, body } = await preview(`${HEADER}\n`);
    expect(status).toBe(200);
    expect(body.counts.activities).toBe(0);
    expect(body.problem).toMatch(/^plan\.csv: /);
    expect((await confirm(body.token)).status).toBe(400);
    expect(planCount()).toBe(before);
  });

  it('refuses to confirm a plan without activities', async () => {
    const { body } = await preview(PLAN);
    const stored = JSON.parse(fs.readFileSync(pendingFile(body.token, '.plan.json'), 'utf8'));
    fs.writeFileSync(pendingFile(body.token, '.plan.json'), JSON.stringify({ ...stored, areas: [] }));
    const before = planCount();
    const response = await confirm(body.token);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'importNothing' });
    expect(planCount()).toBe(before);
  });
});
