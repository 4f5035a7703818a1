/**
 * Accounts from the command line.
 *   npm run user -- add --email E --name N --role R [--owner "Главен секретар"]...  (password from stdin, or generated)
 *   npm run user -- list
 *   npm run user -- set-password --email E   (password from stdin, or generated)
 */
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { closeDb, getDb } from '../db/client';
import { owners } from '../db/schema';
import { ROLES } from '../app/domain/permissions';
import { ownerKey } from '../importers/text';
import { generatePassword } from '../app/models/password.server';
import { createUser, getUserByEmail, listUsers, setPassword } from '../app/models/user.server';

const MIN_PASSWORD = 10;

async function readPasswordFromStdin(): Promise<string | null> {
  if (process.stdin.isTTY) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0]?.trim() ?? '';
  return text || null;
}

async function passwordOrGenerated(): Promise<{ password: string; generated: boolean }> {
  const given = await readPasswordFromStdin();
  if (given && given.length < MIN_PASSWORD) fail(`The password must be at least ${MIN_PASSWORD} characters.`);
  return given ? { password: given, generated: false } : { password: generatePassword(), generated: true };
}

function fail(message: string): never {
  console.error(message);
  closeDb();
  process.exit(2);
}

function ownerIdByName(name: string): number {
  const owner = getDb()
    .select({ id: owners.id })
    .from(owners)
    .where(eq(owners.normalizedName, ownerKey(name)))
    .get();
  if (!owner) fail(`No owner named "${name}" in the plans. Known owners: ${listOwnerNames()}`);
  return owner.id;
}

function listOwnerNames(): string {
  return getDb().select({ name: owners.name }).from(owners).all().map((o) => `"${o.name}"`).join(', ') || 'none';
}

const addSchema = z.object({
  email: z.string().trim().email('--email must be an e-mail address'),
  name: z.string().trim().min(1, '--name is required'),
  role: z.enum(ROLES, { errorMap: () => ({ message: `--role must be one of ${ROLES.join(', ')}` }) }),
  owner: z.array(z.string()).default([]),
});

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      owner: { type: 'string', multiple: true },
    },
  });
  if (command === 'add') {
    const parsed = addSchema.safeParse(values);
    if (!parsed.success) fail(parsed.error.issues.map((i) => i.message).join('\n'));
    const { email, name, role, owner } = parsed.data;
    if (getUserByEmail(email)) fail(`A user with e-mail ${email} already exists.`);
    const ownerIds = owner.map(ownerIdByName);
    const { password, generated } = await passwordOrGenerated();
    const user = await createUser({ email, name, role, password, ownerIds });
    console.log(`Created ${user.role} ${user.email} (${user.name}).`);
    if (generated) console.log(`Password (shown once): ${password}`);
  } else if (command === 'list') {
    for (const user of listUsers()) {
      const ownerNames = user.owners.map((o) => o.name).join(', ') || '-';
      console.log(`${user.email}\t${user.name}\t${user.role}${user.disabled ? ' (disabled)' : ''}\t${ownerNames}`);
    }
  } else if (command === 'set-password') {
    const user = values.email ? getUserByEmail(values.email) : undefined;
    if (!user) fail(`No user with e-mail ${values.email ?? '(give --email)'}.`);
    const { password, generated } = await passwordOrGenerated();
    await setPassword(user.id, password);
    console.log(`Password of ${user.email} changed.`);
    if (generated) console.log(`Password (shown once): ${password}`);
  } else {
    fail('Usage: npm run user -- add --email E --name N --role R [--owner NAME]... | list | set-password --email E');
  }
  closeDb();
}

await main();
