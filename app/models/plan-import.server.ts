import { eq } from 'drizzle-orm';
import { getDb } from '../../db/client';
import {
  activities,
  activityOwners,
  areas,
  cafCriteria,
  measureCafRefs,
  measures,
  organizations,
  plans,
} from '../../db/schema';
import type { ParsedPlan } from '../../importers/types';
import { recordAudit } from './audit.server';
import { findOrCreateOwner } from './owner.server';

export const DEFAULT_ORGANIZATION = 'Моята администрация';

export function findOrCreateOrganization(name: string): number {
  const db = getDb();
  const existing = db.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, name)).get();
  if (existing) return existing.id;
  return db.insert(organizations).values({ name }).returning({ id: organizations.id }).get().id;
}

/** The organization plans go to when none is named: the only one there is, or a new default. */
export function defaultOrganizationId(): number {
  const first = getDb().select({ id: organizations.id }).from(organizations).orderBy(organizations.id).get();
  return first?.id ?? findOrCreateOrganization(DEFAULT_ORGANIZATION);
}

export type ImportOptions = {
  organization?: string;
  title?: string;
  fileName: string;
  userId?: number | null;
  approvedBy?: string | null;
  approvedOn?: string | null;
};

/** Writes a parsed plan as a new plan, all in one transaction; returns the plan id. */
export function importPlanIntoDatabase(parsed: ParsedPlan, options: ImportOptions): number {
  const db = getDb();
  const organizationId = options.organization
    ? findOrCreateOrganization(options.organization)
    : defaultOrganizationId();
  const knownCaf = new Set(
    db
      .select({ code: cafCriteria.code })
      .from(cafCriteria)
      .all()
      .map((c) => c.code),
  );
  return db.transaction((tx) => {
    const plan = tx
      .insert(plans)
      .values({
        organizationId,
        title: options.title ?? parsed.title ?? options.fileName,
        period: parsed.period,
        approvedBy: options.approvedBy ?? null,
        approvedOn: options.approvedOn ?? null,
        sourceFileName: options.fileName,
        importedAt: new Date(),
      })
      .returning({ id: plans.id })
      .get();
    const ownerIds = new Map<string, number>();
    let activityPosition = 0;
    parsed.areas.forEach((area, areaIndex) => {
      const areaId = tx
        .insert(areas)
        .values({ planId: plan.id, code: area.code, title: area.title, position: areaIndex })
        .returning({ id: areas.id })
        .get().id;
      area.measures.forEach((measure, measureIndex) => {
        const measureId = tx
          .insert(measures)
          .values({
            planId: plan.id,
            areaId,
            code: measure.code,
            title: measure.title,
            kind: measure.kind,
            position: measureIndex,
          })
          .returning({ id: measures.id })
          .get().id;
        for (const cafCode of new Set(measure.cafRefs.filter((c) => knownCaf.has(c)))) {
          tx.insert(measureCafRefs).values({ measureId, cafCode }).run();
        }
        for (const activity of measure.activities) {
          const activityId = tx
            .insert(activities)
            .values({
              planId: plan.id,
              measureId,
              code: activity.code,
              title: activity.title,
              start: activity.start,
              baselineEnd: activity.end,
              currentEnd: activity.end,
              ongoing: activity.ongoing,
              target: activity.target,
              note: activity.note,
              sourceSheet: activity.source.sheet,
              sourceRow: activity.source.row,
              position: activityPosition++,
            })
            .returning({ id: activities.id })
            .get().id;
          activity.owners.forEach((name, position) => {
            let ownerId = ownerIds.get(name);
            if (ownerId === undefined) {
              ownerId = findOrCreateOwner(tx, organizationId, name);
              ownerIds.set(name, ownerId);
            }
            tx.insert(activityOwners).values({ activityId, ownerId, position }).onConflictDoNothing().run();
          });
        }
      });
    });
    recordAudit(
      options.userId ?? null,
      'plan',
      plan.id,
      'import',
      null,
      { fileName: options.fileName, areas: parsed.areas.length, warnings: parsed.warnings.length },
      tx,
    );
    return plan.id;
  });
}
