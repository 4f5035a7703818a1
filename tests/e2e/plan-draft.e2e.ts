/**
 * From the areas for improvement to an approved plan in the browser (issue 18): the chair of the
 * demo's 2022 self-assessment filters the priorities to the quick wins, chooses all shown and one
 * more area, creates a draft plan grouped by sub-criterion, sees it marked as a draft, and
 * approves it. Screenshots at 1366x768 and 390 px wide; axe on both pages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, login, newPage, screenshot, SCREENSHOTS, seriousAxeViolations, visit } from './browser';

let browser: Browser;
let chair: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  chair = await newPage(browser, { width: 1366, height: 768 });
  await login(chair, 'secretary@demo.bg');
});

afterAll(async () => {
  await browser?.close();
});

describe('drafting a plan from the priorities page', () => {
  let planUrl: string;
  let activityUrl: string;

  it('the chair chooses the quick wins and one more area, and creates a draft plan by sub-criterion', async () => {
    await visit(chair, '/assessments/1/priorities?rating=quick_win');
    const form = chair.locator('section.cy-draft');
    const shownButton = form.getByRole('button', { name: /Избор на всички показани/ });
    const shown = Number(/\((\d+)\)/.exec((await shownButton.textContent()) ?? '')![1]);
    expect(shown).toBeGreaterThan(0);
    await shownButton.click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe(`Избрани области: ${shown}`);
    // Another filter keeps the choice: one more area of criterion 9.
    await Promise.all([chair.waitForURL(/criterion=9/), visitFilter(chair, '9')]);
    await chair.locator('.cy-area').first().getByLabel('Избор за плана').check();
    await expect.poll(() => form.getByRole('status').textContent()).toBe(`Избрани области: ${shown + 1}`);
    await form.getByLabel('Заглавие на плана').fill('План за подобрение 2025–2027');
    await form.getByLabel('Период').fill('2025–2027');
    await form.getByLabel('по една мярка за подкритерий').check();
    await chair.setViewportSize({ width: 1366, height: 768 });
    await screenshot(chair, 'plan-draft-priorities-1366');
    await viewShot(chair, form, 'plan-draft-priorities-form-1366');
    await chair.setViewportSize({ width: 390, height: 844 });
    await screenshot(chair, 'plan-draft-priorities-390');
    await viewShot(chair, form, 'plan-draft-priorities-form-390');
    await viewShot(chair, chair.locator('.cy-area').first(), 'plan-draft-priorities-card-390');
    expect(await seriousAxeViolations(chair)).toEqual([]);
    await chair.setViewportSize({ width: 1366, height: 768 });
    await Promise.all([chair.waitForURL(/\/plans\/\d+\?drafted=1$/), form.getByRole('button', { name: 'Създаване на проект на план' }).click()]);
    planUrl = new URL(chair.url()).pathname;
    await expect.poll(() => chair.locator('h1').textContent()).toContain('Проект');
    expect(await chair.locator('.plan-draft').textContent()).toContain('Проектът на план е създаден');
    // The areas the plan's measures answer are listed on it.
    expect(await chair.locator('.measure-answers li').count()).toBeGreaterThan(0);
    await screenshot(chair, 'plan-draft-plan-1366');
    await chair.setViewportSize({ width: 390, height: 844 });
    await screenshot(chair, 'plan-draft-plan-390');
    await viewShot(chair, chair.locator('h1'), 'plan-draft-plan-top-390');
    expect(await seriousAxeViolations(chair)).toEqual([]);
    await chair.setViewportSize({ width: 1366, height: 768 });
  });

  it('an activity of the draft has its dates edited, not rescheduled against a baseline', async () => {
    await visit(chair, planUrl);
    activityUrl = (await chair.locator('a[href^="/activities/"]').first().getAttribute('href'))!;
    await visit(chair, activityUrl);
    expect(await chair.getByRole('heading', { name: 'Нов срок' }).count()).toBe(0);
    expect(await chair.locator('.activity-layout__side .alert--info').textContent()).toContain('Планът е проект');
    expect(await chair.getByRole('heading', { name: 'Редакция на дейността' }).count()).toBe(1);
  });

  it('the plans list marks it as a draft; the secretary approves it', async () => {
    await visit(chair, '/plans');
    const card = chair.locator('.plan-card', { hasText: 'План за подобрение 2025–2027' });
    expect(await card.locator('.badge--draft').textContent()).toBe('Проект');
    await visit(chair, planUrl);
    chair.once('dialog', (dialog) => void dialog.accept());
    await Promise.all([chair.waitForURL(/approved=1$/), chair.getByRole('button', { name: 'Утвърждаване на плана' }).click()]);
    expect(await chair.locator('.alert--success').textContent()).toBe('Планът е утвърден.');
    expect(await chair.locator('h1 .badge--draft').count()).toBe(0);
    expect(await chair.locator('.plan-header__facts').textContent()).toContain('Мария Петрова');
    await screenshot(chair, 'plan-draft-approved-1366');
    // Approved, the baseline is fixed: a new deadline is a reschedule.
    await visit(chair, activityUrl);
    expect(await chair.getByRole('heading', { name: 'Нов срок' }).count()).toBe(1);
    expect(await chair.locator('.activity-layout__side .alert--info').count()).toBe(0);
  });

  it('in English, groups typed next to the areas make one measure; neither page is wider than a phone', async () => {
    await chair.getByRole('button', { name: 'English' }).click();
    await chair.getByRole('button', { name: 'Български' }).waitFor();
    await chair.setViewportSize({ width: 390, height: 844 });
    await visit(chair, '/assessments/1/priorities?criterion=3');
    const form = chair.locator('section.cy-draft');
    await form.getByLabel('by the groups entered next to the areas').check();
    const cards = chair.locator('.cy-area');
    for (const index of [0, 1, 2]) await cards.nth(index).getByLabel('Choose for the plan').check();
    for (const index of [0, 1]) await cards.nth(index).getByLabel('Group').fill('1');
    await form.getByLabel('Plan title').fill('Custom groups');
    const overflow = () => chair.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await screenshot(chair, 'plan-draft-priorities-en-390');
    await viewShot(chair, cards.first(), 'plan-draft-priorities-card-en-390');
    await Promise.all([chair.waitForURL(/drafted=1$/), form.getByRole('button', { name: 'Create a draft plan' }).click()]);
    expect(await chair.locator('h1 .badge--draft').textContent()).toBe('Draft');
    expect(await overflow()).toBeLessThanOrEqual(0);
    // Two measures: the two grouped areas in one (two activities), the third on its own.
    expect(await chair.locator('.measure-group').count()).toBe(2);
    expect(await chair.locator('.area-group').count()).toBe(1);
    await screenshot(chair, 'plan-draft-plan-en-390');
    await chair.getByRole('button', { name: 'Български' }).click();
  });
});

/** The window only (not the whole page), scrolled to `target`: what a person sees there. */
async function viewShot(page: Page, target: Locator, name: string): Promise<void> {
  await target.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

async function visitFilter(page: Page, criterion: string): Promise<void> {
  const filters = page.locator('form.cy-filters');
  await filters.locator('select[name=criterion]').selectOption(criterion);
  await filters.locator('select[name=rating]').selectOption('all');
  await filters.getByRole('button').first().click();
}
