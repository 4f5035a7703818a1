import { sql, type SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { getDb, writeTransaction } from '../../db/client';
import { todayInSofia } from '~/domain/dates';
import { ACTIVITY_STATE_CTE, asOfParams } from './activity-state.server';
import { recordAudit } from './audit.server';
import { removeEvidenceFile } from './evidence.server';

export type PlanSummary = {
  id: number;
  title: string;
  period: string | null;
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
  return getDb().$client
    .prepare(
      `with ${ACTIVITY_STATE_CTE},
       current as (
         select s.plan_id, count(*) as activities, count(*) filter (where s.status = 'done') as done,
           count(*) filter (where s.status = 'cancelled') as cancelled, count(*) filter (where s.overdue) as overdue
         from activity_state s group by s.plan_id)
       select p.id, p.title, p.period, o.name as organization, p.source_file_name as sourceFileName,
         p.imported_at as importedAt, p.closed_on as closedOn,
         (select count(*) from areas ar where ar.plan_id = p.id) as areas,
         (select count(*) from measures m where m.plan_id = p.id) as measures,
         coalesce(c.activities, 0) as activities, coalesce(c.done, 0) as done, coalesce(c.cancelled, 0) as cancelled,
         coalesce(c.overdue, 0) as overdue
       from plans p join organizations o on o.id = p.organization_id left join current c on c.plan_id = p.id
       order by p.imported_at desc, p.id desc`,
    )
    .all(asOfParams(asOf)) as PlanSummary[];
}

/** SQL: the ids of the plans closed by a day (from their closing day on), which the cross-plan views and the reminders leave out. */
export const plansClosedBy = (day: unknown): SQL => sql`select p.id from plans p where p.closed_on <= ${day}`;

/** The same, as SQL text with the named parameter :asOf. */
export const PLANS_CLOSED_BY_AS_OF = new SQLiteSyncDialect().sqlToQuery(plansClosedBy(sql.raw(':asOf'))).sql;

/** How many plans are closed by the day. */
export function countPlansClosedBy(day: string): number {
  return (getDb().$client.prepare(`select count(*) as n from (${PLANS_CLOSED_BY_AS_OF})`).get({ asOf: day }) as { n: number }).n;
}

/**
 * Closes a plan as of a day (closedOn) or reopens it (null), with an audit event; closing a
 * closed plan keeps its day. A closed plan keeps its activities, history, dashboard and reports;
 * from its day on it sends no reminders and is left out of the cross-plan views (my activities,
 * the activity list, the all-plans dashboard). False when there is no such plan.
 */
export function setPlanClosed(planId: number, closedOn: string | null, userId: number): boolean {
  const sqlite = getDb().$client;
  return writeTransaction((tx) => {
    const plan = sqlite.prepare('select closed_on as closedOn from plans where id = ?').get(planId) as { closedOn: string | null } | undefined;
    if (!plan) return false;
    if ((plan.closedOn === null) === (closedOn === null)) return true; // already so
    sqlite.prepare('update plans set closed_on = ? where id = ?').run(closedOn, planId);
    recordAudit(userId, 'plan', planId, closedOn ? 'close' : 'reopen', { closedOn: plan.closedOn }, { closedOn }, tx);
    return true;
  });
}

/** A plan a new import may repeat: imported from the same bytes, or with the same title and period. */
export type SimilarPlan = { id: number; title: string; period: string | null; importedAt: number | null; sameFile: boolean };

/** The plans (but `exceptPlanId`, the one being re-imported) from the same file's bytes or with the same title and period, newest first. */
export function findSimilarPlans(input: { sha256: string; title: string; period: string | null; exceptPlanId: number | null }): SimilarPlan[] {
  const rows = getDb().$client
    .prepare(
      `select id, title, period, imported_at as importedAt, coalesce(source_sha256 = :sha256, 0) as sameFile from plans
       where id is not :exceptPlanId and (source_sha256 = :sha256 or (title = :title and period is :period))
       order by imported_at desc, id desc`,
    )
    .all(input) as (Omit<SimilarPlan, 'sameFile'> & { sameFile: number })[];
  return rows.map((row) => ({ ...row, sameFile: row.sameFile === 1 }));
}

/** How many status updates the plan's activities have (deleting such a plan asks for its title). */
export function countPlanStatusUpdates(planId: number): number {
  return (
    getDb().$client
      .prepare('select count(*) as n from status_updates su join activities a on a.id = su.activity_id where a.plan_id = ?')
      .get(planId) as { n: number }
  ).n;
}

/**
 * Deletes a plan (one imported by mistake) with its areas, measures, activities and their
 * history, and the evidence files of that history; the audit event is written in the same
 * transaction. A plan with status updates is deleted only when `typedTitle` is its title.
 */
export function deletePlan(planId: number, typedTitle: string, userId: number): 'deleted' | 'not-found' | 'title-needed' {
  const sqlite = getDb().$client;
  const outcome = writeTransaction((tx) => {
    const plan = sqlite
      .prepare('select title, period, source_file_name as sourceFileName, imported_at as importedAt from plans where id = ?')
      .get(planId) as { title: string; period: string | null; sourceFileName: string | null; importedAt: number | null } | undefined;
    if (!plan) return { result: 'not-found' as const, files: [] };
    const statusUpdates = countPlanStatusUpdates(planId);
    if (statusUpdates > 0 && typedTitle.trim() !== plan.title.trim()) return { result: 'title-needed' as const, files: [] };
    const files = (
      sqlite
        .prepare('select su.evidence_file as stored from status_updates su join activities a on a.id = su.activity_id where a.plan_id = ? and su.evidence_file is not null')
        .all(planId) as { stored: string }[]
    ).map((row) => row.stored);
    const activities = (sqlite.prepare('select count(*) as n from activities where plan_id = ?').get(planId) as { n: number }).n;
    sqlite.prepare('delete from plans where id = ?').run(planId);
    recordAudit(userId, 'plan', planId, 'delete', { ...plan, activities, statusUpdates }, null, tx);
    return { result: 'deleted' as const, files };
  });
  for (const stored of outcome.files) removeEvidenceFile(stored);
  return outcome.result;
}
