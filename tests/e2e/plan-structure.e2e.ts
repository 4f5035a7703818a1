/**
 * The plan's structure editor in the browser: reached from the plan page, an activity added,
 * moved up with the keyboard, archived and restored; no serious accessibility violation; the
 * export link downloads the .xlsx. Screenshots at 1366x768 and 390 px, in Bulgarian and English.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { SCREENSHOTS, launchBrowser, login, newPage, screenshot, seriousAxeViolations, visit } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the plan structure editor in the browser', () => {
  it('adds, moves (keyboard), archives and restores an activity; fits 1366x768 and a phone in both languages', async () => {
    const page = await newPage(browser, { width: 1366, height: 768 });
    await login(page, 'secretary@demo.bg');
    await visit(page, '/plans/1');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Excel (за импорт)' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
    await Promise.all([page.waitForURL(/\/plans\/1\/structure$/), page.getByRole('link', { name: 'Структура на плана' }).click()]);
    await page.getByRole('heading', { level: 1, name: 'Структура на плана' }).waitFor();

    // A new activity at the end of the first measure.
    const measure = page.locator('.structure__item--measure').first();
    await measure.locator('.structure__add > summary').click();
    const add = measure.locator('.structure__add form');
    await add.getByLabel('Код').fill('1.1.9');
    await add.getByLabel('Наименование').fill('Нова дейност от редактора');
    await add.getByLabel('Начало').fill('2025-03-01');
    await add.getByLabel('Край').fill('2025-02-01');
    await add.getByRole('button', { name: 'Добави дейност' }).click();
    await add.getByText('Краят е преди началото.').waitFor();
    await add.getByLabel('Край').fill('2025-04-30');
    await add.getByRole('button', { name: 'Добави дейност' }).click();
    const item = page.locator('.structure__item--activity', { hasText: 'Нова дейност от редактора' });
    await item.waitFor();
    const names = () => measure.locator('.structure__item--activity .structure__name').allInnerTexts();
    const before = await names();
    expect(before.at(-1)).toContain('Нова дейност от редактора');

    // Up with the keyboard: Tab to the button, Enter.
    await item.getByRole('button', { name: /Премести „1\.1\.9 Нова дейност от редактора“ нагоре/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await names()).at(-2), { timeout: 10_000 }).toContain('Нова дейност от редактора');
    expect((await names()).at(-2)).toContain('Нова дейност от редактора');

    await item.getByRole('button', { name: /Архивирай/ }).click();
    await item.getByText('архивирана').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    // The archived activity where it is, in the window (not the whole page).
    await item.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'structure-bg-1366-archived.png') });
    await item.getByRole('button', { name: /Възстанови/ }).click();
    await item.getByRole('button', { name: /Архивирай/ }).waitFor();

    for (const lang of ['bg', 'en'] as const) {
      if (lang === 'en') {
        await page.getByRole('button', { name: 'English' }).click();
        await page.getByRole('button', { name: 'Български' }).waitFor();
      }
      for (const width of [1366, 390]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 768 });
        await visit(page, '/plans/1/structure');
        await page.locator('.structure__edit > summary').first().click();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${lang} ${width}`).toBeLessThanOrEqual(0);
        await screenshot(page, `structure-${lang}-${width}`);
      }
    }
    await page.getByRole('button', { name: 'Български' }).click();
    await page.getByRole('button', { name: 'English' }).waitFor();
    await page.context().close();
  }, 120_000);
  it('refuses a form from a second tab after the first saved, keeping the text typed', async () => {
    const first = await newPage(browser, { width: 1366, height: 768 });
    await login(first, 'secretary@demo.bg');
    const second = await first.context().newPage();
    for (const page of [first, second]) await visit(page, '/plans/1/structure');
    const formOf = async (page: typeof first) => {
      const area = page.locator('.structure__item--area').nth(1);
      await area.locator('.structure__edit > summary').first().click();
      return area.locator('.structure__edit form').first();
    };
    const inFirst = await formOf(first);
    await inFirst.getByLabel('Наименование').fill('Записано от първия раздел');
    await inFirst.getByRole('button', { name: 'Запази' }).click();
    await first.locator('.structure__name', { hasText: 'Записано от първия раздел' }).waitFor();

    const inSecond = await formOf(second);
    await inSecond.getByLabel('Наименование').fill('Текст от втория раздел');
    await inSecond.getByRole('button', { name: 'Запази' }).click();
    await second.getByText('Някой друг промени този елемент').waitFor();
    // The page reloads the plan after a refused form too: the saved title shows above the form.
    await expect.poll(() => second.locator('.structure__item--area').nth(1).locator('.structure__name').first().innerText()).toContain('Записано от първия раздел');
    expect(await second.locator('.structure__item--area').nth(1).locator('.structure__edit form').first().getByLabel('Наименование').inputValue()).toBe('Текст от втория раздел');
    await first.context().close();
  }, 60_000);
});
