/**
 * The red/amber/green state of an area (or of a plan on the all-plans dashboard), the one
 * home of the rule shown on the dashboard and explained there ("how it is computed"):
 * - red: an activity overdue more than RED_DAYS_OVERDUE days, or more than RED_SHARE_OVERDUE
 *   of the counted activities (cancelled aside) overdue;
 * - amber: any activity overdue, or not started although its start has passed (late start);
 * - green: neither.
 */
export type AreaState = 'red' | 'amber' | 'green';

export const RED_DAYS_OVERDUE = 30;
export const RED_SHARE_OVERDUE = 0.25;

export type AreaCounts = {
  /** Activities counted: the total without the cancelled ones. */
  counted: number;
  overdue: number;
  lateStart: number;
  /** Days late of the oldest overdue activity; null with none overdue. */
  oldestDaysOverdue: number | null;
};

export function areaState({ counted, overdue, lateStart, oldestDaysOverdue }: AreaCounts): AreaState {
  if ((oldestDaysOverdue ?? 0) > RED_DAYS_OVERDUE || (counted > 0 && overdue / counted > RED_SHARE_OVERDUE)) return 'red';
  if (overdue > 0 || lateStart > 0) return 'amber';
  return 'green';
}
