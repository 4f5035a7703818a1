import { and, count, desc, eq, isNotNull, isNull, lte, ne, or, sql } from 'drizzle-orm';
import { todayInSofia } from '~/domain/dates';
import { removeEvidenceFile } from '~/evidence-files.server';
import { getDb, writeTransaction } from '../../db/client';
import { activities, areas, measures, organizations, plans, statusUpdates } from '../../db/schema';
import { activityStateCte } from './activity-state.server';
import { recordAudit } from './audit.server';

export type PlanSummary = {
  id: number;
  title: string;
  period: string | null;
  /** A draft (drafted in the app, not yet approved) or an approved plan. */
  status: 'draft' | 'approved';
  organization: string;
  sourceFileName: string | null;
  importedAt: number | null;
  /** The day the plan was closed (ISO), null while it runs. */
  closedOn: string | null;
  areas: number;
  measures: number;
  activities: number;
  done: number;
  cancelled: number;
  overdue: number;
};

/** Every plan with its counts; done and overdue as they stand today. */
export function listPlans(asOf = todayInSofia()): PlanSummary[] {
  // Counted over the one definition of an activity's state as of the day (activity-state.server.ts).
  const rows = getDb().all<Omit<PlanSummary, 'importedAt'> & { importedAt: number | null }>(sql`
    with ${activityStateCte(asOf)},
    current as (
      select s.plan_id, count(*) as activities, count(*) filter (where s.status = 'done') as done,
        count(*) filter (where s.status = 'cancelled') as cancelled, count(*) filter (where s.overdue) as overdue
      from activity_state s group by s.plan_id)
    select ${plans.id} as id, ${plans.title} as title, ${plans.period} as period, ${plans.status} as status, ${organizations.name} as organization,
      ${plans.sourceFileName} as sourceFileName, ${plans.importedAt} as importedAt, ${plans.closedOn} as closedOn,
      (select count(*) from ${areas} where ${areas.planId} = ${plans.id}) as areas,
      (select count(*) from ${measures} where ${measures.planId} = ${plans.id}) as measures,
      coalesce(c.activities, 0) as activities, coalesce(c.done, 0) as done, coalesce(c.cancelled, 0) as cancelled,
      coalesce(c.overdue, 0) as overdue
    from ${plans} join ${organizations} on ${organizations.id} = ${plans.organizationId} left join current c on c.plan_id = ${plans.id}
    order by coalesce(${plans.importedAt}, ${plans.createdAt}) desc, ${plans.id} desc`);
  return rows;
}

/**
 * The ids of the plans not running on a day, which the cross-plan views (my activities, the
 * activity list, the all-plans dashboard) and the reminders leave out: those closed by the day
 * (from their closing day on) and the drafts (until approved). A subquery.
 */
export const plansOutOfView = (day: string) =>
  getDb()
    .select({ id: plans.id })
    .from(plans)
    .where(or(lte(plans.closedOn, day), eq(plans.status, 'draft')));

/** How many plans are closed by the day. */
export function countPlansClosedBy(day: string): number {
  return getDb().select({ n: count() }).from(plans).where(lte(plans.closedOn, day)).get()!.n;
}

/**
 * Closes a plan as of a day (closedOn) or reopens it (null), with an audit event; closing a
 * closed plan keeps its day. A closed plan keeps its activities, history, dashboard and reports;
 * from its day on it sends no reminders and is left out of the cross-plan views (my activities,
 * the activity list, the all-plans dashboard). False when there is no such plan.
 */
export function setPlanClosed(planId: number, closedOn: string | null, userId: number): boolean {
  return writeTransaction((tx) => {
    const plan = tx.select({ closedOn: plans.closedOn }).from(plans).where(eq(plans.id, planId)).get();
    if (!plan) return false;
    if ((plan.closedOn === null) === (closedOn === null)) return true; // already so
    tx.update(plans).set({ closedOn }).where(eq(plans.id, planId)).run();
    recordAudit(userId, 'plan', planId, closedOn ? 'close' : 'reopen', { closedOn: plan.closedOn }, { closedOn }, tx);
    return true;
  });
}

/** A plan a new import may repeat: imported from the same bytes, or with the same title and period. */
export type SimilarPlan = { id: number; title: string; period: string | null; importedAt: number | null; sameFile: boolean };

/** The plans (but `exceptPlanId`, the one being re-imported) from the same file's bytes or with the same title and period, newest first. */
export function findSimilarPlans(input: { sha256: string; title: string; period: string | null; exceptPlanId: number | null }): SimilarPlan[] {
  const rows = getDb()
    .select({ id: plans.id, title: plans.title, period: plans.period, importedAt: plans.importedAt, sourceSha256: plans.sourceSha256 })
    .from(plans)
    .where(
      and(
        input.exceptPlanId === null ? undefined : ne(plans.id, input.exceptPlanId),
        or(
          eq(plans.sourceSha256, input.sha256),
          and(eq(plans.title, input.title), input.period === null ? isNull(plans.period) : eq(plans.period, input.period)),
        ),
      ),
    )
    .orderBy(desc(plans.importedAt), desc(plans.id))
    .all();
  return rows.map(({ sourceSha256, ...row }) => ({ ...row, importedAt: row.importedAt?.getTime() ?? null, sameFile: sourceSha256 === input.sha256 }));
}

/** How many status updates the plan's activities have (deleting such a plan asks for its title). */
export function countPlanStatusUpdates(planId: number): number {
  return getDb()
    .select({ n: count() })
    .from(statusUpdates)
    .innerJoin(activities, eq(activities.id, statusUpdates.activityId))
    .where(eq(activities.planId, planId))
    .get()!.n;
}

/**
 * Deletes a plan (one imported by mistake) with its areas, measures, activities and their
 * history, and the evidence files of that history; the audit event is written in the same
 * transaction. A plan with status updates is deleted only when `typedTitle` is its title.
 */
export function deletePlan(planId: number, typedTitle: string, userId: number): 'deleted' | 'not-found' | 'title-needed' {
  const outcome = writeTransaction((tx) => {
    const row = tx
      .select({ title: plans.title, period: plans.period, sourceFileName: plans.sourceFileName, importedAt: plans.importedAt })
      .from(plans)
      .where(eq(plans.id, planId))
      .get();
    if (!row) return { result: 'not-found' as const, files: [] };
    const plan = { ...row, importedAt: row.importedAt?.getTime() ?? null };
    const statusUpdateCount = countPlanStatusUpdates(planId);
    if (statusUpdateCount > 0 && typedTitle.trim() !== plan.title.trim()) return { result: 'title-needed' as const, files: [] };
    const files = tx
      .select({ stored: statusUpdates.evidenceFile })
      .from(statusUpdates)
      .innerJoin(activities, eq(activities.id, statusUpdates.activityId))
      .where(and(eq(activities.planId, planId), isNotNull(statusUpdates.evidenceFile)))
      .all()
      .map((r) => r.stored!);
    const activityCount = tx.select({ n: count() }).from(activities).where(eq(activities.planId, planId)).get()!.n;
    tx.delete(plans).where(eq(plans.id, planId)).run();
    recordAudit(userId, 'plan', planId, 'delete', { ...plan, activities: activityCount, statusUpdates: statusUpdateCount }, null, tx);
    return { result: 'deleted' as const, files };
  });
  for (const stored of outcome.files) removeEvidenceFile(stored);
  return outcome.result;
}
