/**
 * The self-assessment's data as the pages show it (app/models/assessment*.server.ts read it):
 * types only, so that components need nothing from the models.
 */
import type { AssessmentItemKind, CriterionKind, Scores, ScoringSystem } from './assessment-scoring';
import type { Role } from './permissions';
import type { ChangeSection } from './plan-follow-up';

export type SheetItems = Record<AssessmentItemKind, string[]>;
/** What a person types on one sub-criterion: scores and the items of each kind. */
export type SheetContent = { scores: Scores; items: SheetItems };
/** A saved sheet; version 0 when nothing is saved yet. */
export type Sheet = SheetContent & { version: number; updatedAt: number | null };

export type SheetProgress = { code: string; score: number | null; evidence: number; strengths: number; improvements: number };

export type MemberSheet = { userId: number; name: string; scores: Scores; score: number | null; items: SheetItems };

export type ReportSubCriterion = {
  code: string;
  title: { bg: string; en: string };
  scores: Scores;
  score: number | null;
  previous: number | null;
  strengths: string[];
  improvements: string[];
};

export type ReportCriterion = {
  code: string;
  title: { bg: string; en: string };
  kind: CriterionKind;
  score: number | null;
  previous: number | null;
  subCriteria: ReportSubCriterion[];
};

export type AssessmentReport = {
  assessment: { id: number; title: string; period: string; scoringSystem: ScoringSystem; createdAt: number; approvedAt: number | null; approvedBy: string | null };
  members: GroupMember[];
  criteria: ReportCriterion[];
  /** The mean over the 28 sub-criteria, and over the enablers (criteria 1-5) and the results (6-9). */
  overall: number | null;
  enablers: number | null;
  results: number | null;
  /** The approved self-assessment before this one, compared with. */
  previous: { id: number; title: string; period: string; approvedAt: number | null; overall: number | null } | null;
  /** Change since the previous self-assessment beside the plan's work on each criterion and sub-criterion. */
  change: ChangeSection | null;
};

/** A member of a self-assessment group. */
export type GroupMember = { userId: number; name: string; email: string; role: Role; membership: 'chair' | 'member' };
