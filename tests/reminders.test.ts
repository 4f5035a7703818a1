/**
 * The reminder rules against the real Lovech plan (imported from the demo file) with a
 * status history written here, run through the database without SMTP (in-app delivery).
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { plannedMessages, runReminders, type PlannedMessage } from '~/models/notification.server';
import { updateOrganizationReminderDays } from '~/models/notification-settings.server';
import { notifications, organizations, users } from '../db/schema';
import { getDb } from '../db/client';
import { activityId, notificationCount, recordUpdate, seedLovechWithoutHistory, userId } from './reminders-setup';

/**
 * The activities of the Lovech plan whose start reminder (14 days before) falls within the
 * 7 days up to 11.03.2022: those starting from 18.03 to 25.03 (3.1.2 on 25.03, the others on
 * 18.03), all owned by "директори на дирекции".
 */
const STARTING_2022_03_18 = ['3.1.2',
  '1.1.2', '2.2.1', '2.3.1', '2.4.1', '2.4.2', '2.5.1', '2.5.2', '2.6.1', '2.7.1', '2.8.1', '2.8.2', '2.8.2', '2.9.1',
  '2.10.1', '3.1.1', '3.2.1', '3.2.2', '3.3.1', '3.4.1', '3.5.1', '3.5.2', '3.6.1', '3.7.1', '3.7.2', '3.8.1', '3.9.1',
  '3.10.1', '3.11.1', '3.12.1', '3.13.1', '3.14.1', '3.15.1',
];
/** Of those, the ones "експерт ИТ" is named on too. */
const IT_STARTING_2022_03_18 = ['3.2.1', '3.2.2', '3.9.1', '3.13.1'];

/** The codes of the activities whose reminders of that kind the messages carry. */
const codesOf = (messages: PlannedMessage[], kind: string) =>
  messages
    .flatMap((m) => m.items)
    .filter((item) => item.kind === kind)
    .map((item) => getDb().$client.prepare('select code from activities where id = ?').pluck().get(item.activityId) as string)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
const keysOf = (messages: PlannedMessage[], kind: string) => messages.flatMap((m) => m.items).filter((item) => item.kind === kind).map((item) => item.key);
const title = (code: string) => getDb().$client.prepare('select title from activities where code = ?').pluck().get(code) as string;
const sorted = (codes: string[]) => [...codes].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

let head: number;
let it_: number;
let secretary: number;

beforeAll(async () => {
  await seedLovechWithoutHistory();
  head = userId('head@demo.bg');
  it_ = userId('it@demo.bg');
  secretary = userId('secretary@demo.bg');
});

beforeEach(() => {
  const sqlite = getDb().$client;
  sqlite.exec(`delete from notifications; delete from status_updates; update users set reminders_enabled = 1;
    update organizations set reminder_days_before_start = 14, reminder_days_before_end = 7;`);
});

