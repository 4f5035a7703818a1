/**
 * The mapping step in the browser: a file whose headers the importer cannot place opens it; the
 * person ticks the header row and picks what each column holds, the preview follows, and the
 * confirmed plan shows the activities. Screenshots (1366x768 and 390 px, both languages):
 * test-results/screenshots/import-mapping-*.png.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../db/seed';
import { baseUrl, launchBrowser, login, newPage, screenshot, visit } from './browser';

const AMBIGUOUS = `Графа 1;Графа 2;Графа 3;Графа 4
Обучение на служителите по CAF;30.06.2025;Човешки ресурси;Брой обучени
Обновяване на интернет страницата;31.12.2025;ИТ;Нова страница
`;

let browser: Browser;
const files: string[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-e2e-'));
  // The second file's headers differ: the first one's mapping is kept once confirmed.
  for (const [i, headers] of [['Графа'], ['Поле'], ['Клетка']].entries()) {
    files.push(path.join(dir, `plan-${i}.csv`));
    fs.writeFileSync(files[i]!, AMBIGUOUS.replaceAll('Графа', headers[0]!));
  }
});
afterAll(async () => {
  await browser?.close();
});

async function uploadAmbiguous(page: Page, words: { file: string; read: string; mapOpen: string }, file = files[0]!) {
  await visit(page, '/plans/import');
  await page.getByLabel(words.file).setInputFiles(file);
  await page.getByRole('button', { name: words.read }).click();
  await page.locator('.mapping-step').waitFor();
  if (await page.locator('.kept-mapping').isVisible()) return;
  await page.locator('.mapping-step[open]').waitFor();
  await expect(page.locator('.mapping-step > summary').innerText()).resolves.toBe(words.mapOpen);
}

async function chooseMapping(page: Page) {
  await page.locator('input[name="header.0"][value="1"]').check();
  await page.locator('select[name="col.0.A"]').selectOption('activity');
  await page.locator('select[name="col.0.B"]').selectOption('end');
  await page.locator('select[name="col.0.C"]').selectOption('owners');
  await page.locator('select[name="col.0.D"]').selectOption('indicator');
  await page.locator('select[name="levels.0"]').selectOption('every-row');
}

const BG = { file: 'Файл с плана', read: 'Прочети и покажи', mapOpen: 'Промяна на начина, по който се чете файлът', confirm: 'Потвърди импорта' };

describe('the mapping step in the browser', () => {
  it('gets the secretary from a file the importer cannot read to the right plan', async () => {
    const page = await newPage(browser, { width: 1366, height: 768 });
    await login(page, 'secretary@demo.bg');
    await uploadAmbiguous(page, BG);
    const confirm = page.getByRole('button', { name: BG.confirm });
    expect(await confirm.isDisabled()).toBe(true);
    await screenshot(page, 'import-mapping-bg-1366');

    await chooseMapping(page);
    await page.locator('.import-summary', { hasText: '2 дейности' }).waitFor();
    await page.getByText('Файлът е прочетен по избраното от Вас съответствие.').waitFor();
    await expect(page.locator('.understood-columns').innerText()).resolves.toContain('Индикатор');
    await page.waitForFunction(() => !(document.querySelector('button[value="confirm"]') as HTMLButtonElement).disabled);
    await screenshot(page, 'import-mapping-bg-1366-chosen');

    await confirm.click();
    await page.waitForURL(/\/plans\/\d+\?imported=1/);
    await page.getByText('Обучение на служителите по CAF').first().waitFor();
    await page.getByText('Обновяване на интернет страницата').first().waitFor();

    await uploadAmbiguous(page, BG);
    await page.locator('.kept-mapping').waitFor();
    await page.locator('.import-summary', { hasText: '2 дейности' }).waitFor();
    await page.context().close();
  });

  it('fits a phone, in both languages', async () => {
    const page = await newPage(browser, { width: 390, height: 844 });
    await login(page, 'secretary@demo.bg');
    await uploadAmbiguous(page, BG, files[1]);
    await screenshot(page, 'import-mapping-bg-390');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Български' }).waitFor();
    const EN = { file: 'Plan file', read: 'Read and preview', mapOpen: 'Change how the file is read' };
    await uploadAmbiguous(page, EN, files[1]);
    await screenshot(page, 'import-mapping-en-390');
    await page.setViewportSize({ width: 1366, height: 768 });
    await screenshot(page, 'import-mapping-en-1366');
    await chooseMapping(page);
    await page.locator('.import-summary', { hasText: '2 activities' }).waitFor();
    expect(await page.locator('.mapping-step').getAttribute('open')).not.toBeNull();
    await screenshot(page, 'import-mapping-en-1366-chosen');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'import-mapping-en-390-chosen');
    await page.getByRole('button', { name: 'Български' }).click();
    await page.getByRole('button', { name: 'English' }).waitFor();
    await page.context().close();
  });

  it('works without JavaScript, as plain form posts', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, baseURL: baseUrl(), locale: 'bg-BG', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Имейл').fill('secretary@demo.bg');
    await page.getByLabel('Парола').fill(DEMO_PASSWORD);
    await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login')), page.getByRole('button', { name: 'Влез' }).click()]);
    await page.goto('/plans/import');
    await page.getByLabel(BG.file).setInputFiles(files[2]!);
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: BG.read }).click()]);
    await page.locator('.mapping-step[open]').waitFor();
    await chooseMapping(page);
    await Promise.all([page.waitForURL('**/plans/import**'), page.getByRole('button', { name: 'Прочитане отново' }).click()]);
    await page.locator('.import-summary', { hasText: '2 дейности' }).waitFor();
    expect(await page.locator('.mapping-step').getAttribute('open')).not.toBeNull();
    await Promise.all([page.waitForURL(/\/plans\/\d+\?imported=1/), page.getByRole('button', { name: BG.confirm }).click()]);
    await page.getByText('Обучение на служителите по CAF').first().waitFor();
    await context.close();
  });
});
