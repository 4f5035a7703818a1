import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { getSessionUser, verifyLogin } from '~/auth.server';
import { importPlanIntoDatabase } from '~/models/plan-import.server';
import { getUserByEmail, ownerIdsOfUser } from '~/models/user.server';
import { getDb } from '../db/client';
import { owners } from '../db/schema';
import { BASE, sessionCookie } from './helpers';

function userCli(args: string[], stdin = '') {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/user.ts', ...args], { input: stdin, env: process.env, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  importPlanIntoDatabase(
    {
      title: 'План',
      period: null,
      warnings: [],
      areas: [
        {
          code: '1',
          title: 'Област',
          measures: [
            {
              code: '1.1',
              title: 'Мярка',
              kind: null,
              cafRefs: [],
              activities: [
                { code: '1.1.1', title: 'Дейност', start: null, end: null, ongoing: true, ongoingText: null, indicator: null, target: null, owners: ['Главен секретар'], resources: null, note: null, status: null, source: { sheet: 'S', row: 3 } },
              ],
            },
          ],
        },
      ],
    },
    { fileName: 'plan.xlsx' },
  );
});

describe('npm run user', () => {
  it('adds a user with the password from stdin, linked to an owner by name', async () => {
    const result = userCli(['add', '--email', 'Sec@Test.bg', '--name', 'Мария', '--role', 'secretary', '--owner', 'главен секретар'], 'a-strong-password\n');
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('Created secretary sec@test.bg (Мария).');
    const user = getUserByEmail('sec@test.bg')!;
    const ownerId = getDb().select().from(owners).get()!.id;
    expect(ownerIdsOfUser(user.id)).toEqual([ownerId]);
    expect((await verifyLogin('sec@test.bg', 'a-strong-password')).ok).toBe(true);
  });

  it('generates and prints a password once when stdin gives none', async () => {
    const result = userCli(['add', '--email', 'viewer@test.bg', '--name', 'Наблюдател', '--role', 'viewer']);
    const password = /Password \(shown once\): (\S+)/.exec(result.stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect((await verifyLogin('viewer@test.bg', password!)).ok).toBe(true);
  });

  it('refuses bad input with a clear message and exit code 2', () => {
    expect(userCli(['add', '--email', 'x@test.bg', '--name', 'X', '--role', 'boss'], 'a-strong-password')).toMatchObject({
      code: 2,
      stderr: '--role must be one of admin, secretary, head, viewer, assessor\n',
    });
    expect(userCli(['add', '--email', 'x@test.bg', '--name', 'X', '--role', 'head', '--owner', 'Никой'], 'a-strong-password')).toMatchObject({
      code: 2,
      stderr: 'No owner named "Никой" in the plans. Known owners: "Главен секретар"\n',
    });
    expect(userCli(['add', '--email', 'sec@test.bg', '--name', 'X', '--role', 'head'], 'a-strong-password')).toMatchObject({
      code: 2,
      stderr: 'A user with e-mail sec@test.bg already exists.\n',
    });
    expect(userCli(['add', '--email', 'short@test.bg', '--name', 'X', '--role', 'head'], 'short')).toMatchObject({
      code: 2,
      stderr: 'The password must be at least 10 characters.\n',
    });
  });

  it('lists users with their roles and owners, and changes a password', async () => {
    expect(userCli(['list']).stdout).toContain('sec@test.bg\tМария\tsecretary\tГлавен секретар');
    const cookie = await sessionCookie(getUserByEmail('sec@test.bg')!);
    expect(userCli(['set-password', '--email', 'sec@test.bg'], 'another-password-1').stdout.trim()).toBe('Password of sec@test.bg changed.');
    // Every session of the user ended: an old cookie no longer signs in.
    expect(await getSessionUser(new Request(`${BASE}/`, { headers: { Cookie: cookie } }))).toBeNull();
    expect((await verifyLogin('sec@test.bg', 'another-password-1')).ok).toBe(true);
    expect((await verifyLogin('sec@test.bg', 'a-strong-password')).ok).toBe(false);
  });
});
