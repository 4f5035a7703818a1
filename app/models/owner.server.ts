import { and, asc, eq, sql } from 'drizzle-orm';
import { recordAudit } from './audit.server';
import { getDb, writeTransaction, type Db } from '../../db/client';
import { activityOwners, ownerAliases, owners, userOwners } from '../../db/schema';
import { normalizeName } from '~/domain/names';
import type { Role } from '~/domain/permissions';

type Tx = Pick<Db, 'select' | 'insert' | 'update' | 'delete'>;

/** Finds an owner by normalised name or alias within an organization, creating it when new. */
export function findOrCreateOwner(tx: Tx, organizationId: number, name: string): number {
  const normalized = normalizeName(name);
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
  const sqlite = getDb().$client;
  const rows = sqlite
    .prepare(
      `select o.id, o.name, org.name as organization,
         (select count(*) from activity_owners ao join activities a on a.id = ao.activity_id
           where ao.owner_id = o.id and a.archived = 0) as activityCount
       from owners o join organizations org on org.id = o.organization_id
       order by org.name, o.name collate nocase`,
    )
    .all() as Omit<OwnerAdminRow, 'aliases' | 'users'>[];
  const aliases = sqlite.prepare('select owner_id as ownerId, alias from owner_aliases order by alias').all() as {
    ownerId: number;
    alias: string;
  }[];
  const links = sqlite
    .prepare(
      `select uo.owner_id as ownerId, u.id, u.name, u.email from user_owners uo join users u on u.id = uo.user_id
       order by u.name`,
    )
    .all() as { ownerId: number; id: number; name: string; email: string }[];
  return rows.map((row) => ({
    ...row,
    aliases: aliases.filter((a) => a.ownerId === row.id).map((a) => a.alias),
    users: links.filter((l) => l.ownerId === row.id).map(({ id, name, email }) => ({ id, name, email })),
  }));
}

export type OwnerChangeResult = { ok: true } | { ok: false; error: 'trOwnerNotFound' | 'trOwnerNameTaken' | 'trMergeSame' | 'trMergeOtherOrganization' | 'trUserNotFound' };

type OwnerRow = { id: number; organizationId: number; name: string; normalizedName: string };

function ownerRow(id: number): OwnerRow | undefined {
  return getDb()
    .$client.prepare('select id, organization_id as organizationId, name, normalized_name as normalizedName from owners where id = ?')
    .get(id) as OwnerRow | undefined;
}

function addAlias(ownerId: number, alias: string): void {
  const sqlite = getDb().$client;
  const normalized = normalizeName(alias);
  const exists = sqlite.prepare('select 1 from owner_aliases where owner_id = ? and normalized_alias = ?').get(ownerId, normalized);
  if (!exists) sqlite.prepare('insert into owner_aliases (owner_id, alias, normalized_alias) values (?, ?, ?)').run(ownerId, alias, normalized);
}

/**
 * Merges one owner into another, in one transaction: the merged owner's name and aliases
 * become aliases of the kept one, its activity and user links move over (keeping the first
 * position where both were named), and the merged owner is deleted.
 */
export function mergeOwners(keepId: number, mergeId: number, userId: number): OwnerChangeResult {
  if (keepId === mergeId) return { ok: false, error: 'trMergeSame' };
  const sqlite = getDb().$client;
  return writeTransaction((tx) => {
    const keep = ownerRow(keepId);
    const merged = ownerRow(mergeId);
    if (!keep || !merged) return { ok: false, error: 'trOwnerNotFound' } as const;
    if (keep.organizationId !== merged.organizationId) return { ok: false, error: 'trMergeOtherOrganization' } as const;
    const movedActivities = (
      sqlite.prepare('select activity_id as id from activity_owners where owner_id = ?').all(mergeId) as { id: number }[]
    ).map((r) => r.id);
    const movedUsers = (sqlite.prepare('select user_id as id from user_owners where owner_id = ?').all(mergeId) as { id: number }[]).map(
      (r) => r.id,
    );
    sqlite
      .prepare(
        `insert into activity_owners (activity_id, owner_id, position)
         select activity_id, :keep, position from activity_owners where owner_id = :merge
         on conflict (activity_id, owner_id) do update set position = min(position, excluded.position)`,
      )
      .run({ keep: keepId, merge: mergeId });
    sqlite.prepare('insert or ignore into user_owners (user_id, owner_id) select user_id, ? from user_owners where owner_id = ?').run(keepId, mergeId);
    const mergedAliases = (sqlite.prepare('select alias from owner_aliases where owner_id = ?').all(mergeId) as { alias: string }[]).map(
      (r) => r.alias,
    );
    for (const alias of [merged.name, ...mergedAliases]) {
      if (normalizeName(alias) !== keep.normalizedName) addAlias(keepId, alias);
    }
    sqlite.prepare('delete from owners where id = ?').run(mergeId);
    recordAudit(
      userId,
      'owner',
      keepId,
      'merge',
      { kept: keep.name, merged: { id: mergeId, name: merged.name, aliases: mergedAliases } },
      { activityIds: movedActivities, userIds: movedUsers },
      tx,
    );
    return { ok: true } as const;
  });
}

/** Renames an owner; the old spelling stays as an alias so that re-imported plans still match. */
export function renameOwner(ownerId: number, name: string, userId: number): OwnerChangeResult {
  const sqlite = getDb().$client;
  return writeTransaction((tx) => {
    const owner = ownerRow(ownerId);
    if (!owner) return { ok: false, error: 'trOwnerNotFound' } as const;
    const normalized = normalizeName(name);
    const clash = sqlite
      .prepare('select 1 from owners where organization_id = ? and normalized_name = ? and id <> ?')
      .get(owner.organizationId, normalized, ownerId);
    if (clash) return { ok: false, error: 'trOwnerNameTaken' } as const;
    sqlite.prepare('update owners set name = ?, normalized_name = ? where id = ?').run(name.trim(), normalized, ownerId);
    if (normalized !== owner.normalizedName) addAlias(ownerId, owner.name);
    sqlite.prepare('delete from owner_aliases where owner_id = ? and normalized_alias = ?').run(ownerId, normalized);
    recordAudit(userId, 'owner', ownerId, 'rename', { name: owner.name }, { name: name.trim() }, tx);
    return { ok: true } as const;
  });
}

/** Links a user to an owner (or unlinks): the user then sees and updates that owner's activities. */
export function setUserOwnerLink(ownerId: number, linkedUserId: number, linked: boolean, userId: number): OwnerChangeResult {
  const sqlite = getDb().$client;
  return writeTransaction((tx) => {
    if (!ownerRow(ownerId)) return { ok: false, error: 'trOwnerNotFound' } as const;
    if (!sqlite.prepare('select 1 from users where id = ?').get(linkedUserId)) return { ok: false, error: 'trUserNotFound' } as const;
    if (linked) sqlite.prepare('insert or ignore into user_owners (user_id, owner_id) values (?, ?)').run(linkedUserId, ownerId);
    else sqlite.prepare('delete from user_owners where user_id = ? and owner_id = ?').run(linkedUserId, ownerId);
    recordAudit(userId, 'owner', ownerId, linked ? 'link-user' : 'unlink-user', null, { userId: linkedUserId }, tx);
    return { ok: true } as const;
  });
}

/** Every user, for the link select. */
export function listUsersForLinking(): { id: number; name: string; email: string; role: Role }[] {
  return getDb()
    .$client.prepare('select id, name, email, role from users where disabled = 0 order by name')
    .all() as { id: number; name: string; email: string; role: Role }[];
}
