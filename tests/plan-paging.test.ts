/**
 * The plan page in pages of PLAN_PAGE_SIZE activities: the loader called as the browser would,
 * on a generated plan of 259 activities (five pages of 50 and one of 9), against the unpaged list.
 */
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActivityFilters } from '~/domain/filters';
import { pageNumbers } from '~/components/pager';
import { listActivities } from '~/models/activity-list.server';
import { PLAN_PAGE_SIZE, type PlanActivitiesPage } from '~/models/plan-page.server';
import { recordStatusUpdate } from '~/models/status-update.server';
import { loader as planLoader } from '~/routes/plans.$planId';
import { loader as csvLoader } from '~/routes/plans.$planId[.csv]';
import { generateData } from '../bench/lib/generate-data';
import { getDb } from '../db/client';
import type { User } from '../db/schema';
import { parseCsv } from '../importers/csv';
import { call, makeRequest, makeUser } from './helpers';

const ACTIVITIES = 259; // in 3 to 5 areas: the largest has more than a page
const AS_OF = '2026-06-30';

let planId: number;
let viewer: User;

beforeAll(async () => {
  planId = generateData(getDb(), { plans: 1, activitiesPerPlan: ACTIVITIES + 1, updatesPerActivity: 2, seed: 7 }).planIds[0]!;
  // The generated measures have 5 activities to every two, so pages of 50 would never start inside
  // one: without the first activity they do.
  getDb().$client.prepare('update activities set archived = 1 where id = (select min(id) from activities where plan_id = ?)').run(planId);
  viewer = await makeUser('viewer');
});

type PageData = {
  rows: { id: number; areaId: number; measureId: number; title: string; status: string }[];
  filters: ActivityFilters;
  paging: Omit<PlanActivitiesPage, 'rows'>;
};

async function planPage(search: string): Promise<PageData> {
  const response = await call(planLoader, await makeRequest(`/plans/${planId}${search}`, { user: viewer }), { planId: String(planId) });
  expect(response.status).toBe(200);
  return response.json();
}

const ids = (rows: { id: number }[]) => rows.map((row) => row.id);

