import { describe, expect, it } from 'vitest';
import { isoWeek, mondayOf, startOfDayInSofia } from './dates';
import { afterFailure, MAX_DELIVERY_ATTEMPTS, retryDelayMs } from './delivery';
import {
  digestWindow,
  nextRunAt,
  planReminders,
  recipientsOf,
  type ReminderActivity,
  type ReminderInput,
  type ReminderUser,
} from './reminders';
import { composeMessage, escapeHtml, groupByUser, messageKind, textToHtml } from './reminder-messages';

const OWNER_DIR = { id: 1, name: 'директори на дирекции' };
const OWNER_IT = { id: 2, name: 'експерт ИТ' };
const OWNER_SEC = { id: 3, name: 'Главен секретар' };

const head: ReminderUser = { id: 10, name: 'Иван', email: 'head@x.bg', role: 'head', language: 'bg', remindersEnabled: true, ownerIds: [1] };
const it_: ReminderUser = { id: 11, name: 'Peter', email: 'it@x.bg', role: 'head', language: 'en', remindersEnabled: true, ownerIds: [2] };
const secretary: ReminderUser = { id: 12, name: 'Мария', email: 'sec@x.bg', role: 'secretary', language: 'bg', remindersEnabled: true, ownerIds: [3] };
const viewer: ReminderUser = { id: 13, name: 'Елена', email: 'v@x.bg', role: 'viewer', language: 'bg', remindersEnabled: true, ownerIds: [1, 2, 3] };
const admin: ReminderUser = { id: 14, name: 'Админ', email: 'a@x.bg', role: 'admin', language: 'bg', remindersEnabled: true, ownerIds: [] };
const USERS = [head, it_, secretary, viewer, admin];

function activity(overrides: Partial<ReminderActivity> = {}): ReminderActivity {
  return {
    id: 1,
    planId: 1,
    planTitle: 'План 2022-2024',
    code: '1.1.1',
    title: 'Анализ <важно> & "спешно"',
    start: '2022-03-18',
    end: '2022-06-17',
    ongoing: false,
    status: 'planned',
    percent: 0,
    overdue: false,
    lastUpdateAt: null,
    owners: [OWNER_SEC, OWNER_DIR],
    daysBeforeStart: 14,
    daysBeforeEnd: 7,
    ...overrides,
  };
}

/** overdue as the SQL state computes it: end before asOf, open, not ongoing. */
function withState(a: ReminderActivity, asOf: string): ReminderActivity {
  const open = a.status !== 'done' && a.status !== 'cancelled';
  return { ...a, overdue: !a.ongoing && open && a.end !== null && a.end < asOf };
}

function run(asOf: string, activities: ReminderActivity[], users = USERS, weekUpdates: ReminderInput['weekUpdates'] = []) {
  return planReminders({ asOf, activities: activities.map((a) => withState(a, asOf)), users, weekUpdates });
}

/** The activity reminders of a run (the week's digests, made by any run that week, left out). */
const kinds = (list: ReturnType<typeof run>) => list.filter((r) => !r.kind.startsWith('digest')).map((r) => `${r.kind}@${r.userId}`);

