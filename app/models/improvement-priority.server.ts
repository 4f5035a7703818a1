/**
 * The agreed areas for improvement of an approved self-assessment (the improvement items of its
 * consensus sheets): the chair's impact and feasibility ratings, the plan measures that answer
 * them (with the measures' progress from the one activity-state definition) and the decisions
 * on the gaps no measure answers. Rules live in app/domain/improvement-priority.ts.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { groupBy, rollUp, type Progress } from '~/domain/progress';
import { suggestMeasures, type GapDecision, type ImprovementArea, type LinkedMeasure, type MeasureAnswers } from '~/domain/improvement-priority';
import type { Status } from '~/domain/status';
import { areas, assessmentItems, assessments, assessmentSheets, improvementLinks, improvementPriorities, measureCafRefs, measures, plans, type User } from '../../db/schema';
import { getDb, writeTransaction, type Tx } from '../../db/client';
import { activityStateCte } from './activity-state.server';
import { sheetScoreOf } from './assessment-sheet.server';
import { recordAudit } from './audit.server';


type MeasureInfo = Omit<LinkedMeasure, 'progress'>;

/** The progress of some measures as of a day: their live activities rolled up (app/domain/progress.ts). */
export function measureProgress(measureIds: number[], asOf: string): Map<number, Progress> {
  const byMeasure = new Map<number, Progress>();
  if (measureIds.length === 0) return byMeasure;
  const rows = getDb().all<{ measureId: number; status: Status; percent: number; overdue: number }>(
    sql`with ${activityStateCte(asOf)}
       select s.measure_id as measureId, s.status, s.percent, s.overdue from activity_state s
       where s.measure_id in (select value from json_each(${JSON.stringify(measureIds)}))`,
  );
  const items = groupBy(rows, (row) => row.measureId);
  for (const id of measureIds) {
    byMeasure.set(id, rollUp((items.get(id) ?? []).map((row) => ({ status: row.status, percent: row.percent, overdue: row.overdue === 1 }))));
  }
  return byMeasure;
}

/** Every measure of every plan, in the plans' order, with its CAF references: what may be linked. */
function allMeasures(db: Pick<Tx, 'select'>): (MeasureInfo & { cafCodes: string[] })[] {
  const rows = db
    .select({ measureId: measures.id, planId: plans.id, planTitle: plans.title, code: measures.code, title: measures.title })
    .from(measures)
    .innerJoin(plans, eq(plans.id, measures.planId))
    .innerJoin(areas, eq(areas.id, measures.areaId))
    .where(eq(measures.archived, false))
    .orderBy(asc(plans.id), asc(areas.position), asc(measures.position), asc(measures.id))
    .all();
  const refs = new Map<number, string[]>();
  for (const ref of db.select().from(measureCafRefs).all()) refs.set(ref.measureId, [...(refs.get(ref.measureId) ?? []), ref.cafCode]);
  return rows.map((row) => ({ ...row, cafCodes: refs.get(row.measureId) ?? [] }));
}

/** The agreed areas for improvement of an assessment in CAF order, with ratings, linked measures (progress as of `asOf`) and suggestions. */
export function listImprovementAreas(assessmentId: number, asOf: string): ImprovementArea[] {
  const db = getDb();
  const rows = db
    .select({ item: assessmentItems, sheet: assessmentSheets, system: assessments.scoringSystem, priority: improvementPriorities })
    .from(assessmentItems)
    .innerJoin(assessmentSheets, eq(assessmentSheets.id, assessmentItems.sheetId))
    .innerJoin(assessments, eq(assessments.id, assessmentSheets.assessmentId))
    .leftJoin(improvementPriorities, eq(improvementPriorities.itemId, assessmentItems.id))
    .where(and(eq(assessmentSheets.assessmentId, assessmentId), isNull(assessmentSheets.userId), eq(assessmentItems.kind, 'improvement')))
    .orderBy(asc(assessmentSheets.cafCode), asc(assessmentItems.position))
    .all();
  if (rows.length === 0) return [];
  const links = db
    .select()
    .from(improvementLinks)
    .where(
      inArray(
        improvementLinks.itemId,
        rows.map((row) => row.item.id),
      ),
    )
    .all();
  const candidates = allMeasures(db);
  const info = new Map(candidates.map((measure) => [measure.measureId, measure]));
  const progress = measureProgress([...new Set(links.map((link) => link.measureId))], asOf);
  return rows.map(({ item, sheet, system, priority }) => {
    const linked = links.filter((link) => link.itemId === item.id).map((link) => link.measureId);
    return {
      itemId: item.id,
      code: sheet.cafCode,
      position: item.position,
      text: item.text,
      score: sheetScoreOf(system, sheet),
      impact: priority?.impact ?? null,
      feasibility: priority?.feasibility ?? null,
      gapDecision: priority?.gapDecision ?? null,
      measureIds: linked,
      measures: linked.map((id) => {
        const { cafCodes: _refs, ...measure } = info.get(id)!;
        return { ...measure, progress: progress.get(id)! };
      }),
      suggestions: suggestMeasures(sheet.cafCode, candidates, new Set(linked)).map((suggestion) => {
        const measure = info.get(suggestion.measureId)!;
        return { ...suggestion, code: measure.code, title: measure.title, planTitle: measure.planTitle };
      }),
    };
  });
}

