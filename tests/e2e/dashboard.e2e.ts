/**
 * The dashboard in a browser on the demo (the Lovech plan with its history): it draws its
 * charts after hydration, a bar opens the filtered plan page behind it, the quarter-end
 * quick picks move the as-of date, and English works. Screenshots: test-results/screenshots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chartDrawn, launchBrowser, login, newPage, screenshot, SCREENSHOTS, visit } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Waits until recharts has drawn the named chart (it draws in the browser only). */
/** Unfolds the filter panel (folded to one line). */
async function openFilters(page: Page) {
  const panel = page.locator('details.dashboard__controls');
  if (!(await panel.evaluate((element) => (element as HTMLDetailsElement).open))) await panel.locator('summary').click();
}

describe('dashboard', () => {
  it('shows at 1366x768, without scrolling, the overdue by owner and the state of each area; an owner opens the plan page filtered by owner', async () => {
    const page = await newPage(browser, { width: 1366, height: 768 });
    await login(page, 'secretary@demo.bg');
    await visit(page, '/dashboard?asOf=2023-06-30');
    const owners = page.locator('.overdue-owners');
    const areas = page.locator('.area-states');
    await owners.waitFor();
    const boxes = await page.evaluate(() =>
      ['.overdue-owners', '.area-states', '.figures'].map((selector) => {
        const box = document.querySelector(selector)!.getBoundingClientRect();
        return { selector, top: box.top + window.scrollY, bottom: box.bottom + window.scrollY };
      }),
    );
    console.log('1366x768 panels (page y):', JSON.stringify(boxes));
    for (const box of boxes) expect(box.bottom, box.selector).toBeLessThanOrEqual(768);
    // the filter panel is one line
    const filters = await page.locator('details.dashboard__controls').boundingBox();
    expect(filters!.height).toBeLessThan(60);
    await screenshot(page, 'dashboard-first-1366x768');

    // owners late, with counts and the oldest days late; every area with a state
    const rows = owners.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    expect(Number(await rows.first().locator('.overdue-owners__count').innerText())).toBeGreaterThan(0);
    await expect(rows.first().locator('td').nth(2).innerText()).resolves.toMatch(/\d+ дни?/);
    const states = await areas.locator('[data-state]').evaluateAll((items) => items.map((item) => item.getAttribute('data-state')));
    expect(states.length).toBeGreaterThan(0);
    for (const state of states) expect(['red', 'amber', 'green']).toContain(state);
    await areas.getByText('Как се изчислява').click();
    await areas.getByText(/Червено: дейност, просрочена с повече от 30 дни/).waitFor();

    // an owner no user is linked to is flagged, one click from the owners page at its row
    const unlinked = owners.locator('.owner-unlinked a').first();
    const linkHref = await unlinked.getAttribute('href');
    expect(linkHref).toMatch(/^\/admin\/owners#owner-\d+$/);
    await unlinked.click();
    await page.waitForURL((url) => url.pathname === '/admin/owners');
    await expect(page.locator(`${linkHref!.slice('/admin/owners'.length)} .badge--unlinked`).innerText()).resolves.toBe('няма свързан потребител');
    await page.goBack();

    const ownerLink = rows.first().locator('td a').first();
    await ownerLink.click();
    await page.waitForURL((url) => url.pathname === '/plans/1');
    const params = Object.fromEntries(new URL(page.url()).searchParams);
    expect(params).toMatchObject({ state: 'overdue', asOf: '2023-06-30' });
    expect(params.owner).toMatch(/^\d+$/);

    await page.setViewportSize({ width: 390, height: 844 });
    await visit(page, '/dashboard?asOf=2023-06-30');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'dashboard-first-390');
    await page.context().close();
  });

  it('shows the plan as of the end of Q2 2023 and drills down from a bar to the filtered plan page', async () => {
    const page = await newPage(browser);
    await login(page, 'secretary@demo.bg');
    const response = await visit(page, '/dashboard?asOf=2023-06-30');
    expect(response?.status()).toBe(200);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toMatch(/ЛОВЕЧ/i);
    await page.getByText('Състояние към 30.06.2023').waitFor();

    const overdueChart = await chartDrawn(page, 'overdue-by-group');
    for (const name of ['progress-by-group', 'progress-by-caf', 'burn-up', 'owners']) await chartDrawn(page, name);
    // counts are written on the bars, not left to colour
    await expect(overdueChart.locator('.recharts-label-list').first().isVisible()).resolves.toBe(true);
    await screenshot(page, 'dashboard-2023-06-30');

    // the overdue figure and the overdue list agree
    const overdueFigure = Number(await page.locator('[data-figure="overdue"] .figure__value').innerText());
    expect(overdueFigure).toBeGreaterThan(0);
    const listed = await page.locator('.overdue-list tbody tr td:first-child').allInnerTexts();
    expect(listed).toHaveLength(overdueFigure);
    const area3 = listed.filter((code) => code.startsWith('3.'));
    const others = listed.filter((code) => !code.startsWith('3.'));
    expect(area3.length).toBeGreaterThan(0);

    // the last bar is area 3
    const bars = overdueChart.locator('.recharts-bar-rectangle');
    await bars.last().click();
    await page.waitForURL((url) => url.pathname === '/plans/1');
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({ area: '3', state: 'overdue', asOf: '2023-06-30' });
    const direct = await page.request.get(url.pathname + url.search);
    expect(direct.status()).toBe(200);
    // the plan page lists exactly the overdue activities of area 3, those the dashboard listed
    const codes = page.locator('.activity-table .code-link');
    await codes.first().waitFor();
    expect((await codes.allInnerTexts()).sort()).toEqual([...area3].sort());
    for (const code of others) expect(await codes.allInnerTexts()).not.toContain(code);
    await page.context().close();
  });

  it('drills down from a status segment and from a burn-up point', async () => {
    const page = await newPage(browser);
    await login(page, 'viewer@demo.bg');
    await visit(page, '/dashboard?asOf=2023-06-30');
    const progress = await chartDrawn(page, 'progress-by-group');
    // the first segment of the first bar: area 1, done (done is stacked first)
    await progress.locator('.recharts-bar-rectangle').first().click();
    await page.waitForURL((url) => url.pathname === '/plans/1');
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ area: '1', status: 'done', asOf: '2023-06-30' });

    await page.goBack();
    const burnUp = await chartDrawn(page, 'burn-up');
    const dot = burnUp.locator('.burnup-dot--actual[data-month="2022-09"]');
    // keep it clear of the sticky header
    await dot.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await dot.click();
    await page.waitForURL((url) => url.pathname === '/plans/1');
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ quarter: '2022-Q3', status: 'done', asOf: '2023-06-30' });
    await page.context().close();
  });

  it('moves to the end of a past quarter with a quick pick and back to today', async () => {
    const page = await newPage(browser);
    await login(page, 'head@demo.bg');
    await visit(page, '/dashboard?plan=1'); // the 2022-2024 plan, whose quarters the quick picks offer
    await chartDrawn(page, 'overdue-by-group');
    await openFilters(page);
    await page.getByRole('link', { name: 'IV тримесечие 2022 (31.12.2022)' }).click();
    await page.waitForURL((url) => url.searchParams.get('asOf') === '2022-12-31');
    await page.getByText('Състояние към 31.12.2022').waitFor();
    await page.getByText('Показано е състоянието в края на 31.12.2022').waitFor();
    await expect(page.getByRole('link', { name: 'IV тримесечие 2022 (31.12.2022)' }).getAttribute('aria-current')).resolves.toBe('true');
    await openFilters(page);
    await page.getByRole('link', { name: 'Днес' }).click();
    await page.waitForURL((url) => !url.searchParams.has('asOf'));
    await page.context().close();
  });

  it('filters by owner as the plan page does, and drills down from a figure onto the results, with the figures of that set above them', async () => {
    const page = await newPage(browser, { width: 1366, height: 768 });
    await login(page, 'secretary@demo.bg');
    await visit(page, '/dashboard?asOf=2023-06-30');
    // the owner with the fewest overdue activities in the owners panel (the first owns them all), from its link
    const ownerHref = await page.locator('.overdue-owners tbody tr').last().locator('td a').first().getAttribute('href');
    const ownerId = new URLSearchParams(ownerHref!.split('?')[1]!.split('#')[0]).get('owner')!;
    await openFilters(page);
    const choices = await page.locator('select[name="owner"] option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(choices[0]).toBe('');
    expect(choices).toContain(ownerId);
    const ownerName = (await page.locator(`select[name="owner"] option[value="${ownerId}"]`).innerText()).trim();
    await page.locator('select[name="owner"]').selectOption(ownerId);
    await page.waitForURL((url) => url.searchParams.get('owner') === ownerId);
    await page.waitForLoadState('networkidle');
    // the panel's one line names the owner once the filtered dashboard has arrived
    await page.locator('.dashboard__controls-summary', { hasText: ownerName }).waitFor();
    await chartDrawn(page, 'owners');
    // said in full above the figures (the folded panel's line is cut on a phone), with the way back to everyone's
    await expect(page.locator('.dashboard__owner-filter strong').innerText()).resolves.toBe(`Само дейностите на ${ownerName}`);
    const figure = async (key: string) => Number(await page.locator(`[data-figure="${key}"] .figure__value`).innerText());
    const overdue = await figure('overdue');
    expect(overdue).toBeGreaterThan(0);
    expect(await figure('total')).toBeLessThan(54);
    // every chart and list counts that owner's activities only
    await expect(page.locator('.overdue-list tbody tr').count()).resolves.toBe(overdue);
    await screenshot(page, 'dashboard-owner-1366x768');

    await page.locator('[data-figure="overdue"]').click();
    await page.waitForURL((url) => url.pathname === '/plans/1' && url.searchParams.get('owner') === ownerId);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({ owner: ownerId, state: 'overdue', asOf: '2023-06-30' });
    expect(url.hash).toBe('#activities');
    const codes = page.locator('.activity-table .code-link');
    await codes.first().waitFor();
    await page.waitForFunction(() => window.scrollY > 0);
    // it lands on the results: their top just under the sticky header, the first activity within the first screen
    const top = (selector: string) => page.locator(selector).first().evaluate((element) => element.getBoundingClientRect().top);
    const header = await page.locator('.app-header').evaluate((element) => element.getBoundingClientRect().bottom);
    const [resultsTop, firstRowTop] = [await top('#activities'), await top('.activity-table tbody tr')];
    console.log('1366x768 drill-down: header bottom', header, 'results top', resultsTop, 'first activity top', firstRowTop);
    expect(resultsTop).toBeGreaterThanOrEqual(header);
    expect(resultsTop).toBeLessThan(768 / 2); // at the top, or as near as the page's end lets it scroll
    expect(firstRowTop).toBeLessThan(768 * 0.75);
    // the count of the results and the figures above them are those of the set the dashboard counted
    expect(await codes.count()).toBe(overdue);
    await expect(page.locator('#activities .result-bar__count').innerText()).resolves.toMatch(new RegExp(`^Показани ${overdue} от 54 дейности`));
    await page.screenshot({ path: `${SCREENSHOTS}/drill-down-owner-overdue-1366x768.png` });
    const summary = page.locator('.plan-summary');
    await expect(summary.locator('.stat--link .stat__value').innerText()).resolves.toBe(String(overdue));
    await expect(summary.locator('.plan-summary__filtered').innerText()).resolves.toContain(`${overdue} от 54`);

    // the filtered dashboard, by phone and in English too
    for (const lang of ['bg', 'en'] as const) {
      if (lang === 'en') {
        await page.getByRole('button', { name: 'English' }).click();
        await page.getByRole('button', { name: 'Български' }).waitFor();
      }
      for (const width of [1366, 390]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 768 });
        await visit(page, `/dashboard?asOf=2023-06-30&owner=${ownerId}`);
        await chartDrawn(page, 'owners');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await screenshot(page, `dashboard-owner-${lang}-${width}`);
      }
    }
    await page.getByRole('button', { name: 'Български' }).click();
    await page.getByRole('button', { name: 'English' }).waitFor();
    await page.context().close();
  });

  it('speaks English after the switch', async () => {
    const page = await newPage(browser);
    await login(page, 'viewer@demo.bg');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Български' }).waitFor(); // the switch has been saved
    await visit(page, '/dashboard?asOf=2023-12-31');
    await chartDrawn(page, 'progress-by-caf');
    await page.getByRole('heading', { name: 'Progress by CAF criterion', exact: true }).waitFor();
    await expect(page.locator('[data-chart="progress-by-group"] .recharts-legend-wrapper').innerText()).resolves.toContain('Done');
    await screenshot(page, 'dashboard-en-2023-12-31');
    await page.getByRole('button', { name: 'Български' }).click();
    await page.getByRole('button', { name: 'English' }).waitFor();
    await page.context().close();
  });
});
