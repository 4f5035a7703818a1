/**
 * The CAF cycle of a self-assessment (/cycle): the facts the app has about its ten steps, and
 * what the organization records for the steps the app cannot know (table cycle_steps).
 */
import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, max, min, sql } from 'drizzle-orm';
import { deriveCycle, type CycleFacts, type CyclePlanFacts, type CycleRecord, type CycleStep, type CycleStepView } from '~/domain/caf-cycle';
import { ASSESSMENT_STAGES, type AssessmentStage } from '~/domain/assessment-stage';
import { SUB_CRITERIA } from '~/domain/assessment-scoring';
import { dateOfTimestampInSofia, quarterOf } from '~/domain/dates';
import { parseId } from '~/domain/form-input';
import {
  activities,
  assessmentItems,
  assessmentMembers,
  assessments,
  assessmentSheets,
  auditEvents,
  cycleSteps,
  improvementLinks,
  improvementPriorities,
  measures,
  organizations,
  plans,
  statusUpdates,
  users,
  type User,
} from '../../db/schema';
import { getDb, writeTransaction } from '../../db/client';
import { recordAudit } from './audit.server';

export type CycleChoice = {
  id: number;
  title: string;
  period: string;
  stage: AssessmentStage;
};

/** Every self-assessment, newest first: the cycles one may look at (the first is the current one). */
export function listCycles(): CycleChoice[] {
  return getDb()
    .select({
      id: assessments.id,
      title: assessments.title,
      period: assessments.period,
      stage: assessments.stage,
    })
    .from(assessments)
    .orderBy(desc(assessments.createdAt), desc(assessments.id))
    .all();
}

export interface CycleView {
  organization: string | null;
  assessment: CycleChoice;
  plans: { id: number; title: string }[];
  steps: CycleStepView[];
}

const day = (at: Date | null | undefined) => (at ? dateOfTimestampInSofia(at.getTime()) : null);
const nameOf = (id: number | null) => (id === null ? null : getDb().select({ name: users.name }).from(users).where(eq(users.id, id)).get()?.name ?? null);

/** The plans of the cycle: those with a measure that answers one of the assessment's agreed areas for improvement. */
function cyclePlanIds(assessmentId: number): number[] {
  return getDb()
    .selectDistinct({ id: measures.planId })
    .from(improvementLinks)
    .innerJoin(assessmentItems, eq(assessmentItems.id, improvementLinks.itemId))
    .innerJoin(assessmentSheets, eq(assessmentSheets.id, assessmentItems.sheetId))
    .innerJoin(measures, eq(measures.id, improvementLinks.measureId))
    .where(eq(assessmentSheets.assessmentId, assessmentId))
    .all()
    .map((row) => row.id);
}

function planFacts(planId: number): CyclePlanFacts & { organization: string } {
  const db = getDb();
  const plan = db
    .select({
      id: plans.id,
      title: plans.title,
      importedAt: plans.importedAt,
      createdAt: plans.createdAt,
      approvedOn: plans.approvedOn,
      approvedBy: plans.approvedBy,
      closedOn: plans.closedOn,
      organization: organizations.name,
    })
    .from(plans)
    .innerJoin(organizations, eq(organizations.id, plans.organizationId))
    .where(eq(plans.id, planId))
    .get()!;
  const updates = db
    .select({ count: count(), last: max(statusUpdates.asOf) })
    .from(statusUpdates)
    .innerJoin(activities, eq(activities.id, statusUpdates.activityId))
    .where(eq(activities.planId, planId))
    .get()!;
  const months = db
    .selectDistinct({ month: sql<string>`substr(${statusUpdates.asOf}, 1, 7)` })
    .from(statusUpdates)
    .innerJoin(activities, eq(activities.id, statusUpdates.activityId))
    .where(eq(activities.planId, planId))
    .all();
  const quarters = [...new Set(months.map(({ month }) => `${month.slice(0, 4)}-Q${quarterOf(`${month}-01`)}`))].sort();
  const imports = db
    .select({ count: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.entity, 'plan'), eq(auditEvents.entityId, planId), eq(auditEvents.action, 'status-import')))
    .get()!;
  return {
    id: plan.id,
    title: plan.title,
    organization: plan.organization,
    madeOn: day(plan.importedAt ?? plan.createdAt)!,
    approvedOn: plan.approvedOn,
    approvedBy: plan.approvedBy,
    closedOn: plan.closedOn,
    updates: updates.count,
    lastUpdateOn: updates.last,
    reviewedQuarters: quarters,
    statusImports: imports.count,
  };
}

