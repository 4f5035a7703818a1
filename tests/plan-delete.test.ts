/**
 * Undoing an import: a second import of the same file (or of a plan with the same title and
 * period) is warned of in the preview, and a plan imported by mistake is deleted from its page
 * (plan:delete; the title typed when it has status updates; an audit event; its evidence files removed).
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { action as importAction } from '~/routes/plans.import';
import { action as planAction, loader as planLoader } from '~/routes/plans.$planId';
import { listAuditEvents } from '~/models/audit.server';
import type { User } from '../db/schema';
import { getDb } from '../db/client';
import { seedDemo, DEMO_PLAN_FILE } from '../db/seed';
import { call, makeRequest, makeUser } from './helpers';

const CSV = fs.readFileSync('tests/fixtures/lovech-2022-2024.csv', 'utf8');

let secretary: User;
let admin: User;
let head: User;
let viewer: User;
beforeAll(async () => {
  secretary = await makeUser('secretary');
  admin = await makeUser('admin');
  head = await makeUser('head');
  viewer = await makeUser('viewer');
});

type Similar = { id: number; title: string; period: string | null; importedAt: number | null; sameFile: boolean };

async function preview(bytes: string, fileName: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.append('file', new File([bytes], fileName));
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  const response = await call(importAction, await makeRequest('/plans/import', { user: secretary, form }));
  expect(response.status).toBe(200);
  return (await response.json()) as { token: string; title: string; similar: Similar[] };
}

async function importPlan(bytes: string, fileName: string, fields: Record<string, string> = {}): Promise<number> {
  const shown = await preview(bytes, fileName, fields);
  const form = { intent: 'confirm', token: shown.token, title: shown.title, ...fields };
  const confirm = await call(importAction, await makeRequest('/plans/import', { user: secretary, form }));
  expect(confirm.status).toBe(302);
  return Number(/\/plans\/(\d+)/.exec(confirm.headers.get('Location')!)![1]);
}

const sqlite = () => getDb().$client;
const planExists = (id: number) => sqlite().prepare('select 1 from plans where id = ?').get(id) !== undefined;
const activityCount = (id: number) => (sqlite().prepare('select count(*) as n from activities where plan_id = ?').get(id) as { n: number }).n;

async function remove(user: User, planId: number, form: Record<string, string> = {}): Promise<Response> {
  const request = await makeRequest(`/plans/${planId}`, { user, form: { intent: 'delete', ...form } });
  return call(planAction, request, { planId: String(planId) });
}

/** A status update with an evidence file; returns the file's path. */
function recordUpdate(planId: number): string {
  const activity = sqlite().prepare('select id from activities where plan_id = ? limit 1').get(planId) as { id: number };
  const stored = `${'ab'.repeat(16)}.pdf`;
  const file = path.join(process.env.UPLOADS_DIR!, stored);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '%PDF-1.4');
  sqlite()
    .prepare(
      "insert into status_updates (activity_id, user_id, status, percent, as_of, created_at, evidence_file, evidence_file_name) values (?, ?, 'in_progress', 10, '2024-01-10', ?, ?, 'протокол.pdf')",
    )
    .run(activity.id, secretary.id, Date.now(), stored);
  return file;
}

describe('a second import of the same plan', () => {
  it('warns in the preview of a plan from the same file, and of one with the same title and period, naming it and its import date', async () => {
    expect((await preview(CSV, 'lovech.csv')).similar).toEqual([]);
    const first = await importPlan(CSV, 'lovech.csv');
    const stored = sqlite().prepare('select title, period, source_sha256 as sha, imported_at as importedAt from plans where id = ?').get(first) as {
      title: string;
      period: string | null;
      sha: string;
      importedAt: number;
    };
    expect(stored.sha).toMatch(/^[0-9a-f]{64}$/);

    const again = await preview(CSV, 'lovech (1).csv');
    expect(again.similar).toEqual([{ id: first, title: stored.title, period: stored.period, importedAt: stored.importedAt, sameFile: true }]);

    // Other bytes (one more empty line), the same title and period.
    const changed = CSV + '\n';
    const sameTitle = await preview(changed, 'lovech-v2.csv', { title: stored.title });
    expect(sameTitle.similar).toEqual([{ id: first, title: stored.title, period: stored.period, importedAt: stored.importedAt, sameFile: false }]);
    // Another title: nothing to warn of.
    expect((await preview(changed, 'lovech-v2.csv', { title: 'Друг план' })).similar).toEqual([]);
    // A re-import into that plan is not warned of the plan itself.
    expect((await preview(CSV, 'lovech.csv', { planId: String(first) })).similar).toEqual([]);

    await remove(secretary, first);
  });
});

