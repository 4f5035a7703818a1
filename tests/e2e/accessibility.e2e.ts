import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, login, newPage, screenshot, seriousAxeViolations, visit } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function check(page: Page, url: string, name: string) {
  const response = await visit(page, url);
  expect(response?.status(), url).toBe(200);
  await page.waitForLoadState('networkidle');
  await screenshot(page, `page-${name}`);
  expect(await seriousAxeViolations(page), url).toEqual([]);
}

describe('accessibility of the main pages (axe-core: no serious or critical violations)', () => {
  it('the login page', async () => {
    const page = await newPage(browser);
    await check(page, '/login', 'login');
    await page.context().close();
  });

  it("the secretary's pages", async () => {
    const page = await newPage(browser);
    await login(page, 'secretary@demo.bg');
    for (const [url, name] of [
      ['/plans', 'plans'],
      ['/plans/1', 'plan'],
      ['/plans/1?state=overdue', 'plan-overdue'],
      ['/activities/1', 'activity'],
      ['/dashboard', 'dashboard'],
      ['/reports', 'reports'],
      ['/reports/1/print?period=2023-Q3', 'report-print'],
      ['/plans/import', 'import'],
      ['/admin/owners', 'owners'],
      ['/notifications', 'notifications'],
      ['/settings', 'settings'],
      ['/calendar', 'calendar'],
    ]) {
      await check(page, url!, name!);
    }
    await page.context().close();
  });

  it("a head's and the admin's pages, on a tablet too", async () => {
    const head = await newPage(browser, { width: 820, height: 1180 });
    await login(head, 'head@demo.bg');
    await check(head, '/my', 'my-tablet');
    await check(head, '/reports/import', 'report-import');
    await head.context().close();
    const admin = await newPage(browser);
    await login(admin, 'admin@demo.bg');
    await check(admin, '/admin/users', 'users');
    await check(admin, '/admin/reminders', 'reminders');
    await admin.context().close();
  });
});
