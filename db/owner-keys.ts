/**
 * Owners are matched by one key, the importer's ownerKey (importers/text.ts): owners.normalized_name
 * and owner_aliases.normalized_alias hold it. This module moves one owner into another (an admin's
 * merge, or two owners whose keys became equal) and re-keys the stored owners when the rule changes.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { ownerKey } from '../importers/text';
import { recordAudit } from '../app/models/audit.server';
import type { Db, Tx } from './client';
import { activityOwners, ownerAliases, owners, userOwners } from './schema';

type Owner = Pick<typeof owners.$inferSelect, 'id' | 'name' | 'normalizedName'>;

/**
 * Moves `merged` into `keep` (same organization; the caller checks): its activity links (where
 * both were named, the first position stays) and user links move over, its name and aliases
 * become aliases of the kept one, and it is deleted. Returns what moved, for the audit event.
 */
export function moveOwnerInto(tx: Tx, keep: Owner, merged: Owner) {
  const activityIds = tx
    .select({ id: activityOwners.activityId })
    .from(activityOwners)
    .where(eq(activityOwners.ownerId, merged.id))
    .all()
    .map((r) => r.id);
  const userIds = tx
    .select({ id: userOwners.userId })
    .from(userOwners)
    .where(eq(userOwners.ownerId, merged.id))
    .all()
    .map((r) => r.id);
  tx.insert(activityOwners)
    .select(
      tx
        .select({ activityId: activityOwners.activityId, ownerId: sql<number>`${keep.id}`.as('owner_id'), position: activityOwners.position })
        .from(activityOwners)
        .where(eq(activityOwners.ownerId, merged.id)),
    )
    .onConflictDoUpdate({
      target: [activityOwners.activityId, activityOwners.ownerId],
      set: { position: sql`min(${activityOwners.position}, excluded.position)` },
    })
    .run();
  for (const userId of userIds) tx.insert(userOwners).values({ userId, ownerId: keep.id }).onConflictDoNothing().run();
  const aliases = tx
    .select({ alias: ownerAliases.alias })
    .from(ownerAliases)
    .where(eq(ownerAliases.ownerId, merged.id))
    .all()
    .map((r) => r.alias);
  for (const alias of [merged.name, ...aliases]) addAlias(tx, keep, alias);
  tx.delete(owners).where(eq(owners.id, merged.id)).run();
  return { activityIds, userIds, aliases };
}

/** Keeps another spelling of an owner, unless it is the owner's own key or already kept. */
export function addAlias(tx: Tx, owner: Pick<Owner, 'id' | 'normalizedName'>, alias: string): void {
  const key = ownerKey(alias);
  if (key === owner.normalizedName) return;
  const exists = tx
    .select({ id: ownerAliases.id })
    .from(ownerAliases)
    .where(and(eq(ownerAliases.ownerId, owner.id), eq(ownerAliases.normalizedAlias, key)))
    .get();
  if (!exists) tx.insert(ownerAliases).values({ ownerId: owner.id, alias, normalizedAlias: key }).run();
}

/** PRAGMA user_version from which the stored keys are ownerKey's. */
const OWNER_KEY_VERSION = 1;

/**
 * One-time data migration (db/client.ts runs it after the SQL migrations): stored keys made by
 * the app's old rule (lower case, single spaces, no trailing dot) become ownerKey's. Owners of one
 * organization whose keys become equal are merged into the oldest, keeping every link and
 * spelling (moveOwnerInto), with an audit event each. SQLite cannot run ownerKey, so this is
 * JavaScript; PRAGMA user_version records that it ran.
 */
export function rekeyOwners(db: Db): void {
  const done = (reader: Pick<Db, 'get'>) => reader.get<{ user_version: number }>(sql`pragma user_version`).user_version >= OWNER_KEY_VERSION;
  if (done(db)) return;
  db.transaction(
    (tx) => {
      if (done(tx)) return; // another process (a server worker) did it while this one waited for the lock
      const rows = tx.select({ id: owners.id, organizationId: owners.organizationId, name: owners.name, normalizedName: owners.normalizedName }).from(owners).orderBy(owners.id).all();
      const kept = new Map<string, Owner>();
      const changed: (Owner & { key: string })[] = [];
      for (const row of rows) {
        const key = ownerKey(row.name);
        const same = kept.get(`${row.organizationId}\n${key}`);
        if (same) {
          const moved = moveOwnerInto(tx, same, row);
          recordAudit(null, 'owner', same.id, 'merge', { kept: same.name, merged: { id: row.id, name: row.name, aliases: moved.aliases } }, { activityIds: moved.activityIds, userIds: moved.userIds }, tx);
          continue;
        }
        kept.set(`${row.organizationId}\n${key}`, { ...row, normalizedName: key });
        if (key !== row.normalizedName) changed.push({ ...row, key });
      }
      // Through a key no owner can have, so that two owners trading keys never meet in the unique index.
      for (const owner of changed) tx.update(owners).set({ normalizedName: `\u0000${owner.id}` }).where(eq(owners.id, owner.id)).run();
      for (const owner of changed) tx.update(owners).set({ normalizedName: owner.key }).where(eq(owners.id, owner.id)).run();
      rekeyAliases(tx, new Map([...kept.values()].map((o) => [o.id, o.normalizedName])));
      tx.run(sql.raw(`pragma user_version = ${OWNER_KEY_VERSION}`));
    },
    { behavior: 'immediate' },
  );
}

/** Each alias under ownerKey; one that is now its owner's key, or another alias of that owner, goes. */
function rekeyAliases(tx: Tx, ownerKeys: Map<number, string>): void {
  const seen = new Set<string>();
  const drop: number[] = [];
  for (const alias of tx.select().from(ownerAliases).orderBy(ownerAliases.id).all()) {
    const key = ownerKey(alias.alias);
    const seenKey = `${alias.ownerId}\n${key}`;
    if (key === ownerKeys.get(alias.ownerId) || seen.has(seenKey)) drop.push(alias.id);
    else if (key !== alias.normalizedAlias) tx.update(ownerAliases).set({ normalizedAlias: key }).where(eq(ownerAliases.id, alias.id)).run();
    seen.add(seenKey);
  }
  for (let i = 0; i < drop.length; i += 500) tx.delete(ownerAliases).where(inArray(ownerAliases.id, drop.slice(i, i + 500))).run();
}
