/**
 * The calendar feed: iCalendar text checked line by line (CRLF, folding at 75 octets,
 * escaping, all-day events, required properties), the events per activity of a user's
 * owners, and the secret, revocable URL.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { activitiesIcs, buildIcs, escapeText, foldLine, PRODID, } from '~/exports/ics.server';
import type { CalendarActivity } from '~/models/calendar.server';
import { calendarActivities, createCalendarToken, hasCalendarToken, revokeCalendarToken, userByCalendarToken } from '~/models/calendar.server';
import { getUserByEmail, updateUser } from '~/models/user.server';
import { action as calendarAction, loader as calendarLoader } from '~/routes/calendar';
import { loader as feedLoader } from '~/routes/calendar.$token[.ics]';
import { seedDemo } from '../db/seed';
import { getDb } from '../db/client';
import { call, makeRequest, makeUser } from './helpers';

type Event = Record<string, string>;

/** Unfolds and parses an iCalendar text, checking the RFC 5545 line rules on the way. */
function parseIcs(text: string): { calendar: Event; events: Event[] } {
  expect(text.endsWith('\r\n')).toBe(true);
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) {
    expect(line).not.toMatch(/[\r\n]/);
    expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  }
  const lines: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ')) lines[lines.length - 1] += line.slice(1);
    else lines.push(line);
  }
  const calendar: Event = {};
  const events: Event[] = [];
  let current: Event | null = null;
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon);
    const value = line.slice(colon + 1);
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      events.push(current!);
      current = null;
    } else if (current) current[name] = value;
    else calendar[name] = value;
  }
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(lines.at(-1)).toBe('END:VCALENDAR');
  return { calendar, events };
}