/** Whether an item is an agreed area for improvement of the assessment (a write names one by id). */
function itemOf(tx: Pick<Tx, 'select'>, assessmentId: number, itemId: number): boolean {
  return Boolean(
    tx
      .select({ id: assessmentItems.id })
      .from(assessmentItems)
      .innerJoin(assessmentSheets, eq(assessmentSheets.id, assessmentItems.sheetId))
      .where(and(eq(assessmentItems.id, itemId), eq(assessmentSheets.assessmentId, assessmentId), isNull(assessmentSheets.userId), eq(assessmentItems.kind, 'improvement')))
      .get(),
  );
}

function priorityOf(tx: Pick<Tx, 'select'>, itemId: number) {
  return tx.select().from(improvementPriorities).where(eq(improvementPriorities.itemId, itemId)).get();
}

type Change = Partial<Pick<typeof improvementPriorities.$inferInsert, 'impact' | 'feasibility' | 'gapDecision'>>;

function savePriority(actor: User, assessmentId: number, itemId: number, change: Change, action: string): boolean {
  return writeTransaction((tx) => {
    if (!itemOf(tx, assessmentId, itemId)) return false;
    const before = priorityOf(tx, itemId);
    const values = { ...change, updatedBy: actor.id, updatedAt: new Date() };
    tx.insert(improvementPriorities)
      .values({ itemId, ...values })
      .onConflictDoUpdate({ target: improvementPriorities.itemId, set: values })
      .run();
    const was = before ? Object.fromEntries(Object.keys(change).map((key) => [key, before[key as keyof Change]])) : null;
    recordAudit(actor.id, 'assessment', assessmentId, action, was ? { itemId, ...was } : null, { itemId, ...change }, tx);
    return true;
  });
}

/** Records the chair's impact and feasibility (both checked by the route against the scale); false when the item is not an agreed area of the assessment. */
export function rateImprovement(actor: User, assessmentId: number, itemId: number, impact: number, feasibility: number): boolean {
  return savePriority(actor, assessmentId, itemId, { impact, feasibility }, 'priority-rate');
}

/** What the chair decided about an area no measure answers (null: undecided again). */
export function decideGap(actor: User, assessmentId: number, itemId: number, decision: GapDecision | null): boolean {
  return savePriority(actor, assessmentId, itemId, { gapDecision: decision }, 'priority-gap');
}

/** Links a measure to an area for improvement (confirming a suggestion or choosing another); false when either is unknown or it is linked already. */
export function linkMeasure(actor: User, assessmentId: number, itemId: number, measureId: number): boolean {
  return writeTransaction((tx) => {
    if (!itemOf(tx, assessmentId, itemId)) return false;
    if (!tx.select({ id: measures.id }).from(measures).where(eq(measures.id, measureId)).get()) return false;
    const added = tx.insert(improvementLinks).values({ itemId, measureId, createdBy: actor.id }).onConflictDoNothing().run();
    if (added.changes === 0) return false;
    recordAudit(actor.id, 'assessment', assessmentId, 'priority-link', null, { itemId, measureId }, tx);
    return true;
  });
}

export function unlinkMeasure(actor: User, assessmentId: number, itemId: number, measureId: number): boolean {
  return writeTransaction((tx) => {
    if (!itemOf(tx, assessmentId, itemId)) return false;
    const removed = tx
      .delete(improvementLinks)
      .where(and(eq(improvementLinks.itemId, itemId), eq(improvementLinks.measureId, measureId)))
      .run();
    if (removed.changes === 0) return false;
    recordAudit(actor.id, 'assessment', assessmentId, 'priority-unlink', { itemId, measureId }, null, tx);
    return true;
  });
}


/** For a plan's measures: how many areas for improvement of approved self-assessments each answers, and where they are listed. */
export function measureAnswers(planId: number): MeasureAnswers[] {
  const rows = getDb()
    .select({ measureId: improvementLinks.measureId, code: measures.code, title: measures.title, assessmentId: assessmentSheets.assessmentId })
    .from(improvementLinks)
    .innerJoin(measures, eq(measures.id, improvementLinks.measureId))
    .innerJoin(areas, eq(areas.id, measures.areaId))
    .innerJoin(assessmentItems, eq(assessmentItems.id, improvementLinks.itemId))
    .innerJoin(assessmentSheets, eq(assessmentSheets.id, assessmentItems.sheetId))
    .innerJoin(assessments, eq(assessments.id, assessmentSheets.assessmentId))
    .where(and(eq(measures.planId, planId), eq(assessments.stage, 'approved')))
    .orderBy(asc(areas.position), asc(measures.position), asc(measures.id), asc(assessmentSheets.assessmentId))
    .all();
  const answers: MeasureAnswers[] = [];
  for (const row of rows) {
    const last = answers.at(-1);
    if (last && last.measureId === row.measureId && last.assessmentId === row.assessmentId) last.areas += 1;
    else answers.push({ ...row, areas: 1 });
  }
  return answers;
}
