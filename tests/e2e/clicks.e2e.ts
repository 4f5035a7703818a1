/**
 * Clicks from login, counted in the browser on the demo (issue 16, "Measured"): the secretary sees
 * the overdue activities by owner (0: above the fold at 1366x768), downloads the last quarter's
 * report (<= 2), a head records an update on the most urgent activity (<= 3), and a plan file
 * becomes a tracked plan (<= 3 after choosing the file). Prints the counts; fails above the targets.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import { launchBrowser, login, newPage } from './browser';

const FIXTURE = path.resolve('tests/fixtures/lovech-2022-2024.xlsx');
const ROMAN = ['I', 'II', 'III', 'IV'];
const counts: { task: string; clicks: number; target: number }[] = [];
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  console.table(counts);
  await browser?.close();
});

/** A page whose clicks are counted. */
function counter() {
  let clicks = 0;
  return {
    click: async (target: Locator) => {
      clicks += 1;
      await target.click();
    },
    get clicks() {
      return clicks;
    },
  };
}

function record(task: string, clicks: number, target: number) {
  counts.push({ task, clicks, target });
  expect(clicks, task).toBeLessThanOrEqual(target);
}

/** The last complete quarter before today, as the reports page names it ("III тримесечие 2026"). */
function lastQuarterLabel(today = new Date()): string {
  const quarter = Math.floor(today.getUTCMonth() / 3);
  return quarter === 0 ? `IV тримесечие ${today.getUTCFullYear() - 1}` : `${ROMAN[quarter - 1]} тримесечие ${today.getUTCFullYear()}`;
}

describe('clicks from login', () => {
  it('secretary: the overdue activities by owner, above the fold at 1366x768 on landing', async () => {
    const page = await newPage(browser, { width: 1366, height: 768 });
    const c = counter();
    await login(page, 'secretary@demo.bg');
    const panel = page.locator('.overdue-owners');
    await panel.waitFor();
    const box = await panel.evaluate((element) => {
      const rect = element.getBoundingClientRect();
      return { top: rect.top + window.scrollY, bottom: rect.bottom + window.scrollY };
    });
    expect(box.bottom, 'overdue-by-owner panel bottom (page y)').toBeLessThanOrEqual(768);
    expect(await panel.locator('tbody tr').count()).toBeGreaterThan(0);
    record('secretary: overdue by owner', c.clicks, 0);
  });

  it('secretary: the last quarter\'s report downloaded', async () => {
    const page = await newPage(browser, { width: 1366, height: 768 });
    const c = counter();
    await login(page, 'secretary@demo.bg');
    await c.click(page.getByRole('navigation', { name: 'План за подобрение' }).getByRole('link', { name: 'Отчети' }));
    await page.getByRole('heading', { level: 1, name: 'Отчети' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(lastQuarterLabel()) });
    const [download] = await Promise.all([page.waitForEvent('download'), c.click(row.getByRole('link', { name: /Изтегли Excel/ }))]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(await download.path()).toBeTruthy();
    record('secretary: last quarter report', c.clicks, 2);
  });

  it('head: an update recorded on the most urgent activity', async () => {
    const page = await newPage(browser, { width: 1366, height: 768 });
    const c = counter();
    await login(page, 'head@demo.bg');
    const first = page.locator('.my-list > li').first();
    const form = first.locator('form.quick-form');
    await form.locator('input[name="percent"]').fill('55');
    await form.locator('textarea[name="comment"]').fill('Измерване на кликове.');
    await c.click(form.getByRole('button', { name: 'Запиши' }));
    await first.getByRole('status').waitFor();
    await page.locator('a.next-activity').first().waitFor();
    record('head: update on most urgent', c.clicks, 3);
  });

  it('secretary: a plan file to a tracked plan', async () => {
    const page = await newPage(browser, { width: 1366, height: 768 });
    const c = counter();
    await login(page, 'secretary@demo.bg');
    await page.goto('/plans/import');
    await page.getByLabel('Файл с плана').setInputFiles(FIXTURE);
    await page.getByLabel('Заглавие на плана').fill('План Ловеч (кликове)');
    await c.click(page.getByRole('button', { name: 'Прочети и покажи' }));
    await c.click(page.getByRole('button', { name: 'Потвърди импорта' }));
    await page.waitForURL(/\/plans\/\d+\?imported=1/);
    await page.getByRole('heading', { level: 1, name: 'План Ловеч (кликове)' }).waitFor();
    record('import: file to tracked plan', c.clicks, 3);
  });
});
