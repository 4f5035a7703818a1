/**
 * The previous self-assessment in the browser, on the demo: a member of the group of the
 * self-assessment under way (started 24 days before the load day) scoring sub-criterion 3.2 opens
 * the "previous self-assessment" panel (closed by default above the form) and sees the 2024 score,
 * its areas for improvement and the activities of the plan drafted from it as of the start; at 390 px the page does not scroll sideways. Screenshots at 1366x768 and 390 px:
 * test-results/screenshots/previous-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { addDays, todayInSofia } from '~/domain/dates';
import { launchBrowser, login, newPage, screenshot, visit } from './browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('previous self-assessment panel', () => {
  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 390, height: 844 },
  ]) {
    it(`shows what the plan did, on request, at ${viewport.width} px`, async () => {
      const page = await newPage(browser, viewport);
      await login(page, 'secretary@demo.bg');
      await visit(page, '/assessments');
      const year = addDays(todayInSofia(), -24).slice(0, 4);
      await page.getByRole('link', { name: new RegExp(`CAF 2020 – ${year} г\\.`) }).first().click();
      await page.waitForURL(/\/assessments\/\d+$/);
      const url = page.url();
      await visit(page, `${url}/score/3.2`);
      const panel = page.locator('details.as-previous');
      await expect(panel.getAttribute('open')).resolves.toBeNull();
      await panel.locator('summary').click();
      await panel.getByText('Договорени направления за подобрение').waitFor();
      await panel.getByText(/2024 г\..*оценка 36,3/).waitFor();
      await panel.getByText('Обучение, обвързано с целите на организацията', { exact: false }).first().waitFor();
      // The form is still there, below the panel.
      await page.getByRole('button', { name: 'Запиши' }).first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await screenshot(page, `previous-score-${viewport.width}`);
    });
  }
});
