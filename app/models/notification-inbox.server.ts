/**
 * A user's notifications in the app: the list, the unread count of the header, marking read.
 * Only the notifications meant for the list (notifications.inbox) are shown: a message a
 * person chose to get by e-mail only is not.
 */
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { notifications } from '../../db/schema';
import type { Delivery } from './notification-delivery.server';

export type NotificationItem = {
  id: number;
  kind: string;
  subject: string;
  body: string;
  link: string | null;
  delivery: Delivery;
  createdAt: number;
  readAt: number | null;
};

export const NOTIFICATION_LIST_LIMIT = 100;

const inboxOf = (userId: number) => and(eq(notifications.userId, userId), eq(notifications.inbox, true));

export function listNotifications(userId: number, limit = NOTIFICATION_LIST_LIMIT): NotificationItem[] {
  return getDb()
    .select({
      id: notifications.id,
      kind: notifications.kind,
      subject: notifications.subject,
      body: notifications.body,
      link: notifications.link,
      delivery: notifications.delivery,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(inboxOf(userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit)
    .all()
    .map((n) => ({ ...n, createdAt: n.createdAt.getTime(), readAt: n.readAt?.getTime() ?? null }));
}

export function unreadCount(userId: number): number {
  return getDb()
    .select({ n: count() })
    .from(notifications)
    .where(and(inboxOf(userId), isNull(notifications.readAt)))
    .get()!.n;
}

/** Marks one of the user's own notifications read; returns it (null when not theirs). */
export function markRead(userId: number, id: number, now = new Date()): { link: string | null } | null {
  const db = getDb();
  const row = db
    .select({ link: notifications.link, readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.id, id), inboxOf(userId)))
    .get();
  if (!row) return null;
  if (!row.readAt) db.update(notifications).set({ readAt: now }).where(eq(notifications.id, id)).run();
  return { link: row.link };
}

export function markAllRead(userId: number, now = new Date()): number {
  return getDb()
    .update(notifications)
    .set({ readAt: now })
    .where(and(inboxOf(userId), isNull(notifications.readAt)))
    .run().changes;
}
