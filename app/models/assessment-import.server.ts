/**
 * An existing self-assessment read from a spreadsheet (importers/assessment) becomes a new
 * assessment: its scores, strengths and areas for improvement are the group's consensus, the
 * person importing it chairs it, and it starts in the consensus stage or approved. All or
 * nothing: every sub-criterion of the preview is written in one transaction, or none is (an
 * approved one needs a consensus score on all 28, as approving in the app does).
 */
import { z } from 'zod';
import { SCORE_DIMENSIONS, sheetScore, SUB_CRITERIA, type ScoreDimension, type ScoringSystem } from '~/domain/assessment-scoring';
import { stageChangeRefusal, type StageRefusal } from '~/domain/assessment-stage';
import type { Lang } from '~/domain/lang';
import { writeTransaction } from '../../db/client';
import { assessmentItems, assessmentMembers, assessments, assessmentSheets, type User } from '../../db/schema';
import { parseAssessmentFile, type ParsedAssessment, type ParsedSubCriterion } from '../../importers/assessment';
import { readOrRefuse } from '../../importers/import-error';
import { recordAudit } from './audit.server';
import { loadPendingPlan } from './pending-import.server';

export const IMPORT_STAGES = ['consensus', 'approved'] as const;
export type ImportStage = (typeof IMPORT_STAGES)[number];

const score = z.number().min(0).max(100);
/** What a preview kept for the confirm (written by the server, checked again before it is trusted). */
const parsedSchema = z.object({
  title: z.string(),
  scoring: z.enum(['classical', 'fine-tuned']),
  subCriteria: z.array(
    z.object({
      code: z.string(),
      score: score.nullable(),
      phases: z.object({ plan: score, do: score, check: score, act: score }).nullable(),
      trends: score.nullable(),
      targets: score.nullable(),
      strengths: z.array(z.string()),
      improvements: z.array(z.string()),
    }),
  ),
  warnings: z.array(z.object({ sheet: z.string(), row: z.number().nullable(), column: z.string().nullable(), message: z.string() })),
});

/** The assessment the preview of an upload showed, as the confirm will write it; null when it is gone or not the user's. */
/** A self-assessment read from its spreadsheet (importers/assessment), or why the file cannot be read. */
export function readAssessmentFile(bytes: Uint8Array, fileName: string, lang: Lang): Promise<{ read: ParsedAssessment } | { refusal: string }> {
  return readOrRefuse(parseAssessmentFile(bytes, fileName, lang), lang);
}

export function loadPendingAssessment(token: string, userId: number): { fileName: string; assessment: ParsedAssessment } | null {
  const pending = loadPendingPlan<unknown>(token, userId);
  const parsed = pending ? parsedSchema.safeParse(pending.plan) : null;
  return pending && parsed?.success ? { fileName: pending.fileName, assessment: parsed.data } : null;
}

export function scoringSystemOf(assessment: Pick<ParsedAssessment, 'scoring'>): ScoringSystem {
  return assessment.scoring === 'fine-tuned' ? 'fine_tuned' : 'classical';
}

/** A sub-criterion's consensus scores as the app keeps them (whole numbers) under the system: the one score, or the phases, trends and targets. */
export function consensusScoresOf(system: ScoringSystem, sub: ParsedSubCriterion): Record<ScoreDimension, number | null> {
  const given: Record<ScoreDimension, number | null> =
    system === 'classical'
      ? { score: sub.score, plan: null, do: null, check: null, act: null, trends: null, targets: null }
      : { score: null, plan: sub.phases?.plan ?? null, do: sub.phases?.do ?? null, check: sub.phases?.check ?? null, act: sub.phases?.act ?? null, trends: sub.trends, targets: sub.targets };
  return Object.fromEntries(SCORE_DIMENSIONS.map((d) => [d, given[d] === null ? null : Math.round(given[d]!)])) as Record<ScoreDimension, number | null>;
}

/** The sub-criteria the file gives a complete consensus score under its system: all 28 are needed to import it approved. */
export function scoredCodes(assessment: ParsedAssessment): string[] {
  const system = scoringSystemOf(assessment);
  return assessment.subCriteria.filter((sub) => sheetScore(system, sub.code, consensusScoresOf(system, sub)) !== null).map((sub) => sub.code);
}

/** Whether a score that is saved (the one score, or the phases, trends and targets) is not a whole number, and will be rounded. */
export function savedRounded(assessment: ParsedAssessment): boolean {
  const system = scoringSystemOf(assessment);
  return assessment.subCriteria.some((sub) => {
    const written = system === 'classical' ? [sub.score] : [sub.trends, sub.targets, ...Object.values(sub.phases ?? {})];
    return written.some((value) => value !== null && !Number.isInteger(value));
  });
}

export type ImportInput = { title: string; period: string; stage: ImportStage; fileName: string };

export function importAssessment(actor: User, assessment: ParsedAssessment, input: ImportInput): { ok: true; id: number } | { ok: false; reason: StageRefusal } {
  const system = scoringSystemOf(assessment);
  if (input.stage === 'approved') {
    const refusal = stageChangeRefusal('consensus', 'approved', { members: 1, consensusScored: scoredCodes(assessment).length, subCriteria: SUB_CRITERIA.length });
    if (refusal) return { ok: false, reason: refusal };
  }
  return writeTransaction((tx) => {
    const now = new Date();
    const approval = input.stage === 'approved' ? { approvedBy: actor.id, approvedAt: now } : {};
    const { id } = tx
      .insert(assessments)
      .values({ title: input.title, period: input.period, scoringSystem: system, stage: input.stage, createdBy: actor.id, ...approval })
      .returning({ id: assessments.id })
      .get();
    tx.insert(assessmentMembers).values({ assessmentId: id, userId: actor.id, role: 'chair' }).run();
    for (const sub of assessment.subCriteria) {
      const sheet = tx
        .insert(assessmentSheets)
        .values({ assessmentId: id, cafCode: sub.code, userId: null, ...consensusScoresOf(system, sub), updatedBy: actor.id, updatedAt: now })
        .returning({ id: assessmentSheets.id })
        .get();
      const items = [
        ...sub.strengths.map((text, position) => ({ sheetId: sheet.id, kind: 'strength' as const, text, position })),
        ...sub.improvements.map((text, position) => ({ sheetId: sheet.id, kind: 'improvement' as const, text, position })),
      ];
      if (items.length > 0) tx.insert(assessmentItems).values(items).run();
    }
    recordAudit(actor.id, 'assessment', id, 'import', null, { ...input, scoringSystem: system, subCriteria: assessment.subCriteria.length }, tx);
    return { ok: true as const, id };
  });
}