function unescape(text: string): string {
  return text.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

describe('iCalendar text', () => {
  it('escapes backslash, semicolon, comma and line breaks', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds at 75 octets without splitting a Cyrillic letter', () => {
    const line = `SUMMARY:${'Краен срок: 1.1.1 Създаване на работна група за разработване на Стратегията; '.repeat(4)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(4);
    parts.forEach((part, i) => {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
      if (i > 0) expect(part.startsWith(' ')).toBe(true);
      expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part); // whole characters only
    });
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
    expect(foldLine('SHORT:line')).toBe('SHORT:line');
  });

  it('writes all-day events with UID, DTSTAMP and the calendar properties', () => {
    const text = buildIcs({
      name: 'Срокове, план; 2024',
      now: new Date(Date.UTC(2024, 4, 6, 9, 30, 15)),
      events: [{ uid: 'activity-1-end@example.bg', date: '2024-12-31', summary: 'Краен срок: 1.1, „тест“; \\ край', description: 'ред 1\nред 2' }],
    });
    const { calendar, events } = parseIcs(text);
    expect(calendar).toMatchObject({ VERSION: '2.0', PRODID, CALSCALE: 'GREGORIAN', METHOD: 'PUBLISH', 'X-WR-CALNAME': 'Срокове\\, план\\; 2024' });
    expect(events).toEqual([
      expect.objectContaining({
        UID: 'activity-1-end@example.bg',
        DTSTAMP: '20240506T093015Z',
        'DTSTART;VALUE=DATE': '20241231',
        'DTEND;VALUE=DATE': '20250101',
        SUMMARY: 'Краен срок: 1.1\\, „тест“\\; \\\\ край',
        DESCRIPTION: 'ред 1\\nред 2',
      }),
    ]);
    expect(unescape(events[0]!.SUMMARY!)).toBe('Краен срок: 1.1, „тест“; \\ край');
  });

  it('gives each open activity a start and a deadline event, closed ones only the deadline, ongoing ones no deadline', () => {
    const base: CalendarActivity = {
      id: 1,
      planId: 1,
      planTitle: 'План',
      measureCode: '1.1',
      measureTitle: 'Мярка',
      code: '1.1.1',
      title: 'Открита',
      start: '2024-01-10',
      end: '2024-03-31',
      baselineEnd: '2024-03-31',
      ongoing: false,
      status: 'in_progress',
      percent: 40,
      overdue: false,
      owners: 'Главен секретар, директори на дирекции',
    };
    const text = activitiesIcs(
      [
        base,
        { ...base, id: 2, code: '1.1.2', title: 'Изпълнена', status: 'done', percent: 100 },
        { ...base, id: 3, code: '1.1.3', title: 'Текуща', ongoing: true, end: null, baselineEnd: null },
        { ...base, id: 4, code: '1.1.4', title: 'Просрочена', end: '2024-06-30', overdue: true },
      ],
      { lang: 'bg', appUrl: 'https://plan.example.bg', now: new Date(Date.UTC(2024, 4, 6)) },
    );
    const { events } = parseIcs(text);
    expect(events.map((e) => e.UID)).toEqual([
      'activity-1-start@plan.example.bg',
      'activity-1-end@plan.example.bg',
      'activity-2-end@plan.example.bg',
      'activity-3-start@plan.example.bg',
      'activity-4-start@plan.example.bg',
      'activity-4-end@plan.example.bg',
    ]);
    expect(unescape(events[1]!.SUMMARY!)).toBe('Краен срок: 1.1.1 Открита');
    expect(unescape(events[2]!.SUMMARY!)).toBe('Краен срок: 1.1.2 Изпълнена (Изпълнена)');
    expect(unescape(events[5]!.SUMMARY!)).toBe('Краен срок: 1.1.4 Просрочена — ПРОСРОЧЕНА');
    expect(events[5]!['DTSTART;VALUE=DATE']).toBe('20240630');
    expect(unescape(events[5]!.DESCRIPTION!)).toContain('Срок по план: 31.03.2024');
    expect(unescape(events[0]!.DESCRIPTION!)).toBe('План: План\nМярка: 1.1 Мярка\nОтговорници: Главен секретар, директори на дирекции\nСтатус: В изпълнение (40%)');
    expect(events[0]!.URL).toBe('https://plan.example.bg/activities/1');
  });
});

describe('the feed of a user', () => {
  beforeAll(async () => {
    await seedDemo();
  });

  const feed = async (token: string) => call(feedLoader, await makeRequest(`/calendar/${token}.ics`), { token });

  it('serves the deadlines of the activities of the user\'s owners, without a login, until revoked', async () => {
    const head = getUserByEmail('it@demo.bg')!;
    const own = calendarActivities(head);
    const ownIds = (getDb().$client
      .prepare(`select distinct ao.activity_id as id from activity_owners ao join user_owners uo on uo.owner_id = ao.owner_id where uo.user_id = ?`)
      .all(head.id) as { id: number }[]).map((r) => r.id);
    expect(own.map((a) => a.id).sort((a, b) => a - b)).toEqual(ownIds.sort((a, b) => a - b));
    expect(own.length).toBeGreaterThan(0);

    const token = createCalendarToken(head.id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = getDb().$client.prepare('select calendar_token as t from users where id = ?').get(head.id) as { t: string };
    expect(stored.t).not.toContain(token); // only a hash is kept
    const response = await feed(token);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8');
    const { events } = parseIcs(await response.text());
    const expected = own.flatMap((a) => {
      const closed = a.status === 'done' || a.status === 'cancelled';
      return [a.start && !closed ? `activity-${a.id}-start` : null, a.end && !a.ongoing ? `activity-${a.id}-end` : null].filter(Boolean);
    });
    expect(events.map((e) => e.UID!.split('@')[0])).toEqual(expected);
    for (const event of events) {
      expect(event.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/);
      expect(event['DTSTART;VALUE=DATE']).toMatch(/^\d{8}$/);
    }

    revokeCalendarToken(head.id);
    expect(hasCalendarToken(head.id)).toBe(false);
    expect((await feed(token)).status).toBe(404);
  });

  it('gives a secretary or admin linked to no owner every activity, and a viewer linked to none nothing', async () => {
    const total = (getDb().$client.prepare('select count(*) as n from activities where archived = 0').get() as { n: number }).n;
    const admin = getUserByEmail('admin@demo.bg')!;
    expect(calendarActivities(admin)).toHaveLength(total);
    const secretaryWithoutOwners = await makeUser('secretary');
    expect(calendarActivities(secretaryWithoutOwners)).toHaveLength(total);
    const it = getDb().$client.prepare(`select id from owners where name = 'експерт ИТ'`).get() as { id: number };
    const linkedSecretary = await makeUser('secretary', [it.id]); // linked: only that owner's activities
    expect(calendarActivities(linkedSecretary).length).toBeGreaterThan(0);
    expect(calendarActivities(linkedSecretary).length).toBeLessThan(total);
    expect(calendarActivities(getUserByEmail('viewer@demo.bg')!)).toEqual([]);
  });

  it('refuses a new token\'s predecessor, a disabled user, and anything not a token', async () => {
    const user = await makeUser('head');
    const first = createCalendarToken(user.id);
    const second = createCalendarToken(user.id);
    expect((await feed(first)).status).toBe(404);
    expect((await feed(second)).status).toBe(200);
    updateUser(user.id, { disabled: true });
    expect((await feed(second)).status).toBe(404);
    expect(userByCalendarToken('')).toBeNull();
    expect(userByCalendarToken("' or 1=1 --")).toBeNull();
  });

  it('is the same feed, with links to APP_URL, whatever address it is fetched at (behind a proxy too)', async () => {
    const head = getUserByEmail('it@demo.bg')!;
    const token = createCalendarToken(head.id);
    const at = async (url: string, headers: Record<string, string> = {}) =>
      (await call(feedLoader, new Request(url, { headers }), { token })).text();
    const withoutStamps = (text: string) => text.replace(/^DTSTAMP:.*\r\n/gm, '');
    const direct = await at(`http://localhost:3000/calendar/${token}.ics`);
    const internal = await at(`http://10.0.0.7:8080/calendar/${token}.ics`, { 'X-Forwarded-Host': 'plan.example.bg', 'X-Forwarded-Proto': 'https' });
    expect(withoutStamps(internal)).toBe(withoutStamps(direct));
    const { events } = parseIcs(internal);
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      expect(event.UID).toMatch(/^activity-\d+-(start|end)@localhost$/); // APP_URL's host (http://localhost:3000 in the tests)
      expect(event.URL).toMatch(/^http:\/\/localhost:3000\/activities\/\d+$/);
    }
    revokeCalendarToken(head.id);
  });

  it('lets a signed-in user make and revoke their URL on /calendar', async () => {
    const user = getUserByEmail('head@demo.bg')!;
    expect(await (await call(calendarLoader, await makeRequest('/calendar', { user }))).json()).toMatchObject({ active: false });
    const made = await (await call(calendarAction, await makeRequest('/calendar', { user, form: { intent: 'create' } }))).json();
    expect(made.feedUrl).toMatch(/^http:\/\/localhost:3000\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const token = /calendar\/(.+)\.ics$/.exec(made.feedUrl)![1]!;
    expect((await feed(token)).status).toBe(200);
    expect(await (await call(calendarLoader, await makeRequest('/calendar', { user }))).json()).toMatchObject({ active: true });
    await call(calendarAction, await makeRequest('/calendar', { user, form: { intent: 'revoke' } }));
    expect((await feed(token)).status).toBe(404);
    // The address shown is APP_URL's, not one a request (or a proxy header) names.
    const elsewhere = await makeRequest('/calendar', { user, form: { intent: 'create' }, headers: { 'X-Forwarded-Host': 'other.example', Origin: 'http://localhost:3000' } });
    expect((await (await call(calendarAction, elsewhere)).json()).feedUrl).toMatch(/^http:\/\/localhost:3000\/calendar\//);
    await call(calendarAction, await makeRequest('/calendar', { user, form: { intent: 'revoke' } }));
    expect((await call(calendarLoader, await makeRequest('/calendar'))).status).toBe(302);
  });
});
