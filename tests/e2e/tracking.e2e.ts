import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, login, newPage, screenshot, visit } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The id of the demo plan's activity with that code, read from the plan page's links. */
async function activityId(page: Page, code: string): Promise<number> {
  await visit(page, `/plans/1?q=${encodeURIComponent(code)}`);
  const href = await page.locator('a.code-link', { hasText: new RegExp(`^${code.replace(/\./g, '\\.')}$`) }).first().getAttribute('href');
  return Number(/\/activities\/(\d+)/.exec(href!)![1]);
}

describe('tracking in the browser', () => {
  it('shows the secretary the plan with areas, filters in the URL and counts', async () => {
    const page = await newPage(browser);
    await login(page, 'secretary@demo.bg');
    await visit(page, '/plans/1');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.locator('details.area-group').count()).toBe(3);
    expect(await page.locator('details.area-group summary').first().innerText()).toMatch(/Област 1[\s\S]*\d+ дейност/);
    expect(await page.getByText('Как се изчислява напредъкът?').isVisible()).toBe(true);
    await screenshot(page, 'tracking-plan');

    // Filters live in the URL: choosing a status narrows the list and can be shared.
    await page.getByLabel('Състояние', { exact: true }).selectOption('overdue');
    await page.waitForURL(/state=overdue/);
    await page.locator('.result-bar__count', { hasText: 'Показани' }).waitFor();
    const overdueBadges = await page.locator('.activity-table tbody tr').count();
    expect(overdueBadges).toBeGreaterThan(0);
    expect(await page.locator('.activity-table tbody tr .badge--overdue').count()).toBe(overdueBadges);
    await visit(page, '/plans/1?area=2&asOf=2022-12-31&sort=end');
    expect(await page.locator('details.area-group').count()).toBe(1);
    expect(await page.getByRole('heading', { name: /Напредък към 31\.12\.2022/ }).isVisible()).toBe(true);
    await screenshot(page, 'tracking-plan-filtered');
    await page.context().close();
  });

  it('pages through the plan with links that keep the filters, in Bulgarian and English', async () => {
    const page = await newPage(browser);
    await login(page, 'viewer@demo.bg');
    await visit(page, '/plans/1?sort=end');
    const pager = page.getByRole('navigation', { name: 'Страници с дейности' });
    expect(await pager.getByText('Страница 1 от 2').isVisible()).toBe(true);
    expect(await page.locator('.result-bar__count').innerText()).toBe('Дейности 1–50 от 54');
    expect(await pager.locator('[aria-current="page"]').getAttribute('aria-label')).toBe('Страница 1');
    expect(await pager.getByRole('link', { name: 'Предишна' }).count()).toBe(0);
    const firstPage = await page.locator('.activity-table .code-link').allInnerTexts();
    expect(firstPage).toHaveLength(50);

    await pager.getByRole('link', { name: 'Следваща' }).click();
    await page.waitForURL(/page=2/);
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ sort: 'end', page: '2' });
    await page.locator('.result-bar__count', { hasText: 'Дейности 51–54 от 54' }).waitFor();
    expect(await pager.locator('[aria-current="page"]').getAttribute('aria-label')).toBe('Страница 2');
    const secondPage = await page.locator('.activity-table .code-link').allInnerTexts();
    expect(secondPage).toHaveLength(4);
    expect(secondPage.filter((code) => firstPage.includes(code))).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0)); // the page opened at the list: keep the sticky header at the top
    await screenshot(page, 'tracking-plan-page-2');

    // Back by page number; a filter starts again on page 1; a page past the last shows the last.
    await pager.getByRole('link', { name: 'Страница 1' }).click();
    await page.waitForURL((url) => !url.searchParams.has('page'));
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ sort: 'end' });
    await visit(page, '/plans/1?page=2');
    await page.getByLabel('Област').selectOption('3');
    await page.waitForURL(/area=3/);
    expect(new URL(page.url()).searchParams.has('page')).toBe(false);
    await visit(page, '/plans/1?page=9');
    expect(await pager.getByText('Страница 2 от 2').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'English' }).click();
    const englishPager = page.getByRole('navigation', { name: 'Activity pages' });
    await englishPager.getByText('Page 2 of 2').waitFor();
    expect(await page.locator('.result-bar__count').innerText()).toBe('Activities 51–54 of 54');
    expect(await englishPager.getByRole('link', { name: 'Previous' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Български' }).click();
    await pager.waitFor();
    await page.context().close();
  });

  it('lets a head update their activity from "my activities" and see it first in the list', async () => {
    const page = await newPage(browser);
    await login(page, 'head@demo.bg');
    expect(new URL(page.url()).pathname).toBe('/my');
    await page.getByRole('heading', { name: 'Моите дейности' }).waitFor();
    const first = page.locator('.my-list > li').first();
    const code = await first.locator('.my-item__code').innerText();
    const overdueFirst = await first.locator('.badge--overdue').count();
    expect(overdueFirst).toBe(1); // the demo has overdue items: they come first
    await screenshot(page, 'tracking-my');

    const started = Date.now();
    await first.getByLabel('Статус').selectOption('in_progress');
    await first.getByLabel('Изпълнение, %').fill('77');
    await first.getByLabel('Коментар').fill('Проведена е среща с изпълнителя, остава приемането.');
    await first.getByRole('button', { name: 'Запиши отчета' }).click();
    await page.locator('.my-list > li').first().getByText('Проведена е среща с изпълнителя, остава приемането.').waitFor();
    expect(Date.now() - started).toBeLessThan(10_000);
    const updated = page.locator('.my-list > li').first();
    expect(await updated.locator('.my-item__code').innerText()).toBe(code);
    expect(await updated.locator('.mini-progress__value').innerText()).toBe('77%');
    expect(await updated.getByText('Отчетът е записан.').isVisible()).toBe(true);
    // The form is ready for the next update (the comment was cleared), the URL did not change.
    expect(await updated.getByLabel('Коментар').inputValue()).toBe('');
    expect(new URL(page.url()).pathname).toBe('/my');
    await screenshot(page, 'tracking-my-updated');

    // Marking it done re-sorts the list: it leaves the open list for the closed one.
    await updated.getByLabel('Статус').selectOption('done');
    await updated.getByRole('button', { name: 'Запиши отчета' }).click();
    await page.waitForFunction(
      (c) => document.querySelector('.my-list > li .my-item__code')?.textContent !== c,
      code,
    );
    expect(await page.locator('details.my-closed .my-item__code', { hasText: code }).count()).toBe(1);
    await page.context().close();
  });

  it('refuses (403) a head posting an update to another owner’s activity', async () => {
    const page = await newPage(browser);
    await login(page, 'it@demo.bg');
    const other = await activityId(page, '1.1.1');
    const own = await activityId(page, '3.2.1');
    const statuses = await page.evaluate(
      async ({ other, own }) => {
        const post = (url: string, fields: Record<string, string>) =>
          fetch(url, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' }).then((r) => r.status);
        return {
          activityPage: await post(`/activities/${other}`, { intent: 'status', status: 'done', percent: '100' }),
          myPage: await post('/my', { intent: 'status', activityId: String(other), status: 'done', percent: '100' }),
          ownActivity: await post('/my', { intent: 'status', activityId: String(own), status: 'in_progress', percent: '40' }),
        };
      },
      { other, own },
    );
    expect(statuses).toEqual({ activityPage: 403, myPage: 403, ownActivity: 200 });
    // The page of the other activity offers no form.
    await visit(page, `/activities/${other}`);
    expect(await page.getByRole('button', { name: 'Запиши отчета' }).count()).toBe(0);
    expect(await page.getByText('Отчет по нея дават отговорниците ѝ').isVisible()).toBe(true);
    await page.context().close();
  });

  it('lets the secretary reschedule an activity and see the slip against the baseline', async () => {
    const page = await newPage(browser);
    await login(page, 'secretary@demo.bg');
    const id = await activityId(page, '3.5.2'); // in progress and overdue in the demo
    await visit(page, `/activities/${id}`);
    const baselineText = await page.locator('.facts dt', { hasText: 'Срок по утвърдения план' }).locator('xpath=following-sibling::dd[1]').innerText();
    await page.getByRole('heading', { name: 'Нов срок' }).click();
    const newEnd = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Нов срок').fill(newEnd);
    await page.getByLabel('Причина').fill('Забавена обществена поръчка.');
    await page.getByRole('button', { name: 'Запиши новия срок' }).click();
    await page.getByText('Новият срок е записан.').waitFor();
    const header = page.locator('.activity-header');
    expect(await header.locator('.badge--slip').innerText()).toMatch(/^\+\d+ (ден|дни)$/);
    expect(await page.locator('.facts .end-date').innerText()).toContain(newEnd.split('-').reverse().join('.'));
    expect(await page.locator('.facts .end-date__baseline s').innerText()).toBe(baselineText.trim());
    expect(await page.locator('.timeline__item--schedule').first().innerText()).toContain('Забавена обществена поръчка.');
    await page.getByText('Одитна следа').click();
    expect(await page.locator('.audit-table').innerText()).toContain('Нов срок');
    expect(await header.locator('.badge--overdue').count()).toBe(0); // measured against the new deadline now
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'tracking-activity');
    await page.context().close();
  });

  it('lets the secretary record an update with an evidence file that downloads as an attachment', async () => {
    const page = await newPage(browser);
    await login(page, 'secretary@demo.bg');
    const id = await activityId(page, '2.1.1');
    await visit(page, `/activities/${id}`);
    const form = page.locator('form.update-form');
    await form.getByLabel('Статус').selectOption('in_progress');
    await form.getByLabel('Изпълнение, %').fill('65');
    await form.getByLabel('Коментар').fill('Приложен е протоколът от заседанието.');
    await form.getByLabel('Файл').setInputFiles({ name: 'протокол.txt', mimeType: 'text/plain', buffer: Buffer.from('протокол') });
    await form.getByRole('button', { name: 'Запиши отчета' }).click();
    await page.getByText('Отчетът е записан.').waitFor();
    const link = page.locator('.timeline .file-link').first();
    expect(await link.innerText()).toBe('протокол.txt');
    const response = await page.request.get((await link.getAttribute('href'))!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-disposition']).toMatch(/^attachment;/);
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
    expect(await response.text()).toBe('протокол');
    await page.context().close();
  });

  it('lets the secretary record late how an activity stood on a past day, shown as of that day', async () => {
    const page = await newPage(browser);
    await login(page, 'secretary@demo.bg');
    const id = await activityId(page, '1.1.1');
    await visit(page, `/activities/${id}`);
    const form = page.locator('form.update-form');
    await form.getByLabel('Статус').selectOption('in_progress');
    await form.getByLabel('Изпълнение, %').fill('83');
    await form.getByLabel('Коментар').fill('Състояние към края на второто тримесечие.');
    await form.getByLabel('Към дата').fill('2024-06-30');
    await form.getByRole('button', { name: 'Запиши отчета' }).click();
    await page.getByText('Отчетът е записан.').waitFor();
    const item = page.locator('.timeline__item', { hasText: 'Състояние към края на второто тримесечие.' });
    expect(await item.locator('.timeline__head').innerText()).toMatch(/83%\s+към 30\.06\.2024, въведено \d\d\.\d\d\.\d{4} \d\d:\d\d/);
    await visit(page, `/activities/${id}?asOf=2024-06-30`);
    expect(await page.locator('.facts').innerText()).toContain('83%');
    await page.context().close();
  });

  it('lets the secretary close the plan, after asking, and reopen it', async () => {
    const page = await newPage(browser);
    await login(page, 'secretary@demo.bg');
    await visit(page, '/plans/2'); // the running demo plan (plan 1, 2022-2024, is closed)
    const close = page.getByRole('button', { name: 'Приключи плана' });
    page.once('dialog', (dialog) => void dialog.dismiss());
    await close.click();
    expect(await page.locator('.plan-closed').count()).toBe(0); // dismissed: nothing happens

    page.once('dialog', (dialog) => void dialog.accept());
    await close.click();
    const notice = page.locator('.plan-closed');
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/Планът е приключен на \d\d\.\d\d\.\d{4}/);
    expect(await close.count()).toBe(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'tracking-plan-closed');
    await page.getByRole('link', { name: 'Планове', exact: true }).first().click();
    await page.locator('.plan-card__closed').nth(1).waitFor(); // both demo plans closed now
    expect(await page.locator('.plan-card__closed').first().innerText()).toMatch(/^Приключен на /);

    await visit(page, '/plans/2');
    await page.getByRole('button', { name: 'Възобнови плана' }).click();
    await page.getByRole('button', { name: 'Приключи плана' }).waitFor();
    expect(await page.locator('.plan-closed').count()).toBe(0);
    await page.context().close();
  });
});
