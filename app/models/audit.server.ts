import { and, desc, eq } from 'drizzle-orm';
import { getDb, type Db } from '../../db/client';
import { auditEvents, users } from '../../db/schema';

type Tx = Pick<Db, 'insert'>;

/** Records who changed what; `tx` keeps the event in the same transaction as the change. */
export function recordAudit(
  userId: number | null,
  entity: string,
  entityId: number,
  action: string,
  before: unknown,
  after: unknown,
  tx: Tx = getDb(),
): void {
  tx.insert(auditEvents).values({ userId, entity, entityId, action, before, after }).run();
}

export function listAuditEvents(entity: string, entityId: number) {
  return getDb()
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      before: auditEvents.before,
      after: auditEvents.after,
      createdAt: auditEvents.createdAt,
      userName: users.name,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .where(and(eq(auditEvents.entity, entity), eq(auditEvents.entityId, entityId)))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .all();
}