/** The days the assessment last moved into each stage, from the audit log. */
function stageDays(assessmentId: number): CycleFacts['stageOn'] {
  const events = getDb()
    .select({ after: auditEvents.after, createdAt: auditEvents.createdAt })
    .from(auditEvents)
    .where(and(eq(auditEvents.entity, 'assessment'), eq(auditEvents.entityId, assessmentId), inArray(auditEvents.action, ['stage', 'approve'])))
    .orderBy(asc(auditEvents.createdAt), asc(auditEvents.id))
    .all();
  const stageOn: CycleFacts['stageOn'] = {};
  for (const event of events) {
    const stage = (event.after as { stage?: unknown } | null)?.stage;
    if (ASSESSMENT_STAGES.includes(stage as AssessmentStage)) stageOn[stage as AssessmentStage] = day(event.createdAt)!;
  }
  return stageOn;
}

function recordsOf(assessmentId: number): CycleFacts['records'] {
  const rows = getDb().select().from(cycleSteps).where(eq(cycleSteps.assessmentId, assessmentId)).all();
  return Object.fromEntries(
    rows.map((row) => [
      row.step,
      {
        doneOn: row.doneOn,
        note: row.note,
        evidenceUrl: row.evidenceUrl,
        evidenceFileName: row.evidenceFile ? row.evidenceFileName : null,
      } satisfies CycleRecord,
    ]),
  );
}

/** The cycle of one self-assessment with its ten steps, or null when there is no such assessment. */
export function loadCycle(assessmentId: number): CycleView | null {
  const db = getDb();
  const a = db.select().from(assessments).where(eq(assessments.id, assessmentId)).get();
  if (!a) return null;
  const members = db
    .select({ role: assessmentMembers.role, name: users.name })
    .from(assessmentMembers)
    .innerJoin(users, eq(users.id, assessmentMembers.userId))
    .where(eq(assessmentMembers.assessmentId, a.id))
    .all();
  const sheetsOf = (consensus: boolean) =>
    db
      .select({ count: count(), first: min(assessmentSheets.updatedAt) })
      .from(assessmentSheets)
      .where(and(eq(assessmentSheets.assessmentId, a.id), consensus ? isNull(assessmentSheets.userId) : isNotNull(assessmentSheets.userId)))
      .get()!;
  const own = sheetsOf(false);
  const agreed = sheetsOf(true);
  const priorities = db
    .select({
      areas: count(),
      rated: count(improvementPriorities.impact),
      last: max(improvementPriorities.updatedAt),
    })
    .from(assessmentItems)
    .innerJoin(assessmentSheets, eq(assessmentSheets.id, assessmentItems.sheetId))
    .leftJoin(improvementPriorities, eq(improvementPriorities.itemId, assessmentItems.id))
    .where(and(eq(assessmentSheets.assessmentId, a.id), isNull(assessmentSheets.userId), eq(assessmentItems.kind, 'improvement')))
    .get()!;
  const cyclePlans = cyclePlanIds(a.id).map(planFacts);
  const next = db
    .select({
      id: assessments.id,
      title: assessments.title,
      createdAt: assessments.createdAt,
    })
    .from(assessments)
    .where(gt(assessments.createdAt, a.createdAt))
    .orderBy(asc(assessments.createdAt), asc(assessments.id))
    .get();
  const facts: CycleFacts = {
    assessment: {
      id: a.id,
      stage: a.stage,
      createdOn: day(a.createdAt)!,
      createdBy: nameOf(a.createdBy),
      approvedOn: day(a.approvedAt),
      approvedBy: nameOf(a.approvedBy),
    },
    stageOn: stageDays(a.id),
    group: {
      members: members.length,
      chair: members.find((m) => m.role === 'chair')?.name ?? null,
    },
    sheets: {
      scored: own.count,
      expected: members.length * SUB_CRITERIA.length,
      firstScoredOn: day(own.first),
      agreed: agreed.count,
      firstAgreedOn: day(agreed.first),
    },
    priorities: {
      areas: priorities.areas,
      rated: priorities.rated,
      lastRatedOn: day(priorities.last),
    },
    plans: cyclePlans,
    next: next ? { id: next.id, title: next.title, createdOn: day(next.createdAt)! } : null,
    records: recordsOf(a.id),
  };
  const organization = cyclePlans[0]?.organization ?? db.select({ name: organizations.name }).from(organizations).orderBy(asc(organizations.id)).get()?.name ?? null;
  return {
    organization,
    assessment: { id: a.id, title: a.title, period: a.period, stage: a.stage },
    plans: cyclePlans.map((plan) => ({ id: plan.id, title: plan.title })),
    steps: deriveCycle(facts),
  };
}

