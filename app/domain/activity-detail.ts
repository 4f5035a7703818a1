/** What the activity page shows of one activity (app/models/activity.server.ts reads it). */
import type { ActivityState } from './activity-state';
import type { Status } from './status';

/** A status update as the history shows it. */
export type StatusUpdateEntry = {
  id: number;
  status: Status;
  percent: number | null;
  comment: string | null;
  completedOn: string | null;
  evidenceUrl: string | null;
  evidenceFileName: string | null;
  hasFile: boolean;
  userName: string | null;
  /** The day it reports on. */
  asOf: string;
  /** When it was recorded. */
  createdAt: number;
};

export type ScheduleChangeEntry = {
  id: number;
  previousEnd: string | null;
  newEnd: string;
  reason: string | null;
  userName: string | null;
  createdAt: number;
};

export type AuditEntry = { id: number; action: string; before: unknown; after: unknown; createdAt: number; userName: string | null };

/** The change that made an edit stale: the activity's latest audit event. */
export type LatestChange = { action: string; userName: string | null; createdAt: number };

/** What the plan says of an activity: its code, title, dates and the texts written beside them. */
export type ActivityPlanFields = {
  code: string;
  title: string;
  start: string | null;
  baselineEnd: string | null;
  currentEnd: string | null;
  ongoing: boolean;
  ongoingText: string | null;
  indicator: string | null;
  target: string | null;
  resources: string | null;
  note: string | null;
};

export type ActivityDetail = ActivityPlanFields & {
  id: number;
  planId: number;
  planTitle: string;
  /** A draft plan's dates are not fixed yet: they are edited, not rescheduled. */
  planStatus: 'draft' | 'approved';
  organizationId: number;
  area: { code: string; title: string };
  measure: { id: number; code: string; title: string; kind: 'strategic' | 'quick_win' | null };
  caf: { code: string; titleBg: string; titleEn: string; criterionTitleBg: string | null; criterionTitleEn: string | null }[];
  sourceSheet: string | null;
  sourceRow: number | null;
  version: number;
  owners: { id: number; name: string }[];
  state: ActivityState;
  updates: StatusUpdateEntry[];
  scheduleChanges: ScheduleChangeEntry[];
  audit: AuditEntry[];
};
