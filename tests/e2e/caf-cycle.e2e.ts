/**
 * The whole CAF cycle in the browser (issue 18): the chair approves a self-assessment, rates two
 * areas for improvement and sees them on the impact x feasibility grid, drafts a plan from them,
 * gives an activity its dates and owner in the structure editor and approves the plan; the
 * activity's owner (a head) records it done; the next self-assessment is started and a member
 * scoring the sub-criterion sees the previous consensus score, the areas and the activity done,
 * at 1366 px and at 390 px (no sideways scroll).
 *
 * Setup: the per-file fresh database of app-server.ts (demo accounts; the demo's own assessments
 * and plans are left alone). The dull part, a self-assessment of 28 sub-criteria in consensus with
 * every consensus score recorded, is written through the app's models (createAssessment, addMember,
 * changeStage, saveSheet), as the chair's clicks in assessment.e2e.ts would; everything after that
 * is clicked. Screenshots: test-results/screenshots/cycle-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { SUB_CRITERIA } from '~/domain/assessment-scoring';
import { chartDrawn, databasePath, launchBrowser, login, newPage, screenshot } from './browser';

const FIRST = 'Самооценка на цикъла 2025';
const NEXT = 'Самооценка на цикъла 2027';
const PLAN = 'План от самооценката 2025';
const AREA_TRAINING = 'Няма план за обучение на ръководителите';
const AREA_FEEDBACK = 'Няма обратна връзка от гражданите за услугите';

let browser: Browser;
let chair: Page;

/** The self-assessment in consensus, all 28 scored (50), 2.2 at 25 with two areas for improvement: through the app's models. */
async function assessmentInConsensus(): Promise<void> {
  process.env.DATABASE_PATH = databasePath();
  const { getDb, closeDb } = await import('../../db/client');
  const { users } = await import('../../db/schema');
  const { addMember, changeStage, createAssessment } = await import('~/models/assessment.server');
  const { saveSheet } = await import('~/models/assessment-sheet.server');
  const userOf = (email: string) => getDb().select().from(users).where(eq(users.email, email)).get()!;
  const secretary = userOf('secretary@demo.bg');
  const id = createAssessment(secretary, { title: FIRST, period: '2024', scoringSystem: 'classical' });
  for (const email of ['head@demo.bg', 'it@demo.bg']) expect(addMember(secretary, id, userOf(email).id)).toBe(true);
  expect(changeStage(secretary, id, 'scoring').ok).toBe(true);
  expect(changeStage(secretary, id, 'consensus').ok).toBe(true);
  for (const sub of SUB_CRITERIA) {
    const improvement = sub.code === '2.2' ? [AREA_TRAINING, AREA_FEEDBACK] : [];
    const saved = saveSheet(secretary, { id, scoringSystem: 'classical' }, sub.code, null, 0, {
      scores: { score: sub.code === '2.2' ? 25 : 50 },
      items: { evidence: [], strength: [], improvement },
    });
    expect(saved.ok).toBe(true);
  }
  closeDb();
}

beforeAll(async () => {
  await assessmentInConsensus();
  browser = await launchBrowser();
  chair = await newPage(browser, { width: 1366, height: 768 });
  await login(chair, 'secretary@demo.bg');
});
afterAll(async () => {
  await browser?.close();
});

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function openAssessment(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Самооценка', exact: true }).click();
  await Promise.all([page.waitForURL(/\/assessments\/\d+$/), page.getByRole('link', { name: title }).click()]);
}