describe('deleting a plan', () => {
  it('lets a secretary delete a plan without updates, with an audit event, and offers it on the page to secretary and admin only', async () => {
    const planId = await importPlan(CSV, 'mistake.csv');
    const page = async (user: User) =>
      (await call(planLoader, await makeRequest(`/plans/${planId}`, { user }), { planId: String(planId) })).json() as Promise<{
        deletion: { statusUpdates: number } | null;
      }>;
    expect((await page(secretary)).deletion).toEqual({ statusUpdates: 0 });
    expect((await page(admin)).deletion).toEqual({ statusUpdates: 0 });
    expect((await page(head)).deletion).toBeNull();
    expect((await page(viewer)).deletion).toBeNull();

    expect((await remove(head, planId)).status).toBe(403);
    expect((await remove(viewer, planId)).status).toBe(403);
    expect(planExists(planId)).toBe(true);

    const response = await remove(secretary, planId);
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/plans?deleted=1');
    expect(planExists(planId)).toBe(false);
    expect(activityCount(planId)).toBe(0);
    const event = listAuditEvents('plan', planId).find((e) => e.action === 'delete')!;
    expect(event.before).toMatchObject({ sourceFileName: 'mistake.csv', statusUpdates: 0 });
    expect((event.before as { activities: number }).activities).toBeGreaterThan(0);
    expect((await remove(secretary, planId)).status).toBe(404);
  });

  it('asks for the title of a plan with recorded status updates', async () => {
    const planId = await importPlan(CSV, 'with-updates.csv');
    const title = (sqlite().prepare('select title from plans where id = ?').get(planId) as { title: string }).title;
    const evidence = recordUpdate(planId);

    const untyped = await remove(admin, planId);
    expect(untyped.status).toBe(400);
    expect(await untyped.json()).toEqual({ error: 'planDeleteTitleWrong' });
    expect((await remove(admin, planId, { confirmTitle: 'друго' })).status).toBe(400);
    expect(planExists(planId)).toBe(true);
    expect(fs.existsSync(evidence)).toBe(true);
    expect(listAuditEvents('plan', planId).some((e) => e.action === 'delete')).toBe(false);

    expect((await remove(admin, planId, { confirmTitle: title })).status).toBe(302);
    expect(planExists(planId)).toBe(false);
    expect(fs.existsSync(evidence)).toBe(false); // its evidence file goes with it
    expect(sqlite().prepare('select count(*) as n from status_updates su left join activities a on a.id = su.activity_id where a.id is null').get()).toEqual({ n: 0 });
    expect(listAuditEvents('plan', planId).find((e) => e.action === 'delete')!.before).toMatchObject({ title, statusUpdates: 1 });
  });
});

describe('the demo plan', () => {
  it('keeps the sha256 of its file, so that importing the demo file again is warned of', async () => {
    await seedDemo();
    const demo = sqlite().prepare('select id from plans where source_file_name = ?').get('lovech-2022-2024.xlsx') as { id: number };
    const form = new FormData();
    form.append('file', new File([new Uint8Array(fs.readFileSync(DEMO_PLAN_FILE))], 'plan.xlsx'));
    form.append('title', 'Друго заглавие');
    const response = await call(importAction, await makeRequest('/plans/import', { user: secretary, form }));
    const shown = (await response.json()) as { similar: Similar[] };
    expect(shown.similar.map(({ id, sameFile }) => ({ id, sameFile }))).toEqual([{ id: demo.id, sameFile: true }]);
  });
});
