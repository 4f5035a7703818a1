import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Role } from '~/domain/permissions';
import { getDb, writeTransaction, type Tx } from '../../db/client';
import { owners, sessions, userOwners, users, type Language, type User } from '../../db/schema';
import { recordAudit } from './audit.server';
import { hashPassword } from './password.server';

export type UserWithOwners = Omit<User, 'passwordHash'> & { owners: { id: number; name: string }[] };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function getUserByEmail(email: string): User | undefined {
  return getDb().select().from(users).where(eq(users.email, normalizeEmail(email))).get();
}

/** Creates a user; made by an admin (`byUserId`), with its audit event in the same transaction. */
export async function createUser(
  input: {
    email: string;
    name: string;
    role: Role;
    password: string;
    language?: Language;
    ownerIds?: number[];
  },
  byUserId?: number,
): Promise<User> {
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
    if (byUserId !== undefined) {
      recordAudit(byUserId, 'user', user.id, 'create', null, { email: user.email, role: user.role, ownerIds: input.ownerIds ?? [] }, tx);
    }
    return user;
  });
}

/**
 * Sets a password and ends every session of the user (a stolen or forgotten cookie stops
 * working), except `keepSessionId`: the session of users who change their own password.
 */
export async function setPassword(userId: number, password: string, keepSessionId?: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  writeTransaction((tx) => replacePassword(tx, userId, passwordHash, keepSessionId));
}

function replacePassword(tx: Tx, userId: number, passwordHash: string, keepSessionId: string | undefined): void {
  tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
  const others = keepSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)) : eq(sessions.userId, userId);
  tx.delete(sessions).where(others).run();
}

export type AccountChange = {
  name: string;
  role: Role;
  disabled: boolean;
  ownerIds: number[];
  /** A new password ('' keeps it): ends the user's sessions except keepSessionId. */
  password: string;
  keepSessionId?: string;
};

/**
 * An admin's change of a user's account (name, role, disabled, linked owners, password) and
 * its audit event, in one transaction; false for an unknown user.
 */
export async function updateUserAccount(userId: number, change: AccountChange, byUserId: number): Promise<boolean> {
  const passwordHash = change.password ? await hashPassword(change.password) : null;
  return writeTransaction((tx) => {
    const before = tx.select({ name: users.name, role: users.role, disabled: users.disabled }).from(users).where(eq(users.id, userId)).get();
    if (!before) return false;
    const ownerIdsBefore = tx
      .select({ id: owners.id })
      .from(userOwners)
      .innerJoin(owners, eq(owners.id, userOwners.ownerId))
      .where(eq(userOwners.userId, userId))
      .orderBy(asc(owners.name))
      .all()
      .map((owner) => owner.id);
    tx.update(users).set({ name: change.name, role: change.role, disabled: change.disabled }).where(eq(users.id, userId)).run();
    replaceUserOwners(tx, userId, change.ownerIds);
    if (passwordHash) replacePassword(tx, userId, passwordHash, change.keepSessionId);
    recordAudit(
      byUserId,
      'user',
      userId,
      'update',
      { ...before, ownerIds: ownerIdsBefore },
      { name: change.name, role: change.role, disabled: change.disabled, ownerIds: change.ownerIds, passwordChanged: Boolean(passwordHash) },
      tx,
    );
    return true;
  });
}

export function updateUser(userId: number, changes: { name?: string; role?: Role; disabled?: boolean; language?: Language }) {
  getDb().update(users).set(changes).where(eq(users.id, userId)).run();
}

export function setUserOwners(userId: number, ownerIds: number[]): void {
  writeTransaction((tx) => replaceUserOwners(tx, userId, ownerIds));
}

function replaceUserOwners(tx: Tx, userId: number, ownerIds: number[]): void {
  tx.delete(userOwners).where(eq(userOwners.userId, userId)).run();
  for (const ownerId of new Set(ownerIds)) tx.insert(userOwners).values({ userId, ownerId }).run();
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