describe('the CAF cycle, from an approved self-assessment to the next one', () => {
  it('the chair approves the self-assessment', async () => {
    await openAssessment(chair, FIRST);
    await chair.locator('.as-stages__current', { hasText: 'Консенсус' }).waitFor();
    await chair.getByRole('button', { name: 'Одобри самооценката' }).click();
    await chair.locator('.as-stages__current', { hasText: 'Одобрена' }).waitFor();
    await chair.getByText('Одобрена от Мария Петрова').waitFor();
  });

  it('rates the two areas for improvement and sees them on the grid', async () => {
    await Promise.all([chair.waitForURL(/\/priorities$/), chair.getByRole('link', { name: 'Приоритети за подобрение' }).click()]);
    const cards = chair.locator('.cy-area');
    await expect.poll(() => cards.count()).toBe(2);
    const summary = chair.locator('.cy-summary');
    expect(await summary.innerText()).toContain('Области: 2 · оценени: 0');
    for (const [rated, [text, impact, feasibility]] of [
      [AREA_TRAINING, '5', '4'],
      [AREA_FEEDBACK, '4', '2'],
    ].entries()) {
      const card = chair.locator('.cy-area', { hasText: text });
      expect(await card.locator('.cy-area__head').innerText()).toContain('2.2');
      await card.getByLabel('Въздействие').selectOption(impact);
      await card.getByLabel('Изпълнимост').selectOption(feasibility);
      await card.getByRole('button', { name: 'Запис на оценката' }).click();
      // The page's data comes back with the rating counted (the "saved" note alone would be the previous one's).
      await expect.poll(() => summary.innerText()).toContain(`оценени: ${rated + 1}`);
      await chair.getByRole('status').filter({ hasText: 'Оценката е записана.' }).waitFor();
      expect(await card.getByLabel('Въздействие').inputValue()).toBe(impact!);
    }
    // The quick win is marked on its card; both are points of the grid, each opens its areas.
    expect(await chair.locator('.cy-area', { hasText: AREA_TRAINING }).locator('.cy-badge').innerText()).toBe('Бързи резултати');
    const grid = await chartDrawn(chair, 'priority-grid');
    await expect.poll(() => grid.locator('.recharts-scatter-symbol').count()).toBe(2);
    // Each point labelled with its sub-criterion.
    await expect.poll(async () => (await grid.locator('svg text').allTextContents()).filter((text) => text === '2.2').length).toBe(2);
    await chair.getByRole('button', { name: 'Въздействие 5, изпълнимост 4: 1' }).click();
    expect(await chair.locator('.cy-drill').innerText()).toContain(AREA_TRAINING);
    await chair.getByRole('button', { name: 'Въздействие 4, изпълнимост 2: 1' }).click();
    expect(await chair.locator('.cy-drill').innerText()).toContain(AREA_FEEDBACK);
    await screenshot(chair, 'cycle-priorities');
  });

  let planPath: string;

  it('chooses both, creates a draft plan and opens it marked as a draft', async () => {
    const form = chair.locator('section.cy-draft');
    for (const text of [AREA_TRAINING, AREA_FEEDBACK]) await chair.locator('.cy-area', { hasText: text }).getByLabel('Избор за плана').check();
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Избрани области: 2');
    await form.getByLabel('Заглавие на плана').fill(PLAN);
    await form.getByLabel('Период').fill('2025–2026');
    await Promise.all([chair.waitForURL(/\/plans\/\d+\?drafted=1$/), form.getByRole('button', { name: 'Създаване на проект на план' }).click()]);
    planPath = new URL(chair.url()).pathname;
    // The address changes before the new page is drawn: wait for its heading.
    await expect.poll(() => chair.locator('h1').innerText()).toContain(PLAN);
    expect(await chair.locator('h1 .badge--draft').innerText()).toBe('Проект');
    // One measure per area (the default), each with an activity of the area's text.
    expect(await chair.locator('.measure-group').count()).toBe(2);
    for (const text of [AREA_TRAINING, AREA_FEEDBACK]) await chair.locator('.measure-group', { hasText: text }).waitFor();
    // Each measure says which area of the self-assessment it answers.
    const answers = chair.locator('details.measure-answers');
    await answers.getByText('Мерки и области за подобрение от самооценката').click();
    await expect.poll(() => answers.locator('li').allInnerTexts()).toEqual([
      expect.stringContaining('отговаря на области за подобрение: 1'),
      expect.stringContaining('отговаря на области за подобрение: 1'),
    ]);
  });

  it('gives the first activity its dates and owner in the structure editor, then approves the plan', async () => {
    await Promise.all([chair.waitForURL(/\/structure$/), chair.getByRole('link', { name: 'Структура на плана' }).click()]);
    const activity = chair.locator('.structure__item--activity', { hasText: AREA_TRAINING });
    await activity.locator('.structure__edit > summary').first().click();
    const edit = activity.locator('.structure__edit form').first();
    const year = new Date().getFullYear();
    await edit.getByLabel('Начало').fill(`${year}-01-01`);
    await edit.getByLabel('Край').fill(`${year + 1}-12-31`);
    await edit.getByLabel('Отговорници').fill('директор на дирекция АПОФУС');
    await edit.getByRole('button', { name: 'Запази' }).click();
    await activity.getByText('Промяната е записана.').waitFor();
    await expect.poll(() => activity.locator('.structure__head').first().innerText()).toContain('директор на дирекция АПОФУС');

    await Promise.all([chair.waitForURL((url) => url.pathname === planPath), chair.getByRole('link', { name: 'Към плана' }).click()]);
    chair.once('dialog', (dialog) => void dialog.accept());
    await Promise.all([chair.waitForURL(/approved=1$/), chair.getByRole('button', { name: 'Утвърждаване на плана' }).click()]);
    expect(await chair.locator('.alert--success').innerText()).toBe('Планът е утвърден.');
    await expect.poll(() => chair.locator('h1 .badge--draft').count()).toBe(0);
    expect(await chair.locator('.plan-header__facts').innerText()).toContain('Мария Петрова');
  });

  it('the owner (a head) records the activity done', async () => {
    const head = await newPage(browser, { width: 1366, height: 768 });
    await login(head, 'head@demo.bg');
    const item = head.locator('.my-list > li', { hasText: AREA_TRAINING });
    await item.getByLabel('Статус').selectOption('done');
    await item.getByLabel('Изпълнение, %').fill('100');
    await item.getByLabel('Коментар').fill('Планът за обучение е утвърден.');
    await item.getByRole('button', { name: 'Запиши отчета' }).click();
    // Done, it leaves the open list for the closed one.
    const closed = head.locator('details.my-closed');
    await closed.locator('.my-list > li', { hasText: AREA_TRAINING }).waitFor({ state: 'attached' });
    expect(await head.locator('.my-list > li', { hasText: AREA_TRAINING }).count()).toBe(1);
    await closed.locator('summary').click();
    expect(await closed.locator('.my-list > li', { hasText: AREA_TRAINING }).locator('.mini-progress__value').innerText()).toBe('100%');
    await head.context().close();
  });

  let nextPath: string;

  it('the chair starts the next self-assessment with a member', async () => {
    await chair.getByRole('navigation').getByRole('link', { name: 'Самооценка', exact: true }).click();
    await chair.getByRole('link', { name: 'Нова самооценка' }).click();
    await chair.getByLabel('Наименование').fill(NEXT);
    await chair.getByLabel('Оценяван период').fill('2025–2026');
    await Promise.all([chair.waitForURL(/\/assessments\/\d+\/group$/), chair.getByRole('button', { name: 'Създаване' }).click()]);
    await chair.getByLabel('Потребител').selectOption({ label: 'Петър Димитров (Директор на дирекция)' });
    await chair.getByRole('button', { name: 'Добави член' }).click();
    await chair.locator('.as-member', { hasText: 'Петър Димитров' }).waitFor();
    await Promise.all([chair.waitForURL(/\/assessments\/\d+$/), chair.locator('main').getByRole('link', { name: NEXT }).click()]);
    nextPath = new URL(chair.url()).pathname;
    await chair.getByRole('button', { name: 'Започни индивидуалното оценяване' }).click();
    await chair.locator('.as-stages__current', { hasText: 'Индивидуално оценяване' }).waitFor();
  });

  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 390, height: 844 },
  ]) {
    it(`a member scoring 2.2 sees the previous score, the areas and the activity done (${viewport.width} px)`, async () => {
      const member = await newPage(browser, viewport);
      await login(member, 'it@demo.bg');
      await openAssessment(member, NEXT);
      expect(new URL(member.url()).pathname).toBe(nextPath);
      await Promise.all([member.waitForURL(/\/score\/2\.2$/), member.getByRole('link', { name: /^2\.2/ }).click()]);
      const panel = member.locator('details.as-previous');
      await expect(panel.getAttribute('open')).resolves.toBeNull();
      // Closed, its summary already says what happened.
      expect(await panel.locator('summary').innerText()).toContain(
        `${FIRST} (2024): оценка 25; направления за подобрение: 2, неадресирани: 1; изпълнени дейности: 1 от 2`,
      );
      await panel.locator('summary').click();
      await panel.getByText('Консенсусна оценка тогава').waitFor();
      expect(await panel.locator('.as-previous__facts dd').innerText()).toMatch(/^25\b/);
      const areas = panel.locator('.as-previous__area');
      expect(await areas.count()).toBe(2);
      expect(await panel.locator('.as-previous__area', { hasText: AREA_TRAINING }).innerText()).toContain('адресирано: има изпълнена дейност');
      expect(await panel.locator('.as-previous__area', { hasText: AREA_FEEDBACK }).innerText()).toContain('неадресирано: свързаните мерки нямат изпълнена дейност');
      expect(await panel.getByRole('heading', { level: 3 }).nth(1).innerText()).toContain(PLAN);
      const done = panel.locator('.as-previous__activities li', { hasText: AREA_TRAINING });
      expect(await done.locator('.badge').innerText()).toBe('Изпълнена');
      const open = panel.locator('.as-previous__activities li', { hasText: AREA_FEEDBACK });
      expect(await open.locator('.badge').innerText()).not.toBe('Изпълнена');
      // The form is still there, below the panel, and the page does not scroll sideways.
      await member.getByRole('button', { name: 'Запиши' }).first().waitFor();
      expect(await overflow(member)).toBeLessThanOrEqual(0);
      await screenshot(member, `cycle-previous-${viewport.width}`);
      await member.context().close();
    });
  }
});