describe('plan page paging', () => {
  it('shows 50 activities a page in code order, with the total counted for all pages', async () => {
    expect(PLAN_PAGE_SIZE).toBe(50);
    const all = listActivities({ asOf: AS_OF }, planId);
    expect(all).toHaveLength(ACTIVITIES);
    const pages = [await planPage(`?asOf=${AS_OF}`)];
    for (let page = 2; page <= 6; page++) pages.push(await planPage(`?asOf=${AS_OF}&page=${page}`));
    expect(pages.map((p) => p.rows.length)).toEqual([50, 50, 50, 50, 50, 9]);
    expect(pages.map((p) => [p.paging.page, p.paging.pageCount, p.paging.total, p.paging.offset])).toEqual(
      [0, 50, 100, 150, 200, 250].map((offset, i) => [i + 1, 6, ACTIVITIES, offset]),
    );
    expect(pages.flatMap((p) => ids(p.rows))).toEqual(ids(all));
    // The headings count every page, not only the rows shown; a page starting inside an area
    // or a measure says so.
    const inMeasure = (id: number) => all.filter((row) => row.measureId === id).length;
    const inArea = (id: number) => all.filter((row) => row.areaId === id).length;
    pages.forEach(({ rows, paging }, i) => {
      const before = all[paging.offset - 1];
      expect(paging.inMeasure).toEqual(Object.fromEntries(rows.map((row) => [row.measureId, inMeasure(row.measureId)])));
      expect(paging.inArea).toEqual(Object.fromEntries(rows.map((row) => [row.areaId, inArea(row.areaId)])));
      expect(paging.continued, `page ${i + 1}`).toEqual({
        areaId: before?.areaId === rows[0]!.areaId ? before.areaId : null,
        measureId: before?.measureId === rows[0]!.measureId ? before.measureId : null,
      });
    });
    expect(pages.filter((p) => p.paging.continued.measureId !== null).length).toBeGreaterThan(0);
    expect(pages.filter((p) => p.paging.continued.areaId !== null).length).toBeGreaterThan(0);
  });

  it('keeps the filters and the sort on every page, counting only the matching activities', async () => {
    const sorted = listActivities({ asOf: AS_OF, sort: 'end' }, planId);
    const second = await planPage(`?sort=end&asOf=${AS_OF}&page=2`);
    expect(second.filters).toEqual({ asOf: AS_OF, sort: 'end' });
    expect(ids(second.rows)).toEqual(ids(sorted.slice(50, 100)));

    // A filter matching more than a page: the activities of the largest area.
    const byArea = new Map<string, number>();
    for (const row of sorted) byArea.set(row.areaCode, (byArea.get(row.areaCode) ?? 0) + 1);
    const [area] = [...byArea].sort((a, b) => b[1] - a[1])[0]!;
    const matching = listActivities({ asOf: AS_OF, area }, planId);
    const pageCount = Math.ceil(matching.length / 50);
    expect(pageCount).toBeGreaterThan(1);
    const last = await planPage(`?area=${area}&asOf=${AS_OF}&page=${pageCount}`);
    expect(last.paging).toMatchObject({ page: pageCount, pageCount, total: matching.length, offset: (pageCount - 1) * 50 });
    expect(ids(last.rows)).toEqual(ids(matching.slice((pageCount - 1) * 50)));
    expect(Object.values(last.paging.inArea)).toEqual([matching.length]);
    // Sorted by end, areas and measures are not runs of the list: nothing is marked as continued.
    expect(second.paging.continued).toEqual({ areaId: null, measureId: null });
  });

  it('clamps page numbers out of range and reads anything else as page 1', async () => {
    const last = await planPage(`?asOf=${AS_OF}&page=99`);
    expect(last.paging).toMatchObject({ page: 6, pageCount: 6, offset: 250 });
    expect(last.rows).toHaveLength(9);
    for (const page of ['0', '-2', 'abc', '1.5', '']) {
      const first = await planPage(`?asOf=${AS_OF}&page=${page}`);
      expect(first.paging).toMatchObject({ page: 1, offset: 0 });
      expect(first.rows).toHaveLength(50);
    }
    // A filter leaving one page shows it whatever page was asked for.
    const one = await planPage(`?asOf=${AS_OF}&q=no-such-activity&page=4`);
    expect(one.paging).toMatchObject({ page: 1, pageCount: 1, total: 0 });
    expect(one.rows).toEqual([]);
  });

  it('reads the page again after any change, made through the app or by another process', async () => {
    const request = await makeRequest(`/plans/${planId}`, { user: viewer });
    const view = async () => ((await call(planLoader, request, { planId: String(planId) })).json() as Promise<PageData>);
    const first = (await view()).rows[0]!;
    expect((await view()).rows[0]).toEqual(first);
    recordStatusUpdate({ activityId: first.id, userId: viewer.id, status: 'cancelled', percent: null, comment: 'Отпада.', completedOn: null });
    expect((await view()).rows[0]).toMatchObject({ id: first.id, status: 'cancelled' });
    const other = new Database(process.env.DATABASE_PATH!);
    other.prepare('update activities set title = ? where id = ?').run('Заглавие от друг процес', first.id);
    other.close();
    expect((await view()).rows[0]).toMatchObject({ id: first.id, title: 'Заглавие от друг процес' });
  });

  it('exports every filtered activity to CSV, whatever page the plan page shows', async () => {
    const response = await call(csvLoader, await makeRequest(`/plans/${planId}.csv?sort=end&asOf=${AS_OF}&page=2`, { user: viewer }), {
      planId: String(planId),
    });
    expect(response.status).toBe(200);
    const records = parseCsv((await response.text()).replace(/^\uFEFF/, ''), ';').filter((r) => r.length > 1);
    // Codes are written as text formulas (="1.1.1") so spreadsheets keep them as text.
    const codes = records.slice(1).map((r) => r[2].replace(/^="(.*)"$/, '$1'));
    expect(codes).toEqual(listActivities({ asOf: AS_OF, sort: 'end' }, planId).map((a) => a.code));
  });
});

describe('pager', () => {
  it('offers every page up to seven, else the first, the last and the current one with its neighbours', () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(3, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(pageNumbers(1, 20)).toEqual([1, 2, 3, 4, 5, 'gap', 20]);
    expect(pageNumbers(4, 20)).toEqual([1, 2, 3, 4, 5, 'gap', 20]);
    expect(pageNumbers(5, 20)).toEqual([1, 'gap', 4, 5, 6, 'gap', 20]);
    expect(pageNumbers(17, 20)).toEqual([1, 'gap', 16, 17, 18, 19, 20]);
    expect(pageNumbers(20, 20)).toEqual([1, 'gap', 16, 17, 18, 19, 20]);
  });
});
