/**
 * What the plan did about the previous self-assessment (CAF steps 8-10 feeding the next step 1):
 * per sub-criterion the previous consensus score, its agreed areas for improvement and the plan
 * measures on it (by CAF reference or linked to those areas) with their activities as of the
 * new assessment's start; the score change beside the share of activities done; which areas
 * were not addressed; and, for the dashboard, the criteria with a low score and little progress.
 * Types and rules only: app/models/plan-follow-up.server.ts reads the data.
 */
import type { ReportCriterion } from './assessment-data';
import type { CafProgress } from './dashboard-data';
import type { ScoringSystem } from './assessment-scoring';
import type { Progress } from './progress';
import type { Status } from './status';

export type FollowUpActivity = { id: number; code: string; title: string; status: Status; percent: number; overdue: boolean };

export type FollowUpMeasure = {
  id: number;
  planId: number;
  planTitle: string;
  code: string;
  title: string;
  /** Why it is on the sub-criterion: its CAF reference, a link to one of its areas for improvement, or both. */
  byCaf: boolean;
  byLink: boolean;
  progress: Progress;
  activities: FollowUpActivity[];
};

/**
 * What became of an area for improvement: addressed (a linked measure has at least one
 * activity done by the day), no measure linked to it, or linked measures with nothing done.
 */
export type AreaOutcome = 'addressed' | 'no_measure' | 'nothing_done';

export type FollowUpArea = { itemId: number; text: string; measureIds: number[]; outcome: AreaOutcome };

export type SubCriterionFollowUp = {
  code: string;
  /** The previous consensus score (0-100 in either system), null when unscored. */
  score: number | null;
  areas: FollowUpArea[];
  measures: FollowUpMeasure[];
  /** Over the activities of its measures, each counted once. */
  progress: Progress;
};

export type PreviousAssessment = { id: number; title: string; period: string; scoringSystem: ScoringSystem; approvedAt: number | null };

export type PlanFollowUp = {
  previous: PreviousAssessment;
  /** The day the activities' state is taken (the new assessment's start). */
  asOf: string;
  /** The plans answering the previous assessment: those with a measure linked to one of its areas. */
  plans: { id: number; title: string }[];
  subCriteria: SubCriterionFollowUp[];
  /** Per criterion: the activities of the measures on it or on any of its sub-criteria, each once. */
  criteria: { code: string; progress: Progress }[];
};

/** The scoring and consensus pages' panel: one sub-criterion of the follow-up. */
export type PreviousPanel = Pick<PlanFollowUp, 'previous' | 'asOf' | 'plans'> & { sub: SubCriterionFollowUp };

/** The outcome of an area from the done activities of each measure linked to it. */
export function areaOutcome(measureIds: readonly number[], doneByMeasure: ReadonlyMap<number, number>): AreaOutcome {
  if (measureIds.length === 0) return 'no_measure';
  return measureIds.some((id) => (doneByMeasure.get(id) ?? 0) > 0) ? 'addressed' : 'nothing_done';
}

/** now − previous; null when either is missing. Both scoring systems score 0-100, so scores compare directly. */
export function scoreChange(previous: number | null, now: number | null): number | null {
  return previous === null || now === null ? null : now - previous;
}

export type ChangeRow = {
  code: string;
  title: { bg: string; en: string };
  previous: number | null;
  now: number | null;
  change: number | null;
  /** The plan's activities on it as of this assessment's start: share done of those counted, done and counted. */
  shareDone: number | null;
  done: number;
  counted: number;
};

/** The report's section "Change since the previous self-assessment". */
export type ChangeSection = {
  previous: PreviousAssessment;
  asOf: string;
  plans: { id: number; title: string }[];
  /** The two assessments used different scoring systems (compared on the common 0-100 scale). */
  systemsDiffer: boolean;
  criteria: (ChangeRow & { subCriteria: (ChangeRow & { unaddressed: FollowUpArea[] })[] })[];
};

/**
 * The dashboard's "needs attention" rule: a criterion the latest self-assessment scored at most
 * LOW_SCORE (the band 31-50 and below: an approach at most being carried out) on which the plan
 * has done less than LITTLE_PROGRESS of its activities (or has none).
 */
export const LOW_SCORE = 50;
export const LITTLE_PROGRESS = 0.5;

export type CriterionAttention = {
  code: string;
  titleBg: string;
  titleEn: string;
  score: number | null;
  activities: number;
  shareDone: number | null;
  standsOut: boolean;
};

export function standsOut(score: number | null, shareDone: number | null): boolean {
  return score !== null && score <= LOW_SCORE && (shareDone === null || shareDone < LITTLE_PROGRESS);
}

/** The nine criteria: those that stand out first, then the lowest score first (unscored last), then CAF order. */
export function criteriaAttention(caf: readonly CafProgress[], scores: Readonly<Record<string, number | null>>): CriterionAttention[] {
  const rows = caf.map((criterion) => {
    const score = scores[criterion.code] ?? null;
    const activities = criterion.total - criterion.byStatus.cancelled;
    return { code: criterion.code, titleBg: criterion.titleBg, titleEn: criterion.titleEn, score, activities, shareDone: criterion.shareDone, standsOut: standsOut(score, criterion.shareDone) };
  });
  return rows.sort((a, b) => Number(b.standsOut) - Number(a.standsOut) || (a.score ?? Infinity) - (b.score ?? Infinity) || Number(a.code) - Number(b.code));
}

/** The change section from the report's criteria (this score and the previous) and the plan's follow-up. */
export function changeSection(criteria: readonly ReportCriterion[], followUp: PlanFollowUp, systemsDiffer: boolean): ChangeSection {
  const row = (code: string, title: ChangeRow['title'], now: number | null, previous: number | null, progress: Progress): ChangeRow => ({
    code,
    title,
    previous,
    now,
    change: scoreChange(previous, now),
    shareDone: progress.shareDone,
    done: progress.done,
    counted: progress.counted,
  });
  return {
    previous: followUp.previous,
    asOf: followUp.asOf,
    plans: followUp.plans,
    systemsDiffer,
    criteria: criteria.map((criterion) => ({
      ...row(criterion.code, criterion.title, criterion.score, criterion.previous, followUp.criteria.find((c) => c.code === criterion.code)!.progress),
      subCriteria: criterion.subCriteria.map((sub) => {
        const follow = followUp.subCriteria.find((s) => s.code === sub.code)!;
        return { ...row(sub.code, sub.title, sub.score, sub.previous, follow.progress), unaddressed: follow.areas.filter((area) => area.outcome !== 'addressed') };
      }),
    })),
  };
}
