import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, login, newPage, screenshot, visit } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const EXPECTED_NAV: Record<string, string[]> = {
  'admin@demo.bg': ['Планове', 'Моите дейности', 'Табло', 'Промени', 'Отчети', 'Самооценка', 'Отговорници', 'Администриране'],
  'secretary@demo.bg': ['Планове', 'Табло', 'Промени', 'Отчети', 'Самооценка', 'Отговорници'],
  'head@demo.bg': ['Планове', 'Моите дейности', 'Табло', 'Отчети', 'Самооценка'],
  'viewer@demo.bg': ['Планове', 'Табло', 'Промени', 'Отчети', 'Самооценка'],
};

/** Runs in the page before its scripts: from the load event until hydration has finished, clicks the heading again and again, as an impatient person would. */
function clickWhileHydrating() {
  addEventListener('load', () => {
    const timer = setInterval(() => {
      if (document.documentElement.dataset.hydrated) return clearInterval(timer);
      document.querySelector('main h1')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      Object.assign(window, { clicksWhileHydrating: ((window as unknown as { clicksWhileHydrating?: number }).clicksWhileHydrating ?? 0) + 1 });
    }, 0);
  });
}

describe('navigation by role', () => {
  for (const [email, expected] of Object.entries(EXPECTED_NAV)) {
    it(`shows ${email} the navigation of their role`, async () => {
      const page = await newPage(browser);
      await login(page, email);
      const nav = page.getByRole('navigation', { name: 'План за подобрение' });
      expect(await nav.getByRole('link').allInnerTexts()).toEqual(expected);
      await page.context().close();
    });
  }

  it('sends a head who opens the users page directly to a 403 page', async () => {
    const page = await newPage(browser);
    await login(page, 'head@demo.bg');
    const response = await visit(page, '/admin/users');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'Нямате достъп' }).isVisible()).resolves.toBe(true);
    await page.context().close();
  });

  it('shows a 404 page for an unknown address', async () => {
    const page = await newPage(browser);
    await login(page, 'viewer@demo.bg');
    const response = await visit(page, '/no-such-page');
    expect(response?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Страницата не е намерена');
    await screenshot(page, '404');
    await page.context().close();
  });

  it('hydrates the page even when a person clicks while it is hydrating', async () => {
    // newPage fails the test on any page error. Without the guard in app/entry.client.tsx every
    // such click throws React error 345 and the page never hydrates: no chart, no filter works.
    const page = await newPage(browser);
    await login(page, 'secretary@demo.bg');
    await page.addInitScript(clickWhileHydrating);
    await visit(page, '/plans/1');
    expect(await page.evaluate(() => (window as unknown as { clicksWhileHydrating: number }).clicksWhileHydrating)).toBeGreaterThan(0);
    await page.getByLabel('Състояние', { exact: true }).selectOption('overdue');
    await page.waitForURL(/state=overdue/);
    await page.locator('.result-bar__count', { hasText: 'Показани' }).waitFor();
    await page.context().close();
  });

  it('switches to English and remembers it', async () => {
    const page = await newPage(browser);
    await login(page, 'viewer@demo.bg'); // lands on the dashboard
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Dashboard', exact: true }).waitFor();
    await visit(page, '/plans');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Improvement plans');
    await page.getByRole('button', { name: 'Български' }).click();
    await page.waitForSelector('text=Планове за подобрение');
    await page.context().close();
  });

  it('lets the admin create a user who can then sign in', async () => {
    const page = await newPage(browser);
    await login(page, 'admin@demo.bg');
    await visit(page, '/admin/users');
    await screenshot(page, 'admin-users');
    const form = page.locator('form', { has: page.getByRole('button', { name: 'Създай' }) });
    await form.getByLabel('Имейл', { exact: true }).fill('new.head@demo.bg');
    await form.getByLabel('Име', { exact: true }).fill('Нов Директор');
    await form.getByLabel('Роля').selectOption('head');
    await form.getByLabel('Парола', { exact: true }).fill('new-head-password');
    await form.getByLabel('експерт ИТ').check();
    await form.getByRole('button', { name: 'Създай' }).click();
    await page.getByText('Потребителят е създаден.').waitFor();
    await page.getByRole('cell', { name: 'new.head@demo.bg' }).waitFor();
    await page.context().close();

    const other = await newPage(browser);
    await login(other, 'new.head@demo.bg', 'new-head-password');
    expect(new URL(other.url()).pathname).toBe('/my');
    await other.context().close();
  });
});
