/**
 * Layout at the sizes people use: a phone at 390 px (the CAF chart draws its bars, "my
 * activities" does not scroll sideways, the overdue table's last column can be reached), the
 * overdue-by-area tooltip above the next card, and the print page's tables inside the paper
 * at 1366 px. Screenshots: test-results/screenshots/layout-*.png.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chartDrawn, launchBrowser, login, newPage, screenshot, SCREENSHOTS, visit } from './browser';

const PHONE = { width: 390, height: 844 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The width of the page's content beyond the viewport (0 when nothing scrolls sideways). */
const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('at 390 px', () => {
  it('the CAF criteria chart draws its bars, and the overdue table shows its last column', async () => {
    const page = await newPage(browser, PHONE);
    await login(page, 'secretary@demo.bg');
    await visit(page, '/dashboard?asOf=2023-06-30');
    const caf = await chartDrawn(page, 'progress-by-caf');
    // The bars grow in from 0 (recharts' animation): wait for the widest to settle past 40 px.
    const widest = () => caf.locator('.recharts-bar-rectangle path').evaluateAll((paths) => Math.max(0, ...paths.map((p) => p.getBoundingClientRect().width)));
    await expect.poll(widest, { timeout: 5000 }).toBeGreaterThan(40);
    await screenshot(page, 'layout-390-dashboard');
    await caf.screenshot({ path: path.join(SCREENSHOTS, 'layout-390-caf-chart.png') });
    await page.locator('.overdue-list').screenshot({ path: path.join(SCREENSHOTS, 'layout-390-overdue-list.png') });

    // The overdue table: every cell of its last column (the status) is on the screen, nothing hidden to the right.
    const lastColumn = await page.locator('.overdue-list tbody td:last-child').evaluateAll((cells) => cells.map((cell) => cell.getBoundingClientRect()));
    expect(lastColumn.length).toBeGreaterThan(0);
    for (const cell of lastColumn) {
      expect(cell.width).toBeGreaterThan(0);
      expect(cell.right).toBeLessThanOrEqual(PHONE.width);
    }
    const table = await page.locator('.overdue-list table').evaluate((t) => ({ scrollWidth: t.parentElement!.scrollWidth, clientWidth: t.parentElement!.clientWidth }));
    expect(table.scrollWidth).toBeLessThanOrEqual(table.clientWidth);
    expect(await sidewaysOverflow(page)).toBe(0);
  });

  it('"my activities" does not scroll sideways', async () => {
    const page = await newPage(browser, PHONE);
    await login(page, 'head@demo.bg');
    expect(new URL(page.url()).pathname).toBe('/my');
    await screenshot(page, 'layout-390-my');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'layout-390-my-top.png') });
    const stats = await page.locator('.my-stats').boundingBox();
    expect(stats!.x + stats!.width).toBeLessThanOrEqual(PHONE.width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });
});

describe('at 1366 px', () => {
  it('the tooltip of the overdue-by-area chart is drawn above the next card', async () => {
    const page = await newPage(browser);
    await login(page, 'secretary@demo.bg');
    await visit(page, '/dashboard?asOf=2023-06-30');
    const chart = await chartDrawn(page, 'overdue-by-group');
    await chart.scrollIntoViewIfNeeded();
    // the bar lowest in the chart: its tooltip reaches furthest down, over the next card
    const bar = (await chart.locator('.recharts-bar-rectangle').last().boundingBox())!;
    await page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height / 2);
    const tooltip = chart.locator('.recharts-tooltip-wrapper');
    await tooltip.locator('.recharts-default-tooltip').waitFor({ state: 'visible' });
    await screenshot(page, 'layout-1366-overdue-tooltip');
    const covered = await tooltip.evaluate((wrapper) => {
      const box = wrapper.getBoundingClientRect();
      const points: string[] = [];
      (wrapper as HTMLElement).style.pointerEvents = 'auto'; // recharts makes it transparent to the mouse, and so to elementFromPoint
      for (const fy of [0.1, 0.5, 0.9]) {
        for (const fx of [0.1, 0.5, 0.9]) {
          const x = box.left + box.width * fx;
          const y = box.top + box.height * fy;
          if (y > window.innerHeight || x > window.innerWidth) continue;
          const top = document.elementFromPoint(x, y);
          if (!top || !wrapper.contains(top)) points.push(`${Math.round(x)},${Math.round(y)}: ${top?.closest('[class]')?.getAttribute('class')}`);
        }
      }
      return points;
    });
    const card = (await chart.locator('xpath=ancestor::section[1]').boundingBox())!;
    const box = (await tooltip.boundingBox())!;
    console.log('tooltip', box, 'its card', card);
    expect(covered).toEqual([]);
  });

  it('the print page keeps its tables inside the paper', async () => {
    const page = await newPage(browser, { width: 1366, height: 768 });
    await login(page, 'secretary@demo.bg');
    await visit(page, '/reports/1/print?period=2023-Q2');
    await screenshot(page, 'layout-1366-print');
    const sticking = await page.evaluate(() => {
      // the paper's printable area: inside its margins (its padding)
      const doc = document.querySelector('.report-doc')!;
      const right = doc.getBoundingClientRect().right - parseFloat(getComputedStyle(doc).paddingRight);
      return [...doc.querySelectorAll('table')].map((table) => Math.round(table.getBoundingClientRect().right - right));
    });
    await page.locator('.report-doc__summary').screenshot({ path: path.join(SCREENSHOTS, 'layout-1366-print-summary.png') });
    console.log('print page: tables beyond the paper by (px)', sticking);
    expect(sticking.length).toBeGreaterThan(0);
    expect(Math.max(...sticking)).toBeLessThanOrEqual(0);
    expect(await sidewaysOverflow(page)).toBe(0);
  });
});
