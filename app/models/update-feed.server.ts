import { and, desc, eq, exists, sql } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { activities, activityOwners, areas, measures, statusUpdates, users } from '../../db/schema';

export const FEED_PAGE_SIZE = 50;

/** The plan by id (all plans when absent), the area by its code in every plan (as the activity filters), the owner by id. */
export type FeedFilters = { plan?: number; area?: string; owner?: number };

/**
 * Recent status updates, newest recorded first (then the newest id): who, on which activity,
 * the day it reports on and when it was recorded, the status, the comment and the evidence.
 * Updates of archived activities are left out.
 */
export function listRecentUpdates(filters: FeedFilters, slice: { limit: number; offset?: number }) {
  const where = and(
    eq(activities.archived, false),
    filters.plan === undefined ? undefined : eq(activities.planId, filters.plan),
    filters.area === undefined ? undefined : eq(areas.code, filters.area),
    filters.owner === undefined
      ? undefined
      : exists(
          getDb()
            .select({ one: sql`1` })
            .from(activityOwners)
            .where(and(eq(activityOwners.activityId, activities.id), eq(activityOwners.ownerId, filters.owner))),
        ),
  );
  const db = getDb();
  const rows = db
    .select({
      id: statusUpdates.id,
      activityId: activities.id,
      activityCode: activities.code,
      activityTitle: activities.title,
      areaTitle: areas.title,
      userName: users.name,
      status: statusUpdates.status,
      percent: statusUpdates.percent,
      comment: statusUpdates.comment,
      evidenceUrl: statusUpdates.evidenceUrl,
      evidenceFileName: statusUpdates.evidenceFileName,
      asOf: statusUpdates.asOf,
      createdAt: statusUpdates.createdAt,
    })
    .from(statusUpdates)
    .innerJoin(activities, eq(activities.id, statusUpdates.activityId))
    .innerJoin(measures, eq(measures.id, activities.measureId))
    .innerJoin(areas, eq(areas.id, measures.areaId))
    .leftJoin(users, eq(users.id, statusUpdates.userId))
    .where(where)
    .orderBy(desc(statusUpdates.createdAt), desc(statusUpdates.id))
    .limit(slice.limit)
    .offset(slice.offset ?? 0)
    .all();
  const total = db
    .select({ count: sql<number>`count(*)` })
    .from(statusUpdates)
    .innerJoin(activities, eq(activities.id, statusUpdates.activityId))
    .innerJoin(measures, eq(measures.id, activities.measureId))
    .innerJoin(areas, eq(areas.id, measures.areaId))
    .where(where)
    .get()!.count;
  return { rows: rows.map((row) => ({ ...row, createdAt: row.createdAt.getTime() })), total };
}

export type FeedRow = ReturnType<typeof listRecentUpdates>['rows'][number];
