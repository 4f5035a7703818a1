/**
 * The CAF self-assessment in the browser (issue 17): the secretary starts one and names two heads
 * to the group; each scores sub-criterion 1.1 alone (the band's meaning beside the score, each
 * strength its own item, autosaved); a member's text survives a closed tab and is not
 * overwritten by a second tab; the chair opens consensus, sees the spread, takes a member's
 * strength into the agreed list, records the consensus on all 28 and approves; the viewer reads it.
 * Screenshots of every page at 1366x768 and 390 px, in Bulgarian and English:
 * test-results/screenshots/assessment-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SUB_CRITERIA } from '~/domain/assessment-scoring';
import { launchBrowser, login, newPage, screenshot, visit } from './browser';

let browser: Browser;
let chair: Page;
let assessmentUrl: string;

beforeAll(async () => {
  browser = await launchBrowser();
  chair = await newPage(browser, { width: 1366, height: 768 });
  await login(chair, 'secretary@demo.bg');
});
afterAll(async () => {
  await browser?.close();
});

/** Waits until the sheet form says its last save landed. */
async function saved(page: Page) {
  await page.locator('[data-save-state="saved"]').first().waitFor();
}

async function scoreAs(email: string, score: string, strength: string): Promise<Page> {
  const page = await newPage(browser, { width: 1366, height: 768 });
  await login(page, email);
  await page.getByRole('navigation').getByRole('link', { name: 'Самооценка', exact: true }).click();
  await page.getByRole('link', { name: 'Самооценка 2025' }).click();
  await page.getByRole('link', { name: /^1\.1/ }).click();
  await page.getByRole('heading', { name: /^1\.1 Насочване/ }).waitFor();
  await page.getByLabel('Оценка', { exact: true }).fill(score);
  await page.getByRole('button', { name: '+ Добави: Силни страни' }).click();
  await page.getByLabel('Силни страни, точка 1').fill(strength);
  await saved(page);
  return page;
}

