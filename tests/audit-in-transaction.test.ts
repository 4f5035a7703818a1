/**
 * Every write records its audit event in its own transaction: when the audit event cannot be
 * written, the write does not happen either. A trigger makes the insert of one audit action
 * fail; each write is then made through its route and must leave the database as it was.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { action as usersAction } from '~/routes/admin.users';
import { action as remindersAction } from '~/routes/admin.reminders';
import { action as activityAction } from '~/routes/activities.$activityId';
import { action as myAction } from '~/routes/my';
import { seedDemo } from '../db/seed';
import { getDb } from '../db/client';
import type { User } from '../db/schema';
import { call, makeRequest, makeUser } from './helpers';

const sqlite = () => getDb().$client;
const one = <T>(sql: string, ...params: unknown[]) => sqlite().prepare(sql).get(...params) as T;
const count = (sql: string, ...params: unknown[]) => one<{ n: number }>(sql, ...params).n;

/** From now on, writing an audit event with this action fails. */
function failAudit(action: string) {
  sqlite().exec(`create trigger fail_audit before insert on audit_events when new.action = '${action}'
    begin select raise(abort, 'audit event refused'); end`);
}

afterEach(() => {
  sqlite().exec('drop trigger if exists fail_audit');
});

let admin: User;
let head: User;
let activityId: number;

beforeAll(async () => {
  await seedDemo();
  admin = await makeUser('admin');
  const itOwner = one<{ id: number }>("select id from owners where name = 'експерт ИТ'").id;
  head = await makeUser('head', [itOwner]);
  activityId = one<{ id: number }>(
    'select a.id from activities a join activity_owners ao on ao.activity_id = a.id where ao.owner_id = ? order by a.position limit 1',
    itOwner,
  ).id;
});

describe('a write whose audit event fails is not made', () => {
  it('creating a user (admin)', async () => {
    failAudit('create');
    const form = { intent: 'create', email: 'new.person@test.bg', name: 'Нов човек', role: 'viewer', password: 'long-enough-password' };
    await expect(call(usersAction, await makeRequest('/admin/users', { user: admin, form }))).rejects.toThrow('audit event refused');
    expect(count("select count(*) as n from users where email = 'new.person@test.bg'")).toBe(0);
  });

  it('changing a user, their owners and password (admin)', async () => {
    const user = await makeUser('viewer');
    const hash = one<{ h: string }>('select password_hash as h from users where id = ?', user.id).h;
    const ownerId = one<{ id: number }>('select id from owners order by id limit 1').id;
    failAudit('update');
    const form = { intent: 'update', userId: String(user.id), name: 'Друго име', role: 'secretary', ownerIds: [String(ownerId)], password: 'another-long-password' };
    await expect(call(usersAction, await makeRequest('/admin/users', { user: admin, form }))).rejects.toThrow('audit event refused');
    expect(one('select name, role, password_hash as hash from users where id = ?', user.id)).toEqual({ name: user.name, role: 'viewer', hash });
    expect(count('select count(*) as n from user_owners where user_id = ?', user.id)).toBe(0);
  });

  it('the reminder days of an organization (admin)', async () => {
    const before = one<{ id: number; start: number; end: number }>(
      'select id, reminder_days_before_start as start, reminder_days_before_end as "end" from organizations order by id limit 1',
    );
    failAudit('reminder-days');
    const form = { intent: 'days', organizationId: String(before.id), daysBeforeStart: String(before.start + 1), daysBeforeEnd: String(before.end + 1) };
    await expect(call(remindersAction, await makeRequest('/admin/reminders', { user: admin, form }))).rejects.toThrow('audit event refused');
    expect(one('select id, reminder_days_before_start as start, reminder_days_before_end as "end" from organizations where id = ?', before.id)).toEqual(before);
  });

  it('a reminders run started on the admin page', async () => {
    failAudit('run');
    await expect(call(remindersAction, await makeRequest('/admin/reminders', { user: admin, form: { intent: 'run' } }))).rejects.toThrow('audit event refused');
    expect(count('select count(*) as n from notifications')).toBe(0);
    expect(count('select count(*) as n from notification_items')).toBe(0);
  });

  it('a status update, on the activity page and on my activities', async () => {
    const updates = () => count('select count(*) as n from status_updates where activity_id = ?', activityId);
    const before = { updates: updates(), version: one<{ v: number }>('select version as v from activities where id = ?', activityId).v };
    failAudit('status-update');
    const form = { intent: 'status', status: 'in_progress', percent: '30', comment: 'Работи се.' };
    const page = makeRequest(`/activities/${activityId}`, { user: head, form });
    await expect(call(activityAction, await page, { activityId: String(activityId) })).rejects.toThrow('audit event refused');
    const my = makeRequest('/my', { user: head, form: { ...form, activityId: String(activityId) } });
    await expect(call(myAction, await my)).rejects.toThrow('audit event refused');
    expect({ updates: updates(), version: one<{ v: number }>('select version as v from activities where id = ?', activityId).v }).toEqual(before);
  });
});
