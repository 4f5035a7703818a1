/**
 * What forms and URLs accept (app/domain/form-input.ts): ids in decimal digits only, texts
 * people type stripped of control and bidi-override characters and limited in length,
 * uploaded file names stripped too.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { idSchema } from '~/domain/form-input';
import { loader as activityLoader, action as activityAction } from '~/routes/activities.$activityId';
import { action as usersAction } from '~/routes/admin.users';
import { action as ownersAction } from '~/routes/admin.owners';
import { loader as csvLoader } from '~/routes/plans.$planId[.csv]';
import { storeEvidenceFile } from '~/evidence-files.server';
import { seedDemo } from '../db/seed';
import { activities, owners, statusUpdates, users, type User } from '../db/schema';
import { getDb } from '../db/client';
import { call, makeRequest, makeUser } from './helpers';

const HOSTILE = 'a\u0000b\u001b[31mc\u202Ed\u2066e';

let admin: User;
let activity: { id: number; planId: number };
beforeAll(async () => {
  await seedDemo();
  admin = await makeUser('admin');
  activity = getDb().select().from(activities).orderBy(activities.id).limit(1).offset(15).get()!;
});

describe('ids', () => {
  it('are decimal digits only', () => {
    for (const good of ['1', '16', '2147483648']) expect(idSchema.safeParse(good).success, good).toBe(true);
    for (const bad of ['0x10', '1e1', ' 16', '16 ', '+16', '016', '16.0', '0', '-1', '', '2147483649', '99999999999']) {
      expect(idSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('in a URL: /activities/0x10 is not activity 16, /plans/0x…csv not the plan', async () => {
    const hex = `0x${activity.id.toString(16)}`;
    expect((await call(activityLoader, await makeRequest(`/activities/${activity.id}`, { user: admin }), { activityId: String(activity.id) })).status).toBe(200);
    expect((await call(activityLoader, await makeRequest(`/activities/${hex}`, { user: admin }), { activityId: hex })).status).toBe(404);
    expect((await call(activityLoader, await makeRequest(`/activities/1e0`, { user: admin }), { activityId: `${activity.id}e0` })).status).toBe(404);
    expect((await call(csvLoader, await makeRequest(`/plans/x.csv`, { user: admin }), { planId: `0x${activity.planId.toString(16)}` })).status).toBe(404);
  });
});

describe('texts people send', () => {
  it('lose NUL, ESC and bidi overrides in a status comment, an owner name and a user name', async () => {
    const form = { intent: 'status', status: 'in_progress', percent: '10', comment: HOSTILE };
    const saved = await call(activityAction, await makeRequest(`/activities/${activity.id}`, { user: admin, form }), { activityId: String(activity.id) });
    expect(saved.status).toBe(200);
    const update = getDb().select().from(statusUpdates).where(eq(statusUpdates.activityId, activity.id)).orderBy(desc(statusUpdates.id)).get()!;
    expect(update.comment).toBe('ab[31mcde');

    const owner = getDb().select().from(owners).limit(1).get()!;
    await call(ownersAction, await makeRequest('/admin/owners', { user: admin, form: { intent: 'rename', ownerId: String(owner.id), name: `Отдел ${HOSTILE}` } }));
    expect(getDb().select().from(owners).where(eq(owners.id, owner.id)).get()!.name).toBe('Отдел ab[31mcde');

    const created = await call(usersAction, await makeRequest('/admin/users', { user: admin, form: { intent: 'create', email: 'rtl@test.bg', name: `Иван ${HOSTILE}`, role: 'viewer', password: '' } }));
    expect(created.status).toBe(200);
    expect(getDb().select().from(users).where(eq(users.email, 'rtl@test.bg')).get()!.name).toBe('Иван ab[31mcde');
  });

  it('are limited in length', async () => {
    const tooLong = await call(usersAction, await makeRequest('/admin/users', { user: admin, form: { intent: 'create', email: 'long@test.bg', name: 'я'.repeat(201), role: 'viewer', password: '' } }));
    expect(tooLong.status).toBe(400);
    expect(await tooLong.json()).toMatchObject({ errors: { name: 'fieldTooLong' } });
    const longEmail = await call(usersAction, await makeRequest('/admin/users', { user: admin, form: { intent: 'create', email: `${'a'.repeat(250)}@test.bg`, name: 'Иван', role: 'viewer', password: '' } }));
    expect(longEmail.status).toBe(400);
    expect(getDb().select().from(users).where(eq(users.name, 'я'.repeat(201))).get()).toBeUndefined();
  });

  it('uploaded evidence keeps its name without control or bidi-override characters', async () => {
    const stored = await storeEvidenceFile(new File(['%PDF-1.4'], 'отчет\u202Efdp.exe\u0000\u001b.pdf'));
    expect(stored.evidenceFileName).toBe('отчетfdp.exe.pdf');
  });
});
