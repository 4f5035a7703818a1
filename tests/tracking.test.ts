/**
 * The tracking routes called as the browser would: plan page, activity page (status update,
 * edit, reschedule, evidence), my activities, owners admin; a role x action matrix.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findOrCreateOwner } from '~/models/owner.server';
import { recordStatusUpdate, isOwnActivity, latestStatusUpdate } from '~/models/status-update.server';
import { MAX_EVIDENCE_BYTES } from '~/evidence-files.server';
import { loader as planLoader } from '~/routes/plans.$planId';
import { loader as activitiesLoader } from '~/routes/activities._index';
import { action as activityAction, loader as activityLoader } from '~/routes/activities.$activityId';
import { loader as evidenceLoader } from '~/routes/activities.$activityId.evidence.$updateId';
import { action as myAction, loader as myLoader } from '~/routes/my';
import { action as ownersAction, loader as ownersLoader } from '~/routes/admin.owners';
import { seedDemo } from '../db/seed';
import { getDb } from '../db/client';
import type { User } from '../db/schema';
import { call, makeRequest, makeUser } from './helpers';

const sqlite = () => getDb().$client;
const one = <T>(sql: string, ...params: unknown[]) => sqlite().prepare(sql).get(...params) as T;
const version = (id: number) => one<{ version: number }>('select version from activities where id = ?', id).version;
const auditCount = (entity: string, id: number, action: string) =>
  one<{ n: number }>('select count(*) as n from audit_events where entity = ? and entity_id = ? and action = ?', entity, id, action).n;

let planId: number;
let orgId: number;
let itOwner: number;
let headsOwner: number;
let itActivity: number; // 3.2.x, owned by "експерт ИТ" only
let otherActivity: number; // not owned by "експерт ИТ"
let users: Record<'admin' | 'secretary' | 'headOwn' | 'headOther' | 'viewer', User>;

beforeAll(async () => {
  await seedDemo();
  planId = one<{ id: number }>('select id from plans').id;
  orgId = one<{ id: number }>('select organization_id as id from plans').id;
  itOwner = one<{ id: number }>("select id from owners where name = 'експерт ИТ'").id;
  // The demo's "експерт ИТ" activities are co-owned by "директори на дирекции"; the APOFUS head owns none of them.
  headsOwner = one<{ id: number }>("select id from owners where name = 'директор на дирекция АПОФУС'").id;
  itActivity = one<{ id: number }>(
    `select a.id from activities a where a.code like '3.2.%'
       and exists (select 1 from activity_owners ao where ao.activity_id = a.id and ao.owner_id = ?)
       and not exists (select 1 from activity_owners ao where ao.activity_id = a.id and ao.owner_id = ?)
     order by a.position limit 1`,
    itOwner,
    headsOwner,
  ).id;
  otherActivity = one<{ id: number }>(
    'select a.id from activities a where not exists (select 1 from activity_owners ao where ao.activity_id = a.id and ao.owner_id = ?) order by a.position limit 1',
    itOwner,
  ).id;
  users = {
    admin: await makeUser('admin'),
    secretary: await makeUser('secretary'),
    headOwn: await makeUser('head', [itOwner]),
    headOther: await makeUser('head', [headsOwner]),
    viewer: await makeUser('viewer'),
  };
});

async function postActivity(user: User | undefined, activityId: number, form: Record<string, string> | FormData) {
  return call(activityAction, await makeRequest(`/activities/${activityId}`, { user, form }), { activityId: String(activityId) });
}

describe('plan page and cross-plan list', () => {
  it('shows the plan with its areas, counts and progress, filtered by the URL', async () => {
    const response = await call(planLoader, await makeRequest(`/plans/${planId}?area=2&asOf=2023-06-30&sort=bogus`, { user: users.viewer }), {
      planId: String(planId),
    });
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.plan.title).toBeTruthy();
    expect(data.plan.approvedBy).toContain('Виктор Стойчев');
    expect(data.filters).toEqual({ area: '2', asOf: '2023-06-30' });
    expect(data.rows.length).toBeGreaterThan(0);
    expect(data.rows.every((r: { areaCode: string }) => r.areaCode === '2')).toBe(true);
    // the figures are those of the filtered set (area 2), the plan's own total is kept for "N of M"
    expect(data.progress.planTotal).toBe(54);
    expect(data.progress.overall.total).toBe(data.rows.length);
    expect(data.progress.areas.map((a: { total: number }) => a.total).reduce((x: number, y: number) => x + y, 0)).toBe(data.rows.length);
    const area2 = data.progress.areas.find((a: { code: string }) => a.code === '2');
    expect(area2.total).toBe(data.rows.length);
  });

  it('answers 404 for an unknown plan and sends visitors to the login page', async () => {
    expect((await call(planLoader, await makeRequest('/plans/9999', { user: users.viewer }), { planId: '9999' })).status).toBe(404);
    expect((await call(planLoader, await makeRequest('/plans/abc', { user: users.viewer }), { planId: 'abc' })).status).toBe(404);
    expect((await call(planLoader, await makeRequest(`/plans/${planId}`), { planId: String(planId) })).status).toBe(302);
  });

  it('lists activities across plans with the same filters, plus plan=', async () => {
    const all = await (await call(activitiesLoader, await makeRequest('/activities?status=done&asOf=2023-06-30', { user: users.viewer }))).json();
    expect(all.rows.length).toBeGreaterThan(0);
    expect(all.rows.every((r: { status: string }) => r.status === 'done')).toBe(true);
    const none = await (await call(activitiesLoader, await makeRequest('/activities?plan=9999', { user: users.viewer }))).json();
    expect(none.rows).toEqual([]);
  });
});

describe('status updates', () => {
  it('records an update: a new history row, version bumped, an audit event; the page shows it', async () => {
    const before = version(itActivity);
    const response = await postActivity(users.headOwn, itActivity, {
      intent: 'status',
      version: String(before),
      status: 'in_progress',
      percent: '45',
      comment: 'Доставени са 3 от 5 компютъра.',
      evidenceUrl: 'https://example.bg/protokol.pdf',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, message: 'trUpdateSaved' });
    expect(version(itActivity)).toBe(before + 1);
    expect(latestStatusUpdate(itActivity)).toMatchObject({ status: 'in_progress', percent: 45, comment: 'Доставени са 3 от 5 компютъра.' });
    expect(auditCount('activity', itActivity, 'status-update')).toBeGreaterThan(0);
    const page = await (await call(activityLoader, await makeRequest(`/activities/${itActivity}`, { user: users.headOwn }), { activityId: String(itActivity) })).json();
    expect(page.activity.state).toMatchObject({ status: 'in_progress', percent: 45 });
    expect(page.activity.updates[0]).toMatchObject({ comment: 'Доставени са 3 от 5 компютъра.', evidenceUrl: 'https://example.bg/protokol.pdf' });
    expect(page.canUpdate).toBe(true);
    expect(page.canEdit).toBe(false);
    expect(page.activity.audit[0].action).toBe('status-update');
  });

  it('refuses invalid input with field errors (400) and records nothing', async () => {
    const before = version(itActivity);
    const response = await postActivity(users.headOwn, itActivity, {
      intent: 'status',
      status: 'finished',
      percent: '140',
      evidenceUrl: 'javascript:alert(1)',
      comment: 'пазя този текст',
    });
    expect(response.status).toBe(400);
    const data = await response.json();
    expect(data.errors).toMatchObject({ status: 'trStatusRequired', percent: 'trPercentInvalid', evidenceUrl: 'trUrlInvalid' });
    expect(data.values.comment).toBe('пазя този текст');
    expect(version(itActivity)).toBe(before);
  });

  it('refuses a stale submit with 409, shows the newer update and keeps the text', async () => {
    const rendered = version(itActivity);
    // Someone else reports first.
    const other = recordStatusUpdate({
      activityId: itActivity,
      userId: users.secretary.id,
      status: 'postponed',
      percent: 50,
      comment: 'Чакаме доставчика.',
      completedOn: null,
      expectedVersion: rendered,
    });
    expect(other.ok).toBe(true);
    const response = await postActivity(users.headOwn, itActivity, {
      intent: 'status',
      version: String(rendered),
      status: 'done',
      percent: '100',
      comment: 'Моят текст, който не бива да се губи.',
    });
    expect(response.status).toBe(409);
    const data = await response.json();
    expect(data.stale.version).toBe(rendered + 1);
    expect(data.stale.latest).toMatchObject({ status: 'postponed', percent: 50, comment: 'Чакаме доставчика.', userName: users.secretary.name });
    expect(data.values).toMatchObject({ status: 'done', comment: 'Моят текст, който не бива да се губи.' });
    expect(latestStatusUpdate(itActivity)!.status).toBe('postponed');
    // The model says the same, and accepts the submit against the new version.
    const stale = recordStatusUpdate({ activityId: itActivity, userId: users.headOwn.id, status: 'done', percent: 100, comment: null, completedOn: null, expectedVersion: rendered });
    expect(stale).toMatchObject({ ok: false, reason: 'stale', latest: { status: 'postponed' } });
    const retry = await postActivity(users.headOwn, itActivity, { intent: 'status', version: String(rendered + 1), status: 'in_progress', percent: '60' });
    expect(retry.status).toBe(200);
  });

  it('records done as 100% with a completion day whoever records it (completionOf)', () => {
    const recorded = (activityId: number) =>
      one<{ percent: number; completedOn: string | null }>(
        'select percent, completed_on as completedOn from status_updates where activity_id = ? order by id desc limit 1',
        activityId,
      );
    recordStatusUpdate({ activityId: otherActivity, userId: users.secretary.id, status: 'done', percent: 40, comment: null, completedOn: null, asOf: '2024-03-29' });
    expect(recorded(otherActivity)).toEqual({ percent: 100, completedOn: '2024-03-29' });
    recordStatusUpdate({ activityId: otherActivity, userId: users.secretary.id, status: 'in_progress', percent: 60, comment: null, completedOn: '2024-03-01' });
    expect(recorded(otherActivity)).toEqual({ percent: 60, completedOn: null });
  });

  it('knows which activities are the user’s own, in SQL', () => {
    expect(isOwnActivity(users.headOwn.id, itActivity)).toBe(true);
    expect(isOwnActivity(users.headOwn.id, otherActivity)).toBe(false);
    expect(isOwnActivity(users.headOther.id, itActivity)).toBe(false);
  });
});

describe('evidence files', () => {
  it('stores an upload under a generated name and serves it back only as a download to signed-in users', async () => {
    const content = Buffer.from('%PDF-1.4 протокол за приемане');
    const form = new FormData();
    form.append('intent', 'status');
    form.append('status', 'in_progress');
    form.append('percent', '70');
    form.append('comment', 'Протоколът е приложен.');
    form.append('evidenceFile', new File([content], 'протокол за приемане.pdf', { type: 'application/pdf' }));
    const response = await postActivity(users.headOwn, itActivity, form);
    expect(response.status).toBe(200);
    const row = one<{ id: number; evidence_file: string; evidence_file_name: string }>(
      'select id, evidence_file, evidence_file_name from status_updates where activity_id = ? order by id desc limit 1',
      itActivity,
    );
    expect(row.evidence_file).toMatch(/^[0-9a-f]{32}\.pdf$/);
    expect(row.evidence_file_name).toBe('протокол за приемане.pdf');
    expect(fs.readFileSync(path.join(process.env.UPLOADS_DIR!, row.evidence_file))).toEqual(content);

    const params = { activityId: String(itActivity), updateId: String(row.id) };
    const download = await call(evidenceLoader, await makeRequest(`/activities/${itActivity}/evidence/${row.id}`, { user: users.viewer }), params);
    expect(download.status).toBe(200);
    expect(download.headers.get('Content-Disposition')).toMatch(/^attachment; filename="_+ _+ _+\.pdf"; filename\*=UTF-8''/);
    expect(download.headers.get('Content-Disposition')).toContain(encodeURIComponent('протокол за приемане.pdf'));
    expect(download.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(download.headers.get('Content-Type')).toBe('application/octet-stream');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(content);

    const anonymous = await call(evidenceLoader, await makeRequest(`/activities/${itActivity}/evidence/${row.id}`), params);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('Location')).toMatch(/^\/login/);
    const wrongActivity = await call(evidenceLoader, await makeRequest(`/activities/${otherActivity}/evidence/${row.id}`, { user: users.viewer }), {
      activityId: String(otherActivity),
      updateId: String(row.id),
    });
    expect(wrongActivity.status).toBe(404);
  });

  it('refuses a file over 10 MB with a clear message and records nothing', async () => {
    const before = version(itActivity);
    const files = fs.existsSync(process.env.UPLOADS_DIR!) ? fs.readdirSync(process.env.UPLOADS_DIR!).length : 0;
    const form = new FormData();
    form.append('intent', 'status');
    form.append('status', 'in_progress');
    form.append('evidenceFile', new File([new Uint8Array(MAX_EVIDENCE_BYTES + 1)], 'big.zip'));
    const response = await postActivity(users.headOwn, itActivity, form);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ ok: false, errors: { evidenceFile: 'trFileTooLarge' } });
    expect(version(itActivity)).toBe(before);
    expect(fs.existsSync(process.env.UPLOADS_DIR!) ? fs.readdirSync(process.env.UPLOADS_DIR!).length : 0).toBe(files);
  });
});

describe('edit and reschedule', () => {
  it('lets a secretary edit fields and owners, with an audit event', async () => {
    const activity = otherActivity;
    const response = await postActivity(users.secretary, activity, {
      intent: 'edit',
      version: String(version(activity)),
      title: 'Ново наименование на дейността',
      start: '2022-03-01',
      baselineEnd: '2022-05-31',
      target: '1 утвърден документ',
      note: '',
      ownerIds: String(itOwner),
    } as Record<string, string>);
    expect(response.status).toBe(200);
    const row = one<{ title: string; start: string; baseline_end: string; target: string }>('select * from activities where id = ?', activity);
    expect(row).toMatchObject({ title: 'Ново наименование на дейността', start: '2022-03-01', baseline_end: '2022-05-31', target: '1 утвърден документ' });
    expect(isOwnActivity(users.headOwn.id, activity)).toBe(true);
    expect(auditCount('activity', activity, 'edit')).toBe(1);
    const bad = await postActivity(users.secretary, activity, { intent: 'edit', title: ' ', start: '2022-06-01', baselineEnd: '2022-05-01' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors).toMatchObject({ title: 'trTitleRequired', baselineEnd: 'trEndBeforeStart' });
  });

  it('reschedules with a reason: the baseline stays, the slip shows, a stale form is refused', async () => {
    const activity = one<{ id: number; baseline_end: string }>(
      'select id, baseline_end from activities where baseline_end is not null and ongoing = 0 and id not in (?, ?) order by position desc limit 1',
      itActivity,
      otherActivity,
    );
    const v = version(activity.id);
    const missingReason = await postActivity(users.secretary, activity.id, { intent: 'reschedule', version: String(v), newEnd: '2026-12-31', reason: '' });
    expect(missingReason.status).toBe(400);
    expect((await missingReason.json()).errors).toMatchObject({ reason: 'trReasonRequired' });
    const response = await postActivity(users.secretary, activity.id, { intent: 'reschedule', version: String(v), newEnd: '2026-12-31', reason: 'Забавена обществена поръчка.' });
    expect(response.status).toBe(200);
    const row = one<{ baseline_end: string; current_end: string }>('select baseline_end, current_end from activities where id = ?', activity.id);
    expect(row).toEqual({ baseline_end: activity.baseline_end, current_end: '2026-12-31' });
    const change = one<{ previous_end: string; new_end: string; reason: string }>(
      'select previous_end, new_end, reason from schedule_changes where activity_id = ? order by id desc limit 1',
      activity.id,
    );
    expect(change.new_end).toBe('2026-12-31');
    expect(change.reason).toBe('Забавена обществена поръчка.');
    const page = await (await call(activityLoader, await makeRequest(`/activities/${activity.id}`, { user: users.secretary }), { activityId: String(activity.id) })).json();
    expect(page.activity.state.end).toBe('2026-12-31');
    expect(page.activity.state.slipDays).toBeGreaterThan(0);
    expect(page.activity.baselineEnd).toBe(activity.baseline_end);
    expect(auditCount('activity', activity.id, 'reschedule')).toBe(1);
    const stale = await postActivity(users.secretary, activity.id, { intent: 'reschedule', version: String(v), newEnd: '2027-01-31', reason: 'Отново.' });
    expect(stale.status).toBe(409);
    expect((await stale.json()).staleChange).toMatchObject({ action: 'reschedule' });
  });
});

describe('my activities', () => {
  it('lists only the activities of the user’s owners, most urgent first', async () => {
    const data = await (await call(myLoader, await makeRequest('/my', { user: users.headOwn }))).json();
    expect(data.linked).toBe(true);
    expect(data.owners).toEqual(['експерт ИТ']);
    expect(data.rows.length).toBeGreaterThan(0);
    for (const row of data.rows) expect(isOwnActivity(users.headOwn.id, row.id)).toBe(true);
    const tier = (r: { status: string; overdue: boolean }) => (r.status === 'done' || r.status === 'cancelled' ? 2 : r.overdue ? 0 : 1);
    const tiers = data.rows.map(tier);
    expect(tiers).toEqual([...tiers].sort());
  });

  it('says so when the user is linked to no owner', async () => {
    const data = await (await call(myLoader, await makeRequest('/my', { user: users.admin }))).json();
    expect(data).toMatchObject({ linked: false, rows: [] });
  });

  it('records a quick update on an own activity and refuses another owner’s (403)', async () => {
    const v = version(itActivity);
    const ok = await call(
      myAction,
      await makeRequest('/my', { user: users.headOwn, form: { intent: 'status', activityId: String(itActivity), version: String(v), status: 'in_progress', percent: '80', comment: 'Бързо.' } }),
    );
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, activityId: itActivity });
    expect(latestStatusUpdate(itActivity)).toMatchObject({ percent: 80, comment: 'Бързо.' });
    const forbidden = await call(
      myAction,
      await makeRequest('/my', { user: users.headOther, form: { intent: 'status', activityId: String(itActivity), status: 'done', percent: '100' } }),
    );
    expect(forbidden.status).toBe(403);
    const stale = await call(
      myAction,
      await makeRequest('/my', { user: users.headOwn, form: { intent: 'status', activityId: String(itActivity), version: String(v), status: 'done', percent: '', comment: 'остарял' } }),
    );
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ ok: false, stale: { latest: { comment: 'Бързо.' } }, values: { comment: 'остарял' } });
  });

  it('offers the next most urgent open activity after a quick update, in the order of the list', async () => {
    const before = await (await call(myLoader, await makeRequest('/my', { user: users.headOwn }))).json();
    const open = before.rows.filter((r: { status: string }) => r.status !== 'done' && r.status !== 'cancelled');
    expect(open.length).toBeGreaterThan(1);
    const first = open[0];
    const res = await call(
      myAction,
      await makeRequest('/my', { user: users.headOwn, form: { intent: 'status', activityId: String(first.id), version: String(first.version), status: 'in_progress', percent: '10', comment: '' } }),
    );
    expect(res.status).toBe(200);
    const after = await (await call(myLoader, await makeRequest('/my', { user: users.headOwn }))).json();
    const expected = after.rows.find((r: { id: number; status: string }) => r.id !== first.id && r.status !== 'done' && r.status !== 'cancelled');
    expect(await res.json()).toMatchObject({ ok: true, next: { id: expected.id, code: expected.code, title: expected.title } });
  });
});

describe('the next activity after an update on the activity page', () => {
  it('offers the user’s next most urgent open activity, and none to a user linked to no owner', async () => {
    const before = await (await call(myLoader, await makeRequest('/my', { user: users.headOwn }))).json();
    const open = before.rows.filter((r: { status: string }) => r.status !== 'done' && r.status !== 'cancelled');
    const first = open[0];
    const res = await postActivity(users.headOwn, first.id, { intent: 'status', version: String(version(first.id)), status: 'in_progress', percent: '20', comment: '' });
    expect(res.status).toBe(200);
    const after = await (await call(myLoader, await makeRequest('/my', { user: users.headOwn }))).json();
    const expected = after.rows.find((r: { id: number; status: string }) => r.id !== first.id && r.status !== 'done' && r.status !== 'cancelled');
    expect(await res.json()).toMatchObject({ ok: true, next: { id: expected.id, title: expected.title } });
    const bySecretary = await postActivity(users.secretary, first.id, { intent: 'status', version: String(version(first.id)), status: 'in_progress', percent: '25', comment: '' });
    expect(await bySecretary.json()).toMatchObject({ ok: true, next: null });
  });
});

describe('owners admin', () => {
  it('merges two owners in one go: alias, activity links and user links move', async () => {
    const keep = findOrCreateOwner(getDb(), orgId, 'Дирекция АПОФУС');
    const merge = findOrCreateOwner(getDb(), orgId, 'Отдел „АПОФУС“');
    expect(findOrCreateOwner(getDb(), orgId, 'дирекция "АПОФУС".')).toBe(keep); // one owner key: the importer's
    const a1 = itActivity;
    sqlite().prepare('insert or ignore into activity_owners (activity_id, owner_id, position) values (?, ?, 5)').run(a1, merge);
    sqlite().prepare('insert or ignore into activity_owners (activity_id, owner_id, position) values (?, ?, 6)').run(a1, keep);
    sqlite().prepare('insert or ignore into activity_owners (activity_id, owner_id, position) values (?, ?, 1)').run(otherActivity, merge);
    const linked = await makeUser('head', [merge]);
    const response = await call(ownersAction, await makeRequest('/admin/owners', { user: users.secretary, form: { intent: 'merge', keepId: String(keep), mergeId: String(merge) } }));
    expect(response.status).toBe(200);
    expect(one('select id from owners where id = ?', merge)).toBeUndefined();
    expect(one<{ alias: string }>('select alias from owner_aliases where owner_id = ?', keep).alias).toBe('Отдел „АПОФУС“');
    expect(one<{ n: number }>('select count(*) as n from activity_owners where owner_id = ?', keep).n).toBe(2);
    expect(isOwnActivity(linked.id, otherActivity)).toBe(true);
    expect(findOrCreateOwner(getDb(), orgId, 'отдел АПОФУС')).toBe(keep);
    expect(auditCount('owner', keep, 'merge')).toBe(1);
    const same = await call(ownersAction, await makeRequest('/admin/owners', { user: users.secretary, form: { intent: 'merge', keepId: String(keep), mergeId: String(keep) } }));
    expect(same.status).toBe(400);
  });

  it('renames (refusing a name in use) and links and unlinks users', async () => {
    const owner = findOrCreateOwner(getDb(), orgId, 'старши експерт');
    const clash = await call(ownersAction, await makeRequest('/admin/owners', { user: users.admin, form: { intent: 'rename', ownerId: String(owner), name: 'ЕКСПЕРТ ИТ' } }));
    expect(clash.status).toBe(400);
    expect(await clash.json()).toMatchObject({ error: 'trOwnerNameTaken' });
    const renamed = await call(ownersAction, await makeRequest('/admin/owners', { user: users.admin, form: { intent: 'rename', ownerId: String(owner), name: 'главен експерт' } }));
    expect(renamed.status).toBe(200);
    expect(one<{ name: string }>('select name from owners where id = ?', owner).name).toBe('главен експерт');
    expect(findOrCreateOwner(getDb(), orgId, 'Старши експерт')).toBe(owner);

    const user = await makeUser('head');
    await call(ownersAction, await makeRequest('/admin/owners', { user: users.admin, form: { intent: 'link', ownerId: String(itOwner), userId: String(user.id) } }));
    expect(isOwnActivity(user.id, itActivity)).toBe(true);
    await call(ownersAction, await makeRequest('/admin/owners', { user: users.admin, form: { intent: 'unlink', ownerId: String(itOwner), userId: String(user.id) } }));
    expect(isOwnActivity(user.id, itActivity)).toBe(false);
    expect(auditCount('owner', itOwner, 'link-user')).toBeGreaterThan(0);

    const list = await (await call(ownersLoader, await makeRequest('/admin/owners', { user: users.admin }))).json();
    const it = list.owners.find((o: { id: number }) => o.id === itOwner);
    expect(it.activityCount).toBeGreaterThan(0);
    expect(it.users.map((u: { id: number }) => u.id)).toContain(users.headOwn.id);
  });
});

describe('role x action matrix', () => {
  type Role = keyof typeof users;
  const ROLES: Role[] = ['admin', 'secretary', 'headOwn', 'headOther', 'viewer'];
  let evidenceUpdate: number;
  beforeAll(async () => {
    const form = new FormData();
    form.append('intent', 'status');
    form.append('status', 'in_progress');
    form.append('evidenceFile', new File(['доказателство'], 'dokaz.txt'));
    expect((await postActivity(users.admin, itActivity, form)).status).toBe(200);
    evidenceUpdate = one<{ id: number }>('select id from status_updates where activity_id = ? and evidence_file is not null order by id desc', itActivity).id;
  });

  const ACTIONS: Record<string, { allowed: Role[]; run: (user: User) => Promise<Response> }> = {
    'record update': {
      allowed: ['admin', 'secretary', 'headOwn'],
      run: (user) => postActivity(user, itActivity, { intent: 'status', status: 'in_progress', percent: '50' }),
    },
    'edit activity': {
      allowed: ['admin', 'secretary'],
      run: (user) => postActivity(user, itActivity, { intent: 'edit', title: `Дейност (${user.name})`, start: '', baselineEnd: '2024-12-31', ownerIds: String(itOwner) } as Record<string, string>),
    },
    reschedule: {
      allowed: ['admin', 'secretary'],
      run: (user) => postActivity(user, itActivity, { intent: 'reschedule', newEnd: '2025-06-30', reason: 'Матрица на ролите.' }),
    },
    'merge owners': {
      allowed: ['admin', 'secretary'],
      run: async (user) => {
        const keep = findOrCreateOwner(getDb(), orgId, `пазен ${user.id}`);
        const merge = findOrCreateOwner(getDb(), orgId, `слят ${user.id}`);
        return call(ownersAction, await makeRequest('/admin/owners', { user, form: { intent: 'merge', keepId: String(keep), mergeId: String(merge) } }));
      },
    },
    'rename owner': {
      allowed: ['admin', 'secretary'],
      run: async (user) => {
        const owner = findOrCreateOwner(getDb(), orgId, `за преименуване ${user.id}`);
        return call(ownersAction, await makeRequest('/admin/owners', { user, form: { intent: 'rename', ownerId: String(owner), name: `преименуван ${user.id}` } }));
      },
    },
    'link user': {
      allowed: ['admin', 'secretary'],
      run: async (user) => call(ownersAction, await makeRequest('/admin/owners', { user, form: { intent: 'link', ownerId: String(headsOwner), userId: String(users.viewer.id) } })),
    },
    'download evidence': {
      allowed: ['admin', 'secretary', 'headOwn', 'headOther', 'viewer'],
      run: async (user) =>
        call(evidenceLoader, await makeRequest(`/activities/${itActivity}/evidence/${evidenceUpdate}`, { user }), {
          activityId: String(itActivity),
          updateId: String(evidenceUpdate),
        }),
    },
  };

  for (const [name, { allowed, run }] of Object.entries(ACTIONS)) {
    for (const role of ROLES) {
      const expected = allowed.includes(role) ? 200 : 403;
      it(`${role} × ${name} → ${expected}`, async () => {
        const before = one<{ n: number }>('select count(*) as n from audit_events').n;
        const response = await run(users[role]);
        expect(response.status).toBe(expected);
        const after = one<{ n: number }>('select count(*) as n from audit_events').n;
        if (name !== 'download evidence') expect(after - before).toBe(expected === 200 ? 1 : 0);
      });
    }
  }

  it('a viewer sees the owners page refused and heads only read the activity page', async () => {
    expect((await call(ownersLoader, await makeRequest('/admin/owners', { user: users.headOwn }))).status).toBe(403);
    const page = await (await call(activityLoader, await makeRequest(`/activities/${itActivity}`, { user: users.headOther }), { activityId: String(itActivity) })).json();
    expect(page).toMatchObject({ canUpdate: false, canEdit: false, ownerChoices: [] });
  });
});
