import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { action, loader } from '~/routes/plans.import';
import { updateUser } from '~/models/user.server';
import { getDb } from '../db/client';
import { activities, plans, scheduleChanges, statusUpdates } from '../db/schema';
import type { User } from '../db/schema';
import { call, makeRequest, makeUser } from './helpers';
import { planRows, planXlsx, sharedStringsXml, type Cell } from './hostile/xlsx-builder';

const XLSX = fs.readFileSync('tests/fixtures/lovech-2022-2024.xlsx');
const CSV = fs.readFileSync('tests/fixtures/lovech-2022-2024.csv', 'utf8');

let secretary: User;
let head: User;
beforeAll(async () => {
  secretary = await makeUser('secretary');
  head = await makeUser('head');
});

function upload(user: User, bytes: Buffer | string, fileName: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.append('file', new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], fileName));
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  return makeRequest('/plans/import', { user, form });
}

const planCount = () => getDb().select().from(plans).all().length;

async function previewAndConfirm(user: User, bytes: Buffer | string, fileName: string, fields: Record<string, string> = {}) {
  const preview = await (await call(action, await upload(user, bytes, fileName, fields))).json();
  const confirm = await call(
    action,
    await makeRequest('/plans/import', { user, form: { intent: 'confirm', token: preview.token, title: preview.title, ...fields } }),
  );
  return { preview, confirm };
}

describe('plan upload', () => {
  it('previews the Lovech plan without writing anything, then imports it on confirm', async () => {
    const before = planCount();
    const response = await call(action, await upload(secretary, XLSX, 'lovech-2022-2024.xlsx'));
    expect(response.status).toBe(200);
    const preview = await response.json();
    expect(preview.counts).toEqual({ areas: 3, measures: 32, activities: 54 });
    expect(preview.warnings).toHaveLength(1);
    expect(preview.warnings[0]).toEqual({
      sheet: 'План за подобрение',
      row: 43,
      column: 'Наименование на дейността',
      message: 'кодът на дейност 2.8.2 е използван два пъти (и на ред 42); запазени са и двете',
    });
    expect(preview.sampleRows[0].rows[0].join(' ')).toContain('УТВЪРЖДАВАМ');
    expect(planCount()).toBe(before);

    const confirm = await call(
      action,
      await makeRequest('/plans/import', { user: secretary, form: { intent: 'confirm', token: preview.token, title: 'План Ловеч' } }),
    );
    expect(confirm.status).toBe(302);
    const planId = Number(confirm.headers.get('Location')!.match(/\/plans\/(\d+)/)![1]);
    const plan = getDb().select().from(plans).where(eq(plans.id, planId)).get()!;
    expect(plan.title).toBe('План Ловеч');
    expect(plan.sourceFileName).toBe('lovech-2022-2024.xlsx');
    expect(getDb().select().from(activities).where(eq(activities.planId, planId)).all()).toHaveLength(54);
  });

  it('cuts a long cell for the preview, noting its length, and imports it whole', async () => {
    // One 32,000-character note used by 300 rows: 9.6 million characters, which the preview sent whole.
    const note = 'Дълга бележка. '.repeat(2200).slice(0, 32_000);
    const rows = Array.from({ length: 300 }, (_, i): Cell[] => ['1.1. Мярка', `1.1.${i + 1}. Дейност`, '01.03.2023', '30.06.2023', null, null, { raw: '<c r="$REF" t="s"><v>0</v></c>' }]);
    const bytes = planXlsx([...planRows().slice(0, 3), ...rows], { sharedStrings: sharedStringsXml([note]) });
    const response = await call(action, await upload(secretary, Buffer.from(bytes), 'long.xlsx'));
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text.length).toBeLessThan(300_000);
    const preview = JSON.parse(text);
    const shown = preview.areas[0].measures[0].activities[0].note;
    expect(shown).toBe(`${note.slice(0, 200)}… (съкратено тук; целият текст е ${(32_000).toLocaleString('bg-BG')} знака и се импортира изцяло)`);
    expect(preview.counts.activities).toBe(300);

    const confirm = await call(action, await makeRequest('/plans/import', { user: secretary, form: { intent: 'confirm', token: preview.token, title: 'Дълги бележки' } }));
    expect(confirm.status).toBe(302);
    const planId = Number(confirm.headers.get('Location')!.match(/\/plans\/(\d+)/)![1]);
    const notes = getDb().select({ note: activities.note }).from(activities).where(eq(activities.planId, planId)).all();
    expect(notes).toHaveLength(300);
    for (const row of notes) expect(row.note).toBe(note);
  });

  it('refuses a corrupt file with the reason, in the language of the person, and writes nothing', async () => {
    const before = planCount();
    const response = await call(action, await upload(secretary, '%PDF-1.7 not a spreadsheet', 'plan.xlsx'));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'importUnreadable', detail: 'plan.xlsx: това не е файл на Excel .xlsx (това е PDF документ)' });
    const english = await makeUser('secretary');
    updateUser(english.id, { language: 'en' });
    const inEnglish = await call(action, await upload(english, '%PDF-1.7 not a spreadsheet', 'plan.xlsx'));
    expect(await inEnglish.json()).toEqual({ error: 'importUnreadable', detail: 'plan.xlsx: not an Excel .xlsx file (it is a PDF document)' });
    expect(planCount()).toBe(before);
  });

  it('tells an empty file (named) from no file chosen', async () => {
    const before = planCount();
    const empty = await call(action, await upload(secretary, '', 'план-2025.xlsx'));
    expect(empty.status).toBe(400);
    expect(await empty.json()).toEqual({ error: 'uploadEmptyFile', params: { file: 'план-2025.xlsx' } });
    // No file chosen: a browser sends the file field as an empty part without a file name.
    const none = await call(action, await upload(secretary, '', ''));
    expect(none.status).toBe(400);
    expect(await none.json()).toEqual({ error: 'importNoFile' });
    expect(planCount()).toBe(before);
  });

  it('refuses a file over 20 MB before reading it', async () => {
    const request = await upload(secretary, XLSX, 'big.xlsx');
    const headers = new Headers(request.headers);
    headers.set('Content-Length', String(21 * 1024 * 1024));
    const response = await call(action, new Request(request, { headers }));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: 'importTooLarge' });
  });

  it('does not let another user confirm a preview', async () => {
    const preview = await (await call(action, await upload(secretary, XLSX, 'lovech.xlsx'))).json();
    const other = await makeUser('secretary');
    const response = await call(action, await makeRequest('/plans/import', { user: other, form: { intent: 'confirm', token: preview.token } }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'importExpired' });
  });

  it('lets only the uploader, or an admin, cancel a preview', async () => {
    const preview = await (await call(action, await upload(secretary, XLSX, 'lovech.xlsx'))).json();
    const other = await makeUser('secretary');
    const cancel = async (user: User) => call(action, await makeRequest('/plans/import', { user, form: { intent: 'cancel', token: preview.token } }));
    expect((await cancel(other)).status).toBe(404);
    const again = await (await call(action, await upload(secretary, XLSX, 'lovech.xlsx'))).json();
    const byAdmin = await call(action, await makeRequest('/plans/import', { user: await makeUser('admin'), form: { intent: 'cancel', token: again.token } }));
    expect(byAdmin.status).toBe(302);
    const confirmGone = await call(action, await makeRequest('/plans/import', { user: secretary, form: { intent: 'confirm', token: again.token } }));
    expect(confirmGone.status).toBe(400);
    // The first preview was not cancelled by the other secretary.
    const first = await call(action, await makeRequest('/plans/import', { user: secretary, form: { intent: 'confirm', token: preview.token, title: 'Още един' } }));
    expect(first.status).toBe(302);
  });

  it('is closed to heads and viewers, even by direct post', async () => {
    expect((await call(loader, await makeRequest('/plans/import', { user: head }))).status).toBe(403);
    expect((await call(action, await upload(head, XLSX, 'lovech.xlsx'))).status).toBe(403);
    const viewer = await makeUser('viewer');
    expect((await call(action, await upload(viewer, XLSX, 'lovech.xlsx'))).status).toBe(403);
  });
});