describe('self-assessment', () => {
  it('the chair starts one and names the group', async () => {
    await chair.getByRole('navigation').getByRole('link', { name: 'Самооценка', exact: true }).click();
    await chair.getByRole('link', { name: 'Нова самооценка' }).click();
    await chair.getByLabel('Наименование').fill('Самооценка 2025');
    await chair.getByLabel('Оценяван период').fill('2024');
    await Promise.all([chair.waitForURL(/\/assessments\/\d+\/group$/), chair.getByRole('button', { name: 'Създаване' }).click()]);
    for (const name of ['Иван Георгиев', 'Петър Димитров']) {
      await chair.getByLabel('Потребител').selectOption({ label: `${name} (Директор на дирекция)` });
      await chair.getByRole('button', { name: 'Добави член' }).click();
      await chair.locator('.as-member', { hasText: name }).waitFor();
    }
    assessmentUrl = chair.url().replace(/\/group$/, '');
    await visit(chair, assessmentUrl);
    await chair.getByRole('button', { name: 'Започни индивидуалното оценяване' }).click();
    await chair.locator('.as-stages__current', { hasText: 'Индивидуално оценяване' }).waitFor();
  });

  it('two members score alone: the band beside the score, each strength its own item, saved as they type', async () => {
    const ivan = await scoreAs('head@demo.bg', '40', 'Мисията е публикувана');
    expect(await ivan.locator('#score-score-band').textContent()).toContain('Подходът се изпълнява (DO)');
    await ivan.getByRole('button', { name: '+ Добави: Силни страни' }).click();
    await ivan.getByLabel('Силни страни, точка 2').fill('Стратегията е обсъдена със служителите');
    await saved(ivan);
    // A second tab at the same sheet saves first; the first tab's next save does not overwrite it.
    const secondTab = await ivan.context().newPage();
    await visit(secondTab, ivan.url());
    await secondTab.getByLabel('Оценка', { exact: true }).fill('45');
    await saved(secondTab);
    await ivan.getByLabel('Силни страни, точка 1').fill('Мисията е публикувана на сайта');
    await ivan.getByRole('alert').filter({ hasText: 'записана другаде' }).waitFor();
    expect(await ivan.getByLabel('Силни страни, точка 1').inputValue()).toBe('Мисията е публикувана на сайта');
    await ivan.getByRole('button', { name: 'Запиши моя текст върху записаното' }).click();
    await saved(ivan);
    await secondTab.close();
    // Text typed just before the tab is closed (before its save) comes back on the next visit and is saved.
    await ivan.getByRole('button', { name: '+ Добави: Области за подобрение' }).click();
    await ivan.getByLabel('Области за подобрение, точка 1').pressSequentially('Няма преглед на ценностите', { delay: 0 });
    const url = ivan.url();
    await ivan.close({ runBeforeUnload: false });
    const again = await ivan.context().newPage();
    await visit(again, url);
    await again.getByText('Възстановен е текст').waitFor();
    expect(await again.getByLabel('Области за подобрение, точка 1').inputValue()).toBe('Няма преглед на ценностите');
    await saved(again);
    await visit(again, `${assessmentUrl}`);
    await again.getByText('Оценени 1 от 28 подкритерия.').waitFor();
    await screenshot(again, 'assessment-bg-1366-overview-member');

    const petar = await scoreAs('it@demo.bg', '80', 'Мисията е публикувана');
    await screenshot(petar, 'assessment-bg-1366-score');
    // Before consensus a member sees only their own sheet.
    expect((await petar.goto(`${assessmentUrl}/consensus`))!.status()).toBe(409);
    await petar.context().close();
    await again.context().close();
  });

  it('the chair opens consensus, merges the strengths, records all 28 and approves; members and the viewer read it', async () => {
    await visit(chair, assessmentUrl);
    await chair.getByRole('button', { name: 'Открий консенсуса' }).click();
    await chair.locator('.as-stages__current', { hasText: 'Консенсус' }).waitFor();
    await chair.getByRole('link', { name: 'Преглед за консенсуса' }).click();
    const first = chair.locator('.as-overview tbody tr').first();
    await expect.poll(() => first.textContent()).toContain('1.1');
    expect(await first.textContent()).toContain('2/3');
    await screenshot(chair, 'assessment-bg-1366-consensus-overview');
    await first.getByRole('link', { name: '1.1' }).click();
    await chair.getByRole('heading', { name: 'Оценки на членовете' }).waitFor();
    expect(await chair.locator('.as-member-scores tfoot').textContent()).toContain('разлика 40');
    // Both wrote "Мисията е публикувана" (one edited it): take one; the same text elsewhere shows as taken.
    await chair.locator('.as-side__member', { hasText: 'Петър Димитров' }).getByRole('button', { name: 'Добави към договореното' }).first().click();
    expect(await chair.getByLabel('Силни страни, точка 1').inputValue()).toBe('Мисията е публикувана');
    await chair.locator('.as-side__member', { hasText: 'Петър Димитров' }).getByText('в договореното').waitFor();
    await chair.getByLabel('Оценка', { exact: true }).fill('60');
    await chair.getByRole('button', { name: 'Запиши', exact: true }).click();
    await saved(chair);
    await screenshot(chair, 'assessment-bg-1366-consensus');

    const member = await newPage(browser, { width: 1366, height: 768 });
    await login(member, 'it@demo.bg');
    await visit(member, `${assessmentUrl}/consensus/1.1`);
    await member.locator('.as-view-scores', { hasText: '60' }).waitFor();
    await member.getByText('Мисията е публикувана').first().waitFor();

    // The other 27, one after another with "Next".
    for (const sub of SUB_CRITERIA.slice(1)) {
      await chair.getByRole('link', { name: /Следващ/ }).click();
      await chair.getByRole('heading', { name: new RegExp(`^${sub.code.replace('.', '\\.')} `) }).waitFor();
      await chair.getByLabel('Оценка', { exact: true }).fill('50');
      await chair.getByRole('button', { name: 'Запиши', exact: true }).click();
      await saved(chair);
    }
    await visit(chair, assessmentUrl);
    await chair.getByRole('button', { name: 'Одобри самооценката' }).click();
    await chair.locator('.as-stages__current', { hasText: 'Одобрена' }).waitFor();
    await chair.getByText('Одобрена от Мария Петрова').waitFor();
    await screenshot(chair, 'assessment-bg-1366-approved');

    const viewer = await newPage(browser, { width: 1366, height: 768 });
    await login(viewer, 'viewer@demo.bg');
    await viewer.getByRole('navigation').getByRole('link', { name: 'Самооценка', exact: true }).click();
    await viewer.getByRole('link', { name: 'Самооценка 2025' }).click();
    await viewer.locator('.as-results tfoot', { hasText: '50,4' }).waitFor();
    // The approved report is one click from the overview: the agreed strength and the score are in it.
    await viewer.getByRole('link', { name: 'Доклад (печат, Excel)' }).click();
    await viewer.waitForURL(/\/report$/);
    await viewer.getByText('Мисията е публикувана').first().waitFor();
    await screenshot(viewer, 'assessment-bg-1366-report');
    await viewer.context().close();
    await member.context().close();
  });

  it('fits 1366x768 and a phone, in both languages', async () => {
    // A fine-tuned one in scoring, for its sheets: PLAN/DO/CHECK/ACT (1.1) and TRENDS/TARGETS (6.1).
    await visit(chair, '/assessments/new');
    await chair.getByLabel('Наименование').fill('Прецизна самооценка');
    await chair.getByLabel('Оценяван период').fill('2025');
    await chair.getByLabel(/^Прецизна/).check();
    await Promise.all([chair.waitForURL(/\/assessments\/\d+\/group$/), chair.getByRole('button', { name: 'Създаване' }).click()]);
    await chair.getByRole('button', { name: 'Добави член' }).click();
    await chair.locator('.as-member').nth(1).waitFor();
    const fineUrl = chair.url().replace(/\/group$/, '');
    await visit(chair, fineUrl);
    await chair.getByRole('button', { name: 'Започни индивидуалното оценяване' }).click();
    await chair.locator('.as-stages__current', { hasText: 'Индивидуално оценяване' }).waitFor();
    await visit(chair, `${fineUrl}/score/1.1`);
    for (const [label, value] of [['PLAN', '40'], ['DO', '50'], ['CHECK', '60'], ['ACT', '75']]) await chair.getByLabel(new RegExp(`^${label}`)).fill(value!);
    await chair.getByText('Оценка на подкритерия (средна): 56,3').waitFor();
    await saved(chair);

    const pages: [string, string][] = [
      ['list', '/assessments'],
      ['new', '/assessments/new'],
      ['overview', assessmentUrl],
      ['group', `${assessmentUrl}/group`],
      ['score-readonly', `${assessmentUrl}/score/1.1`],
      ['consensus-overview', `${assessmentUrl}/consensus`],
      ['consensus-approved', `${assessmentUrl}/consensus/1.1`],
      ['fine-overview', fineUrl],
      ['fine-score-enabler', `${fineUrl}/score/1.1`],
      ['fine-score-result', `${fineUrl}/score/6.1`],
    ];
    for (const lang of ['bg', 'en'] as const) {
      if (lang === 'en') {
        await chair.getByRole('button', { name: 'English' }).click();
        await chair.getByRole('button', { name: 'Български' }).waitFor();
      }
      for (const [name, url] of pages) {
        for (const width of [1366, 390]) {
          await chair.setViewportSize({ width, height: width === 390 ? 844 : 768 });
          await visit(chair, url);
          const overflow = await chair.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `${name} ${lang} ${width}`).toBeLessThanOrEqual(0);
          await screenshot(chair, `assessment-${lang}-${width}-${name}`);
        }
      }
    }
    await chair.getByRole('button', { name: 'Български' }).click();
  });
});