/** The cycle asked for (?assessment=ID), else the latest self-assessment's; null when there is none. */
export function cycleFromRequest(request: Request) {
  const cycles = listCycles();
  const asked = parseId(new URL(request.url).searchParams.get('assessment'));
  const chosen = asked === null ? cycles[0] : cycles.find((cycle) => cycle.id === asked);
  if (asked !== null && !chosen) throw new Response('Not found', { status: 404 });
  return { cycles, cycle: chosen ? loadCycle(chosen.id) : null };
}

export type CycleRecordInput = {
  doneOn: string | null;
  note: string | null;
  evidenceUrl: string | null;
  /** A newly stored file (app/evidence-files.server.ts), or null to keep the one there is. */
  file: { evidenceFile: string; evidenceFileName: string } | null;
  removeFile: boolean;
};

/**
 * Records (or changes) what the organization says about one step, audit-logged in the same
 * transaction. Returns the stored file no longer referenced (to delete), or false when there is
 * no such assessment.
 */
export function recordCycleStep(user: Pick<User, 'id'>, assessmentId: number, step: CycleStep, input: CycleRecordInput): { replaced: string | null } | false {
  return writeTransaction((tx) => {
    if (!tx.select({ id: assessments.id }).from(assessments).where(eq(assessments.id, assessmentId)).get()) return false;
    const before = tx
      .select()
      .from(cycleSteps)
      .where(and(eq(cycleSteps.assessmentId, assessmentId), eq(cycleSteps.step, step)))
      .get();
    const keep = !input.file && !input.removeFile;
    const values = {
      doneOn: input.doneOn,
      note: input.note,
      evidenceUrl: input.evidenceUrl,
      evidenceFile: input.file?.evidenceFile ?? (keep ? before?.evidenceFile ?? null : null),
      evidenceFileName: input.file?.evidenceFileName ?? (keep ? before?.evidenceFileName ?? null : null),
      updatedBy: user.id,
      updatedAt: new Date(),
    };
    tx.insert(cycleSteps)
      .values({ assessmentId, step, ...values })
      .onConflictDoUpdate({
        target: [cycleSteps.assessmentId, cycleSteps.step],
        set: values,
      })
      .run();
    const shown = (row: Pick<typeof values, 'doneOn' | 'note' | 'evidenceUrl' | 'evidenceFileName'> | undefined) =>
      row
        ? {
            doneOn: row.doneOn,
            note: row.note,
            evidenceUrl: row.evidenceUrl,
            evidenceFileName: row.evidenceFileName,
          }
        : null;
    recordAudit(user.id, 'assessment', assessmentId, 'cycle-step', { step, ...shown(before) }, { step, ...shown(values) }, tx);
    const replaced = before?.evidenceFile && before.evidenceFile !== values.evidenceFile ? before.evidenceFile : null;
    return { replaced };
  });
}

/** Deletes the record of one step (audit-logged); returns its stored file to delete, or false when there was none. */
export function clearCycleStep(user: Pick<User, 'id'>, assessmentId: number, step: CycleStep): { replaced: string | null } | false {
  return writeTransaction((tx) => {
    const where = and(eq(cycleSteps.assessmentId, assessmentId), eq(cycleSteps.step, step));
    const before = tx.select().from(cycleSteps).where(where).get();
    if (!before) return false;
    tx.delete(cycleSteps).where(where).run();
    recordAudit(
      user.id,
      'assessment',
      assessmentId,
      'cycle-step-clear',
      {
        step,
        doneOn: before.doneOn,
        note: before.note,
        evidenceUrl: before.evidenceUrl,
        evidenceFileName: before.evidenceFileName,
      },
      null,
      tx,
    );
    return { replaced: before.evidenceFile };
  });
}

/** The stored name and the original name of a step's evidence file, or null. */
export function cycleStepFile(assessmentId: number, step: CycleStep): { stored: string; fileName: string } | null {
  const row = getDb()
    .select({
      stored: cycleSteps.evidenceFile,
      fileName: cycleSteps.evidenceFileName,
    })
    .from(cycleSteps)
    .where(and(eq(cycleSteps.assessmentId, assessmentId), eq(cycleSteps.step, step)))
    .get();
  return row?.stored ? { stored: row.stored, fileName: row.fileName ?? row.stored } : null;
}
