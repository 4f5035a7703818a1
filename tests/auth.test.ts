import { describe, expect, it } from 'vitest';
import { action as loginAction } from '~/routes/login';
import { action as logoutAction } from '~/routes/logout';
import { loader as plansLoader } from '~/routes/plans._index';
import { getSessionUser, LOGIN_LOCK_MS, MAX_LOGIN_FAILURES, verifyLogin } from '~/auth.server';
import { BASE, call, makeRequest, makeUser, TEST_PASSWORD } from './helpers';

async function login(email: string, password: string, headers: Record<string, string> = {}) {
  const request = await makeRequest('/login', { form: { email, password, redirectTo: '/plans' }, headers });
  return call(loginAction, request);
}

describe('login', () => {
  it('signs in with the right password and sets a signed http-only session cookie', async () => {
    const user = await makeUser('secretary');
    const response = await login(user.email.toUpperCase(), TEST_PASSWORD);
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/plans');
    const cookie = response.headers.get('Set-Cookie')!;
    expect(cookie).toMatch(/^__session=[^;]+\./); // value carries a signature
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const signedIn = await getSessionUser(new Request(`${BASE}/`, { headers: { Cookie: cookie.split(';')[0]! } }));
    expect(signedIn?.id).toBe(user.id);
  });

  it('refuses a wrong password with a message and no cookie', async () => {
    const user = await makeUser('head');
    const response = await login(user.email, 'wrong-password');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid' });
    expect(response.headers.get('Set-Cookie')).toBeNull();
  });

  it('reports empty fields beside the fields', async () => {
    const response = await login('', '');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ fields: { email: 'emailRequired', password: 'passwordRequired' } });
  });

  it('rotates the session id at login: the old cookie stops working', async () => {
    const user = await makeUser('viewer');
    const first = (await login(user.email, TEST_PASSWORD)).headers.get('Set-Cookie')!.split(';')[0]!;
    const second = (await login(user.email, TEST_PASSWORD, { Cookie: first })).headers.get('Set-Cookie')!.split(';')[0]!;
    expect(second).not.toBe(first);
    expect(await getSessionUser(new Request(`${BASE}/`, { headers: { Cookie: first } }))).toBeNull();
    expect((await getSessionUser(new Request(`${BASE}/`, { headers: { Cookie: second } })))?.id).toBe(user.id);
  });

  it('ignores a cookie whose signature was tampered with', async () => {
    const user = await makeUser('viewer');
    const cookie = (await login(user.email, TEST_PASSWORD)).headers.get('Set-Cookie')!.split(';')[0]!;
    const tampered = cookie.slice(0, -3) + (cookie.endsWith('AAA') ? 'BBB' : 'AAA');
    expect(await getSessionUser(new Request(`${BASE}/`, { headers: { Cookie: tampered } }))).toBeNull();
  });

  it('never redirects off-site after login', async () => {
    const user = await makeUser('viewer');
    const request = await makeRequest('/login', {
      form: { email: user.email, password: TEST_PASSWORD, redirectTo: '//evil.example/x' },
    });
    expect((await call(loginAction, request)).headers.get('Location')).toBe('/');
  });

  it('refuses a cross-site login post', async () => {
    const user = await makeUser('viewer');
    const response = await login(user.email, TEST_PASSWORD, { Origin: 'https://evil.example' });
    expect(response.status).toBe(403);
  });

  it('locks an address after repeated failures, even for the right password, then lets it in again', async () => {
    const user = await makeUser('head');
    for (let i = 0; i < MAX_LOGIN_FAILURES; i++) expect((await login(user.email, 'nope')).status).toBe(400);
    const locked = await login(user.email, TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(await locked.json()).toMatchObject({ error: 'locked', retryAfterMinutes: 15 });
    const later = await verifyLogin(user.email, TEST_PASSWORD, Date.now() + LOGIN_LOCK_MS + 1000);
    expect(later.ok).toBe(true);
  });

  it('checks no more than the allowed number of passwords when an attacker sends them all at once', async () => {
    const user = await makeUser('head');
    const results = await Promise.all(Array.from({ length: 25 }, (_, i) => verifyLogin(user.email, `guess-${i}`)));
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(MAX_LOGIN_FAILURES);
    expect(results.filter((r) => !r.ok && r.reason === 'locked')).toHaveLength(25 - MAX_LOGIN_FAILURES);
    expect(await verifyLogin(user.email, TEST_PASSWORD)).toMatchObject({ ok: false, reason: 'locked', retryAfterMinutes: 15 });
    // The lock runs from the last password checked, not from the refused attempts.
    expect((await verifyLogin(user.email, TEST_PASSWORD, Date.now() + LOGIN_LOCK_MS + 1000)).ok).toBe(true);
  });

  it('logs out: the session is destroyed on the server', async () => {
    const user = await makeUser('viewer');
    const cookie = (await login(user.email, TEST_PASSWORD)).headers.get('Set-Cookie')!.split(';')[0]!;
    const response = await call(logoutAction, await makeRequest('/logout', { method: 'POST', headers: { Cookie: cookie } }));
    expect(response.headers.get('Location')).toBe('/login');
    expect(await getSessionUser(new Request(`${BASE}/`, { headers: { Cookie: cookie } }))).toBeNull();
  });

  it('sends a signed-out visitor to the login page and back', async () => {
    const response = await call(plansLoader, await makeRequest('/plans?area=2'));
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/login?redirectTo=%2Fplans%3Farea%3D2');
  });
});
