/**
 * Plans drafted in the app: made from the agreed areas for improvement the chair chose (the
 * structure from app/domain/plan-draft.ts), then approved. A draft sends no reminders and stays
 * out of the cross-plan views (plansOutOfView in plan.server.ts); while it is a draft, moving an
 * activity's end moves its baseline (activity.server.ts); once approved, a move is a reschedule.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { draftStructure, type DraftItem, type DraftPlanForm } from '~/domain/plan-draft';
import { todayInSofia } from '~/domain/dates';
import type { Lang } from '~/domain/lang';
import { translateWith } from '~/i18n/core';
import { draftPlanWords } from '~/i18n/plan-draft';
import { activities, areas, assessmentItems, assessmentSheets, improvementLinks, improvementPriorities, measureCafRefs, measures, plans, type User } from '../../db/schema';
import { writeTransaction, type Tx } from '../../db/client';
import { recordAudit } from './audit.server';
import { defaultOrganizationId } from './plan-import.server';

/** The chosen areas for improvement of the assessment (agreed items of its consensus sheets) with their ratings; ids not among them are left out. */
function chosenItems(tx: Pick<Tx, 'select'>, assessmentId: number, itemIds: readonly number[]): DraftItem[] {
  return tx
    .select({
      itemId: assessmentItems.id,
      code: assessmentSheets.cafCode,
      position: assessmentItems.position,
      text: assessmentItems.text,
      impact: improvementPriorities.impact,
      feasibility: improvementPriorities.feasibility,
    })
    .from(assessmentItems)
    .innerJoin(assessmentSheets, eq(assessmentSheets.id, assessmentItems.sheetId))
    .leftJoin(improvementPriorities, eq(improvementPriorities.itemId, assessmentItems.id))
    .where(
      and(
        inArray(assessmentItems.id, [...itemIds]),
        eq(assessmentSheets.assessmentId, assessmentId),
        isNull(assessmentSheets.userId),
        eq(assessmentItems.kind, 'improvement'),
      ),
    )
    .all();
}

export type DraftResult = { ok: true; planId: number } | { ok: false; error: 'pdUnknownItems' };

/**
 * Creates a draft plan from the chosen areas for improvement of an approved self-assessment,
 * grouped as the form says, and links each area to the measure made from it; the plan, its
 * rows, the links and the audit event in one transaction. Refused when an id is not an agreed
 * area of the assessment. `lang` words the areas' titles ("Критерий 3. Хора").
 */
export function createDraftPlan(actor: User, assessmentId: number, form: DraftPlanForm, lang: Lang): DraftResult {
  return writeTransaction((tx): DraftResult => {
    const itemIds = [...new Set(form.itemIds)];
    const items = chosenItems(tx, assessmentId, itemIds);
    if (items.length !== itemIds.length) return { ok: false, error: 'pdUnknownItems' };
    const structure = draftStructure(items, form.grouping, form.groups, lang, (criterion) => translateWith(lang, draftPlanWords, 'pdAreaTitle', criterion));
    const planId = tx
      .insert(plans)
      .values({ organizationId: defaultOrganizationId(), title: form.title, period: form.period || null, status: 'draft' })
      .returning({ id: plans.id })
      .get().id;
    let position = 0;
    let measureCount = 0;
    structure.forEach((area, areaIndex) => {
      const areaId = tx.insert(areas).values({ planId, code: area.code, title: area.title, position: areaIndex }).returning({ id: areas.id }).get().id;
      area.measures.forEach((measure, measureIndex) => {
        const measureId = tx
          .insert(measures)
          .values({ planId, areaId, code: measure.code, title: measure.title, kind: measure.kind, position: measureIndex })
          .returning({ id: measures.id })
          .get().id;
        measureCount += 1;
        tx.insert(measureCafRefs)
          .values(measure.cafCodes.map((cafCode) => ({ measureId, cafCode })))
          .run();
        tx.insert(activities)
          .values(measure.activities.map((activity) => ({ planId, measureId, code: activity.code, title: activity.title, position: position++ })))
          .run();
        tx.insert(improvementLinks)
          .values(measure.itemIds.map((itemId) => ({ itemId, measureId, createdBy: actor.id })))
          .run();
      });
    });
    recordAudit(
      actor.id,
      'plan',
      planId,
      'draft-from-assessment',
      null,
      { assessmentId, title: form.title, period: form.period || null, grouping: form.grouping, items: itemIds.length, areas: structure.length, measures: measureCount, activities: position },
      tx,
    );
    return { ok: true, planId };
  });
}

/**
 * Approves a draft plan: approved by the user, on the day (Sofia's), audit-logged. From then on
 * it is tracked as an imported plan is: its baseline is fixed, reminders go out, it counts in
 * the cross-plan views. 'not-found' for no such plan, 'not-draft' for one approved already.
 */
export function approvePlan(actor: User, planId: number, day = todayInSofia()): 'approved' | 'not-found' | 'not-draft' {
  return writeTransaction((tx) => {
    const plan = tx.select({ status: plans.status }).from(plans).where(eq(plans.id, planId)).get();
    if (!plan) return 'not-found';
    if (plan.status !== 'draft') return 'not-draft';
    const approval = { status: 'approved' as const, approvedBy: actor.name, approvedOn: day, approvedByUserId: actor.id };
    tx.update(plans).set(approval).where(eq(plans.id, planId)).run();
    recordAudit(actor.id, 'plan', planId, 'approve', { status: 'draft' }, approval, tx);
    return 'approved';
  });
}
