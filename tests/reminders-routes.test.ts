/**
 * The notifications list, the header count, the user's settings and the reminders admin page,
 * called as loaders and actions with real requests (no SMTP configured in tests).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { loader as rootLoader } from '~/root';
import { action as notificationsAction, loader as notificationsLoader } from '~/routes/notifications';
import { action as settingsAction, loader as settingsLoader } from '~/routes/settings';
import { action as adminAction, loader as adminLoader } from '~/routes/admin.reminders';
import { runReminders } from '~/models/notification.server';
import { action as unsubscribeAction, loader as unsubscribeLoader } from '~/routes/unsubscribe.$token';
import { unsubscribeToken } from '~/unsubscribe.server';
import { notifications, organizations, users, type User } from '../db/schema';
import { getDb } from '../db/client';
import { call, makeRequest } from './helpers';
import { seedLovechWithoutHistory } from './reminders-setup';

let head: User;
let other: User;
let admin: User;

const byEmail = (email: string) => getDb().select().from(users).where(eq(users.email, email)).get()!;

beforeAll(async () => {
  await seedLovechWithoutHistory();
  head = byEmail('head@demo.bg');
  other = byEmail('it@demo.bg');
  admin = byEmail('admin@demo.bg');
  // Three runs: one message per person each.
  for (const asOf of ['2022-03-11', '2022-03-26', '2022-04-02']) await runReminders({ asOf, mailer: null });
});

describe('notifications page', () => {
  it('asks to sign in', async () => {
    const response = await call(notificationsLoader, await makeRequest('/notifications'));
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/login?redirectTo=%2Fnotifications');
  });

  it('lists only the user\'s own notifications, with the unread count also in the root loader', async () => {
    const data = await (await call(notificationsLoader, await makeRequest('/notifications', { user: head }))).json();
    const own = getDb().select().from(notifications).where(eq(notifications.userId, head.id)).all();
    expect(own).toHaveLength(3);
    expect(data.items.map((i: { id: number }) => i.id).sort()).toEqual(own.map((n) => n.id).sort());
    expect(data.unread).toBe(own.length);
    expect(data.items[0].delivery).toBe('in_app');
    const root = await (await call(rootLoader, await makeRequest('/', { user: head }))).json();
    expect(root.unreadNotifications).toBe(own.length);
    const anonymous = await (await call(rootLoader, await makeRequest('/'))).json();
    expect(anonymous.unreadNotifications).toBe(0);
  });

  it('marks one read, opens one (read, then to its page), and refuses another user\'s', async () => {
    const [first, second] = getDb().select().from(notifications).where(eq(notifications.userId, head.id)).orderBy(notifications.id).all();
    const read = await call(notificationsAction, await makeRequest('/notifications', { user: head, form: { intent: 'read', id: String(first!.id) } }));
    expect(read.status).toBe(200);
    const open = await call(notificationsAction, await makeRequest('/notifications', { user: head, form: { intent: 'open', id: String(second!.id) } }));
    expect(open.status).toBe(302);
    expect(open.headers.get('Location')).toBe(second!.link);
    expect(second!.link).toBe('/my');
    const readAt = (id: number) => getDb().select({ readAt: notifications.readAt }).from(notifications).where(eq(notifications.id, id)).get()!.readAt;
    expect(readAt(first!.id)).not.toBeNull();
    expect(readAt(second!.id)).not.toBeNull();

    const headsUnread = getDb().$client.prepare('select id from notifications where user_id = ? and read_at is null limit 1').pluck().get(head.id) as number;
    const foreign = await call(notificationsAction, await makeRequest('/notifications', { user: other, form: { intent: 'read', id: String(headsUnread) } }));
    expect(foreign.status).toBe(404);
    expect(readAt(headsUnread)).toBeNull();
    const foreignOpen = await call(notificationsAction, await makeRequest('/notifications', { user: other, form: { intent: 'open', id: String(headsUnread) } }));
    expect(foreignOpen.status).toBe(404);
    const bad = await call(notificationsAction, await makeRequest('/notifications', { user: head, form: { intent: 'read', id: 'x' } }));
    expect(bad.status).toBe(400);
  });

  it('marks all read for that user only', async () => {
    const otherUnread = () => getDb().$client.prepare('select count(*) from notifications where user_id = ? and read_at is null').pluck().get(other.id) as number;
    const before = otherUnread();
    expect(before).toBeGreaterThan(0);
    const response = await call(notificationsAction, await makeRequest('/notifications', { user: head, form: { intent: 'all' } }));
    expect(await response.json()).toEqual({ ok: true, message: 'notifAllMarked' });
    const root = await (await call(rootLoader, await makeRequest('/', { user: head }))).json();
    expect(root.unreadNotifications).toBe(0);
    expect(otherUnread()).toBe(before);
  });
});

describe('settings page', () => {
  it('switches the user\'s reminders off and on', async () => {
    const loaded = await (await call(settingsLoader, await makeRequest('/settings', { user: other }))).json();
    expect(loaded).toEqual({ email: 'it@demo.bg', remindersEnabled: true, emailConfigured: false, updates: null });
    const off = await call(settingsAction, await makeRequest('/settings', { user: other, form: { intent: 'reminders' } }));
    expect(off.status).toBe(200);
    expect(byEmail('it@demo.bg').remindersEnabled).toBe(false);
    const on = await call(settingsAction, await makeRequest('/settings', { user: other, form: { intent: 'reminders', remindersEnabled: 'on' } }));
    expect(on.status).toBe(200);
    expect(byEmail('it@demo.bg').remindersEnabled).toBe(true);
  });
});

describe('one-click unsubscribe page', () => {
  it('shows a confirmation on GET without changing anything; the button (POST) switches the reminders off, audited, once', async () => {
    const token = unsubscribeToken(other.id);
    const audits = () => getDb().$client.prepare("select count(*) from audit_events where entity = 'user' and entity_id = ? and action = 'unsubscribe'").pluck().get(other.id) as number;
    const before = audits();
    const page = await call(unsubscribeLoader, await makeRequest(`/unsubscribe/${token}`), { token });
    expect(page.status).toBe(200);
    expect(page.headers.get('Cache-Control')).toBe('no-store');
    expect(await page.json()).toEqual({ email: 'it@demo.bg', subscribed: true });
    expect(byEmail('it@demo.bg').remindersEnabled).toBe(true);
    for (let i = 0; i < 2; i += 1) {
      const done = await call(unsubscribeAction, await makeRequest(`/unsubscribe/${token}`, { form: {} }), { token });
      expect(await done.json()).toEqual({ done: true });
    }
    expect(byEmail('it@demo.bg').remindersEnabled).toBe(false);
    expect(audits()).toBe(before + 1);
    expect(await (await call(unsubscribeLoader, await makeRequest(`/unsubscribe/${token}`), { token })).json()).toEqual({ email: 'it@demo.bg', subscribed: false });
    getDb().update(users).set({ remindersEnabled: true, updateNotifyEmail: true }).where(eq(users.id, other.id)).run();
  });
});

describe('reminders admin page', () => {
  it('is for administrators only', async () => {
    expect((await call(adminLoader, await makeRequest('/admin/reminders', { user: head }))).status).toBe(403);
    expect((await call(adminAction, await makeRequest('/admin/reminders', { user: head, form: { intent: 'run' } }))).status).toBe(403);
  });

  it('says SMTP is not configured and shows the log, filterable by delivery', async () => {
    const data = await (await call(adminLoader, await makeRequest('/admin/reminders', { user: admin }))).json();
    expect(data.smtp).toEqual({ configured: false, server: null, from: null });
    expect(data.scheduleAt).toBeNull();
    const total = getDb().$client.prepare('select count(*) from notifications').pluck().get() as number;
    expect(data.counts).toEqual({ pending: 0, sent: 0, failed: 0, in_app: total });
    expect(data.log).toHaveLength(Math.min(total, 200));
    expect(data.log[0]).toMatchObject({ delivery: 'in_app', attempts: 0 });
    const failed = await (await call(adminLoader, await makeRequest('/admin/reminders?delivery=failed', { user: admin }))).json();
    expect(failed.log).toEqual([]);
    expect(failed.delivery).toBe('failed');
  });

  it('saves the number of days per organization, refusing nonsense with field errors', async () => {
    const org = getDb().select().from(organizations).get()!;
    const bad = await call(
      adminAction,
      await makeRequest('/admin/reminders', { user: admin, form: { intent: 'days', organizationId: String(org.id), daysBeforeStart: '-1', daysBeforeEnd: 'x' } }),
    );
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ ok: false, organizationId: org.id, errors: { daysBeforeStart: 'remDaysInvalid', daysBeforeEnd: 'remDaysInvalid' } });
    const good = await call(
      adminAction,
      await makeRequest('/admin/reminders', { user: admin, form: { intent: 'days', organizationId: String(org.id), daysBeforeStart: '21', daysBeforeEnd: '10' } }),
    );
    expect(good.status).toBe(200);
    const saved = getDb().select().from(organizations).where(eq(organizations.id, org.id)).get()!;
    expect([saved.reminderDaysBeforeStart, saved.reminderDaysBeforeEnd]).toEqual([21, 10]);
    const missing = await call(
      adminAction,
      await makeRequest('/admin/reminders', { user: admin, form: { intent: 'days', organizationId: '999', daysBeforeStart: '1', daysBeforeEnd: '1' } }),
    );
    expect(missing.status).toBe(404);
  });

  it('runs the reminders now (as of today): the plan\'s activities are long overdue without any update', async () => {
    const before = getDb().$client.prepare('select count(*) from notifications').pluck().get() as number;
    const response = await call(adminAction, await makeRequest('/admin/reminders', { user: admin, form: { intent: 'run' } }));
    const data = await response.json();
    expect(data).toMatchObject({ ok: true, intent: 'run', sent: 0, failed: 0 });
    expect(data.created).toBeGreaterThan(0);
    const after = getDb().$client.prepare('select count(*) from notifications').pluck().get() as number;
    expect(after - before).toBe(data.created);
    const again = await (await call(adminAction, await makeRequest('/admin/reminders', { user: admin, form: { intent: 'run' } }))).json();
    expect(again.created).toBe(0);
  });
});
