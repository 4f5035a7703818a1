import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, login, newPage, screenshot, visit } from './browser';

const FIXTURE = path.resolve('tests/fixtures/lovech-2022-2024.xlsx');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A copy of the Lovech workbook with the end of 1.1.2 moved to 30.09.2022. */
async function editedCopy(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(FIXTURE);
  const sheet = workbook.worksheets[0]!;
  let changed = false;
  sheet.eachRow((row) => {
    if (String(row.getCell(2).value ?? '').startsWith('1.1.2.')) {
      row.getCell(6).value = '30.9.2022';
      changed = true;
    }
  });
  expect(changed).toBe(true);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'plan-e2e-')), 'lovech-v2.xlsx');
  await workbook.xlsx.writeFile(file);
  return file;
}

describe('importing a plan in the browser', () => {
  it('lets the secretary upload, preview and confirm a plan, then re-import an edited copy', async () => {
    const page = await newPage(browser);
    await login(page, 'secretary@demo.bg');
    await visit(page, '/plans');
    await page.getByRole('link', { name: 'Импортирай план' }).first().click();
    await page.waitForURL('**/plans/import');
    await page.getByLabel('Файл с плана').setInputFiles(FIXTURE);
    await page.getByLabel('Заглавие на плана').fill('План Ловеч (проба)');
    await page.getByRole('button', { name: 'Прочети и покажи' }).click();

    await page.getByRole('heading', { name: 'Предупреждения (1)' }).waitFor();
    await expect(page.getByText('3 области · 32 мерки · 54 дейности').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('cell', { name: /кодът на дейност 2\.8\.2 е използван два пъти/ }).isVisible()).resolves.toBe(true);
    await screenshot(page, 'import-preview');
    await page.getByRole('button', { name: 'Потвърди импорта' }).click();
    await page.waitForURL(/\/plans\/\d+\?imported=1/);
    const planUrl = new URL(page.url());
    const planId = planUrl.pathname.split('/').pop()!;
    await page.getByRole('heading', { level: 1, name: 'План Ловеч (проба)' }).waitFor();

    await visit(page, `/plans/import?plan=${planId}`);
    await page.getByLabel('Файл с плана').setInputFiles(await editedCopy());
    await page.getByRole('button', { name: 'Прочети и покажи' }).click();
    await page.getByRole('heading', { name: 'Какво ще се промени' }).waitFor();
    const changed = page.locator('.diff-table tbody tr');
    expect(await changed.count()).toBe(1);
    expect(await changed.innerText()).toContain('15.09.2022');
    expect(await changed.innerText()).toContain('30.09.2022');
    await expect(page.getByText('Без промяна: 53').isVisible()).resolves.toBe(true);
    await screenshot(page, 'reimport-diff');
    await page.getByRole('button', { name: 'Приложи промените' }).click();
    await page.waitForURL(new RegExp(`/plans/${planId}\\?reimported=0-1-0`));
    await page.context().close();
  });

  it('explains why a file that is not a spreadsheet cannot be read', async () => {
    const page = await newPage(browser);
    await login(page, 'secretary@demo.bg');
    await visit(page, '/plans/import');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'plan-e2e-')), 'plan.xlsx');
    fs.writeFileSync(file, '%PDF-1.4 this is a PDF renamed to .xlsx');
    await page.getByLabel('Файл с плана').setInputFiles(file);
    await page.getByRole('button', { name: 'Прочети и покажи' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').innerText()).toContain('Файлът не може да бъде прочетен');
    expect(await page.getByRole('alert').innerText()).toContain('plan.xlsx: това не е файл на Excel .xlsx (това е PDF документ)');
    await page.context().close();
  });
});