describe('start and end reminders', () => {
  it('reminds of the start N days before, for the day itself and the 7 days after it, not earlier or later', () => {
    // start 2022-03-18, N = 14: the reminder's day is 2022-03-04.
    expect(kinds(run('2022-03-03', [activity()]))).toEqual([]);
    expect(kinds(run('2022-03-04', [activity()]))).toEqual(['start@10']);
    expect(kinds(run('2022-03-11', [activity()]))).toEqual(['start@10']);
    expect(kinds(run('2022-03-12', [activity()]))).toEqual([]);
  });

  it('keys the start reminder by activity, start date and user, whatever the run day', () => {
    const a = run('2022-03-05', [activity()])[0]!;
    const b = run('2022-03-10', [activity()])[0]!;
    expect(a.key).toBe('start:a1:2022-03-18:u10');
    expect(b.key).toBe(a.key);
    expect(a.dueOn).toBe('2022-03-04');
    expect(run('2022-03-05', [activity({ start: '2022-03-19' })])[0]!.key).toBe('start:a1:2022-03-19:u10');
  });

  it('uses the organization N and skips the start reminder once started, and N = 0 switches it off', () => {
    expect(kinds(run('2022-03-08', [activity({ daysBeforeStart: 10 })]))).toEqual(['start@10']);
    expect(kinds(run('2022-03-04', [activity({ daysBeforeStart: 10 })]))).toEqual([]);
    expect(kinds(run('2022-03-11', [activity({ status: 'in_progress' })]))).toEqual([]);
    expect(kinds(run('2022-03-11', [activity({ daysBeforeStart: 0 })]))).toEqual([]);
  });

  it('does not announce a start that has already passed, even within the catch-up window', () => {
    // N = 3: the day 2022-03-15 is within 7 days of 2022-03-20, but the start (03-18) is past.
    expect(kinds(run('2022-03-20', [activity({ daysBeforeStart: 3 })]))).toEqual([]);
    expect(kinds(run('2022-03-18', [activity({ daysBeforeStart: 3 })]))).toEqual(['start@10']);
  });

  it('reminds of the end N days before while not done or cancelled', () => {
    // end 2022-06-17, N = 7: day 2022-06-10.
    expect(kinds(run('2022-06-09', [activity({ status: 'in_progress' })]))).toEqual([]);
    expect(kinds(run('2022-06-10', [activity({ status: 'in_progress' })]))).toEqual(['end@10']);
    expect(kinds(run('2022-06-17', [activity({ status: 'postponed' })]))).toEqual(['end@10']);
    expect(kinds(run('2022-06-12', [activity({ status: 'done' })]))).toEqual([]);
    expect(kinds(run('2022-06-12', [activity({ status: 'cancelled' })]))).toEqual([]);
    expect(run('2022-06-12', [activity({ status: 'in_progress' })])[0]!.key).toBe('end:a1:2022-06-17:u10');
  });

  it('gives both reminders when the start and end days fall in the same run', () => {
    const short = activity({ start: '2022-03-20', end: '2022-03-13', daysBeforeStart: 7, daysBeforeEnd: 0 });
    expect(kinds(run('2022-03-13', [{ ...short, end: '2022-03-25', daysBeforeEnd: 12 }]))).toEqual(['start@10', 'end@10']);
  });

  it('never reminds of ongoing activities', () => {
    const ongoing = activity({ ongoing: true, start: null, end: null });
    expect(kinds(run('2022-03-11', [ongoing]))).toEqual([]);
    expect(kinds(run('2022-03-21', [{ ...ongoing, start: '2022-03-18', end: '2022-03-20' }]))).toEqual([]);
  });
});

describe('overdue reminders', () => {
  const a = activity({ code: '3.1.1', start: '2022-03-18', end: '2022-03-25', status: 'in_progress' });

  it('reminds on the day it becomes overdue, then once a week while it stays overdue', () => {
    expect(kinds(run('2022-03-25', [a]))).toEqual(['end@10']); // due today: not overdue yet
    const first = run('2022-03-26', [a]);
    expect(kinds(first)).toEqual(['overdue@10']);
    expect(first[0]).toMatchObject({ key: 'overdue:a1:2022-03-25:0:u10', dueOn: '2022-03-26', repeat: 0 });
    // The same key the rest of that week: a daily run records it once.
    expect(run('2022-04-01', [a])[0]!.key).toBe('overdue:a1:2022-03-25:0:u10');
    expect(run('2022-04-02', [a])[0]).toMatchObject({ key: 'overdue:a1:2022-03-25:1:u10', dueOn: '2022-04-02', repeat: 1 });
    expect(run('2022-04-09', [a])[0]!.key).toBe('overdue:a1:2022-03-25:2:u10');
  });

  it('after a long pause sends only the latest weekly reminder, not the backlog', () => {
    const late = run('2022-06-01', [a]).filter((r) => r.kind === 'overdue');
    expect(late.map((r) => r.key)).toEqual(['overdue:a1:2022-03-25:9:u10']);
  });

  it('stops when done or cancelled, and starts a new series after a reschedule', () => {
    expect(kinds(run('2022-03-28', [{ ...a, status: 'done' }]))).toEqual([]);
    expect(kinds(run('2022-03-28', [{ ...a, status: 'cancelled' }]))).toEqual([]);
    expect(kinds(run('2022-03-28', [{ ...a, status: 'postponed' }]))).toEqual(['overdue@10']);
    const moved = { ...a, end: '2022-04-30' };
    expect(kinds(run('2022-03-28', [moved]))).toEqual([]);
    expect(run('2022-05-01', [moved])[0]!.key).toBe('overdue:a1:2022-04-30:0:u10');
  });
});

