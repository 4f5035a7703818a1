import { describe, expect, it } from 'vitest';
import { action as loginAction, loader as loginLoader } from '~/routes/login';
import { loader as indexLoader } from '~/routes/_index';
import type { Role } from '~/domain/permissions';
import { BASE, call, makeRequest, makeUser, TEST_PASSWORD } from './helpers';

/** Signs in through the login form (which posts redirectTo "/") and follows the redirects as a browser would. */
async function landingAfterLogin(role: Role): Promise<string> {
  const user = await makeUser(role);
  const login = await call(loginAction, await makeRequest('/login', { form: { email: user.email, password: TEST_PASSWORD, redirectTo: '/' } }));
  expect(login.status).toBe(302);
  const cookie = login.headers.get('Set-Cookie')!.split(';')[0]!;
  const first = new URL(login.headers.get('Location')!, BASE);
  expect(first.pathname).toBe('/');
  const index = await call(indexLoader, await makeRequest(first.pathname, { headers: { Cookie: cookie } }));
  expect(index.status).toBe(302);
  return index.headers.get('Location')!;
}

describe('where a login lands', () => {
  it.each(['secretary', 'viewer', 'admin'] as const)('a %s lands on the dashboard (what is late and whose)', async (role) => {
    expect(await landingAfterLogin(role)).toBe('/dashboard');
  });

  it('a directorate head lands on "my activities"', async () => {
    expect(await landingAfterLogin('head')).toBe('/my');
  });

  it('an assessor (no plan pages) lands on their self-assessments', async () => {
    expect(await landingAfterLogin('assessor')).toBe('/assessments');
  });

  it('a signed-in user who opens the login page goes to the same start page', async () => {
    const user = await makeUser('secretary');
    const response = await call(loginLoader, await makeRequest('/login', { user }));
    expect(response.headers.get('Location')).toBe('/');
  });
});
