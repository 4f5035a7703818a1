import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page, type Response } from 'playwright-core';
import { DEMO_PASSWORD } from '../../db/seed';

export const SCREENSHOTS = path.resolve('test-results/screenshots');

export function baseUrl(): string {
  return process.env.E2E_BASE_URL!;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function newPage(browser: Browser, viewport = { width: 1366, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, baseURL: baseUrl(), locale: 'bg-BG', timezoneId: 'Europe/Sofia' });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  return page;
}

/** Signs in through the login form, as a person would. */
export async function login(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Имейл').fill(email);
  await page.getByLabel('Парола').fill(password);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login')), page.getByRole('button', { name: 'Влез' }).click()]);
  // The start page may redirect once more (a head lands on /my): wait until the app is at rest.
  await page.waitForLoadState('networkidle');
  await page.locator('main h1').first().waitFor();
  await waitForHydration(page);
}

/** Waits until React has hydrated the page (app/entry.client.tsx marks <html>): from then on the page reacts as the app, not as plain HTML. */
export async function waitForHydration(page: Page): Promise<void> {
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}

/** Opens an address as a full page load and waits for hydration, so that what the test does next reaches the app. */
export async function visit(page: Page, url: string): Promise<Response | null> {
  const response = await page.goto(url);
  await waitForHydration(page);
  return response;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export function databasePath(): string {
  return process.env.E2E_DATABASE_PATH!;
}

const AXE_SOURCE = fs.readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the current page, as "rule: selectors" lines. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE); // evaluate, not a script tag: the app's CSP allows no injected scripts
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  return violations;
}

/** A chart once recharts has drawn it (its frame says data-ready, its SVG is there). */
export async function chartDrawn(page: Page, name: string) {
  const chart = page.locator(`[data-chart="${name}"][data-ready="true"]`);
  await chart.locator('svg.recharts-surface').first().waitFor({ timeout: 20_000 });
  return chart;
}
