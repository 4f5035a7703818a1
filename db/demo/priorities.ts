/**
 * The demo's closing of a CAF cycle: the chair's ratings of the agreed areas for improvement,
 * three days after the approval, the plan measures that answer them (those of the same
 * sub-criterion, named in the demo data as planMeasures) and the decisions on the areas no
 * measure answers (with `openGap`, the last one is left for the chair to decide).
 * Deterministic (the ratings come from a seed) and idempotent (a second run changes nothing).
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { writeTransaction } from '../client';
import { assessmentItems, assessments, assessmentSheets, improvementLinks, improvementPriorities, measures } from '../schema';
import type { DemoAssessment } from './assessment-lovech';
import { random } from './random';

/** Every this-many-th area is left unrated, so that the page shows what an unrated one looks like. */
const UNRATED_EVERY = 9;

export function seedPriorities(assessmentId: number, planId: number, demo: DemoAssessment, seed: number, openGap: boolean): void {
  const next = random(seed);
  const between = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  writeTransaction((tx) => {
    const chair = tx.select({ id: assessments.createdBy, at: assessments.approvedAt }).from(assessments).where(eq(assessments.id, assessmentId)).get()!;
    const at = new Date((chair.at ?? new Date()).getTime() + 1000 * 60 * 60 * 24 * 3);
    const items = tx
      .select({ id: assessmentItems.id, code: assessmentSheets.cafCode })
      .from(assessmentItems)
      .innerJoin(assessmentSheets, eq(assessmentSheets.id, assessmentItems.sheetId))
      .where(and(eq(assessmentSheets.assessmentId, assessmentId), isNull(assessmentSheets.userId), eq(assessmentItems.kind, 'improvement')))
      .orderBy(asc(assessmentSheets.cafCode), asc(assessmentItems.position))
      .all();
    const planMeasures = tx.select({ id: measures.id, code: measures.code, kind: measures.kind }).from(measures).where(eq(measures.planId, planId)).all();
    const measureOf = (code: string) => {
      const measure = planMeasures.find((m) => m.code === code);
      if (!measure) throw new Error(`Demo measure ${code} is not in the demo plan`);
      return measure;
    };
    const gaps: number[] = [];
    items.forEach((item, index) => {
      const agreed = demo.consensus.find((c) => c.code === item.code)!;
      const ofCode = items.filter((other) => other.code === item.code);
      const answering = agreed.planMeasures.map(measureOf);
      // Item k of a sub-criterion's n items gets its measures k, k+n, ... (so every measure answers one), else measure k mod m (so every item has one).
      const k = ofCode.indexOf(item);
      const spread = answering.filter((_, j) => j % ofCode.length === k);
      const linked = spread.length > 0 || answering.length === 0 ? spread : [answering[k % answering.length]!];
      for (const measure of linked) tx.insert(improvementLinks).values({ itemId: item.id, measureId: measure.id, createdBy: chair.id, createdAt: at }).onConflictDoNothing().run();
      if (linked.length === 0) gaps.push(item.id);
      const rated = index % UNRATED_EVERY !== UNRATED_EVERY - 1;
      const quick = linked.some((measure) => measure.kind === 'quick_win');
      const values = {
        impact: rated ? between(2, 5) : null,
        feasibility: rated ? (quick ? between(4, 5) : between(1, 4)) : null,
        gapDecision: linked.length === 0 ? (Number(item.code[0]) >= 6 ? ('accepted' as const) : ('planned_later' as const)) : null,
        updatedBy: chair.id,
        updatedAt: at,
      };
      tx.insert(improvementPriorities).values({ itemId: item.id, ...values }).onConflictDoNothing().run();
    });
    // One gap is left for the chair to decide on, to show what an open one looks like.
    const open = gaps.at(-1);
    if (openGap && open !== undefined) tx.update(improvementPriorities).set({ gapDecision: null }).where(eq(improvementPriorities.itemId, open)).run();
  });
}