describe('re-import of an edited plan', () => {
  it('shows the diff, then applies it keeping every status update and the baseline', async () => {
    const { confirm } = await previewAndConfirm(secretary, CSV, 'lovech.csv');
    const planId = Number(confirm.headers.get('Location')!.match(/\/plans\/(\d+)/)![1]);
    const byCode = (code: string) =>
      getDb().select().from(activities).where(and(eq(activities.planId, planId), eq(activities.code, code))).get()!;
    const first = byCode('1.1.2');
    getDb().insert(statusUpdates).values({ activityId: first.id, userId: secretary.id, status: 'in_progress', percent: 40, asOf: '2024-01-10' }).run();
    getDb().insert(statusUpdates).values({ activityId: byCode('3.4.3').id, userId: secretary.id, status: 'in_progress', percent: 10, asOf: '2024-01-10' }).run();

    const lines = CSV.split('\n');
    const edited = lines
      .map((line) => (line.includes(';1.1.2. ') ? line.replace(';18.3.2022;15.9.2022;', ';18.3.2022;30.9.2022;') : line))
      .filter((line) => !line.includes(';3.4.3. '))
      .concat(
        '3.4. Проследяване на работните процеси с цел опростяване и подобряване качеството на изпълнение.;3.4.4. Въвеждане на електронни работни потоци.;;;1.10.2022;31.12.2023;Въведени потоци;експерт ИТ;',
      )
      .join('\n');

    const preview = await (await call(action, await upload(secretary, edited, 'lovech-v2.csv', { planId: String(planId) }))).json();
    expect(preview.diff.added).toEqual([
      { code: '3.4.4', title: 'Въвеждане на електронни работни потоци.', measureCode: '3.4' },
    ]);
    expect(preview.diff.removed.map((r: { code: string }) => r.code)).toEqual(['3.4.3']);
    expect(preview.diff.changed).toEqual([
      { code: '1.1.2', title: 'Подготовка на чернови вариант на Стратегията.', changes: [{ field: 'end', before: '2022-09-15', after: '2022-09-30' }] },
    ]);
    expect(preview.diff.unchanged).toBe(52);

    const apply = await call(
      action,
      await makeRequest('/plans/import', { user: secretary, form: { intent: 'confirm', token: preview.token, planId: String(planId) } }),
    );
    expect(apply.headers.get('Location')).toBe(`/plans/${planId}?reimported=1-1-1`);

    const after = byCode('1.1.2');
    expect(after.id).toBe(first.id);
    expect(after.baselineEnd).toBe('2022-09-15');
    expect(after.currentEnd).toBe('2022-09-30');
    expect(getDb().select().from(scheduleChanges).where(eq(scheduleChanges.activityId, first.id)).all()).toMatchObject([
      { previousEnd: '2022-09-15', newEnd: '2022-09-30' },
    ]);
    expect(byCode('3.4.3').archived).toBe(true);
    expect(byCode('3.4.4').archived).toBe(false);
    expect(getDb().select().from(statusUpdates).all().map((u) => u.activityId)).toEqual([first.id, byCode('3.4.3').id]);
  });
});
