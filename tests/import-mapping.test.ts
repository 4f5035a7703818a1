/** The mapping step on the server: an ambiguous file opens it, the chosen mapping re-reads the upload. */
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { action } from '~/routes/plans.import';
import { getDb } from '../db/client';
import { activities, type User } from '../db/schema';
import { call, makeRequest, makeUser } from './helpers';

/** Headers the guess cannot place. */
const AMBIGUOUS = `Графа 1;Графа 2;Графа 3
Обучение на служителите;30.06.2025;ЧР
Нов сайт;31.12.2025;ИТ
`;

let secretary: User;
beforeAll(async () => {
  secretary = await makeUser('secretary');
});

async function upload(csv: string) {
  const form = new FormData();
  form.append('file', new File([csv], 'plan.csv'));
  const response = await call(action, await makeRequest('/plans/import', { user: secretary, form }));
  return { status: response.status, body: await response.json() };
}

async function post(form: Record<string, string | string[]>) {
  const response = await call(action, await makeRequest('/plans/import', { user: secretary, form }));
  return response;
}

const chosen = { 'sheet.0': 'plan.csv', 'header.0': '1', 'col.0.A': 'activity', 'col.0.B': 'end', 'col.0.C': 'owners', 'levels.0': 'every-row', 'kind.0': '' };

describe('the mapping step', () => {
  it('opens on a file the guess cannot read, which cannot be confirmed as it is', async () => {
    const { status, body } = await upload(AMBIGUOUS);
    expect(status).toBe(200);
    expect(body.counts.activities).toBe(0);
    expect(body.problem).toMatch(/^plan\.csv: /);
    expect(body.understanding.needsMapping).toBe(true);
    expect(body.sampleRows[0]).toMatchObject({ sheet: 'plan.csv', rowNumbers: [1, 2, 3] });
    const confirm = await post({ intent: 'confirm', token: body.token });
    expect(confirm.status).toBe(400);
    expect(await confirm.json()).toEqual({ error: 'importNothing' });
  });

  it('reads the upload again by the mapping chosen, and the confirm writes that plan', async () => {
    const { body } = await upload(AMBIGUOUS);
    const remapped = await post({ intent: 'remap', token: body.token, title: 'План', ...chosen });
    expect(remapped.status).toBe(200);
    const preview = await remapped.json();
    expect(preview.problem).toBeNull();
    expect(preview.counts).toEqual({ areas: 1, measures: 2, activities: 2 });
    expect(preview.understanding.mapped).toBe(true);
    expect(preview.understanding.mapping.sheets[0]).toEqual({
      sheet: 'plan.csv',
      headerRows: [1],
      columns: { A: 'activity', B: 'end', C: 'owners' },
      levels: { by: 'every-row' },
      kind: null,
    });
    const confirm = await post({ intent: 'confirm', token: body.token, title: 'План' });
    expect(confirm.status).toBe(302);
    const planId = Number(confirm.headers.get('Location')!.match(/\/plans\/(\d+)/)![1]);
    const rows = getDb().select().from(activities).where(eq(activities.planId, planId)).all();
    expect(rows.map((a) => [a.code, a.title, a.currentEnd])).toEqual([
      ['1.1.1', 'Обучение на служителите', '2025-06-30'],
      ['1.2.1', 'Нов сайт', '2025-12-31'],
    ]);
  });

  it('says what is wrong with a mapping that cannot be applied', async () => {
    const { body } = await upload(AMBIGUOUS);
    const response = await post({ intent: 'remap', token: body.token, ...chosen, 'header.0': [] });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'importMappingInvalid' });
  });

  it('refuses to re-read another user\'s upload', async () => {
    const { body } = await upload(AMBIGUOUS);
    const other = await makeUser('secretary');
    const response = await call(action, await makeRequest('/plans/import', { user: other, form: { intent: 'remap', token: body.token, ...chosen } }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'importExpired' });
  });
});

describe('the mapping kept with the organization', () => {
  const NEXT_QUARTER = `Графа 1;Графа 2;Графа 3
Обучение на служителите;30.09.2025;ЧР
Нов сайт;31.12.2025;ИТ
Анкета;31.03.2026;Главен секретар
`;

  it('is offered, pre-applied, for the next file with the same headers, and can be dropped', async () => {
    const first = (await upload(AMBIGUOUS)).body;
    await post({ intent: 'remap', token: first.token, ...chosen });
    expect((await post({ intent: 'confirm', token: first.token, title: 'План' })).status).toBe(302);

    const next = (await upload(NEXT_QUARTER)).body;
    expect(next.kept).toBe(true);
    expect(next.problem).toBeNull();
    expect(next.understanding.mapped).toBe(true);
    expect(next.counts).toEqual({ areas: 1, measures: 3, activities: 3 });
    expect(next.areas[0].measures[2].activities[0]).toMatchObject({ title: 'Анкета', end: '2026-03-31', owners: ['Главен секретар'] });

    const other = (await upload(AMBIGUOUS.replace('Графа 3', 'Графа 4'))).body;
    expect(other.kept).toBe(false);
    expect(other.problem).not.toBeNull();

    const dropped = await (await post({ intent: 'unmap', token: next.token })).json();
    expect(dropped.kept).toBe(false);
    expect(dropped.understanding.mapped).toBe(false);
    expect(dropped.problem).not.toBeNull();
    expect((await upload(NEXT_QUARTER)).body.kept).toBe(false);
  });
});

describe('the first rows sent for the mapping step', () => {
  it('are bounded in columns and characters', async () => {
    const wide = `${Array.from({ length: 300 }, (_, i) => `Графа ${i}`).join(';')}\n${'х'.repeat(5000)};30.06.2025\n`;
    const { body } = await upload(wide);
    expect(body.sampleRows[0].rows[0]).toHaveLength(52);
    expect(body.sampleRows[0].rows[1][0]).toHaveLength(200);
  });
});
