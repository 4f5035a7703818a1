/**
 * The report of an approved self-assessment (доклад за самооценка): the group, the dates, and
 * per criterion and sub-criterion the agreed strengths, areas for improvement and scores; beside
 * them the scores of the organisation's previous approved self-assessment, when there is one,
 * and what changed since it beside what the plan did (app/domain/plan-follow-up.ts).
 * One reader for the page, the print and the .xlsx.
 */
import { eq } from 'drizzle-orm';
import { CAF_CRITERIA } from '~/domain/caf2020';
import { criterionKind, criterionScore, mean, overallScore, sheetScore } from '~/domain/assessment-scoring';
import type { AssessmentReport, ReportCriterion, ReportSubCriterion } from '~/domain/assessment-data';
import { changeSection } from '~/domain/plan-follow-up';
import { users, type Assessment, type User } from '../../db/schema';
import { getDb } from '../../db/client';
import { consensusOverview, getSheet } from './assessment-sheet.server';
import { listMembers, requireAssessment } from './assessment.server';
import { planFollowUp, previousAssessment, startDayOf } from './plan-follow-up.server';

const meanOf = (values: (number | null)[]) => (values.some((v) => v === null) ? null : mean(values as number[]));

export function assessmentReport(assessment: Assessment): AssessmentReport {
  const previous = assessment.approvedAt ? previousAssessment(assessment) : null;
  const before = new Map(previous ? consensusOverview(previous).map((row) => [row.code, row.consensus]) : []);
  const criteria: ReportCriterion[] = CAF_CRITERIA.map((criterion) => {
    const subCriteria = criterion.subCriteria.map((sub): ReportSubCriterion => {
      const sheet = getSheet(assessment.id, sub.code, null);
      return {
        code: sub.code,
        title: { bg: sub.titleBg, en: sub.titleEn },
        scores: sheet.scores,
        score: sheetScore(assessment.scoringSystem, sub.code, sheet.scores),
        previous: before.get(sub.code) ?? null,
        strengths: sheet.items.strength,
        improvements: sheet.items.improvement,
      };
    });
    const scores = new Map(subCriteria.map((sub) => [sub.code, sub.score]));
    return {
      code: criterion.code,
      title: { bg: criterion.titleBg, en: criterion.titleEn },
      kind: criterionKind(criterion.code),
      score: criterionScore(criterion.code, scores),
      previous: previous ? criterionScore(criterion.code, before) : null,
      subCriteria,
    };
  });
  const all = criteria.flatMap((c) => c.subCriteria);
  const approver = assessment.approvedBy ? getDb().select({ name: users.name }).from(users).where(eq(users.id, assessment.approvedBy)).get() : undefined;
  return {
    assessment: {
      id: assessment.id,
      title: assessment.title,
      period: assessment.period,
      scoringSystem: assessment.scoringSystem,
      createdAt: assessment.createdAt.getTime(),
      approvedAt: assessment.approvedAt?.getTime() ?? null,
      approvedBy: approver?.name ?? null,
    },
    members: listMembers(assessment.id),
    criteria,
    overall: overallScore(new Map(all.map((sub) => [sub.code, sub.score]))),
    enablers: meanOf(all.filter((sub) => criterionKind(sub.code) === 'enabler').map((sub) => sub.score)),
    results: meanOf(all.filter((sub) => criterionKind(sub.code) === 'result').map((sub) => sub.score)),
    change: previous ? changeSection(criteria, planFollowUp(previous, startDayOf(assessment)), previous.scoringSystem !== assessment.scoringSystem) : null,
    previous: previous ? { id: previous.id, title: previous.title, period: previous.period, approvedAt: previous.approvedAt?.getTime() ?? null, overall: overallScore(before) } : null,
  };
}

/** The report of the assessment of the URL, for whoever may view it; 409 until it is approved. */
export async function requireApprovedReport(request: Request, idParam: string | undefined): Promise<{ user: User; report: AssessmentReport }> {
  const { user, assessment } = await requireAssessment(request, idParam, 'view');
  if (assessment.stage !== 'approved') throw new Response('Not approved', { status: 409 });
  return { user, report: assessmentReport(assessment) };
}
