/**
 * The feed of recent status updates (the /updates page and the dashboard panel): newest recorded
 * first, filtered by area code and owner, in pages of 50; the route refuses signed-out visitors.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { FEED_PAGE_SIZE, listRecentUpdates } from '~/models/update-feed.server';
import { loader } from '~/routes/updates';
import { loader as dashboardLoader } from '~/routes/dashboard';
import type { User } from '../db/schema';
import { getDb } from '../db/client';
import { generateData } from '../bench/lib/generate-data';
import { call, makeRequest, makeUser } from './helpers';

let viewer: User;
const sqlite = () => getDb().$client;

beforeAll(async () => {
  generateData(getDb(), { plans: 2, activitiesPerPlan: 40, updatesPerActivity: 3, seed: 11 });
  // An archived activity's updates leave the feed.
  sqlite().prepare('update activities set archived = 1 where id = (select min(id) from activities)').run();
  viewer = await makeUser('viewer');
});

const everything = () => listRecentUpdates({}, { limit: 100_000 });
const count = (where: string, ...params: unknown[]) =>
  sqlite()
    .prepare(
      `select count(*) from status_updates su join activities a on a.id = su.activity_id join measures m on m.id = a.measure_id
         join areas ar on ar.id = m.area_id where a.archived = 0 and ${where}`,
    )
    .pluck()
    .get(...params) as number;

describe('listRecentUpdates', () => {
  it('lists every update of the active activities, newest recorded first, with who, what and when', () => {
    const { rows, total } = everything();
    expect(total).toBe(count('1 = 1'));
    expect(total).toBeGreaterThan(2 * FEED_PAGE_SIZE);
    expect(rows).toHaveLength(total);
    const archived = sqlite().prepare('select id from activities where archived = 1').pluck().all();
    expect(rows.some((row) => archived.includes(row.activityId))).toBe(false);
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1]!, rows[i]!];
      expect(a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id), `row ${i}`).toBe(true);
    }
    const first = rows[0]!;
    const stored = sqlite()
      .prepare('select su.as_of as asOf, su.status, su.comment, u.name from status_updates su left join users u on u.id = su.user_id where su.id = ?')
      .get(first.id) as { asOf: string; status: string; comment: string; name: string };
    expect([first.asOf, first.status, first.comment, first.userName]).toEqual([stored.asOf, stored.status, stored.comment, stored.name]);
  });

  it('filters by area code and by owner', () => {
    const area = sqlite().prepare('select code from areas order by id limit 1 offset 1').pluck().get() as string;
    const byArea = listRecentUpdates({ area }, { limit: 100_000 });
    expect(byArea.total).toBe(count('ar.code = ?', area));
    expect(byArea.total).toBeGreaterThan(0);
    expect(byArea.total).toBeLessThan(everything().total);
    const areaTitles = new Set(sqlite().prepare('select title from areas where code = ?').pluck().all(area));
    expect(byArea.rows.every((row) => areaTitles.has(row.areaTitle))).toBe(true);

    const owner = sqlite().prepare('select owner_id from activity_owners order by activity_id desc limit 1').pluck().get() as number;
    const byOwner = listRecentUpdates({ owner }, { limit: 100_000 });
    const owned = new Set(sqlite().prepare('select activity_id from activity_owners where owner_id = ?').pluck().all(owner));
    expect(byOwner.total).toBe(count('a.id in (select activity_id from activity_owners where owner_id = ?)', owner));
    expect(byOwner.total).toBeGreaterThan(0);
    expect(byOwner.total).toBeLessThan(everything().total);
    expect(byOwner.rows.every((row) => owned.has(row.activityId))).toBe(true);

    const both = listRecentUpdates({ area, owner }, { limit: 100_000 });
    expect(both.rows.map((row) => row.id)).toEqual(byArea.rows.filter((row) => owned.has(row.activityId)).map((row) => row.id));
  });

  it('pages through the same order without gaps or repeats', () => {
    const all = everything().rows.map((row) => row.id);
    const pages: number[] = [];
    for (let offset = 0; offset < all.length; offset += FEED_PAGE_SIZE) {
      const page = listRecentUpdates({}, { limit: FEED_PAGE_SIZE, offset });
      expect(page.rows.length).toBe(Math.min(FEED_PAGE_SIZE, all.length - offset));
      pages.push(...page.rows.map((row) => row.id));
    }
    expect(pages).toEqual(all);
  });
});

describe('/updates', () => {
  const page = async (search: string) => call(loader, await makeRequest(`/updates${search}`, { user: viewer }));

  it('shows the feed 50 a page, filtered by the query, and ignores bad values', async () => {
    const all = everything();
    const first = await page('');
    expect(first.status).toBe(200);
    const data = await first.json();
    expect(data.rows.map((row: { id: number }) => row.id)).toEqual(all.rows.slice(0, FEED_PAGE_SIZE).map((row) => row.id));
    expect([data.page, data.pageCount, data.total]).toEqual([1, Math.ceil(all.total / FEED_PAGE_SIZE), all.total]);
    const second = await (await page('?page=2')).json();
    expect(second.rows.map((row: { id: number }) => row.id)).toEqual(all.rows.slice(FEED_PAGE_SIZE, 2 * FEED_PAGE_SIZE).map((row) => row.id));
    const owner = sqlite().prepare('select owner_id from activity_owners limit 1').pluck().get() as number;
    const filtered = await (await page(`?owner=${owner}&area=1`)).json();
    expect(filtered.total).toBe(listRecentUpdates({ owner, area: '1' }, { limit: 1 }).total);
    expect(filtered.filters).toEqual({ owner, area: '1' });
    const bad = await (await page('?owner=abc&area=x%27&page=-3')).json();
    expect([bad.page, bad.total]).toEqual([1, all.total]);
    const past = await (await page('?page=99999')).json();
    expect(past.page).toBe(past.pageCount);
  });

  it('sends signed-out visitors to the login page', async () => {
    const response = await call(loader, await makeRequest('/updates'));
    expect(response.status).toBe(302);
  });
});

describe('dashboard panel', () => {
  it('carries the 5 latest updates', async () => {
    const response = await call(dashboardLoader, await makeRequest('/dashboard?plan=all', { user: viewer }));
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.recentUpdates.map((row: { id: number }) => row.id)).toEqual(everything().rows.slice(0, 5).map((row) => row.id));
  });

  it("on one plan's dashboard, carries that plan's 5 latest updates only", async () => {
    const planId = sqlite().prepare('select min(id) from plans').pluck().get() as number;
    const response = await call(dashboardLoader, await makeRequest(`/dashboard?plan=${planId}`, { user: viewer }));
    const data = await response.json();
    const ofPlan = everything().rows.filter((row) => sqlite().prepare('select plan_id from activities where id = ?').pluck().get(row.activityId) === planId);
    expect(data.recentUpdates.map((row: { id: number }) => row.id)).toEqual(ofPlan.slice(0, 5).map((row) => row.id));
  });
});
