/** preparedInsert (the plan import's writer): rows typed by the schema, each value stored as drizzle's builder stores it. */
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { preparedInsert } from '~/models/statements.server';
import { getDb, writeTransaction } from '../db/client';
import { activities, activityOwners, areas, measures, organizations, owners, plans } from '../db/schema';

it('stores booleans, dates, nulls and the defaults of the columns left out as the builder does, and ignores a conflict when told', () => {
  const created = new Date('2024-05-06T07:08:09.010Z');
  const id = writeTransaction((tx) => {
    const organizationId = preparedInsert(tx, organizations, ['name'])({ name: 'Prepared' });
    const planId = preparedInsert(tx, plans, ['organizationId', 'title', 'importedAt'])({ organizationId, title: 'П', importedAt: null });
    const areaId = tx.insert(areas).values({ planId, code: '1', title: 'О', position: 0 }).returning().get().id;
    const measureId = tx.insert(measures).values({ planId, areaId, code: '1.1', title: 'М', position: 0 }).returning().get().id;
    const insertActivity = preparedInsert(tx, activities, ['planId', 'measureId', 'code', 'title', 'start', 'ongoing', 'position', 'createdAt']);
    const activityId = insertActivity({ planId, measureId, code: '1.1.1', title: 'А', start: null, ongoing: true, position: 0, createdAt: created });
    const ownerId = tx.insert(owners).values({ organizationId, name: 'О', normalizedName: 'о' }).returning().get().id;
    const link = preparedInsert(tx, activityOwners, ['activityId', 'ownerId', 'position'], { orIgnore: true });
    link({ activityId, ownerId, position: 0 });
    link({ activityId, ownerId, position: 1 });
    return activityId;
  });
  const row = getDb().select().from(activities).where(eq(activities.id, id)).get()!;
  expect(row).toMatchObject({ code: '1.1.1', start: null, ongoing: true, archived: false, version: 1, createdAt: created });
  expect(getDb().select().from(activityOwners).where(eq(activityOwners.activityId, id)).all()).toEqual([{ activityId: id, ownerId: expect.any(Number), position: 0 }]);
  expect(getDb().select({ importedAt: plans.importedAt }).from(plans).where(eq(plans.id, row.planId)).get()).toEqual({ importedAt: null });
});
