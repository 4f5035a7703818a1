/**
 * The SQL state of activities (activityStateCte, and the lists built on it) against the
 * domain rules of deriveActivityState, on the demo plan and its history.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { deriveActivityState, type ActivityState } from '~/domain/activity-state';
import { addDays, todayInSofia } from '~/domain/dates';
import { parseActivityFilters, filtersSearch } from '~/domain/filters';
import type { Status } from '~/domain/status';
import { activityStateCte, type ActivityStateRow } from '~/models/activity-state.server';
import { rescheduleActivity } from '~/models/activity.server';
import { listActivities } from '~/models/activity-list.server';
import { recordStatusUpdate } from '~/models/status-update.server';
import { seedLovech2022 } from '../db/seed';
import { getDb } from '../db/client';
import { makeUser } from './helpers';

type Raw = { id: number; code: string; start: string | null; baseline_end: string | null; ongoing: number };

function domainStates(asOf: string): Map<number, ActivityState> {
  const sqlite = getDb().$client;
  const activities = sqlite.prepare('select id, code, start, baseline_end, ongoing from activities where archived = 0').all() as Raw[];
  const changes = sqlite.prepare('select activity_id as id, created_at as at, new_end as newEnd from schedule_changes order by id').all() as {
    id: number;
    at: number;
    newEnd: string;
  }[];
  const updates = sqlite
    .prepare('select activity_id as id, created_at as at, as_of as asOf, status, percent, completed_on as completedOn from status_updates order by id')
    .all() as { id: number; at: number; asOf: string; status: Status; percent: number | null; completedOn: string | null }[];
  return new Map(
    activities.map((a) => [
      a.id,
      deriveActivityState(
        {
          start: a.start,
          baselineEnd: a.baseline_end,
          ongoing: a.ongoing === 1,
          endChanges: changes.filter((c) => c.id === a.id).map(({ at, newEnd }) => ({ at, newEnd })),
        },
        updates.filter((u) => u.id === a.id),
        asOf,
      ),
    ]),
  );
}

let planId: number;
let today: string;

beforeAll(async () => {
  await seedLovech2022();
  const sqlite = getDb().$client;
  planId = (sqlite.prepare('select id from plans').get() as { id: number }).id;
  today = todayInSofia();
  // Some of today's changes too, so that "today" is not only the seeded past.
  const secretary = await makeUser('secretary');
  const ids = (sqlite.prepare('select id from activities order by position limit 3').all() as { id: number }[]).map((r) => r.id);
  recordStatusUpdate({ activityId: ids[0]!, userId: secretary.id, status: 'in_progress', percent: 35, comment: 'днес', completedOn: null });
  recordStatusUpdate({ activityId: ids[1]!, userId: secretary.id, status: 'done', percent: null, comment: null, completedOn: today });
  expect(rescheduleActivity(ids[2]!, { newEnd: addDays(today, 10), reason: 'тест' }, secretary.id).ok).toBe(true);
});

describe('activityStateCte agrees with deriveActivityState', () => {
  for (const label of ['2022-06-15', '2022-12-31', '2023-06-30', '2024-03-31', 'today']) {
    it(`for every demo activity as of ${label}`, () => {
      const asOf = label === 'today' ? today : label;
      const rows = getDb().all<Pick<ActivityStateRow, 'id' | 'status' | 'percent' | 'end_date' | 'overdue' | 'due_this_quarter' | 'late_start'>>(
        sql`with ${activityStateCte(asOf)} select id, status, percent, end_date, overdue, due_this_quarter, late_start from activity_state`,
      );
      const domain = domainStates(asOf);
      expect(rows).toHaveLength(54);
      expect(domain.size).toBe(54);
      for (const row of rows) {
        const expected = domain.get(row.id)!;
        expect(
          {
            id: row.id,
            status: row.status,
            percent: row.percent,
            end: row.end_date,
            overdue: row.overdue === 1,
            dueThisQuarter: row.due_this_quarter === 1,
            lateStart: row.late_start === 1,
          },
          `activity ${row.id} as of ${asOf}`,
        ).toEqual({
          id: row.id,
          status: expected.status,
          percent: expected.percent,
          end: expected.end,
          overdue: expected.overdue,
          dueThisQuarter: expected.dueThisQuarter,
          lateStart: expected.lateStart,
        });
      }
      // The dates chosen must exercise the rules, not only agree on nothing.
      if (asOf === '2023-06-30') {
        const states = [...domain.values()];
        expect(states.some((s) => s.overdue)).toBe(true);
        expect(states.some((s) => s.status === 'done')).toBe(true);
        expect(states.some((s) => s.slipDays !== null && s.slipDays > 0)).toBe(true);
      }
    });
  }

  it('the list filters by derived state give the same activities as the domain', () => {
    for (const asOf of ['2022-12-31', '2023-06-30', today]) {
      const domain = [...domainStates(asOf)];
      const ids = (state: 'overdue' | 'due' | 'late_start') =>
        listActivities({ asOf, state }, planId)
          .map((r) => r.id)
          .sort((a, b) => a - b);
      const expected = (pick: (s: ActivityState) => boolean) =>
        domain
          .filter(([, s]) => pick(s))
          .map(([id]) => id)
          .sort((a, b) => a - b);
      expect(ids('overdue')).toEqual(expected((s) => s.overdue));
      expect(ids('due')).toEqual(expected((s) => s.dueThisQuarter));
      expect(ids('late_start')).toEqual(expected((s) => s.lateStart));
    }
    expect(listActivities({ asOf: '2023-06-30', state: 'overdue' }, planId).length).toBeGreaterThan(0);
  });

  it('orders "my activities" by the domain urgency', async () => {
    const sqlite = getDb().$client;
    const ownerIds = (sqlite.prepare('select id from owners').all() as { id: number }[]).map((o) => o.id);
    const everyone = await makeUser('head', ownerIds);
    for (const asOf of ['2023-06-30', today]) {
      const rows = listActivities({ asOf }, undefined, { userId: everyone.id, byUrgency: true });
      const domain = domainStates(asOf);
      const urgencies = rows.map((r) => domain.get(r.id)!.urgency);
      expect(rows.length).toBeGreaterThan(40);
      expect(urgencies).toEqual([...urgencies].sort((a, b) => a - b));
    }
  });
});

describe('activity filters', () => {
  it('parses the URL contract and ignores invalid values', () => {
    const filters = parseActivityFilters(
      new URLSearchParams('area=2&owner=7&status=in_progress&state=overdue&caf=2.3&quarter=2024-q2&q=%20ИТ%20&asOf=2023-06-30&sort=end&plan=1'),
    );
    expect(filters).toEqual({
      area: '2',
      owner: 7,
      status: 'in_progress',
      state: 'overdue',
      caf: '2.3',
      quarter: '2024-Q2',
      q: 'ИТ',
      asOf: '2023-06-30',
      sort: 'end',
      plan: 1,
    });
    const bad = parseActivityFilters(
      new URLSearchParams('area=x&owner=-1&status=late&state=soon&caf=12&quarter=2024-H1&asOf=2023-02-30&sort=title&plan=abc&q='),
    );
    expect(bad).toEqual({});
    expect(filtersSearch({ area: '2', sort: 'end' }, { status: 'done', sort: undefined })).toBe('?area=2&status=done');
  });

  it('narrows by area, owner, status, CAF criterion, quarter and Cyrillic text in any case', () => {
    const sqlite = getDb().$client;
    const asOf = '2023-06-30';
    const all = listActivities({ asOf }, planId);
    expect(all).toHaveLength(54);

    const area2 = listActivities({ asOf, area: '2' }, planId);
    expect(area2.length).toBeGreaterThan(0);
    expect(area2.length).toBeLessThan(54);
    expect(area2.every((r) => r.areaCode === '2')).toBe(true);
    expect(area2.length).toBe(all.filter((r) => r.areaCode === '2').length);

    const it = sqlite.prepare("select id from owners where name = 'експерт ИТ'").get() as { id: number };
    const byOwner = listActivities({ asOf, owner: it.id }, planId);
    expect(byOwner.length).toBeGreaterThan(0);
    expect(byOwner.every((r) => r.owners.some((o) => o.id === it.id))).toBe(true);
    expect(byOwner.length).toBe(all.filter((r) => r.owners.some((o) => o.id === it.id)).length);

    const done = listActivities({ asOf, status: 'done' }, planId);
    expect(done.length).toBe(all.filter((r) => r.status === 'done').length);
    expect(done.every((r) => r.status === 'done')).toBe(true);

    const cafMeasures = new Set(
      (sqlite.prepare("select measure_id as id from measure_caf_refs where caf_code like '2.%' or caf_code = '2'").all() as { id: number }[]).map(
        (r) => r.id,
      ),
    );
    const caf2 = listActivities({ asOf, caf: '2' }, planId);
    expect(caf2.length).toBeGreaterThan(0);
    expect(caf2.every((r) => cafMeasures.has(r.measureId))).toBe(true);
    expect(caf2.length).toBe(all.filter((r) => cafMeasures.has(r.measureId)).length);
    const someSub = (sqlite.prepare("select caf_code as code from measure_caf_refs where caf_code like '2.%' limit 1").get() as { code: string }).code;
    const sub = listActivities({ asOf, caf: someSub }, planId);
    expect(sub.length).toBeGreaterThan(0);
    expect(sub.length).toBeLessThanOrEqual(caf2.length);

    const q2 = listActivities({ asOf, quarter: '2022-Q2' }, planId);
    expect(q2.length).toBeGreaterThan(0);
    expect(q2.every((r) => r.end! >= '2022-04-01' && r.end! <= '2022-06-30')).toBe(true);

    const upper = listActivities({ asOf, q: 'ЕКСПЕРТ ит' }, planId);
    expect(upper.map((r) => r.id).sort()).toEqual(byOwner.map((r) => r.id).sort());
    const byCode = listActivities({ asOf, q: '3.2.' }, planId);
    expect(byCode.length).toBeGreaterThan(0);
    expect(byCode.every((r) => r.code.includes('3.2.') || r.title.includes('3.2.') || (r.target ?? '').includes('3.2.'))).toBe(true);
  });

  it('sorts by end date, status and last update', () => {
    const asOf = '2023-06-30';
    const byEnd = listActivities({ asOf, sort: 'end' }, planId).filter((r) => !r.ongoing && r.end);
    expect(byEnd.map((r) => r.end)).toEqual(byEnd.map((r) => r.end).sort());
    const byUpdate = listActivities({ asOf, sort: 'updated' }, planId).filter((r) => r.lastUpdateAt !== null);
    expect(byUpdate.map((r) => r.lastUpdateAt)).toEqual(byUpdate.map((r) => r.lastUpdateAt).sort((a, b) => b! - a!));
  });
});
