/**
 * Reports in the browser: the chief secretary downloads the Q3 2023 report in two clicks,
 * the print page (screenshot and PDF kept as artefacts), the Excel round trip through the
 * upload page, a head refused for another directorate's activity, and the calendar feed.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { pdfPages, pdftotext } from '../office';
import { SCREENSHOTS, baseUrl, databasePath, launchBrowser, login, newPage, screenshot, visit } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const KEY_COLUMN = 15;
const STATUS_COLUMN = 10;
const PERCENT_COLUMN = 11;
const COMMENT_COLUMN = 12;

function database(): Database.Database {
  return new Database(databasePath(), { readonly: true, fileMustExist: true });
}

async function downloadQ3(page: Page): Promise<Buffer> {
  const row = page.getByRole('row', { name: /III тримесечие 2023/ });
  const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: /Изтегли Excel/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const file = await download.path();
  return fs.readFileSync(file!);
}

/** Fills in status cells of the activities with these codes, as a directorate would. */
async function fillIn(bytes: Buffer, edits: Record<string, { status?: string; percent?: number; comment?: string }>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[1]!;
  const done = new Set<string>();
  sheet.eachRow((row) => {
    const code = /^(\d+\.\d+\.\d+)\./.exec(String(row.getCell(2).value ?? ''))?.[1];
    const edit = code && !done.has(code) ? edits[code] : undefined;
    if (!edit || !String(row.getCell(KEY_COLUMN).value ?? '').startsWith('ID-')) return;
    done.add(code!);
    if (edit.status !== undefined) row.getCell(STATUS_COLUMN).value = edit.status;
    if (edit.percent !== undefined) row.getCell(PERCENT_COLUMN).value = edit.percent;
    if (edit.comment !== undefined) row.getCell(COMMENT_COLUMN).value = edit.comment;
  });
  expect([...done].sort()).toEqual(Object.keys(edits).sort());
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('reports', () => {
  it('gives the chief secretary the Q3 2023 report of the 2022-2024 plan, in the plan\'s own layout', async () => {
    const page = await newPage(browser);
    await login(page, 'secretary@demo.bg');
    await page.getByRole('navigation', { name: 'План за подобрение' }).getByRole('link', { name: 'Отчети' }).click();
    await page.getByRole('heading', { level: 1, name: 'Отчети' }).waitFor();
    await screenshot(page, 'reports'); // the running plan's reports
    await visit(page, '/reports?plan=1'); // the 2022-2024 demo plan, closed
    const bytes = await downloadQ3(page);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const [summary, detail] = book.worksheets;
    expect(summary!.name).toBe('Обобщение');
    expect(summary!.getCell(3, 2).value).toBe('Областна администрация Ловеч');
    expect(summary!.getCell(6, 2).value).toBe('III тримесечие 2023 (01.07.2023 – 30.09.2023)');
    expect(summary!.getCell(8, 2).value).toBe('Мария Петрова');
    expect(detail!.getCell(6, 1).value).toBe('Мярка');
    expect(detail!.getCell(6, STATUS_COLUMN).value).toBe('Статус');
    const statuses: string[] = [];
    detail!.eachRow((row, n) => {
      if (n > 7 && String(row.getCell(KEY_COLUMN).value ?? '').startsWith('ID-')) statuses.push(String(row.getCell(STATUS_COLUMN).value));
    });
    expect(statuses).toHaveLength(54);
    expect(statuses).toContain('Изпълнена');
    await page.context().close();
  });

  it('offers half-year and year reports too', async () => {
    const page = await newPage(browser);
    await login(page, 'viewer@demo.bg');
    await visit(page, '/reports?plan=1'); // the 2022-2024 demo plan
    await page.getByRole('link', { name: 'Полугодие' }).click();
    await page.getByRole('row', { name: /^I полугодие 2023/ }).waitFor();
    await page.getByRole('link', { name: 'Година' }).click();
    const row = page.getByRole('row', { name: /^2023 г\./ });
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: /Изтегли Excel/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/2023/);
    await page.context().close();
  });

  it('prints the report on A4 landscape with the summary, charts, details and signature lines', async () => {
    const page = await newPage(browser, { width: 1280, height: 900 });
    await login(page, 'secretary@demo.bg');
    await visit(page, '/reports?plan=1'); // the 2022-2024 demo plan
    await page.getByRole('row', { name: /III тримесечие 2023/ }).getByRole('link', { name: /За печат/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Отчет за изпълнението на плана за подобрение' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Обобщение по области' }).isVisible()).toBe(true);
    expect(await page.getByRole('img', { name: 'Дейности по статус и област' }).isVisible()).toBe(true);
    expect(await page.getByText('Изготвил:').isVisible()).toBe(true);
    expect(await page.getByText('Одобрил:').isVisible()).toBe(true);
    expect(await page.getByText('Виктор Стойчев, областен управител').isVisible()).toBe(true);
    await screenshot(page, 'report-print');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    await screenshot(page, 'report-print-media');
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const pdf = await page.pdf({ path: path.join(SCREENSHOTS, 'report-q3-2023.pdf'), preferCSSPageSize: true, printBackground: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.context().close();
  });

  it.skipIf(!pdftotext)('numbers the printed pages, "Стр. 1 от N" and in English "Page 1 of N"', async () => {
    const page = await newPage(browser, { width: 1280, height: 900 });
    await login(page, 'secretary@demo.bg');
    const print = async (name: string) => {
      await visit(page, '/reports/1/print?period=2023-Q3');
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      return pdfPages(await page.pdf({ path: path.join(SCREENSHOTS, name), preferCSSPageSize: true, printBackground: true }));
    };
    const bg = await print('report-q3-2023-bg.pdf');
    expect(bg.length).toBeGreaterThan(1);
    bg.forEach((text, i) => expect(text).toContain(`Стр. ${i + 1} от ${bg.length}`));
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Български' }).waitFor(); // the switch has been saved
    const en = await print('report-q3-2023-en.pdf');
    expect(await page.title()).toMatch(/^Report Q3 2023 · ПЛАН /);
    en.forEach((text, i) => expect(text).toContain(`Page ${i + 1} of ${en.length}`));
    await page.getByRole('button', { name: 'Български' }).click();
    await page.getByRole('button', { name: 'English' }).waitFor();
    await page.context().close();
  });

  it('imports a filled-in report back: preview, then the updates are recorded by the importing user', async () => {
    const page = await newPage(browser);
    await login(page, 'secretary@demo.bg');
    await visit(page, '/reports?plan=1'); // the 2022-2024 demo plan
    const filled = await fillIn(await downloadQ3(page), {
      '1.2.2': { status: 'Изпълнена', comment: 'Всички документи са публикувани.' },
      '2.1.1': { status: 'неясно' },
    });
    await visit(page, '/reports?plan=1'); // the 2022-2024 demo plan
    await page.getByRole('link', { name: 'Импорт на попълнен отчет' }).click();
    await page.getByLabel('Попълнен отчет (.xlsx)').setInputFiles({ name: 'otchet-Q3-2023.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: filled });
    await page.getByRole('button', { name: 'Прочети файла' }).click();
    await page.getByRole('heading', { name: 'Преглед на „otchet-Q3-2023.xlsx“' }).waitFor();
    expect(await page.getByRole('row', { name: /1\.2\.2/ }).getByText('ще бъде записан').isVisible()).toBe(true);
    expect(await page.getByText(/Лист „Отчет по дейности“, ред \d+, колона „Статус“: „неясно“ не е статус/).isVisible()).toBe(true);
    await screenshot(page, 'report-import-preview');
    await page.getByRole('button', { name: 'Запиши 1 отчета' }).click();
    await page.getByText('Записани отчети: 1.').waitFor();

    const db = database();
    try {
      const update = db
        .prepare(
          `select su.status, su.comment, u.email from status_updates su join activities a on a.id = su.activity_id
           left join users u on u.id = su.user_id where a.code = '1.2.2' order by su.id desc limit 1`,
        )
        .get() as { status: string; comment: string; email: string };
      expect(update).toEqual({
        status: 'done',
        email: 'secretary@demo.bg',
        comment: 'Всички документи са публикувани.\nИмпортирано от файл „otchet-Q3-2023.xlsx“.',
      });
      const history = db.prepare(`select count(*) as n from status_updates su join activities a on a.id = su.activity_id where a.code = '1.2.2'`).get() as { n: number };
      expect(history.n).toBeGreaterThan(1);
    } finally {
      db.close();
    }
    await page.context().close();
  });

  it('shows a head\'s updates for other directorates as refused', async () => {
    const page = await newPage(browser);
    await login(page, 'it@demo.bg'); // linked to "експерт ИТ" only
    await visit(page, '/reports?plan=1'); // the 2022-2024 demo plan
    const db = database();
    const [own, others] = ['exists', 'not exists'].map(
      (which) =>
        (db
          .prepare(
            `select a.code from activities a where a.plan_id = 1 and ${which} (select 1 from activity_owners ao join owners o on o.id = ao.owner_id
             where ao.activity_id = a.id and o.name = 'експерт ИТ') order by a.position limit 1`,
          )
          .get() as { code: string }).code,
    );
    db.close();
    const filled = await fillIn(await downloadQ3(page), { [own!]: { percent: 0.45, status: 'в процес на изпълнение' }, [others!]: { status: 'Изпълнена' } });
    await visit(page, '/reports/import');
    await page.getByLabel('Попълнен отчет (.xlsx)').setInputFiles({ name: 'it.xlsx', mimeType: 'application/octet-stream', buffer: filled });
    await page.getByRole('button', { name: 'Прочети файла' }).click();
    await page.getByRole('heading', { name: /Преглед/ }).waitFor();
    expect(await page.getByRole('row', { name: new RegExp(`^.*${others!.replace(/\./g, '\\.')}`) }).getByText('отказан — не е ваша дейност').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Запиши 1 отчета' }).click();
    await page.getByText('Записани отчети: 1.').waitFor();
    await page.context().close();
  });

  it('gives a user a secret calendar URL that works without a login and stops when revoked', async () => {
    const page = await newPage(browser);
    await login(page, 'head@demo.bg');
    await visit(page, '/calendar');
    await page.getByRole('button', { name: 'Създай адрес за календар' }).click();
    const url = await page.getByRole('textbox', { name: 'Адрес на календара' }).inputValue();
    expect(url).toMatch(new RegExp(`^${baseUrl().replace(/[.]/g, '\\.')}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    await screenshot(page, 'calendar');
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await feed.text();
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text).toContain('BEGIN:VEVENT');
    await page.getByRole('button', { name: 'Спри адреса' }).click();
    await page.getByText('Адресът е спрян.').waitFor();
    expect((await fetch(url)).status).toBe(404);
    await page.context().close();
  });

  it('downloads the CSV of a plan for Excel', async () => {
    const page = await newPage(browser);
    await login(page, 'viewer@demo.bg');
    await visit(page, '/reports?plan=1'); // the 2022-2024 demo plan
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Изтегли CSV на целия план' }).click()]);
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('"Област";"Мярка";"Код"');
    await page.context().close();
  });
});
