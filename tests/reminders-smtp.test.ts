/**
 * E-mail delivery against a real SMTP server started here on loopback (smtp-server, port 0):
 * the exact messages, no repeats on a re-run, retries through an outage, the give-up after
 * the last attempt, and `scripts/reminders.ts` itself (dry run and real run).
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { MAX_DELIVERY_ATTEMPTS, retryDelayMs } from '~/domain/delivery';
import { createMailer, type Mailer } from '~/mail.server';
import { runReminders } from '~/models/notification.server';
import { action as unsubscribeAction } from '~/routes/unsubscribe.$token';
import { users } from '../db/schema';
import { getDb } from '../db/client';
import { activityId, notificationCount, recordUpdate, seedLovechWithoutHistory, userId } from './reminders-setup';
import { TestSmtp } from './notification-smtp';

const FROM = 'План за подобрение <plan@lovech.test>';
const smtp = new TestSmtp();
let mailer: Mailer;
let head: number;

beforeAll(async () => {
  await seedLovechWithoutHistory();
  head = userId('head@demo.bg');
  getDb().update(users).set({ language: 'en' }).where(eq(users.email, 'secretary@demo.bg')).run();
  await smtp.start();
  mailer = createMailer(smtp.url, FROM);
});

afterAll(async () => {
  mailer?.close();
  await smtp.stop();
});

beforeEach(() => {
  getDb().$client.exec('delete from notifications; delete from status_updates;');
  recordUpdate('1.1.1', '2022-03-17', 'done', 100);
  recordUpdate('3.1.1', '2022-03-20', 'in_progress', 50);
  recordUpdate('2.3.1', '2022-03-22', 'in_progress', 70);
  smtp.rejecting = false;
  smtp.take();
});

const MONDAY = '2022-03-28';
const deliveries = () =>
  getDb().$client.prepare('select key, delivery, attempts, last_error as lastError, next_attempt_at as nextAttemptAt from notifications order by id').all() as {
    key: string;
    delivery: string;
    attempts: number;
    lastError: string | null;
    nextAttemptAt: number | null;
  }[];

describe('e-mail through SMTP', () => {
  it('delivers one message per person on Monday 28.03.2022, in each user\'s language, with links and a one-click unsubscribe', async () => {
    const now = new Date('2022-03-28T05:00:00Z');
    const report = await runReminders({ asOf: MONDAY, mailer, now, appUrl: 'https://plan.lovech.test' });
    expect(report.delivery).toMatchObject({ sent: 2, failedAttempts: 0 });
    const mails = smtp.take().sort((a, b) => a.rcpt[0]!.localeCompare(b.rcpt[0]!));
    // The head's overdue 3.1.1, the ends of 2.3.1 and 3.4.1 and the weekly digest: one e-mail.
    expect(mails.map((m) => [m.rcpt.join(','), m.subject])).toEqual([
      ['head@demo.bg', expect.stringMatching(/^Седмичен преглед \(2022-W13\): просрочени — 1, с наближаващ срок — \d+$/)],
      ['secretary@demo.bg', 'Weekly plan summary (2022-W13): overdue — 1, updates last week — 1'],
    ]);
    const [toHead] = mails;
    expect(toHead!.from).toBe(FROM);
    expect(toHead!.text).toContain('Здравейте, Иван Георгиев,');
    expect(toHead!.text).toContain(`Просрочени (1):\n• 3.1.1 `);
    expect(toHead!.text).toContain(`— срок 25.03.2022, просрочена с 3 дни\n  https://plan.lovech.test/activities/${activityId('3.1.1')}\n`);
    expect(toHead!.html).toContain(`<a href="https://plan.lovech.test/activities/${activityId('3.1.1')}">`);
    const links = toHead!.text.match(/\/activities\/\d+/g)!;
    expect(links).toEqual(expect.arrayContaining([`/activities/${activityId('2.3.1')}`, `/activities/${activityId('3.4.1')}`]));
    expect(new Set(links).size).toBe(links.length);
    expect(toHead!.headers).toMatch(/^auto-submitted: auto-generated$/im);
    expect(toHead!.headers).toMatch(/^list-unsubscribe-post: List-Unsubscribe=One-Click$/im);
    const unsubscribe = /^list-unsubscribe: <(https:\/\/plan\.lovech\.test\/unsubscribe\/([^>]+))>$/im.exec(toHead!.headers);
    expect(unsubscribe, toHead!.headers).not.toBeNull();
    expect(mails[1]!.headers).toContain(`/unsubscribe/${userId('secretary@demo.bg')}.`);
    // The mail client's one-click POST to that link switches the head's reminders off, without a session.
    const oneClick = new Request(unsubscribe![1]!, { method: 'POST', body: new URLSearchParams({ 'List-Unsubscribe': 'One-Click' }) });
    expect((await unsubscribeAction({ request: oneClick, params: { token: unsubscribe![2]! }, context: {} })).status).toBe(200);
    expect(getDb().select().from(users).where(eq(users.id, head)).get()!.remindersEnabled).toBe(false);
    getDb().update(users).set({ remindersEnabled: true }).where(eq(users.id, head)).run();
    const digest = mails[1]!;
    expect(digest.text).toContain('Hello Мария Петрова,');
    expect(digest.text).toContain(`https://plan.lovech.test/activities/${activityId('2.3.1')}`);
    expect(digest.text).toContain('Updates from 21.03.2022 to 27.03.2022 (1):');
    expect(deliveries().every((d) => d.delivery === 'sent' && d.attempts === 1)).toBe(true);

    // A re-run, the same day or later that week, sends nothing new.
    const again = await runReminders({ asOf: MONDAY, mailer, now: new Date(now.getTime() + 3_600_000) });
    expect(again.messages).toEqual([]);
    expect(again.delivery.sent).toBe(0);
    // The next day only what is new goes out: 2.3.1 (due 28.03) has become overdue.
    await runReminders({ asOf: '2022-03-29', mailer, now: new Date('2022-03-29T05:00:00Z') });
    expect(smtp.take().map((m) => [m.rcpt[0], m.subject])).toEqual([['head@demo.bg', 'Просрочена дейност 2.3.1: срокът изтече на 28.03.2022']]);
  });

  it('retries after the SMTP server was down, then delivers each message once', async () => {
    const port = smtp.port;
    await smtp.stop();
    const t0 = new Date('2022-03-28T05:00:00Z');
    const down = await runReminders({ asOf: MONDAY, mailer, now: t0, log: () => {} });
    expect(down.messages).toHaveLength(2);
    // The first failure to connect stops the round: the other one is left untried, not failed.
    expect(down.delivery).toMatchObject({ sent: 0, failedAttempts: 1, gaveUp: 0, deferred: 1 });
    const [tried, ...untried] = deliveries();
    expect(tried).toMatchObject({ delivery: 'pending', attempts: 1, nextAttemptAt: t0.getTime() + retryDelayMs(1) });
    expect(tried!.lastError).toMatch(/ECONNREFUSED/);
    for (const row of untried) expect(row).toMatchObject({ delivery: 'pending', attempts: 0, nextAttemptAt: null, lastError: null });

    // Back up a minute later: the untried ones go; the failed one waits for its retry time.
    await smtp.start(port);
    const early = await runReminders({ asOf: MONDAY, mailer, now: new Date(t0.getTime() + 60_000) });
    expect(early.messages).toEqual([]);
    expect(early.delivery).toMatchObject({ sent: 1, failedAttempts: 0 });
    expect(smtp.take()).toHaveLength(1);
    expect(deliveries()[0]).toMatchObject({ delivery: 'pending', attempts: 1 });

    const later = await runReminders({ asOf: MONDAY, mailer, now: new Date(t0.getTime() + retryDelayMs(1) + 1) });
    expect(later.delivery.sent).toBe(1);
    expect(smtp.take().map((m) => m.rcpt[0])).toEqual(['head@demo.bg']);
    expect(deliveries().map((d) => [d.delivery, d.lastError])).toEqual(Array(2).fill(['sent', null]));
    expect(deliveries()[0]!.attempts).toBe(2);
    await runReminders({ asOf: MONDAY, mailer, now: new Date(t0.getTime() + 10 * retryDelayMs(4)) });
    expect(smtp.take()).toEqual([]);
  });

  it('retries a server that refuses, and marks the message failed after the last attempt', async () => {
    smtp.rejecting = true;
    let now = new Date('2022-03-28T05:00:00Z').getTime();
    await runReminders({ asOf: MONDAY, mailer, now: new Date(now), log: () => {} });
    expect(deliveries().every((d) => d.delivery === 'pending' && d.attempts === 1 && /451/.test(d.lastError ?? ''))).toBe(true);
    for (let attempt = 2; attempt <= MAX_DELIVERY_ATTEMPTS; attempt += 1) {
      now += retryDelayMs(attempt - 1) + 1;
      const report = await runReminders({ asOf: MONDAY, mailer, now: new Date(now), log: () => {} });
      expect(report.delivery.failedAttempts).toBe(2);
      expect(report.delivery.gaveUp).toBe(attempt === MAX_DELIVERY_ATTEMPTS ? 2 : 0);
    }
    expect(deliveries().map((d) => [d.delivery, d.attempts, d.nextAttemptAt])).toEqual(Array(2).fill(['failed', MAX_DELIVERY_ATTEMPTS, null]));
    // Failed ones are not tried again by later runs (the admin page can put them back in the queue).
    smtp.rejecting = false;
    await runReminders({ asOf: MONDAY, mailer, now: new Date(now + 86_400_000) });
    expect(smtp.take()).toEqual([]);
  });

  it('sends nothing to a user who switched reminders off after the reminder was recorded, and keeps it in the app', async () => {
    await runReminders({ asOf: MONDAY, mailer: null });
    getDb().$client.exec(`update notifications set delivery = 'pending'`);
    getDb().update(users).set({ remindersEnabled: false }).where(eq(users.id, head)).run();
    const report = await runReminders({ asOf: MONDAY, mailer });
    expect(report.delivery.sent).toBe(1);
    expect(smtp.take().map((m) => m.rcpt[0])).toEqual(['secretary@demo.bg']);
    const rows = getDb().$client.prepare('select delivery from notifications where user_id = ?').pluck().all(head);
    expect(new Set(rows)).toEqual(new Set(['in_app']));
    getDb().update(users).set({ remindersEnabled: true }).where(eq(users.id, head)).run();
  });

  it('sends with nodemailer 9.1.1 or later, the first without the published advisories (file read and SSRF through raw options, CRLF in List-* headers, addressparser DoS)', () => {
    const { version } = createRequire(import.meta.url)('nodemailer/package.json') as { version: string };
    const [major, minor] = version.split('.').map(Number) as [number, number];
    expect(major > 9 || (major === 9 && minor >= 1), `nodemailer ${version}`).toBe(true);
  });
});

describe('npm run reminders (scripts/reminders.ts)', () => {
  const exec = promisify(execFile);
  const script = (args: string[]) =>
    exec(path.resolve('node_modules/.bin/tsx'), ['scripts/reminders.ts', ...args], {
      env: { ...process.env, SMTP_URL: smtp.url, MAIL_FROM: FROM, APP_URL: 'https://plan.lovech.test', NODE_ENV: 'production' },
      timeout: 60_000,
    });

  it('--dry-run lists what would be sent and writes and sends nothing; without it, sends them', async () => {
    const dry = await script(['--dry-run', '--date', MONDAY]);
    expect(dry.stdout).toContain(`Reminders as of ${MONDAY} (dry run: nothing written or sent)`);
    expect(dry.stdout).toContain('Иван Георгиев <head@demo.bg> [bg] — 1 message, 4 reminder(s): end ×2, overdue ×1, digest_head ×1');
    expect(dry.stdout).toMatch(/digest_secretary +Weekly plan summary \(2022-W13\)/);
    expect(dry.stdout).toContain('Would record 2 message(s) for 2 user(s), carrying 5 reminder(s).');
    expect(notificationCount()).toBe(0);
    expect(smtp.take()).toEqual([]);

    const real = await script(['--date', MONDAY]);
    expect(real.stdout).toContain('Recorded 2 message(s) for 2 user(s), carrying 5 reminder(s). E-mails sent: 2; failed attempts: 0');
    expect(notificationCount()).toBe(2);
    const mails = smtp.take();
    expect(mails.map((m) => m.rcpt[0]).sort()).toEqual(['head@demo.bg', 'secretary@demo.bg']);
    expect(mails.every((m) => m.text.includes('https://plan.lovech.test/'))).toBe(true);

    const again = await script(['--date', MONDAY]);
    expect(again.stdout).toContain('No new reminders.');
    expect(smtp.take()).toEqual([]);
  });

  it('refuses a malformed date', async () => {
    await expect(script(['--date', '28.03.2022'])).rejects.toMatchObject({ code: 2 });
  });
});
