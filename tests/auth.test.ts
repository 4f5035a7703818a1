import { describe, expect, it } from 'vitest';
import { action as loginAction } from '~/routes/login';
import { action as logoutAction } from '~/routes/logout';
import { loader as plansLoader } from '~/routes/plans._index';
import { getSessionUser, LOGIN_WINDOW_MS, MAX_CLIENT_FAILURES, MAX_LOGIN_FAILURES, verifyLogin } from '~/auth.server';
import { action as usersAction } from '~/routes/admin.users';
import { getDb } from '../db/client';
import { BASE, call, makeRequest, makeUser, sessionCookie, TEST_PASSWORD } from './helpers';

/** A login through the form, from the client address `client` (scripts/server.js passes it in the load context). */
async function login(email: string, password: string, headers: Record<string, string> = {}, client = '198.51.100.1') {
  const request = await makeRequest('/login', { form: { email, password, redirectTo: '/plans' }, headers });
  try {
    return (await loginAction({ request, params: {}, context: { clientAddress: client } })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const failureRows = () => (getDb().$client.prepare('select count(*) as n from login_failures').get() as { n: number }).n;

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

  it('refuses a cross-site login post, also from an Origin that is no URL', async () => {
    const user = await makeUser('viewer');
    for (const Origin of ['https://evil.example', 'null', 'garbage']) expect((await login(user.email, TEST_PASSWORD, { Origin })).status).toBe(403);
  });

  it('locks an account for the clients that failed on it, while the real user at another address still signs in', async () => {
    const user = await makeUser('head');
    const attacker = '203.0.113.7';
    for (let i = 0; i < MAX_LOGIN_FAILURES; i++) expect((await login(user.email, 'nope', {}, attacker)).status).toBe(400);
    const locked = await login(user.email, TEST_PASSWORD, {}, attacker);
    expect(locked.status).toBe(429);
    expect(await locked.json()).toMatchObject({ error: 'locked', retryAfterMinutes: 15 });
    // The owner of the account, from an address that has not been failing: the right password passes.
    expect((await login(user.email, TEST_PASSWORD, {}, '192.0.2.10')).status).toBe(302);
    // A fresh address with a wrong password gets one check, then is locked out of this account too.
    expect((await login(user.email, 'nope', {}, '192.0.2.99')).status).toBe(400);
    expect((await login(user.email, TEST_PASSWORD, {}, '192.0.2.99')).status).toBe(429);
    // The window passes: the attacker's address may try again.
    expect((await verifyLogin(user.email, TEST_PASSWORD, { client: attacker, now: Date.now() + LOGIN_WINDOW_MS + 1000 })).ok).toBe(true);
  });

  it('limits one client trying many accounts', async () => {
    const spraying = '203.0.113.50';
    const accounts = await Promise.all(Array.from({ length: MAX_CLIENT_FAILURES + 1 }, () => makeUser('viewer')));
    for (const account of accounts.slice(0, MAX_CLIENT_FAILURES)) expect((await login(account.email, 'Password1', {}, spraying)).status).toBe(400);
    // Refused without a password check, even a right one; another client is not affected.
    const refused = await login(accounts.at(-1)!.email, TEST_PASSWORD, {}, spraying);
    expect(refused.status).toBe(429);
    expect((await login(accounts.at(-1)!.email, TEST_PASSWORD, {}, '192.0.2.20')).status).toBe(302);
  });

  it('checks no more than the allowed number of passwords when an attacker sends them all at once', async () => {
    const user = await makeUser('head');
    const client = '203.0.113.8';
    const results = await Promise.all(Array.from({ length: 25 }, (_, i) => verifyLogin(user.email, `guess-${i}`, { client })));
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(MAX_LOGIN_FAILURES);
    expect(results.filter((r) => !r.ok && r.reason === 'locked')).toHaveLength(25 - MAX_LOGIN_FAILURES);
    expect(await verifyLogin(user.email, TEST_PASSWORD, { client })).toMatchObject({ ok: false, reason: 'locked', retryAfterMinutes: 15 });
    // The lock runs from the last password checked, not from the refused attempts.
    expect((await verifyLogin(user.email, TEST_PASSWORD, { client, now: Date.now() + LOGIN_WINDOW_MS + 1000 })).ok).toBe(true);
  });

  it('forgets failed logins when their time is up, whether or not the address ever signs in', async () => {
    for (let i = 0; i < 3; i++) await verifyLogin(`nobody-${i}@test.bg`, 'nope', { client: '203.0.113.9' });
    expect(failureRows()).toBeGreaterThanOrEqual(3);
    await verifyLogin('someone-else@test.bg', 'nope', { client: '203.0.113.10', now: Date.now() + LOGIN_WINDOW_MS + 1000 });
    expect(failureRows()).toBe(1);
  });

  it('refuses an over-long e-mail or password without storing anything', async () => {
    const before = failureRows();
    const longEmail = await login(`${'a'.repeat(300)}@test.bg`, 'nope');
    expect(longEmail.status).toBe(400);
    expect(await longEmail.json()).toMatchObject({ fields: { email: 'fieldTooLong' } });
    expect((await login('a@test.bg', 'p'.repeat(1000))).status).toBe(400);
    // A 5 MB e-mail never gets as far as the form's fields: the body is capped.
    expect((await login(`${'a'.repeat(5 * 1024 * 1024)}@test.bg`, 'nope')).status).toBe(413);
    expect(failureRows()).toBe(before);
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

describe('a changed password', () => {
  const signedIn = async (cookie: string) => (await getSessionUser(new Request(`${BASE}/`, { headers: { Cookie: cookie } })))?.id;

  it('set by an admin ends every session of that user; the admin stays signed in', async () => {
    const admin = await makeUser('admin');
    const user = await makeUser('head');
    const [phone, desk] = [await sessionCookie(user), await sessionCookie(user)];
    const adminCookie = await sessionCookie(admin);
    const form = { intent: 'update', userId: String(user.id), name: user.name, role: user.role, password: 'a-new-password-123' };
    const response = await call(usersAction, await makeRequest('/admin/users', { form, headers: { Cookie: adminCookie } }));
    expect(response.status).toBe(200);
    expect(await signedIn(phone)).toBeUndefined();
    expect(await signedIn(desk)).toBeUndefined();
    expect(await signedIn(adminCookie)).toBe(admin.id);
  });

  it('of the admin themselves keeps the session they changed it in and ends their others', async () => {
    const admin = await makeUser('admin');
    const [here, elsewhere] = [await sessionCookie(admin), await sessionCookie(admin)];
    const form = { intent: 'update', userId: String(admin.id), name: admin.name, role: 'admin', password: 'a-new-password-456' };
    expect((await call(usersAction, await makeRequest('/admin/users', { form, headers: { Cookie: here } }))).status).toBe(200);
    expect(await signedIn(here)).toBe(admin.id);
    expect(await signedIn(elsewhere)).toBeUndefined();
  });
});
