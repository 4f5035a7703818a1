/**
 * The derived state of one activity as of a calendar day (the page of a single activity; every
 * list, count and report reads the same rules in SQL: app/models/activity-state.server.ts,
 * checked against this one by tests/dashboard-state.test.ts), computed only from the updates that
 * report on that day or before, so a report for Q2 shows the plan as it stood on 30 June even
 * when produced in July, and shows what was reported in July as of 30 June.
 *
 * Rules:
 * - Status: the latest status event as of asOf: the greatest day it reports on (its asOf, by
 *   default the day it was recorded) up to asOf; ties: the later recorded, then the later in
 *   the list; 'planned' when there is none. An event counts by the day it reports on, not by
 *   the completion date it states: a completion on 28.06 reported on 03.07 as of 03.07 is not
 *   done as of 30.06; reported on 03.07 as of 30.06, it is.
 * - Percent: 100 when done; otherwise the latest percent given by any counted event; 0 when
 *   none was given.
 * - End: the newEnd of the latest end change recorded by the end of asOf (Sofia), else the
 *   baseline (the approved plan's end). A postponement read from a report only moves the
 *   end when the caller records it as an end change.
 * - Slip: end − baseline in days when both exist (0 when not moved), null otherwise.
 * - Overdue: the end is before asOf and the status is neither done nor cancelled; postponed
 *   activities are overdue too until given a new end. Due on asOf is not overdue. Never
 *   for ongoing activities or without an end. An activity rescheduled after being overdue
 *   was overdue as of the days before the change, and is measured against the new end after.
 * - Due this quarter: the end falls in the calendar quarter containing asOf (earlier days
 *   of that quarter included), not done or cancelled, not ongoing.
 * - Late start: the start is before asOf and the status is still planned; never when ongoing.
 * - Completed on: for done only, the date the latest event states, else the day it reports on.
 * - Last update: when the latest counted status event was recorded (end changes excluded).
 * - Urgency: a sort key, ascending = most urgent first:
 *     overdue (most days overdue first) < due within 30 days (soonest first)
 *     < in progress < everything else open < done and cancelled;
 *   within the last three tiers, sooner ends first and no end last.
 */
import { daysBetween, endOfDayInSofia } from './dates';
import { periodBounds, periodOf } from './quarters';
import type { Status } from './status';

export type ActivitySchedule = {
  start: string | null;
  baselineEnd: string | null;
  ongoing: boolean;
  /** Reschedules, in any order; newEnd null makes the activity open-ended. */
  endChanges: { at: number; newEnd: string | null }[];
};

/** at: when it was recorded (epoch ms); asOf: the day it reports on (YYYY-MM-DD). */
export type StatusEvent = { at: number; asOf: string; status: Status; percent: number | null; completedOn: string | null };

export type ActivityState = {
  status: Status;
  percent: number;
  end: string | null;
  slipDays: number | null;
  overdue: boolean;
  daysOverdue: number;
  dueThisQuarter: boolean;
  lateStart: boolean;
  completedOn: string | null;
  lastUpdateAt: number | null;
  urgency: number;
};

/** How far ahead "due soon" looks in the urgency order. */
export const DUE_SOON_DAYS = 30;
const TIER = 100_000;

export function deriveActivityState(
  schedule: ActivitySchedule,
  events: StatusEvent[],
  asOf: string,
): ActivityState {
  const cutoff = endOfDayInSofia(asOf);
  const known = events.filter((event) => event.asOf <= asOf).sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : a.at - b.at));
  const latest = known.at(-1);
  const endChange = schedule.endChanges.filter((change) => change.at <= cutoff).sort((a, b) => a.at - b.at).at(-1);
  const end = endChange ? endChange.newEnd : schedule.baselineEnd;
  const quarter = periodBounds(periodOf(asOf, 'quarter'));
  const status = latest?.status ?? 'planned';
  const closed = status === 'done' || status === 'cancelled';
  const tracked = !schedule.ongoing && !closed;
  const overdue = tracked && end !== null && end < asOf;
  const daysOverdue = overdue ? daysBetween(end, asOf) : 0;

  return {
    status,
    percent: status === 'done' ? 100 : (known.filter((event) => event.percent !== null).at(-1)?.percent ?? 0),
    end,
    slipDays: end !== null && schedule.baselineEnd !== null ? daysBetween(schedule.baselineEnd, end) : null,
    overdue,
    daysOverdue,
    dueThisQuarter: tracked && end !== null && quarter.start <= end && end <= quarter.end,
    lateStart: !schedule.ongoing && status === 'planned' && schedule.start !== null && schedule.start < asOf,
    completedOn: status === 'done' ? (latest!.completedOn ?? latest!.asOf) : null,
    lastUpdateAt: latest?.at ?? null,
    urgency: closed ? 4 * TIER : urgencyOfOpen(status, schedule.ongoing ? null : end, daysOverdue, asOf),
  };
}

function urgencyOfOpen(status: Status, end: string | null, daysOverdue: number, asOf: string): number {
  if (daysOverdue > 0) return TIER - 1 - Math.min(daysOverdue, TIER - 1);
  const daysLeft = end === null ? TIER - 1 : Math.min(daysBetween(asOf, end), TIER - 1);
  if (daysLeft <= DUE_SOON_DAYS) return TIER + daysLeft;
  return (status === 'in_progress' ? 2 : 3) * TIER + daysLeft;
}
