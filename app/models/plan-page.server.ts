/** The plan page's reads: its header, its progress by area and one page of its activities. */
import { and, asc, count, eq } from 'drizzle-orm';
import { todayInSofia } from '~/domain/dates';
import { isFiltered, type ActivityFilters } from '~/domain/filters';
import { rollUp, rollUpBy, type Progress } from '~/domain/progress';
import type { ActivityRow } from '~/domain/activity-row';
import { activities, areas, organizations, plans } from '../../db/schema';
import { getDb } from '../../db/client';
import { countActivitiesByMeasure, filteredStates, filterOptions, listActivities } from './activity-list.server';
import { whileUnchanged } from './read-cache.server';

export const PLAN_PAGE_SIZE = 50;

export type PlanActivitiesPage = {
  rows: ActivityRow[];
  /** The page shown, from 1: the one asked for, kept within 1..pageCount. */
  page: number;
  pageCount: number;
  /** How many activities match the filters, on all pages. */
  total: number;
  /** How many come before this page. */
  offset: number;
  /** How many activities match in each area and measure of this page, on all pages (by id). */
  inArea: Record<number, number>;
  inMeasure: Record<number, number>;
  /** In code order, the area and the measure that began on an earlier page and go on here. */
  continued: { areaId: number | null; measureId: number | null };
};

/** One page of a plan's activities as listActivities orders them, and how many match on all pages. */
function planActivitiesPage(filters: ActivityFilters, planId: number, page: number): PlanActivitiesPage {
  const byMeasure = countActivitiesByMeasure(filters, planId);
  const total = byMeasure.reduce((sum, measure) => sum + measure.count, 0);
  const pageCount = Math.max(1, Math.ceil(total / PLAN_PAGE_SIZE));
  const shown = Math.min(Math.max(1, page), pageCount);
  const offset = (shown - 1) * PLAN_PAGE_SIZE;
  const rows = total === 0 ? [] : listActivities(filters, planId, { slice: { limit: PLAN_PAGE_SIZE, offset } });
  const areasShown = new Set(rows.map((row) => row.areaId));
  const measuresShown = new Set(rows.map((row) => row.measureId));
  const inArea: Record<number, number> = {};
  const inMeasure: Record<number, number> = {};
  const continued: PlanActivitiesPage['continued'] = { areaId: null, measureId: null };
  // In code order each area and measure is one run of the list: those running across the offset go on here.
  const byCode = (filters.sort ?? 'code') === 'code';
  let start = 0;
  let areaStart = 0;
  byMeasure.forEach(({ areaId, measureId, count }, i) => {
    if (areasShown.has(areaId)) inArea[areaId] = (inArea[areaId] ?? 0) + count;
    if (measuresShown.has(measureId)) inMeasure[measureId] = count;
    if (i > 0 && byMeasure[i - 1]!.areaId !== areaId) areaStart = start;
    const end = start + count;
    if (byCode && end > offset && start < offset) continued.measureId = measureId;
    if (byCode && end > offset && areaStart < offset) continued.areaId = areaId;
    start = end;
  });
  return { rows, page: shown, pageCount, total, offset, inArea, inMeasure, continued };
}

/**
 * What the plan page shows for these filters and this page: the plan's progress, the page of
 * activities and the filter choices, reused while the database is unchanged (today is in the
 * key: the states depend on it).
 */
export function planPageData(planId: number, filters: ActivityFilters, page: number) {
  const today = todayInSofia();
  return whileUnchanged(`plan-page ${JSON.stringify([planId, filters, page, today])}`, () => ({
    progress: planProgress(planId, { ...filters, asOf: filters.asOf ?? today }),
    listing: planActivitiesPage(filters, planId, page),
    options: filterOptions(planId),
  }));
}


export type PlanHeader = {
  id: number;
  title: string;
  period: string | null;
  status: 'draft' | 'approved';
  approvedBy: string | null;
  approvedOn: string | null;
  sourceFileName: string | null;
  importedAt: number | null;
  /** The day the plan was closed (ISO), null while it runs. */
  closedOn: string | null;
  organizationId: number;
  organization: string;
};

export function getPlanHeader(planId: number): PlanHeader | null {
  const row = getDb()
    .select({
      id: plans.id,
      title: plans.title,
      period: plans.period,
      status: plans.status,
      approvedBy: plans.approvedBy,
      approvedOn: plans.approvedOn,
      sourceFileName: plans.sourceFileName,
      importedAt: plans.importedAt,
      closedOn: plans.closedOn,
      organizationId: plans.organizationId,
      organization: organizations.name,
    })
    .from(plans)
    .innerJoin(organizations, eq(organizations.id, plans.organizationId))
    .where(eq(plans.id, planId))
    .get();
  return row ? { ...row, importedAt: row.importedAt?.getTime() ?? null } : null;
}

export type AreaSummary = { id: number; code: string; title: string; total: number; progress: Progress };

/**
 * Overall and per-area progress of the plan's activities that match the filters (all of them
 * when unfiltered) as of filters.asOf, and how many live activities the plan has in all.
 */
function planProgress(planId: number, filters: ActivityFilters): { overall: Progress; areas: AreaSummary[]; planTotal: number } {
  const db = getDb();
  const items = filteredStates(filters, planId);
  const planTotal = isFiltered(filters)
    ? db.select({ n: count() }).from(activities).where(and(eq(activities.planId, planId), eq(activities.archived, false))).get()!.n
    : items.length;
  const progressItems = items.map((item) => ({ ...item, overdue: item.overdue === 1 }));
  const byArea = rollUpBy(progressItems, (item) => item.areaId);
  const planAreas = db
    .select({ id: areas.id, code: areas.code, title: areas.title })
    .from(areas)
    .where(and(eq(areas.planId, planId), eq(areas.archived, false)))
    .orderBy(asc(areas.position))
    .all();
  return {
    planTotal,
    overall: rollUp(progressItems),
    areas: planAreas.map((area) => {
      const progress = byArea.get(area.id) ?? rollUp([]);
      return { ...area, total: progress.total, progress };
    }),
  };
}
