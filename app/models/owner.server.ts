import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import { getDb, writeTransaction, type Db } from '../../db/client';
import { addAlias, moveOwnerInto } from '../../db/owner-keys';
import { activities, activityOwners, organizations, ownerAliases, owners, userOwners, users } from '../../db/schema';
import { ownerKey } from '../../importers/text';
import { recordAudit } from './audit.server';

type Tx = Pick<Db, 'select' | 'insert' | 'update' | 'delete'>;

/** Finds an owner by its key (ownerKey: the importer's rule for "the same owner") or an alias within an organization, creating it when new. */
export function findOrCreateOwner(tx: Tx, organizationId: number, name: string): number {
  const normalized = ownerKey(name);
  const existing = tx
    .select({ id: owners.id })
    .from(owners)
    .where(and(eq(owners.organizationId, organizationId), eq(owners.normalizedName, normalized)))
    .get();
  if (existing) return existing.id;
  const alias = tx
    .select({ id: owners.id })
    .from(ownerAliases)
    .innerJoin(owners, eq(owners.id, ownerAliases.ownerId))
    .where(and(eq(owners.organizationId, organizationId), eq(ownerAliases.normalizedAlias, normalized)))
    .get();
  if (alias) return alias.id;
  return tx
    .insert(owners)
    .values({ organizationId, name: name.trim(), normalizedName: normalized })
    .returning({ id: owners.id })
    .get().id;
}

export function listOwners() {
  const db = getDb();
  return db
    .select({
      id: owners.id,
      name: owners.name,
      activityCount: sql<number>`(select count(*) from ${activityOwners} where ${activityOwners.ownerId} = ${owners.id})`,
      userCount: sql<number>`(select count(*) from ${userOwners} where ${userOwners.ownerId} = ${owners.id})`,
    })
    .from(owners)
    .orderBy(asc(owners.name))
    .all();
}

export type OwnerAdminRow = {
  id: number;
  name: string;
  organization: string;
  activityCount: number;
  aliases: string[];
  users: { id: number; name: string; email: string }[];
};

/** The owners found in the plans, with their activity counts, other spellings and linked users. */
export function listOwnersForAdmin(): OwnerAdminRow[] {
  const db = getDb();
  const rows = db
    .select({
      id: owners.id,
      name: owners.name,
      organization: organizations.name,
      activityCount: sql<number>`(${db
        .select({ n: count() })
        .from(activityOwners)
        .innerJoin(activities, eq(activities.id, activityOwners.activityId))
        .where(and(eq(activityOwners.ownerId, owners.id), eq(activities.archived, false)))})`,
    })
    .from(owners)
    .innerJoin(organizations, eq(organizations.id, owners.organizationId))
    .orderBy(asc(organizations.name), sql`${owners.name} collate nocase`)
    .all();
  const aliases = db.select({ ownerId: ownerAliases.ownerId, alias: ownerAliases.alias }).from(ownerAliases).orderBy(ownerAliases.alias).all();
  const links = db
    .select({ ownerId: userOwners.ownerId, id: users.id, name: users.name, email: users.email })
    .from(userOwners)
    .innerJoin(users, eq(users.id, userOwners.userId))
    .orderBy(users.name)
    .all();
  return rows.map((row) => ({
    ...row,
    aliases: aliases.filter((a) => a.ownerId === row.id).map((a) => a.alias),
    users: links.filter((l) => l.ownerId === row.id).map(({ id, name, email }) => ({ id, name, email })),
  }));
}

export type OwnerChangeResult = { ok: true } | { ok: false; error: 'trOwnerNotFound' | 'trOwnerNameTaken' | 'trMergeSame' | 'trMergeOtherOrganization' | 'trUserNotFound' };

function ownerRow(tx: Tx, id: number) {
  return tx
    .select({ id: owners.id, organizationId: owners.organizationId, name: owners.name, normalizedName: owners.normalizedName })
    .from(owners)
    .where(eq(owners.id, id))
    .get();
}

/**
 * Merges one owner into another, in one transaction: the merged owner's name and aliases
 * become aliases of the kept one, its activity and user links move over (keeping the first
 * position where both were named), and the merged owner is deleted.
 */
export function mergeOwners(keepId: number, mergeId: number, userId: number): OwnerChangeResult {
  if (keepId === mergeId) return { ok: false, error: 'trMergeSame' };
  return writeTransaction((tx) => {
    const keep = ownerRow(tx, keepId);
    const merged = ownerRow(tx, mergeId);
    if (!keep || !merged) return { ok: false, error: 'trOwnerNotFound' } as const;
    if (keep.organizationId !== merged.organizationId) return { ok: false, error: 'trMergeOtherOrganization' } as const;
    const moved = moveOwnerInto(tx, keep, merged);
    recordAudit(
      userId,
      'owner',
      keepId,
      'merge',
      { kept: keep.name, merged: { id: mergeId, name: merged.name, aliases: moved.aliases } },
      { activityIds: moved.activityIds, userIds: moved.userIds },
      tx,
    );
    return { ok: true } as const;
  });
}

/** Renames an owner; the old spelling stays as an alias so that re-imported plans still match. */
export function renameOwner(ownerId: number, name: string, userId: number): OwnerChangeResult {
  return writeTransaction((tx) => {
    const owner = ownerRow(tx, ownerId);
    if (!owner) return { ok: false, error: 'trOwnerNotFound' } as const;
    const key = ownerKey(name);
    const clash = tx
      .select({ id: owners.id })
      .from(owners)
      .where(and(eq(owners.organizationId, owner.organizationId), eq(owners.normalizedName, key), ne(owners.id, ownerId)))
      .get();
    if (clash) return { ok: false, error: 'trOwnerNameTaken' } as const;
    tx.update(owners).set({ name: name.trim(), normalizedName: key }).where(eq(owners.id, ownerId)).run();
    addAlias(tx, { id: ownerId, normalizedName: key }, owner.name);
    tx.delete(ownerAliases).where(and(eq(ownerAliases.ownerId, ownerId), eq(ownerAliases.normalizedAlias, key))).run();
    recordAudit(userId, 'owner', ownerId, 'rename', { name: owner.name }, { name: name.trim() }, tx);
    return { ok: true } as const;
  });
}

/** Links a user to an owner (or unlinks): the user then sees and updates that owner's activities. */
export function setUserOwnerLink(ownerId: number, linkedUserId: number, linked: boolean, userId: number): OwnerChangeResult {
  return writeTransaction((tx) => {
    if (!ownerRow(tx, ownerId)) return { ok: false, error: 'trOwnerNotFound' } as const;
    if (!tx.select({ id: users.id }).from(users).where(eq(users.id, linkedUserId)).get()) return { ok: false, error: 'trUserNotFound' } as const;
    if (linked) tx.insert(userOwners).values({ userId: linkedUserId, ownerId }).onConflictDoNothing().run();
    else tx.delete(userOwners).where(and(eq(userOwners.userId, linkedUserId), eq(userOwners.ownerId, ownerId))).run();
    recordAudit(userId, 'owner', ownerId, linked ? 'link-user' : 'unlink-user', null, { userId: linkedUserId }, tx);
    return { ok: true } as const;
  });
}

/** Every user, for the link select. */
export function listUsersForLinking() {
  return getDb()
    .select({ id: users.id, name: users.name, email: users.email, role: users.role })
    .from(users)
    .where(eq(users.disabled, false))
    .orderBy(users.name)
    .all();
}
