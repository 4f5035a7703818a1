import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { getDb, writeTransaction } from '../../db/client';
import { owners, sessions, userOwners, users, type Language, type User } from '../../db/schema';
import type { Role } from '~/domain/permissions';
import { hashPassword } from './password.server';

export type UserWithOwners = Omit<User, 'passwordHash'> & { owners: { id: number; name: string }[] };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function getUserByEmail(email: string): User | undefined {
  return getDb().select().from(users).where(eq(users.email, normalizeEmail(email))).get();
}

export async function createUser(input: {
  email: string;
  name: string;
  role: Role;
  password: string;
  language?: Language;
  ownerIds?: number[];
}): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  return writeTransaction((tx) => {
    const user = tx
      .insert(users)
      .values({
        email: normalizeEmail(input.email),
        name: input.name.trim(),
        role: input.role,
        language: input.language ?? 'bg',
        passwordHash,
      })
      .returning()
      .get();
    for (const ownerId of input.ownerIds ?? []) tx.insert(userOwners).values({ userId: user.id, ownerId }).run();
    return user;
  });
}

/**
 * Sets a password and ends every session of the user (a stolen or forgotten cookie stops
 * working), except `keepSessionId`: the session of users who change their own password.
 */
export async function setPassword(userId: number, password: string, keepSessionId?: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  writeTransaction((tx) => {
    tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
    const others = keepSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)) : eq(sessions.userId, userId);
    tx.delete(sessions).where(others).run();
  });
}

export function updateUser(userId: number, changes: { name?: string; role?: Role; disabled?: boolean; language?: Language }) {
  getDb().update(users).set(changes).where(eq(users.id, userId)).run();
}

export function setUserOwners(userId: number, ownerIds: number[]): void {
  writeTransaction((tx) => {
    tx.delete(userOwners).where(eq(userOwners.userId, userId)).run();
    for (const ownerId of new Set(ownerIds)) tx.insert(userOwners).values({ userId, ownerId }).run();
  });
}

export function ownerIdsOfUser(userId: number): number[] {
  return getDb()
    .select({ ownerId: userOwners.ownerId })
    .from(userOwners)
    .where(eq(userOwners.userId, userId))
    .all()
    .map((r) => r.ownerId);
}

export function listUsers(): UserWithOwners[] {
  const db = getDb();
  const all = db.select().from(users).orderBy(asc(users.name)).all();
  const links = all.length
    ? db
        .select({ userId: userOwners.userId, id: owners.id, name: owners.name })
        .from(userOwners)
        .innerJoin(owners, eq(owners.id, userOwners.ownerId))
        .where(
          inArray(
            userOwners.userId,
            all.map((u) => u.id),
          ),
        )
        .orderBy(asc(owners.name))
        .all()
    : [];
  return all.map(({ passwordHash: _hash, ...user }) => ({
    ...user,
    owners: links.filter((l) => l.userId === user.id).map(({ id, name }) => ({ id, name })),
  }));
}
