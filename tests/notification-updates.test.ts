/**
 * Notifications of the heads' status updates for secretaries and administrators, on the
 * Lovech demo plan in a real SQLite file: each setting (off, each update, daily summary; in
 * the app and/or by e-mail through a real SMTP server on loopback), the daily summary sent
 * once, one's own updates left out, and the one-click unsubscribe stopping the e-mails.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addDays, todayInSofia } from '~/domain/dates';
import { retryDelayMs } from '~/domain/delivery';
import type { UpdateNotifyMode } from '~/domain/update-notifications';
import { env } from '~/env.server';
import { createMailer, type Mailer } from '~/mail.server';
import { deliverPending } from '~/models/notification-delivery.server';
import { listNotifications, unreadCount } from '~/models/notification-inbox.server';
import { runReminders } from '~/models/notification.server';
import { recordStatusUpdate } from '~/models/status-update.server';
import { action as settingsAction, loader as settingsLoader } from '~/routes/settings';
import { action as unsubscribeAction } from '~/routes/unsubscribe.$token';
import { notifications, users, type User } from '../db/schema';
import { getDb } from '../db/client';
import { call, makeRequest } from './helpers';
import { TestSmtp } from './notification-smtp';
import { activityId, seedLovechWithoutHistory } from './reminders-setup';

const FROM = 'План за подобрение <plan@lovech.test>';
const smtp = new TestSmtp();
let mailer: Mailer;
let secretary: User;
let admin: User;
let head: User;
let it_: User;

const byEmail = (email: string) => getDb().select().from(users).where(eq(users.email, email)).get()!;
const reload = (user: User) => byEmail(user.email);

function subscribe(user: User, mode: UpdateNotifyMode, channels: { inApp: boolean; email: boolean }) {
  getDb().update(users).set({ updateNotify: mode, updateNotifyInApp: channels.inApp, updateNotifyEmail: channels.email }).where(eq(users.id, user.id)).run();
}

function update(by: User, code: string, status: 'in_progress' | 'done', percent: number, comment: string | null = null) {
  const result = recordStatusUpdate({ activityId: activityId(code), userId: by.id, status, percent, comment, completedOn: status === 'done' ? todayInSofia() : null });
  if (!result.ok) throw new Error('not recorded');
  return result.updateId;
}

const rowsOf = (user: User) => getDb().select().from(notifications).where(eq(notifications.userId, user.id)).orderBy(notifications.id).all();

/** Waits (up to 10 s) until the condition holds: the e-mails of an update go out after its transaction, in the background. */
async function until(condition: () => boolean) {
  for (let i = 0; i < 200 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** With SMTP configured in the environment, as the server would have it. */
function withSmtp() {
  Object.assign(env, { SMTP_URL: smtp.url, MAIL_FROM: FROM });
}

beforeAll(async () => {
  await seedLovechWithoutHistory();
  secretary = byEmail('secretary@demo.bg');
  admin = byEmail('admin@demo.bg');
  head = byEmail('head@demo.bg');
  it_ = byEmail('it@demo.bg');
  await smtp.start();
  mailer = createMailer(smtp.url, FROM);
});

afterAll(async () => {
  mailer?.close();
  await smtp.stop();
});

beforeEach(() => {
  // Only the notifications of updates here: the reminders (all overdue by now) are switched off.
  getDb().$client.exec(`delete from notifications; delete from status_updates;
    update users set reminders_enabled = 0, update_notify = 'off', update_notify_in_app = 1, update_notify_email = 1;`);
  smtp.rejecting = false;
  smtp.take();
});

afterEach(() => {
  Object.assign(env, { SMTP_URL: undefined, MAIL_FROM: undefined });
});

describe('each update', () => {
  it('in the app: one notification per update of another person, with who, activity, status, percent, comment and link; nothing for "off"', () => {
    subscribe(secretary, 'each', { inApp: true, email: false });
    const updateId = update(head, '1.1.1', 'in_progress', 40, 'Проектът е изпратен за съгласуване.');
    const [row, ...more] = rowsOf(secretary);
    expect(more).toEqual([]);
    expect(row).toMatchObject({ kind: 'update', key: `update:s${updateId}:u${secretary.id}`, delivery: 'in_app', inbox: true, link: `/activities/${activityId('1.1.1')}` });
    expect(row!.subject).toBe('Отчет по 1.1.1: В изпълнение, 40% — Иван Георгиев');
    expect(row!.body).toContain('Здравейте, Мария Петрова,');
    expect(row!.body).toContain('Иван Георгиев отчете дейност 1.1.1 „');
    expect(row!.body).toContain(`Статус: В изпълнение, 40%, към ${todayInSofia().split('-').reverse().join('.')}.`);
    expect(row!.body).toContain('Коментар: Проектът е изпратен за съгласуване.');
    expect(row!.body).toContain(`http://localhost:3000/activities/${activityId('1.1.1')}`);
    expect(listNotifications(secretary.id).map((n) => n.id)).toEqual([row!.id]);
    expect(unreadCount(secretary.id)).toBe(1);
    // The administrator left it off; the heads are not offered it (even if set in the database).
    subscribe(it_, 'each', { inApp: true, email: true });
    update(head, '1.1.1', 'done', 100);
    expect(rowsOf(admin)).toEqual([]);
    expect(rowsOf(it_)).toEqual([]);
    expect(rowsOf(secretary)).toHaveLength(2);
  });

  it('leaves out one\'s own updates: the secretary\'s update reaches the administrator only', () => {
    subscribe(secretary, 'each', { inApp: true, email: true });
    subscribe(admin, 'each', { inApp: true, email: true });
    update(secretary, '2.3.1', 'in_progress', 10);
    expect(rowsOf(secretary)).toEqual([]);
    expect(rowsOf(admin).map((r) => r.subject)).toEqual(['Отчет по 2.3.1: В изпълнение, 10% — Мария Петрова']);
  });

  it('is written with the update or not at all: a refused (stale) update notifies nobody', () => {
    subscribe(secretary, 'each', { inApp: true, email: false });
    const result = recordStatusUpdate({ activityId: activityId('1.1.1'), userId: head.id, status: 'done', percent: 100, comment: null, completedOn: null, expectedVersion: 999 });
    expect(result.ok).toBe(false);
    expect(rowsOf(secretary)).toEqual([]);
  });

  it('by e-mail only: sent through SMTP right after the update, not in the list; the one-click unsubscribe stops the next ones', async () => {
    withSmtp();
    subscribe(secretary, 'each', { inApp: false, email: true });
    update(head, '3.1.1', 'in_progress', 55, 'Половината е готова.');
    await until(() => rowsOf(secretary)[0]?.delivery === 'sent');
    const [mail, ...others] = smtp.take();
    expect(others).toEqual([]);
    expect(mail!.rcpt).toEqual(['secretary@demo.bg']);
    expect(mail!.subject).toBe('Отчет по 3.1.1: В изпълнение, 55% — Иван Георгиев');
    expect(mail!.text).toContain('Коментар: Половината е готова.');
    expect(rowsOf(secretary)).toMatchObject([{ delivery: 'sent', inbox: false, attempts: 1 }]);
    expect(listNotifications(secretary.id)).toEqual([]);
    expect(unreadCount(secretary.id)).toBe(0);

    const link = /^list-unsubscribe: <[^>]*\/unsubscribe\/([^>]+)>$/im.exec(mail!.headers)![1]!;
    const oneClick = new Request(`http://localhost:3000/unsubscribe/${link}`, { method: 'POST', body: new URLSearchParams({ 'List-Unsubscribe': 'One-Click' }) });
    expect((await unsubscribeAction({ request: oneClick, params: { token: link }, context: {} })).status).toBe(200);
    expect(reload(secretary)).toMatchObject({ updateNotify: 'each', updateNotifyEmail: false });
    update(head, '3.1.1', 'in_progress', 60);
    expect(rowsOf(secretary)).toHaveLength(1);
    expect((await deliverPending({ mailer })).sent).toBe(0);
    expect(smtp.take()).toEqual([]);
  });

  it('in the app and by e-mail; an e-mail refused by the server is retried later, and one switched off meanwhile stays in the app', async () => {
    withSmtp();
    subscribe(secretary, 'each', { inApp: true, email: true });
    smtp.rejecting = true;
    const t0 = Date.now();
    update(head, '1.1.1', 'in_progress', 20);
    await until(() => rowsOf(secretary)[0]?.attempts === 1);
    expect(rowsOf(secretary)).toMatchObject([{ delivery: 'pending', inbox: true, attempts: 1 }]);
    expect(unreadCount(secretary.id)).toBe(1);
    smtp.rejecting = false;
    expect((await deliverPending({ mailer, now: new Date(t0 + retryDelayMs(1) + 60_000) })).sent).toBe(1);
    expect(smtp.take().map((m) => m.rcpt[0])).toEqual(['secretary@demo.bg']);

    // Recorded for e-mail, then e-mail switched off before it went: kept in the app, not sent.
    Object.assign(env, { SMTP_URL: undefined, MAIL_FROM: undefined });
    update(head, '1.1.1', 'in_progress', 30);
    getDb().update(notifications).set({ delivery: 'pending' }).where(and(eq(notifications.userId, secretary.id), eq(notifications.delivery, 'in_app'))).run();
    getDb().update(users).set({ updateNotifyEmail: false }).where(eq(users.id, secretary.id)).run();
    expect((await deliverPending({ mailer })).sent).toBe(0);
    expect(rowsOf(secretary).map((r) => [r.delivery, r.lastError])).toEqual([
      ['sent', null],
      ['in_app', 'update e-mails switched off by the user'],
    ]);
  });

  it('by e-mail without SMTP configured: shown in the app instead', () => {
    subscribe(secretary, 'each', { inApp: false, email: true });
    update(head, '1.1.1', 'in_progress', 40);
    expect(rowsOf(secretary)).toMatchObject([{ delivery: 'in_app', inbox: true }]);
  });
});

describe('daily summary', () => {
  const tomorrow = () => addDays(todayInSofia(), 1);

  it('one message a day listing the day\'s updates of others, e-mailed once however often the run goes', async () => {
    subscribe(secretary, 'daily', { inApp: true, email: true });
    subscribe(admin, 'each', { inApp: true, email: false });
    update(head, '1.1.1', 'done', 100, 'Заповедта е издадена.');
    update(it_, '3.2.1', 'in_progress', 25);
    update(secretary, '2.3.1', 'in_progress', 5, 'Моят собствен отчет.');
    // Nothing for the summary's readers while the day goes on.
    expect(rowsOf(secretary)).toEqual([]);

    const first = await runReminders({ asOf: tomorrow(), mailer });
    expect(first.messages).toEqual([]);
    expect(first.summaries.map((s) => [s.userId, s.updates])).toEqual([[secretary.id, 2]]);
    const [mail, ...others] = smtp.take();
    expect(others).toEqual([]);
    expect(mail!.rcpt).toEqual(['secretary@demo.bg']);
    const day = todayInSofia().split('-').reverse().join('.');
    expect(mail!.subject).toBe(`Отчети от ${day}: 2`);
    expect(mail!.text).toContain(`Отчети, записани на ${day} (2):`);
    expect(mail!.text).toMatch(new RegExp(`• \\d\\d:\\d\\d Иван Георгиев: 1\\.1\\.1 .+ — Изпълнена, 100%\\n  Коментар: Заповедта е издадена\\.\\n  http://localhost:3000/activities/${activityId('1.1.1')}\\n`));
    expect(mail!.text).toMatch(/• \d\d:\d\d Петър Димитров: 3\.2\.1 .+ — В изпълнение, 25%\n/);
    expect(mail!.text).not.toContain('Моят собствен отчет');
    expect(mail!.text).toContain('Всички промени: http://localhost:3000/updates');
    expect(rowsOf(secretary)).toMatchObject([{ kind: 'updates_daily', key: `updates-daily:${todayInSofia()}:u${secretary.id}`, delivery: 'sent', inbox: true }]);
    // The administrator follows each update, not the summary.
    expect(rowsOf(admin).map((r) => r.kind)).toEqual(['update', 'update', 'update']);

    const again = await runReminders({ asOf: tomorrow(), mailer });
    expect(again.summaries).toEqual([]);
    expect(smtp.take()).toEqual([]);
    expect(rowsOf(secretary)).toHaveLength(1);
  });

  it('sends nothing for a day with only one\'s own updates, nor to those who chose "off"', async () => {
    subscribe(secretary, 'daily', { inApp: true, email: true });
    update(secretary, '2.3.1', 'in_progress', 5);
    const report = await runReminders({ asOf: tomorrow(), mailer });
    expect(report.summaries).toEqual([]);
    expect(smtp.take()).toEqual([]);
    expect(getDb().select().from(notifications).all()).toEqual([]);
  });

  it('in the app only; after the one-click unsubscribe a summary chosen for e-mail only is no longer made', async () => {
    subscribe(secretary, 'daily', { inApp: true, email: false });
    subscribe(admin, 'daily', { inApp: false, email: true });
    update(head, '1.1.1', 'in_progress', 40);
    await runReminders({ asOf: tomorrow(), mailer });
    expect(rowsOf(secretary)).toMatchObject([{ kind: 'updates_daily', delivery: 'in_app', inbox: true }]);
    const [mail] = smtp.take();
    expect(mail!.rcpt).toEqual(['admin@demo.bg']);
    const token = /^list-unsubscribe: <[^>]*\/unsubscribe\/([^>]+)>$/im.exec(mail!.headers)![1]!;
    await unsubscribeAction({ request: new Request(`http://localhost:3000/unsubscribe/${token}`, { method: 'POST' }), params: { token }, context: {} });

    getDb().$client.exec('delete from notifications');
    const report = await runReminders({ asOf: tomorrow(), mailer });
    expect(report.summaries.map((s) => s.userId)).toEqual([secretary.id]);
    expect(smtp.take()).toEqual([]);
  });
});

describe('npm run reminders (scripts/reminders.ts)', () => {
  const script = (args: string[]) =>
    promisify(execFile)(path.resolve('node_modules/.bin/tsx'), ['scripts/reminders.ts', ...args], { env: { ...process.env, NODE_ENV: 'production' }, timeout: 60_000 });

  it('lists the daily summaries, records them, and records nothing more on a second run that day', async () => {
    subscribe(secretary, 'daily', { inApp: true, email: true });
    update(head, '1.1.1', 'in_progress', 40);
    const tomorrow = addDays(todayInSofia(), 1);
    const dry = await script(['--dry-run', '--date', tomorrow]);
    expect(dry.stdout).toContain(`Мария Петрова — daily summary of the updates of ${todayInSofia()}: 1 update(s)`);
    expect(dry.stdout).toContain("Would record 1 daily summary(ies) of the heads' updates.");
    expect(rowsOf(secretary)).toEqual([]);
    expect((await script(['--date', tomorrow])).stdout).toContain("Recorded 1 daily summary(ies) of the heads' updates.");
    expect(rowsOf(secretary)).toMatchObject([{ kind: 'updates_daily', delivery: 'in_app' }]);
    expect((await script(['--date', tomorrow])).stdout).not.toContain('daily summary');
    expect(rowsOf(secretary)).toHaveLength(1);
  });
});

describe('settings page', () => {
  it('offers the choice to secretaries and administrators, saves it, and refuses a choice without a channel', async () => {
    const loaded = await (await call(settingsLoader, await makeRequest('/settings', { user: secretary }))).json();
    expect(loaded.updates).toEqual({ mode: 'off', inApp: true, email: true });
    const save = await call(settingsAction, await makeRequest('/settings', { user: admin, form: { intent: 'updates', mode: 'daily', email: 'on' } }));
    expect(await save.json()).toEqual({ ok: true, section: 'updates', message: 'updSetSaved' });
    expect(reload(admin)).toMatchObject({ updateNotify: 'daily', updateNotifyInApp: false, updateNotifyEmail: true });
    const audit = getDb().$client.prepare("select after from audit_events where entity = 'user' and entity_id = ? and action = 'update-notifications'").pluck().all(admin.id);
    expect(audit.map((a) => JSON.parse(a as string))).toEqual([{ mode: 'daily', inApp: false, email: true }]);

    const none = await call(settingsAction, await makeRequest('/settings', { user: admin, form: { intent: 'updates', mode: 'each' } }));
    expect(none.status).toBe(400);
    expect(await none.json()).toEqual({ ok: false, section: 'updates', error: 'updSetNoChannel' });
    expect(reload(admin).updateNotify).toBe('daily');
    const bad = await call(settingsAction, await makeRequest('/settings', { user: admin, form: { intent: 'updates', mode: 'hourly', inApp: 'on' } }));
    expect(bad.status).toBe(400);
  });

  it('is not offered to heads, and their request is refused', async () => {
    const loaded = await (await call(settingsLoader, await makeRequest('/settings', { user: head }))).json();
    expect(loaded.updates).toBeNull();
    const refused = await call(settingsAction, await makeRequest('/settings', { user: head, form: { intent: 'updates', mode: 'each', inApp: 'on' } }));
    expect(refused.status).toBe(403);
    expect(reload(head).updateNotify).toBe('off');
  });
});