describe('reminders on the Lovech plan', () => {
  it('as of 11.03.2022: start reminders for the activities starting on 18.03, the end reminder of 1.1.1, nothing missed long ago', () => {
    const messages = plannedMessages('2022-03-11');
    const toHead = messages.filter((m) => m.userId === head);
    const toIt = messages.filter((m) => m.userId === it_);
    // 14 days before 18.03 is 04.03, within the 7 days before 11.03; the starts on 14.03 (day 28.02) are too old,
    // those on 28.03 (day 14.03) still to come.
    expect(codesOf(toHead, 'start')).toEqual(sorted(STARTING_2022_03_18));
    expect(codesOf(toIt, 'start')).toEqual(sorted(IT_STARTING_2022_03_18));
    // 1.1.1 ends on 18.03: 7 days before is 11.03.
    expect(codesOf(toHead, 'end')).toEqual(['1.1.1']);
    expect(codesOf(messages, 'overdue')).toEqual([]);
    // The secretary is named on everything but heads are linked: no activity reminders for her.
    expect(codesOf(messages.filter((m) => m.userId === secretary), 'start')).toEqual([]);
    // All of it in one message (with the digest of Monday 07.03, still within the week).
    expect(toHead).toHaveLength(1);
    expect(toHead[0]!.kind).toBe('digest_head');
    // Each activity once: 3.1.1 (18.03 to 25.03) is due within 30 days in the digest, and its line gives the start too.
    const text = toHead[0]!.text;
    expect(text).toContain(`• 3.1.1 ${title('3.1.1')} — начало 18.03.2022, срок 25.03.2022 (Планирана, 0%)\n  http://localhost:3000/activities/${activityId('3.1.1')}`);
    expect(text.split(`/activities/${activityId('3.1.1')}\n`)).toHaveLength(2);
    expect(text).toContain(`• 1.1.1 ${title('1.1.1')} — срок 18.03.2022 (Планирана, 0%)`);
    expect(text).toContain(`• 3.15.1 ${title('3.15.1')} — начало 18.03.2022`);
    expect(toIt.map((m) => m.subject)).toEqual(['Напомняния към 11.03.2022: започващи — 4']);
  });

  it('as of 26.03.2022: the overdue-day reminder for 3.1.1 (ended 25.03) when not done, none for the done 1.1.1', () => {
    recordUpdate('1.1.1', '2022-03-17', 'done', 100);
    recordUpdate('3.1.1', '2022-03-20', 'in_progress', 50);
    const messages = plannedMessages('2022-03-26');
    expect(keysOf(messages, 'overdue')).toEqual([`overdue:a${activityId('3.1.1')}:2022-03-25:0:u${head}`]);
    const [toHead, ...others] = messages;
    expect(toHead!.userId).toBe(head);
    expect(others.map((m) => m.userId)).not.toContain(head);
    expect(toHead!.text).toContain(`Просрочени (1):\n• 3.1.1 ${title('3.1.1')} — срок 25.03.2022, просрочена с 1 ден`);
  });

  it('counts only what was recorded by the end of the day: done on 27.03 still overdue as of 26.03', () => {
    recordUpdate('1.1.1', '2022-03-17', 'done', 100);
    recordUpdate('3.1.1', '2022-03-27', 'done', 100);
    expect(codesOf(plannedMessages('2022-03-26'), 'overdue')).toEqual(['3.1.1']);
    expect(codesOf(plannedMessages('2022-03-27'), 'overdue')).toEqual([]);
  });

  it('without the done update 1.1.1 is overdue too, in its second week (ended 18.03)', () => {
    recordUpdate('3.1.1', '2022-03-20', 'in_progress', 50);
    const messages = plannedMessages('2022-03-26');
    expect(codesOf(messages, 'overdue')).toEqual(['1.1.1', '3.1.1']);
    expect(keysOf(messages, 'overdue')).toContain(`overdue:a${activityId('1.1.1')}:2022-03-18:1:u${head}`);
    expect(messages.find((m) => m.userId === head)!.text).toContain(`• 1.1.1 ${title('1.1.1')} — срок 18.03.2022, просрочена с 8 дни`);
  });

  it('records each reminder once: a re-run, the next day and a restart add nothing; the next week adds the weekly one', async () => {
    recordUpdate('1.1.1', '2022-03-17', 'done', 100);
    recordUpdate('3.1.1', '2022-03-20', 'in_progress', 50);
    const first = await runReminders({ asOf: '2022-03-26', mailer: null });
    expect(first.messages.length).toBeGreaterThan(0);
    expect(notificationCount()).toBe(first.messages.length);
    const rows = getDb().select().from(notifications).all();
    expect(new Set(rows.map((r) => r.delivery))).toEqual(new Set(['in_app']));

    expect((await runReminders({ asOf: '2022-03-26', mailer: null })).messages).toEqual([]);
    expect((await runReminders({ asOf: '2022-03-27', mailer: null })).messages).toEqual([]);
    expect(notificationCount()).toBe(first.messages.length);

    const nextWeek = await runReminders({ asOf: '2022-04-02', mailer: null });
    expect(keysOf(nextWeek.messages, 'overdue')).toEqual([
      // 2.3.1 (ended 28.03) and 3.4.1 (31.03) have become overdue since; 3.1.1 is in its second week.
      `overdue:a${activityId('2.3.1')}:2022-03-28:0:u${head}`,
      `overdue:a${activityId('3.1.1')}:2022-03-25:1:u${head}`,
      `overdue:a${activityId('3.4.1')}:2022-03-31:0:u${head}`,
    ]);
    expect(nextWeek.messages.find((m) => m.userId === head)!.text).toContain(`• 3.1.1 ${title('3.1.1')} — срок 25.03.2022, просрочена с 8 дни`);
  });

  it('Monday 28.03.2022: one message per person for the whole run, in the app too, naming each activity once', async () => {
    recordUpdate('1.1.1', '2022-03-17', 'done', 100);
    recordUpdate('3.1.1', '2022-03-20', 'in_progress', 50);
    recordUpdate('2.3.1', '2022-03-22', 'in_progress', 70);
    const report = await runReminders({ asOf: '2022-03-28', mailer: null });
    // The head's overdue 3.1.1, the ends of 2.3.1 and 3.4.1 and the weekly digest that lists them too: one message.
    const toHead = report.messages.filter((m) => m.userId === head);
    expect(toHead).toHaveLength(1);
    expect(toHead[0]!.items.map((i) => i.kind).sort()).toEqual(['digest_head', 'end', 'end', 'overdue']);
    const rows = getDb().$client.prepare('select user_id as userId, body as text from notifications').all() as { userId: number; text: string }[];
    expect(rows.map((r) => r.userId).sort()).toEqual([head, secretary].sort());
    for (const { text } of rows) {
      const links = text.match(/\/activities\/\d+/g) ?? [];
      expect(links.length).toBeGreaterThan(0);
      expect(new Set(links).size, text).toBe(links.length);
    }
    const headText = rows.find((r) => r.userId === head)!.text;
    expect(headText).toContain(`Просрочени (1):\n• 3.1.1 ${title('3.1.1')} — срок 25.03.2022, просрочена с 3 дни`);
    expect(headText).toMatch(new RegExp(`С наближаващ срок \\(\\d+\\):\n• 2\\.3\\.1 .* — срок 28\\.03\\.2022 \\(В изпълнение, 70%\\)`));
    // Every reminder carried is recorded: a second run the same day finds nothing new.
    const items = getDb().$client.prepare('select count(*) from notification_items').pluck().get();
    expect(items).toBe(report.messages.reduce((n, m) => n + m.items.length, 0));
    expect((await runReminders({ asOf: '2022-03-28', mailer: null })).messages).toEqual([]);
  });

  it('a dry run writes nothing', async () => {
    const report = await runReminders({ asOf: '2022-03-11', dryRun: true, mailer: null });
    expect(report.messages.map((m) => [m.userId, m.items.length])).toEqual([
      [head, STARTING_2022_03_18.length + 1 + 1 /* the end of 1.1.1 and the digest */],
      [it_, IT_STARTING_2022_03_18.length],
    ]);
    expect(notificationCount()).toBe(0);
  });

  it('leaves out users who switched reminders off, without sending theirs to anyone else', async () => {
    getDb().update(users).set({ remindersEnabled: false }).where(eq(users.id, head)).run();
    const messages = plannedMessages('2022-03-11');
    expect(messages.filter((m) => m.userId === head)).toEqual([]);
    expect(codesOf(messages.filter((m) => m.userId === it_), 'start')).toEqual(sorted(IT_STARTING_2022_03_18));
    expect(codesOf(messages.filter((m) => m.userId === secretary), 'start')).toEqual([]);
  });

  it('reminds the secretary of an activity no head is linked to (owner "директори дирекции" of 3.4.3)', () => {
    // 3.4.3 starts on 16.09.2022: 14 days before is 02.09.2022.
    const items = plannedMessages('2022-09-02').flatMap((m) => m.items.filter((i) => i.kind === 'start').map((i) => ({ ...i, userId: m.userId })));
    expect(items.filter((i) => i.activityId === activityId('3.4.3')).map((i) => i.userId)).toEqual([secretary]);
    expect(items.filter((i) => i.activityId === activityId('1.3.2')).map((i) => i.userId)).toEqual([head]);
  });

  it('uses the organization\'s number of days', () => {
    const org = getDb().select({ id: organizations.id }).from(organizations).get()!;
    expect(codesOf(plannedMessages('2022-03-08'), 'start')).toContain('3.1.1');
    updateOrganizationReminderDays(null, org.id, 3, 0);
    // 18.03 − 3 = 15.03: nothing as of 08.03; no end reminders at all with 0.
    expect(codesOf(plannedMessages('2022-03-08'), 'start')).toEqual([]);
    expect(codesOf(plannedMessages('2022-03-15'), 'start')).toContain('3.1.1');
    expect(codesOf(plannedMessages('2022-03-15'), 'end')).toEqual([]);
  });

  it('Monday 28.03.2022: digests for the head (overdue 3.1.1) and the secretary (plan overdue and last week\'s updates); none for a head with nothing to report', () => {
    recordUpdate('1.1.1', '2022-03-17', 'done', 100);
    recordUpdate('3.1.1', '2022-03-20', 'in_progress', 50);
    recordUpdate('2.3.1', '2022-03-22', 'in_progress', 70);
    const messages = plannedMessages('2022-03-28');
    expect(messages.map((m) => [m.kind, m.userId])).toEqual([
      ['digest_head', head],
      ['digest_secretary', secretary],
    ]);
    const [headDigest, secretaryDigest] = messages;
    expect(keysOf(messages, 'digest_head')).toEqual([`digest-head:2022-W13:u${head}`]);
    expect(headDigest!.subject).toMatch(/^Седмичен преглед \(2022-W13\): просрочени — 1, с наближаващ срок — \d+$/);
    expect(headDigest!.text).toContain('Просрочени (1):\n• 3.1.1 ');
    expect(secretaryDigest!.subject).toBe('Седмичен преглед на плана (2022-W13): просрочени — 1, отчети през седмицата — 1');
    expect(secretaryDigest!.text).toContain('• Главен секретар: 1');
    expect(secretaryDigest!.text).toContain('Отчети от 21.03.2022 до 27.03.2022 (1):');
    expect(secretaryDigest!.text).toMatch(/22\.03\.2022 \d\d:\d\d 2\.3\.1 .* — В изпълнение, 70% \(Иван Георгиев\)/);
  });
});
