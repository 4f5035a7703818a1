/**
 * The dashboard's data as app/models/dashboard.server.ts computes it and the dashboard's page and
 * components show it: types only, so that components need nothing from the models.
 */
import type { AreaState } from './area-state';
import type { OwnerRef } from './activity-row';
import type { Status } from './status';

export type StatusCounts = Record<Status, number>;

export type Figures = {
  total: number;
  done: number;
  inProgress: number;
  /** Not started: status planned. */
  planned: number;
  postponed: number;
  cancelled: number;
  overdue: number;
  dueThisQuarter: number;
  lateStart: number;
  /** done / (total − cancelled), 0..1; null with nothing to count. */
  shareDone: number | null;
  /** Mean percent complete over the activities not cancelled, 0..100; null with nothing to count. */
  meanPercent: number | null;
};

export type GroupProgress = {
  /** Area id (one plan) or plan id (all plans). */
  id: number;
  planId: number;
  /** Area code ("2") on a plan's dashboard; null on the all-plans dashboard. */
  areaCode: string | null;
  label: string;
  title: string;
  total: number;
  byStatus: StatusCounts;
  overdue: number;
  dueThisQuarter: number;
  lateStart: number;
  /** Days late of the oldest overdue activity; null with none overdue. */
  oldestDaysOverdue: number | null;
  /** Red/amber/green (areaState). */
  state: AreaState;
  shareDone: number | null;
  meanPercent: number | null;
};

export type CafProgress = {
  code: string;
  titleBg: string;
  titleEn: string;
  total: number;
  byStatus: StatusCounts;
  overdue: number;
  shareDone: number | null;
  /** The sub-criteria of this criterion that the plan's measures answer, with their activities. */
  subCriteria: { code: string; titleBg: string; titleEn: string; measures: number; activities: number; done: number; overdue: number }[];
};

export type OwnerLoad = {
  id: number;
  name: string;
  overdue: number;
  dueThisQuarter: number;
  /** Days late of the owner's oldest overdue activity; null with none overdue. */
  oldestDaysOverdue: number | null;
  /** No user is linked to this owner: nobody signs in to report for it. */
  unlinked: boolean;
};

export type BurnUpPoint = {
  /** 'YYYY-MM' */
  month: string;
  /** Activities whose baseline end falls in this month or before (the approved plan). */
  planned: number;
  /** Activities done as of the as-of day, completed in this month or before; null after the as-of month. */
  actual: number | null;
};

export type OverdueActivity = {
  id: number;
  planId: number;
  planTitle: string;
  code: string;
  title: string;
  status: Status;
  percent: number;
  endDate: string;
  baselineEnd: string | null;
  daysOverdue: number;
  owners: string | null;
};

/** closedOn: the day the plan was closed (ISO), null while it runs; a draft runs from its approval. */
export type PlanChoice = { id: number; title: string; period: string | null; organization: string; status: 'draft' | 'approved'; approvedOn: string | null; closedOn: string | null };

export type Dashboard = {
  /** The owner filter (an owner's id): only that owner's activities are counted; null: everyone's. */
  owner: number | null;
  /** The owner filter's choices: the owners of the plan's (all plans') live activities, as on the plan page. */
  ownerChoices: OwnerRef[];
  asOf: string;
  /** The end of the quarter before the one containing asOf: the reference for the changes. */
  previousAsOf: string;
  /** The quarter containing asOf, as periodKey ('2024-Q2'). */
  quarter: string;
  plan: PlanChoice | null;
  plans: PlanChoice[];
  /** All plans: how many were closed by the day, and are therefore not counted. */
  closedPlans: number;
  figures: Figures;
  previousFigures: Figures;
  groups: GroupProgress[];
  caf: CafProgress[];
  /** The latest approved self-assessment's score per criterion, beside caf (app/domain/plan-follow-up.ts). */
  assessment: { id: number; title: string; period: string; scores: Record<string, number | null> } | null;
  owners: OwnerLoad[];
  burnUp: BurnUpPoint[];
  overdue: { total: number; rows: OverdueActivity[] };
  /** Quarter ends (ISO) from the first quarter of the plan(s) up to the last one before today: the quick picks. */
  quarterEnds: string[];
  /** How many plans (all-plans charts), owners and overdue activities are listed at most. */
  limits: { plans: number; owners: number; overdue: number };
};
