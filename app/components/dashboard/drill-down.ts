/**
 * Drill-downs follow the tracking pages' URL contract (app/domain/filters.ts): one plan →
 * /plans/:id?…, all plans → /activities?plan=…; the dashboard's owner filter and its day
 * (when not today) are passed along, so the list shows the set the figure counted. The link
 * lands on the results (#activities: the count of the set, then its activities) at the top
 * of the screen; the figures above them on the plan page are those of the same set.
 * - overdue by area: area=<code>&state=overdue (all plans: plan=<id>&state=overdue)
 * - progress by area: area=<code>&status=<status> (all plans: plan=<id>&status=<status>)
 * - CAF criterion: caf=<criterion>&status=<status>; a sub-criterion chip: caf=<sub-criterion>
 * - owners: owner=<id>&state=overdue | state=due
 * - burn-up, month M: the planned line → quarter=<quarter of M> (activities due that quarter);
 *   the done line → quarter=<quarter of M>&status=done. The list filters by the activities'
 *   end date, so a month opens its whole quarter: the finest period the list offers.
 */
import { filtersSearch, type ActivityFilters } from '~/domain/filters';
import type { Dashboard, GroupProgress } from '~/domain/dashboard-data';

/** The filters a bar, a segment, a point or a figure stands for. */
export type DrillFilters = Partial<Record<'plan' | 'area' | 'owner' | 'status' | 'state' | 'caf' | 'quarter', string | number>>;
export type DrillHref = (filters: DrillFilters) => string;

/** The anchor of the results on the activity lists (their count, then the activities). */
export const RESULTS_ANCHOR = 'activities';

/** The filtered activity list behind a bar, a segment or a point. */
export function drillDownHref(dashboard: Pick<Dashboard, 'plan' | 'asOf' | 'owner'>, today: string, filters: DrillFilters): string {
  const { plan, ...rest } = filters;
  const search = filtersSearch({} as ActivityFilters, {
    plan: dashboard.plan ? undefined : plan,
    owner: dashboard.owner ?? undefined,
    ...rest,
    asOf: dashboard.asOf === today ? undefined : dashboard.asOf,
  });
  return `${dashboard.plan ? `/plans/${dashboard.plan.id}` : '/activities'}${search}#${RESULTS_ANCHOR}`;
}

/** The filter of one group of the dashboard: an area of the plan shown, or a plan of all. */
export const groupFilter = (group: GroupProgress, byPlan: boolean): DrillFilters => (byPlan ? { plan: group.planId } : { area: group.areaCode ?? '' });

/** A share 0..1 as a whole percent; '—' for none. */
export const percentText = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);