describe('recipients', () => {
  it('sends to every head linked to one of the owners', () => {
    const both = activity({ owners: [OWNER_SEC, OWNER_DIR, OWNER_IT] });
    expect(recipientsOf(both, USERS).map((u) => u.id)).toEqual([10, 11]);
    expect(kinds(run('2022-03-11', [both]))).toEqual(['start@10', 'start@11']);
  });

  it('falls back to the other linked users (never viewers) when no head is linked', () => {
    const secretaryOnly = activity({ owners: [OWNER_SEC, { id: 9, name: 'директори дирекции' }] });
    expect(recipientsOf(secretaryOnly, USERS).map((u) => u.id)).toEqual([12]);
    expect(recipientsOf(activity({ owners: [{ id: 9, name: 'нов' }] }), USERS)).toEqual([]);
  });

  it('leaves out users who switched reminders off without handing their reminders to others', () => {
    const off = { ...head, remindersEnabled: false };
    expect(kinds(run('2022-03-11', [activity()], [off, it_, secretary]))).toEqual([]);
  });
});

describe('weekly digests', () => {
  const monday = '2023-03-06';
  const overdue = activity({ id: 1, code: '2.3.2', start: '2022-03-28', end: '2022-05-26', status: 'in_progress', lastUpdateAt: startOfDayInSofia('2022-05-01') });
  const dueSoon = activity({ id: 2, code: '1.5.1', start: '2022-03-14', end: '2023-03-15', status: 'in_progress', lastUpdateAt: startOfDayInSofia('2023-02-20') });
  const stale = activity({ id: 3, code: '1.2.2', start: null, end: null, ongoing: true, status: 'in_progress', lastUpdateAt: startOfDayInSofia('2022-06-30') });
  const fresh = activity({ id: 4, code: '3.1.3', start: '2022-12-15', end: '2024-03-15', status: 'in_progress', lastUpdateAt: startOfDayInSofia('2023-01-10') });
  const notStarted = activity({ id: 5, code: '3.9.9', start: '2023-05-01', end: '2023-09-01', status: 'planned' });
  const itOnly = activity({ id: 6, code: '3.13.1', end: '2022-06-17', status: 'in_progress', owners: [OWNER_SEC, OWNER_IT], lastUpdateAt: startOfDayInSofia('2022-06-01') });
  const all = [overdue, dueSoon, stale, fresh, notStarted, itOnly];
  const update = { activityId: 2, code: '1.5.1', title: 'Отчет', status: 'in_progress' as const, percent: 60, userName: 'Иван', at: startOfDayInSofia('2023-03-01') + 3_600_000 };

  it('gives each head their overdue, due-within-30-days and not-updated-for-90-days activities, keyed by ISO week', () => {
    const digests = run(monday, all, USERS, [update]).filter((r) => r.kind === 'digest_head');
    expect(digests.map((d) => d.key)).toEqual(['digest-head:2023-W10:u10', 'digest-head:2023-W10:u11']);
    const mine = digests[0]!;
    if (mine.kind !== 'digest_head') throw new Error('kind');
    expect(mine.overdue.map((a) => a.code)).toEqual(['2.3.2']);
    expect(mine.dueSoon.map((a) => a.code)).toEqual(['1.5.1']);
    expect(mine.stale.map((a) => a.code)).toEqual(['1.2.2']);
  });

  it('gives the secretary the whole plan: overdue by owner and the week\'s updates', () => {
    const [digest] = run(monday, all, USERS, [update]).filter((r) => r.kind === 'digest_secretary');
    if (digest?.kind !== 'digest_secretary') throw new Error('no secretary digest');
    expect(digest.key).toBe('digest-secretary:2023-W10:u12');
    expect(digest.overdue.map((a) => a.code)).toEqual(['2.3.2', '3.13.1']);
    expect(digest.byOwner).toEqual([
      { owner: 'Главен секретар', count: 2 },
      { owner: 'директори на дирекции', count: 1 },
      { owner: 'експерт ИТ', count: 1 },
    ]);
    expect(digest.updates).toEqual([update]);
  });

  it('is made on Monday and, missed, by the first run later that week, with the same key; never the week after', () => {
    const tuesday = run('2023-03-07', all).filter((r) => r.kind.startsWith('digest'));
    expect(tuesday.map((r) => r.key)).toContain('digest-head:2023-W10:u10');
    expect(run('2023-03-12', all).map((r) => r.key)).toContain('digest-secretary:2023-W10:u12');
    expect(run('2023-03-13', all).map((r) => r.key)).toContain('digest-secretary:2023-W11:u12');
    expect(run('2023-03-13', all).map((r) => r.key)).not.toContain('digest-secretary:2023-W10:u12');
  });

  it('sends no empty digest and none to users with reminders off', () => {
    expect(run(monday, [fresh, notStarted]).filter((r) => r.kind.startsWith('digest'))).toEqual([]);
    const users = [{ ...head, remindersEnabled: false }, { ...secretary, remindersEnabled: false }, it_];
    expect(run(monday, all, users).map((r) => r.key)).toEqual(['overdue:a6:2022-06-17:37:u11', 'digest-head:2023-W10:u11']);
  });

  it('counts "not updated for 90 days" from the start when never updated', () => {
    const recent = activity({ id: 7, code: '4.1.1', start: '2023-01-02', end: '2023-12-31', status: 'planned' });
    const old = activity({ id: 8, code: '4.1.2', start: '2022-11-01', end: '2023-12-31', status: 'planned' });
    const digest = run(monday, [recent, old]).find((r) => r.kind === 'digest_head');
    if (digest?.kind !== 'digest_head') throw new Error('no digest');
    expect(digest.stale.map((a) => a.code)).toEqual(['4.1.2']);
    const updated = { ...old, lastUpdateAt: startOfDayInSofia('2023-01-20') };
    expect(run(monday, [recent, updated]).filter((r) => r.kind === 'digest_head')).toEqual([]);
  });

  it('reports the week before the Monday', () => {
    const window = digestWindow('2023-03-08');
    expect(window.monday).toBe('2023-03-06');
    expect(window.from).toBe(startOfDayInSofia('2023-02-27'));
    expect(window.to).toBe(startOfDayInSofia('2023-03-06'));
  });
});

