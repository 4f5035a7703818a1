import { and, asc, eq, sql } from 'drizzle-orm';
import { getDb, type Db } from '../../db/client';
import { activityOwners, ownerAliases, owners, userOwners } from '../../db/schema';
import { normalizeName } from '~/domain/names';

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
