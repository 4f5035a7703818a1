/**
 * What the plan did about the previous approved self-assessment, for the next one: the scoring
 * and consensus pages' "previous self-assessment" panel, the report's change section and the
 * dashboard's criteria beside the latest scores. Rules and types: app/domain/plan-follow-up.ts;
 * activity states from the one SQL definition (activityStateCte) as of the new assessment's start.
 */
import { and, asc, desc, eq, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import { CAF_CRITERIA, criterionScore, SUB_CRITERIA } from '~/domain/assessment-scoring';
import { dateOfTimestampInSofia } from '~/domain/dates';
import { areaOutcome, type FollowUpActivity, type FollowUpMeasure, type PlanFollowUp, type PreviousAssessment, type PreviousPanel, type SubCriterionFollowUp } from '~/domain/plan-follow-up';
import { groupBy, rollUp, type Progress } from '~/domain/progress';
import { assessmentItems, assessments, assessmentSheets, improvementLinks, measureCafRefs, measures, plans, type Assessment } from '../../db/schema';
import { getDb } from '../../db/client';
import { activityStateCte, type ActivityStateRow } from './activity-state.server';
import { consensusOverview, sheetScoreOf } from './assessment-sheet.server';

/**
 * The previous approved self-assessment: for an approved one the latest approved before it was,
 * for one still under way the latest approved.
 */
export function previousAssessment(assessment: Pick<Assessment, 'id' | 'approvedAt'>): Assessment | null {
  const before = assessment.approvedAt ? lt(assessments.approvedAt, assessment.approvedAt) : undefined;
  return (
    getDb()
      .select()
      .from(assessments)
      .where(and(eq(assessments.stage, 'approved'), ne(assessments.id, assessment.id), before))
      .orderBy(desc(assessments.approvedAt), desc(assessments.id))
      .limit(1)
      .get() ?? null
  );
}

/** The day an assessment started (its creation, in Sofia): the day the plan's work is taken as of. */
export function startDayOf(assessment: Pick<Assessment, 'createdAt'>): string {
  return dateOfTimestampInSofia(assessment.createdAt.getTime());
}

function previousInfo(previous: Assessment): PreviousAssessment {
  return { id: previous.id, title: previous.title, period: previous.period, scoringSystem: previous.scoringSystem, approvedAt: previous.approvedAt?.getTime() ?? null };
}

type StateRow = Pick<ActivityStateRow, 'id' | 'measure_id' | 'code' | 'title' | 'status' | 'percent' | 'overdue'>;

const progressOf = (activities: FollowUpActivity[]): Progress => rollUp(activities.map((a) => ({ status: a.status, percent: a.percent, overdue: a.overdue })));

/** Each activity once, over some measures. */
function progressOver(measureList: readonly FollowUpMeasure[]): Progress {
  const unique = new Map(measureList.flatMap((m) => m.activities.map((a) => [a.id, a] as const)));
  return progressOf([...unique.values()]);
}

/** What the plan(s) answering `previous` did about each of its sub-criteria, the activities as of `asOf`. */
export function planFollowUp(previous: Assessment, asOf: string): PlanFollowUp {
  const db = getDb();
  const sheets = db
    .select()
    .from(assessmentSheets)
    .where(and(eq(assessmentSheets.assessmentId, previous.id), isNull(assessmentSheets.userId)))
    .all();
  const items = sheets.length
    ? db
        .select({ id: assessmentItems.id, sheetId: assessmentItems.sheetId, text: assessmentItems.text })
        .from(assessmentItems)
        .where(
          and(
            inArray(
              assessmentItems.sheetId,
              sheets.map((s) => s.id),
            ),
            eq(assessmentItems.kind, 'improvement'),
          ),
        )
        .orderBy(asc(assessmentItems.position))
        .all()
    : [];
  const links = items.length
    ? db
        .select({ itemId: improvementLinks.itemId, measureId: improvementLinks.measureId })
        .from(improvementLinks)
        .where(
          inArray(
            improvementLinks.itemId,
            items.map((i) => i.id),
          ),
        )
        .all()
    : [];
  const linkedMeasures = [...new Set(links.map((l) => l.measureId))];
  const planRows = linkedMeasures.length
    ? db
        .selectDistinct({ id: plans.id, title: plans.title })
        .from(plans)
        .innerJoin(measures, eq(measures.planId, plans.id))
        .where(inArray(measures.id, linkedMeasures))
        .orderBy(asc(plans.id))
        .all()
    : [];
  const planIds = planRows.map((p) => p.id);
  const titles = new Map(planRows.map((p) => [p.id, p.title]));
  const measureRows = planIds.length
    ? db
        .select({ id: measures.id, planId: measures.planId, code: measures.code, title: measures.title, position: measures.position })
        .from(measures)
        .where(inArray(measures.planId, planIds))
        .orderBy(asc(measures.planId), asc(measures.position), asc(measures.id))
        .all()
    : [];
  const refs = measureRows.length
    ? db
        .select()
        .from(measureCafRefs)
        .where(
          inArray(
            measureCafRefs.measureId,
            measureRows.map((m) => m.id),
          ),
        )
        .all()
    : [];
  const states = planIds.length
    ? db.all<StateRow>(
        sql`with ${activityStateCte(asOf)}
         select s.id, s.measure_id, s.code, s.title, s.status, s.percent, s.overdue from activity_state s
         where s.plan_id in (select value from json_each(${JSON.stringify(planIds)}))
         order by s.measure_id, s.position, s.id`,
      )
    : [];
  const activitiesBy = groupBy(states, (row) => row.measure_id);
  const measureOf = (row: (typeof measureRows)[number], byCaf: boolean, byLink: boolean): FollowUpMeasure => {
    const activities = (activitiesBy.get(row.id) ?? []).map((a) => ({ id: a.id, code: a.code, title: a.title, status: a.status, percent: a.percent, overdue: a.overdue === 1 }));
    return { id: row.id, planId: row.planId, planTitle: titles.get(row.planId)!, code: row.code, title: row.title, byCaf, byLink, progress: progressOf(activities), activities };
  };
  const doneBy = new Map(measureRows.map((m) => [m.id, (activitiesBy.get(m.id) ?? []).filter((a) => a.status === 'done').length]));
  const refsOf = groupBy(refs, (ref) => ref.measureId);
  const hasRef = (measureId: number, code: string) => (refsOf.get(measureId) ?? []).some((ref) => ref.cafCode === code);
  const itemsBySheet = groupBy(items, (item) => item.sheetId);
  const linksByItem = groupBy(links, (link) => link.itemId);

  const subCriteria = SUB_CRITERIA.map(({ code }): SubCriterionFollowUp => {
    const sheet = sheets.find((s) => s.cafCode === code);
    const areas = (sheet ? (itemsBySheet.get(sheet.id) ?? []) : []).map((item) => {
      const measureIds = (linksByItem.get(item.id) ?? []).map((link) => link.measureId);
      return { itemId: item.id, text: item.text, measureIds, outcome: areaOutcome(measureIds, doneBy) };
    });
    const linked = new Set(areas.flatMap((area) => area.measureIds));
    const onIt = measureRows.filter((m) => hasRef(m.id, code) || linked.has(m.id)).map((m) => measureOf(m, hasRef(m.id, code), linked.has(m.id)));
    return { code, score: sheet ? sheetScoreOf(previous.scoringSystem, sheet) : null, areas, measures: onIt, progress: progressOver(onIt) };
  });
  const criteria = CAF_CRITERIA.map((criterion) => {
    const ofSubs = subCriteria.filter((sub) => sub.code.split('.')[0] === criterion.code).flatMap((sub) => sub.measures);
    const own = measureRows.filter((m) => hasRef(m.id, criterion.code)).map((m) => measureOf(m, true, false));
    return { code: criterion.code, progress: progressOver([...ofSubs, ...own]) };
  });
  return { previous: previousInfo(previous), asOf, plans: planRows, subCriteria, criteria };
}

/** The scoring and consensus pages' panel: the previous assessment's sub-criterion and what the plan did about it, as of this assessment's start. */
export function previousPanel(assessment: Assessment, code: string): PreviousPanel | null {
  const previous = previousAssessment(assessment);
  if (!previous) return null;
  const followUp = planFollowUp(previous, startDayOf(assessment));
  return { previous: followUp.previous, asOf: followUp.asOf, plans: followUp.plans, sub: followUp.subCriteria.find((sub) => sub.code === code)! };
}

/** The latest approved self-assessment's score per criterion (the dashboard's comparison), null without one. */
export function latestCriterionScores(): { id: number; title: string; period: string; scores: Record<string, number | null> } | null {
  const latest = getDb().select().from(assessments).where(eq(assessments.stage, 'approved')).orderBy(desc(assessments.approvedAt), desc(assessments.id)).limit(1).get();
  if (!latest) return null;
  const subScores = new Map(consensusOverview(latest).map((row) => [row.code, row.consensus]));
  return { id: latest.id, title: latest.title, period: latest.period, scores: Object.fromEntries(CAF_CRITERIA.map((c) => [c.code, criterionScore(c.code, subScores)])) };
}