describe('ISO weeks', () => {
  it('numbers weeks the ISO way across year ends', () => {
    expect(isoWeek('2023-03-06')).toBe('2023-W10');
    expect(isoWeek('2023-03-12')).toBe('2023-W10');
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(isoWeek('2022-01-03')).toBe('2022-W01');
    expect(mondayOf('2023-03-12')).toBe('2023-03-06');
    expect(mondayOf('2023-03-06')).toBe('2023-03-06');
  });
});

describe('messages', () => {
  const a = withState(activity({ id: 33, code: '3.1.1', end: '2022-03-25', status: 'in_progress', percent: 40 }), '2022-03-26');

  it('writes the overdue-day reminder in Bulgarian with a direct link and the right plural', () => {
    const [reminder] = planReminders({ asOf: '2022-03-26', activities: [a], users: [head], weekUpdates: [] });
    const message = composeMessage([reminder!], head, '2022-03-26', 'https://plan.example.bg/');
    expect(message.subject).toBe('Просрочена дейност 3.1.1: срокът изтече на 25.03.2022');
    expect(message.text).toContain('Здравейте, Иван,');
    expect(message.text).toContain('Текущ статус: В изпълнение, 40%.');
    expect(message.text).toContain('https://plan.example.bg/activities/33');
    expect(message.link).toBe('/activities/33');
    const week = planReminders({ asOf: '2022-04-03', activities: [withState(a, '2022-04-03')], users: [head], weekUpdates: [] })[0]!;
    expect(composeMessage([week], head, '2022-04-03', 'https://plan.example.bg').subject).toBe('Все още просрочена: дейност 3.1.1 (с 9 дни)');
  });

  it('writes in English for English-speaking users', () => {
    const start = planReminders({ asOf: '2022-03-11', activities: [activity({ owners: [OWNER_IT] })], users: [it_], weekUpdates: [] })[0]!;
    const message = composeMessage([start], it_, '2022-03-11', 'http://localhost:3000');
    expect(message.subject).toBe('Reminder: activity 1.1.1 starts on 18.03.2022');
    expect(message.text).toContain('starts on 18.03.2022 (in 7 days)');
  });

  it('puts a run\'s reminders for one person into one message, naming each activity once', () => {
    const asOf = '2022-03-28'; // a Monday: the digest is due too
    const late = activity({ id: 33, code: '3.1.1', start: '2022-03-01', end: '2022-03-25', status: 'in_progress', percent: 50 });
    const ending = activity({ id: 41, code: '2.3.1', start: '2022-03-01', end: '2022-04-04', status: 'in_progress', percent: 70 });
    const shortOne = activity({ id: 52, code: '3.4.1', start: '2022-03-01', end: '2022-04-04', status: 'in_progress', percent: 10 });
    // 1.2.1 starts in 14 days and ends in 30 (its organization reminds 30 days before the end): both reminders today.
    const both = activity({ id: 60, code: '1.2.1', start: '2022-04-11', end: '2022-04-27', daysBeforeEnd: 30 });
    const reminders = run(asOf, [late, ending, shortOne, both].map((a) => ({ ...a, owners: [OWNER_DIR] })), [head, secretary]);
    const groups = groupByUser(reminders);
    expect(groups.map((g) => g[0]!.userId)).toEqual([head.id, secretary.id]);
    const mine = groups[0]!;
    expect(mine.map((r) => r.kind).sort()).toEqual(['digest_head', 'end', 'end', 'end', 'overdue', 'start']);
    expect(messageKind(mine)).toBe('digest_head');
    const message = composeMessage(mine, head, asOf, 'https://plan.example.bg');
    expect(message.subject).toBe('Седмичен преглед (2022-W13): просрочени — 1, с наближаващ срок — 3');
    expect(message.link).toBe('/my');
    for (const id of [33, 41, 52, 60]) expect(message.text.split(`https://plan.example.bg/activities/${id}\n`), String(id)).toHaveLength(2);
    expect(message.text).toContain('Просрочени (1):\n• 3.1.1 ');
    expect(message.text).toContain('1.2.1 Анализ <важно> & "спешно" — начало 11.04.2022, срок 27.04.2022 (Планирана, 0%)');
    expect(message.text).not.toContain('Започват скоро');
    // The secretary's digest counts every overdue activity by owner, and lists each once.
    const secretaryMessage = composeMessage(groups[1]!, secretary, asOf, 'https://plan.example.bg');
    expect(secretaryMessage.subject).toBe('Седмичен преглед на плана (2022-W13): просрочени — 1, отчети през седмицата — 0');
    expect(messageKind(groups[1]!)).toBe('digest_secretary');
  });

  it('keeps the one-activity message when a run has one reminder for a person, and sums up several on other days', () => {
    const [only] = planReminders({ asOf: '2022-03-26', activities: [a], users: [head], weekUpdates: [] });
    expect(messageKind([only!])).toBe('overdue');
    const starts = run('2022-03-04', [activity({ id: 1, code: '1.1.1', owners: [OWNER_IT] }), activity({ id: 2, code: '1.1.2', owners: [OWNER_IT] })], [it_]);
    expect(messageKind(starts)).toBe('reminders');
    const message = composeMessage(starts, it_, '2022-03-04', 'http://localhost:3000');
    expect(message.subject).toBe('Reminders as of 04.03.2022: starting — 2');
    expect(message.text).toContain('Starting soon (2):\n• 1.1.1 Анализ <важно> & "спешно" — starts 18.03.2022');
  });

  it('escapes everything in the HTML part and links only http(s) addresses', () => {
    const html = textToHtml('Дейност „<script>alert(1)</script>“ & co\n\nhttps://plan.example.bg/activities/1?a=1&b=2\njavascript:alert(1)', 'bg');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<a href="https://plan.example.bg/activities/1?a=1&amp;b=2">');
    expect(html).not.toContain('href="javascript');
    expect(escapeHtml(`"'<>&`)).toBe('&quot;&#39;&lt;&gt;&amp;');
  });
});

