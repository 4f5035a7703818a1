/**
 * The CAF cycle at a glance in the browser (issue 18, part 5): the secretary opens it from the
 * self-assessments list, sees the current cycle (the self-assessment under way, in scoring) and the full 2022 one, records
 * the planned day of the next self-assessment, and opens the print page. Screenshots at 1366x768
 * and 390 px, in Bulgarian and English: test-results/screenshots/cycle-*.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { pdfPages, pdftotext } from '../office';
import { SCREENSHOTS, launchBrowser, login, newPage, screenshot, seriousAxeViolations, visit } from './browser';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await newPage(browser, { width: 1366, height: 768 });
  await login(page, 'secretary@demo.bg');
});
afterAll(async () => {
  await browser?.close();
});

const step = (name: string) => page.locator(`#step-${name}`);

describe('the CAF cycle', () => {
  it('opens from the self-assessments list on the current cycle, and shows the 2022 one full', async () => {
    await visit(page, '/assessments');
    await page.getByRole('link', { name: /Цикълът CAF/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Цикълът CAF' }).waitFor();
    expect(await step('assess').locator('.cycle-status').textContent()).toBe('В ход');
    expect(await step('train').locator('.cycle-status').textContent()).toBe('Изпълнена');
    await page.getByLabel('Цикъл').selectOption({ label: 'Самооценка по модела CAF 2020 – 2022 г. (2021)' });
    await Promise.all([page.waitForURL(/\?assessment=\d+/), page.getByRole('button', { name: 'Покажи' }).click()]);
    await page.getByText('Изпълнени стъпки: 10 от 10').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('records the planned day of the next self-assessment of the current cycle', async () => {
    await visit(page, '/cycle');
    await step('next').getByText('Записване на дата и доказателство').click();
    await step('next').getByLabel('Планирана дата').fill('2026-10-12');
    await step('next').getByLabel('Кратко описание').fill('Решение на ръководството от 1 декември');
    await step('next').getByRole('button', { name: 'Запис' }).click();
    await step('next').getByRole('status').filter({ hasText: 'Записано.' }).waitFor();
    await step('next').locator('.cycle-status', { hasText: 'Изпълнена' }).waitFor();
    expect(await step('next').locator('.cycle-step__record').textContent()).toContain('12.10.2026');
  });

  it('fits 1366x768 and a phone, in both languages, with the print page', async () => {
    const first = new URL(page.url()).searchParams.get('assessment');
    const cycles = await page.locator('select[name="assessment"] option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    const pages: [string, string][] = [
      ['current', '/cycle'],
      ['2022', `/cycle?assessment=${cycles.at(-1)}`],
      ['print', `/cycle/print?assessment=${cycles.at(-1)}`],
      ['print-current', `/cycle/print${first ? `?assessment=${first}` : ''}`],
    ];
    for (const lang of ['bg', 'en'] as const) {
      if (lang === 'en') {
        await page.getByRole('button', { name: 'English' }).click();
        await page.getByRole('button', { name: 'Български' }).waitFor();
      }
      for (const [name, url] of pages) {
        for (const width of [1366, 390]) {
          await page.setViewportSize({ width, height: width === 390 ? 844 : 768 });
          await visit(page, url);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `${name} ${lang} ${width}`).toBeLessThanOrEqual(0);
          await screenshot(page, `cycle-${lang}-${width}-${name}`);
        }
      }
    }
    await page.emulateMedia({ media: 'print' });
    await visit(page, pages[2]![1]);
    await page.setViewportSize({ width: 794, height: 1123 });
    await screenshot(page, 'cycle-print-media');
    await page.emulateMedia({ media: null });
    await page.getByRole('button', { name: 'Български' }).click();
  });

  it.skipIf(!pdftotext)('prints on A4 pages numbered "Стр. 1 от N", the ten steps with their evidence', async () => {
    await visit(page, '/cycle');
    const oldest = await page.locator('select[name="assessment"] option').last().getAttribute('value');
    await visit(page, `/cycle/print?assessment=${oldest}`);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const pdf = await page.pdf({ path: path.join(SCREENSHOTS, 'cycle-2022.pdf'), preferCSSPageSize: true, printBackground: true });
    const pages = pdfPages(pdf);
    pages.forEach((text, i) => expect(text).toContain(`Стр. ${i + 1} от ${pages.length}`));
    const text = pages.join('\n');
    for (const words of ['Областна администрация Ловеч', 'Изпълнени стъпки: 10 от 10', 'Заповед на областния управител']) expect(text).toContain(words);
    // A4 portrait: 595 x 842 points (Chromium writes 594.96 x 841.92).
    expect(pdf.toString('latin1')).toMatch(/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]/);
  });
});
