import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, launchBrowser, login, newPage, visit } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('security headers on the built app', () => {
  it('sends a CSP whose script nonce matches every script of the page, and the other headers', async () => {
    const response = await fetch(`${baseUrl()}/login`);
    const csp = response.headers.get('Content-Security-Policy')!;
    const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Referrer-Policy')).toBe('same-origin');
    const html = await response.text();
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it('runs the app under that CSP: no violation while signing in and drawing the dashboard', async () => {
    const page = await newPage(browser);
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await login(page, 'secretary@demo.bg');
    await visit(page, '/dashboard');
    await page.locator('.recharts-surface').first().waitFor();
    expect(violations).toEqual([]);
    await page.context().close();
  });

  it('refuses a cross-site form post and does not set a Secure cookie over plain HTTP', async () => {
    const crossSite = await fetch(`${baseUrl()}/login`, {
      method: 'POST',
      headers: { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'email=secretary%40demo.bg&password=demo-parola-2024',
      redirect: 'manual',
    });
    // Refused before the action runs, as a refusal (scripts/server.js answers before Remix's own check would fail with a 500).
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.get('Set-Cookie')).toBeNull();
    const sameSite = await fetch(`${baseUrl()}/login`, {
      method: 'POST',
      headers: { Origin: baseUrl(), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'email=secretary%40demo.bg&password=demo-parola-2024',
      redirect: 'manual',
    });
    expect(sameSite.status).toBe(302);
    expect(sameSite.headers.get('Set-Cookie')).not.toMatch(/Secure/i);
    const behindHttps = await fetch(`${baseUrl()}/login`, {
      method: 'POST',
      headers: { Origin: baseUrl(), 'X-Forwarded-Proto': 'https', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'email=secretary%40demo.bg&password=demo-parola-2024',
      redirect: 'manual',
    });
    expect(behindHttps.headers.get('Set-Cookie')).toMatch(/Secure/i);
  });
});
