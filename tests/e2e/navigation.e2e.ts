import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, login, newPage, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const EXPECTED_NAV: Record<string, string[]> = {
  'admin@demo.bg': ['Планове', 'Моите дейности', 'Табло', 'Отчети', 'Отговорници', 'Администриране'],
  'secretary@demo.bg': ['Планове', 'Табло', 'Отчети', 'Отговорници'],
  'head@demo.bg': ['Планове', 'Моите дейности', 'Табло', 'Отчети'],
  'viewer@demo.bg': ['Планове', 'Табло', 'Отчети'],
};

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
    const response = await page.goto('/admin/users');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'Нямате достъп' }).isVisible()).resolves.toBe(true);
    await page.context().close();
  });

  it('shows a 404 page for an unknown address', async () => {
    const page = await newPage(browser);
    await login(page, 'viewer@demo.bg');
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Страницата не е намерена');
    await screenshot(page, '404');
    await page.context().close();
  });

  it('switches to English and remembers it', async () => {
    const page = await newPage(browser);
    await login(page, 'viewer@demo.bg');
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForSelector('text=Improvement plans');
    await page.goto('/plans');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Improvement plans');
    await page.getByRole('button', { name: 'Български' }).click();
    await page.waitForSelector('text=Планове за подобрение');
    await page.context().close();
  });

  it('lets the admin create a user who can then sign in', async () => {
    const page = await newPage(browser);
    await login(page, 'admin@demo.bg');
    await page.goto('/admin/users');
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
