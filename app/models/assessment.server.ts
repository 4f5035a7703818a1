import { and, asc, count, desc, eq, inArray, isNotNull, isNull, ne, notInArray, or } from 'drizzle-orm';
import { requireUser } from '~/auth.server';
import { parseId } from '~/domain/form-input';
import { assessmentAccess, can, type AssessmentAction, type AssessmentMembership } from '~/domain/permissions';
import { SCORE_DIMENSIONS, SUB_CRITERIA, type ScoringSystem } from '~/domain/assessment-scoring';
import { canChangeSystem, stageChangeRefusal, type AssessmentStage, type StageRefusal } from '~/domain/assessment-stage';
import type { GroupMember } from '~/domain/assessment-data';
import { assessmentMembers, assessments, assessmentSheets, users, type Assessment, type User } from '../../db/schema';
import { getDb, writeTransaction } from '../../db/client';
import { recordAudit } from './audit.server';
import { sheetScoreOf } from './assessment-sheet.server';

export type AssessmentContext = { user: User; assessment: Assessment; membership: AssessmentMembership };

/** The user's place in an assessment's group, or null. */
export function membershipOf(assessmentId: number, userId: number): AssessmentMembership {
  const row = getDb()
    .select({ role: assessmentMembers.role })
    .from(assessmentMembers)
    .where(and(eq(assessmentMembers.assessmentId, assessmentId), eq(assessmentMembers.userId, userId)))
    .get();
  return row?.role ?? null;
}

/**
 * The signed-in user, the assessment of the URL and their place in its group, when they may do
 * `action` with it now: otherwise 404 (no such assessment), 403 (not for them: the same answer
 * a non-member gets for an assessment they may not see) or 409 (not in this stage).
 */
export async function requireAssessment(request: Request, idParam: string | undefined, action: AssessmentAction): Promise<AssessmentContext> {
  const user = await requireUser(request);
  if (!can(user.role, 'assessment:list')) throw new Response('Forbidden', { status: 403 });
  const id = parseId(idParam);
  const assessment = id === null ? undefined : getDb().select().from(assessments).where(eq(assessments.id, id)).get();
  if (!assessment) throw new Response('Not found', { status: 404 });
  const context = { user, assessment, membership: membershipOf(assessment.id, user.id) };
  assertAssessmentAccess(context, action);
  return context;
}

/** Throws 403 or 409 unless the user may do `action` with the assessment now. */
export function assertAssessmentAccess({ user, assessment, membership }: AssessmentContext, action: AssessmentAction): void {
  const access = assessmentAccess(user.role, membership, assessment.stage, action);
  if (access === 'forbidden') throw new Response('Forbidden', { status: 403 });
  if (access === 'wrong-stage') throw new Response('Not in this stage', { status: 409 });
}

export type AssessmentListItem = Pick<Assessment, 'id' | 'title' | 'period' | 'scoringSystem' | 'stage' | 'createdAt' | 'approvedAt'> & {
  membership: AssessmentMembership;
  members: number;
};

/** The assessments the user is in the group of, and the approved ones when they may read those; newest first. */
export function listAssessments(user: User): AssessmentListItem[] {
  const db = getDb();
  const mine = db.select({ id: assessmentMembers.assessmentId }).from(assessmentMembers).where(eq(assessmentMembers.userId, user.id));
  const visible = can(user.role, 'assessment:read') ? or(inArray(assessments.id, mine), eq(assessments.stage, 'approved')) : inArray(assessments.id, mine);
  const rows = db
    .select({
      id: assessments.id,
      title: assessments.title,
      period: assessments.period,
      scoringSystem: assessments.scoringSystem,
      stage: assessments.stage,
      createdAt: assessments.createdAt,
      approvedAt: assessments.approvedAt,
    })
    .from(assessments)
    .where(visible)
    .orderBy(desc(assessments.createdAt), desc(assessments.id))
    .all();
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const groups = db
    .select({ assessmentId: assessmentMembers.assessmentId, userId: assessmentMembers.userId, role: assessmentMembers.role })
    .from(assessmentMembers)
    .where(inArray(assessmentMembers.assessmentId, ids))
    .all();
  return rows.map((row) => {
    const group = groups.filter((member) => member.assessmentId === row.id);
    return { ...row, members: group.length, membership: group.find((member) => member.userId === user.id)?.role ?? null };
  });
}

export type AssessmentInput = { title: string; period: string; scoringSystem: ScoringSystem };

/** Starts a self-assessment in the draft stage with its creator as the chair. */
export function createAssessment(actor: User, input: AssessmentInput): number {
  return writeTransaction((tx) => {
    const row = tx
      .insert(assessments)
      .values({ ...input, createdBy: actor.id })
      .returning({ id: assessments.id })
      .get();
    tx.insert(assessmentMembers).values({ assessmentId: row.id, userId: actor.id, role: 'chair' }).run();
    recordAudit(actor.id, 'assessment', row.id, 'create', null, { ...input, chair: actor.id }, tx);
    return row.id;
  });
}

/** Whether anyone has put a score on a sheet of the assessment (then its scoring system is fixed). */
function anyScore(tx: Pick<ReturnType<typeof getDb>, 'select'>, assessmentId: number): boolean {
  const scored = or(...SCORE_DIMENSIONS.map((dimension) => isNotNull(assessmentSheets[dimension])));
  return Boolean(tx.select({ id: assessmentSheets.id }).from(assessmentSheets).where(and(eq(assessmentSheets.assessmentId, assessmentId), scored)).limit(1).get());
}

