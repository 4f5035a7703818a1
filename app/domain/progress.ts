/**
 * Progress roll-up from activities to measures, areas and whole plans.
 *
 * The rule (shown to users as the common word progressRule):
 * - Cancelled activities are left out of both measures; every other status counts,
 *   postponed included.
 * - Share done = done activities / (all activities − cancelled).
 * - Mean percent = the mean of the activities' percent complete over the same activities,
 *   a done activity counting as 100.
 * - With nothing left to count (no activities, or all cancelled) both are null, shown as
 *   "—", never as 0% or 100%.
 * - Overdue = activities overdue as of the report date.
 * Every activity weighs the same, whatever its size or length.
 */
import { STATUSES, type Status } from './status';

export type ProgressItem = { status: Status; percent: number; overdue: boolean };

export type Progress = {
  total: number;
  cancelled: number;
  /** total − cancelled: the activities both measures are taken over. */
  counted: number;
  byStatus: Record<Status, number>;
  done: number;
  overdue: number;
  /** 0..1, null when counted is 0. */
  shareDone: number | null;
  /** 0..100, null when counted is 0. */
  meanPercent: number | null;
};

export function rollUp(items: ProgressItem[]): Progress {
  const byStatus = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<Status, number>;
  let percentSum = 0;
  for (const item of items) {
    byStatus[item.status] += 1;
    if (item.status !== 'cancelled') percentSum += item.status === 'done' ? 100 : item.percent;
  }
  const counted = items.length - byStatus.cancelled;
  return {
    total: items.length,
    cancelled: byStatus.cancelled,
    counted,
    byStatus,
    done: byStatus.done,
    overdue: items.filter((item) => item.overdue).length,
    shareDone: counted === 0 ? null : byStatus.done / counted,
    meanPercent: counted === 0 ? null : percentSum / counted,
  };
}

/** Items grouped by a key (area code, measure id ...), groups in order of first appearance. */
export function groupBy<T, K>(items: T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** The roll-up of each group: progress by area, by measure, by CAF criterion. */
export function rollUpBy<T extends ProgressItem, K>(items: T[], keyOf: (item: T) => K): Map<K, Progress> {
  return new Map([...groupBy(items, keyOf)].map(([key, group]) => [key, rollUp(group)]));
}