describe('retries and schedule', () => {
  it('backs off exponentially and gives up after the last attempt', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([600_000, 2_400_000, 9_600_000, 38_400_000]);
    expect(afterFailure(1, 1000)).toEqual({ delivery: 'pending', nextAttemptAt: 601_000 });
    expect(afterFailure(MAX_DELIVERY_ATTEMPTS, 1000)).toEqual({ delivery: 'failed', nextAttemptAt: null });
  });

  it('finds the next HH:MM on a Sofia clock, summer time included', () => {
    // Winter: UTC+2.
    expect(new Date(nextRunAt(Date.parse('2024-01-10T04:00:00Z'), '07:00')).toISOString()).toBe('2024-01-10T05:00:00.000Z');
    expect(new Date(nextRunAt(Date.parse('2024-01-10T05:00:01Z'), '07:00')).toISOString()).toBe('2024-01-11T05:00:00.000Z');
    // Summer time starts on 2024-03-31 at 03:00: 07:00 that day is 04:00 UTC.
    expect(new Date(nextRunAt(Date.parse('2024-03-30T06:00:00Z'), '07:00')).toISOString()).toBe('2024-03-31T04:00:00.000Z');
    // And ends on 2024-10-27: 07:00 is 05:00 UTC again.
    expect(new Date(nextRunAt(Date.parse('2024-10-26T05:00:00Z'), '07:00')).toISOString()).toBe('2024-10-27T05:00:00.000Z');
    expect(new Date(nextRunAt(Date.parse('2024-01-10T21:59:00Z'), '00:00')).toISOString()).toBe('2024-01-10T22:00:00.000Z');
    expect(() => nextRunAt(0, '7:00')).toThrow(RangeError);
  });
});