/** Whether the scoring system may still change (the draft, before anyone scored). */
export function systemChangeable(assessment: Pick<Assessment, 'id' | 'stage'>): boolean {
  return canChangeSystem(assessment.stage, anyScore(getDb(), assessment.id));
}

/** The name of whoever approved the assessment, or null. */
export function approverName(assessment: Pick<Assessment, 'approvedBy'>): string | null {
  if (assessment.approvedBy === null) return null;
  return getDb().select({ name: users.name }).from(users).where(eq(users.id, assessment.approvedBy)).get()?.name ?? null;
}

/** Changes title, period and (in the draft, before any score) the scoring system. */
export function updateAssessment(actor: User, assessmentId: number, input: AssessmentInput): { ok: true } | { ok: false; reason: 'asSystemFixed' } {
  return writeTransaction((tx) => {
    const before = tx.select().from(assessments).where(eq(assessments.id, assessmentId)).get()!;
    if (input.scoringSystem !== before.scoringSystem && !canChangeSystem(before.stage, anyScore(tx, assessmentId))) return { ok: false, reason: 'asSystemFixed' };
    tx.update(assessments).set(input).where(eq(assessments.id, assessmentId)).run();
    recordAudit(actor.id, 'assessment', assessmentId, 'update', { title: before.title, period: before.period, scoringSystem: before.scoringSystem }, input, tx);
    return { ok: true };
  });
}

/**
 * Moves the assessment one stage on or reopens the stage before (app/domain/assessment-stage.ts);
 * approving records who and when, reopening an approved one clears that.
 */
export function changeStage(actor: User, assessmentId: number, to: AssessmentStage): { ok: true } | { ok: false; reason: StageRefusal; consensusScored: number } {
  return writeTransaction((tx) => {
    const before = tx.select().from(assessments).where(eq(assessments.id, assessmentId)).get()!;
    const members = tx.select({ n: count() }).from(assessmentMembers).where(eq(assessmentMembers.assessmentId, assessmentId)).get()!.n;
    const consensus = tx
      .select({ system: assessments.scoringSystem, sheet: assessmentSheets })
      .from(assessmentSheets)
      .innerJoin(assessments, eq(assessments.id, assessmentSheets.assessmentId))
      .where(and(eq(assessmentSheets.assessmentId, assessmentId), isNull(assessmentSheets.userId)))
      .all();
    const consensusScored = consensus.filter(({ system, sheet }) => sheetScoreOf(system, sheet) !== null).length;
    const refusal = stageChangeRefusal(before.stage, to, { members, consensusScored, subCriteria: SUB_CRITERIA.length });
    if (refusal) return { ok: false, reason: refusal, consensusScored };
    const approval = to === 'approved' ? { approvedBy: actor.id, approvedAt: new Date() } : { approvedBy: null, approvedAt: null };
    tx.update(assessments)
      .set({ stage: to, ...approval })
      .where(eq(assessments.id, assessmentId))
      .run();
    recordAudit(actor.id, 'assessment', assessmentId, to === 'approved' ? 'approve' : 'stage', { stage: before.stage }, { stage: to }, tx);
    return { ok: true };
  });
}


/** The group, chair first, then by name. */
export function listMembers(assessmentId: number): GroupMember[] {
  return getDb()
    .select({ userId: users.id, name: users.name, email: users.email, role: users.role, membership: assessmentMembers.role })
    .from(assessmentMembers)
    .innerJoin(users, eq(users.id, assessmentMembers.userId))
    .where(eq(assessmentMembers.assessmentId, assessmentId))
    .orderBy(asc(assessmentMembers.role), asc(users.name))
    .all();
}

/** Active users not yet in the group, by name: whom the chair may name. */
export function listCandidates(assessmentId: number) {
  const inGroup = getDb().select({ id: assessmentMembers.userId }).from(assessmentMembers).where(eq(assessmentMembers.assessmentId, assessmentId));
  return getDb()
    .select({ id: users.id, name: users.name, email: users.email, role: users.role })
    .from(users)
    .where(and(eq(users.disabled, false), notInArray(users.id, inGroup)))
    .orderBy(asc(users.name))
    .all();
}

/** Names an active user a member of the group; false when there is no such user or they are in it already. */
export function addMember(actor: User, assessmentId: number, userId: number): boolean {
  return writeTransaction((tx) => {
    const user = tx.select({ id: users.id }).from(users).where(and(eq(users.id, userId), eq(users.disabled, false))).get();
    if (!user) return false;
    const added = tx.insert(assessmentMembers).values({ assessmentId, userId, role: 'member' }).onConflictDoNothing().run();
    if (added.changes === 0) return false;
    recordAudit(actor.id, 'assessment', assessmentId, 'member-add', null, { userId }, tx);
    return true;
  });
}

/** Takes a member (never the chair) out of the group, with their sheets; false when they are not a member. */
export function removeMember(actor: User, assessmentId: number, userId: number): boolean {
  return writeTransaction((tx) => {
    const where = and(eq(assessmentMembers.assessmentId, assessmentId), eq(assessmentMembers.userId, userId), ne(assessmentMembers.role, 'chair'));
    const removed = tx.delete(assessmentMembers).where(where).run();
    if (removed.changes === 0) return false;
    const sheets = tx
      .delete(assessmentSheets)
      .where(and(eq(assessmentSheets.assessmentId, assessmentId), eq(assessmentSheets.userId, userId)))
      .run();
    recordAudit(actor.id, 'assessment', assessmentId, 'member-remove', { userId, sheets: sheets.changes }, null, tx);
    return true;
  });
}
